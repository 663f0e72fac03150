//! The theme: the system's until the reader picks light or dark in the
//! header, then theirs on every page from the first paint, with the CSP
//! untouched; and the controls that need the app hidden without it.

use std::time::Duration;

use serde_json::json;

use crate::{EN_POST, TOUR, english_browser, finish};
use blog_e2e::harness::{Browser, Options};

const LIGHT_BG: &str = "rgb(253, 252, 250)";
const DARK_BG: &str = "rgb(18, 20, 23)";

async fn background(browser: &Browser) -> serde_json::Value {
    browser
        .js("return getComputedStyle(document.body).backgroundColor;")
        .await
}

async fn label(browser: &Browser) -> serde_json::Value {
    browser
        .js("return document.querySelector('.theme-toggle').getAttribute('aria-label');")
        .await
}

#[tokio::test]
async fn the_theme_toggle_cycles_system_light_dark_and_is_remembered() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    assert_eq!(label(&browser).await, json!("Theme: system"));
    assert_eq!(background(&browser).await, json!(LIGHT_BG));
    browser.click(".theme-toggle").await;
    assert_eq!(label(&browser).await, json!("Theme: light"));
    browser.click(".theme-toggle").await;
    assert_eq!(label(&browser).await, json!("Theme: dark"));
    assert_eq!(
        browser
            .js("return document.documentElement.dataset.theme;")
            .await,
        json!("dark")
    );
    assert_eq!(background(&browser).await, json!(DARK_BG));
    assert_eq!(
        browser
            .js("return localStorage.getItem('blog.theme');")
            .await,
        json!("dark")
    );
    // In-app navigation keeps it, and the German page names it in German.
    browser.click(".lang-switch a[hreflang=de]").await;
    browser
        .wait_until("document.documentElement.lang === 'de'")
        .await;
    assert_eq!(label(&browser).await, json!("Farbschema: dunkel"));
    assert_eq!(background(&browser).await, json!(DARK_BG));
    // Back to the system's: nothing is kept.
    browser.click(".theme-toggle").await;
    assert_eq!(
        browser
            .js("return [document.documentElement.dataset.theme ?? null, localStorage.getItem('blog.theme')];")
            .await,
        json!([null, null])
    );
    assert_eq!(background(&browser).await, json!(LIGHT_BG));
    finish(browser).await;
}

/// A page opened with a saved theme is in it from the first paint: the
/// inline script has set it before the app (held back here) could.
#[tokio::test]
async fn a_saved_theme_is_there_before_the_app_starts_and_the_app_keeps_it() {
    let browser = Browser::start(Options {
        hold_wasm: Some(Duration::from_millis(1500)),
        init_script: Some("try { localStorage.setItem('blog.theme', 'dark'); } catch (e) {}"),
        ..Options::default()
    })
    .await;
    browser.open_page(TOUR).await;
    browser.find("main h1").await;
    assert_eq!(
        browser
            .js("return [window.wasmBindings === undefined, document.documentElement.dataset.theme];")
            .await,
        json!([true, "dark"])
    );
    assert_eq!(background(&browser).await, json!(DARK_BG));
    browser.wait_for_app().await;
    browser
        .wait_until(
            "document.querySelector('.theme-toggle').getAttribute('aria-label') === 'Theme: dark'",
        )
        .await;
    assert_eq!(
        browser
            .js("return document.documentElement.dataset.theme;")
            .await,
        json!("dark")
    );
    finish(browser).await;
}

#[tokio::test]
async fn a_reader_on_a_dark_system_can_choose_light() {
    let browser = Browser::start(Options {
        dark: true,
        ..Options::default()
    })
    .await;
    browser.open(EN_POST).await;
    assert_eq!(background(&browser).await, json!(DARK_BG));
    browser.click(".theme-toggle").await;
    assert_eq!(background(&browser).await, json!(LIGHT_BG));
    finish(browser).await;
}

#[tokio::test]
async fn controls_that_need_the_app_are_not_shown_without_javascript() {
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    browser.open("/en/code-in-every-language/").await;
    let displays = browser
        .js("return [...document.querySelectorAll('.theme-toggle, .copy-code')].map((e) => getComputedStyle(e).display);")
        .await;
    let displays = displays.as_array().unwrap();
    assert!(displays.len() > 20, "{displays:?}");
    assert!(
        displays.iter().all(|display| display == "none"),
        "{displays:?}"
    );
    browser.close().await;
}
