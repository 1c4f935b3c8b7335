//! Edits: the corrections an analyst makes to a map, as plain commands.
//!
//! Applying an edit returns an [`Undo`]: the few entities and relations it
//! changed or removed, as they were, and the ids of what it created; never
//! a copy of the whole map. Evidence is only ever moved or pooled, so undo
//! gives every sentence back.

use crate::model::{
    Entity, Evidence, MAX_EVIDENCE, Mention, Relation, RelationMap, Stance, keep_strongest,
};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Which relation an edit is about: the identity of a relation
/// ([`Relation::key`]), which stays meaningful across saves and
/// re-extractions where list positions do not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRef {
    pub source: String,
    pub target: String,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alleged_by: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

impl RelationRef {
    pub fn of(relation: &Relation) -> RelationRef {
        RelationRef {
            source: relation.source.clone(),
            target: relation.target.clone(),
            stance: relation.stance,
            alleged_by: relation.alleged_by.clone(),
            negated: relation.negated,
        }
    }

    pub fn matches(&self, relation: &Relation) -> bool {
        relation.key()
            == (
                self.source.as_str(),
                self.target.as_str(),
                self.stance,
                self.alleged_by.as_deref(),
                self.negated,
            )
    }
}

impl fmt::Display for RelationRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let not = if self.negated { "not " } else { "" };
        write!(f, "{} {not}{} {}", self.source, self.stance, self.target)?;
        if let Some(by) = &self.alleged_by {
            write!(f, " (alleged by {by})")?;
        }
        Ok(())
    }
}

/// One correction of a map. Serialised as one object with an `op` field
/// (`{"op": "merge_actors", "from": "kabul-regime", "into": "taliban"}`),
/// which is how the `edits` log of a saved map reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Give an actor a new display name; the old name becomes an alias.
    RenameActor {
        actor: String,
        name: String,
    },
    /// `from` becomes part of `into`: its relations, aliases and mentions
    /// move over, relations that then coincide are pooled.
    MergeActors {
        from: String,
        into: String,
    },
    /// One alias of `actor` becomes its own actor `new_id` (named after the
    /// alias, same kind), taking the mentions written that way and the
    /// evidence of sentences that name `actor` only that way.
    SplitAlias {
        actor: String,
        alias: String,
        new_id: String,
    },
    SetStance {
        relation: RelationRef,
        stance: Stance,
    },
    /// Swap source and target.
    Reverse {
        relation: RelationRef,
    },
    /// Set (or with `null`, clear) who alleges the relation.
    SetAllegedBy {
        relation: RelationRef,
        alleged_by: Option<String>,
    },
    DeleteRelation {
        relation: RelationRef,
    },
    /// Remove an actor and every relation it is source or target of
    /// (relations it only alleged stay, no longer alleged).
    DeleteActor {
        actor: String,
    },
    /// A relation read by hand from one sentence of an article; `cue` is
    /// the words that state it (may be empty).
    AddRelation {
        source: String,
        target: String,
        stance: Stance,
        article: String,
        sentence: usize,
        #[serde(default)]
        cue: String,
    },
}

impl fmt::Display for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edit::RenameActor { actor, name } => write!(f, "rename {actor} to \"{name}\""),
            Edit::MergeActors { from, into } => write!(f, "merge {from} into {into}"),
            Edit::SplitAlias {
                actor,
                alias,
                new_id,
            } => write!(f, "split \"{alias}\" off {actor} as {new_id}"),
            Edit::SetStance { relation, stance } => write!(f, "set {relation} to {stance}"),
            Edit::Reverse { relation } => write!(f, "reverse {relation}"),
            Edit::SetAllegedBy {
                relation,
                alleged_by: Some(by),
            } => write!(f, "mark {relation} as alleged by {by}"),
            Edit::SetAllegedBy {
                relation,
                alleged_by: None,
            } => write!(f, "mark {relation} as not alleged"),
            Edit::DeleteRelation { relation } => write!(f, "delete {relation}"),
            Edit::DeleteActor { actor } => write!(f, "delete {actor}"),
            Edit::AddRelation {
                source,
                target,
                stance,
                article,
                sentence,
                ..
            } => write!(
                f,
                "add {source} {stance} {target} from sentence {sentence} of {article}"
            ),
        }
    }
}

