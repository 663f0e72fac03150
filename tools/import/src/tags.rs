//! Hugo's tags, plain strings per language, made ids of `tags.yml`.
//!
//! The rule: a label (compared without regard to case or surrounding
//! spaces) that `tags.yml` has already, in its language, is that id's.
//! Otherwise, when the two translations of a post list the same number
//! of tags, the tags at the same position are one tag: its id is the
//! English label's slug, the English and German labels its labels. A tag
//! met only in one language gets its id from that label, and is the tag
//! of the same label in the other language; a tag without a label in a
//! language takes the other's (reported). An id taken gets `-2`, `-3`…;
//! a slug two labels would share in one language is written out
//! (`{ label: …, slug: go-2 }`). An existing `tags.yml` is only extended:
//! the new ids are added at its end, and nothing is added when every
//! label is known.

use std::collections::{BTreeSet, HashMap, HashSet};

use blog_model::lang::Lang;
use blog_model::slug::{is_slug, slugify};

use crate::value::{self, Value};

/// The file's name at the top of the content folder.
pub const FILE: &str = "tags.yml";

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    /// The label per language, in [`Lang::ALL`] order.
    labels: [Option<String>; Lang::ALL.len()],
    /// Defined by the existing file, not written again.
    existing: bool,
}

/// The tags of the content folder and those the import adds.
#[derive(Debug, Default)]
pub struct Book {
    entries: Vec<Entry>,
    by_label: HashMap<(Lang, String), usize>,
    ids: BTreeSet<String>,
    slugs: HashSet<(Lang, String)>,
}

/// A tag that takes its label from the other language: the id and the
/// language it is missing in.
pub type Copied = (String, Lang);

fn index(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|other| *other == lang)
        .expect("a language of the blog")
}

fn fold(label: &str) -> String {
    label.trim().to_lowercase()
}

impl Book {
    /// The tags of an existing `tags.yml`; an error when it cannot be read
    /// as one.
    pub fn read(text: &str) -> Result<Book, String> {
        let mut book = Book::default();
        let tree = value::from_yaml(text)?;
        for (id, names) in tree.entries() {
            let mut labels: [Option<String>; Lang::ALL.len()] = Default::default();
            for lang in Lang::ALL {
                let name = names.get(lang.code());
                let label = name.and_then(|name| match name {
                    Value::Map(_) => name.get("label").and_then(Value::text),
                    other => other.text(),
                });
                let slug = name
                    .and_then(|name| name.get("slug"))
                    .and_then(Value::text)
                    .or_else(|| label.as_deref().map(slugify));
                if let Some(slug) = slug {
                    book.slugs.insert((lang, slug));
                }
                labels[index(lang)] = label;
            }
            book.push(Entry {
                id: id.clone(),
                labels,
                existing: true,
            });
        }
        Ok(book)
    }

    fn push(&mut self, entry: Entry) -> usize {
        let at = self.entries.len();
        for lang in Lang::ALL {
            if let Some(label) = &entry.labels[index(lang)] {
                self.by_label.entry((lang, fold(label))).or_insert(at);
            }
        }
        self.ids.insert(entry.id.clone());
        self.entries.push(entry);
        at
    }

    fn find(&self, lang: Lang, label: &str) -> Option<usize> {
        self.by_label.get(&(lang, fold(label))).copied()
    }

    /// A new entry for `label` in `lang`, its id made from the label.
    fn create(&mut self, lang: Lang, label: &str) -> usize {
        let base = Some(slugify(label))
            .filter(|slug| is_slug(slug))
            .unwrap_or_else(|| "tag".to_owned());
        let mut id = base.clone();
        let mut number = 1;
        while self.ids.contains(&id) {
            number += 1;
            id = format!("{base}-{number}");
        }
        let mut labels: [Option<String>; Lang::ALL.len()] = Default::default();
        labels[index(lang)] = Some(label.trim().to_owned());
        self.push(Entry {
            id,
            labels,
            existing: false,
        })
    }

    /// Sets the label of a new entry in a language it has none in yet.
    fn name(&mut self, at: usize, lang: Lang, label: &str) -> bool {
        let entry = &mut self.entries[at];
        if entry.existing || entry.labels[index(lang)].is_some() {
            return false;
        }
        entry.labels[index(lang)] = Some(label.trim().to_owned());
        self.by_label.entry((lang, fold(label))).or_insert(at);
        true
    }

    /// A post's English and German tags, position by position, when both
    /// translations list as many.
    pub fn pair(&mut self, english: &[String], german: &[String]) {
        if english.len() != german.len() {
            return;
        }
        for (en, de) in english.iter().zip(german) {
            match (self.find(Lang::En, en), self.find(Lang::De, de)) {
                (None, None) => {
                    let at = self.create(Lang::En, en);
                    self.name(at, Lang::De, de);
                }
                (Some(at), None) => {
                    self.name(at, Lang::De, de);
                }
                (None, Some(at)) => {
                    self.name(at, Lang::En, en);
                }
                (Some(_), Some(_)) => {}
            }
        }
    }

