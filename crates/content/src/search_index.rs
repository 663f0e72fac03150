//! The search index of the published articles (its form is `blog_search`'s):
//! each translation's title, description, headings and body text, as a
//! reader would read them, Markdown taken off.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use blog_model::data::Article;
use blog_search::index::{Builder, Doc, Field};

/// The index's files, (path relative to the site, contents), of `articles`
/// in the order results with the same score should come: newest first.
pub fn files(articles: &[Article]) -> Vec<(String, String)> {
    let mut builder = Builder::default();
    // A post is one result in either language: its translations share the
    // number of the post's folder (`asset_base`).
    let mut posts: Vec<&str> = Vec::new();
    for article in articles {
        let post = match posts.iter().position(|base| *base == article.asset_base) {
            Some(number) => number,
            None => {
                posts.push(&article.asset_base);
                posts.len() - 1
            }
        };
        let (headings, body) = text_of(&article.body);
        let entry = &article.entry;
        let doc = Doc {
            lang: entry.lang,
            slug: entry.slug.clone(),
            post: u32::try_from(post).unwrap_or(u32::MAX),
            title: entry.title.clone(),
            date_label: entry.date_label.clone(),
        };
        builder.add(
            doc,
            &[
                (Field::Title, &entry.title),
                (Field::Description, &entry.description),
                (Field::Heading, &headings),
                (Field::Body, &body),
            ],
        );
    }
    builder.files()
}

/// The text of a Markdown body: its headings, and everything else.
fn text_of(markdown: &str) -> (String, String) {
    let (mut headings, mut body) = (String::new(), String::new());
    let mut in_heading = false;
    for event in Parser::new(markdown) {
        let out = if in_heading { &mut headings } else { &mut body };
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push('\n');
            }
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => out.push(' '),
            _ => {}
        }
    }
    (headings, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_taken_off_and_headings_kept_apart() {
        let (headings, body) =
            text_of("# Größe\n\nSome *emphasis* and `code`.\n\n## Part two\n\n- a\n- b\n");
        assert_eq!(headings, "Größe\nPart two\n");
        assert!(body.contains("Some emphasis and code."), "{body}");
        assert!(!body.contains('*'));
    }
}
