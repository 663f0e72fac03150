//! Time to content: how long after navigation a reader sees a post's body
//! and the index's first card, and when the app has started (hydrated the
//! page), in headless Chromium against the built site (`BLOG_E2E_DIST`,
//! built by `benches/budget.sh`). Prints the medians of several cold loads
//! (HTTP cache disabled) and fails when the content is over budget.

use blog_e2e::harness::{Browser, Options};
use serde_json::json;

/// Records when an element matching `window.__watch` first appears.
const WATCHER: &str = r#"
new MutationObserver((_, observer) => {
  if (window.__watch && document.querySelector(window.__watch)) {
    window.__shownAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
window.__watch = sessionStorage.getItem('watch');
addEventListener('TrunkApplicationStarted', () => { window.__appAt = performance.now(); });
"#;

const RUNS: usize = 7;
/// Milliseconds, on loopback: the cost of the app itself, not the network.
const BUDGET_MS: f64 = 1000.0;

#[tokio::main]
async fn main() {
    let mut over = false;
    for (name, path, selector) in [
        (
            "post body",
            "/en/the-rise-of-serverless-edge-computing/",
            ".post-body h2",
        ),
        ("index", "/de/", ".post-list .card"),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut app_times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let script = format!(
                "sessionStorage.setItem('watch', {});{WATCHER}",
                json!(selector)
            );
            let browser = Browser::start(Options {
                init_script: Some(&script),
                ..Options::default()
            })
            .await;
            browser.cdp("Network.enable", json!({})).await;
            browser
                .cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
                .await;
            browser.open(path).await;
            browser.wait_until("window.__shownAt !== undefined").await;
            let shown = browser
                .js("return window.__shownAt;")
                .await
                .as_f64()
                .expect("a time");
            times.push(shown);
            let app = browser.js("return window.__appAt;").await.as_f64();
            app_times.push(app.expect("the app started"));
            browser.close().await;
        }
        times.sort_by(f64::total_cmp);
        app_times.sort_by(f64::total_cmp);
        let median = times[RUNS / 2];
        println!(
            "time to content, {name:9} ({path}): median {median:6.0} ms  (min {:.0}, max {:.0}, {RUNS} cold loads; budget {BUDGET_MS:.0} ms); app started at {:.0} ms",
            times[0],
            times[RUNS - 1],
            app_times[RUNS / 2]
        );
        over |= median > BUDGET_MS;
    }
    if over {
        eprintln!("time to content is over budget");
        std::process::exit(1);
    }
}
