//! The head tags of a page: language, title, description, canonical URL,
//! `hreflang` alternates, the language's feed, Open Graph and Twitter cards,
//! and a post's JSON-LD. The pre-renderer writes them with leptos_meta; the
//! app keeps them in step after in-app navigation by setting them itself
//! (leptos_meta's components were a tenth of the wasm). Both work from one
//! description of the head, [`Head`].

// The head written with leptos_meta, into the pre-rendered page.
#[cfg(feature = "ssr")]
mod ssr;
// The head set by the app itself, after in-app navigation.
#[cfg(not(feature = "ssr"))]
mod browser;

use leptos::prelude::*;

use crate::data::{Article, Image, TranslationLink};
use crate::i18n::og_locale;
use crate::routes::{LangPages, Page};
use crate::site;
use crate::ui::json_ld;
use blog_model::lang::Lang;

/// A `<meta>` tag: whether it is keyed by `name` or by `property`, its key
/// and its content.
struct MetaTag {
    attr: &'static str,
    key: &'static str,
    content: String,
}

fn name(key: &'static str, content: impl Into<String>) -> MetaTag {
    MetaTag {
        attr: "name",
        key,
        content: content.into(),
    }
}

fn property(key: &'static str, content: impl Into<String>) -> MetaTag {
    MetaTag {
        attr: "property",
        key,
        content: content.into(),
    }
}

/// The head of a page, in the order its tags are written. The optional and
/// repeated parts are where the pre-rendered view has its `Option` and `Vec`
/// slots, which the app's view mirrors for hydration (see [`PageMeta`]).
struct Head {
    lang: Lang,
    /// The full title (`… · Edgewise`).
    title: String,
    description: MetaTag,
    robots: Option<MetaTag>,
    canonical: Option<String>,
    /// (`hreflang`, absolute URL).
    alternates: Vec<(&'static str, String)>,
    /// On a page of the index, the absolute URLs of the pages before and after it.
    prev: Option<String>,
    next: Option<String>,
    /// The language's Atom feed: (absolute URL, title).
    feed: (String, String),
    /// `og:site_name`, `og:type`, `og:title`, `og:description`.
    open_graph: [MetaTag; 4],
    og_url: Option<MetaTag>,
    og_locale: MetaTag,
    other_locales: Vec<MetaTag>,
    /// `twitter:card`, `twitter:title`, `twitter:description`.
    twitter: [MetaTag; 3],
    /// The cover's `og:image…` and `twitter:image…` tags.
    card_image: Option<[MetaTag; 6]>,
    json_ld: Option<String>,
}

impl Head {
    // One argument per prop of `PageMeta`.
    #[allow(clippy::too_many_arguments)]
    fn new(
        page: Page,
        title: String,
        description: String,
        article: Option<Article>,
        translations: Option<Vec<TranslationLink>>,
        feed: Option<(String, String)>,
        prev: Option<String>,
        next: Option<String>,
    ) -> Head {
        let lang = page.lang();
        let path = page.path();
        let canonical = path.as_deref().map(site::absolute);
        let identity = site::identity();
        let blog_name = identity.name.as_str();
        let cover: Option<Image> = article
            .as_ref()
            .and_then(|article| article.entry.cover.clone());
        let card_image = cover.as_ref().map(|cover| {
            let url = site::absolute(&cover.url);
            [
                property("og:image", url.clone()),
                property("og:image:width", cover.width.to_string()),
                property("og:image:height", cover.height.to_string()),
                property("og:image:alt", cover.alt.clone()),
                name("twitter:image", url),
                name("twitter:image:alt", cover.alt.clone()),
            ]
        });
        // A standalone page (About, Impressum) is no article.
        let kind = if article
            .as_ref()
            .is_some_and(|article| !article.entry.is_page())
        {
            "article"
        } else {
            "website"
        };
        let card = if cover.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        Head {
            lang,
            title: title_text(&format!("{title} · {blog_name}")),
            description: name("description", description.clone()),
            // Only a 404 has no path of its own; search engines should skip it.
            robots: path.is_none().then(|| name("robots", "noindex")),
            og_url: canonical.clone().map(|url| property("og:url", url)),
            canonical,
            alternates: page
                .alternates(
                    article
                        .as_ref()
                        .map(|article| &article.entry.translations[..])
                        .or(translations.as_deref()),
                    identity.default_lang,
                )
                .into_iter()
                .map(|(hreflang, href)| (hreflang, site::absolute(&href)))
                .collect(),
            prev: prev.as_deref().map(site::absolute),
            next: next.as_deref().map(site::absolute),
            feed: feed
                .map(|(path, title)| (site::absolute(&path), title))
                .unwrap_or_else(|| {
                    (
                        site::absolute(&lang.feed_path()),
                        format!("{blog_name} ({})", lang.native_name()),
                    )
                }),
            open_graph: [
                property("og:site_name", blog_name),
                property("og:type", kind),
                property("og:title", title.clone()),
                property("og:description", description.clone()),
            ],
            og_locale: property("og:locale", og_locale(lang)),
            other_locales: Lang::ALL
                .into_iter()
                .filter(|&other| other != lang)
                .map(|other| property("og:locale:alternate", og_locale(other)))
                .collect(),
            twitter: [
                name("twitter:card", card),
                name("twitter:title", title),
                name("twitter:description", description),
            ],
            card_image,
            json_ld: article
                .as_ref()
                .map(|article| json_ld::blog_posting(article, &identity)),
        }
    }
}

/// Sets `<html lang>` and the head tags while the page is shown. Language,
/// canonical path, alternates and the post come from the page itself.
#[component]
pub fn PageMeta(
    /// The page whose head this is.
    page: Page,
    /// The page's own title; the blog's name follows it.
    title: String,
    /// The `<meta name="description">` text.
    description: String,
    /// On a post's page, the post: its translations, cover and JSON-LD.
    #[prop(optional)]
    article: Option<Article>,
    /// On a tag's first page, its pages in other languages.
    #[prop(optional_no_strip)]
    translations: Option<Vec<TranslationLink>>,
    /// A feed of the page's own (a tag's) instead of the language's: its
    /// path and title.
    #[prop(optional_no_strip)]
    feed: Option<(String, String)>,
    /// On a page of the index, the page before it.
    #[prop(optional_no_strip)]
    prev: Option<String>,
    /// On a page of the index, the page after it.
    #[prop(optional_no_strip)]
    next: Option<String>,
) -> impl IntoView {
    let head = Head::new(
        page,
        title,
        description,
        article,
        translations,
        feed,
        prev,
        next,
    );
    #[cfg(feature = "ssr")]
    {
        ssr::view(head)
    }
    #[cfg(not(feature = "ssr"))]
    {
        browser::view(head)
    }
}

/// The title as `<Title>` takes it. Pre-rendering, leptos_meta 0.8 writes
/// the text into `<title>` as it is, so a post titled
/// `</title><script>…` would close the element and put markup into the
/// page: there, `&`, `<` and `>` are escaped first. In the browser it sets
/// `document.title`, which is text, so the title goes as it is.
fn title_text(title: &str) -> String {
    if cfg!(feature = "ssr") {
        title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    } else {
        title.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cannot_close_the_title_element_of_a_pre_rendered_page() {
        assert_eq!(
            title_text("</title><script>x</script> & more"),
            "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; more"
        );
    }
}
