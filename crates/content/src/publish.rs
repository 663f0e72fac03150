//! Writes a checked library into a site folder: the posts' folders
//! (`posts/<id>/`) and the data files the app fetches and the pre-renderer
//! reads (`data/`, see [`blog_model::data`]): a file per translation, the
//! pages of each language's index and of each tag's listing, each language's
//! list of tags; and smaller copies of the photos (`responsive.rs`).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::assets::{self, Published};
use crate::diagnostic::Diagnostic;
use crate::highlight;
use crate::library::{ContentRoot, Drafts, Library, SourcePost, SourceTranslation};
use crate::post_dir::Kind;
use crate::responsive::{self, Cache, ImageError, Job, write_all};
use crate::search_index;
use crate::site_file::PageRef;
use crate::tags::Tags;
use blog_model::data::{
    self, Article, Entry, Image, ImageSize, ListedTag, Listing, TagCount, TagLink, TranslationLink,
    Variant,
};
use blog_model::labels::{format_date, format_reading_time, reading_minutes};
use blog_model::lang::Lang;
use blog_model::site::{Site, SitePage};

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Post files, one per translation.
    pub articles: usize,
    /// Standalone pages' files, one per translation.
    pub pages: usize,
    /// Index pages, of all languages.
    pub index_pages: usize,
    /// Pages of tags' listings, of all languages.
    pub tag_pages: usize,
    /// Bytes of all data files.
    pub bytes: usize,
    /// Bytes of the search index, of all its files.
    pub search_bytes: usize,
    /// How long building the search index took.
    pub search_time: std::time::Duration,
    /// Smaller copies of images.
    pub variants: usize,
}

/// Why publishing stopped.
#[derive(Debug)]
pub enum PublishError {
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// An image could not be made smaller: it names the file and the reason.
    Image(ImageError),
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Io { path, source } => write!(f, "writing {}: {source}", path.display()),
            PublishError::Image(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for PublishError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PublishError::Io { source, .. } => Some(source),
            PublishError::Image(err) => Some(err),
        }
    }
}

