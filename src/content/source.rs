//! Reading and checking the blog's sources at build time: one folder per post
//! under `content/`, one Markdown file per translation (`en.md`, `de.md`),
//! each opening with YAML front matter.
//!
//! This module only parses and validates; `build.rs` acts on the result.
//! Every problem is reported as `path:line: reason`, and all of them at once.

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::date::Date;
use crate::lang::Lang;
use crate::slug::{is_slug, slugify};

/// A problem with one source file, pointing at the line where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl SourceError {
    fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        SourceError {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// The front matter as written. Unknown keys are errors, so a typo such as
/// `descripton` cannot silently drop a field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Spanned<String>,
    description: Spanned<String>,
    date: Spanned<String>,
    slug: Option<Spanned<String>>,
    cover: Option<Spanned<String>>,
    cover_alt: Option<String>,
    #[serde(default)]
    draft: bool,
}

/// Checked front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub description: String,
    pub date: Date,
    pub slug: String,
    /// The line of the field the slug came from (`slug`, else `title`).
    pub slug_line: usize,
    pub cover: Option<CoverRef>,
    pub draft: bool,
}

/// A cover image as front matter names it, relative to the post's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverRef {
    pub path: PathBuf,
    pub alt: Option<String>,
    pub line: usize,
}

/// One translation file, parsed and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub lang: Lang,
    /// The path as shown in errors, e.g. `content/edge/de.md`.
    pub source: String,
    pub front: FrontMatter,
    /// The Markdown after the front matter.
    pub body: String,
    pub words: usize,
}

/// One post: a folder and its translations, in [`Lang::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: String,
    pub dir: PathBuf,
    pub translations: Vec<Translation>,
    /// Every file in the folder that is not a translation (covers, images),
    /// relative to the folder.
    pub assets: Vec<PathBuf>,
}

/// Splits a file into front matter and body, and checks the front matter.
/// `source` is the path shown in errors.
pub fn parse_translation(source: &str, text: &str) -> Result<(FrontMatter, String), SourceError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().unwrap_or("");
    if opening.trim_end() != "---" {
        return Err(SourceError::new(
            source,
            Some(1),
            "front matter: the file must start with a `---` line",
        ));
    }
    let mut yaml = String::new();
    let mut closing_line = None;
    for (index, line) in lines.by_ref().enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            closing_line = Some(index + 2);
            break;
        }
        yaml.push_str(line);
    }
    if closing_line.is_none() {
        return Err(SourceError::new(
            source,
            Some(1),
            "front matter: no closing `---` line",
        ));
    }
    let body: String = lines.collect();
    // Front matter line N is file line N + 1, below the opening `---`.
    let file_line = |line: u64| usize::try_from(line).map_or(1, |line| line + 1);

    let raw: RawFrontMatter = serde_saphyr::from_str(&yaml).map_err(|err| {
        let line = err.location().map(|location| file_line(location.line()));
        SourceError::new(source, line.or(closing_line), yaml_message(&err))
    })?;

    let required = |field: &str, value: Spanned<String>| {
        let text = value.value.trim().to_owned();
        if text.is_empty() {
            Err(SourceError::new(
                source,
                Some(file_line(value.referenced.line())),
                format!("{field}: must not be empty"),
            ))
        } else {
            Ok((text, file_line(value.referenced.line())))
        }
    };
    let (title, title_line) = required("title", raw.title)?;
    let (description, _) = required("description", raw.description)?;

    let date_line = file_line(raw.date.referenced.line());
    let date = Date::parse_iso(raw.date.value.trim()).ok_or_else(|| {
        SourceError::new(
            source,
            Some(date_line),
            format!("date: expected YYYY-MM-DD, found {:?}", raw.date.value),
        )
    })?;

    let (slug, slug_line) = match raw.slug {
        Some(slug) => {
            let line = file_line(slug.referenced.line());
            if !is_slug(&slug.value) {
                return Err(SourceError::new(
                    source,
                    Some(line),
                    format!(
                        "slug: {:?} is not a slug (lower-case letters, digits and single hyphens, e.g. {:?})",
                        slug.value,
                        slugify(&slug.value)
                    ),
                ));
            }
            (slug.value, line)
        }
        None => {
            let slug = slugify(&title);
            if slug.is_empty() {
                return Err(SourceError::new(
                    source,
                    Some(title_line),
                    "title: no slug can be derived from it; set `slug` in the front matter",
                ));
            }
            (slug, title_line)
        }
    };

    let cover = raw
        .cover
        .map(|cover| {
            let line = file_line(cover.referenced.line());
            let path = relative_path(&cover.value).ok_or_else(|| {
                SourceError::new(
                    source,
                    Some(line),
                    format!(
                        "cover: {:?} must be a path inside the post's folder, e.g. \"./cover.jpg\"",
                        cover.value
                    ),
                )
            })?;
            let alt = raw
                .cover_alt
                .map(|alt| alt.trim().to_owned())
                .filter(|alt| !alt.is_empty());
            Ok(CoverRef { path, alt, line })
        })
        .transpose()?;

    Ok((
        FrontMatter {
            title,
            description,
            date,
            slug,
            slug_line,
            cover,
            draft: raw.draft,
        },
        body,
    ))
}

