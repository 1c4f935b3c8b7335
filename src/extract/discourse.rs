//! Coreference: what pronouns ("he", "its", "their"), definite descriptions
//! ("the group", "the two leaders", "the head of state") and speech or
//! action nouns ("his comments", "the proposal") refer to, from the actors
//! seen so far, by recency, agreement and a preference for subjects.

use super::Lexicons;
use super::lexicon::actors::TitleClass;
use super::lexicon::grammar::PronounKind;
use super::mentions::{Form, Mention, Referent};
use crate::model::{EntityKind, slug};
use rustc_hash::FxHashMap;

/// An entity of the article being read: an index into `Discourse`'s table.
/// Interned so that the parser passes small copies, not strings.
pub type EntityId = u32;

/// Everything the extractor knows about an entity it has seen.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityInfo {
    pub name: String,
    pub kind: EntityKind,
    /// For persons: the actor they belong to (an armed group's leader).
    pub affiliation: Option<EntityId>,
    /// In the lexicon (drawn when mentioned); unknown names are drawn only
    /// when they take part in a relation.
    pub known: bool,
}

/// A mention (or a conjoined group of mentions) already read.
#[derive(Debug, Clone)]
struct Seen {
    ids: Vec<EntityId>,
    kind: EntityKind,
    person: bool,
    plural: bool,
    subject: bool,
    title: Option<TitleClass>,
    sentence: usize,
}

/// The memory of one article, read sentence by sentence.
#[derive(Debug, Default)]
pub struct Discourse {
    /// Entity ids (their map ids) and what is known of them, by EntityId.
    entities: Vec<(String, EntityInfo)>,
    by_id: FxHashMap<String, EntityId>,
    seen: Vec<Seen>,
    sentence: usize,
    /// Who spoke last, and in which sentence.
    speaker: Option<(Vec<EntityId>, usize)>,
    /// Who undertook the last proposal, move or request.
    action_agent: Option<(Vec<EntityId>, usize)>,
    /// Who attacked last (for "these attacks").
    attack_agent: Option<(Vec<EntityId>, usize)>,
    /// Head nouns of the actors' phrases ("junta", "rulers", "ministry"),
    /// with whom they named and when.
    heads: Vec<(String, Vec<EntityId>, usize)>,
}

/// How far back (in sentences) a pronoun or description may reach.
const REACH: usize = 3;

/// How far back a head noun may find the phrase it repeats.
const HEAD_REACH: usize = 12;

impl Discourse {
    pub fn start_sentence(&mut self, index: usize) {
        self.sentence = index;
    }

    /// The entity a lexicon actor, person or unknown name stands for,
    /// registering it on first sight.
    pub fn entity_of(&mut self, lex: &Lexicons, referent: &Referent) -> Option<EntityId> {
        let (id, info) = match referent {
            Referent::Actor(a) => {
                let actor = &lex.actors.actors[*a];
                (
                    actor.id.clone(),
                    EntityInfo {
                        name: actor.name.clone(),
                        kind: actor.kind,
                        affiliation: None,
                        known: true,
                    },
                )
            }
            Referent::Person(p) => {
                let affiliation = p
                    .affiliation
                    .map(|a| self.entity_of(lex, &Referent::Actor(a)));
                (
                    slug(&p.name),
                    EntityInfo {
                        name: p.name.clone(),
                        kind: EntityKind::Person,
                        affiliation: affiliation.flatten(),
                        known: p.known,
                    },
                )
            }
            Referent::Unknown { name, kind } => (
                slug(name),
                EntityInfo {
                    name: name.clone(),
                    kind: *kind,
                    affiliation: None,
                    known: false,
                },
            ),
            Referent::Pronoun(_)
            | Referent::Description(_)
            | Referent::Head(_)
            | Referent::Class(_) => return None,
        };
        Some(self.intern(id, info))
    }

