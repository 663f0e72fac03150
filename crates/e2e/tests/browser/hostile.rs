//! What the browser can refuse or get wrong: the Content-Security-Policy on
//! every page, post bodies that come back broken, late or not at all, an app
//! that fails to load, storage that is missing, throws, is full or holds
//! something odd, and a second tab changing the saved language. Each keeps
//! the page readable, shows a message where content is missing, and never
//! shows the wrong text.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use crate::{DE_POST, EN_POST, TOUR, XSS, browser_with, english_browser, finish};
use blog_e2e::fault::{Fault, Files};
use blog_e2e::harness::{self, Browser, Options, href};

/// Every pre-rendered route, found in the build: each folder with an
/// `index.html` is a page (paths without the base).
fn prerendered_routes() -> Vec<String> {
    fn walk(dir: &Path, path: &str, routes: &mut Vec<String>) {
        if dir.join("index.html").is_file() {
            routes.push(path.to_owned());
        }
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|entry| entry.is_dir())
            .collect();
        entries.sort();
        for entry in entries {
            let name = entry.file_name().unwrap().to_string_lossy().into_owned();
            walk(&entry, &format!("{path}{name}/"), routes);
        }
    }
    let mut routes = Vec::new();
    walk(&harness::dist_dir(), "/", &mut routes);
    routes
}

#[tokio::test]
async fn every_page_runs_under_its_content_security_policy_without_a_violation() {
    let routes = prerendered_routes();
    assert!(
        routes.len() >= 6 && routes.iter().any(|route| route == EN_POST),
        "{routes:?}"
    );
    let headers = harness::fetch("/_headers").2;
    let browser = english_browser().await;
    for route in routes
        .iter()
        .map(String::as_str)
        .chain(["/en/no-such-post/"])
    {
        browser.open(route).await;
        let policy = browser
            .js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content;")
            .await;
        let policy = policy.as_str().unwrap_or_default();
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
            "object-src 'none'",
            "base-uri 'self'",
        ] {
            assert!(
                policy.contains(directive),
                "{route}: {directive} in {policy}"
            );
        }
        assert!(!policy.contains("unsafe-inline"), "{route}: {policy}");
        // Hosts that read `_headers` send the very same policy.
        assert!(
            headers.contains(&format!("Content-Security-Policy: {policy}\n")),
            "{route}: {policy} not in _headers:\n{headers}"
        );
        // The app ran: it marked the current link, and nothing was blocked.
        browser.find("header [aria-current]").await;
        let errors = browser.errors().await;
        assert!(errors.is_empty(), "{route}: {errors:?}");
    }
    finish(browser).await;
}

/// Goes from the English index, in the app, to the English post, whose body
/// is then fetched.
async fn open_post_in_app(browser: &Browser) {
    browser.open("/en/").await;
    browser
        .click(&format!(".card h2 a[href='{}']", href(EN_POST)))
        .await;
    browser.wait_for_path(EN_POST).await;
}

/// The text of the post's body as it is in the page (`textContent`).
async fn post_body_text(browser: &Browser) -> String {
    browser
        .js("return document.querySelector('.post-body').textContent;")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_body_that_comes_back_broken_shows_a_message_and_retry_loads_it() {
    let faults = [
        Fault::Status(404),
        Fault::Status(500),
        Fault::Html,
        Fault::RedirectLoop,
        Fault::Empty,
        Fault::Truncated,
    ];
    for fault in faults {
        eprintln!("bodies answered with {fault:?}");
        let browser = english_browser().await;
        browser.set_fault(Files::Posts, Some(fault));
        open_post_in_app(&browser).await;
        let alert = browser.text(".post-body .load-error[role=alert] p").await;
        assert!(
            alert.starts_with("This post could not be loaded."),
            "{fault:?}: {alert}"
        );
        // The rest of the page is there, and no text of the wrong kind.
        assert_eq!(
            browser.text("article h1").await,
            "The Rise of Serverless Edge Computing",
            "{fault:?}"
        );
        let body = post_body_text(&browser).await;
        assert!(
            !body.contains("Edgewise"),
            "{fault:?}: the 404 page's text shown as the body: {body}"
        );
        browser.set_fault(Files::Posts, None);
        browser.click(".load-error button").await;
        browser.find(".post-body h2#introduction").await;
        assert_eq!(browser.count(".load-error").await, 0, "{fault:?}");
        finish(browser).await;
    }
}

#[tokio::test]
async fn a_slow_body_shows_the_skeleton_and_the_page_stays_usable() {
    let browser = english_browser().await;
    browser.set_fault(Files::Posts, Some(Fault::Slow(Duration::from_secs(4))));
    open_post_in_app(&browser).await;
    browser.find(".post-body .skeleton[aria-busy=true]").await;
    assert_eq!(
        browser.text("article h1").await,
        "The Rise of Serverless Edge Computing"
    );
    // The reader is not stuck: back to the index at once.
    browser.js("history.back();").await;
    browser.wait_for_path("/en/").await;
    browser.find(".post-list .card").await;
    finish(browser).await;
}

#[tokio::test]
async fn a_slow_translation_shows_its_title_from_the_post_switched_from() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    browser.set_fault(Files::Posts, Some(Fault::Slow(Duration::from_secs(4))));
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    browser.find(".post-body .skeleton[aria-busy=true]").await;
    // Read together with the skeleton, before the body could arrive.
    let shown = browser
        .js(
            "return [document.querySelector('article h1')?.textContent ?? null,
                     document.querySelectorAll('.post-body .skeleton').length];",
        )
        .await;
    assert_eq!(
        shown,
        json!(["Der Aufstieg des Serverless Edge Computing", 1])
    );
    browser.set_fault(Files::Posts, None);
    browser.find(".post-body h2").await;
    assert_eq!(browser.count(".post-body .skeleton").await, 0);
    finish(browser).await;
}

