//! Relations: for every cue, find its source and target by the clause it
//! sits in, the cue's frame, and the small grammar of news English
//! (actives, passives, nominalisations and possessives, light verbs,
//! reported speech, allegations, negation and modality).

use super::Lexicons;
use super::clauses::{ClauseKind, Clauses};
use super::cues::CueHit;
use super::discourse::{Discourse, EntityId};
use super::lexicon::cues::{Cue, CuePos, Frame, ObjectMode, VerbForm};
use super::lexicon::grammar::{ReportClass, WordClass};
use super::lexicon::word_sets::WordSet;
use super::mentions::{Form, Mention, MentionIndex, Referent, Sentence};
use crate::model::{EntityKind, Modality, Stance};

mod allegations;
mod appeals;
mod arguments;
mod co_agents;
mod implied;
mod labels;
mod memory;
mod nouns;
mod verbs;

use allegations::{alleged_by, derived_accusations};
use appeals::demanded_to_stop;
use co_agents::co_agents;
use labels::{compounds, labelled, labels};
use memory::remember_attacker;
pub use memory::remember_proposers;
use nouns::attach_noun;
use verbs::attach_verb;

/// Which rule attached a relation's source and target: shown to users
/// (`eval -v`, the evidence's `rule`) and the base of its confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Subject and object of an active verb.
    Active,
    /// "dismissed by India".
    Passive,
    /// "gets a nod from Moscow".
    Reverse,
    /// "the Houthis will bear the consequences" (said by the UK).
    Undergoer,
    /// "said Rwanda violated the accords".
    Report,
    /// "France would be responsible for ..." (said by Azerbaijan).
    Predicate,
    /// "talks between X and Y".
    Between,
    /// "X and Y held talks": the conjoined parties with each other.
    Conjoined,
    /// "its war with Israel": both directions.
    Mutual,
    /// "Pakistan's allegations against the group".
    Noun,
    /// "which Tehran denies": against the accusers.
    Rebuttal,
    /// "Iranian-backed Houthis".
    Compound,
    /// "label the Kabul regime a puppet of New Delhi".
    Label,
    /// A speaker reporting another's attack accuses it.
    Derived,
    /// "A and B imposed sanctions on C": co-agents of one act cooperate.
    CoAgents,
    /// One side implied: a strike's employer, the state behind a sentence.
    Implied,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Active => "active",
            Rule::Passive => "passive",
            Rule::Reverse => "reverse",
            Rule::Undergoer => "undergoer",
            Rule::Report => "report",
            Rule::Predicate => "predicate",
            Rule::Between => "between",
            Rule::Conjoined => "conjoined",
            Rule::Mutual => "mutual",
            Rule::Noun => "noun",
            Rule::Rebuttal => "rebuttal",
            Rule::Compound => "compound",
            Rule::Label => "label",
            Rule::Derived => "derived",
            Rule::CoAgents => "co-agents",
            Rule::Implied => "implied",
        }
    }

    /// How often this rule's reading is right, roughly: the direct
    /// syntactic patterns are the most reliable, inferences the least.
    fn base_confidence(self) -> f32 {
        match self {
            Rule::Active | Rule::Passive | Rule::Compound | Rule::Between => 0.8,
            Rule::Noun | Rule::Mutual | Rule::Conjoined | Rule::Reverse => 0.7,
            Rule::Report | Rule::Predicate | Rule::Undergoer | Rule::Rebuttal => 0.6,
            Rule::Label | Rule::Derived | Rule::CoAgents | Rule::Implied => 0.5,
        }
    }
}

/// A relation read from one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub source: EntityId,
    pub target: EntityId,
    pub stance: Stance,
    pub alleged_by: Option<EntityId>,
    pub rule: Rule,
    /// How sure the reading is, 0..1.
    pub confidence: f32,
    pub cue: String,
    pub modality: Option<Modality>,
}

