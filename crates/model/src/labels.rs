//! How each language writes the dates and reading times shown beside a post;
//! computed at build time and written into the data files as text.

use crate::date::Date;
use crate::lang::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// `February 13, 2026` in English, `13. Februar 2026` in German.
pub fn format_date(lang: Lang, date: Date) -> String {
    let month = usize::from(date.month.clamp(1, 12) - 1);
    match lang {
        Lang::En => format!("{} {}, {}", MONTHS_EN[month], date.day, date.year),
        Lang::De => format!("{}. {} {}", date.day, MONTHS_DE[month], date.year),
    }
}

/// `4 min read` in English, `4 Min. Lesezeit` in German.
pub fn format_reading_time(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::En => format!("{minutes} min read"),
        Lang::De => format!("{minutes} Min. Lesezeit"),
    }
}

/// Reading time in whole minutes at 200 words a minute, at least one.
pub fn reading_minutes(words: usize) -> u32 {
    u32::try_from(words.div_ceil(200))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Words, for the reading time: whitespace-separated runs that hold a
/// letter or digit (so Markdown markers such as `##` and `-` do not count).
pub fn count_words(markdown: &str) -> usize {
    markdown
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_way_each_language_writes_them() {
        let date = Date::parse_iso("2026-02-13").unwrap();
        assert_eq!(format_date(Lang::En, date), "February 13, 2026");
        assert_eq!(format_date(Lang::De, date), "13. Februar 2026");
        let march = Date::parse_iso("2026-03-01").unwrap();
        assert_eq!(format_date(Lang::De, march), "1. März 2026");
    }

    #[test]
    fn reading_time_is_localized() {
        assert_eq!(format_reading_time(Lang::En, 4), "4 min read");
        assert_eq!(format_reading_time(Lang::De, 4), "4 Min. Lesezeit");
    }

    #[test]
    fn reading_time_rounds_up_and_is_never_zero() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(200), 1);
        assert_eq!(reading_minutes(201), 2);
        assert_eq!(reading_minutes(800), 4);
    }

    #[test]
    fn words_are_counted_without_markdown_markers() {
        assert_eq!(
            count_words("## Hello world\n\n- one\n- two, three\n\n---\n"),
            5
        );
    }
}
