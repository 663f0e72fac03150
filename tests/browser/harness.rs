//! What the browser tests stand on: a static server for the built site that
//! answers as GitHub Pages or nginx's `try_files $uri $uri/ =404` do (no
//! single-page fallback), under the base path the site was built for; a
//! chromedriver; and a thin client over a fresh headless Chromium per test,
//! whose requests the server counts.
//!
//! The helpers for checking responses and requests are marked
//! `allow(dead_code)`: not every test, nor the bench, uses each.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;

use crate::fault::{self, Fault, Files};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Where the built site is: `BLOG_E2E_DIST`, else `target/e2e-dist`.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("BLOG_E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-root"));
    assert!(
        dir.join("index.html").is_file(),
        "no built site in {}: run `bash .ci/test`, which builds it first",
        dir.display()
    );
    dir
}

/// The path the site is served under: `BLOG_E2E_BASE`, else `/`; always
/// with a leading and a trailing slash, e.g. `/blog/`.
pub fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let base = std::env::var("BLOG_E2E_BASE").unwrap_or_default();
        let base = base.trim().trim_matches('/');
        if base.is_empty() {
            "/".to_owned()
        } else {
            format!("/{base}/")
        }
    })
}

/// The origin of the site server (`http://127.0.0.1:<port>`, without the
/// base), started on first use.
pub fn site() -> &'static str {
    static SITE: OnceLock<String> = OnceLock::new();
    SITE.get_or_init(|| {
        let dist = Arc::new(dist_dir());
        let server =
            Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind the site server"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        // Enough for a page's parallel requests while others are held back.
        for _ in 0..16 {
            let (server, dist) = (Arc::clone(&server), Arc::clone(&dist));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    handle(&dist, request);
                }
            });
        }
        format!("http://127.0.0.1:{port}")
    })
}

/// The absolute URL of a path of the site, given without the base, e.g.
/// `/de/` → `http://127.0.0.1:<port>/blog/de/`.
pub fn url(path: &str) -> String {
    format!("{}{}", site(), with_base(path))
}

/// A path of the site as the pages link it: `/de/` → `<base>de/`.
pub fn href(path: &str) -> String {
    with_base(path)
}

/// `/de/` → `<base>de/`.
fn with_base(path: &str) -> String {
    format!("{}{}", base(), path.trim_start_matches('/'))
}

/// `<base>de/` → `/de/`; a path outside the base stays as it is.
fn without_base(path: &str) -> String {
    match path.strip_prefix(base()) {
        Some(rest) => format!("/{rest}"),
        None => path.to_owned(),
    }
}

/// A plain GET of a path of the site (given without the base), redirects
/// not followed: (status, content type, body).
#[allow(dead_code)]
pub fn fetch(path: &str) -> (u16, String, String) {
    fetch_raw_path(&with_base(path))
}

/// A plain GET of a path on the server as it is (with the base, if any):
/// (status, content type, body).
#[allow(dead_code)]
pub fn fetch_raw_path(path: &str) -> (u16, String, String) {
    let response = fetch_response(path);
    (
        response.status,
        response
            .header("Content-Type")
            .unwrap_or_default()
            .to_owned(),
        response.body,
    )
}

/// An HTTP response as `fetch_response` read it.
#[allow(dead_code)]
#[derive(Debug)]
pub struct Fetched {
    pub status: u16,
    /// Names as sent; look them up with `header`.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Fetched {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(field, _)| field.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// An HTTP/1.0 GET of a path on the server as it is (with the base, if
/// any), with all headers; redirects are not followed.
#[allow(dead_code)]
pub fn fetch_response(path: &str) -> Fetched {
    let origin = site();
    let host = origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect to the site server");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a read timeout");
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {host}\r\nUser-Agent: blog-e2e-fetch\r\nConnection: close\r\n\r\n"
    )
    .expect("send the request");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .unwrap_or_else(|err| panic!("read the response to GET {path}: {err}"));
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no end of headers in the response to GET {path}"));
    let head = String::from_utf8_lossy(&raw[..split]);
    let body = String::from_utf8_lossy(&raw[split + 4..]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status in the response to GET {path}: {head}"));
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    Fetched {
        status,
        headers,
        body,
    }
}

/// Every request to the site server from a `Browser`: its id and the
/// percent-decoded path (with the base).
static REQUESTS: Mutex<Vec<(u64, String)>> = Mutex::new(Vec::new());

