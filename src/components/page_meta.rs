//! The head tags of a page: language, title, description, canonical URL,
//! `hreflang` alternates, the language's feed, Open Graph and Twitter cards,
//! and a post's JSON-LD. Rendered into the pre-rendered page and kept in step
//! by the app, through leptos_meta in both.

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Script, Title};

use crate::content::{Cover, Post, Translation};
use crate::i18n::{BLOG_NAME, og_locale};
use crate::lang::Lang;
use crate::schema;
use crate::site;

/// What a page says about itself in `<head>`.
pub struct Head {
    /// The language the page is in.
    pub lang: Lang,
    /// The page's own title; the blog's name follows it.
    pub title: String,
    /// The `<meta name="description">` text.
    pub description: String,
    /// The page's canonical path (under the base path), e.g. `/de/`;
    /// `None` for pages that are not to be indexed.
    pub path: Option<String>,
    /// The same page in every language it exists in, including this one.
    pub alternates: Vec<(Lang, String)>,
    /// The page for readers whose language none of the alternates is.
    pub x_default: Option<String>,
    /// The post shown, for its card image and JSON-LD.
    pub post: Option<(&'static Post, &'static Translation)>,
}

impl Head {
    /// A page that search engines are asked not to index (404 pages).
    pub fn noindex(lang: Lang, title: &str, description: &str) -> Head {
        Head {
            lang,
            title: title.to_owned(),
            description: description.to_owned(),
            path: None,
            alternates: Vec::new(),
            x_default: None,
            post: None,
        }
    }
}

/// Sets `<html lang>` and the head tags while the page is shown.
#[component]
pub fn PageMeta(
    /// Everything the head says.
    head: Head,
) -> impl IntoView {
    let Head {
        lang,
        title,
        description,
        path,
        alternates,
        x_default,
        post,
    } = head;
    let full_title = format!("{title} · {BLOG_NAME}");
    let canonical = path.as_deref().map(site::absolute);
    let alternates = alternates
        .into_iter()
        .map(|(lang, href)| (lang.code(), href))
        .chain(x_default.map(|href| ("x-default", href)))
        .map(|(hreflang, href)| {
            view! { <Link rel="alternate" hreflang=hreflang href=site::absolute(&href) /> }
        })
        .collect_view();
    let cover: Option<&'static Cover> =
        post.and_then(|(_, translation)| translation.cover.as_ref());
    let other_locales = Lang::ALL
        .into_iter()
        .filter(|&other| other != lang)
        .map(|other| view! { <Meta property="og:locale:alternate" content=og_locale(other) /> })
        .collect_view();
    let card_image = cover.map(|cover| {
        let url = site::absolute(cover.url);
        view! {
            <Meta property="og:image" content=url.clone() />
            <Meta property="og:image:width" content=cover.width.to_string() />
            <Meta property="og:image:height" content=cover.height.to_string() />
            <Meta property="og:image:alt" content=cover.alt />
            <Meta name="twitter:image" content=url />
            <Meta name="twitter:image:alt" content=cover.alt />
        }
    });
    let json_ld = post.map(|(post, translation)| {
        view! { <Script type_="application/ld+json">{schema::blog_posting(post, translation)}</Script> }
    });
    view! {
        <Html {..} lang=lang.code() />
        <Title text=full_title />
        <Meta name="description" content=description.clone() />
        {path.is_none().then(|| view! { <Meta name="robots" content="noindex" /> })}
        {canonical.clone().map(|href| view! { <Link rel="canonical" href=href /> })}
        {alternates}
        <Link rel="alternate" type_="application/atom+xml" href=site::absolute(&lang.feed_path())
            title=format!("{BLOG_NAME} ({})", lang.native_name()) />
        <Meta property="og:site_name" content=BLOG_NAME />
        <Meta property="og:type" content=if post.is_some() { "article" } else { "website" } />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        {canonical.map(|url| view! { <Meta property="og:url" content=url /> })}
        <Meta property="og:locale" content=og_locale(lang) />
        {other_locales}
        <Meta name="twitter:card" content=if cover.is_some() { "summary_large_image" } else { "summary" } />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {card_image}
        {json_ld}
    }
}
