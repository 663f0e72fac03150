//! Percent-encoding of the URLs the blog writes into attributes, in one
//! place: a link's `href` and an image's `src` (as the CommonMark reference
//! renderers write them), and each URL in a `srcset` list, where a comma
//! would split it.

/// Bytes kept as they are in a URL: letters, digits and these. `%` stays,
/// so an encoded URL is not encoded twice.
const KEPT: &[u8] = b"-_.+!*'(),%#@?=;:/$~&^";

/// Percent-encodes what may not stand in a URL as written: a space, a
/// backslash (which browsers read as `/`, so `/\evil.example` would leave
/// the site), quotes, angle brackets, control and non-ASCII characters.
pub fn encode_url(url: &str) -> String {
    encode(url, b"")
}

/// [`encode_url`], and commas too, which would end the URL in a `srcset`.
pub fn encode_srcset_url(url: &str) -> String {
    encode(url, b",")
}

fn encode(url: &str, also: &[u8]) -> String {
    let mut encoded = String::with_capacity(url.len());
    for &byte in url.as_bytes() {
        if (byte.is_ascii_alphanumeric() || KEPT.contains(&byte)) && !also.contains(&byte) {
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
        assert_eq!(encode_url("/my url"), "/my%20url");
        assert_eq!(encode_url("/\\evil.example"), "/%5Cevil.example");
        assert_eq!(encode_url("/föö"), "/f%C3%B6%C3%B6");
        assert_eq!(encode_url("a\"b<c>"), "a%22b%3Cc%3E");
        assert_eq!(encode_url("/a%20b?x=1&y=2#top"), "/a%20b?x=1&y=2#top");
    }

    #[test]
    fn a_srcset_url_has_its_commas_encoded_too() {
        assert_eq!(encode_url("/a,b.png"), "/a,b.png");
        assert_eq!(
            encode_srcset_url("/posts/a%20b/my shot,1.ä.480.webp"),
            "/posts/a%20b/my%20shot%2C1.%C3%A4.480.webp"
        );
    }
}
