//! Which page a URL shows. The router matches the paths; this decides what
//! the matched segments mean, and what the language switcher offers there.

use crate::content::{self, Post, Translation};
use crate::lang::Lang;
use crate::site;

/// A language's own pages. A trait because [`Lang`] belongs to the content
/// library, which knows nothing of where the app serves them.
pub trait LangPages {
    /// The path of this language's index page, e.g. `/de/` (under the
    /// blog's base path).
    fn index_path(self) -> String;

    /// The path of this language's Atom feed, e.g. `/de/feed.xml`.
    fn feed_path(self) -> String;
}

impl LangPages for Lang {
    fn index_path(self) -> String {
        site::path(&format!("{}/", self.code()))
    }

    fn feed_path(self) -> String {
        site::path(&format!("{}/feed.xml", self.code()))
    }
}

/// A page of the blog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`: sends the reader on to their language.
    Root,
    /// `/<lang>/`: the posts in a language.
    Index(Lang),
    /// `/<lang>/<slug>`: one post in one language.
    Post {
        post: &'static Post,
        translation: &'static Translation,
    },
    /// Anything else, in the language the path names, else the default.
    NotFound(Lang),
}

impl Page {
    /// The page for a language segment and an optional slug segment.
    pub fn from_segments(lang: &str, slug: Option<&str>) -> Page {
        let Some(lang) = Lang::from_code(lang) else {
            return Page::NotFound(Lang::DEFAULT);
        };
        match slug {
            None | Some("") => Page::Index(lang),
            Some(slug) => {
                content::find(lang, slug).map_or(Page::NotFound(lang), |(post, translation)| {
                    Page::Post { post, translation }
                })
            }
        }
    }

