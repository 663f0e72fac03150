//! Everything the interface says, in each language. (Dates and reading
//! times are written at build time: `blog_model::labels`; what the blog is
//! called and says of itself comes from the site file: `site::identity`.)

use blog_model::lang::Lang;

/// The interface text of one language.
pub struct Texts {
    pub skip_link: &'static str,
    pub language_nav: &'static str,
    pub home_link: &'static str,
    pub latest_posts: &'static str,
    pub no_posts: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub not_found_home: &'static str,
    pub all_posts: &'static str,
    pub draft: &'static str,
    pub footnotes: &'static str,
    pub back_to_reference: &'static str,
    pub heading_anchor: &'static str,
    /// The label of the index's page links.
    pub pages_nav: &'static str,
    pub newer_posts: &'static str,
    pub older_posts: &'static str,
    pub loading_page: &'static str,
    /// The copy button of a code block, its accessible name, and what it
    /// says once the code is copied.
    pub copy_code: &'static str,
    pub copy_code_label: &'static str,
    pub code_copied: &'static str,
    /// The theme toggle's name in each state: system, light, dark.
    pub theme: [&'static str; 3],
    /// The table of contents' title.
    pub contents: &'static str,
    /// Before the links to a post's translations, under its title.
    pub also_in: &'static str,
    /// The links to the posts beside one, and their label.
    pub more_posts: &'static str,
    pub older_post: &'static str,
    pub newer_post: &'static str,
    /// The list of tags: its title, the label of a post's tags, and the
    /// text where there are none.
    pub tags: &'static str,
    pub no_tags: &'static str,
    pub tags_description: &'static str,
    /// The heading of the posts related to one.
    pub related_posts: &'static str,
    /// Search: its page's title and description, the field's name and
    /// placeholder, what the page says without and with JavaScript, and the
    /// states of the results.
    pub search: &'static str,
    pub search_description: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_needs_js: &'static str,
    pub search_hint: &'static str,
    pub searching: &'static str,
    pub no_results: &'static str,
    pub search_failed: &'static str,
}

const EN: Texts = Texts {
    skip_link: "Skip to content",
    language_nav: "Language",
    home_link: "Home",
    latest_posts: "Latest posts",
    no_posts: "No posts yet.",
    loading: "Loading the post…",
    load_failed: "This post could not be loaded. Check your connection and try again.",
    retry: "Try again",
    not_found_title: "Page not found",
    not_found_text: "There is nothing at this address. The link may be mistyped, or the page may have moved.",
    not_found_home: "Go to the latest posts",
    all_posts: "← All posts",
    draft: "Draft",
    footnotes: "Footnotes",
    back_to_reference: "Back to reference",
    heading_anchor: "Link to this section",
    pages_nav: "More posts",
    newer_posts: "← Newer posts",
    older_posts: "Older posts →",
    loading_page: "Loading…",
    copy_code: "Copy",
    copy_code_label: "Copy code",
    code_copied: "Copied",
    theme: ["Theme: system", "Theme: light", "Theme: dark"],
    contents: "Contents",
    also_in: "Also in",
    more_posts: "More posts",
    older_post: "Older",
    newer_post: "Newer",
    tags: "Tags",
    no_tags: "No tags yet.",
    tags_description: "Every topic of the posts, with how many there are on each.",
    related_posts: "Related posts",
    search: "Search",
    search_description: "Search every post, in English and German.",
    search_label: "Search posts",
    search_placeholder: "Search…",
    search_needs_js: "Search needs JavaScript, which is off. The tags lead to every post:",
    search_hint: "Type in the search field at the top of the page, or press /. Or browse the tags:",
    searching: "Searching…",
    no_results: "Nothing found for these words.",
    search_failed: "The search could not be loaded. Check your connection and try again.",
};

const DE: Texts = Texts {
    skip_link: "Zum Inhalt springen",
    language_nav: "Sprache",
    home_link: "Startseite",
    latest_posts: "Neueste Beiträge",
    no_posts: "Noch keine Beiträge.",
    loading: "Beitrag wird geladen …",
    load_failed: "Dieser Beitrag konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    retry: "Erneut versuchen",
    not_found_title: "Seite nicht gefunden",
    not_found_text: "Unter dieser Adresse gibt es nichts. Vielleicht ist der Link vertippt oder die Seite umgezogen.",
    not_found_home: "Zu den neuesten Beiträgen",
    all_posts: "← Alle Beiträge",
    draft: "Entwurf",
    footnotes: "Fußnoten",
    back_to_reference: "Zurück zum Verweis",
    heading_anchor: "Link zu diesem Abschnitt",
    pages_nav: "Weitere Beiträge",
    newer_posts: "← Neuere Beiträge",
    older_posts: "Ältere Beiträge →",
    loading_page: "Wird geladen …",
    copy_code: "Kopieren",
    copy_code_label: "Code kopieren",
    code_copied: "Kopiert",
    theme: [
        "Farbschema: System",
        "Farbschema: hell",
        "Farbschema: dunkel",
    ],
    contents: "Inhalt",
    also_in: "Auch auf",
    more_posts: "Weitere Beiträge",
    older_post: "Älter",
    newer_post: "Neuer",
    tags: "Schlagwörter",
    no_tags: "Noch keine Schlagwörter.",
    tags_description: "Alle Themen der Beiträge, mit der Zahl der Beiträge zu jedem.",
    related_posts: "Ähnliche Beiträge",
    search: "Suche",
    search_description: "Alle Beiträge durchsuchen, auf Deutsch und Englisch.",
    search_label: "Beiträge durchsuchen",
    search_placeholder: "Suchen …",
    search_needs_js: "Die Suche braucht JavaScript, das ausgeschaltet ist. Die Schlagwörter führen zu jedem Beitrag:",
    search_hint: "Tippen Sie in das Suchfeld oben auf der Seite, oder drücken Sie /. Oder stöbern Sie nach Schlagwörtern:",
    searching: "Suche läuft …",
    no_results: "Zu diesen Wörtern wurde nichts gefunden.",
    search_failed: "Die Suche konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
};

/// The interface text of `lang`.
pub const fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    }
}