/// serde-saphyr's message without its own ` at line L, column C` suffix, since
/// the error is reported with the line of the whole file instead.
fn yaml_message(err: &serde_saphyr::Error) -> String {
    let message = err.without_snippet().to_string();
    match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => message,
    }
}

/// A relative path that stays inside its folder (`./cover.jpg`, `img/a.png`).
fn relative_path(text: &str) -> Option<PathBuf> {
    let path = Path::new(text.trim());
    let mut clean = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::Normal(part) => clean.push(part),
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!clean.as_os_str().is_empty()).then_some(clean)
}

/// The text `â€”` and its kin: UTF-8 that was read as Windows-1252 once.
const MOJIBAKE: &str = "â€";

/// Reports the first line of `text` that holds mojibake.
fn check_encoding(source: &str, text: &str) -> Result<(), SourceError> {
    match text.lines().position(|line| line.contains(MOJIBAKE)) {
        Some(index) => Err(SourceError::new(
            source,
            Some(index + 1),
            "text: contains \"â€\", UTF-8 decoded as Windows-1252 (e.g. \"â€”\" for \"—\"); repair the encoding",
        )),
        None => Ok(()),
    }
}

/// Words, for the reading time: whitespace-separated runs that hold a
/// letter or digit (so Markdown markers such as `##` and `-` do not count).
pub fn count_words(markdown: &str) -> usize {
    markdown
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Reads every post under each content root (given with the name shown in
/// errors). Drafts are left out unless `include_drafts`. Posts come back
/// sorted by id within each root.
pub fn load_posts(
    roots: &[(&Path, &str)],
    include_drafts: bool,
) -> Result<Vec<Post>, Vec<SourceError>> {
    let mut errors = Vec::new();
    let mut posts: Vec<Post> = Vec::new();
    for &(root, shown_root) in roots {
        let mut dirs = match sorted_entries(root) {
            Ok(entries) => entries,
            Err(err) => {
                errors.push(SourceError::new(
                    shown_root,
                    None,
                    format!("cannot read: {err}"),
                ));
                continue;
            }
        };
        dirs.retain(|path| path.is_dir() && !is_hidden(path));
        for dir in dirs {
            let id = file_name(&dir);
            let shown_dir = format!("{shown_root}/{id}");
            if !is_slug(&id) {
                errors.push(SourceError::new(
                    &shown_dir,
                    None,
                    "post folder names must be slugs (lower-case letters, digits and single hyphens)",
                ));
                continue;
            }
            if let Some(other) = posts.iter().find(|post| post.id == id) {
                errors.push(SourceError::new(
                    &shown_dir,
                    None,
                    format!(
                        "a post with this folder name exists already: {}",
                        other.dir.display()
                    ),
                ));
                continue;
            }
            match load_post(&dir, &id, &shown_dir, include_drafts) {
                Ok(Some(post)) => posts.push(post),
                Ok(None) => {}
                Err(mut post_errors) => errors.append(&mut post_errors),
            }
        }
    }
    check_unique_slugs(&posts, &mut errors);
    if errors.is_empty() {
        Ok(posts)
    } else {
        Err(errors)
    }
}

fn load_post(
    dir: &Path,
    id: &str,
    shown_dir: &str,
    include_drafts: bool,
) -> Result<Option<Post>, Vec<SourceError>> {
    let mut errors = Vec::new();
    let mut translations = Vec::new();
    let mut assets = Vec::new();
    let mut has_markdown = false;
    let files = list_files(dir).map_err(|err| {
        vec![SourceError::new(
            shown_dir,
            None,
            format!("cannot read: {err}"),
        )]
    })?;
    for relative in files {
        let path = dir.join(&relative);
        let is_markdown = relative.extension().is_some_and(|ext| ext == "md");
        if !is_markdown {
            assets.push(relative);
            continue;
        }
        has_markdown = true;
        let shown = format!("{shown_dir}/{}", relative.display());
        let stem = relative
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lang = match (
            relative.parent() == Some(Path::new("")),
            stem.parse::<Lang>(),
        ) {
            (true, Ok(lang)) => lang,
            (true, Err(err)) => {
                errors.push(SourceError::new(
                    &shown,
                    None,
                    format!("file name: {err}; name translations <lang>.md"),
                ));
                continue;
            }
            (false, _) => {
                errors.push(SourceError::new(
                    &shown,
                    None,
                    "translations must sit directly in the post's folder",
                ));
                continue;
            }
        };
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                errors.push(SourceError::new(
                    &shown,
                    None,
                    format!("cannot read: {err}"),
                ));
                continue;
            }
        };
        let checked = check_encoding(&shown, &text)
            .and_then(|()| parse_translation(&shown, &text))
            .and_then(|(front, body)| {
                check_cover(&shown, dir, front.cover.as_ref())?;
                Ok((front, body))
            });
        match checked {
            Ok((front, _)) if front.draft && !include_drafts => {}
            Ok((front, body)) => translations.push(Translation {
                lang,
                source: shown,
                words: count_words(&body),
                front,
                body,
            }),
            Err(err) => errors.push(err),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if !has_markdown {
        return Err(vec![SourceError::new(
            shown_dir,
            None,
            "no translations: add en.md or de.md",
        )]);
    }
    if translations.is_empty() {
        // Every translation is a draft, left out of this build.
        return Ok(None);
    }
    translations.sort_by_key(|translation| translation.lang);
    Ok(Some(Post {
        id: id.to_owned(),
        dir: dir.to_owned(),
        translations,
        assets,
    }))
}

fn check_cover(shown: &str, dir: &Path, cover: Option<&CoverRef>) -> Result<(), SourceError> {
    let Some(cover) = cover else { return Ok(()) };
    let path = dir.join(&cover.path);
    if !path.is_file() {
        return Err(SourceError::new(
            shown,
            Some(cover.line),
            format!("cover: {} does not exist", path.display()),
        ));
    }
    imagesize::size(&path).map(|_| ()).map_err(|err| {
        SourceError::new(
            shown,
            Some(cover.line),
            format!("cover: {} is not a readable image: {err}", path.display()),
        )
    })
}

fn check_unique_slugs(posts: &[Post], errors: &mut Vec<SourceError>) {
    let mut seen: HashMap<(Lang, &str), &str> = HashMap::new();
    for translation in posts.iter().flat_map(|post| &post.translations) {
        let key = (translation.lang, translation.front.slug.as_str());
        if let Some(first) = seen.insert(key, &translation.source) {
            errors.push(SourceError::new(
                &translation.source,
                Some(translation.front.slug_line),
                format!(
                    "slug: {:?} is already used by {first}; set a different `slug`",
                    translation.front.slug
                ),
            ));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const VALID: &str = "---\ntitle: \"Größe zählt\"\ndescription: A post.\ndate: 2026-02-13\ncover: ./cover.png\ncover_alt: Lines\n---\n\n## Hello\n\nSome text.\n";

    fn error(text: &str) -> String {
        parse_translation("content/x/de.md", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn valid_front_matter_is_parsed_into_typed_fields() {
        let (front, body) = parse_translation("content/x/de.md", VALID).unwrap();
        assert_eq!(front.title, "Größe zählt");
        assert_eq!(front.description, "A post.");
        assert_eq!(front.date, Date::parse_iso("2026-02-13").unwrap());
        assert_eq!(front.slug, "groesse-zaehlt");
        assert_eq!(front.slug_line, 2);
        let cover = front.cover.unwrap();
        assert_eq!(cover.path, PathBuf::from("cover.png"));
        assert_eq!(cover.alt.as_deref(), Some("Lines"));
        assert_eq!(cover.line, 5);
        assert!(!front.draft);
        assert_eq!(body, "\n## Hello\n\nSome text.\n");
    }

    #[test]
    fn an_explicit_slug_and_draft_flag_are_honoured() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-01-01\nslug: my-slug\ndraft: true\n---\nbody";
        let (front, _) = parse_translation("p.md", text).unwrap();
        assert_eq!(front.slug, "my-slug");
        assert_eq!(front.slug_line, 5);
        assert!(front.draft);
        assert_eq!(front.cover, None);
    }

    #[test]
    fn windows_line_endings_and_a_byte_order_mark_are_accepted() {
        let text =
            "\u{feff}---\r\ntitle: T\r\ndescription: D\r\ndate: 2026-01-01\r\n---\r\nbody\r\n";
        let (front, body) = parse_translation("p.md", text).unwrap();
        assert_eq!(front.title, "T");
        assert_eq!(body, "body\r\n");
    }

    #[test]
    fn a_malformed_date_names_file_line_and_reason() {
        let text = "---\ntitle: T\ndescription: D\ndate: 13.02.2026\n---\n";
        assert_eq!(
            error(text),
            "content/x/de.md:4: date: expected YYYY-MM-DD, found \"13.02.2026\""
        );
    }

    #[test]
    fn an_impossible_date_is_rejected() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-02-30\n---\n";
        assert_eq!(
            error(text),
            "content/x/de.md:4: date: expected YYYY-MM-DD, found \"2026-02-30\""
        );
    }

    #[test]
    fn a_missing_required_field_is_an_error() {
        let text = "---\ntitle: T\ndate: 2026-02-13\n---\n";
        let message = error(text);
        assert!(message.starts_with("content/x/de.md:"), "{message}");
        assert!(message.contains("missing field `description`"), "{message}");
    }

    #[test]
    fn an_empty_title_is_an_error() {
        let text = "---\ntitle: \"  \"\ndescription: D\ndate: 2026-02-13\n---\n";
        assert_eq!(error(text), "content/x/de.md:2: title: must not be empty");
    }

    #[test]
    fn an_unknown_field_is_an_error_on_its_line() {
        let text = "---\ntitle: T\ndescripton: D\ndate: 2026-02-13\n---\n";
        let message = error(text);
        assert!(
            message.starts_with("content/x/de.md:3: unknown field `descripton`"),
            "{message}"
        );
    }

    #[test]
    fn a_yaml_syntax_error_points_at_its_line() {
        let text = "---\ntitle: T\ndescription: [D\ndate: 2026-02-13\n---\n";
        let message = error(text);
        assert!(message.starts_with("content/x/de.md:"), "{message}");
        assert!(!message.contains("at line"), "{message}");
    }

    #[test]
    fn a_wrong_type_is_an_error_on_its_line() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-02-13\ndraft: maybe\n---\n";
        assert_eq!(error(text), "content/x/de.md:5: invalid boolean");
    }

    #[test]
    fn missing_front_matter_delimiters_are_errors() {
        assert_eq!(
            error("# Just Markdown\n"),
            "content/x/de.md:1: front matter: the file must start with a `---` line"
        );
        assert_eq!(
            error("---\ntitle: T\n"),
            "content/x/de.md:1: front matter: no closing `---` line"
        );
    }

    #[test]
    fn a_bad_explicit_slug_is_an_error() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-02-13\nslug: Not A Slug\n---\n";
        assert_eq!(
            error(text),
            "content/x/de.md:5: slug: \"Not A Slug\" is not a slug (lower-case letters, digits and single hyphens, e.g. \"not-a-slug\")"
        );
    }

    #[test]
    fn a_title_without_letters_needs_an_explicit_slug() {
        let text = "---\ntitle: \"!!!\"\ndescription: D\ndate: 2026-02-13\n---\n";
        assert_eq!(
            error(text),
            "content/x/de.md:2: title: no slug can be derived from it; set `slug` in the front matter"
        );
    }

    #[test]
    fn a_cover_outside_the_folder_is_an_error() {
        let text =
            "---\ntitle: T\ndescription: D\ndate: 2026-02-13\ncover: ../other/cover.jpg\n---\n";
        assert!(
            error(text).starts_with(
                "content/x/de.md:5: cover: \"../other/cover.jpg\" must be a path inside"
            )
        );
    }

    #[test]
    fn words_are_counted_without_markdown_markers() {
        assert_eq!(
            count_words("## Hello world\n\n- one\n- two, three\n\n---\n"),
            5
        );
    }

    /// A post tree in a fresh temporary folder, removed on drop.
    struct Tree(PathBuf);

    impl Tree {
        fn new(name: &str, files: &[(&str, &[u8])]) -> Tree {
            let root =
                std::env::temp_dir().join(format!("blog-source-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&root);
            for (path, bytes) in files {
                let path = root.join(path);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, bytes).unwrap();
            }
            fs::create_dir_all(&root).unwrap();
            Tree(root)
        }

        fn load(&self, include_drafts: bool) -> Result<Vec<Post>, Vec<String>> {
            load_posts(&[(&self.0, "content")], include_drafts)
                .map_err(|errors| errors.iter().map(ToString::to_string).collect())
        }
    }

    impl Drop for Tree {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
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
        let en = post("Hello", "cover: ./cover.png\n");
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
        let posts = tree.load(false).unwrap();
        assert_eq!(posts.len(), 1);
        let langs: Vec<Lang> = posts[0].translations.iter().map(|t| t.lang).collect();
        assert_eq!(langs, [Lang::En, Lang::De]);
        assert_eq!(
            posts[0].assets,
            [PathBuf::from("cover.png"), PathBuf::from("img/x.png")]
        );
        assert_eq!(posts[0].translations[0].words, 3);
    }

    #[test]
    fn a_missing_cover_file_is_an_error() {
        let en = post("Hello", "cover: ./cover.jpg\n");
        let tree = Tree::new("cover", &[("a/en.md", &en)]);
        let errors = tree.load(false).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("content/a/en.md:5: cover: "),
            "{errors:?}"
        );
        assert!(
            errors[0].ends_with("cover.jpg does not exist"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_cover_that_is_not_an_image_is_an_error() {
        let en = post("Hello", "cover: ./cover.png\n");
        let tree = Tree::new(
            "notimage",
            &[("a/en.md", &en), ("a/cover.png", b"not a png")],
        );
        let errors = tree.load(false).unwrap_err();
        assert!(errors[0].contains("is not a readable image"), "{errors:?}");
    }

    #[test]
    fn a_duplicate_slug_within_a_language_is_an_error() {
        let one = post("Same Title", "");
        let tree = Tree::new(
            "dup",
            &[("a/en.md", &one), ("b/en.md", &one), ("c/de.md", &one)],
        );
        let errors = tree.load(false).unwrap_err();
        assert_eq!(
            errors,
            [
                "content/b/en.md:2: slug: \"same-title\" is already used by content/a/en.md; set a different `slug`"
            ]
        );
    }

    #[test]
    fn a_file_named_for_an_unsupported_language_is_an_error() {
        let text = post("Bonjour", "");
        let tree = Tree::new("lang", &[("a/fr.md", &text)]);
        let errors = tree.load(false).unwrap_err();
        assert_eq!(
            errors,
            [
                "content/a/fr.md: file name: \"fr\" is not a supported language (expected one of en, de); name translations <lang>.md"
            ]
        );
    }

    #[test]
    fn every_bad_file_is_reported_at_once() {
        let bad_date = b"---\ntitle: T\ndescription: D\ndate: soon\n---\n".as_slice();
        let tree = Tree::new("all", &[("a/en.md", bad_date), ("b/de.md", bad_date)]);
        assert_eq!(tree.load(false).unwrap_err().len(), 2);
    }

    #[test]
    fn mojibake_is_an_error_on_its_line() {
        let text =
            "---\ntitle: T\ndescription: D\ndate: 2026-02-13\n---\nclose to the userâ€”running\n";
        let tree = Tree::new("mojibake", &[("a/en.md", text.as_bytes())]);
        let errors = tree.load(false).unwrap_err();
        assert!(
            errors[0].starts_with("content/a/en.md:6: text: contains"),
            "{errors:?}"
        );
    }

    #[test]
    fn drafts_are_left_out_only_when_asked() {
        let draft = post("Draft", "draft: true\n");
        let other_draft = post("Other draft", "draft: true\n");
        let live = post("Live", "");
        let tree = Tree::new(
            "drafts",
            &[
                ("a/en.md", &draft),
                ("a/de.md", &live),
                ("b/en.md", &other_draft),
            ],
        );
        let without = tree.load(false).unwrap();
        assert_eq!(without.len(), 1);
        assert_eq!(without[0].translations.len(), 1);
        assert_eq!(without[0].translations[0].lang, Lang::De);
        let with = tree.load(true).unwrap();
        assert_eq!(with.len(), 2);
    }

    #[test]
    fn a_folder_without_translations_or_with_a_bad_name_is_an_error() {
        let text = post("Hello", "");
        let tree = Tree::new("empty", &[("a/cover.png", PNG), ("Bad Name/en.md", &text)]);
        let errors = tree.load(false).unwrap_err();
        assert_eq!(
            errors,
            [
                "content/Bad Name: post folder names must be slugs (lower-case letters, digits and single hyphens)",
                "content/a: no translations: add en.md or de.md",
            ]
        );
    }
}
