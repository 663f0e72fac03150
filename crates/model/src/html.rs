//! The HTML a post may carry: a short allow-list of elements, each with the
//! attributes it may have, and a small tokenizer for the tags that Markdown
//! passes through as raw HTML. The app's Markdown mapping turns the tags it
//! allows into elements (never an HTML string) and leaves every other tag
//! out; the content checker warns about each tag and attribute left out.
//! Both read tags with [`pieces`] and judge them with [`judge`], so the page
//! and the warnings agree.
//!
//! The tokenizer is not a browser's parser: it reads tags
//! (`<name a="v" b='v' c=v d>`, `</name>`, `<br/>`), comments and the rest,
//! and treats anything else that starts with `<` as text.

use crate::url_kind::{UrlKind, classify_url};

/// An element a post may use.
#[derive(Debug, PartialEq, Eq)]
pub struct Element {
    /// Lower case, as written to the page.
    pub name: &'static str,
    /// The attributes it may have, lower case.
    pub attrs: &'static [&'static str],
    /// It has no content and no end tag (`<br>`, `<img>`).
    pub void: bool,
    /// It starts a block: inside a paragraph a browser would end the
    /// paragraph before it, so it is allowed only in an HTML block (a tag
    /// on a line of its own).
    pub block: bool,
}

const fn inline(name: &'static str, attrs: &'static [&'static str]) -> Element {
    Element {
        name,
        attrs,
        void: false,
        block: false,
    }
}

const fn block(name: &'static str, attrs: &'static [&'static str]) -> Element {
    Element {
        name,
        attrs,
        void: false,
        block: true,
    }
}

/// Every element a post may use, by name.
pub const ELEMENTS: &[Element] = &[
    inline("abbr", &["title"]),
    Element {
        name: "br",
        attrs: &[],
        void: true,
        block: false,
    },
    inline("del", &[]),
    block("details", &["open"]),
    block("figcaption", &[]),
    block("figure", &[]),
    Element {
        name: "img",
        attrs: &["src", "alt", "width", "height", "title"],
        void: true,
        block: false,
    },
    inline("ins", &[]),
    inline("kbd", &[]),
    inline("mark", &[]),
    inline("s", &[]),
    inline("small", &[]),
    inline("sub", &[]),
    block("summary", &[]),
    inline("sup", &[]),
];

/// The allowed tags as the docs and the checker's help list them.
pub const ALLOWED_TAGS: &str = "<abbr title>, <br>, <del>, <details open>, <figcaption>, \
    <figure>, <img src alt width height title>, <ins>, <kbd>, <mark>, <s>, <small>, <sub>, \
    <summary>, <sup>";

/// Elements whose content is not text for the reader (a script, a style
/// sheet): left out with their tags, up to their end tag in the same piece
/// of HTML.
pub const RAW_TEXT: &[&str] = &[
    "iframe", "noscript", "script", "style", "template", "textarea", "title",
];

/// The element named `name` (any case), if a post may use it.
#[inline]
pub fn element(name: &str) -> Option<&'static Element> {
    ELEMENTS
        .iter()
        .find(|element| element.name.eq_ignore_ascii_case(name))
}

/// An attribute as written: its name, and its value (undecoded) if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    pub name: &'a str,
    pub value: Option<&'a str>,
}

