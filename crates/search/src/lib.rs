//! Search over every translation of every post: the build writes an index
//! of text files in shards ([`index`]), the app fetches the few a query
//! needs and runs it ([`query`]); both turn words into terms the same way
//! ([`text`]). Nothing of the blog is in the wasm, only this code.

pub mod index;
pub mod query;
pub mod text;

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use blog_model::lang::Lang;

    use crate::index::{Builder, DOC_CHUNK, Doc, FEW_DOC_FILES, Field, RESULTS, Translation};
    use crate::query::{Query, Shard, decode_docs, decode_meta, decode_shard};

    /// An index of `posts` (language, title, body), built and read back as
    /// the app reads it: the files, by path.
    fn built(posts: &[(Lang, &str, &str)]) -> HashMap<String, String> {
        let mut builder = Builder::default();
        for (number, (lang, title, body)) in posts.iter().enumerate() {
            let doc = Doc {
                translations: vec![Translation {
                    lang: *lang,
                    slug: format!("post-{number}"),
                    title: (*title).to_owned(),
                    date_label: String::new(),
                }],
            };
            builder.add(doc, &[vec![(Field::Title, *title), (Field::Body, *body)]]);
        }
        builder.files().into_iter().collect()
    }

    /// The slugs `text` finds, best first.
    fn search(files: &HashMap<String, String>, text: &str, typing: bool) -> Vec<String> {
        let meta = decode_meta(&files["search/index.txt"]).unwrap();
        let query = Query::parse(text, typing);
        let (forward, reversed) = query.shards(&meta);
        let load = |dir: &str, keys: &[String]| -> Vec<Shard> {
            keys.iter()
                .map(|key| decode_shard(&files[&format!("search/{dir}/{key}.txt")]).unwrap())
                .collect()
        };
        let (forward, reversed) = (load("t", &forward), load("r", &reversed));
        let forward: Vec<&Shard> = forward.iter().collect();
        let reversed: Vec<&Shard> = reversed.iter().collect();
        let docs = decode_docs(&files["search/d/0.txt"]).unwrap();
        query
            .run(&forward, &reversed)
            .into_iter()
            .map(|hit| docs[hit.doc as usize].translations[0].slug.clone())
            .collect()
    }

    fn corpus() -> HashMap<String, String> {
        built(&[
            (
                Lang::De,
                "Hochspannungsnetzgerät im Test",
                "Ein Netzteil für das Labor.",
            ),
            (
                Lang::De,
                "Die Größe der Caches",
                "Wie groß darf ein Cache werden?",
            ),
            (
                Lang::En,
                "Edge computing",
                "Computers at the edge of the network.",
            ),
            (Lang::En, "Rust errors", "Handling errors without panics."),
            (Lang::De, "Übersetzungen", "Über das Übersetzen von Texten."),
        ])
    }

    #[test]
    fn a_german_compound_is_found_by_its_last_part() {
        let files = corpus();
        assert_eq!(search(&files, "Netzgerät", false), ["post-0"]);
        assert_eq!(search(&files, "netzgeraete", false), ["post-0"]);
        assert_eq!(search(&files, "Hochspannungsnetzgerät", false), ["post-0"]);
    }

    #[test]
    fn umlauts_are_found_however_they_are_written() {
        let files = corpus();
        for query in ["Größe", "groesse", "grosse", "GRÖSSE"] {
            assert_eq!(search(&files, query, false), ["post-1"], "{query}");
        }
        for query in ["übersetzung", "uebersetzung", "ubersetzungen"] {
            assert_eq!(search(&files, query, false), ["post-4"], "{query}");
        }
    }

    #[test]
    fn words_are_stemmed_in_both_languages() {
        let files = corpus();
        assert_eq!(search(&files, "computer", false), ["post-2"]);
        assert_eq!(search(&files, "error handling", false), ["post-3"]);
        // Every word must match.
        assert_eq!(search(&files, "error caches", false), Vec::<String>::new());
    }

    #[test]
    fn one_letter_wrong_is_forgiven_in_longer_words() {
        let files = corpus();
        assert_eq!(search(&files, "netwrok", false), ["post-2"]);
        assert_eq!(search(&files, "handlign", false), ["post-3"]);
        assert_eq!(search(&files, "compting", false), ["post-2"]);
        // Not in short words: `edgy` is no typo of `edge`.
        assert_eq!(search(&files, "rast", false), Vec::<String>::new());
    }

    #[test]
    fn the_word_being_typed_matches_the_start_of_terms() {
        let files = corpus();
        assert_eq!(search(&files, "netw", true), ["post-2"]);
        // Two letters start too many words: only whole ones.
        assert_eq!(search(&files, "ne", true), Vec::<String>::new());
        assert_eq!(search(&files, "netw", false), Vec::<String>::new());
        assert_eq!(search(&files, "rust err", true), ["post-3"]);
    }

    #[test]
    fn a_post_is_one_result_whichever_translation_matched() {
        let mut builder = Builder::default();
        let translation = |lang, slug: &str| Translation {
            lang,
            slug: slug.to_owned(),
            title: slug.to_owned(),
            date_label: String::new(),
        };
        builder.add(
            Doc {
                translations: vec![
                    translation(Lang::En, "power"),
                    translation(Lang::De, "strom"),
                ],
            },
            &[
                vec![(Field::Body, "A power supply for the lab.")],
                vec![(Field::Body, "Ein Hochspannungsnetzgerät für das Labor.")],
            ],
        );
        let files: HashMap<String, String> = builder.files().into_iter().collect();
        for query in ["netzgerät", "power supply", "labor"] {
            assert_eq!(search(&files, query, false), ["power"], "{query}");
        }
        let docs = decode_docs(&files["search/d/0.txt"]).unwrap();
        assert_eq!(docs[0].in_lang(Lang::De).unwrap().slug, "strom");
    }

    #[test]
    fn a_word_as_written_comes_before_one_letter_wrong() {
        let files = built(&[
            (Lang::De, "Verzögert", "Verzögert, verzögert, verzögert."),
            (Lang::De, "Anderes", "Mit minimaler Verzögerung."),
        ]);
        assert_eq!(search(&files, "Verzoegerung", false), ["post-1", "post-0"]);
    }

    #[test]
    fn one_edit_is_one_letter_changed_added_left_out_or_swapped() {
        use crate::query::one_edit;
        for (a, b) in [
            ("netzwerk", "netzwerl"),
            ("netzwerk", "netwerk"),
            ("netzwerk", "netzwerke"),
            ("netzwerk", "entzwerk"),
            ("aab", "ab"),
            ("größe", "gröse"),
        ] {
            assert!(one_edit(a, b), "{a} {b}");
            assert!(one_edit(b, a), "{b} {a}");
        }
        for (a, b) in [
            ("netzwerk", "netzwerk"),
            ("netzwerk", "netzwk"),
            ("abcd", "badc"),
            ("größe", "grüßen"),
        ] {
            assert!(!one_edit(a, b), "{a} {b}");
        }
    }

    #[test]
    fn a_word_finds_its_results_among_the_documents_of_its_shards() {
        // Posts that say `cache` as often as their number's last digit,
        // some in the title: more than a query shows, in an order unlike
        // their numbers, and more than fit in a few files of documents.
        let count = (FEW_DOC_FILES * DOC_CHUNK + 1) as usize;
        let posts: Vec<(Lang, String, String)> = (0..count)
            .map(|n| {
                let title = if n % 7 == 0 { "Cache notes" } else { "Notes" };
                (Lang::En, title.to_owned(), "cache ".repeat(n % 10))
            })
            .collect();
        let posts: Vec<(Lang, &str, &str)> = posts
            .iter()
            .map(|(lang, title, body)| (*lang, title.as_str(), body.as_str()))
            .collect();
        let files = built(&posts);
        let meta = decode_meta(&files["search/index.txt"]).unwrap();
        let all: Vec<Doc> = (0..=FEW_DOC_FILES)
            .flat_map(|chunk| decode_docs(&files[&format!("search/d/{chunk}.txt")]).unwrap())
            .collect();
        for (text, typing) in [("cache", false), ("cach", true), ("caches", false)] {
            let query = Query::parse(text, typing);
            let (forward, reversed) = query.shards(&meta);
            let forward: Vec<Shard> = forward
                .iter()
                .map(|key| decode_shard(&files[&format!("search/t/{key}.txt")]).unwrap())
                .collect();
            assert!(reversed.is_empty());
            let carried: HashMap<u32, &Doc> = forward
                .iter()
                .flat_map(|shard| shard.docs.iter().map(|(number, doc)| (*number, doc)))
                .collect();
            let shards: Vec<&Shard> = forward.iter().collect();
            let hits = query.run(&shards, &[]);
            assert!(hits.len() > RESULTS, "{text}: {}", hits.len());
            for hit in hits.iter().take(RESULTS) {
                assert_eq!(
                    carried.get(&hit.doc),
                    Some(&&all[hit.doc as usize]),
                    "{text}"
                );
            }
            // Not every document: only the ones the terms rank highest.
            assert!(carried.len() < posts.len(), "{text}: {}", carried.len());
        }
    }

    #[test]
    fn a_small_index_keeps_its_documents_in_their_own_files_only() {
        let files = corpus();
        for (path, text) in &files {
            if path.starts_with("search/t/") || path.starts_with("search/r/") {
                assert_eq!(decode_shard(text).unwrap().docs, [], "{path}");
            }
        }
        assert_eq!(decode_docs(&files["search/d/0.txt"]).unwrap().len(), 5);
    }

    #[test]
    fn the_title_counts_more_than_the_body() {
        let files = built(&[
            (Lang::En, "Other things", "A word on caching."),
            (Lang::En, "Caching", "Nothing else."),
        ]);
        assert_eq!(search(&files, "caching", false), ["post-1", "post-0"]);
    }
}
