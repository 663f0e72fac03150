//! Finds a Hugo site's pages and pairs translations as Hugo does.
//!
//! Each language's content folder is walked (`contentDir`, `content` by
//! default; a folder holding another language's content folder skips it).
//! A folder with an `index.md` (or `index.<lang>.md`) is a page bundle: its
//! `index` files are the page's translations, and every other file in it a
//! resource of the page. Any other `.md` file is a page; `_index.md` (a
//! section's list) is not imported. A file's language is its suffix
//! (`post.de.md`) when that names a language of the site, else its content
//! folder's.
//!
//! Pages pair when they have the same `translationKey`, or else the same
//! path in their content folders without the language suffix
//! (`posts/post`, the bundle's folder for a bundle).
//!
//! A page directly in its language's content folder, in no section
//! (`about.md`, `about.de.md`, `de/about.md`, the bundle `about/index.md`:
//! a path without `/`), is [`Page::at_root`]: it becomes a standalone page,
//! every other page a post.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use blog_model::lang::Lang;

use crate::config::Config;
use crate::front::{self, Split};
use crate::value::Value;

/// One page of one language, read.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file on disk.
    pub path: PathBuf,
    /// The file relative to the site, e.g. `content/posts/post.de.md`.
    pub shown: String,
    /// Its language's code as the site names it, lower case.
    pub lang: String,
    /// Its path in its content folder without the language suffix and
    /// extension (`posts/post`), or its bundle's folder (`posts/bundle`).
    pub rel: String,
    /// The last part of `rel`: the file's or the bundle's name.
    pub name: String,
    /// The bundle's folder on disk, for a page bundle.
    pub bundle: Option<PathBuf>,
    pub split: Split,
}

impl Page {
    /// Whether the page sits directly in its content folder, in no section
    /// (`about`, not `posts/post`): such a page becomes a standalone page.
    pub fn at_root(&self) -> bool {
        !self.rel.contains('/')
    }

    /// The key translations pair by.
    pub fn key(&self) -> String {
        match self
            .split
            .fields
            .get("translationKey")
            .and_then(Value::text)
        {
            Some(key) => format!("key:{}", key.trim()),
            None => format!("path:{}", self.rel),
        }
    }
}

/// A post or standalone page to be: its translations, by language, each at most once.
#[derive(Debug, Clone)]
pub struct Group {
    pub key: String,
    pub pages: Vec<(Lang, Page)>,
}

/// What the walk found.
#[derive(Debug, Default)]
pub struct Scan {
    /// English and German pages paired, in the order of their files.
    pub groups: Vec<Group>,
    /// Pages in other languages: the language's code and the file.
    pub left_out: Vec<(String, String)>,
    /// Files not read: the file and why.
    pub skipped: Vec<(String, String)>,
}

/// Walks the content folders of `site`.
pub fn scan(site: &Path, config: &Config) -> Scan {
    let mut scan = Scan::default();
    let mut pages = Vec::new();
    let dirs: Vec<&Path> = {
        let mut dirs: Vec<&Path> = config
            .languages
            .iter()
            .map(|lang| lang.content_dir.as_path())
            .collect();
        dirs.dedup();
        let mut unique = Vec::new();
        for dir in dirs {
            if !unique.contains(&dir) {
                unique.push(dir);
            }
        }
        unique
    };
    for dir in &dirs {
        let langs: Vec<&str> = config
            .languages
            .iter()
            .filter(|lang| lang.content_dir == *dir)
            .map(|lang| lang.code.as_str())
            .collect();
        let own = if langs.contains(&config.default_lang.as_str()) {
            config.default_lang.clone()
        } else {
            langs[0].to_owned()
        };
        let others: Vec<PathBuf> = dirs
            .iter()
            .filter(|other| *other != dir)
            .map(|other| site.join(other))
            .collect();
        let mut walk = Walk {
            site,
            root: site.join(dir),
            own,
            config,
            others,
            pages: &mut pages,
            skipped: &mut scan.skipped,
        };
        if walk.root.is_dir() {
            let root = walk.root.clone();
            walk.folder(&root);
        } else {
            scan.skipped.push((
                shown(site, &site.join(dir)),
                "the content folder does not exist".to_owned(),
            ));
        }
    }
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for page in pages {
        let Some(lang) = Lang::from_code(&page.lang) else {
            scan.left_out.push((page.lang.clone(), page.shown.clone()));
            continue;
        };
        let key = page.key();
        let index = *by_key.entry(key.clone()).or_insert_with(|| {
            scan.groups.push(Group {
                key,
                pages: Vec::new(),
            });
            scan.groups.len() - 1
        });
        let group = &mut scan.groups[index];
        if let Some((_, first)) = group.pages.iter().find(|(other, _)| *other == lang) {
            let reason = format!(
                "a second {} translation of {}: {} is imported",
                lang.native_name(),
                group.key.trim_start_matches("path:"),
                first.shown
            );
            scan.skipped.push((page.shown.clone(), reason));
            continue;
        }
        group.pages.push((lang, page));
        group.pages.sort_by_key(|(lang, _)| *lang);
    }
    scan
}

