//! The head as the pre-renderer writes it, with leptos_meta.

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, Script, Title};

use super::{Head, MetaTag};

/// A `<Meta>`; keyed by `name` or by `property`, it is the same view
/// type, so the pre-rendered page has the slots the app's view mirrors.
fn meta(tag: MetaTag) -> impl IntoView {
    let MetaTag { attr, key, content } = tag;
    if attr == "name" {
        view! { <Meta name=key content=content /> }
    } else {
        view! { <Meta property=key content=content /> }
    }
}

pub(super) fn view(head: Head) -> impl IntoView {
    let Head {
        lang,
        title,
        description,
        robots,
        canonical,
        alternates,
        prev,
        next,
        feed: (feed, feed_title),
        open_graph: [site_name, kind, og_title, og_description],
        og_url,
        og_locale,
        other_locales,
        twitter: [card, twitter_title, twitter_description],
        card_image,
        json_ld,
    } = head;
    let alternates = alternates
        .into_iter()
        .map(|(hreflang, href)| view! { <Link rel="alternate" hreflang=hreflang href=href /> })
        .collect_view();
    let other_locales = other_locales.into_iter().map(meta).collect_view();
    let card_image = card_image.map(|[image, width, height, alt, twitter_image, twitter_alt]| {
        (
            meta(image),
            meta(width),
            meta(height),
            meta(alt),
            meta(twitter_image),
            meta(twitter_alt),
        )
    });
    view! {
        <Html {..} lang=lang.code() />
        <Title text=title />
        {meta(description)}
        {robots.map(meta)}
        {canonical.map(|href| view! { <Link rel="canonical" href=href /> })}
        {alternates}
        {prev.map(|href| view! { <Link rel="prev" href=href /> })}
        {next.map(|href| view! { <Link rel="next" href=href /> })}
        <Link rel="alternate" type_="application/atom+xml" href=feed title=feed_title />
        {meta(site_name)}
        {meta(kind)}
        {meta(og_title)}
        {meta(og_description)}
        {og_url.map(meta)}
        {meta(og_locale)}
        {other_locales}
        {meta(card)}
        {meta(twitter_title)}
        {meta(twitter_description)}
        {card_image}
        {json_ld.map(|json| view! { <Script type_="application/ld+json">{json}</Script> })}
    }
}
