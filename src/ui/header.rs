//! The header of every page: skip link, blog name, the link to the tags,
//! the search field, language switcher, theme toggle.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::use_page_data;
use crate::i18n::{texts, untranslated_link_title, untranslated_note};
use crate::markdown::{class, element, text};
use crate::routes::use_current_page;
use crate::routes::{LangPages, Page, Switch};
use crate::storage::{self, Theme};
use crate::ui::footer::page_links;
use crate::ui::place;
use crate::ui::search::SearchBox;
use blog_model::lang::Lang;
use blog_model::site::Place;

/// The site header, following the current route. Its elements stay and
/// their attributes follow the page, so that a switcher link keeps the
/// keyboard focus when it is followed.
#[component]
pub fn Header() -> impl IntoView {
    let page = use_current_page();
    let data = use_page_data();
    let lang = move || page.with(Page::lang);
    // On a post, the switcher leads to its translations once they are known.
    let switches = Memo::new(move |_| {
        page.with(|page| {
            let translations = data.translations_now(page);
            Lang::ALL.map(|target| {
                let current = page.lang() == target && *page != Page::Root;
                (page.switch_to(target, translations.as_deref()), current)
            })
        })
    });
    let untranslated = move || {
        let switches = switches.get();
        let missing = Lang::ALL
            .into_iter()
            .zip(switches)
            .find(|(_, (switch, _))| matches!(switch, Switch::Untranslated(_)))?
            .0;
        let tag = page.with(|page| matches!(page, Page::Tag { .. }));
        Some(view! {
            <p class="notice" id="untranslated-note">{untranslated_note(lang(), missing, tag)}</p>
        })
    };
    let on_tag = Signal::derive(move || page.with(|page| matches!(page, Page::Tag { .. })));
    let links = Lang::ALL
        .into_iter()
        .enumerate()
        .map(|(position, target)| {
            let switch = Signal::derive(move || switches.with(|all| all[position].clone()));
            view! { <li><LangLink target switch on_tag /></li> }
        })
        .collect_view();
    let site = crate::site::identity();
    let name = site.name.clone();
    // The standalone pages the site file links from the header, in the
    // page's language, drawn again only when that or the page shown among
    // them changes (with the Markdown mapping's one element type: no view
    // of their own in the wasm).
    let links_now = Memo::new(move |_| {
        let (lang, here) = page.with(|page| (page.lang(), page.path()));
        page_links(&site, Place::Header, lang)
            .into_iter()
            .map(|(href, title, page_lang)| {
                let current = here.as_deref() == Some(href.as_str());
                (
                    href,
                    title,
                    (page_lang != lang).then_some(page_lang),
                    current,
                )
            })
            .collect::<Vec<_>>()
    });
    let pages = move || {
        links_now
            .get()
            .into_iter()
            .map(|(href, title, other, current)| {
                // The page shown is in its own language; a page in another
                // language (a German-only Impressum) says which.
                let third = match other {
                    _ if current => ("aria-current", Some("page".to_owned())),
                    other => ("lang", other.map(|lang| lang.code().to_owned())),
                };
                let attrs = vec![("href", Some(href)), class("site-page"), third];
                element("a", attrs, vec![text(title)])
            })
            .collect::<Vec<_>>()
    };
    view! {
        <a class="skip-link" href="#main" on:click=focus_main>{move || texts(lang()).skip_link}</a>
        <header class="site-header">
            <div class="site-header-inner">
                <a class="site-name" href=move || lang().index_path()>{name}</a>
                <a class="site-tags" href=move || lang().tags_path()
                    aria-current=move || page.with(|page| matches!(page, Page::Tags { .. })).then_some("page")>
                    {move || texts(lang()).tags}
                </a>
                {pages}
                <SearchBox lang=Signal::derive(lang) />
                <nav class="lang-switch" aria-label=move || texts(lang()).language_nav>
                    <ul>{links}</ul>
                </nav>
                <ThemeToggle lang=Signal::derive(lang) />
            </div>
            {untranslated}
        </header>
    }
}

/// One language in the switcher. Following it saves the choice (hovering
/// or focusing it loads the page's data ahead of the click, as every
/// link's: `ui/prefetch.rs`).
#[component]
fn LangLink(
    /// The language this link switches to.
    target: Lang,
    /// Where it leads, and whether it is the language shown.
    switch: Signal<(Switch, bool)>,
    /// Whether the page is a tag's, which names what is untranslated.
    on_tag: Signal<bool>,
) -> impl IntoView {
    let untranslated = move || switch.with(|(switch, _)| matches!(switch, Switch::Untranslated(_)));
    view! {
        <a
            href=move || switch.with(|(switch, _)| switch.href().to_owned())
            hreflang=target.code()
            lang=target.code()
            aria-current=move || switch.with(|(_, current)| current.then_some("true"))
            title=move || untranslated().then(|| untranslated_link_title(target, on_tag.get()))
            aria-describedby=move || untranslated().then_some("untranslated-note")
            on:click=move |_| {
                crate::ui::frame::after_next_paint(move || storage::save_lang(target));
                switch.with_untracked(|(switch, _)| place::remember(switch.href()));
            }
        >
            {target.native_name()}
        </a>
    }
}

/// The theme toggle: system, light, dark, in turn. The page's first paint
/// already has the saved theme (`index.html`'s inline script sets
/// `<html data-theme>`); the toggle only learns it once the app runs, and
/// never renders that attribute, which stays the script's and its own. The
/// stylesheet hides it without JavaScript.
#[component]
fn ThemeToggle(lang: Signal<Lang>) -> impl IntoView {
    let theme = RwSignal::new(Theme::System);
    // After hydration, which drew the system's state like the pre-renderer.
    Effect::new(move |_| theme.set(storage::saved_theme()));
    let label = move || texts(lang.get()).theme[theme.get() as usize];
    let glyph = move || match theme.get() {
        Theme::System => "◐",
        Theme::Light => "☀",
        Theme::Dark => "☾",
    };
    let toggle = move |_| {
        let next = theme.get_untracked().next();
        storage::apply_theme(next);
        theme.set(next);
    };
    view! {
        <button type="button" class="theme-toggle" aria-label=label title=label on:click=toggle>
            <span aria-hidden="true">{glyph}</span>
        </button>
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
