//! A Hugo content file split into its front matter and its body: YAML
//! between `---` lines, TOML between `+++` lines, or a JSON object at the
//! very start. A file without front matter is all body.

use crate::value::{self, Value};

/// A content file, split.
#[derive(Debug, Clone)]
pub struct Split {
    /// The front matter, a map (empty without one).
    pub fields: Value,
    /// The text after the front matter.
    pub body: String,
    /// The file's line the body starts on, from 1.
    pub body_line: usize,
}

/// Splits `text`; the error says what is wrong with the front matter.
pub fn split(text: &str) -> Result<Split, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default().trim_end();
    match first {
        "---" => fenced(text, "---", value::from_yaml),
        "+++" => fenced(text, "+++", value::from_toml),
        _ if text.starts_with('{') => json(text),
        _ => Ok(Split {
            fields: value::from_yaml("").expect("an empty map"),
            body: text.to_owned(),
            body_line: 1,
        }),
    }
}

/// Front matter between two `fence` lines.
fn fenced(
    text: &str,
    fence: &str,
    read: fn(&str) -> Result<Value, String>,
) -> Result<Split, String> {
    let mut offset = 0;
    let mut matter_start = None;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        if index == 0 {
            matter_start = Some(offset);
            continue;
        }
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            let matter = &text[matter_start.unwrap_or(0)..start];
            let fields = read(matter).map_err(|err| format!("front matter: {err}"))?;
            return Ok(Split {
                fields,
                body: text[offset..].to_owned(),
                body_line: index + 2,
            });
        }
    }
    Err(format!("front matter opened with `{fence}` is not closed"))
}

/// A JSON object at the start: up to its closing brace, outside strings.
fn json(text: &str) -> Result<Split, String> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, ch) in text.char_indices() {
        if in_string {
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => in_string = true,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let end = at + 1;
                    let fields = value::from_yaml(&text[..end])
                        .map_err(|err| format!("front matter: {err}"))?;
                    let rest = &text[end..];
                    let rest = rest.split_once('\n').map_or("", |(_, rest)| rest);
                    let body_line = text[..text.len() - rest.len()].matches('\n').count() + 1;
                    return Ok(Split {
                        fields,
                        body: rest.to_owned(),
                        body_line,
                    });
                }
            }
            _ => {}
        }
    }
    Err("front matter opened with `{` is not closed".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(split: &Split) -> Option<String> {
        split.fields.get("title").and_then(Value::text)
    }

    #[test]
    fn yaml_toml_and_json_front_matter_are_split_from_the_body() {
        let yaml = split("---\ntitle: Y\n---\nBody\n").unwrap();
        assert_eq!(
            (title(&yaml).as_deref(), yaml.body.as_str(), yaml.body_line),
            (Some("Y"), "Body\n", 4)
        );
        let toml = split("+++\ntitle = \"T\"\n\n+++\n\nBody\n").unwrap();
        assert_eq!(
            (title(&toml).as_deref(), toml.body.as_str(), toml.body_line),
            (Some("T"), "\nBody\n", 5)
        );
        let json = split("{\n  \"title\": \"J }\"\n}\nBody\n").unwrap();
        assert_eq!(
            (title(&json).as_deref(), json.body.as_str(), json.body_line),
            (Some("J }"), "Body\n", 4)
        );
    }

    #[test]
    fn no_front_matter_is_all_body_and_an_open_one_an_error() {
        let plain = split("Just text\n").unwrap();
        assert_eq!((plain.body.as_str(), plain.body_line), ("Just text\n", 1));
        assert!(split("---\ntitle: x\n").unwrap_err().contains("not closed"));
        assert!(
            split("+++\ntitle = \n+++\n")
                .unwrap_err()
                .starts_with("front matter:")
        );
    }
}
