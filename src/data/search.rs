//! A reader's query run against the search index the build wrote (its form
//! is `blog_search`'s): the index's list of shards on the first query, then
//! only the shards each query needs, each fetched once a session (see
//! [`load`]). A shard carries the documents its terms rank highest, so a
//! word typed shows its results in one round trip; a file of documents is
//! fetched only for results no shard carried (those of several words). A
//! small index's shards carry none: its few files of documents come with
//! the first query.
//! Nothing of the index is in the wasm.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use blog_model::lang::Lang;
use blog_search::index::{Doc, FEW_DOC_FILES, RESULTS};
use blog_search::query::{Meta, Query, Shard, decode_docs, decode_meta, decode_shard};

use super::LoadError;
use super::load::{load, prefetch};
use crate::site;

/// A post a query found, with the words to mark in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub doc: Doc,
    /// Whether it has a translation in the reader's language; results in
    /// it come first.
    pub in_lang: bool,
}

thread_local! {
    /// Decoded shards, by URL, so a keystroke decodes nothing it decoded
    /// before.
    static SHARDS: RefCell<HashMap<String, Rc<Shard>>> = RefCell::new(HashMap::new());
    /// Documents by number, from the shards and files of documents loaded.
    static DOCS: RefCell<Vec<Option<Doc>>> = const { RefCell::new(Vec::new()) };
}

fn malformed(what: &str) -> LoadError {
    LoadError::Malformed(format!("the search index's {what} is not whole"))
}

/// The folder of the index in the site.
const FOLDER: &str = "search";

async fn meta(folder: &str) -> Result<Meta, LoadError> {
    let text = load(&site::path(&format!("{folder}/index.txt"))).await?;
    decode_meta(&text).ok_or_else(|| malformed("list of shards"))
}

fn shard_url(folder: &str, dir: &str, key: &str) -> String {
    site::path(&format!("{folder}/{dir}/{key}.txt"))
}

async fn shard(url: String) -> Result<Rc<Shard>, LoadError> {
    if let Some(shard) = SHARDS.with_borrow(|shards| shards.get(&url).cloned()) {
        return Ok(shard);
    }
    let text = load(&url).await?;
    let mut shard = decode_shard(&text).ok_or_else(|| malformed("shard"))?;
    keep_docs(std::mem::take(&mut shard.docs).into_iter());
    let shard = Rc::new(shard);
    SHARDS.with_borrow_mut(|shards| shards.insert(url, shard.clone()));
    Ok(shard)
}

/// The shards at `urls`, in order. Those not decoded yet are requested
/// together first (a shard awaited is then one already on its way), which
/// is what joining their futures would do, without a join's code per type.
async fn shards(urls: Vec<String>) -> Result<Vec<Rc<Shard>>, LoadError> {
    for url in &urls {
        if SHARDS.with_borrow(|shards| !shards.contains_key(url)) {
            prefetch(url.clone());
        }
    }
    let mut shards = Vec::with_capacity(urls.len());
    for url in urls {
        shards.push(shard(url).await?);
    }
    Ok(shards)
}

fn keep_docs(docs: impl Iterator<Item = (u32, Doc)>) {
    DOCS.with_borrow_mut(|all| {
        for (number, doc) in docs {
            let number = number as usize;
            if all.len() <= number {
                all.resize_with(number + 1, || None);
            }
            all[number].get_or_insert(doc);
        }
    });
}

fn docs_url(folder: &str, chunk: u32) -> String {
    site::path(&format!("{folder}/d/{chunk}.txt"))
}

/// Loads the file of documents `chunk` into [`DOCS`].
async fn docs(folder: &str, chunk: u32, size: u32) -> Result<(), LoadError> {
    let text = load(&docs_url(folder, chunk)).await?;
    let docs = decode_docs(&text).ok_or_else(|| malformed("list of posts"))?;
    keep_docs((chunk * size..).zip(docs));
    Ok(())
}

/// The posts `query` finds, best first, those with a translation into
/// `lang` before the others; empty for a query with nothing to search for.
pub async fn search(query: &Query, lang: Lang) -> Result<Vec<Found>, LoadError> {
    search_in(FOLDER, query, lang).await
}

/// [`search`] in the index at `folder` (the tests' own indexes).
async fn search_in(folder: &str, query: &Query, lang: Lang) -> Result<Vec<Found>, LoadError> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let meta = meta(folder).await?;
    let (forward_keys, reversed_keys) = query.shards(&meta);
    // A small index's shards carry no documents: its few files of them are
    // requested with the shards.
    let files = meta.docs.div_ceil(meta.chunk);
    if files <= FEW_DOC_FILES {
        for chunk in 0..files {
            prefetch(docs_url(folder, chunk));
        }
    }
    let urls = |dir: &str, keys: &[String]| -> Vec<String> {
        keys.iter().map(|key| shard_url(folder, dir, key)).collect()
    };
    let (forward, reversed) = (urls("t", &forward_keys), urls("r", &reversed_keys));
    let count = forward.len();
    let mut all = shards(forward.into_iter().chain(reversed).collect()).await?;
    let reversed = all.split_off(count);
    let forward: Vec<&Shard> = all.iter().map(Rc::as_ref).collect();
    let reversed: Vec<&Shard> = reversed.iter().map(Rc::as_ref).collect();
    let hits = query.run(&forward, &reversed);
    let hits: Vec<_> = hits.into_iter().take(RESULTS).collect();
    let doc = |number: u32| DOCS.with_borrow(|all| all.get(number as usize).cloned().flatten());
    let mut chunks: Vec<u32> = Vec::new();
    for hit in &hits {
        let chunk = hit.doc / meta.chunk;
        if doc(hit.doc).is_none() && !chunks.contains(&chunk) {
            chunks.push(chunk);
        }
    }
    // The files of documents, requested together, then read in order.
    for &chunk in &chunks {
        prefetch(docs_url(folder, chunk));
    }
    for &chunk in &chunks {
        docs(folder, chunk, meta.chunk).await?;
    }
    let mut found = Vec::new();
    for hit in hits {
        let doc = doc(hit.doc).ok_or_else(|| malformed("list of posts"))?;
        let in_lang = doc.translations.iter().any(|t| t.lang == lang);
        found.push(Found { doc, in_lang });
    }
    Ok(in_lang_first(found))
}