#[tokio::test]
async fn an_answer_that_arrives_after_the_reader_moved_on_is_never_shown() {
    // Switched language while the English body was on its way.
    let browser = english_browser().await;
    browser.set_fault(Files::Posts, Some(Fault::Slow(Duration::from_millis(1500))));
    open_post_in_app(&browser).await;
    browser.find(".post-body .skeleton").await;
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    browser.find(".post-body h2").await;
    // Both answers are in by now; only the German one is shown.
    tokio::time::sleep(Duration::from_millis(2000)).await;
    assert_eq!(browser.path().await, DE_POST);
    let body = post_body_text(&browser).await;
    assert!(body.contains("Einleitung"), "{body}");
    assert!(!body.contains("Introduction"), "{body}");
    assert_eq!(browser.count(".post-body .skeleton, .load-error").await, 0);
    finish(browser).await;

    // Went back and on to another post while the first body was on its way.
    let browser = english_browser().await;
    browser.set_fault(Files::Posts, Some(Fault::Slow(Duration::from_millis(1500))));
    open_post_in_app(&browser).await;
    browser.js("history.back();").await;
    browser.wait_for_path("/en/").await;
    browser
        .click(&format!(".card h2 a[href='{}']", href(TOUR)))
        .await;
    browser.wait_for_path(TOUR).await;
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert_eq!(browser.text("article h1").await, "A Tour of Markdown");
    let body = post_body_text(&browser).await;
    assert!(body.contains("first item"), "{body}");
    assert!(!body.contains("Introduction"), "{body}");
    finish(browser).await;
}

#[tokio::test]
async fn a_page_whose_app_fails_to_load_stays_readable_and_its_links_work() {
    for fault in [Fault::Status(404), Fault::RedirectLoop, Fault::Truncated] {
        let browser = english_browser().await;
        browser.set_fault(Files::Wasm, Some(fault));
        browser.open_page(EN_POST).await;
        browser.find(".post-body h2#introduction").await;
        let cover = browser
            .js("const img = document.querySelector('.post-cover'); return img.complete && img.naturalWidth > 0;")
            .await;
        assert_eq!(cover, json!(true), "{fault:?}");
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            browser
                .js("return window.wasmBindings === undefined;")
                .await,
            json!(true),
            "{fault:?}"
        );
        // Plain links: the next page loads from the host, pre-rendered too.
        browser.click(".post-footer a").await;
        browser.wait_for_path("/en/").await;
        browser.find(".post-list .card").await;
        browser.click(".lang-switch a[hreflang=de]").await;
        browser.wait_for_path("/de/").await;
        assert_eq!(browser.text("h1").await, "Neueste Beiträge");
        // The only error is the app's failure to load, if the engine
        // reports it by then (WebKit does not report a failed module
        // script; Firefox reports a redirect loop once it gives up, in its
        // own words).
        let errors = browser.errors().await;
        assert!(errors.len() <= 1, "{fault:?}: {errors:?}");
        for error in errors {
            assert!(
                ["webassembly", "wasm", "failed to fetch", "networkerror"]
                    .iter()
                    .any(|cause| error.to_lowercase().contains(cause)),
                "{fault:?}: {error}"
            );
        }
        browser.close().await;
    }
}

