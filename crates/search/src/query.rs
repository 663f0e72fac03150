//! A reader's query against the index: which shards it needs, and the
//! documents it finds, best first. Each word of the query must match (in
//! any language): as a term (stemmed as English and as German), as the
//! start of a term while it is the word being typed, as the end of a German
//! compound, or, for words of five letters or more, with one letter wrong.

use blog_model::lang::Lang;

use crate::index::{DOCS_HEADER, Doc, INDEX_HEADER, SHARD_HEADER, Translation, shard_key};
use crate::text::{Terms, fold, words};

/// Words this long or longer match with one letter wrong.
pub const TYPO_MIN: usize = 5;

/// Words this long or longer match the end of a German compound.
pub const COMPOUND_END_MIN: usize = 4;

/// The word being typed matches the start of terms from this many letters:
/// two letters start too many terms to be worth the shards they need.
pub const PREFIX_MIN: usize = 3;

/// What `search/index.txt` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub docs: u32,
    pub chunk: u32,
    /// The keys of the shards, forwards (`t/`) and backwards (`r/`).
    pub forward: Vec<String>,
    pub reversed: Vec<String>,
}

/// One word of a query, in the forms it may match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As typed.
    pub text: String,
    /// Folded, not stemmed.
    pub folded: String,
    /// Its terms as English and as German (one when they agree).
    pub terms: Vec<String>,
    /// The word being typed: folded, to match the start of a term.
    pub prefix: Option<String>,
}

/// A query's words; empty when it has nothing to search for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub words: Vec<Word>,
}

/// A shard: its terms and their postings, and the documents they rank
/// highest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shard {
    /// Sorted by term.
    pub terms: Vec<(String, Vec<(u32, u32)>)>,
    /// By number: for each term, the [`crate::index::RESULTS`] documents
    /// it ranks highest, so that the results of a query of one word are
    /// among the docs of the shards it loaded.
    pub docs: Vec<(u32, Doc)>,
}

/// A document found, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: u32,
    pub score: u32,
}

/// How a term matched a word: its score is the posting's weight times
/// this, so that a word found as written in the body (weight 1) still
/// comes before one found with a letter wrong in most places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Match {
    Typo = 1,
    Compound = 4,
    Prefix = 8,
    Exact = 16,
}

