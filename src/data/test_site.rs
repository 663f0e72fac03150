//! The blog's own posts published into a temporary site once per test run,
//! for the native tests of views: they read it as the pre-renderer reads a
//! build.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use blog_content::publish::publish_test_site;
use blog_model::lang::Lang;

use crate::data::{Article, decode_post, load};

/// The published site's folder: read from by the app's data loading from
/// the first call on.
pub fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = publish_test_site(workspace, "edgewise-test-site")
            .unwrap_or_else(|err| panic!("the test site is not written: {err}"));
        load::read_from(dir.clone());
        dir
    })
}

/// The translation of `lang` at `slug`, which the tests expect to exist.
pub fn article(lang: Lang, slug: &str) -> Article {
    let file = site().join(blog_model::data::post_file(lang, slug));
    let text =
        std::fs::read_to_string(&file).unwrap_or_else(|err| panic!("{}: {err}", file.display()));
    decode_post(&text).unwrap_or_else(|| panic!("{} does not decode", file.display()))
}
