//! The date and reading time line under a post's title.

use leptos::prelude::*;

use crate::data::Entry;
use crate::i18n::texts;

/// `February 13, 2026 · 2 min read`, with a draft badge on drafts; a
/// standalone page has neither date nor reading time, and only the badge.
#[component]
pub fn PostMeta(
    /// The post whose date and reading time are shown.
    entry: Entry,
) -> impl IntoView {
    let dated = entry.date.map(|date| {
        view! {
            <time datetime=date.to_string()>{entry.date_label}</time>
            <span aria-hidden="true">" · "</span>
            <span>{entry.reading_time}</span>
        }
    });
    (dated.is_some() || entry.draft).then(|| {
        view! {
            <p class="post-meta">
                {dated}
                {entry.draft.then(|| view! {
                    <span class="badge">{texts(entry.lang).draft}</span>
                })}
            </p>
        }
    })
}
