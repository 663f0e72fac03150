//! A post's tags as links to their pages, on its card and under its title.

use leptos::prelude::*;

use crate::data::TagLink;
use crate::markdown::{class, element, text};
use crate::routes::tag_page_path;
use blog_model::lang::Lang;

/// `<ul class="tag-links">` of links to each tag's page, in `lang`; nothing
/// for a post without tags.
pub fn tag_links(lang: Lang, tags: &[TagLink]) -> Option<AnyView> {
    if tags.is_empty() {
        return None;
    }
    let items = tags
        .iter()
        .map(|tag| {
            let attrs = vec![
                ("href", Some(tag_page_path(lang, &tag.slug, 1))),
                ("rel", Some("tag".to_owned())),
            ];
            element(
                "li",
                Vec::new(),
                vec![element("a", attrs, vec![text(tag.label.clone())])],
            )
        })
        .collect();
    Some(element("ul", vec![class("tag-links")], items))
}
