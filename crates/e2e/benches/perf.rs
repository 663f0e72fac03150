//! The performance benchmark, run by hand through `benches/perf.sh` (which
//! builds the release site and prepares what this reads): the app against
//! hand-written static copies of the same pages (`benches/static/`: the
//! English index, the English post and its German translation, the same
//! text, stylesheet and cover, no JavaScript), both served by the browser
//! tests' server on loopback with brotli, in headless Chromium. Prints one
//! table, app and static side by side, then fails when the app's shell
//! (wasm + js + css, brotli) is over budget.
//!
//! Every timing is taken inside the page with the Performance API, each
//! sample in a fresh browser, app and static samples alternating so that the
//! machine's load weighs on both alike; the table shows medians.
//!
//! - Cold load (HTTP cache disabled): first contentful paint (`paint`
//!   entries), largest contentful paint (the last `largest-contentful-paint`
//!   entry, half a second after the page has loaded and painted), and when
//!   the page is interactive: for the app, Trunk's `TrunkApplicationStarted`
//!   event (the wasm has started and hydrated the page); for the static
//!   page, which needs no script, `DOMContentLoaded`. Throttled, Chromium
//!   now and then reports no entry for the cover's paint, for the app and
//!   the static page alike; the largest paint is then the text's.
//! - A click, from the click to the awaited text in the DOM: the page's own
//!   script notes `performance.now()` and calls `link.click()`, and a
//!   `MutationObserver` notes when the text is there. The app navigates in
//!   the same document. The static page navigates to a new document: the
//!   click's time (`performance.timeOrigin + performance.now()`) goes to
//!   `sessionStorage`, and the new document, whose observer is installed
//!   before the page is parsed, subtracts it from its own
//!   `performance.timeOrigin + performance.now()` when the text is there.
//! - "Cached" rows run with the HTTP cache on: the app has the body in
//!   memory, prefetched on hover (the events a pointer entering the link
//!   dispatches, then the fetch they started awaited in the resource
//!   entries, and the click 300 ms after the pointer entered, as a reader
//!   rests on a link before clicking it) or the translation visited before; the static page was
//!   visited before, which is all a site without scripts can do ahead of a
//!   click (the test server sends no caching headers, so its files are
//!   fetched again, as from a host that has them revalidated).

use std::path::{Path, PathBuf};
use std::time::Duration;

use blog_e2e::harness::{self, Browser, Options};
use serde_json::json;

/// Samples per timing unless `PERF_RUNS` says otherwise.
const RUNS: usize = 15;
/// Samples of the throttled load unless `PERF_THROTTLED_RUNS` says otherwise.
const THROTTLED_RUNS: usize = 5;
/// Brotli bytes allowed for the app's shell: wasm, js and css together.
const SHELL_BUDGET: u64 = 102_400;
/// Milliseconds from a click to the new text in the DOM, when the text is
/// already in memory.
const CLICK_TARGET_MS: f64 = 16.0;
/// Milliseconds from the pointer entering a link to its click. Sooner, the
/// app may still be drawing the prefetched post once, detached, to warm its
/// code (`src/pages/post.rs`, `rehearse`).
const HOVER_MS: u32 = 300;

const INDEX: &str = "/en/";
const POST: &str = "/en/the-rise-of-serverless-edge-computing/";
const POST_DE: &str = "/de/der-aufstieg-des-serverless-edge-computing/";
const TITLE: &str = "The Rise of Serverless Edge Computing";
const TITLE_DE: &str = "Der Aufstieg des Serverless Edge Computing";
/// Where the static pages are served, beside the site.
const STATIC_PATH: &str = "/static";

/// The post's link on the index (not the cover's, hidden from readers).
const CARD_LINK: Link = Link {
    selector: "main a:not([aria-hidden=true])",
    path: POST,
};
const SWITCH_TO_GERMAN: Link = Link {
    selector: "header a[hreflang=de]",
    path: POST_DE,
};
const SWITCH_TO_ENGLISH: Link = Link {
    selector: "header a[hreflang=en]",
    path: POST,
};
/// A post's body is there.
const BODY: Target = Target {
    selector: ".post-body h2",
    text: None,
};