/// The reader's language first, each part in the order it had (best
/// first).
fn in_lang_first(found: Vec<Found>) -> Vec<Found> {
    let (mut first, other): (Vec<Found>, Vec<Found>) =
        found.into_iter().partition(|found| found.in_lang);
    first.extend(other);
    first
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use blog_model::lang::Lang;
    use blog_search::index::{Builder, DOC_CHUNK, Doc, FEW_DOC_FILES, Field, Translation};
    use blog_search::query::{Query, decode_docs, decode_meta, decode_shard};
    use futures::FutureExt;

    use super::{Found, search_in};
    use crate::data::test_site;

    /// An index of `count` posts written into the test site at `folder`:
    /// post `n` is English, German every third, and says `cache` as often
    /// as `n`'s last digit, `edge` in every fifth.
    fn index(folder: &str, count: u32) -> HashMap<String, String> {
        let mut builder = Builder::default();
        for n in 0..count {
            let mut translations = vec![Translation {
                lang: Lang::En,
                slug: format!("post-{n}"),
                title: format!("Post {n}"),
                date_label: String::new(),
            }];
            if n % 3 == 0 {
                translations.push(Translation {
                    lang: Lang::De,
                    slug: format!("beitrag-{n}"),
                    title: format!("Beitrag {n}"),
                    date_label: String::new(),
                });
            }
            let body = format!(
                "{}{}",
                "cache ".repeat(n as usize % 10),
                if n % 5 == 0 { "edge" } else { "" }
            );
            let texts: Vec<Vec<(Field, &str)>> = translations
                .iter()
                .map(|_| vec![(Field::Body, body.as_str())])
                .collect();
            builder.add(
                Doc {
                    translations: translations.clone(),
                },
                &texts,
            );
        }
        let files: HashMap<String, String> = builder.files().into_iter().collect();
        for (path, text) in &files {
            let path = test_site::site().join(path.replacen("search/", &format!("{folder}/"), 1));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        files
    }

    /// What `text` finds, as the index's files say, without the app.
    fn expected(files: &HashMap<String, String>, text: &str, lang: Lang) -> Vec<Found> {
        let meta = decode_meta(&files["search/index.txt"]).unwrap();
        let query = Query::parse(text, true);
        let (forward, reversed) = query.shards(&meta);
        let load = |dir: &str, keys: &[String]| -> Vec<_> {
            keys.iter()
                .map(|key| decode_shard(&files[&format!("search/{dir}/{key}.txt")]).unwrap())
                .collect()
        };
        let (forward, reversed) = (load("t", &forward), load("r", &reversed));
        let docs: Vec<Doc> = (0..meta.docs.div_ceil(meta.chunk))
            .flat_map(|chunk| decode_docs(&files[&format!("search/d/{chunk}.txt")]).unwrap())
            .collect();
        let found: Vec<Found> = query
            .run(
                &forward.iter().collect::<Vec<_>>(),
                &reversed.iter().collect::<Vec<_>>(),
            )
            .into_iter()
            .take(blog_search::index::RESULTS)
            .map(|hit| {
                let doc = docs[hit.doc as usize].clone();
                let in_lang = doc.translations.iter().any(|t| t.lang == lang);
                Found { doc, in_lang }
            })
            .collect();
        super::in_lang_first(found)
    }

    #[test]
    fn small_and_large_indexes_find_what_their_files_say() {
        // A small index (its documents in their own files only) and a
        // large one (its shards carry the documents their terms rank
        // highest; the rest come from files of documents: `edge cache`
        // finds posts 5, 15, … 75, and `edge` carries only 0 to 35).
        for (folder, count) in [
            ("search-small", 40),
            ("search-large", FEW_DOC_FILES * DOC_CHUNK + 50),
        ] {
            let files = index(folder, count);
            for (text, lang) in [
                ("cache", Lang::En),
                ("cach", Lang::De),
                ("edge cache", Lang::De),
                ("cache edge", Lang::En),
            ] {
                let found = search_in(folder, &Query::parse(text, true), lang)
                    .now_or_never()
                    .expect("the test site is read at once")
                    .unwrap();
                assert!(!found.is_empty(), "{folder}: {text}");
                assert_eq!(found, expected(&files, text, lang), "{folder}: {text}");
            }
        }
    }
}
