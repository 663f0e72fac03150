//! End-to-end tests: a release build of the blog (with the fixture posts in
//! `tests/fixtures/content`) in a browser driven over WebDriver: headless
//! Chromium, or Firefox or WebKit (`BLOG_E2E_ENGINE`, see the harness).

mod code;
mod hostile;
mod pagination;
mod prerendered;
mod reading;
mod search;
mod tags;
mod theme;

use std::time::Duration;

use blog_e2e::fault::{Fault, Files};
use blog_e2e::harness::{self, Browser, Options, href};
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use serde_json::{Value, json};

const EN_POST: &str = "/en/the-rise-of-serverless-edge-computing/";
const DE_POST: &str = "/de/der-aufstieg-des-serverless-edge-computing/";
const TOUR: &str = "/en/a-tour-of-markdown/";
/// The fixture post whose every line tries to run script.
const XSS: &str = "/en/xss-corpus/";

async fn browser_with(accept_lang: &str) -> Browser {
    Browser::start(Options {
        accept_lang,
        ..Options::default()
    })
    .await
}

async fn english_browser() -> Browser {
    browser_with("en-US,en").await
}

/// Asserts that nothing went wrong in the page, then ends the session.
async fn finish(browser: Browser) {
    let errors = browser.errors().await;
    assert!(errors.is_empty(), "errors in the page: {errors:?}");
    browser.close().await;
}

/// Script errors, console errors and rejections in the page's own scripts
/// reach `errors`, in every engine: what `finish` relies on.
#[tokio::test]
async fn errors_in_the_page_are_recorded() {
    let faulty = "addEventListener('DOMContentLoaded', () => {
        console.error('logged');
        setTimeout(() => { throw new Error('thrown'); });
        Promise.reject(new Error('rejected'));
    });";
    let browser = Browser::start(Options {
        init_script: Some(faulty),
        ..Options::default()
    })
    .await;
    browser.open(EN_POST).await;
    browser
        .wait_until("window.__errors && window.__errors.length >= 3")
        .await;
    let errors = browser.errors().await;
    for expected in ["logged", "thrown", "rejected"] {
        assert!(
            errors.iter().any(|error| error.contains(expected)),
            "{expected} is not in {errors:?}"
        );
    }
    browser.close().await;
}

#[tokio::test]
async fn root_sends_german_browsers_to_german_and_replaces_the_history_entry() {
    for accept in ["de-DE,de", "de-AT", "de-CH,en"] {
        let browser = browser_with(accept).await;
        // Some page before, as the site that linked here would be (a new
        // window's first page is no history entry in every engine).
        browser.open_page("/robots.txt").await;
        browser.open("/").await;
        browser.wait_for_path("/de/").await;
        assert_eq!(
            browser.text("h1").await,
            "Neueste Beiträge · Edgewise".replace(" · Edgewise", "")
        );
        assert_eq!(
            browser.js("return document.documentElement.lang;").await,
            json!("de")
        );
        let errors = browser.errors().await;
        assert!(errors.is_empty(), "errors in the page: {errors:?}");
        // `/` was replaced, not pushed: going back leaves the app.
        browser.js("history.back();").await;
        browser.wait_for_path("/robots.txt").await;
        browser.close().await;
    }
}

#[tokio::test]
async fn root_sends_other_browsers_to_english() {
    for accept in ["en-US,en", "fr-FR,fr", "es"] {
        let browser = browser_with(accept).await;
        browser.open("/").await;
        browser.wait_for_path("/en/").await;
        assert_eq!(browser.text("h1").await, "Latest posts");
        finish(browser).await;
    }
}

