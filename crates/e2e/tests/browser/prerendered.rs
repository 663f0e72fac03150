//! The pre-rendered site: every route is a page of its own that reads
//! without JavaScript, the app takes it over without a visible change, and
//! the site-wide files (404, sitemap, feeds, head tags) hold together.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::{Value, json};

use crate::{DE_POST, EN_POST, TOUR, XSS, finish};
use blog_e2e::harness::{self, Browser, Options, fetch, fetch_raw_path, href};

/// Every page the build writes, by path (without the base).
const ROUTES: [&str; 15] = [
    "/",
    "/en/",
    "/de/",
    EN_POST,
    DE_POST,
    TOUR,
    XSS,
    "/en/code-in-every-language/",
    "/de/code-in-jeder-sprache/",
    "/en/tags/",
    "/de/tags/",
    "/en/tags/code/",
    "/de/tags/quelltext/",
    "/en/search/",
    "/de/search/",
];

/// The slugs of `lang`'s posts in the build, by their data files.
pub(crate) fn built_slugs(lang: &str) -> Vec<String> {
    built_articles(lang, false)
}

/// The slugs of `lang`'s standalone pages (About, Impressum) in the build.
fn built_page_slugs(lang: &str) -> Vec<String> {
    built_articles(lang, true)
}

/// The slugs of `lang`'s data files of posts, or of standalone pages.
fn built_articles(lang: &str, pages: bool) -> Vec<String> {
    let dir = harness::dist_dir().join("data").join(lang).join("post");
    let mut slugs: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let article = blog_model::data::decode_article(&text)
                .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            article.entry.is_page() == pages
        })
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?;
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .collect();
    slugs.sort();
    slugs
}

/// The slugs of `lang`'s tags in the build, with how many listing pages
/// each has, by their data files.
fn built_tags(lang: &str) -> Vec<(String, usize)> {
    let dir = harness::dist_dir().join("data").join(lang).join("tag");
    let mut tags: Vec<(String, usize)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| {
            let entry = entry.unwrap();
            let pages = std::fs::read_dir(entry.path()).unwrap().count();
            (entry.file_name().into_string().unwrap(), pages)
        })
        .collect();
    tags.sort();
    tags
}

/// The data file of the post at `page` (`/en/<slug>/`), e.g.
/// `/data/en/post/<slug>.txt`, which holds its body.
fn post_data_path(page: &str) -> String {
    let (lang, slug) = page
        .trim_matches('/')
        .split_once('/')
        .unwrap_or_else(|| panic!("not a post's path: {page}"));
    format!("/data/{lang}/post/{slug}.txt")
}

/// The attributes of every `<tag …>` in `html` (a plain scan: enough for the
/// head tags the pre-renderer writes, whose values are quoted and escaped).
pub(crate) fn tags(html: &str, tag: &str) -> Vec<BTreeMap<String, String>> {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .map(|(start, _)| {
            let rest = &html[start + open.len()..];
            let end = rest.find('>').unwrap_or(rest.len());
            let mut attributes = BTreeMap::new();
            let mut text = &rest[..end];
            while let Some(eq) = text.find("=\"") {
                let name = text[..eq].trim().rsplit(' ').next().unwrap().to_owned();
                let value_end = text[eq + 2..].find('"').unwrap();
                let value = text[eq + 2..eq + 2 + value_end]
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&");
                attributes.insert(name, value);
                text = &text[eq + 2 + value_end + 1..];
            }
            attributes
        })
        .collect()
}

/// Saves a screenshot to `tests/screenshots/` for a person to look at.
pub(crate) async fn save_screenshot(browser: &Browser, name: &str) {
    let png = browser.client.screenshot().await.unwrap();
    let suffix = harness::base().trim_matches('/');
    let name = if suffix.is_empty() {
        name.to_owned()
    } else {
        format!("{name}-{suffix}")
    };
    std::fs::write(harness::screenshot_file(&name), png).unwrap();
}

/// The pre-rendered HTML of a route, as the static server answers it.
pub(crate) fn page(path: &str) -> String {
    let (status, kind, body) = fetch(path);
    assert_eq!(status, 200, "GET {path}");
    assert!(kind.starts_with("text/html"), "GET {path}: {kind}");
    body
}