/// Why an edit cannot be applied to a map.
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    NoActor(String),
    NoRelation(RelationRef),
    NoAlias {
        actor: String,
        alias: String,
    },
    NoSentence {
        article: String,
        sentence: usize,
    },
    ActorExists(String),
    /// The edit needs two different actors.
    SameActor(String),
    EmptyName,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoActor(id) => write!(f, "no actor {id}"),
            EditError::NoRelation(r) => write!(f, "no relation {r}"),
            EditError::NoAlias { actor, alias } => write!(f, "{actor} has no alias \"{alias}\""),
            EditError::NoSentence { article, sentence } => {
                write!(f, "article {article} has no sentence {sentence}")
            }
            EditError::ActorExists(id) => write!(f, "an actor {id} already exists"),
            EditError::SameActor(id) => write!(f, "{id} cannot relate to or merge with itself"),
            EditError::EmptyName => f.write_str("a name cannot be empty"),
        }
    }
}

impl std::error::Error for EditError {}

/// What undoes one applied edit: the entities and relations it changed or
/// removed, as they were and where they were, and what it created.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Undo {
    entities: Vec<(usize, Entity)>,
    new_entities: Vec<String>,
    relations: Vec<(usize, Relation)>,
    new_relations: Vec<RelationRef>,
}

/// What an edit does to each relation.
enum Fate {
    Keep,
    Drop,
    Become(Vec<Relation>),
}

impl Edit {
    /// Apply the edit; on error the map is unchanged.
    pub fn apply(&self, map: &mut RelationMap) -> Result<Undo, EditError> {
        let mut c = Change {
            map,
            undo: Undo::default(),
        };
        match self {
            Edit::RenameActor { actor, name } => c.rename(actor, name.trim())?,
            Edit::MergeActors { from, into } => c.merge(from, into)?,
            Edit::SplitAlias {
                actor,
                alias,
                new_id,
            } => c.split(actor, alias, new_id)?,
            Edit::SetStance { relation, stance } => {
                c.relation(relation)?;
                c.rewrite(|r| r.stance = *stance, relation);
            }
            Edit::Reverse { relation } => {
                c.relation(relation)?;
                c.rewrite(|r| std::mem::swap(&mut r.source, &mut r.target), relation);
            }
            Edit::SetAllegedBy {
                relation,
                alleged_by,
            } => {
                c.relation(relation)?;
                if let Some(by) = alleged_by {
                    c.entity(by)?;
                }
                c.rewrite(|r| r.alleged_by.clone_from(alleged_by), relation);
            }
            Edit::DeleteRelation { relation } => {
                c.relation(relation)?;
                c.patch_relations(
                    |r| {
                        if relation.matches(r) {
                            Fate::Drop
                        } else {
                            Fate::Keep
                        }
                    },
                    None,
                );
            }
            Edit::DeleteActor { actor } => c.delete_actor(actor)?,
            Edit::AddRelation {
                source,
                target,
                stance,
                article,
                sentence,
                cue,
            } => c.add(source, target, *stance, article, *sentence, cue)?,
        }
        Ok(c.undo)
    }
}

/// Undo an edit: `undo` must come from the last edit applied to `map`
/// (the [`History`](super::History) keeps that order). Positions that no
/// longer fit are clamped, so a misused undo garbles, never panics.
pub fn revert(map: &mut RelationMap, undo: Undo) {
    map.relations
        .retain(|r| !undo.new_relations.iter().any(|k| k.matches(r)));
    for (i, r) in undo.relations {
        let at = i.min(map.relations.len());
        map.relations.insert(at, r);
    }
    map.entities.retain(|e| {
        !undo.new_entities.contains(&e.id) && !undo.entities.iter().any(|(_, s)| s.id == e.id)
    });
    for (i, e) in undo.entities {
        let at = i.min(map.entities.len());
        map.entities.insert(at, e);
    }
}

/// An edit in progress. Invariants that make [`revert`] exact: entities
/// are changed in place before at most one is removed (last), and
/// relations are rewritten at most once per edit.
struct Change<'a> {
    map: &'a mut RelationMap,
    undo: Undo,
}

