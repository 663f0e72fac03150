//! Images and links in a post's body that lead nowhere on the built site.
//!
//! The app keeps a relative link as written (src/markdown.rs), so the
//! browser resolves it against the page, `/<lang>/<slug>/`: `../other-slug/`
//! is another post in the same language, and `../other-post/en.md` (a path
//! between source files) is a page the site does not have. Images resolve
//! against the post's folder instead.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use crate::diagnostic::{Diagnostic, Location};
use crate::front_matter::fields::inside_folder;
use crate::image_size;
use crate::source_text::LineIndex;
use blog_model::lang::Lang;
use blog_model::url_kind::{UrlKind, classify_url};

/// The pages the site will have: each translation's slug, by post id.
#[derive(Debug, Default)]
pub struct Pages {
    slugs: HashSet<(Lang, String)>,
    by_id: HashMap<(String, Lang), String>,
}

impl Pages {
    pub fn add(&mut self, id: &str, lang: Lang, slug: &str) {
        self.slugs.insert((lang, slug.to_owned()));
        self.by_id.insert((id.to_owned(), lang), slug.to_owned());
    }

    fn has_slug(&self, lang: Lang, slug: &str) -> bool {
        self.slugs.contains(&(lang, slug.to_owned()))
    }

    fn slug_of(&self, id: &str, lang: Lang) -> Option<&str> {
        self.by_id.get(&(id.to_owned(), lang)).map(String::as_str)
    }
}

/// The translation whose body is checked.
pub struct Page<'a> {
    /// As shown in messages, e.g. `content/edge/en.md`.
    pub shown: &'a str,
    pub dir: &'a Path,
    pub lang: Lang,
    pub slug: &'a str,
    /// The whole file's text, and where the body starts in it.
    pub text: &'a str,
    pub body_offset: usize,
}

/// The problems with the images and links in `page`'s body.
pub fn check(page: &Page<'_>, pages: &Pages) -> Vec<Diagnostic> {
    let body = &page.text[page.body_offset..];
    let lines = LineIndex::new(page.text);
    let mut problems = Vec::new();
    for (event, range) in Parser::new_ext(body, blog_model::body::options()).into_offset_iter() {
        let (url, is_image) = match event {
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            // An email autolink (`<a@b.example>`) becomes a `mailto:` link.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => continue,
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            _ => continue,
        };
        let kind = classify_url(&url);
        if !matches!(kind, UrlKind::Relative | UrlKind::Unsafe) {
            continue;
        }
        let (line, column) = lines.position(page.body_offset + range.start);
        let at = Location::at(page.shown, line, column);
        let problem = match (kind, is_image) {
            (UrlKind::Unsafe, _) => Some(dropped(&url, is_image, at)),
            (_, true) => check_image(page, &url, at),
            (_, false) => check_link(page, pages, &url, at),
        };
        problems.extend(problem);
    }
    problems
}

/// An image from the post's folder (relative `url`) that is not there,
/// outside it, or an SVG without a size.
pub(crate) fn check_image(page: &Page<'_>, url: &str, at: Location) -> Option<Diagnostic> {
    let path = strip_suffixes(url);
    if path.starts_with('/') {
        return None;
    }
    let shown_dir = page
        .shown
        .rsplit_once('/')
        .map_or(page.shown, |(dir, _)| dir);
    match inside_folder(&percent_decode(path)) {
        None => Some(
            Diagnostic::error(
                at,
                format!("the image `{url}` is outside the post's folder"),
            )
            .help("images are served from the post's folder: copy it there and write `./<name>`"),
        ),
        Some(relative) if !page.dir.join(&relative).is_file() => Some(
            Diagnostic::error(
                at,
                format!("the image `{url}` does not exist in {shown_dir}/"),
            )
            .help("check the file name, or add the image to the post's folder"),
        ),
        Some(relative)
            if image_size::is_svg(&relative) && image_size::of(&page.dir.join(&relative)).is_none() =>
        {
            Some(
                Diagnostic::warning(
                    at,
                    format!("the image `{url}` states no size: the text below it moves when it loads"),
                )
                .help("give its <svg> element a width and a height in px (or one of them and a viewBox)"),
            )
        }
        Some(_) => None,
    }
}

fn check_link(page: &Page<'_>, pages: &Pages, url: &str, at: Location) -> Option<Diagnostic> {
    let path = strip_suffixes(url);
    if path.is_empty() {
        return None;
    }
    if path.ends_with(".md") {
        return Some(markdown_link(page, pages, url, path, at));
    }
    let Some(segments) = resolve(page, path) else {
        return Some(
            Diagnostic::error(at, format!("the link `{url}` leads above the site's root"))
                .help("link other posts as `../<slug>/`"),
        );
    };
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    match parts.as_slice() {
        [] | ["404.html" | "sitemap.xml" | "robots.txt"] | ["posts" | "bodies", ..] => None,
        [lang] | [lang, "feed.xml" | "index.html"] if Lang::from_code(lang).is_some() => None,
        [lang, slug] | [lang, slug, "index.html"] => {
            let lang = Lang::from_code(lang)?;
            if pages.has_slug(lang, slug) {
                return None;
            }
            let help = match pages.slug_of(slug, lang) {
                Some(real) => format!("`{slug}` is a post folder; its page in {lang} is `{}`", page_link(page, lang, real)),
                None => "link other posts by their slug, as `../<slug>/`".to_owned(),
            };
            Some(Diagnostic::error(at, format!("the link `{url}` leads to /{lang}/{slug}/, but no post in {lang} has the slug `{slug}`")).help(help))
        }
        _ => Some(
            Diagnostic::error(at, format!("the link `{url}` leads to /{}, which the site does not have", parts.join("/")))
                .help("link other posts as `../<slug>/`, and files of this post as `/posts/<folder>/<file>`"),
        ),
    }
}