/// Marks the user agent of the browser with that id (see `Browser::start`).
const UA_ID: &str = "blog-e2e/";
/// Marks a user agent whose `.wasm` requests are held back that many
/// milliseconds.
const UA_HOLD_WASM: &str = "hold-wasm-ms=";

/// Records a request, holds it back if its browser asked for that, then
/// answers it.
fn handle(dist: &Arc<PathBuf>, request: tiny_http::Request) {
    let target = request.url().to_owned();
    let raw_path = target.split(['?', '#']).next().unwrap_or_default();
    let query = target[raw_path.len()..]
        .split('#')
        .next()
        .unwrap_or_default();
    let path = percent_decode(raw_path);
    let agent = request
        .headers()
        .iter()
        .find(|header| header.field.equiv("User-Agent"))
        .map(|header| header.value.as_str().to_owned())
        .unwrap_or_default();
    let tagged = |tag: &str| {
        agent
            .split_whitespace()
            .find_map(|word| word.strip_prefix(tag)?.parse::<u64>().ok())
    };
    if let (Some(id), Some(path)) = (tagged(UA_ID), &path) {
        REQUESTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((id, path.clone()));
    }
    let reply = match &path {
        Some(path) => resolve(dist, base(), path, raw_path, query),
        None => Reply::NotFound,
    };
    let fault = tagged(UA_ID)
        .zip(path.as_deref())
        .and_then(|(id, path)| fault::lookup(id, path));
    let slow = match fault {
        Some(Fault::Slow(delay)) => Some(delay),
        Some(fault) => {
            let file = match &reply {
                Reply::File(file) => Some(file.as_path()),
                _ => None,
            };
            fault::play(request, fault, file, &dist.join("404.html"));
            return;
        }
        None => None,
    };
    let hold = tagged(UA_HOLD_WASM)
        .filter(|_| path.as_deref().is_some_and(|path| path.ends_with(".wasm")))
        .map(Duration::from_millis)
        .or(slow);
    match hold {
        // On a thread of its own, so that held requests leave the server's
        // threads free.
        Some(hold) => {
            let dist = Arc::clone(dist);
            std::thread::spawn(move || {
                std::thread::sleep(hold);
                let _ = respond(&dist, request, reply);
            });
        }
        None => {
            let _ = respond(dist, request, reply);
        }
    }
}

/// `%XX` escapes decoded; `None` if the result is not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

