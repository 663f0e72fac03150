//! Markdown to a Leptos view tree, by mapping pulldown-cmark's events onto
//! elements. No HTML string is ever injected: raw HTML in a post shows as
//! text, and link and image URLs with a scheme outside the allow-list
//! (`http`, `https`, `mailto`; see `url`) are dropped.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag,
};

use crate::content::{Assets, COLUMN_SIZES, srcset};
use crate::i18n::texts;
use crate::lang::Lang;
use crate::slug::slugify;

mod url;

pub use url::{UrlKind, classify_url};
use url::{encode, within_site};

/// The Markdown extensions posts may use (the spec test parses with them too).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a post body. Relative image paths resolve against the post's
/// folder and get their sizes from `assets`; interface text (footnote
/// labels) is in `lang`.
pub fn render(markdown: &str, assets: &Assets<'_>, lang: Lang) -> AnyView {
    let mut renderer = Renderer {
        assets,
        lang,
        alignments: Vec::new(),
        cell: 0,
        in_head: false,
        heading_ids: HashMap::new(),
        footnote_numbers: HashMap::new(),
        footnotes_referenced: HashSet::new(),
        footnotes: Vec::new(),
    };
    let mut events = Parser::new_ext(markdown, options());
    let body = renderer.children(&mut events);
    let footnotes = renderer.footnotes_section();
    view! { {body} {footnotes} }.into_any()
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
    heading_ids: HashMap<String, usize>,
    /// Footnote numbers by label, in order of first mention.
    footnote_numbers: HashMap<String, usize>,
    /// The footnotes whose first reference has been rendered, with the id
    /// their link back leads to.
    footnotes_referenced: HashSet<usize>,
    footnotes: Vec<(usize, Vec<AnyView>)>,
}

