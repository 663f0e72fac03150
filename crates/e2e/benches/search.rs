//! Search against Pagefind, side by side, run by hand through
//! `benches/search.sh` (which builds the site, runs Pagefind over it and
//! compresses every file with brotli, as a static host serves them). In
//! headless Chromium, on the site served on loopback:
//!
//! - the bytes a first query transfers (brotli bodies of every request it
//!   makes, counted by the server: our index's list of shards, shards, lists
//!   of posts and the post files its passages are cut from; Pagefind's
//!   script, worker, wasm, index chunks and the fragments of its first five
//!   results);
//! - the time from a keystroke to its results, for every keystroke of a
//!   few queries typed letter by letter (ours: from the `input` event to the
//!   results in the DOM; Pagefind: its `search` and the data of the first
//!   five results, which is what its UI shows), p50 and p95;
//! - whether each finds the post of `benches/search/content` by the end of
//!   a German compound, an umlaut written out, and a typo.
//!
//! Each run is a fresh browser (nothing cached). The table also has what the
//! script measured: the index on disk and the time to build it.

use std::path::PathBuf;
use std::time::Duration;

use blog_e2e::harness::{self, Browser, Options};
use serde_json::Value;

/// Browsers per side unless `SEARCH_RUNS` says otherwise.
const RUNS: usize = 5;

/// Queries typed letter by letter; every keystroke from the second letter on
/// is timed.
const TYPED: [&str; 4] = [
    "serverless edge",
    "image compression",
    "datenbank",
    "rust errors",
];

/// The post of `benches/search/content`, by a part of its address.
const CASE_POST: &str = "hochspannungsnetzgeraet";

/// (name, query): each should find [`CASE_POST`] from a German page.
const CASES: [(&str, &str); 3] = [
    (
        "German compound (Netzgerät → Hochspannungsnetzgerät)",
        "Netzgerät",
    ),
    ("umlaut written out (Kuehlung → Kühlung)", "Kuehlung"),
    (
        "one letter wrong (Hochspanungsnetzgerät)",
        "Hochspanungsnetzgerät",
    ),
];

/// The first query of a fresh page, whose bytes are counted.
const FIRST_QUERY: &str = "edge caching";

/// Times one keystroke in our app: sets the field to `text`, fires `input`,
/// and resolves with the milliseconds until the status says the search is
/// done (or at once, for a query with nothing to search for).
const OURS: &str = r#"
window.__bench = {
  keystroke(text) {
    const input = document.getElementById('search-input');
    const panel = document.querySelector('.search-panel');
    // The status is drawn anew with the list: read it afresh each time.
    const status = () => document.querySelector('.search-status').textContent;
    const done = () => status() !== '' && !/Searching|Suche läuft/.test(status());
    return new Promise((resolve) => {
      const started = performance.now();
      const before = performance.getEntriesByType('resource').length;
      window.__bench.fetched = [];
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          const ms = performance.now() - started;
          // What the keystroke fetched, for the slowest.
          window.__bench.fetched = performance.getEntriesByType('resource').slice(before)
            .map((e) => e.name.replace(/^.*\/search\//, '') + ' ' + Math.round(e.responseEnd - e.startTime) + 'ms');
          resolve(ms);
        }
      });
      observer.observe(panel, { childList: true, subtree: true, characterData: true });
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Nothing to search for: the status stays empty.
      setTimeout(() => { if (status() === '') { observer.disconnect(); resolve(null); } }, 50);
    });
  },
  found() {
    return [...document.querySelectorAll('a.search-option')].map((a) => a.getAttribute('href'));
  },
};
"#;

/// The same for Pagefind, on `benches/search.sh`'s page that loads it.
const PAGEFIND: &str = r#"
window.__bench = {
  last: [],
  async keystroke(text) {
    const started = performance.now();
    const search = await window.pagefind.search(text);
    const top = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
    window.__bench.last = top.map((data) => data.url);
    return performance.now() - started;
  },
  found() { return window.__bench.last; },
};
"#;

/// Brotli body bytes of the files this browser requested whose path
/// contains one of `parts`, as the server sent them (`<file>.br` beside
/// each text file): counted where they are served, so that the requests of
/// Pagefind's web worker, which the page's resource timing does not see,
/// count too.
fn transferred(browser: &Browser, parts: &[&str]) -> f64 {
    let site = harness::dist_dir();
    browser
        .request_paths()
        .iter()
        .filter(|path| parts.iter().any(|part| path.contains(part)))
        .filter_map(|path| {
            let file = site.join(path.trim_start_matches('/'));
            let compressed = PathBuf::from(format!("{}.br", file.display()));
            std::fs::metadata(&compressed)
                .or_else(|_| std::fs::metadata(&file))
                .ok()
        })
        .map(|meta| meta.len() as f64)
        .sum()
}

struct Side {
    name: &'static str,
    /// Opens a fresh page of `lang` with search ready.
    page: fn(&str) -> String,
    script: &'static str,
    /// The requests a query makes.
    parts: &'static [&'static str],
}

fn ours_page(lang: &str) -> String {
    format!("/{lang}/")
}

fn pagefind_page(lang: &str) -> String {
    format!("/pagefind-bench/{lang}/")
}

