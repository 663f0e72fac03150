//! The content checker under random input, at two levels: one translation
//! file through the stages the library reads it with (encoding, mojibake,
//! front matter, the body's links), in memory; and whole content folders
//! written to a temporary folder and read by [`Library::load`], the entry
//! point `check-content` and the build share. Each input is checked twice,
//! for the properties in `properties.rs` and for the same result both
//! times; a failing input is shrunk to its cause.

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use blog_content::diagnostic::Diagnostic;
use blog_content::encoding;
use blog_content::front_matter::{self, FrontMatter};
use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::links::{self, Page, Pages};
use blog_model::lang::Lang;

pub mod post_text;
pub mod properties;
pub mod tree;

use crate::content::post_text::PostText;
use crate::content::properties::ROOT;
use crate::content::tree::{self as content_tree, Tree};
use crate::seeded::{self, Rng, panic_message};

/// Where a generated file is shown.
const SHOWN: &str = "content/post/en.md";

/// One file read as the library reads a translation, without the disk:
/// its front matter when accepted, and every problem found.
pub fn read_file(bytes: &[u8]) -> (Option<FrontMatter>, Vec<Diagnostic>) {
    let text = match encoding::decode(SHOWN, bytes.to_vec()) {
        Ok(text) => text,
        Err(problem) => return (None, vec![problem]),
    };
    let mut problems = encoding::find_mojibake(SHOWN, &text);
    let has_mojibake = !problems.is_empty();
    let split = match front_matter::split(SHOWN, &text) {
        Ok(split) => split,
        Err(problem) => {
            problems.push(problem);
            return (None, problems);
        }
    };
    let (front, found) = front_matter::parse(SHOWN, &split, blog_content::post_dir::Kind::Post);
    problems.extend(found);
    if let Some(front) = &front {
        let mut pages = Pages::default();
        pages.add("post", Lang::En, &front.slug.value);
        let page = Page {
            shown: SHOWN,
            dir: Path::new("/nonexistent/content/post"),
            lang: Lang::En,
            slug: &front.slug.value,
            text: &text,
            body_offset: split.body_offset,
        };
        problems.extend(links::check(&page, &pages));
    }
    (front.filter(|_| !has_mojibake), problems)
}

/// The properties of one generated file.
pub fn check_file(post: &PostText) -> Result<(), String> {
    let bytes = post.bytes();
    let read = || panic::catch_unwind(AssertUnwindSafe(|| read_file(&bytes)));
    let (front, found) = read().map_err(|panic| format!("panicked: {}", panic_message(&*panic)))?;
    let again = read().map_err(|panic| format!("panicked: {}", panic_message(&*panic)))?;
    if again != (front.clone(), found.clone()) {
        return Err(format!("two runs differ:\n{found:#?}\n{:#?}", again.1));
    }
    properties::diagnostics(
        &found,
        |path| (path == SHOWN).then(|| bytes.clone()),
        |path| path == "content/post",
    )?;
    if let Some(front) = &front {
        properties::accepted(front)?;
    }
    if let Some(expected) = &post.expected {
        if let Some(error) = found.iter().find(|found| found.is_error()) {
            return Err(format!("a file built to be valid has an error: {error}"));
        }
        let front = front.ok_or("a file built to be valid is not accepted")?;
        properties::round_trip(&front, expected)?;
    }
    Ok(())
}

/// Checks `cases` files from `seed` on, each from its own seed, one in
/// four built to be valid; returns the first failure, shrunk, with its seed.
pub fn run_files(seed: u64, cases: u64) -> Result<(), String> {
    for case in seed..seed + cases {
        let rng = &mut Rng::new(case);
        let post = if case % 4 == 0 {
            let title = post_text::title(rng, 0);
            let body = post_text::valid_body(rng);
            let cover = rng.below(4) == 0;
            post_text::valid(rng, title, None, cover, &body)
        } else {
            post_text::random(rng)
        };
        if let Err(problem) = check_file(&post) {
            // A file built to be valid stops being so when cut; it is
            // shown whole.
            let post = match post.expected {
                Some(_) => post,
                None => PostText {
                    pieces: seeded::shrink(post.pieces, |pieces| {
                        check_file(&PostText {
                            pieces: pieces.to_vec(),
                            expected: None,
                        })
                        .is_err()
                    }),
                    expected: None,
                },
            };
            let problem = check_file(&post).err().unwrap_or(problem);
            let input = match String::from_utf8(post.bytes()) {
                Ok(text) => format!("{text:?}"),
                Err(err) => format!("(not UTF-8) {:?}", err.into_bytes()),
            };
            return Err(format!("file seed {case}: input {input}\n{problem}"));
        }
    }
    Ok(())
}

