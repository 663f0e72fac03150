//! The performance benchmark, run by hand through `benches/perf.sh` (which
//! builds the release site and prepares what this reads): the app against
//! hand-written static copies of the same pages (`benches/static/`: the
//! English index, the English post and its German translation, the same
//! text, stylesheet and cover, no JavaScript), both served by the browser
//! tests' server on loopback with brotli, in headless Chromium. Prints the
//! machine it ran on (CPU, cores, load before and after), then one table,
//! app and static side by side, then fails when the app's shell (wasm + js
//! + css, brotli) is over the budgets of `benches/budget.sh`.
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
//!   rests on a link before clicking it) or the translation visited before
//!   (switched to and back, then the same 300 ms before the click); the static page was
//!   visited before, which is all a site without scripts can do ahead of a
//!   click (the test server sends no caching headers, so its files are
//!   fetched again, as from a host that has them revalidated).
//! - The two interactions that should take one frame (index → post
//!   prefetched, language switch cached) run again under Chromium's CPU
//!   throttling at rate 4 (`Emulation.setCPUThrottlingRate`, a mid-range
//!   phone), so that a figure does not hold on a fast machine only.
//!
//! `PERF_ONLY=interactions` measures those two, plain and throttled, and
//! nothing else: the quick loop while working on them. `PERF_PROFILE=1`
//! also records Chromium's CPU profile of each of their clicks in the app
//! and prints where the time went, by function (for the wasm's names, build
//! it with `data-keep-debug`; see docs/performance.md).

use std::path::{Path, PathBuf};
use std::time::Duration;

use blog_e2e::harness::{self, Browser, Options};
use serde_json::json;

