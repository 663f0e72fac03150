//! A new post, or a new translation of one, written so that it already
//! passes the check: `cargo run --bin new-post -- "Title"`.
//!
//! A new post is a folder named after its title with one language file:
//! title, a description to replace, today's date and `draft: true`, so that
//! a release build leaves it out until the author removes that line. A
//! translation (`--translate <folder>`) is the other language's file in an
//! existing folder: the given title, the source's other fields and body to
//! translate in place (its headings then correspond), and `draft: true`.
//! Nothing is ever overwritten.

use std::fmt;
use std::path::{Path, PathBuf};

use blog_model::date::Date;
use blog_model::lang::Lang;
use blog_model::slug::{reserved, slugify};

use crate::front_matter::split;

/// What to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub title: String,
    /// The file's language; for a translation, `None` takes the one the
    /// folder lacks.
    pub lang: Option<Lang>,
    /// The post folder to translate.
    pub translate: Option<PathBuf>,
    /// The content folder new posts go into.
    pub content: PathBuf,
    pub today: Date,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum NewPostError {
    /// The title gives no folder name (no letters or digits).
    NoSlug(String),
    /// The title's slug is a path the blog uses.
    Reserved { slug: String, why: &'static str },
    /// The file or folder is there already.
    Exists(PathBuf),
    /// The folder to translate has no language file, or has them all.
    NothingToTranslate(PathBuf),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The source file's front matter cannot be cut from its body.
    Source(String),
}

impl fmt::Display for NewPostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewPostError::NoSlug(title) => write!(
                f,
                "the title {title:?} has no letters or digits to name the post's folder after"
            ),
            NewPostError::Reserved { slug, why } => write!(
                f,
                "the title's slug `{slug}` cannot be a post's address ({why}); choose another title, or set `slug:` in the front matter afterwards"
            ),
            NewPostError::Exists(path) => {
                write!(f, "{} exists already; nothing was written", path.display())
            }
            NewPostError::NothingToTranslate(folder) => write!(
                f,
                "{} has no language file to translate, or has every language already (en.md, de.md)",
                folder.display()
            ),
            NewPostError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            NewPostError::Source(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for NewPostError {}

/// Writes the file `request` asks for and returns its path.
pub fn write(request: &Request) -> Result<PathBuf, NewPostError> {
    match &request.translate {
        None => write_post(request),
        Some(folder) => write_translation(request, folder),
    }
}

fn write_post(request: &Request) -> Result<PathBuf, NewPostError> {
    let slug = slugify(&request.title);
    if slug.is_empty() {
        return Err(NewPostError::NoSlug(request.title.clone()));
    }
    if let Some(why) = reserved(&slug) {
        return Err(NewPostError::Reserved { slug, why });
    }
    let lang = request.lang.unwrap_or(Lang::En);
    let folder = request.content.join(&slug);
    let description = match lang {
        Lang::En => {
            "One or two sentences on what the reader will learn: shown in the index, feeds and search results."
        }
        Lang::De => {
            "Ein, zwei Sätze dazu, was die Leser erfahren: für die Übersicht, Feeds und Suchergebnisse."
        }
    };
    let body = match lang {
        Lang::En => "Write the post here, in Markdown. Remove `draft: true` above to publish it.\n",
        Lang::De => {
            "Hier den Beitrag in Markdown schreiben. Zum Veröffentlichen `draft: true` oben entfernen.\n"
        }
    };
    let text = format!(
        "---\ntitle: {}\ndescription: {}\ndate: {}\ndraft: true\n---\n\n{body}",
        quoted(&request.title),
        quoted(description),
        request.today,
    );
    if folder.exists() {
        return Err(NewPostError::Exists(folder));
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| NewPostError::Io { path, source }
    };
    std::fs::create_dir_all(&folder).map_err(io(&folder))?;
    let file = folder.join(format!("{}.md", lang.code()));
    create(&file, &text)?;
    Ok(file)
}

fn write_translation(request: &Request, folder: &Path) -> Result<PathBuf, NewPostError> {
    let has = |lang: Lang| folder.join(format!("{}.md", lang.code())).is_file();
    let target = match request.lang {
        Some(lang) => lang,
        None => Lang::ALL
            .into_iter()
            .find(|&lang| !has(lang))
            .ok_or_else(|| NewPostError::NothingToTranslate(folder.to_owned()))?,
    };
    let file = folder.join(format!("{}.md", target.code()));
    if file.exists() {
        return Err(NewPostError::Exists(file));
    }
    let source = Lang::ALL
        .into_iter()
        .find(|&lang| lang != target && has(lang))
        .map(|lang| folder.join(format!("{}.md", lang.code())))
        .ok_or_else(|| NewPostError::NothingToTranslate(folder.to_owned()))?;
    let text = std::fs::read_to_string(&source).map_err(|source_err| NewPostError::Io {
        path: source.clone(),
        source: source_err,
    })?;
    let shown = source.display().to_string();
    let parts = split(&shown, &text)
        .map_err(|diagnostic| NewPostError::Source(format!("{shown}: {}", diagnostic.message)))?;
    let mut yaml = format!("title: {}\n", quoted(&request.title));
    yaml.push_str(&without_keys(parts.yaml, &["title", "slug", "draft"]));
    yaml.push_str("draft: true\n");
    create(&file, &format!("---\n{yaml}---\n{}", parts.body))?;
    Ok(file)
}

/// Creates `file` with `text`; fails if it exists, even when made a moment
/// ago by someone else.
fn create(file: &Path, text: &str) -> Result<(), NewPostError> {
    use std::io::Write;
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => NewPostError::Exists(file.to_owned()),
            _ => NewPostError::Io {
                path: file.to_owned(),
                source,
            },
        })?;
    out.write_all(text.as_bytes())
        .map_err(|source| NewPostError::Io {
            path: file.to_owned(),
            source,
        })
}

