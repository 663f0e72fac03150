//! The types every part of the blog shares, the app's wasm included:
//! languages, slugs, dates, highlighted code, and how each language writes
//! them, the layout of a content folder, the site's URL, which URLs a post
//! may use and how they are percent-encoded, and the format of the data
//! files the build writes and the app reads (encode and decode, in one
//! place), a post's body among them: its Markdown's events.
//!
//! Invariant: no I/O, and no dependency but pulldown-cmark, whose types a
//! body's events are (its parser runs only where the content is
//! published), so that nothing here costs the wasm more than the app uses
//! of it.

pub mod body;
pub mod code;
pub mod data;
pub mod date;
pub mod folder;
pub mod html;
pub mod labels;
pub mod lang;
pub mod percent;
pub mod site;
pub mod site_url;
pub mod slug;
pub mod url_kind;
