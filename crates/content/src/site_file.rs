//! The site file: `site.yml` at the top of the content folder gives the
//! blog its identity, so that naming it, describing it or linking its
//! author's profiles needs no Rust. Every field is optional; an empty file
//! (or none) is a working blog.
//!
//! ```yaml
//! name: Edgewise
//! url: https://edgewise.example/        # BLOG_URL overrides it
//! tagline:                              # one text for every language, or one per language
//!   en: Notes on building software at the edge
//!   de: Notizen über Software am Rand des Netzes
//! description: { en: …, de: … }         # the indexes' <meta name="description">, the feeds' subtitle
//! footer: "© 2026 Ada Lovelace · CC BY 4.0"
//! author: { name: Ada Lovelace, url: https://ada.example/ }
//! links:
//!   - { label: Mastodon, url: "https://social.example/@ada", rel: me }
//! posts_per_page: 20                    # an index page, a tag's page
//! posts_per_feed: 20
//! default_language: en                  # for readers of other languages (x-default)
//! pages:                                # folders of content/pages/, linked from every page
//!   header: [about]
//!   footer: [impressum, privacy]
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::io;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Location};
use crate::front_matter::keys::{check_known, top_level_keys};
use crate::library::ContentRoot;
use crate::source_text::YamlFile;
use blog_model::lang::Lang;
use blog_model::site::{Author, Place, Site, SiteLink, SiteTexts};
use blog_model::site_url::SiteUrl;
use blog_model::url_kind::{UrlKind, classify_url};

/// The file's name, at the top of a content folder.
pub const FILE: &str = "site.yml";

/// The site file's fields.
pub const KNOWN: &[&str] = &[
    "name",
    "url",
    "tagline",
    "description",
    "footer",
    "author",
    "links",
    "posts_per_page",
    "posts_per_feed",
    "default_language",
    "pages",
];

/// The most posts a page or a feed may hold.
const MOST_POSTS: u32 = 100;

/// The site as its file says, and the `url` it gives (checked), if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteFile {
    /// Its `pages` are left empty: the library fills them from
    /// [`SiteFile::pages`] once it has read the page folders.
    pub site: Site,
    pub url: Option<SiteUrl>,
    /// The standalone pages to link, by their folder's name, in order.
    pub pages: Vec<PageRef>,
}

/// A page the site file links, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    /// The name of its folder in `pages/`.
    pub name: String,
    pub place: Place,
    pub at: Location,
}

