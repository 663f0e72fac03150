//! The differences from the spec that the Markdown mapping makes on
//! purpose, each undone by one function: on the spec's side what the
//! mapping leaves out or moves (raw HTML off its allow-list, URLs outside the allow-list,
//! heading attributes, footnotes in place), on the mapping's side what it
//! adds (anchors, wrappers, attributes, hydration markers).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use blog_fuzz::html::{self, Attr, Token};
use blog_fuzz::{allow_list, url_policy};

/// Headings as the mapping writes them: of the `{…}` attributes a heading
/// may be given, only `#id` is used (it names the heading's anchor);
/// classes and custom attributes are dropped, so a post cannot put
/// attributes such as `onclick` on the page.
pub fn only_ids_on_headings(mut tokens: Vec<Token>) -> Vec<Token> {
    for token in &mut tokens {
        if let Token::Start { name, attrs } = token
            && matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        {
            attrs.retain(|attr| attr.name == "id");
        }
    }
    tokens
}

fn start(name: &str, attrs: &[(&str, String)]) -> Token {
    Token::Start {
        name: name.to_owned(),
        attrs: attrs
            .iter()
            .map(|(name, value)| Attr {
                name: (*name).to_owned(),
                value: value.clone(),
            })
            .collect(),
    }
}

fn end(name: &str) -> Token {
    Token::End {
        name: name.to_owned(),
    }
}

/// The spec's footnotes as the mapping places them: each reference links
/// `#fn-N` (the first one to a footnote carries the id `fnref-N`), and each
/// definition moves from where it was written to a list at the end, with a
/// link back to its first reference if it has one. The spec writes
/// references as `<sup class="footnote-reference"><a href="#label">N</a>`
/// and definitions in place as `<div class="footnote-definition" id="label">
/// <sup class="footnote-definition-label">N</sup>…</div>`.
pub fn footnotes_collected_at_the_end(tokens: Vec<Token>) -> Vec<Token> {
    let mut referenced = std::collections::BTreeSet::new();
    // Where each token goes: the body, or the definition being read (a stack:
    // a definition may hold another one in the spec's rendering).
    let mut body = Vec::new();
    let mut definitions: Vec<(usize, Vec<Token>)> = Vec::new();
    let mut open: Vec<(usize, Vec<Token>, usize)> = Vec::new();
    let mut tokens = tokens.into_iter();
    while let Some(token) = tokens.next() {
        let target = match open.last_mut() {
            Some((_, content, _)) => content,
            None => &mut body,
        };
        if token.is_start("sup") && token.attr("class") == Some("footnote-reference") {
            // A reference cut short leaves the rest out: the comparison fails.
            let (Some(link), Some(Token::Text(number)), Some(_), Some(_)) =
                (tokens.next(), tokens.next(), tokens.next(), tokens.next())
            else {
                break;
            };
            debug_assert!(link.is_start("a"));
            let first = referenced.insert(number.clone());
            let mut attrs = vec![("href", format!("#fn-{number}"))];
            if first {
                attrs.push(("id", format!("fnref-{number}")));
            }
            target.extend([
                start("sup", &[("class", "footnote-ref".into())]),
                start("a", &attrs),
                Token::Text(number),
                end("a"),
                end("sup"),
            ]);
            continue;
        }
        if token.is_start("div") && token.attr("class") == Some("footnote-definition") {
            // The label: `<sup class="footnote-definition-label">N</sup>`.
            let (Some(_), Some(Token::Text(number)), Some(_)) =
                (tokens.next(), tokens.next(), tokens.next())
            else {
                break;
            };
            open.push((number.trim().parse().unwrap_or(0), Vec::new(), 0));
            continue;
        }
        if let Some((_, content, depth)) = open.last_mut() {
            if token.is_start("div") {
                *depth += 1;
            } else if token.is_end("div") {
                if *depth == 0 {
                    let (number, content, _) = open.pop().expect("a definition is open");
                    definitions.push((number, content));
                    continue;
                }
                *depth -= 1;
            }
            content.push(token);
            continue;
        }
        body.push(token);
    }
    if definitions.is_empty() {
        return body;
    }
    definitions.sort_by_key(|(number, _)| *number);
    body.extend([
        start("section", &[("class", "footnotes".into())]),
        start("ol", &[]),
    ]);
    for (number, content) in definitions {
        body.push(start(
            "li",
            &[
                ("id", format!("fn-{number}")),
                ("value", number.to_string()),
            ],
        ));
        body.extend(content);
        if referenced.contains(&number.to_string()) {
            body.extend([
                Token::Text(" ".into()),
                start(
                    "a",
                    &[
                        ("class", "footnote-back".into()),
                        ("href", format!("#fnref-{number}")),
                    ],
                ),
                Token::Text("↩".into()),
                end("a"),
            ]);
        }
        body.push(end("li"));
    }
    body.extend([end("ol"), end("section")]);
    body
}

