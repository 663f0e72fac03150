//! The data files the app fetches instead of compiling the blog in: one per
//! translation (`data/<lang>/post/<slug>.txt`: its metadata, the post's other
//! translations, its images and the body's Markdown events, see `body`) and one per page of each
//! language's index (`data/<lang>/page/<n>.txt`), of each tag's listing
//! (`data/<lang>/tag/<slug>/<n>.txt`) and one list of a language's tags
//! (`data/<lang>/tags.txt`). The build writes them, the
//! pre-renderer and the app read them, so the wasm is the same for 2 posts or
//! 2,000.
//!
//! The form is lines of tab-separated fields, each line starting with the
//! key of what it holds (`title`, `date`, `translation`, …), so that the
//! decoder is a few splits and a field is added in one line of the writer
//! and one of the reader; a reader skips the keys it does not know. No
//! escaping, because the writer turns the tabs and line breaks of
//! single-line fields (titles, descriptions) into spaces, which HTML shows
//! the same. Paths are relative to the site, so the same files serve at the
//! domain's root and under a sub-path. A file that is cut short is an error,
//! never a shorter list or body: a post file states its body's length, an
//! index page ends with `end`.

use std::fmt;

use crate::code::{Highlight, decode_runs, encode_runs};
use crate::date::Date;
use crate::lang::Lang;

/// Search results and link previews cut descriptions after about this many
/// characters; the checker warns about a longer one.
pub const DESCRIPTION_LIMIT: usize = 160;

/// The first line of every post file.
const POST_HEADER: &str = "edgewise-post 4";
/// The first line of every index page.
const INDEX_HEADER: &str = "edgewise-index 2";
/// The first line of a language's list of tags.
const TAGS_HEADER: &str = "edgewise-tags 1";

/// A translation as a card on the index and the head of its page show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub description: String,
    /// A post's day of publishing; `None` for a standalone page
    /// (`content/pages/`: About, Impressum), which no listing holds.
    pub date: Option<Date>,
    /// The date as the language writes it (`13. Februar 2026`).
    pub date_label: String,
    /// `4 min read`, in the translation's language.
    pub reading_time: String,
    pub draft: bool,
    /// Every translation of the post, this one included, in [`Lang::ALL`]
    /// order: the language switcher leads there even before the post has
    /// loaded.
    pub translations: Vec<TranslationLink>,
    pub cover: Option<Image>,
    /// The post's tags, in this language, in the order front matter gives.
    pub tags: Vec<TagLink>,
}

/// A tag as one language names it: its label and the slug of its page
/// (`/<lang>/tags/<slug>/`). A tag is one identity across languages (its
/// id in `tags.yml`); the data carries only what pages show and link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagLink {
    pub slug: String,
    pub label: String,
}

/// A tag on a language's list of tags, with how many posts carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub tag: TagLink,
    pub posts: u32,
}

/// The tag a listing is of, with its pages in the other languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedTag {
    pub tag: TagLink,
    /// The tag's first listing page in every language that has posts with
    /// it, this one included, in [`Lang::ALL`] order (`title` is its label
    /// there): for the language switcher and the `hreflang` alternates.
    pub translations: Vec<TranslationLink>,
}

/// An image with its size, so that it takes its place before it loads, and
/// its smaller copies for `srcset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Relative to the site (the app puts its base path in front).
    pub url: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    /// Smaller copies, narrowest first.
    pub variants: Vec<Variant>,
}

/// A smaller copy of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Relative to the site.
    pub url: String,
    pub width: u32,
}

/// One translation in full: what its page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub entry: Entry,
    /// The post folder's files, relative to the site (`posts/<id>/`).
    pub asset_base: String,
    /// The images in the post's folder, by path relative to it.
    pub images: Vec<ImageSize>,
    /// The token runs of the body's fenced blocks with a language, in the
    /// body's order (`blog_model::code`).
    pub highlights: Vec<Highlight>,
    /// The posts before and after it in its language's index: the next
    /// newer and the next older.
    pub newer: Option<TranslationLink>,
    pub older: Option<TranslationLink>,
    /// Up to three posts in its language sharing the most tags with it,
    /// newest first among equals.
    pub related: Vec<TranslationLink>,
    /// The body: its Markdown's events, as [`crate::body`] writes them.
    pub body: String,
}

