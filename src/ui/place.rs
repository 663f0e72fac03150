//! The reader's place kept across a language switch on a post: the section
//! being read is noted when the switcher is followed (or, when the reader
//! has scrolled back up to the header to reach it, the section they were
//! last in), and the translation
//! opens at the section that corresponds to it, with that section's
//! `#fragment` in the URL. Sections correspond by an `{#id}` both files give
//! them, else by position among the `h2` and `h3` headings (`check-content`
//! warns when two translations' headings differ in shape).

#[cfg(not(feature = "ssr"))]
use leptos::prelude::*;

/// The headings that make a post's outline, in order.
#[cfg(not(feature = "ssr"))]
const HEADINGS: &str = ".post-body h2[id], .post-body h3[id]";

#[cfg(not(feature = "ssr"))]
type Place = Option<(usize, String)>;

#[cfg(not(feature = "ssr"))]
thread_local! {
    /// Where a switch leads, and the section it left: its position and id.
    static PENDING: std::cell::RefCell<Option<(String, Place)>> = const { std::cell::RefCell::new(None) };
    /// The section of the post shown that the reader was last in: kept when
    /// they scroll back up to the header to reach the switcher.
    static LAST_READ: std::cell::RefCell<Place> = const { std::cell::RefCell::new(None) };
}

/// The section being read now: the last heading at or above the reading line.
#[cfg(not(feature = "ssr"))]
fn section_now() -> Place {
    headings()
        .into_iter()
        .enumerate()
        .filter(|(_, heading)| {
            heading.get_bounding_client_rect().top() <= crate::ui::toc::READING_LINE
        })
        .last()
        .map(|(index, heading)| (index, heading.id()))
}

/// Notes the reader's place before the switch to `target` (a URL path):
/// the section being read, else the one they were last in.
pub fn remember(target: &str) {
    #[cfg(not(feature = "ssr"))]
    {
        let place = section_now().or_else(|| LAST_READ.with_borrow(Clone::clone));
        PENDING.with_borrow_mut(|pending| *pending = Some((target.to_owned(), place)));
    }
    #[cfg(feature = "ssr")]
    let _ = target;
}

/// While a post is shown, notes the section the reader is in as they scroll.
pub fn follow() {
    #[cfg(not(feature = "ssr"))]
    {
        LAST_READ.with_borrow_mut(|last| *last = None);
        let listener = window_event_listener_untyped("scroll", |_| {
            if let Some(place) = section_now() {
                LAST_READ.with_borrow_mut(|last| *last = Some(place));
            }
        });
        on_cleanup(move || listener.remove());
    }
}

/// Once the post at `path` is drawn: if a switch led here, scrolls to the
/// section that corresponds to the one left, and puts its fragment in the
/// URL. (A switch that led elsewhere is forgotten.)
pub fn restore(path: String) {
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| {
        let Some((target, Some((index, id)))) = PENDING.with_borrow_mut(Option::take) else {
            return;
        };
        if target != path {
            return;
        }
        // Two frames on: after the router has put the new URL in the
        // address bar and scrolled the page to its top.
        request_animation_frame(move || {
            request_animation_frame(move || scroll_to(index, &id));
        });
    });
    #[cfg(feature = "ssr")]
    let _ = path;
}

/// Scrolls to the heading with `id`, else the one at `index`, and names it
/// in the URL.
#[cfg(not(feature = "ssr"))]
fn scroll_to(index: usize, id: &str) {
    let headings = headings();
    let heading = headings
        .iter()
        .find(|heading| heading.id() == id)
        .or_else(|| headings.get(index));
    if let Some(heading) = heading {
        heading.scroll_into_view();
        let _ = window().history().map(|history| {
            history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{}", heading.id())),
            )
        });
    }
}

#[cfg(not(feature = "ssr"))]
fn headings() -> Vec<web_sys::Element> {
    let Ok(list) = document().query_selector_all(HEADINGS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .collect()
}