/// Starts a German browser with `script` run before every page, opens `/`
/// and switches to English on the index; `/` then still follows the saved
/// choice where storage works, or the browser's language where it does not.
async fn switch_language_with_storage(script: &str, saved_survives: bool) {
    let browser = Browser::start(Options {
        accept_lang: "de-DE,de",
        init_script: Some(script),
        ..Options::default()
    })
    .await;
    browser.open("/").await;
    browser.wait_for_path("/de/").await;
    browser.mark_document().await;
    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path("/en/").await;
    assert!(browser.is_same_document().await, "{script}");
    assert_eq!(browser.text("h1").await, "Latest posts");
    browser.open("/").await;
    let expected = if saved_survives { "/en/" } else { "/de/" };
    browser.wait_for_path(expected).await;
    finish(browser).await;
}

#[tokio::test]
async fn missing_or_refusing_storage_never_stops_the_switch() {
    // No storage at all, as in some embedded browsers.
    switch_language_with_storage(
        "Object.defineProperty(window, 'localStorage', { value: undefined });",
        false,
    )
    .await;
    // Reading throws (blocked by the reader's settings).
    switch_language_with_storage(
        "Storage.prototype.getItem = function () { throw new DOMException('blocked', 'SecurityError'); };",
        false,
    )
    .await;
    // Writing throws, as when storage is full; reading still works.
    switch_language_with_storage(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
        false,
    )
    .await;
}

#[tokio::test]
async fn storage_that_is_really_full_only_means_the_choice_is_not_kept() {
    let browser = browser_with("de-DE,de").await;
    browser.open("/de/").await;
    // Fill this origin's storage until the browser refuses more.
    let filled = browser
        .js("let i = 0, refused = null;
             for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 8)) {
               const chunk = 'x'.repeat(size);
               try { for (;;) { localStorage.setItem('filler-' + i++, chunk); } }
               catch (e) { refused = e.name; }
             }
             return refused;")
        .await;
    assert_eq!(filled, json!("QuotaExceededError"));
    browser.mark_document().await;
    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path("/en/").await;
    assert!(browser.is_same_document().await);
    assert_eq!(browser.saved_lang().await, Value::Null);
    browser.open("/").await;
    browser.wait_for_path("/de/").await;
    finish(browser).await;
}

#[tokio::test]
async fn enormous_or_outdated_stored_values_are_ignored() {
    // Each names English in some way, yet none is a value this version
    // writes, so the German browser's language decides: a language the blog
    // no longer has, a format no version wrote, a value quoted as another
    // script might store it, and two megabytes.
    for value in [
        json!("fr").to_string(),
        json!("{\"lang\":\"en\",\"version\":1}").to_string(),
        json!("\"en\"").to_string(),
        "'en'.padEnd(2 * 1024 * 1024, ' x')".to_owned(),
    ] {
        let browser = browser_with("de-DE,de").await;
        browser.open("/de/").await;
        browser
            .js(&format!("localStorage.setItem('blog.lang', {value});"))
            .await;
        browser.open("/").await;
        browser.wait_for_path("/de/").await;
        finish(browser).await;
    }
}

#[tokio::test]
async fn a_second_tab_changing_the_language_leaves_this_one_reading() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    browser.mark_document().await;
    let reading = browser.client.window().await.expect("this tab");
    browser.open_tab().await;
    browser.open("/en/").await;
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path("/de/").await;
    assert_eq!(browser.saved_lang().await, json!("de"));
    let errors = browser.errors().await;
    assert!(errors.is_empty(), "second tab: {errors:?}");

    browser
        .client
        .switch_to_window(reading)
        .await
        .expect("back to the first tab");
    // The URL is the truth: the English post stays, untouched.
    assert_eq!(browser.path().await, EN_POST);
    assert!(browser.is_same_document().await);
    assert_eq!(
        browser.text("article h1").await,
        "The Rise of Serverless Edge Computing"
    );
    // The next visit to `/` in this tab follows the new choice.
    browser.open("/").await;
    browser.wait_for_path("/de/").await;
    finish(browser).await;
}

