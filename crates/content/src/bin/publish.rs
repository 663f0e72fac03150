//! Writes the blog's content into a built site: the posts' folders and the
//! data files the app fetches (`crates/content/src/publish.rs`). Run by
//! Trunk's post-build hook (see Trunk.toml), so that an edit to a post needs
//! no Rust compilation:
//! `cargo run -p blog-content --bin publish -- <site-dir> [--drafts]`.
//!
//! The content folders are `BLOG_CONTENT` (`:`-separated, default
//! `content`). Every problem is printed as `path:line:column: reason`;
//! errors fail the run and write nothing, warnings do not.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::publish::publish;
use blog_content::report::summary;

const USAGE: &str = "usage: publish <site-dir> [--drafts]";

fn main() -> ExitCode {
    let started = Instant::now();
    let mut site = None;
    let mut drafts = Drafts::Leave;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--drafts" => drafts = Drafts::Include,
            other if other.starts_with('-') || site.is_some() => {
                eprintln!("publish: unexpected argument {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
            other => site = Some(PathBuf::from(other)),
        }
    }
    let Some(site) = site else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let content = std::env::var("BLOG_CONTENT").unwrap_or_else(|_| "content".to_owned());
    let roots: Vec<ContentRoot> = content
        .split(':')
        .filter(|root| !root.is_empty())
        .map(|root| ContentRoot::new(root, root))
        .collect();
    let library = Library::load(&roots, drafts);
    for diagnostic in &library.diagnostics {
        eprintln!("{diagnostic}");
    }
    if library.has_errors() {
        eprintln!(
            "error: {} in the blog's content; nothing was published",
            summary(&library.diagnostics)
        );
        return ExitCode::FAILURE;
    }
    match publish(&site, &library.posts) {
        Ok(written) => {
            eprintln!(
                "publish: {} posts, {} post files and {} index pages ({} KB) in {} ms",
                library.posts.len(),
                written.articles,
                written.index_pages,
                written.bytes / 1024,
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: publish: {err}");
            ExitCode::FAILURE
        }
    }
}
