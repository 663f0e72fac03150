//! The raw HTML in a post's body, judged as the app's Markdown mapping
//! judges it (`blog_model::html`): a warning for each tag the page leaves
//! out, for each attribute left out of a tag it keeps, and for an `<img>`
//! whose `src` is dropped; an `<img>` from the post's folder must exist, as
//! a Markdown image must. Comments are left out without a word.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::diagnostic::{Diagnostic, Location};
use crate::links::{self, Page};
use crate::source_text::LineIndex;
use blog_model::html::{self, ALLOWED_TAGS, Dropped, Element, Piece, Verdict};
use blog_model::url_kind::{UrlKind, classify_url};

/// A piece of raw HTML as the mapping reads it (an HTML block's lines
/// joined), with where each part of it is in the file.
struct Raw {
    text: String,
    /// Each part's start in `text` and in the file, and its length there.
    parts: Vec<(usize, usize, usize)>,
    in_text: bool,
}

impl Raw {
    fn new(in_text: bool) -> Raw {
        Raw {
            text: String::new(),
            parts: Vec::new(),
            in_text,
        }
    }

    fn push(&mut self, text: &str, file_start: usize, file_len: usize) {
        self.parts.push((self.text.len(), file_start, file_len));
        self.text.push_str(text);
    }

    /// The file offset of byte `at` of `text`.
    fn file_offset(&self, at: usize) -> usize {
        let part = self.parts.partition_point(|&(start, _, _)| start <= at);
        let Some(&(start, file_start, file_len)) =
            part.checked_sub(1).and_then(|i| self.parts.get(i))
        else {
            return 0;
        };
        file_start + (at - start).min(file_len)
    }
}

/// The problems with the raw HTML in `page`'s body.
pub fn check(page: &Page<'_>) -> Vec<Diagnostic> {
    let body = &page.text[page.body_offset..];
    let lines = LineIndex::new(page.text);
    let mut raws = Vec::new();
    let mut block: Option<Raw> = None;
    // Inside an image's description raw HTML is text (its `alt`).
    let mut in_image = 0usize;
    for (event, range) in Parser::new_ext(body, blog_model::body::options()).into_offset_iter() {
        let (start, len) = (page.body_offset + range.start, range.len());
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) => block = Some(Raw::new(false)),
            Event::End(TagEnd::HtmlBlock) => raws.extend(block.take()),
            Event::Html(text) | Event::Text(text) if block.is_some() => {
                if let Some(raw) = block.as_mut() {
                    raw.push(&text, start, len);
                }
            }
            Event::Html(text) | Event::InlineHtml(text) if in_image == 0 => {
                // Inline HTML is always inside a paragraph (or a heading, a cell).
                let mut raw = Raw::new(true);
                raw.push(&text, start, len);
                raws.push(raw);
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    for raw in &raws {
        for piece in html::pieces(&raw.text) {
            let found_here = match piece {
                Piece::Start { name, attrs, at } => {
                    let found = Found {
                        at: location(page, &lines, raw.file_offset(at)),
                        name,
                    };
                    match html::judge(name, &attrs, raw.in_text) {
                        Verdict::NotAllowed => vec![found.not_allowed()],
                        Verdict::BlockInText => vec![found.block_in_text()],
                        Verdict::Kept {
                            element,
                            attrs,
                            dropped,
                        } => {
                            let mut problems: Vec<Diagnostic> = dropped
                                .iter()
                                .map(|dropped| found.dropped(element, dropped))
                                .collect();
                            if let Some((_, src)) = attrs.iter().find(|(name, _)| *name == "src")
                                && classify_url(src) == UrlKind::Relative
                            {
                                problems.extend(links::check_image(page, src, found.at.clone()));
                            }
                            if element.name == "img"
                                && !attrs.iter().any(|(name, _)| *name == "alt")
                            {
                                problems.push(
                                    Diagnostic::warning(
                                        found.at.clone(),
                                        "the `<img>` has no `alt`: a reader who cannot see it learns nothing of it",
                                    )
                                    .help("describe it, `alt=\"…\"`, or write `alt=\"\"` if it is only decoration"),
                                );
                            }
                            problems
                        }
                    }
                }
                Piece::Other { raw: written, at } => {
                    let shown: String = written
                        .chars()
                        .filter(|c| !c.is_control())
                        .take(40)
                        .collect();
                    let diagnostic = Diagnostic::warning(
                        location(page, &lines, raw.file_offset(at)),
                        format!("the HTML `{shown}` is left out of the page"),
                    )
                    .help(format!(
                        "a post may use only these HTML tags: {ALLOWED_TAGS}"
                    ));
                    vec![diagnostic]
                }
                Piece::Text(_) | Piece::End { .. } | Piece::Comment => continue,
            };
            problems.extend(found_here);
        }
    }
    problems
}

fn location(page: &Page<'_>, lines: &LineIndex<'_>, offset: usize) -> Location {
    let mut offset = offset.min(page.text.len());
    while !page.text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (line, column) = lines.position(offset);
    Location::at(page.shown, line, column)
}

/// A start tag found, and where.
struct Found<'a> {
    at: Location,
    name: &'a str,
}