    /// The page at a URL path such as `/de/some-slug/` (under the blog's
    /// base path; anything outside it is not found).
    pub fn from_path(path: &str) -> Page {
        let Some(relative) = site::strip_base(path) else {
            return Page::NotFound(Lang::DEFAULT);
        };
        // A static host serves `/en/` from `/en/index.html`, by that name too.
        let relative = match relative.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
            _ => relative,
        };
        let segments: Vec<&str> = relative.split('/').collect();
        match segments.as_slice() {
            [""] => Page::Root,
            [lang] | [lang, ""] => Page::from_segments(lang, None),
            [lang, slug] | [lang, slug, ""] => Page::from_segments(lang, Some(slug)),
            [lang, ..] => match Page::from_segments(lang, None) {
                Page::Index(lang) => Page::NotFound(lang),
                other => other,
            },
            [] => Page::Root,
        }
    }

    /// Every page at a path of its own: `/`, each language's index, and each
    /// translation of each post.
    pub fn all() -> Vec<Page> {
        let mut pages = vec![Page::Root];
        pages.extend(Lang::ALL.map(Page::Index));
        pages.extend(content::posts().iter().flat_map(|post| {
            post.translations
                .iter()
                .map(move |translation| Page::Post { post, translation })
        }));
        pages
    }

    /// The page's own path (its canonical URL's), e.g. `/de/`; a 404 has none.
    pub fn path(self) -> Option<String> {
        match self {
            Page::Root => Some(site::path("")),
            Page::Index(lang) => Some(lang.index_path()),
            Page::Post { translation, .. } => Some(translation.path()),
            Page::NotFound(_) => None,
        }
    }

    /// The same page in every language it exists in, this one included, as
    /// (`hreflang`, path), then `x-default` for readers of any other
    /// language: `/` for `/` and the indexes, the default translation for a
    /// post. The page's head and the sitemap both name these.
    pub fn alternates(self) -> Vec<(&'static str, String)> {
        match self {
            Page::Root | Page::Index(_) => Lang::ALL
                .into_iter()
                .map(|lang| (lang.code(), lang.index_path()))
                .chain([("x-default", site::path(""))])
                .collect(),
            Page::Post { post, .. } => post
                .translations
                .iter()
                .map(|translation| (translation.lang.code(), translation.path()))
                .chain(
                    post.default_translation()
                        .map(|translation| ("x-default", translation.path())),
                )
                .collect(),
            Page::NotFound(_) => Vec::new(),
        }
    }

    /// The language the page is shown in.
    pub fn lang(self) -> Lang {
        match self {
            Page::Root => Lang::DEFAULT,
            Page::Index(lang) | Page::NotFound(lang) => lang,
            Page::Post { translation, .. } => translation.lang,
        }
    }

    /// Where the switcher's link to `target` leads from this page.
    pub fn switch_to(self, target: Lang) -> Switch {
        match self {
            Page::Post { post, .. } => match post.translation(target) {
                Some(translation) => Switch::Translated(translation.path()),
                None => Switch::Untranslated(target.index_path()),
            },
            Page::Root | Page::Index(_) | Page::NotFound(_) => {
                Switch::Translated(target.index_path())
            }
        }
    }
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

    #[test]
    fn paths_map_to_pages() {
        assert_eq!(Page::from_path(&site::path("")), Page::Root);
        assert_eq!(Page::from_path(&site::path("de")), Page::Index(Lang::De));
        assert_eq!(Page::from_path(&site::path("de/")), Page::Index(Lang::De));
        assert!(matches!(
            Page::from_path(&site::path(&format!("en/{EN_SLUG}"))),
            Page::Post { .. }
        ));
        assert!(matches!(
            Page::from_path(&site::path(&format!("en/{EN_SLUG}/"))),
            Page::Post { .. }
        ));
        assert_eq!(Page::from_path(site::router_base()), Page::Root);
        assert_eq!(Page::from_path(&site::path("index.html")), Page::Root);
        assert_eq!(
            Page::from_path(&site::path("enindex.html")),
            Page::NotFound(Lang::En)
        );
        assert_eq!(
            Page::from_path(&site::path(&format!("en/{EN_SLUG}index.html"))),
            Page::NotFound(Lang::En)
        );
        assert_eq!(
            Page::from_path(&site::path("de/index.html")),
            Page::Index(Lang::De)
        );
        assert!(matches!(
            Page::from_path(&site::path(&format!("en/{EN_SLUG}/index.html"))),
            Page::Post { .. }
        ));
    }

    #[test]
    fn unknown_paths_are_not_found_in_the_language_they_name() {
        assert_eq!(
            Page::from_path(&site::path("fr/")),
            Page::NotFound(Lang::En)
        );
        assert_eq!(
            Page::from_path(&site::path("anything")),
            Page::NotFound(Lang::En)
        );
        assert_eq!(
            Page::from_path(&site::path("de/no-such-post")),
            Page::NotFound(Lang::De)
        );
        assert_eq!(
            Page::from_path(&site::path(&format!("de/{EN_SLUG}/"))),
            Page::NotFound(Lang::De)
        );
        assert_eq!(
            Page::from_path(&site::path("de/a/b")),
            Page::NotFound(Lang::De)
        );
        if site::BASE != "/" {
            assert_eq!(Page::from_path("/en/"), Page::NotFound(Lang::En));
        }
    }

    #[test]
    fn alternates_name_every_language_and_a_default() {
        let index = Page::Index(Lang::De).alternates();
        assert_eq!(
            index,
            vec![
                ("en", site::path("en/")),
                ("de", site::path("de/")),
                ("x-default", site::path("")),
            ]
        );
        assert_eq!(Page::Root.alternates(), index);
        let post = Page::from_path(&site::path(&format!("de/{DE_SLUG}/")));
        assert_eq!(
            post.alternates(),
            vec![
                ("en", site::path(&format!("en/{EN_SLUG}/"))),
                ("de", site::path(&format!("de/{DE_SLUG}/"))),
                ("x-default", site::path(&format!("en/{EN_SLUG}/"))),
            ]
        );
        assert_eq!(Page::NotFound(Lang::De).alternates(), vec![]);
        assert_eq!(Page::NotFound(Lang::De).path(), None);
        let paths: Vec<String> = Page::all().into_iter().filter_map(Page::path).collect();
        assert_eq!(
            &paths[..3],
            [site::path(""), site::path("en/"), site::path("de/")]
        );
        assert!(paths.contains(&site::path(&format!("de/{DE_SLUG}/"))));
    }

    #[test]
    fn switching_on_a_post_leads_to_its_translation() {
        let page = Page::from_path(&site::path(&format!("en/{EN_SLUG}/")));
        assert_eq!(page.lang(), Lang::En);
        assert_eq!(
            page.switch_to(Lang::De),
            Switch::Translated(site::path(&format!("de/{DE_SLUG}/")))
        );
        assert_eq!(
            page.switch_to(Lang::En),
            Switch::Translated(site::path(&format!("en/{EN_SLUG}/")))
        );
    }

    #[test]
    fn switching_on_an_untranslated_post_leads_to_the_other_index() {
        use crate::content::Assets;
        use crate::date::Date;
        static ONLY_ENGLISH: Post = Post {
            id: "only-english",
            assets: Assets {
                base: "/posts/only-english/",
                images: &[],
            },
            translations: &[Translation {
                lang: Lang::En,
                slug: "only-english",
                title: "Only English",
                description: "",
                date: Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                },
                date_label: "January 1, 2026",
                reading_time: "1 min read",
                cover: None,
                body_url: "/posts/only-english/en.md",
                body_len: 0,
                draft: false,
            }],
        };
        let page = Page::Post {
            post: &ONLY_ENGLISH,
            translation: &ONLY_ENGLISH.translations[0],
        };
        assert_eq!(
            page.switch_to(Lang::De),
            Switch::Untranslated(site::path("de/"))
        );
        assert_eq!(
            page.switch_to(Lang::En),
            Switch::Translated(site::path("en/only-english/"))
        );
    }

    #[test]
    fn switching_elsewhere_leads_to_the_language_index() {
        assert_eq!(
            Page::Index(Lang::En).switch_to(Lang::De),
            Switch::Translated(site::path("de/"))
        );
        assert_eq!(
            Page::NotFound(Lang::De).switch_to(Lang::En).href(),
            site::path("en/")
        );
    }
}
