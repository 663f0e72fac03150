//! The 404 page, in the language the path names (English where none).

use leptos::prelude::*;

use crate::i18n::texts;
use crate::routes::use_current_page;
use crate::routes::{LangPages, Page};
use crate::ui::head::PageMeta;
use blog_model::lang::Lang;

/// The router's fallback: a 404 in the language of the path's first segment.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let page = use_current_page();
    move || view! { <NotFound lang=page.get().lang() /> }
}

/// Says there is nothing here, and offers the way home.
#[component]
pub fn NotFound(
    /// The language to say it in.
    lang: Lang,
) -> impl IntoView {
    let text = texts(lang);
    view! {
        <PageMeta page=Page::NotFound(lang) title=text.not_found_title.to_owned()
            description=text.not_found_text.to_owned() />
        <div class="not-found">
            <p class="not-found-code" aria-hidden="true">"404"</p>
            <h1>{text.not_found_title}</h1>
            <p>{text.not_found_text}</p>
            <p><a class="button" href=lang.index_path()>{text.not_found_home}</a></p>
        </div>
    }
}
