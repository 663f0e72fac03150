//! `/<lang>/<slug>/`: one post. Its metadata comes from the index at once.
//! The body of a pre-rendered page comes with the page; after in-app
//! navigation it is fetched, with a skeleton meanwhile and a retry on failure.

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::post_meta::PostMeta;
use crate::components::use_current_page;
use crate::content::{Post, Translation, body};
use crate::i18n::texts;
use crate::lang::Lang;
use crate::markdown;
use crate::pages::not_found::NotFound;
use crate::routes::{LangPages, Page};

/// The post route; an unknown language or slug is a 404.
#[component]
pub fn PostPage() -> impl IntoView {
    let page = use_current_page();
    move || match page.get() {
        Page::Post { post, translation } => view! { <PostView post translation /> }.into_any(),
        other => view! { <NotFound lang=other.lang() /> }.into_any(),
    }
}

#[component]
fn PostView(
    /// The post, for its other translations.
    post: &'static Post,
    /// The translation shown.
    translation: &'static Translation,
) -> impl IntoView {
    let lang = translation.lang;
    let text = texts(lang);
    let cover = translation.cover.as_ref().map(|cover| {
        view! {
            <img class="post-cover" src=cover.url alt=cover.alt width=cover.width height=cover.height
                fetchpriority="high" decoding="async" />
        }
    });
    view! {
        <PageMeta page=Page::Post { post, translation } title=translation.title.to_owned()
            description=translation.description.to_owned() />
        <article class="post">
            <header class="post-header">
                <h1>{translation.title}</h1>
                <PostMeta translation />
            </header>
            {cover}
            <PostBody post translation />
            <footer class="post-footer">
                <a href=lang.index_path()>{text.all_posts}</a>
            </footer>
        </article>
    }
}

/// The rendered Markdown, once fetched.
#[component]
fn PostBody(
    /// The post, for its images.
    post: &'static Post,
    /// The translation whose body is shown.
    translation: &'static Translation,
) -> impl IntoView {
    let lang = translation.lang;
    // A serializable resource: the pre-renderer's value travels in the page,
    // so hydration neither fetches the body again nor shows the skeleton.
    let body = Resource::<_, body::BodyCodec>::new_with_options(
        move || translation.body_url,
        body::for_page,
        false,
    );
    let content = move || {
        Suspend::new(async move {
            match body.await {
                Ok(markdown) => {
                    body::remember(translation.body_url, &markdown);
                    markdown::render(&markdown, &post.assets, lang)
                }
                Err(err) => {
                    leptos::logging::warn!("loading {}: {err}", translation.body_url);
                    view! { <LoadError lang on_retry=move || body.refetch() /> }.into_any()
                }
            }
        })
    };
    view! {
        <div class="post-body">
            <Suspense fallback=move || view! { <Skeleton lang /> }>{content}</Suspense>
        </div>
    }
}

/// Grey lines where the body will be, and a status for screen readers.
#[component]
fn Skeleton(
    /// The language of the status message.
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{texts(lang).loading}</p>
            {(0..3).map(|_| view! {
                <div class="skeleton-block" aria-hidden="true">
                    <span></span><span></span><span></span><span class="short"></span>
                </div>
            }).collect_view()}
        </div>
    }
}

/// The message shown when the body could not be fetched.
#[component]
fn LoadError(
    /// The language of the message.
    lang: Lang,
    /// Fetches the body again.
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let text = texts(lang);
    view! {
        <div class="load-error" role="alert">
            <p>{text.load_failed}</p>
            <button type="button" on:click=move |_| on_retry()>{text.retry}</button>
        </div>
    }
}
