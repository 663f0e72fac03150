//! `/`: sends the reader to their language's index.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

use crate::lang::{Lang, negotiate};
use crate::storage;

/// Replaces `/` in the history with `/<lang>/`: the saved choice, else the
/// browser's preference, else English.
#[component]
pub fn RootPage() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| {
        let lang = negotiate(storage::saved_lang(), &storage::preferred_languages());
        navigate(
            &lang.index_path(),
            NavigateOptions {
                replace: true,
                ..NavigateOptions::default()
            },
        );
    });
    // Shown only for the moment before the redirect, or where it cannot run.
    view! {
        <nav class="root-choice">
            <ul>
                {Lang::ALL.into_iter().map(|lang| view! {
                    <li><a href=lang.index_path() hreflang=lang.code() lang=lang.code()>{lang.native_name()}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
