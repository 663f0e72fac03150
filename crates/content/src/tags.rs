//! The blog's tags: `tags.yml` at the top of a content folder names each
//! tag once, by an id that posts use in their front matter
//! (`tags: [security, edge]`), and gives it a label, and so a page, in
//! every language:
//!
//! ```yaml
//! security:
//!   en: Security
//!   de: Sicherheit
//! edge:
//!   en: Edge computing
//!   de: { label: Edge-Computing, slug: edge }
//! ```
//!
//! A slug is derived from the label unless it is given. So `/en/tags/security/`
//! and `/de/tags/sicherheit/` are one tag: the language switch and the
//! `hreflang` alternates lead from one to the other.

use std::collections::BTreeMap;
use std::fs;
use std::io;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Location, closest};
use crate::library::ContentRoot;
use crate::source_text::YamlFile;
use blog_model::lang::Lang;
use blog_model::slug::{is_slug, slugify};

/// The file's name, at the top of a content folder.
pub const FILE: &str = "tags.yml";

/// One tag: its id and, in every language, its label and slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub id: String,
    /// One per language, in [`Lang::ALL`] order.
    pub names: Vec<(Lang, TagName)>,
    /// Where it is defined: the file as shown and the line of its id.
    pub shown: String,
    pub line: usize,
}

/// A tag as one language names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagName {
    pub label: String,
    pub slug: String,
}

impl Tag {
    /// The tag's label and slug in `lang`.
    pub fn name(&self, lang: Lang) -> &TagName {
        self.names
            .iter()
            .find(|(name_lang, _)| *name_lang == lang)
            .map(|(_, name)| name)
            .expect("a tag has a name in every language; `Tags::load` keeps no other")
    }
}

/// Every tag of a build's content folders, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags {
    tags: BTreeMap<String, Tag>,
}

/// A label as written: the label alone, or the label and its slug.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawName {
    Label(String),
    Full {
        label: String,
        #[serde(default)]
        slug: Option<String>,
    },
}

impl Tags {
    /// The `tags.yml` of each root that has one; every problem goes to
    /// `problems`, and a tag with a problem is left out.
    pub fn load(roots: &[ContentRoot], problems: &mut Vec<Diagnostic>) -> Tags {
        let mut tags = Tags::default();
        let mut defined_in: BTreeMap<String, String> = BTreeMap::new();
        for root in roots {
            let shown = format!("{}/{FILE}", root.shown);
            let text = match fs::read_to_string(root.path.join(FILE)) {
                Ok(text) => text,
                Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
                Err(err) => {
                    problems.push(Diagnostic::error(
                        Location::path(&shown),
                        format!("cannot read the file: {err}"),
                    ));
                    continue;
                }
            };
            for tag in parse(&shown, &text, problems) {
                if let Some(first) = defined_in.get(&tag.id) {
                    problems.push(
                        Diagnostic::error(
                            Location::path(&shown),
                            format!("the tag `{}` is defined already in {first}", tag.id),
                        )
                        .help("define each tag once, in one content folder's tags.yml"),
                    );
                    continue;
                }
                defined_in.insert(tag.id.clone(), shown.clone());
                tags.tags.insert(tag.id.clone(), tag);
            }
        }
        tags.check_slugs(problems);
        tags
    }

    /// The tag with id `id`.
    pub fn get(&self, id: &str) -> Option<&Tag> {
        self.tags.get(id)
    }

