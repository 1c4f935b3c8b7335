//! Scoring the extractor against hand-made gold maps.
//!
//! A gold map lists entities (name, aliases, and for people who speak for
//! an actor, `resolve_to`) and relations by entity name. Extracted entities
//! are matched to gold entities by shared names and aliases; relations are
//! then compared as directed (source, target, stance) triples and as
//! unordered pairs.

pub mod corpus;

use crate::model::{Article, RelationMap};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub resolve_to: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRelation {
    pub source: String,
    pub target: String,
    pub stance: String,
    #[serde(default)]
    pub alleged_by: Option<String>,
    /// The sentences, or their first words followed by "…".
    #[serde(default)]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldMap {
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    #[serde(default)]
    pub relations: Vec<GoldRelation>,
}

impl GoldMap {
    pub fn parse(text: &str) -> Result<GoldMap, String> {
        let gold: GoldMap =
            serde_json::from_str(text).map_err(|e| format!("not a gold map: {e}"))?;
        gold.check_resolve_to()?;
        Ok(gold)
    }

    /// Every `resolve_to` names a gold entity, and following them always
    /// ends at an actor: a cycle would leave people without an actor.
    fn check_resolve_to(&self) -> Result<(), String> {
        let next: BTreeMap<&str, Option<&str>> = self
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.resolve_to.as_deref()))
            .collect();
        for e in &self.entities {
            let mut seen = BTreeSet::from([e.name.as_str()]);
            let mut current = e.resolve_to.as_deref();
            while let Some(name) = current {
                let Some(&after) = next.get(name) else {
                    return Err(format!(
                        "\"{}\" resolves to \"{name}\", which is not a gold entity",
                        e.name
                    ));
                };
                if !seen.insert(name) {
                    return Err(format!(
                        "resolve_to of \"{}\" runs in a cycle through \"{name}\"",
                        e.name
                    ));
                }
                current = after;
            }
        }
        Ok(())
    }
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    fn of<T: Ord>(predicted: &BTreeSet<T>, gold: &BTreeSet<T>) -> Counts {
        let tp = predicted.intersection(gold).count();
        Counts {
            tp,
            fp: predicted.len() - tp,
            fn_: gold.len() - tp,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The score of one article.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub actors: Counts,
    pub pairs: Counts,
    pub directed: Counts,
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
    /// For `eval -v`: the gold evidence of each missed relation.
    missed_evidence: Vec<Vec<String>>,
    /// For `eval -v`: (sentence, cue, rule, confidence) of each spurious one.
    spurious_evidence: Vec<Vec<(usize, String, String, f32)>>,
}

/// Lower case, ASCII apostrophes, no leading "the", single spaces.
fn key(s: &str) -> String {
    let lower = s.replace(['’', '‘'], "'").to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// Score an extracted map against a gold map.
pub fn score(map: &RelationMap, gold: &GoldMap) -> Report {
    // Gold names a relation may use -> the canonical gold actor.
    let canonical = |name: &str| -> String {
        let mut current = name.to_string();
        for _ in 0..4 {
            match gold
                .entities
                .iter()
                .find(|e| e.name == current)
                .and_then(|e| e.resolve_to.clone())
            {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    };
    let mut gold_keys: Vec<(String, BTreeSet<String>)> = Vec::new();
    for e in &gold.entities {
        let keys: BTreeSet<String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .map(|s| key(s))
            .collect();
        gold_keys.push((canonical(&e.name), keys));
    }
    // Each extracted entity -> the gold actor sharing most names with it.
    let mut mapped: BTreeMap<&str, String> = BTreeMap::new();
    for e in &map.entities {
        let ours: BTreeSet<String> = std::iter::once(&e.name)
            .chain(&e.aliases)
            .map(|s| key(s))
            .collect();
        let best = gold_keys
            .iter()
            .map(|(name, keys)| (keys.intersection(&ours).count(), name))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, _)| *n);
        let name = best.map_or_else(|| format!("{} (not in gold)", e.name), |(_, n)| n.clone());
        mapped.insert(e.id.as_str(), name);
    }
    let name_of = |id: &str| mapped.get(id).cloned().unwrap_or_else(|| id.to_string());

    let gold_actors: BTreeSet<String> = gold
        .entities
        .iter()
        .filter(|e| e.resolve_to.is_none())
        .map(|e| e.name.clone())
        .collect();
    let found_actors: BTreeSet<String> = mapped.values().cloned().collect();

    let gold_directed: BTreeSet<(String, String, String)> = gold
        .relations
        .iter()
        .map(|r| (canonical(&r.source), canonical(&r.target), r.stance.clone()))
        .filter(|(s, t, _)| s != t)
        .collect();
    let ours_directed: BTreeSet<(String, String, String)> = map
        .relations
        .iter()
        .map(|r| (name_of(&r.source), name_of(&r.target), r.stance.to_string()))
        .filter(|(s, t, _)| s != t)
        .collect();
    let pair = |(s, t, _): &(String, String, String)| {
        if s < t {
            (s.clone(), t.clone())
        } else {
            (t.clone(), s.clone())
        }
    };
    let gold_pairs: BTreeSet<(String, String)> = gold_directed.iter().map(pair).collect();
    let ours_pairs: BTreeSet<(String, String)> = ours_directed.iter().map(pair).collect();
    let show = |(s, t, st): &(String, String, String)| format!("{s} -> {t} {st}");
    let missed: Vec<&(String, String, String)> = gold_directed.difference(&ours_directed).collect();
    let spurious: Vec<&(String, String, String)> =
        ours_directed.difference(&gold_directed).collect();
    let missed_evidence = missed
        .iter()
        .map(|(s, t, st)| {
            gold.relations
                .iter()
                .filter(|r| {
                    canonical(&r.source) == *s && canonical(&r.target) == *t && r.stance == *st
                })
                .flat_map(|r| r.evidence.iter().cloned())
                .collect()
        })
        .collect();
    let spurious_evidence = spurious
        .iter()
        .map(|(s, t, st)| {
            map.relations
                .iter()
                .filter(|r| {
                    name_of(&r.source) == *s && name_of(&r.target) == *t && r.stance.as_str() == st
                })
                .flat_map(|r| r.evidence.iter())
                .map(|e| {
                    (
                        e.sentence,
                        e.cue.clone(),
                        e.rule.clone().unwrap_or_default(),
                        e.confidence,
                    )
                })
                .collect()
        })
        .collect();
    Report {
        actors: Counts::of(
            &found_actors.intersection(&gold_actors).cloned().collect(),
            &gold_actors,
        ),
        pairs: Counts::of(&ours_pairs, &gold_pairs),
        directed: Counts::of(&ours_directed, &gold_directed),
        missed: missed.into_iter().map(show).collect(),
        spurious: spurious.into_iter().map(show).collect(),
        missed_evidence,
        spurious_evidence,
    }
}

pub(crate) fn line(label: &str, c: &Counts) -> String {
    format!(
        "{label:<22} P {:.2}  R {:.2}  F1 {:.2}  (tp {} fp {} fn {})",
        c.precision(),
        c.recall(),
        c.f1(),
        c.tp,
        c.fp,
        c.fn_
    )
}

impl Report {
    /// The human-readable report of one article.
    pub fn render(&self, name: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{name}");
        let _ = writeln!(
            out,
            "  actors found: {}/{}",
            self.actors.tp,
            self.actors.tp + self.actors.fn_
        );
        let _ = writeln!(out, "  {}", line("pairs (unordered)", &self.pairs));
        let _ = writeln!(out, "  {}", line("directed + stance", &self.directed));
        for m in &self.missed {
            let _ = writeln!(out, "    missed:   {m}");
        }
        for s in &self.spurious {
            let _ = writeln!(out, "    spurious: {s}");
        }
        out
    }
}

impl Report {
    /// Why each missed and spurious relation happened: the sentence, and
    /// how the extractor read it (`traces`, one per sentence of `article`).
    pub fn explain(&self, article: &Article, traces: &[String]) -> String {
        let mut out = String::new();
        for (m, evidence) in self.missed.iter().zip(&self.missed_evidence) {
            let _ = writeln!(out, "  MISSED {m}");
            for locator in evidence {
                let prefix = locator.trim_end_matches('…').trim();
                let found = (0..article.sentences.len()).find(|&i| {
                    article
                        .sentence_text(i)
                        .is_some_and(|t| t.starts_with(prefix))
                });
                match found {
                    Some(i) => {
                        let _ = writeln!(out, "    in sentence {i}, read as:");
                        for line in traces.get(i).map(String::as_str).unwrap_or("").lines() {
                            let _ = writeln!(out, "      {line}");
                        }
                    }
                    None => {
                        let _ = writeln!(out, "    gold sentence not found: {locator}");
                    }
                }
            }
        }
        for (s, evidence) in self.spurious.iter().zip(&self.spurious_evidence) {
            let _ = writeln!(out, "  SPURIOUS {s}");
            for (sentence, cue, rule, confidence) in evidence {
                let _ = writeln!(
                    out,
                    "    sentence {sentence}: cue {cue:?}, rule {rule}, confidence {confidence:.2}"
                );
                for line in traces
                    .get(*sentence)
                    .map(String::as_str)
                    .unwrap_or("")
                    .lines()
                {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
        out
    }
}

/// The micro total over many reports.
pub fn render_total(reports: &[Report]) -> String {
    let mut pairs = Counts::default();
    let mut directed = Counts::default();
    for r in reports {
        pairs.add(r.pairs);
        directed.add(r.directed);
    }
    format!(
        "micro total over {} articles\n  {}\n  {}\n",
        reports.len(),
        line("pairs (unordered)", &pairs),
        line("directed + stance", &directed)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Relation, Stance};

    fn entity(id: &str, name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Country,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![],
        }
    }

    #[test]
    fn resolve_to_must_end_at_a_gold_actor() {
        let cycle = r#"{"entities":[{"name":"A","resolve_to":"B"},{"name":"B","resolve_to":"A"}]}"#;
        assert!(GoldMap::parse(cycle).unwrap_err().contains("cycle"));
        let dangling = r#"{"entities":[{"name":"Putin","resolve_to":"Rusia"}]}"#;
        assert!(
            GoldMap::parse(dangling)
                .unwrap_err()
                .contains("\"Rusia\", which is not a gold entity")
        );
        let chain = r#"{"entities":[{"name":"A","resolve_to":"B"},{"name":"B","resolve_to":"C"},{"name":"C"}]}"#;
        assert!(GoldMap::parse(chain).is_ok());
    }

    #[test]
    fn scores_by_alias_and_resolve_to() {
        let gold = GoldMap::parse(
            r#"{"entities":[{"name":"Russia","aliases":["Moscow"]},
                {"name":"Putin","kind":"person","resolve_to":"Russia"},
                {"name":"Taliban","aliases":["Kabul"]}],
              "relations":[{"source":"Putin","target":"Taliban","stance":"support"},
                           {"source":"Taliban","target":"Russia","stance":"cooperate"}]}"#,
        )
        .unwrap();
        let map = RelationMap {
            entities: vec![
                entity("ru", "Russian Federation", &["Moscow"]),
                entity("tb", "The Taliban", &[]),
            ],
            relations: vec![
                Relation {
                    source: "ru".into(),
                    target: "tb".into(),
                    stance: Stance::Support,
                    alleged_by: None,
                    negated: false,
                    evidence: vec![],
                    more_evidence: 0,
                },
                Relation {
                    source: "ru".into(),
                    target: "tb".into(),
                    stance: Stance::Attack,
                    alleged_by: None,
                    negated: false,
                    evidence: vec![],
                    more_evidence: 0,
                },
            ],
            ..RelationMap::default()
        };
        let r = score(&map, &gold);
        assert_eq!(
            r.directed,
            Counts {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            r.pairs,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(r.actors.tp, 2);
        assert_eq!(r.missed, ["Taliban -> Russia cooperate"]);
        assert_eq!(r.spurious, ["Russia -> Taliban attack"]);
        assert!((r.directed.f1() - 0.5).abs() < 1e-9);
    }
}
