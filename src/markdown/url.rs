//! The URLs in a post: which a link or image may use (an allow-list of
//! schemes, read the way a browser reads them), and how they are written
//! into an attribute (percent-encoded like the CommonMark reference
//! renderers, rebased under the blog's path).

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

/// Percent-encodes what may not stand in a URL as written, as the CommonMark
/// reference renderers do: a space, a backslash (which browsers read as `/`,
/// so `/\evil.example` would leave the site), quotes, angle brackets, control
/// and non-ASCII characters. `%` stays, so an encoded URL is not encoded twice.
pub fn encode(url: &str) -> String {
    /// Bytes kept as they are: letters, digits and these.
    const KEPT: &[u8] = b"-_.+!*'(),%#@?=;:/$~&^";
    let mut encoded = String::with_capacity(url.len());
    for &byte in url.as_bytes() {
        if byte.is_ascii_alphanumeric() || KEPT.contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_backslashes_and_non_ascii_are_percent_encoded_but_escapes_are_not() {
        assert_eq!(encode("/my url"), "/my%20url");
        assert_eq!(encode("/\\evil.example"), "/%5Cevil.example");
        assert_eq!(encode("/föö"), "/f%C3%B6%C3%B6");
        assert_eq!(encode("a\"b<c>"), "a%22b%3Cc%3E");
        assert_eq!(encode("/a%20b?x=1&y=2#top"), "/a%20b?x=1&y=2#top");
    }
}