/// What a request gets.
#[derive(Debug, PartialEq)]
enum Reply {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

/// Resolves a request as a static host does: files as they are, directories
/// by their `index.html` (redirected to the path with a trailing slash
/// first), the base without its trailing slash redirected to the base, and
/// everything else, including anything outside the base, not found.
/// `path` is percent-decoded; `raw_path` and `query` (with its `?`) are as
/// requested, for redirects.
fn resolve(dist: &Path, base: &str, path: &str, raw_path: &str, query: &str) -> Reply {
    if base.len() > 1 && path == base.trim_end_matches('/') {
        return Reply::Redirect(format!("{base}{query}"));
    }
    let Some(relative) = path.strip_prefix(base) else {
        return Reply::NotFound;
    };
    if relative
        .split('/')
        .any(|part| part == ".." || part.contains(['\\', '\0']))
    {
        return Reply::NotFound;
    }
    let target = dist.join(relative);
    if relative.is_empty() || relative.ends_with('/') {
        let index = target.join("index.html");
        return if index.is_file() {
            Reply::File(index)
        } else {
            Reply::NotFound
        };
    }
    if target.is_file() {
        Reply::File(target)
    } else if target.is_dir() {
        Reply::Redirect(format!("{raw_path}/{query}"))
    } else {
        Reply::NotFound
    }
}

fn respond(dist: &Path, request: tiny_http::Request, reply: Reply) -> std::io::Result<()> {
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name, value).expect("a valid header")
    };
    match reply {
        Reply::File(file) => {
            let response = tiny_http::Response::from_file(std::fs::File::open(&file)?)
                .with_header(header("Content-Type", content_type(&file)));
            request.respond(response)
        }
        Reply::Redirect(location) => {
            let response = tiny_http::Response::from_string(format!("moved to {location}"))
                .with_status_code(301)
                .with_header(header("Content-Type", "text/plain; charset=utf-8"))
                .with_header(header("Location", &location));
            request.respond(response)
        }
        Reply::NotFound => {
            let page = dist.join("404.html");
            if page.is_file() {
                let response = tiny_http::Response::from_file(std::fs::File::open(&page)?)
                    .with_status_code(404)
                    .with_header(header("Content-Type", "text/html; charset=utf-8"));
                request.respond(response)
            } else {
                let response = tiny_http::Response::from_string("not found")
                    .with_status_code(404)
                    .with_header(header("Content-Type", "text/plain; charset=utf-8"));
                request.respond(response)
            }
        }
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("md") => "text/markdown; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        _ => mime_guess::from_path(file)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

/// The chromedriver URL, started on first use. It runs under a shell that
/// stops it when this process's end closes the shell's stdin.
fn webdriver() -> &'static str {
    static DRIVER: OnceLock<String> = OnceLock::new();
    DRIVER.get_or_init(|| {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let mut child = Command::new("sh")
            .args([
                "-c",
                "chromedriver --port=\"$1\" >/dev/null 2>&1 & pid=$!; echo started; read _; kill $pid",
                "sh",
                &port.to_string(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (installed by `.ci/setup browser`)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("chromedriver started");
        // Keep stdin open for the life of the process; dropping it stops the driver.
        std::mem::forget(child);
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        url
    })
}

/// Records script errors, console errors, unhandled rejections and
/// Content-Security-Policy violations in `window.__errors`, from before the
/// app starts.
const ERROR_RECORDER: &str = r#"
window.__errors = [];
const originalError = console.error.bind(console);
console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); originalError(...args); };
addEventListener('error', (event) => window.__errors.push('error: ' + event.message));
addEventListener('unhandledrejection', (event) => window.__errors.push('rejection: ' + event.reason));
document.addEventListener('securitypolicyviolation', (event) =>
  window.__errors.push('Content-Security-Policy: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline code')));
"#;

/// A desktop Chrome's user agent; `Browser::start` appends its marks.
const USER_AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

/// How to start a browser.
pub struct Options<'a> {
    /// `navigator.languages`, as Chromium's `--accept-lang` takes it.
    pub accept_lang: &'a str,
    /// The window's size.
    pub size: (u32, u32),
    /// Script run in every document before the page's own.
    pub init_script: Option<&'a str>,
    /// Holds back every `.wasm` response to this browser that long, so that
    /// the page can be looked at before the app starts.
    pub hold_wasm: Option<Duration>,
    /// Whether pages run scripts. Without, no script of a page runs (nor is
    /// fetched), while WebDriver still finds elements, reads them and runs
    /// `js` (in the page, as DevTools does), `init_script` still runs, and
    /// `errors` is always empty.
    pub javascript: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            accept_lang: "en-US,en",
            size: (1280, 900),
            init_script: None,
            hold_wasm: None,
            javascript: true,
        }
    }
}

/// A fresh headless Chromium (new profile, so empty storage).
pub struct Browser {
    pub client: Client,
    /// Tells this browser's requests apart on the site server.
    id: u64,
    javascript: bool,
    holds_wasm: bool,
}