/// The name of `language` in `lang`: `German` in English, `Englisch` in German.
pub const fn language_name(lang: Lang, language: Lang) -> &'static str {
    match (lang, language) {
        (Lang::En, Lang::En) => "English",
        (Lang::En, Lang::De) => "German",
        (Lang::De, Lang::En) => "Englisch",
        (Lang::De, Lang::De) => "Deutsch",
    }
}

/// The Open Graph locale of `lang` (`og:locale`).
pub const fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_US",
        Lang::De => "de_DE",
    }
}

/// The note shown where the current post has no translation into
/// `missing`, or the current tag no posts in it (`tag`).
pub fn untranslated_note(lang: Lang, missing: Lang, tag: bool) -> String {
    let name = language_name(lang, missing);
    match (lang, tag) {
        (Lang::En, false) => format!("This post is not available in {name}."),
        (Lang::De, false) => format!("Diesen Beitrag gibt es nicht auf {name}."),
        (Lang::En, true) => format!("No post in {name} has this tag."),
        (Lang::De, true) => format!("Kein Beitrag auf {name} hat dieses Schlagwort."),
    }
}

/// The switcher link's text where the current post has no translation into
/// `target`: it leads to that language's index (or, from a tag, its list of
/// tags). Written in `target`.
pub fn untranslated_link_title(target: Lang, tag: bool) -> &'static str {
    match (target, tag) {
        (Lang::En, false) => "Not translated: go to the English index",
        (Lang::De, false) => "Nicht übersetzt: zur deutschen Übersicht",
        (Lang::En, true) => "No posts with this tag: go to the English tags",
        (Lang::De, true) => "Keine Beiträge mit diesem Schlagwort: zu den deutschen Schlagwörtern",
    }
}

/// The title of a tag's listing: `Posts tagged “Security”`.
pub fn tagged_title(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!("Posts tagged “{label}”"),
        Lang::De => format!("Beiträge zum Schlagwort „{label}“"),
    }
}

/// `In German`: the heading of results only in `other`, in `lang`.
pub fn only_in(lang: Lang, other: Lang) -> String {
    let name = language_name(lang, other);
    match lang {
        Lang::En => format!("In {name}"),
        Lang::De => format!("Auf {name}"),
    }
}

/// `3 posts`, `1 Beitrag`: how many posts carry a tag.
pub fn post_count(lang: Lang, count: u32) -> String {
    match (lang, count) {
        (Lang::En, 1) => "1 post".to_owned(),
        (Lang::En, n) => format!("{n} posts"),
        (Lang::De, 1) => "1 Beitrag".to_owned(),
        (Lang::De, n) => format!("{n} Beiträge"),
    }
}

/// `Page 2 of 7`, for the index's pages after the first.
pub fn page_label(lang: Lang, number: u32, count: u32) -> String {
    match lang {
        Lang::En => format!("Page {number} of {count}"),
        Lang::De => format!("Seite {number} von {count}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_untranslated_note_names_the_missing_language_in_the_readers_language() {
        assert_eq!(
            untranslated_note(Lang::En, Lang::De, false),
            "This post is not available in German."
        );
        assert_eq!(
            untranslated_note(Lang::De, Lang::En, false),
            "Diesen Beitrag gibt es nicht auf Englisch."
        );
    }
}
