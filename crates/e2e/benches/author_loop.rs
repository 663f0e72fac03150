//! The author's loop, in a browser: with `trunk serve` running
//! (`AUTHOR_LOOP_URL`) on a copy of the content, how long from saving the
//! English seed post (`AUTHOR_LOOP_POST`) until the open page shows the
//! edit, for an edit to the body and one to the title. Each time is from the
//! save (the clock of this process) to the moment a MutationObserver in the
//! page sees the new text (the page's clock; both are wall clocks on one
//! machine). Run by `benches/author-loop.sh`, which starts the server.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use blog_e2e::harness::{self, Browser, Options};
use serde_json::json;

const RUNS: usize = 7;

/// Records, in wall-clock milliseconds, when `selector`'s text first holds `text`.
const WATCH: &str = r#"
const [selector, text] = arguments;
window.__seenAt = undefined;
const check = () => {
  const node = document.querySelector(selector);
  if (node && node.textContent.includes(text) && window.__seenAt === undefined) {
    window.__seenAt = performance.timeOrigin + performance.now();
  }
};
new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
check();
"#;

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs_f64()
        * 1000.0
}

/// Saves `edit(text)` as the post, and waits until the page shows `expect` in
/// `selector`; the milliseconds in between.
async fn time_edit(
    browser: &Browser,
    post: &std::path::Path,
    edit: impl Fn(&str) -> String,
    selector: &str,
    expect: &str,
) -> f64 {
    browser
        .client
        .execute(WATCH, vec![json!(selector), json!(expect)])
        .await
        .expect("the watcher runs");
    let text = std::fs::read_to_string(post).expect("the post");
    let saved = now_ms();
    std::fs::write(post, edit(&text)).expect("the post is saved");
    for _ in 0..3000 {
        if let Some(seen) = browser.js("return window.__seenAt;").await.as_f64() {
            return seen - saved;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("the page did not show {expect:?} within 15 s");
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[tokio::main]
async fn main() {
    let url = std::env::var("AUTHOR_LOOP_URL").expect("AUTHOR_LOOP_URL: the server of trunk serve");
    let post =
        harness::path_from_env("AUTHOR_LOOP_POST").expect("AUTHOR_LOOP_POST: the post's en.md");
    let browser = Browser::start(Options::default()).await;
    browser
        .client
        .goto(&format!("{url}en/the-rise-of-serverless-edge-computing/"))
        .await
        .expect("the post opens");
    browser.find(".post-body h2").await;
    let (mut body, mut title) = (Vec::new(), Vec::new());
    for run in 0..RUNS {
        let marker = format!("Edited body, run {run}.");
        body.push(
            time_edit(
                &browser,
                &post,
                |text| format!("{text}\n{marker}\n"),
                ".post-body",
                &marker,
            )
            .await,
        );
        let new_title = format!("Edge Computing, Take {run}");
        title.push(
            time_edit(
                &browser,
                &post,
                |text| {
                    text.lines()
                        .map(|line| {
                            if line.starts_with("title:") {
                                format!("title: \"{new_title}\"")
                            } else {
                                line.to_owned()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                },
                "article h1",
                &new_title,
            )
            .await,
        );
    }
    println!(
        "\n{:<24} {:>8}   ({RUNS} edits each; ms from save to the open page showing it)",
        "edit", "median"
    );
    for (name, times) in [("body text", body), ("title (front matter)", title)] {
        let all: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
        println!(
            "{name:<24} {:>8.0}   {}",
            median(times.clone()),
            all.join(" ")
        );
    }
    browser.close().await;
}
