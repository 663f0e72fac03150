//! The application shell: head context, router, the page's data, header,
//! the page, footer.

use std::sync::Arc;

use blog_model::site::Site;
use leptos::prelude::*;
use leptos_router::components::Router;

use crate::data::PageData;
use crate::pages::index::IndexPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::post::PostPage;
use crate::pages::root::RootPage;
use crate::pages::tags::TagsPage;
use crate::routes::{Page, use_current_page};
use crate::site;
use crate::ui::copy_code::Announcer;
use crate::ui::footer::Footer;
use crate::ui::header::Header;

/// The whole blog, named and described by `site` (the site file).
#[component]
pub fn App(site: Arc<Site>) -> impl IntoView {
    site::provide_identity(site);
    // The pre-renderer writes the head with leptos_meta; the app sets it
    // itself (see `PageMeta`).
    #[cfg(feature = "ssr")]
    leptos_meta::provide_meta_context();
    view! {
        <Router base=site::router_base()>
            <Layout />
        </Router>
    }
}

/// Header, page and footer, with the current page's data loaded for all three.
#[component]
fn Layout() -> impl IntoView {
    let page = use_current_page();
    PageData::provide(page);
    // The path is read once, by `Page::from_path`; the page component is
    // drawn anew only when the kind of page changes, and otherwise follows
    // the URL itself (another post, another index page).
    let shape = Memo::new(move |_| page.with(Shape::of));
    #[cfg(not(feature = "ssr"))]
    {
        crate::ui::history::complete_navigations();
        crate::ui::copy_code::listen();
        crate::ui::prefetch::listen();
        crate::ui::search::listen_for_slash();
    }
    view! {
        <Header />
        <main id="main" tabindex="-1">
            {move || match shape.get() {
                Shape::Root => view! { <RootPage /> }.into_any(),
                Shape::Index => view! { <IndexPage /> }.into_any(),
                Shape::Post => view! { <PostPage /> }.into_any(),
                Shape::Tags => view! { <TagsPage /> }.into_any(),
                Shape::NotFound => view! { <NotFoundPage /> }.into_any(),
            }}
        </main>
        <Footer />
        <Announcer />
    }
}

/// Which page component draws a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Root,
    Index,
    Post,
    Tags,
    NotFound,
}

impl Shape {
    fn of(page: &Page) -> Shape {
        match page {
            Page::Root => Shape::Root,
            // A tag's listing is drawn like the index.
            Page::Index { .. } | Page::Tag { .. } => Shape::Index,
            // The search page lists the tags too.
            Page::Tags { .. } | Page::Search { .. } => Shape::Tags,
            Page::Post { .. } => Shape::Post,
            Page::NotFound(_) => Shape::NotFound,
        }
    }
}
