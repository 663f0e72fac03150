//! The blog's posts as the app has them: data files published beside the
//! app (their format is `blog_model::data`), fetched for the page at the current
//! URL, one resource shared by the header, the head and the page. Nothing of
//! the blog is compiled in, so the app is the same for 2 posts or 2,000.

pub mod codec;
#[cfg(all(debug_assertions, target_arch = "wasm32"))]
pub mod live;
pub mod load;
#[cfg(test)]
pub mod test_site;

use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use blog_model::data::{Article, Entry, Image, ImageSize, Listing, TranslationLink, Variant};
use blog_model::data::{DataError, decode_article, decode_index};

use blog_model::percent::encode_srcset_url;

use crate::routes::Page;
use crate::site;
use blog_model::lang::Lang;
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
pub struct PageData {
    resource: Resource<Result<Loaded, LoadError>, codec::PageCodec>,
    #[cfg(all(debug_assertions, target_arch = "wasm32"))]
    page: Memo<Page>,
    /// Counts the times the files were loaded anew (a retry, an edit saved
    /// under `trunk serve`), for pages drawn from files already loaded.
    edition: RwSignal<u32>,
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
        let data = PageData {
            resource,
            #[cfg(all(debug_assertions, target_arch = "wasm32"))]
            page,
            edition: RwSignal::new(0),
        };
        provide_context(data);
        #[cfg(all(debug_assertions, target_arch = "wasm32"))]
        live::follow_edits(data);
    }

    /// The post file of the current page.
    pub async fn article(self) -> Result<Option<Article>, LoadError> {
        Ok(self.decoded(decode_article).await?.map(take_in))
    }

    /// The post file of `page`, at once if it is in memory: see [`PageData::now`].
    pub fn article_now(self, page: &Page) -> Option<Article> {
        self.now(page, decode_article).map(take_in)
    }

    /// The index page of the current page. Its entries are kept, so that a
    /// post opened from it shows its title at once.
    pub async fn index(self) -> Result<Option<Listing>, LoadError> {
        Ok(self.decoded(decode_index).await?.map(take_in_index))
    }

    /// The index page `page`, at once if it is in memory: see [`PageData::now`].
    pub fn index_now(self, page: &Page) -> Option<Listing> {
        self.now(page, decode_index).map(take_in_index)
    }

    /// The data of `page` decoded at once if its file is in memory already
    /// (prefetched, or shown before), so that the page is drawn in the same
    /// task as the click, without waiting for the resource. Never while
    /// hydrating, which follows the pre-rendered page; never natively.
    /// Tracks [`PageData::retry`].
    fn now<T>(self, page: &Page, decode: fn(&str) -> Result<T, DataError>) -> Option<T> {
        self.edition.track();
        if cfg!(feature = "ssr")
            || Owner::current_shared_context().is_some_and(|context| context.during_hydration())
        {
            return None;
        }
        decode(&load::cached(&page.data_url()?)?).ok()
    }

    /// The slugs of the current post's translations, as soon as they are
    /// known, without waiting: from its data once loaded, else from the
    /// index entry that listed it.
    pub fn translations_now(self, page: &Page) -> Option<Vec<(Lang, String)>> {
        let Page::Post { lang, slug } = page else {
            return None;
        };
        let url = page.data_url()?;
        // Until the resource has caught up with the page, it holds the last
        // one's; a file prefetched is there before.
        let loaded = self
            .resource
            .get()
            .and_then(Result::ok)
            .filter(|loaded| loaded.url == url)
            .map(|loaded| Rc::from(loaded.text))
            .or_else(|| load::cached(&url));
        loaded
            .and_then(|text| decode_article(&text).ok())
            .map(|article| article.entry.translations)
            .or_else(|| seen_translations(*lang, slug))
    }

    /// Loads the data again after a failure.
    pub fn retry(self) {
        self.resource.refetch();
        self.edition.update(|edition| *edition += 1);
    }

    /// Loads the page's file anew, then shows it: an edit saved under
    /// `trunk serve`. The page keeps showing the old text meanwhile.
    #[cfg(all(debug_assertions, target_arch = "wasm32"))]
    pub async fn reload(self) {
        load::clear();
        if let Some(url) = self.page.with_untracked(Page::data_url) {
            let _ = load::load(&url).await;
        }
        self.retry();
    }

    /// The page's data decoded: `None` when its file does not exist (the URL
    /// names no such post or page), an error when it could not be had
    /// (offline, a server error, a broken file).
    async fn decoded<T>(
        self,
        decode: fn(&str) -> Result<T, DataError>,
    ) -> Result<Option<T>, LoadError> {
        match self.resource.await {
            Ok(loaded) => match decode(&loaded.text) {
                Ok(data) => {
                    load::remember(&loaded.url, &loaded.text);
                    Ok(Some(data))
                }
                Err(err) => {
                    // Not kept, so that a retry fetches it again.
                    load::forget(&loaded.url);
                    Err(LoadError::Malformed(err.to_string()))
                }
            },
            Err(err) if err.means_missing() => Ok(None),
            Err(err) => Err(err),
        }
    }
}

