//! What the reader has seen in this session: the entries of the listings
//! shown, and the titles of the translations of the posts shown, so that a
//! post opened from them shows its title (and the language switch its
//! translations) before its data arrives.

use blog_model::data::{Entry, TranslationLink};
use blog_model::lang::Lang;

type Known<T> = std::cell::RefCell<std::collections::HashMap<(Lang, String), T>>;

thread_local! {
    /// The entries of the index pages seen in this session.
    static SEEN: Known<Entry> = Default::default();
    /// The titles of the translations of the posts shown in this session.
    static TITLES: Known<String> = Default::default();
}

/// What is known of a post that an index page or a translation shown in
/// this session named: it exists, and this shows before its data arrives.
#[derive(Debug, Clone)]
pub enum Glimpse {
    /// Listed by an index page: title, date and cover.
    Entry(Box<Entry>),
    /// Linked as a post's translation: the title.
    Title(String),
}

/// What is known of `lang`'s `slug` before its data arrives, if anything.
pub fn glimpse(lang: Lang, slug: &str) -> Option<Glimpse> {
    let key = (lang, slug.to_owned());
    SEEN.with_borrow(|seen| {
        seen.get(&key)
            .cloned()
            .map(|entry| Glimpse::Entry(Box::new(entry)))
    })
    .or_else(|| TITLES.with_borrow(|titles| titles.get(&key).cloned().map(Glimpse::Title)))
}

/// The translations of a post shown in this session, as index entries name
/// them, for the language switcher before the post's data arrives.
pub(super) fn translations(lang: Lang, slug: &str) -> Option<Vec<TranslationLink>> {
    SEEN.with_borrow(|seen| {
        seen.get(&(lang, slug.to_owned()))
            .map(|entry| entry.translations.clone())
    })
}

/// Notes the entries of a listing shown.
pub(super) fn remember_entries(entries: &[Entry]) {
    SEEN.with_borrow_mut(|seen| {
        for entry in entries {
            seen.insert((entry.lang, entry.slug.clone()), entry.clone());
        }
    });
}

/// Notes the titles of a post's translations.
pub(super) fn remember_titles(translations: &[TranslationLink]) {
    TITLES.with_borrow_mut(|titles| {
        for link in translations {
            titles.insert((link.lang, link.slug.clone()), link.title.clone());
        }
    });
}
