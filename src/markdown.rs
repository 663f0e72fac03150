//! Markdown to a Leptos view tree, by mapping pulldown-cmark's events onto
//! elements: the events a post's body was parsed into when the content was
//! published (`blog_model::body`), so the same for the pre-renderer and the
//! app, which has no Markdown parser. No HTML string is ever injected: the
//! raw HTML tags of a post that `blog_model::html` allows (`<kbd>`,
//! `<details>`, `<img>` …) become elements built here like any other, with
//! only their allowed attributes;
//! every other tag is left out (its text stays), and link and image URLs
//! with a scheme outside the allow-list (`http`, `https`, `mailto`; see
//! `url`) are dropped.
//!
//! Every element with content is built by [`element`], as one Rust type
//! whatever its tag and attributes: Leptos compiles its code for creating,
//! hydrating and updating a view once per view type, and a `view!` per kind
//! of element made this mapping the largest part of the app's wasm. Only
//! the void elements (`<br>`, `<hr>`, `<img>`, `<input>`) keep their own
//! types, which render without a closing tag.

use std::collections::HashMap;

use leptos::attr::custom::custom_attribute;
use leptos::html::custom;
use leptos::prelude::*;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd};

use crate::data::{Assets, COLUMN_SIZES, ImageSize, srcset};
use crate::i18n::texts;
use blog_model::code::block_language;
use blog_model::html::{self as raw, Piece, Verdict};
use blog_model::lang::Lang;
use blog_model::slug::slugify;

mod url;

pub use url::{UrlKind, classify_url};
use url::{encode, within_site};

/// The events of `body` (a data file's body, as `blog_model::body` writes
/// it when the content is published). A body that does not read draws
/// nothing: `decode_article` has refused it already.
fn events(body: &str) -> std::vec::IntoIter<Event<'_>> {
    blog_model::body::read(body).unwrap_or_default().into_iter()
}

/// Renders a post's body (its Markdown's events, see [`events`]).
/// Relative image paths resolve against the post's folder and get their
/// sizes from `assets`; interface text (footnote labels) is in `lang`.
pub fn render(body: &str, assets: &Assets<'_>, lang: Lang) -> AnyView {
    render_with_outline(body, assets, lang).0
}

/// A section of a body's outline: an `h2` or `h3`, for the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 2 or 3.
    pub level: u8,
    /// The heading's id, which its anchor and the contents link to.
    pub id: String,
    /// Its text, without markup.
    pub title: String,
}

/// [`render`], and the body's `h2` and `h3` headings in order.
pub fn render_with_outline(body: &str, assets: &Assets<'_>, lang: Lang) -> (AnyView, Vec<Section>) {
    let mut renderer = Renderer {
        assets,
        lang,
        alignments: Vec::new(),
        cell: 0,
        in_head: false,
        heading_ids: HeadingIds::default(),
        footnote_numbers: HashMap::new(),
        footnotes_referenced: Vec::new(),
        footnotes: Vec::new(),
        outline: Vec::new(),
        code_blocks: 0,
    };
    let mut view = renderer.children(&mut events(body));
    view.extend(renderer.footnotes_section());
    (view.into_any(), renderer.outline)
}