#[tokio::test]
async fn the_index_lists_posts_newest_first_with_cover_date_and_reading_time() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.find(".post-list").await;
    let cards = browser
        .js("return [...document.querySelectorAll('.card')].map(c => ({
            title: c.querySelector('h2 a').textContent,
            href: c.querySelector('h2 a').getAttribute('href'),
            meta: c.querySelector('.post-meta').textContent,
            description: c.querySelector('.card-description').textContent,
            cover: c.querySelector('img') && {
                alt: c.querySelector('img').alt,
                width: c.querySelector('img').getAttribute('width'),
                height: c.querySelector('img').getAttribute('height'),
                loaded: c.querySelector('img').naturalWidth > 0 || c.querySelector('img').loading === 'lazy',
            },
        }));")
        .await;
    let cards = cards.as_array().unwrap();
    // The first page holds twenty; the builds add generated posts, all older.
    assert_eq!(cards.len(), 20, "{cards:?}");
    assert_eq!(cards[0]["title"], "The Rise of Serverless Edge Computing");
    assert_eq!(cards[0]["href"], href(EN_POST));
    assert!(
        cards[0]["meta"]
            .as_str()
            .unwrap()
            .starts_with("February 13, 2026 · "),
        "{cards:?}"
    );
    assert!(
        cards[0]["meta"].as_str().unwrap().ends_with(" min read"),
        "{cards:?}"
    );
    assert!(
        cards[0]["description"]
            .as_str()
            .unwrap()
            .starts_with("Explore how serverless")
    );
    assert_eq!(cards[0]["cover"]["width"], "1200");
    assert_eq!(cards[0]["cover"]["height"], "630");
    assert!(
        cards[0]["cover"]["alt"]
            .as_str()
            .unwrap()
            .starts_with("Abstract illustration")
    );
    assert_eq!(cards[1]["title"], "A Tour of Markdown");
    assert_eq!(cards[2]["href"], href(XSS));
    assert!(
        cards[1]["meta"]
            .as_str()
            .unwrap()
            .starts_with("January 20, 2026")
    );

    browser.open("/de/").await;
    browser.find(".post-list").await;
    assert_eq!(browser.count(".card").await, 20);
    assert_eq!(
        browser.text(".card h2 a").await,
        "Der Aufstieg des Serverless Edge Computing"
    );
    let meta = browser.text(".card .post-meta").await;
    assert!(
        meta.starts_with("13. Februar 2026 · ") && meta.ends_with(" Min. Lesezeit"),
        "{meta}"
    );
    finish(browser).await;
}

#[tokio::test]
async fn a_post_shows_title_meta_cover_and_rendered_body() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    assert_eq!(
        browser.text("article h1").await,
        "The Rise of Serverless Edge Computing"
    );
    browser.find(".post-body h2#introduction").await;
    let body = browser.text(".post-body").await;
    assert!(body.contains("closer to the user—running code"), "{body}");
    assert!(!body.contains("â€"), "mojibake in {body}");
    assert_eq!(browser.count(".post-body li").await, 3);
    assert_eq!(browser.count(".post-body strong").await, 3);
    browser
        .wait_until("document.querySelector('.post-cover')?.complete")
        .await;
    let cover = browser.js("const i = document.querySelector('.post-cover'); return [i.naturalWidth, i.getAttribute('width'), i.currentSrc];").await;
    // Loaded, from a copy of the width the column needs (the page is not a phone's).
    assert!(cover[0].as_u64().unwrap() > 0, "{cover}");
    assert_eq!(cover[1], "1200");
    assert!(
        cover[2].as_str().unwrap().ends_with("/cover.800.webp"),
        "{cover}"
    );
    finish(browser).await;
}

#[tokio::test]
async fn head_tags_follow_the_route() {
    let browser = english_browser().await;
    browser.open(DE_POST).await;
    browser.find(".post-body h2").await;
    let head = browser
        .js("return {
            lang: document.documentElement.lang,
            title: document.title,
            description: document.querySelector('meta[name=description]').content,
            canonical: document.querySelector('link[rel=canonical]').href,
            alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => [l.hreflang, new URL(l.href).pathname]),
            descriptions: document.querySelectorAll('meta[name=description]').length,
        };")
        .await;
    assert_eq!(head["lang"], "de");
    assert_eq!(
        head["title"],
        "Der Aufstieg des Serverless Edge Computing · Edgewise"
    );
    assert!(
        head["description"]
            .as_str()
            .unwrap()
            .starts_with("Erfahren Sie")
    );
    let canonical = head["canonical"].as_str().unwrap();
    assert!(
        canonical.starts_with("http") && canonical.ends_with(&href(DE_POST)),
        "{canonical}"
    );
    assert_eq!(
        head["alternates"],
        json!([
            ["en", href(EN_POST)],
            ["de", href(DE_POST)],
            ["x-default", href(EN_POST)]
        ])
    );
    assert_eq!(head["descriptions"], 1);

    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path(EN_POST).await;
    browser
        .wait_until("document.title === 'The Rise of Serverless Edge Computing · Edgewise'")
        .await;
    browser
        .wait_until("document.documentElement.lang === 'en'")
        .await;
    assert_eq!(browser.count("link[rel=canonical]").await, 1);
    assert_eq!(browser.count("meta[name=description]").await, 1);
    finish(browser).await;
}

