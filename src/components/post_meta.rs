//! The date and reading time line under a post's title.

use leptos::prelude::*;

use crate::content::Translation;
use crate::i18n::texts;

/// `February 13, 2026 · 2 min read`, with a draft badge on drafts.
#[component]
pub fn PostMeta(
    /// The post whose date and reading time are shown.
    translation: &'static Translation,
) -> impl IntoView {
    view! {
        <p class="post-meta">
            <time datetime=translation.date.to_string()>{translation.date_label}</time>
            <span aria-hidden="true">" · "</span>
            <span>{translation.reading_time}</span>
            {translation.draft.then(|| view! {
                <span class="badge">{texts(translation.lang).draft}</span>
            })}
        </p>
    }
}
