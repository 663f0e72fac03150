//! The post index compiled into the app (metadata only; bodies are fetched),
//! and lookups into it.

pub mod body;

use crate::date::Date;
use crate::lang::Lang;

/// A post: one topic, written in one or more languages.
#[derive(Debug, PartialEq, Eq)]
pub struct Post {
    /// The post's folder name under `content/`.
    pub id: &'static str,
    /// At most one per language, in [`Lang::ALL`] order.
    pub translations: &'static [Translation],
    /// The images and other files in the post's folder.
    pub assets: Assets,
}

/// Where a post's files are served, and the sizes of its images, so that
/// they take their place on the page before they load.
#[derive(Debug, PartialEq, Eq)]
pub struct Assets {
    /// The folder's URL from the site root, ending in `/`.
    pub base: &'static str,
    /// Every image in the folder, by path relative to it.
    pub images: &'static [ImageSize],
}

/// The pixel size of one image in a post's folder.
#[derive(Debug, PartialEq, Eq)]
pub struct ImageSize {
    /// Relative to the post's folder, e.g. `img/diagram.png`.
    pub path: &'static str,
    pub width: u32,
    pub height: u32,
}

impl Assets {
    /// The size of the image at `path` (relative, `./` allowed), if known.
    pub fn image_size(&self, path: &str) -> Option<(u32, u32)> {
        let path = path.trim_start_matches("./");
        self.images
            .iter()
            .find(|image| image.path == path)
            .map(|image| (image.width, image.height))
    }
}

/// A post in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Translation {
    pub lang: Lang,
    pub slug: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub date: Date,
    /// The date as the language writes it (`13. Februar 2026`).
    pub date_label: &'static str,
    /// `4 min read`, in the translation's language.
    pub reading_time: &'static str,
    pub cover: Option<Cover>,
    /// Where the Markdown body is served, from the site root.
    pub body_url: &'static str,
    /// The body's length in bytes: an answer of another length is not the
    /// body (cut short, or some other file), and is not shown.
    pub body_len: usize,
    pub draft: bool,
}

/// A post's cover image.
#[derive(Debug, PartialEq, Eq)]
pub struct Cover {
    pub url: &'static str,
    pub alt: &'static str,
    pub width: u32,
    pub height: u32,
}

// `static POSTS: &[Post]`, written by build.rs from `content/`.
include!(concat!(env!("OUT_DIR"), "/posts.rs"));

/// Every post in the build.
pub fn posts() -> &'static [Post] {
    POSTS
}

impl Post {
    /// The post in `lang`, if it has been translated into it.
    pub fn translation(&self, lang: Lang) -> Option<&'static Translation> {
        // `translations` borrows from a static, so its elements are 'static too.
        let translations: &'static [Translation] = self.translations;
        translations
            .iter()
            .find(|translation| translation.lang == lang)
    }

    /// The translation for readers whose language the post is not in (the
    /// `x-default` alternate), and the one the others translate: the
    /// default language's where there is one, else the first.
    pub fn default_translation(&self) -> Option<&'static Translation> {
        let translations: &'static [Translation] = self.translations;
        self.translation(Lang::DEFAULT).or(translations.first())
    }
}

impl Translation {
    /// The translation's page, e.g. `/en/the-rise-of-serverless-edge-computing/`
    /// (under the blog's base path). It ends in `/` because the page is a
    /// folder's `index.html` on a static host.
    pub fn path(&self) -> String {
        crate::site::path(&format!("{}/{}/", self.lang.code(), self.slug))
    }
}

/// The posts written in `lang`, newest first.
pub fn posts_in(lang: Lang) -> Vec<(&'static Post, &'static Translation)> {
    let mut found: Vec<_> = posts()
        .iter()
        .filter_map(|post| {
            post.translation(lang)
                .map(|translation| (post, translation))
        })
        .collect();
    found.sort_by(|(_, a), (_, b)| b.date.cmp(&a.date).then_with(|| a.title.cmp(b.title)));
    found
}

/// The post whose `lang` translation has `slug`.
pub fn find(lang: Lang, slug: &str) -> Option<(&'static Post, &'static Translation)> {
    posts().iter().find_map(|post| {
        post.translation(lang)
            .filter(|translation| translation.slug == slug)
            .map(|translation| (post, translation))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_post_is_indexed_in_both_languages() {
        let (post, en) = find(Lang::En, "the-rise-of-serverless-edge-computing").unwrap();
        let de = post.translation(Lang::De).unwrap();
        assert_eq!(de.slug, "der-aufstieg-des-serverless-edge-computing");
        assert_eq!(en.date_label, "February 13, 2026");
        assert_eq!(de.date_label, "13. Februar 2026");
        assert!(
            en.reading_time.ends_with(" min read"),
            "{}",
            en.reading_time
        );
        assert!(
            de.reading_time.ends_with(" Min. Lesezeit"),
            "{}",
            de.reading_time
        );
        let cover = en.cover.as_ref().unwrap();
        assert!(cover.width > 0 && cover.height > 0);
        assert!(cover.url.starts_with(post.assets.base));
        assert_eq!(
            post.assets.image_size("./cover.jpg"),
            Some((cover.width, cover.height))
        );
        assert_eq!(post.assets.image_size("missing.png"), None);
        assert!(
            en.body_url.starts_with(&crate::site::path("bodies/")) && en.body_url.ends_with(".md")
        );
    }

    #[test]
    fn slugs_belong_to_one_language() {
        assert!(find(Lang::De, "the-rise-of-serverless-edge-computing").is_none());
        assert!(find(Lang::En, "no-such-post").is_none());
    }

    #[test]
    fn posts_are_listed_newest_first() {
        for lang in Lang::ALL {
            let dates: Vec<Date> = posts_in(lang).iter().map(|(_, t)| t.date).collect();
            assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{dates:?}");
            assert!(posts_in(lang).iter().all(|(_, t)| t.lang == lang));
        }
    }

    #[test]
    fn translation_paths_carry_language_and_slug() {
        let (_, de) = find(Lang::De, "der-aufstieg-des-serverless-edge-computing").unwrap();
        assert_eq!(
            de.path(),
            crate::site::path("de/der-aufstieg-des-serverless-edge-computing/")
        );
    }
}
