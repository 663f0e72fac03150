//! The site-wide files a static site carries beside its pages: `sitemap.xml`
//! with every page's `hreflang` alternates, `robots.txt`, an Atom feed per
//! language and per tag with each post's full text, and `_headers` with
//! cache rules for hosts that read it (Netlify, Cloudflare Pages).

use std::fmt::Write as _;

use leptos::prelude::*;

use crate::catalog::Catalog;
use blog::data::Listing;
use blog::data::{Article, Assets};
use blog::i18n::tagged_title;
use blog::markdown;
use blog::routes::{LangPages, Page, post_path, tag_feed_path, tag_page_path};
use blog::site;
use blog_model::date::Date;
use blog_model::lang::Lang;
use blog_model::site::Site;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 has no way to write other control characters at all.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `2026-02-13T00:00:00Z`: a post's date as Atom wants it.
/// A day as Atom writes a time; feeds hold posts, which have one (a
/// standalone page, which has none, is never in a feed).
fn timestamp(date: Option<Date>) -> String {
    match date {
        Some(date) => format!("{date}T00:00:00Z"),
        None => "1970-01-01T00:00:00Z".to_owned(),
    }
}

/// One `<url>` of the sitemap, listing every alternate including itself.
fn sitemap_url(out: &mut String, path: &str, lastmod: Option<Date>, alternates: &[(&str, String)]) {
    let _ = writeln!(
        out,
        "  <url>\n    <loc>{}</loc>",
        xml_escape(&site::absolute(path))
    );
    if let Some(date) = lastmod {
        let _ = writeln!(out, "    <lastmod>{date}</lastmod>");
    }
    for (hreflang, href) in alternates {
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\"/>",
            xml_escape(&site::absolute(href))
        );
    }
    out.push_str("  </url>\n");
}