/// Runs first in every document: records when the app started and the
/// largest contentful paint, and times clicks (see the module's comment).
const PAGE_SCRIPT: &str = r#"
window.__perf = { appStartedAt: null, lcp: null, arrival: null, hoveredAt: null };
addEventListener('TrunkApplicationStarted', () => { __perf.appStartedAt = performance.now(); });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) __perf.lcp = entry.startTime;
}).observe({ type: 'largest-contentful-paint', buffered: true });

// The first element matching `selector` that links to a path ending in `path`.
__perf.link = ({ selector, path }) => {
  const link = [...document.querySelectorAll(selector)].find((a) => a.pathname.endsWith(path));
  if (!link) throw new Error(`no link ${selector} to ${path}`);
  return link;
};
// Whether an element matches `selector` (with `text` as its text, if given).
__perf.holds = ({ selector, text }) =>
  [...document.querySelectorAll(selector)].some((e) => text == null || e.textContent.trim() === text);
// Calls `done(performance.now())` once `target` holds, checked on every DOM change.
__perf.whenInDom = (target, done) => {
  const observer = new MutationObserver(() => {
    if (__perf.holds(target)) {
      observer.disconnect();
      done(performance.now());
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
};
// Clicks `link`; `__perf.arrival` becomes the milliseconds until `target`
// holds, in this document or the next.
__perf.click = (link, target) => {
  const element = __perf.link(link);
  if (__perf.holds(target)) throw new Error(`${target.selector} is there before the click`);
  __perf.arrival = null;
  const clickedAt = performance.now();
  sessionStorage.setItem('perf.click', JSON.stringify({ target, at: performance.timeOrigin + clickedAt }));
  __perf.whenInDom(target, (at) => {
    sessionStorage.removeItem('perf.click');
    __perf.arrival = { ms: at - clickedAt, document: 'same' };
  });
  element.click();
};
// What a pointer entering `link` dispatches to it.
__perf.hover = (link) => {
  const element = __perf.link(link);
  __perf.hoveredAt = performance.now();
  for (const [type, bubbles] of [['pointerover', true], ['pointerenter', false], ['mouseover', true], ['mouseenter', false]]) {
    const Event = type.startsWith('pointer') ? PointerEvent : MouseEvent;
    element.dispatchEvent(new Event(type, { bubbles, composed: true, view: window }));
  }
};
// Whether a fetch started since the hover has finished (resource entries are
// added once the response has ended).
__perf.fetchedSinceHover = () => performance.getEntriesByType('resource')
  .some((e) => e.startTime >= __perf.hoveredAt && ['fetch', 'xmlhttprequest'].includes(e.initiatorType));

// The document a click led to.
try {
  const click = JSON.parse(sessionStorage.getItem('perf.click'));
  if (click) {
    sessionStorage.removeItem('perf.click');
    __perf.whenInDom(click.target, (at) => {
      __perf.arrival = { ms: performance.timeOrigin + at - click.at, document: 'new' };
    });
  }
} catch (_) {}
"#;

/// The app, or the static pages.
#[derive(Clone, Copy, PartialEq)]
enum Site {
    App,
    Static,
}

impl Site {
    /// Where a page of the site is: `/en/` or `/static/en/`.
    fn path(self, path: &str) -> String {
        match self {
            Site::App => path.to_owned(),
            Site::Static => format!("{STATIC_PATH}{path}"),
        }
    }
}

/// A link to click, found by a selector and the end of its path.
#[derive(serde::Serialize)]
struct Link {
    selector: &'static str,
    path: &'static str,
}

/// What a click waits for: an element matching `selector`, with `text`.
#[derive(serde::Serialize)]
struct Target {
    selector: &'static str,
    text: Option<&'static str>,
}

/// What a sample's browser does with the network.
#[derive(Clone, Copy, PartialEq)]
enum Network {
    /// HTTP cache disabled.
    Cold,
    /// HTTP cache on.
    Warm,
    /// HTTP cache disabled, 150 ms latency, 1.6 Mbit/s each way.
    Throttled,
}

/// The figures of one cold load, in milliseconds from navigation.
struct Load {
    first_paint: f64,
    largest_paint: f64,
    interactive: f64,
}

#[tokio::main]
async fn main() {
    let runs = env_count("PERF_RUNS", RUNS);
    let throttled_runs = env_count("PERF_THROTTLED_RUNS", THROTTLED_RUNS);
    let site = harness::dist_dir();
    let static_dir = harness::path_from_env("PERF_STATIC").expect(
        "PERF_STATIC: the folder of static pages; run `bash benches/perf.sh`, which prepares it",
    );
    harness::mount(&format!("{STATIC_PATH}/"), &static_dir);

    let cold = alternate(runs, "cold loads", async |site| {
        cold_load(site, Network::Cold).await
    })
    .await;
    let to_post = alternate(runs, "index → post, body not cached", async |site| {
        index_to_post(site, false).await
    })
    .await;
    let to_post_prefetched = alternate(runs, "index → post, body prefetched", async |site| {
        index_to_post(site, true).await
    })
    .await;
    let switch = alternate(runs, "language switch, not cached", async |site| {
        switch_to_german(site, false).await
    })
    .await;
    let switch_cached = alternate(runs, "language switch, cached", async |site| {
        switch_to_german(site, true).await
    })
    .await;
    let throttled = alternate(throttled_runs, "throttled loads", async |site| {
        cold_load(site, Network::Throttled).await
    })
    .await;

    let bytes = |dir: &Path, pattern: &str| brotli_bytes(&find_file(dir, pattern));
    let wasm = bytes(&site, "_bg.wasm");
    let js = bytes(&site, ".js");
    let css = bytes(&site, ".css");
    let shell = wasm + js + css;
    let static_css = bytes(&static_dir, "main.css");
    let post_html = |dir: &Path| bytes(&dir.join(POST.trim_matches('/')), "index.html");

    print_head();
    println!("bytes, brotli (quality 11)");
    print_bytes("wasm", wasm, 0);
    print_bytes("js", js, 0);
    print_bytes("css", css, static_css);
    print_bytes("whole shell (wasm + js + css)", shell, static_css);
    print_bytes(
        "HTML of the English post",
        post_html(&site),
        post_html(&static_dir),
    );
    println!("cold load of {POST}, ms (median of {runs}, HTTP cache disabled)");
    print_loads(&cold);
    println!("index → post: click to the body's first h2, ms (median of {runs})");
    print_times("(a) body not cached", &to_post, 50.0);
    print_times("(b) body prefetched on hover", &to_post_prefetched, 50.0);
    print_times("(b) 95th percentile", &to_post_prefetched, 95.0);
    println!("language switch on the post: click to the German h1, ms (median of {runs})");
    print_times("(a) translation not cached", &switch, 50.0);
    print_times("(b) translation cached", &switch_cached, 50.0);
    print_times("(b) 95th percentile", &switch_cached, 95.0);
    println!("throttled cold load (150 ms, 1.6 Mbit/s), ms (median of {throttled_runs})");
    print_loads(&throttled);
    println!();
    println!(
        "interactive: the app's TrunkApplicationStarted (wasm started, page hydrated); static: DOMContentLoaded"
    );
    println!(
        "static (b): the page visited before, HTTP cache on; without scripts nothing is fetched ahead of a click"
    );

    for (what, samples) in [
        ("index → post, prefetched", &to_post_prefetched.0),
        ("language switch, cached", &switch_cached.0),
    ] {
        let p95 = percentile(samples, 95.0);
        let verdict = if p95 <= CLICK_TARGET_MS {
            "met"
        } else {
            "missed"
        };
        println!(
            "target {what}: click to text within {CLICK_TARGET_MS:.0} ms at the 95th percentile: {p95:.1} ms, {verdict}"
        );
    }
    if shell > SHELL_BUDGET {
        println!(
            "over budget: the shell is {} bytes brotli, the budget {} ({} over)",
            thousands(shell),
            thousands(SHELL_BUDGET),
            thousands(shell - SHELL_BUDGET)
        );
        std::process::exit(1);
    }
    println!(
        "within budget: the shell is {} bytes brotli, the budget {}",
        thousands(shell),
        thousands(SHELL_BUDGET)
    );
}

/// A count from the environment, else `default`.
fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse()
            .ok()
            .filter(|&count| count > 0)
            .unwrap_or_else(|| panic!("{name}={value}: give a positive number")),
        Err(_) => default,
    }
}

/// `runs` samples of the app and of the static pages, taken in turns.
async fn alternate<T>(runs: usize, what: &str, measure: impl AsyncFn(Site) -> T) -> Samples<T> {
    eprintln!("measuring {what}: {runs} × app and static");
    let (mut app, mut static_pages) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        app.push(measure(Site::App).await);
        static_pages.push(measure(Site::Static).await);
    }
    (app, static_pages)
}

