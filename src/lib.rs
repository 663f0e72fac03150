//! A bilingual (English, German) Markdown blog as a client-side rendered
//! Leptos app. See DESIGN.md for the shape of it; `build.rs` compiles the
//! post index from `content/`.

pub mod app;
pub mod components;
pub mod content;
pub mod date;
pub mod i18n;
pub mod lang;
pub mod markdown;
pub mod pages;
pub mod routes;
pub mod slug;
pub mod storage;

pub use app::App;
