//! Hands the site's URL (`BLOG_URL`, checked by `blog_model::site_url`) to
//! the compiler as `BLOG_SITE_URL` and its path as `BLOG_BASE_PATH` (read by
//! `src/site.rs`). The posts are not compiled in: Trunk's post-build hook
//! publishes them as data files, so an edit to a post compiles nothing.

use std::process::ExitCode;

use blog_model::site_url::{self, SiteUrl};

fn main() -> ExitCode {
    // Only this script and the variable matter; without these lines cargo
    // would run it again whenever any file of the package changed.
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=BLOG_URL");
    let site = std::env::var("BLOG_URL").unwrap_or_else(|_| site_url::DEFAULT.to_owned());
    match SiteUrl::parse(&site) {
        Ok(site) => {
            println!("cargo::rustc-env=BLOG_SITE_URL={}", site.url);
            println!("cargo::rustc-env=BLOG_BASE_PATH={}", site.base);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
