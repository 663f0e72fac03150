//! The posts on disk: a folder each, with a `<lang>.md` per translation and
//! the cover, written on every core. A post's text and cover come from its
//! own streams, so the files are the same whichever thread writes them.

use std::fmt;
use std::fs;
use std::io;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;

use blog_model::lang::Lang;
use jpeg_encoder::EncodingError;

use crate::body;
use crate::plan::{Post, Translation, tags_used};
use crate::words::{TAGS, say};
use gen_posts::seeded::{Purpose, Rng};

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Totals {
    pub posts: usize,
    pub files: usize,
    pub bytes: u64,
}

impl Totals {
    fn add(&mut self, other: Totals) {
        self.posts += other.posts;
        self.files += other.files;
        self.bytes += other.bytes;
    }
}

/// Why a post could not be written.
#[derive(Debug)]
pub enum WriteError {
    Io(PathBuf, io::Error),
    Cover(String, EncodingError),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Io(path, err) => write!(f, "cannot write {}: {err}", path.display()),
            WriteError::Cover(folder, err) => {
                write!(f, "cannot encode the cover of {folder}: {err}")
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes every post of `plan` into `dir`, which exists; stops at the
/// first failure.
pub fn write_all(plan: &[Post], dir: &Path, seed: u64) -> Result<Totals, WriteError> {
    let threads = thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(plan.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let outcomes: Vec<Result<Totals, WriteError>> = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| write_some(plan, dir, seed, &next, &failed)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut totals = Totals::default();
    for outcome in outcomes {
        totals.add(outcome?);
    }
    if tags_used(plan.len()) > 0 {
        write(
            &dir.join("tags.yml"),
            tags_file(plan.len()).as_bytes(),
            &mut totals,
        )?;
    }
    Ok(totals)
}

/// One thread's share: the next post not taken yet, until none is left.
fn write_some(
    plan: &[Post],
    dir: &Path,
    seed: u64,
    next: &AtomicUsize,
    failed: &AtomicBool,
) -> Result<Totals, WriteError> {
    let mut totals = Totals::default();
    while !failed.load(Ordering::Relaxed) {
        let index = next.fetch_add(1, Ordering::Relaxed);
        if index >= plan.len() {
            break;
        }
        match write_post(plan, index, dir, seed) {
            Ok(written) => totals.add(written),
            Err(err) => {
                failed.store(true, Ordering::Relaxed);
                return Err(err);
            }
        }
    }
    Ok(totals)
}

fn write_post(plan: &[Post], index: usize, dir: &Path, seed: u64) -> Result<Totals, WriteError> {
    let post = &plan[index];
    let folder = dir.join(&post.folder);
    fs::create_dir(&folder).map_err(|err| WriteError::Io(folder.clone(), err))?;
    let mut rng = Rng::stream(seed, post.number, Purpose::Body);
    let bodies = body::bodies(&mut rng, plan, index);
    let mut totals = Totals {
        posts: 1,
        ..Totals::default()
    };
    for ((lang, translation), body) in Lang::ALL.iter().zip(&post.translations).zip(&bodies) {
        if let Some(translation) = translation {
            let text = markdown(post, translation, *lang, body);
            let path = folder.join(format!("{}.md", lang.code()));
            write(&path, text.as_bytes(), &mut totals)?;
        }
    }
    let cover = post
        .cover
        .jpeg()
        .map_err(|err| WriteError::Cover(post.folder.clone(), err))?;
    write(&folder.join("cover.jpg"), &cover, &mut totals)?;
    Ok(totals)
}

fn write(path: &Path, bytes: &[u8], totals: &mut Totals) -> Result<(), WriteError> {
    fs::write(path, bytes).map_err(|err| WriteError::Io(path.to_owned(), err))?;
    totals.files += 1;
    totals.bytes += bytes.len() as u64;
    Ok(())
}

/// A translation file: front matter, then the body.
fn markdown(post: &Post, translation: &Translation, lang: Lang, body: &str) -> String {
    let tags = if post.tags.is_empty() {
        String::new()
    } else {
        format!("tags: [{}]\n", post.tags.join(", "))
    };
    format!(
        "---\ntitle: {}\ndescription: {}\ndate: {}\ncover: ./cover.jpg\ncover_alt: {}\n{tags}---\n\n{body}",
        quoted(&translation.title),
        quoted(&translation.description),
        post.date,
        quoted(&post.cover.alt(lang)),
    )
}

/// The `tags.yml` of `count` posts: the tags they use, labelled in each
/// language.
fn tags_file(count: usize) -> String {
    let mut out = String::from("# The tags of the generated posts.\n");
    for (id, labels) in &TAGS[..tags_used(count)] {
        out.push_str(&format!("{id}:\n"));
        for lang in Lang::ALL {
            out.push_str(&format!(
                "  {}: {}\n",
                lang.code(),
                quoted(say(*labels, lang))
            ));
        }
    }
    out
}

/// `text` as a YAML string in double quotes.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_escape_quotes_and_backslashes() {
        assert_eq!(quoted(r#"Say "hi" \ bye"#), r#""Say \"hi\" \\ bye""#);
    }
}