/// Samples per timing unless `PERF_RUNS` says otherwise.
const RUNS: usize = 15;
/// Samples of the throttled load unless `PERF_THROTTLED_RUNS` says otherwise.
const THROTTLED_RUNS: usize = 5;
/// Chromium's CPU slowdown for the throttled interactions: a mid-range phone.
const CPU_THROTTLING: u32 = 4;
/// Milliseconds from a click to the new text in the DOM, when the text is
/// already in memory.
const CLICK_TARGET_MS: f64 = 16.0;
/// Milliseconds from the pointer entering a link to its click, and from
/// one language switch to the next. Sooner, the app may still be drawing
/// the prefetched post once, detached, to warm its code
/// (`src/pages/post.rs`, `rehearse`), or still finishing the previous
/// switch after its paint (its URL and head, `src/ui/history.rs`).
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
window.__perf = { appStartedAt: null, lcp: null, arrival: null, hoveredAt: null, profiling: false };
// Under the CPU profiler (`PERF_PROFILE`), marks the text's arrival in the
// samples: the profile counts only what came between the click and here.
function perfArrivedMarker() {
  const until = performance.now() + 1;
  while (performance.now() < until) {}
}
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
      const at = performance.now();
      if (__perf.profiling) perfArrivedMarker();
      done(at);
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
    let only_interactions = match std::env::var("PERF_ONLY").as_deref() {
        Ok("interactions") => true,
        Ok(other) => panic!("PERF_ONLY={other}: the one choice is `interactions`"),
        Err(_) => false,
    };
    let site = harness::dist_dir();
    let static_dir = harness::path_from_env("PERF_STATIC").expect(
        "PERF_STATIC: the folder of static pages; run `bash benches/perf.sh`, which prepares it",
    );
    harness::mount(&format!("{STATIC_PATH}/"), &static_dir);
    let load_before = load_average();

    let to_post_prefetched = alternate(runs, "index → post, body prefetched", async |site| {
        index_to_post(site, true, 1).await
    })
    .await;
    let switch_cached = alternate(runs, "language switch, cached", async |site| {
        switch_to_german(site, true, 1).await
    })
    .await;
    let slow_runs = runs.div_ceil(2).max(5);
    let to_post_slow = alternate(
        slow_runs,
        "index → post, prefetched, CPU ÷4",
        async |site| index_to_post(site, true, CPU_THROTTLING).await,
    )
    .await;
    let switch_slow = alternate(slow_runs, "language switch, cached, CPU ÷4", async |site| {
        switch_to_german(site, true, CPU_THROTTLING).await
    })
    .await;
    if only_interactions {
        print_machine(&load_before);
        print_head();
        print_interactions(
            runs,
            slow_runs,
            [
                &to_post_prefetched,
                &switch_cached,
                &to_post_slow,
                &switch_slow,
            ],
        );
        print_targets(&to_post_prefetched, &switch_cached);
        print_profiles();
        return;
    }
    let cold = alternate(runs, "cold loads", async |site| {
        cold_load(site, Network::Cold).await
    })
    .await;
    let to_post = alternate(runs, "index → post, body not cached", async |site| {
        index_to_post(site, false, 1).await
    })
    .await;
    let switch = alternate(runs, "language switch, not cached", async |site| {
        switch_to_german(site, false, 1).await
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

    print_machine(&load_before);
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
    println!("language switch on the post: click to the German h1, ms (median of {runs})");
    print_times("(a) translation not cached", &switch, 50.0);
    print_interactions(
        runs,
        slow_runs,
        [
            &to_post_prefetched,
            &switch_cached,
            &to_post_slow,
            &switch_slow,
        ],
    );
    println!("throttled cold load (150 ms, 1.6 Mbit/s), ms (median of {throttled_runs})");
    print_loads(&throttled);
    println!();
    println!(
        "interactive: the app's TrunkApplicationStarted (wasm started, page hydrated); static: DOMContentLoaded"
    );
    println!(
        "static (b): the page visited before, HTTP cache on; without scripts nothing is fetched ahead of a click"
    );

    print_targets(&to_post_prefetched, &switch_cached);
    print_profiles();
    // The budgets are benches/budget.sh's, which perf.sh passes on.
    let budget = ["PERF_BUDGET_WASM", "PERF_BUDGET_JS", "PERF_BUDGET_CSS"]
        .into_iter()
        .map(|name| env_count(name, usize::MAX / 4) as u64)
        .sum::<u64>();
    if shell > budget {
        println!(
            "over budget: the shell is {} bytes brotli, the budget {} ({} over)",
            thousands(shell),
            thousands(budget),
            thousands(shell - budget)
        );
        std::process::exit(1);
    }
    println!(
        "within budget: the shell is {} bytes brotli, the budget {} (benches/budget.sh)",
        thousands(shell),
        thousands(budget)
    );
}

/// The two interactions that should take a frame, plain and with the CPU
/// throttled: medians and 95th percentiles, app beside static.
fn print_interactions(runs: usize, slow_runs: usize, samples: [&Samples<f64>; 4]) {
    let [to_post, switch, to_post_slow, switch_slow] = samples;
    println!(
        "index → post, body prefetched on hover: click to the body's first h2, ms ({runs} runs)"
    );
    print_times("(b) median", to_post, 50.0);
    print_times("(b) 95th percentile", to_post, 95.0);
    println!("language switch, translation cached: click to the German h1, ms ({runs} runs)");
    print_times("(b) median", switch, 50.0);
    print_times("(b) 95th percentile", switch, 95.0);
    println!(
        "the same with the CPU {CPU_THROTTLING}× slower (Chromium's throttling), ms ({slow_runs} runs)"
    );
    print_times("index → post prefetched, median", to_post_slow, 50.0);
    print_times(
        "index → post prefetched, 95th percentile",
        to_post_slow,
        95.0,
    );
    print_times("switch cached, median", switch_slow, 50.0);
    print_times("switch cached, 95th percentile", switch_slow, 95.0);
}

/// Whether the two interactions met the one-frame target at the 95th
/// percentile, unthrottled.
fn print_targets(to_post: &Samples<f64>, switch: &Samples<f64>) {
    for (what, samples) in [
        ("index → post, prefetched", &to_post.0),
        ("language switch, cached", &switch.0),
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
}

/// The load average (1, 5, 15 minutes), as `/proc/loadavg` says.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The machine the figures are from: a figure of one machine is compared
/// with another's by the static pages' figures of the same run beside it.
fn print_machine(load_before: &str) {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    println!();
    println!(
        "machine: {cpu}, {cores} cores; load average {load_before} before, {} after",
        load_average()
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

/// Milliseconds of CPU profile by (interaction, function), summed over the
/// profiled clicks, and how many clicks each interaction had.
type Profiles = std::collections::BTreeMap<(&'static str, String), f64>;
/// Milliseconds by (interaction, function, the callers above it).
type Stacks = std::collections::BTreeMap<(&'static str, String, String), f64>;
static PROFILES: std::sync::Mutex<(Profiles, Vec<&'static str>, Stacks)> =
    std::sync::Mutex::new((Profiles::new(), Vec::new(), Stacks::new()));

/// Runs `click`; with `PERF_PROFILE` set and on the app, inside Chromium's
/// CPU profiler, whose samples it adds up by function into [`PROFILES`].
async fn profiled(
    browser: &Browser,
    site: Site,
    what: &'static str,
    click: impl Future<Output = f64>,
) -> f64 {
    if site != Site::App || std::env::var_os("PERF_PROFILE").is_none() {
        return click.await;
    }
    browser.cdp("Profiler.enable", json!({})).await;
    browser
        .cdp("Profiler.setSamplingInterval", json!({ "interval": 50 }))
        .await;
    browser.js("__perf.profiling = true;").await;
    browser.cdp("Profiler.start", json!({})).await;
    let ms = click.await;
    let profile = browser.cdp("Profiler.stop", json!({})).await;
    let profile = &profile["profile"];
    // Each node's parent, to tell which samples are of the click and of
    // the arrival's marker.
    let mut parents = std::collections::HashMap::new();
    for node in profile["nodes"].as_array().into_iter().flatten() {
        for child in node["children"].as_array().into_iter().flatten() {
            parents.insert(
                child.as_u64().unwrap_or_default(),
                node["id"].as_u64().unwrap_or_default(),
            );
        }
    }
    let names: std::collections::HashMap<u64, String> = profile["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|node| {
            let frame = &node["callFrame"];
            let name = frame["functionName"].as_str().unwrap_or_default();
            let name = if name.is_empty() {
                // An anonymous function: where it is in its file.
                let file = frame["url"].as_str().unwrap_or_default();
                let file = file.rsplit('/').next().unwrap_or(file);
                format!(
                    "(anonymous {file}:{}:{})",
                    frame["lineNumber"].as_i64().unwrap_or(-1) + 1,
                    frame["columnNumber"].as_i64().unwrap_or(-1) + 1
                )
            } else {
                name.to_owned()
            };
            (node["id"].as_u64().unwrap_or_default(), name)
        })
        .collect();
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let in_stack = |mut node: u64, name: &str| loop {
        if names.get(&node).is_some_and(|found| found == name) {
            return true;
        }
        match parents.get(&node) {
            Some(&parent) => node = parent,
            None => return false,
        }
    };
    let mut found = PROFILES.lock().unwrap();
    found.1.push(what);
    // From the click's first sample to the marker's: the measured time.
    let mut clicked = false;
    for (sample, delta) in samples.iter().zip(deltas.iter().skip(1).chain([&json!(0)])) {
        let node = sample.as_u64().unwrap_or_default();
        clicked = clicked || in_stack(node, "__perf.click");
        if !clicked {
            continue;
        }
        if in_stack(node, "perfArrivedMarker") {
            break;
        }
        let name = names.get(&node).cloned().unwrap_or_default();
        let ms = delta.as_f64().unwrap_or(0.0) / 1000.0;
        *found.0.entry((what, name.clone())).or_default() += ms;
        let mut callers = Vec::new();
        let mut up = node;
        while let Some(&parent) = parents.get(&up) {
            match names.get(&parent) {
                Some(caller) if !caller.starts_with('(') || caller.starts_with("(anonymous") => {
                    callers.push(caller.split("::h").next().unwrap_or(caller).to_owned());
                }
                _ => {}
            }
            up = parent;
        }
        let callers = callers.into_iter().take(6).collect::<Vec<_>>().join(" ← ");
        *found.2.entry((what, name, callers)).or_default() += ms;
    }
    ms
}

/// The functions that took the most time in the profiled clicks, per click.
fn print_profiles() {
    let found = PROFILES.lock().unwrap();
    let mut kinds = found.1.clone();
    kinds.dedup();
    for what in kinds {
        let clicks = found.1.iter().filter(|&&w| w == what).count();
        let mut rows: Vec<(&String, f64)> = found
            .0
            .iter()
            .filter(|((w, name), _)| *w == what && !matches!(name.as_str(), "(idle)" | "(program)"))
            .map(|((_, name), ms)| (name, ms / clicks as f64))
            .collect();
        rows.sort_by(|a, b| b.1.total_cmp(&a.1));
        let total: f64 = rows.iter().map(|(_, ms)| ms).sum();
        println!(
            "profile of {what} in the app, click to text: {total:.1} ms of samples a click ({clicks} clicks), by self time"
        );
        for (name, ms) in rows.iter().take(30) {
            println!("  {ms:>7.2} ms  {name}");
        }
        // Where the five costliest were called from, most often.
        for (name, _) in rows.iter().take(5) {
            let from = found
                .2
                .iter()
                .filter(|((w, n, _), _)| *w == what && n == *name)
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|((_, _, callers), _)| callers.as_str())
                .unwrap_or_default();
            println!("  {name}\n      ← {from}");
        }
    }
}

/// Makes the page's CPU `slowdown` times slower (1: as it is).
async fn throttle_cpu(browser: &Browser, slowdown: u32) {
    if slowdown > 1 {
        browser
            .cdp(
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": slowdown }),
            )
            .await;
    }
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
/// link first (the static post visited before instead); the CPU `slowdown`
/// times slower (1: not throttled).
async fn index_to_post(site: Site, prefetched: bool, slowdown: u32) -> f64 {
    let browser = browser(if prefetched {
        Network::Warm
    } else {
        Network::Cold
    })
    .await;
    throttle_cpu(&browser, slowdown).await;
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
    let what = if slowdown > 1 {
        "index → post, CPU throttled"
    } else {
        "index → post"
    };
    let ms = profiled(
        &browser,
        site,
        what,
        click(&browser, site, &CARD_LINK, &BODY),
    )
    .await;
    browser.close().await;
    ms
}

/// From the English post to the German one by the header's language
/// switcher: with the translation not cached (a fresh load of the post), or
/// cached (switched to German and back first, then a pause of `HOVER_MS`);
/// the CPU `slowdown` times slower.
async fn switch_to_german(site: Site, cached: bool, slowdown: u32) -> f64 {
    let browser = browser(if cached { Network::Warm } else { Network::Cold }).await;
    throttle_cpu(&browser, slowdown).await;
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
        // A reader reads a moment before switching again, as they rest on
        // a link before clicking it.
        tokio::time::sleep(Duration::from_millis(HOVER_MS.into())).await;
    }
    let what = if slowdown > 1 {
        "switch, CPU throttled"
    } else {
        "switch"
    };
    let ms = profiled(
        &browser,
        site,
        what,
        click(&browser, site, &SWITCH_TO_GERMAN, &german),
    )
    .await;
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