/// An attribute: its name, and its value where it has one (an attribute
/// without a value is not written).
pub type Attr = (&'static str, Option<String>);

/// The most attributes an element with content gets (a link's `href`,
/// `rel` and `title`).
const MAX_ATTRS: usize = 3;

/// An element with content: `tag` with `attrs` (at most [`MAX_ATTRS`]) and
/// `children`. The attributes are written in the order given.
///
/// The views outside posts that never change once drawn are built with it
/// too: each `view!` of its own would add its own code to the wasm.
pub fn element(tag: &'static str, attrs: Vec<Attr>, children: Vec<AnyView>) -> AnyView {
    debug_assert!(
        attrs.len() <= MAX_ATTRS,
        "<{tag}> with {} attributes",
        attrs.len()
    );
    let mut attrs = attrs.into_iter();
    let mut next = || {
        let (name, value) = attrs.next().unwrap_or(("", None));
        custom_attribute(name, value)
    };
    let attrs = (next(), next(), next());
    custom(tag).add_any_attr(attrs).child(children).into_any()
}

/// Text, as a view.
pub fn text(text: impl Into<String>) -> AnyView {
    text.into().into_any()
}

/// A `class` attribute.
pub fn class(name: &'static str) -> Attr {
    ("class", Some(name.to_owned()))
}

/// The ids of a body's headings, given in order: unique within the body.
#[derive(Default)]
pub struct HeadingIds(HashMap<String, usize>);

impl HeadingIds {
    /// A unique id for the next heading: the one written (`{#id}`), else
    /// its text's slug, with `-1`, `-2` … after the first of a kind.
    pub fn next(&mut self, explicit: Option<String>, text: &str) -> String {
        let base = explicit
            .map(|id| slugify(&id))
            .filter(|id| !id.is_empty())
            .or_else(|| Some(slugify(text)).filter(|id| !id.is_empty()))
            .unwrap_or_else(|| "section".to_owned());
        let seen = self.0.entry(base.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 {
            base
        } else {
            format!("{base}-{}", *seen - 1)
        }
    }
}

/// An allowed HTML element whose start tag has been read and whose end tag
/// has not: its content goes to a list of its own, and the views before it
/// wait in `outer`.
struct OpenTag {
    name: &'static str,
    attrs: Vec<Attr>,
    outer: Vec<AnyView>,
}

struct Renderer<'a> {
    assets: &'a Assets<'a>,
    lang: Lang,
    /// Column alignments of the table being rendered.
    alignments: Vec<Alignment>,
    /// The index of the next cell in the current row.
    cell: usize,
    in_head: bool,
    /// How often each heading id was used, to keep ids unique.
    heading_ids: HeadingIds,
    /// Footnote numbers by label, in order of first mention.
    footnote_numbers: HashMap<String, usize>,
    /// By footnote number: whether its first reference has been rendered,
    /// with the id its link back leads to.
    footnotes_referenced: Vec<bool>,
    footnotes: Vec<(usize, Vec<AnyView>)>,
    /// The `h2` and `h3` headings so far.
    outline: Vec<Section>,
    /// Fenced blocks with a language so far: the next one's runs are the
    /// post file's `code_blocks`-th (`blog_model::code`).
    code_blocks: usize,
}

impl<'a> Renderer<'a> {
    /// Renders events up to the end of the current element (or of the input).
    /// HTML elements left open close at the end of it.
    fn children<'e>(&mut self, events: &mut dyn Iterator<Item = Event<'e>>) -> Vec<AnyView> {
        let mut views = Vec::new();
        let mut open = Vec::new();
        while let Some(event) = events.next() {
            match event {
                Event::End(_) => break,
                // An HTML block's lines (its first line's indentation comes
                // as text), read as one piece: its tags may open an element
                // that holds the Markdown blocks after it.
                Event::Start(Tag::HtmlBlock) => {
                    let html = html_block(events);
                    self.raw_html(&html, false, &mut open, &mut views);
                }
                Event::Start(tag) => self.element(tag, events, &mut views),
                Event::Text(content) => views.push(text(content.into_string())),
                Event::Code(code) => {
                    views.push(element("code", vec![], vec![text(code.into_string())]));
                }
                Event::InlineMath(math) | Event::DisplayMath(math) => views.push(element(
                    "code",
                    vec![class("math")],
                    vec![text(math.into_string())],
                )),
                Event::Html(html) => self.raw_html(&html, false, &mut open, &mut views),
                Event::InlineHtml(html) => self.raw_html(&html, true, &mut open, &mut views),
                Event::FootnoteReference(label) => views.push(self.footnote_reference(&label)),
                Event::SoftBreak => views.push(text("\n")),
                Event::HardBreak => views.push(view! { <br /> }.into_any()),
                Event::Rule => views.push(view! { <hr /> }.into_any()),
                // The space keeps the box off the item's text, as in the spec.
                Event::TaskListMarker(checked) => {
                    views.push(
                        view! { <input type="checkbox" disabled=true checked=checked /> }
                            .into_any(),
                    );
                    views.push(text(" "));
                }
            }
        }
        close_html(&mut open, &mut views, 0);
        views
    }

    /// Raw HTML (`in_text`: inside a paragraph): each allowed start tag
    /// opens an element in `open`, its end tag closes it (and any opened
    /// inside it and left open); a void element is drawn at once. Other
    /// tags, an end tag that closes nothing open here, comments and
    /// declarations are left out; text is kept, as text.
    fn raw_html(
        &self,
        html: &str,
        in_text: bool,
        open: &mut Vec<OpenTag>,
        views: &mut Vec<AnyView>,
    ) {
        for piece in raw::pieces(html) {
            match piece {
                Piece::Text(written) => views.extend(non_empty(raw::decode(written)).map(text)),
                Piece::Start { name, attrs, .. } => match raw::judge(name, &attrs, in_text) {
                    Verdict::Kept { element, attrs, .. } if element.name == "img" => {
                        views.extend(self.html_image(attrs));
                    }
                    Verdict::Kept { element, .. } if element.void => {
                        views.push(view! { <br /> }.into_any());
                    }
                    Verdict::Kept { element, attrs, .. } => open.push(OpenTag {
                        name: element.name,
                        attrs: attrs
                            .into_iter()
                            .map(|(name, value)| (name, Some(value)))
                            .collect(),
                        outer: std::mem::take(views),
                    }),
                    Verdict::NotAllowed | Verdict::BlockInText => {}
                },
                Piece::End { name, .. } => {
                    if let Some(at) = open
                        .iter()
                        .rposition(|tag| tag.name.eq_ignore_ascii_case(name))
                    {
                        close_html(open, views, at);
                    }
                }
                Piece::Comment | Piece::Other { .. } => {}
            }
        }
    }

    /// An `<img>` written as HTML, drawn as a Markdown image is: its `src`
    /// resolved the same way; the size the author gave, else the file's,
    /// with its smaller copies. Without a `src` that can be shown, its
    /// `alt` text.
    fn html_image(&self, attrs: Vec<(&'static str, String)>) -> Option<AnyView> {
        let get = |wanted: &str| {
            attrs
                .iter()
                .find(|(name, _)| *name == wanted)
                .map(|(_, value)| value.clone())
        };
        let alt = get("alt");
        let Some((src, image)) = get("src").and_then(|src| self.image_source(&src)) else {
            return alt.and_then(non_empty).map(text);
        };
        let width = get("width").and_then(|width| width.parse().ok());
        let height = get("height").and_then(|height| height.parse().ok());
        let image = image.filter(|_| width.is_none() && height.is_none());
        let (width, height) = match image {
            Some(image) => (Some(image.width), Some(image.height)),
            None => (width, height),
        };
        // Without one, an empty `alt`: the image is taken for decoration
        // (the checker asks for a description).
        Some(image_view(
            src,
            image,
            Some(alt.unwrap_or_default()),
            get("title").and_then(non_empty),
            width,
            height,
        ))
    }

    /// An image's URL as the page loads it, and the post's file it is, if
    /// it is one: a relative path resolves to the post's folder. `None`
    /// for a URL that is no image's (a fragment, a mail address, an unsafe
    /// scheme).
    fn image_source(&self, url: &str) -> Option<(String, Option<&'a ImageSize>)> {
        match classify_url(url) {
            UrlKind::External => Some((encode(url), None)),
            UrlKind::Relative if url.starts_with('/') => Some((encode(&within_site(url)), None)),
            UrlKind::Relative => {
                let path = url.trim_start_matches("./");
                Some((
                    encode(&format!("{}{path}", self.assets.base)),
                    self.assets.image(url),
                ))
            }
            UrlKind::Fragment | UrlKind::Mail | UrlKind::Unsafe => None,
        }
    }

    /// A code block's text: cut into `<span class="t…">` tokens along the
    /// runs the build made for it (the post file's `block`-th), or one text
    /// when it has none (no language, or one the build did not know) or
    /// they do not fit. Leptos renders an empty text node as a space, which
    /// would show in a `<pre>`: an empty block gets no node.
    fn code(&self, block: Option<usize>, code: String) -> Vec<AnyView> {
        let pieces = block
            .and_then(|block| self.assets.highlights.get(block))
            .and_then(|highlight| highlight.pieces(&code));
        match pieces {
            Some(pieces) => pieces
                .into_iter()
                .map(|(piece, class)| match class {
                    Some(letter) => element(
                        "span",
                        vec![("class", Some(format!("t{letter}")))],
                        vec![text(piece)],
                    ),
                    None => text(piece),
                })
                .collect(),
            None => non_empty(code).map(text).into_iter().collect(),
        }
    }

    /// The button that copies a code block's text: the app handles its
    /// clicks (`ui::copy_code`); without JavaScript the stylesheet hides it.
    fn copy_button(&self) -> AnyView {
        let texts = texts(self.lang);
        let attrs = vec![
            ("type", Some("button".to_owned())),
            class("copy-code"),
            ("aria-label", Some(texts.copy_code_label.to_owned())),
        ];
        element("button", attrs, vec![text(texts.copy_code)])
    }

    /// Renders the element `tag` starts (up to its end) into `views`.
    fn element<'e>(
        &mut self,
        tag: Tag<'e>,
        events: &mut dyn Iterator<Item = Event<'e>>,
        views: &mut Vec<AnyView>,
    ) {
        let view = match tag {
            Tag::Paragraph => element("p", vec![], self.children(events)),
            Tag::Heading { level, id, .. } => {
                let inner: Vec<Event<'e>> = take_element(events);
                let text = plain_text(&inner);
                let id = self.heading_id(id.map(|id| id.into_string()), &text);
                if let HeadingLevel::H2 | HeadingLevel::H3 = level {
                    self.outline.push(Section {
                        level: if level == HeadingLevel::H2 { 2 } else { 3 },
                        id: id.clone(),
                        title: text.trim().to_owned(),
                    });
                }
                let children = self.children(&mut inner.into_iter());
                heading(level, id, children, texts(self.lang).heading_anchor)
            }
            Tag::BlockQuote(_) => element("blockquote", vec![], self.children(events)),
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => block_language(&info),
                    CodeBlockKind::Indented => None,
                };
                let block = language.as_ref().map(|_| {
                    self.code_blocks += 1;
                    self.code_blocks - 1
                });
                let code = plain_text(&take_element(events));
                // Nothing to copy in an empty block.
                let button = (!code.is_empty()).then(|| self.copy_button());
                let children = self.code(block, code);
                let class = language.map(|language| format!("language-{language}"));
                let code = element("code", vec![("class", class)], children);
                element("pre", vec![], [code].into_iter().chain(button).collect())
            }
            // Read by `children`, which sees its start first.
            Tag::HtmlBlock => {
                let mut open = Vec::new();
                let html = html_block(events);
                self.raw_html(&html, false, &mut open, views);
                close_html(&mut open, views, 0);
                return;
            }
            Tag::List(None) => element("ul", vec![], self.children(events)),
            Tag::List(Some(start)) => {
                let start = (start != 1).then(|| start.to_string());
                element("ol", vec![("start", start)], self.children(events))
            }
            Tag::Item => element("li", vec![], self.children(events)),
            Tag::FootnoteDefinition(label) => {
                let number = self.footnote_number(&label);
                let content = self.children(events);
                self.footnotes.push((number, content));
                return;
            }
            Tag::Table(alignments) => {
                self.alignments = alignments;
                let mut rows = self.children(events);
                let head = (!rows.is_empty()).then(|| rows.remove(0));
                let mut table: Vec<AnyView> = head.into_iter().collect();
                table.push(element("tbody", vec![], rows));
                let table = element("table", vec![], table);
                element("div", vec![class("table-wrap")], vec![table])
            }
            Tag::TableHead => {
                self.in_head = true;
                self.cell = 0;
                let cells = self.children(events);
                self.in_head = false;
                element("thead", vec![], vec![element("tr", vec![], cells)])
            }
            Tag::TableRow => {
                self.cell = 0;
                element("tr", vec![], self.children(events))
            }
            Tag::TableCell => {
                let class = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => Some("align-left"),
                    Some(Alignment::Center) => Some("align-center"),
                    Some(Alignment::Right) => Some("align-right"),
                    Some(Alignment::None) | None => None,
                };
                self.cell += 1;
                let content = self.children(events);
                // An absent class is not written (no `class=""`).
                let class = ("class", class.map(str::to_owned));
                if self.in_head {
                    element(
                        "th",
                        vec![("scope", Some("col".to_owned())), class],
                        content,
                    )
                } else {
                    element("td", vec![class], content)
                }
            }
            Tag::Emphasis => element("em", vec![], self.children(events)),
            Tag::Strong => element("strong", vec![], self.children(events)),
            Tag::Strikethrough => element("del", vec![], self.children(events)),
            Tag::Superscript => element("sup", vec![], self.children(events)),
            Tag::Subscript => element("sub", vec![], self.children(events)),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                // An email autolink (`<a@b.example>`) comes without its scheme.
                let dest_url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                let kind = classify_url(&dest_url);
                let href = (kind != UrlKind::Unsafe).then(|| encode(&within_site(&dest_url)));
                let rel = (kind == UrlKind::External).then(|| "noopener noreferrer".to_owned());
                let title = non_empty(title.into_string());
                let children = self.children(events);
                element(
                    "a",
                    vec![("href", href), ("rel", rel), ("title", title)],
                    children,
                )
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let alt = plain_text(&take_element(events));
                // An image from a fragment, a mail address or an unsafe scheme
                // is not an image: keep its description.
                let Some((src, image)) = self.image_source(&dest_url) else {
                    views.push(text(alt));
                    return;
                };
                let title = non_empty(title.into_string());
                let (width, height) = (image.map(|i| i.width), image.map(|i| i.height));
                image_view(src, image, Some(alt), title, width, height)
            }
            // Not enabled in `options()`; their content still shows.
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {
                views.extend(self.children(events));
                return;
            }
        };
        views.push(view);
    }
    fn heading_id(&mut self, explicit: Option<String>, text: &str) -> String {
        self.heading_ids.next(explicit, text)
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnote_numbers.len() + 1;
        *self
            .footnote_numbers
            .entry(label.to_owned())
            .or_insert(next)
    }

    fn footnote_reference(&mut self, label: &str) -> AnyView {
        let number = self.footnote_number(label);
        // The first reference, not the first mention: a definition may come
        // before any reference to it.
        if self.footnotes_referenced.len() <= number {
            self.footnotes_referenced.resize(number + 1, false);
        }
        let first = !std::mem::replace(&mut self.footnotes_referenced[number], true);
        let id = first.then(|| format!("fnref-{number}"));
        let link = element(
            "a",
            vec![("href", Some(format!("#fn-{number}"))), ("id", id)],
            vec![text(number.to_string())],
        );
        element("sup", vec![class("footnote-ref")], vec![link])
    }

    fn footnotes_section(&mut self) -> Option<AnyView> {
        if self.footnotes.is_empty() {
            return None;
        }
        // In the order of their numbers (1, 2, … as first mentioned),
        // definitions of one number in the order they came: put in place by
        // number, with no sort (a sort by a key would put another copy of
        // the sorting code into the wasm).
        let mut by_number: Vec<Vec<Vec<AnyView>>> = Vec::new();
        for (number, content) in std::mem::take(&mut self.footnotes) {
            if by_number.len() <= number {
                by_number.resize_with(number + 1, Vec::new);
            }
            by_number[number].push(content);
        }
        let texts = texts(self.lang);
        let items: Vec<AnyView> = by_number
            .into_iter()
            .enumerate()
            .flat_map(|(number, contents)| {
                contents.into_iter().map(move |content| (number, content))
            })
            .map(|(number, mut content)| {
                // A footnote nothing refers to has nowhere to lead back to.
                if self.footnotes_referenced.get(number) == Some(&true) {
                    content.push(text(" "));
                    content.push(element(
                        "a",
                        vec![
                            ("href", Some(format!("#fnref-{number}"))),
                            ("aria-label", Some(texts.back_to_reference.to_owned())),
                            class("footnote-back"),
                        ],
                        vec![text("↩")],
                    ));
                }
                let attrs = vec![
                    ("id", Some(format!("fn-{number}"))),
                    ("value", Some(number.to_string())),
                ];
                element("li", attrs, content)
            })
            .collect();
        let list = element("ol", vec![], items);
        let label = ("aria-label", Some(texts.footnotes.to_owned()));
        Some(element(
            "section",
            vec![label, class("footnotes")],
            vec![list],
        ))
    }
}