/// Another translation of the same post, for the language switcher, the
/// `hreflang` alternates and the JSON-LD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationLink {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
}

/// Of a post's `translations`, the one readers of other languages get
/// (`x-default`): the `default` language's (the site file's), else the
/// first.
pub fn default_translation(
    translations: &[TranslationLink],
    default: Lang,
) -> Option<&TranslationLink> {
    translations
        .iter()
        .find(|link| link.lang == default)
        .or(translations.first())
}

/// The pixel size of one image in a post's folder, and its smaller copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSize {
    /// Relative to the post's folder, e.g. `img/diagram.png`.
    pub path: String,
    pub width: u32,
    pub height: u32,
    /// Smaller copies, narrowest first, with URLs relative to the site.
    pub variants: Vec<Variant>,
}

/// A listing: one page of entries of a language's index, or of a tag's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// From 1.
    pub number: u32,
    /// How many pages the listing has (at least 1).
    pub count: u32,
    /// On a tag's listing, the tag.
    pub tag: Option<ListedTag>,
    /// Newest first.
    pub entries: Vec<Entry>,
}

impl Entry {
    /// Whether it is a standalone page rather than a post.
    pub fn is_page(&self) -> bool {
        self.date.is_none()
    }
}

impl Article {
    /// The translation for readers whose language the post is not in (the
    /// `x-default` alternate), and the one the others translate: the
    /// `default` language's where there is one, else the first.
    pub fn default_translation(&self, default: Lang) -> Option<&TranslationLink> {
        default_translation(&self.entry.translations, default)
    }

    /// The post's translation into `lang`, if there is one.
    pub fn translation(&self, lang: Lang) -> Option<&TranslationLink> {
        self.entry
            .translations
            .iter()
            .find(|link| link.lang == lang)
    }

    /// The size and smaller copies of the image at `path` in the post's
    /// folder (relative, `./` allowed), if it is one.
    pub fn image(&self, path: &str) -> Option<&ImageSize> {
        let path = path.trim_start_matches("./");
        self.images.iter().find(|image| image.path == path)
    }
}

/// Where the post file of a translation is, relative to the site.
pub fn post_file(lang: Lang, slug: &str) -> String {
    format!("data/{}/post/{slug}.txt", lang.code())
}

/// Where a page of a language's index is, relative to the site.
pub fn index_file(lang: Lang, page: u32) -> String {
    format!("data/{}/page/{page}.txt", lang.code())
}

/// Where a page of the listing of `lang`'s tag `slug` is, relative to the site.
pub fn tag_file(lang: Lang, slug: &str, page: u32) -> String {
    format!("data/{}/tag/{slug}/{page}.txt", lang.code())
}

/// Where `lang`'s list of tags is, relative to the site.
pub fn tags_file(lang: Lang) -> String {
    format!("data/{}/tags.txt", lang.code())
}

/// How many listing pages `posts` posts fill, `per_page` to a page (at
/// least one, which may be empty).
pub fn page_count(posts: usize, per_page: usize) -> u32 {
    u32::try_from(posts.div_ceil(per_page.max(1)).max(1)).unwrap_or(u32::MAX)
}

/// Why a data file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// It does not start like a data file of this kind and version.
    NotData,
    /// It ends early: an interrupted upload or a broken cache.
    Truncated,
    /// A line does not have the fields it should.
    BadLine(usize),
    /// The body's events do not read (see [`crate::body`]).
    BadBody,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::NotData => f.write_str("not a data file of this version"),
            DataError::Truncated => f.write_str("the file is cut short"),
            DataError::BadLine(line) => write!(f, "line {line} is malformed"),
            DataError::BadBody => f.write_str("the body is malformed"),
        }
    }
}

