//! Search: typing shows results as they are found, across both languages
//! (stemmed, umlauts however written, German compounds by their last part,
//! one letter wrong), each with a passage marked as text; the keyboard
//! alone opens, chooses and follows a result; a shard that cannot be had
//! says so and retries; without JavaScript, the search page says why it
//! needs it and lists the tags.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::{EN_POST, english_browser, finish};
use blog_e2e::fault::{Fault, Files};
use blog_e2e::harness::{Browser, Options};

const SEED_EN: &str = "The Rise of Serverless Edge Computing";
const SEED_DE: &str = "Der Aufstieg des Serverless Edge Computing";

/// Types `text` into the search field (after clearing it).
async fn type_query(browser: &Browser, text: &str) {
    let input = browser.find("#search-input").await;
    browser
        .js("const i = document.getElementById('search-input'); i.focus(); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true }));")
        .await;
    input.send_keys(text).await.unwrap();
}

/// The results' titles once the search has finished.
async fn titles(browser: &Browser) -> Vec<String> {
    browser
        .wait_until("(() => { const s = document.querySelector('.search-status'); return s && s.textContent !== '' && !/Searching|Suche läuft/.test(s.textContent); })()")
        .await;
    let titles = browser
        .js("return [...document.querySelectorAll('.search-option .search-title')].map((t) => t.textContent);")
        .await;
    serde_json::from_value(titles).unwrap()
}

/// The marked words of the result titled `title`, once its passage is
/// there: it follows the results once the typing pauses, cut from the
/// post's file, which is fetched once per query. Should that one fetch be
/// lost, the query is typed again, as a reader would, once; a second miss
/// fails with what the list showed.
async fn marks(browser: &Browser, query: &str, title: &str) -> Value {
    let marked = format!(
        "const o = [...document.querySelectorAll('.search-option')].find((o) => o.querySelector('.search-title').textContent === {title:?});
         return o && o.querySelector('mark') ? [...o.querySelectorAll('mark')].map((m) => m.textContent) : null;"
    );
    let shown = "return [document.getElementById('search-input').value, document.querySelector('.search-status')?.textContent, [...document.querySelectorAll('.search-option')].map((o) => o.textContent)];";
    for attempt in 0..2 {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let marks = browser.js(&marked).await;
            if !marks.is_null() {
                return marks;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if attempt == 0 {
            eprintln!("{query}: no passage yet: {}", browser.js(shown).await);
            type_query(browser, query).await;
            titles(browser).await;
        }
    }
    panic!(
        "{query}: no passage with the words marked for {title:?}: {}",
        browser.js(shown).await
    );
}

#[tokio::test]
async fn typing_finds_posts_by_stem_prefix_umlaut_compound_and_typo() {
    let browser = english_browser().await;
    browser.open("/de/").await;
    browser.wait_for_app().await;
    for (query, mark) in [
        // The word being typed matches the start of words.
        ("Serverl", "Serverless"),
        // Umlauts however they are written.
        ("Verzoegerung", "Verzögerung"),
        ("verzogerung", "Verzögerung"),
        // A compound's last part.
        ("Personalisierung", "Inhaltspersonalisierung"),
        // Stemmed: the plural finds the singular.
        ("Standorte", "Benutzerstandort"),
    ] {
        type_query(&browser, query).await;
        let found = titles(&browser).await;
        assert!(
            found.contains(&SEED_DE.to_owned()),
            "{query}: {found:?} ({}; the field has {})",
            browser.text(".search-status").await,
            browser
                .js("return document.getElementById('search-input').value;")
                .await
        );
        let marked = marks(&browser, query, SEED_DE).await;
        assert!(
            marked.as_array().unwrap().iter().any(|m| m == mark),
            "{query}: {marked}"
        );
    }
    // One letter wrong, in English, on the German page: the post is one
    // result, shown in German.
    type_query(&browser, "computng").await;
    let found = titles(&browser).await;
    assert!(found.contains(&SEED_DE.to_owned()), "{found:?}");
    assert!(!found.contains(&SEED_EN.to_owned()), "{found:?}");
    // A post only in English comes under its language.
    type_query(&browser, "markdown tour").await;
    let found = titles(&browser).await;
    assert_eq!(
        found.first().map(String::as_str),
        Some("A Tour of Markdown"),
        "{found:?}"
    );
    assert_eq!(browser.text(".search-group").await, "Auf Englisch");
    type_query(&browser, "zzzzqqq").await;
    assert!(titles(&browser).await.is_empty());
    assert_eq!(
        browser.text(".search-status").await,
        "Zu diesen Wörtern wurde nichts gefunden."
    );
    finish(browser).await;
}

#[tokio::test]
async fn the_keyboard_alone_opens_chooses_and_follows_a_result() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.wait_for_app().await;
    browser.mark_document().await;
    // `/` focuses the field from anywhere but another field.
    browser.find("main").await.send_keys("/").await.unwrap();
    browser
        .wait_until("document.activeElement && document.activeElement.id === 'search-input'")
        .await;
    let input = browser.find("#search-input").await;
    input.send_keys("serverless").await.unwrap();
    assert!(titles(&browser).await.contains(&SEED_EN.to_owned()));
    let expanded = "return document.getElementById('search-input').getAttribute('aria-expanded');";
    assert_eq!(browser.js(expanded).await, json!("true"));
    input.send_keys("\u{E015}").await.unwrap(); // ArrowDown
    assert_eq!(
        browser
            .js("return document.getElementById('search-input').getAttribute('aria-activedescendant');")
            .await,
        json!("search-option-0")
    );
    assert_eq!(
        browser.count("#search-option-0[aria-selected=true]").await,
        1
    );
    // Escape closes the list; typing opens it again.
    input.send_keys("\u{E00C}").await.unwrap(); // Escape
    assert_eq!(browser.js(expanded).await, json!("false"));
    assert_eq!(browser.count(".search-panel[hidden]").await, 1);
    input.send_keys(" edge").await.unwrap();
    let first = titles(&browser).await[0].clone();
    input.send_keys("\u{E007}").await.unwrap(); // Enter: the first result
    browser
        .wait_until(&format!(
            "document.querySelector('main h1') && document.querySelector('main h1').textContent === {first:?}"
        ))
        .await;
    assert!(
        browser.is_same_document().await,
        "a result opened in the app"
    );
    // The URL follows the page's first paint (ui/history.rs).
    if first == SEED_EN {
        browser.wait_for_path(EN_POST).await;
    }
    // The list closed behind it, the field emptied.
    browser
        .wait_until(
            "document.getElementById('search-input').getAttribute('aria-expanded') === 'false'",
        )
        .await;
    assert_eq!(
        browser
            .js("return document.getElementById('search-input').value;")
            .await,
        json!("")
    );
    finish(browser).await;
}

