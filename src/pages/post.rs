//! `/<lang>/<slug>/`: one post. A pre-rendered page brings its data along;
//! after in-app navigation it is drawn at once when its file was prefetched
//! (a link hovered or focused), else fetched, with a skeleton meanwhile and
//! a retry on failure.

use leptos::prelude::*;

use crate::data::{
    self, Article, Assets, COLUMN_SIZES, Entry, Glimpse, LoadError, glimpse, srcset, use_page_data,
};
use crate::i18n::texts;
use crate::markdown::{self, class, element, text};
use crate::pages::not_found::NotFound;
use crate::routes::use_current_page;
use crate::routes::{LangPages, Page, post_path};
use crate::ui::head::PageMeta;
use crate::ui::json_ld;
use crate::ui::loading::{LoadFailed, Skeleton};
use crate::ui::place;
use crate::ui::post_meta::PostMeta;
use crate::ui::tags::tag_links;
use crate::ui::toc::{self, TableOfContents};
use blog_model::data::TranslationLink;
use blog_model::lang::Lang;

/// The post route; a language or slug that names no post is a 404.
#[component]
pub fn PostPage() -> impl IntoView {
    let page = use_current_page();
    let data = use_page_data();
    move || {
        let page = page.get();
        let Page::Post { lang, slug } = &page else {
            return view! { <NotFound lang=page.lang() /> }.into_any();
        };
        let lang = *lang;
        // Prefetched or seen before: drawn at once, in the click's own task.
        if let Some(article) = data.article_now(&page) {
            return view! { <PostView page article /> }.into_any();
        }
        // Opened from an index page or a translation: the post exists, and
        // its head, or its title, is known.
        let seen = glimpse(lang, slug);
        let post = {
            let seen = seen.clone();
            move || {
                let (page, seen) = (page.clone(), seen.clone());
                Suspend::new(async move {
                    let error = match data.article().await {
                        Ok(Some(article)) => {
                            return view! { <PostView page article /> }.into_any();
                        }
                        Ok(None) if seen.is_none() => {
                            return view! { <NotFound lang /> }.into_any();
                        }
                        // Listed, yet missing: a deploy in progress, a broken cache.
                        Ok(None) => LoadError::Status(404),
                        Err(error) => error,
                    };
                    view! {
                        <PostFrame lang glimpse=seen>
                            <LoadFailed lang error on_retry=move || data.retry() />
                        </PostFrame>
                    }
                    .into_any()
                })
            }
        };
        let fallback = move || {
            view! {
                <PostFrame lang glimpse=seen.clone()>
                    <Skeleton status=texts(lang).loading />
                </PostFrame>
            }
        };
        view! { <Suspense fallback>{post}</Suspense> }.into_any()
    }
}

#[component]
fn PostView(
    /// The post's page.
    page: Page,
    /// The post, in the page's language.
    article: Article,
) -> impl IntoView {
    let entry = &article.entry;
    view! {
        <PageMeta page title=entry.title.clone() description=entry.description.clone()
            article=article.clone() />
        <PostArticle article />
    }
}

/// The post itself: head, body and the way back.
#[component]
pub fn PostArticle(
    /// The post, in the page's language.
    article: Article,
) -> impl IntoView {
    let lang = article.entry.lang;
    let (body, sections) =
        markdown::render_with_outline(&article.body, &Assets::of(&article), lang);
    let ids: Vec<String> = sections.iter().map(|section| section.id.clone()).collect();
    place::restore(post_path(lang, &article.entry.slug), ids.clone());
    let current = place::follow(ids);
    let toc = (sections.len() >= toc::MIN_SECTIONS)
        .then(|| view! { <TableOfContents lang sections current /> });
    view! {
        <article class="post">
            <PostHead entry=article.entry />
            {toc}
            <div class="post-body">{body}</div>
            {related_posts(lang, article.related)}
            <PostNav lang newer=article.newer older=article.older />
            <PostFooter lang />
        </article>
    }
}

/// A post's place on the page while it loads or when it failed to: its head
/// where it is known, then the message.
#[component]
fn PostFrame(
    /// The language of the page.
    lang: Lang,
    /// What is known of the post, if anything.
    glimpse: Option<Glimpse>,
    children: Children,
) -> impl IntoView {
    let head = glimpse.map(|glimpse| match glimpse {
        Glimpse::Entry(entry) => view! { <PostHead entry=*entry /> }.into_any(),
        Glimpse::Title(title) => view! {
            <header class="post-header">
                <h1>{title}</h1>
            </header>
        }
        .into_any(),
    });
    view! {
        <article class="post">
            {head}
            <div class="post-body">{children()}</div>
            <PostFooter lang />
        </article>
    }
}