impl Query {
    /// The query in `text`; `typing` when its last word may be unfinished.
    pub fn parse(text: &str, typing: bool) -> Query {
        let stems = [Terms::new(Lang::En), Terms::new(Lang::De)];
        let all: Vec<&str> = words(text).map(|(_, word)| word).collect();
        let last = all.len().saturating_sub(1);
        let words = all
            .iter()
            .enumerate()
            .filter_map(|(position, word)| {
                let mut terms: Vec<String> = stems.iter().filter_map(|s| s.term(word)).collect();
                terms.dedup();
                let prefix = (typing && position == last && word.chars().count() >= PREFIX_MIN)
                    .then(|| fold(word));
                (!terms.is_empty() || prefix.is_some()).then(|| Word {
                    text: (*word).to_owned(),
                    folded: fold(word),
                    terms,
                    prefix,
                })
            })
            .collect();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The keys of the shards the query needs, forwards and backwards.
    pub fn shards(&self, meta: &Meta) -> (Vec<String>, Vec<String>) {
        let mut forward = Vec::new();
        let mut reversed = Vec::new();
        for word in &self.words {
            for term in &word.terms {
                forward.extend(keys_for(&meta.forward, term, false));
                // Shorter terms are not looked for as a compound's end.
                if term.chars().count() >= COMPOUND_END_MIN {
                    let backwards: String = term.chars().rev().collect();
                    reversed.extend(keys_for(&meta.reversed, &backwards, true));
                }
            }
            if let Some(prefix) = &word.prefix {
                forward.extend(keys_for(&meta.forward, prefix, true));
            }
        }
        (unique(forward), unique(reversed))
    }

    /// The documents every word matches, best first (ties: the index's
    /// order, newest first). `forward` and `reversed` are the shards
    /// [`Query::shards`] named, loaded.
    pub fn run(&self, forward: &[&Shard], reversed: &[&Shard]) -> Vec<Hit> {
        let mut total: Option<Vec<(u32, u32)>> = None;
        for word in &self.words {
            let found = self.word_hits(word, forward, reversed);
            total = Some(match total {
                None => found,
                Some(before) => before
                    .into_iter()
                    .filter_map(|(doc, score)| {
                        let at = found.binary_search_by_key(&doc, |&(doc, _)| doc).ok()?;
                        Some((doc, score + found[at].1))
                    })
                    .collect(),
            });
        }
        // Best score first, then lowest document.
        let mut keys: Vec<u64> = total
            .unwrap_or_default()
            .into_iter()
            .map(|(doc, score)| pair(u32::MAX - score, doc))
            .collect();
        keys.sort_unstable();
        keys.into_iter()
            .map(|key| {
                let (score, doc) = unpair(key);
                Hit {
                    doc,
                    score: u32::MAX - score,
                }
            })
            .collect()
    }

    /// Each document one word matches, with its best score, by document.
    fn word_hits(&self, word: &Word, forward: &[&Shard], reversed: &[&Shard]) -> Vec<(u32, u32)> {
        let mut notes: Vec<u64> = Vec::new();
        let mut note = |postings: &[(u32, u32)], how: Match| {
            notes.extend(
                postings
                    .iter()
                    .map(|&(doc, weight)| pair(doc, weight * how as u32)),
            );
        };
        let typos = word.folded.chars().count() >= TYPO_MIN;
        for shard in forward {
            for (term, postings) in &shard.terms {
                if word.terms.contains(term) {
                    note(postings, Match::Exact);
                } else if typos && typo_of(term, word) {
                    note(postings, Match::Typo);
                }
                if let Some(prefix) = &word.prefix
                    && term.starts_with(prefix.as_str())
                    && !word.terms.contains(term)
                {
                    note(postings, Match::Prefix);
                }
            }
        }
        for shard in reversed {
            for wanted in &word.terms {
                if wanted.chars().count() < COMPOUND_END_MIN {
                    continue;
                }
                let backwards: String = wanted.chars().rev().collect();
                for (term, postings) in &shard.terms {
                    if term.len() > backwards.len() && term.starts_with(&backwards) {
                        note(postings, Match::Compound);
                    }
                }
            }
        }
        // Sorted, each document's notes end with its best.
        notes.sort_unstable();
        let mut best: Vec<(u32, u32)> = Vec::new();
        for (doc, score) in notes.into_iter().map(unpair) {
            match best.last_mut() {
                Some(last) if last.0 == doc => last.1 = score,
                _ => best.push((doc, score)),
            }
        }
        best
    }
}

/// Two numbers as one that sorts by the first, then the second: every sort
/// of search is one of `u64`s, where sorts by a key would each put another
/// copy of the sorting code into the wasm.
fn pair(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

fn unpair(key: u64) -> (u32, u32) {
    ((key >> 32) as u32, key as u32)
}

/// `keys` without repeats, in the order first named (a handful of shard
/// keys: no sort needed).
fn unique(keys: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(keys.len());
    for key in keys {
        if !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// The shard keys a term (or, for `prefix`, every term starting with it)
/// may be in: the longest key it starts with; for a prefix, also every key
/// that starts with it.
fn keys_for(keys: &[String], term: &str, prefix: bool) -> Vec<String> {
    let longest = (1..=3)
        .rev()
        .map(|length| shard_key(term, length))
        .find(|key| keys.contains(key));
    let mut out: Vec<String> = longest.into_iter().collect();
    if prefix {
        let typed = shard_key(term, 3);
        out.extend(
            keys.iter()
                .filter(|key| key.len() > typed.len() && key.starts_with(&typed))
                .cloned(),
        );
    }
    out
}

/// Whether `term` is what `word` would give but for one letter wrong: one
/// edit from its term, or, where the wrong letter kept the stemmer from
/// cutting the ending (`handlign`), the start of the word as typed with at
/// most three letters after it.
fn typo_of(term: &str, word: &Word) -> bool {
    word.terms.iter().any(|wanted| one_edit(term, wanted))
        || (term.chars().count() >= 4
            && word.folded.starts_with(term)
            && word.folded.len() - term.len() <= 3)
}

/// Whether `a` becomes `b` by one letter changed, added, left out, or two
/// neighbours swapped. Runs for every term of every shard a query loaded,
/// so it allocates nothing: what differs is what is left between the two
/// words' common start and common end.
pub fn one_edit(a: &str, b: &str) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut start = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    while !a.is_char_boundary(start) {
        start -= 1;
    }
    let most = x.len().min(y.len()) - start;
    let mut end = x
        .iter()
        .rev()
        .zip(y.iter().rev())
        .take(most)
        .take_while(|(p, q)| p == q)
        .count();
    while !a.is_char_boundary(x.len() - end) || !b.is_char_boundary(y.len() - end) {
        end -= 1;
    }
    let (left, right) = (&a[start..x.len() - end], &b[start..y.len() - end]);
    let mut left_chars = left.chars();
    let mut right_chars = right.chars();
    match (left.chars().count(), right.chars().count()) {
        (0, 1) | (1, 0) | (1, 1) => true,
        (2, 2) => {
            let (l1, l2) = (left_chars.next(), left_chars.next());
            let (r1, r2) = (right_chars.next(), right_chars.next());
            l1 == r2 && l2 == r1
        }
        _ => false,
    }
}

/// Reads `search/index.txt`.
pub fn decode_meta(text: &str) -> Option<Meta> {
    let mut lines = text.strip_prefix(INDEX_HEADER)?.strip_prefix('\n')?.lines();
    let mut meta = Meta {
        docs: 0,
        chunk: 1,
        forward: Vec::new(),
        reversed: Vec::new(),
    };
    let keys = |field: Option<&str>| -> Vec<String> {
        field
            .unwrap_or_default()
            .split(' ')
            .filter(|key| !key.is_empty())
            .map(str::to_owned)
            .collect()
    };
    for line in lines.by_ref() {
        let mut fields = line.split('\t');
        match fields.next()? {
            "docs" => {
                meta.docs = fields.next()?.parse().ok()?;
                meta.chunk = fields.next()?.parse().ok().filter(|&n| n > 0)?;
            }
            "shards" => meta.forward = keys(fields.next()),
            "reversed" => meta.reversed = keys(fields.next()),
            "end" => return Some(meta),
            _ => {}
        }
    }
    None
}

/// Reads a shard (`search/t/<key>.txt` or `search/r/<key>.txt`).
pub fn decode_shard(text: &str) -> Option<Shard> {
    let mut lines = text.strip_prefix(SHARD_HEADER)?.strip_prefix('\n')?.lines();
    let mut shard = Shard::default();
    for line in lines.by_ref() {
        if line == "docs" {
            break;
        }
        let (term, postings) = line.split_once('\t')?;
        let mut doc = 0;
        let mut list = Vec::new();
        for posting in postings.split(' ') {
            let (delta, weight) = match posting.split_once(':') {
                Some((delta, weight)) => (delta, u32::from_str_radix(weight, 36).ok()?),
                None => (posting, 1),
            };
            doc += u32::from_str_radix(delta, 36).ok()?;
            list.push((doc, weight));
        }
        shard.terms.push((term.to_owned(), list));
    }
    for line in lines {
        if line == "end" {
            return Some(shard);
        }
        let (number, rest) = line.split_once('\t')?;
        let number = u32::from_str_radix(number, 36).ok()?;
        shard.docs.push((number, decode_doc(rest)?));
    }
    None
}

/// Reads a file of documents (`search/d/<n>.txt`).
pub fn decode_docs(text: &str) -> Option<Vec<Doc>> {
    let lines = text.strip_prefix(DOCS_HEADER)?.strip_prefix('\n')?.lines();
    let mut docs = Vec::new();
    for line in lines {
        if line == "end" {
            return Some(docs);
        }
        docs.push(decode_doc(line.strip_prefix("post\t")?)?);
    }
    None
}

/// A document's translations: language, slug, title and date, each.
fn decode_doc(fields: &str) -> Option<Doc> {
    let mut fields = fields.split('\t');
    let mut translations = Vec::new();
    while let Some(code) = fields.next() {
        translations.push(Translation {
            lang: Lang::from_code(code)?,
            slug: fields.next()?.to_owned(),
            title: fields.next()?.to_owned(),
            date_label: fields.next()?.to_owned(),
        });
    }
    Some(Doc { translations })
}
