//! What the browser tests stand on: a static server for the built site that
//! answers as GitHub Pages or nginx's `try_files $uri $uri/ =404` do (no
//! single-page fallback), under the base path the site was built for (and,
//! for the benches, other folders beside it and brotli copies of files); a
//! WebDriver server for the engine under test (`BLOG_E2E_ENGINE`: Chromium
//! through chromedriver, Firefox through geckodriver, WebKit through
//! WebKitWebDriver and MiniBrowser); and a thin client over a fresh browser
//! per test, whose requests the server counts.
//!
//! Chromium is prepared over the Chrome DevTools Protocol (viewport, colour
//! scheme, scripts run before the page's own). The other engines have no
//! such protocol behind WebDriver, so the same things come from their
//! preferences and command lines, and the scripts from the site server,
//! which puts them first into every page it serves to that browser.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use bytes::Bytes;
use fantoccini::elements::Element;
use http_body_util::Full;

use crate::fault::{self, Fault, Files};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// The workspace's root, where `target/` is. Cargo runs tests and benches
/// in their crate's folder; paths given to them are read from here.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A path from the environment: as given if absolute, else from the
/// workspace's root, where the scripts that set it run.
pub fn path_from_env(name: &str) -> Option<PathBuf> {
    std::env::var_os(name).map(|path| workspace().join(path))
}

/// A browser engine the tests drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium, headless, through chromedriver.
    Chromium,
    /// Debian's Firefox ESR, headless, through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser on an X display of its own (Xvfb), through
    /// WebKitWebDriver.
    WebKit,
}

impl Engine {
    const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// Its name in `BLOG_E2E_ENGINE` and in screenshot names.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// A user agent like the engine's own; `Browser::start` appends its marks.
    fn user_agent(self) -> &'static str {
        match self {
            Engine::Chromium => {
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
            }
            Engine::Firefox => {
                "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
            }
            Engine::WebKit => {
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15"
            }
        }
    }
}

/// The engine under test: `BLOG_E2E_ENGINE` (`chromium`, `firefox` or
/// `webkit`), else Chromium.
pub fn engine() -> Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    *ENGINE.get_or_init(|| {
        let name = std::env::var("BLOG_E2E_ENGINE").unwrap_or_default();
        let name = name.trim();
        if name.is_empty() {
            return Engine::Chromium;
        }
        Engine::ALL
            .into_iter()
            .find(|engine| engine.name().eq_ignore_ascii_case(name))
            .unwrap_or_else(|| panic!("BLOG_E2E_ENGINE={name}: choose chromium, firefox or webkit"))
    })
}

/// Where the built site is: `BLOG_E2E_DIST`, else `target/e2e-root`.
pub fn dist_dir() -> PathBuf {
    let dir = path_from_env("BLOG_E2E_DIST").unwrap_or_else(|| workspace().join("target/e2e-root"));
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
/// base), started on first use. It runs on a thread of its own, which
/// outlives each test's runtime, and gives every connection a task of its
/// own: a browser opens several at once and keeps them open between
/// requests.
pub fn site() -> &'static str {
    static SITE: OnceLock<String> = OnceLock::new();
    SITE.get_or_init(|| {
        let dist = Arc::new(dist_dir());
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the site server");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking listener");
        let port = listener.local_addr().expect("the server's address").port();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("the site server's runtime");
            runtime.block_on(serve(listener, dist));
        });
        format!("http://127.0.0.1:{port}")
    })
}

