//! Calendar dates as front matter gives them (`YYYY-MM-DD`).

use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a [`Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD`.
    Format,
    /// Written `YYYY-MM-DD`, but no such day exists (`2026-02-30`).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateError::Format => "not a date in the form YYYY-MM-DD",
            DateError::NoSuchDay => "not a day in the calendar",
        })
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting dates that do not exist (`2026-02-30`).
    pub fn parse_iso(text: &str) -> Option<Date> {
        Date::parse(text).ok()
    }

    /// Parses `YYYY-MM-DD`, saying whether a text that is no date is in
    /// another form or names a day that does not exist.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = bytes.get(range)?;
            part.iter().all(u8::is_ascii_digit).then(|| {
                part.iter()
                    .fold(0u16, |acc, digit| acc * 10 + u16::from(digit - b'0'))
            })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateError::Format);
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(DateError::Format);
        };
        let month = u8::try_from(month).map_err(|_| DateError::NoSuchDay)?;
        let day = u8::try_from(day).map_err(|_| DateError::NoSuchDay)?;
        let date = Date { year, month, day };
        if day >= 1 && day <= date.days_in_month() {
            Ok(date)
        } else {
            Err(DateError::NoSuchDay)
        }
    }

    fn days_in_month(self) -> u8 {
        let leap = self.year.is_multiple_of(4)
            && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 0,
        }
    }
}

/// Formats as `YYYY-MM-DD`, the form `<time datetime>` takes.
impl fmt::Display for Date {
    // Inlined into the app across the crate boundary, as before it moved here.
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_and_print_back() {
        let date = Date::parse_iso("2026-02-13").unwrap();
        assert_eq!(
            date,
            Date {
                year: 2026,
                month: 2,
                day: 13
            }
        );
        assert_eq!(date.to_string(), "2026-02-13");
    }

    #[test]
    fn malformed_or_impossible_dates_are_rejected() {
        for text in [
            "13.02.2026",
            "2026-2-13",
            "2026-02-13T10:00",
            "2026/02/13",
            "",
            "2026-13-01",
            "2026-00-10",
            "2026-02-00",
            "2026-02-29",
            "2026-04-31",
            "２０２６-02-13",
        ] {
            assert_eq!(Date::parse_iso(text), None, "{text}");
        }
    }

    #[test]
    fn a_date_in_another_form_differs_from_a_day_that_does_not_exist() {
        assert_eq!(Date::parse("13.02.2026"), Err(DateError::Format));
        assert_eq!(Date::parse("2026-02-30"), Err(DateError::NoSuchDay));
        assert_eq!(Date::parse("2026-13-01"), Err(DateError::NoSuchDay));
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(Date::parse_iso("2024-02-29").is_some());
        assert!(Date::parse_iso("2000-02-29").is_some());
        assert!(Date::parse_iso("1900-02-29").is_none());
    }

    #[test]
    fn dates_order_chronologically() {
        let older = Date::parse_iso("2025-12-31").unwrap();
        let newer = Date::parse_iso("2026-01-01").unwrap();
        assert!(older < newer);
    }
}
