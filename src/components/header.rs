//! The header of every page: skip link, blog name, language switcher.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::use_current_page;
use crate::i18n::{BLOG_NAME, texts, untranslated_link_title, untranslated_note};
use crate::lang::Lang;
use crate::routes::{LangPages, Page, Switch};
use crate::storage;

/// The site header, following the current route.
#[component]
pub fn Header() -> impl IntoView {
    let page = use_current_page();
    move || {
        let page = page.get();
        let lang = page.lang();
        let text = texts(lang);
        let untranslated = Lang::ALL
            .into_iter()
            .find(|&target| matches!(page.switch_to(target), Switch::Untranslated(_)));
        view! {
            <a class="skip-link" href="#main" on:click=focus_main>{text.skip_link}</a>
            <header class="site-header">
                <div class="site-header-inner">
                    <a class="site-name" href=lang.index_path()>{BLOG_NAME}</a>
                    <nav class="lang-switch" aria-label=text.language_nav>
                        <ul>
                            {Lang::ALL.into_iter().map(|target| view! {
                                <li><LangLink page target /></li>
                            }).collect_view()}
                        </ul>
                    </nav>
                </div>
                {untranslated.map(|missing| view! {
                    <p class="notice" id="untranslated-note">{untranslated_note(lang, missing)}</p>
                })}
            </header>
        }
    }
}

/// One language in the switcher. Following it saves the choice.
#[component]
fn LangLink(
    /// The page the switcher is on.
    page: Page,
    /// The language this link switches to.
    target: Lang,
) -> impl IntoView {
    let switch = page.switch_to(target);
    let current = page.lang() == target && page != Page::Root;
    let untranslated = matches!(switch, Switch::Untranslated(_));
    view! {
        <a
            href=switch.href().to_owned()
            hreflang=target.code()
            lang=target.code()
            aria-current=current.then_some("true")
            title=untranslated.then(|| untranslated_link_title(target))
            aria-describedby=untranslated.then_some("untranslated-note")
            on:click=move |_| storage::save_lang(target)
        >
            {target.native_name()}
        </a>
    }
}

/// Moves focus to the main content, which the router's handling of the
/// `#main` link alone would only scroll to.
fn focus_main(event: leptos::ev::MouseEvent) {
    let main = document()
        .get_element_by_id("main")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        event.prevent_default();
        let _ = main.focus();
        main.scroll_into_view();
    }
}
