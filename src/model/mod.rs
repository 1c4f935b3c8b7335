//! The map document (`stancemap/1`): the plain serde types every stage shares.
//!
//! This module sits at the bottom of the pipeline: it imports nothing from the
//! rest of the crate, so loaders, the extractor, exporters and the window all
//! speak the same types.

mod date;
mod id;
mod merge;
mod subset;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

pub use date::{DateRange, Day, End};
pub use id::slug;
pub use merge::merge_maps;

/// The schema tag written into, and required from, every map file.
pub const SCHEMA: &str = "stancemap/1";

/// A map of many articles: the actors, the relations between them, and the
/// sentences that state each relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationMap {
    pub schema: String,
    #[serde(default)]
    pub articles: Vec<Article>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

impl Default for RelationMap {
    fn default() -> Self {
        Self {
            schema: SCHEMA.to_string(),
            articles: Vec::new(),
            entities: Vec::new(),
            relations: Vec::new(),
        }
    }
}

/// One article: its plain text and the byte spans of its sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub source: Option<String>,
    /// The publication day, `YYYY-MM-DD`, when the file states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub text: String,
    /// `[start, end)` byte offsets into `text`, in order, not overlapping.
    #[serde(default)]
    pub sentences: Vec<[usize; 2]>,
}

impl Article {
    /// The publication day, if the article has a valid one.
    pub fn day(&self) -> Option<Day> {
        self.date.as_deref().and_then(Day::parse)
    }

    /// Whether the article has a date, and it is in `range`.
    pub fn published_in(&self, range: &DateRange) -> bool {
        self.day().is_some_and(|day| range.contains(day))
    }

    /// The text of sentence `index`, or `None` when the index or its span is
    /// not valid for this text (maps can come from anywhere).
    pub fn sentence_text(&self, index: usize) -> Option<&str> {
        let [start, end] = *self.sentences.get(index)?;
        self.text.get(start..end)
    }

    /// The index of the sentence that contains byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        self.sentences
            .iter()
            .position(|&[start, end]| start <= at && at < end)
    }
}

/// What sort of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Country,
    Government,
    Person,
    ArmedGroup,
    Organisation,
    Media,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Country,
        EntityKind::Government,
        EntityKind::Person,
        EntityKind::ArmedGroup,
        EntityKind::Organisation,
        EntityKind::Media,
        EntityKind::Other,
    ];

    /// The name used in files (`armed_group`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Government => "government",
            EntityKind::Person => "person",
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::Organisation => "organisation",
            EntityKind::Media => "media",
            EntityKind::Other => "other",
        }
    }

    /// A label for people ("armed group").
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::ArmedGroup => "armed group",
            other => other.as_str(),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One place in an article where an entity is named or referred to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub article: String,
    pub start: usize,
    pub end: usize,
}

/// An actor: a state, government, person, armed group, organisation or outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// The six stances, from friendliest to most hostile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Support,
    Cooperate,
    Neutral,
    Oppose,
    Accuse,
    Attack,
}

impl Stance {
    pub const ALL: [Stance; 6] = [
        Stance::Support,
        Stance::Cooperate,
        Stance::Neutral,
        Stance::Oppose,
        Stance::Accuse,
        Stance::Attack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Cooperate => "cooperate",
            Stance::Neutral => "neutral",
            Stance::Oppose => "oppose",
            Stance::Accuse => "accuse",
            Stance::Attack => "attack",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The stance's place in `Stance::ALL`, for per-stance tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How firmly the sentence states the relation, when it is not a plain fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Announced or threatened, not done ("vowed to strike", "will strike").
    Threat,
    /// Possible or reported with doubt ("may", "could", "reportedly").
    Hedged,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Threat => "threat",
            Modality::Hedged => "hedged",
        }
    }
}

/// A sentence that states a relation, with the cue that carries the stance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub sentence: usize,
    pub cue: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
    /// How sure the reading of this sentence is, 0..1 (1 for evidence
    /// added by hand or by tools that do not score).
    #[serde(default = "certain")]
    pub confidence: f32,
    /// The extractor rule that read it ("active", "passive", "noun", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

fn certain() -> f32 {
    1.0
}

