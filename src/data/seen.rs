//! What the reader has seen in this session: the entries of the listings
//! shown, and the titles of the translations of the posts shown, so that a
//! post opened from them shows its title (and the language switch its
//! translations) before its data arrives.

use blog_model::data::{Entry, TranslationLink};
use blog_model::lang::Lang;

thread_local! {
    /// What the listings and the translations shown in this session said
    /// of each post: an entry, else a title.
    static SEEN: std::cell::RefCell<std::collections::HashMap<(Lang, String), Glimpse>> =
        Default::default();
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
    SEEN.with_borrow(|seen| seen.get(&(lang, slug.to_owned())).cloned())
}

/// The translations of a post shown in this session, as index entries name
/// them, for the language switcher before the post's data arrives.
pub(super) fn translations(lang: Lang, slug: &str) -> Option<Vec<TranslationLink>> {
    SEEN.with_borrow(|seen| match seen.get(&(lang, slug.to_owned()))? {
        Glimpse::Entry(entry) => Some(entry.translations.clone()),
        Glimpse::Title(_) => None,
    })
}

/// Notes the entries of a listing shown.
pub(super) fn remember_entries(entries: &[Entry]) {
    SEEN.with_borrow_mut(|seen| {
        for entry in entries {
            seen.insert(
                (entry.lang, entry.slug.clone()),
                Glimpse::Entry(Box::new(entry.clone())),
            );
        }
    });
}

/// Notes the titles of a post's translations, where no entry says more.
pub(super) fn remember_titles(translations: &[TranslationLink]) {
    SEEN.with_borrow_mut(|seen| {
        for link in translations {
            let glimpse = seen
                .entry((link.lang, link.slug.clone()))
                .or_insert_with(|| Glimpse::Title(String::new()));
            if let Glimpse::Title(title) = glimpse {
                title.clone_from(&link.title);
            }
        }
    });
}
