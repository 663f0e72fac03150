//! A small HTML tokenizer for the Markdown tests: enough to read what the
//! Markdown mapping renders and what the spec expects, compare the two by
//! meaning rather than by spelling, and check every element and attribute.
//!
//! It is not a browser's parser: it reads the well-formed HTML these tests
//! meet, and says so (an `Err`) when it meets anything else.

use std::fmt::Write;

/// One piece of HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// `<name a="v">`; a self-closing slash is dropped, as browsers drop it.
    Start { name: String, attrs: Vec<Attr> },
    /// `</name>`.
    End { name: String },
    /// Text with its character references decoded.
    Text(String),
    /// `<!-- … -->`, and `<!>`, the empty marker Leptos leaves for hydration.
    Comment(String),
}

/// An attribute with its value decoded; a bare `disabled` has the value "".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Attr {
    pub name: String,
    pub value: String,
}

impl Token {
    pub fn attr(&self, wanted: &str) -> Option<&str> {
        match self {
            Token::Start { attrs, .. } => attrs
                .iter()
                .find(|attr| attr.name == wanted)
                .map(|attr| attr.value.as_str()),
            _ => None,
        }
    }

    pub fn is_start(&self, wanted: &str) -> bool {
        matches!(self, Token::Start { name, .. } if name == wanted)
    }

    pub fn is_end(&self, wanted: &str) -> bool {
        matches!(self, Token::End { name } if name == wanted)
    }
}

/// Elements with no end tag.
pub const VOID: &[&str] = &["br", "hr", "img", "input"];

/// Splits HTML into tokens, or says where it stopped making sense.
pub fn tokenize(html: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            tokens.push(Token::Text(decode(rest)));
            break;
        };
        if open > 0 {
            tokens.push(Token::Text(decode(&rest[..open])));
            rest = &rest[open..];
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment
                .find("-->")
                .ok_or_else(|| format!("unclosed comment at {rest:?}"))?;
            tokens.push(Token::Comment(comment[..end].to_owned()));
            rest = &comment[end + 3..];
        } else if let Some(after) = rest.strip_prefix("<!>") {
            tokens.push(Token::Comment(String::new()));
            rest = after;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after
                .find('>')
                .ok_or_else(|| format!("unclosed end tag at {rest:?}"))?;
            let name = after[..end].trim();
            if !is_name(name) {
                return Err(format!("bad end tag at {rest:?}"));
            }
            tokens.push(Token::End {
                name: name.to_ascii_lowercase(),
            });
            rest = &after[end + 1..];
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (token, after) = start_tag(rest)?;
            tokens.push(token);
            rest = after;
        } else {
            return Err(format!("a bare `<` at {rest:?}"));
        }
    }
    Ok(tokens)
}

fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Reads `<name attr="v" …>` from the start of `html`.
fn start_tag(html: &str) -> Result<(Token, &str), String> {
    let mut rest = &html[1..];
    let name_end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .ok_or_else(|| format!("unclosed tag at {html:?}"))?;
    let name = rest[..name_end].to_ascii_lowercase();
    if !is_name(&name) {
        return Err(format!("bad tag name at {html:?}"));
    }
    rest = &rest[name_end..];
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if let Some(after) = rest.strip_prefix("/>").or_else(|| rest.strip_prefix('>')) {
            return Ok((Token::Start { name, attrs }, after));
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .ok_or_else(|| format!("unclosed tag at {html:?}"))?;
        let attr_name = rest[..end].to_ascii_lowercase();
        if attr_name.is_empty() || attr_name.contains(['"', '\'', '<']) {
            return Err(format!("bad attribute at {rest:?} in {html:?}"));
        }
        rest = &rest[end..];
        let before_eq = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let value = if let Some(after) = before_eq.strip_prefix('=') {
            let after = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (value, after) = attr_value(after)
                .ok_or_else(|| format!("bad attribute value at {after:?} in {html:?}"))?;
            rest = after;
            decode(value)
        } else {
            String::new()
        };
        attrs.push(Attr {
            name: attr_name,
            value,
        });
    }
}

fn attr_value(html: &str) -> Option<(&str, &str)> {
    let quote = html.chars().next()?;
    if quote == '"' || quote == '\'' {
        let end = html[1..].find(quote)?;
        Some((&html[1..1 + end], &html[end + 2..]))
    } else {
        let end = html.find(|c: char| c.is_ascii_whitespace() || c == '>')?;
        Some((&html[..end], &html[end..]))
    }
}

/// Decodes the character references HTML serialisers write: the five
/// named ones, `&nbsp;` and numeric ones. Others stay as written, so a
/// difference in them still shows.
pub fn decode(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                decoded.push(c);
                rest = &rest[len..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// The character a reference at the start of `text` stands for, and its length.
fn reference(text: &str) -> Option<(char, usize)> {
    let end = text.find(';')?;
    let body = &text[1..end];
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = body.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Escapes text for the canonical form: `&`, `<`, `>`.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes tokens back as HTML in one spelling: attributes sorted and
/// double-quoted, the same characters escaped everywhere, adjacent text
/// joined, comments left out.
pub fn serialise(tokens: &[Token]) -> String {
    let mut html = String::new();
    for token in tokens {
        match token {
            Token::Start { name, attrs } => {
                let mut attrs = attrs.clone();
                attrs.sort();
                html.push('<');
                html.push_str(name);
                for attr in attrs {
                    let _ = write!(
                        html,
                        " {}=\"{}\"",
                        attr.name,
                        escape_text(&attr.value).replace('"', "&quot;")
                    );
                }
                html.push('>');
            }
            Token::End { name } => {
                let _ = write!(html, "</{name}>");
            }
            Token::Text(text) => html.push_str(&escape_text(text)),
            Token::Comment(_) => {}
        }
    }
    html
}
