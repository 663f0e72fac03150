//! The copy buttons of code blocks (drawn by `markdown` inside each
//! `<pre>`): one listener for the whole page copies a block's text, and says
//! so on the button and to screen readers, through the page's live region.
//! Without JavaScript the stylesheet hides the buttons.

use leptos::prelude::*;

use crate::markdown::{class, element};

/// The id of the live region that tells screen readers what a button did.
pub const ANNOUNCER: &str = "announcer";

/// The live region, empty until something is announced.
#[component]
pub fn Announcer() -> impl IntoView {
    let attrs = vec![
        ("id", Some(ANNOUNCER.to_owned())),
        class("visually-hidden"),
        ("role", Some("status".to_owned())),
    ];
    element("p", attrs, Vec::new())
}

/// Handles the clicks of every copy button, now and after navigations.
#[cfg(not(feature = "ssr"))]
pub fn listen() {
    // The listener lasts as long as the page.
    let _ = window_event_listener(leptos::ev::click, copy);
}

#[cfg(not(feature = "ssr"))]
fn copy(event: leptos::ev::MouseEvent) {
    use std::time::Duration;

    use wasm_bindgen::JsCast;

    use crate::i18n::texts;
    use blog_model::lang::Lang;

    let button = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("button.copy-code").ok().flatten());
    let Some(button) = button else {
        return;
    };
    let Some(code) = button
        .parent_element()
        .and_then(|pre| pre.query_selector("code").ok().flatten())
    else {
        return;
    };
    let lang = document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::DEFAULT);
    let texts = texts(lang);
    let promise = window()
        .navigator()
        .clipboard()
        .write_text(&code.text_content().unwrap_or_default());
    leptos::task::spawn_local(async move {
        // Refused (no permission, not focused): the button stays as it was.
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
            return;
        }
        button.set_text_content(Some(texts.code_copied));
        if let Some(announcer) = document().get_element_by_id(ANNOUNCER) {
            // Emptied first, so that a second copy is announced again.
            announcer.set_text_content(None);
            announcer.set_text_content(Some(texts.code_copied));
        }
        set_timeout(
            move || button.set_text_content(Some(texts.copy_code)),
            Duration::from_secs(2),
        );
    });
}
