//! The index in pages of twenty: each page pre-rendered at `/<lang>/page/<n>/`
//! with `rel="prev"`/`"next"`, and the same pages in the app without a
//! reload, in both languages. The builds the tests run against hold the
//! generated posts of `.ci/test` besides the fixtures, so that each language
//! has more than one page.

use crate::prerendered::{built_slugs, page, tags, url_path};
use crate::{english_browser, finish};
use blog_e2e::harness::{Browser, fetch, href};

const PAGE_SIZE: usize = 20;

/// How many posts the build has in `lang`: one data file each (standalone
/// pages, which share the folder, are not listed).
fn posts_in(lang: &str) -> usize {
    built_slugs(lang).len()
}

/// The path of page `number` of `lang`'s index.
fn page_path(lang: &str, number: usize) -> String {
    if number == 1 {
        format!("/{lang}/")
    } else {
        format!("/{lang}/page/{number}/")
    }
}

/// The path of the `<link rel=…>` in the head of pre-rendered `html`, if any.
fn head_link(html: &str, rel: &str) -> Option<String> {
    let head = &html[..html.find("</head>").expect("a head")];
    tags(head, "link")
        .into_iter()
        .find(|link| link.get("rel").map(String::as_str) == Some(rel))
        .map(|link| url_path(&link["href"]))
}

#[test]
fn every_page_of_each_index_is_pre_rendered_with_its_neighbours() {
    for lang in ["en", "de"] {
        let posts = posts_in(lang);
        let pages = posts.div_ceil(PAGE_SIZE);
        assert!(pages >= 2, "{lang}: only {posts} posts, one page");
        let mut listed = 0;
        for number in 1..=pages {
            let path = page_path(lang, number);
            let html = page(&path);
            let cards = html.matches("<article class=\"card\"").count();
            assert_eq!(
                cards,
                PAGE_SIZE.min(posts - (number - 1) * PAGE_SIZE),
                "{path}"
            );
            listed += cards;
            let neighbour = |number: usize| href(&page_path(lang, number));
            assert_eq!(head_link(&html, "canonical"), Some(neighbour(number)));
            assert_eq!(
                head_link(&html, "prev"),
                (number > 1).then(|| neighbour(number - 1)),
                "{path}"
            );
            assert_eq!(
                head_link(&html, "next"),
                (number < pages).then(|| neighbour(number + 1)),
                "{path}"
            );
            // The same neighbours as links, for readers without JavaScript.
            let anchors: Vec<(String, String)> = tags(&html, "a")
                .into_iter()
                .filter_map(|a| Some((a.get("rel")?.clone(), a.get("href")?.clone())))
                // Cards' tags are `rel=tag`.
                .filter(|(rel, _)| rel == "prev" || rel == "next")
                .collect();
            let expected: Vec<(String, String)> = [
                (number > 1).then(|| ("prev".to_owned(), neighbour(number - 1))),
                (number < pages).then(|| ("next".to_owned(), neighbour(number + 1))),
            ]
            .into_iter()
            .flatten()
            .collect();
            assert_eq!(anchors, expected, "{path}");
        }
        assert_eq!(listed, posts, "{lang}: every post on exactly one page");
        let (status, _, _) = fetch(&page_path(lang, pages + 1));
        assert_eq!(status, 404, "{lang}: a page after the last");
    }
}

#[tokio::test]
async fn the_pages_of_the_index_follow_each_other_in_the_app() {
    for (lang, older, newer) in [
        ("en", "Older posts →", "← Newer posts"),
        ("de", "Ältere Beiträge →", "← Neuere Beiträge"),
    ] {
        let posts = posts_in(lang);
        let browser: Browser = english_browser().await;
        browser.open(&page_path(lang, 1)).await;
        browser.find(".post-list").await;
        assert_eq!(browser.count(".card").await, PAGE_SIZE, "{lang}");
        let first_page: Vec<String> = card_links(&browser).await;
        browser.mark_document().await;

        assert_eq!(browser.text(".pagination a[rel=next]").await, older);
        browser.click(".pagination a[rel=next]").await;
        browser.wait_for_path(&page_path(lang, 2)).await;
        browser
            .wait_until(&format!(
                "document.querySelectorAll('.card').length === {}",
                PAGE_SIZE.min(posts - PAGE_SIZE)
            ))
            .await;
        assert!(
            browser.is_same_document().await,
            "{lang}: the page was reloaded"
        );
        let second_page = card_links(&browser).await;
        assert!(
            second_page.iter().all(|link| !first_page.contains(link)),
            "{lang}: a post on both pages"
        );
        let pages = posts.div_ceil(PAGE_SIZE);
        let position = browser.text(".pagination-position").await;
        assert!(
            position.ends_with(&format!(
                " 2 {} {pages}",
                if lang == "en" { "of" } else { "von" }
            )),
            "{position}"
        );
        // The head follows once the page is painted.
        browser
            .wait_until(&format!("document.title.includes({position:?})"))
            .await;
        // The head names the neighbours in the app too.
        let prev = browser
            .js("return document.querySelector('link[rel=prev]').getAttribute('href');")
            .await;
        assert_eq!(url_path(prev.as_str().unwrap()), href(&page_path(lang, 1)));

        assert_eq!(browser.text(".pagination a[rel=prev]").await, newer);
        browser.click(".pagination a[rel=prev]").await;
        browser.wait_for_path(&page_path(lang, 1)).await;
        browser
            .wait_until(&format!(
                "document.querySelectorAll('.card').length === {PAGE_SIZE}"
            ))
            .await;
        assert_eq!(card_links(&browser).await, first_page);
        assert!(browser.is_same_document().await);
        finish(browser).await;
    }
}

#[tokio::test]
async fn a_page_opened_directly_is_hydrated_and_a_page_past_the_end_is_not_found() {
    let browser = english_browser().await;
    browser.open(&page_path("de", 2)).await;
    browser.wait_for_app().await;
    let posts = posts_in("de");
    assert_eq!(
        browser.count(".card").await,
        PAGE_SIZE.min(posts - PAGE_SIZE)
    );
    assert_eq!(browser.count(".pagination a[rel=prev]").await, 1);
    // Hydrated: following a card stays in the page.
    browser.mark_document().await;
    browser.click(".card h2 a").await;
    browser.find(".post-body h2").await;
    assert!(browser.is_same_document().await);
    finish(browser).await;

    let browser = english_browser().await;
    let past = page_path("en", posts_in("en").div_ceil(PAGE_SIZE) + 1);
    browser.open(&past).await;
    browser.find(".not-found").await;
    assert_eq!(browser.text("h1").await, "Page not found");
    finish(browser).await;
}

/// The links of the cards shown, in order.
async fn card_links(browser: &Browser) -> Vec<String> {
    let links = browser
        .js("return [...document.querySelectorAll('.card h2 a')].map(a => a.getAttribute('href'));")
        .await;
    serde_json::from_value(links).expect("a list of links")
}