impl Browser {
    pub async fn start(options: Options<'_>) -> Browser {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let mut user_agent = format!("{USER_AGENT} {UA_ID}{id}");
        if let Some(hold) = options.hold_wasm {
            user_agent += &format!(" {UA_HOLD_WASM}{}", hold.as_millis());
        }
        let (width, height) = options.size;
        let mut chrome_options = json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars",
                format!("--accept-lang={}", options.accept_lang),
                format!("--window-size={width},{height}"),
                format!("--user-agent={user_agent}"),
            ],
        });
        if !options.javascript {
            // JavaScript blocked by content setting, as by policy: in every
            // tab, no page script runs, classic or module, and none is
            // fetched; scripts run over DevTools (WebDriver's, `js`,
            // `init_script`) still do.
            chrome_options["prefs"] =
                json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), chrome_options);
        let client = ClientBuilder::rustls()
            .expect("TLS setup")
            .capabilities(capabilities)
            .connect(webdriver())
            .await
            .expect("a Chromium session");
        let browser = Browser {
            client,
            id,
            javascript: options.javascript,
            holds_wasm: options.hold_wasm.is_some(),
        };
        // Headless windows have a minimum width; emulate a phone's viewport
        // (with its meta viewport handling) below it.
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
            )
            .await;
        browser.cdp("Page.enable", json!({})).await;
        if options.javascript {
            browser
                .cdp(
                    "Page.addScriptToEvaluateOnNewDocument",
                    json!({ "source": ERROR_RECORDER }),
                )
                .await;
        }
        if let Some(script) = options.init_script {
            browser
                .cdp(
                    "Page.addScriptToEvaluateOnNewDocument",
                    json!({ "source": script }),
                )
                .await;
        }
        browser
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_owned(),
                params,
            })
            .await
            .unwrap_or_else(|err| panic!("CDP {cmd}: {err}"))
    }

    /// Opens a path of the site, given without the base, e.g. `/de/`.
    /// Where the app runs, also waits until it has started (hydrated the
    /// page or rendered it), so that what follows talks to the app.
    pub async fn open(&self, path: &str) {
        self.open_page(path).await;
        if self.javascript && !self.holds_wasm {
            self.wait_for_app().await;
        }
    }

    /// Opens a path without waiting for the app.
    pub async fn open_page(&self, path: &str) {
        self.client.goto(&url(path)).await.expect("navigate");
    }

    /// Waits until the app has started in this document: Trunk's loader sets
    /// `window.wasmBindings` once `main` has returned.
    pub async fn wait_for_app(&self) {
        self.wait_until("window.wasmBindings !== undefined").await;
    }

    /// The current URL's path, with the base as `/` (`/blog/de/` → `/de/`);
    /// a path outside the base as it is.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        without_base(url.path())
    }

    /// Waits until the page is at `path` (given without the base).
    pub async fn wait_for_path(&self, path: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let current = self.path().await;
            if current == path {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "expected to reach {path}, still at {current}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How many requests this browser made for `path` (given without the
    /// base, percent-decoded, without query), so far as the server has
    /// received them.
    #[allow(dead_code)]
    pub fn requests(&self, path: &str) -> usize {
        let path = with_base(path);
        REQUESTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .filter(|(id, requested)| *id == self.id && *requested == path)
            .count()
    }

    /// The paths this browser requested, in order, without the base (paths
    /// outside it as they are), percent-decoded, without query.
    #[allow(dead_code)]
    pub fn request_paths(&self) -> Vec<String> {
        REQUESTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .filter(|(id, _)| *id == self.id)
            .map(|(_, path)| without_base(path))
            .collect()
    }

    /// How many requests this browser made for each path (as `request_paths`).
    #[allow(dead_code)]
    pub fn request_counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for path in self.request_paths() {
            *counts.entry(path).or_default() += 1;
        }
        counts
    }

    /// Runs a script (`return …` gives its result).
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|err| panic!("script {script}: {err}"))
    }

    /// Waits until a script returns `true`.
    pub async fn wait_until(&self, condition: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.js(&format!("return Boolean({condition});")).await != Value::Bool(true) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for: {condition}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for an element and returns it.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("no element {css}: {err}"))
    }

    /// The text of the first element matching `css`, once there.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("element text")
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find elements")
            .len()
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|err| panic!("click {css}: {err}"));
    }

    /// Marks the current document; the mark survives client-side navigation
    /// and disappears on a reload.
    pub async fn mark_document(&self) {
        self.js("window.__sameDocument = true;").await;
    }

    pub async fn is_same_document(&self) -> bool {
        self.js("return window.__sameDocument === true;").await == Value::Bool(true)
    }

    /// The value saved under the app's storage key.
    pub async fn saved_lang(&self) -> Value {
        self.js("return localStorage.getItem('blog.lang');").await
    }

    /// Errors recorded since the page loaded; none when pages run no script.
    pub async fn errors(&self) -> Vec<String> {
        if !self.javascript {
            return Vec::new();
        }
        let errors = self.js("return window.__errors || [];").await;
        errors
            .as_array()
            .into_iter()
            .flatten()
            .map(|error| error.as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Makes the site server play `fault` for this browser's requests of
    /// `files` from now on; `None` serves them normally again.
    #[allow(dead_code)]
    pub fn set_fault(&self, files: Files, fault: Option<Fault>) {
        fault::set(self.id, files, fault);
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// chromedriver's endpoint for Chrome DevTools Protocol commands.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
