//! `/`: sends the reader to their language's index.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::i18n::{BLOG_NAME, texts};
use crate::routes::{LangPages, Page};
use crate::storage;
use crate::ui::head::PageMeta;
use blog_model::lang::{Lang, negotiate};

/// Replaces `/` in the history with `/<lang>/`: the saved choice, else the
/// browser's preference, else English. Without JavaScript (crawlers, reader
/// apps) it is a small page in both languages that links each index.
#[component]
pub fn RootPage() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| {
        let lang = negotiate(storage::saved_lang(), &storage::preferred_languages());
        navigate(
            &lang.index_path(),
            NavigateOptions {
                replace: true,
                // The path already holds the base path; resolving would add it twice.
                resolve: false,
                ..NavigateOptions::default()
            },
        );
    });
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <li lang=lang.code()>
                    <a href=lang.index_path() hreflang=lang.code()>{lang.native_name()}</a>
                    <span>{texts(lang).tagline}</span>
                </li>
            }
        })
        .collect_view();
    let description = Lang::ALL.map(|lang| texts(lang).tagline).join(" · ");
    view! {
        <PageMeta page=Page::Root title=Lang::ALL.map(Lang::native_name).join(" · ") description />
        <h1 class="visually-hidden">{BLOG_NAME}</h1>
        <nav class="root-choice" aria-label=BLOG_NAME>
            <ul>{choices}</ul>
        </nav>
    }
}
