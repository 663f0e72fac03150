//! One component per route.

pub mod index;
pub mod not_found;
pub mod post;
pub mod root;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::routes::Page;

/// The page named by the current route's `:lang` and `:slug` parameters.
fn use_page() -> Memo<Page> {
    let params = use_params_map();
    Memo::new(move |_| {
        params.with(|params| {
            Page::from_segments(
                params.get_str("lang").unwrap_or_default(),
                params.get_str("slug"),
            )
        })
    })
}