#[tokio::test]
async fn switching_language_on_a_post_shows_its_translation_without_a_reload() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    browser.find(".post-body h2").await;
    let switcher = browser
        .js("return [...document.querySelectorAll('.lang-switch a')].map(a => [a.getAttribute('href'), a.hreflang, a.lang, a.getAttribute('aria-current')]);")
        .await;
    assert_eq!(
        switcher,
        json!([
            [href(EN_POST), "en", "en", "true"],
            [href(DE_POST), "de", "de", null]
        ])
    );
    browser.mark_document().await;

    let link = browser.find(".lang-switch a[hreflang=de]").await;
    link.send_keys("\u{E007}").await.unwrap(); // Enter
    browser.wait_for_path(DE_POST).await;
    browser
        .wait_until("document.querySelector('.post-body h2')?.textContent.startsWith('Einleitung')")
        .await;
    // Keyboard focus stays on the switcher instead of falling back to the page.
    let focused = browser
        .js("return document.activeElement.getAttribute('hreflang');")
        .await;
    assert_eq!(focused, json!("de"));
    assert_eq!(
        browser.text("article h1").await,
        "Der Aufstieg des Serverless Edge Computing"
    );
    assert!(browser.is_same_document().await, "the page was reloaded");
    assert_eq!(browser.saved_lang().await, json!("de"));
    assert_eq!(
        browser
            .js("return document.querySelector('.lang-switch a[aria-current]').hreflang;")
            .await,
        json!("de")
    );
    finish(browser).await;
}

#[tokio::test]
async fn the_saved_choice_survives_a_reload_a_new_tab_and_a_later_visit_to_root() {
    let browser = browser_with("de-DE,de").await;
    browser.open("/de/").await;
    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path("/en/").await;
    assert_eq!(browser.saved_lang().await, json!("en"));

    browser.client.refresh().await.unwrap();
    browser.find(".post-list").await;
    assert_eq!(browser.path().await, "/en/");

    browser.open("/").await;
    browser.wait_for_path("/en/").await;

    browser.open_tab().await;
    browser.open("/").await;
    browser.wait_for_path("/en/").await;
    assert_eq!(browser.text("h1").await, "Latest posts");
    finish(browser).await;
}

#[tokio::test]
async fn a_deep_link_shows_the_language_of_its_url_whatever_is_saved() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.js("localStorage.setItem('blog.lang', 'de');").await;
    browser.open(EN_POST).await;
    assert_eq!(
        browser.text("article h1").await,
        "The Rise of Serverless Edge Computing"
    );
    assert_eq!(
        browser.js("return document.documentElement.lang;").await,
        json!("en")
    );

    browser.js("localStorage.setItem('blog.lang', 'en');").await;
    browser.open(DE_POST).await;
    assert_eq!(
        browser.text("article h1").await,
        "Der Aufstieg des Serverless Edge Computing"
    );
    browser.find(".post-body h2").await;
    // Following a deep link is no choice: nothing was saved over the old value.
    assert_eq!(browser.saved_lang().await, json!("en"));
    finish(browser).await;
}

#[tokio::test]
async fn in_app_navigation_and_the_back_button_stay_in_the_page() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.mark_document().await;
    browser
        .click(&format!(".card h2 a[href='{}']", href(EN_POST)))
        .await;
    browser.wait_for_path(EN_POST).await;
    browser.find(".post-body h2").await;
    browser.click(".post-footer a").await;
    browser.wait_for_path("/en/").await;
    browser.client.back().await.unwrap();
    browser.wait_for_path(EN_POST).await;
    assert_eq!(
        browser.text("article h1").await,
        "The Rise of Serverless Edge Computing"
    );
    browser.client.back().await.unwrap();
    browser.wait_for_path("/en/").await;
    browser.find(".post-list").await;
    browser.client.forward().await.unwrap();
    browser.wait_for_path(EN_POST).await;
    assert!(
        browser.is_same_document().await,
        "navigation reloaded the page"
    );
    finish(browser).await;
}