/// One parsed sentence, ready for argument attachment.
pub struct Parse<'a, 'b> {
    pub lex: &'a Lexicons,
    pub s: &'a Sentence<'b>,
    pub mentions: &'a [Mention],
    pub index: &'a MentionIndex,
    /// Ranked candidate referents of every mention.
    pub cands: &'a [Vec<Vec<EntityId>>],
    /// Conjoined mentions: every mention's group (indices into `mentions`).
    pub groups: &'a [Vec<usize>],
    pub group_of: &'a [usize],
    pub hits: &'a [CueHit],
    pub clauses: &'a Clauses,
}

/// Groups of entity ids found as one argument.
type Ids = Vec<EntityId>;

struct Outcome {
    sources: Ids,
    targets: Ids,
    rule: Rule,
}

fn overlaps(a: &[EntityId], b: &[EntityId]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// Read the relations of one parsed sentence. `recent` holds what the
/// previous sentences stated (for "which Tehran denies").
pub fn extract(p: &Parse, d: &mut Discourse, recent: &[Found]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut derived: Vec<Found> = Vec::new();
    let mut outcomes: Vec<Option<Outcome>> = Vec::with_capacity(p.hits.len());
    for (h, hit) in p.hits.iter().enumerate() {
        let cue = &p.lex.cues.cues[hit.cue];
        let c = p.clause_of(hit.toks.start);
        let outcome = attach(p, d, hit, cue, c, recent, &out);
        let cue_text = p.s.surface(hit.toks.clone()).to_string();
        if let Some(o) = &outcome {
            remember_attacker(d, hit, cue, o);
        }
        // "does not recognise": a negated acceptance is opposition.
        let flipped = cue
            .negated
            .filter(|_| hit.negated && !hit.denied && hit.form.is_some());
        let skip = (hit.negated && flipped.is_none())
            || hit.nonfactual
            || p.hypothetical(c)
            || p.clauses.kind(c) == ClauseKind::Attribution;
        if let (Some(o), false) = (&outcome, skip) {
            let mut stance = flipped.unwrap_or(cue.stance);
            let mut modality = hit.modality;
            if modality == Some(Modality::Threat) && stance == Stance::Attack {
                stance = Stance::Oppose;
            }
            // "will deepen cooperation" is a plan, not a threat.
            if modality == Some(Modality::Threat)
                && !matches!(stance, Stance::Attack | Stance::Oppose)
            {
                modality = None;
            }
            if modality.is_none() && future_threat(p, hit) && stance == Stance::Attack {
                stance = Stance::Oppose;
                modality = Some(Modality::Threat);
            }
            let alleged = alleged_by(p, d, h, hit, c, &o.sources, &outcomes);
            if let Some(None) = alleged {
                outcomes.push(outcome);
                continue;
            }
            let reported = p
                .speaker(c, d)
                .is_some_and(|(speaker, _)| !overlaps(&speaker, &o.sources));
            let claim = Claim {
                stance,
                alleged_by: alleged.flatten(),
                reported,
                cue: &cue_text,
                modality,
                rule: o.rule,
            };
            // "sued": oppose and accuse; a threat to sue is oppose only.
            let also = cue
                .also
                .filter(|_| flipped.is_none() && claim.modality != Some(Modality::Threat));
            for s in &o.sources {
                for t in &o.targets {
                    push(&mut out, d, s, t, &claim);
                    if let Some(stance) = also {
                        push(&mut out, d, s, t, &Claim { stance, ..claim });
                    }
                }
            }
            if claim.alleged_by.is_none() && !claim.reported {
                co_agents(d, o, &cue_text, &mut derived);
            }
            derived_accusations(p, d, hit, cue, c, o, &cue_text, &mut derived);
            labels(p, d, hit, cue, c, o, &cue_text, &mut out);
        }
        outcomes.push(outcome);
    }
    // An accusation inferred from reported speech yields to any stance the
    // sentence states outright between the same two actors.
    for f in derived {
        if !out
            .iter()
            .any(|g| g.source == f.source && g.target == f.target)
        {
            out.push(f);
        }
    }
    compounds(p, d, &mut out);
    labelled(p, d, &mut out);
    demanded_to_stop(p, d, &mut out);
    implied::state_acts(p, d, &outcomes, &mut out);
    implied::strikes(p, d, &mut out);
    out
}

/// Whether a word at `k` sits in a conditional or after a negation.
fn hypothetical_or_negated(p: &Parse, k: usize) -> bool {
    p.hypothetical(p.clause_of(k))
        || (k.saturating_sub(3)..k).any(|j| matches!(p.norm(j), "not" | "n't" | "never"))
}

/// The stance part of a relation, as read from one cue.
#[derive(Clone)]
struct Claim<'a> {
    stance: Stance,
    alleged_by: Option<EntityId>,
    /// Said by another actor than its source ("A said B attacked C"): a
    /// fact by ANNOTATION.md, but less sure than the article's own voice.
    reported: bool,
    cue: &'a str,
    modality: Option<Modality>,
    rule: Rule,
}

