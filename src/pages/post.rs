//! `/<lang>/<slug>/`: one post. A pre-rendered page brings its data along;
//! after in-app navigation it is drawn at once when its file was prefetched
//! (a link hovered or focused), else fetched, with a skeleton meanwhile and
//! a retry on failure.

use leptos::prelude::*;

use crate::components::loading::{LoadFailed, Skeleton};
use crate::components::page_meta::PageMeta;
use crate::components::post_meta::PostMeta;
use crate::components::use_current_page;
use crate::content::{
    Article, Assets, COLUMN_SIZES, Entry, Found, Glimpse, LoadError, glimpse, srcset, use_page_data,
};
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
        let Page::Post { lang, slug } = &page else {
            return view! { <NotFound lang=page.lang() /> }.into_any();
        };
        let lang = *lang;
        // Prefetched or seen before: drawn at once, in the click's own task.
        if let Some(article) = data.article_now(&page) {
            return view! { <PostView page article /> }.into_any();
        }
        // Opened from an index page or a translation: the post exists, and
        // its head, or its title, is known.
        let seen = glimpse(lang, slug);
        let post = {
            let seen = seen.clone();
            move || {
                let (page, seen) = (page.clone(), seen.clone());
                Suspend::new(async move {
                    let error = match data.article().await {
                        Found::Yes(article) => {
                            return view! { <PostView page article /> }.into_any();
                        }
                        Found::No if seen.is_none() => {
                            return view! { <NotFound lang /> }.into_any();
                        }
                        // Listed, yet missing: a deploy in progress, a broken cache.
                        Found::No => LoadError::Status(404),
                        Found::Failed(error) => error,
                    };
                    view! {
                        <PostFrame lang glimpse=seen>
                            <LoadFailed lang error on_retry=move || data.retry() />
                        </PostFrame>
                    }
                    .into_any()
                })
            }
        };
        let fallback = move || {
            view! {
                <PostFrame lang glimpse=seen.clone()>
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
    let entry = &article.entry;
    view! {
        <PageMeta page title=entry.title.clone() description=entry.description.clone()
            article=article.clone() />
        <PostArticle article />
    }
}

/// The post itself: head, body and the way back.
#[component]
pub fn PostArticle(
    /// The post, in the page's language.
    article: Article,
) -> impl IntoView {
    let lang = article.entry.lang;
    let body = markdown::render(&article.body, &Assets::of(&article), lang);
    view! {
        <article class="post">
            <PostHead entry=article.entry />
            <div class="post-body">{body}</div>
            <PostFooter lang />
        </article>
    }
}

/// A post's place on the page while it loads or when it failed to: its head
/// where it is known, then the message.
#[component]
fn PostFrame(
    /// The language of the page.
    lang: Lang,
    /// What is known of the post, if anything.
    glimpse: Option<Glimpse>,
    children: Children,
) -> impl IntoView {
    let head = glimpse.map(|glimpse| match glimpse {
        Glimpse::Entry(entry) => view! { <PostHead entry=*entry /> }.into_any(),
        Glimpse::Title(title) => view! {
            <header class="post-header">
                <h1>{title}</h1>
            </header>
        }
        .into_any(),
    });
    view! {
        <article class="post">
            {head}
            <div class="post-body">{children()}</div>
            <PostFooter lang />
        </article>
    }
}

/// Title, date and reading time, and the cover.
#[component]
fn PostHead(
    /// The post.
    entry: Entry,
) -> impl IntoView {
    let cover = entry.cover.clone().map(|cover| {
        let srcset = srcset(&cover.variants);
        let sizes = srcset.is_some().then_some(COLUMN_SIZES);
        view! {
            <img class="post-cover" src=cover.url srcset=srcset sizes=sizes alt=cover.alt
                width=cover.width height=cover.height fetchpriority="high" decoding="async" />
        }
    });
    view! {
        <header class="post-header">
            <h1>{entry.title.clone()}</h1>
            <PostMeta entry />
        </header>
        {cover}
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