/// Samples of the app and of the static pages.
type Samples<T> = (Vec<T>, Vec<T>);

/// A fresh browser with the page script, its network as asked.
async fn browser(network: Network) -> Browser {
    let browser = Browser::start(Options {
        init_script: Some(PAGE_SCRIPT),
        ..Options::default()
    })
    .await;
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp(
            "Network.setCacheDisabled",
            json!({ "cacheDisabled": network != Network::Warm }),
        )
        .await;
    if network == Network::Throttled {
        browser
            .cdp(
                "Network.emulateNetworkConditions",
                json!({
                    "offline": false,
                    "latency": 150,
                    "downloadThroughput": 200_000,
                    "uploadThroughput": 200_000,
                }),
            )
            .await;
    }
    browser
}

/// Opens a page and waits until it has loaded and, on the app, the app has
/// started.
async fn load(browser: &Browser, site: Site, path: &str) {
    browser.open_page(&site.path(path)).await;
    browser.wait_until(&loaded(site)).await;
}

/// The condition `load` waits for.
fn loaded(site: Site) -> String {
    let app = match site {
        Site::App => " && __perf.appStartedAt !== null",
        Site::Static => "",
    };
    format!("document.readyState === 'complete'{app}")
}

/// Clicks `link` and returns the milliseconds until `target` is in the DOM;
/// the app must stay in its document, the static page must load a new one.
async fn click(browser: &Browser, site: Site, link: &Link, target: &Target) -> f64 {
    browser
        .js(&format!(
            "__perf.click({}, {});",
            json!(link),
            json!(target)
        ))
        .await;
    browser
        .wait_until("window.__perf && __perf.arrival !== null")
        .await;
    let arrival = browser.js("return __perf.arrival;").await;
    let expected = match site {
        Site::App => "same",
        Site::Static => "new",
    };
    assert_eq!(
        arrival["document"], expected,
        "{} to {}: arrived in the {} document",
        link.selector, link.path, arrival["document"]
    );
    arrival["ms"].as_f64().expect("a time")
}

