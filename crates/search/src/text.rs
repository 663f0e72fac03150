//! Words as the index holds them: split, lower-cased, stemmed in the
//! language they are in, then folded, so that the forms a reader types find
//! the forms an author wrote. `Größe`, `groesse` and `grosse` are one term;
//! so are `computing` and `computers`, `Netzgeräte` and `Netzgerät`.

use blog_model::lang::Lang;
use blog_model::slug::to_lower;
use rust_stemmers::{Algorithm, Stemmer};

/// Words shorter than this are left out of the index (and of queries).
pub const MIN_WORD: usize = 2;

/// Whether `ch` is part of a word: ASCII letters and digits, and every
/// character from Latin-1's letters on but the blocks of punctuation and
/// symbols that stand between words. Unicode's tables
/// (`char::is_alphanumeric`) would weigh more in the wasm than all of the
/// rest of search; the index and the queries split words alike either way.
pub fn is_word_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric()
        || (ch >= 'À'
            && !matches!(
                ch,
                '×' | '÷'
                    | '\u{2000}'..='\u{2BFF}'
                    | '\u{2E00}'..='\u{2E7F}'
                    | '\u{3000}'..='\u{303F}'
                    | '\u{FE10}'..='\u{FE6F}'
                    | '\u{FF00}'..='\u{FF0F}'
            ))
}

/// `word` in lower case, as far as [`to_lower`] knows it (ASCII and the
/// Latin letters; other scripts stay as written, in the index and in
/// queries alike).
fn lower(word: &str) -> String {
    word.chars().flat_map(to_lower).collect()
}

/// The words of `text` with their byte offsets: runs of [`is_word_char`].
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, ch)) = rest.peek() {
            if is_word_char(ch) {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(at, ch)) = rest.peek() {
            if !is_word_char(ch) {
                break;
            }
            end = at + ch.len_utf8();
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// `word` lower-cased, its umlauts and accents taken off and `ß` written
/// `ss`, then `ae`, `oe`, `ue` written `a`, `o`, `u`: the spellings of a
/// German word with and without umlauts (`Größe`, `groesse`, `grosse`)
/// become one.
pub fn fold(word: &str) -> String {
    let mut plain = String::with_capacity(word.len());
    for ch in word.chars().flat_map(to_lower) {
        match ch {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => plain.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => plain.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => plain.push('u'),
            'é' | 'è' | 'ê' | 'ë' => plain.push('e'),
            'í' | 'ì' | 'î' | 'ï' => plain.push('i'),
            'ß' => plain.push_str("ss"),
            'ñ' => plain.push('n'),
            'ç' => plain.push('c'),
            // Combining marks, as in a decomposed `ü` (`u` + U+0308).
            '\u{300}'..='\u{36f}' => {}
            ch => plain.push(ch),
        }
    }
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    while let Some(ch) = chars.next() {
        out.push(ch);
        if matches!(ch, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
    }
    out
}

/// The stemmer of a language.
fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::En => Algorithm::English,
        Lang::De => Algorithm::German,
    })
}

/// Stems words of one language and folds them into terms.
pub struct Terms {
    stemmer: Stemmer,
}

impl Terms {
    pub fn new(lang: Lang) -> Terms {
        Terms {
            stemmer: stemmer(lang),
        }
    }

    /// The term of `word`, or `None` for a word too short or too common to
    /// search for.
    pub fn term(&self, word: &str) -> Option<String> {
        let lower = lower(word);
        if lower.chars().count() < MIN_WORD || is_stop_word(&lower) {
            return None;
        }
        Some(fold(&self.stemmer.stem(&lower)))
    }
}

/// Words so common in English or German that they find everything.
fn is_stop_word(word: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
        "on", "or", "that", "the", "this", "to", "was", "with", "am", "auf", "aus", "bei", "das",
        "dass", "dem", "den", "der", "des", "die", "ein", "eine", "einen", "einer", "es", "im",
        "ist", "mit", "nicht", "sich", "sie", "und", "von", "zu", "zum", "zur",
    ];
    STOP.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let found: Vec<(usize, &str)> = words("Größe: 42 edge-nodes, über…").collect();
        assert_eq!(
            found,
            [
                (0, "Größe"),
                (9, "42"),
                (12, "edge"),
                (17, "nodes"),
                (24, "über")
            ]
        );
        assert_eq!(words(" — ").count(), 0);
    }

    #[test]
    fn umlauts_and_their_spellings_fold_alike() {
        assert_eq!(fold("Größe"), "grosse");
        assert_eq!(fold("groesse"), "grosse");
        assert_eq!(fold("GROSSE"), "grosse");
        assert_eq!(fold("Übersetzung"), "ubersetzung");
        assert_eq!(fold("Uebersetzung"), "ubersetzung");
        assert_eq!(fold("u\u{308}ber"), "uber");
        assert_eq!(fold("café"), "cafe");
    }

    #[test]
    fn terms_are_stemmed_in_their_language_then_folded() {
        let (en, de) = (Terms::new(Lang::En), Terms::new(Lang::De));
        assert_eq!(en.term("Computing"), en.term("computers"));
        assert_eq!(en.term("caching"), en.term("cached"));
        assert_eq!(de.term("Größe"), de.term("groesse"));
        assert_eq!(de.term("Größe"), de.term("grosse"));
        assert_eq!(de.term("Netzgeräte"), de.term("Netzgerät"));
        assert_eq!(de.term("Datenbanken"), de.term("Datenbank"));
        assert_eq!(en.term("the"), None);
        assert_eq!(de.term("und"), None);
        assert_eq!(en.term("x"), None);
    }
}
