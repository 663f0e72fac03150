//! The head tags of a page: language, title, description, canonical URL and
//! the `hreflang` alternates.

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Title};

use crate::i18n::BLOG_NAME;
use crate::lang::Lang;

/// Sets `<html lang>` and the head tags while the page is shown.
#[component]
pub fn PageMeta(
    /// The language the page is in.
    lang: Lang,
    /// The page's own title; the blog's name follows it.
    title: String,
    /// The `<meta name="description">` text.
    description: String,
    /// The page's canonical path, e.g. `/de/`.
    path: String,
    /// The same page in every language it exists in, including this one.
    #[prop(optional)]
    alternates: Vec<(Lang, String)>,
    /// Asks search engines not to index the page (404 pages).
    #[prop(optional)]
    noindex: bool,
) -> impl IntoView {
    let alternates = alternates
        .into_iter()
        .map(|(lang, href)| view! { <Link rel="alternate" hreflang=lang.code() href=href /> })
        .collect_view();
    view! {
        <Html {..} lang=lang.code() />
        <Title text=format!("{title} · {BLOG_NAME}") />
        <Meta name="description" content=description />
        {noindex.then(|| view! { <Meta name="robots" content="noindex" /> })}
        <Link rel="canonical" href=path />
        {alternates}
    }
}
