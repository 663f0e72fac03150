//! Random content folders for the checker's property tests: post folders
//! with any set of files (translations in languages the blog has and has
//! not, names in the wrong case, covers that are text, images, stray
//! files), written to a temporary folder; and folders built to be valid,
//! whose posts are known.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use blog_model::lang::Lang;
use blog_model::slug::slugify;

use crate::content::post_text::{self, Expected};
use crate::seeded::Rng;

/// A content folder: its files by path relative to it (`edge/en.md`), and,
/// for one built to be valid, each translation's fields by path.
#[derive(Debug, Clone)]
pub struct Tree {
    pub files: Vec<(String, Vec<u8>)>,
    pub expected: Option<Vec<(String, Expected)>>,
}

/// A 1×1 PNG: just enough of one for its size to be read.
pub const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
];

const FOLDERS: &[&str] = &[
    "a", "edge", "post-1", "Bad Name", "UPPER", "x_y", ".hidden", "ümlaut", "feed", "a--b", "-x",
];

const FILES: &[&str] = &[
    "en.md",
    "de.md",
    "en.md",
    "de.md",
    "fr.md",
    "de.MD",
    "EN.md",
    "en.markdown",
    "img/en.md",
    ".hidden.md",
    "README.md",
    "cover.jpg",
    "cover.png",
    "img/x.png",
    "notes.txt",
];

/// A folder of random posts and files.
pub fn random(rng: &mut Rng) -> Tree {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for _ in 0..1 + rng.below(4) {
        let folder = *rng.pick(FOLDERS);
        for _ in 0..rng.below(5) {
            let name = *rng.pick(FILES);
            let path = format!("{folder}/{name}");
            if files.iter().any(|(other, _)| *other == path) {
                continue;
            }
            let bytes = match name {
                "cover.png" | "img/x.png" => PNG.to_vec(),
                "cover.jpg" if rng.below(2) == 0 => PNG.to_vec(),
                "cover.jpg" | "notes.txt" => b"not an image\n".to_vec(),
                _ if rng.below(3) == 0 => {
                    let n = files.len();
                    let title = post_text::title(rng, n);
                    let body = post_text::valid_body(rng);
                    let cover = rng.below(3) == 0;
                    post_text::valid(rng, title, None, cover, &body).bytes()
                }
                _ => post_text::random(rng).bytes(),
            };
            files.push((path, bytes));
        }
    }
    // A stray file beside the post folders.
    if rng.below(8) == 0 {
        files.push(("README.md".to_owned(), b"# Notes\n".to_vec()));
    }
    Tree {
        files,
        expected: None,
    }
}

/// A post of a valid folder, planned before its files are written.
struct Planned {
    id: String,
    /// Language, title and, where set, slug of each translation.
    translations: Vec<(Lang, String, Option<String>)>,
    cover: bool,
}

/// A folder of valid posts, linking each other by their slugs.
pub fn valid(rng: &mut Rng) -> Tree {
    // Slugs first, so that bodies can link them.
    let mut posts: Vec<Planned> = Vec::new();
    for index in 0..1 + rng.below(3) {
        let mut translations = Vec::new();
        for lang in Lang::ALL {
            if translations.is_empty() || rng.below(4) != 0 {
                let n = index * Lang::ALL.len() + translations.len();
                let title = post_text::title(rng, n);
                let slug = (rng.below(3) == 0).then(|| format!("set-{n}"));
                translations.push((lang, title, slug));
            }
        }
        posts.push(Planned {
            id: format!("post-{index}"),
            translations,
            cover: rng.below(2) == 0,
        });
    }
    let pages: Vec<(Lang, String)> = posts
        .iter()
        .flat_map(|post| &post.translations)
        .map(|(lang, title, slug)| (*lang, slug.clone().unwrap_or_else(|| slugify(title))))
        .collect();
    let mut files = Vec::new();
    let mut expected = Vec::new();
    for post in &posts {
        let id = &post.id;
        if post.cover {
            files.push((format!("{id}/cover.png"), PNG.to_vec()));
        }
        for (lang, title, slug) in &post.translations {
            let mut body = post_text::valid_body(rng);
            for _ in 0..rng.below(3) {
                let (other, slug) = rng.pick(&pages);
                if other == lang {
                    body.push_str(&format!(" [a post](../{slug}/)"));
                } else {
                    body.push_str(&format!(" [a post](../../{}/{slug}/)", other.code()));
                }
            }
            if post.cover && rng.below(2) == 0 {
                body.push_str("\n\n![the cover](./cover.png)\n");
            }
            let text = post_text::valid(rng, title.clone(), slug.clone(), post.cover, &body);
            let path = format!("{id}/{}.md", lang.code());
            files.push((path.clone(), text.bytes()));
            expected.extend(text.expected.map(|fields| (path, fields)));
        }
    }
    Tree {
        files,
        expected: Some(expected),
    }
}

/// Writes `tree` into `root`, emptied first.
pub fn write(root: &Path, tree: &Tree) -> io::Result<()> {
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    fs::create_dir_all(root)?;
    for (path, bytes) in &tree.files {
        let path: PathBuf = root.join(path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)?;
    }
    Ok(())
}