    /// The id of the tag `label` in `lang`, made if needed.
    pub fn id(&mut self, lang: Lang, label: &str) -> String {
        let other = Lang::ALL
            .into_iter()
            .find(|other| *other != lang)
            .expect("two languages");
        let at = match self.find(lang, label) {
            Some(at) => at,
            // The same label met in the other language only: one tag.
            None => match self.find(other, label) {
                Some(at) if self.name(at, lang, label) => at,
                _ => self.create(lang, label),
            },
        };
        self.entries[at].id.clone()
    }

    /// The new ids, sorted.
    pub fn new_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .entries
            .iter()
            .filter(|entry| !entry.existing)
            .map(|entry| entry.id.clone())
            .collect();
        ids.sort();
        ids
    }

    /// The lines to add to `tags.yml` for the new tags, by id, and the tags whose
    /// label was taken from the other language. A label in a language it
    /// was not met in is the other language's.
    pub fn additions(&mut self) -> (String, Vec<Copied>) {
        let mut text = String::new();
        let mut copied = Vec::new();
        let mut new: Vec<Entry> = self
            .entries
            .iter()
            .filter(|entry| !entry.existing)
            .cloned()
            .collect();
        new.sort_by(|a, b| a.id.cmp(&b.id));
        for entry in new {
            text.push_str(&format!("{}:\n", entry.id));
            for lang in Lang::ALL {
                let label = match &entry.labels[index(lang)] {
                    Some(label) => label.clone(),
                    None => {
                        copied.push((entry.id.clone(), lang));
                        entry
                            .labels
                            .iter()
                            .flatten()
                            .next()
                            .cloned()
                            .unwrap_or_else(|| entry.id.clone())
                    }
                };
                let derived = slugify(&label);
                let free =
                    |slug: &str| !slug.is_empty() && !self.slugs.contains(&(lang, slug.to_owned()));
                if free(&derived) {
                    self.slugs.insert((lang, derived));
                    text.push_str(&format!("  {}: {}\n", lang.code(), quote(&label)));
                    continue;
                }
                let base = if derived.is_empty() {
                    entry.id.clone()
                } else {
                    derived
                };
                let mut slug = base.clone();
                let mut number = 1;
                while !free(&slug) {
                    number += 1;
                    slug = format!("{base}-{number}");
                }
                self.slugs.insert((lang, slug.clone()));
                text.push_str(&format!(
                    "  {}: {{ label: {}, slug: {slug} }}\n",
                    lang.code(),
                    quote(&label)
                ));
            }
        }
        (text, copied)
    }
}

/// `text` as a double-quoted YAML scalar.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            ch if ch.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(ch))),
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(list: &[&str]) -> Vec<String> {
        list.iter().map(|label| (*label).to_owned()).collect()
    }

    #[test]
    fn tags_at_the_same_position_of_a_pair_are_one_tag() {
        let mut book = Book::default();
        book.pair(
            &labels(&["Web Development", "Go"]),
            &labels(&["Webentwicklung", "Go"]),
        );
        assert_eq!(book.id(Lang::En, "web development"), "web-development");
        assert_eq!(book.id(Lang::De, "Webentwicklung"), "web-development");
        assert_eq!(book.id(Lang::De, "Go"), "go");
        // Lists of different lengths are not paired.
        book.pair(&labels(&["Rust"]), &labels(&["Rust", "Sicherheit"]));
        assert_eq!(book.id(Lang::En, "Rust"), "rust");
        assert_eq!(book.id(Lang::De, "Rust"), "rust");
        assert_eq!(book.id(Lang::De, "Sicherheit"), "sicherheit");
        let (text, copied) = book.additions();
        assert_eq!(
            text,
            "go:\n  en: \"Go\"\n  de: \"Go\"\n\
             rust:\n  en: \"Rust\"\n  de: \"Rust\"\n\
             sicherheit:\n  en: \"Sicherheit\"\n  de: \"Sicherheit\"\n\
             web-development:\n  en: \"Web Development\"\n  de: \"Webentwicklung\"\n"
        );
        assert_eq!(copied, [("sicherheit".to_owned(), Lang::En)]);
    }

    #[test]
    fn known_labels_keep_their_ids_and_add_nothing() {
        let mut book = Book::read(
            "edge:\n  en: Edge computing\n  de: { label: Edge-Computing, slug: edge }\n",
        )
        .unwrap();
        book.pair(&labels(&["edge computing"]), &labels(&["Rand"]));
        assert_eq!(book.id(Lang::En, "Edge Computing"), "edge");
        assert_eq!(book.id(Lang::De, "edge-computing"), "edge");
        assert!(book.new_ids().is_empty());
        assert_eq!(book.additions().0, "");
        assert!(Book::read("- a\n").is_err());
    }

    #[test]
    fn a_slug_two_labels_would_share_is_written_out() {
        let mut book = Book::read("c:\n  en: C\n  de: C\n").unwrap();
        assert_eq!(book.id(Lang::En, "C++"), "c-2");
        assert_eq!(book.id(Lang::De, "c++"), "c-2");
        assert_eq!(
            book.additions().0,
            "c-2:\n  en: { label: \"C++\", slug: c-2 }\n  de: { label: \"c++\", slug: c-2 }\n"
        );
    }

    #[test]
    fn quoting_escapes_what_yaml_would_read_otherwise() {
        assert_eq!(quote("a \"b\" \\ c: #d"), "\"a \\\"b\\\" \\\\ c: #d\"");
    }
}
