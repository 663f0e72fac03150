//! What the app's build.rs does, so that it is a few lines: read `BLOG_URL`
//! and `BLOG_CONTENT`, load the library, report its diagnostics the way
//! cargo shows them (warnings as `cargo:warning`, errors failing the build,
//! all of them), and write the index, the bodies and the static files.
//!
//! The post index goes to `$OUT_DIR/posts.rs`; images and bodies to
//! `<target>/<triple>/<profile>/blog-assets/`, which Trunk's post-build hook
//! copies into `dist/`. Native builds (the pre-renderer, the tests) also get
//! the bodies compiled in (`$OUT_DIR/bodies.rs`), so they render posts
//! without fetching them; the wasm never holds them.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::assets;
use crate::codegen;
use crate::library::{ContentRoot, Drafts, Library};
use crate::report::summary;
use crate::site_url::{self, SiteUrl};

/// Why the build script stopped.
#[derive(Debug)]
pub enum BuildError {
    /// Cargo did not set a variable it always sets for build scripts.
    Cargo(&'static str),
    SiteUrl(site_url::BadSiteUrl),
    /// The content has errors, each already printed.
    Content(String),
    Write(PathBuf, std::io::Error),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Cargo(name) => {
                write!(f, "{name} is not set; run this from cargo's build script")
            }
            BuildError::SiteUrl(err) => err.fmt(f),
            BuildError::Content(summary) => write!(
                f,
                "{summary} in the blog's content; nothing was built (run `cargo run --bin check-content` to see them alone)"
            ),
            BuildError::Write(path, err) => write!(f, "writing {}: {err}", path.display()),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::SiteUrl(err) => Some(err),
            BuildError::Write(_, err) => Some(err),
            _ => None,
        }
    }
}

/// Runs the build script of the package at `CARGO_MANIFEST_DIR`.
pub fn run() -> Result<(), BuildError> {
    let manifest_dir = PathBuf::from(cargo_env("CARGO_MANIFEST_DIR")?);
    let out_dir = PathBuf::from(cargo_env("OUT_DIR")?);
    println!("cargo::rerun-if-env-changed=BLOG_URL");
    println!("cargo::rerun-if-env-changed=BLOG_CONTENT");
    let site = std::env::var("BLOG_URL").unwrap_or_else(|_| site_url::DEFAULT.to_owned());
    let site = SiteUrl::parse(&site).map_err(BuildError::SiteUrl)?;
    println!("cargo::rustc-env=BLOG_SITE_URL={}", site.url);
    println!("cargo::rustc-env=BLOG_BASE_PATH={}", site.base);

    let content = std::env::var("BLOG_CONTENT").unwrap_or_else(|_| "content".to_owned());
    let roots: Vec<ContentRoot> = content
        .split(':')
        .filter(|root| !root.is_empty())
        .map(|root| ContentRoot::new(manifest_dir.join(root), root))
        .collect();
    for root in &roots {
        // Cargo watches a folder's whole tree, so an edit to any post
        // (or a new one) runs this again.
        println!("cargo::rerun-if-changed={}", root.path.display());
    }
    // Drafts show while writing (`trunk serve`) and stay out of release builds.
    let drafts = if cargo_env("PROFILE")? == "release" {
        Drafts::Leave
    } else {
        Drafts::Include
    };
    let library = Library::load(&roots, drafts);
    for warning in library.warnings() {
        // Cargo shows one line per `warning`; the help goes on its own.
        for line in warning.to_string().lines() {
            println!("cargo::warning={line}");
        }
    }
    if library.has_errors() {
        for error in library.errors() {
            eprintln!("{error}");
        }
        return Err(BuildError::Content(summary(&library.diagnostics)));
    }

    // `<target>/<triple>/<profile>/build/<crate>-<hash>/out` → `<target>/<triple>/<profile>`
    let profile_dir = out_dir.ancestors().nth(3).unwrap_or(&out_dir);
    let site_dir = profile_dir.join("blog-assets");
    let published = assets::write(&site_dir, &site.base, &library.posts)
        .map_err(|err| BuildError::Write(site_dir.clone(), err))?;
    write(&out_dir.join("posts.rs"), &codegen::index(&published))?;
    // Only native builds render bodies without fetching them.
    let native = !cargo_env("TARGET")?.starts_with("wasm32");
    let bodies = if native {
        codegen::bodies(&published)
    } else {
        codegen::bodies(&[])
    };
    write(&out_dir.join("bodies.rs"), &bodies)
}

fn write(path: &Path, contents: &str) -> Result<(), BuildError> {
    fs::write(path, contents).map_err(|err| BuildError::Write(path.to_owned(), err))
}

fn cargo_env(name: &'static str) -> Result<String, BuildError> {
    std::env::var(name).map_err(|_| BuildError::Cargo(name))
}
