//! URL slugs derived from titles and headings.

/// Turns a title into a URL slug: lower case ASCII letters and digits joined
/// by single hyphens. German letters are transliterated (`ä` → `ae`,
/// `ß` → `ss`) and common Latin accents dropped (`é` → `e`); any other
/// character separates words.
// `#[inline]`: the app calls it across the crate boundary, and the wasm is
// smaller when it can be inlined there.
#[inline]
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars().flat_map(to_lower) {
        let piece = match ch {
            'a'..='z' | '0'..='9' => None,
            'ä' | 'æ' => Some("ae"),
            'ö' | 'œ' => Some("oe"),
            'ü' => Some("ue"),
            'ß' => Some("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' => Some("a"),
            'ç' => Some("c"),
            'è' | 'é' | 'ê' | 'ë' => Some("e"),
            'ì' | 'í' | 'î' | 'ï' => Some("i"),
            'ñ' => Some("n"),
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => Some("o"),
            'ù' | 'ú' | 'û' => Some("u"),
            'ý' | 'ÿ' => Some("y"),
            _ => {
                pending_hyphen = !slug.is_empty();
                continue;
            }
        };
        if pending_hyphen {
            slug.push('-');
            pending_hyphen = false;
        }
        match piece {
            Some(piece) => slug.push_str(piece),
            None => slug.push(ch),
        }
    }
    slug
}

/// `ch.to_lowercase()`, for every character whose lower case [`slugify`]
/// keeps a letter of: ASCII and Latin-1 capitals, `Œ`, `Ÿ`, `ẞ`, the Kelvin
/// and Ångström signs, and `İ` (an `i` and a combining dot). Any other
/// character stays as it is, which `slugify` drops as it drops its lower
/// case (a test checks every character). Unicode's case tables, which
/// `char::to_lowercase` needs, would be most of what `slugify` weighs in the
/// app's wasm, where it makes the ids of headings.
pub fn to_lower(ch: char) -> impl Iterator<Item = char> {
    let lower = match ch {
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(u32::from(ch) + 32).unwrap_or(ch),
        'Œ' => 'œ',
        'Ÿ' => 'ÿ',
        'ẞ' => 'ß',
        '\u{212A}' => 'k',
        '\u{212B}' => 'å',
        '\u{130}' => return ['i', '\u{307}'].into_iter().take(2),
        _ => ch,
    };
    [lower, lower].into_iter().take(1)
}

/// Whether `text` is already a slug as [`slugify`] makes them.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && slugify(text) == text
}

/// Slugs a post may not take, with the reason: a post's page is
/// `/<lang>/<slug>/`, and these name files the build writes, or pages the
/// blog keeps for itself.
const RESERVED: [(&str, &str); 12] = [
    (
        "feed.xml",
        "the build writes each language's feed at `/<lang>/feed.xml`",
    ),
    (
        "index.html",
        "each language's index is `/<lang>/index.html`",
    ),
    ("sitemap.xml", "the build writes `sitemap.xml`"),
    ("robots.txt", "the build writes `robots.txt`"),
    ("404.html", "the build writes `404.html`"),
    ("404", "it would look like the page for missing addresses"),
    ("index", "it would look like the language's index"),
    ("feed", "it would look like the language's feed"),
    ("sitemap", "it would look like the sitemap"),
    ("tags", "the path is kept for pages of posts by tag"),
    ("search", "the path is kept for the search page"),
    ("page", "the path is kept for pages of the index"),
];

/// Why `slug` may not be used, if it is reserved.
pub fn reserved(slug: &str) -> Option<&'static str> {
    RESERVED
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(slug))
        .map(|(_, reason)| *reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_titles_give_the_expected_slugs() {
        assert_eq!(
            slugify("The Rise of Serverless Edge Computing"),
            "the-rise-of-serverless-edge-computing"
        );
        assert_eq!(
            slugify("Der Aufstieg des Serverless Edge Computing"),
            "der-aufstieg-des-serverless-edge-computing"
        );
    }

    #[test]
    fn german_letters_are_transliterated() {
        assert_eq!(slugify("Größe über Äpfel"), "groesse-ueber-aepfel");
        assert_eq!(slugify("ÄÖÜ ß"), "aeoeue-ss");
    }

    #[test]
    fn punctuation_and_spaces_collapse_into_single_hyphens() {
        assert_eq!(slugify("  Hello,   World! — 2026 "), "hello-world-2026");
        assert_eq!(slugify("C++ & Rust: a/b"), "c-rust-a-b");
        assert_eq!(slugify("Café crème"), "cafe-creme");
    }

    #[test]
    fn every_character_slugs_as_with_unicodes_lower_case() {
        for ch in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = format!("a{ch}b");
            // `to_lower` changes no character that is already Unicode's lower
            // case, so this is `slugify` with `char::to_lowercase`.
            let expected: String = text.chars().flat_map(char::to_lowercase).collect();
            assert_eq!(
                slugify(&text),
                slugify(&expected),
                "U+{:04X}",
                u32::from(ch)
            );
        }
    }

    #[test]
    fn text_without_letters_or_digits_gives_an_empty_slug() {
        assert_eq!(slugify("—!?"), "");
        assert_eq!(slugify("日本語"), "");
    }

    #[test]
    fn names_the_build_writes_are_reserved() {
        for slug in [
            "feed.xml",
            "sitemap.xml",
            "tags",
            "404",
            "page",
            "index.html",
        ] {
            assert!(reserved(slug).is_some(), "{slug}");
        }
        assert_eq!(reserved("pages-of-tags"), None);
    }

    #[test]
    fn only_canonical_slugs_are_slugs() {
        assert!(is_slug("edge-computing-2026"));
        for text in [
            "",
            "Edge",
            "edge--computing",
            "-edge",
            "edge-",
            "edge computing",
            "über",
        ] {
            assert!(!is_slug(text), "{text:?}");
        }
    }
}
