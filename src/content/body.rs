//! Post bodies: static Markdown files fetched on first view, kept in memory
//! for the session, and prefetched when a link to them is hovered or focused.
//! Native builds (the pre-renderer) have them compiled in instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use serde::{Deserialize, Serialize};

/// Why a body could not be had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum BodyError {
    /// The request did not complete (offline, blocked, aborted).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The server answered with a page instead of Markdown, as a dev server's
    /// single-page fallback does for a missing file.
    NotMarkdown,
    /// The answer is not as long as the body: cut short (an interrupted
    /// upload, a broken cache) or another file.
    Incomplete { expected: usize, got: usize },
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyError::Network(reason) => write!(f, "network error: {reason}"),
            BodyError::Status(status) => write!(f, "HTTP status {status}"),
            BodyError::NotMarkdown => f.write_str("the server answered with HTML, not Markdown"),
            BodyError::Incomplete { expected, got } => {
                write!(f, "the answer has {got} bytes, the body {expected}")
            }
        }
    }
}

type Body = Result<Rc<str>, BodyError>;

/// The body at `url`, as a page's resource loads it: in the browser from
/// [`load`]; natively from the bodies compiled into the build, so that a
/// pre-rendered page carries its text (and hands it to the app in the page).
pub fn for_page(url: &'static str) -> impl Future<Output = Result<String, BodyError>> + Send {
    #[cfg(target_arch = "wasm32")]
    {
        // The browser has one thread; the wrapper only satisfies the bound.
        send_wrapper::SendWrapper::new(async move { load(url).await.map(|body| body.to_string()) })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let body = bundled(url)
            .map(str::to_owned)
            .ok_or(BodyError::Status(404));
        std::future::ready(body)
    }
}

// `static BODIES: &[(&str, &str)]`: (URL, Markdown), written by build.rs.
#[cfg(not(target_arch = "wasm32"))]
include!(concat!(env!("OUT_DIR"), "/bodies.rs"));

/// The Markdown compiled in for `url` (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled(url: &str) -> Option<&'static str> {
    BODIES
        .iter()
        .find(|(body_url, _)| *body_url == url)
        .map(|(_, body)| *body)
}

thread_local! {
    /// Loaded and loading bodies by URL. A load in flight is shared, so a
    /// prefetch and a view of the same post make one request.
    static CACHE: RefCell<HashMap<&'static str, Shared<LocalBoxFuture<'static, Body>>>> =
        RefCell::new(HashMap::new());
}

/// The body at `url`, from memory when it was loaded before. A failure is
/// not remembered, so the next call tries again.
pub async fn load(url: &'static str) -> Body {
    let pending = CACHE.with_borrow_mut(|cache| {
        cache
            .entry(url)
            .or_insert_with(|| fetch(url).boxed_local().shared())
            .clone()
    });
    let body = pending.await;
    if body.is_err() {
        CACHE.with_borrow_mut(|cache| cache.remove(url));
    }
    body
}

/// Keeps a body that came with the page (pre-rendered, then hydrated), so
/// that coming back to the post later makes no request either.
pub fn remember(url: &'static str, body: &str) {
    CACHE.with_borrow_mut(|cache| {
        cache.entry(url).or_insert_with(|| {
            let body: Body = Ok(Rc::from(body));
            futures::future::ready(body).boxed_local().shared()
        });
    });
}

/// Starts loading `url` in the background; the result waits in the cache.
pub fn prefetch(url: &'static str) {
    leptos::task::spawn_local(async move {
        let _ = load(url).await;
    });
}

async fn fetch(url: &'static str) -> Body {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| BodyError::Network(err.to_string()))?;
    if !response.ok() {
        return Err(BodyError::Status(response.status()));
    }
    let is_html = response
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind.trim_start().starts_with("text/html"));
    if is_html {
        return Err(BodyError::NotMarkdown);
    }
    let text = response
        .text()
        .await
        .map_err(|err| BodyError::Network(err.to_string()))?;
    match expected_len(url) {
        Some(expected) if expected != text.len() => Err(BodyError::Incomplete {
            expected,
            got: text.len(),
        }),
        _ => Ok(Rc::from(text)),
    }
}

/// The length of the body at `url`, from the index. Bodies are UTF-8 files,
/// so the text's length in bytes is the file's.
fn expected_len(url: &str) -> Option<usize> {
    crate::content::posts()
        .iter()
        .flat_map(|post| post.translations)
        .find(|translation| translation.body_url == url)
        .map(|translation| translation.body_len)
}
