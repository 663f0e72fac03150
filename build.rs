//! Turns `content/` into the post index compiled into the app
//! (`$OUT_DIR/posts.rs`) and the static files served beside it
//! (`posts/<id>/…` images and `bodies/<id>/<lang>.<hash>.md` under
//! `<target>/<triple>/<profile>/blog-assets/`, which
//! Trunk's post-build hook copies into `dist/`).
//!
//! A bad post fails the build with `path:line: reason` for every problem.
//! `BLOG_CONTENT` may list several content folders, separated by `:`;
//! `BLOG_URL` is where the blog is served (see `src/site_url.rs`). Native
//! builds (the pre-renderer, the tests) also get the bodies compiled in
//! (`$OUT_DIR/bodies.rs`), so they render posts without fetching them.

#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/i18n.rs"]
mod i18n;
#[allow(dead_code)]
#[path = "src/lang.rs"]
mod lang;
#[allow(dead_code)]
#[path = "src/site_url.rs"]
mod site_url;
#[allow(dead_code)]
#[path = "src/slug.rs"]
mod slug;
#[allow(dead_code)]
mod content {
    #[path = "../src/content/source.rs"]
    pub mod source;
}

use std::fmt::Write as _;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use content::source::{Post, Translation, load_posts};
use site_url::SiteUrl;