/// Accepts connections and answers their requests with `handle`.
async fn serve(listener: TcpListener, dist: Arc<PathBuf>) {
    let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        // Without delay, as static hosts send (nginx's `tcp_nodelay` is on
        // by default): with Nagle's algorithm, a response written as
        // headers, then body, waited for the browser's delayed
        // acknowledgement, 40 ms on Linux, on about one request in three.
        let _ = stream.set_nodelay(true);
        let dist = Arc::clone(&dist);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let dist = Arc::clone(&dist);
                async move { Ok::<_, std::convert::Infallible>(handle(&dist, request).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A response of the site server.
pub(crate) type Response = http::Response<Full<Bytes>>;

/// A response with this status, body and headers.
pub(crate) fn response(status: u16, body: impl Into<Bytes>, headers: &[(&str, &str)]) -> Response {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response
        .body(Full::new(body.into()))
        .expect("a valid response")
}

/// Where a screenshot goes for a person to look at:
/// `tests/screenshots/<name>.png`, with `-firefox` or `-webkit` before the
/// `.png` outside Chromium.
pub fn screenshot_file(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screenshots");
    std::fs::create_dir_all(&dir).expect("a screenshots folder");
    match engine() {
        Engine::Chromium => dir.join(format!("{name}.png")),
        engine => dir.join(format!("{name}-{}.png", engine.name())),
    }
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
pub fn fetch(path: &str) -> (u16, String, String) {
    fetch_raw_path(&with_base(path))
}

/// A plain GET of a path on the server as it is (with the base, if any):
/// (status, content type, body).
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

/// Folders served beside the site, each at a path of its own (with the
/// base, ending in `/`); see `mount`.
static MOUNTS: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());

/// Serves the folder `dir` at `path` (given without the base, e.g.
/// `/static/`) beside the site, resolved as the site is: e.g. hand-written
/// pages to compare the site with. Paths under it are never the site's.
pub fn mount(path: &str, dir: &Path) {
    let prefix = format!("{}/", with_base(path).trim_end_matches('/'));
    MOUNTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push((prefix, dir.to_owned()));
}

/// The mounted folder a path (with the base) is in, with its path.
fn mounted(path: &str) -> Option<(String, PathBuf)> {
    MOUNTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|(prefix, _)| {
            path.starts_with(prefix.as_str()) || path == prefix.trim_end_matches('/')
        })
        .cloned()
}

/// Every request to the site server from a `Browser`: its id and the
/// percent-decoded path (with the base).
static REQUESTS: Mutex<Vec<(u64, String)>> = Mutex::new(Vec::new());

/// Marks the user agent of the browser with that id (see `Browser::start`).
const UA_ID: &str = "blog-e2e/";
/// Marks a user agent whose `.wasm` requests are held back that many
/// milliseconds. Marks are product tokens (`name/version`): WebKit drops a
/// user agent that is not made of them.
const UA_HOLD_WASM: &str = "hold-wasm-ms/";

/// Where the site server serves a browser's scripts (see `Switches`),
/// under the base.
const SCRIPTS_DIR: &str = "__e2e/";

/// What the site server does differently for one browser, found by the id
/// in its user agent. Switches work the same in every engine, where the
/// Chrome DevTools Protocol works only in Chromium.
#[derive(Default)]
struct Switches {
    /// Scripts put first into the `<head>` of every HTML page it is served,
    /// in this order, each as `<script src="<base>__e2e/<id>/<n>.js">`: a
    /// classic script from the page's own origin, so it runs before the
    /// page's scripts, and under a Content-Security-Policy that allows
    /// `'self'`.
    scripts: Vec<String>,
}

static SWITCHES: Mutex<BTreeMap<u64, Switches>> = Mutex::new(BTreeMap::new());

/// Reads or changes the switches of the browser with that id.
fn switches<T>(id: u64, change: impl FnOnce(&mut Switches) -> T) -> T {
    change(
        SWITCHES
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(id)
            .or_default(),
    )
}

/// The script a browser's switches name at `<id>/<n>.js`.
fn script(name: &str) -> Option<String> {
    let (id, file) = name.split_once('/')?;
    let index: usize = file.strip_suffix(".js")?.parse().ok()?;
    switches(id.parse().ok()?, |switches| {
        switches.scripts.get(index).cloned()
    })
}

/// `<script>` tags for a browser's scripts, to go first into its pages.
fn script_tags(id: u64) -> String {
    let count = switches(id, |switches| switches.scripts.len());
    (0..count)
        .map(|index| {
            format!(
                "<script src=\"{}{SCRIPTS_DIR}{id}/{index}.js\"></script>",
                base()
            )
        })
        .collect()
}

/// The page with `tags` first in its `<head>`.
fn inject(html: &str, tags: &str) -> String {
    let at = html
        .find("<head")
        .and_then(|start| Some(start + html[start..].find('>')? + 1))
        .unwrap_or(0);
    format!("{}{tags}{}", &html[..at], &html[at..])
}

/// Records a request, holds it back if its browser asked for that, then
/// answers it.
async fn handle(dist: &Path, request: http::Request<hyper::body::Incoming>) -> Response {
    let target = request
        .uri()
        .path_and_query()
        .map(|target| target.as_str().to_owned())
        .unwrap_or_default();
    let raw_path = target.split(['?', '#']).next().unwrap_or_default();
    let query = target[raw_path.len()..]
        .split('#')
        .next()
        .unwrap_or_default();
    let path = percent_decode(raw_path);
    let header = |name: http::header::HeaderName| {
        request
            .headers()
            .get_all(name)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect::<Vec<_>>()
            .join(",")
    };
    let agent = header(http::header::USER_AGENT);
    let tagged = |tag: &str| {
        agent
            .split_whitespace()
            .find_map(|word| word.strip_prefix(tag)?.parse::<u64>().ok())
    };
    let scripts_dir = format!("{}{SCRIPTS_DIR}", base());
    if let Some(name) = path
        .as_deref()
        .and_then(|path| path.strip_prefix(&scripts_dir))
    {
        return respond_script(script(name));
    }
    let id = tagged(UA_ID);
    if let (Some(id), Some(path)) = (id, &path) {
        REQUESTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((id, path.clone()));
    }
    let reply = match (&path, path.as_deref().and_then(mounted)) {
        (Some(path), Some((prefix, dir))) => resolve(&dir, &prefix, path, raw_path, query),
        (Some(path), None) => resolve(dist, base(), path, raw_path, query),
        (None, _) => Reply::NotFound,
    };
    let fault = id
        .zip(path.as_deref())
        .and_then(|(id, path)| fault::lookup(id, path));
    let slow = match fault {
        Some(Fault::Slow(delay)) => Some(delay),
        Some(fault) => {
            let file = match &reply {
                Reply::File(file) => Some(file.as_path()),
                _ => None,
            };
            return fault::play(&target, fault, file, &dist.join("404.html"));
        }
        None => None,
    };
    let hold = tagged(UA_HOLD_WASM)
        .filter(|_| path.as_deref().is_some_and(|path| path.ends_with(".wasm")))
        .map(Duration::from_millis)
        .or(slow);
    if let Some(hold) = hold {
        tokio::time::sleep(hold).await;
    }
    let tags = id.map(script_tags).unwrap_or_default();
    let brotli = accepts_brotli(&header(http::header::ACCEPT_ENCODING));
    respond(dist, reply, &tags, brotli).unwrap_or_else(|err| {
        response(
            500,
            err.to_string(),
            &[("Content-Type", "text/plain; charset=utf-8")],
        )
    })
}

/// Answers a request for one of a browser's scripts (see `Switches`).
fn respond_script(script: Option<String>) -> Response {
    match script {
        Some(script) => response(
            200,
            script,
            &[
                ("Content-Type", "text/javascript"),
                ("Cache-Control", "no-store"),
            ],
        ),
        None => response(404, "no such script", &[]),
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

/// Answers with the reply; an HTML page gets the `<script>` tags `tags` (see
/// `Switches`) first in its head. A file with a brotli copy beside it
/// (`<file>.br`, as static hosts keep precompressed files) is answered with
/// the copy where the request accepts brotli (`brotli`); the test sites have
/// none, `benches/perf.sh` writes them.
fn respond(dist: &Path, reply: Reply, tags: &str, brotli: bool) -> std::io::Result<Response> {
    const TEXT: (&str, &str) = ("Content-Type", "text/plain; charset=utf-8");
    Ok(match reply {
        Reply::File(file) if !tags.is_empty() && content_type(&file).starts_with("text/html") => {
            let page = inject(&std::fs::read_to_string(&file)?, tags);
            response(200, page, &[("Content-Type", content_type(&file))])
        }
        Reply::File(file) => {
            let mut name = file.as_os_str().to_owned();
            name.push(".br");
            let compressed = PathBuf::from(name);
            if brotli && compressed.is_file() {
                response(
                    200,
                    std::fs::read(compressed)?,
                    &[
                        ("Content-Type", content_type(&file)),
                        ("Content-Encoding", "br"),
                        ("Vary", "Accept-Encoding"),
                    ],
                )
            } else {
                response(
                    200,
                    std::fs::read(&file)?,
                    &[("Content-Type", content_type(&file))],
                )
            }
        }
        Reply::Redirect(location) => response(
            301,
            format!("moved to {location}"),
            &[TEXT, ("Location", &location)],
        ),
        Reply::NotFound => {
            let page = dist.join("404.html");
            if page.is_file() {
                let page = inject(&std::fs::read_to_string(&page)?, tags);
                response(404, page, &[("Content-Type", "text/html; charset=utf-8")])
            } else {
                response(404, "not found", &[TEXT])
            }
        }
    })
}

/// Whether an `Accept-Encoding` value accepts brotli.
fn accepts_brotli(accept_encoding: &str) -> bool {
    accept_encoding
        .split(',')
        .any(|coding| coding.split(';').next().unwrap_or_default().trim() == "br")
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

/// A process that lives as long as this value (or the test process): it runs
/// in a process group of its own under a shell, which ends the group, with
/// any browser the process started, once its stdin closes.
struct Guarded {
    shell: Child,
}

impl Guarded {
    /// Starts `program` with `args` and `env`, its output written to `log`
    /// (or, without, readable from the returned stdout).
    fn spawn(
        program: &str,
        args: &[String],
        env: &[(&str, String)],
        log: Option<&Path>,
    ) -> (Guarded, ChildStdout) {
        // Ended by a signal (a test run cut short), the shell ends the group too.
        let script = match log {
            Some(_) => {
                r#"log="$1"; shift; setsid "$@" >"$log" 2>&1 & pid=$!
                trap 'kill -- -$pid 2>/dev/null; exit 1' HUP INT TERM
                read _; kill -- -$pid 2>/dev/null"#
            }
            None => {
                r#"shift; setsid "$@" 2>/dev/null & pid=$!
                trap 'kill -- -$pid 2>/dev/null; exit 1' HUP INT TERM
                read _; kill -- -$pid 2>/dev/null"#
            }
        };
        let log = log.map(|log| log.display().to_string()).unwrap_or_default();
        let mut shell = Command::new("sh")
            .args(["-c", script, "sh", &log, program])
            .args(args)
            .envs(env.iter().map(|(name, value)| (name, value)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("start {program}: {err}"));
        let stdout = shell.stdout.take().expect("piped stdout");
        (Guarded { shell }, stdout)
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        drop(self.shell.stdin.take());
        let _ = self.shell.wait();
    }
}

/// A free TCP port on 127.0.0.1.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Waits until something listens on the port.
fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "{what} did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Where drivers write their logs: `target/e2e-logs/`.
fn log_file(name: &str) -> PathBuf {
    let dir = workspace().join("target/e2e-logs");
    std::fs::create_dir_all(&dir).expect("a log folder");
    dir.join(name)
}

/// A WebDriver server; it stops when dropped.
struct Driver {
    url: String,
    log: PathBuf,
    _process: Guarded,
}

impl Driver {
    fn start(
        program: &str,
        args: &[String],
        env: &[(&str, String)],
        port: u16,
        log: &str,
    ) -> Driver {
        let log = log_file(log);
        let (process, _) = Guarded::spawn(program, args, env, Some(&log));
        wait_for_port(port, program);
        Driver {
            url: format!("http://127.0.0.1:{port}"),
            log,
            _process: process,
        }
    }
}

/// The chromedriver URL, started on first use; one chromedriver serves every
/// session of the test process.
fn chromedriver() -> &'static str {
    static DRIVER: OnceLock<Driver> = OnceLock::new();
    let driver = DRIVER.get_or_init(|| {
        let port = free_port();
        Driver::start(
            "chromedriver",
            &[format!("--port={port}")],
            &[],
            port,
            "chromedriver.log",
        )
    });
    &driver.url
}

/// A geckodriver of its own for one Firefox session (geckodriver serves one
/// at a time).
fn geckodriver(id: u64) -> Driver {
    let port = free_port();
    let args = ["--port", &port.to_string(), "--websocket-port", "0"].map(str::to_owned);
    Driver::start(
        "geckodriver",
        &args,
        &[],
        port,
        &format!("firefox-{id}.log"),
    )
}

/// A WebKitWebDriver of its own for one WebKit session (it serves one at a
/// time), on the X display of `xvfb_display`, in the locale of `lang` (the
/// first of an Accept-Language list): WebKitGTK takes `navigator.languages`
/// from the process's locale.
fn webkitdriver(id: u64, lang: &str) -> Driver {
    let port = free_port();
    let env = [
        ("DISPLAY", xvfb_display().to_owned()),
        ("LOCPATH", locales_dir().display().to_string()),
        ("LC_ALL", locale(lang)),
        // No accessibility bus, no settings daemon: nothing to find on a
        // bare X server.
        ("NO_AT_BRIDGE", "1".to_owned()),
        ("GSETTINGS_BACKEND", "memory".to_owned()),
    ];
    Driver::start(
        "WebKitWebDriver",
        &[format!("--port={port}")],
        &env,
        port,
        &format!("webkit-{id}.log"),
    )
}

/// An X display of this test process's own (Xvfb), for WebKit's windows;
/// started on first use, so no window opens on a desktop and no
/// `xvfb-run` is needed.
fn xvfb_display() -> &'static str {
    // Xvfb's stdout is kept open: a write to a closed pipe would end it.
    static DISPLAY: OnceLock<(Guarded, BufReader<ChildStdout>, String)> = OnceLock::new();
    let (_, _, display) = DISPLAY.get_or_init(|| {
        // `-noreset`: an X server resets when its last client leaves, and a
        // browser that connects meanwhile cannot open the display; it ends,
        // and WebKitWebDriver waits for it for good.
        let args = [
            "-noreset",
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1920x1080x24",
            "-nolisten",
            "tcp",
        ]
        .map(str::to_owned);
        let (process, stdout) = Guarded::spawn("Xvfb", &args, &[], None);
        let mut stdout = BufReader::new(stdout);
        let mut number = String::new();
        stdout
            .read_line(&mut number)
            .expect("Xvfb's display number (Xvfb is installed by `.ci/setup browser`)");
        let number = number.trim();
        assert!(!number.is_empty(), "Xvfb did not start");
        let display = format!(":{number}");
        (process, stdout, display)
    });
    display
}

/// The POSIX locale for the first language of an Accept-Language list:
/// `de-AT,de` → `de_AT.UTF-8`, `es` → `es_ES.UTF-8`.
fn locale(accept_lang: &str) -> String {
    let first = accept_lang.split(',').next().unwrap_or_default();
    let first = first.split(';').next().unwrap_or_default().trim();
    let (language, region) = first.split_once(['-', '_']).unwrap_or((first, ""));
    let language = language.to_ascii_lowercase();
    let region = match region {
        "" if language == "en" => "US".to_owned(),
        "" => language.to_ascii_uppercase(),
        region => region.to_ascii_uppercase(),
    };
    let name = format!("{language}_{region}.UTF-8");
    compile_locale(&name);
    name
}

/// Locales compiled for WebKit: `target/e2e-locales/`.
fn locales_dir() -> PathBuf {
    workspace().join("target/e2e-locales")
}

/// Compiles a locale into `locales_dir` once (the system may have none but
/// C): `localedef` from Debian's `locales` sources.
fn compile_locale(name: &str) {
    static COMPILING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = COMPILING.lock().unwrap_or_else(PoisonError::into_inner);
    let target = locales_dir().join(name);
    if target.join("LC_CTYPE").is_file() {
        return;
    }
    std::fs::create_dir_all(locales_dir()).expect("a locales folder");
    let source = name.trim_end_matches(".UTF-8");
    // localedef exits with 1 on mere warnings; what counts is the result.
    let status = Command::new("localedef")
        .args(["-i", source, "-f", "UTF-8"])
        .arg(&target)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    assert!(
        target.join("LC_CTYPE").is_file(),
        "could not compile the locale {name} ({status:?}); Debian's `locales` package has its sources"
    );
}

/// The first executable that exists of `candidates` (globs allowed).
fn find_binary(candidates: &[&str]) -> String {
    candidates
        .iter()
        .flat_map(|pattern| {
            let (dir, rest) = pattern.split_once('*').unwrap_or((pattern, ""));
            match rest {
                "" => vec![PathBuf::from(dir)],
                rest => std::fs::read_dir(dir)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|entry| entry.path().join(rest.trim_start_matches('/')))
                    .collect(),
            }
        })
        .find(|path| path.is_file())
        .map(|path| path.display().to_string())
        .unwrap_or_else(|| panic!("none of {candidates:?} exists: run `.ci/setup browser`"))
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

/// How to start a browser.
pub struct Options<'a> {
    /// The browser's languages, as an Accept-Language list (`de-AT,de`):
    /// Chromium's `--accept-lang`, Firefox's `intl.accept_languages`, and in
    /// WebKit, which takes them from the locale, the first one's locale.
    pub accept_lang: &'a str,
    /// The viewport's size. Firefox and WebKit windows have a minimum width
    /// (about 450 to 500 px); a narrower viewport is that wide there.
    pub size: (u32, u32),
    /// Script run in every document before the page's own (in Chromium over
    /// DevTools; elsewhere put first into every page by the site server).
    pub init_script: Option<&'a str>,
    /// Holds back every `.wasm` response to this browser that long, so that
    /// the page can be looked at before the app starts.
    pub hold_wasm: Option<Duration>,
    /// Whether pages run scripts. Without, no script of a page runs (nor is
    /// fetched), while WebDriver still finds elements, reads them and runs
    /// `js`, and `errors` is always empty. In Chromium, `init_script` still
    /// runs; elsewhere it does not.
    pub javascript: bool,
    /// Whether the browser prefers a dark colour scheme.
    pub dark: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            accept_lang: "en-US,en",
            size: (1280, 900),
            init_script: None,
            hold_wasm: None,
            javascript: true,
            dark: false,
        }
    }
}

/// How long a browser may take to start a session: a second or two, even on
/// a busy machine.
const SESSION_START: Duration = Duration::from_secs(30);
/// How long the app may take to start in a page (see `wait_for_app`).
const APP_START: Duration = Duration::from_secs(30);

/// What a page that has not started its app shows of why: its loading
/// state and the files it has fetched (name, start and duration in ms).
const APP_STATE: &str = "return JSON.stringify({
  url: location.href,
  ready: document.readyState,
  visibility: document.visibilityState,
  now: Math.round(performance.now()),
  files: performance.getEntriesByType('resource').map((e) =>
    e.name.split('/').pop() + ' at ' + Math.round(e.startTime) + ' for ' + Math.round(e.duration)),
});";