impl std::error::Error for DataError {}

/// Reads a post file.
pub fn decode_article(text: &str) -> Result<Article, DataError> {
    let mut rest = text
        .strip_prefix(POST_HEADER)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or(DataError::NotData)?;
    let mut entry = PartialEntry::default();
    let (mut asset_base, mut images, mut highlights) = (String::new(), Vec::new(), Vec::new());
    let (mut newer, mut older, mut related) = (None, None, Vec::new());
    for number in 2.. {
        let (line, after) = rest.split_once('\n').ok_or(DataError::Truncated)?;
        rest = after;
        let bad = || DataError::BadLine(number);
        let mut fields = line.split('\t');
        match fields.next().unwrap_or_default() {
            "assets" => asset_base = fields.next().ok_or_else(bad)?.to_owned(),
            "image" => {
                let path = fields.next().ok_or_else(bad)?.to_owned();
                let (width, height) = size(&mut fields).ok_or_else(bad)?;
                let variants = variants(fields.next()).ok_or_else(bad)?;
                images.push(ImageSize {
                    path,
                    width,
                    height,
                    variants,
                });
            }
            "code" => highlights.push(Highlight {
                runs: fields.next().and_then(decode_runs).ok_or_else(bad)?,
            }),
            "newer" => newer = Some(link(fields).ok_or_else(bad)?),
            "older" => older = Some(link(fields).ok_or_else(bad)?),
            "related" => related.push(link(fields).ok_or_else(bad)?),
            "body" => {
                let len: usize = fields.next().and_then(|n| n.parse().ok()).ok_or_else(bad)?;
                if rest.len() != len {
                    return Err(DataError::Truncated);
                }
                crate::body::read(rest).map_err(|_| DataError::BadBody)?;
                return Ok(Article {
                    entry: entry.finish().ok_or_else(bad)?,
                    asset_base,
                    images,
                    highlights,
                    newer,
                    older,
                    related,
                    body: rest.to_owned(),
                });
            }
            key => entry.read(key, fields).ok_or_else(bad)?,
        }
    }
    unreachable!("the lines of a file end before `usize` does")
}

/// Reads a page of an index.
pub fn decode_index(text: &str) -> Result<Listing, DataError> {
    let lines = text
        .strip_prefix(INDEX_HEADER)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or(DataError::NotData)?
        .split('\n');
    let mut page = Listing {
        number: 0,
        count: 0,
        tag: None,
        entries: Vec::new(),
    };
    let mut entry: Option<PartialEntry> = None;
    for (number, line) in (2..).zip(lines) {
        let bad = || DataError::BadLine(number);
        let mut fields = line.split('\t');
        let key = fields.next().unwrap_or_default();
        if matches!(key, "entry" | "end")
            && let Some(done) = entry.take()
        {
            page.entries.push(done.finish().ok_or_else(bad)?);
        }
        match key {
            "page" => (page.number, page.count) = size(&mut fields).ok_or_else(bad)?,
            "end" if page.number > 0 => return Ok(page),
            "end" => return Err(bad()),
            key => match &mut entry {
                Some(entry) => entry.read(key, fields).ok_or_else(bad)?,
                None if key == "entry" => {
                    let mut started = PartialEntry::default();
                    started.read(key, fields).ok_or_else(bad)?;
                    entry = Some(started);
                }
                None => match key {
                    "listing_tag" => {
                        let tag = tag_link(&mut fields).ok_or_else(bad)?;
                        page.tag = Some(ListedTag {
                            tag,
                            translations: Vec::new(),
                        });
                    }
                    "listing_translation" => match &mut page.tag {
                        Some(tag) => tag.translations.push(link(fields).ok_or_else(bad)?),
                        None => return Err(bad()),
                    },
                    _ => {}
                },
            },
        }
    }
    Err(DataError::Truncated)
}