/// One piece of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text, as written (with its character references undecoded).
    Text(&'a str),
    /// `<name …>` or `<name …/>`, at a byte offset of the input.
    Start {
        name: &'a str,
        attrs: Vec<Attr<'a>>,
        at: usize,
    },
    /// `</name>`.
    End { name: &'a str, at: usize },
    /// `<!-- … -->`.
    Comment,
    /// `<!DOCTYPE …>`, `<![CDATA[…]]>`, `<?…?>`: markup that is no element.
    Other { raw: &'a str, at: usize },
}

/// The pieces of `html`, in order.
#[inline]
pub fn pieces(html: &str) -> Pieces<'_> {
    Pieces {
        html,
        at: 0,
        skip_to: None,
    }
}

/// The iterator of [`pieces`].
pub struct Pieces<'a> {
    html: &'a str,
    at: usize,
    /// After a script or the like, its content is skipped to this end tag.
    skip_to: Option<&'a str>,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if let Some(name) = self.skip_to.take() {
            let rest = &self.html[self.at..];
            self.at += find_end_tag(rest, name).unwrap_or(rest.len());
        }
        let rest = &self.html[self.at..];
        if rest.is_empty() {
            return None;
        }
        let start = self.at;
        if let Some((piece, len)) = markup(rest, start) {
            self.at += len;
            if let Piece::Start { name, .. } = &piece
                && !rest[..len].ends_with("/>")
                && let Some(raw) = RAW_TEXT.iter().find(|raw| raw.eq_ignore_ascii_case(name))
            {
                self.skip_to = Some(raw);
            }
            return Some(piece);
        }
        // Text runs to the next `<` that starts markup.
        let mut end = rest.len();
        let mut from = rest.chars().next().map_or(1, char::len_utf8);
        while let Some(next) = rest[from..].find('<') {
            let candidate = from + next;
            if markup(&rest[candidate..], 0).is_some() {
                end = candidate;
                break;
            }
            from = candidate + 1;
        }
        self.at += end;
        Some(Piece::Text(&rest[..end]))
    }
}

/// Where `</name` starts in `text` (any case), if it does.
fn find_end_tag(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&at| {
        bytes[at..].starts_with(b"</")
            && bytes
                .get(at + 2..at + 2 + name.len())
                .is_some_and(|found| found.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The markup at the start of `text`, and its length; `None` if the `<`
/// there starts none.
fn markup(text: &str, at: usize) -> Option<(Piece<'_>, usize)> {
    let rest = text.strip_prefix('<')?;
    if let Some(comment) = rest.strip_prefix("!--") {
        let end = comment.find("-->")?;
        return Some((Piece::Comment, 4 + end + 3));
    }
    if let Some(cdata) = rest.strip_prefix("![CDATA[") {
        let len = 9 + cdata.find("]]>")? + 3;
        return Some((
            Piece::Other {
                raw: &text[..len],
                at,
            },
            len,
        ));
    }
    if rest.starts_with(['!', '?']) {
        let len = 1 + rest.find('>')? + 1;
        return Some((
            Piece::Other {
                raw: &text[..len],
                at,
            },
            len,
        ));
    }
    if let Some(end_tag) = rest.strip_prefix('/') {
        let name_len = name_len(end_tag)?;
        let after = end_tag[name_len..].trim_start_matches(is_space);
        after.strip_prefix('>')?;
        let len = text.len() - after.len() + 1;
        return Some((
            Piece::End {
                name: &end_tag[..name_len],
                at,
            },
            len,
        ));
    }
    let name_len = name_len(rest)?;
    let name = &rest[..name_len];
    let mut tail = &rest[name_len..];
    let mut attrs = Vec::new();
    loop {
        let trimmed = tail.trim_start_matches(is_space);
        let spaced = trimmed.len() < tail.len();
        tail = trimmed;
        if let Some(after) = tail.strip_prefix("/>").or_else(|| tail.strip_prefix('>')) {
            let len = text.len() - after.len();
            return Some((Piece::Start { name, attrs, at }, len));
        }
        // Attributes are set apart by space.
        if !spaced {
            return None;
        }
        let attr_len = tail
            .find(|c: char| is_space(c) || matches!(c, '"' | '\'' | '=' | '<' | '>' | '/'))
            .unwrap_or(tail.len());
        if attr_len == 0 {
            return None;
        }
        let attr_name = &tail[..attr_len];
        tail = &tail[attr_len..];
        let before_eq = tail.trim_start_matches(is_space);
        let value = match before_eq.strip_prefix('=') {
            Some(after) => {
                let after = after.trim_start_matches(is_space);
                let (value, rest) = attr_value(after)?;
                tail = rest;
                Some(value)
            }
            None => None,
        };
        attrs.push(Attr {
            name: attr_name,
            value,
        });
    }
}

/// The length of a tag name at the start of `text`: a letter, then
/// letters, digits and `-`.
fn name_len(text: &str) -> Option<usize> {
    if !text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(
        text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(text.len()),
    )
}

/// A quoted or unquoted attribute value at the start of `text`, and the rest.
fn attr_value(text: &str) -> Option<(&str, &str)> {
    let quote = text.chars().next()?;
    if quote == '"' || quote == '\'' {
        let end = text[1..].find(quote)? + 1;
        return Some((&text[1..end], &text[end + 1..]));
    }
    let end = text
        .find(|c: char| is_space(c) || matches!(c, '"' | '\'' | '=' | '<' | '>' | '`'))
        .unwrap_or(text.len());
    (end > 0).then(|| (&text[..end], &text[end..]))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// Text or an attribute value with its character references decoded: the
/// numeric ones and `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`.
/// Any other stays as written.
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
    let end = text.bytes().take(32).position(|b| b == b';')?;
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
            // A browser reads U+0000 and the surrogates as U+FFFD.
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}')
        }
    };
    Some((c, end + 1))
}