/// Why a library was not published.
#[derive(Debug)]
pub enum LibraryError {
    /// The content has errors (and maybe warnings): nothing was written.
    Content(Vec<Diagnostic>),
    Publish(PublishError),
}

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LibraryError::Content(problems) => problems
                .iter()
                .try_for_each(|problem| writeln!(f, "{problem}")),
            LibraryError::Publish(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for LibraryError {}

/// Reads and checks the posts under `roots` and, when they have no errors,
/// publishes them into `site`: the library read (with its warnings) and what
/// was written. The `publish` command and the tests' sites both come here.
pub fn publish_library(
    roots: &[ContentRoot],
    drafts: Drafts,
    site: &Path,
    cache: &Cache,
) -> Result<(Library, Summary), LibraryError> {
    let library = Library::load(roots, drafts);
    if library.has_errors() {
        return Err(LibraryError::Content(library.diagnostics));
    }
    let summary = publish(site, &library, cache).map_err(LibraryError::Publish)?;
    Ok((library, summary))
}

/// The blog's own posts (`content/` under `workspace`) published into a
/// fresh folder of the system's temporary folder named `name` and this
/// process: the site that the native tests of views and pages read.
pub fn publish_test_site(workspace: &Path, name: &str) -> Result<PathBuf, LibraryError> {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let roots = [ContentRoot::new(workspace.join("content"), "content")];
    let cache = Cache::new(dir.join("image-cache"));
    publish_library(&roots, Drafts::Leave, &dir, &cache)?;
    Ok(dir)
}

/// Writes the library's posts into `site`, replacing what an earlier run
/// wrote there, with smaller copies of their photos (from `cache` where it
/// has them).
pub fn publish(site: &Path, library: &Library, cache: &Cache) -> Result<Summary, PublishError> {
    let posts = &library.posts;
    let failed = |path: &Path| {
        let path = path.to_owned();
        move |source| PublishError::Io { path, source }
    };
    let mut published = assets::write(site, posts).map_err(failed(&site.join("posts")))?;
    let variants = add_variants(site, &mut published, cache)?;
    // Standalone pages are written like posts, and nothing else lists them.
    let (pages, mut articles): (Vec<Article>, Vec<Article>) = published
        .iter()
        .flat_map(|published| articles(published, &library.tags))
        .partition(|article| article.entry.is_page());
    // Every language's index order, once: the neighbours, the related
    // posts and the listings follow it.
    articles.sort_by(|a, b| index_order(&a.entry, &b.entry));
    link_neighbours(&mut articles);
    link_related(&mut articles);
    let mut files: Vec<(String, String)> = articles
        .iter()
        .chain(&pages)
        .map(|article| {
            (
                data::post_file(article.entry.lang, &article.entry.slug),
                data::encode_article(article),
            )
        })
        .collect();
    // Which tags have a page in which language: the alternates of each.
    let tagged: HashSet<(Lang, &str)> = articles
        .iter()
        .flat_map(|article| {
            let lang = article.entry.lang;
            article
                .entry
                .tags
                .iter()
                .map(move |tag| (lang, tag.slug.as_str()))
        })
        .collect();
    let site_data = &Site {
        pages: linked_pages(&library.site.pages, &library.posts),
        ..library.site.site.clone()
    };
    files.push((
        blog_model::site::SITE_FILE.to_owned(),
        blog_model::site::encode_site(site_data),
    ));
    let per_page = site_data.posts_per_page as usize;
    let (mut index_pages, mut tag_pages) = (0, 0);
    for lang in Lang::ALL {
        let entries: Vec<&Entry> = articles
            .iter()
            .map(|article| &article.entry)
            .filter(|entry| entry.lang == lang)
            .collect();
        for page in listing(&entries, None, per_page) {
            index_pages += 1;
            files.push((
                data::index_file(lang, page.number),
                data::encode_index(&page),
            ));
        }
        let mut counts = Vec::new();
        for (tag, entries) in by_tag(&library.tags, lang, &entries, &tagged) {
            counts.push(TagCount {
                tag: tag.tag.clone(),
                posts: u32::try_from(entries.len()).unwrap_or(u32::MAX),
            });
            for page in listing(&entries, Some(&tag), per_page) {
                tag_pages += 1;
                files.push((
                    data::tag_file(lang, &tag.tag.slug, page.number),
                    data::encode_index(&page),
                ));
            }
        }
        counts.sort_by_key(|count| count.tag.label.to_lowercase());
        files.push((data::tags_file(lang), data::encode_tags(&counts)));
    }

    let started = std::time::Instant::now();
    let search = search_index::files(&articles);
    let search_time = started.elapsed();
    let search_bytes = search.iter().map(|(_, text)| text.len()).sum();
    for dir in ["data", "search"] {
        let dir = site.join(dir);
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(failed(&dir))?;
        }
    }
    for lang in Lang::ALL {
        // An empty blog still has its folders, which the pre-renderer reads.
        for kind in ["post", "page"] {
            let dir = site.join("data").join(lang.code()).join(kind);
            fs::create_dir_all(&dir).map_err(failed(&dir))?;
        }
    }
    let mut bytes = 0;
    for (path, contents) in files.iter().chain(&search) {
        let file = site.join(path);
        if let Some(dir) = file.parent().filter(|dir| !dir.exists()) {
            fs::create_dir_all(dir).map_err(failed(dir))?;
        }
        fs::write(&file, contents).map_err(failed(&file))?;
        bytes += contents.len();
    }
    Ok(Summary {
        articles: articles.len(),
        pages: pages.len(),
        index_pages,
        tag_pages,
        bytes: bytes - search_bytes,
        search_bytes,
        search_time,
        variants,
    })
}

