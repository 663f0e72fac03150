//! Every post of one or more content folders, read and checked: the one
//! entry point `publish`, `check-content` and the tests share.
//!
//! Each file goes through the stages in order (encoding, front matter,
//! cover); then the posts are checked against each other (folder names and
//! slugs unique, links leading to posts that exist, translations present).
//! Every problem is collected, never just the first.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fs;
use std::path::PathBuf;

use crate::cover;
use crate::diagnostic::{Diagnostic, Location};
use crate::encoding;
use crate::front_matter::{self, FrontMatter};
use crate::highlight;
use crate::links::{self, Pages};
use crate::outline;
use crate::post_dir::{self, Kind, PostDir, TranslationFile};
use crate::site_file::SiteFile;
use crate::tags::Tags;
use blog_model::labels::count_words;
use blog_model::lang::Lang;

/// A content folder, and how to show it in messages (`content`,
/// `tests/fixtures/content`): relative, the way the author typed it.
#[derive(Debug, Clone)]
pub struct ContentRoot {
    pub path: PathBuf,
    pub shown: String,
}

impl ContentRoot {
    pub fn new(path: impl Into<PathBuf>, shown: &str) -> ContentRoot {
        ContentRoot {
            path: path.into(),
            shown: shown.trim_end_matches('/').to_owned(),
        }
    }
}

/// Whether drafts are part of the result. Drafts are checked either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drafts {
    /// `trunk serve` and the checker.
    Include,
    /// Release builds.
    Leave,
}

/// One post as read from its folder, before it is published as data files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePost {
    pub id: String,
    /// A post, or a standalone page (`content/pages/<name>/`).
    pub kind: Kind,
    pub dir: PathBuf,
    /// At most one per language, in [`Lang::ALL`] order.
    pub translations: Vec<SourceTranslation>,
    /// Every other file in the folder, relative to it.
    pub assets: Vec<PathBuf>,
}

/// One translation file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceTranslation {
    pub lang: Lang,
    /// As shown in messages, e.g. `content/edge/de.md`.
    pub shown: String,
    pub front: FrontMatter,
    /// The Markdown after the front matter.
    pub body: String,
    pub words: usize,
}

/// The posts of a build, and every problem found reading them.
#[derive(Debug, Default)]
pub struct Library {
    pub posts: Vec<SourcePost>,
    /// Every tag of the content folders' `tags.yml`.
    pub tags: Tags,
    /// The blog's identity, from the first content folder's `site.yml`.
    pub site: SiteFile,
    /// Errors and warnings, in the order the files were read.
    pub diagnostics: Vec<Diagnostic>,
}

