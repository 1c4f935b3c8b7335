//! The evidence table: one row per sentence that states a relation
//! (source, stance, target, alleged by, article, sentence), what an analyst
//! pastes into a report beside the picture. As CSV (`--evidence`) and as a
//! Markdown table (`.md`).

use super::csv::record;
use crate::model::RelationMap;

const HEADER: [&str; 6] = [
    "source",
    "stance",
    "target",
    "alleged by",
    "article",
    "sentence",
];

/// The table's rows, relations in map order, sentences in evidence order.
/// A negated relation's stance reads "not support" and so on.
fn rows(map: &RelationMap) -> Vec<[String; 6]> {
    let name = |id: &str| map.entity(id).map_or(id, |e| e.name.as_str()).to_string();
    let title = |id: &str| {
        map.articles
            .iter()
            .find(|a| a.id == id)
            .map_or(id, |a| a.title.as_str())
            .to_string()
    };
    let mut rows = Vec::new();
    for r in &map.relations {
        let stance = if r.negated {
            format!("not {}", r.stance)
        } else {
            r.stance.to_string()
        };
        let alleged = r.alleged_by.as_deref().map(name).unwrap_or_default();
        for e in &r.evidence {
            rows.push([
                name(&r.source),
                stance.clone(),
                name(&r.target),
                alleged.clone(),
                title(&e.article),
                e.text.split_whitespace().collect::<Vec<_>>().join(" "),
            ]);
        }
    }
    rows
}

/// The table as CSV (RFC 4180, like the edge table).
pub fn csv(map: &RelationMap) -> String {
    let mut out = record(&HEADER);
    for row in rows(map) {
        out.push_str(&record(&row));
    }
    out
}

/// The table as GitHub-flavoured Markdown, under a heading with the title.
pub fn markdown(map: &RelationMap, title: &str) -> String {
    let mut out = format!("# {}\n\n", cell(title));
    out.push_str(&line(&HEADER.map(String::from)));
    out.push_str(&line(&HEADER.map(|_| "---".to_string())));
    for row in rows(map) {
        out.push_str(&line(&row));
    }
    out
}

fn line(cells: &[String; 6]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// One Markdown cell: on one line, pipes and the characters Markdown
/// would read as markup or HTML escaped.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::seed_map;

    #[test]
    fn one_row_per_evidence_sentence() {
        let map = seed_map();
        let sentences: usize = map.relations.iter().map(|r| r.evidence.len()).sum();
        let md = markdown(&map, "Seed");
        assert_eq!(
            md.lines().filter(|l| l.starts_with("| ")).count(),
            sentences + 2
        );
        assert!(md.starts_with("# Seed\n\n| source | stance | target | alleged by |"));
        let csv = csv(&map);
        assert_eq!(csv.lines().count(), sentences + 1);
        let r = &map.relations[0];
        let first = format!(
            "{},{},{}",
            map.entity(&r.source).unwrap().name,
            r.stance,
            map.entity(&r.target).unwrap().name
        );
        assert!(csv.lines().nth(1).unwrap().starts_with(&first));
    }

    #[test]
    fn markdown_cells_stay_in_their_column() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(cell("<b>x</b> *y*"), "&lt;b&gt;x&lt;/b&gt; \\*y\\*");
    }
}
