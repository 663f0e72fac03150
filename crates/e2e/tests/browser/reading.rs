//! Reading a post: a table of contents that works without JavaScript, sits
//! beside the text where there is room, and marks the section being read,
//! also on a load with `#hash`, after a reload and at the end; the links to
//! its translation and to the posts beside it.

use std::time::Duration;

use serde_json::json;

use crate::{DE_POST, EN_POST, TOUR, english_browser, finish};
use blog_e2e::harness::{Browser, Options, href};

/// The `href` of the first element `css` finds, as written (WebKit's driver
/// gives the resolved URL for `attr`).
async fn href_of(browser: &Browser, css: &str) -> serde_json::Value {
    browser.find(css).await;
    browser
        .js(&format!(
            "return document.querySelector(\"{css}\").getAttribute('href');"
        ))
        .await
}

/// The `#id`s the table of contents links to, in order.
async fn toc_targets(browser: &Browser) -> Vec<String> {
    let hrefs = browser
        .js("return [...document.querySelectorAll('.post-toc a')].map((a) => a.getAttribute('href'));")
        .await;
    hrefs
        .as_array()
        .unwrap()
        .iter()
        .map(|href| href.as_str().unwrap().to_owned())
        .collect()
}

/// The `href` of the link marked as the section being read, once it is
/// `expected` (or after two seconds, whatever it is then).
async fn current_section(browser: &Browser, expected: Option<&str>) -> serde_json::Value {
    let script = "return document.querySelector('.post-toc a[aria-current=location]')?.getAttribute('href') ?? null;";
    for _ in 0..40 {
        let now = browser.js(script).await;
        if now == json!(expected) {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    browser.js(script).await
}

#[tokio::test]
async fn a_post_with_sections_lists_them_and_the_links_work_without_javascript() {
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    browser.open(EN_POST).await;
    assert_eq!(
        browser.text(".post-toc details[open] summary").await,
        "Contents"
    );
    let targets = toc_targets(&browser).await;
    assert_eq!(targets.len(), 9, "{targets:?}");
    assert_eq!(targets[0], "#introduction");
    assert_eq!(browser.count(".post-toc li.toc-sub").await, 3);
    for target in &targets {
        assert_eq!(
            browser
                .count(&format!(".post-body :is(h2, h3)[id='{}']", &target[1..]))
                .await,
            1,
            "{target}"
        );
    }
    // Each heading keeps its own link to itself.
    assert_eq!(browser.count(".post-body h2 .heading-anchor").await, 6);
    browser.click(".post-toc li:nth-child(7) a").await;
    assert_eq!(
        browser.js("return location.hash;").await,
        json!("#real-world-use-cases")
    );
    // Posts with fewer than three sections have none.
    browser.open("/en/code-in-every-language/").await;
    assert_eq!(browser.count(".post-toc").await, 0);
    browser.close().await;
}

#[tokio::test]
async fn the_section_being_read_is_marked_from_a_hash_a_scroll_a_reload_and_at_the_end() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    let targets = toc_targets(&browser).await;
    // At the top, under the cover, no section has been reached.
    assert_eq!(current_section(&browser, None).await, json!(null));
    // Scrolled to a section.
    browser
        .js(&format!(
            "document.getElementById('{}').scrollIntoView();",
            &targets[3][1..]
        ))
        .await;
    assert_eq!(
        current_section(&browser, Some(&targets[3])).await,
        json!(targets[3])
    );
    // Reloaded there: the mark follows the scroll position the browser
    // restores (where it restores none, the page is at its top: no mark).
    let before = browser.js("return Math.round(scrollY);").await;
    browser.client.refresh().await.unwrap();
    browser.wait_for_app().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let restored = browser.js("return Math.round(scrollY);").await == before;
    let expected = restored.then_some(targets[3].as_str());
    assert_eq!(
        current_section(&browser, expected).await,
        json!(expected),
        "restored: {restored}"
    );
    // At the very end, the last section, though its heading never reaches
    // the top of the window.
    browser
        .js("window.scrollTo(0, document.documentElement.scrollHeight);")
        .await;
    assert_eq!(
        current_section(&browser, Some("#conclusion")).await,
        json!("#conclusion")
    );
    // A link to one of the last sections, followed: that one, not the last.
    browser.click(".post-toc a[href='#challenges-ahead']").await;
    assert_eq!(
        current_section(&browser, Some("#challenges-ahead")).await,
        json!("#challenges-ahead")
    );
    // Opened with a `#hash`.
    browser.open(&format!("{EN_POST}#key-benefits")).await;
    assert_eq!(
        current_section(&browser, Some("#key-benefits")).await,
        json!("#key-benefits")
    );
    finish(browser).await;
}

#[tokio::test]
async fn the_contents_sit_beside_the_text_on_wide_screens_and_above_it_on_phones() {
    for (width, beside) in [(1280, true), (390, false)] {
        let browser = Browser::start(Options {
            size: (width, 900),
            ..Options::default()
        })
        .await;
        browser.open(EN_POST).await;
        let boxes = browser
            .js(
                "const r = (s) => document.querySelector(s).getBoundingClientRect();
                 const [toc, body] = [r('.post-toc'), r('.post-body')];
                 return [toc.left >= body.right, toc.bottom <= body.top];",
            )
            .await;
        assert_eq!(boxes, json!([beside, !beside]), "at {width}px");
        finish(browser).await;
    }
}

#[tokio::test]
async fn a_post_leads_to_its_translation_and_to_the_posts_beside_it() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    assert_eq!(browser.text(".post-translations").await, "Also in Deutsch");
    assert_eq!(
        href_of(
            &browser,
            ".post-header .post-translations a[hreflang=de][lang=de]"
        )
        .await,
        json!(href(DE_POST))
    );
    // The newest post: an older one, no newer.
    assert_eq!(browser.count(".post-nav a[rel=next]").await, 0);
    assert_eq!(
        href_of(&browser, ".post-nav a[rel=prev]").await,
        json!(href(TOUR))
    );
    assert_eq!(
        browser.text(".post-nav a[rel=prev] .post-nav-label").await,
        "Older"
    );
    assert_eq!(
        browser.text(".post-nav a[rel=prev] .post-nav-title").await,
        "A Tour of Markdown"
    );
    // Followed in the app, without a reload; the tour has both, and no
    // translation to offer.
    browser.mark_document().await;
    browser.click(".post-nav a[rel=prev]").await;
    browser.wait_for_path(TOUR).await;
    browser
        .wait_until("document.querySelector('main h1')?.textContent === 'A Tour of Markdown'")
        .await;
    assert!(browser.is_same_document().await);
    assert_eq!(browser.count(".post-translations").await, 0);
    assert_eq!(
        href_of(&browser, ".post-nav a[rel=next]").await,
        json!(href(EN_POST))
    );
    assert_eq!(
        href_of(&browser, ".post-nav a[rel=prev]").await,
        json!(href("/en/xss-corpus/"))
    );
    // And in German, in German.
    browser.open(DE_POST).await;
    assert_eq!(browser.text(".post-translations").await, "Auch auf English");
    assert_eq!(
        browser.text(".post-nav a[rel=prev] .post-nav-label").await,
        "Älter"
    );
    finish(browser).await;
}

