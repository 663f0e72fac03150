//! `/<lang>/`: the posts in one language, newest first.

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::post_card::PostCard;
use crate::components::use_current_page;
use crate::content::posts_in;
use crate::i18n::texts;
use crate::lang::Lang;
use crate::pages::not_found::NotFound;
use crate::routes::Page;

/// The index route; any language it does not know is a 404.
#[component]
pub fn IndexPage() -> impl IntoView {
    let page = use_current_page();
    move || match page.get() {
        Page::Index(lang) => view! { <Index lang /> }.into_any(),
        other => view! { <NotFound lang=other.lang() /> }.into_any(),
    }
}

#[component]
fn Index(
    /// The language whose posts are listed.
    lang: Lang,
) -> impl IntoView {
    let text = texts(lang);
    let posts = posts_in(lang);
    let list = if posts.is_empty() {
        view! { <p>{text.no_posts}</p> }.into_any()
    } else {
        let cards = posts
            .into_iter()
            .enumerate()
            .map(|(position, (_, translation))| {
                view! {
                    <li><PostCard translation eager=position == 0 /></li>
                }
            })
            .collect_view();
        view! { <ol class="post-list">{cards}</ol> }.into_any()
    };
    view! {
        <PageMeta page=Page::Index(lang) title=text.tagline.to_owned()
            description=text.tagline.to_owned() />
        <div class="index">
            <h1 class="index-title">{text.latest_posts}</h1>
            {list}
        </div>
    }
}
