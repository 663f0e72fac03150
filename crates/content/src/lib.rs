//! Reads, checks and publishes `content/`: post folders, encoding, front
//! matter, covers, links, image sizes and copies, diagnostics, and the data
//! files the app fetches (their format is `blog_model::data`).
//!
//! The `publish` and `check-content` tools and the tests all call
//! [`library::Library::load`], so they report the same problems the same way.

pub mod assets;
pub mod cover;
pub mod diagnostic;
pub mod encoding;
pub mod front_matter;
pub mod highlight;
pub mod image_size;
pub mod library;
pub mod links;
pub mod new_post;
pub mod outline;
pub mod post_dir;
pub mod publish;
pub mod raw_html;
pub mod report;
pub mod responsive;
pub mod search_index;
pub mod site_file;
pub mod source_text;
pub mod tags;
#[cfg(test)]
mod test_folder;
