//! The data files name paths relative to the site; the app serves them
//! under its base path.

use blog_model::data::{Article, Entry};

use crate::site;

/// The data files name paths relative to the site; the app serves under
/// its base path.
pub fn localize_article(mut article: Article) -> Article {
    localize_entry(&mut article.entry);
    article.asset_base = site::path(&article.asset_base);
    for image in &mut article.images {
        for variant in &mut image.variants {
            variant.url = site::path(&variant.url);
        }
    }
    article
}

pub fn localize_entry(entry: &mut Entry) {
    if let Some(cover) = &mut entry.cover {
        cover.url = site::path(&cover.url);
        for variant in &mut cover.variants {
            variant.url = site::path(&variant.url);
        }
    }
}
