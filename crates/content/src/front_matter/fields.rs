//! The front matter's fields, read with serde into a typed struct and then
//! checked: required fields present and not blank, the date a real day, the
//! slug a slug and free, the cover inside the post's folder. Problems that do
//! not stop a build (a long description, a cover without alt text) come back
//! as warnings beside the fields.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::keys::{self, Key};
use super::position;
use super::split::Split;
use super::yaml_error::yaml_problem;
use crate::diagnostic::{Diagnostic, Location};
use crate::post_dir::Kind;
use blog_model::data::DESCRIPTION_LIMIT;
use blog_model::date::{Date, DateError};
use blog_model::slug::{is_slug, reserved, slugify};

/// The field table: each key front matter may hold, once. It declares
/// [`RawFrontMatter`] and [`KNOWN`], the names the key check accepts and
/// suggests; [`Fields::check`] then turns each into its checked form.
macro_rules! field_table {
    ($($(#[$doc:meta])* $name:ident: $type:ty,)*) => {
        /// The front matter as written. Unknown keys are caught by
        /// [`keys::check`] first; denying them here too keeps one the key
        /// scan misses (a key in a flow mapping) from being dropped silently.
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawFrontMatter {
            $($(#[$doc])* $name: $type,)*
        }

        /// Every key front matter may hold, in the table's order.
        pub const KNOWN: &[&str] = &[$(stringify!($name)),*];
    };
}

field_table! {
    /// Required.
    title: Option<Spanned<String>>,
    /// Required; a warning past [`DESCRIPTION_LIMIT`] characters.
    description: Option<Spanned<String>>,
    /// Required, `YYYY-MM-DD`.
    date: Option<Spanned<String>>,
    /// Derived from the title when not set.
    slug: Option<Spanned<String>>,
    /// An image in the post's folder.
    cover: Option<Spanned<String>>,
    /// The cover's text alternative; only with `cover`.
    cover_alt: Option<Spanned<String>>,
    /// Published only with `--drafts`.
    draft: Option<bool>,
    /// Tag ids from `tags.yml`, e.g. `[security, edge]`.
    tags: Option<Vec<Spanned<String>>>,
}

/// Checked front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    pub description: String,
    /// A post's; a standalone page has none.
    pub date: Option<Date>,
    pub slug: Slug,
    pub cover: Option<CoverRef>,
    pub draft: bool,
    /// As written; the library checks them against `tags.yml`.
    pub tags: Vec<TagRef>,
}

/// A tag id as front matter names it, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRef {
    pub id: String,
    pub line: usize,
    pub column: usize,
}

/// A translation's slug and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug {
    pub value: String,
    /// The line of the field it came from.
    pub line: usize,
    /// Whether it was derived from the title rather than set.
    pub from_title: bool,
}

/// A cover image as front matter names it, relative to the post's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverRef {
    pub path: PathBuf,
    pub alt: Option<String>,
    pub line: usize,
}

/// Reads the front matter of the file shown as `path`, of a post or a page
/// (`kind`). All problems found come back, warnings included; the fields
/// only when there is no error.
pub fn parse(path: &str, split: &Split<'_>, kind: Kind) -> (Option<FrontMatter>, Vec<Diagnostic>) {
    let keys = keys::top_level_keys(split.yaml, split.yaml_line);
    let problems = keys::check(path, &keys);
    if !problems.is_empty() {
        return (None, problems);
    }
    let raw: RawFrontMatter = match serde_saphyr::from_str(split.yaml) {
        Ok(raw) => raw,
        Err(err) => return (None, vec![yaml_problem(path, split, &keys, &err)]),
    };
    let mut fields = Fields {
        path,
        split,
        keys: &keys,
        kind,
        problems: Vec::new(),
    };
    let front = fields.check(raw);
    let problems = fields.problems;
    let front = front.filter(|_| !problems.iter().any(Diagnostic::is_error));
    (front, problems)
}