impl<'a> Claim<'a> {
    fn plain(stance: Stance, cue: &'a str, rule: Rule) -> Self {
        Self {
            stance,
            alleged_by: None,
            reported: false,
            cue,
            modality: None,
            rule,
        }
    }

    /// The rule's base, lowered for hedges and for what is only reported.
    fn confidence(&self) -> f32 {
        let mut c = self.rule.base_confidence();
        if self.modality == Some(Modality::Hedged) {
            c *= 0.8;
        }
        if self.alleged_by.is_some() || self.reported {
            c *= 0.9;
        }
        c
    }
}

/// Add `s -> t` unless it is a self-relation or involves a media outlet.
fn push(out: &mut Vec<Found>, d: &Discourse, s: &EntityId, t: &EntityId, claim: &Claim) {
    let (s, t) = (*s, *t);
    if s == t {
        return;
    }
    let media = |id: EntityId| d.info(id).kind == EntityKind::Media;
    if media(s) || media(t) {
        return;
    }
    let f = Found {
        source: s,
        target: t,
        stance: claim.stance,
        alleged_by: claim.alleged_by.filter(|&a| !media(a)),
        rule: claim.rule,
        confidence: claim.confidence(),
        cue: claim.cue.to_string(),
        modality: claim.modality,
    };
    if !out.contains(&f) {
        out.push(f);
    }
}

/// "will strike", "would strike ... if needed": a future attack is a threat.
fn future_threat(p: &Parse, hit: &CueHit) -> bool {
    let start = hit.toks.start;
    (start.saturating_sub(3)..start).any(|k| p.lex.grammar.sets.has(WordSet::FutureAux, p.norm(k)))
}

/// Source and target of one cue.
fn attach(
    p: &Parse,
    d: &Discourse,
    hit: &CueHit,
    cue: &Cue,
    c: usize,
    recent: &[Found],
    sofar: &[Found],
) -> Option<Outcome> {
    match cue.pos {
        CuePos::Verb => attach_verb(p, d, hit, cue, c, recent, sofar),
        CuePos::Noun => attach_noun(p, d, hit, cue, c),
        CuePos::Predicate => {
            let targets = p
                .nearest_left(c, hit.toks.start, &[])
                .or_else(|| p.subject(c, d, &[]))?;
            let (sources, _) = p.speaker(c, d)?;
            Some(Outcome {
                sources,
                targets,
                rule: Rule::Predicate,
            })
        }
    }
}

/// Read made-up sentences for the passes' unit tests: (source, target,
/// stance, alleged by) by entity name.
#[cfg(test)]
fn read_for_test(text: &str) -> Vec<(String, String, Stance, Option<String>)> {
    use crate::model::Article;
    let article = Article {
        id: "t".into(),
        title: text.lines().next().unwrap_or_default().into(),
        source: None,
        date: None,
        text: text.into(),
        sentences: crate::text::sentences::split(text),
    };
    let map = crate::extract::extract(&article);
    let name = |id: &str| map.entity(id).map_or(id.to_string(), |e| e.name.clone());
    map.relations
        .iter()
        .map(|r| {
            (
                name(&r.source),
                name(&r.target),
                r.stance,
                r.alleged_by.as_deref().map(name),
            )
        })
        .collect()
}

/// Whether `found` holds `source -> target stance`.
#[cfg(test)]
fn has(found: &[(String, String, Stance, Option<String>)], s: &str, t: &str, st: Stance) -> bool {
    found.iter().any(|r| r.0 == s && r.1 == t && r.2 == st)
}
