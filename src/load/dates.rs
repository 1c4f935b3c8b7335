//! An article's publication day, from where news files state it: page
//! metadata (`<meta>`, JSON-LD, `<time>`), Markdown front matter, a dateline
//! in the first lines, or a date in the file name. Dates further into the
//! text are the dates of events, not of publication, and are never taken.
//!
//! Only unambiguous forms are read: `2024-03-12` (also with `/`, `.` or
//! `_`), `March 12, 2024`, `12 March 2024`, and `20240312` in file names.
//! `03/12/2024` is March in the US and December elsewhere, so it is skipped.

use crate::model::Day;
use std::collections::HashMap;
use std::sync::LazyLock;

static MONTHS: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    data_lines(include_str!("../../assets/dates/months.tsv"))
        .filter_map(|line| {
            let (name, number) = line.split_once('\t')?;
            Some((name.to_string(), number.trim().parse().ok()?))
        })
        .collect()
});

/// `<meta>` names and properties that carry the date, most trusted first.
static META_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    data_lines(include_str!("../../assets/dates/meta_names.txt"))
        .map(str::to_ascii_lowercase)
        .collect()
});

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// How much `<meta name=…>` is trusted (lower is better), if it names a date.
pub(super) fn meta_rank(name: &str) -> Option<usize> {
    let name = name.trim().to_ascii_lowercase();
    META_NAMES.iter().position(|n| *n == name)
}

/// Lines a dateline may be on: the headline, a byline, the date.
const DATELINE_LINES: usize = 8;
/// A line with more words than this is prose, whose dates are events.
const DATELINE_WORDS: usize = 14;

/// The first date in a dateline near the top of `text`.
pub(super) fn dateline(text: &str) -> Option<Day> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(DATELINE_LINES)
        .filter(|l| l.split_whitespace().count() <= DATELINE_WORDS)
        .find_map(parse_loose)
}

/// A date in a file name: `2024-03-12-talks.txt`, `talks_20240312.html`.
pub(super) fn from_file_name(stem: &str) -> Option<Day> {
    parse_loose(stem).or_else(|| {
        runs(stem)
            .into_iter()
            .filter(|(_, r)| r.len() == 8 && r.bytes().all(|b| b.is_ascii_digit()))
            .find_map(|(_, r)| {
                let number = |range: std::ops::Range<usize>| r.get(range)?.parse::<u32>().ok();
                Day::new(
                    i32::try_from(number(0..4)?).ok()?,
                    number(4..6)?,
                    number(6..8)?,
                )
            })
    })
}

/// `"datePublished": "…"` in JSON-LD (what most news sites embed).
pub(super) fn from_json_ld(json: &str) -> Option<Day> {
    let key = "\"datePublished\"";
    let at = json.find(key)? + key.len();
    let rest = json.get(at..)?.trim_start().strip_prefix(':')?.trim_start();
    let value = rest.strip_prefix('"')?;
    parse_loose(value.get(..value.find('"')?)?)
}

