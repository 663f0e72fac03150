//! Moving through the history: a followed link's page is painted before
//! its URL goes into the history, and every page the reader comes back to
//! (by the back and forward buttons, or a reload) is where they left it.
//!
//! A followed link completes in two steps. Its page is drawn, and scrolled
//! to its top or to the heading its `#fragment` names, in the frame that
//! first shows it; the router puts the URL into the address bar and the
//! history (`history.pushState`) after that frame is painted. pushState
//! talks to the browser's own process, which on a busy machine took the
//! core from the page for up to 12 ms in the middle of a click
//! (`benches/perf.sh`); after the paint it no longer delays what the reader
//! sees.
//!
//! By the time the URL changes, the page left is no longer shown: the
//! browser would keep the new page's position for it. So the app keeps
//! each history entry's scroll position in the entry's own state (noted
//! when a link leaves it, a moment after each scroll, and when the
//! document is hidden) and gives it back when the entry is shown again; the
//! browser's own restoring is off (`history.scrollRestoration`). An entry
//! with no position noted opens at its `#fragment`, else at its top. The
//! browser only: pre-rendering has no history.

use leptos::prelude::*;

/// Milliseconds after a scroll before its position is noted in the entry.
const NOTE_AFTER_MS: u64 = 200;

/// Completes the router's navigations as the module says, and keeps every
/// history entry's place. Called once, under the router.
pub fn complete_navigations() {
    use leptos_router::hooks::use_location;
    use leptos_router::location::{BrowserUrl, LocationProvider};
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    let Some(url) = use_context::<BrowserUrl>() else {
        return;
    };
    restoring(web_sys::ScrollRestoration::Manual);
    let location = use_location();
    // Where the page shown is scrolled to, as of its last `scroll` event
    // (read there, the position costs no layout).
    let scrolled = Rc::new(Cell::new(0.0));
    // Counts the entries shown: a position noted late goes to its own.
    let shown = Rc::new(Cell::new(0_u32));
    let noting = Rc::new(Cell::new(false));
    let listen = {
        let (scrolled, shown) = (scrolled.clone(), shown.clone());
        move |event: web_sys::Event| match event.type_().as_str() {
            "scroll" => {
                scrolled.set(window().scroll_y().unwrap_or(0.0));
                if noting.replace(true) {
                    return;
                }
                let (scrolled, shown, noting, entry) =
                    (scrolled.clone(), shown.clone(), noting.clone(), shown.get());
                set_timeout(
                    move || {
                        noting.set(false);
                        if shown.get() == entry {
                            note_place(scrolled.get());
                        }
                    },
                    Duration::from_millis(NOTE_AFTER_MS),
                );
            }
            "popstate" => {
                shown.set(shown.get() + 1);
                // Once the page is drawn, before it is painted.
                request_animation_frame(give_back_place);
            }
            // A document reloaded or gone back to from another page opens
            // where the browser puts it: so its restoring is on while this
            // document is hidden (and off again if it comes back from the
            // back-forward cache).
            "pagehide" => {
                note_place(window().scroll_y().unwrap_or(0.0));
                restoring(web_sys::ScrollRestoration::Auto);
            }
            _ => restoring(web_sys::ScrollRestoration::Manual),
        }
    };
    for event in ["scroll", "popstate", "pagehide", "pageshow"] {
        let _ = window_event_listener_untyped(event, listen.clone());
    }
    Effect::new(move |drawn_before: Option<()>| {
        // Gone back or forward to, the URL is the page's already; a link
        // followed changes it only once the page is painted.
        let path = location.pathname.get();
        if drawn_before.is_none() {
            // The page loaded: where the browser put it, unless a
            // position was noted (from a reload or a later page, the
            // browser's may be another).
            if let Some(y) = noted_place() {
                window().scroll_to_with_x_and_y(0.0, y);
            }
            scrolled.set(window().scroll_y().unwrap_or(0.0));
            return;
        }
        if window().location().pathname().ok() == Some(path) {
            return;
        }
        shown.set(shown.get() + 1);
        let left_at = scrolled.get();
        scroll_to_start(&location.hash.get_untracked());
        let url = url.clone();
        crate::ui::frame::after_next_paint(move || {
            if noted_place().unwrap_or(0.0) != left_at {
                note_place(left_at);
            }
            url.ready_to_complete();
        });
    });
}

/// Notes `y` as the current history entry's scroll position.
fn note_place(y: f64) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&y.into(), "");
    }
}

/// The scroll position noted in the current history entry.
fn noted_place() -> Option<f64> {
    window()
        .history()
        .and_then(|history| history.state())
        .ok()
        .and_then(|state| state.as_f64())
}

/// Turns the browser's restoring of scroll positions on or off.
fn restoring(mode: web_sys::ScrollRestoration) {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(mode);
    }
}

/// Scrolls the page of the current history entry to the position noted in
/// it, else to its start.
fn give_back_place() {
    match noted_place() {
        Some(y) => window().scroll_to_with_x_and_y(0.0, y),
        None => scroll_to_start(&window().location().hash().unwrap_or_default()),
    }
}

/// Scrolls a page just drawn to the element its `#fragment` names, else to
/// its top (which needs no layout). Ids are ASCII (`blog_model::slug`); an
/// id written otherwise in the post is the router's to find, a frame later.
fn scroll_to_start(hash: &str) {
    let id = hash.strip_prefix('#').unwrap_or(hash);
    match (!id.is_empty())
        .then(|| document().get_element_by_id(id))
        .flatten()
    {
        Some(target) => target.scroll_into_view(),
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}
