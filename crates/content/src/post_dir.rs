//! The layout of a content folder: one folder per post, named as a slug,
//! holding one `<lang>.md` per translation and any images beside them; and
//! `pages/`, whose folders are standalone pages (About, Impressum) in the
//! same form.
//! This module only sorts files into translations and assets; reading them
//! is the library's job.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Location};
use crate::responsive;
use blog_model::lang::Lang;
use blog_model::slug::{is_slug, slugify};

pub use blog_model::folder::{Kind, PAGES};

/// A post's folder, its files sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostDir {
    /// The folder's name, which is the post's id (a page's, its name in
    /// the site file).
    pub id: String,
    pub kind: Kind,
    pub dir: PathBuf,
    /// The folder as shown in messages, e.g. `content/edge`.
    pub shown: String,
    /// The translation files, in [`Lang::ALL`] order.
    pub translations: Vec<TranslationFile>,
    /// Every other file, relative to the folder (covers, images).
    pub assets: Vec<PathBuf>,
}

/// A `<lang>.md` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationFile {
    pub lang: Lang,
    pub path: PathBuf,
    /// As shown in messages, e.g. `content/edge/de.md`.
    pub shown: String,
}

/// The post folders of the content folder at `root`, shown as `shown_root`,
/// sorted by name, then the page folders in its `pages/`. Folders and files
/// that cannot be posts are reported.
pub fn read_root(root: &Path, shown_root: &str, problems: &mut Vec<Diagnostic>) -> Vec<PostDir> {
    let mut dirs = read_folders(root, shown_root, Kind::Post, problems);
    let pages = root.join(PAGES);
    if pages.is_dir() {
        let shown = format!("{shown_root}/{PAGES}");
        dirs.extend(read_folders(&pages, &shown, Kind::Page, problems));
    }
    dirs
}

fn read_folders(
    root: &Path,
    shown_root: &str,
    kind: Kind,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PostDir> {
    let entries = match sorted_entries(root) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(
                Diagnostic::error(
                    Location::path(shown_root),
                    format!("cannot read the content folder: {err}"),
                )
                .help("check the path; content folders hold one folder per post"),
            );
            return Vec::new();
        }
    };
    entries
        .into_iter()
        .filter(|path| path.is_dir() && !is_hidden(path))
        .filter(|path| kind == Kind::Page || file_name(path) != PAGES)
        .filter_map(|dir| {
            let id = file_name(&dir);
            let shown = format!("{shown_root}/{id}");
            if !is_slug(&id) {
                let suggestion = slugify(&id);
                problems.push(
                    Diagnostic::error(
                        Location::path(&shown),
                        format!("the {} folder name `{id}` is not a slug", kind.name()),
                    )
                    .help(format!(
                        "name it with lower-case letters a-z, digits and single hyphens{}",
                        if suggestion.is_empty() {
                            String::new()
                        } else {
                            format!(", e.g. `{suggestion}`")
                        }
                    )),
                );
                return None;
            }
            read_post_dir(dir, id, kind, shown, problems)
        })
        .collect()
}

fn read_post_dir(
    dir: PathBuf,
    id: String,
    kind: Kind,
    shown: String,
    problems: &mut Vec<Diagnostic>,
) -> Option<PostDir> {
    let files = match list_files(&dir) {
        Ok(files) => files,
        Err(err) => {
            problems.push(Diagnostic::error(
                Location::path(&shown),
                format!("cannot read the folder: {err}"),
            ));
            return None;
        }
    };
    let mut translations = Vec::new();
    let mut assets = Vec::new();
    let mut markdown_files = 0;
    for relative in files {
        let shown_file = format!("{shown}/{}", relative.to_string_lossy().replace('\\', "/"));
        let extension = relative
            .extension()
            .map(|ext| ext.to_string_lossy().into_owned());
        let Some(extension) = extension
            .filter(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
        else {
            assets.push(relative);
            continue;
        };
        markdown_files += 1;
        let stem = relative
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let at = Location::line(&shown_file, 1);
        if relative.parent() != Some(Path::new("")) {
            problems.push(
                Diagnostic::error(at, "translations must sit directly in the post's folder")
                    .help(format!("move it to `{shown}/`")),
            );
            continue;
        }
        match Lang::from_code(&stem.to_ascii_lowercase()) {
            Some(lang) if extension == "md" && stem == lang.code() => {
                translations.push(TranslationFile {
                    lang,
                    path: dir.join(&relative),
                    shown: shown_file,
                })
            }
            Some(lang) => problems.push(
                Diagnostic::error(
                    at,
                    format!(
                        "`{}` is not read: a translation file is named `{}.md`, in lower case",
                        file_name(&relative),
                        lang.code()
                    ),
                )
                .help(format!("rename it to `{}.md`", lang.code())),
            ),
            None => problems.push(
                Diagnostic::error(
                    at,
                    format!("`{stem}` is not a language of the blog ({})", codes()),
                )
                .help(format!(
                    "name translations {}; the blog has no other languages",
                    file_names()
                )),
            ),
        }
    }
    if markdown_files == 0 {
        problems.push(
            Diagnostic::error(
                Location::path(&shown),
                "the post folder has no language file",
            )
            .help(format!("add {}", file_names())),
        );
        return None;
    }
    check_variant_names(&shown, &assets, problems);
    translations.sort_by_key(|file| file.lang);
    Some(PostDir {
        id,
        kind,
        dir,
        shown,
        translations,
        assets,
    })
}

/// Every JPEG and PNG gets smaller copies beside it, named after it
/// (`cover.jpg` → `cover.480.webp`, `responsive.rs`): two images with one
/// name but for the extension would share them, and a file of the folder
/// with such a name would be written over. Both are errors.
fn check_variant_names(shown: &str, assets: &[PathBuf], problems: &mut Vec<Diagnostic>) {
    let names: Vec<String> = assets
        .iter()
        .map(|path| path.to_string_lossy().replace('\\', "/"))
        .collect();
    let mut sources: HashMap<&str, &str> = HashMap::new();
    for name in names.iter().filter(|name| responsive::takes_variants(name)) {
        let stem = responsive::variant_stem(name);
        if let Some(first) = sources.insert(stem, name) {
            problems.push(
                Diagnostic::error(
                    Location::path(&format!("{shown}/{name}")),
                    format!(
                        "`{first}` and `{name}` would share the names of their smaller copies (`{}`, …)",
                        responsive::variant_path(name, responsive::WIDTHS[0])
                    ),
                )
                .help("keep one of them, or rename one"),
            );
        }
    }
    for name in &names {
        if let Some(source) = responsive::variant_of(name).and_then(|stem| sources.get(stem)) {
            problems.push(
                Diagnostic::error(
                    Location::path(&format!("{shown}/{name}")),
                    format!(
                        "`{name}` has the name of a smaller copy of `{source}`, which the build writes over it"
                    ),
                )
                .help("rename it"),
            );
        }
    }
}

fn codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}

fn file_names() -> String {
    Lang::ALL
        .map(|lang| format!("`{}.md`", lang.code()))
        .join(" or ")
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

/// Every file under `dir`, relative to it, sorted; hidden files are skipped.
fn list_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        for path in sorted_entries(&dir.join(&relative))? {
            if is_hidden(&path) {
                continue;
            }
            let entry = relative.join(file_name(&path));
            if path.is_dir() {
                pending.push(entry);
            } else {
                files.push(entry);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_hidden(path: &Path) -> bool {
    file_name(path).starts_with('.')
}
