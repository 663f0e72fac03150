//! The blog's posts as the app has them: data files published beside the
//! app (their format is `blog_model::data`), fetched for the page at the current
//! URL, one resource shared by the header, the head and the page. Nothing of
//! the blog is compiled in, so the app is the same for 2 posts or 2,000.

mod assets;
pub mod codec;
#[cfg(all(debug_assertions, target_arch = "wasm32"))]
pub mod live;
pub mod load;
mod localize;
pub mod search;
mod seen;
#[cfg(test)]
pub mod test_site;

use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use blog_model::data::{
    Article, Entry, Image, ImageSize, Listing, TagCount, TagLink, TranslationLink, Variant,
};
use blog_model::data::{DataError, decode_article, decode_index, decode_tags};

use crate::routes::Page;
use crate::site;
pub use assets::{Assets, CARD_SIZES, COLUMN_SIZES, srcset};
use blog_model::lang::Lang;
pub use load::LoadError;
pub use localize::{localize_article, localize_entry};
pub use seen::{Glimpse, glimpse};

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

    /// The list of tags of the current page.
    pub async fn tags(self) -> Result<Option<Vec<TagCount>>, LoadError> {
        self.decoded(decode_tags).await
    }

    /// The list of tags `page`, at once if it is in memory: see [`PageData::now`].
    pub fn tags_now(self, page: &Page) -> Option<Vec<TagCount>> {
        self.now(page, decode_tags)
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

    /// The slugs of the current post's translations (or the current tag's
    /// pages in other languages) as soon as they are known, without
    /// waiting: from its data once loaded, else, for a post, from the index
    /// entry that listed it.
    pub fn translations_now(self, page: &Page) -> Option<Vec<TranslationLink>> {
        if !matches!(page, Page::Post { .. } | Page::Tag { .. }) {
            return None;
        }
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
        match page {
            Page::Post { lang, slug } => loaded
                .and_then(|text| decode_article(&text).ok())
                .map(|article| article.entry.translations)
                .or_else(|| seen::translations(*lang, slug)),
            _ => loaded
                .and_then(|text| decode_index(&text).ok())
                .and_then(|listing| listing.tag)
                .map(|tag| tag.translations),
        }
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

/// An index page as the app shows it: localized, its entries kept.
fn take_in_index(mut page: Listing) -> Listing {
    page.entries.iter_mut().for_each(localize_entry);
    seen::remember_entries(&page.entries);
    page
}

/// A post as the app shows it: localized, its translations' titles noted.
fn take_in(article: Article) -> Article {
    seen::remember_titles(&article.entry.translations);
    localize_article(article)
}

/// The page's data, loaded by the app shell.
pub fn use_page_data() -> PageData {
    expect_context::<PageData>()
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
