//! Which page a URL shows. The router matches the paths; this decides what
//! the matched segments mean, and what the language switcher offers there.

use blog_model::data::{self, TranslationLink};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::site;
use blog_model::lang::Lang;
use blog_model::slug::is_slug;

/// A language's own pages. A trait because [`Lang`] belongs to the model
/// library, which knows nothing of where the app serves them.
pub trait LangPages {
    /// The path of this language's index page, e.g. `/de/` (under the
    /// blog's base path).
    fn index_path(self) -> String;

    /// The path of this language's Atom feed, e.g. `/de/feed.xml`.
    fn feed_path(self) -> String;

    /// The path of this language's list of tags, e.g. `/de/tags/`.
    fn tags_path(self) -> String;

    /// The path of this language's search page, e.g. `/de/search/`.
    fn search_path(self) -> String;
}

impl LangPages for Lang {
    fn index_path(self) -> String {
        site::path(&format!("{}/", self.code()))
    }

    fn feed_path(self) -> String {
        site::path(&format!("{}/feed.xml", self.code()))
    }

    fn tags_path(self) -> String {
        site::path(&format!("{}/tags/", self.code()))
    }

    fn search_path(self) -> String {
        site::path(&format!("{}/search/", self.code()))
    }
}

/// A page of the blog, as its URL names it. Whether a post or an index page
/// exists is known once its data file has loaded (see `data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// `/`: sends the reader on to their language.
    Root,
    /// `/<lang>/` (page 1) and `/<lang>/page/<n>/`: the posts in a language.
    Index { lang: Lang, number: u32 },
    /// `/<lang>/<slug>/`: one post in one language.
    Post { lang: Lang, slug: String },
    /// `/<lang>/tags/`: every tag of a language's posts.
    Tags { lang: Lang },
    /// `/<lang>/search/`: search, which needs JavaScript; the tags meanwhile.
    Search { lang: Lang },
    /// `/<lang>/tags/<slug>/` (page 1) and `/<lang>/tags/<slug>/page/<n>/`:
    /// the posts with one tag.
    Tag {
        lang: Lang,
        slug: String,
        number: u32,
    },
    /// Anything else, in the language the path names, else the default.
    NotFound(Lang),
}