impl Library {
    /// Reads and checks every post under `roots`.
    pub fn load(roots: &[ContentRoot], drafts: Drafts) -> Library {
        let mut diagnostics = Vec::new();
        let site = SiteFile::load(roots, &mut diagnostics);
        let tags = Tags::load(roots, &mut diagnostics);
        let mut dirs: Vec<PostDir> = Vec::new();
        for root in roots {
            for dir in post_dir::read_root(&root.path, &root.shown, &mut diagnostics) {
                if let Some(first) = dirs
                    .iter()
                    .find(|other| (other.kind, &other.id) == (dir.kind, &dir.id))
                {
                    diagnostics.push(
                        Diagnostic::error(
                            Location::path(&dir.shown),
                            format!("a {} folder named `{}` exists already: {}", dir.kind.name(), dir.id, first.shown),
                        )
                        .help("folders name posts and pages, and must differ across content folders; rename one"),
                    );
                    continue;
                }
                dirs.push(dir);
            }
        }
        let mut read: Vec<(PostDir, Vec<Read>)> = dirs
            .into_iter()
            .map(|dir| {
                let files = dir
                    .translations
                    .iter()
                    .filter_map(|file| read_translation(&dir, file, &mut diagnostics))
                    .collect();
                (dir, files)
            })
            .collect();

        check_unique_slugs(&read, &mut diagnostics);
        let mut pages = Pages::default();
        for (dir, files) in &read {
            for file in files {
                pages.add(
                    &dir.id,
                    file.translation.lang,
                    &file.translation.front.slug.value,
                );
            }
        }
        for (dir, files) in &read {
            for file in files {
                let page = links::Page {
                    shown: &file.translation.shown,
                    dir: &dir.dir,
                    lang: file.translation.lang,
                    slug: &file.translation.front.slug.value,
                    text: &file.text,
                    body_offset: file.body_offset,
                };
                diagnostics.extend(links::check(&page, &pages));
                diagnostics.extend(crate::raw_html::check(&page));
                diagnostics.extend(highlight::check(
                    &file.translation.shown,
                    &file.text,
                    file.body_offset,
                ));
            }
            check_translated(dir, files, &mut diagnostics);
        }
        check_tags(&read, &tags, &mut diagnostics);
        check_linked_pages(&site, &read, &mut diagnostics);

        let posts = read
            .iter_mut()
            .filter_map(|(dir, files)| {
                let translations: Vec<SourceTranslation> = files
                    .drain(..)
                    .map(|file| file.translation)
                    .filter(|translation| drafts == Drafts::Include || !translation.front.draft)
                    .collect();
                (!translations.is_empty()).then(|| SourcePost {
                    id: dir.id.clone(),
                    kind: dir.kind,
                    dir: dir.dir.clone(),
                    translations,
                    assets: dir.assets.clone(),
                })
            })
            .collect();
        Library {
            posts,
            tags,
            site,
            diagnostics,
        }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|diagnostic| !diagnostic.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

/// A translation read, with the text its positions refer to.
struct Read {
    translation: SourceTranslation,
    text: String,
    body_offset: usize,
}

fn read_translation(
    dir: &PostDir,
    file: &TranslationFile,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Read> {
    let bytes = match fs::read(&file.path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                Location::path(&file.shown),
                format!("cannot read the file: {err}"),
            ));
            return None;
        }
    };
    let text = match encoding::decode(&file.shown, bytes) {
        Ok(text) => text,
        Err(problem) => {
            diagnostics.push(problem);
            return None;
        }
    };
    let mojibake = encoding::find_mojibake(&file.shown, &text);
    let has_mojibake = !mojibake.is_empty();
    diagnostics.extend(mojibake);
    let split = match front_matter::split(&file.shown, &text) {
        Ok(split) => split,
        Err(problem) => {
            diagnostics.push(problem);
            return None;
        }
    };
    let (front, problems) = front_matter::parse(&file.shown, &split, dir.kind);
    diagnostics.extend(problems);
    let front = front?;
    if let Some(cover) = &front.cover
        && let Err(problem) = cover::check(&file.shown, &dir.dir, &dir.shown, cover)
    {
        diagnostics.push(problem);
        return None;
    }
    if has_mojibake {
        return None;
    }
    let body = split.body.to_owned();
    let body_offset = split.body_offset;
    Some(Read {
        translation: SourceTranslation {
            lang: file.lang,
            shown: file.shown.clone(),
            words: count_words(&body),
            front,
            body,
        },
        text,
        body_offset,
    })
}

/// A slug belongs to one translation per language; every later one is
/// blamed on the first holder.
fn check_unique_slugs(read: &[(PostDir, Vec<Read>)], diagnostics: &mut Vec<Diagnostic>) {
    let mut first: HashMap<(Lang, &str), &SourceTranslation> = HashMap::new();
    for file in read.iter().flat_map(|(_, files)| files) {
        let translation = &file.translation;
        let slug = &translation.front.slug;
        let holder = match first.entry((translation.lang, slug.value.as_str())) {
            Entry::Vacant(entry) => {
                entry.insert(translation);
                continue;
            }
            Entry::Occupied(entry) => *entry.get(),
        };
        let origin = |translation: &SourceTranslation| {
            if translation.front.slug.from_title {
                "from its title"
            } else {
                "set as `slug`"
            }
        };
        diagnostics.push(
            Diagnostic::error(
                Location::line(&translation.shown, slug.line),
                format!(
                    "slug `{}` ({}) is already used by {}:{} ({})",
                    slug.value,
                    origin(translation),
                    holder.shown,
                    holder.front.slug.line,
                    origin(holder),
                ),
            )
            .help("set a different `slug` in one of them; slugs are unique within a language, posts and pages alike"),
        );
    }
}

/// Every page the site file links is a folder of `pages/`.
fn check_linked_pages(
    site: &SiteFile,
    read: &[(PostDir, Vec<Read>)],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let names: Vec<&str> = read
        .iter()
        .filter(|(dir, _)| dir.kind == Kind::Page)
        .map(|(dir, _)| dir.id.as_str())
        .collect();
    for page in &site.pages {
        if names.contains(&page.name.as_str()) {
            continue;
        }
        let help = match crate::diagnostic::closest(&page.name, names.iter().copied(), 2) {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!(
                "a page is a folder `pages/{}/` in the content folder, with `en.md` or `de.md`",
                page.name
            ),
        };
        diagnostics.push(
            Diagnostic::error(page.at.clone(), format!("there is no page `{}`", page.name))
                .help(help),
        );
    }
}