/// A fresh browser of the engine under test (new profile, so empty storage).
pub struct Browser {
    pub client: Client,
    /// Tells this browser's requests apart on the site server.
    id: u64,
    javascript: bool,
    holds_wasm: bool,
    /// The viewport asked for.
    size: (u32, u32),
    dark: bool,
    /// Run before the page's own scripts: the error recorder (where pages
    /// run scripts) and the init script.
    scripts: Vec<String>,
    /// The driver of this session alone, where the engine's driver serves
    /// one session at a time; dropped after the session.
    _driver: Option<Driver>,
}

impl Browser {
    pub async fn start(options: Options<'_>) -> Browser {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        let engine = engine();
        let mut user_agent = format!("{} {UA_ID}{id}", engine.user_agent());
        if let Some(hold) = options.hold_wasm {
            user_agent += &format!(" {UA_HOLD_WASM}{}", hold.as_millis());
        }
        let capabilities = match engine {
            Engine::Chromium => chromium_capabilities(&options, &user_agent),
            Engine::Firefox => firefox_capabilities(&options, &user_agent),
            Engine::WebKit => webkit_capabilities(&options, &user_agent),
        };
        let scripts: Vec<String> = options
            .javascript
            .then_some(ERROR_RECORDER)
            .into_iter()
            .chain(options.init_script)
            .map(str::to_owned)
            .collect();
        if engine != Engine::Chromium {
            // No DevTools: the site server puts the scripts into the pages.
            switches(id, |switches| switches.scripts = scripts.clone());
        }
        // Sessions start one at a time. Each WebDriver server gets a port
        // found free here, and WebKitWebDriver gives its browser an inspector
        // port it found free the same way (bound, then closed): two starts at
        // once can be handed the same port, and a browser that cannot listen
        // on its inspector port leaves its session waiting for good.
        static STARTING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
        let starting = STARTING.lock().await;
        let mut attempt = 1;
        let (client, driver) = loop {
            let driver = match engine {
                Engine::Chromium => None,
                Engine::Firefox => Some(geckodriver(id)),
                Engine::WebKit => Some(webkitdriver(id, options.accept_lang)),
            };
            let url = driver
                .as_ref()
                .map_or_else(|| chromedriver().to_owned(), |driver| driver.url.clone());
            let mut builder = ClientBuilder::rustls().expect("TLS setup");
            let connect = builder.capabilities(capabilities.clone()).connect(&url);
            // A browser that cannot start leaves some drivers waiting for
            // good: the start is tried once more, with a new driver.
            let Ok(client) = tokio::time::timeout(SESSION_START, connect).await else {
                let log = driver
                    .as_ref()
                    .map_or_else(|| log_file("chromedriver.log"), |driver| driver.log.clone());
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                assert!(
                    attempt < 2,
                    "no {} session after {SESSION_START:?}, twice; the driver's log:\n{log}",
                    engine.name()
                );
                eprintln!(
                    "no {} session after {SESSION_START:?}; starting it again. The driver's log:\n{log}",
                    engine.name()
                );
                attempt += 1;
                continue;
            };
            let client = client.unwrap_or_else(|err| panic!("a {} session: {err}", engine.name()));
            break (client, driver);
        };
        drop(starting);
        let browser = Browser {
            client,
            id,
            javascript: options.javascript,
            holds_wasm: options.hold_wasm.is_some(),
            size: options.size,
            dark: options.dark,
            scripts,
            _driver: driver,
        };
        match engine {
            Engine::Chromium => browser.prepare_chromium().await,
            Engine::Firefox | Engine::WebKit => browser.fit_viewport().await,
        }
        browser
    }