/// The path of an absolute URL of the site (`https://host/blog/de/` → `/blog/de/`).
pub(crate) fn url_path(url: &str) -> String {
    let url = url::Url::parse(url).unwrap_or_else(|err| panic!("{url}: {err}"));
    assert!(url.scheme().starts_with("http"), "{url}");
    url.path().to_owned()
}

#[tokio::test]
async fn every_route_reads_without_javascript_in_its_language_with_working_links() {
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    for (path, lang, heading) in [
        ("/en/", "en", "Latest posts"),
        ("/de/", "de", "Neueste Beiträge"),
        (EN_POST, "en", "The Rise of Serverless Edge Computing"),
        (DE_POST, "de", "Der Aufstieg des Serverless Edge Computing"),
        (TOUR, "en", "A Tour of Markdown"),
    ] {
        browser.open(path).await;
        assert_eq!(browser.text("main h1").await, heading, "{path}");
        assert_eq!(
            browser.js("return document.documentElement.lang;").await,
            json!(lang)
        );
        assert_eq!(browser.count(".skeleton").await, 0, "{path}");
    }
    // The whole article is there, cover and body.
    browser.open(EN_POST).await;
    save_screenshot(&browser, "post-en-no-js").await;
    let body = browser.text(".post-body").await;
    assert!(body.contains("closer to the user—running code"), "{body}");
    assert_eq!(browser.count(".post-cover[width='1200']").await, 1);
    // Links lead from page to page.
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    browser.click(".post-footer a").await;
    browser.wait_for_path("/de/").await;
    browser.click(".card h2 a").await;
    browser.wait_for_path(DE_POST).await;
    assert_eq!(
        browser.text("main h1").await,
        "Der Aufstieg des Serverless Edge Computing"
    );
    // `/` offers both languages, and stays put: no redirect loop for crawlers.
    browser.open("/").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(browser.path().await, "/");
    save_screenshot(&browser, "root-no-js").await;
    let choices = browser
        .js("return [...document.querySelectorAll('.root-choice a')].map(a => [a.getAttribute('href'), a.hreflang, a.textContent]);")
        .await;
    assert_eq!(
        choices,
        json!([
            [href("/en/"), "en", "English"],
            [href("/de/"), "de", "Deutsch"]
        ])
    );
    browser.click(".root-choice a[hreflang=de]").await;
    browser.wait_for_path("/de/").await;
    assert_eq!(browser.text("main h1").await, "Neueste Beiträge");
    browser.close().await;
}

/// Recorded from before the page's own scripts: frames in which the article
/// text was not on the page (once the document was parsed), layout shifts,
/// and when the app started.
const TAKEOVER_RECORDER: &str = r#"
window.__frames = 0;
window.__blankFrames = 0;
window.__shifts = [];
window.__shifted = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__shifts.push(entry.value);
    // What moved, for the message: when, and each node's box before and after.
    window.__shifted.push(Math.round(entry.startTime) + ' ms: ' + entry.sources.map((s) =>
      (s.node ? s.node.nodeName + '.' + s.node.className : '?') + ' ' +
      JSON.stringify([s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height]) + ' → ' +
      JSON.stringify([s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height])).join(', '));
  }
}).observe({ type: 'layout-shift', buffered: true });
addEventListener('TrunkApplicationStarted', () => { window.__appFrame = window.__frames; });
const watch = () => {
  if (document.readyState !== 'loading') {
    window.__frames += 1;
    const body = document.querySelector('article .post-body');
    if (!body || !body.textContent.includes('closer to the user')) window.__blankFrames += 1;
  }
  requestAnimationFrame(watch);
};
requestAnimationFrame(watch);
"#;