/// Every index and post, with the same alternates their pages name.
pub fn sitemap(catalog: &Catalog) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // A listing's page changes when its newest post does.
    let newest = |pages: &[Listing], number: u32| {
        pages
            .get(number as usize - 1)
            .and_then(|page| page.entries.first())
            .and_then(|entry| entry.date)
    };
    for page in catalog.pages() {
        let (lastmod, translations) = match &page {
            Page::Root | Page::NotFound(_) => continue,
            Page::Index { lang, number } => (newest(catalog.index_pages(*lang), *number), None),
            Page::Tags { lang } => (newest(catalog.index_pages(*lang), 1), None),
            // Nothing of it changes with the posts.
            Page::Search { .. } => (None, None),
            Page::Tag { lang, slug, number } => {
                let pages = catalog.tag_pages(*lang, slug);
                let tag = pages.first().and_then(|page| page.tag.as_ref());
                (newest(pages, *number), tag.map(|tag| &tag.translations[..]))
            }
            Page::Post { lang, slug } => {
                let article = catalog.article(*lang, slug);
                (
                    article.and_then(|article| article.entry.date),
                    article.map(|article| &article.entry.translations[..]),
                )
            }
        };
        if let Some(path) = page.path() {
            sitemap_url(
                &mut out,
                &path,
                lastmod,
                &page.alternates(translations, catalog.site.default_lang),
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots() -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site::absolute(&site::path("sitemap.xml"))
    )
}

/// Whether a file name carries a content hash, as Trunk names its output
/// (`app-0123456789abcdef.js`, `app-0123456789abcdef_bg.wasm`; the hex digits
/// are not zero-padded, so there may be fewer than 16): such a file never
/// changes under its name.
pub fn is_hashed_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Cache rules: files with hashed names (`hashed`, at the site's root) for
/// good; pages, data files, feeds and images briefly, checked again on every
/// use. Each path matches
/// one rule only, since both hosts join the values of rules that overlap.
pub fn headers(hashed: &[String], policy: &str) -> String {
    const FOREVER: &str = "public, max-age=31536000, immutable";
    const REVALIDATE: &str = "public, max-age=0, must-revalidate";
    let mut out =
        String::from("# Cache rules for Netlify and Cloudflare Pages, written by the build.\n");
    let mut rule = |path: String, value: &str| {
        let _ = write!(out, "{path}\n  Cache-Control: {value}\n");
    };
    for name in hashed {
        rule(site::path(name), FOREVER);
    }
    for path in [
        "",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "posts/*",
        "data/*",
    ] {
        rule(site::path(path), REVALIDATE);
    }
    for lang in Lang::ALL {
        rule(site::path(&format!("{}/*", lang.code())), REVALIDATE);
    }
    // The pages' policy, for every file: a host joins the values of rules
    // that match the same path, so the policy has exactly one rule.
    let _ = write!(
        out,
        "{}*\n  Content-Security-Policy: {policy}\n  X-Content-Type-Options: nosniff\n",
        site::BASE
    );
    out
}

/// The full text of a post as HTML, with the same Markdown mapping as its page.
fn post_html(article: &Article) -> String {
    markdown::render(&article.body, &Assets::of(article), article.entry.lang).to_html()
}

/// The Atom feed of `lang`'s newest posts, each with its full text.
pub fn feed(catalog: &Catalog, lang: Lang) -> String {
    let site = &catalog.site;
    let about = site.texts(lang);
    let entries: Vec<&Article> = catalog.newest_first(lang).take(feed_size(site)).collect();
    let channel = Channel {
        lang,
        path: lang.feed_path(),
        page: lang.index_path(),
        title: site.name.clone(),
        subtitle: about.summary().to_owned(),
    };
    atom(site, &channel, &entries)
}

/// Every tag's feed in every language: (path, Atom feed) of its newest posts.
pub fn tag_feeds(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .tag_listings
        .iter()
        .filter_map(|(lang, slug, pages)| {
            let tag = pages.first()?.tag.as_ref()?;
            let entries: Vec<&Article> = pages
                .iter()
                .flat_map(|page| &page.entries)
                .filter_map(|entry| catalog.article(*lang, &entry.slug))
                .take(feed_size(&catalog.site))
                .collect();
            let channel = Channel {
                lang: *lang,
                path: tag_feed_path(*lang, slug),
                page: tag_page_path(*lang, slug, 1),
                title: format!("{} · {}", catalog.site.name, tag.tag.label),
                subtitle: tagged_title(*lang, &tag.tag.label),
            };
            Some((
                channel.path.clone(),
                atom(&catalog.site, &channel, &entries),
            ))
        })
        .collect()
}

/// How many posts a feed carries: the newest, as many as the site file
/// says, so that a large blog's feed stays small.
fn feed_size(site: &Site) -> usize {
    site.posts_per_feed as usize
}

/// A feed's `<author>`: the site file's author, else the blog.
fn author(site: &Site) -> String {
    match &site.author {
        Some(author) => match &author.url {
            Some(url) => format!(
                "<name>{}</name><uri>{}</uri>",
                xml_escape(&author.name),
                xml_escape(url)
            ),
            None => format!("<name>{}</name>", xml_escape(&author.name)),
        },
        None => format!("<name>{}</name>", xml_escape(&site.name)),
    }
}

/// What a feed is of: its language, path, the page it follows, and title.
struct Channel {
    lang: Lang,
    path: String,
    page: String,
    title: String,
    subtitle: String,
}

/// An Atom feed of `entries`, each with its full text. Links in the text
/// are relative to the post (`#fn-1`) or the site (`/posts/…`); each
/// entry's `xml:base` is its page, which resolves both.
fn atom(site: &Site, channel: &Channel, entries: &[&Article]) -> String {
    let lang = channel.lang;
    let updated = timestamp(entries.first().and_then(|article| article.entry.date));
    let feed_url = site::absolute(&channel.path);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{code}\">\n\
         \x20 <id>{feed_url}</id>\n\
         \x20 <title>{title}</title>\n\
         \x20 <subtitle>{subtitle}</subtitle>\n\
         \x20 <updated>{updated}</updated>\n\
         \x20 <author>{author}</author>\n\
         \x20 <link rel=\"self\" type=\"application/atom+xml\" href=\"{feed_url}\"/>\n\
         \x20 <link rel=\"alternate\" type=\"text/html\" href=\"{index}\"/>\n",
        code = lang.code(),
        feed_url = xml_escape(&feed_url),
        title = xml_escape(&channel.title),
        subtitle = xml_escape(&channel.subtitle),
        author = author(site),
        index = xml_escape(&site::absolute(&channel.page)),
    );
    for article in entries {
        let entry = &article.entry;
        let url = xml_escape(&site::absolute(&post_path(entry.lang, &entry.slug)));
        let _ = write!(
            out,
            "  <entry xml:base=\"{url}\">\n\
             \x20   <id>{url}</id>\n\
             \x20   <title>{title}</title>\n\
             \x20   <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n\
             \x20   <published>{date}</published>\n\
             \x20   <updated>{date}</updated>\n\
             \x20   <summary>{summary}</summary>\n\
             \x20   <content type=\"html\">{content}</content>\n\
             \x20 </entry>\n",
            title = xml_escape(&entry.title),
            date = timestamp(entry.date),
            summary = xml_escape(&entry.description),
            content = xml_escape(&post_html(article)),
        );
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_site;

    #[test]
    fn xml_special_characters_are_escaped() {
        assert_eq!(
            xml_escape(r#"a<b>&"c"'"#),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;"
        );
        assert_eq!(xml_escape("a\u{0}b\u{1b}c\td\n"), "abc\td\n");
    }

    #[test]
    fn the_sitemap_lists_each_translation_with_its_alternates() {
        let sitemap = sitemap(test_site::catalog());
        let en_url = site::absolute(&post_path(
            Lang::En,
            "the-rise-of-serverless-edge-computing",
        ));
        let de_url = site::absolute(&post_path(
            Lang::De,
            "der-aufstieg-des-serverless-edge-computing",
        ));
        assert!(sitemap.contains(&format!("<loc>{en_url}</loc>")));
        assert!(sitemap.contains(&format!("<loc>{de_url}</loc>")));
        assert!(sitemap.contains(&format!("hreflang=\"de\" href=\"{de_url}\"")));
        assert!(sitemap.contains(&format!("hreflang=\"x-default\" href=\"{en_url}\"")));
    }

    #[test]
    fn standalone_pages_are_in_the_sitemap_and_in_no_feed() {
        let catalog = test_site::catalog();
        let sitemap = sitemap(catalog);
        let imprint = site::absolute(&post_path(Lang::De, "impressum"));
        let legal = site::absolute(&post_path(Lang::En, "legal-notice"));
        let entry = sitemap
            .split("<url>")
            .find(|url| url.contains(&format!("<loc>{imprint}</loc>")))
            .expect("the Impressum is listed");
        assert!(
            entry.contains(&format!("hreflang=\"en\" href=\"{legal}\"")),
            "{entry}"
        );
        assert!(!entry.contains("<lastmod>"), "{entry}");
        for lang in Lang::ALL {
            let feed = feed(catalog, lang);
            assert!(feed.contains("<entry"), "{feed}");
            assert!(
                !feed.contains("impressum") && !feed.contains("legal-notice"),
                "{feed}"
            );
        }
    }

    #[test]
    fn the_sitemap_lists_each_tag_with_its_pages_in_other_languages() {
        let sitemap = sitemap(test_site::catalog());
        let en = site::absolute(&tag_page_path(Lang::En, "edge-computing", 1));
        let de = site::absolute(&tag_page_path(Lang::De, "edge-computing", 1));
        let entry = sitemap
            .split("<url>")
            .find(|url| url.contains(&format!("<loc>{de}</loc>")))
            .expect("the German tag's page is listed");
        assert!(
            entry.contains(&format!("hreflang=\"en\" href=\"{en}\"")),
            "{entry}"
        );
        assert!(
            entry.contains(&format!("hreflang=\"x-default\" href=\"{en}\"")),
            "{entry}"
        );
        assert!(sitemap.contains(&format!(
            "<loc>{}</loc>",
            site::absolute(&Lang::De.tags_path())
        )));
    }

    #[test]
    fn each_tag_has_a_feed_in_each_language_it_has_posts_in() {
        let feeds = tag_feeds(test_site::catalog());
        let paths: Vec<&str> = feeds.iter().map(|(path, _)| path.as_str()).collect();
        assert!(
            paths.contains(&tag_feed_path(Lang::De, "serverless").as_str()),
            "{paths:?}"
        );
        assert_eq!(feeds.len(), 4, "{paths:?}");
        let (_, feed) = feeds
            .iter()
            .find(|(path, _)| *path == tag_feed_path(Lang::De, "edge-computing"))
            .unwrap();
        assert!(
            feed.contains("<title>Edgewise · Edge-Computing</title>"),
            "{feed}"
        );
        assert!(feed.contains("<title>Der Aufstieg des Serverless Edge Computing</title>"));
        assert!(feed.contains(&format!(
            "href=\"{}\"",
            site::absolute(&tag_page_path(Lang::De, "edge-computing", 1))
        )));
    }

    #[test]
    fn only_trunks_hashed_names_count_as_hashed() {
        assert!(is_hashed_name("bilingual-blog-82b4d2cdad859152.js"));
        assert!(is_hashed_name("bilingual-blog-82b4d2cdad859152_bg.wasm"));
        assert!(is_hashed_name("main-86bc1697221cd58f.css"));
        assert!(is_hashed_name("bilingual-blog-4ca19d1e87d835b.js"));
        assert!(!is_hashed_name("index.html"));
        assert!(!is_hashed_name("cover-1.jpg"));
        assert!(!is_hashed_name("robots.txt"));
    }

    #[test]
    fn hashed_files_are_cached_for_good_and_pages_and_data_revalidated() {
        let headers = headers(
            &["app-82b4d2cdad859152.js".to_owned()],
            "default-src 'self'",
        );
        let forever = "  Cache-Control: public, max-age=31536000, immutable";
        let revalidate = "  Cache-Control: public, max-age=0, must-revalidate";
        assert!(headers.contains(&format!(
            "{}\n{forever}",
            site::path("app-82b4d2cdad859152.js")
        )));
        assert!(headers.contains(&format!("{}\n{revalidate}", site::path("data/*"))));
        assert!(headers.contains(&format!("{}\n{revalidate}", site::path("de/*"))));
        assert!(headers.contains(&format!("\n{}\n{revalidate}", site::BASE)));
    }

    #[test]
    fn one_rule_gives_every_file_the_policy() {
        let headers = headers(&[], "default-src 'self'");
        let rule = format!(
            "\n{}*\n  Content-Security-Policy: default-src 'self'\n",
            site::BASE
        );
        assert!(headers.contains(&rule), "{headers}");
        assert_eq!(headers.matches("Content-Security-Policy").count(), 1);
    }

    #[test]
    fn robots_names_the_sitemap() {
        assert!(robots().contains(&format!("Sitemap: {}sitemap.xml", site::URL)));
    }

    #[test]
    fn a_feed_carries_each_post_in_full() {
        let feed = feed(test_site::catalog(), Lang::De);
        assert!(feed.contains("xml:lang=\"de\""));
        assert!(feed.contains("<title>Der Aufstieg des Serverless Edge Computing</title>"));
        // The body, escaped once: `<h2` is `&lt;h2` in the XML text.
        assert!(feed.contains("&lt;h2 id="), "{feed}");
        assert!(!feed.contains("<h2"));
    }
}
