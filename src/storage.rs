//! The reader's choices kept in `localStorage` (a language, a theme), and
//! the browser's preferred languages (`navigator.languages`).
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

/// The `localStorage` key of the reader's theme. `index.html`'s inline
/// script reads it before the first paint; keep the two alike.
pub const THEME_KEY: &str = "blog.theme";

/// The colours a page is shown in: the system's, or the reader's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    /// The one after this in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// As stored, and as `<html data-theme>` holds it; none for the system's.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// The theme the reader chose, if any is saved and valid.
pub fn saved_theme() -> Theme {
    let value = local_storage().and_then(|storage| storage.get_item(THEME_KEY).ok().flatten());
    [Theme::Light, Theme::Dark]
        .into_iter()
        .find(|theme| theme.code() == value.as_deref())
        .unwrap_or(Theme::System)
}

/// Shows the page in `theme` and remembers it (where storage allows; else
/// for as long as the page is open).
pub fn apply_theme(theme: Theme) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = match theme.code() {
            Some(code) => root.set_attribute("data-theme", code),
            None => root.remove_attribute("data-theme"),
        };
    }
    if let Some(storage) = local_storage() {
        let _ = match theme.code() {
            Some(code) => storage.set_item(THEME_KEY, code),
            None => storage.remove_item(THEME_KEY),
        };
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