/// Writes the WebP copies of every JPEG and PNG beside it, on every core,
/// and notes them on the published images; how many there are.
fn add_variants(
    site: &Path,
    published: &mut [Published<'_>],
    cache: &Cache,
) -> Result<usize, PublishError> {
    let mut jobs = Vec::new();
    let mut owners = Vec::new();
    for (post, item) in published.iter().enumerate() {
        for (image, (path, _, _)) in item.images.iter().enumerate() {
            if responsive::takes_variants(path) {
                jobs.push(Job {
                    source: item.post.dir.join(path),
                    relative: path.clone(),
                    out_dir: site.join(&item.asset_base),
                });
                owners.push((post, image));
            }
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut count = 0;
    for ((post, image), result) in owners.into_iter().zip(write_all(&jobs, cache, threads)) {
        let written = result.map_err(PublishError::Image)?;
        let item = &mut published[post];
        let base = item.asset_base.clone();
        let (_, width, height) = &mut item.images[image];
        // The size it shows at: upright, where its Exif data turns it.
        (*width, *height) = (written.original.width, written.original.height);
        count += written.variants.len();
        item.variants.insert(
            image,
            written
                .variants
                .into_iter()
                .map(|variant| Variant {
                    url: format!("{base}{}", variant.path),
                    width: variant.width,
                })
                .collect(),
        );
    }
    Ok(count)
}

/// The pages the site file links, each with its published translations
/// (a page that is a draft in a release build is left out).
fn linked_pages(linked: &[PageRef], posts: &[SourcePost]) -> Vec<SitePage> {
    linked
        .iter()
        .filter_map(|linked| {
            let page = posts
                .iter()
                .find(|post| post.kind == Kind::Page && post.id == linked.name)?;
            Some(SitePage {
                place: linked.place,
                translations: translation_links(page),
            })
        })
        .collect()
}

/// A post's translations, as links.
fn translation_links(post: &SourcePost) -> Vec<TranslationLink> {
    post.translations
        .iter()
        .map(|translation| TranslationLink {
            lang: translation.lang,
            slug: translation.front.slug.value.clone(),
            title: translation.front.title.clone(),
        })
        .collect()
}

/// The order of a language's index: newest first, then by title.
fn index_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
}

/// Gives each article the ones beside it in its language's index; the
/// articles are in [`index_order`].
fn link_neighbours(articles: &mut [Article]) {
    let link = link_to;
    for lang in Lang::ALL {
        let order: Vec<usize> = (0..articles.len())
            .filter(|&index| articles[index].entry.lang == lang)
            .collect();
        for (position, &index) in order.iter().enumerate() {
            let newer = position
                .checked_sub(1)
                .map(|before| link(&articles[order[before]]));
            let older = order.get(position + 1).map(|&after| link(&articles[after]));
            (articles[index].newer, articles[index].older) = (newer, older);
        }
    }
}

/// Gives each article up to three others of its language that share the
/// most tags with it, newest first among equals; the articles are in
/// [`index_order`]. Within a language a tag's slug is the tag.
fn link_related(articles: &mut [Article]) {
    const RELATED: usize = 3;
    let mut tagged: HashMap<(Lang, &str), Vec<usize>> = HashMap::new();
    for (index, article) in articles.iter().enumerate() {
        for tag in &article.entry.tags {
            tagged
                .entry((article.entry.lang, tag.slug.as_str()))
                .or_default()
                .push(index);
        }
    }
    let related: Vec<Vec<TranslationLink>> = articles
        .iter()
        .enumerate()
        .map(|(index, article)| {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for tag in &article.entry.tags {
                for &other in &tagged[&(article.entry.lang, tag.slug.as_str())] {
                    if other != index {
                        *shared.entry(other).or_default() += 1;
                    }
                }
            }
            let mut ranked: Vec<(usize, usize)> = shared.into_iter().collect();
            // Most tags shared first, then the index's order: newest first.
            ranked.sort_by_key(|&(other, count)| (std::cmp::Reverse(count), other));
            ranked
                .into_iter()
                .take(RELATED)
                .map(|(other, _)| link_to(&articles[other]))
                .collect()
        })
        .collect();
    for (article, related) in articles.iter_mut().zip(related) {
        article.related = related;
    }
}

/// A link to an article, by its language, slug and title.
fn link_to(article: &Article) -> TranslationLink {
    TranslationLink {
        lang: article.entry.lang,
        slug: article.entry.slug.clone(),
        title: article.entry.title.clone(),
    }
}

/// Each tag that `entries` (one language's, in [`index_order`]) carry, with
/// its pages in every language that has posts with it (`tagged`: the
/// languages and slugs of tags on some post), and its entries.
fn by_tag<'a>(
    tags: &Tags,
    lang: Lang,
    entries: &[&'a Entry],
    tagged: &HashSet<(Lang, &str)>,
) -> Vec<(ListedTag, Vec<&'a Entry>)> {
    tags.iter()
        .filter_map(|tag| {
            let name = tag.name(lang);
            let with_tag: Vec<&Entry> = entries
                .iter()
                .filter(|entry| entry.tags.iter().any(|link| link.slug == name.slug))
                .copied()
                .collect();
            if with_tag.is_empty() {
                return None;
            }
            let translations = Lang::ALL
                .into_iter()
                .filter(|&other| tagged.contains(&(other, tag.name(other).slug.as_str())))
                .map(|other| TranslationLink {
                    lang: other,
                    slug: tag.name(other).slug.clone(),
                    title: tag.name(other).label.clone(),
                })
                .collect();
            let listed = ListedTag {
                tag: TagLink {
                    slug: name.slug.clone(),
                    label: name.label.clone(),
                },
                translations,
            };
            Some((listed, with_tag))
        })
        .collect()
}

/// The pages of a listing (a language's index, or a tag's) of `entries` in
/// [`index_order`] (newest first, then by title), `per_page` to a page (as
/// the site file says); one empty page where there are none.
fn listing(entries: &[&Entry], tag: Option<&ListedTag>, per_page: usize) -> Vec<Listing> {
    let count = data::page_count(entries.len(), per_page);
    (1..=count)
        .map(|number| Listing {
            number,
            count,
            tag: tag.cloned(),
            entries: entries
                .iter()
                .skip((number as usize - 1) * per_page)
                .take(per_page)
                .map(|&entry| entry.clone())
                .collect(),
        })
        .collect()
}

/// Every translation of a published post, in full.
pub fn articles(published: &Published<'_>, tags: &Tags) -> Vec<Article> {
    let post = published.post;
    let links = translation_links(post);
    let images: Vec<ImageSize> = published
        .images
        .iter()
        .enumerate()
        .map(|(index, (path, width, height))| ImageSize {
            path: path.clone(),
            width: *width,
            height: *height,
            variants: published.variants.get(&index).cloned().unwrap_or_default(),
        })
        .collect();
    post.translations
        .iter()
        .map(|translation| {
            // Parsed once: the code blocks highlighted are those drawn.
            let events: Vec<_> =
                pulldown_cmark::Parser::new_ext(&translation.body, blog_model::body::options())
                    .into_offset_iter()
                    .collect();
            let blocks = highlight::blocks_in(events.iter().map(|(e, r)| (e, r.clone())));
            Article {
                entry: entry(translation, published, &images, &links, tags),
                asset_base: published.asset_base.clone(),
                images: images.clone(),
                highlights: highlight::highlight(blocks),
                newer: None,
                older: None,
                related: Vec::new(),
                body: blog_model::body::write(events.into_iter().map(|(event, _)| event)),
            }
        })
        .collect()
}

fn entry(
    translation: &SourceTranslation,
    published: &Published<'_>,
    images: &[ImageSize],
    links: &[TranslationLink],
    tags: &Tags,
) -> Entry {
    let front = &translation.front;
    let lang = translation.lang;
    // The library checked that the cover is a readable image in the folder.
    let cover = front.cover.as_ref().and_then(|cover| {
        let path = cover.path.to_string_lossy().replace('\\', "/");
        let image = images.iter().find(|image| image.path == path)?;
        Some(Image {
            url: format!("{}{path}", published.asset_base),
            alt: cover.alt.clone().unwrap_or_else(|| front.title.clone()),
            width: image.width,
            height: image.height,
            variants: image.variants.clone(),
        })
    });
    // A page has no date, and no reading time is shown for it.
    let (date_label, reading_time) = match front.date {
        Some(date) => (
            format_date(lang, date),
            format_reading_time(lang, reading_minutes(translation.words)),
        ),
        None => Default::default(),
    };
    Entry {
        lang,
        slug: front.slug.value.clone(),
        title: front.title.clone(),
        description: front.description.clone(),
        date: front.date,
        date_label,
        reading_time,
        draft: front.draft,
        translations: links.to_vec(),
        cover,
        // The library checked that each is in `tags.yml`.
        tags: front
            .tags
            .iter()
            .filter_map(|tag| tags.get(&tag.id))
            .map(|tag| {
                let name = tag.name(lang);
                TagLink {
                    slug: name.slug.clone(),
                    label: name.label.clone(),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_folder::Folder;
    use blog_model::data::{decode_article, decode_index};
    use blog_model::site::{Place, SITE_FILE, decode_site};

    #[test]
    fn a_page_is_published_like_a_post_and_listed_only_where_the_site_file_links_it() {
        let content = Folder::new("publish-pages-content");
        content.write("site.yml", b"pages:\n  footer: [imprint]\n");
        content.write(
            "edge/en.md",
            b"---\ntitle: Edge\ndescription: D\ndate: 2026-02-13\n---\nEdge words.\n",
        );
        content.write(
            "pages/imprint/en.md",
            b"---\ntitle: Imprint\ndescription: Who publishes.\n---\nZebra Street 1.\n",
        );
        content.write(
            "pages/imprint/de.md",
            b"---\ntitle: Impressum\ndescription: Wer hier veroeffentlicht.\n---\nZebrastrasse 1.\n",
        );
        let site = Folder::new("publish-pages-site");
        let cache = Cache::new(site.0.join("cache"));
        let roots = [ContentRoot::new(&content.0, "content")];
        let (_, summary) = publish_library(&roots, Drafts::Leave, &site.0, &cache).unwrap();
        assert_eq!((summary.articles, summary.pages), (1, 2));

        let read = |path: &str| fs::read_to_string(site.0.join(path)).unwrap();
        let imprint = decode_article(&read("data/de/post/impressum.txt")).unwrap();
        assert!(imprint.entry.is_page());
        assert_eq!(imprint.entry.date_label, "");
        assert_eq!(imprint.asset_base, "posts/pages/imprint/");
        assert_eq!((&imprint.newer, &imprint.older), (&None, &None));

        let index = decode_index(&read("data/en/page/1.txt")).unwrap();
        let listed: Vec<&str> = index.entries.iter().map(|e| e.slug.as_str()).collect();
        assert_eq!(listed, ["edge"]);
        let edge = decode_article(&read("data/en/post/edge.txt")).unwrap();
        assert_eq!((&edge.newer, &edge.older), (&None, &None));
        // The search index knows the post's words and none of the page's.
        let search: String = walk(&site.0.join("search"))
            .iter()
            .map(|path| fs::read_to_string(path).unwrap())
            .collect();
        assert!(search.contains("edge"));
        assert!(!search.contains("zebra") && !search.contains("imprint"));

        let published = decode_site(&read(SITE_FILE)).unwrap();
        let [linked] = published.pages.as_slice() else {
            panic!("{:?}", published.pages)
        };
        assert_eq!(linked.place, Place::Footer);
        let slugs: Vec<(Lang, &str)> = linked
            .translations
            .iter()
            .map(|link| (link.lang, link.slug.as_str()))
            .collect();
        assert_eq!(slugs, [(Lang::En, "imprint"), (Lang::De, "impressum")]);
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else {
                files.push(path);
            }
        }
        files
    }
}
