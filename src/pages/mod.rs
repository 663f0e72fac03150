//! One component per route.

pub mod entry_card;
pub mod index;
pub mod not_found;
pub mod post;
pub mod root;
pub mod tags;
