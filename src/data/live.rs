//! Edits shown as they are saved, in `trunk serve`'s debug build only: the
//! content watcher (`publish --watch`, started by Trunk.toml's hook) rewrites
//! `data/version.txt` after publishing again, and the app, polling it, loads
//! the page's data again. The page shows the edit without a reload, keeping
//! its scroll position.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::data::PageData;
use crate::site;

/// How often the version is asked for.
const INTERVAL: Duration = Duration::from_millis(200);

/// Follows the content's version for as long as the page is open.
pub fn follow_edits(data: PageData) {
    let seen: Rc<RefCell<Option<String>>> = Rc::default();
    let busy = Rc::new(std::cell::Cell::new(false));
    set_interval(
        move || {
            if busy.replace(true) {
                return;
            }
            let (seen, busy) = (Rc::clone(&seen), Rc::clone(&busy));
            leptos::task::spawn_local(async move {
                let version = current_version().await;
                let changed = seen
                    .borrow()
                    .as_ref()
                    .is_some_and(|before| *before != version);
                *seen.borrow_mut() = Some(version);
                if changed {
                    data.reload().await;
                }
                busy.set(false);
            });
        },
        INTERVAL,
    );
}

/// The content's version: empty until the watcher first publishes (the dev
/// server answers a missing file with the app's page).
async fn current_version() -> String {
    // A new address each time, past any cache.
    let url = format!("{}?{}", site::path("data/version.txt"), js_sys::Date::now());
    let Ok(response) = gloo_net::http::Request::get(&url).send().await else {
        return String::new();
    };
    if !response.ok() || super::load::is_html(&response) {
        return String::new();
    }
    response.text().await.unwrap_or_default()
}
