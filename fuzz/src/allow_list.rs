//! What a rendered post may contain: the elements and attributes the
//! Markdown mapping writes, and nothing else. Raw HTML in a post becomes an
//! element only for the few tags of [`RAW_HTML`], with their attributes;
//! any other element or attribute (`<script>`, `onerror`, `srcdoc`,
//! `style`) is live markup that got through. Stated here apart from
//! `blog_model::html`, so the tests check the mapping against the rule
//! rather than against itself.

use crate::html::{self, Token};
use crate::url_policy;

/// The tags a post's raw HTML may use, with the attributes each keeps.
pub const RAW_HTML: &[(&str, &[&str])] = &[
    ("abbr", &["title"]),
    ("br", &[]),
    ("del", &[]),
    ("details", &["open"]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("img", &["src", "alt", "width", "height", "title"]),
    ("ins", &[]),
    ("kbd", &[]),
    ("mark", &[]),
    ("s", &[]),
    ("small", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
];

/// Of [`RAW_HTML`], the elements that start a block: allowed only in an
/// HTML block, never inside a paragraph.
pub const RAW_BLOCKS: &[&str] = &["details", "figcaption", "figure", "summary"];

/// Elements a browser's parser ends an open `<p>` before (HTML's "close a
/// p element"): inside a `<p>` the page it parses differs from the tree
/// the app drew, and hydration fails.
const ENDS_A_PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Each element a post may contain, with the attributes it may carry.
const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href", "title", "rel", "id", "class", "aria-label"]),
    ("abbr", &["title"]),
    ("blockquote", &[]),
    ("br", &[]),
    ("button", &["type", "class", "aria-label"]),
    ("code", &["class"]),
    ("del", &[]),
    ("details", &["open"]),
    ("div", &["class"]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
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
            "src", "alt", "title", "width", "height", "loading", "decoding", "srcset", "sizes",
        ],
    ),
    ("input", &["type", "disabled", "checked"]),
    ("ins", &[]),
    ("kbd", &[]),
    ("li", &["id", "value"]),
    ("mark", &[]),
    ("ol", &["start"]),
    ("p", &[]),
    ("pre", &["class"]),
    ("s", &[]),
    ("section", &["class", "aria-label"]),
    ("small", &[]),
    ("span", &["class"]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
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
/// `<input>` is a disabled checkbox, an `<img>`'s `width` and `height` are
/// numbers, no element that ends a paragraph is inside one, and every
/// element is closed in order.
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
                if ENDS_A_PARAGRAPH.contains(&name.as_str()) && open.contains(&"p") {
                    return Err(format!("<{name}> inside a <p>"));
                }
                for size in ["width", "height"] {
                    if name == "img"
                        && token
                            .attr(size)
                            .is_some_and(|value| value.parse::<u32>().is_err())
                    {
                        return Err(format!("an <img> with a {size} that is no number"));
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
