//! `/`: sends the reader to their language's index.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::routes::{LangPages, Page};
use crate::site::identity;
use crate::storage;
use crate::ui::head::PageMeta;
use blog_model::lang::{Lang, negotiate};

/// Replaces `/` in the history with `/<lang>/`: the saved choice, else the
/// browser's preference, else the site file's default language. Without JavaScript (crawlers, reader
/// apps) it is a small page in both languages that links each index.
#[component]
pub fn RootPage() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| {
        let default = crate::site::identity().default_lang;
        let lang = negotiate(
            storage::saved_lang(),
            &storage::preferred_languages(),
            default,
        );
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
    let site = identity();
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            let tagline = site.texts(lang).tagline.clone();
            view! {
                <li lang=lang.code()>
                    <a href=lang.index_path() hreflang=lang.code()>{lang.native_name()}</a>
                    {(!tagline.is_empty()).then(|| view! { <span>{tagline}</span> })}
                </li>
            }
        })
        .collect_view();
    let description = Lang::ALL
        .map(|lang| site.texts(lang).summary())
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let name = site.name.clone();
    view! {
        <PageMeta page=Page::Root title=Lang::ALL.map(Lang::native_name).join(" · ") description />
        <h1 class="visually-hidden">{name.clone()}</h1>
        <nav class="root-choice" aria-label=name>
            <ul>{choices}</ul>
        </nav>
    }
}
