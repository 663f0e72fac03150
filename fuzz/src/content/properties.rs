//! What every run of the content checker must give, whatever the input:
//! diagnostics that name a place in the content folder as the author typed
//! it, a line and column inside the file, and a one-line message; front
//! matter that, once accepted, holds what a post needs; and, for a file
//! built to be valid, no error and the fields it was built with.

use blog_content::diagnostic::Diagnostic;
use blog_content::front_matter::FrontMatter;
use blog_content::report::{Format, render};
use blog_model::slug::{is_slug, reserved};

use crate::content::post_text::Expected;

/// The content folder as the checker is given it.
pub const ROOT: &str = "content";

/// Checks every diagnostic; `file` gives the bytes of a file by the path
/// shown, and `is_folder` says whether a path shown is a folder of the
/// content.
pub fn diagnostics(
    diagnostics: &[Diagnostic],
    file: impl Fn(&str) -> Option<Vec<u8>>,
    is_folder: impl Fn(&str) -> bool,
) -> Result<(), String> {
    for diagnostic in diagnostics {
        one(diagnostic, &file, &is_folder)
            .map_err(|problem| format!("{problem}: {diagnostic:?}"))?;
    }
    report(diagnostics)
}

/// The report `check-content` prints: a line per diagnostic and one per
/// help in human form, and JSON that reads back as the diagnostics.
fn report(diagnostics: &[Diagnostic]) -> Result<(), String> {
    let human = render(diagnostics, Format::Human);
    let lines = diagnostics.len() + diagnostics.iter().filter(|d| d.help.is_some()).count();
    if human.lines().count() != lines {
        return Err(format!("the report has not {lines} lines:\n{human}"));
    }
    let json: serde_json::Value = serde_json::from_str(&render(diagnostics, Format::Json))
        .map_err(|err| format!("the JSON report does not read back: {err}"))?;
    let messages: Vec<&str> = json
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry["message"].as_str())
        .collect();
    let expected: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    if messages != expected {
        return Err(format!("the JSON report says {messages:?}"));
    }
    Ok(())
}

fn one(
    diagnostic: &Diagnostic,
    file: &impl Fn(&str) -> Option<Vec<u8>>,
    is_folder: &impl Fn(&str) -> bool,
) -> Result<(), String> {
    let path = &diagnostic.path;
    if !(path == ROOT || path.starts_with(&format!("{ROOT}/"))) {
        return Err(format!("the path is not inside `{ROOT}` as given"));
    }
    if path.split('/').any(|part| matches!(part, "" | "." | "..")) || path.contains('\\') {
        return Err("the path is not a plain relative path".to_owned());
    }
    one_line("message", &diagnostic.message)?;
    if let Some(help) = &diagnostic.help {
        one_line("help", help)?;
    }
    if diagnostic.column.is_some() && diagnostic.line.is_none() {
        return Err("a column without a line".to_owned());
    }
    let Some(line) = diagnostic.line else {
        return if file(path).is_some() || is_folder(path) {
            Ok(())
        } else {
            Err("the path is neither a file nor a folder of the content".to_owned())
        };
    };
    let Some(bytes) = file(path) else {
        return Err("a line in something that is not a file".to_owned());
    };
    let text = String::from_utf8_lossy(&bytes);
    // `split` gives one more line than the text has when it ends in a line
    // break: the empty line after it, where an editor's cursor can stand.
    let lines: Vec<&str> = text.split('\n').collect();
    if line == 0 || line > lines.len() {
        return Err(format!(
            "line {line} is outside the file's {} lines",
            lines.len()
        ));
    }
    let column = diagnostic.column.unwrap_or(1);
    let width = lines[line - 1].trim_end_matches('\r').chars().count();
    if column == 0 || column > width + 1 {
        return Err(format!(
            "column {column} is outside line {line}, {width} characters long"
        ));
    }
    Ok(())
}

/// A message is one line in a terminal and in an editor's annotation: no
/// line breaks, no control characters that would move the cursor or
/// change colours, and not empty.
fn one_line(what: &str, text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("the {what} is empty"));
    }
    if let Some(ch) = text
        .chars()
        .find(|&ch| ch.is_control() || matches!(ch, '\u{2028}' | '\u{2029}'))
    {
        return Err(format!("the {what} holds the control character {ch:?}"));
    }
    Ok(())
}

/// Front matter the checker accepted holds what a post needs.
pub fn accepted(front: &FrontMatter) -> Result<(), String> {
    if front.title.trim().is_empty() || front.title.trim() != front.title {
        return Err(format!("accepted title {:?}", front.title));
    }
    if front.description.trim().is_empty() {
        return Err(format!("accepted description {:?}", front.description));
    }
    let slug = &front.slug.value;
    if !is_slug(slug) || reserved(slug).is_some() {
        return Err(format!("accepted slug {slug:?}"));
    }
    if let Some(cover) = &front.cover
        && (cover.path.is_absolute() || cover.path.as_os_str().is_empty())
    {
        return Err(format!("accepted cover {:?}", cover.path));
    }
    Ok(())
}

/// A file built to be valid reads back as it was built.
pub fn round_trip(front: &FrontMatter, expected: &Expected) -> Result<(), String> {
    let Some(date) = front.date else {
        return Err("a post read back without its date".to_owned());
    };
    let read = Expected {
        title: front.title.clone(),
        description: front.description.clone(),
        date,
        slug: front.slug.value.clone(),
        draft: front.draft,
        cover: front.cover.as_ref().map(|cover| cover.path.clone()),
    };
    if read == *expected {
        Ok(())
    } else {
        Err(format!("read back {read:#?}\nbuilt with {expected:#?}"))
    }
}
