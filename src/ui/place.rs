//! The reader's place in a post: the section being read, which the table of
//! contents marks (`aria-current`) and a language switch keeps. A post's
//! sections are its `h2` and `h3` headings, by the ids of its outline
//! (`markdown::render_with_outline`).
//!
//! The section being read is the last heading at or above the reading line,
//! just below the top of the window. Where the page can scroll no further,
//! the sections below that line can never reach it: then the contents mark
//! the heading the URL names (a link just followed) if it is in view, else
//! the last heading in view. So a load with `#hash`, a scroll the browser
//! restores and the last sections of a post are all marked right.
//!
//! Following the switcher notes the section being read (or, when the reader
//! has scrolled back up to the header to reach it, the section they were
//! last in), and the translation opens at the section that corresponds to
//! it, with that section's `#fragment` in the URL. Sections correspond by an
//! `{#id}` both files give them, else by position (`check-content` warns
//! when two translations' headings differ in shape).

use leptos::prelude::*;

/// How far below the top of the window (CSS pixels) a heading may be for
/// its section to count as the one being read: a heading scrolled to, or
/// followed as a link, sits at the top.
#[cfg(not(feature = "ssr"))]
const READING_LINE: f64 = 72.0;

/// A section: its position in the outline and its heading's id.
#[cfg(not(feature = "ssr"))]
type Place = Option<(usize, String)>;

#[cfg(not(feature = "ssr"))]
thread_local! {
    /// Where a switch leads, and the section it left.
    static PENDING: std::cell::RefCell<Option<(String, Place)>> = const { std::cell::RefCell::new(None) };
    /// The section of the post shown that the reader was last in: kept when
    /// they scroll back up to the header to reach the switcher.
    static LAST_READ: std::cell::RefCell<Place> = const { std::cell::RefCell::new(None) };
}

/// While the post whose outline is `ids` is shown, follows the reader: once
/// it is drawn, and on every scroll, resize and change of `#hash`. Gives
/// the position of the section the contents mark.
///
/// Each look at the page waits until the next frame has been painted: the
/// headings' places are then known, and reading them costs nothing. Read
/// sooner, in the task that drew the post (or the frame's `scroll` event
/// right after it), they made the browser lay out the whole new page
/// before painting anything: a third of a prefetched post's time from the
/// click to its text (`PERF_PROFILE=1 bash benches/perf.sh`).
pub fn follow(ids: Vec<String>) -> RwSignal<Option<usize>> {
    let marked = RwSignal::new(None);
    #[cfg(not(feature = "ssr"))]
    {
        use std::cell::Cell;
        use std::rc::Rc;
        LAST_READ.set(None);
        let ids = Rc::new(ids);
        let waiting = Rc::new(Cell::new(false));
        let update = move || {
            let (read, now) = sections_in_view(&ids);
            if read.is_some() {
                LAST_READ.set(read);
            }
            marked.try_set(now);
        };
        // One look after the next paint, however many events asked for it.
        let schedule = move || {
            if waiting.replace(true) {
                return;
            }
            let (waiting, update) = (waiting.clone(), update.clone());
            crate::ui::frame::after_next_paint(move || {
                waiting.set(false);
                update();
            });
        };
        let listeners = ["scroll", "resize", "hashchange"].map(|event| {
            let schedule = schedule.clone();
            window_event_listener_untyped(event, move |_| schedule())
        });
        schedule();
        on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    }
    #[cfg(feature = "ssr")]
    let _ = ids;
    marked
}

/// The section being read (by the reading line alone), and the one the
/// contents mark (the same, but where the page can scroll no further).
#[cfg(not(feature = "ssr"))]
fn sections_in_view(ids: &[String]) -> (Place, Option<usize>) {
    let window = window();
    let document = document();
    let (Some(height), Ok(scrolled), Some(root)) = (
        window
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64()),
        window.scroll_y(),
        document.document_element(),
    ) else {
        return (None, None);
    };
    let at_end = scrolled + height >= f64::from(root.scroll_height()) - 2.0;
    let hash = window.location().hash().ok().unwrap_or_default();
    let (mut read, mut last_in_view, mut named) = (None, None, None);
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
    let marked = if at_end {
        named.or(last_in_view.max(read))
    } else {
        read
    };
    (read.map(|index| (index, ids[index].clone())), marked)
}

/// Notes the reader's place in the post shown before the switch to
/// `target` (a URL path): the section being read, else the one they were
/// last in.
pub fn remember(target: &str) {
    #[cfg(not(feature = "ssr"))]
    {
        // The page's own headings: a post drawn only to warm the code (see
        // `pages::post::rehearse`) follows the reader too, but is not here.
        let place = sections_in_view(&outline_in_page())
            .0
            .or_else(|| LAST_READ.with_borrow(Clone::clone));
        PENDING.with_borrow_mut(|pending| *pending = Some((target.to_owned(), place)));
    }
    #[cfg(feature = "ssr")]
    let _ = target;
}

/// Once the post at `path`, whose outline is `ids`, is drawn: if a switch
/// led here, scrolls to the section that corresponds to the one left, and
/// puts its fragment in the URL. (A switch that led elsewhere is forgotten.)
pub fn restore(path: String, ids: Vec<String>) {
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| {
        let Some((target, Some((index, id)))) = PENDING.with_borrow_mut(Option::take) else {
            return;
        };
        if target != path {
            return;
        }
        // The heading with the same id, else the one in the same position.
        let Some(heading) = ids.iter().find(|other| **other == id).or(ids.get(index)) else {
            return;
        };
        scroll_once_there(path.clone(), heading.clone(), 10);
    });
    #[cfg(feature = "ssr")]
    let _ = (path, ids);
}

/// Scrolls to the heading with `id` once the URL is the post's `path`
/// (`ui::history` puts it there after the post's first frame), looking
/// after each of the next `tries` frames.
#[cfg(not(feature = "ssr"))]
fn scroll_once_there(path: String, id: String, tries: u32) {
    crate::ui::frame::after_next_paint(move || {
        if window().location().pathname().ok().as_deref() == Some(path.as_str()) {
            scroll_to(&id);
        } else if tries > 1 {
            scroll_once_there(path, id, tries - 1);
        }
    });
}

/// Scrolls to the heading with `id`, and names it in the URL.
#[cfg(not(feature = "ssr"))]
fn scroll_to(id: &str) {
    if let Some(heading) = document().get_element_by_id(id) {
        heading.scroll_into_view();
        let _ = window().history().map(|history| {
            history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{id}")),
            )
        });
    }
}

/// The ids of the `h2` and `h3` headings of the post in the page, in order.
#[cfg(not(feature = "ssr"))]
fn outline_in_page() -> Vec<String> {
    let Ok(list) = document().query_selector_all(".post-body h2[id], .post-body h3[id]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .map(|heading| heading.id())
        .collect()
}