fn main() -> ExitCode {
    let manifest_dir = PathBuf::from(env("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env("OUT_DIR"));
    println!("cargo::rerun-if-env-changed=BLOG_URL");
    let site = std::env::var("BLOG_URL").unwrap_or_else(|_| site_url::DEFAULT.to_owned());
    let site = match SiteUrl::parse(&site) {
        Ok(site) => site,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!("cargo::rustc-env=BLOG_SITE_URL={}", site.url);
    println!("cargo::rustc-env=BLOG_BASE_PATH={}", site.base);
    let content = std::env::var("BLOG_CONTENT").unwrap_or_else(|_| "content".to_owned());
    println!("cargo::rerun-if-env-changed=BLOG_CONTENT");
    let roots: Vec<(PathBuf, String)> = content
        .split(':')
        .filter(|root| !root.is_empty())
        .map(|root| {
            (
                manifest_dir.join(root),
                root.trim_end_matches('/').to_owned(),
            )
        })
        .collect();
    for (path, _) in &roots {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    // Drafts show while writing (`trunk serve`) and stay out of release builds.
    let include_drafts = env("PROFILE") != "release";
    let root_refs: Vec<(&Path, &str)> = roots
        .iter()
        .map(|(path, shown)| (path.as_path(), shown.as_str()))
        .collect();

    let posts = match load_posts(&root_refs, include_drafts) {
        Ok(posts) => posts,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!(
                "error: {} problem(s) in the blog's content; nothing was built",
                errors.len()
            );
            return ExitCode::FAILURE;
        }
    };

    // `<target>/<triple>/<profile>/build/<crate>-<hash>/out` → `<target>/<triple>/<profile>`
    let profile_dir = out_dir
        .ancestors()
        .nth(3)
        .expect("OUT_DIR is nested in the target folder");
    let assets = profile_dir.join("blog-assets");
    // Only native builds render bodies without fetching them; the wasm stays
    // free of them.
    let native = !env("TARGET").starts_with("wasm32");
    let written = write_site(&assets, &site.base, &posts, native).and_then(|(index, bodies)| {
        fs::write(out_dir.join("posts.rs"), index)?;
        fs::write(out_dir.join("bodies.rs"), bodies)
    });
    if let Err(err) = written {
        eprintln!("error: writing {}: {err}", assets.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("cargo sets {name}"))
}

/// Writes bodies and assets below `site` and returns the source of the index
/// and of the bodies by URL (empty unless `with_bodies`). URLs start with
/// `base`, the blog's path.
fn write_site(
    site: &Path,
    base: &str,
    posts: &[Post],
    with_bodies: bool,
) -> std::io::Result<(String, String)> {
    if site.exists() {
        fs::remove_dir_all(site)?;
    }
    let mut index = String::from("static POSTS: &[Post] = &[\n");
    let mut bodies = String::from("static BODIES: &[(&str, &str)] = &[\n");
    for post in posts {
        let asset_base = format!("{base}posts/{}/", post.id);
        let dir = site.join("posts").join(&post.id);
        fs::create_dir_all(&dir)?;
        // Copy every file, and note the size of each that is an image
        // (files that are not, or not readable as one, have none).
        let mut images = Vec::new();
        for asset in &post.assets {
            let source = post.dir.join(asset);
            let target = dir.join(asset);
            fs::create_dir_all(target.parent().unwrap_or(&dir))?;
            fs::copy(&source, target)?;
            if let Ok(size) = imagesize::size(&source) {
                images.push((asset.to_string_lossy().replace('\\', "/"), size));
            }
        }
        writeln!(
            index,
            "    Post {{ id: {:?}, assets: Assets {{ base: {asset_base:?}, images: &[",
            post.id
        )
        .unwrap();
        for (path, size) in &images {
            writeln!(
                index,
                "        ImageSize {{ path: {path:?}, width: {}, height: {} }},",
                size.width, size.height
            )
            .unwrap();
        }
        index.push_str("    ] }, translations: &[\n");
        for translation in &post.translations {
            // The body's name carries a hash of its text, so a CDN may cache
            // it for good and an edit is still seen at once.
            let body_name = format!(
                "{}.{}.md",
                translation.lang.code(),
                short_hash(&translation.body)
            );
            // Bodies live apart from the post's images, in a folder of
            // hashed names only, so that a host can cache it for good.
            let body_dir = site.join("bodies").join(&post.id);
            fs::create_dir_all(&body_dir)?;
            fs::write(body_dir.join(&body_name), &translation.body)?;
            let body_url = format!("{base}bodies/{}/{body_name}", post.id);
            if with_bodies {
                writeln!(bodies, "    ({body_url:?}, {:?}),", translation.body).unwrap();
            }
            write_translation(&mut index, translation, &images, &asset_base, &body_url)?;
        }
        index.push_str("    ] },\n");
    }
    index.push_str("];\n");
    bodies.push_str("];\n");
    Ok((index, bodies))
}

fn write_translation(
    index: &mut String,
    translation: &Translation,
    images: &[(String, imagesize::ImageSize)],
    asset_base: &str,
    body_url: &str,
) -> std::io::Result<()> {
    let front = &translation.front;
    let lang = translation.lang;
    let cover = match &front.cover {
        Some(cover) => {
            // source.rs checked that the cover is a readable image in the folder.
            let path = cover.path.to_string_lossy().replace('\\', "/");
            let (_, size) = images
                .iter()
                .find(|(image, _)| *image == path)
                .ok_or_else(|| std::io::Error::other(format!("cover {path} has no size")))?;
            let url = format!("{asset_base}{path}");
            let alt = cover.alt.as_deref().unwrap_or(&front.title);
            format!(
                "Some(Cover {{ url: {url:?}, alt: {alt:?}, width: {}, height: {} }})",
                size.width, size.height
            )
        }
        None => "None".to_owned(),
    };
    let date = front.date;
    writeln!(
        index,
        "        Translation {{ lang: Lang::{lang:?}, slug: {:?}, title: {:?}, description: {:?}, \
         date: Date {{ year: {}, month: {}, day: {} }}, date_label: {:?}, reading_time: {:?}, \
         cover: {cover}, body_url: {body_url:?}, draft: {} }},",
        front.slug,
        front.title,
        front.description,
        date.year,
        date.month,
        date.day,
        i18n::format_date(lang, date),
        i18n::format_reading_time(lang, i18n::reading_minutes(translation.words)),
        front.draft,
    )
    .unwrap();
    Ok(())
}

fn short_hash(text: &str) -> String {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    format!("{:016x}", hasher.finish())[..10].to_owned()
}
