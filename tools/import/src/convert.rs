//! One Hugo page's front matter mapped to the blog's fields, for a post
//! or for a standalone page ([`Kind`]).
//!
//! - `title`; without one, the file's name (`my-post` → `My post`).
//! - `description`, else `summary`, else the body's first paragraph cut to
//!   [`DESCRIPTION_LIMIT`] characters at a word (reported), else the title.
//! - `date`, else `publishDate`: its day (`2023-05-01T10:00:00+02:00` →
//!   `2023-05-01`). A post without either gets `1970-01-01` and is made a
//!   draft, so that it is checked but not published until it has its day
//!   (reported).
//! - `draft`; `slug`, else the file's or the bundle's name, made a slug.
//! - `tags`, as labels (`tags.rs` makes them ids).
//! - the cover: `cover.image` (with `cover.alt`, else `cover.caption`, as
//!   its text), `cover` as a path, the first of `images`, `featured_image`,
//!   else a bundle's `cover.*` or `featured.*` image.
//!
//! A standalone page has no date and no tags: its `date`, `publishDate` and
//! `tags` are dropped, and it is a draft only when Hugo's `draft` says so.
//! Every other key is reported as dropped.

use blog_model::data::DESCRIPTION_LIMIT;
use blog_model::date::Date;
use blog_model::slug::slugify;

use crate::value::Value;

/// The keys the mapping reads.
const READ: &[&str] = &[
    "title",
    "description",
    "summary",
    "date",
    "publishdate",
    "draft",
    "slug",
    "tags",
    "cover",
    "images",
    "featured_image",
    "featuredimage",
    "translationkey",
];

/// The keys a standalone page has no field for.
const NOT_ON_PAGES: &[&str] = &["date", "publishdate", "tags"];

/// The day a post without a date is given.
pub const NO_DATE: &str = "1970-01-01";

/// What a Hugo page becomes: a post (dated, tagged, listed:
/// `content/<folder>/`) or a standalone page, About or Impressum (no date,
/// no tags, in no listing: `content/pages/<folder>/`).
pub use blog_model::folder::Kind;

/// The fields read from one page, before the body is converted.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub title: String,
    /// `None` until made from the body.
    pub description: Option<String>,
    /// The day; `None` for a standalone page, which has none.
    pub date: Option<String>,
    pub draft: bool,
    /// As written in `slug`, else the name, not yet checked.
    pub slug: String,
    pub tags: Vec<String>,
    /// The cover as Hugo names it, and its text.
    pub cover: Option<String>,
    pub cover_alt: Option<String>,
    /// The keys not carried over, as written.
    pub dropped: Vec<String>,
    pub notes: Vec<String>,
}

/// Reads `fields`, the front matter of the page named `name`, which
/// becomes a `kind`.
pub fn read(fields: &Value, name: &str, kind: Kind) -> Fields {
    let mut notes = Vec::new();
    let text = |key: &str| {
        fields
            .get(key)
            .and_then(Value::text)
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty())
    };
    let title = text("title").unwrap_or_else(|| {
        let title = humanize(name);
        notes.push(format!("no title: `{title}`, from the file's name"));
        title
    });
    let description = text("description").or_else(|| text("summary"));
    let mut dropped: Vec<String> = fields
        .entries()
        .filter(|(key, _)| {
            let key = key.to_ascii_lowercase();
            !READ.contains(&key.as_str())
                || (kind == Kind::Page && NOT_ON_PAGES.contains(&key.as_str()))
        })
        .map(|(key, _)| key.clone())
        .collect();
    if text("description").is_some() && text("summary").is_some() {
        dropped.push("summary".to_owned());
    }
    let day = |key: &str| text(key).and_then(|date| day(&date));
    let mut undated = false;
    let date = match (kind, day("date"), day("publishDate")) {
        (Kind::Page, _, _) => None,
        (Kind::Post, Some(date), publish) => {
            if publish.is_some() {
                dropped.push("publishDate".to_owned());
            }
            Some(date)
        }
        (Kind::Post, None, Some(date)) => {
            notes.push(format!("the date is `publishDate`: {date}"));
            Some(date)
        }
        (Kind::Post, None, None) => {
            let written =
                text("date").map_or_else(String::new, |date| format!(" ({date:?} is none)"));
            notes.push(format!(
                "no date{written}: given {NO_DATE} and made a draft; set `date` before publishing"
            ));
            undated = true;
            Some(NO_DATE.to_owned())
        }
    };
    let draft = match fields.get("draft") {
        Some(Value::Bool(draft)) => *draft,
        Some(Value::Text(text)) => text.trim().eq_ignore_ascii_case("true"),
        _ => false,
    } || undated;
    let slug = text("slug").unwrap_or_else(|| name.to_owned());
    let tags = match fields.get("tags") {
        _ if kind == Kind::Page => Vec::new(),
        Some(Value::List(items)) => items.iter().filter_map(Value::text).collect(),
        Some(value) => value.text().into_iter().collect(),
        None => Vec::new(),
    };
    let tags = tags
        .into_iter()
        .map(|tag| tag.trim().to_owned())
        .filter(|tag| !tag.is_empty())
        .collect();
    let (cover, cover_alt) = cover(fields);
    Fields {
        title,
        description,
        date,
        draft,
        slug,
        tags,
        cover,
        cover_alt,
        dropped,
        notes,
    }
}

