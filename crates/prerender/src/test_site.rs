//! The blog's own posts published into a temporary site once per test run,
//! for the tests of pages, the sitemap and the feeds: they read it as the
//! pre-renderer reads a build.

use std::path::Path;
use std::sync::OnceLock;

use blog::data::load;
use blog_content::publish::publish_test_site;

use crate::catalog::Catalog;

/// The published site: read from by the app's data loading from now on.
pub fn catalog() -> &'static Catalog {
    static SITE: OnceLock<Catalog> = OnceLock::new();
    SITE.get_or_init(|| {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = publish_test_site(&workspace, "edgewise-prerender-site")
            .unwrap_or_else(|err| panic!("the test site is not written: {err}"));
        load::read_from(dir.clone());
        Catalog::read(&dir).expect("the test site reads back")
    })
}
