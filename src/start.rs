//! Starting the app in the browser. A page pre-rendered for this very URL is
//! hydrated: the app adopts its nodes, so text, scroll position, selection
//! and focus stay as they are. Any other page (`404.html` answering for some
//! other path, or `trunk serve`'s empty shell) is cleared and rendered anew.

use crate::app::App;
use crate::routes::Page;
use crate::shell::{HEAD_MARKER, ROUTE_ATTR};

/// Hydrates or mounts the app, whichever fits the page the browser got.
pub fn start() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "hydrate")]
    if prerendered_for_this_url() {
        take_over_resources();
        leptos::mount::hydrate_body(App);
        return;
    }
    clear_prerendered();
    leptos::mount::mount_to_body(App);
}

/// Hands the pre-rendered resources to hydration, which reads them from
/// globals that Leptos's own pages set in an inline script. Our pages carry
/// them as JSON instead, which never runs, so the Content-Security-Policy
/// needs no hash per page. Missing or garbled data only means that the
/// resources load again.
#[cfg(feature = "hydrate")]
fn take_over_resources() {
    use wasm_bindgen::JsValue;
    let Some(window) = web_sys::window() else {
        return;
    };
    let resolved = window
        .document()
        .and_then(|document| document.get_element_by_id(crate::shell::RESOURCES_ID))
        .and_then(|element| element.text_content())
        .and_then(|json| js_sys::JSON::parse(&json).ok())
        .filter(js_sys::Array::is_array)
        .unwrap_or_else(|| js_sys::Array::new().into());
    let errors = JsValue::from(js_sys::Array::new());
    let chunks = JsValue::from(js_sys::Array::new());
    for (name, value) in [
        ("__RESOLVED_RESOURCES", &resolved),
        ("__SERIALIZED_ERRORS", &errors),
        ("__INCOMPLETE_CHUNKS", &chunks),
    ] {
        let _ = js_sys::Reflect::set(&window, &JsValue::from_str(name), value);
    }
}

/// Whether the page in the browser was rendered for the page at this URL
/// (`/en/x` and `/en/x/` are the same page).
pub fn prerendered_for_this_url() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let route = window
        .document()
        .and_then(|document| document.body())
        .and_then(|body| body.get_attribute(ROUTE_ATTR));
    let here = window.location().pathname().ok();
    match (route, here) {
        (Some(route), Some(here)) if !route.is_empty() => {
            Page::from_path(&route) == Page::from_path(&here)
        }
        _ => false,
    }
}

/// Removes a pre-rendered page that does not fit this URL: the body's
/// content and the head tags that followed leptos_meta's marker.
fn clear_prerendered() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(body) = document
        .body()
        .filter(|body| body.has_attribute(ROUTE_ATTR))
    {
        body.set_inner_html("");
        let _ = body.remove_attribute(ROUTE_ATTR);
    }
    let Some(head) = document.head() else {
        return;
    };
    let mut node = head.first_child();
    let mut after_marker = false;
    while let Some(current) = node {
        node = current.next_sibling();
        if after_marker {
            let _ = head.remove_child(&current);
        } else if current.node_type() == web_sys::Node::COMMENT_NODE
            && current.text_content().as_deref() == Some(HEAD_MARKER)
        {
            after_marker = true;
            let _ = head.remove_child(&current);
        }
    }
}
