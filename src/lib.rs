//! A bilingual (English, German) Markdown blog as a Leptos app: pre-rendered
//! natively to one HTML file per route (`ssr`, `src/bin/prerender.rs`), then
//! hydrated in the browser (`hydrate`). See DESIGN.md for the shape of it;
//! `build.rs` compiles the post index from `content/`.

pub mod app;
pub mod boot;
pub mod components;
pub mod content;
#[cfg(feature = "ssr")]
pub mod csp;
pub mod i18n;
pub mod markdown;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod render;
pub mod routes;
pub mod schema;
pub mod site;
#[cfg(feature = "ssr")]
pub mod site_files;
pub mod storage;

pub use app::App;
// Shared with the build, in one place: the content library.
pub use blog_content::{date, lang, slug};
