//! Post bodies: static Markdown files fetched on first view, kept in memory
//! for the session, and prefetched when a link to them is hovered or focused.
//! Native builds (the pre-renderer) have them compiled in instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::server::codee::{Decoder, Encoder};
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

/// What a post page's resource holds: the body, or why it could not be had.
pub type PageBody = Result<String, BodyError>;

/// How a body travels from the pre-rendered page to hydration: as the JSON
/// Leptos's default codec writes (`{"Ok":"…"}`), read in the browser by the
/// browser's own JSON parser, so that serde_json's reader is not in the wasm.
pub struct BodyCodec;

impl Encoder<PageBody> for BodyCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(body: &PageBody) -> Result<String, Self::Error> {
        serde_json::to_string(body)
    }
}

impl Decoder<PageBody> for BodyCodec {
    type Error = ();
    type Encoded = str;

    fn decode(json: &str) -> Result<PageBody, ()> {
        #[cfg(target_arch = "wasm32")]
        {
            decode_in_browser(json).ok_or(())
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            serde_json::from_str(json).map_err(|_| ())
        }
    }
}

/// Reads what [`BodyCodec`] wrote with `JSON.parse`: `{"Ok":"…"}`, or one of
/// `{"Err":"NotMarkdown"}`, `{"Err":{"Network":"…"}}`,
/// `{"Err":{"Status":404}}`, `{"Err":{"Incomplete":{"expected":1,"got":0}}}`.
#[cfg(target_arch = "wasm32")]
fn decode_in_browser(json: &str) -> Option<PageBody> {
    use wasm_bindgen::JsValue;
    let field = |value: &JsValue, name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .filter(|field| !field.is_undefined())
    };
    let number = |value: &JsValue, name: &str| field(value, name)?.as_f64();
    let value = js_sys::JSON::parse(json).ok()?;
    if !value.is_object() {
        return None;
    }
    if let Some(body) = field(&value, "Ok") {
        return body.as_string().map(Ok);
    }
    let err = field(&value, "Err")?;
    if err.as_string().as_deref() == Some("NotMarkdown") {
        return Some(Err(BodyError::NotMarkdown));
    }
    if !err.is_object() {
        return None;
    }
    let err = if let Some(reason) = field(&err, "Network") {
        BodyError::Network(reason.as_string()?)
    } else if let Some(status) = number(&err, "Status") {
        BodyError::Status(status as u16)
    } else {
        let incomplete = field(&err, "Incomplete")?;
        BodyError::Incomplete {
            expected: number(&incomplete, "expected")? as usize,
            got: number(&incomplete, "got")? as usize,
        }
    };
    Some(Err(err))
}

/// The body at `url`, as a page's resource loads it: in the browser from
/// [`load`]; natively from the bodies compiled into the build, so that a
/// pre-rendered page carries its text (and hands it to the app in the page).
pub fn for_page(url: &'static str) -> impl Future<Output = PageBody> + Send {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_travel_as_the_json_of_leptoss_default_codec() {
        let body: PageBody = Ok("# \"Hi\"\n".to_owned());
        let json = BodyCodec::encode(&body).unwrap();
        assert_eq!(json, r##"{"Ok":"# \"Hi\"\n"}"##);
        assert_eq!(BodyCodec::decode(&json), Ok(body));
        // The forms the browser's reader (`decode_in_browser`) expects.
        for (err, expected) in [
            (BodyError::NotMarkdown, r#"{"Err":"NotMarkdown"}"#),
            (
                BodyError::Network("offline".to_owned()),
                r#"{"Err":{"Network":"offline"}}"#,
            ),
            (BodyError::Status(404), r#"{"Err":{"Status":404}}"#),
            (
                BodyError::Incomplete {
                    expected: 10,
                    got: 3,
                },
                r#"{"Err":{"Incomplete":{"expected":10,"got":3}}}"#,
            ),
        ] {
            let json = BodyCodec::encode(&Err(err.clone())).unwrap();
            assert_eq!(json, expected);
            assert_eq!(BodyCodec::decode(&json), Ok(Err(err)), "{json}");
        }
    }
}