#[tokio::test]
async fn unknown_paths_show_a_404_in_the_right_language_with_a_way_home() {
    let browser = english_browser().await;
    for (path, lang, heading, home) in [
        ("/fr/", "en", "Page not found", "/en/"),
        ("/en/no-such-post", "en", "Page not found", "/en/"),
        ("/de/no-such-post", "de", "Seite nicht gefunden", "/de/"),
        ("/anything", "en", "Page not found", "/en/"),
        ("/de/a/b/c", "de", "Seite nicht gefunden", "/de/"),
        (
            &format!("/de/{}", EN_POST.trim_start_matches("/en/")),
            "de",
            "Seite nicht gefunden",
            "/de/",
        ),
    ] {
        browser.open(path).await;
        assert_eq!(browser.text("main h1").await, heading, "{path}");
        assert_eq!(
            browser.js("return document.documentElement.lang;").await,
            json!(lang),
            "{path}"
        );
        assert_eq!(
            browser
                .js("return document.querySelector('.not-found a').getAttribute('href');")
                .await,
            json!(href(home)),
            "{path}"
        );
        // The head's tags follow once the page is painted.
        browser
            .wait_until("document.querySelector('meta[name=robots][content=noindex]') !== null")
            .await;
        assert_eq!(
            browser.count("meta[name=robots][content=noindex]").await,
            1,
            "{path}"
        );
    }
    browser.click(".not-found a").await;
    browser.wait_for_path("/de/").await;
    browser.find(".post-list").await;
    finish(browser).await;
}

#[tokio::test]
async fn a_post_without_translation_says_so_and_switches_to_the_other_index() {
    let browser = english_browser().await;
    browser.open(TOUR).await;
    let note = browser.text("#untranslated-note").await;
    assert_eq!(note, "This post is not available in German.");
    let link = browser
        .js("const a = document.querySelector('.lang-switch a[hreflang=de]'); return [a.getAttribute('href'), a.title, a.getAttribute('aria-describedby')];")
        .await;
    assert_eq!(
        link,
        json!([
            href("/de/"),
            "Nicht übersetzt: zur deutschen Übersicht",
            "untranslated-note"
        ])
    );
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path("/de/").await;
    browser.find(".post-list").await;
    assert_eq!(browser.count("#untranslated-note").await, 0);
    finish(browser).await;
}

#[tokio::test]
async fn markdown_renders_every_element_and_never_injects_markup() {
    let browser = english_browser().await;
    browser.open(TOUR).await;
    browser.find(".post-body .footnotes").await;
    for (css, count) in [
        (".post-body em", 1),
        (".post-body strong", 1),
        (".post-body del", 1),
        (".post-body ul > li", 4),
        (".post-body ol[start='3'] > li", 2),
        (".post-body input[type=checkbox][disabled]", 2),
        (".post-body input[type=checkbox]:checked", 1),
        (".post-body blockquote p", 1),
        (".post-body pre code.language-rust", 1),
        (".post-body table thead th", 2),
        (".post-body table tbody tr", 2),
        (".post-body td.align-right", 2),
        (".post-body sup.footnote-ref a[href='#fn-1']", 1),
        (".post-body .footnotes li#fn-1", 1),
        (
            format!(
                ".post-body img[src='{}'][loading=lazy][alt='A small diagram']",
                href("/posts/markdown-tour/diagram.svg")
            )
            .as_str(),
            1,
        ),
        (
            ".post-body a[href='https://example.com/'][rel='noopener noreferrer']",
            1,
        ),
        (format!(".post-body a[href='{}']", href("/de/")).as_str(), 1),
        (".post-body script", 0),
        (".post-body b", 0),
        ("a[href^='javascript']", 0),
    ] {
        assert_eq!(browser.count(css).await, count, "{css}");
    }
    // Raw HTML outside the allow-list is left out: a script with its
    // content, a `<b>` but not its text.
    let body = browser.text(".post-body").await;
    assert!(!body.contains("__injected"), "{body}");
    assert!(body.contains("Inline bold? is left out"), "{body}");
    assert!(!body.contains("<b"), "{body}");
    assert_eq!(
        browser.js("return window.__injected === undefined;").await,
        json!(true)
    );
    // The image is lazy: bring it into view, then it loads from the post's folder.
    browser
        .js("document.querySelector('.post-body img').scrollIntoView();")
        .await;
    browser
        .wait_until("document.querySelector('.post-body img')?.naturalWidth === 240")
        .await;
    finish(browser).await;
}

