//! What the app's build.rs does, so that it is a few lines: read `BLOG_URL`,
//! check it, and hand the site's URL and base path to the compiler. The
//! content is not compiled in: the post-build hook publishes it as data
//! (`publish.rs`), so an edit to a post compiles nothing.

use std::fmt;

use crate::site_url::{self, SiteUrl};

/// Why the build script stopped.
#[derive(Debug)]
pub enum BuildError {
    SiteUrl(site_url::BadSiteUrl),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::SiteUrl(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::SiteUrl(err) => Some(err),
        }
    }
}

/// Runs the build script of the app.
pub fn run() -> Result<(), BuildError> {
    // Only this script and the variable matter; without these lines cargo
    // would run it again whenever any file of the package changed.
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=BLOG_URL");
    let site = std::env::var("BLOG_URL").unwrap_or_else(|_| site_url::DEFAULT.to_owned());
    let site = SiteUrl::parse(&site).map_err(BuildError::SiteUrl)?;
    println!("cargo::rustc-env=BLOG_SITE_URL={}", site.url);
    println!("cargo::rustc-env=BLOG_BASE_PATH={}", site.base);
    Ok(())
}