struct Walk<'a> {
    site: &'a Path,
    root: PathBuf,
    /// The language of a file without a language suffix.
    own: String,
    config: &'a Config,
    /// Other languages' content folders, not walked from this one.
    others: Vec<PathBuf>,
    pages: &'a mut Vec<Page>,
    skipped: &'a mut Vec<(String, String)>,
}

impl Walk<'_> {
    fn folder(&mut self, dir: &Path) {
        let entries = match sorted_entries(dir) {
            Ok(entries) => entries,
            Err(err) => {
                self.skipped.push((
                    shown(self.site, dir),
                    format!("cannot read the folder: {err}"),
                ));
                return;
            }
        };
        let markdown: Vec<&PathBuf> = entries
            .iter()
            .filter(|path| path.is_file() && is_markdown(path))
            .collect();
        let is_bundle = markdown
            .iter()
            .any(|path| self.split_name(path).0 == "index");
        for path in &markdown {
            let (name, lang) = self.split_name(path);
            if is_bundle && name != "index" {
                self.skipped.push((
                    shown(self.site, path),
                    "a Markdown file inside a page bundle is a resource, not a page".to_owned(),
                ));
            } else if name == "_index" {
                self.skipped.push((
                    shown(self.site, path),
                    "a section's list page (_index) is not a post".to_owned(),
                ));
            } else {
                let bundle = is_bundle.then(|| dir.to_owned());
                let rel_dir = dir
                    .strip_prefix(&self.root)
                    .unwrap_or(dir)
                    .to_string_lossy()
                    .replace('\\', "/");
                let rel = match (&bundle, rel_dir.is_empty()) {
                    (Some(_), _) => rel_dir.clone(),
                    (None, true) => name.clone(),
                    (None, false) => format!("{rel_dir}/{name}"),
                };
                self.page(path, lang, rel, bundle);
            }
        }
        if is_bundle {
            return;
        }
        for path in &entries {
            if path.is_dir() {
                if is_hidden(path) || self.others.iter().any(|other| other == path) {
                    continue;
                }
                self.folder(path);
            } else if !is_markdown(path) && !is_hidden(path) {
                self.skipped.push((
                    shown(self.site, path),
                    "not in a page bundle: copied only where a page names it".to_owned(),
                ));
            }
        }
    }

    /// A file's name without the extension and the language suffix, and
    /// its language.
    fn split_name(&self, path: &Path) -> (String, String) {
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        match stem.rsplit_once('.') {
            Some((name, code)) if self.config.has_language(code) => {
                (name.to_owned(), code.to_ascii_lowercase())
            }
            _ => (stem, self.own.clone()),
        }
    }

    fn page(&mut self, path: &Path, lang: String, rel: String, bundle: Option<PathBuf>) {
        let shown_file = shown(self.site, path);
        let text = match fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    self.skipped.push((shown_file, "not UTF-8 text".to_owned()));
                    return;
                }
            },
            Err(err) => {
                self.skipped
                    .push((shown_file, format!("cannot read the file: {err}")));
                return;
            }
        };
        let split = match front::split(&text) {
            Ok(split) => split,
            Err(err) => {
                self.skipped.push((shown_file, err));
                return;
            }
        };
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_owned();
        self.pages.push(Page {
            path: path.to_owned(),
            shown: shown_file,
            lang,
            rel,
            name,
            bundle,
            split,
        });
    }
}

/// `path` relative to the site, with `/`.
pub fn shown(site: &Path, path: &Path) -> String {
    path.strip_prefix(site)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

pub fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

pub fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}
