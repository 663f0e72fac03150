//! The data files the app fetches instead of compiling the blog in: one per
//! translation (`data/<lang>/post/<slug>.txt`: its metadata, the post's other
//! translations, its images and the Markdown body) and one per page of each
//! language's index (`data/<lang>/page/<n>.txt`). The build writes them, the
//! pre-renderer and the app read them, so the wasm is the same for 2 posts or
//! 2,000.
//!
//! The form is lines of tab-separated fields, so that the decoder is a few
//! splits: no escaping, because the writer turns the tabs and line breaks of
//! single-line fields (titles, descriptions) into spaces, which HTML shows
//! the same. Paths are relative to the site, so the same files serve at the
//! domain's root and under a sub-path. A file that is cut short is an error,
//! never a shorter list or body: a post file states its body's length, an
//! index page ends with `end`.

use std::fmt;

use crate::date::Date;
use crate::lang::Lang;

/// Search results and link previews cut descriptions after about this many
/// characters; the checker warns about a longer one.
pub const DESCRIPTION_LIMIT: usize = 160;

/// How many posts a page of the index lists.
pub const PAGE_SIZE: usize = 20;

/// The first line of every post file.
const POST_HEADER: &str = "edgewise-post 1";
/// The first line of every index page.
const INDEX_HEADER: &str = "edgewise-index 1";

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
    /// The slug of every translation of the post, this one included, in
    /// [`Lang::ALL`] order: the language switcher leads there even before
    /// the post has loaded.
    pub translations: Vec<(Lang, String)>,
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
    /// Every translation of the post, this one included, in [`Lang::ALL`] order.
    pub translations: Vec<TranslationLink>,
    /// The post folder's files, relative to the site (`posts/<id>/`).
    pub asset_base: String,
    /// The images in the post's folder, by path relative to it.
    pub images: Vec<ImageSize>,
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
        default_translation(&self.translations)
    }

    /// The post's translation into `lang`, if there is one.
    pub fn translation(&self, lang: Lang) -> Option<&TranslationLink> {
        self.translations.iter().find(|link| link.lang == lang)
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
    let rest = text
        .strip_prefix(POST_HEADER)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or(DataError::NotData)?;
    let mut entry = None;
    let (mut translations, mut asset_base, mut images) = (Vec::new(), String::new(), Vec::new());
    let mut rest = rest;
    let mut number = 1;
    loop {
        number += 1;
        let (line, after) = rest.split_once('\n').ok_or(DataError::Truncated)?;
        rest = after;
        let bad = || DataError::BadLine(number);
        let mut fields = line.split('\t');
        match fields.next() {
            Some("entry") => entry = Some(entry_fields(&mut fields).ok_or_else(bad)?),
            Some("translation") => translations.push(TranslationLink {
                lang: fields.next().and_then(Lang::from_code).ok_or_else(bad)?,
                slug: fields.next().ok_or_else(bad)?.to_owned(),
                title: fields.next().ok_or_else(bad)?.to_owned(),
            }),
            Some("assets") => asset_base = fields.next().ok_or_else(bad)?.to_owned(),
            Some("image") => {
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
            Some("body") => {
                let len: usize = fields.next().and_then(|n| n.parse().ok()).ok_or_else(bad)?;
                if rest.len() != len {
                    return Err(DataError::Truncated);
                }
                return Ok(Article {
                    entry: entry.ok_or(DataError::Truncated)?,
                    translations,
                    asset_base,
                    images,
                    body: rest.to_owned(),
                });
            }
            // Lines of a later version that this one can do without.
            _ => {}
        }
    }
}

/// Reads a page of an index.
pub fn decode_index(text: &str) -> Result<Listing, DataError> {
    let mut lines = text
        .strip_prefix(INDEX_HEADER)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or(DataError::NotData)?
        .split('\n');
    let bad = DataError::BadLine;
    let mut page = Listing {
        number: 0,
        count: 0,
        entries: Vec::new(),
    };
    for (number, line) in (2..).zip(&mut lines) {
        let mut fields = line.split('\t');
        match fields.next() {
            Some("page") => {
                (page.number, page.count) = size(&mut fields).ok_or(bad(number))?;
            }
            Some("entry") => page
                .entries
                .push(entry_fields(&mut fields).ok_or(bad(number))?),
            Some("end") if page.number > 0 => return Ok(page),
            Some("end") => return Err(bad(number)),
            _ => {}
        }
    }
    Err(DataError::Truncated)
}

/// The fields of an `entry` line after its key, in [`encode_entry`]'s order.
fn entry_fields<'a>(fields: &mut impl Iterator<Item = &'a str>) -> Option<Entry> {
    let mut text = || fields.next().map(str::to_owned);
    let lang = Lang::from_code(&text()?)?;
    let slug = text()?;
    let title = text()?;
    let description = text()?;
    let date = Date::parse_iso(&text()?)?;
    let date_label = text()?;
    let reading_time = text()?;
    let draft = text()? == "1";
    let translations = text()?
        .split(' ')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (code, slug) = pair.split_once(':')?;
            Some((Lang::from_code(code)?, slug.to_owned()))
        })
        .collect::<Option<Vec<_>>>()?;
    let cover_url = text()?;
    let cover = if cover_url.is_empty() {
        None
    } else {
        let alt = fields.next()?.to_owned();
        let (width, height) = size(fields)?;
        Some(Image {
            url: cover_url,
            alt,
            width,
            height,
            variants: variants(fields.next())?,
        })
    };
    Some(Entry {
        lang,
        slug,
        title,
        description,
        date,
        date_label,
        reading_time,
        draft,
        translations,
        cover,
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
        for link in &article.translations {
            let _ = writeln!(
                out,
                "translation\t{}\t{}\t{}",
                link.lang.code(),
                field(&link.slug),
                field(&link.title)
            );
        }
        let _ = writeln!(out, "assets\t{}", field(&article.asset_base));
        for image in &article.images {
            let _ = writeln!(
                out,
                "image\t{}\t{}\t{}\t{}",
                field(&image.path),
                image.width,
                image.height,
                encode_variants(&image.variants)
            );
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

    fn encode_entry(out: &mut String, entry: &Entry) {
        let _ = write!(
            out,
            "entry\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            entry.lang.code(),
            field(&entry.slug),
            field(&entry.title),
            field(&entry.description),
            entry.date,
            field(&entry.date_label),
            field(&entry.reading_time),
            u8::from(entry.draft),
            entry
                .translations
                .iter()
                .map(|(lang, slug)| format!("{}:{}", lang.code(), field(slug)))
                .collect::<Vec<_>>()
                .join(" "),
        );
        match &entry.cover {
            Some(cover) => {
                let _ = writeln!(
                    out,
                    "\t{}\t{}\t{}\t{}\t{}",
                    field(&cover.url),
                    field(&cover.alt),
                    cover.width,
                    cover.height,
                    encode_variants(&cover.variants)
                );
            }
            None => out.push_str("\t\n"),
        }
    }

    fn encode_variants(variants: &[Variant]) -> String {
        variants
            .iter()
            .map(|variant| {
                format!(
                    "{} {}",
                    field(&variant.url).replace(' ', "%20"),
                    variant.width
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A single-line field: tabs and line breaks become spaces, which HTML
    /// shows the same.
    fn field(text: &str) -> std::borrow::Cow<'_, str> {
        if text.contains(['\t', '\n', '\r']) {
            text.replace(['\t', '\n', '\r'], " ").into()
        } else {
            text.into()
        }
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
            translations: vec![(Lang::En, "a".to_owned()), (Lang::De, slug.to_owned())],
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

    fn article() -> Article {
        Article {
            entry: entry(Lang::De, "ein-titel", true),
            translations: vec![
                TranslationLink {
                    lang: Lang::En,
                    slug: "a-title".to_owned(),
                    title: "A title".to_owned(),
                },
                TranslationLink {
                    lang: Lang::De,
                    slug: "ein-titel".to_owned(),
                    title: "Ein Titel".to_owned(),
                },
            ],
            asset_base: "posts/p/".to_owned(),
            images: vec![ImageSize {
                path: "img/a b.png".to_owned(),
                width: 10,
                height: 20,
                variants: Vec::new(),
            }],
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
            decode_index("edgewise-index 1\npage\tx\t1\nend\n"),
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
