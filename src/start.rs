//! Starting the app in the browser. A page pre-rendered for this very URL is
//! hydrated: the app adopts its nodes, so text, scroll position, selection
//! and focus stay as they are. Any other page (`404.html` answering for some
//! other path, or `trunk serve`'s empty shell) is cleared and rendered anew.

use std::sync::Arc;

#[cfg(debug_assertions)]
use blog_model::site::SITE_FILE;
use blog_model::site::{Site, decode_site};
use leptos::prelude::*;

use crate::app::App;
use crate::routes::Page;
use crate::shell::{HEAD_MARKER, ROUTE_ATTR, SITE_ID};

/// Hydrates or mounts the app, whichever fits the page the browser got.
pub fn start() {
    console_error_panic_hook::set_once();
    let site = carried_site();
    #[cfg(feature = "hydrate")]
    if let Some(site) = site.clone()
        && prerendered_for_this_url()
    {
        take_over_resources();
        leptos::mount::hydrate_body(move || app(site));
        return;
    }
    clear_prerendered();
    match site {
        Some(site) => mount(site),
        // `trunk serve`'s shell (a debug build) carries no site file: it is
        // fetched first. Release pages all carry it.
        #[cfg(debug_assertions)]
        None => leptos::task::spawn_local(async {
            let site = crate::data::load::load(&crate::site::path(SITE_FILE))
                .await
                .ok()
                .and_then(|text| decode_site(&text).ok())
                .unwrap_or_default();
            mount(Arc::new(site));
        }),
        #[cfg(not(debug_assertions))]
        None => mount(Arc::new(Site::default())),
    }
}

fn mount(site: Arc<Site>) {
    leptos::mount::mount_to_body(move || app(site));
}

/// The app, built in one place for hydrating and mounting alike: each
/// would otherwise carry its own copy of the whole view's code.
#[inline(never)]
fn app(site: Arc<Site>) -> impl IntoView {
    view! { <App site /> }
}

/// The site file the page carries (the pre-renderer writes it into every
/// page, as a JSON string), if it does and it reads.
fn carried_site() -> Option<Arc<Site>> {
    let json = web_sys::window()?
        .document()?
        .get_element_by_id(SITE_ID)?
        .text_content()?;
    #[cfg(target_arch = "wasm32")]
    let text = js_sys::JSON::parse(&json).ok()?.as_string()?;
    #[cfg(not(target_arch = "wasm32"))]
    let text: String = serde_json::from_str(&json).ok()?;
    decode_site(&text).ok().map(Arc::new)
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