/// The first unambiguous date in `text`.
pub(super) fn parse_loose(text: &str) -> Option<Day> {
    let runs = runs(text);
    let gap = |i: usize| -> &str {
        let end = runs[i].0 + runs[i].1.len();
        text.get(end..runs[i + 1].0).unwrap_or("")
    };
    let digits = |i: usize, max: usize| -> Option<u32> {
        let (_, r) = runs.get(i)?;
        (r.len() <= max && r.bytes().all(|b| b.is_ascii_digit()))
            .then(|| r.parse().ok())
            .flatten()
    };
    let year = |i: usize| -> Option<i32> {
        let (_, r) = runs.get(i)?;
        (r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()))
            .then(|| r.parse().ok())
            .flatten()
    };
    let month = |i: usize| -> Option<u32> { MONTHS.get(&runs.get(i)?.1.to_lowercase()).copied() };
    // Between parts of a written date: spaces, a comma, an abbreviation's dot.
    let loose_gap = |i: usize| {
        let g = gap(i);
        g.len() <= 3 && g.chars().all(|c| c.is_whitespace() || c == ',' || c == '.')
    };
    // An ordinal ending ("12th") is a run of its own; step over it.
    let after_day = |i: usize| -> usize {
        match runs.get(i + 1) {
            Some((_, r)) if ["st", "nd", "rd", "th"].contains(&r.to_lowercase().as_str()) => i + 2,
            _ => i + 1,
        }
    };
    for i in 0..runs.len() {
        // 2024-03-12, 2024/03/12, 2024.03.12, 2024_03_12
        if let (Some(y), Some(m), Some(d)) = (year(i), digits(i + 1, 2), digits(i + 2, 2)) {
            let (a, b) = (gap(i), gap(i + 1));
            if a == b && ["-", "/", ".", "_"].contains(&a) {
                if let Some(day) = Day::new(y, m, d) {
                    return Some(day);
                }
                continue;
            }
        }
        // March 12, 2024
        if let Some(m) = month(i)
            && i + 1 < runs.len()
            && loose_gap(i)
            && let Some(d) = digits(i + 1, 2)
        {
            let y_at = after_day(i + 1);
            if y_at < runs.len()
                && loose_gap(y_at - 1)
                && let Some(day) = year(y_at).and_then(|y| Day::new(y, m, d))
            {
                return Some(day);
            }
        }
        // 12 March 2024
        if let Some(d) = digits(i, 2) {
            let m_at = after_day(i);
            if m_at + 1 < runs.len()
                && loose_gap(m_at - 1)
                && loose_gap(m_at)
                && let Some(day) = month(m_at)
                    .zip(year(m_at + 1))
                    .and_then(|(m, y)| Day::new(y, m, d))
            {
                return Some(day);
            }
        }
    }
    None
}

/// Maximal runs of ASCII digits or of letters, with their byte offsets.
fn runs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (at, c) in text.char_indices() {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match start {
            Some((_, digit)) if kind == Some(digit) => {}
            Some((s, _)) => {
                out.push((s, &text[s..at]));
                start = kind.map(|k| (at, k));
            }
            None => start = kind.map(|k| (at, k)),
        }
    }
    if let Some((s, _)) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<String> {
        parse_loose(text).map(|d| d.to_string())
    }

    #[test]
    fn written_and_iso_dates_are_read() {
        assert_eq!(day("2024-03-12T10:32:00Z").as_deref(), Some("2024-03-12"));
        assert_eq!(
            day("Published: March 12, 2024").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            day("Tue 12th Mar. 2024 10:32 GMT").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(day("Updated Sept. 3 2023").as_deref(), Some("2023-09-03"));
        assert_eq!(
            day("By Jane Roe | 5 May 2021").as_deref(),
            Some("2021-05-05")
        );
    }

    #[test]
    fn ambiguous_or_impossible_dates_are_not() {
        assert_eq!(day("03/12/2024"), None);
        assert_eq!(day("February 30, 2024"), None);
        assert_eq!(day("Russia may 5 times 2024 more"), None);
        assert_eq!(day("in March, 2,000 troops"), None);
        assert_eq!(day("2024-3"), None);
    }

    #[test]
    fn a_dateline_is_near_the_top_and_short() {
        let text = "Talks resume\n\nBy Jane Roe\nMarch 12, 2024\n\nIran and the US met.";
        assert_eq!(
            dateline(text).map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
        let prose = "Talks resume\n\nIran and the United States met in Oman on March 12, 2024, after months of indirect contacts through mediators.";
        assert_eq!(dateline(prose), None);
    }

    #[test]
    fn file_names_and_json_ld() {
        let d = |o: Option<Day>| o.map(|d| d.to_string());
        assert_eq!(
            d(from_file_name("2024-03-12-talks")).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            d(from_file_name("talks_20240312")).as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(d(from_file_name("11_drc_rwanda_m23")), None);
        let ld = r#"{"@type":"NewsArticle","datePublished" : "2023-12-04T08:00:00+00:00"}"#;
        assert_eq!(d(from_json_ld(ld)).as_deref(), Some("2023-12-04"));
    }

    #[test]
    fn meta_names_are_ranked() {
        assert_eq!(meta_rank("article:published_time"), Some(0));
        assert!(meta_rank("DC.date") > meta_rank("pubdate"));
        assert_eq!(meta_rank("viewport"), None);
    }
}