/// An image's place is kept while it loads: its size is in the page, so
/// the text below it does not move when it arrives (which WebKit, without
/// scroll anchoring, would show as a jump of whatever is read below it).
#[tokio::test]
async fn images_keep_their_place_while_they_load() {
    let browser = english_browser().await;
    browser.set_fault(
        Files::PostFolders,
        Some(Fault::Slow(Duration::from_secs(5))),
    );
    browser.open(TOUR).await;
    browser.find(".post-body .footnotes").await;
    let image = browser
        .js("const image = document.querySelector('.post-body img');
             image.scrollIntoView();
             const box = image.getBoundingClientRect();
             return [image.getAttribute('width'), image.getAttribute('height'),
                     image.naturalWidth, box.width, box.height];")
        .await;
    let [width, height, natural_width, box_width, box_height] =
        image.as_array().unwrap().as_slice()
    else {
        panic!("{image}");
    };
    // The SVG's own width="240" height="80", read at build time.
    assert_eq!((width, height), (&json!("240"), &json!("80")), "{image}");
    assert_eq!(
        natural_width,
        &json!(0),
        "the image arrived too soon: {image}"
    );
    let (box_width, box_height) = (box_width.as_f64().unwrap(), box_height.as_f64().unwrap());
    assert!(
        box_height > 0.0 && (box_width / box_height - 3.0).abs() < 0.05,
        "no place kept for the image: {image}"
    );
    browser.set_fault(Files::PostFolders, None);
    finish(browser).await;
}

#[tokio::test]
async fn footnote_and_heading_links_jump_within_the_post() {
    let browser = Browser::start(Options {
        size: (1280, 500),
        ..Options::default()
    })
    .await;
    browser.open(TOUR).await;
    browser.find(".post-body .footnotes").await;
    browser.mark_document().await;
    browser.click(".footnote-ref a").await;
    browser.wait_until("location.hash === '#fn-1'").await;
    // In view: Firefox scrolls it to the top to within half a pixel.
    browser.wait_until("(() => { const r = document.getElementById('fn-1').getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; })()").await;
    browser.click("#fn-1 .footnote-back").await;
    browser.wait_until("location.hash === '#fnref-1'").await;
    browser
        .js("document.querySelector('#a-table .heading-anchor').click();")
        .await;
    browser.wait_until("location.hash === '#a-table'").await;
    assert_eq!(browser.path().await, TOUR);
    assert!(
        browser.is_same_document().await,
        "a fragment link reloaded the page"
    );
    assert_eq!(
        browser.count(".post-body h2").await,
        5,
        "the body was rendered again or lost"
    );
    finish(browser).await;
}

#[test]
fn the_wasm_carries_neither_the_index_nor_the_bodies() {
    let dist = harness::dist_dir();
    let wasm = std::fs::read_dir(&dist)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|ext| ext == "wasm"))
        .expect("a .wasm in the build");
    let wasm = std::fs::read(wasm).unwrap();
    let contains = |text: &str| {
        wasm.windows(text.len())
            .any(|window| window == text.as_bytes())
    };
    // The app is the same for any number of posts: their data is fetched.
    assert!(!contains("The Rise of Serverless Edge Computing"));
    assert!(!contains("der-aufstieg-des-serverless-edge-computing"));
    assert!(!contains(
        "Traditionally, serverless functions ran in centralized data centers"
    ));
    assert!(!contains("Traditionell liefen Serverless-Funktionen"));
}

