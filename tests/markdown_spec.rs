//! Renders every example of the CommonMark spec and of the spec files of
//! the extensions posts may use (vendored in `tests/spec/`, see its README)
//! through the blog's Markdown mapping, and compares the HTML with the
//! spec's. The comparison is by meaning, not spelling (attribute order,
//! character references, `<br />` or `<br>`, whitespace where HTML ignores
//! it), and undoes only what the mapping changes on purpose: raw HTML shown
//! as text, URLs outside the allow-list dropped, heading ids and anchors,
//! heading classes and custom attributes dropped, footnotes numbered and
//! collected at the end with links back, extra
//! attributes on links, images and table cells, the table's wrapper,
//! Leptos's hydration markers. Every other difference is either a bug or
//! listed in [`DELIBERATE`] with its reason; the test fails on a difference
//! not listed and on a listed example that now matches.

#[path = "support/html.rs"]
mod html;
#[path = "support/url_policy.rs"]
mod url_policy;

use std::collections::BTreeMap;
use std::fmt;

use blog::content::Assets;
use blog::lang::Lang;
use html::{Attr, Token};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A vendored spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SpecFile {
    CommonMark,
    GfmTable,
    GfmStrikethrough,
    GfmTasklist,
    Footnotes,
    HeadingAttrs,
}

impl SpecFile {
    const ALL: [SpecFile; 6] = [
        SpecFile::CommonMark,
        SpecFile::GfmTable,
        SpecFile::GfmStrikethrough,
        SpecFile::GfmTasklist,
        SpecFile::Footnotes,
        SpecFile::HeadingAttrs,
    ];

    fn text(self) -> &'static str {
        match self {
            SpecFile::CommonMark => include_str!("spec/commonmark.txt"),
            SpecFile::GfmTable => include_str!("spec/gfm_table.txt"),
            SpecFile::GfmStrikethrough => include_str!("spec/gfm_strikethrough.txt"),
            SpecFile::GfmTasklist => include_str!("spec/gfm_tasklist.txt"),
            SpecFile::Footnotes => include_str!("spec/footnotes.txt"),
            SpecFile::HeadingAttrs => include_str!("spec/heading_attrs.txt"),
        }
    }
}

impl fmt::Display for SpecFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            SpecFile::CommonMark => "commonmark.txt",
            SpecFile::GfmTable => "gfm_table.txt",
            SpecFile::GfmStrikethrough => "gfm_strikethrough.txt",
            SpecFile::GfmTasklist => "gfm_tasklist.txt",
            SpecFile::Footnotes => "footnotes.txt",
            SpecFile::HeadingAttrs => "heading_attrs.txt",
        };
        f.write_str(name)
    }
}

/// Why an example renders differently from the spec, on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// A fenced block's `language-…` class is written only for a plain
    /// language name (ASCII letters, digits, `-+#_`), lower-cased, as syntax
    /// highlighters and style sheets expect; the spec writes any first word
    /// of the info string (`language-föö`, `language-;`).
    LanguageClassIsAPlainName,
}

/// Every example that differs on purpose: file, example number (counted
/// from 1 in the file, as the CommonMark spec numbers them), the section it
/// is in, and why.
#[rustfmt::skip]
const DELIBERATE: &[(SpecFile, usize, &str, Reason)] = &[
    (SpecFile::CommonMark, 34, "Entity and numeric character references", Reason::LanguageClassIsAPlainName),
    (SpecFile::CommonMark, 144, "Fenced code blocks", Reason::LanguageClassIsAPlainName),
];

/// One example: Markdown in, HTML out.
struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

