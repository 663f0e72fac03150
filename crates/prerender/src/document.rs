//! Renders a route to a complete HTML document, natively, with the app's own
//! components: what the pre-renderer writes for every route, and what the
//! app then hydrates.
//!
//! The document is Trunk's `index.html` (styles, the app's loader) with the
//! page's head tags after leptos_meta's `<!--HEAD-->` marker, the rendered
//! app as the very first thing in `<body>` (hydration walks from there), and
//! the resources the page loaded (a post's body) as JSON at the end, so the
//! app takes them over instead of fetching them again. The head begins with
//! the page's Content-Security-Policy (`csp.rs`).

use std::fmt;
use std::sync::Arc;

use futures::{StreamExt, stream};
use hydration_context::{SerializedDataId, SsrSharedContext};
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::csp;
use blog::App;
use blog::shell::{HEAD_MARKER, RESOURCES_ID, ROUTE_ATTR, SITE_ID};
use blog_model::site::{Site, encode_site};

/// The parts of Trunk's `index.html` that every page keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Everything inside `<head>` but the `<title>`, which each page sets.
    head: String,
    /// Whatever Trunk put into `<body>` (scripts); it follows the app.
    body: String,
    /// The Content-Security-Policy of every page made from it.
    policy: String,
}

/// Why an `index.html` cannot serve as the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(&'static str);

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "index.html has no {}", self.0)
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Reads Trunk's output, which a minifier may have stripped of optional
    /// tags (`<head>`, `</body>`).
    pub fn parse(index_html: &str) -> Result<Template, TemplateError> {
        let body_start = find_tag(index_html, "body").ok_or(TemplateError("<body>"))?;
        let head_end = index_html.find("</head>").unwrap_or(body_start);
        let head_start = match find_tag(index_html, "head") {
            Some(start) => after_tag(index_html, start),
            None => after_tag(
                index_html,
                find_tag(index_html, "html").ok_or(TemplateError("<html>"))?,
            ),
        }
        .filter(|&start| start <= head_end)
        .ok_or(TemplateError("<head>"))?;
        let head = &index_html[head_start..head_end];
        let body_content = after_tag(index_html, body_start).ok_or(TemplateError("<body>"))?;
        let body_end = index_html.find("</body>").unwrap_or(index_html.len());
        let body = index_html
            .get(body_content..body_end)
            .ok_or(TemplateError("<body>"))?
            .trim()
            .trim_end_matches("</html>");
        let head = match (head.find("<title"), head.find("</title>")) {
            (Some(start), Some(end)) if start < end => {
                format!("{}{}", &head[..start], &head[end + "</title>".len()..])
            }
            _ => head.to_owned(),
        };
        let head = start_after_first_paint(&without_wasm_preload(&head));
        let body = start_after_first_paint(&strip_noscript(body));
        // Trunk's loader and index.html's theme script are the only inline
        // ones: the app writes its data as JSON. Scanned here, where no
        // post's text is.
        let policy = csp::policy(
            csp::inline_scripts(&head)
                .into_iter()
                .chain(csp::inline_scripts(&body)),
        );
        Ok(Template {
            head: head.trim().to_owned(),
            body: body.trim().to_owned(),
            policy,
        })
    }

    /// The Content-Security-Policy of the pages: each carries it, and
    /// `_headers` repeats it.
    pub fn policy(&self) -> &str {
        &self.policy
    }
}

/// Drops Trunk's `<link rel=preload>` of the wasm. On a pre-rendered page
/// the reader needs the text, cover and styles first; preloaded, the app's
/// ~250 KB competes with them from the start (Lighthouse, mobile: largest
/// contentful paint 2.7 s with it, 1.2 s without, as on a static page). The
/// loader still fetches the wasm as soon as its script runs.
fn without_wasm_preload(head: &str) -> String {
    remove_elements(head, "<link", ">", |tag| {
        let preload = tag.contains("rel=preload") || tag.contains("rel=\"preload\"");
        preload && tag.contains(".wasm")
    })
}