/// Reads a language's list of tags.
pub fn decode_tags(text: &str) -> Result<Vec<TagCount>, DataError> {
    let lines = text
        .strip_prefix(TAGS_HEADER)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or(DataError::NotData)?
        .split('\n');
    let mut tags = Vec::new();
    for (number, line) in (2..).zip(lines) {
        let bad = || DataError::BadLine(number);
        let mut fields = line.split('\t');
        match fields.next().unwrap_or_default() {
            "tag" => {
                let tag = tag_link(&mut fields).ok_or_else(bad)?;
                let posts = fields.next().and_then(|n| n.parse().ok()).ok_or_else(bad)?;
                tags.push(TagCount { tag, posts });
            }
            "end" => return Ok(tags),
            _ => {}
        }
    }
    Err(DataError::Truncated)
}

/// An entry as its lines are read: each line sets one field, by its key.
#[derive(Default)]
struct PartialEntry {
    lang_and_slug: Option<(Lang, String)>,
    title: Option<String>,
    description: String,
    date: Option<Date>,
    date_label: String,
    reading_time: String,
    draft: bool,
    translations: Vec<TranslationLink>,
    cover: Option<Image>,
    tags: Vec<TagLink>,
}

impl PartialEntry {
    /// Reads the line of `key`; `None` when its fields are wrong. Keys this
    /// version does not know (a later version's) are skipped.
    fn read<'a>(&mut self, key: &str, mut fields: impl Iterator<Item = &'a str>) -> Option<()> {
        let mut text = || fields.next().map(str::to_owned);
        match key {
            "entry" => self.lang_and_slug = Some((Lang::from_code(&text()?)?, text()?)),
            "title" => self.title = Some(text()?),
            "description" => self.description = text()?,
            "date" => self.date = Some(Date::parse_iso(&text()?)?),
            "date_label" => self.date_label = text()?,
            "reading_time" => self.reading_time = text()?,
            "draft" => self.draft = true,
            "translation" => self.translations.push(link(fields)?),
            "tag" => self.tags.push(tag_link(&mut fields)?),
            "cover" => {
                let (url, alt) = (text()?, text()?);
                let (width, height) = size(&mut fields)?;
                self.cover = Some(Image {
                    url,
                    alt,
                    width,
                    height,
                    variants: variants(fields.next())?,
                });
            }
            _ => {}
        }
        Some(())
    }

    /// The entry, if its language, slug and title were given.
    fn finish(self) -> Option<Entry> {
        let (lang, slug) = self.lang_and_slug?;
        Some(Entry {
            lang,
            slug,
            title: self.title?,
            description: self.description,
            date: self.date,
            date_label: self.date_label,
            reading_time: self.reading_time,
            draft: self.draft,
            translations: self.translations,
            cover: self.cover,
            tags: self.tags,
        })
    }
}

/// A post's language, slug and title, as [`encode::link_fields`] writes them.
pub(crate) fn link<'a>(mut fields: impl Iterator<Item = &'a str>) -> Option<TranslationLink> {
    Some(TranslationLink {
        lang: Lang::from_code(fields.next()?)?,
        slug: fields.next()?.to_owned(),
        title: fields.next()?.to_owned(),
    })
}

/// A tag's slug and label, as [`encode::tag_fields`] writes them.
fn tag_link<'a>(fields: &mut impl Iterator<Item = &'a str>) -> Option<TagLink> {
    Some(TagLink {
        slug: fields.next()?.to_owned(),
        label: fields.next()?.to_owned(),
    })
}

/// Two numbers: a width and a height, or a page and a count.
fn size<'a>(fields: &mut impl Iterator<Item = &'a str>) -> Option<(u32, u32)> {
    Some((fields.next()?.parse().ok()?, fields.next()?.parse().ok()?))
}

