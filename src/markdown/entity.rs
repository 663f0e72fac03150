//! Named character references (`&ouml;`) in the browser, decoded by its
//! HTML parser, which knows the list CommonMark takes them from: the wasm
//! leaves pulldown-cmark's table of 2,125 names out (`vendor/README.md`).
//! Natively the table decodes them. Both draw the same text: the browser
//! tests compare a post that uses every name, landed and drawn by the app.

use std::cell::OnceCell;

/// The value of `&name;`, or `None` where `name` names no reference.
pub(super) fn decode(name: &str) -> Option<String> {
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
