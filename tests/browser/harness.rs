//! What the browser tests stand on: a static server for the built site, with
//! the single-page fallback a static host is configured with, a chromedriver,
//! and a thin client over a fresh headless Chromium per test.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

/// Where the built site is: `BLOG_E2E_DIST`, else `target/e2e-dist`.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("BLOG_E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built site in {}: run `bash .ci/test`, which builds it first",
        dir.display()
    );
    dir
}

/// The base URL of the site server, started on first use.
pub fn site() -> &'static str {
    static SITE: OnceLock<String> = OnceLock::new();
    SITE.get_or_init(|| {
        let dist = Arc::new(dist_dir());
        let server =
            Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind the site server"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        for _ in 0..4 {
            let (server, dist) = (Arc::clone(&server), Arc::clone(&dist));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    let _ = respond(&dist, request);
                }
            });
        }
        format!("http://127.0.0.1:{port}")
    })
}

/// Serves files as a static host does: existing files as they are, unknown
/// paths without an extension as `index.html` (the app's router decides),
/// and anything else missing as a 404.
fn respond(dist: &Path, request: tiny_http::Request) -> std::io::Result<()> {
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let relative = path.trim_start_matches('/');
    let safe = !relative.split('/').any(|part| part == "..");
    let file = dist.join(relative);
    let has_extension = Path::new(relative).extension().is_some();
    let served = if safe && file.is_file() {
        Some(file)
    } else if safe && !has_extension {
        Some(dist.join("index.html"))
    } else {
        None
    };
    let Some(served) = served else {
        return request
            .respond(tiny_http::Response::from_string("not found").with_status_code(404));
    };
    let mime = match served.extension().and_then(|ext| ext.to_str()) {
        Some("md") => "text/markdown; charset=utf-8".to_owned(),
        _ => mime_guess::from_path(&served)
            .first_or_octet_stream()
            .to_string(),
    };
    let header = tiny_http::Header::from_bytes("Content-Type", mime).expect("a valid header");
    request
        .respond(tiny_http::Response::from_file(std::fs::File::open(served)?).with_header(header))
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

/// Records script errors, console errors and unhandled rejections in
/// `window.__errors`, from before the app starts.
const ERROR_RECORDER: &str = r#"
window.__errors = [];
const originalError = console.error.bind(console);
console.error = (...args) => { window.__errors.push(args.map(String).join(' ')); originalError(...args); };
addEventListener('error', (event) => window.__errors.push('error: ' + event.message));
addEventListener('unhandledrejection', (event) => window.__errors.push('rejection: ' + event.reason));
"#;

/// How to start a browser.
pub struct Options<'a> {
    /// `navigator.languages`, as Chromium's `--accept-lang` takes it.
    pub accept_lang: &'a str,
    /// The window's size.
    pub size: (u32, u32),
    /// Script run in every document before the page's own.
    pub init_script: Option<&'a str>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            accept_lang: "en-US,en",
            size: (1280, 900),
            init_script: None,
        }
    }
}

/// A fresh headless Chromium (new profile, so empty storage).
pub struct Browser {
    pub client: Client,
}

impl Browser {
    pub async fn start(options: Options<'_>) -> Browser {
        let (width, height) = options.size;
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars",
                    format!("--accept-lang={}", options.accept_lang),
                    format!("--window-size={width},{height}"),
                ],
            }),
        );
        let client = ClientBuilder::rustls()
            .expect("TLS setup")
            .capabilities(capabilities)
            .connect(webdriver())
            .await
            .expect("a Chromium session");
        let browser = Browser { client };
        // Headless windows have a minimum width; emulate a phone's viewport
        // (with its meta viewport handling) below it.
        browser
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
            )
            .await;
        browser.cdp("Page.enable", json!({})).await;
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": ERROR_RECORDER }),
            )
            .await;
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

    /// Opens a path of the site, e.g. `/de/`.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", site()))
            .await
            .expect("navigate");
    }

    /// The current URL's path.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        url.path().to_owned()
    }

    /// Waits until the page is at `path`.
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

    /// Errors recorded since the page loaded.
    pub async fn errors(&self) -> Vec<String> {
        let errors = self.js("return window.__errors || [];").await;
        errors
            .as_array()
            .into_iter()
            .flatten()
            .map(|error| error.as_str().unwrap_or_default().to_owned())
            .collect()
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