    /// Every tag, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Tag> {
        self.tags.values()
    }

    /// The known id nearest to a mistyped one, if one is near enough.
    pub fn closest(&self, id: &str) -> Option<&str> {
        closest(id, self.tags.keys().map(String::as_str), 1)
    }

    /// Two tags may not share a page: slugs differ within a language.
    fn check_slugs(&mut self, problems: &mut Vec<Diagnostic>) {
        let mut clashes = Vec::new();
        for lang in Lang::ALL {
            let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
            for tag in self.tags.values() {
                let slug = tag.name(lang).slug.as_str();
                if let Some(other) = seen.insert(slug, &tag.id) {
                    clashes.push((
                        lang,
                        slug.to_owned(),
                        other.to_owned(),
                        tag.id.clone(),
                        Location::line(&tag.shown, tag.line),
                    ));
                }
            }
        }
        for (lang, slug, first, second, at) in clashes {
            problems.push(
                Diagnostic::error(
                    at,
                    format!(
                        "the tags `{first}` and `{second}` both have the {} slug `{slug}`",
                        lang.native_name()
                    ),
                )
                .help(format!(
                    "give one of them its own slug: `{}: {{ label: …, slug: … }}`",
                    lang.code()
                )),
            );
            self.tags.remove(&second);
        }
    }
}

/// The tags of one `tags.yml`, shown as `shown`.
fn parse(shown: &str, text: &str, problems: &mut Vec<Diagnostic>) -> Vec<Tag> {
    let file = YamlFile::new(shown, text);
    let at = |location: &serde_saphyr::Location| file.at(location);
    if text.trim().is_empty() {
        return Vec::new();
    }
    let raw: BTreeMap<String, Spanned<BTreeMap<String, Spanned<RawName>>>> =
        match serde_saphyr::from_str(text) {
            Ok(raw) => raw,
            Err(err) => {
                problems.push(
                    file.error(&err, "tags file")
                        .help("write each tag as `id:` and below it one `<lang>: Label` line per language, e.g. `  en: Security`"),
                );
                return Vec::new();
            }
        };
    let mut tags = Vec::new();
    for (id, names) in raw {
        let place = at(&names.referenced);
        if !is_slug(&id) {
            let suggestion = slugify(&id);
            problems.push(
                Diagnostic::error(place.clone(), format!("the tag id `{id}` is not a slug"))
                    .help(if suggestion.is_empty() {
                        "use lower-case letters a-z, digits and single hyphens".to_owned()
                    } else {
                        format!("use lower-case letters a-z, digits and single hyphens, e.g. `{suggestion}`")
                    }),
            );
            continue;
        }
        let mut tag = Tag {
            id: id.clone(),
            names: Vec::new(),
            shown: shown.to_owned(),
            // The labels start on the line below the id.
            line: place.line.map_or(1, |line| line.saturating_sub(1).max(1)),
        };
        let mut whole = true;
        for (code, name) in &names.value {
            if Lang::from_code(code).is_none() {
                let known: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
                problems.push(
                    Diagnostic::error(
                        at(&name.referenced),
                        format!("the tag `{id}` has a label for `{code}`, which is no language of the blog"),
                    )
                    .help(format!("the languages are {}", known.join(", "))),
                );
                whole = false;
            }
        }
        for lang in Lang::ALL {
            let Some(name) = names.value.get(lang.code()) else {
                problems.push(
                    Diagnostic::error(
                        place.clone(),
                        format!("the tag `{id}` has no {} label", lang.native_name()),
                    )
                    .help(format!(
                        "add `{}: <label>` under `{id}:`; a tag is one tag in every language",
                        lang.code()
                    )),
                );
                whole = false;
                continue;
            };
            match checked_name(&id, lang, &name.value) {
                Ok(checked) => tag.names.push((lang, checked)),
                Err((message, help)) => {
                    problems.push(Diagnostic::error(at(&name.referenced), message).help(help));
                    whole = false;
                }
            }
        }
        if whole {
            tags.push(tag);
        }
    }
    tags
}