/// Closes the HTML elements of `open` from the last down to the one at
/// `down_to`, each holding what was drawn since its start tag.
fn close_html(open: &mut Vec<OpenTag>, views: &mut Vec<AnyView>, down_to: usize) {
    while open.len() > down_to {
        let Some(tag) = open.pop() else { break };
        let children = std::mem::replace(views, tag.outer);
        // `open` is a boolean attribute, written as a name alone.
        let view = if tag.name == "details" && !tag.attrs.is_empty() {
            view! { <details open=true>{children}</details> }.into_any()
        } else {
            element(tag.name, tag.attrs, children)
        };
        views.push(view);
    }
}

/// An image, lazy; with the `srcset` of the post's file's smaller copies
/// when `image` is one that has them.
fn image_view(
    src: String,
    image: Option<&ImageSize>,
    alt: Option<String>,
    title: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
) -> AnyView {
    let srcset = image.and_then(|image| srcset(&image.variants));
    let sizes = srcset.is_some().then_some(COLUMN_SIZES);
    view! {
        <img src=src srcset=srcset sizes=sizes alt=alt title=title width=width height=height
            loading="lazy" decoding="async" />
    }
    .into_any()
}

fn heading(
    level: HeadingLevel,
    id: String,
    mut children: Vec<AnyView>,
    anchor_label: &'static str,
) -> AnyView {
    let anchor = element(
        "a",
        vec![
            ("href", Some(format!("#{id}"))),
            ("aria-label", Some(anchor_label.to_owned())),
            class("heading-anchor"),
        ],
        vec![text("#")],
    );
    children.push(anchor);
    let tag = match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    };
    element(tag, vec![("id", Some(id))], children)
}

