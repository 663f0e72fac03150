//! Highlighted code: the build's token runs drawn as `<span class>`s, the
//! same in the pre-rendered page, after hydration and when the app draws
//! the post itself; readable without JavaScript; no `style` attribute in
//! any page.

use std::path::Path;

use serde_json::json;

use crate::{english_browser, finish};
use blog_e2e::harness::{self, Browser, Options, href};

/// The fixture post with a block in each language the docs name.
const CODE: &str = "/en/code-in-every-language/";
/// Its translation.
const CODE_DE: &str = "/de/code-in-jeder-sprache/";
/// The fixture post with a block of 2,000 lines.
const LONG: &str = "/en/a-long-code-block/";

const LANGUAGES: [&str; 22] = [
    "rust",
    "toml",
    "yaml",
    "json",
    "bash",
    "sh",
    "console",
    "javascript",
    "typescript",
    "html",
    "css",
    "python",
    "go",
    "java",
    "c",
    "cpp",
    "sql",
    "dockerfile",
    "diff",
    "markdown",
    "nginx",
    "ini",
];

/// The post body as markup, without the comments hydration leaves.
const BODY: &str =
    "return document.querySelector('.post-body').innerHTML.replace(/<!--[^>]*-->/g, '');";

async fn body(browser: &Browser) -> String {
    browser.js(BODY).await.as_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_language_is_highlighted_without_javascript() {
    let browser = Browser::start(Options {
        javascript: false,
        ..Options::default()
    })
    .await;
    for path in [CODE, CODE_DE] {
        browser.open(path).await;
        for language in LANGUAGES {
            let tokens = browser
                .count(&format!(".post-body code.language-{language} span[class]"))
                .await;
            assert!(tokens > 0, "{path}: no tokens in the {language} block");
        }
    }
    assert!(browser.count(".post-body code.language-rust .tk").await > 0);
    assert!(browser.count(".post-body code.language-diff .ti").await > 0);
    assert!(browser.count(".post-body code.language-diff .td").await > 0);
    // The text is the code as written, tokens and all.
    let rust = browser.text(".post-body code.language-rust").await;
    assert!(
        rust.contains("println!(\"{} words, \\\"quoted\\\"\", counts.0.len());"),
        "{rust}"
    );
    browser.close().await;
}

#[tokio::test]
async fn highlighted_code_is_the_same_pre_rendered_and_drawn_by_the_app() {
    let browser = english_browser().await;
    for path in [CODE, LONG] {
        browser.open(path).await;
        let prerendered = body(&browser).await;
        assert!(prerendered.contains("<span class=\"tk\">"), "{path}");
        // The app draws the post itself when it is reached from the index.
        browser.open("/en/").await;
        browser.mark_document().await;
        browser
            .click(&format!(".card h2 a[href='{}']", href(path)))
            .await;
        browser.wait_for_path(path).await;
        browser
            .wait_until("document.querySelector('.post-body pre code span') !== null")
            .await;
        assert!(browser.is_same_document().await, "{path} was loaded anew");
        let drawn = body(&browser).await;
        assert!(
            drawn == prerendered,
            "{path}: the app draws the code differently from the pre-rendered page"
        );
    }
    let lines = browser
        .js("return document.querySelector('.post-body code.language-rust').textContent.split('\\n').length;")
        .await;
    assert_eq!(lines, json!(2001), "2,000 lines and the last line break");
    finish(browser).await;
}

/// A block's button copies its text, says so on the button and to screen
/// readers, and comes back. The clipboard is stood in for: headless
/// browsers differ in what they let a page write there.
#[tokio::test]
async fn the_copy_button_copies_the_block_and_says_so() {
    let browser = Browser::start(Options {
        init_script: Some(
            "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
             { writeText: (text) => { window.__copied = text; return Promise.resolve(); } } });",
        ),
        ..Options::default()
    })
    .await;
    browser.open(CODE_DE).await;
    let button = ".post-body code.language-toml + button.copy-code";
    // As text, not as shown: until hovered or focused it is transparent.
    let text = |css: &str| format!("return document.querySelector('{css}').textContent;");
    assert_eq!(browser.js(&text(button)).await, json!("Kopieren"));
    // Reached by keyboard, where it shows.
    browser
        .js(&format!("document.querySelector('{button}').focus();"))
        .await;
    assert_eq!(
        browser
            .js(&format!(
                "return getComputedStyle(document.querySelector('{button}')).opacity;"
            ))
            .await,
        json!("1")
    );
    browser.click(button).await;
    browser.wait_until("window.__copied !== undefined").await;
    assert_eq!(
        browser.js("return window.__copied;").await,
        browser
            .js("return document.querySelector('.post-body code.language-toml').textContent;")
            .await
    );
    browser
        .wait_until(&format!(
            "document.querySelector('{button}').textContent === 'Kopiert'"
        ))
        .await;
    assert_eq!(browser.js(&text("#announcer")).await, json!("Kopiert"));
    browser
        .wait_until(&format!(
            "document.querySelector('{button}').textContent === 'Kopieren'"
        ))
        .await;
    finish(browser).await;
}

/// Whether the markup has an element with a `style` attribute: a strict
/// CSP refuses it, so none may be written. Attribute values are read as
/// values, and script elements (the page's data) are skipped.
fn styled_element(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        let mut attrs = &rest[name_end..];
        loop {
            attrs = attrs.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if attrs.is_empty() || attrs.starts_with('>') {
                break;
            }
            let attr_end = attrs
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>')
                .unwrap_or(attrs.len());
            if attrs[..attr_end].eq_ignore_ascii_case("style") {
                return Some(format!("<{name} {}", &attrs[..attrs.len().min(80)]));
            }
            attrs = &attrs[attr_end..];
            if let Some(value) = attrs.strip_prefix('=') {
                attrs = match value.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let close = value[1..].find(quote).map_or(value.len(), |at| at + 2);
                        &value[close..]
                    }
                    _ => value.trim_start_matches(|c: char| !c.is_ascii_whitespace() && c != '>'),
                };
            }
        }
        rest = attrs.strip_prefix('>').unwrap_or(attrs);
        if name == "script" {
            rest = rest.find("</script>").map_or("", |end| &rest[end..]);
        }
    }
    None
}

fn html_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "html") {
            out.push(path);
        }
    }
}

#[test]
fn no_built_page_has_a_style_attribute() {
    assert_eq!(
        styled_element("<p title='a style=b'>x</p><script>\"<b style=x>\"</script>"),
        None
    );
    assert_eq!(
        styled_element("<pre class=a\n STYLE=\"color: red\">").as_deref(),
        Some("<pre STYLE=\"color: red\">")
    );
    let mut pages = Vec::new();
    html_files(&harness::dist_dir(), &mut pages);
    assert!(pages.len() > 50, "{} pages", pages.len());
    for page in pages {
        let html = std::fs::read_to_string(&page).unwrap();
        if let Some(element) = styled_element(&html) {
            panic!("{}: {element}", page.display());
        }
    }
}
