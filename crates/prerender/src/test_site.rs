//! The blog's own posts published into a temporary site once per test run,
//! for the tests of pages, the sitemap and the feeds: they read it as the
//! pre-renderer reads a build.

use std::path::Path;
use std::sync::OnceLock;

use blog::data::load;
use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::publish::publish;
use blog_content::responsive::Cache;

use crate::catalog::Catalog;

/// The published site: read from by the app's data loading from now on.
pub fn catalog() -> &'static Catalog {
    static SITE: OnceLock<Catalog> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir =
            std::env::temp_dir().join(format!("edgewise-prerender-site-{}", std::process::id()));
        let library = Library::load(
            &[ContentRoot::new(root.join("content"), "content")],
            Drafts::Leave,
        );
        assert!(!library.has_errors(), "{:?}", library.diagnostics);
        let cache = Cache::new(dir.join("image-cache"));
        publish(&dir, &library.posts, &cache).expect("the test site is written");
        load::read_from(dir.clone());
        Catalog::read(&dir).expect("the test site reads back")
    })
}