/// Checks the page for anything the corpus could have made run: the
/// sentinel, a dialog, live script or handler attributes, or a URL with a
/// scheme other than the safe ones. Returns the post body's markup in a
/// canonical form, for comparing renders.
async fn assert_nothing_ran(browser: &Browser, how: &str) -> String {
    assert_eq!(
        browser.js("return window.__xss === undefined;").await,
        json!(true),
        "{how}: window.__xss was set"
    );
    assert!(
        browser.client.get_alert_text().await.is_err(),
        "{how}: a dialog opened"
    );
    let found = browser
        .js(r#"
            const main = document.querySelector('main');
            const bad = [];
            for (const el of main.querySelectorAll('*')) {
              const tag = el.tagName.toLowerCase();
              // (`details` is allowed, without its `ontoggle`.)
              if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form',
                   'base', 'meta', 'textarea', 'template'].includes(tag)) {
                bad.push('element ' + tag);
              }
              // Task lists' boxes are the only inputs, and they do nothing.
              if (tag === 'input' && !(el.type === 'checkbox' && el.disabled)) {
                bad.push('input ' + el.type);
              }
              for (const attr of el.attributes) {
                if (attr.name.startsWith('on') || attr.name === 'srcdoc' || attr.name === 'style') {
                  bad.push(tag + ' ' + attr.name);
                }
              }
              for (const name of ['href', 'src']) {
                if (!el.hasAttribute(name)) continue;
                const url = new URL(el.getAttribute(name), location.href);
                if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) {
                  bad.push(tag + ' ' + name + '=' + el.getAttribute(name));
                }
              }
            }
            return bad;
        "#)
        .await;
    assert_eq!(found, json!([]), "{how}");
    // The markup in the title shows as text; raw HTML outside the
    // allow-list is left out, neither run nor shown.
    assert!(
        browser
            .text("article h1")
            .await
            .contains("<script>window.__xss=1</script>"),
        "{how}"
    );
    let body = post_body_text(browser).await;
    for left_out in ["<iframe", "<svg", "<script"] {
        assert!(!body.contains(left_out), "{how}: {left_out:?} shown");
    }
    // Elements with their attributes sorted (the server writes `class`
    // last, the browser first) and text; no comments.
    browser
        .js(r#"
            const canonical = (node) => {
              if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.data);
              if (node.nodeType !== Node.ELEMENT_NODE) return '';
              const attrs = [...node.attributes].map(a => a.name + '=' + JSON.stringify(a.value)).sort();
              const inner = [...node.childNodes].map(canonical).join('');
              return '<' + [node.localName, ...attrs].join(' ') + '>' + inner + '</' + node.localName + '>';
            };
            return canonical(document.querySelector('.post-body'));
        "#)
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn the_xss_corpus_runs_nothing_pre_rendered_or_in_the_app() {
    // Pre-rendered, as a crawler or a reader without JavaScript gets it:
    // the document's only scripts are the theme's (from index.html), the
    // loader and three data blocks that never run; all the markup is text.
    let reader = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    reader.open(XSS).await;
    let scripts = reader
        .js("return [...document.scripts].map(s => s.type + (s.id ? '#' + s.id : ''));")
        .await;
    assert_eq!(
        scripts,
        json!([
            "",
            "module",
            "application/ld+json",
            "application/json#resources",
            "application/json#site"
        ])
    );
    // The title's markup stayed inside `<title>`, as text.
    assert_eq!(
        reader.js("return document.title;").await,
        json!("</title><script>window.__xss=1</script> · Edgewise")
    );
    assert_eq!(
        reader
            .js("return document.querySelectorAll('main script, main iframe, main svg, main [onerror], main [onload]').length;")
            .await,
        json!(0)
    );
    reader.close().await;

    // Landed on, and taken over by the app.
    let browser = english_browser().await;
    browser.open(XSS).await;
    let landed = assert_nothing_ran(&browser, "pre-rendered").await;
    let title = browser.js("return document.title;").await;
    assert!(
        title
            .as_str()
            .unwrap_or_default()
            .starts_with("</title><script>window.__xss=1</script>"),
        "{title}"
    );
    // The corpus's safe links are there; only the unsafe URLs are gone.
    let links = browser.count(".post-body a[href]").await;
    assert!(links > 10, "{links} links");

    // Rendered by the app after in-app navigation, from the fetched body.
    browser.click(".post-footer a").await;
    browser.wait_for_path("/en/").await;
    browser
        .click(&format!(".card h2 a[href='{}']", href(XSS)))
        .await;
    browser.wait_for_path(XSS).await;
    browser.find(".post-body h2").await;
    let in_app = assert_nothing_ran(&browser, "in the app").await;
    assert_eq!(
        landed, in_app,
        "the pre-rendered body differs from the app's"
    );
    // Among it, every named character reference, decoded, and names that
    // are none left as written.
    for text in ["Æ", "∉", "≂̸", "&nosuch;", "&notit;", "&ampx;"] {
        assert!(in_app.contains(text), "{text} not in {in_app}");
    }
    // And reference labels in several scripts, matched whatever their case.
    for url in ["strasse", "sigma", "dz", "istanbul", "long-s", "ffi"] {
        let href = format!("href=\"https://example.com/{url}\"");
        assert!(in_app.contains(&href), "{href} not in {in_app}");
    }
    finish(browser).await;
}
