//! Reads the one deploy setting, `BLOG_URL`: the blog's absolute URL, whose
//! path is where it is served (`https://example.org/` at the root,
//! `https://user.github.io/repo/` under a sub-path). Used by build.rs.

use std::fmt;

/// Where the blog is served when `BLOG_URL` is not set: `trunk serve`'s
/// address, so that a local build links to itself.
pub const DEFAULT: &str = "http://127.0.0.1:8080/";

/// A checked `BLOG_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl {
    /// The URL, ending in `/`.
    pub url: String,
    /// Its path, starting and ending in `/`.
    pub base: String,
}

/// Why a `BLOG_URL` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSiteUrl {
    pub value: String,
    pub reason: &'static str,
}

impl fmt::Display for BadSiteUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "BLOG_URL {:?}: {}; expected e.g. https://example.org/ or https://example.org/blog/",
            self.value, self.reason
        )
    }
}

impl std::error::Error for BadSiteUrl {}

impl SiteUrl {
    pub fn parse(value: &str) -> Result<SiteUrl, BadSiteUrl> {
        let bad = |reason| BadSiteUrl {
            value: value.to_owned(),
            reason,
        };
        let trimmed = value.trim();
        let rest = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"))
            .ok_or_else(|| bad("it must start with https:// or http://"))?;
        if trimmed.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
            return Err(bad("it may not hold a query, a fragment, spaces or quotes"));
        }
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() {
            return Err(bad("it names no host"));
        }
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if segments.iter().any(|s| *s == "." || *s == "..") {
            return Err(bad("its path may not hold `.` or `..`"));
        }
        let base = if segments.is_empty() {
            "/".to_owned()
        } else {
            format!("/{}/", segments.join("/"))
        };
        let scheme_len = trimmed.len() - rest.len();
        Ok(SiteUrl {
            url: format!("{}{host}{base}", &trimmed[..scheme_len]),
            base,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_root_url_has_the_root_as_base() {
        let site = SiteUrl::parse("https://example.org").unwrap();
        assert_eq!(site.url, "https://example.org/");
        assert_eq!(site.base, "/");
        assert_eq!(SiteUrl::parse(DEFAULT).unwrap().base, "/");
    }

    #[test]
    fn a_sub_path_becomes_the_base_with_slashes_on_both_ends() {
        let site = SiteUrl::parse("https://user.github.io/repo").unwrap();
        assert_eq!(site.url, "https://user.github.io/repo/");
        assert_eq!(site.base, "/repo/");
        assert_eq!(
            SiteUrl::parse("http://127.0.0.1:8080//a/b/").unwrap().base,
            "/a/b/"
        );
    }

    #[test]
    fn urls_that_cannot_be_a_site_are_refused_with_the_reason() {
        for value in [
            "example.org",
            "ftp://x/",
            "https://",
            "https://x/?a=1",
            "https://x/../y",
        ] {
            let err = SiteUrl::parse(value).unwrap_err();
            assert!(err.to_string().starts_with("BLOG_URL"), "{err}");
        }
    }
}