/// Every tag a post names is in `tags.yml`; a tag only one post carries
/// makes pages that list one post, which is worth a warning.
fn check_tags(read: &[(PostDir, Vec<Read>)], tags: &Tags, diagnostics: &mut Vec<Diagnostic>) {
    let mut used: HashMap<&str, Vec<(&str, usize, usize)>> = HashMap::new();
    for (_, files) in read {
        let mut in_post: Vec<&str> = Vec::new();
        for file in files {
            let translation = &file.translation;
            for tag in &translation.front.tags {
                if tags.get(&tag.id).is_none() {
                    let help = match tags.closest(&tag.id) {
                        Some(known) => {
                            format!("did you mean `{known}`? Tags are defined in tags.yml")
                        }
                        None => format!(
                            "define it in tags.yml at the top of the content folder: `{}:` with a label per language",
                            tag.id
                        ),
                    };
                    diagnostics.push(
                        Diagnostic::error(
                            Location::at(&translation.shown, tag.line, tag.column),
                            format!("unknown tag `{}`", tag.id),
                        )
                        .help(help),
                    );
                } else if !in_post.contains(&tag.id.as_str()) {
                    in_post.push(&tag.id);
                    used.entry(&tag.id).or_default().push((
                        &translation.shown,
                        tag.line,
                        tag.column,
                    ));
                }
            }
        }
    }
    let mut once: Vec<_> = used
        .into_iter()
        .filter(|(_, uses)| uses.len() == 1)
        .collect();
    once.sort();
    for (id, uses) in once {
        let (shown, line, column) = uses[0];
        diagnostics.push(
            Diagnostic::warning(
                Location::at(shown, line, column),
                format!("the tag `{id}` is used by this post only"),
            )
            .help("its page lists one post; tag more posts with it, or use a broader tag"),
        );
    }
}

