//! Every link to a page of the blog loads that page's data file when the
//! reader points at it or moves focus to it, so that following it draws the
//! page at once, in the click's own task: the header's and footer's links,
//! the language switch, tags, results and the links inside posts. (A post's
//! card also warms the post's drawing code: `pages/post.rs`, `prefetch`.)

use leptos::prelude::window_event_listener_untyped;
use wasm_bindgen::JsCast;

use crate::data::load;
use crate::routes::Page;

/// Listens for the whole page, now and after navigations.
pub fn listen() {
    for event in ["mouseover", "focusin"] {
        let _ = window_event_listener_untyped(event, prefetch);
    }
}

fn prefetch(event: web_sys::Event) {
    // A path on this site; `//host/…` leads elsewhere.
    let href = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| {
            element
                .closest("a[href^='/']:not([href^='//'])")
                .ok()
                .flatten()
        })
        .and_then(|link| link.get_attribute("href"));
    let Some(href) = href else {
        return;
    };
    let path = href.split(['#', '?']).next().unwrap_or_default();
    if let Some(url) = Page::from_path(path).data_url() {
        load::prefetch(url);
    }
}