/// Title, date and reading time, and the cover.
#[component]
fn PostHead(
    /// The post.
    entry: Entry,
) -> impl IntoView {
    let cover = entry.cover.clone().map(|cover| {
        let srcset = srcset(&cover.variants);
        let sizes = srcset.is_some().then_some(COLUMN_SIZES);
        view! {
            <img class="post-cover" src=cover.url srcset=srcset sizes=sizes alt=cover.alt
                width=cover.width height=cover.height fetchpriority="high" decoding="async" />
        }
    });
    // "Also in Deutsch", in the other language's own words.
    let lang = entry.lang;
    let mut also = vec![text(texts(lang).also_in)];
    for link in entry.translations.iter().filter(|link| link.lang != lang) {
        let code = Some(link.lang.code().to_owned());
        let attrs = vec![
            ("href", Some(post_path(link.lang, &link.slug))),
            ("hreflang", code.clone()),
            ("lang", code),
        ];
        also.push(text(" "));
        also.push(element("a", attrs, vec![text(link.lang.native_name())]));
    }
    let also = (also.len() > 1).then(|| element("p", vec![class("post-translations")], also));
    let tags = tag_links(lang, &entry.tags);
    view! {
        <header class="post-header">
            <h1>{entry.title.clone()}</h1>
            <PostMeta entry />
            {tags}
            {also}
        </header>
        {cover}
    }
}

/// Up to three posts sharing its tags, as the build chose them.
fn related_posts(lang: Lang, related: Vec<TranslationLink>) -> Option<AnyView> {
    if related.is_empty() {
        return None;
    }
    let heading = texts(lang).related_posts;
    let items = related
        .into_iter()
        .map(|link| {
            let href = vec![("href", Some(post_path(link.lang, &link.slug)))];
            element(
                "li",
                Vec::new(),
                vec![element("a", href, vec![text(link.title)])],
            )
        })
        .collect();
    let attrs = vec![
        class("related"),
        ("aria-labelledby", Some("related-posts".to_owned())),
    ];
    let title = element(
        "h2",
        vec![("id", Some("related-posts".to_owned()))],
        vec![text(heading)],
    );
    Some(element(
        "section",
        attrs,
        vec![title, element("ul", Vec::new(), items)],
    ))
}

/// The posts beside it in its language's index.
#[component]
fn PostNav(
    /// The language of the index.
    lang: Lang,
    /// The next newer post, if any.
    newer: Option<TranslationLink>,
    /// The next older post, if any.
    older: Option<TranslationLink>,
) -> impl IntoView {
    let texts = texts(lang);
    let neighbour = |link: TranslationLink, rel: &'static str, label: &'static str| {
        let attrs = vec![
            class(rel),
            ("rel", Some(rel.to_owned())),
            ("href", Some(post_path(link.lang, &link.slug))),
        ];
        let label = element("span", vec![class("post-nav-label")], vec![text(label)]);
        let title = element(
            "span",
            vec![class("post-nav-title")],
            vec![text(link.title)],
        );
        element("a", attrs, vec![label, title])
    };
    let links: Vec<AnyView> = [
        older.map(|link| neighbour(link, "prev", texts.older_post)),
        newer.map(|link| neighbour(link, "next", texts.newer_post)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!links.is_empty()).then(|| {
        let attrs = vec![
            class("post-nav"),
            ("aria-label", Some(texts.more_posts.to_owned())),
        ];
        element("nav", attrs, links)
    })
}

/// The way back to the index.
#[component]
fn PostFooter(
    /// The language of the index.
    lang: Lang,
) -> impl IntoView {
    view! {
        <footer class="post-footer">
            <a href=lang.index_path()>{texts(lang).all_posts}</a>
        </footer>
    }
}

/// Starts loading the post file of `lang`'s `slug` in the background, so
/// that following a link to it shows the post at once; the first post
/// prefetched in a session is also drawn once, detached (see [`rehearse`]).
pub fn prefetch(lang: Lang, slug: &str) {
    data::prefetch_post(lang, slug, rehearse);
}

thread_local! {
    static REHEARSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Once a session, draws a prefetched post into a detached element and
/// throws it away, so that the code that draws posts is compiled and warm
/// before the click. The browser compiles each function of the wasm when it
/// first runs: without this, the first post opened took twice as long as
/// the next (`benches/perf.sh`, index → post, prefetched).
fn rehearse(text: &str) {
    use leptos::tachys::view::Render;
    if REHEARSED.replace(true) {
        return;
    }
    let Some(article) = data::decode_post(text) else {
        return;
    };
    let _ = json_ld::blog_posting(&article, &crate::site::identity());
    Owner::new().with(|| {
        drop(view! { <PostArticle article /> }.into_any().build());
    });
}