/// The YAML's top-level fields but `keys`, as written (with the lines that
/// continue them: indented, list items, comments inside).
fn without_keys(yaml: &str, keys: &[&str]) -> String {
    let mut kept = String::new();
    let mut skipping = false;
    for line in yaml.split_inclusive('\n') {
        let top_level = !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty();
        if top_level {
            let key = line.split(':').next().unwrap_or("").trim();
            skipping = keys.contains(&key);
        }
        if !skipping {
            kept.push_str(line);
            if !line.ends_with('\n') {
                kept.push('\n');
            }
        }
    }
    kept
}

/// `text` as a YAML double-quoted string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// The date of `seconds` since 1970-01-01 UTC (the civil calendar's days
/// counted back from an era, after Howard Hinnant's `civil_from_days`).
pub fn date_of(seconds: u64) -> Date {
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u8;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u8;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

/// Today, in UTC.
pub fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    date_of(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{ContentRoot, Drafts, Library};
    use crate::test_folder::Folder;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    fn request(content: &Path, title: &str) -> Request {
        Request {
            title: title.to_owned(),
            lang: None,
            translate: None,
            content: content.to_owned(),
            today: date("2026-12-06"),
        }
    }

    /// The errors and warnings of the content folder, as the checker says them.
    fn check(content: &Path) -> Vec<String> {
        let library = Library::load(&[ContentRoot::new(content, "content")], Drafts::Include);
        library
            .diagnostics
            .iter()
            .map(|d| format!("{:?} {}", d.severity, d.message))
            .collect()
    }

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(date_of(0), date("1970-01-01"));
        assert_eq!(date_of(951_782_400), date("2000-02-29"));
        assert_eq!(date_of(1_796_515_200 + 86_399), date("2026-12-06"));
        assert_eq!(date_of(4_107_542_400), date("2100-03-01"));
    }

    #[test]
    fn a_new_post_and_its_translation_pass_the_check() {
        let folder = Folder::new("new-post");
        let content = &folder.0;
        let mut english = request(content, "Caching at the \"Edge\": ä Primer");
        let file = write(&english).unwrap();
        assert_eq!(file, content.join("caching-at-the-edge-ae-primer/en.md"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with(
                "---\ntitle: \"Caching at the \\\"Edge\\\": ä Primer\"\ndescription: \""
            )
        );
        assert!(text.contains("\ndate: 2026-12-06\ndraft: true\n---\n"));
        // Only the missing translation is worth a word.
        let found = check(content);
        assert!(found.iter().all(|d| d.starts_with("Warning")), "{found:?}");

        // Never over what is there.
        assert!(matches!(write(&english), Err(NewPostError::Exists(_))));
        english.lang = Some(Lang::De);
        assert!(matches!(write(&english), Err(NewPostError::Exists(_))));

        std::fs::write(
            &file,
            "---\ntitle: \"Caching at the Edge\"\ndescription: \"What to cache.\"\ndate: 2026-11-30\ntags:\n  - edge\n# a note\nslug: caching\ndraft: true\n---\n\n## One\n\nText.\n",
        )
        .unwrap();
        std::fs::write(content.join("tags.yml"), "edge:\n  en: Edge\n  de: Edge\n").unwrap();
        let german = Request {
            translate: Some(file.parent().unwrap().to_owned()),
            ..request(content, "Caching am Rand")
        };
        let translated = write(&german).unwrap();
        assert_eq!(translated, file.with_file_name("de.md"));
        assert_eq!(
            std::fs::read_to_string(&translated).unwrap(),
            "---\ntitle: \"Caching am Rand\"\ndescription: \"What to cache.\"\ndate: 2026-11-30\ntags:\n  - edge\n# a note\ndraft: true\n---\n\n## One\n\nText.\n"
        );
        assert!(matches!(
            write(&german),
            Err(NewPostError::NothingToTranslate(_))
        ));
        // A tag used by one post only is worth a word.
        let found = check(content);
        assert!(found.iter().all(|d| d.starts_with("Warning")), "{found:?}");
        assert!(
            !found.iter().any(|d| d.contains("translation")),
            "{found:?}"
        );
    }

    #[test]
    fn titles_without_a_folder_name_or_with_a_reserved_one_are_refused() {
        let folder = Folder::new("new-post-refused");
        let content = &folder.0;
        assert!(matches!(
            write(&request(content, "!!!")),
            Err(NewPostError::NoSlug(_))
        ));
        assert!(matches!(
            write(&request(content, "Tags")),
            Err(NewPostError::Reserved { .. })
        ));
        assert_eq!(std::fs::read_dir(content).unwrap().count(), 0);
    }
}
