//! The head tags of a page: language, title, description, canonical URL,
//! `hreflang` alternates, the language's feed, Open Graph and Twitter cards,
//! and a post's JSON-LD. Rendered into the pre-rendered page and kept in step
//! by the app, through leptos_meta in both.

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Script, Title};

use crate::content::{Article, Image};
use crate::i18n::{BLOG_NAME, og_locale};
use crate::lang::Lang;
use crate::routes::{LangPages, Page};
use crate::schema;
use crate::site;

/// Sets `<html lang>` and the head tags while the page is shown. Language,
/// canonical path, alternates and the post come from the page itself.
#[component]
pub fn PageMeta(
    /// The page whose head this is.
    page: Page,
    /// The page's own title; the blog's name follows it.
    title: String,
    /// The `<meta name="description">` text.
    description: String,
    /// On a post's page, the post: its translations, cover and JSON-LD.
    #[prop(optional)]
    article: Option<Article>,
    /// On a page of the index, the page before it.
    #[prop(optional_no_strip)]
    prev: Option<String>,
    /// On a page of the index, the page after it.
    #[prop(optional_no_strip)]
    next: Option<String>,
) -> impl IntoView {
    let lang = page.lang();
    let path = page.path();
    let full_title = title_text(&format!("{title} · {BLOG_NAME}"));
    let canonical = path.as_deref().map(site::absolute);
    let alternates = page
        .alternates(article.as_ref())
        .into_iter()
        .map(|(hreflang, href)| {
            view! { <Link rel="alternate" hreflang=hreflang href=site::absolute(&href) /> }
        })
        .collect_view();
    let cover: Option<Image> = article
        .as_ref()
        .and_then(|article| article.entry.cover.clone());
    let other_locales = Lang::ALL
        .into_iter()
        .filter(|&other| other != lang)
        .map(|other| view! { <Meta property="og:locale:alternate" content=og_locale(other) /> })
        .collect_view();
    let summary = if cover.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let card_image = cover.map(|cover| {
        let url = site::absolute(&cover.url);
        view! {
            <Meta property="og:image" content=url.clone() />
            <Meta property="og:image:width" content=cover.width.to_string() />
            <Meta property="og:image:height" content=cover.height.to_string() />
            <Meta property="og:image:alt" content=cover.alt.clone() />
            <Meta name="twitter:image" content=url />
            <Meta name="twitter:image:alt" content=cover.alt />
        }
    });
    let is_post = article.is_some();
    let json_ld = article.map(|article| {
        view! { <Script type_="application/ld+json">{schema::blog_posting(&article)}</Script> }
    });
    let prev = prev.map(|href| view! { <Link rel="prev" href=site::absolute(&href) /> });
    let next = next.map(|href| view! { <Link rel="next" href=site::absolute(&href) /> });
    view! {
        <Html {..} lang=lang.code() />
        <Title text=full_title />
        <Meta name="description" content=description.clone() />
        // Only a 404 has no path of its own; search engines should skip it.
        {path.is_none().then(|| view! { <Meta name="robots" content="noindex" /> })}
        {canonical.clone().map(|href| view! { <Link rel="canonical" href=href /> })}
        {alternates}
        {prev}
        {next}
        <Link rel="alternate" type_="application/atom+xml" href=site::absolute(&lang.feed_path())
            title=format!("{BLOG_NAME} ({})", lang.native_name()) />
        <Meta property="og:site_name" content=BLOG_NAME />
        <Meta property="og:type" content=if is_post { "article" } else { "website" } />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        {canonical.map(|url| view! { <Meta property="og:url" content=url /> })}
        <Meta property="og:locale" content=og_locale(lang) />
        {other_locales}
        <Meta name="twitter:card" content=summary />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {card_image}
        {json_ld}
    }
}

/// The title as `<Title>` takes it. Pre-rendering, leptos_meta 0.8 writes
/// the text into `<title>` as it is, so a post titled
/// `</title><script>…` would close the element and put markup into the
/// page: there, `&`, `<` and `>` are escaped first. In the browser it sets
/// `document.title`, which is text, so the title goes as it is.
fn title_text(title: &str) -> String {
    if cfg!(feature = "ssr") {
        title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        title.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cannot_close_the_title_element_of_a_pre_rendered_page() {
        assert_eq!(
            title_text("</title><script>x</script> & more"),
            "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; more"
        );
    }
}
