//! One problem found in the content: where it is (a path as the author
//! typed it, `content/…`, and a line and column), how bad it is, what is
//! wrong and what to do about it.

use std::fmt;

use serde::Serialize;

/// Errors stop the build; warnings are shown and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// A place in the content: a file or folder, and where in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Relative, the way it was given: `content/edge/de.md`.
    pub path: String,
    /// 1-based; `None` for a folder or a whole file.
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
}

impl Location {
    /// A whole file or folder.
    pub fn path(path: &str) -> Location {
        Location {
            path: path.to_owned(),
            line: None,
            column: None,
        }
    }

    /// A line in a file, from its first column.
    pub fn line(path: &str, line: usize) -> Location {
        Location::at(path, line, 1)
    }

    pub fn at(path: &str, line: usize, column: usize) -> Location {
        Location {
            path: path.to_owned(),
            line: Some(line),
            column: Some(column),
        }
    }
}

/// A problem with the content, and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(at: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Error, at, message.into())
    }

    pub fn warning(at: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Severity::Warning, at, message.into())
    }

    fn new(severity: Severity, at: Location, message: String) -> Diagnostic {
        Diagnostic {
            path: at.path,
            line: at.line,
            column: at.column,
            severity,
            message: one_line(message),
            help: None,
        }
    }

    /// Adds what the author should do.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(one_line(help.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `content/x/de.md:4:7`, or just the path where there is no line.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", self.path),
            (Some(line), None) => format!("{}:{line}", self.path),
            _ => self.path.clone(),
        }
    }
}

/// Of `known` names, the one nearest to a mistyped `name`, if one is near
/// enough: within a third of its length in edits (Damerau-Levenshtein), and
/// never fewer than `slack`. Every "did you mean" of the checker.
pub fn closest<'a>(
    name: &str,
    known: impl IntoIterator<Item = &'a str>,
    slack: usize,
) -> Option<&'a str> {
    known
        .into_iter()
        .map(|known| (strsim::damerau_levenshtein(name, known), known))
        .filter(|&(distance, known)| distance <= slack.max(known.chars().count() / 3))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, known)| known)
}

/// `text` with its control characters and line separators escaped (`\u{1}`,
/// `\t`). Messages quote the content, which may hold any of them; a message
/// is one line in a terminal and in an editor's annotation, and a raw one
/// would break the line, or drive the terminal (`\u{1b}[…`).
fn one_line(text: String) -> String {
    let breaks = |ch: char| ch.is_control() || matches!(ch, '\u{2028}' | '\u{2029}');
    if !text.contains(breaks) {
        return text;
    }
    text.chars()
        .map(|ch| {
            if breaks(ch) {
                ch.escape_default().to_string()
            } else {
                ch.to_string()
            }
        })
        .collect()
}

/// `content/x/de.md:4:7: error: message`, and the help on a line of its own.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.location(),
            self.severity,
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_prints_path_line_column_severity_reason_and_help() {
        let diagnostic = Diagnostic::error(Location::at("content/x/de.md", 4, 7), "bad date")
            .help("write YYYY-MM-DD");
        assert_eq!(
            diagnostic.to_string(),
            "content/x/de.md:4:7: error: bad date\n  help: write YYYY-MM-DD"
        );
    }

    #[test]
    fn control_characters_from_the_content_are_shown_escaped_so_a_message_stays_one_line() {
        let diagnostic = Diagnostic::error(Location::line("p.md", 1), "a\nb\u{0}c\u{1b}[31m")
            .help("read: \t\u{85}\u{2028}");
        assert_eq!(diagnostic.message, "a\\nb\\u{0}c\\u{1b}[31m");
        assert_eq!(
            diagnostic.help.as_deref(),
            Some("read: \\t\\u{85}\\u{2028}")
        );
    }

    #[test]
    fn a_folder_diagnostic_has_no_line() {
        let diagnostic = Diagnostic::warning(Location::path("content/x"), "no German");
        assert_eq!(diagnostic.to_string(), "content/x: warning: no German");
    }
}
