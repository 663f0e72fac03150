//! `/<lang>/<slug>/`: one post. A pre-rendered page brings its data along;
//! after in-app navigation it is fetched (at once, when the link was
//! hovered), with a skeleton meanwhile and a retry on failure.

use leptos::prelude::*;

use crate::components::loading::{LoadFailed, Skeleton};
use crate::components::page_meta::PageMeta;
use crate::components::post_meta::PostMeta;
use crate::components::use_current_page;
use crate::content::{Article, Assets, Found, use_page_data};
use crate::i18n::texts;
use crate::lang::Lang;
use crate::markdown;
use crate::pages::not_found::NotFound;
use crate::routes::{LangPages, Page};

/// The post route; a language or slug that names no post is a 404.
#[component]
pub fn PostPage() -> impl IntoView {
    let page = use_current_page();
    let data = use_page_data();
    move || {
        let page = page.get();
        let lang = page.lang();
        if !matches!(page, Page::Post { .. }) {
            return view! { <NotFound lang /> }.into_any();
        }
        let post = move || {
            let page = page.clone();
            Suspend::new(async move {
                match data.article().await {
                    Found::Yes(article) => view! { <PostView page article /> }.into_any(),
                    Found::No => view! { <NotFound lang /> }.into_any(),
                    Found::Failed(error) => view! {
                        <PostFrame lang>
                            <LoadFailed lang error on_retry=move || data.retry() />
                        </PostFrame>
                    }
                    .into_any(),
                }
            })
        };
        let fallback = move || {
            view! {
                <PostFrame lang>
                    <Skeleton status=texts(lang).loading />
                </PostFrame>
            }
        };
        view! { <Suspense fallback>{post}</Suspense> }.into_any()
    }
}

#[component]
fn PostView(
    /// The post's page.
    page: Page,
    /// The post, in the page's language.
    article: Article,
) -> impl IntoView {
    let entry = article.entry.clone();
    let lang = entry.lang;
    let cover = entry.cover.clone().map(|cover| {
        view! {
            <img class="post-cover" src=cover.url alt=cover.alt width=cover.width height=cover.height
                fetchpriority="high" decoding="async" />
        }
    });
    let body = markdown::render(&article.body, &Assets::of(&article), lang);
    view! {
        <PageMeta page title=entry.title.clone() description=entry.description.clone()
            article=article.clone() />
        <article class="post">
            <header class="post-header">
                <h1>{entry.title.clone()}</h1>
                <PostMeta entry />
            </header>
            {cover}
            <div class="post-body">{body}</div>
            <PostFooter lang />
        </article>
    }
}

/// A post's place on the page while it loads or when it failed to.
#[component]
fn PostFrame(
    /// The language of the page.
    lang: Lang,
    children: Children,
) -> impl IntoView {
    view! {
        <article class="post">
            <div class="post-body">{children()}</div>
            <PostFooter lang />
        </article>
    }
}

/// The way back to the index.
#[component]
fn PostFooter(
    /// The language of the index.
    lang: Lang,
) -> impl IntoView {
    view! {
        <footer class="post-footer">
            <a href=lang.index_path()>{texts(lang).all_posts}</a>
        </footer>
    }
}
