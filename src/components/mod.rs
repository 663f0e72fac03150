//! Pieces shared by the pages.

pub mod footer;
pub mod header;
pub mod page_meta;
pub mod post_card;
pub mod post_meta;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::routes::Page;

/// The page at the current URL, for the parts outside the routes (header,
/// footer, the 404 fallback).
pub fn use_current_page() -> Memo<Page> {
    let location = use_location();
    Memo::new(move |_| Page::from_path(&location.pathname.get()))
}
