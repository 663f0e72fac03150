//! Data files: fetched on first view, kept in memory for the session, and
//! prefetched when a link to them is hovered or focused. Natively (the
//! pre-renderer, the tests) they are read from the built site instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use serde::{Deserialize, Serialize};

use super::Loaded;

/// Why a data file could not be had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoadError {
    /// The request did not complete (offline, blocked, aborted).
    Network(String),
    /// The server answered with an error status.
    Status(u16),
    /// The server answered with a page instead, as a dev server's
    /// single-page fallback does for a missing file.
    NotData,
    /// The file is not what the app reads: cut short (an interrupted
    /// upload, a broken cache) or another file.
    Malformed(String),
}

impl LoadError {
    /// Whether the file is not there, so that the URL names no such page
    /// (rather than a page that failed to load).
    pub fn means_missing(&self) -> bool {
        matches!(self, LoadError::Status(404 | 410) | LoadError::NotData)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network(reason) => write!(f, "network error: {reason}"),
            LoadError::Status(status) => write!(f, "HTTP status {status}"),
            LoadError::NotData => f.write_str("the server answered with HTML, not data"),
            LoadError::Malformed(reason) => write!(f, "malformed data: {reason}"),
        }
    }
}

impl std::error::Error for LoadError {}

type Text = Result<Rc<str>, LoadError>;

/// The file at `url`, as the page's resource loads it: in the browser from
/// [`load`]; natively from the site being pre-rendered ([`read_from`]).
/// An empty `url` (a page without data) gives an empty text.
pub fn for_page(url: String) -> impl Future<Output = Result<Loaded, LoadError>> + Send {
    #[cfg(target_arch = "wasm32")]
    {
        // The browser has one thread; the wrapper only satisfies the bound.
        send_wrapper::SendWrapper::new(async move {
            if url.is_empty() {
                return Ok(Loaded {
                    url,
                    text: String::new(),
                });
            }
            let text = load(&url).await?.to_string();
            Ok(Loaded { url, text })
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let text = if url.is_empty() {
            Ok(String::new())
        } else {
            native::read(&url)
        };
        std::future::ready(text.map(|text| Loaded { url, text }))
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::read_from;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::sync::OnceLock;

    use super::LoadError;

    static SITE: OnceLock<PathBuf> = OnceLock::new();

    /// Reads data files from the built site at `dir` from now on (once per
    /// process: a later call keeps the first folder).
    pub fn read_from(dir: PathBuf) {
        let _ = SITE.set(dir);
    }

    pub(super) fn read(url: &str) -> Result<String, LoadError> {
        let relative = crate::site::strip_base(url).ok_or(LoadError::Status(404))?;
        let dir = SITE.get().ok_or_else(|| {
            LoadError::Network("no site to read data from; call `read_from` first".to_owned())
        })?;
        std::fs::read_to_string(dir.join(relative)).map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => LoadError::Status(404),
            _ => LoadError::Network(err.to_string()),
        })
    }
}

thread_local! {
    /// Loaded and loading files by URL. A load in flight is shared, so a
    /// prefetch and a view of the same post make one request.
    static CACHE: RefCell<HashMap<String, Shared<LocalBoxFuture<'static, Text>>>> =
        RefCell::new(HashMap::new());
}

/// The file at `url`, from memory when it was loaded before. A failure is
/// not remembered, so the next call tries again.
pub async fn load(url: &str) -> Text {
    let pending = CACHE.with_borrow_mut(|cache| {
        cache
            .entry(url.to_owned())
            .or_insert_with(|| fetch(url.to_owned()).boxed_local().shared())
            .clone()
    });
    let text = pending.await;
    if text.is_err() {
        CACHE.with_borrow_mut(|cache| cache.remove(url));
    }
    text
}

/// The text at `url`, if it has been loaded (or prefetched) already.
pub fn cached(url: &str) -> Option<Rc<str>> {
    CACHE.with_borrow(|cache| {
        cache
            .get(url)
            .and_then(|pending| pending.peek().and_then(|text| text.clone().ok()))
    })
}

/// Keeps a file that came with the page (pre-rendered, then hydrated), so
/// that coming back to it later makes no request either.
pub fn remember(url: &str, text: &str) {
    if url.is_empty() {
        return;
    }
    CACHE.with_borrow_mut(|cache| {
        if !cache.contains_key(url) {
            let text: Text = Ok(Rc::from(text));
            cache.insert(
                url.to_owned(),
                futures::future::ready(text).boxed_local().shared(),
            );
        }
    });
}

/// Drops the file at `url` from memory: it was not what the app reads.
pub fn forget(url: &str) {
    CACHE.with_borrow_mut(|cache| cache.remove(url));
}

/// Forgets every file loaded, so that each is fetched again (after an edit
/// while writing; see `live.rs`).
pub fn clear() {
    CACHE.with_borrow_mut(HashMap::clear);
}

/// Starts loading `url` in the background; the result waits in the cache.
/// A file loaded or in flight already starts nothing.
#[cfg(target_arch = "wasm32")]
pub fn prefetch(url: String) {
    if CACHE.with_borrow(|cache| cache.contains_key(&url)) {
        return;
    }
    leptos::task::spawn_local(async move {
        let _ = load(&url).await;
    });
}

/// Natively (the tests), the file is read at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn prefetch(url: String) {
    use futures::FutureExt as _;
    let _ = load(&url).now_or_never();
}

/// Whether a response is a page, not a data file: what a host or the dev
/// server sends for a file it does not have.
#[cfg(target_arch = "wasm32")]
pub(super) fn is_html(response: &gloo_net::http::Response) -> bool {
    response
        .headers()
        .get("content-type")
        .is_some_and(|kind| kind.trim_start().starts_with("text/html"))
}

/// Natively (the tests), from the site being pre-rendered.
#[cfg(not(target_arch = "wasm32"))]
async fn fetch(url: String) -> Text {
    native::read(&url).map(Rc::from)
}

#[cfg(target_arch = "wasm32")]
async fn fetch(url: String) -> Text {
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|err| LoadError::Network(err.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    if is_html(&response) {
        return Err(LoadError::NotData);
    }
    let text = response
        .text()
        .await
        .map_err(|err| LoadError::Network(err.to_string()))?;
    Ok(Rc::from(text))
}