#[tokio::test]
async fn results_are_text_never_markup_from_the_index() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.wait_for_app().await;
    type_query(&browser, "onerror").await;
    let found = titles(&browser).await;
    assert!(
        found.contains(&"</title><script>window.__xss=1</script>".to_owned()),
        "{found:?}"
    );
    assert_eq!(
        browser
            .count(".search-panel script, .search-panel img, .search-panel svg")
            .await,
        0
    );
    assert_eq!(
        browser.js("return window.__xss ?? null;").await,
        json!(null)
    );
    finish(browser).await;
}

#[tokio::test]
async fn a_search_that_cannot_load_says_so_and_retries() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.wait_for_app().await;
    browser.set_fault(Files::Search, Some(Fault::Status(503)));
    type_query(&browser, "edge").await;
    assert!(titles(&browser).await.is_empty());
    assert_eq!(
        browser.text(".search-status").await,
        "The search could not be loaded. Check your connection and try again. Try again"
    );
    browser.set_fault(Files::Search, None);
    browser.click(".search-retry").await;
    assert!(titles(&browser).await.contains(&SEED_EN.to_owned()));
    // The failed requests are the page's own, not errors of its scripts.
    browser.close().await;
}

#[tokio::test]
async fn without_javascript_the_search_page_explains_and_lists_the_tags() {
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    browser.open("/de/search/").await;
    assert_eq!(browser.text("main h1").await, "Suche");
    assert!(
        browser
            .text("main .needs-js")
            .await
            .contains("braucht JavaScript")
    );
    assert_eq!(browser.count("#search-input").await, 1);
    let hidden = "return getComputedStyle(document.querySelector('.search')).display;";
    assert_eq!(browser.js(hidden).await, json!("none"));
    assert!(browser.count(".tag-list a").await >= 4);
    browser
        .click(".tag-list a[href$='/de/tags/quelltext/']")
        .await;
    browser.wait_for_path("/de/tags/quelltext/").await;
    browser.close().await;
    // With it, the page points to the field.
    let browser = english_browser().await;
    browser.open("/en/search/").await;
    browser.wait_for_app().await;
    let shown = "return getComputedStyle(document.querySelector('main .needs-js')).display;";
    assert_eq!(browser.js(shown).await, json!("none"));
    assert!(browser.text("main .with-js").await.contains("press /"));
    finish(browser).await;
}