/// The examples of a spec file: the fenced ```` example ```` blocks, with
/// `→` standing for a tab and a line with a lone `.` between input and output.
fn examples(spec: &str) -> Vec<Example> {
    const FENCE: &str = "````````````````````````````````";
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line.starts_with('#') {
            section = line.trim_start_matches('#').trim().to_owned();
        } else if line.strip_prefix(FENCE) == Some(" example") {
            let mut markdown = String::new();
            let mut html = String::new();
            let mut in_html = false;
            for line in lines.by_ref() {
                if line == FENCE {
                    break;
                } else if line == "." && !in_html {
                    in_html = true;
                } else {
                    let part = if in_html { &mut html } else { &mut markdown };
                    part.push_str(&line.replace('→', "\t"));
                    part.push('\n');
                }
            }
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown,
                html,
            });
        }
    }
    examples
}

/// What the mapping renders, in the canonical form.
fn rendered(markdown: &str) -> Result<String, String> {
    const ASSETS: Assets = Assets {
        base: "",
        images: &[],
    };
    let html =
        leptos::prelude::RenderHtml::to_html(blog::markdown::render(markdown, &ASSETS, Lang::En));
    let tokens = html::tokenize(&html)?;
    Ok(canonical(undo_deliberate(tokens)))
}

/// What the spec expects, in the canonical form, with raw HTML made text
/// and disallowed URLs dropped as the mapping does on purpose.
fn expected(example: &Example) -> Result<String, String> {
    let html = raw_html_as_text(&example.markdown, &example.html);
    let tokens = html::tokenize(&html)?;
    let tokens = drop_disallowed_urls(tokens);
    let tokens = footnotes_collected_at_the_end(tokens);
    Ok(canonical(only_ids_on_headings(tokens)))
}