impl Page {
    /// The page at a URL path such as `/de/some-slug/` (under the blog's
    /// base path; anything outside it is not found).
    pub fn from_path(path: &str) -> Page {
        let Some(relative) = site::strip_base(path) else {
            return Page::NotFound(site::identity().default_lang);
        };
        // A static host serves `/en/` from `/en/index.html`, by that name too.
        let relative = match relative.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
            _ => relative,
        };
        let mut segments: Vec<&str> = relative.split('/').collect();
        if segments.len() > 1 && segments.last() == Some(&"") {
            segments.pop();
        }
        let Some(lang) = segments.first().and_then(|code| Lang::from_code(code)) else {
            return match segments.as_slice() {
                [] | [""] => Page::Root,
                _ => Page::NotFound(site::identity().default_lang),
            };
        };
        // One address a page: not `page/1/` (that is the first), nor `page/02/`.
        let page_number = |text: &str| {
            text.parse::<u32>()
                .ok()
                .filter(|&number| number > 1 && number.to_string() == text)
        };
        match segments[1..] {
            [] => Page::Index { lang, number: 1 },
            ["page", text] => match page_number(text) {
                Some(number) => Page::Index { lang, number },
                None => Page::NotFound(lang),
            },
            ["tags"] => Page::Tags { lang },
            ["search"] => Page::Search { lang },
            ["tags", slug] if is_slug(slug) => Page::Tag {
                lang,
                slug: slug.to_owned(),
                number: 1,
            },
            ["tags", slug, "page", text] if is_slug(slug) => match page_number(text) {
                Some(number) => Page::Tag {
                    lang,
                    slug: slug.to_owned(),
                    number,
                },
                None => Page::NotFound(lang),
            },
            // Only what could be a slug is looked up.
            [slug] if is_slug(slug) => Page::Post {
                lang,
                slug: slug.to_owned(),
            },
            _ => Page::NotFound(lang),
        }
    }

    /// The page's own path (its canonical URL's), e.g. `/de/`; a 404 has none.
    pub fn path(&self) -> Option<String> {
        match self {
            Page::Root => Some(site::path("")),
            Page::Index { lang, number } => Some(index_page_path(*lang, *number)),
            Page::Post { lang, slug } => Some(post_path(*lang, slug)),
            Page::Tags { lang } => Some(lang.tags_path()),
            Page::Search { lang } => Some(lang.search_path()),
            Page::Tag { lang, slug, number } => Some(tag_page_path(*lang, slug, *number)),
            Page::NotFound(_) => None,
        }
    }

    /// The data file the page shows, from the site's root; `/` and a 404
    /// have none.
    pub fn data_url(&self) -> Option<String> {
        match self {
            Page::Index { lang, number } => Some(site::path(&data::index_file(*lang, *number))),
            Page::Post { lang, slug } => Some(site::path(&data::post_file(*lang, slug))),
            // The search page lists the tags, for readers without JavaScript.
            Page::Tags { lang } | Page::Search { lang } => {
                Some(site::path(&data::tags_file(*lang)))
            }
            Page::Tag { lang, slug, number } => {
                Some(site::path(&data::tag_file(*lang, slug, *number)))
            }
            Page::Root | Page::NotFound(_) => None,
        }
    }

    /// The same page in every language it exists in, this one included, as
    /// (`hreflang`, path), then `x-default` for readers of any other
    /// language: `/` for `/` and the first index pages, the `default`
    /// language's (the site file's) list of tags for the lists of tags,
    /// the default translation for a post or the first page of a tag (whose
    /// `translations` its data names). The page's head and the sitemap
    /// both name these.
    pub fn alternates(
        &self,
        translations: Option<&[TranslationLink]>,
        default: Lang,
    ) -> Vec<(&'static str, String)> {
        match (self, translations) {
            (Page::Root | Page::Index { number: 1, .. }, _) => Lang::ALL
                .into_iter()
                .map(|lang| (lang.code(), lang.index_path()))
                .chain([("x-default", site::path(""))])
                .collect(),
            (Page::Tags { .. }, _) => Lang::ALL
                .into_iter()
                .map(|lang| (lang.code(), lang.tags_path()))
                .chain([("x-default", default.tags_path())])
                .collect(),
            (Page::Search { .. }, _) => Lang::ALL
                .into_iter()
                .map(|lang| (lang.code(), lang.search_path()))
                .chain([("x-default", default.search_path())])
                .collect(),
            (Page::Post { .. } | Page::Tag { number: 1, .. }, Some(translations)) => {
                let path = |link: &TranslationLink| self.in_other(link.lang, &link.slug);
                translations
                    .iter()
                    .map(|link| (link.lang.code(), path(link)))
                    .chain(
                        data::default_translation(translations, default)
                            .map(|link| ("x-default", path(link))),
                    )
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// The language the page is shown in: for `/` (which offers both) the
    /// site file's default language.
    pub fn lang(&self) -> Lang {
        match self {
            Page::Root => site::identity().default_lang,
            Page::Index { lang, .. }
            | Page::Post { lang, .. }
            | Page::Tags { lang }
            | Page::Search { lang }
            | Page::Tag { lang, .. }
            | Page::NotFound(lang) => *lang,
        }
    }

    /// Where the switcher's link to `target` leads from this page; on a
    /// post or a tag's page, `translations` (lang, slug) says where its
    /// translations are (while they are not known, the link leads to the
    /// language's index, or its list of tags).
    pub fn switch_to(&self, target: Lang, translations: Option<&[TranslationLink]>) -> Switch {
        let elsewhere = match self {
            Page::Tags { .. } | Page::Tag { .. } => target.tags_path(),
            Page::Search { .. } => target.search_path(),
            _ => target.index_path(),
        };
        match (self, translations) {
            (Page::Post { .. } | Page::Tag { .. }, Some(translations)) => {
                match translations.iter().find(|link| link.lang == target) {
                    Some(link) => Switch::Translated(self.in_other(target, &link.slug)),
                    None => Switch::Untranslated(elsewhere),
                }
            }
            _ => Switch::Translated(elsewhere),
        }
    }

    /// The path of this post, or the first page of this tag, in `lang`,
    /// where it has `slug`.
    fn in_other(&self, lang: Lang, slug: &str) -> String {
        match self {
            Page::Tag { .. } => tag_page_path(lang, slug, 1),
            _ => post_path(lang, slug),
        }
    }
}

/// The page of a translation, e.g. `/en/the-rise-of-serverless-edge-computing/`
/// (under the blog's base path). It ends in `/` because the page is a
/// folder's `index.html` on a static host.
pub fn post_path(lang: Lang, slug: &str) -> String {
    site::path(&format!("{}/{slug}/", lang.code()))
}

/// A page of a language's index: `/de/` for the first, `/de/page/2/` after.
pub fn index_page_path(lang: Lang, number: u32) -> String {
    if number <= 1 {
        lang.index_path()
    } else {
        site::path(&format!("{}/page/{number}/", lang.code()))
    }
}

/// A page of a tag's listing: `/de/tags/sicherheit/` for the first,
/// `/de/tags/sicherheit/page/2/` after.
pub fn tag_page_path(lang: Lang, slug: &str, number: u32) -> String {
    if number <= 1 {
        site::path(&format!("{}/tags/{slug}/", lang.code()))
    } else {
        site::path(&format!("{}/tags/{slug}/page/{number}/", lang.code()))
    }
}

/// The Atom feed of `lang`'s tag `slug`: `/de/tags/sicherheit/feed.xml`.
pub fn tag_feed_path(lang: Lang, slug: &str) -> String {
    site::path(&format!("{}/tags/{slug}/feed.xml", lang.code()))
}

/// The page at the current URL, as the router sees it (the browser's
/// location, or the path being pre-rendered): the one place every component
/// learns which page it is on.
pub fn use_current_page() -> Memo<Page> {
    let location = use_location();
    Memo::new(move |_| Page::from_path(&location.pathname.get()))
}

/// A language switcher link's destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Switch {
    /// The same page in the other language.
    Translated(String),
    /// The other language's index, since this post has no translation.
    Untranslated(String),
}

impl Switch {
    pub fn href(&self) -> &str {
        match self {
            Switch::Translated(href) | Switch::Untranslated(href) => href,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN_SLUG: &str = "the-rise-of-serverless-edge-computing";
    const DE_SLUG: &str = "der-aufstieg-des-serverless-edge-computing";

    fn post(lang: Lang, slug: &str) -> Page {
        Page::Post {
            lang,
            slug: slug.to_owned(),
        }
    }

    fn index(lang: Lang, number: u32) -> Page {
        Page::Index { lang, number }
    }

    #[test]
    fn paths_map_to_pages() {
        let at = |path: &str| Page::from_path(&site::path(path));
        assert_eq!(at(""), Page::Root);
        assert_eq!(at("de"), index(Lang::De, 1));
        assert_eq!(at("de/"), index(Lang::De, 1));
        assert_eq!(at(&format!("en/{EN_SLUG}")), post(Lang::En, EN_SLUG));
        assert_eq!(at(&format!("en/{EN_SLUG}/")), post(Lang::En, EN_SLUG));
        assert_eq!(Page::from_path(site::router_base()), Page::Root);
        assert_eq!(at("index.html"), Page::Root);
        assert_eq!(at("enindex.html"), Page::NotFound(Lang::En));
        assert_eq!(
            at(&format!("en/{EN_SLUG}index.html")),
            Page::NotFound(Lang::En)
        );
        assert_eq!(at("de/index.html"), index(Lang::De, 1));
        assert_eq!(
            at(&format!("en/{EN_SLUG}/index.html")),
            post(Lang::En, EN_SLUG)
        );
    }

    #[test]
    fn index_pages_after_the_first_have_one_address_each() {
        let at = |path: &str| Page::from_path(&site::path(path));
        assert_eq!(at("en/page/2/"), index(Lang::En, 2));
        assert_eq!(at("de/page/12"), index(Lang::De, 12));
        assert_eq!(at("de/page/3/index.html"), index(Lang::De, 3));
        for other in [
            "en/page/1/",
            "en/page/0/",
            "en/page/02/",
            "en/page/x/",
            "en/page/2/x",
        ] {
            assert_eq!(at(other), Page::NotFound(Lang::En), "{other}");
        }
        assert_eq!(index(Lang::De, 2).path(), Some(site::path("de/page/2/")));
        assert_eq!(index(Lang::De, 1).path(), Some(site::path("de/")));
        assert_eq!(
            index(Lang::De, 2).data_url(),
            Some(site::path("data/de/page/2.txt"))
        );
    }

    #[test]
    fn unknown_paths_are_not_found_in_the_language_they_name() {
        let at = |path: &str| Page::from_path(&site::path(path));
        assert_eq!(at("fr/"), Page::NotFound(Lang::En));
        assert_eq!(at("anything"), Page::NotFound(Lang::En));
        assert_eq!(at("de/a/b"), Page::NotFound(Lang::De));
        // Only a slug is looked up: nothing else reaches a data file's path.
        assert_eq!(at("de/..%2F..%2Fx"), Page::NotFound(Lang::De));
        assert_eq!(at("de/Not-A-Slug"), Page::NotFound(Lang::De));
        assert_eq!(Page::NotFound(Lang::De).data_url(), None);
        if site::BASE != "/" {
            assert_eq!(Page::from_path("/en/"), Page::NotFound(Lang::En));
        }
    }

    #[test]
    fn alternates_name_every_language_and_a_default() {
        let first = index(Lang::De, 1).alternates(None, Lang::En);
        assert_eq!(
            first,
            vec![
                ("en", site::path("en/")),
                ("de", site::path("de/")),
                ("x-default", site::path("")),
            ]
        );
        assert_eq!(Page::Root.alternates(None, Lang::En), first);
        // The site file's default language is the one for everyone else.
        let tags = Page::Tags { lang: Lang::En }.alternates(None, Lang::De);
        assert_eq!(tags.last(), Some(&("x-default", site::path("de/tags/"))));
        assert_eq!(index(Lang::De, 2).alternates(None, Lang::En), vec![]);
        // As the post's data names them: every translation, in `Lang::ALL` order.
        let translations = [link(Lang::En, EN_SLUG), link(Lang::De, DE_SLUG)];
        assert_eq!(
            post(Lang::De, DE_SLUG).alternates(Some(&translations), Lang::En),
            vec![
                ("en", site::path(&format!("en/{EN_SLUG}/"))),
                ("de", site::path(&format!("de/{DE_SLUG}/"))),
                ("x-default", site::path(&format!("en/{EN_SLUG}/"))),
            ]
        );
        let german_first = post(Lang::En, EN_SLUG).alternates(Some(&translations), Lang::De);
        assert_eq!(
            german_first.last(),
            Some(&("x-default", site::path(&format!("de/{DE_SLUG}/"))))
        );
        assert_eq!(Page::NotFound(Lang::De).alternates(None, Lang::En), vec![]);
        assert_eq!(Page::NotFound(Lang::De).path(), None);
    }

    fn link(lang: Lang, slug: &str) -> TranslationLink {
        TranslationLink {
            lang,
            slug: slug.to_owned(),
            title: String::new(),
        }
    }

    #[test]
    fn the_root_and_pages_outside_a_language_speak_the_site_files_default() {
        use blog_model::site::Site;
        use leptos::prelude::Owner;
        let owner = Owner::new();
        owner.with(|| {
            assert_eq!(Page::Root.lang(), Lang::En);
            crate::site::provide_identity(std::sync::Arc::new(Site {
                default_lang: Lang::De,
                ..Site::default()
            }));
            assert_eq!(Page::Root.lang(), Lang::De);
            assert_eq!(
                Page::from_path(&site::path("nowhere/")),
                Page::NotFound(Lang::De)
            );
            assert_eq!(
                Page::from_path(&site::path("en/nowhere/deeper/")),
                Page::NotFound(Lang::En)
            );
        });
    }

    #[test]
    fn switching_on_a_post_leads_to_its_translation() {
        let page = post(Lang::En, EN_SLUG);
        // As the post's data names them.
        let translations = [link(Lang::En, EN_SLUG), link(Lang::De, DE_SLUG)];
        let article = Some(translations.as_slice());
        assert_eq!(page.lang(), Lang::En);
        assert_eq!(
            page.switch_to(Lang::De, article),
            Switch::Translated(site::path(&format!("de/{DE_SLUG}/")))
        );
        assert_eq!(
            page.switch_to(Lang::En, article),
            Switch::Translated(site::path(&format!("en/{EN_SLUG}/")))
        );
        // While the post loads, the switcher leads to the indexes.
        assert_eq!(
            page.switch_to(Lang::De, None),
            Switch::Translated(site::path("de/"))
        );
    }

    #[test]
    fn switching_on_an_untranslated_post_leads_to_the_other_index() {
        let only_english = [link(Lang::En, EN_SLUG)];
        let page = post(Lang::En, EN_SLUG);
        assert_eq!(
            page.switch_to(Lang::De, Some(&only_english)),
            Switch::Untranslated(site::path("de/"))
        );
        assert_eq!(
            page.switch_to(Lang::En, Some(&only_english)),
            Switch::Translated(site::path(&format!("en/{EN_SLUG}/")))
        );
    }

    fn tag(lang: Lang, slug: &str, number: u32) -> Page {
        Page::Tag {
            lang,
            slug: slug.to_owned(),
            number,
        }
    }

    #[test]
    fn tag_pages_have_one_address_each() {
        let at = |path: &str| Page::from_path(&site::path(path));
        assert_eq!(at("de/tags/"), Page::Tags { lang: Lang::De });
        assert_eq!(at("de/tags/index.html"), Page::Tags { lang: Lang::De });
        assert_eq!(at("en/tags/security/"), tag(Lang::En, "security", 1));
        assert_eq!(at("en/tags/security/page/3/"), tag(Lang::En, "security", 3));
        for other in [
            "en/tags/security/page/1/",
            "en/tags/security/page/03/",
            "en/tags/Security/",
            "en/tags/security/x/",
        ] {
            assert_eq!(at(other), Page::NotFound(Lang::En), "{other}");
        }
        let page = tag(Lang::De, "sicherheit", 2);
        assert_eq!(page.path(), Some(site::path("de/tags/sicherheit/page/2/")));
        assert_eq!(
            page.data_url(),
            Some(site::path("data/de/tag/sicherheit/2.txt"))
        );
        assert_eq!(
            Page::Tags { lang: Lang::En }.data_url(),
            Some(site::path("data/en/tags.txt"))
        );
    }

    #[test]
    fn a_tag_switches_and_alternates_to_the_same_tag() {
        let translations = [link(Lang::En, "security"), link(Lang::De, "sicherheit")];
        let page = tag(Lang::En, "security", 1);
        assert_eq!(
            page.switch_to(Lang::De, Some(&translations)),
            Switch::Translated(site::path("de/tags/sicherheit/"))
        );
        assert_eq!(
            page.alternates(Some(&translations), Lang::En),
            vec![
                ("en", site::path("en/tags/security/")),
                ("de", site::path("de/tags/sicherheit/")),
                ("x-default", site::path("en/tags/security/")),
            ]
        );
        // A tag without German posts leads to the German tags.
        assert_eq!(
            page.switch_to(Lang::De, Some(&translations[..1])),
            Switch::Untranslated(site::path("de/tags/"))
        );
        assert_eq!(
            tag(Lang::En, "security", 2).switch_to(Lang::De, Some(&translations)),
            Switch::Translated(site::path("de/tags/sicherheit/"))
        );
        assert_eq!(
            tag(Lang::En, "security", 2).alternates(Some(&translations), Lang::En),
            vec![]
        );
        assert_eq!(
            Page::Tags { lang: Lang::De }.switch_to(Lang::En, None),
            Switch::Translated(site::path("en/tags/"))
        );
    }

    #[test]
    fn switching_elsewhere_leads_to_the_language_index() {
        assert_eq!(
            index(Lang::En, 3).switch_to(Lang::De, None),
            Switch::Translated(site::path("de/"))
        );
        assert_eq!(
            Page::NotFound(Lang::De).switch_to(Lang::En, None).href(),
            site::path("en/")
        );
    }
}
