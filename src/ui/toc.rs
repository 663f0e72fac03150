//! A post's table of contents: its `h2` and `h3` headings, pre-rendered as
//! links, working without JavaScript. The app then marks the section being
//! read (`aria-current="location"`) as the reader scrolls.
//!
//! The section being read is the last heading at or above the reading line,
//! just below the top of the window. Where the page can scroll no further, the sections below that
//! line can never reach it: then the heading the URL names (a link just
//! followed) wins if it is in view, else the last heading in view. So a
//! load with `#hash`, a scroll the browser restores and the last sections of
//! a post are all marked right.

use leptos::prelude::*;

use crate::i18n::texts;
use crate::markdown::{Section, class, element, text};
use blog_model::lang::Lang;

/// How many sections a post needs to get a table of contents.
pub const MIN_SECTIONS: usize = 3;

/// How far below the top of the window (CSS pixels) a heading may be for
/// its section to count as the one being read: a heading scrolled to, or
/// followed as a link, sits at the top.
pub const READING_LINE: f64 = 72.0;

#[component]
pub fn TableOfContents(
    /// The language of the post.
    lang: Lang,
    /// Its sections, in order.
    sections: Vec<Section>,
) -> impl IntoView {
    let current = RwSignal::new(None::<usize>);
    #[cfg(not(feature = "ssr"))]
    follow_the_reader(sections.iter().map(|s| s.id.clone()).collect(), current);
    let items = sections
        .into_iter()
        .enumerate()
        .map(|(index, section)| {
            let here = move || (current.get() == Some(index)).then_some("location");
            let link = view! {
                    // Followed, it is the section being read, even where the
                    // page cannot scroll it to the top.
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

/// Keeps `current` on the section being read, from the first frame after
/// the page is drawn, on every scroll, resize and change of `#hash`, until
/// the table of contents goes.
#[cfg(not(feature = "ssr"))]
fn follow_the_reader(ids: Vec<String>, current: RwSignal<Option<usize>>) {
    use std::rc::Rc;

    let update = Rc::new(move || current.set(section_in_view(&ids)));
    let listeners = [
        window_event_listener(leptos::ev::scroll, {
            let update = update.clone();
            move |_| update()
        }),
        window_event_listener(leptos::ev::resize, {
            let update = update.clone();
            move |_| update()
        }),
        window_event_listener(leptos::ev::hashchange, {
            let update = update.clone();
            move |_| update()
        }),
    ];
    request_animation_frame(move || update());
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
}

/// The index of the section being read, if the reader has reached one.
#[cfg(not(feature = "ssr"))]
fn section_in_view(ids: &[String]) -> Option<usize> {
    let window = window();
    let document = document();
    let height = window.inner_height().ok()?.as_f64()?;
    let scrolled = window.scroll_y().ok()?;
    let page_height = f64::from(document.document_element()?.scroll_height());
    let at_end = scrolled + height >= page_height - 2.0;
    let hash = window.location().hash().ok().unwrap_or_default();
    let mut read = None;
    let mut last_in_view = None;
    let mut named = None;
    for (index, id) in ids.iter().enumerate() {
        let Some(heading) = document.get_element_by_id(id) else {
            continue;
        };
        let top = heading.get_bounding_client_rect().top();
        if top <= READING_LINE {
            read = Some(index);
        }
        if (0.0..height).contains(&top) {
            last_in_view = Some(index);
            if hash.strip_prefix('#') == Some(id.as_str()) {
                named = Some(index);
            }
        }
    }
    if at_end {
        named.or(last_in_view.max(read))
    } else {
        read
    }
}