/// WCAG contrast of the text people read, in light and dark mode.
#[tokio::test]
async fn text_meets_wcag_aa_contrast_in_light_and_dark_mode() {
    const CONTRAST: &str = r#"
        const rgb = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
        const luminance = (color) => {
            const [r, g, b] = rgb(color).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const background = (element) => {
            for (let e = element; e; e = e.parentElement) {
                const color = getComputedStyle(e).backgroundColor;
                if (!color.startsWith('rgba(0, 0, 0, 0)') && color !== 'transparent') return color;
            }
            return 'rgb(255, 255, 255)';
        };
        return [...document.querySelectorAll(arguments[0])].map((element) => {
            const [a, b] = [luminance(getComputedStyle(element).color), luminance(background(element))];
            return [element.tagName + '.' + element.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
        });
    "#;
    let selectors = "body, .site-name, .lang-switch a, #untranslated-note, h1, .post-meta, .post-body p, .post-body a, \
                     .post-body blockquote p, .post-body code, .footnotes li, .site-footer p";
    for scheme in ["light", "dark"] {
        let browser = Browser::start(Options {
            dark: scheme == "dark",
            ..Options::default()
        })
        .await;
        // The text of a post, then every token class of highlighted code.
        let code = "/en/code-in-every-language/";
        for (path, selectors, at_least) in [
            (TOUR, selectors, 10),
            (code, ".post-body pre code span", 200),
        ] {
            browser.open(path).await;
            browser.find(".post-body p").await;
            let ratios = browser
                .client
                .execute(CONTRAST, vec![json!(selectors)])
                .await
                .unwrap();
            let ratios = ratios.as_array().unwrap();
            assert!(ratios.len() > at_least, "{path}: {ratios:?}");
            for ratio in ratios {
                assert!(
                    ratio[1].as_f64().unwrap() >= 4.5,
                    "{scheme}: {ratio:?} is below 4.5:1 on {path}"
                );
            }
        }
        finish(browser).await;
    }
}

#[tokio::test]
async fn storage_that_throws_is_ignored() {
    let throwing = "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });";
    let browser = Browser::start(Options {
        accept_lang: "de-DE,de",
        init_script: Some(throwing),
        ..Options::default()
    })
    .await;
    browser.open("/").await;
    browser.wait_for_path("/de/").await;
    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path("/en/").await;
    browser
        .click(&format!(".card h2 a[href='{}']", href(EN_POST)))
        .await;
    browser.find(".post-body h2").await;
    browser.open("/").await;
    // Nothing could be saved, so the browser's language decides again.
    browser.wait_for_path("/de/").await;
    finish(browser).await;
}

#[tokio::test]
async fn garbage_in_storage_is_ignored() {
    for garbage in ["fr", "{\"lang\":\"en\"}", "", "DE", "null"] {
        let browser = browser_with("de-DE,de").await;
        browser.open("/de/").await;
        browser
            .js(&format!(
                "localStorage.setItem('blog.lang', {});",
                json!(garbage)
            ))
            .await;
        browser.open("/").await;
        browser.wait_for_path("/de/").await;
        finish(browser).await;
    }
}

#[tokio::test]
async fn a_skeleton_holds_the_place_of_the_body_without_moving_the_layout() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.find(".post-list").await;
    browser.set_fault(Files::Posts, Some(Fault::Slow(Duration::from_millis(1500))));
    browser
        .click(&format!(".card h2 a[href='{}']", href(EN_POST)))
        .await;
    browser.find(".skeleton[aria-busy=true]").await;
    assert_eq!(
        browser
            .js("return document.querySelector('.skeleton [role=status]').textContent;")
            .await,
        json!("Loading the post…")
    );
    let before = browser
        .js("return document.querySelector('.post-cover').getBoundingClientRect().top;")
        .await;
    browser.find(".post-body h2#introduction").await;
    let after = browser
        .js("return document.querySelector('.post-cover').getBoundingClientRect().top;")
        .await;
    assert_eq!(before, after, "the cover moved when the body arrived");
    assert_eq!(browser.count(".skeleton").await, 0);
    finish(browser).await;
}

#[tokio::test]
async fn hovering_a_post_link_prefetches_it() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    let link = browser
        .find(&format!(".card h2 a[href='{}']", href(EN_POST)))
        .await;
    let fetched = "performance.getEntriesByType('resource').some(e => e.name.endsWith('/data/en/post/the-rise-of-serverless-edge-computing.txt'))";
    assert_eq!(
        browser.js(&format!("return {fetched};")).await,
        Value::Bool(false)
    );
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: link,
        duration: Some(Duration::from_millis(50)),
        x: 0.0,
        y: 0.0,
    });
    browser.client.perform_actions(hover).await.unwrap();
    browser.wait_until(fetched).await;
    browser
        .click(&format!(".card h2 a[href='{}']", href(EN_POST)))
        .await;
    browser.find(".post-body h2#introduction").await;
    let requests = browser.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/data/en/post/')).length;").await;
    assert_eq!(requests, json!(1), "the post was fetched twice");
    finish(browser).await;
}

