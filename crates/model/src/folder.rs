//! The layout of a content folder, as the checker reads it and the
//! importer writes it: a folder per post, named as its id, and under
//! [`PAGES`] a folder per standalone page (About, Impressum) in the same
//! form.

/// The folder of standalone pages, at the top of a content folder: no
/// post's.
pub const PAGES: &str = "pages";

/// What a folder holds: a post (listed, dated, tagged) or a standalone page
/// (linked from the header or footer as the site file says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Post,
    Page,
}

impl Kind {
    /// `post` or `page`, as messages and reports name them.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Post => "post",
            Kind::Page => "page",
        }
    }

    /// The folder `id` of this kind, relative to the content folder (and to
    /// the site's `posts/`): `edge`, `pages/about`.
    pub fn folder(self, id: &str) -> String {
        match self {
            Kind::Post => id.to_owned(),
            Kind::Page => format!("{PAGES}/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn pages_live_in_their_own_folder_and_posts_at_the_top() {
        assert_eq!(Kind::Post.folder("edge"), "edge");
        assert_eq!(Kind::Page.folder("about"), "pages/about");
        assert_eq!([Kind::Post.name(), Kind::Page.name()], ["post", "page"]);
    }
}
