//! The bytes of a post file as text: UTF-8 without a byte-order mark, and no
//! mojibake (UTF-8 that was once read as Windows-1252 and saved again, so
//! `—` became `â€”` and `ä` became `Ã¤`).

use crate::diagnostic::{Diagnostic, Location};

const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Reads `bytes` as the UTF-8 text of the file shown as `path`.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(BYTE_ORDER_MARK) {
        return Err(Diagnostic::error(
            Location::line(path, 1),
            "the file starts with a byte-order mark",
        )
        .help("save it as UTF-8 without BOM (the front matter's `---` must be the first bytes)"));
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&byte| b'\n' == byte).count() + 1;
        let line_start = valid
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |at| at + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        Diagnostic::error(
            Location::at(path, line, column),
            "the file is not UTF-8 (Latin-1 or Windows-1252, perhaps)",
        )
        .help("save the file as UTF-8 in your editor")
    })
}

/// Every line of the file shown as `path` that holds mojibake, with the
/// line as it should read.
pub fn find_mojibake(path: &str, text: &str) -> Vec<Diagnostic> {
    text.lines()
        .enumerate()
        .filter_map(|(index, line)| {
            let (column, repaired) = repair(line)?;
            Some(
                Diagnostic::error(
                    Location::at(path, index + 1, column),
                    "mojibake: UTF-8 text that was decoded as Windows-1252 once",
                )
                .help(format!("the line should read: {}", repaired.trim())),
            )
        })
        .collect()
}

/// The 1-based column of the first mojibake in `line` and the line repaired,
/// or `None` when it has none.
pub fn repair(line: &str) -> Option<(usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut first = None;
    let mut at = 0;
    while at < chars.len() {
        if let Some((decoded, used)) = decode_sequence(&chars[at..]) {
            first.get_or_insert(at + 1);
            out.push(decoded);
            at += used;
        } else {
            out.push(chars[at]);
            at += 1;
        }
    }
    first.map(|column| (column, out))
}

/// A UTF-8 sequence of two to four bytes spelled as Windows-1252
/// characters at the start of `chars`: the character it encodes and how many
/// characters it took.
fn decode_sequence(chars: &[char]) -> Option<(char, usize)> {
    let lead = windows_1252_byte(*chars.first()?)?;
    let length = match lead {
        // Not 0xDE and 0xDF (`Þ`, `ß`): they would decode to Thaana and
        // NKo, which no post here is written in, while `ß` before a closing
        // quote (`groß“`) is plain German.
        0xC2..=0xDD => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = vec![lead];
    for &ch in chars.get(1..length)? {
        let byte = windows_1252_byte(ch)?;
        if !(0x80..=0xBF).contains(&byte) {
            return None;
        }
        bytes.push(byte);
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((decoded, length))
}

/// The byte that Windows-1252 shows as `ch`, for the characters above ASCII.
fn windows_1252_byte(ch: char) -> Option<u8> {
    const HIGH: [(char, u8); 27] = [
        ('€', 0x80),
        ('‚', 0x82),
        ('ƒ', 0x83),
        ('„', 0x84),
        ('…', 0x85),
        ('†', 0x86),
        ('‡', 0x87),
        ('ˆ', 0x88),
        ('‰', 0x89),
        ('Š', 0x8A),
        ('‹', 0x8B),
        ('Œ', 0x8C),
        ('Ž', 0x8E),
        ('‘', 0x91),
        ('’', 0x92),
        ('“', 0x93),
        ('”', 0x94),
        ('•', 0x95),
        ('–', 0x96),
        ('—', 0x97),
        ('˜', 0x98),
        ('™', 0x99),
        ('š', 0x9A),
        ('›', 0x9B),
        ('œ', 0x9C),
        ('ž', 0x9E),
        ('Ÿ', 0x9F),
    ];
    match u32::from(ch) {
        // Latin-1 above ASCII, and the five bytes Windows-1252 leaves
        // undefined, which decoders pass through as C1 controls.
        code @ 0x80..=0xFF => u8::try_from(code).ok(),
        _ => HIGH
            .iter()
            .find(|(shown, _)| *shown == ch)
            .map(|&(_, byte)| byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_mojibake_is_repaired() {
        assert_eq!(
            repair("close to the userâ€”running"),
            Some((18, "close to the user—running".to_owned()))
        );
        assert_eq!(
            repair("GrÃ¶ÃŸe Ã¼ber Ã„pfel, schÃ¤tzen"),
            Some((3, "Größe über Äpfel, schätzen".to_owned()))
        );
        assert_eq!(
            repair("â€œquotedâ€\u{9d}"),
            Some((1, "“quoted”".to_owned()))
        );
    }

    #[test]
    fn correct_text_has_no_mojibake() {
        for line in [
            "Größe über Äpfel — “quoted” …",
            "naïve café, 5 €",
            "Â",
            "plain",
            "„Er ist groß“, sagt sie",
            "Fuß‘ Maß— Þ©",
        ] {
            assert_eq!(repair(line), None, "{line}");
        }
    }

    #[test]
    fn mojibake_is_reported_on_every_line_it_is_on() {
        let found = find_mojibake("content/a/de.md", "ok\nschÃ¶n\nok\nâ€” x\n");
        let places: Vec<_> = found.iter().map(|d| d.location()).collect();
        assert_eq!(places, ["content/a/de.md:2:4", "content/a/de.md:4:1"]);
        assert_eq!(
            found[0].help.as_deref(),
            Some("the line should read: schön")
        );
    }

    #[test]
    fn latin_1_bytes_are_not_utf_8_and_say_where() {
        let err = decode("content/a/de.md", b"---\nGr\xF6\xDFe\n".to_vec()).unwrap_err();
        assert_eq!(err.location(), "content/a/de.md:2:3");
        assert!(err.message.contains("not UTF-8"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_an_error() {
        let err = decode("p.md", b"\xEF\xBB\xBF---\n".to_vec()).unwrap_err();
        assert!(err.message.contains("byte-order mark"), "{err}");
    }
}
