//! The posts before their text: each one's folder, titles, slugs,
//! descriptions, date and cover, decided for all of them first, so that a
//! body can link any other post, and titles can be kept unique per language.

use std::collections::HashSet;

use blog_model::data::DESCRIPTION_LIMIT;
use blog_model::lang::Lang;
use blog_model::slug::slugify;

use crate::cover::Design;
use crate::words::{DESCRIPTIONS, Pair, TAGS, TITLES, TOPICS, TWO_TOPIC_TITLES, say};
use gen_posts::seeded::{Purpose, Rng};

/// Posts are dated within these years, so that sorting by date is not the
/// order of the folders.
const YEARS: (usize, usize) = (2017, 2025);

/// Random titles tried before a taken one gets a part number.
const ATTEMPTS: usize = 8;

/// Words of the topic in a folder's name, at most.
const FOLDER_WORDS: usize = 4;

/// One post to write.
#[derive(Debug, Clone)]
pub struct Post {
    /// 1 for the first post.
    pub number: usize,
    /// `post-0001-edge-caching`.
    pub folder: String,
    /// `2021-05-17`.
    pub date: String,
    pub cover: Design,
    /// In [`Lang::ALL`] order; `None` where the post is not translated.
    pub translations: [Option<Translation>; 2],
    /// Ids from [`TAGS`]: see [`tags`].
    pub tags: Vec<&'static str>,
}

impl Post {
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        Lang::ALL
            .iter()
            .zip(&self.translations)
            .find(|(other, _)| **other == lang)
            .and_then(|(_, translation)| translation.as_ref())
    }
}

/// One language's front matter of a post.
#[derive(Debug, Clone)]
pub struct Translation {
    pub title: String,
    /// As the checker derives it from the title.
    pub slug: String,
    pub description: String,
}

/// `count` posts from `seed`; `untranslated` percent of them only in English.
pub fn posts(count: usize, seed: u64, untranslated: usize) -> Vec<Post> {
    let mut rng = Rng::new(seed);
    let mut taken: [HashSet<String>; 2] = Default::default();
    let width = count.to_string().len().max(4);
    (1..=count)
        .map(|number| {
            let topic = rng.below(TOPICS.len());
            let titles = unique_titles(&mut rng, topic, &mut taken);
            let description = *rng.pick(DESCRIPTIONS);
            let translated = !rng.chance(untranslated);
            let translations = Lang::ALL.map(|lang| {
                (lang == Lang::En || translated).then(|| {
                    let title = titles[slot(lang)].clone();
                    Translation {
                        slug: slugify(&title),
                        description: fit(&fill(description, TOPICS[topic], lang)),
                        title,
                    }
                })
            });
            Post {
                number,
                folder: folder_name(number, width, TOPICS[topic]),
                date: date(&mut rng),
                cover: Design::random(&mut Rng::stream(seed, number, Purpose::Cover)),
                translations,
                tags: tags(number, count),
            }
        })
        .collect()
}

/// How many of [`TAGS`] `count` posts use: as many as posts, up to all.
pub fn tags_used(count: usize) -> usize {
    if count < 2 { 0 } else { TAGS.len().min(count) }
}

/// Post `number` (from 1) of `count` has two neighbouring tags of the
/// first [`tags_used`], so each is on two posts at least and the checker
/// has no tag used once to warn about; a single post has none.
fn tags(number: usize, count: usize) -> Vec<&'static str> {
    match tags_used(count) {
        0 => Vec::new(),
        used => vec![TAGS[(number - 1) % used].0, TAGS[number % used].0],
    }
}

/// Where `lang` is in [`Lang::ALL`], and so in [`Post::translations`].
pub fn slot(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|other| *other == lang)
        .unwrap_or(0)
}

/// Titles about `topic` whose slugs no other post has in either language;
/// after a few taken ones, a taken title with a part number.
fn unique_titles(rng: &mut Rng, topic: usize, taken: &mut [HashSet<String>; 2]) -> [String; 2] {
    let is_free = |titles: &[String; 2], taken: &[HashSet<String>; 2]| {
        titles
            .iter()
            .zip(taken.iter())
            .all(|(title, slugs)| !slugs.contains(&slugify(title)))
    };
    let mut titles = random_titles(rng, topic);
    for _ in 0..ATTEMPTS {
        if is_free(&titles, taken) {
            break;
        }
        titles = random_titles(rng, topic);
    }
    let first = titles.clone();
    let mut part = 2;
    while !is_free(&titles, taken) {
        titles = Lang::ALL.map(|lang| {
            let label = say(("Part", "Teil"), lang);
            format!("{}, {label} {part}", first[slot(lang)])
        });
        part += 1;
    }
    for (title, slugs) in titles.iter().zip(taken.iter_mut()) {
        slugs.insert(slugify(title));
    }
    titles
}