/// The cover as front matter names it, and its text.
fn cover(fields: &Value) -> (Option<String>, Option<String>) {
    let text = |value: Option<&Value>| {
        value
            .and_then(Value::text)
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty())
    };
    if let Some(cover @ Value::Map(_)) = fields.get("cover") {
        let alt = text(cover.get("alt")).or_else(|| text(cover.get("caption")));
        if let Some(image) = text(cover.get("image")) {
            return (Some(image), alt);
        }
    }
    if let Some(image) = text(fields.get("cover")) {
        return (Some(image), None);
    }
    let first = match fields.get("images") {
        Some(Value::List(images)) => text(images.first()),
        other => text(other),
    };
    let featured =
        || text(fields.get("featured_image")).or_else(|| text(fields.get("featuredImage")));
    (first.or_else(featured), None)
}

/// The day of a date or datetime: `2023-05-01T10:00:00+02:00` → `2023-05-01`.
pub fn day(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    Date::parse(day).ok().map(|_| day.to_owned())
}

/// `my-post_draft` → `My post draft`.
fn humanize(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Untitled".to_owned(),
    }
}

/// A description from the body: the first paragraph of text, without its
/// Markdown, cut at a word to fit [`DESCRIPTION_LIMIT`]. `None` when the
/// body has no paragraph of text.
pub fn description_from(body: &str) -> Option<String> {
    let mut in_fence = false;
    let mut paragraph = Vec::new();
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            if !paragraph.is_empty() {
                break;
            }
            continue;
        }
        if in_fence {
            continue;
        }
        if trimmed.is_empty() {
            if !paragraph.is_empty() {
                break;
            }
            continue;
        }
        let block = ["#", "![", "<", "{{", "|", ">", "[![", "*"]
            .iter()
            .any(|start| trimmed.starts_with(start))
            || trimmed.starts_with("- ")
            || trimmed.starts_with("    ");
        if block && paragraph.is_empty() {
            continue;
        }
        paragraph.push(trimmed);
    }
    let text = plain(&paragraph.join(" "));
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(cut(&text, DESCRIPTION_LIMIT))
}

