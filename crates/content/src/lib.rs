//! The blog's content, as one library: the types the app shares with its
//! build (languages, slugs, dates), and, with the `build` feature, the
//! pipeline that turns `content/` into the post index: post folders, encoding,
//! front matter, covers, links, slugs, diagnostics and the generated source.
//!
//! build.rs, the `check-content` tool and the tests all call
//! [`library::Library::load`], so they report the same problems the same way.

pub mod date;
pub mod labels;
pub mod lang;
pub mod site_url;
pub mod slug;
pub mod url_kind;

#[cfg(feature = "build")]
pub mod assets;
#[cfg(feature = "build")]
pub mod body_name;
#[cfg(feature = "build")]
pub mod build_script;
#[cfg(feature = "build")]
pub mod codegen;
#[cfg(feature = "build")]
pub mod cover;
#[cfg(feature = "build")]
pub mod diagnostic;
#[cfg(feature = "build")]
pub mod encoding;
#[cfg(feature = "build")]
pub mod front_matter;
#[cfg(feature = "build")]
pub mod library;
#[cfg(feature = "build")]
pub mod links;
#[cfg(feature = "build")]
pub mod post_dir;
#[cfg(feature = "build")]
pub mod report;
#[cfg(feature = "build")]
pub mod responsive;
#[cfg(feature = "build")]
pub mod source_text;