    fn intern(&mut self, id: String, info: EntityInfo) -> EntityId {
        if let Some(&e) = self.by_id.get(&id) {
            return e;
        }
        let e = self.entities.len() as EntityId;
        self.by_id.insert(id.clone(), e);
        self.entities.push((id, info));
        e
    }

    /// The map id of an entity ("russia").
    pub fn id(&self, e: EntityId) -> &str {
        &self.entities[e as usize].0
    }

    pub fn info(&self, e: EntityId) -> &EntityInfo {
        &self.entities[e as usize].1
    }

    /// Every entity seen, with its map id.
    pub fn all(&self) -> impl Iterator<Item = (EntityId, &str, &EntityInfo)> {
        self.entities
            .iter()
            .enumerate()
            .map(|(i, (id, info))| (i as EntityId, id.as_str(), info))
    }

    fn kind_of(&self, e: EntityId) -> EntityKind {
        self.info(e).kind
    }

    /// Ranked candidates for what `m` refers to: each candidate is one or
    /// more entity ids (two for "the two countries"). Names have exactly
    /// one candidate; anaphors may have several, best first.
    pub fn candidates(
        &mut self,
        lex: &Lexicons,
        m: &Mention,
        as_subject: bool,
    ) -> Vec<Vec<EntityId>> {
        match &m.referent {
            Referent::Pronoun(kind) if m.title.is_some() => self
                .pronoun(*kind, false)
                .into_iter()
                .map(|ids| ids.into_iter().map(|id| self.leader_of(id)).collect())
                .collect(),
            Referent::Pronoun(kind) => self.pronoun(*kind, as_subject),
            Referent::Description(d) => {
                if d.two {
                    return self.last_two(&d.kinds).into_iter().collect();
                }
                // "the union" after "the Canadian Union of Public
                // Employees": the last organisation of that class first.
                if let Some(id) = lex
                    .orgs
                    .get(&d.head)
                    .filter(|h| h.in_descriptions)
                    .and_then(|h| self.last_of_class(&h.class))
                {
                    return vec![vec![id]];
                }
                if let Some(role) = d.role {
                    return self
                        .recent()
                        .filter(|s| s.person && s.title == Some(role))
                        .map(|s| s.ids.clone())
                        .take(1)
                        .collect();
                }
                let mut out =
                    self.salient(|s| !s.person && s.ids.len() == 1 && d.kinds.contains(&s.kind));
                // "the junta" again: the actor called so before, not
                // whichever country was named last.
                if let Some(ids) = d.sticky_head.as_deref().and_then(|w| self.named_by(w))
                    && ids.len() == 1
                    && d.kinds.contains(&self.kind_of(ids[0]))
                {
                    out.retain(|c| *c != ids);
                    out.insert(0, ids);
                    out.truncate(2);
                }
                out
            }
            // "the company": the last organisation of that class, and
            // nothing else (not the last country).
            Referent::Class(class) => self.named_by(&class_key(class)).into_iter().collect(),
            Referent::Head(word) => {
                // "the military rulers" after "Niger's military rulers".
                match self.named_by(word) {
                    Some(ids) => vec![ids],
                    None => self.salient(|s| {
                        !s.person
                            && s.ids.len() == 1
                            && matches!(s.kind, EntityKind::Country | EntityKind::Government)
                    }),
                }
            }
            // "JeM chief": the group's leader if the article named one.
            Referent::Actor(a)
                if m.form == Form::Person
                    && lex.actors.actors[*a].kind == EntityKind::ArmedGroup =>
            {
                let group = self.entity_of(lex, &m.referent);
                group
                    .map(|g| vec![vec![self.leader_of(g)]])
                    .unwrap_or_default()
            }
            other => self
                .entity_of(lex, other)
                .map(|id| vec![id])
                .into_iter()
                .collect(),
        }
    }

