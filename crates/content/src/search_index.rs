//! The search index of the published articles (its form is `blog_search`'s):
//! each translation's title, description, headings and body text, as a
//! reader would read them, Markdown taken off.

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use blog_model::data::Article;
use blog_search::index::{Builder, Doc, Field, Translation};

/// The index's files, (path relative to the site, contents), of `articles`
/// in the order results with the same score should come: newest first.
pub fn files(articles: &[Article]) -> Vec<(String, String)> {
    let mut builder = Builder::default();
    // A post is one result in either language: its translations, by their
    // post's folder (`asset_base`), newest first.
    let mut posts: Vec<Vec<&Article>> = Vec::new();
    let mut by_base: HashMap<&str, usize> = HashMap::new();
    for article in articles {
        let next = posts.len();
        let post = *by_base.entry(&article.asset_base).or_insert(next);
        if post == next {
            posts.push(Vec::new());
        }
        posts[post].push(article);
    }
    for mut translations in posts {
        translations.sort_by_key(|article| article.entry.lang);
        let texts: Vec<(String, String)> = translations
            .iter()
            .map(|article| text_of(&article.body))
            .collect();
        let doc = Doc {
            translations: translations
                .iter()
                .map(|article| Translation {
                    lang: article.entry.lang,
                    slug: article.entry.slug.clone(),
                    title: article.entry.title.clone(),
                    date_label: article.entry.date_label.clone(),
                })
                .collect(),
        };
        let fields: Vec<Vec<(Field, &str)>> = translations
            .iter()
            .zip(&texts)
            .map(|(article, (headings, body))| {
                vec![
                    (Field::Title, article.entry.title.as_str()),
                    (Field::Description, article.entry.description.as_str()),
                    (Field::Heading, headings.as_str()),
                    (Field::Body, body.as_str()),
                ]
            })
            .collect();
        builder.add(doc, &fields);
    }
    builder.files()
}

/// The text of a body (its Markdown's events, `blog_model::body`): its
/// headings, and everything else.
fn text_of(body: &str) -> (String, String) {
    let (mut headings, mut text) = (String::new(), String::new());
    let mut in_heading = false;
    for event in blog_model::body::read(body).unwrap_or_default() {
        let out = if in_heading { &mut headings } else { &mut text };
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
    (headings, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_taken_off_and_headings_kept_apart() {
        let (headings, body) = text_of(&blog_model::body::encode(
            "# Größe\n\nSome *emphasis* and `code`.\n\n## Part two\n\n- a\n- b\n",
        ));
        assert_eq!(headings, "Größe\nPart two\n");
        assert!(body.contains("Some emphasis and code."), "{body}");
        assert!(!body.contains('*'));
    }
}
