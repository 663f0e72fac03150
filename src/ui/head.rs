//! The head tags of a page: language, title, description, canonical URL,
//! `hreflang` alternates, the language's feed, Open Graph and Twitter cards,
//! and a post's JSON-LD. The pre-renderer writes them with leptos_meta; the
//! app keeps them in step after in-app navigation by setting them itself
//! (leptos_meta's components were a tenth of the wasm). Both work from one
//! description of the head, [`Head`].

use leptos::prelude::*;

use crate::data::{Article, Image};
use crate::i18n::{BLOG_NAME, og_locale};
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
    fn new(
        page: Page,
        title: String,
        description: String,
        article: Option<Article>,
        prev: Option<String>,
        next: Option<String>,
    ) -> Head {
        let lang = page.lang();
        let path = page.path();
        let canonical = path.as_deref().map(site::absolute);
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
        let kind = if article.is_some() {
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
            title: title_text(&format!("{title} · {BLOG_NAME}")),
            description: name("description", description.clone()),
            // Only a 404 has no path of its own; search engines should skip it.
            robots: path.is_none().then(|| name("robots", "noindex")),
            og_url: canonical.clone().map(|url| property("og:url", url)),
            canonical,
            alternates: page
                .alternates(article.as_ref().map(|article| &article.translations[..]))
                .into_iter()
                .map(|(hreflang, href)| (hreflang, site::absolute(&href)))
                .collect(),
            prev: prev.as_deref().map(site::absolute),
            next: next.as_deref().map(site::absolute),
            feed: (
                site::absolute(&lang.feed_path()),
                format!("{BLOG_NAME} ({})", lang.native_name()),
            ),
            open_graph: [
                property("og:site_name", BLOG_NAME),
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
            json_ld: article.as_ref().map(json_ld::blog_posting),
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
    /// On a page of the index, the page before it.
    #[prop(optional_no_strip)]
    prev: Option<String>,
    /// On a page of the index, the page after it.
    #[prop(optional_no_strip)]
    next: Option<String>,
) -> impl IntoView {
    let head = Head::new(page, title, description, article, prev, next);
    #[cfg(feature = "ssr")]
    {
        ssr::view(head)
    }
    #[cfg(not(feature = "ssr"))]
    {
        browser::view(head)
    }
}

/// The head written with leptos_meta, into the pre-rendered page.
#[cfg(feature = "ssr")]
mod ssr {
    use leptos::prelude::*;
    use leptos_meta::{Html, Link, Meta, Script, Title};

    use super::{Head, MetaTag};

    /// A `<Meta>`; keyed by `name` or by `property`, it is the same view
    /// type, so the pre-rendered page has the slots the app's view mirrors.
    fn meta(tag: MetaTag) -> impl IntoView {
        let MetaTag { attr, key, content } = tag;
        if attr == "name" {
            view! { <Meta name=key content=content /> }
        } else {
            view! { <Meta property=key content=content /> }
        }
    }

    pub(super) fn view(head: Head) -> impl IntoView {
        let Head {
            lang,
            title,
            description,
            robots,
            canonical,
            alternates,
            prev,
            next,
            feed: (feed, feed_title),
            open_graph: [site_name, kind, og_title, og_description],
            og_url,
            og_locale,
            other_locales,
            twitter: [card, twitter_title, twitter_description],
            card_image,
            json_ld,
        } = head;
        let alternates = alternates
            .into_iter()
            .map(|(hreflang, href)| view! { <Link rel="alternate" hreflang=hreflang href=href /> })
            .collect_view();
        let other_locales = other_locales.into_iter().map(meta).collect_view();
        let card_image =
            card_image.map(|[image, width, height, alt, twitter_image, twitter_alt]| {
                (
                    meta(image),
                    meta(width),
                    meta(height),
                    meta(alt),
                    meta(twitter_image),
                    meta(twitter_alt),
                )
            });
        view! {
            <Html {..} lang=lang.code() />
            <Title text=title />
            {meta(description)}
            {robots.map(meta)}
            {canonical.map(|href| view! { <Link rel="canonical" href=href /> })}
            {alternates}
            {prev.map(|href| view! { <Link rel="prev" href=href /> })}
            {next.map(|href| view! { <Link rel="next" href=href /> })}
            <Link rel="alternate" type_="application/atom+xml" href=feed title=feed_title />
            {meta(site_name)}
            {meta(kind)}
            {meta(og_title)}
            {meta(og_description)}
            {og_url.map(meta)}
            {meta(og_locale)}
            {other_locales}
            {meta(card)}
            {meta(twitter_title)}
            {meta(twitter_description)}
            {card_image}
            {json_ld.map(|json| view! { <Script type_="application/ld+json">{json}</Script> })}
        }
    }
}

/// The head set by the app itself, after in-app navigation.
#[cfg(not(feature = "ssr"))]
mod browser {
    use leptos::attr::{Attribute, any_attribute::AnyAttribute};
    use leptos::prelude::*;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::renderer::types::{Element, Node};
    use leptos::tachys::view::{Mountable, Position, PositionState, add_attr::AddAnyAttr};
    use wasm_bindgen::JsCast;

    use super::{Head, MetaTag};
    use crate::shell::HEAD_MARKER;

    /// Sets the head once the page is shown. The view renders nothing, but
    /// has an `Option` or a `Vec` wherever the pre-rendered view has one
    /// (see `ssr::view`), with a [`Tag`] for each tag there: a `None` or a
    /// `Vec` leaves a marker in the pre-rendered body, which hydration has to
    /// walk past.
    pub(super) fn view(head: Head) -> impl IntoView {
        fn tags<T>(tags: &[T]) -> Vec<Tag> {
            tags.iter().map(|_| Tag).collect()
        }
        let slots = (
            head.robots.as_ref().map(|_| Tag),
            head.canonical.as_ref().map(|_| Tag),
            tags(&head.alternates),
            head.prev.as_ref().map(|_| Tag),
            head.next.as_ref().map(|_| Tag),
            head.og_url.as_ref().map(|_| Tag),
            tags(&head.other_locales),
            head.card_image.as_ref().map(|_| Tag),
            head.json_ld.as_ref().map(|_| Tag),
        );
        Effect::new(move |_| apply(&head));
        slots
    }

    /// Where the pre-rendered view has a leptos_meta tag: like it, this
    /// leaves nothing in the body, and hydrates nothing there.
    struct Tag;

    impl Render for Tag {
        type State = Tag;

        fn build(self) -> Tag {
            Tag
        }

        fn rebuild(self, _state: &mut Tag) {}
    }

    impl RenderHtml for Tag {
        type AsyncOutput = Tag;
        type Owned = Tag;

        const MIN_LENGTH: usize = 0;
        const EXISTS: bool = false;

        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Tag {
            self
        }

        fn to_html_with_buf(
            self,
            _buf: &mut String,
            _position: &mut Position,
            _escape: bool,
            _mark_branches: bool,
            _extra_attrs: Vec<AnyAttribute>,
        ) {
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            _cursor: &Cursor,
            _position: &PositionState,
        ) -> Tag {
            Tag
        }

        fn into_owned(self) -> Tag {
            self
        }
    }

    impl AddAnyAttr for Tag {
        type Output<SomeNewAttr: Attribute> = Tag;

        fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Tag {
            self
        }
    }

    impl Mountable for Tag {
        fn unmount(&mut self) {}

        fn mount(&mut self, _parent: &Element, _marker: Option<&Node>) {}

        fn insert_before_this(&self, _child: &mut dyn Mountable) -> bool {
            false
        }

        fn elements(&self) -> Vec<Element> {
            Vec::new()
        }
    }

    /// Makes the document's head the page's: `<html lang>`, the title, and
    /// the tags after the marker the pre-renderer leaves before them (the
    /// tags of the page shown before, pre-rendered or set here, go).
    fn apply(head: &Head) {
        let document = document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", head.lang.code());
        }
        let Some(parent) = document.head() else {
            return;
        };
        let mut node = parent.first_child();
        let marker = loop {
            match node {
                Some(current)
                    if current.node_type() == web_sys::Node::COMMENT_NODE
                        && current.text_content().as_deref() == Some(HEAD_MARKER) =>
                {
                    break current;
                }
                Some(current) => node = current.next_sibling(),
                None => {
                    let marker: web_sys::Node = document.create_comment(HEAD_MARKER).into();
                    let _ = parent.append_child(&marker);
                    break marker;
                }
            }
        };
        while let Some(old) = marker.next_sibling() {
            let _ = parent.remove_child(&old);
        }
        let add = |tag: &str, attrs: &[(&str, &str)], text: Option<&str>| {
            let Ok(element) = document.create_element(tag) else {
                return;
            };
            for (attr, value) in attrs {
                let _ = element.set_attribute(attr, value);
            }
            if text.is_some() {
                element.set_text_content(text);
            }
            let _ = parent.append_child(element.unchecked_ref());
        };
        let meta = |tag: &MetaTag| {
            add(
                "meta",
                &[(tag.attr, tag.key), ("content", &tag.content)],
                None,
            )
        };
        let link = |attrs: &[(&str, &str)]| add("link", attrs, None);
        meta(&head.description);
        head.robots.iter().for_each(meta);
        if let Some(href) = &head.canonical {
            link(&[("rel", "canonical"), ("href", href)]);
        }
        for (hreflang, href) in &head.alternates {
            link(&[("rel", "alternate"), ("hreflang", hreflang), ("href", href)]);
        }
        for (rel, href) in [("prev", &head.prev), ("next", &head.next)] {
            if let Some(href) = href {
                link(&[("rel", rel), ("href", href)]);
            }
        }
        let (feed, feed_title) = &head.feed;
        link(&[
            ("rel", "alternate"),
            ("type", "application/atom+xml"),
            ("href", feed),
            ("title", feed_title),
        ]);
        head.open_graph.iter().for_each(meta);
        head.og_url.iter().for_each(meta);
        meta(&head.og_locale);
        head.other_locales.iter().for_each(meta);
        head.twitter.iter().for_each(meta);
        head.card_image.iter().flatten().for_each(meta);
        if let Some(json) = &head.json_ld {
            add("script", &[("type", "application/ld+json")], Some(json));
        }
        // After the tags, as pre-rendered; it replaces the `<title>` that
        // went with the old tags.
        document.set_title(&head.title);
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
