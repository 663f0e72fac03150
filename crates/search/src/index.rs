//! The index's files, which the build writes beside the data files and the
//! app fetches on a reader's first query, only the shards it needs:
//!
//! - `search/index.txt`: how many documents, and the keys of the shards;
//! - `search/t/<key>.txt`: the terms starting with `key`, each with its
//!   postings (documents and weights), sorted; then the documents its
//!   terms rank highest, [`RESULTS`] for each term, so that a query of one
//!   word shows its results without fetching a file of documents (in an
//!   index of more than [`FEW_DOC_FILES`] such files);
//! - `search/r/<key>.txt`: the same for German compounds' terms written
//!   backwards, so that a query's term that ends one (`netzgerat` of
//!   `hochspannungsnetzgerat`) is found by its start;
//! - `search/d/<n>.txt`: the documents, [`DOC_CHUNK`] to a file. A document
//!   is a post, so that a post is one result whatever language matched: each
//!   line lists its translations (language, slug, title, date).
//!
//! A shard is one letter (`t/s.txt`) until it outgrows [`SHARD_LIMIT`],
//! then two (`t/se.txt`), then three. Every file is lines of tab-separated
//! fields that end with `end`, so a file cut short is an error.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use blog_model::lang::Lang;

use crate::text::{Terms, fold, words};

/// Documents per file of `search/d/`.
pub const DOC_CHUNK: u32 = 32;

/// How many posts a query shows at most; a shard carries this many
/// documents for each of its terms, the ones the term ranks highest.
pub const RESULTS: usize = 8;

/// An index with at most this many files of documents has shards without
/// documents: the app fetches those files all with its first query's
/// shards, in one round of requests (a browser opens six connections to a
/// host over HTTP/1.1), which costs fewer bytes than carrying each
/// document in every shard of its terms.
pub const FEW_DOC_FILES: u32 = 6;

/// A shard's size, in bytes, past which it is split by one more letter.
pub const SHARD_LIMIT: usize = 12_000;

/// The longest shard key.
const MAX_KEY: usize = 3;

/// German terms at least this long are also indexed backwards, as
/// compounds whose last part a reader may search for alone.
pub const COMPOUND_MIN: usize = 8;

/// The first line of each kind of file.
pub const INDEX_HEADER: &str = "edgewise-search 1";
pub const SHARD_HEADER: &str = "edgewise-shard 2";
pub const DOCS_HEADER: &str = "edgewise-docs 1";

/// A post as the index lists it: its translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// In [`Lang::ALL`] order.
    pub translations: Vec<Translation>,
}

/// One translation of a post, as a result shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub lang: Lang,
    pub slug: String,
    pub title: String,
    pub date_label: String,
}

impl Doc {
    /// The translation into `lang`, else the first.
    pub fn in_lang(&self, lang: Lang) -> Option<&Translation> {
        self.translations
            .iter()
            .find(|translation| translation.lang == lang)
            .or(self.translations.first())
    }
}

/// How much a word counts where it stands.
#[derive(Debug, Clone, Copy)]
pub enum Field {
    Title,
    Description,
    Heading,
    Body,
}

impl Field {
    fn weight(self) -> u32 {
        match self {
            Field::Title => 12,
            Field::Description | Field::Heading => 4,
            Field::Body => 1,
        }
    }
}

/// The highest weight a term has in one document.
pub const MAX_WEIGHT: u32 = 35;

/// The index as it is built.
#[derive(Default)]
pub struct Builder {
    docs: Vec<Doc>,
    /// Term → (document, weight), documents in the order they were added.
    terms: BTreeMap<String, Vec<(u32, u32)>>,
    /// The terms of German text, which may be compounds.
    german: std::collections::BTreeSet<String>,
}

impl Builder {
    /// Adds a post with the text of each translation, field by field (in
    /// the order of `doc.translations`). Posts are numbered in the order
    /// they are added, which is the order results with the same score come
    /// in: add the newest first. A term's weight is its best in any one
    /// translation, so a translated post counts as much as another.
    pub fn add(&mut self, doc: Doc, texts: &[Vec<(Field, &str)>]) {
        let number = u32::try_from(self.docs.len()).unwrap_or(u32::MAX);
        let mut weights: BTreeMap<String, u32> = BTreeMap::new();
        for (translation, fields) in doc.translations.iter().zip(texts) {
            let stems = Terms::new(translation.lang);
            let mut own: BTreeMap<String, u32> = BTreeMap::new();
            for (field, text) in fields {
                for (_, word) in words(text) {
                    if let Some(term) = stems.term(word) {
                        *own.entry(term).or_default() += field.weight();
                    }
                }
            }
            for (term, weight) in own {
                if translation.lang == Lang::De {
                    self.german.insert(term.clone());
                }
                let best = weights.entry(term).or_default();
                *best = (*best).max(weight);
            }
        }
        for (term, weight) in weights {
            self.terms
                .entry(term)
                .or_default()
                .push((number, weight.min(MAX_WEIGHT)));
        }
        self.docs.push(doc);
    }

