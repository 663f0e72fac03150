//! Finding lines and columns in a file's text, so that a problem found at a
//! byte offset can be reported where an editor shows it.

use crate::diagnostic::{Diagnostic, Location};

/// The start of every line of a text, for turning byte offsets into
/// 1-based lines and columns.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        (line + 1, column)
    }
}

/// A YAML file of the content (`tags.yml`, `site.yml`) read with
/// serde-saphyr: its places and errors as an editor shows them.
pub struct YamlFile<'a> {
    shown: &'a str,
    text: &'a str,
    lines: LineIndex<'a>,
}

impl<'a> YamlFile<'a> {
    /// The file `text`, shown as `shown` in messages.
    pub fn new(shown: &'a str, text: &'a str) -> YamlFile<'a> {
        YamlFile {
            shown,
            text,
            lines: LineIndex::new(text),
        }
    }

    /// Where serde-saphyr's `location` (counted in characters) is.
    pub fn at(&self, location: &serde_saphyr::Location) -> Location {
        let chars = usize::try_from(location.span().offset()).unwrap_or(usize::MAX);
        let offset = self
            .text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(offset, _)| offset);
        let (line, column) = self.lines.position(offset);
        Location::at(self.shown, line, column)
    }

    /// A YAML error as an error at its place: `invalid <what>: <reason>`,
    /// without the snippet and the place the message repeats.
    pub fn error(&self, err: &serde_saphyr::Error, what: &str) -> Diagnostic {
        let location = err
            .location()
            .map_or_else(|| Location::path(self.shown), |location| self.at(&location));
        let message = err.without_snippet().to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(message, _)| message);
        Diagnostic::error(location, format!("invalid {what}: {message}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let index = LineIndex::new("ab\nüx\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(1), (1, 2));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(100), (3, 1));
    }
}