/// The spec's HTML with each piece of raw HTML the parser found replaced
/// by what the mapping draws for it: the tags of the allow-list
/// (`allow_list::RAW_HTML`) with their allowed attributes (a block's tag
/// only in an HTML block), no other tag, comment or declaration, the
/// content of a script or the like left out too, an `<img>` without `alt`
/// given an empty one, and text as text. The
/// parser reports each piece exactly as it appears in the spec's output,
/// so it is found there in order.
pub fn raw_html_as_the_mapping_draws_it(markdown: &str, spec_html: &str) -> String {
    let mut out = String::new();
    let mut rest = spec_html;
    let mut replace = |raw: &str, shown: String| {
        if let Some(at) = rest.find(raw) {
            out.push_str(&rest[..at]);
            out.push_str(&shown);
            rest = &rest[at + raw.len()..];
        }
    };
    let mut block: Option<String> = None;
    let mut open = Vec::new();
    for event in Parser::new_ext(markdown, blog_model::body::options()) {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some(String::new()),
            // The indentation of a block's first line comes as text.
            Event::Html(raw) | Event::Text(raw) if block.is_some() => {
                block.get_or_insert_with(String::new).push_str(&raw)
            }
            Event::End(TagEnd::HtmlBlock) => {
                let raw = block.take().unwrap_or_default();
                replace(&raw, drawn(&raw, false, &mut open));
            }
            Event::InlineHtml(raw) => replace(&raw, drawn(&raw, true, &mut open)),
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

/// Elements whose content is no text for the reader: left out with them.
const RAW_TEXT: &[&str] = &[
    "iframe", "noscript", "script", "style", "template", "textarea", "title",
];

/// What the mapping draws for a piece of raw HTML (`in_text`: inside a
/// paragraph), as HTML: `open` holds the allowed elements opened so far,
/// so that an end tag with none open is dropped. Declarations,
/// processing instructions and CDATA are left out, a browser's way (up
/// to the first `>`, or `]]>`). A piece that does not read as tags and
/// text is text.
fn drawn(raw: &str, in_text: bool, open: &mut Vec<String>) -> String {
    let raw = without_declarations(raw);
    let Ok(tokens) = html::tokenize(&raw) else {
        return html::escape_text(&raw);
    };
    let mut kept = Vec::new();
    let mut skip_to: Option<String> = None;
    for token in tokens {
        if let Some(end) = &skip_to {
            if token.is_end(end) {
                skip_to = None;
            }
            continue;
        }
        let allowed = |name: &str| {
            allow_list::RAW_HTML
                .iter()
                .find(|(element, _)| *element == name)
                .filter(|(element, _)| !(in_text && allow_list::RAW_BLOCKS.contains(element)))
        };
        match token {
            Token::Start { name, mut attrs } => {
                if RAW_TEXT.contains(&name.as_str()) {
                    skip_to = Some(name);
                    continue;
                }
                let Some((_, allowed_attrs)) = allowed(&name) else {
                    continue;
                };
                attrs.retain(|attr| {
                    allowed_attrs.contains(&attr.name.as_str())
                        && match attr.name.as_str() {
                            "src" => {
                                url_policy::is_allowed(&attr.value)
                                    && !attr.value.starts_with('#')
                                    && !attr.value.to_ascii_lowercase().starts_with("mailto:")
                            }
                            "width" | "height" => attr.value.parse::<u32>().is_ok(),
                            _ => true,
                        }
                });
                if name == "details" {
                    for attr in &mut attrs {
                        attr.value.clear();
                    }
                }
                // An image without a description is drawn as decoration.
                if name == "img" && !attrs.iter().any(|attr| attr.name == "alt") {
                    attrs.push(html::Attr {
                        name: "alt".to_owned(),
                        value: String::new(),
                    });
                }
                if !html::VOID.contains(&name.as_str()) {
                    open.push(name.clone());
                }
                kept.push(Token::Start { name, attrs });
            }
            Token::End { name } if allowed(&name).is_some() && open.contains(&name) => {
                while let Some(last) = open.pop() {
                    let done = last == name;
                    kept.push(Token::End { name: last });
                    if done {
                        break;
                    }
                }
            }
            Token::Text(text) => kept.push(Token::Text(text)),
            Token::End { .. } | Token::Comment(_) => {}
        }
    }
    html::serialise(&kept)
}

/// `raw` without `<!…>` (but comments), `<?…>` and `<![CDATA[…]]>`.
fn without_declarations(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = if rest.starts_with("<!--") {
            None
        } else if rest.starts_with("<![CDATA[") {
            rest.find("]]>").map(|end| end + 3)
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest.find('>').map(|end| end + 1)
        } else {
            None
        };
        match end {
            Some(end) => rest = &rest[end..],
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Links and images whose URL is outside the allow-list, as the mapping
/// renders them: a link without `href`, an image as its description.
pub fn drop_disallowed_urls(tokens: Vec<Token>) -> Vec<Token> {
    tokens
        .into_iter()
        .map(|mut token| {
            if token.is_start("img") && !token.attr("src").is_some_and(url_policy::is_allowed) {
                return Token::Text(token.attr("alt").unwrap_or_default().to_owned());
            }
            if token.is_start("a")
                && token
                    .attr("href")
                    .is_some_and(|href| !url_policy::is_allowed(href))
            {
                edit_attrs(&mut token, |attrs| attrs.retain(|attr| attr.name != "href"));
            }
            token
        })
        .collect()
}

/// Undoes what the mapping adds on purpose: hydration markers, heading
/// anchors, code blocks' copy buttons, the table's wrapper, `scope` and alignment classes on cells,
/// `rel` on external links, `loading` and `decoding` on images, the
/// footnotes' labels for screen readers, and the site's base path on
/// root-relative URLs.
pub fn undo_deliberate(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut tokens = tokens.into_iter();
    let mut wrapper_depth: Vec<bool> = Vec::new();
    while let Some(mut token) = tokens.next() {
        if token == Token::Comment(String::new()) {
            continue;
        }
        let added = (token.is_start("a") && token.attr("class") == Some("heading-anchor"))
            || (token.is_start("button") && token.attr("class") == Some("copy-code"));
        if let Token::Start { name, .. } = &token
            && added
        {
            let end = name.clone();
            for inner in tokens.by_ref() {
                if inner.is_end(&end) {
                    break;
                }
            }
            continue;
        }
        if token.is_start("div") {
            let wrapper = token.attr("class") == Some("table-wrap");
            wrapper_depth.push(wrapper);
            if wrapper {
                continue;
            }
        }
        if token.is_end("div") && wrapper_depth.pop() == Some(true) {
            continue;
        }
        let name = match &token {
            Token::Start { name, .. } => name.clone(),
            _ => {
                out.push(token);
                continue;
            }
        };
        let class = token.attr("class").map(str::to_owned);
        edit_attrs(&mut token, |attrs| {
            attrs.retain(|attr| {
                let added = match (name.as_str(), attr.name.as_str()) {
                    ("th", "scope") => attr.value == "col",
                    ("a", "rel") => attr.value == "noopener noreferrer",
                    ("img", "loading") => attr.value == "lazy",
                    ("img", "decoding") => attr.value == "async",
                    // Interface text, in the post's language.
                    ("section" | "a", "aria-label") => {
                        matches!(class.as_deref(), Some("footnotes" | "footnote-back"))
                    }
                    _ => false,
                };
                !added
            });
            for attr in attrs.iter_mut() {
                if matches!(name.as_str(), "th" | "td")
                    && attr.name == "class"
                    && let Some(align) = attr.value.strip_prefix("align-")
                {
                    *attr = Attr {
                        name: "style".into(),
                        value: format!("text-align: {align}"),
                    };
                }
                if matches!(attr.name.as_str(), "href" | "src")
                    && blog::site::BASE != "/"
                    && let Some(path) = attr.value.strip_prefix(blog::site::BASE)
                {
                    attr.value = format!("/{path}");
                }
            }
        });
        out.push(token);
    }
    out
}

fn edit_attrs(token: &mut Token, edit: impl FnOnce(&mut Vec<Attr>)) {
    if let Token::Start { attrs, .. } = token {
        edit(attrs);
    }
}