/// What the app's loader waits for before it fetches the wasm: the task
/// after the next frame, so after the page's first paint; for a page the
/// browser does not draw, as long as `blog::ui::frame` waits for a frame.
pub fn after_first_paint() -> String {
    format!(
        "await new Promise(r=>{{requestAnimationFrame(()=>setTimeout(r));setTimeout(r,{})}});",
        blog::ui::frame::NO_FRAME_MS
    )
}

/// The app's loader (Trunk's inline module script) made to start after the
/// page's first paint. It fetches the wasm as soon as it runs, which on a
/// page without a cover came before its text was painted, so the app's
/// download counted against the first paint (Lighthouse, mobile, a post of
/// code blocks: largest contentful paint 1,978 ms against 906 for its
/// static copy, and 957 waiting a frame). The app starts a frame later.
fn start_after_first_paint(html: &str) -> String {
    let wait = after_first_paint();
    ["<script type=module>", "<script type=\"module\">"]
        .iter()
        .fold(html.to_owned(), |html, tag| {
            html.replace(tag, &format!("{tag}{wait}"))
        })
}

/// `html` without the elements from `open` to the next `close` (to the end
/// where none follows) for which `remove` says so.
fn remove_elements(html: &str, open: &str, close: &str, remove: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let end = rest[start..]
            .find(close)
            .map_or(rest.len(), |end| start + end + close.len());
        out.push_str(&rest[..start]);
        if !remove(&rest[start..end]) {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where the first `<name>` or `<name …>` tag opens (not `<header>` for `head`).
fn find_tag(html: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .map(|(start, _)| start)
        .find(|&start| {
            html[start + open.len()..]
                .chars()
                .next()
                .is_some_and(|next| next == '>' || next.is_ascii_whitespace())
        })
}

/// Where the content of the tag opening at `start` begins.
fn after_tag(html: &str, start: usize) -> Option<usize> {
    Some(start + html[start..].find('>')? + 1)
}

/// The pre-rendered page says everything a `<noscript>` would, and hydration
/// must find the app first in `<body>`.
fn strip_noscript(body: &str) -> String {
    remove_elements(body, "<noscript", "</noscript>", |_| true)
}

/// What to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// The page at this path (under the base path), hydrated there.
    Route(&'a str),
    /// The 404 page, served by static hosts for any path they lack; the app
    /// renders it anew for the path it is served at.
    NotFound,
}

/// Renders `target` into a complete document of the blog `site`, which the
/// page carries for the app (a JSON string of its site file).
pub fn render(template: &Template, site: &Arc<Site>, target: Target<'_>) -> String {
    // Resources run on an executor; it is set once per process.
    let _ = any_spawner::Executor::init_futures_executor();
    let (path, route_attr) = match target {
        Target::Route(path) => (
            path.to_owned(),
            format!(" {ROUTE_ATTR}=\"{}\"", crate::site_files::xml_escape(path)),
        ),
        // An empty route: the app clears the page and renders the path it is at.
        Target::NotFound => (blog::site::path("404.html"), format!(" {ROUTE_ATTR}=\"\"")),
    };
    let shared = Arc::new(SsrSharedContext::new());
    let owner = Owner::new_root(Some(shared.clone()));
    let (meta, meta_output) = ServerMetaContext::new();
    let carried = serde_json::to_string(&encode_site(site))
        .unwrap_or_default()
        .replace('<', "\\u003c");
    let site = Arc::clone(site);
    let app = owner.with(|| {
        provide_context(RequestUrl::new(&path));
        provide_context(meta);
        view! { <App site /> }.to_html_stream_in_order()
    });
    let document = futures::executor::block_on(async move {
        // Leptos marks places in the tree with `<!>`, which browsers read as
        // an empty comment but the HTML standard calls a parse error;
        // `<!---->` is the same node, written validly. Text and attributes
        // are escaped, so `<!>` occurs nowhere else.
        let app = app
            .collect::<Vec<String>>()
            .await
            .concat()
            .replace("<!>", "<!---->");
        let data = resource_data(shared.consume_buffers().await);
        let page = format!(
            "<!DOCTYPE html><html><head>\
             <meta http-equiv=Content-Security-Policy content=\"{policy}\">\
             {head}<!--{HEAD_MARKER}--></head>\
             <body{route_attr}>{app}{body}\
             <script type=application/json id={RESOURCES_ID}>{data}</script>\
             <script type=application/json id={SITE_ID}>{carried}</script></body></html>\n",
            // Keywords and base64 hashes: nothing to escape in the attribute.
            policy = template.policy,
            head = template.head,
            body = template.body,
        );
        meta_output
            .inject_meta_context(stream::iter([page]))
            .await
            .collect::<String>()
            .await
    });
    drop(owner);
    document
}

/// The resources' serialized values as a JSON array indexed by their ids,
/// which is what hydration reads from `__RESOLVED_RESOURCES` (see the app's `start.rs`).
/// Every `<` is escaped so that no value can close the element.
fn resource_data(resolved: Vec<(SerializedDataId, String)>) -> String {
    let mut values: Vec<Option<String>> = Vec::new();
    for (id, value) in resolved {
        let id = id.into_inner();
        if values.len() <= id {
            values.resize(id + 1, None);
        }
        values[id] = Some(value);
    }
    serde_json::to_string(&values)
        .unwrap_or_else(|_| "[]".to_owned())
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_INDEX: &str = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>\
        <title>Edgewise</title><link rel=stylesheet href=/main-1.css>\
        <script type=module>import init from '/app-1.js';init();</script></head>\
        <body><noscript>Needs JS</noscript></body></html>";

    #[test]
    fn the_template_keeps_the_head_but_not_its_title_or_noscript() {
        let template = Template::parse(TRUNK_INDEX).unwrap();
        assert!(template.head.contains("main-1.css") && template.head.contains("app-1.js"));
        assert!(!template.head.contains("<title"));
        // The loader waits for the first paint before it fetches the wasm.
        assert!(template.head.contains(&format!(
            "<script type=module>{}import init from '/app-1.js'",
            after_first_paint()
        )));
        let trunk = Template::parse(
            "<html><head><link href=/a.js rel=modulepreload>\
             <link as=fetch href=/a_bg.wasm rel=preload type=application/wasm></head><body></body></html>",
        )
        .unwrap();
        assert_eq!(trunk.head, "<link href=/a.js rel=modulepreload>");
        assert_eq!(template.body, "");
        assert_eq!(
            Template::parse("<html></html>"),
            Err(TemplateError("<body>"))
        );
        // Minified, as Trunk's release build writes it: no `<head>` tag.
        let minified = Template::parse(
            "<!doctype html><html lang=en><meta charset=utf-8><title>E</title>\
             <link href=/a.css rel=stylesheet></head><body></body></html>",
        )
        .unwrap();
        assert_eq!(
            minified.head,
            "<meta charset=utf-8><link href=/a.css rel=stylesheet>"
        );
        assert_eq!(minified.body, "");
        // A `<header>` in the body is not the head; a trailing `</html>` is no body.
        let header = Template::parse(
            "<html lang=en><meta charset=utf-8><body><header>x</header></body>\n</html>\n",
        )
        .unwrap();
        assert_eq!(header.head, "<meta charset=utf-8>");
        assert_eq!(header.body, "<header>x</header>");
        let unclosed = Template::parse("<html><head></head><body><p>x\n</html>\n").unwrap();
        assert_eq!(unclosed.body, "<p>x");
    }

    #[test]
    fn a_post_is_rendered_whole_with_its_head_and_its_body_data() {
        let site = Arc::new(crate::test_site::catalog().site.clone());
        let template = Template::parse(TRUNK_INDEX).unwrap();
        let path = blog::site::path("en/the-rise-of-serverless-edge-computing/");
        let html = render(&template, &site, Target::Route(&path));
        // The policy comes first, and allows the loader by its hash; the
        // loader starts the app after the first paint.
        let loader = format!(
            "{}import init from '/app-1.js';init();",
            after_first_paint()
        );
        let policy = csp::policy([loader.as_str()]);
        assert_eq!(template.policy(), policy);
        assert!(
            html.starts_with(&format!(
                "<!DOCTYPE html><html lang=\"en\"><head>\
                 <meta http-equiv=Content-Security-Policy content=\"{policy}\"><meta charset=utf-8>"
            )),
            "{html}"
        );
        // The app comes first in <body>: hydration starts there.
        assert!(html.contains(&format!("<body data-route=\"{path}\"><a href=\"#main\"")));
        assert!(html.contains("<title>The Rise of Serverless Edge Computing · Edgewise</title>"));
        assert!(html.contains("<!--HEAD--><"));
        assert!(html.contains(r#"rel="canonical">"#));
        assert!(html.contains("application/ld+json"));
        // The body is rendered, not a skeleton, and its Markdown travels along.
        assert!(html.contains("<h2 id="), "{html}");
        assert!(!html.contains("skeleton"));
        assert!(html.contains(&format!(
            "<script type=application/json id={RESOURCES_ID}>[\"{{\\\"Ok\\\":"
        )));
        assert!(!html.contains("<!>") && html.contains("<!---->"));
        assert_eq!(html.matches("<title>").count(), 1);
        // The site file travels as a JSON string, for the app to start with.
        let carried = html
            .split_once(&format!("<script type=application/json id={SITE_ID}>"))
            .and_then(|(_, rest)| rest.split_once("</script>"))
            .map(|(json, _)| json)
            .unwrap();
        let text: String = serde_json::from_str(carried).unwrap();
        assert_eq!(blog_model::site::decode_site(&text).as_ref(), Ok(&*site));
    }

    #[test]
    fn a_standalone_page_is_rendered_without_a_date_and_every_page_links_the_pages() {
        let site = Arc::new(crate::test_site::catalog().site.clone());
        let template = Template::parse(TRUNK_INDEX).unwrap();
        let path = blog::site::path("de/impressum/");
        let html = render(&template, &site, Target::Route(&path));
        assert!(
            html.contains("<title>Impressum · Edgewise</title>"),
            "{html}"
        );
        assert!(html.contains("<h1>Impressum</h1>"), "{html}");
        assert!(
            !html.contains("<time") && !html.contains("post-meta"),
            "{html}"
        );
        assert!(html.contains(r#""@type":"WebPage""#), "{html}");
        assert!(!html.contains("datePublished"), "{html}");
        // Switchable like a post.
        let legal = blog::site::path("en/legal-notice/");
        assert!(
            html.contains(&format!(r#"href="{legal}" hreflang="en""#)),
            "{html}"
        );
        assert!(
            html.contains(r#"<meta property="og:type" content="website">"#),
            "{html}"
        );
        // The header links "About" in the page's language, the footer the
        // Impressum and the privacy page.
        let post = render(
            &template,
            &site,
            Target::Route(&blog::site::path(
                "en/the-rise-of-serverless-edge-computing/",
            )),
        );
        let about = blog::site::path("en/about/");
        assert!(
            post.contains(&format!(r#"<a href="{about}" class="site-page">About<"#)),
            "{post}"
        );
        let footer = post.split("<footer class=\"site-footer\">").nth(1).unwrap();
        assert!(
            footer.contains(&format!(r#"<a href="{legal}">Legal notice<!----></a>"#)),
            "{footer}"
        );
        let privacy = blog::site::path("en/privacy/");
        assert!(
            footer.contains(&format!(r#"<a href="{privacy}">Privacy<!----></a>"#)),
            "{footer}"
        );
        let ueber_uns = blog::site::path("de/ueber-uns/");
        assert!(
            html.contains(&format!(
                r#"<a href="{ueber_uns}" class="site-page">Über uns<"#
            )),
            "{html}"
        );
    }

    #[test]
    fn the_404_page_names_no_route_and_is_not_indexed() {
        let template = Template::parse(TRUNK_INDEX).unwrap();
        let html = render(&template, &Arc::new(Site::default()), Target::NotFound);
        assert!(html.contains("<body data-route=\"\"><"), "{html}");
        assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
        assert!(!html.contains("rel=\"canonical\""));
    }
}