impl Evidence {
    /// The order evidence is kept in: by article, then sentence.
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        (&self.article, self.sentence, &self.cue).cmp(&(&other.article, other.sentence, &other.cue))
    }
}

/// One (source, target, stance) triple with every sentence that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub source: String,
    pub target: String,
    pub stance: Stance,
    #[serde(default)]
    pub alleged_by: Option<String>,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Further sentences that state the relation but are not listed: only
    /// the `MAX_EVIDENCE` surest are kept, so that a text repeating one
    /// claim thousands of times gives a map of bounded size.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_evidence: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The most sentences a relation lists; the rest are only counted.
pub const MAX_EVIDENCE: usize = 50;

/// Keep the `max` strongest of `evidence` (surest first, then earliest in
/// the list), in their order; returns how many were dropped.
pub fn keep_strongest(evidence: &mut Vec<Evidence>, max: usize) -> usize {
    if evidence.len() <= max {
        return 0;
    }
    let mut ranked: Vec<usize> = (0..evidence.len()).collect();
    ranked.sort_by(|&a, &b| {
        evidence[b]
            .confidence
            .total_cmp(&evidence[a].confidence)
            .then(a.cmp(&b))
    });
    let mut keep = vec![false; evidence.len()];
    for &i in &ranked[..max] {
        keep[i] = true;
    }
    let dropped = evidence.len() - max;
    let mut flags = keep.into_iter();
    evidence.retain(|_| flags.next().unwrap_or(false));
    dropped
}

impl Relation {
    /// How sure the map is of this relation: each sentence is independent
    /// support, so confidence is 1 - the product of (1 - each sentence's).
    pub fn confidence(&self) -> f32 {
        let doubt: f32 = self
            .evidence
            .iter()
            .map(|e| 1.0 - e.confidence.clamp(0.0, 1.0))
            .product();
        1.0 - doubt
    }

    /// How many sentences state it: those listed and those only counted.
    pub fn sentence_count(&self) -> usize {
        self.evidence.len().saturating_add(self.more_evidence)
    }

    /// The identity of a relation: two relations with the same key are one.
    pub fn key(&self) -> (&str, &str, Stance, Option<&str>, bool) {
        (
            &self.source,
            &self.target,
            self.stance,
            self.alleged_by.as_deref(),
            self.negated,
        )
    }
}

impl RelationMap {
    /// The entity with this id: a scan, for one look-up. Loops over a
    /// whole map use `entity_index` instead, or they grow with the square
    /// of the map.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// Entities by id, the first of any that share one (as `entity` finds).
    pub fn entity_index(&self) -> HashMap<&str, &Entity> {
        let mut index = HashMap::with_capacity(self.entities.len());
        for e in &self.entities {
            index.entry(e.id.as_str()).or_insert(e);
        }
        index
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Put entities, aliases, mentions, relations and evidence in their
    /// canonical order, so that equal maps serialise to equal bytes, and
    /// keep at most `MAX_EVIDENCE` sentences per relation.
    pub fn normalise(&mut self) {
        for entity in &mut self.entities {
            entity.aliases.sort();
            entity.aliases.dedup();
            entity.mentions.sort();
            entity.mentions.dedup();
        }
        self.entities.sort_by(|a, b| a.id.cmp(&b.id));
        self.entities.dedup_by(|b, a| a.id == b.id);
        for relation in &mut self.relations {
            relation.evidence.sort_by(Evidence::order);
            relation.evidence.dedup_by(|b, a| a.order(b).is_eq());
            let dropped = keep_strongest(&mut relation.evidence, MAX_EVIDENCE);
            relation.more_evidence = relation.more_evidence.saturating_add(dropped);
        }
        self.relations.sort_by(|a, b| a.key().cmp(&b.key()));
    }

    /// The map without relations less sure than `min` (and without the
    /// entities that were only there for them, if they are not named in the
    /// text).
    pub fn with_min_confidence(mut self, min: f32) -> RelationMap {
        if min > 0.0 {
            self.relations.retain(|r| r.confidence() >= min);
        }
        self
    }

    /// Serialise as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("a map always serialises");
        out.push('\n');
        out
    }

    /// The map on one line, for JSON Lines output.
    pub fn to_json_line(&self) -> String {
        let mut out = serde_json::to_string(self).expect("a map always serialises");
        out.push('\n');
        out
    }
}
