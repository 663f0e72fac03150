//! Tags: on cards and under a post's title, each leads to its listing; a
//! tag is one tag in both languages (the switch leads from one to the
//! other, or to the other language's tags where it has no posts there); the
//! list of tags with counts; related posts by shared tags; a label that is
//! markup shows as text.

use serde_json::{Value, json};

use crate::{english_browser, finish};
use blog_e2e::harness::{Browser, Options, href};

const CODE_POST: &str = "/en/code-in-every-language/";

/// The text and `href` (as written) of every link `css` finds.
async fn links(browser: &Browser, css: &str) -> Value {
    browser
        .js(&format!(
            "return [...document.querySelectorAll(\"{css}\")].map((a) => [a.textContent, a.getAttribute('href')]);"
        ))
        .await
}

/// The titles of the cards listed, in order.
async fn card_titles(browser: &Browser) -> Value {
    browser.find(".post-list").await;
    browser
        .js("return [...document.querySelectorAll('.card h2 a')].map((a) => a.textContent);")
        .await
}

#[tokio::test]
async fn a_tag_leads_to_its_posts_and_the_switch_to_the_same_tag_in_the_other_language() {
    let browser = english_browser().await;
    browser.open(CODE_POST).await;
    browser.wait_for_app().await;
    browser.mark_document().await;
    assert_eq!(
        links(&browser, ".post-header .tag-links a").await,
        json!([
            ["Code", href("/en/tags/code/")],
            ["Markdown", href("/en/tags/markdown/")]
        ])
    );
    browser.click(".post-header .tag-links a").await;
    browser.wait_for_path("/en/tags/code/").await;
    assert_eq!(browser.text("main h1").await, "Posts tagged “Code”");
    // Newest first: 20 January, 2 January, 1 January.
    assert_eq!(
        card_titles(&browser).await,
        json!([
            "A Tour of Markdown",
            "Code in Every Language",
            "A Long Code Block"
        ])
    );
    // The head follows once the page is painted.
    browser
        .wait_until("document.title === 'Posts tagged “Code” · Edgewise'")
        .await;
    // The same tag in German, with its own label and slug.
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path("/de/tags/quelltext/").await;
    assert_eq!(
        browser.text("main h1").await,
        "Beiträge zum Schlagwort „Quelltext“"
    );
    assert_eq!(
        card_titles(&browser).await,
        json!(["Code in jeder Sprache"])
    );
    browser
        .wait_until(&format!(
            "document.querySelector('link[rel=alternate][hreflang=en]')?.getAttribute('href').endsWith({:?})",
            href("/en/tags/code/")
        ))
        .await;
    assert_eq!(
        browser
            .js("return document.querySelector('link[type=\"application/atom+xml\"]').getAttribute('href');")
            .await
            .as_str()
            .map(|url| url.ends_with(&href("/de/tags/quelltext/feed.xml"))),
        Some(true)
    );
    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path("/en/tags/code/").await;
    assert_eq!(browser.text("main h1").await, "Posts tagged “Code”");
    assert!(
        browser.is_same_document().await,
        "the tags were followed in the app"
    );
    finish(browser).await;
}

#[tokio::test]
async fn a_tag_without_posts_in_a_language_switches_to_that_languages_tags() {
    let browser = english_browser().await;
    browser.open("/en/tags/security/").await;
    browser.wait_for_app().await;
    assert_eq!(
        card_titles(&browser).await.as_array().map(Vec::len),
        Some(1)
    );
    let switch = ".lang-switch a[hreflang=de]";
    assert_eq!(
        links(&browser, switch).await,
        json!([["Deutsch", href("/de/tags/")]])
    );
    assert_eq!(
        browser.text("#untranslated-note").await,
        "No post in German has this tag."
    );
    browser.click(switch).await;
    browser.wait_for_path("/de/tags/").await;
    assert_eq!(browser.text("main h1").await, "Schlagwörter");
    let tags = links(&browser, ".tag-list a").await;
    for (label, slug) in [
        ("Quelltext", "quelltext"),
        ("Edge-Computing", "edge-computing"),
    ] {
        assert!(
            tags.as_array()
                .unwrap()
                .contains(&json!([label, href(&format!("/de/tags/{slug}/"))])),
            "{tags}"
        );
    }
    finish(browser).await;
}

#[tokio::test]
async fn the_tags_read_without_javascript_with_their_counts() {
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    browser.open("/en/").await;
    assert_eq!(
        links(&browser, ".site-tags").await,
        json!([["Tags", href("/en/tags/")]])
    );
    browser.click(".site-tags").await;
    browser.wait_for_path("/en/tags/").await;
    assert_eq!(browser.text("main h1").await, "Tags");
    let counts = browser
        .js("return Object.fromEntries([...document.querySelectorAll('.tag-list li')].map((li) => [li.querySelector('a').textContent, li.querySelector('.tag-count').textContent]));")
        .await;
    assert_eq!(counts["Code"], json!("3 posts"), "{counts}");
    assert_eq!(counts["Security"], json!("1 post"), "{counts}");
    browser
        .click(".tag-list a[href$='/en/tags/markdown/']")
        .await;
    browser.wait_for_path("/en/tags/markdown/").await;
    assert_eq!(browser.text("main h1").await, "Posts tagged “Markdown”");
    // Every card carries its tags.
    let cards = browser.count(".card").await;
    assert_eq!(browser.count(".card .tag-links").await, cards);
    browser.close().await;
}

#[tokio::test]
async fn related_posts_share_the_most_tags_newest_first_and_labels_are_text() {
    let browser = english_browser().await;
    browser.open(CODE_POST).await;
    assert_eq!(browser.text(".related h2").await, "Related posts");
    assert_eq!(
        links(&browser, ".related a").await,
        json!([
            ["A Tour of Markdown", href("/en/a-tour-of-markdown/")],
            [
                "</title><script>window.__xss=1</script>",
                href("/en/xss-corpus/")
            ],
            ["A Long Code Block", href("/en/a-long-code-block/")]
        ])
    );
    // The tag whose label is markup, on the post and the list of tags.
    browser.open("/en/xss-corpus/").await;
    browser.wait_for_app().await;
    let labels = links(&browser, ".post-header .tag-links a").await;
    assert!(
        labels.as_array().unwrap().contains(&json!([
            "<img src=x onerror=window.__xss=1>",
            href("/en/tags/xss/")
        ])),
        "{labels}"
    );
    browser
        .click(".post-header .tag-links a[href$='/en/tags/xss/']")
        .await;
    browser.wait_for_path("/en/tags/xss/").await;
    assert_eq!(
        browser.text("main h1").await,
        "Posts tagged “<img src=x onerror=window.__xss=1>”"
    );
    assert_eq!(
        browser.js("return window.__xss ?? null;").await,
        json!(null)
    );
    finish(browser).await;
}