/// `url width` pairs separated by spaces: `a.480.webp 480 a.800.webp 800`.
fn variants(field: Option<&str>) -> Option<Vec<Variant>> {
    let mut words = field
        .unwrap_or_default()
        .split(' ')
        .filter(|w| !w.is_empty());
    let mut out = Vec::new();
    while let Some(url) = words.next() {
        out.push(Variant {
            url: url.to_owned(),
            width: words.next()?.parse().ok()?,
        });
    }
    Some(out)
}

pub use encode::{encode_article, encode_index, encode_tags};

pub(crate) mod encode {
    use std::fmt::Write as _;

    use super::*;

    /// Writes a post file.
    pub fn encode_article(article: &Article) -> String {
        let mut out = format!("{POST_HEADER}\n");
        encode_entry(&mut out, &article.entry);
        line(&mut out, "assets", &[&article.asset_base]);
        for image in &article.images {
            let (width, height) = (image.width.to_string(), image.height.to_string());
            let variants = encode_variants(&image.variants);
            line(
                &mut out,
                "image",
                &[&image.path, &width, &height, &variants],
            );
        }
        for (key, link) in [("newer", &article.newer), ("older", &article.older)] {
            if let Some(link) = link {
                line(&mut out, key, &link_fields(link));
            }
        }
        for link in &article.related {
            line(&mut out, "related", &link_fields(link));
        }
        for highlight in &article.highlights {
            line(&mut out, "code", &[&encode_runs(&highlight.runs)]);
        }
        let _ = writeln!(out, "body\t{}", article.body.len());
        out.push_str(&article.body);
        out
    }

    /// Writes a page of an index.
    pub fn encode_index(page: &Listing) -> String {
        let mut out = format!("{INDEX_HEADER}\npage\t{}\t{}\n", page.number, page.count);
        if let Some(listed) = &page.tag {
            line(&mut out, "listing_tag", &tag_fields(&listed.tag));
            for link in &listed.translations {
                line(&mut out, "listing_translation", &link_fields(link));
            }
        }
        for entry in &page.entries {
            encode_entry(&mut out, entry);
        }
        out.push_str("end\n");
        out
    }

    /// Writes a language's list of tags.
    pub fn encode_tags(tags: &[TagCount]) -> String {
        let mut out = format!("{TAGS_HEADER}\n");
        for count in tags {
            let [slug, label] = tag_fields(&count.tag);
            line(&mut out, "tag", &[slug, label, &count.posts.to_string()]);
        }
        out.push_str("end\n");
        out
    }

    /// An entry's lines, one per field, in [`PartialEntry::read`]'s keys.
    fn encode_entry(out: &mut String, entry: &Entry) {
        line(out, "entry", &[entry.lang.code(), &entry.slug]);
        line(out, "title", &[&entry.title]);
        line(out, "description", &[&entry.description]);
        if let Some(date) = entry.date {
            line(out, "date", &[&date.to_string()]);
        }
        line(out, "date_label", &[&entry.date_label]);
        line(out, "reading_time", &[&entry.reading_time]);
        if entry.draft {
            line(out, "draft", &[]);
        }
        for link in &entry.translations {
            line(out, "translation", &link_fields(link));
        }
        if let Some(cover) = &entry.cover {
            let (width, height) = (cover.width.to_string(), cover.height.to_string());
            let variants = encode_variants(&cover.variants);
            let fields = [&cover.url[..], &cover.alt, &width, &height, &variants];
            line(out, "cover", &fields);
        }
        for tag in &entry.tags {
            line(out, "tag", &tag_fields(tag));
        }
    }

    /// A tag's slug and label, as [`super::tag_link`] reads them.
    fn tag_fields(tag: &TagLink) -> [&str; 2] {
        [&tag.slug, &tag.label]
    }

    /// A post's language, slug and title (a translation, a newer or older
    /// post), as [`super::link`] reads them.
    pub(crate) fn link_fields(link: &TranslationLink) -> [&str; 3] {
        [link.lang.code(), &link.slug, &link.title]
    }