impl Change<'_> {
    fn entity(&self, id: &str) -> Result<usize, EditError> {
        self.map
            .entities
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| EditError::NoActor(id.to_string()))
    }

    fn relation(&self, relation: &RelationRef) -> Result<(), EditError> {
        if self.map.relations.iter().any(|r| relation.matches(r)) {
            Ok(())
        } else {
            Err(EditError::NoRelation(relation.clone()))
        }
    }

    /// Change entity `i` in place, keeping it as it was for undo.
    fn change_entity(&mut self, i: usize, f: impl FnOnce(&mut Entity)) {
        let entity = &mut self.map.entities[i];
        self.undo.entities.push((i, entity.clone()));
        f(entity);
    }

    fn remove_entity(&mut self, i: usize) {
        let entity = self.map.entities.remove(i);
        self.undo.entities.push((i, entity));
        self.undo.entities.sort_by_key(|(i, _)| *i);
    }

    fn rename(&mut self, actor: &str, name: &str) -> Result<(), EditError> {
        if name.is_empty() {
            return Err(EditError::EmptyName);
        }
        let i = self.entity(actor)?;
        self.change_entity(i, |e| {
            let old = std::mem::replace(&mut e.name, name.to_string());
            e.aliases.retain(|a| a != name);
            if old != name && !e.aliases.contains(&old) {
                e.aliases.push(old);
            }
        });
        Ok(())
    }

    fn merge(&mut self, from: &str, into: &str) -> Result<(), EditError> {
        if from == into {
            return Err(EditError::SameActor(from.to_string()));
        }
        let f = self.entity(from)?;
        let t = self.entity(into)?;
        let gone = self.map.entities[f].clone();
        self.change_entity(t, |e| {
            for alias in std::iter::once(gone.name).chain(gone.aliases) {
                if alias != e.name && !e.aliases.contains(&alias) {
                    e.aliases.push(alias);
                }
            }
            e.mentions.extend(gone.mentions);
            e.mentions.sort();
            e.mentions.dedup();
        });
        self.patch_relations(
            |r| {
                let repoint = |id: &str| if id == from { into } else { id }.to_string();
                if r.source == from || r.target == from || r.alleged_by.as_deref() == Some(from) {
                    let mut moved = r.clone();
                    moved.source = repoint(&r.source);
                    moved.target = repoint(&r.target);
                    moved.alleged_by = r.alleged_by.as_deref().map(repoint);
                    Fate::Become(vec![moved])
                } else {
                    Fate::Keep
                }
            },
            None,
        );
        self.remove_entity(f);
        Ok(())
    }

    fn split(&mut self, actor: &str, alias: &str, new_id: &str) -> Result<(), EditError> {
        let i = self.entity(actor)?;
        if new_id.trim().is_empty() {
            return Err(EditError::EmptyName);
        }
        if self.entity(new_id).is_ok() {
            return Err(EditError::ActorExists(new_id.to_string()));
        }
        if !self.map.entities[i].aliases.iter().any(|a| a == alias) {
            return Err(EditError::NoAlias {
                actor: actor.to_string(),
                alias: alias.to_string(),
            });
        }
        let written_as_alias = |m: &Mention| {
            self.map
                .article(&m.article)
                .and_then(|a| a.text.get(m.start..m.end))
                .is_some_and(|s| s.trim().eq_ignore_ascii_case(alias))
        };
        let (moved, kept): (Vec<_>, Vec<_>) = self.map.entities[i]
            .mentions
            .iter()
            .cloned()
            .partition(written_as_alias);
        let kind = self.map.entities[i].kind;
        // Sentences that name the actor only by the alias: what they state
        // goes with the new actor.
        let sentences = |mentions: &[Mention]| -> HashSet<(String, usize)> {
            mentions
                .iter()
                .filter_map(|m| {
                    let s = self.map.article(&m.article)?.sentence_at(m.start)?;
                    Some((m.article.clone(), s))
                })
                .collect()
        };
        let kept_in = sentences(&kept);
        let alias_only: HashSet<(String, usize)> =
            sentences(&moved).difference(&kept_in).cloned().collect();
        self.change_entity(i, |e| {
            e.aliases.retain(|a| a != alias);
            e.mentions = kept;
        });
        self.patch_relations(
            |r| {
                let roles = [Some(&r.source), Some(&r.target), r.alleged_by.as_ref()];
                if !roles.into_iter().flatten().any(|id| id == actor) {
                    return Fate::Keep;
                }
                let (going, staying): (Vec<Evidence>, Vec<Evidence>) = r
                    .evidence
                    .iter()
                    .cloned()
                    .partition(|e| alias_only.contains(&(e.article.clone(), e.sentence)));
                if going.is_empty() {
                    return Fate::Keep;
                }
                let swap = |id: &str| if id == actor { new_id } else { id }.to_string();
                // Sentences only counted cannot be told apart: they stay
                // with the actor, unless no listed sentence does.
                let moved = Relation {
                    source: swap(&r.source),
                    target: swap(&r.target),
                    alleged_by: r.alleged_by.as_deref().map(swap),
                    evidence: going,
                    more_evidence: if staying.is_empty() {
                        r.more_evidence
                    } else {
                        0
                    },
                    ..r.clone()
                };
                let mut out = vec![moved];
                if !staying.is_empty() {
                    out.insert(
                        0,
                        Relation {
                            evidence: staying,
                            ..r.clone()
                        },
                    );
                }
                Fate::Become(out)
            },
            None,
        );
        self.map.entities.push(Entity {
            id: new_id.to_string(),
            name: alias.to_string(),
            kind,
            aliases: Vec::new(),
            mentions: moved,
        });
        self.undo.new_entities.push(new_id.to_string());
        Ok(())
    }

    fn delete_actor(&mut self, actor: &str) -> Result<(), EditError> {
        let i = self.entity(actor)?;
        self.patch_relations(
            |r| {
                if r.source == actor || r.target == actor {
                    Fate::Drop
                } else if r.alleged_by.as_deref() == Some(actor) {
                    let mut kept = r.clone();
                    kept.alleged_by = None;
                    Fate::Become(vec![kept])
                } else {
                    Fate::Keep
                }
            },
            None,
        );
        self.remove_entity(i);
        Ok(())
    }

    fn add(
        &mut self,
        source: &str,
        target: &str,
        stance: Stance,
        article: &str,
        sentence: usize,
        cue: &str,
    ) -> Result<(), EditError> {
        if source == target {
            return Err(EditError::SameActor(source.to_string()));
        }
        self.entity(source)?;
        self.entity(target)?;
        let text = self
            .map
            .article(article)
            .and_then(|a| a.sentence_text(sentence))
            .ok_or_else(|| EditError::NoSentence {
                article: article.to_string(),
                sentence,
            })?;
        let relation = Relation {
            source: source.to_string(),
            target: target.to_string(),
            stance,
            alleged_by: None,
            negated: false,
            evidence: vec![Evidence {
                article: article.to_string(),
                sentence,
                cue: cue.trim().to_string(),
                text: text.to_string(),
                modality: None,
                confidence: 1.0,
                rule: Some("hand".to_string()),
            }],
            more_evidence: 0,
        };
        self.patch_relations(|_| Fate::Keep, Some(relation));
        Ok(())
    }

    /// Change the one relation `which` with `f`.
    fn rewrite(&mut self, f: impl Fn(&mut Relation), which: &RelationRef) {
        self.patch_relations(
            |r| {
                if which.matches(r) {
                    let mut changed = r.clone();
                    f(&mut changed);
                    Fate::Become(vec![changed])
                } else {
                    Fate::Keep
                }
            },
            None,
        );
    }

    /// Decide each relation's fate, add `extra`, and pool relations that
    /// end up with the same key (evidence joined, duplicates once). A
    /// result takes the place of the first relation it came from.
    fn patch_relations(
        &mut self,
        mut fate: impl FnMut(&Relation) -> Fate,
        extra: Option<Relation>,
    ) {
        let relations = &self.map.relations;
        let mut taken: Vec<usize> = Vec::new();
        // (index it came from, relation); extra comes from nowhere.
        let mut incoming: Vec<(usize, Relation)> = Vec::new();
        for (i, r) in relations.iter().enumerate() {
            match fate(r) {
                Fate::Keep => {}
                Fate::Drop => taken.push(i),
                Fate::Become(changed) => {
                    taken.push(i);
                    incoming.extend(changed.into_iter().map(|r| (i, r)));
                }
            }
        }
        incoming.extend(extra.map(|r| (usize::MAX, r)));
        for (i, r) in relations.iter().enumerate() {
            if !taken.contains(&i) && incoming.iter().any(|(_, n)| n.key() == r.key()) {
                taken.push(i);
                incoming.push((i, r.clone()));
            }
        }
        taken.sort_unstable();

        let mut pooled: Vec<(usize, Relation)> = Vec::new();
        for (from, r) in incoming {
            match pooled.iter_mut().find(|(_, p)| p.key() == r.key()) {
                Some((first, p)) => {
                    *first = (*first).min(from);
                    p.evidence.extend(r.evidence);
                    p.more_evidence = p.more_evidence.saturating_add(r.more_evidence);
                }
                None => pooled.push((from, r)),
            }
        }
        for (_, p) in &mut pooled {
            p.evidence
                .sort_by(|a, b| evidence_order(a).cmp(&evidence_order(b)));
            p.evidence
                .dedup_by(|b, a| evidence_order(a) == evidence_order(b));
            let dropped = keep_strongest(&mut p.evidence, MAX_EVIDENCE);
            p.more_evidence = p.more_evidence.saturating_add(dropped);
        }
        pooled.sort_by_key(|(from, _)| *from);

        for &i in taken.iter().rev() {
            let r = self.map.relations.remove(i);
            self.undo.relations.push((i, r));
        }
        self.undo.relations.reverse();
        for (n, (from, r)) in pooled.into_iter().enumerate() {
            self.undo.new_relations.push(RelationRef::of(&r));
            let before = taken.iter().filter(|&&t| t < from).count();
            let at = from.saturating_sub(before).saturating_add(n);
            let at = at.min(self.map.relations.len());
            self.map.relations.insert(at, r);
        }
    }
}

