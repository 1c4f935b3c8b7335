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

mod implied;

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

impl Parse<'_, '_> {
    fn n(&self) -> usize {
        self.s.tokens.len()
    }

    fn norm(&self, i: usize) -> &str {
        self.s.norm(i)
    }

    fn clause_of(&self, t: usize) -> usize {
        self.clauses.of_token.get(t).copied().unwrap_or(0)
    }

    fn mention_starting(&self, t: usize) -> Option<usize> {
        self.index.starting(t)
    }

    fn mention_ending(&self, end: usize) -> Option<usize> {
        self.index.ending(end)
    }

    /// The ids of mention `m`: its best candidate that is not in `exclude`
    /// (so "its" after "the US would strike" is not the US), or its best
    /// candidate when all are excluded (a name is what it names).
    fn ids(&self, m: usize, exclude: &[EntityId]) -> Ids {
        self.cands[m]
            .iter()
            .find(|c| c.iter().all(|id| !exclude.contains(id)))
            .or_else(|| self.cands[m].first())
            .cloned()
            .unwrap_or_default()
    }

    /// The ids of the group mention `m` belongs to.
    fn group_ids(&self, m: usize, exclude: &[EntityId]) -> Ids {
        let mut out: Ids = Vec::new();
        for &member in &self.groups[self.group_of[m]] {
            for id in self.ids(member, exclude) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    fn preceded_by_preposition(&self, t: usize) -> bool {
        let mut k = t;
        let mut adjectives = 0;
        while k > 0 {
            k -= 1;
            let norm = self.norm(k);
            if matches!(self.lex.grammar.class(norm), Some(WordClass::Determiner)) {
                continue;
            }
            // "in eastern DR Congo": an adjective between.
            let adjective = self.s.tokens[k].is_word()
                && !self.s.capitalised(k)
                && self.lex.grammar.class(norm).is_none()
                && !self.lex.grammar.is_preposition(norm)
                && self.lex.cues.forms.longest_at(&self.s.words, k).is_none()
                && self
                    .lex
                    .grammar
                    .reporting
                    .longest_at(&self.s.words, k)
                    .is_none()
                && !norm.ends_with("ed")
                && !norm.ends_with("ing");
            if adjective && adjectives < 2 {
                adjectives += 1;
                continue;
            }
            if matches!(norm, "after" | "before" | "since" | "as")
                || (norm == "of" && k > 0 && self.lex.grammar.stands_in(self.norm(k - 1)))
            {
                return false;
            }
            return self.lex.grammar.is_preposition(norm);
        }
        false
    }

    fn partitive_before(&self, t: usize) -> bool {
        let mut k = t;
        while k > 0
            && matches!(
                self.lex.grammar.class(self.norm(k - 1)),
                Some(WordClass::Determiner)
            )
        {
            k -= 1;
        }
        k >= 2 && self.norm(k - 1) == "of" && self.lex.grammar.partitives.contains(self.norm(k - 2))
    }

    /// Whether mention `m` can be a clause subject or a cue's agent.
    fn capable(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let head = self.groups[self.group_of[m]][0];
        let first = self.mentions[head].toks.start;
        !self.preceded_by_preposition(first)
            && !self.partitive_before(first)
            && mention.form != Form::People
            && !self.compound_modifier(m)
            && !self.cands[m].is_empty()
    }

    /// "Iranian-backed", "EU-mediated", "Yemen-based": the actor modifies
    /// the next word and is not an argument by itself.
    fn compound_modifier(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        mention.hyphenated && self.mention_starting(mention.toks.end + 1).is_none()
    }

    /// Mentions of clause `c` (by their first token), in order.
    fn in_clause(&self, c: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.mentions.len()).filter(move |&m| self.clause_of(self.mentions[m].toks.start) == c)
    }

    /// The nearest actor left of token `before` in clause `c` that can be a
    /// subject or agent.
    fn nearest_left(&self, c: usize, before: usize, exclude: &[EntityId]) -> Option<Ids> {
        self.in_clause(c)
            .filter(|&m| self.mentions[m].toks.end <= before && self.capable(m))
            .filter_map(|m| {
                let ids = self.group_ids(m, exclude);
                (!ids.is_empty() && !overlaps(&ids, exclude)).then_some(ids)
            })
            .next_back()
    }

    /// The subject of clause `c`: its own first capable actor, a stand-in
    /// noun ("these assertions", "the move"), or what it inherits.
    fn subject(&self, c: usize, d: &Discourse, exclude: &[EntityId]) -> Option<Ids> {
        let clause = &self.clauses.list[c];
        if let Some(hint) = clause.subject_hint {
            let ids = self.group_ids(hint, exclude);
            if !ids.is_empty() && !overlaps(&ids, exclude) {
                return Some(ids);
            }
        }
        match clause.kind {
            ClauseKind::Relative if !clause.object_relative => {
                if let Some(a) = clause.antecedent {
                    let ids = self.group_ids(a, exclude);
                    if !ids.is_empty() && !overlaps(&ids, exclude) {
                        return Some(ids);
                    }
                }
            }
            ClauseKind::Participle | ClauseKind::Comitative | ClauseKind::Infinitive => {
                return self.parent_subject(c, d, exclude);
            }
            _ => {}
        }
        // A coordinated clause's own subject comes before its verb ("and now
        // Putin's remarks isolate ..."); after it, actors are objects ("and
        // destroy our infrastructure").
        let verb_at = (clause.kind == ClauseKind::Coordinate)
            .then(|| {
                self.hits
                    .iter()
                    .find(|h| {
                        self.clause_of(h.toks.start) == c
                            && self.lex.cues.cues[h.cue].pos == CuePos::Verb
                    })
                    .map(|h| h.toks.start)
            })
            .flatten()
            .unwrap_or(usize::MAX);
        let own = self
            .in_clause(c)
            .filter(|&m| self.capable(m) && self.mentions[m].toks.end <= verb_at)
            .find_map(|m| {
                let ids = self.group_ids(m, exclude);
                (!ids.is_empty() && !overlaps(&ids, exclude)).then_some(ids)
            });
        if own.is_some() {
            return own;
        }
        // "the order ..., which called for ...": a relative clause about a
        // thing, not an actor, has no actor subject to inherit.
        if clause.kind == ClauseKind::Relative && clause.antecedent.is_none() {
            return None;
        }
        if let Some(proxy) = self.proxy_after(clause.start, c, d, exclude) {
            return Some(proxy);
        }
        if c == 0
            && let Some(a) = self.clauses.attribution
        {
            let ids = self.group_ids(a, exclude);
            if !ids.is_empty() {
                return Some(ids);
            }
        }
        self.parent_subject(c, d, exclude)
    }

    fn parent_subject(&self, c: usize, d: &Discourse, exclude: &[EntityId]) -> Option<Ids> {
        let parent = self.clauses.list[c].parent?;
        self.subject(parent, d, exclude)
    }

    /// A noun that stands for an actor: "his comments" (handled as a
    /// mention), "these assertions" (the last speaker), "the move" (the last
    /// proposer), "these attacks" (the last attacker).
    fn proxy_after(
        &self,
        from: usize,
        c: usize,
        d: &Discourse,
        exclude: &[EntityId],
    ) -> Option<Ids> {
        let mut k = from;
        while k < self.n() && self.lex.grammar.is_preposition(self.norm(k)) {
            k += 1;
        }
        let from = k;
        let mut determiner = false;
        while k < self.n() && k < from + 4 && self.clause_of(k) == c {
            let norm = self.norm(k);
            let stand_in = self.lex.grammar.speech_nouns.contains(norm)
                || self.lex.grammar.action_nouns.contains(norm);
            // "the claims of Pakistan", "the proposal of the US".
            if stand_in
                && self.norm(k + 1) == "of"
                && let Some(m) = self
                    .mention_starting(k + 2)
                    .or_else(|| self.mention_starting(k + 3))
            {
                let ids = self.group_ids(m, exclude);
                if !ids.is_empty() && !overlaps(&ids, exclude) {
                    return Some(ids);
                }
            }
            if matches!(self.lex.grammar.class(norm), Some(WordClass::Determiner)) {
                determiner = true;
            } else if self.lex.grammar.speech_nouns.contains(norm) {
                return d
                    .speaker()
                    .map(<[EntityId]>::to_vec)
                    .filter(|ids| !overlaps(ids, exclude))
                    .or_else(|| {
                        // "—remarks that ...": the remarks of the sentence's subject.
                        if c != 0 {
                            self.subject(0, d, exclude)
                        } else {
                            None
                        }
                    });
            } else if determiner && self.lex.grammar.action_nouns.contains(norm) {
                return d
                    .action_agent()
                    .map(<[EntityId]>::to_vec)
                    .filter(|ids| !overlaps(ids, exclude));
            } else if determiner
                && matches!(
                    norm,
                    "attacks"
                        | "attack"
                        | "strikes"
                        | "assaults"
                        | "operation"
                        | "raid"
                        | "storming"
                        | "incursion"
                        | "offensive"
                        | "invasion"
                        | "bombing"
                        | "crackdown"
                        | "airstrike"
                        | "airstrikes"
                        | "shelling"
                        | "incident"
                )
            {
                return d
                    .attack_agent()
                    .map(<[EntityId]>::to_vec)
                    .filter(|ids| !overlaps(ids, exclude));
            } else if self.s.tokens[k].is_word() && !norm.ends_with("ly") {
                // An adjective may come first: "these illegal attacks".
                if !matches!(
                    norm,
                    "illegal" | "latest" | "recent" | "repeated" | "such" | "new"
                ) {
                    return None;
                }
            }
            k += 1;
        }
        None
    }

    /// The speaker of clause `c`, from the nearest complement above it or
    /// the sentence's attribution, with how the report is framed.
    fn speaker(&self, c: usize, d: &Discourse) -> Option<(Ids, ReportClass)> {
        for a in self.clauses.ancestors(c) {
            let clause = &self.clauses.list[a];
            if clause.kind == ClauseKind::Complement {
                let report = clause.report.unwrap_or(ReportClass::Say);
                if let Some(m) = clause.speaker {
                    let ids = self.group_ids(m, &[]);
                    if !ids.is_empty() && !self.is_media(&ids, d) {
                        return Some((ids, report));
                    }
                }
                // "The head of state emphasized that ...": the speaker is
                // the subject of the clause the verb sits in.
                if let Some(parent) = clause.parent
                    && let Some(ids) = self.subject(parent, d, &[])
                    && !self.is_media(&ids, d)
                {
                    return Some((ids, report));
                }
            }
        }
        let m = self.clauses.attribution?;
        let ids = self.group_ids(m, &[]);
        (!ids.is_empty() && !self.is_media(&ids, d)).then_some((ids, ReportClass::Say))
    }

    fn is_media(&self, ids: &[EntityId], d: &Discourse) -> bool {
        ids.iter().all(|&id| d.info(id).kind == EntityKind::Media)
    }

    /// Whether the clause chain of `c` makes its content hypothetical.
    fn hypothetical(&self, c: usize) -> bool {
        self.clauses.ancestors(c).any(|a| {
            self.clauses.list[a].kind == ClauseKind::Conditional || self.clauses.list[a].nonfactual
        })
    }

    /// Whether token `k` makes "on Sunday", "in January", "last week" a time
    /// phrase rather than an argument: a time word or a number.
    fn is_time_word(&self, k: usize) -> bool {
        let w = self.norm(k);
        self.lex.grammar.sets.has(WordSet::TimeWords, w) || w.chars().all(|c| c.is_ascii_digit())
    }

    fn passive(&self, hit: &CueHit) -> bool {
        if hit.form != Some(VerbForm::Participle) {
            return false;
        }
        let c = self.clause_of(hit.toks.start);
        if self.clauses.list[c].passive && self.clauses.list[c].start + 1 >= hit.toks.start {
            return true;
        }
        let mut k = hit.toks.start;
        for _ in 0..3 {
            if k == 0 {
                break;
            }
            k -= 1;
            let norm = self.norm(k);
            if self.lex.grammar.sets.has(WordSet::PassiveAux, norm) {
                return true;
            }
            if !(norm.ends_with("ly")
                || matches!(
                    norm,
                    "not" | "n't" | "already" | "also" | "further" | "never"
                ))
            {
                break;
            }
        }
        // "talks mediated by Oman", "narratives pushed by Islamabad".
        self.norm(hit.toks.end) == "by"
            && self
                .mention_starting(hit.toks.start.saturating_sub(1))
                .is_none()
    }

    /// The actor after a preposition in `preps`, right after token `from`.
    fn after_prep(
        &self,
        from: usize,
        preps: &[&str],
        exclude: &[EntityId],
    ) -> Option<(Ids, usize)> {
        let mut k = from;
        let c = self.clause_of(from.saturating_sub(1));
        while k < self.n() && k < from + 3 {
            if preps.contains(&self.norm(k)) {
                let mut j = k + 1;
                // "by only five states - Russia, Venezuela ...": a count,
                // its noun and a dash, then the actors counted.
                let mut counted = false;
                let mut limit = k + 4;
                while j < self.n() && j < limit {
                    if let Some(m) = self.mention_starting(j) {
                        if self.partitive_before(j) {
                            return None;
                        }
                        let ids = self.group_ids(m, exclude);
                        return (!ids.is_empty()).then_some((ids, m));
                    }
                    let norm = self.norm(j);
                    let number = self.lex.grammar.number_words.contains(norm)
                        || norm.chars().all(|c| c.is_ascii_digit());
                    if number {
                        counted = true;
                        limit = j + 4;
                    } else if counted && matches!(norm, "-" | "—" | "–" | ":") {
                        limit = j + 2;
                    } else if !(counted
                        || matches!(self.lex.grammar.class(norm), Some(WordClass::Determiner))
                        || norm.ends_with("ly"))
                    {
                        break;
                    }
                    j += 1;
                }
                return None;
            }
            if self.clause_of(k) != c && k > from {
                return None;
            }
            k += 1;
        }
        None
    }

    /// The first actor after a cue that its preposition (or a direct
    /// object) admits, through noun-phrase chains ("a proposal by the US").
    fn object(
        &self,
        from: usize,
        c: usize,
        cue: &Cue,
        direct: bool,
        exclude: &[EntityId],
        d: &Discourse,
    ) -> Option<(Ids, Option<usize>)> {
        #[derive(PartialEq)]
        enum Gate {
            Open,
            Closed,
            Blocked,
        }
        let mut gate = if direct { Gate::Open } else { Gate::Closed };
        let mut k = from;
        let limit = (from + 14).min(self.n());
        let mut first_noun: Option<(usize, bool)> = None;
        // "allege Iran was close to ...": a reporting cue's target is the
        // subject of the complement that starts right after it.
        let complement = Some(self.clause_of(from)).filter(|&cc| {
            cc != c
                && self.clauses.kind(cc) == ClauseKind::Complement
                && self.clauses.list[cc].parent == Some(c)
                && self.clauses.list[cc].start <= from + 1
        });
        while k < limit {
            if self.clause_of(k) != c && Some(self.clause_of(k)) != complement {
                break;
            }
            if let Some(m) = self.mention_starting(k) {
                let end = self.groups[self.group_of[m]]
                    .last()
                    .map_or(self.mentions[m].toks.end, |&last| {
                        self.mentions[last].toks.end
                    });
                // "aid Filipino fishermen": a nation's people are a target
                // only of hostility (an expulsion of refugees), never of
                // support or talks.
                let people = self.mentions[m].form == Form::People
                    && !matches!(cue.stance, Stance::Attack | Stance::Oppose);
                let skip = self.compound_modifier(m)
                    || self.partitive_before(k)
                    || self.embedded_subject(end)
                    || people
                    || self.mentions[m].form == Form::Pronoun
                        && !self.mentions[m].possessive
                        && gate == Gate::Closed;
                if gate != Gate::Blocked && gate != Gate::Closed && !skip {
                    let ids = self.group_ids(m, exclude);
                    if !ids.is_empty() {
                        return Some((ids, Some(m)));
                    }
                }
                k = end.max(k + 1);
                continue;
            }
            let norm = self.norm(k);
            if matches!(
                norm,
                "," | ";" | ":" | "—" | "–" | "that" | "which" | "who" | "while" | "whereas"
            ) {
                break;
            }
            // "met on Monday with ...": a time phrase does not block.
            if self.lex.grammar.is_preposition(norm)
                && self.is_time_word(k + 1)
                && !cue.preps.iter().any(|p| p == norm)
            {
                k += 2;
                continue;
            }
            if self.lex.grammar.is_preposition(norm) || norm == "such" {
                if cue.preps.iter().any(|p| p == norm) {
                    gate = Gate::Open;
                } else if self.lex.grammar.sets.has(WordSet::NounPhraseChain, norm) {
                    if gate == Gate::Closed && !direct {
                        // stays closed
                    }
                } else {
                    gate = Gate::Blocked;
                }
            } else if self.hits.iter().any(|h| {
                h.toks.start == k
                    && self.lex.cues.cues[h.cue].pos == CuePos::Verb
                    && h.form != Some(VerbForm::Participle)
            }) {
                break;
            } else if first_noun.is_none()
                && self.s.tokens[k].is_word()
                && self.lex.grammar.class(norm).is_none()
            {
                first_noun = Some((k, gate != Gate::Blocked && gate != Gate::Closed));
            }
            k += 1;
        }
        // No actor: a noun that stands for one ("opposed the move", "put a
        // hold on the proposal").
        let (noun, admitted) = first_noun?;
        if !admitted {
            return None;
        }
        let start = noun.saturating_sub(2).max(from);
        self.proxy_after(start, c, d, exclude)
            .map(|ids| (ids, None))
    }

    /// "what Mr Shapps described as": an actor followed by its own verb is
    /// the subject of an embedded clause, not an object.
    fn embedded_subject(&self, end: usize) -> bool {
        let norm = self.norm(end);
        self.lex
            .grammar
            .reporting
            .longest_at(&self.s.words, end)
            .is_some()
            || matches!(
                norm,
                "described" | "called" | "termed" | "dubbed" | "sees" | "saw"
            )
    }

    /// The agent of a noun cue: possessor, modifier, "by/from X", or the
    /// subject of the light verb it is the object of.
    fn noun_agent(&self, hit: &CueHit, cue: &Cue, d: &Discourse) -> Option<Ids> {
        let c = self.clause_of(hit.toks.start);
        let mut b = hit.toks.start;
        let mut adjectives = 0;
        for _ in 0..5 {
            if b == 0 {
                break;
            }
            if let Some(m) = self.mention_ending(b) {
                let mention = &self.mentions[m];
                if mention.form == Form::Pronoun && !mention.possessive {
                    break;
                }
                // "Rwanda faces repeated accusations": a name before a verb
                // is its subject, not the noun's modifier.
                let modifier = mention.possessive
                    || mention.form != Form::Name
                    || adjectives == 0
                    || (adjectives == 1
                        && !self.norm(b).ends_with('s')
                        && !self.norm(b).ends_with("ed"));
                if !modifier {
                    break;
                }
                // "Israel-Iran conflict": both sides.
                let mut ids = self.group_ids(m, &[]);
                let s = mention.toks.start;
                if s >= 2
                    && self.norm(s - 1) == "-"
                    && let Some(first) = self.mention_ending(s - 1)
                {
                    for id in self.group_ids(first, &[]) {
                        if !ids.contains(&id) {
                            ids.insert(0, id);
                        }
                    }
                }
                return (!ids.is_empty()).then_some(ids);
            }
            // "imposed economic sanctions": the light verb ends the phrase.
            if self.light_verb_ending(b).is_some() {
                break;
            }
            let prev = self.norm(b - 1);
            let adjective = self.s.tokens[b - 1].is_word()
                && self.lex.grammar.class(prev).is_none()
                && !self.lex.grammar.is_preposition(prev)
                && self
                    .lex
                    .cues
                    .forms
                    .longest_ending_at(&self.s.words, b)
                    .is_none();
            if prev == "'s"
                || prev == "'"
                || prev == "-"
                || adjective
                || matches!(self.lex.grammar.class(prev), Some(WordClass::Determiner))
            {
                if matches!(self.lex.grammar.class(prev), Some(WordClass::Determiner)) {
                    // A determiner ends the noun phrase: look for a light verb.
                    b -= 1;
                    break;
                }
                if adjective {
                    adjectives += 1;
                }
                b -= 1;
            } else {
                break;
            }
        }
        let agent_preps: Vec<&str> = cue.agent_preps.iter().map(String::as_str).collect();
        if let Some((ids, _)) = self.agent_after(hit.toks.end, &agent_preps, c) {
            return Some(ids);
        }
        // A light verb or "as" right before the noun phrase.
        if let Some(len) = self.light_verb_ending(b) {
            let verb_start = b - len;
            // "(in what is seen) as a show of solidarity": the act of the
            // sentence's main actor, not of the nearest object.
            if self.norm(verb_start) == "as" {
                let root = self.clauses.ancestors(c).last().unwrap_or(c);
                return self.subject(root, d, &[]);
            }
            return self
                .nearest_left(c, verb_start, &[])
                .or_else(|| self.subject(c, d, &[]));
        }
        None
    }

    /// A light verb that ends just before token `b`, used as a verb: "the
    /// renewed fighting" and "faces repeated accusations" have adjectives.
    fn light_verb_ending(&self, b: usize) -> Option<usize> {
        let (len, _) = self
            .lex
            .grammar
            .light_verbs
            .longest_ending_at(&self.s.words, b)?;
        let start = b - len;
        if start == 0 {
            return Some(len);
        }
        let prev = self.norm(start - 1);
        let adjective_position =
            matches!(self.lex.grammar.class(prev), Some(WordClass::Determiner))
                || (self.s.tokens[start - 1].is_word()
                    && self.lex.grammar.class(prev).is_none()
                    && !prev.ends_with("ly")
                    && self.mention_ending(start).is_none()
                    && !matches!(prev, "to" | "and" | "or" | "not"));
        (!adjective_position).then_some(len)
    }

    /// "provision of weapons by France": an agent preposition after the
    /// noun, through "of N" chains.
    fn agent_after(&self, from: usize, preps: &[&str], c: usize) -> Option<(Ids, usize)> {
        let mut k = from;
        while k < self.n() && k < from + 6 && self.clause_of(k) == c {
            let norm = self.norm(k);
            if preps.contains(&norm) {
                return self.after_prep(k, preps, &[]);
            }
            if self.mention_starting(k).is_some()
                || matches!(norm, "," | ";" | "to" | "against" | "on" | "with" | "for")
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Targets of a noun cue: an actor introduced by one of its
    /// prepositions, skipping the agent's.
    fn noun_target(
        &self,
        hit: &CueHit,
        cue: &Cue,
        exclude: &[EntityId],
        d: &Discourse,
    ) -> Option<(Ids, String)> {
        let c = self.clause_of(hit.toks.start);
        let mut k = hit.toks.end;
        let limit = (k + 10).min(self.n());
        while k < limit && self.clause_of(k) == c {
            let norm = self.norm(k).to_string();
            if cue.preps.contains(&norm) {
                if let Some((ids, _)) = self.after_prep(k, &[norm.as_str()], exclude) {
                    return Some((ids, norm));
                }
                // "the support for Guyana's sovereignty": through adjectives.
                let mut j = k + 1;
                while j < limit.max(k + 8).min(self.n()) && j < k + 8 && self.clause_of(j) == c {
                    if let Some(m) = self.mention_starting(j) {
                        if !self.compound_modifier(m) {
                            let ids = self.group_ids(m, exclude);
                            if !ids.is_empty() {
                                return Some((ids, norm));
                            }
                        }
                        break;
                    }
                    let w = self.norm(j);
                    let quantity = matches!(
                        w,
                        "over" | "about" | "around" | "nearly" | "almost" | "some" | "up"
                    ) && !self.lex.grammar.is_preposition(self.norm(j + 1));
                    // "against the exercises planned by the US": the actor
                    // behind the thing is the target.
                    let agent_by = w == "by" && self.norm(j - 1).ends_with("ed");
                    if (self.lex.grammar.is_preposition(w) && !quantity && !agent_by)
                        || matches!(w, "," | ";")
                    {
                        break;
                    }
                    j += 1;
                }
                if let Some(ids) = self.proxy_after(k + 1, c, d, exclude) {
                    return Some((ids, norm));
                }
                return None;
            }
            if matches!(norm.as_str(), "," | ";" | ":" | "that" | "which" | "who") {
                return None;
            }
            if cue.agent_preps.contains(&norm) || self.lex.grammar.sets.has(WordSet::NounPhraseChain, &norm) {
                // "provision of weapons by France to Armenia": skip the agent.
                k += 1;
                if let Some(m) = self
                    .mention_starting(k)
                    .or_else(|| self.mention_starting(k + 1))
                {
                    k = self.mentions[m].toks.end;
                }
                continue;
            }
            // "a warning on Sunday against ...": a time phrase in between.
            if self.lex.grammar.is_preposition(&norm) && self.is_time_word(k + 1) {
                k += 2;
                continue;
            }
            if self.lex.grammar.is_preposition(&norm) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "between X and Y".
    fn between(&self, from: usize, c: usize) -> Option<Ids> {
        let k = (from..(from + 4).min(self.n())).find(|&k| self.norm(k) == "between")?;
        if self.clause_of(k) != c {
            return None;
        }
        let m = (k + 1..(k + 4).min(self.n())).find_map(|j| self.mention_starting(j))?;
        let ids = self.group_ids(m, &[]);
        (ids.len() >= 2).then_some(ids)
    }
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
            let claim = Claim {
                stance,
                alleged_by: alleged.flatten(),
                cue: &cue_text,
                modality,
                rule: o.rule,
            };
            for s in &o.sources {
                for t in &o.targets {
                    push(&mut out, d, s, t, &claim);
                }
            }
            if claim.alleged_by.is_none() {
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

/// "The EU and the US imposed sanctions on Belarus", "California and San
/// Francisco sued the Justice Department": actors named together as the
/// agents of one act on a third party cooperate with each other, both ways
/// (ANNOTATION.md: co-agents). Mutual and joint readings ("A and B signed a
/// deal") already relate the parties to each other, and an alleged act
/// is not theirs together.
fn co_agents(d: &Discourse, o: &Outcome, cue: &str, out: &mut Vec<Found>) {
    let third_party = !o.targets.is_empty() && !overlaps(&o.sources, &o.targets);
    if o.sources.len() < 2 || !third_party || !matches!(o.rule, Rule::Active | Rule::Noun) {
        return;
    }
    let claim = Claim::plain(Stance::Cooperate, cue, Rule::CoAgents);
    for a in &o.sources {
        for b in &o.sources {
            push(out, d, a, b, &claim);
        }
    }
}

/// Verbs that, after "urged X to", demand that X stop what it does.
/// "urging the Philippines to cease provocations", "called on Russia to
/// withdraw": the one who urges opposes the one urged. Any other appeal
/// ("urged Israel and Hamas to resume talks", "asked both sides to show
/// restraint") is neutral toward those urged (ANNOTATION.md: calls on
/// third parties).
fn demanded_to_stop(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    for k in 0..p.n() {
        let Some((len, _)) = p.lex.grammar.object_control.longest_at(&p.s.words, k) else {
            continue;
        };
        let Some(object) = p
            .mention_starting(k + len)
            .or_else(|| p.mention_starting(k + len + 1))
        else {
            continue;
        };
        let after = p.groups[p.group_of[object]]
            .last()
            .map_or(p.mentions[object].toks.end, |&m| p.mentions[m].toks.end);
        if p.norm(after) != "to" || hypothetical_or_negated(p, k) {
            continue;
        }
        // "to “immediately stop”": quotes and adverbs before the verb.
        let mut verb = after + 1;
        while verb < p.n()
            && (matches!(p.norm(verb), "“" | "\"" | "‘") || p.norm(verb).ends_with("ly"))
        {
            verb += 1;
        }
        let stance = if p.lex.grammar.stop_verbs.contains(p.norm(verb)) {
            Stance::Oppose
        } else if p.lex.grammar.appeals.longest_at(&p.s.words, k).is_some() {
            Stance::Neutral
        } else {
            continue;
        };
        let c = p.clause_of(k);
        let Some(sources) = p.nearest_left(c, k, &[]).or_else(|| p.subject(c, d, &[])) else {
            continue;
        };
        let targets = p.group_ids(object, &sources);
        let cue = p.s.surface(k..verb + 1).to_string();
        let claim = Claim::plain(stance, &cue, Rule::Active);
        for s in &sources {
            for t in &targets {
                push(out, d, s, t, &claim);
            }
        }
    }
}

/// "Turkey views PKK fighters as terrorists", "considers Russia a threat":
/// a labelling verb, its object, then a label noun.
fn labelled(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    for k in 0..p.n() {
        let Some((len, _)) = p.lex.grammar.labelling.longest_at(&p.s.words, k) else {
            continue;
        };
        let c = p.clause_of(k);
        let Some(object) = (k + len..(k + len + 3).min(p.n())).find_map(|j| p.mention_starting(j))
        else {
            continue;
        };
        let after = p.groups[p.group_of[object]]
            .last()
            .map_or(p.mentions[object].toks.end, |&m| p.mentions[m].toks.end);
        let label = (after..(after + 5).min(p.n()))
            .find_map(|j| p.lex.cues.labels.get(p.norm(j)).map(|&stance| (j, stance)));
        let Some((at, stance)) = label else { continue };
        if hypothetical_or_negated(p, k) {
            continue;
        }
        let Some(sources) = p.nearest_left(c, k, &[]).or_else(|| p.subject(c, d, &[])) else {
            continue;
        };
        let targets = p.group_ids(object, &sources);
        let cue = p.s.surface(k..at + 1).to_string();
        let claim = Claim::plain(stance, &cue, Rule::Label);
        for s in &sources {
            for t in &targets {
                push(out, d, s, t, &claim);
            }
        }
    }
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
    cue: &'a str,
    modality: Option<Modality>,
    rule: Rule,
}

impl<'a> Claim<'a> {
    fn plain(stance: Stance, cue: &'a str, rule: Rule) -> Self {
        Self {
            stance,
            alleged_by: None,
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
        if self.alleged_by.is_some() {
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
    (start.saturating_sub(3)..start)
        .any(|k| p.lex.grammar.sets.has(WordSet::FutureAux, p.norm(k)))
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

fn attach_verb(
    p: &Parse,
    d: &Discourse,
    hit: &CueHit,
    cue: &Cue,
    c: usize,
    recent: &[Found],
    sofar: &[Found],
) -> Option<Outcome> {
    let start = hit.toks.start;
    let end = hit.toks.end;
    // "joined Mexico in cutting ties with Ecuador", "by putting a hold on":
    // after these prepositions a gerund's subject is the clause's, not the
    // nearest object; after "of"/"for" it is the object ("accused the
    // Taliban of enabling").
    let clause_subject_gerund = hit.form == Some(VerbForm::Gerund)
        && start > 0
        && matches!(
            p.norm(start - 1),
            "in" | "by" | "after" | "before" | "while" | "without" | "despite" | "through"
        );
    let left = || {
        if clause_subject_gerund {
            return p
                .subject(c, d, &[])
                .or_else(|| p.nearest_left(c, start, &[]));
        }
        p.nearest_left(c, start, &[])
            .or_else(|| p.subject(c, d, &[]))
    };
    match cue.frame {
        Frame::Undergoer => {
            let targets = left()?;
            let sources = p
                .speaker(c, d)
                .map(|(ids, _)| ids)
                .or_else(|| p.parent_subject(c, d, &targets))
                .or_else(|| p.subject(c, d, &targets))
                .filter(|s| !overlaps(s, &targets))?;
            return Some(Outcome {
                sources,
                targets,
                rule: Rule::Undergoer,
            });
        }
        Frame::Report => {
            let targets = left()?;
            let (sources, _) = p.speaker(c, d)?;
            return Some(Outcome {
                sources,
                targets,
                rule: Rule::Report,
            });
        }
        Frame::Reverse => {
            let preps: Vec<&str> = cue.preps.iter().map(String::as_str).collect();
            let (sources, _) = p.after_prep(end, &preps, &[])?;
            let targets = p
                .nearest_left(c, start, &sources)
                .or_else(|| p.subject(c, d, &sources))?;
            return Some(Outcome {
                sources,
                targets,
                rule: Rule::Reverse,
            });
        }
        _ => {}
    }
    if p.passive(hit) {
        let (sources, _) = p.after_prep(end, &["by"], &[])?;
        let antecedent = p.clauses.list[c]
            .antecedent
            .filter(|_| p.clauses.list[c].passive);
        let targets = match antecedent {
            Some(a) => p.group_ids(a, &sources),
            None => {
                // "talks mediated by Oman": the parties of the talks.
                if let Some(parties) = joint_parties_before(p, d, hit) {
                    parties
                } else {
                    p.nearest_left(c, start, &sources)
                        .or_else(|| p.subject(c, d, &sources))?
                }
            }
        };
        return (!targets.is_empty()).then_some(Outcome {
            sources,
            targets,
            rule: Rule::Passive,
        });
    }
    let mut sources = left()?;
    // "both sides have accused each other": every one of them toward the others.
    let reciprocal = (end..(end + 3).min(p.n())).any(|k| {
        matches!(
            (p.norm(k), p.norm(k + 1)),
            ("each", "other") | ("one", "another")
        )
    });
    if reciprocal && sources.len() >= 2 {
        return Some(Outcome {
            sources: sources.clone(),
            targets: sources,
            rule: Rule::Conjoined,
        });
    }
    let direct = cue.object == ObjectMode::Direct;
    let object = if cue.object == ObjectMode::None {
        None
    } else {
        p.object(end, c, cue, direct, &sources, d)
    };
    // A pronoun object that can only be the subject itself ("vessels fired
    // water cannons at them") is not worth re-reading the subject for.
    let pronoun_object = object
        .as_ref()
        .and_then(|(_, m)| *m)
        .is_some_and(|m| p.mentions[m].form == Form::Pronoun);
    let mut targets = object.map(|(ids, _)| ids).unwrap_or_default();
    // "supporting and hosting the rebel leaders": a verb with no object of
    // its own shares the next coordinated verb's.
    if targets.is_empty()
        && cue.object != ObjectMode::None
        && matches!(p.norm(end), "and" | "or")
        && let Some(next) = p
            .hits
            .iter()
            .find(|h| h.toks.start == end + 1 && p.lex.cues.cues[h.cue].pos == CuePos::Verb)
    {
        let next_cue = &p.lex.cues.cues[next.cue];
        let direct = next_cue.object == ObjectMode::Direct;
        if let Some((ids, _)) = p.object(
            next.toks.end,
            p.clause_of(next.toks.start),
            next_cue,
            direct,
            &sources,
            d,
        ) {
            targets = ids;
        }
    }
    // "... and has gone so far as to label the Kabul regime": the subject
    // the clause inherited is its target, so the actor is further up.
    if !targets.is_empty() && targets.iter().all(|t| sources.contains(t)) {
        if pronoun_object {
            return None;
        }
        sources = p
            .clauses
            .ancestors(c)
            .skip(1)
            .find_map(|a| p.subject(a, d, &targets))?;
    }
    // Co-agents: "HMS Diamond, working with US warships, repelled ...".
    for id in comitative_partners(p, c) {
        if !sources.contains(&id)
            && !targets.contains(&id)
            && p.clauses.kind(c) != ClauseKind::Comitative
        {
            sources.push(id);
        }
    }
    match cue.frame {
        Frame::Joint | Frame::Mutual => {
            if let Some(pair) = p.between(end, c) {
                return Some(Outcome {
                    sources: pair.clone(),
                    targets: pair,
                    rule: Rule::Between,
                });
            }
            if targets.is_empty() && sources.len() >= 2 {
                return Some(Outcome {
                    sources: sources.clone(),
                    targets: sources,
                    rule: Rule::Conjoined,
                });
            }
            if cue.frame == Frame::Mutual && !targets.is_empty() {
                let mut all = sources.clone();
                all.extend(targets.iter().cloned());
                return Some(Outcome {
                    sources: all.clone(),
                    targets: all,
                    rule: Rule::Mutual,
                });
            }
        }
        _ => {}
    }
    if targets.is_empty() {
        let targets = rebuttal_targets(p, hit, &sources, recent, sofar)?;
        return Some(Outcome {
            sources,
            targets,
            rule: Rule::Rebuttal,
        });
    }
    Some(Outcome {
        sources,
        targets,
        rule: Rule::Active,
    })
}

/// "denies", "which Tehran denies": opposing whoever accused the denier.
fn rebuttal_targets(
    p: &Parse,
    hit: &CueHit,
    sources: &[EntityId],
    recent: &[Found],
    sofar: &[Found],
) -> Option<Ids> {
    let word = p.norm(hit.toks.start);
    if !(word.starts_with("den")
        || word.starts_with("reject")
        || word.starts_with("refut")
        || word.starts_with("rebut")
        || word.starts_with("respond"))
    {
        return None;
    }
    // "faces accusations of ..., it denies": the denial answers this
    // sentence's accusation (whose accuser may be unnamed).
    let accused_here = p
        .hits
        .iter()
        .any(|h| h.toks.start < hit.toks.start && p.lex.cues.cues[h.cue].stance == Stance::Accuse);
    let earlier: &[Found] = if accused_here { &[] } else { recent };
    let accusers: Ids = sofar
        .iter()
        .chain(earlier)
        .filter(|f| f.stance == Stance::Accuse && sources.contains(&f.target))
        .map(|f| f.source)
        .fold(Vec::new(), |mut acc, s| {
            if !acc.contains(&s) {
                acc.push(s);
            }
            acc
        });
    (!accusers.is_empty()).then_some(accusers)
}

/// Who the subject's partners are in a comitative clause of `c` or of its
/// ancestors.
fn comitative_partners(p: &Parse, c: usize) -> Ids {
    let chain: Vec<usize> = p.clauses.ancestors(c).collect();
    let mut out = Vec::new();
    for (i, clause) in p.clauses.list.iter().enumerate() {
        if clause.kind == ClauseKind::Comitative
            && clause.parent.is_some_and(|par| chain.contains(&par))
        {
            for m in p.in_clause(i) {
                for id in p.group_ids(m, &[]) {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
    }
    out
}

/// The parties of a joint noun right before a passive participle.
fn joint_parties_before(p: &Parse, d: &Discourse, hit: &CueHit) -> Option<Ids> {
    let start = hit.toks.start;
    let prev = p
        .hits
        .iter()
        .rev()
        .find(|h| h.toks.end <= start && start - h.toks.end <= 1)?;
    let cue = &p.lex.cues.cues[prev.cue];
    if cue.pos != CuePos::Noun || !matches!(cue.frame, Frame::Joint | Frame::Mutual) {
        return None;
    }
    let ids = p.noun_agent(prev, cue, d)?;
    (ids.len() >= 2).then_some(ids)
}

fn attach_noun(p: &Parse, d: &Discourse, hit: &CueHit, cue: &Cue, c: usize) -> Option<Outcome> {
    if cue.frame == Frame::Reverse {
        let preps: Vec<&str> = cue
            .agent_preps
            .iter()
            .chain(&cue.preps)
            .map(String::as_str)
            .collect();
        let (sources, _) = p.after_prep(hit.toks.end, &preps, &[])?;
        let targets = p
            .nearest_left(c, hit.toks.start, &sources)
            .or_else(|| p.subject(c, d, &sources))?;
        return Some(Outcome {
            sources,
            targets,
            rule: Rule::Reverse,
        });
    }
    let symmetric = matches!(cue.frame, Frame::Joint | Frame::Mutual);
    if symmetric && let Some(pair) = p.between(hit.toks.end, c) {
        return Some(Outcome {
            sources: pair.clone(),
            targets: pair,
            rule: Rule::Between,
        });
    }
    let agent = p.noun_agent(hit, cue, d);
    let exclude = agent.clone().unwrap_or_default();
    let target = p.noun_target(hit, cue, &exclude, d);
    match (agent, target) {
        (Some(sources), Some((targets, prep))) => {
            // "Ethiopia's agreement with Somaliland": both are parties.
            if symmetric && matches!(prep.as_str(), "with" | "between") {
                let mut all = sources.clone();
                all.extend(targets);
                return Some(Outcome {
                    sources: all.clone(),
                    targets: all,
                    rule: Rule::Mutual,
                });
            }
            Some(Outcome {
                sources,
                targets,
                rule: Rule::Noun,
            })
        }
        (Some(sources), None) if symmetric && sources.len() >= 2 => Some(Outcome {
            sources: sources.clone(),
            targets: sources,
            rule: Rule::Conjoined,
        }),
        (Some(sources), None) => Some(Outcome {
            sources,
            targets: Vec::new(),
            rule: Rule::Noun,
        }),
        _ => None,
    }
}

/// Remember who attacked, for "these attacks".
fn remember_attacker(d: &mut Discourse, hit: &CueHit, cue: &Cue, o: &Outcome) {
    if cue.stance == Stance::Attack && !o.sources.is_empty() && !hit.negated {
        d.set_attack_agent(&o.sources);
    }
}

/// Remember who proposed or moved last, for "the move" and "the proposal".
pub fn remember_proposers(p: &Parse, d: &mut Discourse) {
    for k in 0..p.n() {
        let norm = p.norm(k);
        let c = p.clause_of(k);
        let agent = if p.lex.grammar.action_nouns.contains(norm) {
            action_owner(p, k)
        } else if p.lex.grammar.sets.has(WordSet::Proposing, norm) && p.mention_starting(k).is_none() {
            p.nearest_left(c, k, &[])
        } else {
            None
        };
        if let Some(ids) = agent {
            d.set_action_agent(&ids);
        }
    }
}

/// The possessor, modifier or by-agent of the action noun at `k`.
fn action_owner(p: &Parse, k: usize) -> Option<Ids> {
    let mut b = k;
    for _ in 0..4 {
        if let Some(m) = p.mention_ending(b) {
            let ids = p.group_ids(m, &[]);
            return (!ids.is_empty()).then_some(ids);
        }
        if b == 0 {
            break;
        }
        let prev = p.norm(b - 1);
        let adjective = p.s.tokens[b - 1].is_word()
            && p.lex.grammar.class(prev).is_none()
            && !p.lex.grammar.is_preposition(prev);
        if prev == "'s" || prev == "'" || adjective {
            b -= 1;
        } else {
            break;
        }
    }
    p.after_prep(k + 1, &["by"], &[]).map(|(ids, _)| ids)
}

/// `Some(None)`: drop the relation (an allegation nobody makes);
/// `Some(Some(x))`: alleged by x; `None`: a plain relation.
fn alleged_by(
    p: &Parse,
    d: &Discourse,
    h: usize,
    hit: &CueHit,
    c: usize,
    sources: &[EntityId],
    outcomes: &[Option<Outcome>],
) -> Option<Option<EntityId>> {
    // "accused the Taliban of enabling the TTP": the accuser alleges it.
    if hit.form == Some(VerbForm::Gerund)
        && hit.toks.start > 0
        && matches!(p.norm(hit.toks.start - 1), "of" | "for")
    {
        for (i, prev) in p.hits[..h].iter().enumerate().rev() {
            let prev_cue = &p.lex.cues.cues[prev.cue];
            if prev_cue.stance != Stance::Accuse {
                continue;
            }
            return match &outcomes[i] {
                Some(o) if !o.sources.is_empty() && overlaps(&o.targets, sources) => {
                    Some(o.sources.first().cloned())
                }
                Some(o) if o.sources.is_empty() => Some(None),
                None => Some(None),
                Some(_) => None,
            };
        }
    }
    // "M23 claims to have captured ...".
    let clause = &p.clauses.list[c];
    if clause.kind == ClauseKind::Infinitive
        && clause.start > 0
        && let Some(&ReportClass::Allege) = p
            .lex
            .grammar
            .reporting
            .longest_ending_at(&p.s.words, clause.start)
            .map(|(_, class)| class)
    {
        return Some(sources.first().cloned());
    }
    if let Some((speaker, report)) = p.speaker(c, d) {
        let first = speaker.first().cloned();
        if report == ReportClass::Allege || hit.alleged || !overlaps(&speaker, sources) {
            return Some(first);
        }
        return None;
    }
    if hit.alleged {
        return Some(sources.first().cloned());
    }
    None
}

/// A speaker who reports another actor's attack accuses that actor; one
/// who draws attention to another's hostile act ("raise awareness of
/// Venezuela's acts of aggression") accuses it too.
#[allow(clippy::too_many_arguments)]
fn derived_accusations(
    p: &Parse,
    d: &Discourse,
    hit: &CueHit,
    cue: &Cue,
    c: usize,
    o: &Outcome,
    cue_text: &str,
    out: &mut Vec<Found>,
) {
    if cue.stance != Stance::Attack && cue.stance != Stance::Accuse {
        return;
    }
    if cue.pos == CuePos::Noun && o.targets.is_empty() {
        let communicated = (p.clauses.list[c].start..hit.toks.start).any(|k| {
            p.clause_of(k) == c
                && p.lex
                    .grammar
                    .communication
                    .longest_at(&p.s.words, k)
                    .is_some()
        });
        // "raise awareness of Venezuela's acts of aggression", or a speaker
        // who reports "Armenian occupation": the act's agent is accused.
        let speakers = if communicated {
            p.subject(c, d, &o.sources)
        } else if matches!(cue.stance, Stance::Attack | Stance::Accuse) {
            p.speaker(c, d)
                .filter(|(_, report)| *report == ReportClass::Say)
                .map(|(ids, _)| ids)
        } else {
            None
        };
        for s in speakers.iter().flatten() {
            for a in &o.sources {
                push(
                    out,
                    d,
                    s,
                    a,
                    &Claim::plain(Stance::Accuse, cue_text, Rule::Derived),
                );
            }
        }
        return;
    }
    if cue.stance != Stance::Attack || o.targets.is_empty() {
        return;
    }
    // Only an attack on the speaker's side is its accusation; a speaker who
    // reports a strike on third parties may just be telling what happened.
    if let Some((speakers, ReportClass::Say)) = p.speaker(c, d) {
        for s in &speakers {
            for a in &o.sources {
                if o.targets.contains(s) {
                    push(
                        out,
                        d,
                        s,
                        a,
                        &Claim::plain(Stance::Accuse, cue_text, Rule::Derived),
                    );
                }
            }
        }
    }
}

/// "label the Kabul regime a “puppet” of New Delhi": the label's "of"
/// actor is accused too.
#[allow(clippy::too_many_arguments)]
fn labels(
    p: &Parse,
    d: &Discourse,
    hit: &CueHit,
    cue: &Cue,
    c: usize,
    o: &Outcome,
    cue_text: &str,
    out: &mut Vec<Found>,
) {
    if cue.stance != Stance::Accuse || o.sources.is_empty() {
        return;
    }
    let end = (hit.toks.end + 12).min(p.n());
    for k in hit.toks.end..end {
        if p.clause_of(k) != c {
            break;
        }
        if let Some(&stance) = p.lex.cues.labels.get(p.norm(k)) {
            let mut j = k + 1;
            while j < end && matches!(p.norm(j), "”" | "\"" | "’" | "'") {
                j += 1;
            }
            if let Some((ids, _)) = p.after_prep(j, &["of"], &o.sources) {
                for s in &o.sources {
                    for t in &ids {
                        push(out, d, s, t, &Claim::plain(stance, cue_text, Rule::Label));
                    }
                }
            }
        }
    }
}

/// "Iranian-backed Houthis": the modifier acts toward the head.
fn compounds(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    for (m, mention) in p.mentions.iter().enumerate() {
        if !mention.hyphenated {
            continue;
        }
        let Some(&stance) = p.lex.cues.compounds.get(p.norm(mention.toks.end + 1)) else {
            continue;
        };
        let from = mention.toks.end + 2;
        let Some(head) = (from..(from + 3).min(p.n())).find_map(|k| p.mention_starting(k)) else {
            continue;
        };
        if matches!(p.mentions[head].referent, Referent::Pronoun(_)) {
            continue;
        }
        let sources = p.ids(m, &[]);
        let targets = p.group_ids(head, &sources);
        let cue_text =
            p.s.surface(mention.toks.start..mention.toks.end + 2)
                .to_string();
        for s in &sources {
            for t in &targets {
                push(
                    out,
                    d,
                    s,
                    t,
                    &Claim::plain(stance, &cue_text, Rule::Compound),
                );
            }
        }
    }
}