impl Renderer<'_> {
    /// Renders events up to the end of the current element (or of the input).
    fn children<'e>(&mut self, events: &mut impl Iterator<Item = Event<'e>>) -> Vec<AnyView> {
        let mut views = Vec::new();
        while let Some(event) = events.next() {
            let view = match event {
                Event::End(_) => break,
                Event::Start(tag) => self.element(tag, events),
                Event::Text(text) => Some(text.into_string().into_any()),
                Event::Code(code) => Some(view! { <code>{code.into_string()}</code> }.into_any()),
                Event::InlineMath(math) | Event::DisplayMath(math) => {
                    Some(view! { <code class="math">{math.into_string()}</code> }.into_any())
                }
                // Raw HTML is shown as the text the author wrote, never parsed.
                Event::Html(html) | Event::InlineHtml(html) => Some(html.into_string().into_any()),
                Event::FootnoteReference(label) => Some(self.footnote_reference(&label)),
                Event::SoftBreak => Some("\n".into_any()),
                Event::HardBreak => Some(view! { <br /> }.into_any()),
                Event::Rule => Some(view! { <hr /> }.into_any()),
                // The space keeps the box off the item's text, as in the spec.
                Event::TaskListMarker(checked) => Some(
                    view! { <input type="checkbox" disabled=true checked=checked />" " }.into_any(),
                ),
            };
            views.extend(view);
        }
        views
    }

    fn element<'e>(
        &mut self,
        tag: Tag<'e>,
        events: &mut impl Iterator<Item = Event<'e>>,
    ) -> Option<AnyView> {
        let view = match tag {
            Tag::Paragraph => view! { <p>{self.children(events)}</p> }.into_any(),
            Tag::Heading { level, id, .. } => {
                let inner: Vec<Event<'e>> = take_element(events);
                let text = plain_text(inner.iter().cloned());
                let id = self.heading_id(id.map(|id| id.into_string()), &text);
                let children = self.children(&mut inner.into_iter());
                heading(level, id, children, texts(self.lang).heading_anchor)
            }
            Tag::BlockQuote(_) => {
                view! { <blockquote>{self.children(events)}</blockquote> }.into_any()
            }
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => code_language(&info),
                    CodeBlockKind::Indented => None,
                };
                // Leptos renders an empty text node as a space, which would
                // show in a `<pre>`: an empty block gets no text node at all.
                let code = non_empty(plain_text(take_element(events)));
                // An absent class must not render as `class=""`.
                match language {
                    Some(language) => {
                        view! { <pre><code class=language>{code}</code></pre> }.into_any()
                    }
                    None => view! { <pre><code>{code}</code></pre> }.into_any(),
                }
            }
            Tag::HtmlBlock => {
                let html = plain_text(take_element(events));
                view! { <pre class="raw-html"><code>{html}</code></pre> }.into_any()
            }
            Tag::List(None) => view! { <ul>{self.children(events)}</ul> }.into_any(),
            Tag::List(Some(start)) => {
                let start = (start != 1).then(|| start.to_string());
                view! { <ol start=start>{self.children(events)}</ol> }.into_any()
            }
            Tag::Item => view! { <li>{self.children(events)}</li> }.into_any(),
            Tag::FootnoteDefinition(label) => {
                let number = self.footnote_number(&label);
                let content = self.children(events);
                self.footnotes.push((number, content));
                return None;
            }
            Tag::Table(alignments) => {
                self.alignments = alignments;
                let mut rows = self.children(events);
                let head = (!rows.is_empty()).then(|| rows.remove(0));
                view! {
                    <div class="table-wrap">
                        <table>{head}<tbody>{rows}</tbody></table>
                    </div>
                }
                .into_any()
            }
            Tag::TableHead => {
                self.in_head = true;
                self.cell = 0;
                let cells = self.children(events);
                self.in_head = false;
                view! { <thead><tr>{cells}</tr></thead> }.into_any()
            }
            Tag::TableRow => {
                self.cell = 0;
                view! { <tr>{self.children(events)}</tr> }.into_any()
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
                // An absent class must not render as `class=""`.
                match (self.in_head, class) {
                    (true, Some(class)) => {
                        view! { <th scope="col" class=class>{content}</th> }.into_any()
                    }
                    (true, None) => view! { <th scope="col">{content}</th> }.into_any(),
                    (false, Some(class)) => view! { <td class=class>{content}</td> }.into_any(),
                    (false, None) => view! { <td>{content}</td> }.into_any(),
                }
            }
            Tag::Emphasis => view! { <em>{self.children(events)}</em> }.into_any(),
            Tag::Strong => view! { <strong>{self.children(events)}</strong> }.into_any(),
            Tag::Strikethrough => view! { <del>{self.children(events)}</del> }.into_any(),
            Tag::Superscript => view! { <sup>{self.children(events)}</sup> }.into_any(),
            Tag::Subscript => view! { <sub>{self.children(events)}</sub> }.into_any(),
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
                let rel = (kind == UrlKind::External).then_some("noopener noreferrer");
                let title = non_empty(title.into_string());
                let children = self.children(events);
                view! { <a href=href rel=rel title=title>{children}</a> }.into_any()
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let alt = plain_text(take_element(events));
                let mut image = None;
                let src = match classify_url(&dest_url) {
                    UrlKind::External => encode(&dest_url),
                    UrlKind::Relative if dest_url.starts_with('/') => {
                        encode(&within_site(&dest_url))
                    }
                    UrlKind::Relative => {
                        image = self.assets.image(&dest_url);
                        let path = dest_url.trim_start_matches("./");
                        encode(&format!("{}{path}", self.assets.base))
                    }
                    // An image from a fragment, a mail address or an unsafe scheme
                    // is not an image: keep its description.
                    UrlKind::Fragment | UrlKind::Mail | UrlKind::Unsafe => {
                        return Some(alt.into_any());
                    }
                };
                let title = non_empty(title.into_string());
                let (width, height) = (image.map(|i| i.width), image.map(|i| i.height));
                let srcset = image.and_then(|image| srcset(&image.variants));
                let sizes = srcset.is_some().then_some(COLUMN_SIZES);
                view! {
                    <img src=src srcset=srcset sizes=sizes alt=alt title=title width=width height=height
                        loading="lazy" decoding="async" />
                }
                .into_any()
            }
            // Not enabled in `options()`; their content still shows.
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.children(events).into_any(),
        };
        Some(view)
    }

    /// A unique id for a heading: the one written (`{#id}`), else its text's slug.
    fn heading_id(&mut self, explicit: Option<String>, text: &str) -> String {
        let base = explicit
            .map(|id| slugify(&id))
            .filter(|id| !id.is_empty())
            .or_else(|| Some(slugify(text)).filter(|id| !id.is_empty()))
            .unwrap_or_else(|| "section".to_owned());
        let seen = self.heading_ids.entry(base.clone()).or_insert(0);
        *seen += 1;
        if *seen == 1 {
            base
        } else {
            format!("{base}-{}", *seen - 1)
        }
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
        let first = self.footnotes_referenced.insert(number);
        let id = first.then(|| format!("fnref-{number}"));
        view! {
            <sup class="footnote-ref">
                <a href=format!("#fn-{number}") id=id>{number}</a>
            </sup>
        }
        .into_any()
    }

    fn footnotes_section(&mut self) -> Option<AnyView> {
        if self.footnotes.is_empty() {
            return None;
        }
        let mut footnotes = std::mem::take(&mut self.footnotes);
        footnotes.sort_by_key(|(number, _)| *number);
        let text = texts(self.lang);
        let items: Vec<AnyView> = footnotes
            .into_iter()
            .map(|(number, content)| {
                // A footnote nothing refers to has nowhere to lead back to.
                let back = self.footnotes_referenced.contains(&number).then(|| {
                    view! {
                        " "
                        <a class="footnote-back" href=format!("#fnref-{number}") aria-label=text.back_to_reference>
                            "↩"
                        </a>
                    }
                });
                view! {
                    <li id=format!("fn-{number}") value=number.to_string()>
                        {content}
                        {back}
                    </li>
                }
                .into_any()
            })
            .collect();
        Some(
            view! {
                <section class="footnotes" aria-label=text.footnotes>
                    <ol>{items}</ol>
                </section>
            }
            .into_any(),
        )
    }
}

