//! The annotated corpus as a whole: which gold map belongs to which split
//! (dev, tune, frozen) and which kind of news (international, domestic,
//! business), read from the corpus's `SPLIT.tsv`, and the totals of each.
//!
//! The frozen split exists to catch rules fitted to the sentences a
//! developer has read, so it is reported only as totals: no per-article
//! lines, no missed or spurious relations.

use super::{Counts, Report, line};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A part of the corpus that is scored on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Split {
    /// The seed and the shared dev-set articles.
    Dev,
    /// Articles rules may be read from and decided on.
    Tune,
    /// Articles scored only for their totals.
    Frozen,
}

impl Split {
    pub fn parse(s: &str) -> Option<Split> {
        match s {
            "dev" => Some(Split::Dev),
            "tune" => Some(Split::Tune),
            "frozen" => Some(Split::Frozen),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Tune => "tune",
            Split::Frozen => "frozen",
        }
    }

    /// Whether single articles of this split may be shown.
    pub fn shows_articles(self) -> bool {
        self != Split::Frozen
    }
}

/// The kinds of news the corpus is balanced over.
pub const DOMAINS: [&str; 3] = ["international", "domestic", "business"];

/// One line of `SPLIT.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The article's file stem: its text is `<id>.txt` among the articles.
    pub id: String,
    pub split: Split,
    pub domain: String,
    /// The gold map, relative to the corpus folder.
    pub gold: PathBuf,
}

/// Read `SPLIT.tsv`: `id<TAB>split<TAB>domain<TAB>gold path`, `#` comments.
pub fn read_manifest(text: &str) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, split, domain, gold] = fields[..] else {
            return Err(format!("line {}: expected 4 tab-separated fields", n + 1));
        };
        let split = Split::parse(split)
            .ok_or_else(|| format!("line {}: split {split:?} is not dev, tune or frozen", n + 1))?;
        if !DOMAINS.contains(&domain) {
            return Err(format!(
                "line {}: domain {domain:?} is not one of {}",
                n + 1,
                DOMAINS.join(", ")
            ));
        }
        if entries.iter().any(|e: &Entry| e.id == id) {
            return Err(format!("line {}: {id} is listed twice", n + 1));
        }
        entries.push(Entry {
            id: id.to_string(),
            split,
            domain: domain.to_string(),
            gold: PathBuf::from(gold),
        });
    }
    Ok(entries)
}

/// The article file of an entry among `articles`, if it is there.
pub fn article_of(entry: &Entry, articles: &Path) -> Option<PathBuf> {
    ["txt", "md", "html", "htm"]
        .iter()
        .map(|ext| articles.join(format!("{}.{ext}", entry.id)))
        .find(|p| p.exists())
}

/// Micro totals of a group of reports.
#[derive(Debug, Default, Clone, Copy)]
pub struct Totals {
    pub articles: usize,
    pub actors: Counts,
    pub pairs: Counts,
    pub directed: Counts,
}

impl Totals {
    pub fn add(&mut self, r: &Report) {
        self.articles += 1;
        self.actors.add(r.actors);
        self.pairs.add(r.pairs);
        self.directed.add(r.directed);
    }
}

/// The corpus report: for each split, its total and its total per domain.
pub fn render_totals(scored: &[(&Entry, Report)]) -> String {
    let mut out = String::new();
    for split in [Split::Dev, Split::Tune, Split::Frozen] {
        let of_split: Vec<&(&Entry, Report)> =
            scored.iter().filter(|(e, _)| e.split == split).collect();
        if of_split.is_empty() {
            continue;
        }
        let mut total = Totals::default();
        of_split.iter().for_each(|(_, r)| total.add(r));
        render_group(&mut out, split.as_str(), &total);
        for domain in DOMAINS {
            let mut t = Totals::default();
            of_split
                .iter()
                .filter(|(e, _)| e.domain == domain)
                .for_each(|(_, r)| t.add(r));
            if t.articles > 0 && t.articles < total.articles {
                render_group(&mut out, &format!("{} {domain}", split.as_str()), &t);
            }
        }
    }
    out
}

fn render_group(out: &mut String, label: &str, t: &Totals) {
    let _ = writeln!(
        out,
        "{label}: {} articles, actors found {}/{}",
        t.articles,
        t.actors.tp,
        t.actors.tp + t.actors.fn_
    );
    let _ = writeln!(out, "  {}", line("pairs (unordered)", &t.pairs));
    let _ = writeln!(out, "  {}", line("directed + stance", &t.directed));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_manifest_and_refuses_bad_lines() {
        let ok = "# id split domain gold\n00_seed\tdev\tinternational\tdevset/00_seed.json\n\
                  401_x\tfrozen\tdomestic\tgold/401_x.json\n";
        let entries = read_manifest(ok).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].split, Split::Frozen);
        assert!(!entries[1].split.shows_articles());
        assert!(read_manifest("a\tsecret\tdomestic\tg.json").is_err());
        assert!(read_manifest("a\ttune\tsports\tg.json").is_err());
        assert!(read_manifest("a\ttune\tdomestic").is_err());
        assert!(read_manifest("a\ttune\tdomestic\tg\na\tdev\tdomestic\tg").is_err());
    }

    #[test]
    fn totals_add_up_per_split_and_domain() {
        let entry = |id: &str, split, domain: &str| Entry {
            id: id.into(),
            split,
            domain: domain.into(),
            gold: PathBuf::new(),
        };
        let report = |tp, fp, fn_| Report {
            directed: Counts { tp, fp, fn_ },
            ..Report::default()
        };
        let a = entry("a", Split::Tune, "business");
        let b = entry("b", Split::Tune, "domestic");
        let c = entry("c", Split::Frozen, "domestic");
        let scored = vec![
            (&a, report(2, 1, 1)),
            (&b, report(1, 0, 3)),
            (&c, report(0, 0, 4)),
        ];
        let text = render_totals(&scored);
        assert!(text.contains("tune: 2 articles"), "{text}");
        assert!(text.contains("(tp 3 fp 1 fn 4)"), "{text}");
        assert!(text.contains("tune business: 1 articles"), "{text}");
        assert!(text.contains("frozen: 1 articles"), "{text}");
        assert!(!text.contains("frozen domestic"), "one domain only: {text}");
    }
}
