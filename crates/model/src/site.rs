//! The blog's identity, as the site file (`content/site.yml`) gives it and
//! the build publishes it (`data/site.txt`): its name, each language's
//! tagline, description and footer line, its author, its links, and how
//! many posts a listing page and a feed hold. Pages carry it, so the
//! pre-renderer and the app draw it alike and nothing of it is compiled in.
//!
//! The form is the data files' (see [`crate::data`]): lines of
//! tab-separated fields, each starting with its key, ending with `end`.

use crate::data::encode::{line, link_fields};
use crate::data::{DataError, TranslationLink, link};
use crate::lang::Lang;

/// Where the build writes it, relative to the site.
pub const SITE_FILE: &str = "data/site.txt";

const HEADER: &str = "edgewise-site 1";

/// The blog's identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub name: String,
    /// One per language, in [`Lang::ALL`] order.
    pub texts: Vec<(Lang, SiteTexts)>,
    pub author: Option<Author>,
    pub links: Vec<SiteLink>,
    /// Posts on a page of an index or a tag's listing.
    pub posts_per_page: u32,
    /// Posts in a feed.
    pub posts_per_feed: u32,
    /// The language of readers whose own the blog does not speak: the
    /// `x-default` alternate, `/` without a saved or preferred language.
    pub default_lang: Lang,
    /// The standalone pages linked from every page, in the site file's
    /// order.
    pub pages: Vec<SitePage>,
}

/// A standalone page (About, Impressum) linked from the header or the
/// footer of every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SitePage {
    pub place: Place,
    /// Its translations, in [`Lang::ALL`] order; `title` is the link's
    /// label.
    pub translations: Vec<TranslationLink>,
}

/// Where a page's link is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Header,
    Footer,
}

impl Place {
    pub fn name(self) -> &'static str {
        match self {
            Place::Header => "header",
            Place::Footer => "footer",
        }
    }
}

impl SitePage {
    /// The page in `lang`, else in the default language, else any: an
    /// Impressum written in German only is linked from English pages too.
    pub fn link(&self, lang: Lang, default: Lang) -> Option<&TranslationLink> {
        let find = |lang: Lang| self.translations.iter().find(|link| link.lang == lang);
        find(lang)
            .or_else(|| find(default))
            .or(self.translations.first())
    }
}

/// What the blog says of itself in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteTexts {
    /// Under the name: the footer, the root page, an index without a
    /// description of its own.
    pub tagline: String,
    /// The `<meta name="description">` of the root page and the indexes,
    /// and the feeds' subtitle.
    pub description: String,
    /// The footer's line: a copyright or a licence.
    pub footer: String,
}

/// Who writes the blog (JSON-LD's `author` and `publisher`, the feeds').
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

/// A link in the footer (a profile, a repository): `rel="me"` when it
/// should verify the blog as the author's (as Mastodon does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    pub url: String,
    pub me: bool,
    /// One per language, in [`Lang::ALL`] order.
    pub labels: Vec<(Lang, String)>,
}

impl Default for Site {
    /// What an empty site file gives.
    fn default() -> Site {
        Site {
            name: "Blog".to_owned(),
            texts: Lang::ALL
                .into_iter()
                .map(|lang| (lang, SiteTexts::default()))
                .collect(),
            author: None,
            links: Vec::new(),
            posts_per_page: 20,
            posts_per_feed: 20,
            default_lang: Lang::DEFAULT,
            pages: Vec::new(),
        }
    }
}

impl Site {
    /// What the blog says of itself in `lang`.
    pub fn texts(&self, lang: Lang) -> &SiteTexts {
        static EMPTY: SiteTexts = SiteTexts {
            tagline: String::new(),
            description: String::new(),
            footer: String::new(),
        };
        self.texts
            .iter()
            .find(|(text_lang, _)| *text_lang == lang)
            .map_or(&EMPTY, |(_, texts)| texts)
    }
}

impl SiteTexts {
    /// What the blog is about in a sentence: the description, else the
    /// tagline ("" when the site file gives neither).
    pub fn summary(&self) -> &str {
        if self.description.is_empty() {
            &self.tagline
        } else {
            &self.description
        }
    }

    /// What stands under the blog's name: the tagline, else the
    /// description.
    pub fn headline(&self) -> &str {
        if self.tagline.is_empty() {
            &self.description
        } else {
            &self.tagline
        }
    }
}

impl SiteLink {
    /// The link's label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        self.labels
            .iter()
            .find(|(label_lang, _)| *label_lang == lang)
            .or(self.labels.first())
            .map_or(self.url.as_str(), |(_, label)| label)
    }
}

/// Writes the site file.
pub fn encode_site(site: &Site) -> String {
    let mut out = format!("{HEADER}\n");
    line(&mut out, "name", &[&site.name]);
    line(&mut out, "default_lang", &[site.default_lang.code()]);
    line(
        &mut out,
        "sizes",
        &[
            &site.posts_per_page.to_string(),
            &site.posts_per_feed.to_string(),
        ],
    );
    for (lang, texts) in &site.texts {
        line(
            &mut out,
            "texts",
            &[
                lang.code(),
                &texts.tagline,
                &texts.description,
                &texts.footer,
            ],
        );
    }
    if let Some(author) = &site.author {
        line(
            &mut out,
            "author",
            &[&author.name, author.url.as_deref().unwrap_or_default()],
        );
    }
    for link in &site.links {
        let mut fields = vec![link.url.as_str(), if link.me { "me" } else { "" }];
        for (lang, label) in &link.labels {
            fields.push(lang.code());
            fields.push(label);
        }
        line(&mut out, "link", &fields);
    }
    for page in &site.pages {
        let mut fields = vec![page.place.name()];
        for link in &page.translations {
            fields.extend(link_fields(link));
        }
        line(&mut out, "page", &fields);
    }
    out.push_str("end\n");
    out
}