fn heading(
    level: HeadingLevel,
    id: String,
    children: Vec<AnyView>,
    anchor_label: &'static str,
) -> AnyView {
    let anchor = view! {
        <a class="heading-anchor" href=format!("#{id}") aria-label=anchor_label>"#"</a>
    };
    match level {
        HeadingLevel::H1 => view! { <h1 id=id>{children}{anchor}</h1> }.into_any(),
        HeadingLevel::H2 => view! { <h2 id=id>{children}{anchor}</h2> }.into_any(),
        HeadingLevel::H3 => view! { <h3 id=id>{children}{anchor}</h3> }.into_any(),
        HeadingLevel::H4 => view! { <h4 id=id>{children}{anchor}</h4> }.into_any(),
        HeadingLevel::H5 => view! { <h5 id=id>{children}{anchor}</h5> }.into_any(),
        HeadingLevel::H6 => view! { <h6 id=id>{children}{anchor}</h6> }.into_any(),
    }
}

/// Takes the events up to the end of the element just started, leaving the
/// iterator after it.
fn take_element<'e>(events: &mut impl Iterator<Item = Event<'e>>) -> Vec<Event<'e>> {
    let mut depth = 0usize;
    let mut taken = Vec::new();
    for event in events.by_ref() {
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

/// The text of some events, without markup (for alt text, ids, code).
fn plain_text<'e>(events: impl IntoIterator<Item = Event<'e>>) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(part) | Event::Code(part) | Event::Html(part) | Event::InlineHtml(part) => {
                text.push_str(&part)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The `language-…` class of a fenced block's info string (` ```rust,ignore `).
fn code_language(info: &str) -> Option<String> {
    let language = info.split([' ', ',', '{']).next()?.trim();
    let valid = !language.is_empty()
        && language
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '#' | '_'));
    valid.then(|| format!("language-{}", language.to_ascii_lowercase()))
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HTML a body renders to, without the comment markers Leptos adds
    /// for hydration.
    fn html(markdown: &str) -> String {
        let images = [crate::content::ImageSize {
            path: "img/cloud.png".to_owned(),
            width: 640,
            height: 480,
            variants: Vec::new(),
        }];
        let assets = Assets {
            base: "/posts/p/",
            images: &images,
        };
        render(markdown, &assets, Lang::En)
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
            "<pre><code class=\"language-rust\">fn main() {}\n</code></pre>"
        );
        assert_eq!(html("    indented"), "<pre><code>indented</code></pre>");
        assert_eq!(html("Use `x < y`."), "<p>Use <code>x &lt; y</code>.</p>");
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
    fn raw_html_shows_as_text() {
        let out = html("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<b "), "{out}");
        assert!(
            out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{out}"
        );
        assert!(
            out.contains("Hi &lt;b onclick=\"x()\"&gt;there&lt;/b&gt;"),
            "{out}"
        );
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
