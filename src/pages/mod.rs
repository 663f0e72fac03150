//! One component per route.

pub mod index;
pub mod not_found;
pub mod post;
pub mod root;
