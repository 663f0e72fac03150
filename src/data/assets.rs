//! What the Markdown mapping and the listings need of a post besides its
//! text: where its files are served, its images' sizes and the `srcset` and
//! `sizes` of their smaller copies, and its code blocks' token runs.

use blog_model::code::Highlight;
use blog_model::data::{Article, ImageSize, Variant};
use blog_model::percent::encode_srcset_url;

/// Where a post's files are served, and the sizes of its images, so that
/// the images of its body take their place before they load.
#[derive(Debug, Clone, Copy)]
pub struct Assets<'a> {
    /// The folder's URL from the site root, ending in `/`.
    pub base: &'a str,
    /// Every image in the folder, by path relative to it.
    pub images: &'a [ImageSize],
    /// The token runs of the body's fenced blocks with a language, in order.
    pub highlights: &'a [Highlight],
}

impl<'a> Assets<'a> {
    /// The assets of `article` (localized: its base is a URL of the site).
    pub fn of(article: &'a Article) -> Assets<'a> {
        Assets {
            base: &article.asset_base,
            images: &article.images,
            highlights: &article.highlights,
        }
    }

    /// The image at `path` (relative, `./` allowed), if it is one.
    pub fn image(&self, path: &str) -> Option<&'a ImageSize> {
        let path = path.trim_start_matches("./");
        self.images.iter().find(|image| image.path == path)
    }
}

/// How wide an image in the post's column shows: the column (`--measure`,
/// about 40rem) on wide screens, the screen less the page's padding on
/// phones. `srcset` lets the browser pick the copy for that width.
pub const COLUMN_SIZES: &str = "(min-width: 48rem) 40rem, calc(100vw - 2.5rem)";

/// How wide a card's cover shows: beside the text on wide screens, the
/// column on phones (style/main.css, `.card-cover`).
pub const CARD_SIZES: &str = "(min-width: 48rem) 16rem, calc(100vw - 2.5rem)";

/// The `srcset` of an image's smaller copies (`… 480w, … 800w`), or none;
/// each URL percent-encoded, so that a space or comma in a file's name does
/// not split the list.
pub fn srcset(variants: &[Variant]) -> Option<String> {
    (!variants.is_empty()).then(|| {
        variants
            .iter()
            .map(|variant| format!("{} {}w", encode_srcset_url(&variant.url), variant.width))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(url: &str, width: u32) -> Variant {
        Variant {
            url: url.to_owned(),
            width,
        }
    }

    #[test]
    fn srcset_lists_each_variant_by_its_url_and_width() {
        let variants = [
            variant("/posts/x/cover.480.webp", 480),
            variant("/posts/x/cover.800.webp", 800),
        ];
        assert_eq!(
            srcset(&variants).as_deref(),
            Some("/posts/x/cover.480.webp 480w, /posts/x/cover.800.webp 800w")
        );
        assert_eq!(
            srcset(&variants[..1]).as_deref(),
            Some("/posts/x/cover.480.webp 480w")
        );
        // A space or comma would split the list; `%` is left as written.
        let odd = [variant("/posts/a%20b/my shot,1.ä.480.webp", 480)];
        assert_eq!(
            srcset(&odd).as_deref(),
            Some("/posts/a%20b/my%20shot%2C1.%C3%A4.480.webp 480w")
        );
        assert_eq!(srcset(&[]), None);
    }
}