    /// A line of `key` and its fields, each on one line: tabs and line
    /// breaks become spaces, which HTML shows the same.
    pub(crate) fn line(out: &mut String, key: &str, fields: &[&str]) {
        out.push_str(key);
        for field in fields {
            out.push('\t');
            out.extend(field.chars().map(|ch| {
                if matches!(ch, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    ch
                }
            }));
        }
        out.push('\n');
    }

    fn encode_variants(variants: &[Variant]) -> String {
        variants
            .iter()
            .map(|variant| format!("{} {}", variant.url.replace(' ', "%20"), variant.width))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lang: Lang, slug: &str, cover: bool) -> Entry {
        Entry {
            lang,
            slug: slug.to_owned(),
            title: "A title\twith a tab\nand a line".to_owned(),
            description: "Über alles".to_owned(),
            date: Some(Date {
                year: 2026,
                month: 2,
                day: 13,
            }),
            date_label: "13. Februar 2026".to_owned(),
            reading_time: "4 Min. Lesezeit".to_owned(),
            draft: true,
            translations: vec![
                link(Lang::En, "a", "A title"),
                link(Lang::De, slug, "Ein Titel"),
            ],
            cover: cover.then(|| Image {
                url: "posts/p/cover.jpg".to_owned(),
                alt: "".to_owned(),
                width: 1200,
                height: 630,
                variants: vec![Variant {
                    url: "posts/p/cover.480.webp".to_owned(),
                    width: 480,
                }],
            }),
            tags: vec![
                tag("sicherheit", "Sicherheit"),
                tag("edge", "Edge\tComputing"),
            ],
        }
    }

    fn tag(slug: &str, label: &str) -> TagLink {
        TagLink {
            slug: slug.to_owned(),
            label: label.to_owned(),
        }
    }

    fn link(lang: Lang, slug: &str, title: &str) -> TranslationLink {
        TranslationLink {
            lang,
            slug: slug.to_owned(),
            title: title.to_owned(),
        }
    }

    fn article() -> Article {
        Article {
            entry: entry(Lang::De, "ein-titel", true),
            asset_base: "posts/p/".to_owned(),
            images: vec![ImageSize {
                path: "img/a b.png".to_owned(),
                width: 10,
                height: 20,
                variants: Vec::new(),
            }],
            highlights: vec![
                Highlight {
                    runs: decode_runs("2k1_3s").unwrap(),
                },
                // A block drawn plain.
                Highlight { runs: Vec::new() },
            ],
            newer: None,
            older: Some(link(Lang::De, "frueher", "Früher")),
            related: vec![link(Lang::De, "a", "A"), link(Lang::De, "b", "B")],
            body: crate::body::encode("# Text\n\nwith\ttabs\nand no final line break"),
        }
    }

    #[test]
    fn an_article_reads_back_as_written_with_its_fields_on_one_line() {
        let article = article();
        let decoded = decode_article(&encode_article(&article)).unwrap();
        assert_eq!(decoded.entry.title, "A title with a tab and a line");
        let mut expected = article;
        expected.entry.title = decoded.entry.title.clone();
        assert_eq!(decoded.entry.tags[1].label, "Edge Computing");
        expected.entry.tags[1].label = decoded.entry.tags[1].label.clone();
        assert_eq!(decoded, expected);
        assert_eq!(
            decoded.default_translation(Lang::En).unwrap().lang,
            Lang::En
        );
        assert_eq!(
            decoded.default_translation(Lang::De).unwrap().lang,
            Lang::De
        );
        assert_eq!(decoded.image("./img/a b.png").unwrap().height, 20);
        assert!(!decoded.entry.is_page());
    }

    #[test]
    fn a_body_whose_events_do_not_read_is_an_error() {
        let mut broken = article();
        broken.body = "(pT4:Cut".to_owned();
        assert_eq!(
            decode_article(&encode_article(&broken)),
            Err(DataError::BadBody)
        );
    }