#[tokio::test]
async fn switching_language_on_a_post_keeps_the_section_being_read() {
    let browser = english_browser().await;
    browser.open(EN_POST).await;
    browser
        .js("document.getElementById('real-world-use-cases').scrollIntoView();")
        .await;
    // Once the page has seen the scroll (the contents mark the section).
    assert_eq!(
        current_section(&browser, Some("#real-world-use-cases")).await,
        json!("#real-world-use-cases")
    );
    browser.mark_document().await;
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    browser.wait_until("location.hash !== ''").await;
    assert!(browser.is_same_document().await);
    // The seventh heading there as here, at the top of the window.
    let place = browser
        .js("const heading = document.querySelectorAll('.post-body h2[id], .post-body h3[id]')[6];
             return [location.hash, '#' + heading.id, Math.round(heading.getBoundingClientRect().top)];")
        .await;
    assert_eq!(place[0], place[1], "{place:?}");
    assert_eq!(
        place[0],
        json!("#anwendungsfaelle-in-der-praxis"),
        "{place:?}"
    );
    let top = place[2].as_i64().unwrap();
    assert!((-2..60).contains(&top), "{place:?}");
    finish(browser).await;
}

/// A post followed from far down the index is drawn at its top in the very
/// frame that first shows it (the URL follows after that frame), and going
/// back returns to the card the reader left, in the app.
#[tokio::test]
async fn a_followed_link_opens_at_the_top_and_back_returns_to_the_place_left() {
    let browser = english_browser().await;
    browser.open("/en/").await;
    // Scrolled there, and a frame later (when the page hears of it) clicked.
    browser
        .js("window.__scrolled = false;
             window.scrollTo(0, 600);
             requestAnimationFrame(() => requestAnimationFrame(() => { window.__scrolled = true; }));")
        .await;
    browser
        .wait_until("window.__scrolled && Math.round(scrollY) === 600")
        .await;
    browser.mark_document().await;
    // A card's link wholly in view, clicked; the next frame notes what it shows.
    let target = browser
        .js("const link = [...document.querySelectorAll('main h2 a')]
                 .find((a) => a.getBoundingClientRect().top > 0);
             window.__firstFrame = null;
             link.click();
             requestAnimationFrame(() => {
               window.__firstFrame = [Boolean(document.querySelector('.post-body')), Math.round(scrollY)];
             });
             return link.pathname;")
        .await;
    let target = target.as_str().expect("a path").to_owned();
    browser.wait_until("window.__firstFrame !== null").await;
    assert_eq!(
        browser.js("return window.__firstFrame;").await,
        json!([true, 0]),
        "the post's first frame: drawn, at its top"
    );
    browser
        .wait_until(&format!("location.pathname === {}", json!(target)))
        .await;
    let post = browser.path().await;
    browser.js("history.back();").await;
    browser.wait_for_path("/en/").await;
    browser
        .wait_until("document.querySelector('.post-body') === null && Math.round(scrollY) === 600")
        .await;
    // Forward to the post, at its top, and back again: the same place.
    browser.js("history.forward();").await;
    browser.wait_for_path(&post).await;
    browser
        .wait_until("document.querySelector('.post-body') !== null && scrollY === 0")
        .await;
    browser.js("history.back();").await;
    browser.wait_for_path("/en/").await;
    browser
        .wait_until("document.querySelector('.post-body') === null && Math.round(scrollY) === 600")
        .await;
    assert!(browser.is_same_document().await);
    finish(browser).await;
}