/// The checks of one file's fields, collecting problems as they go.
struct Fields<'a> {
    path: &'a str,
    split: &'a Split<'a>,
    keys: &'a [Key<'a>],
    kind: Kind,
    problems: Vec<Diagnostic>,
}

impl Fields<'_> {
    fn check(&mut self, raw: RawFrontMatter) -> Option<FrontMatter> {
        let title = self.required(
            "title",
            raw.title,
            "the post's title, e.g. `title: \"Edge Computing\"`",
        );
        let description = self.required(
            "description",
            raw.description,
            "a sentence or two for the index and search results",
        );
        let date = match self.kind {
            Kind::Post => self
                .required(
                    "date",
                    raw.date,
                    "the day of publishing, e.g. `date: 2026-02-13`",
                )
                .and_then(|(text, line, column)| self.date(&text, line, column))
                .map(Some),
            Kind::Page => {
                self.not_on_pages("date", raw.date.as_ref(), "a page is not listed by date");
                Some(None)
            }
        };
        if let Some((description, line, column)) = &description {
            let length = description.chars().count();
            if length > DESCRIPTION_LIMIT {
                self.problems.push(
                    Diagnostic::warning(
                        Location::at(self.path, *line, *column),
                        format!(
                            "`description` is {length} characters long; search results cut it after about {DESCRIPTION_LIMIT}"
                        ),
                    )
                    .help(format!("shorten it to {DESCRIPTION_LIMIT} characters or fewer")),
                );
            }
        }
        let slug = match raw.slug {
            Some(slug) => self.explicit_slug(slug),
            None => title
                .as_ref()
                .and_then(|(title, line, _)| self.derived_slug(title, *line)),
        };
        let cover = self.cover(raw.cover, raw.cover_alt);
        if self.kind == Kind::Page {
            let first = raw.tags.as_ref().and_then(|tags| tags.first());
            self.not_on_pages("tags", first, "tags gather posts, and a page is none");
        }
        let tags = self.tags(raw.tags.unwrap_or_default());
        Some(FrontMatter {
            title: title?.0,
            description: description?.0,
            date: date?,
            slug: slug?,
            cover: cover?,
            draft: raw.draft.unwrap_or(false),
            tags,
        })
    }

    /// An error for the field `name` a page does not have, when it is
    /// written (`value`, where known).
    fn not_on_pages<T>(&mut self, name: &str, value: Option<&Spanned<T>>, why: &str) {
        let Some(key) = self.keys.iter().find(|key| key.name == name) else {
            return;
        };
        let at = match value {
            Some(value) => {
                let (line, column) = self.position(value);
                Location::at(self.path, line, column)
            }
            None => Location::line(self.path, key.line),
        };
        self.problems.push(
            Diagnostic::error(at, format!("a standalone page has no `{name}`: {why}"))
                .help("remove the line, or move the folder out of `pages/` to make it a post"),
        );
    }

    /// The tag ids, each once; a repeated one is a warning.
    fn tags(&mut self, tags: Vec<Spanned<String>>) -> Vec<TagRef> {
        let mut out: Vec<TagRef> = Vec::new();
        for tag in tags {
            let (line, column) = self.position(&tag);
            let id = tag.value.trim().to_owned();
            if out.iter().any(|seen| seen.id == id) {
                self.problems.push(
                    Diagnostic::warning(
                        Location::at(self.path, line, column),
                        format!("the tag `{id}` is listed twice"),
                    )
                    .help("list each tag once"),
                );
                continue;
            }
            out.push(TagRef { id, line, column });
        }
        out
    }

    /// A field that must be present and hold more than spaces: its trimmed
    /// text, line and column.
    fn required(
        &mut self,
        name: &str,
        value: Option<Spanned<String>>,
        what: &str,
    ) -> Option<(String, usize, usize)> {
        let written = self.keys.iter().find(|key| key.name == name);
        match (value, written) {
            (Some(value), _) if !value.value.trim().is_empty() => {
                let (line, column) = self.position(&value);
                Some((value.value.trim().to_owned(), line, column))
            }
            (value, Some(key)) => {
                let line = value.map_or(key.line, |value| self.position(&value).0);
                self.problems.push(
                    Diagnostic::error(
                        Location::line(self.path, line),
                        format!("`{name}` is empty"),
                    )
                    .help(format!("write {what}")),
                );
                None
            }
            (_, None) => {
                self.problems.push(
                    Diagnostic::error(
                        Location::line(self.path, self.split.closing_line),
                        format!("`{name}` is missing"),
                    )
                    .help(format!("add `{name}:` to the front matter: {what}")),
                );
                None
            }
        }
    }

    fn date(&mut self, text: &str, line: usize, column: usize) -> Option<Date> {
        match Date::parse(text) {
            Ok(date) => Some(date),
            Err(err) => {
                let help = match err {
                    DateError::Format => "write it as YYYY-MM-DD, e.g. `date: 2026-02-13`",
                    DateError::NoSuchDay => "check the month and the day",
                };
                self.problems.push(
                    Diagnostic::error(
                        Location::at(self.path, line, column),
                        format!("`date` {text:?} is {err}"),
                    )
                    .help(help),
                );
                None
            }
        }
    }

    fn explicit_slug(&mut self, slug: Spanned<String>) -> Option<Slug> {
        let (line, column) = self.position(&slug);
        let value = slug.value.trim();
        let at = Location::at(self.path, line, column);
        if let Some(reason) = reserved(value) {
            self.problems.push(
                Diagnostic::error(at, format!("slug `{value}` is reserved: {reason}"))
                    .help("set a different `slug`"),
            );
            return None;
        }
        if !is_slug(value) {
            let suggestion = slugify(value);
            let help = if suggestion.is_empty() {
                "use lower-case letters a-z, digits and single hyphens".to_owned()
            } else {
                format!(
                    "use lower-case letters a-z, digits and single hyphens, e.g. `slug: {suggestion}`"
                )
            };
            self.problems.push(
                Diagnostic::error(
                    at,
                    format!("slug `{value}` has characters outside [a-z0-9-], or leading, trailing or double hyphens"),
                )
                .help(help),
            );
            return None;
        }
        Some(Slug {
            value: value.to_owned(),
            line,
            from_title: false,
        })
    }

    fn derived_slug(&mut self, title: &str, line: usize) -> Option<Slug> {
        let value = slugify(title);
        let at = Location::line(self.path, line);
        if value.is_empty() {
            self.problems.push(
                Diagnostic::error(
                    at,
                    "no slug can be derived from the title: it has no letters or digits",
                )
                .help("set `slug` in the front matter, e.g. `slug: my-post`"),
            );
            return None;
        }
        if let Some(reason) = reserved(&value) {
            self.problems.push(
                Diagnostic::error(
                    at,
                    format!("the title gives the slug `{value}`, which is reserved: {reason}"),
                )
                .help("set `slug` in the front matter"),
            );
            return None;
        }
        Some(Slug {
            value,
            line,
            from_title: true,
        })
    }

    /// The cover, `Some(None)` for none; `None` when it is wrong.
    fn cover(
        &mut self,
        cover: Option<Spanned<String>>,
        alt: Option<Spanned<String>>,
    ) -> Option<Option<CoverRef>> {
        let alt = alt.map(|alt| {
            let (line, _) = self.position(&alt);
            (alt.value.trim().to_owned(), line)
        });
        let Some(cover) = cover else {
            if let Some((_, line)) = alt {
                self.problems.push(
                    Diagnostic::error(
                        Location::line(self.path, line),
                        "`cover_alt` is set but there is no `cover`",
                    )
                    .help("add `cover: ./<image>` or remove `cover_alt`"),
                );
                return None;
            }
            return Some(None);
        };
        let (line, column) = self.position(&cover);
        let Some(path) = inside_folder(&cover.value) else {
            self.problems.push(
                Diagnostic::error(
                    Location::at(self.path, line, column),
                    format!("`cover` {:?} is outside the post's folder", cover.value.trim()),
                )
                .help("put the image in the post's folder and name it from there, e.g. `cover: ./cover.jpg`"),
            );
            return None;
        };
        let alt = alt.map(|(alt, _)| alt).filter(|alt| !alt.is_empty());
        if alt.is_none() {
            self.problems.push(
                Diagnostic::warning(
                    Location::line(self.path, line),
                    "the cover has no `cover_alt`; readers who cannot see it get the title instead",
                )
                .help("add `cover_alt:` with a short description of the image"),
            );
        }
        Some(Some(CoverRef { path, alt, line }))
    }

    /// The file line and column of a value.
    fn position<T>(&self, value: &Spanned<T>) -> (usize, usize) {
        position::in_file(self.split, &value.referenced)
    }
}