/// A title about `topic`, now and then about a second one too.
fn random_titles(rng: &mut Rng, topic: usize) -> [String; 2] {
    if rng.chance(30) {
        let other = (topic + 1 + rng.below(TOPICS.len() - 1)) % TOPICS.len();
        let template = *rng.pick(TWO_TOPIC_TITLES);
        Lang::ALL.map(|lang| {
            fill(template, TOPICS[topic], lang).replace("{u}", say(TOPICS[other], lang))
        })
    } else {
        let template = *rng.pick(TITLES);
        Lang::ALL.map(|lang| fill(template, TOPICS[topic], lang))
    }
}

/// `template`'s side in `lang` with `{t}` replaced by the topic.
fn fill(template: Pair, topic: Pair, lang: Lang) -> String {
    say(template, lang).replace("{t}", say(topic, lang))
}

/// `text` cut at a word to the description limit, should it be longer.
fn fit(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_LIMIT {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(DESCRIPTION_LIMIT - 1).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

/// `post-0001-edge-caching`: numbered, so folders sort in the order written.
fn folder_name(number: usize, width: usize, topic: Pair) -> String {
    let slug = slugify(topic.0);
    let words: Vec<&str> = slug.split('-').take(FOLDER_WORDS).collect();
    format!("post-{number:0width$}-{}", words.join("-"))
}

/// A day within [`YEARS`]; days past the 28th are left out, so every one exists.
fn date(rng: &mut Rng) -> String {
    let year = rng.between(YEARS.0, YEARS.1);
    let month = rng.between(1, 12);
    let day = rng.between(1, 28);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use blog_model::slug::is_slug;

    #[test]
    fn every_description_fits_without_being_cut() {
        for description in DESCRIPTIONS {
            for topic in TOPICS {
                for lang in Lang::ALL {
                    let text = fill(*description, *topic, lang);
                    assert!(text.chars().count() <= DESCRIPTION_LIMIT, "{text}");
                }
            }
        }
    }

    #[test]
    fn a_long_description_is_cut_at_a_word_within_the_limit() {
        let cut = fit(&"Größe zählt ".repeat(20));
        assert!(cut.chars().count() <= DESCRIPTION_LIMIT, "{cut}");
        assert!(cut.ends_with("zählt…") || cut.ends_with("Größe…"), "{cut}");
    }

    #[test]
    fn folders_are_numbered_slugs_of_the_topic() {
        let name = folder_name(7, 4, ("Error Handling in Rust", "Fehlerbehandlung in Rust"));
        assert_eq!(name, "post-0007-error-handling-in-rust");
        assert_eq!(
            folder_name(12, 5, ("Five Words Long Topic Here", "")),
            "post-00012-five-words-long-topic"
        );
        assert!(is_slug(&name));
    }

    #[test]
    fn titles_stay_unique_past_every_combination_of_the_words() {
        let plan = posts(20_000, 3, 0);
        for lang in Lang::ALL {
            let slugs: HashSet<&str> = plan
                .iter()
                .filter_map(|post| post.translation(lang))
                .map(|translation| translation.slug.as_str())
                .collect();
            assert_eq!(slugs.len(), plan.len(), "{lang:?}");
        }
        assert!(plan.iter().any(|post| {
            post.translations[0]
                .as_ref()
                .is_some_and(|t| t.title.ends_with(", Part 2"))
        }));
    }

    #[test]
    fn every_post_is_in_english_and_the_untranslated_share_is_near_the_percentage() {
        let plan = posts(1000, 1, 5);
        assert!(plan.iter().all(|post| post.translation(Lang::En).is_some()));
        let untranslated = plan
            .iter()
            .filter(|post| post.translation(Lang::De).is_none())
            .count();
        assert!((30..=70).contains(&untranslated), "{untranslated}");
        assert!(
            posts(50, 1, 0)
                .iter()
                .all(|post| post.translation(Lang::De).is_some())
        );
    }
}