/// Markdown made plain: links their text, images and emphasis gone.
fn plain(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(start) = rest.find('[') {
        let image = rest[..start].ends_with('!');
        out.push_str(&rest[..start - usize::from(image)]);
        let after = &rest[start + 1..];
        match after.find("](").and_then(|close| {
            let url = &after[close + 2..];
            url.find(')').map(|end| (close, close + 2 + end + 1))
        }) {
            Some((close, end)) => {
                if !image {
                    out.push_str(&after[..close]);
                }
                rest = &after[end..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = without_shortcodes(&out);
    let out: String = out.chars().filter(|ch| !matches!(ch, '*' | '`')).collect();
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without the shortcodes left in it (`{{< tweet … >}}`).
fn without_shortcodes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{<").into_iter().chain(rest.find("{{%")).min() {
        let close = if rest[start..].starts_with("{{<") {
            ">}}"
        } else {
            "%}}"
        };
        let Some(end) = rest[start..].find(close) else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + end + close.len()..];
    }
    out.push_str(rest);
    out
}

/// `text` cut at a word to `limit` characters, `…` included.
pub fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if next + 1 > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(limit - 1).collect();
    }
    out = out.trim_end_matches([',', ';', ':', '.', '-']).to_owned();
    out.push('…');
    out
}

/// A slug for `text`, empty when it has no letters or digits.
pub fn slug_of(text: &str) -> String {
    slugify(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{from_toml, from_yaml};

    #[test]
    fn toml_fields_map_to_the_blogs() {
        let fields = from_toml(
            "title = \"Hello\"\ndate = 2023-05-01T10:00:00+02:00\ndraft = true\nslug = \"hi\"\ntags = [\"Go\"]\naliases = [\"/x/\"]\nweight = 3\n[cover]\nimage = \"c.png\"\nalt = \"A cat\"\n",
        )
        .unwrap();
        let read = read(&fields, "hello", Kind::Post);
        assert_eq!(
            (
                read.title.as_str(),
                read.date.as_deref(),
                read.draft,
                read.slug.as_str()
            ),
            ("Hello", Some("2023-05-01"), true, "hi")
        );
        assert_eq!(read.tags, ["Go"]);
        assert_eq!(
            (read.cover.as_deref(), read.cover_alt.as_deref()),
            (Some("c.png"), Some("A cat"))
        );
        assert_eq!(read.dropped, ["aliases", "weight"]);
        assert_eq!(read.description, None);
    }

    #[test]
    fn yaml_fields_fall_back_as_hugo_does() {
        let fields = from_yaml(
            "summary: Short.\npublishDate: 2022-01-02\nimages: [a.jpg, b.jpg]\ntags: single\n",
        )
        .unwrap();
        let read = read(&fields, "my-first_post", Kind::Post);
        assert_eq!(read.title, "My first post");
        assert_eq!(read.description.as_deref(), Some("Short."));
        assert_eq!(read.date.as_deref(), Some("2022-01-02"));
        assert_eq!(read.slug, "my-first_post");
        assert_eq!(read.cover.as_deref(), Some("a.jpg"));
        assert_eq!(read.tags, ["single"]);
        assert!(!read.draft);
        assert_eq!(read.notes.len(), 2, "{:?}", read.notes);
    }

    #[test]
    fn no_date_is_a_draft_of_the_first_day() {
        let read = read(
            &from_yaml("title: T\ndate: soon\n").unwrap(),
            "t",
            Kind::Post,
        );
        assert_eq!((read.date.as_deref(), read.draft), (Some(NO_DATE), true));
        assert!(
            read.notes[0].contains("\"soon\" is none"),
            "{:?}",
            read.notes
        );
    }

    #[test]
    fn a_standalone_page_drops_its_date_and_tags_and_is_no_draft_for_lacking_a_day() {
        let fields = from_toml(
            "title = \"About\"\ndate = 2023-05-01\npublishDate = 2023-05-02\ntags = [\"Go\"]\nmenu = \"main\"\n",
        )
        .unwrap();
        let about = read(&fields, "about", Kind::Page);
        assert_eq!((about.date, about.draft), (None, false));
        assert!(about.tags.is_empty());
        assert_eq!(about.dropped, ["date", "menu", "publishDate", "tags"]);
        assert_eq!(about.notes, Vec::<String>::new());
        // Without a date: no note, no draft; Hugo's `draft` still counts.
        let undated = read(&from_yaml("title: About\n").unwrap(), "about", Kind::Page);
        assert_eq!((undated.date, undated.draft), (None, false));
        assert_eq!(undated.notes, Vec::<String>::new());
        let draft = read(
            &from_yaml("title: About\ndraft: true\n").unwrap(),
            "about",
            Kind::Page,
        );
        assert!(draft.draft);
        // The same front matter as a post keeps them.
        let post = read(&fields, "about", Kind::Post);
        assert_eq!(post.date.as_deref(), Some("2023-05-01"));
        assert_eq!(post.tags, ["Go"]);
        assert_eq!(post.dropped, ["menu", "publishDate"]);
    }

    #[test]
    fn the_first_paragraph_of_text_is_the_description() {
        let body = "## Heading\n\n![x](./x.png)\n\n```go\ncode\n```\n\nThe **first** [real](../x/) paragraph\ncontinues here.\n\nSecond.\n";
        assert_eq!(
            description_from(body).as_deref(),
            Some("The first real paragraph continues here.")
        );
        assert_eq!(description_from("## Only a heading\n"), None);
        assert_eq!(
            description_from("We went.\n{{< gist a b >}} {{% x %}}\n").as_deref(),
            Some("We went.")
        );
        let long = "word ".repeat(60);
        let cut = description_from(&long).unwrap();
        assert!(cut.chars().count() <= DESCRIPTION_LIMIT, "{cut}");
        assert!(cut.ends_with("word…"), "{cut}");
    }
}
