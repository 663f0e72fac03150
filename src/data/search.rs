//! A reader's query run against the search index the build wrote (its form
//! is `blog_search`'s): the index's list of shards on the first query, then
//! only the shards and document files each query needs, each fetched once
//! a session (see [`load`]). Nothing of the index is in the wasm.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use blog_model::lang::Lang;
use blog_search::index::Doc;
use blog_search::query::{Meta, Query, Shard, decode_docs, decode_meta, decode_shard};

use super::LoadError;
use super::load::load;
use crate::site;

/// How many posts a query shows at most.
pub const MAX_RESULTS: usize = 8;

/// A post a query found, with the words to mark in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub doc: Doc,
    /// Whether it has a translation in the reader's language; results in
    /// it come first.
    pub in_lang: bool,
}

thread_local! {
    /// Decoded shards and document files, by URL, so a keystroke decodes
    /// nothing it decoded before.
    static SHARDS: RefCell<HashMap<String, Rc<Shard>>> = RefCell::new(HashMap::new());
    static DOCS: RefCell<HashMap<String, Rc<Vec<Doc>>>> = RefCell::new(HashMap::new());
}

fn malformed(what: &str) -> LoadError {
    LoadError::Malformed(format!("the search index's {what} is not whole"))
}

async fn meta() -> Result<Meta, LoadError> {
    let text = load(&site::path("search/index.txt")).await?;
    decode_meta(&text).ok_or_else(|| malformed("list of shards"))
}

async fn shard(dir: &str, key: &str) -> Result<Rc<Shard>, LoadError> {
    let url = site::path(&format!("search/{dir}/{key}.txt"));
    if let Some(shard) = SHARDS.with_borrow(|shards| shards.get(&url).cloned()) {
        return Ok(shard);
    }
    let text = load(&url).await?;
    let shard = Rc::new(decode_shard(&text).ok_or_else(|| malformed("shard"))?);
    SHARDS.with_borrow_mut(|shards| shards.insert(url, shard.clone()));
    Ok(shard)
}

async fn docs(chunk: u32) -> Result<Rc<Vec<Doc>>, LoadError> {
    let url = site::path(&format!("search/d/{chunk}.txt"));
    if let Some(docs) = DOCS.with_borrow(|all| all.get(&url).cloned()) {
        return Ok(docs);
    }
    let text = load(&url).await?;
    let docs = Rc::new(decode_docs(&text).ok_or_else(|| malformed("list of posts"))?);
    DOCS.with_borrow_mut(|all| all.insert(url, docs.clone()));
    Ok(docs)
}

/// The posts `query` finds, best first, those with a translation into
/// `lang` before the others; empty for a query with nothing to search for.
pub async fn search(query: &Query, lang: Lang) -> Result<Vec<Found>, LoadError> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let meta = meta().await?;
    let (forward_keys, reversed_keys) = query.shards(&meta);
    // Every shard at once: the requests go out together.
    let (forward, reversed) = futures::future::join(
        futures::future::try_join_all(forward_keys.iter().map(|key| shard("t", key))),
        futures::future::try_join_all(reversed_keys.iter().map(|key| shard("r", key))),
    )
    .await;
    let (forward, reversed) = (forward?, reversed?);
    let forward: Vec<&Shard> = forward.iter().map(Rc::as_ref).collect();
    let reversed: Vec<&Shard> = reversed.iter().map(Rc::as_ref).collect();
    let hits = query.run(&forward, &reversed);
    let hits: Vec<_> = hits.into_iter().take(MAX_RESULTS).collect();
    let mut chunks: Vec<u32> = hits.iter().map(|hit| hit.doc / meta.chunk).collect();
    chunks.sort_unstable();
    chunks.dedup();
    futures::future::try_join_all(chunks.iter().map(|&chunk| docs(chunk))).await?;
    let mut found = Vec::new();
    for hit in hits {
        let chunk = docs(hit.doc / meta.chunk).await?;
        let doc = chunk
            .get((hit.doc % meta.chunk) as usize)
            .cloned()
            .ok_or_else(|| malformed("list of posts"))?;
        let in_lang = doc.translations.iter().any(|t| t.lang == lang);
        found.push(Found { doc, in_lang });
    }
    // Stable: the reader's language first, each part best first.
    found.sort_by_key(|found| !found.in_lang);
    Ok(found)
}
