//! Which URLs a rendered post may link to or load, stated here apart from
//! `src/markdown.rs` so the tests check the mapping against the rule rather
//! than against itself: a relative URL (`/de/`, `img.png`, `#top`, `//host`)
//! or one with a scheme on the allow-list, read the way a browser reads it.

/// The schemes a post may use: another site, or a mail address.
pub const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Whether a browser following `url` would stay on an allowed scheme.
pub fn is_allowed(url: &str) -> bool {
    match scheme(url) {
        Some(scheme) => ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()),
        None => true,
    }
}

/// The scheme a browser reads in `url` (WHATWG URL: leading and trailing
/// C0 controls and spaces are stripped, tabs and newlines anywhere are
/// removed, then a letter and letters, digits, `+`, `-`, `.` up to a `:`),
/// or `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_owned())
}
