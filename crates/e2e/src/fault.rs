//! Faults the site server plays for one browser's requests, switched on and
//! off by the test while the browser runs: error statuses, a page where
//! data was expected, empty and cut-off answers, redirect loops (a
//! network error), and slow answers. Other browsers, running in parallel, are served as usual.

use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use crate::harness::{Response, response};

/// Which requests a fault applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Files {
    /// Post files (`data/<lang>/post/*.txt`: a post's data and body).
    Posts,
    /// The app (`*.wasm`).
    Wasm,
    /// The files of posts' folders (`posts/<id>/*`: covers and images).
    PostFolders,
    /// The search index's files (`search/**.txt`).
    Search,
}

impl Files {
    fn matches(self, path: &str) -> bool {
        match self {
            Files::Posts => path.contains("/data/") && path.contains("/post/"),
            Files::Wasm => path.ends_with(".wasm"),
            Files::PostFolders => path.contains("/posts/"),
            Files::Search => path.contains("/search/") && path.ends_with(".txt"),
        }
    }
}

/// What the server does instead of answering with the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// This status, with a short text.
    Status(u16),
    /// `200` with the site's 404 page, as a host with a single-page fallback
    /// answers a missing file.
    Html,
    /// `200` with nothing in it.
    Empty,
    /// `200` with the first half of the file, as from an upload that was cut
    /// short.
    Truncated,
    /// A network error: the request is redirected to itself until the
    /// browser gives up (on this site, so the Content-Security-Policy has
    /// nothing to report).
    RedirectLoop,
    /// The file, but only after this long.
    Slow(Duration),
}

/// Faults by browser id and the requests they apply to.
static FAULTS: Mutex<Vec<(u64, Files, Fault)>> = Mutex::new(Vec::new());

/// Plays `fault` (or stops playing any, with `None`) for `files` requested
/// by the browser with this id.
pub fn set(browser: u64, files: Files, fault: Option<Fault>) {
    let mut faults = FAULTS.lock().unwrap_or_else(PoisonError::into_inner);
    faults.retain(|(id, kind, _)| (*id, *kind) != (browser, files));
    if let Some(fault) = fault {
        faults.push((browser, files, fault));
    }
}

/// The fault to play for this browser's request of `path`, if any.
pub fn lookup(browser: u64, path: &str) -> Option<Fault> {
    FAULTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|(id, files, _)| *id == browser && files.matches(path))
        .map(|(_, _, fault)| *fault)
}

/// The answer for `file` (in the built site) requested as `target` (path
/// and query) with `fault`; `not_found` is the site's 404 page. `Slow` is
/// answered by the caller, which sends the file once the time is up.
pub fn play(target: &str, fault: Fault, file: Option<&Path>, not_found: &Path) -> Response {
    const MARKDOWN: (&str, &str) = ("Content-Type", "text/markdown; charset=utf-8");
    match fault {
        Fault::Status(status) => response(
            status,
            format!("status {status}"),
            &[("Content-Type", "text/plain; charset=utf-8")],
        ),
        Fault::Html => response(
            200,
            std::fs::read(not_found).unwrap_or_default(),
            &[("Content-Type", "text/html; charset=utf-8")],
        ),
        Fault::Empty => response(200, Vec::new(), &[MARKDOWN]),
        Fault::Truncated => {
            let whole = file
                .and_then(|file| std::fs::read(file).ok())
                .unwrap_or_default();
            response(200, whole[..whole.len() / 2].to_vec(), &[MARKDOWN])
        }
        Fault::RedirectLoop => response(307, Vec::new(), &[("Location", target)]),
        Fault::Slow(_) => unreachable!("the caller delays slow answers"),
    }
}
