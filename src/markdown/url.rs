//! The URLs in a post: which a link or image may use (an allow-list of
//! schemes, read the way a browser reads them), and how they are written
//! into an attribute (percent-encoded like the CommonMark reference
//! renderers, rebased under the blog's path).

pub use blog_model::percent::encode_url as encode;
pub use blog_model::url_kind::{UrlKind, classify_url};

/// A path from the site's root (`/de/`) as the blog is served: under its
/// base path (`/blog/de/`). Anything else stays as it is.
pub fn within_site(url: &str) -> String {
    if url.starts_with('/') && !url.starts_with("//") {
        crate::site::path(url)
    } else {
        url.to_owned()
    }
}
