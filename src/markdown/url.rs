//! The URLs in a post: which a link or image may use (an allow-list of
//! schemes, read the way a browser reads them), and how they are written
//! into an attribute (percent-encoded like the CommonMark reference
//! renderers, rebased under the blog's path).

/// What a URL in a post may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `http:` or `https:`, or `//host/…` (the page's scheme): another site.
    External,
    /// `mailto:`.
    Mail,
    /// A path on this site: `/de/`, `./img.png`, `../x`.
    Relative,
    /// `#section`.
    Fragment,
    /// Any other scheme (`javascript:`, `data:`, `vbscript:`, `blob:`, …):
    /// never followed. The schemes above are an allow-list; everything not
    /// on it lands here.
    Unsafe,
}

/// Classifies a URL the way a browser would read its scheme: ASCII tabs and
/// newlines inside it and leading control characters or spaces are ignored
/// (so `java\tscript:` is still `javascript:`).
pub fn classify_url(url: &str) -> UrlKind {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.starts_with('#') {
        return UrlKind::Fragment;
    }
    if cleaned.starts_with("//") {
        return UrlKind::External;
    }
    let scheme_end =
        cleaned.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')));
    let scheme = match scheme_end {
        Some(end) if cleaned[end..].starts_with(':') && end > 0 => &cleaned[..end],
        _ => return UrlKind::Relative,
    };
    if !scheme.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return UrlKind::Relative;
    }
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => UrlKind::External,
        "mailto" => UrlKind::Mail,
        _ => UrlKind::Unsafe,
    }
}

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
    fn urls_are_classified_as_a_browser_reads_their_scheme() {
        assert_eq!(classify_url("java\tscript:alert(1)"), UrlKind::Unsafe);
        assert_eq!(classify_url(" \u{1}javascript:x"), UrlKind::Unsafe);
        assert_eq!(classify_url("HTTPS://x.y"), UrlKind::External);
        assert_eq!(classify_url("./a:b.png"), UrlKind::Relative);
        assert_eq!(classify_url("img/cover.jpg"), UrlKind::Relative);
        assert_eq!(classify_url("1http:x"), UrlKind::Relative);
        assert_eq!(classify_url("//cdn.example/x.png"), UrlKind::External);
        assert_eq!(classify_url("/\t/cdn.example/"), UrlKind::External);
    }

    #[test]
    fn only_http_https_and_mailto_are_allowed_schemes() {
        for url in [
            "blob:https://x/y",
            "data:,x",
            "vbscript:x",
            "tel:123",
            "file:///etc",
        ] {
            assert_eq!(classify_url(url), UrlKind::Unsafe, "{url}");
        }
        assert_eq!(classify_url("MailTo:a@b.c"), UrlKind::Mail);
    }

    #[test]
    fn spaces_backslashes_and_non_ascii_are_percent_encoded_but_escapes_are_not() {
        assert_eq!(encode("/my url"), "/my%20url");
        assert_eq!(encode("/\\evil.example"), "/%5Cevil.example");
        assert_eq!(encode("/föö"), "/f%C3%B6%C3%B6");
        assert_eq!(encode("a\"b<c>"), "a%22b%3Cc%3E");
        assert_eq!(encode("/a%20b?x=1&y=2#top"), "/a%20b?x=1&y=2#top");
    }
}
