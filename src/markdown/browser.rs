//! What the browser does for the Markdown parser in the app, with what it
//! already knows instead of tables in the wasm (`vendor/README.md`): named
//! character references (`&ouml;`) decoded by its HTML parser, which knows
//! the list CommonMark takes them from, and the case of link labels folded
//! by its `toLowerCase` and `toUpperCase`. Natively, pulldown-cmark's table
//! and Rust's standard library do the same. Both sides draw the same text:
//! the browser tests compare a post that uses every name and labels in
//! several scripts, landed and drawn by the app.

use std::cell::OnceCell;

/// The value of `&name;`, or `None` where `name` names no reference.
pub(super) fn entity(name: &str) -> Option<String> {
    // The scanner passes only letters and digits: the markup below is one
    // reference and nothing else.
    if !name.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
        return None;
    }
    thread_local! {
        static TEXTAREA: OnceCell<Option<web_sys::Element>> = const { OnceCell::new() };
    }
    TEXTAREA.with(|textarea| {
        let textarea = textarea
            .get_or_init(|| {
                web_sys::window()?
                    .document()?
                    .create_element("textarea")
                    .ok()
            })
            .as_ref()?;
        textarea.set_inner_html(&format!("&{name};"));
        let value = textarea.text_content()?;
        // Every value is one or two characters. Anything longer is the name
        // left as written (`&nosuch;`) or read in part, as HTML reads a few
        // names without their semicolon (`&notit;` is `¬it;`).
        (value.chars().count() <= 2).then_some(value)
    })
}

/// `text` lower-cased, upper-cased and lower-cased again: its letters put
/// together as Unicode's case folding does (`ẞ`, `ß` and `SS` alike).
pub(super) fn fold_case(text: &str) -> String {
    js_sys::JsString::from(text)
        .to_lower_case()
        .to_upper_case()
        .to_lower_case()
        .into()
}