type Known<T> = std::cell::RefCell<std::collections::HashMap<(Lang, String), T>>;

thread_local! {
    /// The entries of the index pages seen in this session.
    static SEEN: Known<Entry> = Default::default();
    /// The titles of the translations of the posts shown in this session.
    static TITLES: Known<String> = Default::default();
}

/// What is known of a post that an index page or a translation shown in
/// this session named: it exists, and this shows before its data arrives.
#[derive(Debug, Clone)]
pub enum Glimpse {
    /// Listed by an index page: title, date and cover.
    Entry(Box<Entry>),
    /// Linked as a post's translation: the title.
    Title(String),
}

/// What is known of `lang`'s `slug` before its data arrives, if anything.
pub fn glimpse(lang: Lang, slug: &str) -> Option<Glimpse> {
    let key = (lang, slug.to_owned());
    SEEN.with_borrow(|seen| {
        seen.get(&key)
            .cloned()
            .map(|entry| Glimpse::Entry(Box::new(entry)))
    })
    .or_else(|| TITLES.with_borrow(|titles| titles.get(&key).cloned().map(Glimpse::Title)))
}

/// The translations of a post shown in this session, as index entries name
/// them, for the language switcher before the post's data arrives.
fn seen_translations(lang: Lang, slug: &str) -> Option<Vec<(Lang, String)>> {
    SEEN.with_borrow(|seen| {
        seen.get(&(lang, slug.to_owned()))
            .map(|entry| entry.translations.clone())
    })
}

/// An index page as the app shows it: localized, its entries kept.
fn take_in_index(mut page: Listing) -> Listing {
    page.entries.iter_mut().for_each(localize_entry);
    SEEN.with_borrow_mut(|seen| {
        for entry in &page.entries {
            seen.insert((entry.lang, entry.slug.clone()), entry.clone());
        }
    });
    page
}

/// A post as the app shows it: localized, its translations' titles noted.
fn take_in(article: Article) -> Article {
    TITLES.with_borrow_mut(|titles| {
        for link in &article.translations {
            titles.insert((link.lang, link.slug.clone()), link.title.clone());
        }
    });
    localize_article(article)
}

/// The page's data, loaded by the app shell.
pub fn use_page_data() -> PageData {
    expect_context::<PageData>()
}

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

/// The `srcset` of an image's smaller copies (`… 480w, … 800w`), or none;
/// each URL percent-encoded, so that a space or comma in a file's name does
/// not split the list.
pub fn srcset(variants: &[Variant]) -> Option<String> {
    (!variants.is_empty()).then(|| {
        variants
            .iter()
            .map(|variant| format!("{} {}w", encode_srcset_url(&variant.url), variant.width))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Starts loading the post file of `lang`'s `slug` in the background, so
/// that following a link to it shows the post at once; `then` gets the
/// file's text if it loads (see [`decode_post`]).
pub fn prefetch_post(lang: Lang, slug: &str, then: fn(&str)) {
    let url = site::path(&blog_model::data::post_file(lang, slug));
    leptos::task::spawn_local(async move {
        if let Ok(text) = load::load(&url).await {
            then(&text);
        }
    });
}

/// A post file's article as the app shows it, if the file is whole.
pub fn decode_post(text: &str) -> Option<Article> {
    decode_article(text).ok().map(localize_article)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(url: &str, width: u32) -> Variant {
        Variant {
            url: url.to_owned(),
            width,
        }
    }

    #[test]
    fn srcset_lists_each_variant_by_its_url_and_width() {
        let variants = [
            variant("/posts/x/cover.480.webp", 480),
            variant("/posts/x/cover.800.webp", 800),
        ];
        assert_eq!(
            srcset(&variants).as_deref(),
            Some("/posts/x/cover.480.webp 480w, /posts/x/cover.800.webp 800w")
        );
        assert_eq!(
            srcset(&variants[..1]).as_deref(),
            Some("/posts/x/cover.480.webp 480w")
        );
        // A space or comma would split the list; `%` is left as written.
        let odd = [variant("/posts/a%20b/my shot,1.ä.480.webp", 480)];
        assert_eq!(
            srcset(&odd).as_deref(),
            Some("/posts/a%20b/my%20shot%2C1.%C3%A4.480.webp 480w")
        );
        assert_eq!(srcset(&[]), None);
    }
}