    /// Every file of the index: (path relative to the site, contents).
    pub fn files(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let carried = (self.docs.len() > (FEW_DOC_FILES * DOC_CHUNK) as usize)
            .then_some(self.docs.as_slice());
        let forward = shards(
            self.terms
                .iter()
                .map(|(term, postings)| (term.clone(), postings)),
            carried,
        );
        // German compounds backwards: a reader's `netzgerät` is the end of
        // the author's `Hochspannungsnetzgerät`.
        let mut backwards: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
        for term in &self.german {
            if term.chars().count() >= COMPOUND_MIN {
                backwards.insert(term.chars().rev().collect(), self.terms[term].clone());
            }
        }
        let reversed = shards(
            backwards
                .iter()
                .map(|(term, postings)| (term.clone(), postings)),
            carried,
        );
        let keys = |shards: &[(String, String)]| {
            shards
                .iter()
                .map(|(key, _)| key.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        files.push((
            "search/index.txt".to_owned(),
            format!(
                "{INDEX_HEADER}\ndocs\t{}\t{DOC_CHUNK}\nshards\t{}\nreversed\t{}\nend\n",
                self.docs.len(),
                keys(&forward),
                keys(&reversed)
            ),
        ));
        for (key, text) in forward {
            files.push((format!("search/t/{key}.txt"), text));
        }
        for (key, text) in reversed {
            files.push((format!("search/r/{key}.txt"), text));
        }
        for (chunk, docs) in self.docs.chunks(DOC_CHUNK as usize).enumerate() {
            let mut text = format!("{DOCS_HEADER}\n");
            for doc in docs {
                text.push_str("post");
                write_translations(&mut text, doc);
            }
            text.push_str("end\n");
            files.push((format!("search/d/{chunk}.txt"), text));
        }
        files
    }
}

/// A document's translations as the fields after a line's first, and the
/// line's end.
fn write_translations(text: &mut String, doc: &Doc) {
    for translation in &doc.translations {
        let _ = write!(
            text,
            "\t{}\t{}\t{}\t{}",
            translation.lang.code(),
            translation.slug,
            one_line(&translation.title),
            one_line(&translation.date_label)
        );
    }
    text.push('\n');
}

/// Tabs and line breaks as spaces, as in the data files.
fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The key of the shard of `term` at `length` letters: its first letters,
/// each a-z or 0-9, else `_`.
pub fn shard_key(term: &str, length: usize) -> String {
    term.chars()
        .take(length)
        .map(|ch| {
            if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
                ch
            } else {
                '_'
            }
        })
        .collect()
}

/// A term's postings as a shard line holds them: each document as the
/// difference from the one before, in base 36, and its weight after `:`
/// when it is not 1.
fn encode_postings(postings: &[(u32, u32)]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (position, &(doc, weight)) in postings.iter().enumerate() {
        if position > 0 {
            out.push(' ');
        }
        out.push_str(&base36(doc - last));
        last = doc;
        if weight != 1 {
            out.push(':');
            out.push_str(&base36(weight));
        }
    }
    out
}

pub(crate) fn base36(mut number: u32) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(number % 36) as usize]);
        number /= 36;
        if number == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A term's line in a shard, and the documents it ranks highest.
#[derive(Clone)]
struct Line {
    term: String,
    text: String,
    top: Vec<u32>,
}

/// Terms (sorted) split into shards by their first letters: one letter a
/// shard, more where a shard would pass [`SHARD_LIMIT`]. (key, file text).
fn shards<'a>(
    terms: impl Iterator<Item = (String, &'a Vec<(u32, u32)>)>,
    docs: Option<&[Doc]>,
) -> Vec<(String, String)> {
    let lines: Vec<Line> = terms
        .map(|(term, postings)| {
            let text = format!("{term}\t{}\n", encode_postings(postings));
            // The order a query ranks them in: weight, then number.
            let mut ranked = postings.clone();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let top = ranked.iter().take(RESULTS).map(|&(doc, _)| doc).collect();
            Line { term, text, top }
        })
        .collect();
    let mut out = Vec::new();
    split(&lines, 1, &mut out);
    out.into_iter()
        .map(|(key, lines)| (key, file(&lines, docs)))
        .collect()
}

/// Groups `lines` by their key at `length` letters, splitting further where
/// a group is too big.
fn split(lines: &[Line], length: usize, out: &mut Vec<(String, Vec<Line>)>) {
    let mut start = 0;
    while start < lines.len() {
        let key = shard_key(&lines[start].term, length);
        let end = start
            + lines[start..]
                .iter()
                .take_while(|line| shard_key(&line.term, length) == key)
                .count();
        let group = &lines[start..end];
        let size: usize = group.iter().map(|line| line.text.len()).sum();
        // A term no longer than the key stays at this length: it has no
        // further letter to split by.
        let (short, long): (Vec<Line>, Vec<Line>) = group
            .iter()
            .cloned()
            .partition(|line| line.term.chars().count() <= length);
        if size > SHARD_LIMIT && length < MAX_KEY && !long.is_empty() {
            if !short.is_empty() {
                out.push((key.clone(), short));
            }
            split(&long, length + 1, out);
        } else {
            out.push((key, group.to_vec()));
        }
        start = end;
    }
}

/// A shard's file: its terms' lines, `docs`, then the documents they rank
/// highest (when `docs` are carried), each as its number (base 36) and its
/// translations.
fn file(lines: &[Line], docs: Option<&[Doc]>) -> String {
    let mut text = format!("{SHARD_HEADER}\n");
    for line in lines {
        text.push_str(&line.text);
    }
    text.push_str("docs\n");
    let Some(docs) = docs else {
        text.push_str("end\n");
        return text;
    };
    let top: std::collections::BTreeSet<u32> = lines
        .iter()
        .flat_map(|line| line.top.iter().copied())
        .collect();
    for number in top {
        text.push_str(&base36(number));
        write_translations(&mut text, &docs[number as usize]);
    }
    text.push_str("end\n");
    text
}

/// The folded form of a query's last word as typed, for matching terms
/// that start with it.
pub fn prefix(word: &str) -> String {
    fold(word)
}
