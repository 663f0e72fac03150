//! The Content-Security-Policy of the pre-rendered pages: what a page may
//! load and run. Each page carries it as a `<meta>` tag, and `_headers`
//! repeats it for hosts that read that file.
//!
//! Scripts run only from this site, plus the inline scripts the page was
//! built with, each allowed by its SHA-256 hash (Trunk's loader: the same on
//! every page of a build, so one policy fits them all). Nothing else is
//! inline: the data the app takes over travels as JSON, which never runs.
//! Markup that slipped into a post could therefore run nothing, even if the
//! Markdown mapping let it through.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// The policy for a page whose inline scripts are `scripts` (their text).
pub fn policy<'a>(scripts: impl IntoIterator<Item = &'a str>) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for script in scripts {
        script_src.push_str(" 'sha256-");
        script_src.push_str(&STANDARD.encode(Sha256::digest(script.as_bytes())));
        script_src.push('\'');
    }
    // `img-src https:`: a post may show an image from another site. Styles
    // come from this site's stylesheet only; no element has a `style`.
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; \
         img-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// The text of every script in `html` that the browser would run inline:
/// a `<script>` without `src`, of no type or a JavaScript type (not the
/// JSON-LD or JSON data blocks).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start + "<script".len()..];
        let Some(tag_end) = rest.find('>') else { break };
        let attributes = &rest[..tag_end];
        rest = &rest[tag_end + 1..];
        let Some(end) = rest.find("</script") else {
            break;
        };
        if runs_inline(attributes) {
            scripts.push(&rest[..end]);
        }
        rest = &rest[end..];
    }
    scripts
}

/// Whether a `<script …>` with these attributes runs its own text.
fn runs_inline(attributes: &str) -> bool {
    let attributes = attributes.to_ascii_lowercase();
    let has = |name: &str| {
        attributes
            .split(|c: char| c.is_ascii_whitespace())
            .any(|part| part == name || part.starts_with(&format!("{name}=")))
    };
    if has("src") {
        return false;
    }
    let script_type = attributes
        .split(|c: char| c.is_ascii_whitespace())
        .find_map(|part| part.strip_prefix("type="))
        .map(|value| value.trim_matches(['"', '\'']));
    match script_type {
        None | Some("" | "module" | "text/javascript" | "application/javascript") => true,
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_is_allowed_by_the_hash_of_its_exact_text() {
        // `echo -n 'init();' | openssl dgst -sha256 -binary | base64`
        let csp = policy(["init();"]);
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-GEnM5q1nYY/iACnyMTdov+tNp9OFcBnnDgNXUXaVNXc='"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        for directive in ["default-src 'self'", "object-src 'none'", "base-uri 'self'"] {
            assert!(csp.contains(directive), "{directive} in {csp}");
        }
    }

    #[test]
    fn only_scripts_that_run_inline_are_hashed() {
        let html = "<head><script type=module>init();</script>\
            <script src=/a.js></script><script type=\"application/ld+json\">{}</script>\
            <script type=application/json id=d>[\"x\"]</script></head>\
            <body><script>go()</script><script type='text/javascript'>up()</script></body>";
        assert_eq!(inline_scripts(html), ["init();", "go()", "up()"]);
    }
}