    /// Who the last phrase with head noun `word` named, if recent enough.
    fn named_by(&self, word: &str) -> Option<Vec<EntityId>> {
        self.heads
            .iter()
            .rev()
            .take_while(|(_, _, at)| self.sentence - at <= HEAD_REACH)
            .find(|(w, _, _)| w == word)
            .map(|(_, ids, _)| ids.clone())
    }

    /// "its leader": the person the article names as the actor's leader,
    /// or the actor itself (a state's leader speaks for the state).
    fn leader_of(&self, group: EntityId) -> EntityId {
        self.all()
            .find(|(_, _, e)| e.kind == EntityKind::Person && e.affiliation == Some(group))
            .map_or(group, |(person, _, _)| person)
    }

    /// Candidates that fit, the subjects of this and the previous sentence
    /// first ("the country" is more likely the one being talked about),
    /// then by recency.
    fn salient(&self, fits: impl Fn(&Seen) -> bool) -> Vec<Vec<EntityId>> {
        let now = self.sentence;
        let mut out: Vec<Vec<EntityId>> = Vec::new();
        for s in self
            .recent()
            .filter(|s| s.subject && now - s.sentence <= 1 && fits(s))
        {
            push_unique(&mut out, &s.ids);
        }
        for s in self.recent().filter(|s| fits(s)) {
            push_unique(&mut out, &s.ids);
        }
        out.truncate(2);
        out
    }

    fn recent(&self) -> impl Iterator<Item = &Seen> {
        let now = self.sentence;
        self.seen
            .iter()
            .rev()
            .take_while(move |s| now - s.sentence <= REACH)
            .filter(|s| {
                s.ids
                    .iter()
                    .all(|&id| !matches!(self.kind_of(id), EntityKind::Media))
            })
    }

    fn pronoun(&self, kind: PronounKind, as_subject: bool) -> Vec<Vec<EntityId>> {
        let now = self.sentence;
        let fits = |s: &Seen| match kind {
            PronounKind::He | PronounKind::She => s.person,
            PronounKind::It => !s.person && !s.plural && s.ids.len() == 1,
            PronounKind::They => {
                s.plural || s.ids.len() > 1 || matches!(s.kind, EntityKind::ArmedGroup)
            }
            PronounKind::We => true,
        };
        // A quote can run over several sentences after its attribution.
        if kind == PronounKind::We
            && let Some((ids, at)) = &self.speaker
            && now - at <= REACH
        {
            return vec![ids.clone()];
        }
        let mut out: Vec<Vec<EntityId>> = Vec::new();
        // Subjects of this sentence first; a subject pronoun then looks at
        // the subject of the sentence before ("The IDF said ... It also
        // carried out an airstrike"); then anything recent.
        let reach_back = if as_subject { 1 } else { 0 };
        for back in 0..=reach_back {
            for s in self
                .recent()
                .filter(|s| now - s.sentence == back && s.subject && fits(s))
            {
                push_unique(&mut out, &s.ids);
            }
        }
        for s in self.recent().filter(|s| fits(s)) {
            push_unique(&mut out, &s.ids);
        }
        out
    }