#[tokio::test]
async fn pointing_at_or_focusing_any_link_of_the_blog_prefetches_its_page() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    browser.wait_for_app().await;
    // Whether the page's data file of a link was requested: an index, a
    // post or page, a tag's list, or the list of tags.
    let fetched = |selector: &str| {
        format!(
            "(() => {{
               const path = new URL(document.querySelector(\"{selector}\").href).pathname
                 .slice({base_len});
               const [lang, kind, slug] = path.split('/');
               const file = kind === 'tags' && slug ? `${{lang}}/tag/${{slug}}/1.txt`
                 : kind === 'tags' ? `${{lang}}/tags.txt`
                 : kind ? `${{lang}}/post/${{kind}}.txt` : `${{lang}}/page/1.txt`;
               return performance.getEntriesByType('resource')
                 .filter(e => e.name.endsWith('/data/' + file)).length;
             }})()",
            base_len = href("/").len()
        )
    };
    let links = [
        ".site-footer a[href^='/']",
        ".site-header a.site-tags",
        ".lang-switch a[hreflang=de]",
        ".tag-links a",
    ];
    for selector in links {
        assert_eq!(
            browser.js(&format!("return {};", fetched(selector))).await,
            json!(0),
            "{selector} was fetched before"
        );
    }
    // Pointed at with the mouse, or focused from the keyboard. (WebDriver
    // moves the pointer only within the viewport.)
    browser
        .js(&format!(
            "document.querySelector(\"{}\").scrollIntoView({{ block: 'center' }});",
            links[0]
        ))
        .await;
    let footer = browser.find(links[0]).await;
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: footer,
        duration: Some(Duration::from_millis(50)),
        x: 0.0,
        y: 0.0,
    });
    browser.client.perform_actions(hover).await.unwrap();
    for selector in &links[1..] {
        browser
            .js(&format!("document.querySelector(\"{selector}\").focus();"))
            .await;
    }
    for selector in links {
        browser
            .wait_until(&format!("{} === 1", fetched(selector)))
            .await;
    }
    // Followed, the page is drawn at once from what was fetched.
    browser.click(links[0]).await;
    browser.find(".post-body").await;
    assert_eq!(
        browser.js(&format!("return {};", fetched(links[0]))).await,
        json!(1),
        "the page was fetched twice"
    );
    finish(browser).await;
}

/// Notes in `window.__skeletons` every skeleton added to the page from now on.
const COUNT_SKELETONS: &str = "window.__skeletons = 0;
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes)
    if (node.nodeType === 1 && (node.matches('.skeleton') || node.querySelector('.skeleton')))
      window.__skeletons += 1;
}).observe(document.body, { childList: true, subtree: true });";

#[tokio::test]
async fn pages_shown_before_come_back_at_once_without_a_skeleton() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    let card = format!(".card h2 a[href='{}']", href(EN_POST));
    browser.click(&card).await;
    browser.find(".post-body h2#introduction").await;
    browser.js(COUNT_SKELETONS).await;
    browser.js("history.back();").await;
    browser.wait_for_path("/en/").await;
    browser.find(".post-list .card").await;
    // Drawn before the page's next task: nothing is waited for.
    let drawn = browser
        .js(&format!(
            "return new Promise((done) => {{
               document.querySelector(\"{card}\").click();
               setTimeout(() => done(document.querySelector('.post-body h2#introduction') !== null));
             }});"
        ))
        .await;
    assert_eq!(drawn, json!(true), "the post was not drawn at once");
    assert_eq!(
        browser.js("return window.__skeletons;").await,
        json!(0),
        "a page whose file was in memory showed a skeleton first"
    );
    let requests = browser.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/data/')).length;").await;
    assert_eq!(requests, json!(1), "the post's file was fetched again");
    finish(browser).await;
}

#[tokio::test]
async fn the_skip_link_moves_focus_to_the_content() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    browser.find(".post-list").await;
    browser
        .client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E004}")
        .await
        .unwrap(); // Tab
    assert_eq!(
        browser.js("return document.activeElement.className;").await,
        json!("skip-link")
    );
    assert_eq!(
        browser
            .js("return document.activeElement.getBoundingClientRect().top >= 0;")
            .await,
        json!(true)
    );
    browser.click(".skip-link").await;
    assert_eq!(
        browser.js("return document.activeElement.id;").await,
        json!("main")
    );
    finish(browser).await;
}