/// The identity of a piece of evidence: one cue in one sentence.
fn evidence_order(e: &Evidence) -> (&str, usize, &str) {
    (&e.article, e.sentence, &e.cue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, EntityKind};

    const TEXT: &str = "Putin praised the Taliban. Moscow criticised Pakistan.";

    fn entity(id: &str, name: &str, aliases: &[&str], spans: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Country,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: spans
                .iter()
                .map(|&(start, end)| Mention {
                    article: "a1".into(),
                    start,
                    end,
                })
                .collect(),
        }
    }

    fn relation(source: &str, stance: Stance, target: &str, sentence: usize) -> Relation {
        Relation {
            source: source.into(),
            target: target.into(),
            stance,
            alleged_by: None,
            negated: false,
            evidence: vec![Evidence {
                article: "a1".into(),
                sentence,
                cue: "cue".into(),
                text: String::new(),
                modality: None,
                confidence: 1.0,
                rule: None,
            }],
            more_evidence: 0,
        }
    }

    fn map() -> RelationMap {
        RelationMap {
            articles: vec![Article {
                id: "a1".into(),
                title: "t".into(),
                source: None,
                date: None,
                text: TEXT.into(),
                sentences: vec![[0, 26], [27, TEXT.len()]],
            }],
            entities: vec![
                entity(
                    "russia",
                    "Russia",
                    &["Putin", "Moscow"],
                    &[(0, 5), (27, 33)],
                ),
                entity("taliban", "Taliban", &[], &[(18, 25)]),
                entity("pakistan", "Pakistan", &[], &[(45, 53)]),
            ],
            relations: vec![
                relation("russia", Stance::Support, "taliban", 0),
                relation("russia", Stance::Oppose, "pakistan", 1),
            ],
            ..RelationMap::default()
        }
    }

    #[test]
    fn a_split_alias_takes_its_mentions_and_the_sentences_it_alone_names() {
        let original = map();
        let mut m = original.clone();
        let split = Edit::SplitAlias {
            actor: "russia".into(),
            alias: "Putin".into(),
            new_id: "putin".into(),
        };
        let undo = split.apply(&mut m).unwrap();
        let putin = m.entity("putin").unwrap();
        assert_eq!(putin.name, "Putin");
        assert_eq!(putin.mentions.len(), 1);
        assert_eq!(m.entity("russia").unwrap().aliases, ["Moscow"]);
        let keys: Vec<_> = m.relations.iter().map(|r| (&*r.source, r.stance)).collect();
        assert_eq!(
            keys,
            [("putin", Stance::Support), ("russia", Stance::Oppose)]
        );
        revert(&mut m, undo);
        assert_eq!(m, original);
    }

    #[test]
    fn a_stance_change_keeps_the_relation_in_place() {
        let original = map();
        let mut m = original.clone();
        let edit = Edit::SetStance {
            relation: RelationRef::of(&original.relations[0]),
            stance: Stance::Cooperate,
        };
        let undo = edit.apply(&mut m).unwrap();
        assert_eq!(m.relations[0].stance, Stance::Cooperate);
        assert_eq!(m.relations[1], original.relations[1]);
        revert(&mut m, undo);
        assert_eq!(m, original);
    }

    #[test]
    fn the_log_reads_as_plain_json() {
        let edit = Edit::MergeActors {
            from: "kabul-regime".into(),
            into: "taliban".into(),
        };
        let json = serde_json::to_string(&edit).unwrap();
        assert_eq!(
            json,
            r#"{"op":"merge_actors","from":"kabul-regime","into":"taliban"}"#
        );
        assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit);
        assert_eq!(edit.to_string(), "merge kabul-regime into taliban");
    }
}
