//! Views shared by the pages: header (with the theme toggle) and footer, the
//! head's tags and JSON-LD, a post's date line and table of contents, code
//! blocks' copy buttons, a post's tags, what shows while data loads or
//! when it failed, and the data of a link's page loaded on hover.

pub mod copy_code;
pub mod footer;
pub mod frame;
pub mod head;
pub mod header;
#[cfg(not(feature = "ssr"))]
pub mod history;
pub mod json_ld;
pub mod loading;
pub mod place;
pub mod post_meta;
#[cfg(not(feature = "ssr"))]
pub mod prefetch;
pub mod search;
pub mod tags;
pub mod toc;
