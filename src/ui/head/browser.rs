//! The head as the app keeps it after in-app navigation: adopted from the
//! pre-rendered page while hydrating, then set in place.

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
    // The language now, for the page's first frame; the tags, which the
    // reader does not see, after it.
    let head = std::rc::Rc::new(head);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", head.lang.code());
        }
        let head = head.clone();
        crate::ui::frame::after_next_paint(move || apply(&head));
    });
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

    fn hydrate<const FROM_SERVER: bool>(self, _cursor: &Cursor, _position: &PositionState) -> Tag {
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

/// Makes the document's head the page's: the title, and the tags after
/// the marker the pre-renderer leaves before them (the tags of the page
/// shown before, pre-rendered or set here, go).
fn apply(head: &Head) {
    let document = document();
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
