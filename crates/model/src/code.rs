//! Highlighted code, as the build computes it and the app draws it: a
//! fenced block's language, and the token runs of its text, each a length
//! and one of a few classes. A post file holds the runs of its body's
//! fenced blocks with a language, in the order the body has them: body and
//! runs come from one parse, when the content is published.
//! The build highlights; the app only cuts the text into `<span class>`s, so
//! no highlighter reaches the wasm and both sides draw the same DOM.

/// The token classes, by the letter the data files write: the `class` of a
/// token's `<span>` is `t` and the letter (`tc` for a comment). Each has a
/// light and a dark colour in `style/main.css`.
pub const TOKEN_CLASSES: [(char, &str); 14] = [
    ('c', "comment"),
    ('k', "keyword"),
    ('s', "string"),
    ('n', "number or constant"),
    ('f', "function"),
    ('t', "type"),
    ('m', "macro, attribute or preprocessor"),
    ('v', "parameter or special variable"),
    ('g', "tag"),
    ('a', "attribute name"),
    ('e', "escape or regular expression"),
    ('h', "heading or section"),
    ('i', "inserted line"),
    ('d', "deleted line"),
];

/// A run of a block's text: `len` bytes, drawn in `class` (a letter of
/// [`TOKEN_CLASSES`]) or plain (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub len: u32,
    pub class: Option<char>,
}

/// The token runs of one fenced block with a language: none where the
/// highlighter did not know the language or failed on the text, and the
/// block is drawn plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Cover the text exactly, in order.
    pub runs: Vec<Run>,
}

/// The language of a fenced block's info string, lower-cased: `rust` for
/// ` ```rust,ignore ` or ` ```Rust {.numbered} `; `None` for none, or for a
/// word that could not be a language's name.
pub fn block_language(info: &str) -> Option<String> {
    let language = info.split([' ', ',', '{']).next()?.trim();
    let valid = !language.is_empty()
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_'));
    valid.then(|| language.to_ascii_lowercase())
}

impl Highlight {
    /// Cuts `code` along the runs: each piece with its class. `None` when
    /// the runs do not cover the text exactly or cut inside a character.
    pub fn pieces<'a>(&self, code: &'a str) -> Option<Vec<(&'a str, Option<char>)>> {
        let mut rest = code;
        let mut pieces = Vec::with_capacity(self.runs.len());
        for run in &self.runs {
            let len = usize::try_from(run.len).ok()?;
            if len == 0 || !rest.is_char_boundary(len) {
                return None;
            }
            let (piece, after) = rest.split_at(len);
            pieces.push((piece, run.class));
            rest = after;
        }
        rest.is_empty().then_some(pieces)
    }
}

/// Runs as the data files write them: each its length and its class letter,
/// `_` for plain, with nothing between (`2k1_5s`).
pub fn encode_runs(runs: &[Run]) -> String {
    let mut out = String::with_capacity(runs.len() * 3);
    for run in runs {
        out.push_str(&run.len.to_string());
        out.push(run.class.unwrap_or('_'));
    }
    out
}

/// Reads what [`encode_runs`] wrote; `None` for a length without a class, a
/// class without a length, or a letter outside [`TOKEN_CLASSES`].
pub fn decode_runs(text: &str) -> Option<Vec<Run>> {
    let mut runs = Vec::new();
    let mut len: Option<u32> = None;
    for ch in text.chars() {
        if let Some(digit) = ch.to_digit(10) {
            len = Some(len.unwrap_or(0).checked_mul(10)?.checked_add(digit)?);
        } else {
            let class = match ch {
                '_' => None,
                letter if TOKEN_CLASSES.iter().any(|(known, _)| *known == letter) => Some(letter),
                _ => return None,
            };
            runs.push(Run {
                len: len.take()?,
                class,
            });
        }
    }
    len.is_none().then_some(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_first_word_of_the_info_string() {
        assert_eq!(block_language("rust,ignore").as_deref(), Some("rust"));
        assert_eq!(block_language("Rust {.x}").as_deref(), Some("rust"));
        assert_eq!(block_language("c++").as_deref(), Some("c++"));
        assert_eq!(block_language(""), None);
        assert_eq!(block_language("<script>"), None);
    }

    #[test]
    fn runs_read_back_and_cut_the_text_they_were_made_for() {
        let runs = vec![
            Run {
                len: 2,
                class: Some('k'),
            },
            Run {
                len: 1,
                class: None,
            },
            Run {
                len: 12,
                class: Some('s'),
            },
        ];
        let text = encode_runs(&runs);
        assert_eq!(text, "2k1_12s");
        assert_eq!(decode_runs(&text), Some(runs.clone()));
        let highlight = Highlight { runs };
        assert_eq!(
            highlight.pieces("fn \"Grüße\\n\"\n"),
            Some(vec![
                ("fn", Some('k')),
                (" ", None),
                ("\"Grüße\\n\"\n", Some('s'))
            ])
        );
        // Too short, too long, or inside the `ü`.
        assert_eq!(highlight.pieces("fn \"Grüße\""), None);
        assert_eq!(highlight.pieces("fn \"Grüße\\n\"\n!"), None);
        assert_eq!(highlight.pieces("fü\"Grüße\\n\"\n"), None);
    }

    #[test]
    fn malformed_runs_are_refused() {
        for bad in ["2", "k", "2x", "2k3", "99999999999k"] {
            assert_eq!(decode_runs(bad), None, "{bad}");
        }
        assert_eq!(decode_runs(""), Some(vec![]));
    }
}