/// A relative path that stays inside its folder (`./cover.jpg`, `img/a.png`).
pub fn inside_folder(text: &str) -> Option<PathBuf> {
    let mut clean = PathBuf::new();
    for component in Path::new(text.trim()).components() {
        match component {
            Component::CurDir => {}
            Component::Normal(part) => clean.push(part),
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!clean.as_os_str().is_empty()).then_some(clean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::split;

    const PATH: &str = "content/x/de.md";

    fn read(text: &str) -> (Option<FrontMatter>, Vec<String>) {
        read_as(Kind::Post, text)
    }

    fn read_as(kind: Kind, text: &str) -> (Option<FrontMatter>, Vec<String>) {
        let parts = split(PATH, text).unwrap();
        let (front, problems) = parse(PATH, &parts, kind);
        (front, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_page_has_the_fields_of_a_post_but_the_date_and_the_tags() {
        let (front, problems) = read_as(
            Kind::Page,
            "---\ntitle: Impressum\ndescription: Wer hier schreibt.\n---\n",
        );
        assert_eq!(problems, Vec::<String>::new());
        let front = front.unwrap();
        assert_eq!((front.date, front.slug.value.as_str()), (None, "impressum"));

        let text =
            "---\ntitle: About\ndescription: Who writes.\ndate: 2026-02-13\ntags: [edge]\n---\n";
        let (front, problems) = read_as(Kind::Page, text);
        assert_eq!(front, None);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems[0].starts_with(
            "content/x/de.md:4:7: error: a standalone page has no `date`: a page is not listed by date"
        ), "{}", problems[0]);
        assert!(problems[0].contains("move the folder out of `pages/`"));
        assert!(
            problems[1].starts_with("content/x/de.md:5:8: error: a standalone page has no `tags`"),
            "{}",
            problems[1]
        );
    }

    fn problems(text: &str) -> Vec<String> {
        read(text).1
    }

    #[test]
    fn valid_front_matter_is_parsed_into_typed_fields() {
        let text = "---\ntitle: \"Größe zählt\"\ndescription: A post.\ndate: 2026-02-13\ncover: ./cover.png\ncover_alt: Lines\n---\n";
        let (front, problems) = read(text);
        assert_eq!(problems, Vec::<String>::new());
        let front = front.unwrap();
        assert_eq!(front.title, "Größe zählt");
        assert_eq!(front.description, "A post.");
        assert_eq!(front.date, Date::parse_iso("2026-02-13"));
        assert_eq!(
            front.slug,
            Slug {
                value: "groesse-zaehlt".to_owned(),
                line: 2,
                from_title: true
            }
        );
        let cover = front.cover.unwrap();
        assert_eq!(cover.path, PathBuf::from("cover.png"));
        assert_eq!(cover.alt.as_deref(), Some("Lines"));
        assert_eq!(cover.line, 5);
        assert!(!front.draft);
    }

    #[test]
    fn an_explicit_slug_and_draft_flag_are_honoured() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-01-01\nslug: my-slug\ndraft: true\n---\nbody";
        let front = read(text).0.unwrap();
        assert_eq!(front.slug.value, "my-slug");
        assert_eq!(front.slug.line, 5);
        assert!(!front.slug.from_title);
        assert!(front.draft);
        assert_eq!(front.cover, None);
    }

    #[test]
    fn every_problem_of_one_file_is_reported() {
        let text = "---\ntitle: \"  \"\ndate: 2026-02-30\nslug: Not A Slug\n---\n";
        let found = problems(text);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].starts_with("content/x/de.md:2:1: error: `title` is empty"));
        assert!(found[1].starts_with("content/x/de.md:5:1: error: `description` is missing"));
        assert!(found[2].starts_with(
            "content/x/de.md:3:7: error: `date` \"2026-02-30\" is not a day in the calendar"
        ));
        assert!(found[3].contains("e.g. `slug: not-a-slug`"), "{}", found[3]);
    }

    #[test]
    fn a_yaml_syntax_error_points_at_the_line_and_column_where_the_parser_stopped() {
        // The quote opened on line 2 swallows the line break and closes
        // before `A post.` on line 3, where the parser cannot go on.
        let text = "---\ntitle: \"Hello\ndescription: \"A post.\"\ndate: 2026-02-13\n---\n";
        let found = problems(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("content/x/de.md:3:15: error: invalid YAML: "),
            "{found:?}"
        );
        assert!(!found[0].contains("at line"), "{found:?}");
    }

    #[test]
    fn a_list_for_the_title_is_the_wrong_type() {
        let text = "---\ntitle:\n  - A\n  - B\ndescription: D\ndate: 2026-02-13\n---\n";
        let found = problems(text);
        assert!(
            found[0].starts_with(
                "content/x/de.md:3:3: error: `title` must be a single line of text, not a list"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_draft_that_is_not_true_or_false_is_an_error_on_its_line() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-02-13\ndraft: maybe\n---\n";
        let found = problems(text);
        assert!(found[0].starts_with("content/x/de.md:5:"), "{found:?}");
        assert!(
            found[0].contains("`draft` must be true or false"),
            "{found:?}"
        );
    }

    #[test]
    fn a_cover_outside_the_folder_is_an_error() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-02-13\ncover: ../other/cover.jpg\ncover_alt: A\n---\n";
        let found = problems(text);
        assert!(found[0].starts_with("content/x/de.md:5:8: error: `cover` \"../other/cover.jpg\" is outside the post's folder"), "{found:?}");
    }

    #[test]
    fn cover_alt_without_a_cover_is_an_error() {
        let text = "---\ntitle: T\ndescription: D\ndate: 2026-02-13\ncover_alt: A\n---\n";
        let found = problems(text);
        assert!(
            found[0].starts_with(
                "content/x/de.md:5:1: error: `cover_alt` is set but there is no `cover`"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_long_description_and_a_cover_without_alt_text_are_warnings() {
        let long = "word ".repeat(40);
        let text =
            format!("---\ntitle: T\ndescription: {long}\ndate: 2026-02-13\ncover: ./c.png\n---\n");
        let (front, found) = read(&text);
        assert!(front.is_some());
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0]
                .starts_with("content/x/de.md:3:14: warning: `description` is 199 characters long"),
            "{found:?}"
        );
        assert!(
            found[1].starts_with("content/x/de.md:5:1: warning: the cover has no `cover_alt`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_reserved_slug_is_refused_whether_set_or_derived() {
        let set = problems("---\ntitle: T\ndescription: D\ndate: 2026-02-13\nslug: tags\n---\n");
        assert!(set[0].contains("slug `tags` is reserved"), "{set:?}");
        let derived = problems("---\ntitle: \"404\"\ndescription: D\ndate: 2026-02-13\n---\n");
        assert!(
            derived[0].contains("the title gives the slug `404`, which is reserved"),
            "{derived:?}"
        );
    }
}
