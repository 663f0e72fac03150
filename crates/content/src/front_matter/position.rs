//! Where in the file a place the YAML parser names is. The parser counts a
//! lone `\r` as a line break, where editors that show `\r\n` files and this
//! crate's other messages count `\n` only; its offset (in characters from
//! the YAML's start) says the place either way.

use serde_saphyr::Location;

use super::split::Split;
use crate::source_text::LineIndex;

/// The file line and column (in characters) of `location` in `split`'s
/// YAML.
pub fn in_file(split: &Split<'_>, location: &Location) -> (usize, usize) {
    let chars = usize::try_from(location.span().offset()).unwrap_or(usize::MAX);
    let offset = split
        .yaml
        .char_indices()
        .nth(chars)
        .map_or(split.yaml.len(), |(offset, _)| offset);
    let (line, column) = LineIndex::new(split.yaml).position(offset);
    (split.yaml_line + line - 1, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::split;
    use serde::Deserialize;
    use serde_saphyr::Spanned;

    #[derive(Deserialize)]
    struct Title {
        title: Spanned<String>,
    }

    #[test]
    fn a_lone_carriage_return_does_not_start_a_line() {
        let text = "---\ndescription: \"a\rb\"\ntitle: T\n---\n";
        let parts = split("p.md", text).unwrap();
        let read: Title = serde_saphyr::from_str(parts.yaml).unwrap();
        assert_eq!(in_file(&parts, &read.title.referenced), (3, 8));
    }
}
