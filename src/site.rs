//! Where the blog is served: its absolute URL and the path it lives under.
//!
//! Both come from one setting, `BLOG_URL` at build time (see README,
//! "Deploying"), which build.rs checks and hands in as `BLOG_SITE_URL`
//! (always ending in `/`) and `BLOG_BASE_PATH` (its path: `/` or `/blog/`).
//! Every link the app writes goes through [`path`], so a build for `/blog/`
//! links within `/blog/`; [`absolute`] gives the URLs crawlers and feeds need.
//!
//! What the blog is called and says of itself is no setting of the build
//! but data (the site file, `content/site.yml`): [`identity`].

use std::sync::Arc;

use blog_model::site::Site;
use leptos::prelude::{provide_context, use_context};

/// The blog's identity as the site file gives it, for every component:
/// each page carries it (`start.rs` reads it), the pre-renderer hands it in.
#[derive(Clone)]
struct Identity(Arc<Site>);

/// Makes `site` the blog's identity for the components below.
pub fn provide_identity(site: Arc<Site>) {
    provide_context(Identity(site));
}

/// The blog's identity: its name, what it says of itself, its author.
pub fn identity() -> Arc<Site> {
    use_context::<Identity>().map_or_else(|| Arc::new(Site::default()), |identity| identity.0)
}

/// The blog's absolute URL, e.g. `https://example.org/blog/`.
pub const URL: &str = env!("BLOG_SITE_URL");

/// The path the blog is served under, starting and ending with `/`.
pub const BASE: &str = env!("BLOG_BASE_PATH");

/// The router's base: [`BASE`] without its trailing slash (`""` at the root).
pub fn router_base() -> &'static str {
    BASE.trim_end_matches('/')
}

/// A path within the blog, from one relative to its root: `de/` → `/blog/de/`.
pub fn path(relative: &str) -> String {
    format!("{BASE}{}", relative.trim_start_matches('/'))
}

/// The path relative to the blog's root (`/blog/de/` → `de/`), or `None`
/// for a path outside the blog.
pub fn strip_base(path: &str) -> Option<&str> {
    if let Some(relative) = path.strip_prefix(BASE) {
        Some(relative)
    } else if path == router_base() {
        Some("")
    } else {
        None
    }
}

/// The absolute URL of a path within the blog (`/blog/de/` →
/// `https://example.org/blog/de/`). Paths outside it are joined as they are.
pub fn absolute(path: &str) -> String {
    match strip_base(path) {
        Some(relative) => format!("{URL}{relative}"),
        None => format!("{}{path}", origin()),
    }
}

/// `https://example.org`, without a path.
fn origin() -> &'static str {
    URL.strip_suffix(BASE).unwrap_or(URL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_ends_with_the_base_path() {
        assert!(BASE.starts_with('/') && BASE.ends_with('/'));
        assert!(URL.ends_with(BASE), "{URL} / {BASE}");
    }

    #[test]
    fn paths_are_joined_to_the_base_and_stripped_from_it() {
        assert_eq!(path("de/"), format!("{BASE}de/"));
        assert_eq!(path("/de/"), format!("{BASE}de/"));
        assert_eq!(strip_base(&path("de/x/")), Some("de/x/"));
        assert_eq!(strip_base(router_base()), Some(""));
        assert_eq!(absolute(&path("de/")), format!("{URL}de/"));
    }
}
