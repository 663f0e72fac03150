//! `/<lang>/` and `/<lang>/page/<n>/`: the posts in one language, newest
//! first, twenty to a page; and the same for one tag's posts,
//! `/<lang>/tags/<slug>/` and `/<lang>/tags/<slug>/page/<n>/`.

use leptos::prelude::*;

use crate::data::{Listing, use_page_data};
use crate::i18n::{page_label, tagged_title, texts};
use crate::pages::entry_card::EntryCard;
use crate::pages::not_found::NotFound;
use crate::routes::use_current_page;
use crate::routes::{Page, index_page_path, tag_feed_path, tag_page_path};
use crate::ui::head::PageMeta;
use crate::ui::loading::{LoadFailed, Skeleton};
use blog_model::lang::Lang;

/// The index and tag routes; a language, tag or page it does not know is a 404.
#[component]
pub fn IndexPage() -> impl IntoView {
    let page = use_current_page();
    let data = use_page_data();
    move || {
        let page = page.get();
        let lang = page.lang();
        if !matches!(page, Page::Index { .. } | Page::Tag { .. }) {
            return view! { <NotFound lang /> }.into_any();
        }
        // Shown before or prefetched: drawn at once, in the click's own task.
        if let Some(listing) = data.index_now(&page) {
            return view! { <Index page listing /> }.into_any();
        }
        let index = move || {
            let page = page.clone();
            Suspend::new(async move {
                match data.index().await {
                    Ok(Some(listing)) => view! { <Index page listing /> }.into_any(),
                    Ok(None) => view! { <NotFound lang /> }.into_any(),
                    Err(error) => {
                        view! { <LoadFailed lang error on_retry=move || data.retry() /> }.into_any()
                    }
                }
            })
        };
        let fallback = move || view! { <Skeleton status=texts(lang).loading_page /> };
        view! { <Suspense fallback>{index}</Suspense> }.into_any()
    }
}

#[component]
fn Index(
    /// The index page shown.
    page: Page,
    /// Its posts.
    listing: Listing,
) -> impl IntoView {
    let lang = page.lang();
    let text = texts(lang);
    let (number, count) = (listing.number, listing.count);
    let list = if listing.entries.is_empty() {
        view! { <p>{text.no_posts}</p> }.into_any()
    } else {
        let cards = listing
            .entries
            .into_iter()
            .enumerate()
            .map(|(position, entry)| {
                view! { <li><EntryCard entry eager=position == 0 /></li> }
            })
            .collect_view();
        view! { <ol class="post-list">{cards}</ol> }.into_any()
    };
    let listed = listing.tag;
    let path = |number: u32| match &listed {
        Some(listed) => tag_page_path(lang, &listed.tag.slug, number),
        None => index_page_path(lang, number),
    };
    let prev = (number > 1).then(|| path(number - 1));
    let next = (number < count).then(|| path(number + 1));
    let site = crate::site::identity();
    let about = site.texts(lang);
    // What the site file leaves out falls back on what there is.
    let tagline = match about.headline() {
        "" => text.latest_posts.to_owned(),
        headline => headline.to_owned(),
    };
    let (heading, description) = match &listed {
        Some(listed) => {
            let heading = tagged_title(lang, &listed.tag.label);
            (heading.clone(), format!("{heading} · {}", site.name))
        }
        None => (
            text.latest_posts.to_owned(),
            match about.summary() {
                "" => tagline.clone(),
                summary => summary.to_owned(),
            },
        ),
    };
    let first_title = match &listed {
        Some(_) => heading.clone(),
        None => tagline,
    };
    let title = if number == 1 {
        first_title
    } else {
        format!("{first_title} · {}", page_label(lang, number, count))
    };
    let feed = listed.as_ref().map(|listed| {
        (
            tag_feed_path(lang, &listed.tag.slug),
            format!("{} · {}", site.name, heading),
        )
    });
    let translations = listed.map(|listed| listed.translations);
    view! {
        <PageMeta page title description prev=prev.clone() next=next.clone()
            translations feed />
        <div class="index">
            <h1 class="index-title">{heading}</h1>
            {list}
            {(count > 1).then(|| view! { <Pagination lang number count prev next /> })}
        </div>
    }
}

/// Links to the newer and older pages, and where this one stands.
#[component]
fn Pagination(
    /// The language of the labels.
    lang: Lang,
    /// This page, from 1.
    number: u32,
    /// How many pages there are.
    count: u32,
    /// The newer page, if any.
    prev: Option<String>,
    /// The older page, if any.
    next: Option<String>,
) -> impl IntoView {
    let text = texts(lang);
    view! {
        <nav class="pagination" aria-label=text.pages_nav>
            {prev.map(|href| view! { <a class="pagination-prev" rel="prev" href=href>{text.newer_posts}</a> })}
            <span class="pagination-position" aria-current="page">{page_label(lang, number, count)}</span>
            {next.map(|href| view! { <a class="pagination-next" rel="next" href=href>{text.older_posts}</a> })}
        </nav>
    }
}
