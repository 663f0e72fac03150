//! Pieces shared by the pages.

pub mod footer;
pub mod header;
pub mod loading;
pub mod page_meta;
pub mod post_card;
pub mod post_meta;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::routes::Page;

/// The page at the current URL, as the router sees it (the browser's
/// location, or the path being pre-rendered): the one place every component
/// learns which page it is on.
pub fn use_current_page() -> Memo<Page> {
    let location = use_location();
    Memo::new(move |_| Page::from_path(&location.pathname.get()))
}
