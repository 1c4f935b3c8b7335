//! Publication days and date ranges, for filtering a corpus by date.
//!
//! A map stores an article's day as `"YYYY-MM-DD"` text, so the JSON stays
//! readable and other tools need no date type; [`Day`] is that text parsed.

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: u16,
    month: u8,
    day: u8,
}

/// Years outside this are a misread number, not a news article's date.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

impl Day {
    /// The day, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }

    /// `YYYY-MM-DD`, exactly (as maps store it).
    pub fn parse(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(5..7)?.parse().ok()?;
        let day = text.get(8..10)?.parse().ok()?;
        Day::new(year, month, day)
    }

    pub fn year(self) -> i32 {
        i32::from(self.year)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Which end of a range a bound is: a partial date ("2024", "2024-03")
/// starts at its first day and ends at its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    From,
    To,
}

/// Days from `from` to `to`, both included; a missing end is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl DateRange {
    /// No bound at all: every article is in it, dated or not.
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    pub fn contains(&self, day: Day) -> bool {
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }

    /// A bound as a person types it: `2024`, `2024-03` or `2024-03-12`.
    pub fn parse_bound(text: &str, end: End) -> Result<Day, String> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str| s.parse::<u32>().ok();
        let day = match parts.as_slice() {
            [y] if y.len() == 4 => number(y).and_then(|y| {
                let y = i32::try_from(y).ok()?;
                match end {
                    End::From => Day::new(y, 1, 1),
                    End::To => Day::new(y, 12, 31),
                }
            }),
            [y, m] if y.len() == 4 && m.len() <= 2 => {
                number(y).zip(number(m)).and_then(|(y, m)| {
                    let y = i32::try_from(y).ok()?;
                    match end {
                        End::From => Day::new(y, m, 1),
                        End::To => Day::new(y, m, days_in_month(y, m).min(31)),
                    }
                })
            }
            [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => {
                match (number(y), number(m), number(d)) {
                    (Some(y), Some(m), Some(d)) => {
                        i32::try_from(y).ok().and_then(|y| Day::new(y, m, d))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        day.ok_or_else(|| format!("'{text}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_and_print_as_iso() {
        let d = Day::parse("2024-02-29").expect("a leap day");
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(Day::parse("2023-02-29"), None);
        assert_eq!(Day::parse("2024-13-01"), None);
        assert_eq!(Day::parse("2024-1-01"), None);
        assert_eq!(Day::parse("１２３４-01-01"), None);
    }

    #[test]
    fn partial_bounds_cover_the_whole_year_or_month() {
        let from = DateRange::parse_bound("2024", End::From).expect("year");
        let to = DateRange::parse_bound("2024-02", End::To).expect("month");
        assert_eq!(from.to_string(), "2024-01-01");
        assert_eq!(to.to_string(), "2024-02-29");
        let range = DateRange {
            from: Some(from),
            to: Some(to),
        };
        assert!(range.contains(Day::new(2024, 2, 29).expect("day")));
        assert!(!range.contains(Day::new(2024, 3, 1).expect("day")));
        let err = DateRange::parse_bound("March", End::From).unwrap_err();
        assert!(err.contains("'March' is not a date"));
    }

    #[test]
    fn an_open_range_holds_every_day() {
        let range = DateRange::default();
        assert!(range.is_open());
        assert!(range.contains(Day::new(1900, 1, 1).expect("day")));
    }
}