/// Reads the site file.
pub fn decode_site(text: &str) -> Result<Site, DataError> {
    let lines = text
        .strip_prefix(HEADER)
        .and_then(|rest| rest.strip_prefix('\n'))
        .ok_or(DataError::NotData)?
        .split('\n');
    let mut site = Site {
        texts: Vec::new(),
        ..Site::default()
    };
    for (number, line) in (2..).zip(lines) {
        let bad = || DataError::BadLine(number);
        let mut fields = line.split('\t');
        let mut next = || fields.next().ok_or_else(bad);
        match next()? {
            "name" => site.name = next()?.to_owned(),
            "default_lang" => site.default_lang = Lang::from_code(next()?).ok_or_else(bad)?,
            "sizes" => {
                site.posts_per_page = next()?.parse().map_err(|_| bad())?;
                site.posts_per_feed = next()?.parse().map_err(|_| bad())?;
            }
            "texts" => {
                let lang = Lang::from_code(next()?).ok_or_else(bad)?;
                let texts = SiteTexts {
                    tagline: next()?.to_owned(),
                    description: next()?.to_owned(),
                    footer: next()?.to_owned(),
                };
                site.texts.push((lang, texts));
            }
            "author" => {
                let name = next()?.to_owned();
                let url = Some(next()?)
                    .filter(|url| !url.is_empty())
                    .map(str::to_owned);
                site.author = Some(Author { name, url });
            }
            "link" => {
                let url = next()?.to_owned();
                let me = next()? == "me";
                let mut labels = Vec::new();
                while let Some(code) = fields.next() {
                    let lang = Lang::from_code(code).ok_or_else(bad)?;
                    labels.push((lang, fields.next().ok_or_else(bad)?.to_owned()));
                }
                site.links.push(SiteLink { url, me, labels });
            }
            "page" => {
                let place = match next()? {
                    "header" => Place::Header,
                    "footer" => Place::Footer,
                    _ => return Err(bad()),
                };
                let mut translations = Vec::new();
                let mut rest = fields.peekable();
                while rest.peek().is_some() {
                    translations.push(link(&mut rest).ok_or_else(bad)?);
                }
                site.pages.push(SitePage {
                    place,
                    translations,
                });
            }
            "end" => return Ok(site),
            _ => {}
        }
    }
    Err(DataError::Truncated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_survives_its_file() {
        let site = Site {
            name: "Edge\twise".to_owned(),
            texts: vec![
                (
                    Lang::En,
                    SiteTexts {
                        tagline: "Notes".to_owned(),
                        description: "All\nabout it".to_owned(),
                        footer: "© 2026".to_owned(),
                    },
                ),
                (Lang::De, SiteTexts::default()),
            ],
            author: Some(Author {
                name: "Ada".to_owned(),
                url: None,
            }),
            links: vec![SiteLink {
                url: "https://social.example/@ada".to_owned(),
                me: true,
                labels: vec![
                    (Lang::En, "Mastodon".to_owned()),
                    (Lang::De, "Mastodon".to_owned()),
                ],
            }],
            posts_per_page: 10,
            posts_per_feed: 5,
            default_lang: Lang::De,
            pages: vec![SitePage {
                place: Place::Footer,
                translations: vec![
                    TranslationLink {
                        lang: Lang::En,
                        slug: "imprint".to_owned(),
                        title: "Imprint".to_owned(),
                    },
                    TranslationLink {
                        lang: Lang::De,
                        slug: "impressum".to_owned(),
                        title: "Impressum".to_owned(),
                    },
                ],
            }],
        };
        let decoded = decode_site(&encode_site(&site)).unwrap();
        assert_eq!(decoded.name, "Edge wise");
        assert_eq!(decoded.texts(Lang::En).description, "All about it");
        assert_eq!(decoded.texts(Lang::En).summary(), "All about it");
        assert_eq!(decoded.texts(Lang::En).headline(), "Notes");
        let tagline_only = SiteTexts {
            tagline: "Notes".to_owned(),
            ..SiteTexts::default()
        };
        assert_eq!(
            (tagline_only.summary(), tagline_only.headline()),
            ("Notes", "Notes")
        );
        assert_eq!(decoded.texts(Lang::De), &SiteTexts::default());
        assert_eq!(decoded.author, site.author);
        assert_eq!(decoded.links, site.links);
        assert_eq!((decoded.posts_per_page, decoded.posts_per_feed), (10, 5));
        assert_eq!(decoded.default_lang, Lang::De);
        assert_eq!(decoded.pages, site.pages);
        let imprint = &decoded.pages[0];
        assert_eq!(imprint.link(Lang::En, Lang::En).unwrap().slug, "imprint");
        let german_only = SitePage {
            translations: imprint.translations[1..].to_vec(),
            ..imprint.clone()
        };
        assert_eq!(
            german_only.link(Lang::En, Lang::En).unwrap().slug,
            "impressum"
        );
        assert_eq!(
            decode_site(&encode_site(&Site::default())),
            Ok(Site::default())
        );
    }

    #[test]
    fn a_file_cut_short_or_of_another_kind_is_an_error() {
        let text = encode_site(&Site::default());
        assert_eq!(
            decode_site(text.trim_end_matches("end\n")),
            Err(DataError::Truncated)
        );
        assert_eq!(
            decode_site("edgewise-index 2\nend\n"),
            Err(DataError::NotData)
        );
        assert_eq!(
            decode_site("edgewise-site 1\nsizes\tx\t1\nend\n"),
            Err(DataError::BadLine(2))
        );
    }
}
