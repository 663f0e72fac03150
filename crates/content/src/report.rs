//! Diagnostics as people and tools read them: `path:line:column: severity:
//! reason` with the fix below it, or a JSON array an editor or CI can use to
//! annotate files.

use crate::diagnostic::Diagnostic;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// Every diagnostic in `format`, ending in a newline.
pub fn render(diagnostics: &[Diagnostic], format: Format) -> String {
    match format {
        Format::Human => diagnostics
            .iter()
            .map(|diagnostic| format!("{diagnostic}\n"))
            .collect(),
        Format::Json => {
            // Serializing plain strings and numbers cannot fail.
            let json = serde_json::to_string_pretty(diagnostics).unwrap_or_default();
            format!("{json}\n")
        }
    }
}

/// `2 errors, 1 warning`.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    #[test]
    fn json_output_names_path_line_column_severity_message_and_help() {
        let diagnostics = [
            Diagnostic::error(Location::at("content/a/en.md", 4, 7), "bad").help("fix it"),
            Diagnostic::warning(Location::path("content/a"), "odd"),
        ];
        let json: serde_json::Value =
            serde_json::from_str(&render(&diagnostics, Format::Json)).unwrap();
        assert_eq!(
            json,
            serde_json::json!([
                {"path": "content/a/en.md", "line": 4, "column": 7, "severity": "error", "message": "bad", "help": "fix it"},
                {"path": "content/a", "line": null, "column": null, "severity": "warning", "message": "odd", "help": null},
            ])
        );
        assert_eq!(summary(&diagnostics), "1 error, 1 warning");
    }
}
