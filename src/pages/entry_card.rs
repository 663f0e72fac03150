//! A post's entry on a listing: cover, title, description, date, tags.

use leptos::prelude::*;

use crate::data::{CARD_SIZES, Entry, srcset};
use crate::pages::post;
use crate::routes::post_path;
use crate::ui::post_meta::PostMeta;
use crate::ui::tags::tag_links;

/// One post in the list. Hovering or focusing its links fetches the post
/// ahead of the click.
#[component]
pub fn EntryCard(
    /// The post, in the index's language.
    entry: Entry,
    /// Loads the cover at once (the first card is the largest paint).
    #[prop(optional)]
    eager: bool,
) -> impl IntoView {
    let href = post_path(entry.lang, &entry.slug);
    let prefetch = {
        let (lang, slug) = (entry.lang, entry.slug.clone());
        move || post::prefetch(lang, &slug)
    };
    let (on_cover, on_focus) = (prefetch.clone(), prefetch.clone());
    let cover = entry.cover.clone().map(|cover| {
        let srcset = srcset(&cover.variants);
        let sizes = srcset.is_some().then_some(CARD_SIZES);
        view! {
            <a class="card-cover" href=href.clone() tabindex="-1" aria-hidden="true"
                on:mouseenter=move |_| on_cover()>
                <img
                    src=cover.url
                    srcset=srcset
                    sizes=sizes
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
    let (title, description) = (entry.title.clone(), entry.description.clone());
    let tags = tag_links(entry.lang, &entry.tags);
    view! {
        <article class="card">
            {cover}
            <div class="card-text">
                <h2>
                    <a href=href on:mouseenter=move |_| prefetch() on:focus=move |_| on_focus()>
                        {title}
                    </a>
                </h2>
                <PostMeta entry />
                <p class="card-description">{description}</p>
                {tags}
            </div>
        </article>
    }
}