/// A cold load of the English post.
async fn cold_load(site: Site, network: Network) -> Load {
    let browser = browser(network).await;
    load(&browser, site, POST).await;
    // Paints are reported once a frame shows them, which can lag behind the
    // load event on a busy machine; the largest may come after the first.
    browser
        .wait_until(
            "performance.getEntriesByName('first-contentful-paint').length > 0 && __perf.lcp !== null",
        )
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let figures = browser
        .js("const [navigation] = performance.getEntriesByType('navigation');
             const [paint] = performance.getEntriesByName('first-contentful-paint');
             return [paint.startTime, __perf.lcp, __perf.appStartedAt, navigation.domContentLoadedEventEnd];")
        .await;
    browser.close().await;
    let figure = |index: usize| figures[index].as_f64().expect("a time");
    Load {
        first_paint: figure(0),
        largest_paint: figure(1),
        interactive: match site {
            Site::App => figure(2),
            Site::Static => figure(3),
        },
    }
}

/// From the English index to the post by its card's link: with the body
/// not cached (a fresh load of the index), or prefetched by hovering the
/// link first (the static post visited before instead).
async fn index_to_post(site: Site, prefetched: bool) -> f64 {
    let browser = browser(if prefetched {
        Network::Warm
    } else {
        Network::Cold
    })
    .await;
    if prefetched && site == Site::Static {
        load(&browser, site, POST).await;
    }
    load(&browser, site, INDEX).await;
    if prefetched && site == Site::App {
        browser
            .js(&format!("__perf.hover({});", json!(CARD_LINK)))
            .await;
        browser.wait_until("__perf.fetchedSinceHover()").await;
        // A pointer rests on a link a while before it clicks; the app
        // takes in the post meanwhile.
        browser
            .wait_until(&format!(
                "performance.now() - __perf.hoveredAt >= {HOVER_MS}"
            ))
            .await;
    }
    let ms = click(&browser, site, &CARD_LINK, &BODY).await;
    browser.close().await;
    ms
}

/// From the English post to the German one by the header's language
/// switcher: with the translation not cached (a fresh load of the post), or
/// cached (switched to German and back first).
async fn switch_to_german(site: Site, cached: bool) -> f64 {
    let browser = browser(if cached { Network::Warm } else { Network::Cold }).await;
    load(&browser, site, POST).await;
    let german = Target {
        selector: "h1",
        text: Some(TITLE_DE),
    };
    if cached {
        let english = Target {
            selector: "h1",
            text: Some(TITLE),
        };
        for (link, title) in [(&SWITCH_TO_GERMAN, &german), (&SWITCH_TO_ENGLISH, &english)] {
            click(&browser, site, link, title).await;
            browser
                .wait_until(&format!(
                    "{} && __perf.holds({})",
                    loaded(site),
                    json!(BODY)
                ))
                .await;
        }
    }
    let ms = click(&browser, site, &SWITCH_TO_GERMAN, &german).await;
    browser.close().await;
    ms
}

/// The file in `dir` whose name ends with `suffix` (the built site's names
/// carry a hash).
fn find_file(dir: &Path, suffix: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("read {}: {err}", dir.display()))
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.to_string_lossy().ends_with(suffix))
        .unwrap_or_else(|| panic!("no file *{suffix} in {}", dir.display()))
}

