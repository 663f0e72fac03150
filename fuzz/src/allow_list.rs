//! What a rendered post may contain: the elements and attributes the
//! Markdown mapping writes, and nothing else. Raw HTML in a post must show
//! as text, so any other element or attribute (`<script>`, `onerror`,
//! `srcdoc`, `style`) is live markup that got through.

use crate::html::{self, Token};
use crate::url_policy;

/// Each element a post may contain, with the attributes it may carry.
const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href", "title", "rel", "id", "class", "aria-label"]),
    ("blockquote", &[]),
    ("br", &[]),
    ("button", &["type", "class", "aria-label"]),
    ("code", &["class"]),
    ("del", &[]),
    ("div", &["class"]),
    ("em", &[]),
    ("h1", &["id"]),
    ("h2", &["id"]),
    ("h3", &["id"]),
    ("h4", &["id"]),
    ("h5", &["id"]),
    ("h6", &["id"]),
    ("hr", &[]),
    (
        "img",
        &[
            "src", "alt", "title", "width", "height", "loading", "decoding",
        ],
    ),
    ("input", &["type", "disabled", "checked"]),
    ("li", &["id", "value"]),
    ("ol", &["start"]),
    ("p", &[]),
    ("pre", &["class"]),
    ("section", &["class", "aria-label"]),
    ("span", &["class"]),
    ("strong", &[]),
    ("sub", &[]),
    ("sup", &["class"]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["class"]),
    ("th", &["class", "scope"]),
    ("thead", &[]),
    ("tr", &[]),
    ("ul", &[]),
];

/// Checks rendered HTML: it reads as well-formed HTML, every element and
/// attribute is on the allow-list, every URL passes the URL policy, an
/// `<input>` is a disabled checkbox, and every element is closed in order.
pub fn check(rendered: &str) -> Result<(), String> {
    let tokens = html::tokenize(rendered)?;
    let mut open: Vec<&str> = Vec::new();
    for token in &tokens {
        match token {
            Token::Start { name, attrs } => {
                let allowed = ELEMENTS
                    .iter()
                    .find(|(element, _)| element == name)
                    .map(|(_, attrs)| *attrs)
                    .ok_or_else(|| format!("element <{name}> is not allowed"))?;
                for attr in attrs {
                    if !allowed.contains(&attr.name.as_str()) {
                        return Err(format!(
                            "attribute {} on <{name}> is not allowed",
                            attr.name
                        ));
                    }
                    if matches!(attr.name.as_str(), "href" | "src")
                        && !url_policy::is_allowed(&attr.value)
                    {
                        return Err(format!(
                            "{}={:?} on <{name}> is not allowed",
                            attr.name, attr.value
                        ));
                    }
                }
                if name == "input"
                    && (token.attr("type") != Some("checkbox") || token.attr("disabled").is_none())
                {
                    return Err("an <input> that is not a disabled checkbox".into());
                }
                if !html::VOID.contains(&name.as_str()) {
                    open.push(name);
                }
            }
            Token::End { name } => {
                if open.pop() != Some(name.as_str()) {
                    return Err(format!("</{name}> closes nothing open"));
                }
            }
            // Leptos's hydration markers are the only comments it writes.
            Token::Comment(text) if !text.is_empty() => {
                return Err(format!("a comment <!--{text}-->"));
            }
            Token::Comment(_) | Token::Text(_) => {}
        }
    }
    match open.last() {
        Some(name) => Err(format!("<{name}> is never closed")),
        None => Ok(()),
    }
}