/// Takes the events up to the end of the element just started, leaving the
/// iterator after it.
fn take_element<'e>(events: &mut dyn Iterator<Item = Event<'e>>) -> Vec<Event<'e>> {
    let mut depth = 0usize;
    let mut taken = Vec::new();
    for event in events {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        taken.push(event);
    }
    taken
}

/// An HTML block's text, after its start: without the end of its last
/// line, which is no text of the page.
fn html_block<'e>(events: &mut dyn Iterator<Item = Event<'e>>) -> String {
    let mut html = plain_text(&take_element(events));
    if html.ends_with('\n') {
        html.pop();
    }
    html
}

/// The text of some events, without markup (for alt text, ids, code).
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(part) | Event::Code(part) | Event::Html(part) | Event::InlineHtml(part) => {
                text.push_str(part)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// A paragraph's (or list item's, cell's, code block's) text, and the id of
/// the heading it follows, as the rendered page has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    pub section: Option<String>,
    pub text: String,
}

/// The text of a body, block by block, with the section each is in: where
/// a search result quotes it from, and the section it links to.
pub fn text_blocks(body: &str) -> Vec<TextBlock> {
    let mut blocks = Vec::new();
    let mut ids = HeadingIds::default();
    let mut section = None;
    let mut text = String::new();
    let mut events = events(body);
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                let inner: Vec<Event<'_>> = take_element(&mut events);
                let heading = plain_text(&inner);
                section = Some(ids.next(id.map(|id| id.into_string()), &heading));
            }
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) if !text.trim().is_empty() => blocks.push(TextBlock {
                section: section.clone(),
                text: std::mem::take(&mut text).trim().to_owned(),
            }),
            _ => {}
        }
    }
    blocks
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HTML a body renders to, without the comment markers Leptos adds
    /// for hydration.
    /// The copy button every code block with text ends with.
    const COPY: &str =
        "<button type=\"button\" class=\"copy-code\" aria-label=\"Copy code\">Copy</button>";

    fn html(markdown: &str) -> String {
        let images = [crate::data::ImageSize {
            path: "img/cloud.png".to_owned(),
            width: 640,
            height: 480,
            variants: Vec::new(),
        }];
        // Runs for one block, as the build makes them.
        let highlights = [blog_model::code::Highlight {
            runs: blog_model::code::decode_runs("3k5_5s2_").unwrap(),
        }];
        let assets = Assets {
            base: "/posts/p/",
            images: &images,
            highlights: &highlights,
        };
        render(&blog_model::body::encode(markdown), &assets, Lang::En)
            .to_html()
            .replace("<!>", "")
    }

    #[test]
    fn paragraphs_emphasis_and_strikethrough_map_to_elements() {
        assert_eq!(
            html("Hello *world*, **bold** and ~~gone~~."),
            "<p>Hello <em>world</em>, <strong>bold</strong> and <del>gone</del>.</p>"
        );
    }

    #[test]
    fn headings_get_unique_ids_and_anchors() {
        let out = html("## Key Benefits\n\n## Key Benefits\n\n### Größe {#custom}");
        assert!(out.contains("<h2 id=\"key-benefits\">Key Benefits<a href=\"#key-benefits\" aria-label=\"Link to this section\" class=\"heading-anchor\">#</a></h2>"), "{out}");
        assert!(out.contains("<h2 id=\"key-benefits-1\">"), "{out}");
        assert!(out.contains("<h3 id=\"custom\">Größe"), "{out}");
    }

    #[test]
    fn lists_and_task_lists_map_to_list_elements() {
        assert_eq!(html("- a\n- b"), "<ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            html("3. c\n4. d"),
            "<ol start=\"3\"><li>c</li><li>d</li></ol>"
        );
        assert_eq!(html("1. one"), "<ol><li>one</li></ol>");
        let tasks = html("- [x] done\n- [ ] open");
        assert!(
            tasks.contains("<li><input type=\"checkbox\" disabled checked> done</li>"),
            "{tasks}"
        );
        assert!(
            tasks.contains("<li><input type=\"checkbox\" disabled> open</li>"),
            "{tasks}"
        );
    }

    #[test]
    fn links_keep_safe_urls_and_mark_external_ones() {
        // A path from the site's root is a path within the blog, under its base.
        assert_eq!(
            html("[ext](https://example.com \"T\") [in](/de/) [top](#top) [mail](mailto:a@b.c)"),
            format!(
                "<p><a href=\"https://example.com\" rel=\"noopener noreferrer\" title=\"T\">ext</a> \
                 <a href=\"{}\">in</a> <a href=\"#top\">top</a> <a href=\"mailto:a@b.c\">mail</a></p>",
                crate::site::path("de/")
            )
        );
    }

    #[test]
    fn javascript_and_other_unsafe_links_lose_their_url() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            let out = html(&format!("[click]({url})"));
            assert_eq!(out, "<p><a>click</a></p>", "{url}");
        }
        let out = html("<a href=\"java\tscript:alert(1)\">x</a>");
        assert!(!out.contains("<a"), "{out}");
    }

    #[test]
    fn images_are_lazy_and_relative_paths_resolve_to_the_post_folder() {
        assert_eq!(
            html("![A *cloud*](./img/cloud.png \"Sky\")"),
            "<p><img src=\"/posts/p/img/cloud.png\" alt=\"A cloud\" title=\"Sky\" width=\"640\" height=\"480\" \
             loading=\"lazy\" decoding=\"async\"></p>"
        );
        assert_eq!(
            html("![Unknown size](other.png)"),
            "<p><img src=\"/posts/p/other.png\" alt=\"Unknown size\" loading=\"lazy\" decoding=\"async\"></p>"
        );
        assert_eq!(html("![x](javascript:alert(1))"), "<p>x</p>");
    }

    #[test]
    fn block_quotes_and_code_blocks_map_to_elements() {
        assert_eq!(html("> quoted"), "<blockquote><p>quoted</p></blockquote>");
        assert_eq!(
            html("```rust\nfn main() {}\n```"),
            format!("<pre><code class=\"language-rust\">fn main() {{}}\n</code>{COPY}</pre>")
        );
        assert_eq!(
            html("    indented"),
            format!("<pre><code>indented</code>{COPY}</pre>")
        );
        assert_eq!(html("Use `x < y`."), "<p>Use <code>x &lt; y</code>.</p>");
    }

    #[test]
    fn a_block_with_runs_is_cut_into_tokens_and_one_without_is_plain() {
        // The post file's first runs are its first fenced block's with a
        // language.
        let tokens = format!(
            "<pre><code class=\"language-rust\"><span class=\"tk\">let</span> a = \
             <span class=\"ts\">\"&lt;b&gt;\"</span>;\n</code>{COPY}</pre>"
        );
        assert_eq!(html("```Rust\nlet a = \"<b>\";\n```"), tokens);
        // A block without a language takes none: the next one has them.
        assert_eq!(
            html("```\nx\n```\n\n```rust\nlet a = \"<b>\";\n```"),
            format!("<pre><code>x\n</code>{COPY}</pre>{tokens}")
        );
        // The second block has none: plain.
        assert_eq!(
            html("```rust\nlet a = \"<b>\";\n```\n\n```rust\nlet b;\n```"),
            format!("{tokens}<pre><code class=\"language-rust\">let b;\n</code>{COPY}</pre>")
        );
        // Runs that do not cover the text exactly are not applied.
        assert_eq!(
            html("```c\nlet a = \"<i>\"; // c\n```"),
            format!(
                "<pre><code class=\"language-c\">let a = \"&lt;i&gt;\"; // c\n</code>{COPY}</pre>"
            )
        );
    }

    #[test]
    fn tables_have_a_head_a_body_and_aligned_cells() {
        let out = html("| a | b | c |\n|:--|--:|---|\n| 1 | 2 | 3 |");
        assert_eq!(
            out,
            "<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\" class=\"align-left\">a</th>\
             <th scope=\"col\" class=\"align-right\">b</th><th scope=\"col\">c</th></tr></thead><tbody><tr>\
             <td class=\"align-left\">1</td><td class=\"align-right\">2</td><td>3</td></tr></tbody></table></div>"
        );
    }

    #[test]
    fn footnotes_are_numbered_and_collected_at_the_end() {
        let out = html("One[^a] two[^b].\n\n[^b]: Second.\n[^a]: First.");
        assert!(
            out.starts_with(
                "<p>One<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup> two"
            ),
            "{out}"
        );
        let first = out.find("id=\"fn-1\"").unwrap();
        let second = out.find("id=\"fn-2\"").unwrap();
        assert!(first < second, "{out}");
        assert!(
            out.contains("<section aria-label=\"Footnotes\" class=\"footnotes\">"),
            "{out}"
        );
        assert!(out.contains("<p>First.</p> <a href=\"#fnref-1\" aria-label=\"Back to reference\" class=\"footnote-back\">↩</a>"), "{out}");
    }

    #[test]
    fn a_footnote_defined_before_its_reference_still_links_back_to_it() {
        let out = html("[^a]: First.\n\nText[^a].");
        assert!(
            out.contains("<a href=\"#fn-1\" id=\"fnref-1\">1</a>"),
            "{out}"
        );
        assert!(out.contains("href=\"#fnref-1\""), "{out}");
    }

    #[test]
    fn a_footnote_nothing_refers_to_has_no_link_back() {
        let out = html("Text.\n\n[^a]: Unused.");
        assert!(
            out.contains("<li id=\"fn-1\" value=\"1\"><p>Unused.</p></li>"),
            "{out}"
        );
    }

    #[test]
    fn raw_html_outside_the_allow_list_is_left_out_and_its_text_kept() {
        let out = html("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>");
        assert_eq!(out, "<p>Hi there</p>");
        assert_eq!(html("<div>\n*kept*\n</div>"), "\n*kept*\n");
        assert_eq!(html("a <!-- note --> b <?php x ?>"), "<p>a  b </p>");
    }

    #[test]
    fn allowed_inline_tags_become_elements_with_allowed_attributes_only() {
        assert_eq!(
            html(
                "Press <kbd>Ctrl</kbd>+<kbd onclick=\"x()\" style=\"color:red\">C</kbd>, \
                  H<sub>2</sub>O, x<sup>2</sup>, <mark>this</mark>, \
                  <abbr title=\"HyperText &amp; more\" class=x>HTML</abbr>,<br/>\
                  <ins>in</ins> <del>out</del> <s>old</s> <small>fine</small>"
            ),
            "<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, x<sup>2</sup>, \
             <mark>this</mark>, <abbr title=\"HyperText &amp; more\">HTML</abbr>,<br>\
             <ins>in</ins> <del>out</del> <s>old</s> <small>fine</small></p>"
        );
    }

    #[test]
    fn unclosed_tags_close_with_their_paragraph_and_stray_end_tags_are_dropped() {
        assert_eq!(
            html("a <kbd>b <sup>c</kbd> d</sup>\n\ne</mark>"),
            "<p>a <kbd>b <sup>c</sup></kbd> d</p><p>e</p>"
        );
    }

    #[test]
    fn an_html_block_element_holds_the_markdown_between_its_tags() {
        assert_eq!(
            html(
                "<details open>\n<summary>More</summary>\n\nMarkdown *inside*\n\n</details>\n\nAfter"
            ),
            "<details open>\n<summary>More</summary><p>Markdown <em>inside</em></p></details><p>After</p>"
        );
        // Left open: it closes with the list item it is in.
        assert_eq!(
            html("- <figure>\n\n  x\n- y"),
            "<ul><li><figure><p>x</p></figure></li><li><p>y</p></li></ul>"
        );
    }

    #[test]
    fn a_block_element_inside_a_paragraph_is_left_out() {
        assert_eq!(html("a <figure>b</figure> <details>c"), "<p>a b c</p>");
    }

    #[test]
    fn an_html_image_resolves_like_a_markdown_image_and_keeps_only_safe_attributes() {
        assert_eq!(
            html("<img src=\"./img/cloud.png\" alt=\"A cloud\" onerror=\"x()\" style=\"a\">"),
            "<img src=\"/posts/p/img/cloud.png\" alt=\"A cloud\" width=\"640\" height=\"480\" \
             loading=\"lazy\" decoding=\"async\">"
        );
        assert_eq!(
            html("x <img src=img/cloud.png width=320 height=50%>"),
            "<p>x <img src=\"/posts/p/img/cloud.png\" alt=\"\" width=\"320\" loading=\"lazy\" decoding=\"async\"></p>"
        );
        assert_eq!(
            html("x <img src=\"https://x.example/a b.png\" title=T>"),
            "<p>x <img src=\"https://x.example/a%20b.png\" alt=\"\" title=\"T\" loading=\"lazy\" decoding=\"async\"></p>"
        );
        for src in [
            "javascript:alert(1)",
            "&#106;avascript:x",
            "data:image/png,x",
            "#top",
        ] {
            assert_eq!(
                html(&format!("x <img src=\"{src}\" alt=\"Kept\">")),
                "<p>x Kept</p>",
                "{src}"
            );
        }
        assert_eq!(html("a <img alt=\"\"> b"), "<p>a  b</p>");
    }

    #[test]
    fn email_autolinks_link_to_a_mail_address() {
        assert_eq!(
            html("<foo@bar.example.com>"),
            "<p><a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a></p>"
        );
    }

    #[test]
    fn backslashes_and_spaces_in_urls_are_percent_encoded() {
        // A browser reads `/\evil.example` as `//evil.example`: another site.
        let out = html("[a](/\\evil.example) [b](<my page.html>) ![c](</x y.png>)");
        assert!(
            out.contains(&format!("href=\"{}%5Cevil.example\"", crate::site::BASE)),
            "{out}"
        );
        assert!(out.contains("href=\"my%20page.html\""), "{out}");
        assert!(
            out.contains(&format!("src=\"{}x%20y.png\"", crate::site::BASE)),
            "{out}"
        );
    }

    #[test]
    fn a_link_to_another_host_without_a_scheme_is_external_too() {
        assert_eq!(
            html("[cdn](//cdn.example/x)"),
            "<p><a href=\"//cdn.example/x\" rel=\"noopener noreferrer\">cdn</a></p>"
        );
    }

    #[test]
    fn an_empty_code_block_renders_no_text() {
        assert_eq!(html("```\n```"), "<pre><code></code></pre>");
    }

    #[test]
    fn rules_and_hard_breaks_map_to_void_elements() {
        assert_eq!(html("a  \nb\n\n---"), "<p>a<br>b</p><hr>");
    }
}