/// A link to a translation's source file (`../other-post/en.md`): it would
/// be a page of that name on the site, which does not exist.
fn markdown_link(
    page: &Page<'_>,
    pages: &Pages,
    url: &str,
    path: &str,
    at: Location,
) -> Diagnostic {
    let mut parts: Vec<&str> = path
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    let file = parts.pop().unwrap_or_default();
    let id = match parts.as_slice() {
        [] => page
            .dir
            .file_name()
            .map(|name| name.to_string_lossy().into_owned()),
        ["..", id] => Some((*id).to_owned()),
        _ => None,
    };
    let target = id.zip(file.strip_suffix(".md").and_then(Lang::from_code));
    match target.and_then(|(id, lang)| Some((lang, pages.slug_of(&id, lang)?))) {
        Some((lang, slug)) => Diagnostic::error(
            at,
            format!("the link `{url}` names a Markdown file, which the site does not serve"),
        )
        .help(format!(
            "link the post's page instead: `{}`",
            page_link(page, lang, slug)
        )),
        None => Diagnostic::error(
            at,
            format!("the link `{url}` names a Markdown file that is not a post"),
        )
        .help("link other posts as `../<slug>/`"),
    }
}

/// The relative link from `page` to the post with `slug` in `lang`.
fn page_link(page: &Page<'_>, lang: Lang, slug: &str) -> String {
    if lang == page.lang {
        format!("../{slug}/")
    } else {
        format!("../../{}/{slug}/", lang.code())
    }
}

/// The path segments `path` leads to from `/<lang>/<slug>/`, or `None` above
/// the root.
fn resolve(page: &Page<'_>, path: &str) -> Option<Vec<String>> {
    let mut segments: Vec<String> = if path.starts_with('/') {
        Vec::new()
    } else {
        vec![page.lang.code().to_owned(), page.slug.to_owned()]
    };
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            part => segments.push(percent_decode(part)),
        }
    }
    Some(segments)
}

/// A link or image whose scheme the app never follows (`javascript:`,
/// `data:` …): shown, but without its URL. Legal, so only a warning.
fn dropped(url: &str, is_image: bool, at: Location) -> Diagnostic {
    let what = if is_image { "image" } else { "link" };
    let shown: String = url.chars().filter(|c| !c.is_control()).take(60).collect();
    Diagnostic::warning(
        at,
        format!("the {what} `{shown}` loses its URL: the blog keeps only http, https, mailto and its own pages"),
    )
    .help(if is_image {
        "use an image from the post's folder or an https address"
    } else {
        "link to a web page or a post instead"
    })
}

/// The path without its query and fragment.
fn strip_suffixes(url: &str) -> &str {
    url.trim().split(['?', '#']).next().unwrap_or("")
}

/// `%20` and the like, as the browser decodes them into a file name.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_folder::Folder;

    fn problems(body: &str) -> Vec<String> {
        problems_in(Path::new("/nonexistent/this-post"), body)
    }

    fn problems_in(dir: &Path, body: &str) -> Vec<String> {
        let mut pages = Pages::default();
        pages.add("edge", Lang::En, "rise-of-edge");
        pages.add("edge", Lang::De, "aufstieg");
        pages.add("this-post", Lang::En, "this");
        let text = format!("---\ntitle: T\n---\n{body}");
        let page = Page {
            shown: "content/this-post/en.md",
            dir,
            lang: Lang::En,
            slug: "this",
            text: &text,
            body_offset: 17,
        };
        check(&page, &pages)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn links_to_existing_pages_and_other_sites_pass() {
        let body = "[a](../rise-of-edge/) [b](/de/aufstieg/) [c](/en/) [d](https://x.y/) \
                    [e](#top) [f](mailto:a@b.c) [g](../../de/aufstieg) [h](/en/feed.xml)\n";
        assert_eq!(problems(body), Vec::<String>::new());
    }

    #[test]
    fn a_link_to_a_missing_post_names_the_slug() {
        let found = problems("Text\n\nSee [it](../no-such-post/).\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("content/this-post/en.md:6:5: error: the link `../no-such-post/` leads to /en/no-such-post/, but no post in en has the slug `no-such-post`"), "{found:?}");
    }

    #[test]
    fn a_link_to_a_post_folder_or_its_markdown_file_suggests_the_page() {
        let found = problems("[a](../edge/) [b](../edge/de.md)\n");
        assert!(
            found[0].contains("its page in en is `../rise-of-edge/`"),
            "{found:?}"
        );
        assert!(found[1].contains("names a Markdown file"), "{found:?}");
        assert!(found[1].contains("`../../de/aufstieg/`"), "{found:?}");
    }

    #[test]
    fn an_svg_without_a_size_is_a_warning_where_it_is() {
        let folder = Folder::new("links-svg");
        let svg =
            |attributes: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}/>");
        folder.write("sized.svg", svg("width=\"240\" height=\"80\"").as_bytes());
        folder.write("fluid.svg", svg("viewBox=\"0 0 240 80\"").as_bytes());
        folder.write("photo.png", b"not decoded by the checker");
        let found = problems_in(
            &folder.0,
            "![a](./sized.svg) ![b](./photo.png)\n\n![c](./fluid.svg)\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(
                "content/this-post/en.md:6:1: warning: the image `./fluid.svg` states no size"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_missing_image_is_an_error_where_it_is() {
        let found = problems("\n![x](./missing.png)\n");
        assert!(found[0].starts_with("content/this-post/en.md:5:1: error: the image `./missing.png` does not exist in content/this-post/"), "{found:?}");
    }
}
