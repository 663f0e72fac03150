//! Writes the blog's content into a built site: the posts' folders and the
//! data files the app fetches (`crates/content/src/publish.rs`). Run by
//! Trunk's post-build hook (see Trunk.toml), so that an edit to a post needs
//! no Rust compilation:
//! `cargo run -p blog-content --bin publish -- <site-dir> [--drafts]`.
//!
//! The content folders are `BLOG_CONTENT` (`:`-separated, default
//! `content`). Every problem is printed as `path:line:column: reason`;
//! errors fail the run and write nothing, warnings do not.
//!
//! `--watch` then keeps watching the content folders and publishes again
//! within a tenth of a second of a change, and writes `data/version.txt`,
//! which the app of `trunk serve` polls to show the change without a reload
//! (see Trunk.toml). It ends when another watcher starts for the same site,
//! or when the process `--parent` names (Trunk) has ended.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use blog_content::library::{ContentRoot, Drafts};
use blog_content::post_dir::Kind;
use blog_content::publish::{LibraryError, publish_library};
use blog_content::report::summary;
use blog_content::responsive::Cache;

const USAGE: &str = "usage: publish <site-dir> [--drafts] [--watch [--parent PID]]";

/// The command line, parsed.
struct Args {
    site: PathBuf,
    drafts: Drafts,
    watch: bool,
    parent: Option<u32>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut site = None;
    let (mut drafts, mut watch, mut parent) = (Drafts::Leave, false, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--drafts" => drafts = Drafts::Include,
            "--watch" => watch = true,
            "--parent" => {
                let pid = args.next().and_then(|pid| pid.parse().ok());
                parent = Some(pid.ok_or("--parent needs a process id")?);
            }
            other if other.starts_with('-') || site.is_some() => {
                return Err(format!("unexpected argument {other:?}"));
            }
            other => site = Some(PathBuf::from(other)),
        }
    }
    Ok(Args {
        site: site.ok_or("no site folder given")?,
        drafts,
        watch,
        parent,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(err) => {
            eprintln!("publish: {err}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let content = std::env::var("BLOG_CONTENT").unwrap_or_else(|_| "content".to_owned());
    let roots: Vec<ContentRoot> = content
        .split(':')
        .filter(|root| !root.is_empty())
        .map(|root| ContentRoot::new(root, root))
        .collect();
    if args.watch {
        watch::run(&args, &roots);
        return ExitCode::SUCCESS;
    }
    if publish_once(&args, &roots) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Loads, checks and publishes the content; whether it was published.
fn publish_once(args: &Args, roots: &[ContentRoot]) -> bool {
    let started = Instant::now();
    // Encoded images are kept between builds, beside cargo's.
    let cache = std::env::var_os("BLOG_IMAGE_CACHE").map_or_else(
        || {
            let target = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
            PathBuf::from(target).join("image-cache")
        },
        PathBuf::from,
    );
    let cache = Cache::new(cache);
    match publish_library(roots, args.drafts, &args.site, &cache) {
        Ok((library, written)) => {
            for diagnostic in &library.diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!(
                "publish: {} posts, {} post files, {} page files, {} index pages and {} tag pages ({} KB), \
                 a search index of {} KB ({} ms), {} image copies ({} encoded) in {} ms",
                library
                    .posts
                    .iter()
                    .filter(|post| post.kind == Kind::Post)
                    .count(),
                written.articles,
                written.pages,
                written.index_pages,
                written.tag_pages,
                written.bytes / 1024,
                written.search_bytes / 1024,
                written.search_time.as_millis(),
                written.variants,
                cache.encoded(),
                started.elapsed().as_millis()
            );
            true
        }
        Err(LibraryError::Content(diagnostics)) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!(
                "error: {} in the blog's content; nothing was published",
                summary(&diagnostics)
            );
            false
        }
        Err(LibraryError::Publish(err)) => {
            eprintln!("error: publish: {err}");
            false
        }
    }
}

mod watch {
    //! Publishing again on every change to the content, for `trunk serve`.

    use std::collections::hash_map::DefaultHasher;
    use std::fs;
    use std::hash::{Hash, Hasher};
    use std::path::Path;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use blog_content::library::ContentRoot;

    use super::{Args, publish_once};

    const INTERVAL: Duration = Duration::from_millis(100);

    pub fn run(args: &Args, roots: &[ContentRoot]) {
        // The newest watcher of a site wins: each names itself in the lock,
        // and one that no longer finds its name there stops. The lock is
        // outside the project, where no file watcher sees it change.
        let mut site_hash = DefaultHasher::new();
        fs::canonicalize(&args.site)
            .unwrap_or_else(|_| args.site.clone())
            .hash(&mut site_hash);
        let lock = std::env::temp_dir().join(format!(
            "edgewise-publish-watch-{:016x}",
            site_hash.finish()
        ));
        let me = std::process::id().to_string();
        if fs::write(&lock, &me).is_err() {
            eprintln!("publish: cannot write {}; not watching", lock.display());
            return;
        }
        let mut seen = fingerprint(roots);
        loop {
            std::thread::sleep(INTERVAL);
            let still_mine = fs::read_to_string(&lock).is_ok_and(|holder| holder == me);
            let parent_alive = args
                .parent
                .is_none_or(|pid| Path::new(&format!("/proc/{pid}")).exists());
            if !still_mine {
                return;
            }
            if !parent_alive {
                let _ = fs::remove_file(&lock);
                return;
            }
            let now = fingerprint(roots);
            if now != seen {
                seen = now;
                if publish_once(args, roots) {
                    let version = SystemTime::now()
                        .duration_since(UNIX_EPOCH)
                        .map_or(0, |time| time.as_millis());
                    let _ = fs::write(args.site.join("data/version.txt"), version.to_string());
                }
            }
        }
    }

    /// A hash of every file's path, size and time of change under `roots`.
    fn fingerprint(roots: &[ContentRoot]) -> u64 {
        let mut hasher = DefaultHasher::new();
        for root in roots {
            walk(&root.path, &mut hasher);
        }
        hasher.finish()
    }

    fn walk(dir: &Path, hasher: &mut DefaultHasher) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|entry| entry.file_name());
        for entry in entries {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            path.hash(hasher);
            if meta.is_dir() {
                walk(&path, hasher);
            } else {
                meta.len().hash(hasher);
                meta.modified().ok().hash(hasher);
            }
        }
    }
}
