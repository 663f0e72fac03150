//! Pieces shared by the pages.

pub mod header;
pub mod page_meta;
pub mod post_card;
pub mod post_meta;
