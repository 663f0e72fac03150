//! The file name a translation's body is served under: its language and a
//! hash of its text (`de.3b1f0c9e2a.md`), so that a CDN may cache it for good
//! and an edit still shows at once.
//!
//! The hash is the first 40 bits of SHA-256, written in hex: a fixed,
//! documented algorithm, so the same text keeps its name across Rust releases
//! and machines (`std`'s `DefaultHasher` promises neither).

use sha2::{Digest, Sha256};

use crate::lang::Lang;

/// `<lang>.<hash>.md`.
pub fn body_name(lang: Lang, body: &str) -> String {
    format!("{}.{}.md", lang.code(), short_hash(body))
}

/// The first ten hex digits of the SHA-256 of `text`'s UTF-8 bytes.
pub fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..5]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_a_known_text_never_changes() {
        // SHA-256("") = e3b0c442…, SHA-256("hello\n") = 5891b5b5…
        assert_eq!(short_hash(""), "e3b0c44298");
        assert_eq!(short_hash("hello\n"), "5891b5b522");
        assert_eq!(body_name(Lang::De, "hello\n"), "de.5891b5b522.md");
    }
}