/// What becomes of a start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict<'a> {
    /// It becomes `element` with `attrs` (decoded, in the order written);
    /// `dropped` are the attributes left out of it.
    Kept {
        element: &'static Element,
        attrs: Vec<(&'static str, String)>,
        dropped: Vec<Dropped<'a>>,
    },
    /// It is left out: not on the list.
    NotAllowed,
    /// It is left out: a block element inside a paragraph.
    BlockInText,
}

/// An attribute left out of an element that is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped<'a> {
    /// Not on the element's list (`onclick`, `style`).
    NotAllowed(&'a str),
    /// On the list, but its value is not one the blog writes: a `src` with
    /// a scheme outside the allow-list, a `width` that is not a number.
    BadValue(&'static str, String),
}

/// Judges a start tag `name` with `attrs`; `in_text` when it stands inside
/// a paragraph (inline HTML) rather than in an HTML block. A `src` must be
/// a URL of [`classify_url`]'s allow-list (a page or a file: not a
/// fragment, a mail address or another scheme); `width` and `height` a
/// number of pixels. An attribute given twice counts once, as the first.
pub fn judge<'a>(name: &str, attrs: &[Attr<'a>], in_text: bool) -> Verdict<'a> {
    let Some(element) = element(name) else {
        return Verdict::NotAllowed;
    };
    if element.block && in_text {
        return Verdict::BlockInText;
    }
    let mut kept: Vec<(&'static str, String)> = Vec::new();
    let mut dropped = Vec::new();
    for attr in attrs {
        let Some(&allowed) = element
            .attrs
            .iter()
            .find(|allowed| allowed.eq_ignore_ascii_case(attr.name))
        else {
            dropped.push(Dropped::NotAllowed(attr.name));
            continue;
        };
        if kept.iter().any(|(name, _)| *name == allowed) {
            continue;
        }
        let value = decode(attr.value.unwrap_or_default());
        let good = match allowed {
            "src" => matches!(classify_url(&value), UrlKind::External | UrlKind::Relative),
            "width" | "height" => {
                (1..=5).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())
            }
            // A boolean attribute: present or not.
            "open" => {
                kept.push((allowed, String::new()));
                continue;
            }
            _ => true,
        };
        if good {
            kept.push((allowed, value));
        } else {
            dropped.push(Dropped::BadValue(allowed, value));
        }
    }
    Verdict::Kept {
        element,
        attrs: kept,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start<'a>(name: &'a str, attrs: &[(&'a str, Option<&'a str>)], at: usize) -> Piece<'a> {
        Piece::Start {
            name,
            attrs: attrs
                .iter()
                .map(|&(name, value)| Attr { name, value })
                .collect(),
            at,
        }
    }

    #[test]
    fn tags_comments_and_text_are_told_apart() {
        let found: Vec<Piece<'_>> =
            pieces("<kbd>Ctrl</kbd> <br/><img src=\"a.png\" alt='x y' width=30 hidden><!-- c -->")
                .collect();
        assert_eq!(
            found,
            [
                start("kbd", &[], 0),
                Piece::Text("Ctrl"),
                Piece::End { name: "kbd", at: 9 },
                Piece::Text(" "),
                start("br", &[], 16),
                start(
                    "img",
                    &[
                        ("src", Some("a.png")),
                        ("alt", Some("x y")),
                        ("width", Some("30")),
                        ("hidden", None)
                    ],
                    21
                ),
                Piece::Comment,
            ]
        );
    }

    #[test]
    fn a_lone_angle_bracket_and_an_unfinished_tag_are_text() {
        let found: Vec<Piece<'_>> = pieces("1 < 2 <b and <3 <br>").collect();
        assert_eq!(
            found,
            [Piece::Text("1 < 2 <b and <3 "), start("br", &[], 16)]
        );
        let found: Vec<Piece<'_>> = pieces("<a\nhref=x\n>").collect();
        assert_eq!(found, [start("a", &[("href", Some("x"))], 0)]);
    }

    #[test]
    fn declarations_and_processing_instructions_are_other_markup() {
        let found: Vec<Piece<'_>> = pieces("<!DOCTYPE html><?php x ?><![CDATA[<b>]]>").collect();
        assert_eq!(
            found,
            [
                Piece::Other {
                    raw: "<!DOCTYPE html>",
                    at: 0
                },
                Piece::Other {
                    raw: "<?php x ?>",
                    at: 15
                },
                Piece::Other {
                    raw: "<![CDATA[<b>]]>",
                    at: 25
                },
            ]
        );
    }

    #[test]
    fn a_script_or_style_is_left_out_with_its_content() {
        let found: Vec<Piece<'_>> = pieces("<script>a<b>c</script>x<STYLE>p{}</style >").collect();
        assert_eq!(
            found,
            [
                start("script", &[], 0),
                Piece::End {
                    name: "script",
                    at: 13
                },
                Piece::Text("x"),
                start("STYLE", &[], 23),
                Piece::End {
                    name: "style",
                    at: 33
                },
            ]
        );
    }

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            decode("a &amp; b &#106;&#x41; &copy; &#0;"),
            "a & b jA &copy; \u{fffd}"
        );
    }

    #[test]
    fn only_listed_elements_and_attributes_are_kept() {
        let attrs = [
            Attr {
                name: "SRC",
                value: Some("&#106;avascript:x"),
            },
            Attr {
                name: "onerror",
                value: Some("x()"),
            },
            Attr {
                name: "width",
                value: Some("50%"),
            },
            Attr {
                name: "alt",
                value: Some("a &amp; b"),
            },
        ];
        let Verdict::Kept {
            element,
            attrs,
            dropped,
        } = judge("IMG", &attrs, true)
        else {
            panic!("img is allowed");
        };
        assert_eq!(element.name, "img");
        assert_eq!(attrs, [("alt", "a & b".to_owned())]);
        assert_eq!(
            dropped,
            [
                Dropped::BadValue("src", "javascript:x".to_owned()),
                Dropped::NotAllowed("onerror"),
                Dropped::BadValue("width", "50%".to_owned()),
            ]
        );
        assert_eq!(judge("div", &[], false), Verdict::NotAllowed);
        assert_eq!(judge("details", &[], true), Verdict::BlockInText);
        assert!(matches!(judge("details", &[], false), Verdict::Kept { .. }));
    }

    #[test]
    fn the_list_in_words_names_every_element() {
        for element in ELEMENTS {
            assert!(
                ALLOWED_TAGS.contains(&format!("<{}", element.name)),
                "{}",
                element.name
            );
        }
    }
}
