//! A translation file's YAML front matter: cut from the body
//! ([`split`]), its keys checked as written ([`keys`]), then read into
//! typed, validated fields ([`fields`]).

pub mod fields;
pub mod keys;
pub mod split;

pub use fields::{CoverRef, FrontMatter, parse};
pub use split::{Split, split};