    #[test]
    fn a_page_is_an_article_without_a_date() {
        let mut page = article();
        page.entry.date = None;
        let decoded = decode_article(&encode_article(&page)).unwrap();
        assert!(decoded.entry.is_page());
        assert_eq!(decoded.body, page.body);
    }

    #[test]
    fn an_index_page_reads_back_as_written() {
        let page = Listing {
            number: 2,
            count: 3,
            tag: None,
            entries: vec![entry(Lang::En, "a", true), entry(Lang::En, "b", false)],
        };
        let decoded = decode_index(&encode_index(&page)).unwrap();
        assert_eq!(decoded.entries.len(), 2);
        assert_eq!((decoded.number, decoded.count), (2, 3));
        assert_eq!(decoded.entries[1].cover, None);
        assert_eq!(decoded.entries[0].cover, page.entries[0].cover);
        assert_eq!(decoded.entries[0].tags[0], tag("sicherheit", "Sicherheit"));
        assert_eq!(decoded.tag, None);
    }

    #[test]
    fn a_tag_listing_reads_back_with_its_tag_and_its_pages_elsewhere() {
        let page = Listing {
            number: 1,
            count: 1,
            tag: Some(ListedTag {
                tag: tag("sicherheit", "Sicherheit"),
                translations: vec![
                    link(Lang::En, "security", "Security"),
                    link(Lang::De, "sicherheit", "Sicherheit"),
                ],
            }),
            entries: vec![entry(Lang::De, "a", false)],
        };
        let decoded = decode_index(&encode_index(&page)).unwrap();
        assert_eq!(decoded.tag, page.tag);
        assert_eq!(decoded.entries[0].tags.len(), 2);
        assert_eq!(
            decode_index("edgewise-index 2\npage\t1\t1\nlisting_translation\ten\ta\tA\nend\n"),
            Err(DataError::BadLine(3))
        );
    }

    #[test]
    fn a_list_of_tags_reads_back_and_is_whole_or_an_error() {
        let tags = vec![
            TagCount {
                tag: tag("edge", "Edge"),
                posts: 3,
            },
            TagCount {
                tag: tag("sicherheit", "Sicherheit"),
                posts: 1,
            },
        ];
        let text = encode_tags(&tags);
        assert_eq!(decode_tags(&text), Ok(tags));
        for end in 0..text.len() - 1 {
            assert!(decode_tags(&text[..end]).is_err(), "{end}");
        }
        assert_eq!(
            decode_tags("edgewise-tags 1\ntag\tx\n"),
            Err(DataError::BadLine(2))
        );
    }

    #[test]
    fn a_file_cut_short_is_an_error_at_any_point() {
        let article = encode_article(&article());
        for end in 0..article.len() {
            if article.is_char_boundary(end) {
                assert!(decode_article(&article[..end]).is_err(), "{end}");
            }
        }
        let index = encode_index(&Listing {
            number: 1,
            count: 1,
            tag: None,
            entries: vec![entry(Lang::En, "a", true)],
        });
        for end in 0..index.len() - 1 {
            if index.is_char_boundary(end) {
                assert!(decode_index(&index[..end]).is_err(), "{end}");
            }
        }
    }

    #[test]
    fn other_files_are_not_data() {
        assert_eq!(
            decode_article("<!DOCTYPE html><html>"),
            Err(DataError::NotData)
        );
        assert_eq!(decode_index(""), Err(DataError::NotData));
        assert_eq!(
            decode_index("edgewise-index 2\npage\tx\t1\nend\n"),
            Err(DataError::BadLine(2))
        );
    }

    #[test]
    fn pages_hold_twenty_posts() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(page_count(21, 7), 3);
        assert_eq!(index_file(Lang::De, 2), "data/de/page/2.txt");
        assert_eq!(post_file(Lang::En, "x"), "data/en/post/x.txt");
        assert_eq!(tag_file(Lang::De, "x", 2), "data/de/tag/x/2.txt");
        assert_eq!(tags_file(Lang::De), "data/de/tags.txt");
    }
}