    /// The last two distinct actors of `kinds` (any kind when empty): "the
    /// two countries", "the two leaders".
    fn last_two(&self, kinds: &[EntityKind]) -> Option<Vec<EntityId>> {
        let mut ids: Vec<EntityId> = Vec::new();
        let fits = |s: &&Seen| {
            kinds.is_empty()
                || kinds.contains(&s.kind)
                || (s.person && kinds.contains(&EntityKind::Person))
        };
        // "the allies" after "the US, South Korea and Japan": the group.
        if let Some(group) = self.recent().filter(fits).find(|s| s.ids.len() >= 2) {
            return Some(group.ids.clone());
        }
        for s in self.recent().filter(fits) {
            for &id in &s.ids {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            if ids.len() >= 2 {
                ids.truncate(2);
                ids.reverse();
                return Some(ids);
            }
        }
        None
    }

    /// Record what was just read; `ids` are the resolved entities.
    pub fn note(
        &mut self,
        m: &Mention,
        ids: &[EntityId],
        subject: bool,
        plural: bool,
        head: Option<&str>,
    ) {
        if ids.is_empty() {
            return;
        }
        if let Some(word) = head {
            self.heads
                .push((word.to_string(), ids.to_vec(), self.sentence));
        }
        let kind = self.kind_of(ids[0]);
        self.seen.push(Seen {
            ids: ids.to_vec(),
            kind,
            person: m.is_person() || kind == EntityKind::Person,
            plural,
            subject,
            title: m.title,
            sentence: self.sentence,
        });
    }

    /// The state the article is about: the country its actors' mentions
    /// name most often so far (the first named wins a tie).
    pub fn home_state(&self) -> Option<EntityId> {
        let mut counts: Vec<(EntityId, usize)> = Vec::new();
        for seen in &self.seen {
            for &id in &seen.ids {
                if self.kind_of(id) != EntityKind::Country {
                    continue;
                }
                match counts.iter_mut().find(|(e, _)| *e == id) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((id, 1)),
                }
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max()?;
        counts.iter().find(|(_, n)| *n == best).map(|(e, _)| *e)
    }

    /// The last organisation of `class` named within reach.
    pub fn last_of_class(&self, class: &str) -> Option<EntityId> {
        match self.named_by(&class_key(class))?.as_slice() {
            [id] => Some(*id),
            _ => None,
        }
    }

    /// Record that `id` is an organisation of `class` ("company", "court"),
    /// for a later "the company".
    pub fn note_class(&mut self, class: &str, id: EntityId) {
        self.heads.push((class_key(class), vec![id], self.sentence));
    }

    /// Record a conjoined group ("DR Congo and Rwanda") for "their" and "the two".
    pub fn note_group(&mut self, ids: &[EntityId], subject: bool) {
        if ids.len() < 2 {
            return;
        }
        self.seen.push(Seen {
            ids: ids.to_vec(),
            kind: self.kind_of(ids[0]),
            person: false,
            plural: true,
            subject,
            title: None,
            sentence: self.sentence,
        });
    }

    pub fn set_speaker(&mut self, ids: &[EntityId]) {
        if !ids.is_empty() {
            self.speaker = Some((ids.to_vec(), self.sentence));
        }
    }

    /// The last speaker, if recent: "these assertions", "the remarks".
    pub fn speaker(&self) -> Option<&[EntityId]> {
        self.speaker
            .as_ref()
            .filter(|(_, at)| self.sentence - at <= 1)
            .map(|(ids, _)| ids.as_slice())
    }

    pub fn set_action_agent(&mut self, ids: &[EntityId]) {
        if !ids.is_empty() {
            self.action_agent = Some((ids.to_vec(), self.sentence));
        }
    }

    /// The agent of the last proposal or move: "the move", "the proposal".
    pub fn action_agent(&self) -> Option<&[EntityId]> {
        self.action_agent
            .as_ref()
            .filter(|(_, at)| self.sentence - at <= REACH)
            .map(|(ids, _)| ids.as_slice())
    }

    pub fn set_attack_agent(&mut self, ids: &[EntityId]) {
        if !ids.is_empty() {
            self.attack_agent = Some((ids.to_vec(), self.sentence));
        }
    }

    /// The agent of the last attack: "these attacks".
    pub fn attack_agent(&self) -> Option<&[EntityId]> {
        self.attack_agent
            .as_ref()
            .filter(|(_, at)| self.sentence - at <= REACH)
            .map(|(ids, _)| ids.as_slice())
    }
}

/// The key a class of organisation is remembered by among head nouns.
fn class_key(class: &str) -> String {
    format!("class:{class}")
}

fn push_unique(out: &mut Vec<Vec<EntityId>>, ids: &[EntityId]) {
    if !out.iter().any(|o| o == ids) {
        out.push(ids.to_vec());
    }
}
