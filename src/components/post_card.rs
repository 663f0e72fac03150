//! A post's entry on the index: cover, title, description, date.

use leptos::prelude::*;

use crate::components::post_meta::PostMeta;
use crate::content::{Translation, body};

/// One post in the list. Hovering or focusing its links fetches its body
/// ahead of the click.
#[component]
pub fn PostCard(
    /// The post, in the index's language.
    translation: &'static Translation,
    /// Loads the cover at once (the first card is the largest paint).
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let href = translation.path();
    let prefetch = move || body::prefetch(translation.body_url);
    let cover = translation.cover.as_ref().map(|cover| {
        view! {
            <a class="card-cover" href=href.clone() tabindex="-1" aria-hidden="true"
                on:mouseenter=move |_| prefetch()>
                <img
                    src=cover.url
                    alt=cover.alt
                    width=cover.width
                    height=cover.height
                    loading=if eager { "eager" } else { "lazy" }
                    fetchpriority=eager.then_some("high")
                    decoding="async"
                />
            </a>
        }
    });
    view! {
        <article class="card">
            {cover}
            <div class="card-text">
                <h2>
                    <a href=href on:mouseenter=move |_| prefetch() on:focus=move |_| prefetch()>
                        {translation.title}
                    </a>
                </h2>
                <PostMeta translation />
                <p class="card-description">{translation.description}</p>
            </div>
        </article>
    }
}