/// The properties of one generated content folder, written to `dir`.
pub fn check_tree(dir: &Path, tree: &Tree) -> Result<(), String> {
    content_tree::write(dir, tree).map_err(|err| format!("cannot write {dir:?}: {err}"))?;
    let load = || {
        panic::catch_unwind(AssertUnwindSafe(|| {
            Library::load(&[ContentRoot::new(dir, ROOT)], Drafts::Include)
        }))
        .map_err(|panic| format!("panicked: {}", panic_message(&*panic)))
    };
    let library = load()?;
    let again = load()?;
    if again.diagnostics != library.diagnostics || again.posts != library.posts {
        return Err(format!(
            "two runs differ:\n{:#?}\n{:#?}",
            library.diagnostics, again.diagnostics
        ));
    }
    let shown = |path: &str| format!("{ROOT}/{path}");
    let folders: HashSet<String> = tree
        .files
        .iter()
        .flat_map(|(path, _)| {
            let parts: Vec<&str> = path.split('/').collect();
            (1..parts.len()).map(move |end| shown(&parts[..end].join("/")))
        })
        .chain([ROOT.to_owned()])
        .collect();
    properties::diagnostics(
        &library.diagnostics,
        |path| {
            tree.files
                .iter()
                .find(|(file, _)| shown(file) == path)
                .map(|(_, bytes)| bytes.clone())
        },
        |path| folders.contains(path),
    )?;
    for translation in library.posts.iter().flat_map(|post| &post.translations) {
        properties::accepted(&translation.front)?;
    }
    if let Some(expected) = &tree.expected {
        if let Some(error) = library.errors().next() {
            return Err(format!("a folder built to be valid has an error: {error}"));
        }
        let read: Vec<(String, &FrontMatter)> = library
            .posts
            .iter()
            .flat_map(|post| &post.translations)
            .map(|translation| (translation.shown.clone(), &translation.front))
            .collect();
        if read.len() != expected.len() {
            return Err(format!(
                "{} translations read, {} built",
                read.len(),
                expected.len()
            ));
        }
        for (path, fields) in expected {
            let (_, front) = read
                .iter()
                .find(|(shown_path, _)| *shown_path == shown(path))
                .ok_or_else(|| format!("{path} was not read"))?;
            properties::round_trip(front, fields)
                .map_err(|problem| format!("{path}: {problem}"))?;
        }
    }
    Ok(())
}

/// A temporary folder of worker `thread`'s own.
pub fn work_dir(thread: u64) -> PathBuf {
    std::env::temp_dir().join(format!("blog-content-fuzz-{}-{thread}", std::process::id()))
}

/// Checks `cases` content folders from `seed` on in `dir`, one in four
/// built to be valid; returns the first failure, its files shrunk.
pub fn run_trees(dir: &Path, seed: u64, cases: u64) -> Result<(), String> {
    let outcome = (seed..seed + cases).try_for_each(|case| {
        let rng = &mut Rng::new(case);
        let tree = if case % 4 == 0 {
            content_tree::valid(rng)
        } else {
            content_tree::random(rng)
        };
        let Err(problem) = check_tree(dir, &tree) else {
            return Ok(());
        };
        let tree = match tree.expected {
            Some(_) => tree,
            None => Tree {
                files: seeded::shrink(tree.files, |files| {
                    let tree = Tree {
                        files: files.to_vec(),
                        expected: None,
                    };
                    check_tree(dir, &tree).is_err()
                }),
                expected: None,
            },
        };
        let problem = check_tree(dir, &tree).err().unwrap_or(problem);
        let files: Vec<(&str, String)> = tree
            .files
            .iter()
            .map(|(path, bytes)| (path.as_str(), String::from_utf8_lossy(bytes).into_owned()))
            .collect();
        Err(format!("folder seed {case}: files {files:#?}\n{problem}"))
    });
    let _ = std::fs::remove_dir_all(dir);
    outcome
}