#[tokio::test]
async fn the_app_takes_over_the_page_without_a_flash_keeping_selection_focus_and_scroll() {
    let browser = Browser::start(Options {
        size: (1280, 600),
        hold_wasm: Some(Duration::from_secs(3)),
        init_script: Some(TAKEOVER_RECORDER),
        ..Options::default()
    })
    .await;
    browser.open_page(EN_POST).await;
    browser.find(".post-body h2#introduction").await;
    assert_eq!(
        browser
            .js("return window.wasmBindings === undefined;")
            .await,
        json!(true),
        "the app started before the page could be looked at alone"
    );
    // A reader scrolls, focuses a link and selects a sentence meanwhile (in
    // this order: WebKit clears the selection when a link takes focus).
    let before = browser
        .js("
            window.scrollTo(0, 500);
            const link = document.querySelector('.post-body .heading-anchor');
            link.focus({ preventScroll: true });
            link.__mark = 'focused';
            const paragraph = document.querySelectorAll('.post-body p')[1];
            paragraph.__mark = 'same node';
            const range = document.createRange();
            range.selectNodeContents(paragraph);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return [scrollY, getSelection().toString()];
        ")
        .await;
    browser.wait_for_app().await;
    // Let the app settle for a few frames.
    browser
        .wait_until("window.__frames > window.__appFrame + 10")
        .await;
    let after = browser
        .js("
            const paragraph = document.querySelectorAll('.post-body p')[1];
            return {
                scroll: scrollY,
                selection: getSelection().toString(),
                sameParagraph: paragraph.__mark === 'same node',
                selectionInPage: getSelection().anchorNode?.isConnected === true,
                focused: document.activeElement.__mark === 'focused',
                blankFrames: window.__blankFrames,
                frames: window.__frames,
                shifts: window.__shifts,
                shifted: window.__shifted,
            };
        ")
        .await;
    assert_eq!(after["scroll"], before[0], "{after}");
    assert_eq!(after["selection"], before[1], "{after}");
    assert!(
        before[1].as_str().unwrap().len() > 100,
        "nothing was selected: {before}"
    );
    assert_eq!(
        after["sameParagraph"],
        json!(true),
        "the article was rebuilt: {after}"
    );
    assert_eq!(after["selectionInPage"], json!(true), "{after}");
    assert_eq!(after["focused"], json!(true), "focus was lost: {after}");
    assert_eq!(after["blankFrames"], json!(0), "{after}");
    assert!(
        after["frames"].as_u64().unwrap() > 30,
        "too few frames seen: {after}"
    );
    assert_eq!(after["shifts"], json!([]), "the layout shifted: {after}");

    // The app works: switching language happens in the page.
    browser.mark_document().await;
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    browser
        .wait_until("document.querySelector('article h1')?.textContent.startsWith('Der Aufstieg')")
        .await;
    assert!(
        browser.is_same_document().await,
        "the switch reloaded the page"
    );
    finish(browser).await;
}

#[tokio::test]
async fn every_pre_rendered_page_is_hydrated_cleanly_in_place() {
    let browser = Browser::start(Options {
        hold_wasm: Some(Duration::from_millis(1000)),
        ..Options::default()
    })
    .await;
    let by_file_name = [format!("{EN_POST}index.html"), "/de/index.html".to_owned()];
    let paths = ROUTES
        .into_iter()
        .filter(|path| *path != "/")
        .chain(by_file_name.iter().map(String::as_str));
    for path in paths {
        browser.open_page(path).await;
        browser.find("main h1").await;
        let marked = browser
            .js(
                "document.querySelector('main').firstElementChild.__prerendered = true;
                 return window.wasmBindings === undefined;",
            )
            .await;
        assert_eq!(
            marked,
            json!(true),
            "{path}: the app started before the mark"
        );
        browser.wait_for_app().await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(
            browser
                .js("return document.querySelector('main').firstElementChild.__prerendered === true;")
                .await,
            json!(true),
            "{path} was rendered again instead of hydrated"
        );
        assert_eq!(browser.count("main h1").await, 1, "{path}");
        assert_eq!(browser.count("title").await, 1, "{path}");
        assert_eq!(browser.count("link[rel=canonical]").await, 1, "{path}");
        let errors = browser.errors().await;
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    finish(browser).await;
}

#[tokio::test]
async fn the_landing_post_body_is_never_fetched() {
    let browser = english_browser_for_requests().await;
    let en_body = post_data_path(EN_POST);
    let de_body = post_data_path(DE_POST);
    browser.open(EN_POST).await;
    browser.find(".post-body h2#introduction").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        browser.requests(&en_body),
        0,
        "{:?}",
        browser.request_paths()
    );
    // Away and back in the app: the other body is fetched once, this one never.
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    browser.find(".post-body h2#einleitung").await;
    browser.click(".lang-switch a[hreflang=en]").await;
    browser.wait_for_path(EN_POST).await;
    browser.find(".post-body h2#introduction").await;
    assert_eq!(
        browser.requests(&en_body),
        0,
        "{:?}",
        browser.request_paths()
    );
    assert_eq!(
        browser.requests(&de_body),
        1,
        "{:?}",
        browser.request_paths()
    );
    finish(browser).await;
}

async fn english_browser_for_requests() -> Browser {
    Browser::start(Options::default()).await
}

#[tokio::test]
async fn missing_pages_answer_404_with_the_404_page() {
    for path in ["/en/no-such-post/", "/nothing", "/de/a/b/c"] {
        let (status, kind, body) = fetch(path);
        assert_eq!(status, 404, "{path}");
        assert!(kind.starts_with("text/html"), "{path}: {kind}");
        assert!(body.contains("Page not found"), "{path}: {body}");
        assert!(body.contains(r#"<meta name="robots" content="noindex">"#));
        // Its links and assets work wherever it is served.
        for link in tags(&body, "link")
            .iter()
            .filter_map(|link| link.get("href"))
        {
            assert!(
                link.starts_with(&href("/")) || link.starts_with("http"),
                "{link} is outside the site"
            );
        }
    }
    if harness::base() != "/" {
        let (status, _, body) = fetch_raw_path("/en/");
        assert_eq!(status, 404, "a path outside the base");
        assert!(body.contains("Page not found"));
    }
    for path in ROUTES {
        assert_eq!(fetch(path).0, 200, "{path}");
    }
}

#[tokio::test]
async fn pages_carry_absolute_canonical_reciprocal_alternates_cards_and_json_ld() {
    let mut alternates: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for path in ROUTES {
        let html = page(path);
        // The wasm is not preloaded: it would compete with the page's content.
        assert!(!html.contains("rel=preload"), "{path} preloads the wasm");
        let links = tags(&html, "link");
        let canonical = links
            .iter()
            .find(|link| link.get("rel").map(String::as_str) == Some("canonical"))
            .and_then(|link| link.get("href"))
            .unwrap_or_else(|| panic!("{path} has no canonical link"));
        assert_eq!(url_path(canonical), href(path), "{path}");
        let page_alternates: BTreeSet<(String, String)> = links
            .iter()
            .filter(|link| link.contains_key("hreflang"))
            .map(|link| (link["hreflang"].clone(), url_path(&link["href"])))
            .collect();
        assert!(
            page_alternates.iter().any(|(lang, _)| lang == "x-default"),
            "{path}: {page_alternates:?}"
        );
        let feed = links
            .iter()
            .find(|link| link.get("type").map(String::as_str) == Some("application/atom+xml"))
            .unwrap_or_else(|| panic!("{path} links no feed"));
        assert!(url_path(&feed["href"]).ends_with("/feed.xml"), "{feed:?}");
        alternates.insert(href(path), page_alternates);

        let metas = tags(&html, "meta");
        let meta = |key: &str, name: &str| {
            metas
                .iter()
                .find(|meta| meta.get(key).map(String::as_str) == Some(name))
                .and_then(|meta| meta.get("content"))
                .cloned()
                .unwrap_or_else(|| panic!("{path} has no {key}={name}"))
        };
        assert_eq!(url_path(&meta("property", "og:url")), href(path));
        assert!(!meta("property", "og:title").is_empty());
        assert!(!meta("name", "twitter:card").is_empty());
        let is_post = path.matches('/').count() == 3
            && !path.ends_with("/tags/")
            && !path.ends_with("/search/");
        if is_post {
            assert_eq!(meta("property", "og:type"), "article", "{path}");
            if [EN_POST, DE_POST].contains(&path) {
                // The seed post has a cover; the fixture posts have none.
                assert_eq!(meta("name", "twitter:card"), "summary_large_image");
                let image = meta("property", "og:image");
                assert!(url_path(&image).ends_with("/cover.jpg"), "{image}");
            }
            let start = html
                .find(r#"<script type="application/ld+json">"#)
                .expect("JSON-LD");
            let json = &html[start..];
            let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
            let posting: Value =
                serde_json::from_str(json).unwrap_or_else(|err| panic!("{path}: {err}: {json}"));
            assert_eq!(posting["@type"], "BlogPosting");
            assert_eq!(url_path(posting["url"].as_str().unwrap()), href(path));
            assert_eq!(posting["inLanguage"], path[1..3]);
            assert!(
                posting["datePublished"]
                    .as_str()
                    .unwrap()
                    .starts_with("2026-")
            );
            let headline = posting["headline"].as_str().unwrap();
            let escaped = headline
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(
                html.contains(&format!("<h1>{escaped}</h1>")),
                "{path}: {headline}"
            );
        } else {
            assert_eq!(meta("property", "og:type"), "website", "{path}");
        }
    }
    let (post, translation) = (href(EN_POST), href(DE_POST));
    let en_ld = &alternates[&post];
    assert!(
        en_ld.contains(&("de".into(), translation.clone())),
        "{en_ld:?}"
    );
    // Every alternate a page names names that page back.
    for (page, links) in &alternates {
        for (lang, other) in links {
            if other == page {
                continue;
            }
            let back = alternates
                .get(other)
                .unwrap_or_else(|| panic!("{page} names {other} ({lang}), which is no page"));
            assert!(
                back.iter().any(|(_, target)| target == page),
                "{other} does not name {page} back: {back:?}"
            );
        }
    }
}

#[test]
fn the_sitemap_and_the_feeds_list_every_post_with_absolute_urls() {
    let (status, kind, sitemap) = fetch("/sitemap.xml");
    assert_eq!(status, 200);
    assert!(kind.contains("xml"), "{kind}");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap.xml is XML");
    let mut listed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for url in doc.descendants().filter(|node| node.has_tag_name("url")) {
        let loc = url
            .children()
            .find(|node| node.has_tag_name("loc"))
            .and_then(|node| node.text())
            .expect("a <loc>");
        let links = url
            .children()
            .filter(|node| node.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
            .map(|node| url_path(node.attribute("href").unwrap()))
            .collect();
        listed.insert(url_path(loc), links);
    }
    // Every index page and every post the build has a data file for.
    let mut expected: BTreeSet<String> = BTreeSet::new();
    for lang in ["en", "de"] {
        let slugs = built_slugs(lang);
        expected.insert(href(&format!("/{lang}/")));
        for number in 2..=slugs.len().div_ceil(20) {
            expected.insert(href(&format!("/{lang}/page/{number}/")));
        }
        expected.extend(slugs.iter().map(|slug| href(&format!("/{lang}/{slug}/"))));
        let pages = built_page_slugs(lang);
        assert!(
            !pages.is_empty(),
            "the build has standalone pages in {lang}"
        );
        expected.extend(pages.iter().map(|slug| href(&format!("/{lang}/{slug}/"))));
        expected.insert(href(&format!("/{lang}/tags/")));
        expected.insert(href(&format!("/{lang}/search/")));
        for (slug, pages) in built_tags(lang) {
            expected.insert(href(&format!("/{lang}/tags/{slug}/")));
            for number in 2..=pages {
                expected.insert(href(&format!("/{lang}/tags/{slug}/page/{number}/")));
            }
        }
    }
    for page in [
        "/en/tags/code/",
        "/de/tags/quelltext/",
        "/en/tags/security/",
    ] {
        assert!(expected.contains(&href(page)), "{page} has no data file");
    }
    for page in [EN_POST, DE_POST, TOUR, XSS] {
        assert!(expected.contains(&href(page)), "{page} has no data file");
    }
    assert_eq!(listed.keys().cloned().collect::<BTreeSet<_>>(), expected);
    for (page, links) in &listed {
        for other in links {
            // `/` (the language choice) is every index's x-default, and no
            // page of its own in the sitemap.
            if *other == href("/") {
                continue;
            }
            assert!(
                listed.contains_key(other),
                "{page} names {other}, which is not listed"
            );
            assert!(
                listed[other].contains(page),
                "{other} does not name {page} back"
            );
        }
    }
    assert!(listed[&href(EN_POST)].contains(&href(DE_POST)));

    let (status, _, robots) = fetch("/robots.txt");
    assert_eq!(status, 200);
    let sitemap_line = robots
        .lines()
        .find(|line| line.starts_with("Sitemap: "))
        .expect("a Sitemap line");
    assert_eq!(
        url_path(&sitemap_line["Sitemap: ".len()..]),
        href("/sitemap.xml")
    );

    let mut feeds = vec![
        (
            "/en/feed.xml".to_owned(),
            vec![EN_POST, TOUR, XSS],
            built_slugs("en").len(),
        ),
        (
            "/de/feed.xml".to_owned(),
            vec![DE_POST],
            built_slugs("de").len(),
        ),
    ];
    // Each tag's, in each language it has posts in: `/en/tags/code/` lists
    // three posts, newest first.
    feeds.push((
        "/en/tags/code/feed.xml".to_owned(),
        vec![
            TOUR,
            "/en/code-in-every-language/",
            "/en/a-long-code-block/",
        ],
        3,
    ));
    for lang in ["en", "de"] {
        for (slug, _) in built_tags(lang) {
            let path = format!("/{lang}/tags/{slug}/feed.xml");
            if !feeds.iter().any(|(known, _, _)| *known == path) {
                let (_, _, listing) = fetch(&format!("/data/{lang}/tag/{slug}/1.txt"));
                let posts = listing
                    .lines()
                    .filter(|line| line.starts_with("entry\t"))
                    .count();
                feeds.push((path, Vec::new(), posts));
            }
        }
    }
    for (path, posts, count) in feeds {
        let lang = &path[1..3];
        let (status, _, feed) = fetch(&path);
        assert_eq!(status, 200, "{path}");
        let doc = roxmltree::Document::parse(&feed).expect("the feed is XML");
        let atom = "http://www.w3.org/2005/Atom";
        assert!(doc.root_element().has_tag_name((atom, "feed")));
        let entries: Vec<_> = doc
            .descendants()
            .filter(|node| node.has_tag_name((atom, "entry")))
            .collect();
        let links: Vec<String> = entries
            .iter()
            .map(|entry| {
                let link = entry
                    .children()
                    .find(|node| node.has_tag_name((atom, "link")))
                    .unwrap();
                let href = link.attribute("href").unwrap();
                assert!(href.starts_with("http"), "{href}");
                url_path(href)
            })
            .collect();
        // The newest twenty, newest first: the fixtures, then generated posts.
        assert_eq!(links.len(), count.min(20), "{path}");
        assert!(!links.is_empty(), "{path}");
        assert_eq!(
            links[..posts.len()],
            posts.into_iter().map(href).collect::<Vec<_>>(),
            "{path}"
        );
        for entry in &entries {
            let content = entry
                .children()
                .find(|node| node.has_tag_name((atom, "content")))
                .unwrap();
            assert_eq!(content.attribute("type"), Some("html"));
            assert!(
                content.text().unwrap().contains("<p>"),
                "full text in the {lang} feed"
            );
        }
    }
}

#[test]
fn the_headers_file_caches_every_hashed_file_for_good() {
    let dist = harness::dist_dir();
    let headers = std::fs::read_to_string(dist.join("_headers")).expect("a _headers file");
    let forever = "  Cache-Control: public, max-age=31536000, immutable";
    let hashed: Vec<String> = std::fs::read_dir(&dist)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| {
            [".js", ".wasm", ".css"]
                .iter()
                .any(|ext| name.ends_with(ext))
        })
        .collect();
    assert!(hashed.len() >= 3, "{hashed:?}");
    for name in hashed.iter().map(|name| href(&format!("/{name}"))) {
        assert!(
            headers.contains(&format!("{name}\n{forever}\n")),
            "{name} is not cached for good:\n{headers}"
        );
    }
    let revalidate = "  Cache-Control: public, max-age=0, must-revalidate";
    assert!(headers.contains(&format!("{}\n{revalidate}\n", href("/data/*"))));
}

#[test]
fn a_post_without_its_trailing_slash_is_redirected_to_its_folder() {
    let post = EN_POST.trim_end_matches('/');
    let response = harness::fetch_response(&href(post));
    assert_eq!(response.status, 301, "{post}");
    assert_eq!(response.header("Location"), Some(href(EN_POST).as_str()));
}

#[tokio::test]
async fn a_post_opened_without_its_trailing_slash_is_shown_and_started() {
    let browser = Browser::start(Options::default()).await;
    browser.open(EN_POST.trim_end_matches('/')).await;
    browser.wait_for_path(EN_POST).await;
    assert_eq!(
        browser.text("main h1").await,
        "The Rise of Serverless Edge Computing"
    );
    browser.mark_document().await;
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    assert!(browser.is_same_document().await);
    finish(browser).await;
}

/// The site file the build published (`data/site.txt`).
fn built_site() -> blog_model::site::Site {
    let file = harness::dist_dir().join(blog_model::site::SITE_FILE);
    let text =
        std::fs::read_to_string(&file).unwrap_or_else(|err| panic!("{}: {err}", file.display()));
    blog_model::site::decode_site(&text).expect("the site file reads")
}

#[tokio::test]
async fn the_site_file_names_the_blog_in_pages_feeds_and_json_ld_in_both_languages() {
    use blog_model::lang::Lang;
    let site = built_site();
    let author = site
        .author
        .clone()
        .expect("the e2e builds' site file names an author");
    assert!(site.links.iter().any(|link| link.me), "a link with rel=me");
    for (path, lang) in [(EN_POST, Lang::En), (DE_POST, Lang::De)] {
        let html = page(path);
        let name = tags(&html, "a")
            .into_iter()
            .find(|a| a.get("class").map(String::as_str) == Some("site-name"))
            .unwrap_or_else(|| panic!("{path}: no link with the blog's name"));
        assert_eq!(name["href"], href(&format!("/{}/", lang.code())));
        assert!(
            html.contains(&format!("class=\"site-name\">{}</a>", site.name)),
            "{path}"
        );
        assert!(
            html.contains(&format!(" · {}</title>", site.name)),
            "{path}"
        );
        let footer = &html[html
            .find("<footer class=\"site-footer\">")
            .expect("a footer")..];
        let footer = &footer[..footer.find("</footer>").unwrap()];
        assert!(
            footer.contains(&site.texts(lang).footer),
            "{path}: {footer}"
        );
        for link in &site.links {
            let anchor = tags(footer, "a")
                .into_iter()
                .find(|a| a.get("href") == Some(&link.url))
                .unwrap_or_else(|| panic!("{path}: no link to {}", link.url));
            assert_eq!(
                anchor.get("rel").map(String::as_str),
                link.me.then_some("me")
            );
            assert!(
                footer.contains(&format!(">{}<", link.label(lang))),
                "{path}"
            );
        }
        let start = html
            .find(r#"<script type="application/ld+json">"#)
            .expect("JSON-LD");
        let json = &html[start..];
        let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
        let posting: Value = serde_json::from_str(json).unwrap();
        assert_eq!(posting["author"]["name"], author.name.as_str());
        assert_eq!(posting["isPartOf"]["name"], site.name.as_str());

        let (status, _, feed) = fetch(&format!("/{}/feed.xml", lang.code()));
        assert_eq!(status, 200);
        let doc = roxmltree::Document::parse(&feed).expect("the feed is XML");
        let text_of = |parent: &str, name: &str| {
            doc.descendants()
                .find(|node| {
                    node.has_tag_name(name)
                        && node.parent().is_some_and(|up| up.has_tag_name(parent))
                })
                .and_then(|node| node.text())
                .map(str::to_owned)
        };
        assert_eq!(
            text_of("feed", "title").as_deref(),
            Some(site.name.as_str())
        );
        assert_eq!(
            text_of("author", "name").as_deref(),
            Some(author.name.as_str())
        );
        assert_eq!(text_of("author", "uri"), author.url.clone());
    }

    // The app draws the same footer, and the other language's after a switch.
    let browser = crate::english_browser().await;
    browser.open(EN_POST).await;
    browser.wait_for_app().await;
    browser.mark_document().await;
    let footer = "return document.querySelector('.site-footer').innerText;";
    let english = browser.js(footer).await;
    assert!(
        english
            .as_str()
            .unwrap()
            .contains(&site.texts(Lang::En).footer),
        "{english}"
    );
    browser.click(".lang-switch a[hreflang=de]").await;
    browser.wait_for_path(DE_POST).await;
    let german = site.texts(Lang::De).footer.clone();
    browser
        .wait_until(&format!(
            "document.querySelector('.site-footer').innerText.includes({german:?})"
        ))
        .await;
    for link in &site.links {
        let label = browser
            .js(&format!("return [...document.querySelectorAll('.site-footer a')].find((a) => a.getAttribute('href') === {:?}).textContent;", link.url))
            .await;
        assert_eq!(label, json!(link.label(Lang::De)));
    }
    assert!(browser.is_same_document().await);
    finish(browser).await;
}

#[tokio::test]
async fn standalone_pages_are_linked_from_every_page_switchable_and_never_listed() {
    use blog_model::lang::Lang;
    use blog_model::site::Place;
    let site = built_site();
    let linked = |place: Place, lang: Lang| -> Vec<(String, String)> {
        site.pages
            .iter()
            .filter(|page| page.place == place)
            .filter_map(|page| page.link(lang, site.default_lang))
            .map(|link| {
                (
                    format!("/{}/{}/", link.lang.code(), link.slug),
                    link.title.clone(),
                )
            })
            .collect()
    };
    let footer_pages = linked(Place::Footer, Lang::En);
    assert!(
        !linked(Place::Header, Lang::En).is_empty(),
        "a page in the header"
    );
    assert!(!footer_pages.is_empty(), "a page in the footer");
    // Pre-rendered: every page links them, in its language.
    for (path, lang) in [
        ("/en/", Lang::En),
        (DE_POST, Lang::De),
        ("/de/tags/", Lang::De),
    ] {
        let html = page(path);
        let header = &html[..html.find("</header>").expect("a header")];
        for (link_path, title) in linked(Place::Header, lang) {
            let href = href(&link_path);
            assert!(
                header.contains(&format!("<a href=\"{href}\" class=\"site-page\">{title}<")),
                "{path}: no header link to {href}"
            );
        }
        let footer = &html[html
            .find("<footer class=\"site-footer\">")
            .expect("a footer")..];
        for (link_path, title) in linked(Place::Footer, lang) {
            let href = href(&link_path);
            assert!(
                footer.contains(&format!("<a href=\"{href}\">{title}")),
                "{path}: no footer link to {href}"
            );
        }
    }
    // Never listed: not on the indexes, in the feeds or in the search index.
    let (imprint, title) = footer_pages[0].clone();
    for lang in ["en", "de"] {
        let slugs = built_page_slugs(lang);
        let (_, _, index) = fetch(&format!("/data/{lang}/page/1.txt"));
        let (_, _, feed) = fetch(&format!("/{lang}/feed.xml"));
        for slug in &slugs {
            let entry = format!("entry\t{lang}\t{slug}\n");
            assert!(!index.contains(&entry), "{slug} is on the {lang} index");
            assert!(
                !feed.contains(&format!("/{lang}/{slug}/")),
                "{slug} is in the {lang} feed"
            );
        }
    }
    let body = page(&imprint);
    assert!(!body.contains("<time"), "{imprint} has a date");
    assert!(body.contains(&format!("<h1>{title}</h1>")), "{imprint}");

    // In the app: a footer link opens the page without a reload, and the
    // switcher leads to its translation, whose header speaks German.
    let browser = crate::english_browser().await;
    browser.open(EN_POST).await;
    browser.wait_for_app().await;
    browser.mark_document().await;
    browser
        .click(&format!(".site-footer a[href=\"{}\"]", href(&imprint)))
        .await;
    browser.wait_for_path(&imprint).await;
    browser
        .wait_until(&format!(
            "document.querySelector('h1')?.textContent === {title:?}"
        ))
        .await;
    assert_eq!(browser.count(".post-meta, article time").await, 0);
    assert_eq!(browser.count(".post-nav, .related").await, 0);
    let german = site.pages.iter().find(|page| {
        page.link(Lang::En, site.default_lang)
            .is_some_and(|link| format!("/en/{}/", link.slug) == imprint)
    });
    let german = german
        .and_then(|page| page.translations.iter().find(|link| link.lang == Lang::De))
        .expect("the first footer page has a German translation");
    browser.click(".lang-switch a[hreflang=de]").await;
    let german_path = format!("/de/{}/", german.slug);
    browser.wait_for_path(&german_path).await;
    browser
        .wait_until(&format!(
            "document.querySelector('h1')?.textContent === {:?}",
            german.title
        ))
        .await;
    let (header_path, header_title) = linked(Place::Header, Lang::De).remove(0);
    let header_href = href(&header_path);
    let shown = browser
        .js(&format!(
            "return document.querySelector('.site-header a[href=\"{header_href}\"]')?.textContent;"
        ))
        .await;
    assert_eq!(shown, json!(header_title));
    assert!(browser.is_same_document().await);
    finish(browser).await;
}
