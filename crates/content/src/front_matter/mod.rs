//! A translation file's YAML front matter: cut from the body
//! ([`split`]), its keys checked as written ([`keys`]), then read into
//! typed, validated fields ([`fields`]), with YAML errors said for an author
//! ([`yaml_error`]) where the file has them ([`position`]).

pub mod fields;
pub mod keys;
pub mod position;
pub mod split;
pub mod yaml_error;

pub use fields::{CoverRef, FrontMatter, parse};
pub use split::{Split, split};