#[tokio::test]
async fn a_query_typed_before_the_app_starts_is_kept_and_searched_once_it_does() {
    // A slow connection: the page is read, and its field typed into, while
    // the wasm is on its way.
    let browser = Browser::start(Options {
        hold_wasm: Some(Duration::from_secs(3)),
        ..Options::default()
    })
    .await;
    browser.open_page("/de/").await;
    type_query(&browser, "Serverless Edge").await;
    assert_eq!(
        browser
            .js("return window.wasmBindings === undefined;")
            .await,
        json!(true),
        "the app started before the query was typed"
    );
    browser.wait_for_app().await;
    assert!(titles(&browser).await.contains(&SEED_DE.to_owned()));
    assert_eq!(
        browser
            .js("return document.getElementById('search-input').value;")
            .await,
        json!("Serverless Edge"),
        "hydration set the field back"
    );
    // The reader is still in the field, so the results are open there.
    assert_eq!(
        browser
            .js("const field = document.getElementById('search-input');
                 return [document.activeElement === field, field.getAttribute('aria-expanded'),
                         document.querySelector('.search-panel').hidden];")
            .await,
        json!([true, "true", false]),
        "the results did not open in the focused field"
    );
    finish(browser).await;
}

#[tokio::test]
async fn the_open_results_fit_phones_and_desktops_in_both_themes_with_no_axe_violation() {
    for (width, theme) in [
        (390, "light"),
        (390, "dark"),
        (1280, "light"),
        (1280, "dark"),
    ] {
        let script =
            format!("try {{ localStorage.setItem('blog.theme', '{theme}'); }} catch (e) {{}}");
        let browser = Browser::start(Options {
            size: (width, 800),
            init_script: Some(&script),
            ..Options::default()
        })
        .await;
        browser.open("/de/").await;
        type_query(&browser, "Serverless Edge").await;
        assert!(titles(&browser).await.contains(&SEED_DE.to_owned()));
        // The results as a reader sees them after a pause: with the
        // passage, its words marked (captured and checked by axe too).
        let marked = marks(&browser, "Serverless Edge", SEED_DE).await;
        assert!(
            marked.as_array().unwrap().iter().any(|m| m == "Serverless"),
            "{marked}"
        );
        // Inside the window, and over the page, not beside it.
        let fits = browser
            .js("const r = document.querySelector('.search-panel').getBoundingClientRect();
                 return [r.left >= 0, r.right <= innerWidth, document.documentElement.scrollWidth <= innerWidth];")
            .await;
        assert_eq!(fits, json!([true, true, true]), "{width} {theme}");
        crate::prerendered::save_screenshot(&browser, &format!("search-{width}-{theme}")).await;
        // The whole page with the results open, and again with one chosen.
        let violations = browser.axe("html").await;
        assert!(violations.is_empty(), "{width} {theme}: {violations:#?}");
        let input = browser.find("#search-input").await;
        input.send_keys("\u{E015}").await.unwrap(); // ArrowDown
        browser
            .wait_until("document.querySelector('.search-option[aria-selected=true]')")
            .await;
        let violations = browser.axe("html").await;
        assert!(violations.is_empty(), "{width} {theme}: {violations:#?}");
        finish(browser).await;
    }
}
