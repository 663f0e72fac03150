//! A YAML error said for an author: on the file's line (not the front
//! matter's), without the parser's own position suffix, and, for a value of
//! the wrong type, naming the field and the shape that was written.

use super::keys::Key;
use super::position;
use super::split::Split;
use crate::diagnostic::{Diagnostic, Location};

/// A YAML error on the file's line, naming the field it is in where the
/// line tells which.
pub fn yaml_problem(
    path: &str,
    split: &Split<'_>,
    keys: &[Key<'_>],
    err: &serde_saphyr::Error,
) -> Diagnostic {
    let (line, column) = err.location().map_or((split.closing_line, 1), |location| {
        position::in_file(split, &location)
    });
    let message = err.without_snippet().to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(message, _)| message);
    let field = keys.iter().rev().find(|key| key.line <= line);
    let wrong_type = message.contains("invalid type") || message.contains("expected string");
    let (message, help) = match field {
        Some(key) if key.name == "tags" => (
            "`tags` must be a list of tag ids".to_owned(),
            "write it as `tags: [security, edge]`, with ids from tags.yml".to_owned(),
        ),
        Some(key) if wrong_type && !key.name.eq("draft") => {
            let found = written_shape(split, key, line);
            (
                format!("`{}` must be a single line of text, not {found}", key.name),
                format!(
                    "write it as `{}: …` on one line; quote it if it holds `:`, `#` or `-`",
                    key.name
                ),
            )
        }
        Some(key) if key.name == "draft" => (
            format!("`draft` must be true or false: {message}"),
            "write `draft: true` or `draft: false`".to_owned(),
        ),
        // A syntax error is found where the parser gives up, which may be a
        // line below the cause (a quote left open), so no field is blamed.
        _ => (
            format!("invalid YAML: {message}"),
            "check the quotes and colons on this line and the one above; \
             each field is `name: value` on its own line"
                .to_owned(),
        ),
    };
    Diagnostic::error(Location::at(path, line, column), message).help(help)
}

/// What a field's value looks like where the YAML gave the wrong type: a
/// list (`- a` lines below, or `[a, b]`), a mapping, or some other value.
fn written_shape(split: &Split<'_>, key: &Key<'_>, error_line: usize) -> &'static str {
    let line_text = |file_line: usize| {
        split
            .yaml
            .lines()
            .nth(file_line.saturating_sub(split.yaml_line))
            .unwrap_or("")
    };
    let value = line_text(key.line)
        .split_once(':')
        .map_or("", |(_, value)| value.trim());
    let below = line_text(error_line).trim_start();
    if value.starts_with('[') || (value.is_empty() && below.starts_with('-')) {
        "a list"
    } else if value.starts_with('{') || value.is_empty() {
        "a mapping"
    } else {
        "this value"
    }
}