impl Found<'_> {
    fn not_allowed(&self) -> Diagnostic {
        let name = self.name.to_ascii_lowercase();
        let with_content = html::RAW_TEXT.contains(&name.as_str());
        Diagnostic::warning(
            self.at.clone(),
            if with_content {
                format!("the HTML tag `<{name}>` is left out of the page, with its content")
            } else {
                format!("the HTML tag `<{name}>` is left out of the page")
            },
        )
        .help(format!(
            "a post may use only these HTML tags: {ALLOWED_TAGS}; the text inside another tag is kept"
        ))
    }

    fn block_in_text(&self) -> Diagnostic {
        let name = self.name.to_ascii_lowercase();
        Diagnostic::warning(
            self.at.clone(),
            format!("the HTML tag `<{name}>` is left out of the page: inside a paragraph it would end the paragraph"),
        )
        .help(format!(
            "put `<{name}>` and `</{name}>` on lines of their own, with a blank line before and after the Markdown between them"
        ))
    }

    fn dropped(&self, element: &Element, dropped: &Dropped<'_>) -> Diagnostic {
        let tag = element.name;
        let may = if element.attrs.is_empty() {
            format!("`<{tag}>` takes no attributes")
        } else {
            format!("`<{tag}>` may have only {}", element.attrs.join(", "))
        };
        match dropped {
            Dropped::NotAllowed(attr) => Diagnostic::warning(
                self.at.clone(),
                format!("the attribute `{attr}` of `<{tag}>` is left out of the page"),
            )
            .help(format!(
                "{may}; the page has no styles or scripts of a post's own"
            )),
            Dropped::BadValue("src", url) => {
                let shown: String = url.chars().filter(|c| !c.is_control()).take(60).collect();
                Diagnostic::warning(
                    self.at.clone(),
                    format!("the image `{shown}` is left out of the page: the blog keeps only http, https and its own files"),
                )
                .help("use an image from the post's folder or an https address")
            }
            Dropped::BadValue(attr, value) => {
                let shown: String = value.chars().filter(|c| !c.is_control()).take(20).collect();
                Diagnostic::warning(
                    self.at.clone(),
                    format!("`{attr}=\"{shown}\"` of `<{tag}>` is left out of the page: it must be a number of pixels"),
                )
                .help(format!("write it in pixels, as `{attr}=\"480\"`"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn problems(body: &str) -> Vec<String> {
        let text = format!("---\ntitle: T\n---\n{body}");
        let page = Page {
            shown: "content/p/en.md",
            dir: Path::new("/nonexistent/p"),
            lang: blog_model::lang::Lang::En,
            slug: "p",
            text: &text,
            body_offset: 17,
        };
        check(&page).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn allowed_tags_and_comments_pass() {
        let body = "Press <kbd>Ctrl</kbd>, x<sup>2</sup> <!-- note -->\n\n\
                    <details open>\n<summary>More</summary>\n\nText\n\n</details>\n\n\
                    <img src=\"https://x.example/a.png\" alt=\"A\" width=\"40\">\n";
        assert_eq!(problems(body), Vec::<String>::new());
    }

    #[test]
    fn a_tag_left_out_is_a_warning_where_it_is_with_the_allowed_tags() {
        let found = problems(
            "Text\n\n<div class=\"note\">\nKept\n</div>\n\nA <b>bold</b> <script>x</script>\n",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].starts_with(
                "content/p/en.md:6:1: warning: the HTML tag `<div>` is left out of the page\n"
            ),
            "{found:?}"
        );
        assert!(found[0].contains("<kbd>, <mark>"), "{found:?}");
        assert!(
            found[1].starts_with("content/p/en.md:10:3: warning: the HTML tag `<b>`"),
            "{found:?}"
        );
        assert!(
            found[2].contains("`<script>` is left out of the page, with its content"),
            "{found:?}"
        );
    }

    #[test]
    fn a_tag_on_a_later_line_of_a_block_is_found_on_its_line() {
        let found = problems("> <figure>\n> <center>x</center>\n> </figure>\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("content/p/en.md:5:3: warning: the HTML tag `<center>`"),
            "{found:?}"
        );
    }

    #[test]
    fn attributes_left_out_and_unsafe_or_missing_images_are_named() {
        let found = problems(
            "<kbd onclick=\"x()\">a</kbd> <img src=\"javascript:x\" style=\"a\" width=50%> \
             <img src=\"./missing.png\" alt=\"m\">\n",
        );
        assert_eq!(found.len(), 6, "{found:?}");
        assert!(
            found[0].contains("the attribute `onclick` of `<kbd>` is left out"),
            "{found:?}"
        );
        assert!(
            found[0].contains("`<kbd>` takes no attributes"),
            "{found:?}"
        );
        assert!(
            found[1].contains("the image `javascript:x` is left out"),
            "{found:?}"
        );
        assert!(
            found[2].contains("the attribute `style` of `<img>`"),
            "{found:?}"
        );
        assert!(
            found[2].contains("may have only src, alt, width, height, title"),
            "{found:?}"
        );
        assert!(found[3].contains("`width=\"50%\"` of `<img>`"), "{found:?}");
        assert!(found[4].contains("has no `alt`"), "{found:?}");
        assert!(
            found[5].starts_with(
                "content/p/en.md:4:73: error: the image `./missing.png` does not exist"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_block_tag_inside_a_paragraph_is_a_warning() {
        let found = problems("A <details>b\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("inside a paragraph it would end the paragraph"),
            "{found:?}"
        );
    }

    #[test]
    fn raw_html_in_an_image_description_is_its_text() {
        assert_eq!(
            problems("![a <b>c</b>](https://x.example/i.png)\n"),
            Vec::<String>::new()
        );
    }
}
