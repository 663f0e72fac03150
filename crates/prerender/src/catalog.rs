//! Every post and index page of a built site, read back from its data files:
//! what the pre-renderer renders and lists in the sitemap and the feeds,
//! read through the same decoder as the app's, from the same files.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use blog_model::data::{DataError, TagCount, decode_article, decode_index, decode_tags};

use blog::data::{Article, Listing, localize_article, localize_entry};
use blog::routes::Page;
use blog_model::lang::Lang;
use blog_model::site::{SITE_FILE, Site, decode_site};

/// The data of a built site.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Every translation, in no particular order.
    pub articles: Vec<Article>,
    /// Each language's index pages, in order.
    pub indexes: Vec<(Lang, Vec<Listing>)>,
    /// Each language's tags, by label.
    pub tags: Vec<(Lang, Vec<TagCount>)>,
    /// Each tag's listing pages in each language, in order, by slug.
    pub tag_listings: Vec<(Lang, String, Vec<Listing>)>,
    /// The blog's identity (`data/site.txt`).
    pub site: Site,
}

/// Why a built site's data files cannot be read.
#[derive(Debug)]
pub enum CatalogError {
    /// A folder or file could not be read.
    Read(PathBuf, io::Error),
    /// A file is not a data file of this version, or is cut short.
    Decode(PathBuf, DataError),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Read(path, err) => write!(f, "reading {}: {err}", path.display()),
            CatalogError::Decode(path, err) => write!(f, "{}: {err}", path.display()),
        }
    }
}

impl std::error::Error for CatalogError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CatalogError::Read(_, err) => Some(err),
            CatalogError::Decode(_, err) => Some(err),
        }
    }
}

impl Catalog {
    /// Reads the data files below `site` (`data/<lang>/{post,page}/*.txt`).
    pub fn read(site: &Path) -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::default();
        let site_file = site.join(SITE_FILE);
        let text = fs::read_to_string(&site_file)
            .map_err(|err| CatalogError::Read(site_file.clone(), err))?;
        catalog.site = decode_site(&text).map_err(|err| CatalogError::Decode(site_file, err))?;
        for lang in Lang::ALL {
            let dir = site.join("data").join(lang.code());
            for (path, text) in read_dir(&dir.join("post"))? {
                let article =
                    decode_article(&text).map_err(|err| CatalogError::Decode(path, err))?;
                catalog.articles.push(localize_article(article));
            }
            catalog
                .indexes
                .push((lang, read_listing(&dir.join("page"))?));
            let tags_file = dir.join("tags.txt");
            let tags = match fs::read_to_string(&tags_file) {
                Ok(text) => {
                    decode_tags(&text).map_err(|err| CatalogError::Decode(tags_file, err))?
                }
                Err(err) if err.kind() == io::ErrorKind::NotFound => Vec::new(),
                Err(err) => return Err(CatalogError::Read(tags_file, err)),
            };
            for count in &tags {
                let pages = read_listing(&dir.join("tag").join(&count.tag.slug))?;
                catalog
                    .tag_listings
                    .push((lang, count.tag.slug.clone(), pages));
            }
            catalog.tags.push((lang, tags));
        }
        catalog
            .articles
            .sort_by(|a, b| (a.entry.lang, &a.entry.slug).cmp(&(b.entry.lang, &b.entry.slug)));
        Ok(catalog)
    }

    /// Every page with a path of its own: `/`, each page of each language's
    /// index, each language's tags and search page and each page of each
    /// tag's listing, and each translation.
    pub fn pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Root];
        for (lang, index) in &self.indexes {
            pages.extend(index.iter().map(|page| Page::Index {
                lang: *lang,
                number: page.number,
            }));
            pages.push(Page::Tags { lang: *lang });
            pages.push(Page::Search { lang: *lang });
        }
        for (lang, slug, listing) in &self.tag_listings {
            pages.extend(listing.iter().map(|page| Page::Tag {
                lang: *lang,
                slug: slug.clone(),
                number: page.number,
            }));
        }
        pages.extend(self.articles.iter().map(|article| Page::Post {
            lang: article.entry.lang,
            slug: article.entry.slug.clone(),
        }));
        pages
    }

    /// `lang`'s translations, newest first, as its index lists them.
    pub fn newest_first(&self, lang: Lang) -> impl Iterator<Item = &Article> {
        self.index_pages(lang)
            .iter()
            .flat_map(|page| &page.entries)
            .filter_map(move |entry| self.article(lang, &entry.slug))
    }

    /// The pages of `lang`'s tag `slug`.
    pub fn tag_pages(&self, lang: Lang, slug: &str) -> &[Listing] {
        self.tag_listings
            .iter()
            .find(|(tag_lang, tag_slug, _)| *tag_lang == lang && tag_slug == slug)
            .map_or(&[], |(_, _, pages)| pages.as_slice())
    }

    /// The pages of `lang`'s index.
    pub fn index_pages(&self, lang: Lang) -> &[Listing] {
        self.indexes
            .iter()
            .find(|(index_lang, _)| *index_lang == lang)
            .map_or(&[], |(_, pages)| pages.as_slice())
    }

    /// The translation of `lang` at `slug`.
    pub fn article(&self, lang: Lang, slug: &str) -> Option<&Article> {
        self.articles
            .binary_search_by(|article| {
                (article.entry.lang, article.entry.slug.as_str()).cmp(&(lang, slug))
            })
            .ok()
            .map(|found| &self.articles[found])
    }
}

/// The pages of a listing in `dir` (`1.txt`, `2.txt`, …), in order.
fn read_listing(dir: &Path) -> Result<Vec<Listing>, CatalogError> {
    let mut pages = Vec::new();
    for (path, text) in read_dir(dir)? {
        let mut page = decode_index(&text).map_err(|err| CatalogError::Decode(path, err))?;
        page.entries.iter_mut().for_each(localize_entry);
        pages.push(page);
    }
    pages.sort_by_key(|page| page.number);
    Ok(pages)
}

/// The text of every `.txt` file in `dir`, by name (none when it is missing).
fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, String)>, CatalogError> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(CatalogError::Read(dir.to_owned(), err)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| CatalogError::Read(dir.to_owned(), err))?
            .path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            let text =
                fs::read_to_string(&path).map_err(|err| CatalogError::Read(path.clone(), err))?;
            files.push((path, text));
        }
    }
    files.sort();
    Ok(files)
}