/// Saves screenshots to `tests/screenshots/` for a person to look at, and
/// checks what can be checked by machine: no horizontal scroll at any width
/// (as narrow as the engine's window goes: Firefox's and WebKit's stop at
/// about 450 to 500 px).
#[tokio::test]
async fn pages_fit_every_width_and_are_captured_for_review() {
    let mut widths_seen = Vec::new();
    for (width, height) in [(320, 800), (390, 844), (1280, 900)] {
        let browser = Browser::start(Options {
            size: (width, height),
            ..Options::default()
        })
        .await;
        // Measured on a page of the site: a blank page has no viewport tag,
        // and a phone lays it out 980 px wide.
        browser.open("/en/").await;
        let width = browser.viewport_width().await;
        if widths_seen.contains(&width) {
            browser.close().await;
            continue;
        }
        widths_seen.push(width);
        for (name, path) in [
            ("index-en", "/en/"),
            ("index-de", "/de/"),
            ("post-en", EN_POST),
            ("post-de", DE_POST),
            ("tour-en", TOUR),
            ("xss-en", XSS),
            ("code-en", "/en/code-in-every-language/"),
            ("imprint-de", "/de/impressum/"),
        ] {
            browser.open(path).await;
            browser.find(".post-list, .post-body p").await;
            browser
                // Lazy images far below the fold load only when scrolled to
                // (in Firefox, `complete` stays false until then).
                .wait_until("[...document.images].every(i => i.complete || i.loading === 'lazy')")
                .await;
            let overflow = browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
            assert_eq!(overflow, json!(0), "{path} scrolls sideways at {width}px");
            let png = browser.client.screenshot().await.unwrap();
            std::fs::write(harness::screenshot_file(&format!("{name}-{width}")), png).unwrap();
        }
        finish(browser).await;
    }
    let browser = Browser::start(Options {
        dark: true,
        ..Options::default()
    })
    .await;
    for (name, path) in [
        ("index-en", "/en/"),
        ("tour-en", TOUR),
        ("code-en", "/en/code-in-every-language/"),
    ] {
        browser.open(path).await;
        browser.find(".post-list, .post-body p").await;
        let background = browser
            .js("return getComputedStyle(document.body).backgroundColor;")
            .await;
        assert_eq!(
            background,
            json!("rgb(18, 20, 23)"),
            "dark colours on {path}"
        );
        let png = browser.client.screenshot().await.unwrap();
        std::fs::write(harness::screenshot_file(&format!("{name}-dark-1280")), png).unwrap();
    }
    finish(browser).await;
}

#[tokio::test]
async fn covers_come_in_the_widths_the_layout_needs() {
    // A phone's column (about 350 CSS pixels) at one device pixel a pixel.
    let browser = Browser::start(Options {
        size: (390, 844),
        ..Options::default()
    })
    .await;
    for path in [EN_POST, "/en/"] {
        browser.open(path).await;
        let images = browser
            .js(
                "return [...document.querySelectorAll('.post-cover, .card-cover img')].map(i => ({
                srcset: i.getAttribute('srcset'), sizes: i.getAttribute('sizes'),
                width: i.getAttribute('width'), height: i.getAttribute('height'),
                loading: i.getAttribute('loading'), priority: i.getAttribute('fetchpriority'),
            }));",
            )
            .await;
        let images = images.as_array().unwrap();
        assert!(!images.is_empty(), "{path}");
        for (position, image) in images.iter().enumerate() {
            let srcset = image["srcset"]
                .as_str()
                .unwrap_or_else(|| panic!("{path}: {image}"));
            let widths: Vec<&str> = srcset
                .split(", ")
                .map(|candidate| candidate.rsplit(' ').next().unwrap())
                .collect();
            assert_eq!(widths, ["480w", "800w", "1200w"], "{path}: {srcset}");
            for candidate in srcset.split(", ") {
                let url = candidate.split(' ').next().unwrap();
                let (status, kind, _) =
                    harness::fetch(&format!("/{}", &url[harness::base().len()..]));
                assert_eq!((status, kind.as_str()), (200, "image/webp"), "{url}");
            }
            assert!(
                image["sizes"].as_str().unwrap().contains("100vw"),
                "{image}"
            );
            assert!(
                image["width"].is_string() && image["height"].is_string(),
                "{image}"
            );
            // The first image is the largest paint: loaded at once, first.
            if position == 0 {
                assert_eq!(image["priority"], "high", "{path}: {image}");
                assert_ne!(image["loading"], "lazy", "{path}: {image}");
            } else {
                assert_eq!(image["loading"], "lazy", "{path}: {image}");
            }
        }
    }
    // The phone takes the narrowest copy of the post's cover.
    browser.open(EN_POST).await;
    browser
        .wait_until("document.querySelector('.post-cover')?.complete")
        .await;
    let chosen = browser
        .js("return document.querySelector('.post-cover').currentSrc;")
        .await;
    assert!(
        chosen.as_str().unwrap().ends_with("/cover.480.webp"),
        "{chosen}"
    );
    finish(browser).await;
}
