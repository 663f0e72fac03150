//! The data files the app fetches instead of compiling the blog in: one per
//! translation (`data/<lang>/post/<slug>.txt`: its metadata, the post's other
//! translations, its images and the Markdown body) and one per page of each
//! language's index (`data/<lang>/page/<n>.txt`). The build writes them, the
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

/// How many posts a page of the index lists.
pub const PAGE_SIZE: usize = 20;

/// The first line of every post file.
const POST_HEADER: &str = "edgewise-post 2";
/// The first line of every index page.
const INDEX_HEADER: &str = "edgewise-index 2";

/// A translation as a card on the index and the head of its page show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub date: Date,
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
    /// The token runs of the body's code blocks, by their hash.
    pub highlights: Vec<Highlight>,
    /// The posts before and after it in its language's index: the next
    /// newer and the next older.
    pub newer: Option<TranslationLink>,
    pub older: Option<TranslationLink>,
    /// The Markdown body.
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
/// (`x-default`): the default language's, else the first.
pub fn default_translation(translations: &[TranslationLink]) -> Option<&TranslationLink> {
    translations
        .iter()
        .find(|link| link.lang == Lang::DEFAULT)
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

/// A listing: one page of entries of a language's index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// From 1.
    pub number: u32,
    /// How many pages the language's index has (at least 1).
    pub count: u32,
    /// Newest first.
    pub entries: Vec<Entry>,
}

impl Article {
    /// The translation for readers whose language the post is not in (the
    /// `x-default` alternate), and the one the others translate: the
    /// default language's where there is one, else the first.
    pub fn default_translation(&self) -> Option<&TranslationLink> {
        default_translation(&self.entry.translations)
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

/// How many index pages `posts` posts fill (at least one, which may be empty).
pub fn page_count(posts: usize) -> u32 {
    u32::try_from(posts.div_ceil(PAGE_SIZE).max(1)).unwrap_or(u32::MAX)
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
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::NotData => f.write_str("not a data file of this version"),
            DataError::Truncated => f.write_str("the file is cut short"),
            DataError::BadLine(line) => write!(f, "line {line} is malformed"),
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
    let (mut newer, mut older) = (None, None);
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
                hash: fields
                    .next()
                    .and_then(|hash| u64::from_str_radix(hash, 16).ok())
                    .ok_or_else(bad)?,
                runs: fields.next().and_then(decode_runs).ok_or_else(bad)?,
            }),
            "newer" => newer = Some(link(fields).ok_or_else(bad)?),
            "older" => older = Some(link(fields).ok_or_else(bad)?),
            "body" => {
                let len: usize = fields.next().and_then(|n| n.parse().ok()).ok_or_else(bad)?;
                if rest.len() != len {
                    return Err(DataError::Truncated);
                }
                return Ok(Article {
                    entry: entry.finish().ok_or_else(bad)?,
                    asset_base,
                    images,
                    highlights,
                    newer,
                    older,
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
                None => {}
            },
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

    /// The entry, if its language, slug, title and date were given.
    fn finish(self) -> Option<Entry> {
        let (lang, slug) = self.lang_and_slug?;
        Some(Entry {
            lang,
            slug,
            title: self.title?,
            description: self.description,
            date: self.date?,
            date_label: self.date_label,
            reading_time: self.reading_time,
            draft: self.draft,
            translations: self.translations,
            cover: self.cover,
        })
    }
}

/// A post's language, slug and title, as [`encode::link_fields`] writes them.
fn link<'a>(mut fields: impl Iterator<Item = &'a str>) -> Option<TranslationLink> {
    Some(TranslationLink {
        lang: Lang::from_code(fields.next()?)?,
        slug: fields.next()?.to_owned(),
        title: fields.next()?.to_owned(),
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

pub use encode::{encode_article, encode_index};

mod encode {
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
        for highlight in &article.highlights {
            let hash = format!("{:016x}", highlight.hash);
            line(&mut out, "code", &[&hash, &encode_runs(&highlight.runs)]);
        }
        let _ = writeln!(out, "body\t{}", article.body.len());
        out.push_str(&article.body);
        out
    }

    /// Writes a page of an index.
    pub fn encode_index(page: &Listing) -> String {
        let mut out = format!("{INDEX_HEADER}\npage\t{}\t{}\n", page.number, page.count);
        for entry in &page.entries {
            encode_entry(&mut out, entry);
        }
        out.push_str("end\n");
        out
    }

    /// An entry's lines, one per field, in [`PartialEntry::read`]'s keys.
    fn encode_entry(out: &mut String, entry: &Entry) {
        line(out, "entry", &[entry.lang.code(), &entry.slug]);
        line(out, "title", &[&entry.title]);
        line(out, "description", &[&entry.description]);
        line(out, "date", &[&entry.date.to_string()]);
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
    }

    /// A post's language, slug and title (a translation, a newer or older
    /// post), as [`super::link`] reads them.
    pub(super) fn link_fields(link: &TranslationLink) -> [&str; 3] {
        [link.lang.code(), &link.slug, &link.title]
    }

    /// A line of `key` and its fields, each on one line: tabs and line
    /// breaks become spaces, which HTML shows the same.
    fn line(out: &mut String, key: &str, fields: &[&str]) {
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
            date: Date {
                year: 2026,
                month: 2,
                day: 13,
            },
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
            highlights: vec![Highlight {
                hash: 0x00ab_cdef_0123_4567,
                runs: decode_runs("2k1_3s").unwrap(),
            }],
            newer: None,
            older: Some(link(Lang::De, "frueher", "Früher")),
            body: "# Text\n\nwith\ttabs\nand no final line break".to_owned(),
        }
    }

    #[test]
    fn an_article_reads_back_as_written_with_its_fields_on_one_line() {
        let article = article();
        let decoded = decode_article(&encode_article(&article)).unwrap();
        assert_eq!(decoded.entry.title, "A title with a tab and a line");
        let mut expected = article;
        expected.entry.title = decoded.entry.title.clone();
        assert_eq!(decoded, expected);
        assert_eq!(decoded.default_translation().unwrap().lang, Lang::En);
        assert_eq!(decoded.image("./img/a b.png").unwrap().height, 20);
    }

    #[test]
    fn an_index_page_reads_back_as_written() {
        let page = Listing {
            number: 2,
            count: 3,
            entries: vec![entry(Lang::En, "a", true), entry(Lang::En, "b", false)],
        };
        let decoded = decode_index(&encode_index(&page)).unwrap();
        assert_eq!(decoded.entries.len(), 2);
        assert_eq!((decoded.number, decoded.count), (2, 3));
        assert_eq!(decoded.entries[1].cover, None);
        assert_eq!(decoded.entries[0].cover, page.entries[0].cover);
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
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(20), 1);
        assert_eq!(page_count(21), 2);
        assert_eq!(index_file(Lang::De, 2), "data/de/page/2.txt");
        assert_eq!(post_file(Lang::En, "x"), "data/en/post/x.txt");
    }
}