/// A text for every language, or one per language.
#[derive(Deserialize)]
#[serde(untagged)]
enum PerLang {
    Same(String),
    // Untagged, so the texts' own places are not known: errors point at
    // the field.
    Each(BTreeMap<String, String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAuthor {
    name: Spanned<String>,
    #[serde(default)]
    url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    label: Spanned<PerLang>,
    url: Spanned<String>,
    #[serde(default)]
    rel: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Raw {
    name: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    tagline: Option<Spanned<PerLang>>,
    description: Option<Spanned<PerLang>>,
    footer: Option<Spanned<PerLang>>,
    author: Option<Spanned<RawAuthor>>,
    links: Vec<RawLink>,
    posts_per_page: Option<Spanned<i64>>,
    posts_per_feed: Option<Spanned<i64>>,
    default_language: Option<Spanned<String>>,
    pages: Option<RawPages>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct RawPages {
    header: Vec<Spanned<String>>,
    footer: Vec<Spanned<String>>,
}

impl SiteFile {
    /// The site file of the first root that has one (another one is an
    /// error); every problem goes to `problems`, and a field with a problem
    /// keeps its default.
    pub fn load(roots: &[ContentRoot], problems: &mut Vec<Diagnostic>) -> SiteFile {
        let mut found: Option<(String, SiteFile)> = None;
        for root in roots {
            let shown = format!("{}/{FILE}", root.shown);
            let text = match fs::read_to_string(root.path.join(FILE)) {
                Ok(text) => text,
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => {
                    problems.push(Diagnostic::error(
                        Location::path(&shown),
                        format!("cannot read the file: {err}"),
                    ));
                    continue;
                }
            };
            if let Some((first, _)) = &found {
                problems.push(
                    Diagnostic::error(
                        Location::path(&shown),
                        format!("the site is described already by {first}"),
                    )
                    .help("keep one site file, in the first content folder"),
                );
                continue;
            }
            let site = parse(&shown, &text, problems);
            found = Some((shown, site));
        }
        found.map(|(_, site)| site).unwrap_or_default()
    }
}

/// The site file `text`, shown as `shown`.
pub fn parse(shown: &str, text: &str, problems: &mut Vec<Diagnostic>) -> SiteFile {
    let yaml = YamlFile::new(shown, text);
    let at = |location: &serde_saphyr::Location| yaml.at(location);
    let mut file = SiteFile::default();
    let unknown = check_known(
        shown,
        &top_level_keys(text, 1),
        KNOWN,
        "field of the site file",
    );
    if !unknown.is_empty() {
        problems.extend(unknown);
        return file;
    }
    if text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    }) {
        return file;
    }
    let raw: Raw = match serde_saphyr::from_str(text) {
        Ok(raw) => raw,
        Err(err) => {
            problems.push(
                yaml.error(&err, "site file")
                    .help("see the example at the top of docs/writing.md, \"The site file\""),
            );
            return file;
        }
    };
    let site = &mut file.site;
    if let Some(name) = raw.name {
        if name.value.trim().is_empty() {
            problems.push(
                Diagnostic::error(at(&name.referenced), "the blog's `name` is empty")
                    .help("name the blog, or leave the field out"),
            );
        } else {
            site.name = name.value.trim().to_owned();
        }
    }
    if let Some(url) = raw.url {
        match SiteUrl::parse(&url.value) {
            // `.ci/site-url` reads it from its line, without YAML.
            Ok(_) if url_line(text) != Some(url.value.as_str()) => problems.push(
                Diagnostic::error(
                    at(&url.referenced),
                    "`url` must be written on one line of its own, as `url: https://…`",
                )
                .help("the build reads it without a YAML parser: `url: https://example.org/` at the start of a line"),
            ),
            Ok(parsed) => file.url = Some(parsed),
            Err(err) => problems.push(
                Diagnostic::error(at(&url.referenced), format!("`url`: {err}"))
                    .help("the address the blog is served at, e.g. `https://example.org/` or `https://example.org/blog/`"),
            ),
        }
    }
    let mut per_lang = |name: &str, value: Option<Spanned<PerLang>>| -> Vec<(Lang, String)> {
        let Some(value) = value else {
            return Vec::new();
        };
        match value.value {
            PerLang::Same(text) => Lang::ALL
                .into_iter()
                .map(|lang| (lang, text.clone()))
                .collect(),
            PerLang::Each(texts) => {
                let mut out = Vec::new();
                for (code, text) in texts {
                    match Lang::from_code(&code) {
                        Some(lang) => out.push((lang, text)),
                        None => problems.push(
                            Diagnostic::error(
                                at(&value.referenced),
                                format!("`{name}` has a text for `{code}`, which is no language of the blog"),
                            )
                            .help(languages()),
                        ),
                    }
                }
                out
            }
        }
    };
    let taglines = per_lang("tagline", raw.tagline);
    let descriptions = per_lang("description", raw.description);
    let footers = per_lang("footer", raw.footer);
    let mut links = Vec::new();
    for link in raw.links {
        let labels = per_lang("links.label", Some(link.label));
        links.push((labels, link.url, link.rel));
    }
    let pick = |texts: &[(Lang, String)], lang: Lang| {
        texts
            .iter()
            .find(|(text_lang, _)| *text_lang == lang)
            .map(|(_, text)| text.trim().to_owned())
            .unwrap_or_default()
    };
    site.texts = Lang::ALL
        .into_iter()
        .map(|lang| {
            let texts = SiteTexts {
                tagline: pick(&taglines, lang),
                description: pick(&descriptions, lang),
                footer: pick(&footers, lang),
            };
            (lang, texts)
        })
        .collect();
    if let Some(author) = raw.author {
        let RawAuthor { name, url } = author.value;
        if name.value.trim().is_empty() {
            problems.push(
                Diagnostic::error(at(&name.referenced), "the author's `name` is empty")
                    .help("give the author's name, or leave `author` out"),
            );
        } else {
            let url = url.and_then(|url| web_url(&url, "author.url", &at, problems));
            site.author = Some(Author {
                name: name.value.trim().to_owned(),
                url,
            });
        }
    }
    for (labels, url, rel) in links {
        let me = match rel {
            None => false,
            Some(rel) if rel.value == "me" => true,
            Some(rel) => {
                problems.push(
                    Diagnostic::error(
                        at(&rel.referenced),
                        format!("a link's `rel` is `{}`; only `me` is known", rel.value),
                    )
                    .help("`rel: me` marks a profile of the author's (Mastodon verifies it); else leave `rel` out"),
                );
                false
            }
        };
        let place = at(&url.referenced);
        let Some(url) = web_url(&url, "links.url", &at, problems) else {
            continue;
        };
        if labels.iter().all(|(_, label)| label.trim().is_empty()) {
            problems.push(
                Diagnostic::error(place, format!("the link to {url} has no label"))
                    .help("give it a `label`, e.g. `label: Mastodon`"),
            );
            continue;
        }
        let labels = Lang::ALL
            .into_iter()
            .map(|lang| {
                let label = pick(&labels, lang);
                let label = if label.is_empty() {
                    // The other language's, rather than none.
                    labels
                        .first()
                        .map(|(_, label)| label.trim().to_owned())
                        .unwrap_or_default()
                } else {
                    label
                };
                (lang, label)
            })
            .collect();
        site.links.push(SiteLink { url, me, labels });
    }
    for (name, value, target) in [
        (
            "posts_per_page",
            raw.posts_per_page,
            &mut site.posts_per_page,
        ),
        (
            "posts_per_feed",
            raw.posts_per_feed,
            &mut site.posts_per_feed,
        ),
    ] {
        let Some(value) = value else { continue };
        match u32::try_from(value.value) {
            Ok(count) if (1..=MOST_POSTS).contains(&count) => *target = count,
            _ => problems.push(
                Diagnostic::error(
                    at(&value.referenced),
                    format!(
                        "`{name}` is {}; it must be from 1 to {MOST_POSTS}",
                        value.value
                    ),
                )
                .help("20 is the default"),
            ),
        }
    }
    if let Some(code) = raw.default_language {
        match Lang::from_code(code.value.trim()) {
            Some(lang) => site.default_lang = lang,
            None => problems.push(
                Diagnostic::error(
                    at(&code.referenced),
                    format!(
                        "`default_language` is `{}`, which is no language of the blog",
                        code.value
                    ),
                )
                .help(languages()),
            ),
        }
    }
    let pages = raw.pages.unwrap_or_default();
    for (place, names) in [(Place::Header, pages.header), (Place::Footer, pages.footer)] {
        for name in names {
            let at = at(&name.referenced);
            let name = name.value.trim().to_owned();
            if file.pages.iter().any(|page| page.name == name) {
                problems.push(
                    Diagnostic::error(at, format!("the page `{name}` is linked twice"))
                        .help("link each page once, from the header or the footer"),
                );
                continue;
            }
            file.pages.push(PageRef { name, place, at });
        }
    }
    file
}

/// The value of a `url:` line at the top level, as `.ci/site-url` reads it:
/// without quotes and a trailing comment.
fn url_line(text: &str) -> Option<&str> {
    text.lines().find_map(|line| {
        let value = line.strip_prefix("url:")?.trim();
        let value = match value.find(" #") {
            Some(comment) => value[..comment].trim_end(),
            None => value,
        };
        Some(value.trim_matches(|ch| ch == '"' || ch == '\''))
    })
}

/// `url` if it is an address on the web (`http`, `https`, or `mailto`).
fn web_url(
    url: &Spanned<String>,
    name: &str,
    at: &dyn Fn(&serde_saphyr::Location) -> Location,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let value = url.value.trim();
    match classify_url(value) {
        UrlKind::External | UrlKind::Mail if !value.starts_with("//") => Some(value.to_owned()),
        _ => {
            problems.push(
                Diagnostic::error(
                    at(&url.referenced),
                    format!("`{name}` is `{value}`, not an address on the web"),
                )
                .help("write a whole address: `https://…` (or `mailto:…`)"),
            );
            None
        }
    }
}

fn languages() -> String {
    let known: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
    format!("the languages are {}", known.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (SiteFile, Vec<String>) {
        let mut problems = Vec::new();
        let file = parse("content/site.yml", text, &mut problems);
        (file, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn an_empty_file_is_the_default_site() {
        for text in ["", "\n", "# nothing yet\n"] {
            let (file, problems) = parsed(text);
            assert_eq!(file, SiteFile::default(), "{text:?}");
            assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn every_field_is_read() {
        let (file, problems) = parsed(
            "name: Edgewise\nurl: https://edgewise.example/blog/\ntagline:\n  en: Notes\n  de: Notizen\ndescription: Both\nfooter: \"© 2026\"\nauthor: { name: Ada, url: https://ada.example/ }\nlinks:\n  - { label: Mastodon, url: \"https://social.example/@ada\", rel: me }\n  - label: { en: Code, de: Quelltext }\n    url: https://git.example/ada\nposts_per_page: 10\nposts_per_feed: 5\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let site = &file.site;
        assert_eq!(site.name, "Edgewise");
        assert_eq!(file.url.unwrap().base, "/blog/");
        assert_eq!(site.texts(Lang::De).tagline, "Notizen");
        assert_eq!(site.texts(Lang::De).description, "Both");
        assert_eq!(site.texts(Lang::En).footer, "© 2026");
        assert_eq!(
            site.author.as_ref().unwrap().url.as_deref(),
            Some("https://ada.example/")
        );
        assert!(site.links[0].me && !site.links[1].me);
        assert_eq!(site.links[1].label(Lang::De), "Quelltext");
        assert_eq!((site.posts_per_page, site.posts_per_feed), (10, 5));
    }

    #[test]
    fn bad_values_are_errors_at_their_place() {
        let (file, problems) = parsed("nmae: Edgewise\n");
        assert_eq!(file, SiteFile::default());
        assert_eq!(
            problems,
            [
                "content/site.yml:1:1: error: unknown field of the site file `nmae`\n  help: did you mean `name`?"
            ]
        );
        let (file, problems) = parsed(
            "name: \" \"\nurl: ftp://x\ntagline: { en: A, fr: B }\nauthor: { name: Ada, url: \"javascript:alert(1)\" }\nlinks:\n  - { label: X, url: https://x.example/, rel: nofollow }\n  - { label: \"\", url: https://y.example/ }\nposts_per_page: 0\n",
        );
        assert_eq!(file.site.name, "Blog");
        let starts: Vec<&str> = problems
            .iter()
            .map(|p| p.split(": error").next().unwrap())
            .collect();
        assert_eq!(
            starts,
            [
                "content/site.yml:1:7",
                "content/site.yml:2:6",
                "content/site.yml:3:10",
                "content/site.yml:4:27",
                "content/site.yml:6:47",
                "content/site.yml:7:23",
                "content/site.yml:8:17",
            ],
            "{problems:#?}"
        );
        assert!(problems[2].contains("`fr`"), "{}", problems[2]);
        assert!(problems[4].contains("only `me`"), "{}", problems[4]);
        assert!(problems[6].contains("from 1 to 100"), "{}", problems[6]);
        let (file, problems) = parsed("url: \"https://a.example/blog/\"  # where\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(file.url.unwrap().url, "https://a.example/blog/");
        let (_, problems) = parsed("url:\n  https://a.example/\n");
        assert!(problems[0].contains("one line"), "{problems:?}");
        let (_, problems) = parsed("author: { name: Ada, mail: a@example.org }\n");
        assert!(problems[0].contains("mail"), "{problems:?}");
    }

    #[test]
    fn the_default_language_and_the_linked_pages_are_read_in_order() {
        let (file, problems) = parsed(
            "default_language: de\npages:\n  header: [about]\n  footer: [impressum, privacy]\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(file.site.default_lang, Lang::De);
        let pages: Vec<(&str, Place, Option<usize>, Option<usize>)> = file
            .pages
            .iter()
            .map(|page| (page.name.as_str(), page.place, page.at.line, page.at.column))
            .collect();
        assert_eq!(
            pages,
            [
                ("about", Place::Header, Some(3), Some(12)),
                ("impressum", Place::Footer, Some(4), Some(12)),
                ("privacy", Place::Footer, Some(4), Some(23)),
            ]
        );
        let (file, problems) = parsed(
            "default_language: fr\npages:\n  header: [about]\n  footer: [about]\n  side: [x]\n",
        );
        assert_eq!(file.site.default_lang, Lang::DEFAULT);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].contains("side"), "{problems:#?}");
        let (file, problems) =
            parsed("default_language: fr\npages:\n  header: [about]\n  footer: [about]\n");
        assert_eq!(file.pages.len(), 1);
        assert!(
            problems[0].starts_with("content/site.yml:1:19: error: `default_language` is `fr`"),
            "{problems:#?}"
        );
        assert!(
            problems[1]
                .starts_with("content/site.yml:4:12: error: the page `about` is linked twice"),
            "{problems:#?}"
        );
    }
}
