//! The blog's posts as the app has them: data files published beside the
//! app (`crates/content/src/data.rs`), fetched for the page at the current
//! URL, one resource shared by the header, the head and the page. Nothing of
//! the blog is compiled in, so the app is the same for 2 posts or 2,000.

#[cfg(feature = "ssr")]
pub mod catalog;
pub mod codec;
#[cfg(all(debug_assertions, target_arch = "wasm32"))]
pub mod live;
pub mod load;
#[cfg(test)]
pub mod test_site;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use blog_content::data::{
    Article, Entry, Image, ImageSize, IndexPage, TranslationLink, Variant,
};
use blog_content::data::{DataError, decode_article, decode_index};

use crate::lang::Lang;
use crate::routes::Page;
use crate::site;
pub use load::LoadError;

/// A data file as loaded: its URL and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loaded {
    pub url: String,
    pub text: String,
}

/// The data of the page at the current URL. A serializable resource: the
/// pre-renderer's value travels in the page, so hydration fetches nothing.
#[derive(Clone, Copy)]
pub struct PageData(pub Resource<Result<Loaded, LoadError>, codec::PageCodec>);

/// What a page's data says.
pub enum Found<T> {
    Yes(T),
    /// The file does not exist: the URL names no such post or page.
    No,
    /// It could not be had (offline, a server error, a broken file).
    Failed(LoadError),
}

impl PageData {
    /// Loads the data of `page` whenever it changes, for the components
    /// below to [`use_page_data`].
    pub fn provide(page: Memo<Page>) {
        let resource = Resource::new_with_options(
            move || page.with(Page::data_url),
            |url| load::for_page(url.unwrap_or_default()),
            false,
        );
        let data = PageData(resource);
        provide_context(data);
        #[cfg(all(debug_assertions, target_arch = "wasm32"))]
        live::follow_edits(data);
    }

    /// The post file of the current page.
    pub async fn article(self) -> Found<Article> {
        self.decoded(decode_article).await.map(localize_article)
    }

    /// The index page of the current page. Its entries are kept, so that a
    /// post opened from it shows its title at once.
    pub async fn index(self) -> Found<IndexPage> {
        self.decoded(decode_index).await.map(|mut page| {
            page.entries.iter_mut().for_each(localize_entry);
            SEEN.with_borrow_mut(|seen| {
                for entry in &page.entries {
                    seen.insert((entry.lang, entry.slug.clone()), entry.clone());
                }
            });
            page
        })
    }

    /// The slugs of the current post's translations, as soon as they are
    /// known, without waiting: from its data once loaded, else from the
    /// index entry that listed it.
    pub fn translations_now(self, page: &Page) -> Option<Vec<(Lang, String)>> {
        let Page::Post { lang, slug } = page else {
            return None;
        };
        let url = page.data_url();
        // Until the resource has caught up with the page, it holds the last one's.
        let loaded = self
            .0
            .get()
            .and_then(Result::ok)
            .filter(|loaded| Some(&loaded.url) == url.as_ref());
        loaded
            .and_then(|loaded| decode_article(&loaded.text).ok())
            .map(|article| article.entry.translations)
            .or_else(|| seen_entry(*lang, slug).map(|entry| entry.translations))
    }

    /// Loads the data again after a failure.
    pub fn retry(self) {
        self.0.refetch();
    }

    async fn decoded<T>(self, decode: fn(&str) -> Result<T, DataError>) -> Found<T> {
        match self.0.await {
            Ok(loaded) => match decode(&loaded.text) {
                Ok(data) => {
                    load::remember(&loaded.url, &loaded.text);
                    Found::Yes(data)
                }
                Err(err) => {
                    // Not kept, so that a retry fetches it again.
                    load::forget(&loaded.url);
                    Found::Failed(LoadError::Malformed(err.to_string()))
                }
            },
            Err(err) if err.means_missing() => Found::No,
            Err(err) => Found::Failed(err),
        }
    }
}

impl<T> Found<T> {
    fn map<U>(self, f: impl FnOnce(T) -> U) -> Found<U> {
        match self {
            Found::Yes(value) => Found::Yes(f(value)),
            Found::No => Found::No,
            Found::Failed(err) => Found::Failed(err),
        }
    }
}

thread_local! {
    /// The entries of the index pages seen in this session.
    static SEEN: std::cell::RefCell<std::collections::HashMap<(Lang, String), Entry>> =
        Default::default();
}

/// The entry of `lang`'s `slug`, if an index page shown in this session
/// listed it: the post exists, and its title, date and cover are known
/// before its data arrives.
pub fn seen_entry(lang: Lang, slug: &str) -> Option<Entry> {
    SEEN.with_borrow(|seen| seen.get(&(lang, slug.to_owned())).cloned())
}

/// The page's data, loaded by the app shell.
pub fn use_page_data() -> PageData {
    expect_context::<PageData>()
}

/// The data files name paths relative to the site; the app serves under
/// its base path.
pub(crate) fn localize_article(mut article: Article) -> Article {
    localize_entry(&mut article.entry);
    article.asset_base = site::path(&article.asset_base);
    for image in &mut article.images {
        for variant in &mut image.variants {
            variant.url = site::path(&variant.url);
        }
    }
    article
}

pub(crate) fn localize_entry(entry: &mut Entry) {
    if let Some(cover) = &mut entry.cover {
        cover.url = site::path(&cover.url);
        for variant in &mut cover.variants {
            variant.url = site::path(&variant.url);
        }
    }
}

/// Where a post's files are served, and the sizes of its images, so that
/// the images of its body take their place before they load.
#[derive(Debug, Clone, Copy)]
pub struct Assets<'a> {
    /// The folder's URL from the site root, ending in `/`.
    pub base: &'a str,
    /// Every image in the folder, by path relative to it.
    pub images: &'a [ImageSize],
}

impl<'a> Assets<'a> {
    /// The assets of `article` (localized: its base is a URL of the site).
    pub fn of(article: &'a Article) -> Assets<'a> {
        Assets {
            base: &article.asset_base,
            images: &article.images,
        }
    }

    /// The image at `path` (relative, `./` allowed), if it is one.
    pub fn image(&self, path: &str) -> Option<&'a ImageSize> {
        let path = path.trim_start_matches("./");
        self.images.iter().find(|image| image.path == path)
    }
}

/// How wide an image in the post's column shows: the column (`--measure`,
/// about 40rem) on wide screens, the screen less the page's padding on
/// phones. `srcset` lets the browser pick the copy for that width.
pub const COLUMN_SIZES: &str = "(min-width: 48rem) 40rem, calc(100vw - 2.5rem)";

/// How wide a card's cover shows: beside the text on wide screens, the
/// column on phones (style/main.css, `.card-cover`).
pub const CARD_SIZES: &str = "(min-width: 48rem) 16rem, calc(100vw - 2.5rem)";

/// The `srcset` of an image's smaller copies (`… 480w, … 800w`), or none.
pub fn srcset(variants: &[Variant]) -> Option<String> {
    (!variants.is_empty()).then(|| {
        variants
            .iter()
            .map(|variant| format!("{} {}w", variant.url, variant.width))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Starts loading the post file of `lang`'s `slug` in the background, so
/// that following a link to it shows the post at once.
pub fn prefetch_post(lang: Lang, slug: &str) {
    load::prefetch(site::path(&blog_content::data::post_file(lang, slug)));
}
