//! Cuts a translation file into its front matter (between a first `---`
//! line and the next `---` or `...` line) and its Markdown body.

use crate::diagnostic::{Diagnostic, Location};

/// A file cut in two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the delimiters.
    pub yaml: &'a str,
    /// The file line of the YAML's first line (2: below the opening `---`).
    pub yaml_line: usize,
    /// The line of the closing delimiter.
    pub closing_line: usize,
    /// Everything after the closing delimiter's line.
    pub body: &'a str,
    /// The file line the body starts on.
    pub body_line: usize,
    /// The byte offset of the body in the file.
    pub body_offset: usize,
}

/// Splits the text of the file shown as `path`.
pub fn split<'a>(path: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().unwrap_or("");
    if opening.trim_end() != "---" {
        return Err(Diagnostic::error(
            Location::line(path, 1),
            "the file has no front matter: it must start with a `---` line",
        )
        .help("begin the file with `---`, the fields `title`, `description` and `date`, and another `---`"));
    }
    let yaml_start = opening.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            let line_number = index + 2;
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                closing_line: line_number,
                body: &text[offset + line.len()..],
                body_line: line_number + 1,
                body_offset: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        Location::line(path, 1),
        "the front matter is not closed: no `---` line after the opening one",
    )
    .help("add a `---` line after the last front-matter field"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_splits_into_yaml_and_body_with_their_lines() {
        let parts = split("p.md", "---\ntitle: T\n---\n\nBody\n").unwrap();
        assert_eq!(parts.yaml, "title: T\n");
        assert_eq!(parts.closing_line, 3);
        assert_eq!(parts.body, "\nBody\n");
        assert_eq!(parts.body_line, 4);
        assert_eq!(parts.body_offset, 17);
    }

    #[test]
    fn windows_line_endings_and_a_closing_ellipsis_are_accepted() {
        let parts = split("p.md", "---\r\ntitle: T\r\n...\r\nbody\r\n").unwrap();
        assert_eq!(parts.yaml, "title: T\r\n");
        assert_eq!(parts.body, "body\r\n");
    }

    #[test]
    fn a_file_without_an_opening_line_has_no_front_matter() {
        let err = split("content/x/de.md", "# Just Markdown\n").unwrap_err();
        assert_eq!(err.location(), "content/x/de.md:1:1");
        assert!(err.message.contains("no front matter"), "{err}");
    }

    #[test]
    fn front_matter_without_a_closing_line_is_not_closed() {
        let err = split("content/x/de.md", "---\ntitle: T\n").unwrap_err();
        assert!(err.message.contains("not closed"), "{err}");
    }
}
