//! The canonical form the spec test compares: one spelling for HTML that
//! renders the same.

use blog_fuzz::html::{self, Token};

/// Elements that start a new block: whitespace beside their tags does not
/// render (outside `<pre>`), so it is not compared.
const BLOCKS: &[&str] = &[
    "blockquote",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

fn is_block(token: Option<&Token>) -> bool {
    match token {
        None => true,
        Some(Token::Start { name, .. } | Token::End { name }) => BLOCKS.contains(&name.as_str()),
        Some(_) => false,
    }
}

/// The canonical HTML of some tokens: heading ids dropped (the mapping
/// gives every heading a slug for an id; the spec only those written
/// with `{#id}`, which `src/markdown.rs`'s tests pin), comments dropped,
/// adjacent text joined; outside `<pre>`, whitespace beside block tags and
/// after `<br>` trimmed and other runs of whitespace made one space; then
/// one spelling of each tag and text.
pub fn canonical(tokens: Vec<Token>) -> String {
    let mut joined: Vec<Token> = Vec::new();
    for mut token in tokens {
        match (&mut token, joined.last_mut()) {
            (Token::Comment(_), _) => continue,
            (Token::Text(text), Some(Token::Text(last))) => {
                last.push_str(text);
                continue;
            }
            (Token::Start { name, attrs }, _)
                if matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") =>
            {
                attrs.retain(|attr| attr.name != "id");
            }
            _ => {}
        }
        joined.push(token);
    }
    let mut trimmed = Vec::new();
    let mut in_pre = 0usize;
    for (i, token) in joined.iter().enumerate() {
        match token {
            Token::Start { name, .. } if name == "pre" => in_pre += 1,
            Token::End { name } if name == "pre" => in_pre = in_pre.saturating_sub(1),
            Token::Text(text) if in_pre == 0 => {
                let mut text = text.as_str();
                let previous = i.checked_sub(1).and_then(|j| joined.get(j));
                // A line break after `<br>` starts the next line, where
                // leading spaces do not render either.
                if is_block(previous) || previous.is_some_and(|token| token.is_start("br")) {
                    text = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
                }
                if is_block(joined.get(i + 1)) {
                    text = text.trim_end_matches(|c: char| c.is_ascii_whitespace());
                }
                if !text.is_empty() {
                    trimmed.push(Token::Text(collapse_whitespace(text)));
                }
                continue;
            }
            _ => {}
        }
        trimmed.push(token.clone());
    }
    html::serialise(&trimmed)
}

/// Text outside `<pre>` with each run of whitespace made one space, as it
/// renders: a line break and a space between two words look the same.
fn collapse_whitespace(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    for (i, part) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if i > 0 && !collapsed.ends_with(' ') {
            collapsed.push(' ');
        }
        collapsed.push_str(part);
    }
    collapsed
}
