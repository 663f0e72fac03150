//! Which URLs a post may use: an allow-list of schemes, read the way a
//! browser reads them. The app's Markdown mapping drops every other URL, and
//! the content checker warns about them, by this one rule.

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
// Inline: the app calls it from another crate, and the wasm is kept small.
#[inline]
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
}
