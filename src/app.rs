//! The application shell: head context, router, the page's data, header,
//! routes, footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::data::PageData;
use crate::pages::index::IndexPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::post::PostPage;
use crate::pages::root::RootPage;
use crate::routes::use_current_page;
use crate::site;
use crate::ui::footer::Footer;
use crate::ui::header::Header;

/// The whole blog.
#[component]
pub fn App() -> impl IntoView {
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
    PageData::provide(use_current_page());
    view! {
        <Header />
        <main id="main" tabindex="-1">
            <Routes fallback=NotFoundPage>
                // Each page by its folder, and by the file a static host serves it from.
                <Route path=path!("/") view=RootPage />
                <Route path=path!("/index.html") view=RootPage />
                <Route path=path!("/:lang") view=IndexPage />
                <Route path=path!("/:lang/") view=IndexPage />
                <Route path=path!("/:lang/index.html") view=IndexPage />
                <Route path=path!("/:lang/:slug") view=PostPage />
                <Route path=path!("/:lang/:slug/") view=PostPage />
                <Route path=path!("/:lang/:slug/index.html") view=PostPage />
                <Route path=path!("/:lang/page/:number") view=IndexPage />
                <Route path=path!("/:lang/page/:number/") view=IndexPage />
                <Route path=path!("/:lang/page/:number/index.html") view=IndexPage />
            </Routes>
        </main>
        <Footer />
    }
}