/// Headings as the mapping writes them: of the `{…}` attributes a heading
/// may be given, only `#id` is used (it names the heading's anchor);
/// classes and custom attributes are dropped, so a post cannot put
/// attributes such as `onclick` on the page.
fn only_ids_on_headings(mut tokens: Vec<Token>) -> Vec<Token> {
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
fn footnotes_collected_at_the_end(tokens: Vec<Token>) -> Vec<Token> {
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
/// by what the mapping shows for it: inline HTML as text, an HTML block as
/// text in `<pre class="raw-html"><code>`. The parser reports each piece
/// exactly as it appears in the spec's output, so it is found there in order.
fn raw_html_as_text(markdown: &str, spec_html: &str) -> String {
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
    for event in Parser::new_ext(markdown, blog::markdown::options()) {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some(String::new()),
            // The indentation of a block's first line comes as text.
            Event::Html(raw) | Event::Text(raw) if block.is_some() => {
                block.get_or_insert_with(String::new).push_str(&raw)
            }
            Event::End(TagEnd::HtmlBlock) => {
                let raw = block.take().unwrap_or_default();
                let shown = format!(
                    "<pre class=\"raw-html\"><code>{}</code></pre>",
                    html::escape_text(&raw)
                );
                replace(&raw, shown);
            }
            Event::InlineHtml(raw) => replace(&raw, html::escape_text(&raw)),
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

/// Links and images whose URL is outside the allow-list, as the mapping
/// renders them: a link without `href`, an image as its description.
fn drop_disallowed_urls(tokens: Vec<Token>) -> Vec<Token> {
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
/// anchors, the table's wrapper, `scope` and alignment classes on cells,
/// `rel` on external links, `loading` and `decoding` on images, the
/// footnotes' labels for screen readers, and the site's base path on
/// root-relative URLs.
fn undo_deliberate(tokens: Vec<Token>) -> Vec<Token> {
    let mut out = Vec::new();
    let mut tokens = tokens.into_iter();
    let mut wrapper_depth: Vec<bool> = Vec::new();
    while let Some(mut token) = tokens.next() {
        if token == Token::Comment(String::new()) {
            continue;
        }
        if token.is_start("a") && token.attr("class") == Some("heading-anchor") {
            for inner in tokens.by_ref() {
                if inner.is_end("a") {
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
fn canonical(tokens: Vec<Token>) -> String {
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

/// How one example compared.
enum Outcome {
    Matches,
    Differs { expected: String, rendered: String },
}

fn compare(example: &Example) -> Outcome {
    let expected = expected(example).unwrap_or_else(|error| format!("(unreadable: {error})"));
    let rendered =
        rendered(&example.markdown).unwrap_or_else(|error| format!("(unreadable: {error})"));
    if expected == rendered {
        Outcome::Matches
    } else {
        Outcome::Differs { expected, rendered }
    }
}

#[test]
fn every_spec_example_renders_as_the_spec_says_or_is_a_listed_deliberate_difference() {
    let deliberate: BTreeMap<(SpecFile, usize), (&str, Reason)> = DELIBERATE
        .iter()
        .map(|&(file, number, section, reason)| ((file, number), (section, reason)))
        .collect();
    assert_eq!(
        deliberate.len(),
        DELIBERATE.len(),
        "an example is listed twice"
    );
    let mut problems = Vec::new();
    let mut summary = Vec::new();
    for file in SpecFile::ALL {
        let examples = examples(file.text());
        let mut matching = 0;
        let mut listed = 0;
        for example in &examples {
            let entry = deliberate.get(&(file, example.number));
            if let Some((section, _)) = entry {
                listed += 1;
                if *section != example.section {
                    problems.push(format!(
                        "{file} example {}: listed under section {section:?}, but it is in {:?}",
                        example.number, example.section
                    ));
                }
            }
            match (compare(example), entry) {
                (Outcome::Matches, None) => matching += 1,
                (Outcome::Matches, Some((_, reason))) => problems.push(format!(
                    "{file} example {} ({}) now matches the spec: remove it from DELIBERATE ({reason:?})",
                    example.number, example.section
                )),
                (Outcome::Differs { .. }, Some(_)) => {}
                (Outcome::Differs { expected, rendered }, None) => problems.push(format!(
                    "{file} example {} ({}) differs:\n  markdown: {:?}\n  expected: {expected}\n  rendered: {rendered}",
                    example.number, example.section, example.markdown
                )),
            }
        }
        for &(listed_file, number, _, _) in DELIBERATE {
            if listed_file == file && number > examples.len() {
                problems.push(format!("{file} has no example {number}"));
            }
        }
        summary.push(format!(
            "{file}: {matching}/{} match, {listed} differ on purpose",
            examples.len()
        ));
    }
    println!("{}", summary.join("\n"));
    assert!(
        problems.is_empty(),
        "{} problems:\n{}\n\n{}",
        problems.len(),
        problems.join("\n"),
        summary.join("\n")
    );
}

#[test]
fn the_spec_files_are_read_into_their_examples() {
    assert_eq!(examples(SpecFile::CommonMark.text()).len(), 652);
    let tabs = &examples(SpecFile::CommonMark.text())[0];
    assert_eq!((tabs.number, tabs.section.as_str()), (1, "Tabs"));
    assert_eq!(tabs.markdown, "\tfoo\tbaz\t\tbim\n");
    assert_eq!(tabs.html, "<pre><code>foo\tbaz\t\tbim\n</code></pre>\n");
}

#[test]
fn the_canonical_form_ignores_only_spelling() {
    let canonical_of = |html: &str| canonical(html::tokenize(html).expect(html));
    assert_eq!(
        canonical_of("<p>a<br />\nb &quot;c&quot;</p>\n<hr />"),
        canonical_of("<p>a<br>\nb \"c\"</p><hr>")
    );
    assert_eq!(
        canonical_of("<input disabled=\"\" type=\"checkbox\">"),
        canonical_of("<input type=\"checkbox\" disabled>")
    );
    assert_ne!(
        canonical_of("<pre><code> </code></pre>"),
        canonical_of("<pre><code></code></pre>")
    );
    assert_ne!(
        canonical_of("<li><input> a</li>"),
        canonical_of("<li><input>a</li>")
    );
}
