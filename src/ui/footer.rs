//! The footer of every page.

use leptos::prelude::*;

use crate::markdown::{class, element, text};
use crate::routes::use_current_page;
use crate::site::identity;
use blog_model::lang::Lang;
use blog_model::site::Site;

/// The blog's name and tagline, its links (profiles marked `rel="me"`) and
/// its copyright or licence line, in the page's language, as the site file
/// says.
#[component]
pub fn Footer() -> impl IntoView {
    let page = use_current_page();
    let site = identity();
    view! {
        <footer class="site-footer">
            {move || content(&site, page.with(|page| page.lang()))}
        </footer>
    }
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
    if !site.links.is_empty() {
        let items = site
            .links
            .iter()
            .map(|link| {
                let attrs = vec![
                    ("href", Some(link.url.clone())),
                    ("rel", link.me.then(|| "me".to_owned())),
                ];
                let label = text(link.label(lang).to_owned());
                element("li", Vec::new(), vec![element("a", attrs, vec![label])])
            })
            .collect();
        content.push(element("ul", vec![class("site-links")], items));
    }
    if !texts.footer.is_empty() {
        let line = text(texts.footer.clone());
        content.push(element("p", vec![class("site-licence")], vec![line]));
    }
    content
}
