//! A bilingual (English, German) Markdown blog as a Leptos app: pre-rendered
//! natively to one HTML file per route (`ssr`, by `crates/prerender`), then
//! hydrated in the browser (`hydrate`). ARCHITECTURE.md has the map.
//!
//! The modules are layers: each uses only those listed before it (a test,
//! `tests/layers.rs`, holds the order).

// The HTML contract between a pre-rendered page and the app.
pub mod shell;

// Where the blog is served: base path, absolute URLs.
pub mod site;

// The interface's words in each language.
pub mod i18n;

// Which page a URL names, and the URL of each page.
pub mod routes;

// The data files (fetch, cache, decode) and the reader's saved language.
pub mod data;
pub mod storage;

// Views: a post's Markdown, and the pieces the pages share.
pub mod markdown;
pub mod ui;

// One component per route.
pub mod pages;

// The router and the layout around every page.
pub mod app;

// Hydrates a pre-rendered page, or mounts the app anew.
pub mod start;

pub use app::App;
