//! The browser's side of choosing a language: the reader's explicit choice
//! kept in `localStorage`, and `navigator.languages`.
//!
//! Storage that is missing, blocked, full or throwing, or that holds a value
//! this version does not know, counts as no choice; nothing here can fail.
//! Call these from effects and event handlers only, never while rendering.

use blog_model::lang::Lang;

/// The `localStorage` key of the reader's explicit language choice.
pub const LANG_KEY: &str = "blog.lang";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language the reader chose in the switcher, if any is saved and valid.
pub fn saved_lang() -> Option<Lang> {
    let value = local_storage()?.get_item(LANG_KEY).ok().flatten();
    Lang::from_stored(value.as_deref())
}

/// Remembers an explicit choice. Where storage refuses, the choice simply
/// lasts until the tab is closed: the URL still carries the language.
pub fn save_lang(lang: Lang) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.code());
    }
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if languages.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        languages
    }
}