/// A post without a translation into every language is legal, but often
/// a file forgotten.
fn check_translated(dir: &PostDir, files: &[Read], diagnostics: &mut Vec<Diagnostic>) {
    if files.is_empty() || files.len() != dir.translations.len() {
        // The files it has did not read; that is the problem to fix first.
        return;
    }
    for lang in Lang::ALL {
        if files.iter().all(|file| file.translation.lang != lang) {
            diagnostics.push(
                Diagnostic::warning(
                    Location::path(&dir.shown),
                    format!("the {} is not translated into {}: no `{}.md`", dir.kind.name(), lang.native_name(), lang.code()),
                )
                .help("readers of that language are offered its index instead; add the file when it is translated"),
            );
        }
    }
    // Switching language keeps the reader's place by the headings' shape.
    let outlines: Vec<_> = files
        .iter()
        .map(|file| {
            (
                file.translation.shown.as_str(),
                outline::outline(&file.text, file.body_offset),
            )
        })
        .collect();
    if let Some(((first, first_outline), others)) = outlines.split_first() {
        for (path, headings) in others {
            diagnostics.extend(outline::check((first, first_outline), (path, headings)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_folder::Folder;

    /// A content folder in a fresh temporary folder, removed on drop.
    struct Tree(Folder);

    impl Tree {
        fn new(name: &str, files: &[(&str, &[u8])]) -> Tree {
            let folder = Folder::new(&format!("library-{name}"));
            for (path, bytes) in files {
                folder.write(path, bytes);
            }
            Tree(folder)
        }

        fn load(&self, drafts: Drafts) -> Library {
            Library::load(&[ContentRoot::new(&self.0.0, "content")], drafts)
        }
    }

    /// A 1×1 PNG: just enough of one for its size to be read.
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0,
        0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    ];

    fn post(title: &str, extra: &str) -> Vec<u8> {
        format!(
            "---\ntitle: {title}\ndescription: D\ndate: 2026-02-13\n{extra}---\nSome words here.\n"
        )
        .into_bytes()
    }

    #[test]
    fn a_post_folder_groups_its_translations_and_assets() {
        let en = post("Hello", "cover: ./cover.png\ncover_alt: A pixel\n");
        let de = post("Hallo", "");
        let tree = Tree::new(
            "group",
            &[
                ("a/en.md", &en),
                ("a/de.md", &de),
                ("a/cover.png", PNG),
                ("a/img/x.png", PNG),
            ],
        );
        let library = tree.load(Drafts::Leave);
        assert_eq!(library.diagnostics, []);
        let [post] = library.posts.as_slice() else {
            panic!("{:?}", library.posts)
        };
        let langs: Vec<Lang> = post.translations.iter().map(|t| t.lang).collect();
        assert_eq!(langs, [Lang::En, Lang::De]);
        assert_eq!(
            post.assets,
            [PathBuf::from("cover.png"), PathBuf::from("img/x.png")]
        );
        assert_eq!(post.translations[0].words, 3);
        assert_eq!(post.translations[0].shown, "content/a/en.md");
        assert_eq!(post.translations[0].body, "Some words here.\n");
    }

    #[test]
    fn drafts_are_checked_always_and_left_out_only_when_asked() {
        let draft = post("Draft", "draft: true\n");
        let other_draft = post("Other draft", "draft: true\n");
        let live = post("Live", "");
        let tree = Tree::new(
            "drafts",
            &[
                ("a/en.md", &draft),
                ("a/de.md", &live),
                ("b/en.md", &other_draft),
                ("b/de.md", &live),
            ],
        );
        let without = tree.load(Drafts::Leave);
        let ids: Vec<(&str, usize)> = without
            .posts
            .iter()
            .map(|p| (p.id.as_str(), p.translations.len()))
            .collect();
        assert_eq!(ids, [("a", 1), ("b", 1)]);
        assert_eq!(without.posts[0].translations[0].lang, Lang::De);
        // Both German files are titled "Live": the draft does not hide that.
        assert_eq!(without.errors().count(), 1);
        let with = tree.load(Drafts::Include);
        assert_eq!(
            with.posts
                .iter()
                .map(|p| p.translations.len())
                .sum::<usize>(),
            4
        );
    }

    #[test]
    fn a_folder_name_used_in_two_content_folders_is_an_error_naming_the_first() {
        let text = post("Hello", "");
        let one = Tree::new("root-one", &[("a/en.md", &text)]);
        let two = Tree::new("root-two", &[("a/de.md", &post("Hallo", ""))]);
        let library = Library::load(
            &[
                ContentRoot::new(&one.0.0, "content"),
                ContentRoot::new(&two.0.0, "more/"),
            ],
            Drafts::Include,
        );
        let errors: Vec<String> = library.errors().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("more/a: error: a post folder named `a` exists already: content/a"),
            "{errors:?}"
        );
    }

    fn page(title: &str, extra: &str) -> Vec<u8> {
        format!("---\ntitle: {title}\ndescription: D\n{extra}---\nWho writes here.\n").into_bytes()
    }

    #[test]
    fn pages_are_the_folders_of_pages_and_share_the_slugs_of_posts() {
        let site = b"pages:\n  header: [about]\n  footer: [imprint, privcy]\n";
        let tree = Tree::new(
            "pages",
            &[
                ("site.yml", site),
                ("a/en.md", &post("About", "")),
                ("pages/about/en.md", &page("About", "")),
                ("pages/about/de.md", &page("Über uns", "")),
                ("pages/imprint/de.md", &page("Impressum", "")),
                ("pages/privacy/de.md", &page("Datenschutz", "")),
            ],
        );
        let library = tree.load(Drafts::Leave);
        let kinds: Vec<(Kind, &str)> = library
            .posts
            .iter()
            .map(|post| (post.kind, post.id.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Post, "a"),
                (Kind::Page, "about"),
                (Kind::Page, "imprint"),
                (Kind::Page, "privacy")
            ]
        );
        let errors: Vec<String> = library.errors().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].starts_with(
                "content/pages/about/en.md:2:1: error: slug `about` (from its title) is already used by content/a/en.md:2"
            ),
            "{errors:#?}"
        );
        assert!(
            errors[1].starts_with("content/site.yml:3:21: error: there is no page `privcy`"),
            "{errors:#?}"
        );
        assert!(errors[1].contains("did you mean `privacy`?"), "{errors:#?}");
        let warnings: Vec<String> = library.warnings().map(ToString::to_string).collect();
        assert!(
            warnings.iter().any(|w| w.starts_with(
                "content/pages/imprint: warning: the page is not translated into English"
            )),
            "{warnings:#?}"
        );
    }
}
