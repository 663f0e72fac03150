//! What a page shows while its data loads, and when it could not be loaded.

use leptos::prelude::*;

use crate::data::LoadError;
use crate::i18n::texts;
use blog_model::lang::Lang;

/// Grey lines where the text will be, and a status for screen readers.
#[component]
pub fn Skeleton(
    /// The status message, in the page's language.
    status: &'static str,
) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{status}</p>
            {(0..3).map(|_| view! {
                <div class="skeleton-block" aria-hidden="true">
                    <span></span><span></span><span></span><span class="short"></span>
                </div>
            }).collect_view()}
        </div>
    }
}

/// The message shown when a page's data could not be loaded, with a retry.
#[component]
pub fn LoadFailed(
    /// The language of the message.
    lang: Lang,
    /// What went wrong, for the console.
    error: LoadError,
    /// Loads the data again.
    on_retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    leptos::logging::warn!("loading the page's data: {error}");
    let text = texts(lang);
    view! {
        <div class="load-error" role="alert">
            <p>{text.load_failed}</p>
            <button type="button" on:click=move |_| on_retry()>{text.retry}</button>
        </div>
    }
}
