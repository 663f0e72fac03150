//! The header of every page: skip link, blog name, language switcher.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::use_current_page;
use crate::content::{Article, Found, load, use_page_data};
use crate::i18n::{BLOG_NAME, texts, untranslated_link_title, untranslated_note};
use crate::lang::Lang;
use crate::routes::{LangPages, Page, Switch};
use crate::storage;

/// The site header, following the current route.
#[component]
pub fn Header() -> impl IntoView {
    let page = use_current_page();
    let data = use_page_data();
    move || {
        let page = page.get();
        let text = texts(page.lang());
        let fallback = {
            let page = page.clone();
            move || view! { <HeaderBar page=page.clone() article=None /> }
        };
        // A post's switcher leads to its translations, which its data names.
        let bar = move || {
            let page = page.clone();
            Suspend::new(async move {
                let article = match page {
                    Page::Post { .. } => match data.article().await {
                        Found::Yes(article) => Some(article),
                        Found::No | Found::Failed(_) => None,
                    },
                    _ => None,
                };
                view! { <HeaderBar page article /> }
            })
        };
        view! {
            <a class="skip-link" href="#main" on:click=focus_main>{text.skip_link}</a>
            <Suspense fallback>{bar}</Suspense>
        }
    }
}

/// The blog's name and the language switcher.
#[component]
fn HeaderBar(
    /// The page the header is on.
    page: Page,
    /// The post shown, once its data is there.
    article: Option<Article>,
) -> impl IntoView {
    let lang = page.lang();
    let text = texts(lang);
    let switches = Lang::ALL.map(|target| (target, page.switch_to(target, article.as_ref())));
    let untranslated = switches
        .iter()
        .find(|(_, switch)| matches!(switch, Switch::Untranslated(_)))
        .map(|(target, _)| *target);
    let links = switches
        .into_iter()
        .map(|(target, switch)| {
            let current = lang == target && page != Page::Root;
            view! { <li><LangLink target switch current /></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <a class="site-name" href=lang.index_path()>{BLOG_NAME}</a>
                <nav class="lang-switch" aria-label=text.language_nav>
                    <ul>{links}</ul>
                </nav>
            </div>
            {untranslated.map(|missing| view! {
                <p class="notice" id="untranslated-note">{untranslated_note(lang, missing)}</p>
            })}
        </header>
    }
}

/// One language in the switcher. Following it saves the choice; hovering
/// or focusing it loads the page's data ahead of the click.
#[component]
fn LangLink(
    /// The language this link switches to.
    target: Lang,
    /// Where it leads.
    switch: Switch,
    /// Whether it is the language shown.
    current: bool,
) -> impl IntoView {
    let untranslated = matches!(switch, Switch::Untranslated(_));
    let href = switch.href().to_owned();
    let data_url = Page::from_path(&href).data_url();
    let prefetch = move || {
        if let Some(url) = &data_url {
            load::prefetch(url.clone());
        }
    };
    let prefetch_on_focus = prefetch.clone();
    view! {
        <a
            href=href
            hreflang=target.code()
            lang=target.code()
            aria-current=current.then_some("true")
            title=untranslated.then(|| untranslated_link_title(target))
            aria-describedby=untranslated.then_some("untranslated-note")
            on:click=move |_| storage::save_lang(target)
            on:mouseenter=move |_| prefetch()
            on:focus=move |_| prefetch_on_focus()
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
