//! The blog's content, as one library: the types the app shares with its
//! build (languages, slugs, dates, the data files it fetches), and, with the
//! `build` feature, the pipeline that turns `content/` into those data files:
//! post folders, encoding, front matter, covers, links, slugs, diagnostics
//! and publishing.
//!
//! The `publish` and `check-content` tools and the tests all call
//! [`library::Library::load`], so they report the same problems the same way.

pub mod build_script;
pub mod data;
pub mod date;
pub mod labels;
pub mod lang;
pub mod site_url;
pub mod slug;
pub mod url_kind;

#[cfg(feature = "build")]
pub mod assets;
#[cfg(feature = "build")]
pub mod cover;
#[cfg(feature = "build")]
pub mod diagnostic;
#[cfg(feature = "build")]
pub mod encoding;
#[cfg(feature = "build")]
pub mod front_matter;
#[cfg(feature = "build")]
pub mod image_size;
#[cfg(feature = "build")]
pub mod library;
#[cfg(feature = "build")]
pub mod links;
#[cfg(feature = "build")]
pub mod post_dir;
#[cfg(feature = "build")]
pub mod publish;
#[cfg(feature = "build")]
pub mod report;
#[cfg(feature = "build")]
pub mod responsive;
#[cfg(feature = "build")]
pub mod source_text;
#[cfg(all(test, feature = "build"))]
mod test_folder;
