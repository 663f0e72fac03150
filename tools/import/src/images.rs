//! The files a post's folder receives: its bundles' resources and the
//! images its pages name from Hugo's `static/`, each under a name the
//! checker accepts. Names are kept where they can be; a name taken by
//! another file, characters outside `[A-Za-z0-9._-]`, two JPEG or PNG
//! images with one stem (`cover.jpg`, `cover.png`: they would share the
//! build's smaller copies) or a name like one of those copies
//! (`cover.480.webp`) get a new one, and the pages' references follow.

use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Where an image a page names comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An address on the web, kept as written.
    Web(String),
    /// A file copied into the post's folder: `./name`.
    Local(String),
    /// Nothing found.
    Missing,
}

/// The files of one post's folder, by their name in it.
#[derive(Debug, Default)]
pub struct Assets {
    /// The name in the post's folder (`cover.png`, `img/a.png`) and the
    /// file copied there.
    pub files: Vec<(String, PathBuf)>,
    by_source: HashMap<PathBuf, String>,
}

impl Assets {
    /// Every file of the bundle at `bundle` but its Markdown, under its
    /// path in the bundle.
    pub fn add_bundle(&mut self, bundle: &Path) {
        let mut pending = vec![PathBuf::new()];
        while let Some(relative) = pending.pop() {
            let Ok(entries) = crate::scan::sorted_entries(&bundle.join(&relative)) else {
                continue;
            };
            for path in entries {
                if crate::scan::is_hidden(&path) {
                    continue;
                }
                let name = relative.join(path.file_name().unwrap_or_default());
                if path.is_dir() {
                    pending.push(name);
                } else if !is_markdown(&path) {
                    self.add(&path, &name.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        self.files.sort();
    }

    /// The name `source` has in the post's folder, given a name when it
    /// has none yet (`wanted` if it is free).
    pub fn add(&mut self, source: &Path, wanted: &str) -> String {
        if let Some(name) = self.by_source.get(source) {
            return name.clone();
        }
        let bytes = fs::read(source).ok();
        let mut base = clean_name(wanted);
        if looks_like_variant(&base) {
            // `cover.480.webp` → `cover-480.webp`
            let stem = &base[..base.len() - ".webp".len()];
            let (stem, width) = stem.rsplit_once('.').unwrap_or((stem, ""));
            base = format!("{stem}-{width}.webp");
        }
        let mut candidate = base.clone();
        let mut number = 1;
        loop {
            let same = self.files.iter().find(|(name, _)| *name == candidate);
            match same {
                // The same picture in both languages' bundles: one copy.
                Some((name, other)) if bytes.is_some() && fs::read(other).ok() == bytes => {
                    let name = name.clone();
                    self.by_source.insert(source.to_owned(), name.clone());
                    return name;
                }
                None if !self.shares_variants(&candidate) => break,
                _ => {
                    number += 1;
                    candidate = numbered(&base, number);
                }
            }
        }
        self.files.push((candidate.clone(), source.to_owned()));
        self.by_source.insert(source.to_owned(), candidate.clone());
        candidate
    }

    /// Finds the image `src` that a page in `page_dir` (its bundle's
    /// folder, for a bundle) names, and gives it a name in the post.
    pub fn resolve(&mut self, src: &str, page_dir: &Path, static_dir: &Path) -> Resolved {
        let src = src.trim();
        let path = src.split(['?', '#']).next().unwrap_or_default();
        let lower = path.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
        {
            return Resolved::Web(src.to_owned());
        }
        let Some(relative) = inside(path.trim_start_matches('/')) else {
            return Resolved::Missing;
        };
        let name_only = relative
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let candidates: Vec<(PathBuf, String)> = if path.starts_with('/') {
            vec![(static_dir.join(&relative), name_only)]
        } else {
            vec![
                (
                    page_dir.join(&relative),
                    relative.to_string_lossy().replace('\\', "/"),
                ),
                (static_dir.join(&relative), name_only),
            ]
        };
        for (source, wanted) in candidates {
            if source.is_file() {
                return Resolved::Local(format!("./{}", self.add(&source, &wanted)));
            }
        }
        Resolved::Missing
    }

    /// Whether `name` is a JPEG or PNG with the stem of another one.
    fn shares_variants(&self, name: &str) -> bool {
        let Some(stem) = variant_stem(name) else {
            return false;
        };
        self.files.iter().any(|(other, _)| {
            variant_stem(other).is_some_and(|other| other.eq_ignore_ascii_case(stem))
        })
    }
}

/// The stem of a JPEG or PNG (`img/cover` of `img/cover.jpg`).
fn variant_stem(name: &str) -> Option<&str> {
    let (stem, extension) = name.rsplit_once('.')?;
    ["jpg", "jpeg", "png"]
        .iter()
        .any(|kind| extension.eq_ignore_ascii_case(kind))
        .then_some(stem)
}

/// `cover.480.webp`: the name of a smaller copy the build writes.
fn looks_like_variant(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".webp") else {
        return false;
    };
    stem.rsplit_once('.')
        .is_some_and(|(_, width)| !width.is_empty() && width.bytes().all(|b| b.is_ascii_digit()))
}

/// `name` with `-N` before its extension.
fn numbered(name: &str, number: usize) -> String {
    let (dir, file) = name
        .rsplit_once('/')
        .map_or(("", name), |(dir, file)| (dir, file));
    let file = match file.split_once('.') {
        Some((stem, extension)) => format!("{stem}-{number}.{extension}"),
        None => format!("{file}-{number}"),
    };
    if dir.is_empty() {
        file
    } else {
        format!("{dir}/{file}")
    }
}

/// A relative path with every character outside `[A-Za-z0-9._-]` a
/// hyphen, so that Markdown takes it as written.
fn clean_name(name: &str) -> String {
    name.split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .map(|part| {
            part.chars()
                .map(|ch| {
                    if ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-') {
                        ch
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A relative path that stays where it starts, without `.` parts.
fn inside(path: &str) -> Option<PathBuf> {
    let mut clean = PathBuf::new();
    for component in Path::new(path).components() {
        match component {
            Component::CurDir => {}
            Component::Normal(part) => clean.push(part),
            _ => return None,
        }
    }
    (!clean.as_os_str().is_empty()).then_some(clean)
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_would_clash_get_a_number() {
        let dir = std::env::temp_dir().join(format!("blog-import-images-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let (a, b, c) = (dir.join("a.jpg"), dir.join("b.png"), dir.join("c.jpg"));
        fs::write(&a, "a").unwrap();
        fs::write(&b, "b").unwrap();
        fs::write(&c, "a").unwrap();
        let mut assets = Assets::default();
        assert_eq!(assets.add(&a, "cover.jpg"), "cover.jpg");
        assert_eq!(assets.add(&a, "other.jpg"), "cover.jpg");
        // One stem for a JPEG and a PNG would share the smaller copies.
        assert_eq!(assets.add(&b, "Cover.png"), "Cover-2.png");
        // The same bytes under the same name are one file.
        assert_eq!(assets.add(&c, "cover.jpg"), "cover.jpg");
        assert_eq!(
            assets.add(&dir.join("d"), "my image.480.webp"),
            "my-image-480.webp"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn web_images_are_kept_and_missing_ones_said() {
        let mut assets = Assets::default();
        let here = Path::new("/nonexistent");
        assert_eq!(
            assets.resolve("https://example.org/a.png", here, here),
            Resolved::Web("https://example.org/a.png".to_owned())
        );
        assert_eq!(assets.resolve("../x.png", here, here), Resolved::Missing);
        assert_eq!(assets.resolve("/x.png", here, here), Resolved::Missing);
    }
}