/// The size of a file's brotli copy (`<file>.br`, written by `perf.sh`).
fn brotli_bytes(file: &Path) -> u64 {
    let mut name = file.as_os_str().to_owned();
    name.push(".br");
    std::fs::metadata(&name)
        .unwrap_or_else(|err| {
            panic!(
                "{}: {err}; run `bash benches/perf.sh`, which writes it",
                Path::new(&name).display()
            )
        })
        .len()
}

fn median(samples: &[f64]) -> f64 {
    percentile(samples, 50.0)
}

/// The `p`th percentile, interpolated between the nearest ranks.
fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = p / 100.0 * (sorted.len() - 1) as f64;
    let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

/// `273123` → `273,123`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Width of the table's first column.
const LABEL_WIDTH: usize = 44;

fn print_head() {
    println!();
    println!(
        "{:<LABEL_WIDTH$} {:>10} {:>10} {:>10}",
        "", "app", "static", "app/static"
    );
}

/// A row: the label, the app's figure, the static pages', app / static.
fn print_row(label: &str, app: f64, static_pages: f64, format: fn(f64) -> String) {
    let ratio = if static_pages > 0.0 {
        format!("{:.2}×", app / static_pages)
    } else {
        String::new()
    };
    println!(
        "  {label:<width$} {:>10} {:>10} {ratio:>10}",
        format(app),
        format(static_pages),
        width = LABEL_WIDTH - 2
    );
}

fn print_bytes(label: &str, app: u64, static_pages: u64) {
    print_row(label, app as f64, static_pages as f64, |bytes| {
        thousands(bytes as u64)
    });
}

/// The `p`th percentile of each side's milliseconds.
fn print_times(label: &str, samples: &Samples<f64>, p: f64) {
    print_row(
        label,
        percentile(&samples.0, p),
        percentile(&samples.1, p),
        |ms| format!("{ms:.1}"),
    );
}

/// The medians of each figure of the loads.
fn print_loads((app, static_pages): &Samples<Load>) {
    fn medians(loads: &[Load], figure: impl Fn(&Load) -> f64) -> f64 {
        median(&loads.iter().map(figure).collect::<Vec<_>>())
    }
    let ms = |ms: f64| format!("{ms:.0}");
    print_row(
        "first contentful paint",
        medians(app, |load| load.first_paint),
        medians(static_pages, |load| load.first_paint),
        ms,
    );
    print_row(
        "largest contentful paint",
        medians(app, |load| load.largest_paint),
        medians(static_pages, |load| load.largest_paint),
        ms,
    );
    print_row(
        "interactive",
        medians(app, |load| load.interactive),
        medians(static_pages, |load| load.interactive),
        ms,
    );
}
