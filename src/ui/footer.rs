//! The footer of every page.

use leptos::prelude::*;

use crate::markdown::{class, element, text};
use crate::routes::{Page, post_path, use_current_page};
use crate::site::identity;
use blog_model::lang::Lang;
use blog_model::site::{Place, Site};

/// The blog's name and tagline, its pages and links (profiles marked
/// `rel="me"`) and its copyright or licence line, in the page's language,
/// as the site file says.
#[component]
pub fn Footer() -> impl IntoView {
    let page = use_current_page();
    // Drawn again when the language changes, not on every page.
    let lang = Memo::new(move |_| page.with(Page::lang));
    let site = identity();
    view! {
        <footer class="site-footer">
            {move || content(&site, lang.get())}
        </footer>
    }
}

/// The standalone pages the site file links from `place`, each in `lang`
/// where it is translated (else in the language it has): its path, title
/// and language.
pub fn page_links(site: &Site, place: Place, lang: Lang) -> Vec<(String, String, Lang)> {
    site.pages
        .iter()
        .filter(|page| page.place == place)
        .filter_map(|page| page.link(lang, site.default_lang))
        .map(|link| {
            (
                post_path(link.lang, &link.slug),
                link.title.clone(),
                link.lang,
            )
        })
        .collect()
}

/// What the footer says in `lang`, drawn with the Markdown mapping's one
/// element type (smaller in the wasm than a view of its own).
fn content(site: &Site, lang: Lang) -> Vec<AnyView> {
    let texts = site.texts(lang);
    let about = if texts.tagline.is_empty() {
        site.name.clone()
    } else {
        format!("{} · {}", site.name, texts.tagline)
    };
    let mut content = vec![element("p", Vec::new(), vec![text(about)])];
    let item = |attrs, label| {
        element(
            "li",
            Vec::new(),
            vec![element("a", attrs, vec![text(label)])],
        )
    };
    let mut items: Vec<AnyView> = page_links(site, Place::Footer, lang)
        .into_iter()
        .map(|(href, title, page_lang)| {
            // A page in another language says so, as the switcher does.
            let other = (page_lang != lang).then(|| page_lang.code().to_owned());
            let attrs = vec![
                ("href", Some(href)),
                ("hreflang", other.clone()),
                ("lang", other),
            ];
            item(attrs, title)
        })
        .collect();
    items.extend(site.links.iter().map(|link| {
        let attrs = vec![
            ("href", Some(link.url.clone())),
            ("rel", link.me.then(|| "me".to_owned())),
        ];
        item(attrs, link.label(lang).to_owned())
    }));
    if !items.is_empty() {
        content.push(element("ul", vec![class("site-links")], items));
    }
    if !texts.footer.is_empty() {
        let line = text(texts.footer.clone());
        content.push(element("p", vec![class("site-licence")], vec![line]));
    }
    content
}
