//! `/<lang>/tags/`: every tag of a language's posts, with how many posts
//! carry it, each a link to its listing; and `/<lang>/search/`, which says
//! how to search (or, without JavaScript, that search needs it) above the
//! same list.

use leptos::prelude::*;

use crate::data::{TagCount, use_page_data};
use crate::i18n::{post_count, texts};
use crate::markdown::{class, element, text};
use crate::pages::not_found::NotFound;
use crate::routes::{Page, tag_page_path, use_current_page};
use crate::ui::head::PageMeta;
use crate::ui::loading::{LoadFailed, Skeleton};
use blog_model::lang::Lang;

/// The tags and search routes.
#[component]
pub fn TagsPage() -> impl IntoView {
    let page = use_current_page();
    let data = use_page_data();
    move || {
        let page = page.get();
        let lang = page.lang();
        if !matches!(page, Page::Tags { .. } | Page::Search { .. }) {
            return view! { <NotFound lang /> }.into_any();
        }
        if let Some(tags) = data.tags_now(&page) {
            return view! { <Tags page tags /> }.into_any();
        }
        let tags = move || {
            let page = page.clone();
            Suspend::new(async move {
                match data.tags().await {
                    Ok(Some(tags)) => view! { <Tags page tags /> }.into_any(),
                    Ok(None) => view! { <NotFound lang /> }.into_any(),
                    Err(error) => {
                        view! { <LoadFailed lang error on_retry=move || data.retry() /> }.into_any()
                    }
                }
            })
        };
        let fallback = move || view! { <Skeleton status=texts(lang).loading_page /> };
        view! { <Suspense fallback>{tags}</Suspense> }.into_any()
    }
}

#[component]
fn Tags(
    /// The page shown.
    page: Page,
    /// Its tags, by label.
    tags: Vec<TagCount>,
) -> impl IntoView {
    let lang: Lang = page.lang();
    let text_of = texts(lang);
    let list = if tags.is_empty() {
        element("p", Vec::new(), vec![text(text_of.no_tags)])
    } else {
        let items = tags
            .into_iter()
            .map(|count| {
                let href = vec![("href", Some(tag_page_path(lang, &count.tag.slug, 1)))];
                let link = element("a", href, vec![text(count.tag.label)]);
                let posts = element(
                    "span",
                    vec![class("tag-count")],
                    vec![text(post_count(lang, count.posts))],
                );
                element("li", Vec::new(), vec![link, text(" "), posts])
            })
            .collect();
        element("ul", vec![class("tag-list")], items)
    };
    let (title, description, intro) = if matches!(page, Page::Search { .. }) {
        // The stylesheet shows the one that applies.
        let intro = vec![
            element(
                "p",
                vec![class("needs-js")],
                vec![text(text_of.search_needs_js)],
            ),
            element("p", vec![class("with-js")], vec![text(text_of.search_hint)]),
        ];
        (text_of.search, text_of.search_description, intro)
    } else {
        (text_of.tags, text_of.tags_description, Vec::new())
    };
    view! {
        <PageMeta page title=title.to_owned() description=description.to_owned() />
        <div class="index">
            <h1 class="index-title">{title}</h1>
            {intro}
            {list}
        </div>
    }
}
