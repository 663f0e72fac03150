//! The blog's own posts published into a temporary site once per test run,
//! for the native tests of views: they read it as the pre-renderer reads a
//! build.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::publish::publish;
use blog_content::responsive::Cache;
use blog_model::lang::Lang;

use crate::data::{Article, decode_post, load};

/// The published site's folder: read from by the app's data loading from
/// the first call on.
pub fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = std::env::temp_dir().join(format!("edgewise-test-site-{}", std::process::id()));
        let library = Library::load(
            &[ContentRoot::new(root.join("content"), "content")],
            Drafts::Leave,
        );
        assert!(!library.has_errors(), "{:?}", library.diagnostics);
        let cache = Cache::new(dir.join("image-cache"));
        publish(&dir, &library.posts, &cache).expect("the test site is written");
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
