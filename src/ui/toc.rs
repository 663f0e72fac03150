//! A post's table of contents: its `h2` and `h3` headings, pre-rendered as
//! links, working without JavaScript. The app then marks the section being
//! read (`aria-current="location"`) as the reader scrolls (`ui::place`).

use leptos::prelude::*;

use crate::i18n::texts;
use crate::markdown::{Section, class, element, text};
use blog_model::lang::Lang;

/// How many sections a post needs to get a table of contents.
pub const MIN_SECTIONS: usize = 3;

#[component]
pub fn TableOfContents(
    /// The language of the post.
    lang: Lang,
    /// Its sections, in order.
    sections: Vec<Section>,
    /// The position of the section to mark (`place::follow`).
    current: RwSignal<Option<usize>>,
) -> impl IntoView {
    let items = sections
        .into_iter()
        .enumerate()
        .map(|(index, section)| {
            let here = move || (current.get() == Some(index)).then_some("location");
            // Followed, it is the section being read, even where the page
            // cannot scroll it to the top.
            let link = view! {
                <a
                    href=format!("#{}", section.id)
                    aria-current=here
                    on:click=move |_| current.set(Some(index))
                >
                    {section.title}
                </a>
            };
            let attrs = vec![("class", (section.level == 3).then(|| "toc-sub".to_owned()))];
            element("li", attrs, vec![link.into_any()])
        })
        .collect();
    let title = texts(lang).contents;
    let summary = element("summary", Vec::new(), vec![text(title)]);
    let list = element("ol", Vec::new(), items);
    // `open` without a value, which `element` cannot write.
    let details = view! { <details open>{summary}{list}</details> }.into_any();
    let attrs = vec![class("post-toc"), ("aria-label", Some(title.to_owned()))];
    element("nav", attrs, vec![details])
}
