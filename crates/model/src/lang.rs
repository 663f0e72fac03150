//! The languages the blog is written in, and how a reader's language is chosen.
//!
//! Everything here is pure: the browser glue hands in `navigator.languages`
//! and the stored value, and gets a [`Lang`] back.

use std::fmt;
use std::str::FromStr;

/// A language the blog publishes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    De,
}

// The app calls these across the crate boundary; `#[inline]` lets them be
// inlined there as when they were the app's own, which keeps the wasm as small.
impl Lang {
    /// Every supported language, in the order the switcher lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The language used where none can be told (unknown paths, no preference).
    pub const DEFAULT: Lang = Lang::En;

    /// The BCP 47 code, as used in URLs, `lang` and `hreflang`.
    #[inline]
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// The language's name in that language, as the switcher shows it.
    #[inline]
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }

    /// Parses an exact URL segment or file stem (`en`, `de`); nothing else.
    #[inline]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Matches a BCP 47 tag from `navigator.languages` (`de`, `de-AT`, `DE_ch`)
    /// by its primary subtag.
    #[inline]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// Reads a value saved in storage. Anything but an exact code (a value
    /// from an older version, or written by hand) is no choice at all.
    #[inline]
    pub fn from_stored(value: Option<&str>) -> Option<Lang> {
        value.and_then(|value| Lang::from_code(value.trim()))
    }
}

impl fmt::Display for Lang {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of parsing a [`Lang`] from a string that names no supported language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
        write!(
            f,
            "{:?} is not a supported language (expected one of {})",
            self.0,
            codes.join(", ")
        )
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

/// The language to send a reader to from `/`: the saved explicit choice,
/// else the first of the browser's preferred languages that the blog has,
/// else `default` (the site file's).
pub fn negotiate<S: AsRef<str>>(saved: Option<Lang>, preferred: &[S], default: Lang) -> Lang {
    saved
        .or_else(|| {
            preferred
                .iter()
                .find_map(|tag| Lang::from_tag(tag.as_ref()))
        })
        .unwrap_or(default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_variants_negotiate_to_german() {
        for tag in ["de", "de-DE", "de-AT", "de-CH", "DE-ch", "de_AT"] {
            assert_eq!(negotiate(None, &[tag], Lang::En), Lang::De, "{tag}");
        }
    }

    #[test]
    fn other_languages_negotiate_to_english() {
        assert_eq!(negotiate(None, &["fr-FR", "es"], Lang::En), Lang::En);
        assert_eq!(negotiate(None, &["fr-FR", "es"], Lang::De), Lang::De);
        assert_eq!(negotiate::<&str>(None, &[], Lang::En), Lang::En);
        assert_eq!(
            negotiate(None, &["", "  ", "x-klingon"], Lang::En),
            Lang::En
        );
    }

    #[test]
    fn the_first_supported_preference_wins() {
        assert_eq!(
            negotiate(None, &["fr", "de-AT", "en-US"], Lang::En),
            Lang::De
        );
        assert_eq!(negotiate(None, &["en-GB", "de"], Lang::En), Lang::En);
    }

    #[test]
    fn a_saved_choice_beats_the_browser_preference() {
        assert_eq!(negotiate(Some(Lang::En), &["de-DE"], Lang::En), Lang::En);
        assert_eq!(negotiate(Some(Lang::De), &["en-US"], Lang::En), Lang::De);
    }

    #[test]
    fn stored_values_are_read_strictly() {
        assert_eq!(Lang::from_stored(Some("de")), Some(Lang::De));
        assert_eq!(Lang::from_stored(Some(" en\n")), Some(Lang::En));
        for garbage in [
            "",
            "deutsch",
            "de-DE",
            "\"de\"",
            "{\"lang\":\"de\"}",
            "null",
            "EN",
        ] {
            assert_eq!(Lang::from_stored(Some(garbage)), None, "{garbage:?}");
        }
        assert_eq!(Lang::from_stored(None), None);
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_errors() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
        let err = "fr".parse::<Lang>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"fr\" is not a supported language (expected one of en, de)"
        );
    }
}
