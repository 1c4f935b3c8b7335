//! Arguments: where a cue's source and target are in a parsed sentence:
//! clause subjects, objects, prepositional agents and targets, the speaker of
//! reported speech, and the noun-phrase and passive tests they rest on.

use super::*;

impl Parse<'_, '_> {
    pub(super) fn n(&self) -> usize {
        self.s.tokens.len()
    }

    pub(super) fn norm(&self, i: usize) -> &str {
        self.s.norm(i)
    }

    pub(super) fn clause_of(&self, t: usize) -> usize {
        self.clauses.of_token.get(t).copied().unwrap_or(0)
    }

    pub(super) fn mention_starting(&self, t: usize) -> Option<usize> {
        self.index.starting(t)
    }

    pub(super) fn mention_ending(&self, end: usize) -> Option<usize> {
        self.index.ending(end)
    }

    /// The ids of mention `m`: its best candidate that is not in `exclude`
    /// (so "its" after "the US would strike" is not the US), or its best
    /// candidate when all are excluded (a name is what it names).
    pub(super) fn ids(&self, m: usize, exclude: &[EntityId]) -> Ids {
        // "Afghan refugees" are people of a state, not the state: no actor
        // to relate ("the expulsion of Afghan refugees").
        if self.mentions[m].form == Form::People {
            return Vec::new();
        }
        self.cands[m]
            .iter()
            .find(|c| c.iter().all(|id| !exclude.contains(id)))
            .or_else(|| self.cands[m].first())
            .cloned()
            .unwrap_or_default()
    }

    /// The ids of the group mention `m` belongs to.
    pub(super) fn group_ids(&self, m: usize, exclude: &[EntityId]) -> Ids {
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

    pub(super) fn preceded_by_preposition(&self, t: usize) -> bool {
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

    pub(super) fn partitive_before(&self, t: usize) -> bool {
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
    pub(super) fn capable(&self, m: usize) -> bool {
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
    pub(super) fn compound_modifier(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        mention.hyphenated && self.mention_starting(mention.toks.end + 1).is_none()
    }

    /// Mentions of clause `c` (by their first token), in order.
    pub(super) fn in_clause(&self, c: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.mentions.len()).filter(move |&m| self.clause_of(self.mentions[m].toks.start) == c)
    }

    /// The nearest actor left of token `before` in clause `c` that can be a
    /// subject or agent.
    pub(super) fn nearest_left(
        &self,
        c: usize,
        before: usize,
        exclude: &[EntityId],
    ) -> Option<Ids> {
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
    pub(super) fn subject(&self, c: usize, d: &Discourse, exclude: &[EntityId]) -> Option<Ids> {
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

    pub(super) fn parent_subject(
        &self,
        c: usize,
        d: &Discourse,
        exclude: &[EntityId],
    ) -> Option<Ids> {
        let parent = self.clauses.list[c].parent?;
        self.subject(parent, d, exclude)
    }

    /// A noun that stands for an actor: "his comments" (handled as a
    /// mention), "these assertions" (the last speaker), "the move" (the last
    /// proposer), "these attacks" (the last attacker).
    pub(super) fn proxy_after(
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
    pub(super) fn speaker(&self, c: usize, d: &Discourse) -> Option<(Ids, ReportClass)> {
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

    pub(super) fn is_media(&self, ids: &[EntityId], d: &Discourse) -> bool {
        ids.iter().all(|&id| d.info(id).kind == EntityKind::Media)
    }

    /// Whether the clause chain of `c` makes its content hypothetical.
    pub(super) fn hypothetical(&self, c: usize) -> bool {
        self.clauses.ancestors(c).any(|a| {
            self.clauses.list[a].kind == ClauseKind::Conditional || self.clauses.list[a].nonfactual
        })
    }

    /// Whether token `k` makes "on Sunday", "in January", "last week" a time
    /// phrase rather than an argument: a time word or a number.
    pub(super) fn is_time_word(&self, k: usize) -> bool {
        let w = self.norm(k);
        self.lex.grammar.sets.has(WordSet::TimeWords, w) || w.chars().all(|c| c.is_ascii_digit())
    }

    pub(super) fn passive(&self, hit: &CueHit) -> bool {
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
    pub(super) fn after_prep(
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
    pub(super) fn object(
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
    pub(super) fn embedded_subject(&self, end: usize) -> bool {
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
    pub(super) fn noun_agent(&self, hit: &CueHit, cue: &Cue, d: &Discourse) -> Option<Ids> {
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
    pub(super) fn light_verb_ending(&self, b: usize) -> Option<usize> {
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
    pub(super) fn agent_after(
        &self,
        from: usize,
        preps: &[&str],
        c: usize,
    ) -> Option<(Ids, usize)> {
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
    pub(super) fn noun_target(
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
            if cue.agent_preps.contains(&norm)
                || self.lex.grammar.sets.has(WordSet::NounPhraseChain, &norm)
            {
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
    /// Where "between" sits in the first words of clause `c`, if it does.
    pub(super) fn index_of_between(&self, c: usize) -> Option<usize> {
        let from = self.clauses.list[c].start;
        (from..(from + 4).min(self.n())).find(|&k| self.norm(k) == "between")
    }

    pub(super) fn between(&self, from: usize, c: usize) -> Option<Ids> {
        let k = (from..(from + 4).min(self.n())).find(|&k| self.norm(k) == "between")?;
        if self.clause_of(k) != c {
            return None;
        }
        let m = (k + 1..(k + 4).min(self.n())).find_map(|j| self.mention_starting(j))?;
        let ids = self.group_ids(m, &[]);
        (ids.len() >= 2).then_some(ids)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn a_time_phrase_is_not_an_argument() {
        let r = read_for_test("Chile attacked Peru on Sunday.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(has(&r, "Chile", "Peru", Stance::Attack), "{r:?}");
    }

    #[test]
    fn reported_speech_gives_the_inner_relation() {
        let r = read_for_test("Bolivia said Chile attacked Peru.");
        assert!(has(&r, "Chile", "Peru", Stance::Attack), "{r:?}");
        assert!(r.iter().all(|x| x.3.is_none()), "said states a fact: {r:?}");
        let r = read_for_test("Bolivia alleged that Chile attacked Peru.");
        assert!(
            r.iter()
                .any(|x| x.0 == "Chile" && x.3.as_deref() == Some("Bolivia")),
            "{r:?}"
        );
    }
}
