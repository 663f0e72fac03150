//! The footer of every page.

use leptos::prelude::*;

use crate::i18n::{BLOG_NAME, texts};
use crate::routes::use_current_page;

/// The blog's name and what it is about, in the page's language.
#[component]
pub fn Footer() -> impl IntoView {
    let page = use_current_page();
    view! {
        <footer class="site-footer">
            <p>{BLOG_NAME} " · " {move || texts(page.get().lang()).tagline}</p>
        </footer>
    }
}