/// A label and slug, checked: not blank, the slug a slug and not derived
/// from a label without letters.
fn checked_name(id: &str, lang: Lang, raw: &RawName) -> Result<TagName, (String, String)> {
    let (label, slug) = match raw {
        RawName::Label(label) => (label.trim(), None),
        RawName::Full { label, slug } => (label.trim(), slug.as_deref().map(str::trim)),
    };
    if label.is_empty() {
        return Err((
            format!("the tag `{id}` has an empty {} label", lang.native_name()),
            format!(
                "write the label readers see, e.g. `{}: Security`",
                lang.code()
            ),
        ));
    }
    let slug = match slug {
        Some(slug) if is_slug(slug) => slug.to_owned(),
        Some(slug) => {
            return Err((
                format!("the slug `{slug}` of the tag `{id}` has characters outside [a-z0-9-]"),
                format!(
                    "use lower-case letters a-z, digits and single hyphens, e.g. `{}`",
                    slugify(label)
                ),
            ));
        }
        None => slugify(label),
    };
    if slug.is_empty() {
        return Err((
            format!("no slug can be derived from the label `{label}` of the tag `{id}`"),
            format!(
                "give it one: `{}: {{ label: {label}, slug: … }}`",
                lang.code()
            ),
        ));
    }
    Ok(TagName {
        label: label.to_owned(),
        slug,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Vec<Tag>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        (parse("content/tags.yml", text, &mut problems), problems)
    }

    #[test]
    fn a_tag_has_a_label_and_a_slug_in_every_language() {
        let (tags, problems) = parsed(
            "security:\n  en: Security\n  de: Sicherheit\nedge:\n  en: Edge computing\n  de: { label: Größe, slug: edge }\n",
        );
        assert_eq!(problems, []);
        assert_eq!(tags.len(), 2);
        let edge = &tags[0];
        assert_eq!(edge.id, "edge");
        assert_eq!(edge.name(Lang::En).slug, "edge-computing");
        assert_eq!(edge.name(Lang::De).slug, "edge");
        assert_eq!(edge.name(Lang::De).label, "Größe");
        assert_eq!(tags[1].name(Lang::De).slug, "sicherheit");
    }

    #[test]
    fn a_missing_or_empty_label_is_an_error_where_the_tag_is() {
        let (tags, problems) = parsed("security:\n  en: Security\nedge:\n  en: ' '\n  de: Edge\n");
        assert_eq!(tags, []);
        assert_eq!(problems.len(), 2, "{problems:?}");
        let missing = problems
            .iter()
            .find(|p| p.message.contains("no Deutsch label"))
            .unwrap();
        assert_eq!(missing.line, Some(2));
        assert!(missing.help.as_deref().unwrap().contains("`de: <label>`"));
        let empty = problems
            .iter()
            .find(|p| p.message.contains("empty"))
            .unwrap();
        assert_eq!((empty.line, empty.column), (Some(4), Some(7)));
    }

    #[test]
    fn ids_and_slugs_are_slugs_and_languages_known() {
        let (_, problems) = parsed(
            "Security:\n  en: S\n  de: S\nx:\n  en: { label: X, slug: 'no good' }\n  de: X\n  fr: X\n",
        );
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`Security` is not a slug")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`no good`")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("`fr`")), "{messages:?}");
    }

    #[test]
    fn two_tags_may_not_share_a_page() {
        let dir = std::env::temp_dir().join(format!("tags-clash-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(FILE),
            "net:\n  en: Networks\n  de: Netze\nnets:\n  en: Networks\n  de: Netzwerke\n",
        )
        .unwrap();
        let mut problems = Vec::new();
        let tags = Tags::load(&[ContentRoot::new(&dir, "content")], &mut problems);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "content/tags.yml");
        assert_eq!(problems[0].line, Some(4));
        assert!(
            problems[0]
                .message
                .contains("`net` and `nets` both have the English slug `networks`")
        );
        assert!(tags.get("net").is_some() && tags.get("nets").is_none());
    }

    #[test]
    fn a_file_that_is_no_mapping_of_tags_says_how_to_write_one() {
        let (_, problems) = parsed("- security\n- edge\n");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.starts_with("invalid tags file"),
            "{problems:?}"
        );
        assert_eq!(problems[0].line, Some(1));
    }
}