const SIDES: [Side; 2] = [
    Side {
        name: "ours",
        page: ours_page,
        script: OURS,
        parts: &["/search/", "/data/"],
    },
    Side {
        name: "Pagefind",
        page: pagefind_page,
        script: PAGEFIND,
        parts: &["/pagefind/"],
    },
];

async fn ready(browser: &Browser, side: &Side, lang: &str) {
    browser.open_page(&(side.page)(lang)).await;
    if side.name == "ours" {
        browser.wait_for_app().await;
    } else {
        browser.wait_until("window.pagefind !== undefined").await;
    }
    browser.js(side.script).await;
}

async fn keystroke(browser: &Browser, text: &str) -> Option<f64> {
    let script = format!("return await window.__bench.keystroke({text:?});");
    browser.js(&script).await.as_f64()
}

#[derive(Default)]
struct Measured {
    first_query_bytes: Vec<f64>,
    /// Each keystroke's time with what was typed (and, for ours, the
    /// files it fetched), for the slowest.
    slowest: Vec<(f64, String)>,
    keystrokes: Vec<f64>,
    cases: Vec<bool>,
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

async fn measure(side: &Side, runs: usize) -> Measured {
    let mut measured = Measured::default();
    for run in 0..runs {
        let browser = Browser::start(Options::default()).await;
        ready(&browser, side, "en").await;
        for end in 2..=FIRST_QUERY.len() {
            keystroke(&browser, &FIRST_QUERY[..end]).await;
        }
        // Passages and fragments load after the results: give them time.
        tokio::time::sleep(Duration::from_millis(500)).await;
        // From the page's start: Pagefind loads its script, worker, wasm and
        // entry as its page loads, ahead of the query; ours only on the query.
        measured
            .first_query_bytes
            .push(transferred(&browser, side.parts));
        for query in TYPED {
            let chars: Vec<(usize, char)> = query.char_indices().collect();
            for (at, ch) in chars.iter().skip(1) {
                let prefix = &query[..at + ch.len_utf8()];
                if let Some(ms) = keystroke(&browser, prefix).await {
                    measured.keystrokes.push(ms);
                    let fetched = browser
                        .js("return (window.__bench.fetched || []).join(', ');")
                        .await;
                    let fetched = fetched.as_str().unwrap_or_default();
                    measured
                        .slowest
                        .push((ms, format!("{prefix:?} [{fetched}]")));
                }
            }
        }
        browser.close().await;
        if run == 0 {
            let browser = Browser::start(Options::default()).await;
            ready(&browser, side, "de").await;
            for (_, query) in CASES {
                keystroke(&browser, query).await;
                let found: Value = browser.js("return window.__bench.found();").await;
                let hit = found.as_array().is_some_and(|urls| {
                    urls.iter()
                        .any(|url| url.as_str().is_some_and(|u| u.contains(CASE_POST)))
                });
                measured.cases.push(hit);
            }
            browser.close().await;
        }
    }
    measured
}

#[tokio::main]
async fn main() {
    let runs = std::env::var("SEARCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(RUNS);
    let info = |name: &str| std::env::var(name).unwrap_or_else(|_| "?".to_owned());
    let mut results = Vec::new();
    for side in &SIDES {
        results.push(measure(side, runs).await);
    }
    let row = |label: &str, ours: String, pagefind: String| {
        println!("{label:<52} {ours:>16} {pagefind:>16}");
    };
    println!(
        "\nSearch at {} posts, {runs} fresh browsers per side (Chromium, loopback, brotli)\n",
        info("SEARCH_POSTS")
    );
    row("", "ours".into(), "Pagefind".into());
    row(
        "index on disk (all files, raw)",
        info("SEARCH_OURS_DISK"),
        info("SEARCH_PAGEFIND_DISK"),
    );
    row(
        "index build time",
        info("SEARCH_OURS_BUILD"),
        info("SEARCH_PAGEFIND_BUILD"),
    );
    let kb = |bytes: &[f64]| format!("{:.1} KB", percentile(bytes, 0.5) / 1024.0);
    row(
        &format!("first query ({FIRST_QUERY:?}, typed), brotli, median"),
        kb(&results[0].first_query_bytes),
        kb(&results[1].first_query_bytes),
    );
    let ms = |values: &[f64], p: f64| format!("{:.1} ms", percentile(values, p));
    row(
        "keystroke to results, p50",
        ms(&results[0].keystrokes, 0.5),
        ms(&results[1].keystrokes, 0.5),
    );
    row(
        "keystroke to results, p95",
        ms(&results[0].keystrokes, 0.95),
        ms(&results[1].keystrokes, 0.95),
    );
    for (at, (name, _)) in CASES.iter().enumerate() {
        let found = |measured: &Measured| {
            if measured.cases.get(at) == Some(&true) {
                "found"
            } else {
                "not found"
            }
            .to_owned()
        };
        row(name, found(&results[0]), found(&results[1]));
    }
    println!(
        "\n{} keystrokes timed per side",
        results[0].keystrokes.len()
    );
    for (side, measured) in SIDES.iter().zip(&mut results) {
        measured.slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        let slowest: Vec<String> = measured
            .slowest
            .iter()
            .take(6)
            .map(|(ms, typed)| format!("  {ms:.0} ms {typed}"))
            .collect();
        println!("slowest, {}:\n{}", side.name, slowest.join("\n"));
    }
}