    /// Opens a new tab and switches to it, prepared as the first one.
    pub async fn open_tab(&self) {
        let tab = self.client.new_window(true).await.expect("a new tab");
        self.client
            .switch_to_window(tab.handle)
            .await
            .expect("switch to the new tab");
        // DevTools settings hold for one tab; elsewhere the window and the
        // site server's scripts are the same for every tab.
        if engine() == Engine::Chromium {
            self.prepare_chromium().await;
        }
    }

    /// Viewport, colour scheme and scripts, over DevTools, for the current tab.
    async fn prepare_chromium(&self) {
        let (width, height) = self.size;
        // Headless windows have a minimum width; emulate a phone's viewport
        // (with its meta viewport handling) below it.
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        )
        .await;
        if self.dark {
            self.cdp(
                "Emulation.setEmulatedMedia",
                json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
            )
            .await;
        }
        self.cdp("Page.enable", json!({})).await;
        for script in &self.scripts {
            self.cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": script }),
            )
            .await;
        }
    }

    /// Sizes the window so that its viewport (the window less its toolbars)
    /// is `width` × `height`, as near as the engine allows.
    async fn fit_viewport(&self) {
        let (width, height) = self.size;
        let (mut outer_width, mut outer_height) = (width, height);
        for _ in 0..2 {
            self.client
                .set_window_size(outer_width, outer_height)
                .await
                .expect("set the window size");
            let inner = self.js("return [innerWidth, innerHeight];").await;
            let size = |index: usize| inner[index].as_u64().unwrap_or_default() as u32;
            let (inner_width, inner_height) = (size(0), size(1));
            if (inner_width, inner_height) == (width, height) {
                return;
            }
            outer_width = (outer_width + width).saturating_sub(inner_width);
            outer_height = (outer_height + height).saturating_sub(inner_height);
        }
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver; in
    /// Chromium only.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(
            engine(),
            Engine::Chromium,
            "CDP {cmd}: only Chromium speaks the DevTools Protocol"
        );
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_owned(),
                params,
            })
            .await
            .unwrap_or_else(|err| panic!("CDP {cmd}: {err}"))
    }

    /// The viewport's width in CSS pixels.
    pub async fn viewport_width(&self) -> u64 {
        self.js("return document.documentElement.clientWidth;")
            .await
            .as_u64()
            .expect("a width")
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
        // Fetching and compiling the wasm is the slowest step of a page:
        // on a loaded two-core machine Firefox has taken over ten seconds.
        if !self
            .holds_within("window.wasmBindings !== undefined", APP_START)
            .await
        {
            let state = self.js(APP_STATE).await;
            let served = self.request_paths().join(" ");
            panic!(
                "the app did not start within {APP_START:?}: {state}; the server received: {served}"
            );
        }
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

    /// The accessibility violations axe-core finds in the elements matching
    /// `css` (WCAG 2.2 A and AA rules and best practices), one line each:
    /// rule, impact, and the first offending element.
    pub async fn axe(&self, css: &str) -> Vec<String> {
        let file = workspace().join(".tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&file).unwrap_or_else(|err| {
            panic!(
                "{}: {err} (`bash .ci/setup browser` installs axe-core)",
                file.display()
            )
        });
        // WebDriver's scripts are not subject to the page's CSP; axe-core
        // then only reads the DOM and the computed styles.
        let script = format!(
            "{source}
             const done = arguments[arguments.length - 1];
             axe.run({css:?}, {{ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'], resultTypes: ['violations'] }})
               .then((r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes[0].target.join(' ') + ' ' + v.nodes[0].failureSummary)))
               .catch((e) => done(['axe failed: ' + e]));"
        );
        let found = self
            .client
            .execute_async(&script, vec![])
            .await
            .unwrap_or_else(|err| panic!("axe on {css}: {err}"));
        serde_json::from_value(found).expect("axe's violations")
    }

    /// Waits until a script returns `true`.
    pub async fn wait_until(&self, condition: &str) {
        self.wait_within(condition, Duration::from_secs(10)).await;
    }

    /// Waits until a script returns `true`, at most `limit`.
    pub async fn wait_within(&self, condition: &str, limit: Duration) {
        assert!(
            self.holds_within(condition, limit).await,
            "timed out waiting for: {condition}"
        );
    }

    /// Whether a script returns `true` within `limit` (asked every 50 ms).
    async fn holds_within(&self, condition: &str, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while self.js(&format!("return Boolean({condition});")).await != Value::Bool(true) {
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        true
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
        // Without the recorder, no errors would pass for none.
        let errors = self
            .js("return window.__errors || ['the error recorder did not run in this page'];")
            .await;
        errors
            .as_array()
            .into_iter()
            .flatten()
            .map(|error| error.as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Makes the site server play `fault` for this browser's requests of
    /// `files` from now on; `None` serves them normally again.
    pub fn set_fault(&self, files: Files, fault: Option<Fault>) {
        fault::set(self.id, files, fault);
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

type Capabilities = serde_json::Map<String, Value>;

/// Headless Chromium with a fresh profile (chromedriver makes one), the
/// languages and user agent given, and page scripts blocked where asked.
fn chromium_capabilities(options: &Options<'_>, user_agent: &str) -> Capabilities {
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
    let mut capabilities = Capabilities::new();
    capabilities.insert("goog:chromeOptions".into(), chrome_options);
    capabilities
}

/// Headless Firefox ESR with a fresh profile (geckodriver makes one), told
/// by preferences what Chromium is told by flags, and kept off the network:
/// anything not for 127.0.0.1 goes to a proxy where nothing listens.
fn firefox_capabilities(options: &Options<'_>, user_agent: &str) -> Capabilities {
    let prefs = json!({
        "intl.accept_languages": options.accept_lang,
        "general.useragent.override": user_agent,
        // Page scripts off; WebDriver's own still run.
        "javascript.enabled": options.javascript,
        // 0: dark, 1: light, for pages' `prefers-color-scheme`.
        "layout.css.prefers-color-scheme.content-override": if options.dark { 0 } else { 1 },
        "ui.systemUsesDarkTheme": i32::from(options.dark),
        "network.proxy.type": 1,
        "network.proxy.http": "127.0.0.1",
        "network.proxy.http_port": 9,
        "network.proxy.ssl": "127.0.0.1",
        "network.proxy.ssl_port": 9,
        "network.proxy.no_proxies_on": "127.0.0.1",
        "network.proxy.allow_hijacking_localhost": false,
        "app.update.enabled": false,
        "app.update.auto": false,
        "app.normandy.enabled": false,
        "browser.safebrowsing.malware.enabled": false,
        "browser.safebrowsing.phishing.enabled": false,
        "browser.safebrowsing.downloads.enabled": false,
        "browser.safebrowsing.blockedURIs.enabled": false,
        "browser.safebrowsing.update.enabled": false,
        "browser.search.update": false,
        "browser.region.update.enabled": false,
        "browser.region.network.url": "",
        "network.captive-portal-service.enabled": false,
        "network.connectivity-service.enabled": false,
        "network.dns.disablePrefetch": true,
        "network.prefetch-next": false,
        "datareporting.healthreport.uploadEnabled": false,
        "datareporting.policy.dataSubmissionEnabled": false,
        "toolkit.telemetry.enabled": false,
        "toolkit.telemetry.unified": false,
        "extensions.update.enabled": false,
        "extensions.getAddons.cache.enabled": false,
        "extensions.systemAddon.update.enabled": false,
        "media.gmp-manager.updateEnabled": false,
        "services.settings.server": "http://127.0.0.1:9/",
        "browser.newtabpage.enabled": false,
        "browser.startup.page": 0,
    });
    let binary = find_binary(&["/usr/bin/firefox-esr", "/usr/bin/firefox"]);
    let mut capabilities = Capabilities::new();
    capabilities.insert("browserName".into(), json!("firefox"));
    capabilities.insert(
        "moz:firefoxOptions".into(),
        json!({ "binary": binary, "args": ["-headless"], "prefs": prefs }),
    );
    capabilities
}

/// WebKitGTK's MiniBrowser in automation mode (which keeps no data between
/// sessions), with the user agent given, page scripts off where asked, and
/// the same proxy as Firefox's.
fn webkit_capabilities(options: &Options<'_>, user_agent: &str) -> Capabilities {
    let binary = find_binary(&[
        "/usr/lib/*/webkit2gtk-4.1/MiniBrowser",
        "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
    ]);
    let mut args = vec![
        "--automation".to_owned(),
        format!("--user-agent={user_agent}"),
        "--proxy=http://127.0.0.1:9".to_owned(),
        "--ignore-host=127.0.0.1".to_owned(),
    ];
    if !options.javascript {
        // Page scripts off; WebDriver's own still run.
        args.push("--enable-javascript=false".to_owned());
    }
    if options.dark {
        args.push("--dark-mode".to_owned());
    }
    let mut capabilities = Capabilities::new();
    capabilities.insert(
        "webkitgtk:browserOptions".into(),
        json!({ "binary": binary, "args": args }),
    );
    capabilities
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
