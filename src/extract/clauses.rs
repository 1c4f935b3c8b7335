//! Clause structure, shallowly: which tokens belong to which clause, what
//! kind of clause it is, and where its subject comes from.
//!
//! A hand-written segmenter over closed-class words rather than a
//! statistical parser: news sentences signal their clauses with commas,
//! relative pronouns, subordinators, reporting verbs, "to" and
//! conjunctions, and the relations we draw only need to know which actor
//! is the subject of which cue, not a full tree. It is fast (linear), has no
//! model to ship, and its mistakes can be read and fixed.

use super::Lexicons;
use super::lexicon::grammar::{ReportClass, SubordinateKind, WordClass};
use super::mentions::{Mention, MentionIndex, Sentence};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// "..., which/who ...": about `antecedent`.
    Relative,
    /// "..., blaming Kabul", "..., supported by the UK,": the parent's subject
    /// acts (or, for a passive participle, is acted on).
    Participle,
    /// What a reporting verb reports: the clause has a speaker.
    Complement,
    /// "while ...", "after ...", "because ...".
    Adverbial,
    /// "if ...", "unless ...": hypothetical, nothing in it is drawn.
    Conditional,
    /// "to designate ...": the subject comes from the noun or verb before.
    Infinitive,
    /// "and has blamed ...": the subject is shared with the clause before.
    Coordinate,
    /// "working with US warships": partners of the parent's subject.
    Comitative,
    /// "..., X said.": the speaker's words, not a clause of its own.
    Attribution,
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub kind: ClauseKind,
    pub parent: Option<usize>,
    /// First token of the clause.
    pub start: usize,
    /// The mention a relative or passive participle clause is about.
    pub antecedent: Option<usize>,
    /// For complements: the mention (or mentions) of the speaker, and how
    /// the reporting verb frames the report.
    pub speaker: Option<usize>,
    pub report: Option<ReportClass>,
    /// Infinitives after an action noun ("a proposal by the US to ...") or
    /// an object-control verb ("urged Iran to ..."): whose action it is.
    pub subject_hint: Option<usize>,
    /// The action did not happen (urged, warned against, prevented).
    pub nonfactual: bool,
    /// A passive participle clause ("supported by the UK").
    pub passive: bool,
    /// The relative pronoun is the object: "which Tehran denies".
    pub object_relative: bool,
    /// A relative clause opened after a comma (it ends at a comma).
    pub bounded: bool,
}

pub struct Clauses {
    pub list: Vec<Clause>,
    /// Clause index of every token.
    pub of_token: Vec<usize>,
    /// A sentence-final attribution ("..., X said."): the speaker mention.
    pub attribution: Option<usize>,
}

impl Clauses {
    /// The chain of clauses from `c` up to its top.
    pub fn ancestors(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(c), move |&i| self.list[i].parent)
    }

    pub fn kind(&self, c: usize) -> ClauseKind {
        self.list[c].kind
    }
}

/// Words that end a participle when they follow a comma (", blaming").
fn participle_like(norm: &str) -> bool {
    (norm.ends_with("ing") && norm.len() > 5) || (norm.ends_with("ed") && norm.len() > 4)
}

/// Adverbs that may sit between a conjunction or comma and its verb.
fn adverb_like(norm: &str) -> bool {
    norm.ends_with("ly")
        || matches!(
            norm,
            "also"
                | "even"
                | "then"
                | "now"
                | "still"
                | "further"
                | "later"
                | "again"
                | "previously"
                | "simultaneously"
        )
}

/// A token no clause has claimed yet.
const UNASSIGNED: usize = usize::MAX;

pub fn segment(
    lex: &Lexicons,
    s: &Sentence,
    mentions: &[Mention],
    index: &MentionIndex,
) -> Clauses {
    let n = s.tokens.len();
    let mut seg = Segmenter {
        lex,
        s,
        mentions,
        index,
        list: vec![Clause::new(ClauseKind::Main, None, 0)],
        of_token: vec![UNASSIGNED; n],
        stack: vec![0],
        attribution: None,
    };
    let attribution_start = seg.find_attribution();
    let limit = attribution_start.unwrap_or(n);
    let mut i = 0;
    while i < limit {
        let step = seg.boundary(i, limit);
        let current = *seg.stack.last().unwrap_or(&0);
        // A boundary may have placed its own tokens ("said" stays in the
        // clause of its speaker); the rest go to the clause now open.
        for t in i..(i + step).min(n) {
            if seg.of_token[t] == UNASSIGNED {
                seg.of_token[t] = current;
            }
        }
        i += step.max(1);
    }
    if let Some(a) = attribution_start {
        let c = seg.open(ClauseKind::Attribution, None, a);
        for t in a..n {
            seg.of_token[t] = c;
        }
    }
    Clauses {
        list: seg.list,
        of_token: seg.of_token,
        attribution: seg.attribution,
    }
}

impl Clause {
    fn new(kind: ClauseKind, parent: Option<usize>, start: usize) -> Self {
        Self {
            kind,
            parent,
            start,
            antecedent: None,
            speaker: None,
            report: None,
            subject_hint: None,
            nonfactual: false,
            passive: false,
            object_relative: false,
            bounded: false,
        }
    }
}

struct Segmenter<'a, 'b> {
    lex: &'a Lexicons,
    s: &'a Sentence<'b>,
    mentions: &'a [Mention],
    index: &'a MentionIndex,
    list: Vec<Clause>,
    of_token: Vec<usize>,
    stack: Vec<usize>,
    attribution: Option<usize>,
}

impl Segmenter<'_, '_> {
    fn norm(&self, i: usize) -> &str {
        self.s.norm(i)
    }

    fn current(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn open(&mut self, kind: ClauseKind, parent: Option<usize>, start: usize) -> usize {
        let c = self.list.len();
        self.list.push(Clause::new(kind, parent, start));
        c
    }

    fn push(&mut self, kind: ClauseKind, start: usize) -> usize {
        let parent = Some(self.current());
        let c = self.open(kind, parent, start);
        self.stack.push(c);
        c
    }

    fn mention_starting(&self, i: usize) -> Option<usize> {
        self.index.starting(i)
    }

    fn mention_ending(&self, end: usize) -> Option<usize> {
        self.index.ending(end)
    }

    /// Closes parenthetical clauses (relative, participle, comitative and
    /// sentence-initial adverbials) at a comma, with the infinitives and
    /// coordinations that opened inside them.
    fn close_at_comma(&mut self, next: usize) {
        // ", and extended the hold" continues a relative clause.
        if matches!(self.norm(next), "and" | "or" | "but") && self.verb_follows(next + 1) {
            return;
        }
        let closable = |seg: &Self, c: usize| match seg.list[c].kind {
            ClauseKind::Relative | ClauseKind::Participle | ClauseKind::Comitative => true,
            ClauseKind::Adverbial | ClauseKind::Conditional => {
                seg.list[c].parent.is_some_and(|p| seg.initial_in(c, p))
            }
            _ => false,
        };
        let transparent = |seg: &Self, c: usize| {
            matches!(
                seg.list[c].kind,
                ClauseKind::Infinitive | ClauseKind::Coordinate
            )
        };
        let mut depth = self.stack.len();
        while depth > 1 {
            let c = self.stack[depth - 1];
            if closable(self, c) {
                self.stack.truncate(depth - 1);
                return;
            }
            if !transparent(self, c) {
                break;
            }
            depth -= 1;
        }
        // No parenthetical to close: an infinitive still ends at a comma.
        while self.stack.len() > 1 && self.list[self.current()].kind == ClauseKind::Infinitive {
            self.stack.pop();
        }
    }

    /// Whether clause `c` opened before any token of its parent `p` (other
    /// than conjunctions): a sentence-initial subordinate clause.
    fn initial_in(&self, c: usize, p: usize) -> bool {
        let start = self.list[c].start;
        (self.list[p].start..start).all(|t| {
            self.of_token[t] != p || matches!(self.norm(t), "and" | "but" | "," | "“" | "\"" | "‘")
        })
    }

    /// Whether a verb-like word comes next (after adverbs).
    fn verb_follows(&self, mut i: usize) -> bool {
        while adverb_like(self.norm(i)) {
            i += 1;
        }
        let norm = self.norm(i);
        matches!(self.lex.grammar.class(norm), Some(WordClass::Auxiliary))
            || self.is_cue_verb(i)
            || self
                .lex
                .grammar
                .reporting
                .longest_at(&self.s.words, i)
                .is_some()
            || self
                .lex
                .grammar
                .light_verbs
                .longest_at(&self.s.words, i)
                .is_some()
    }

    fn is_cue_verb(&self, i: usize) -> bool {
        self.lex
            .cues
            .forms
            .longest_at(&self.s.words, i)
            .is_some_and(|(_, forms)| forms.iter().any(|f| f.form.is_some()))
    }

    /// "..., X said." / "..., said X." / "“...,” he added." / "...: Trump".
    fn find_attribution(&mut self) -> Option<usize> {
        let n = self.s.tokens.len();
        let mut end = n;
        while end > 0 && matches!(self.norm(end - 1), "." | "!" | "?" | "”" | "\"" | "’") {
            end -= 1;
        }
        // Headline attribution: "Will strike ... if needed: Trump".
        if let Some(colon) = (0..end).rev().find(|&i| self.norm(i) == ":")
            && let Some(m) = self.mention_starting(colon + 1)
            && self.mentions[m].toks.end == end
            && colon > 0
        {
            self.attribution = Some(m);
            return Some(colon);
        }
        // Find the last comma or closing quote before a short tail.
        let tail_start = (0..end)
            .rev()
            .take(12)
            .find(|&i| matches!(self.norm(i), "," | "”" | "\""))?;
        if tail_start == 0 || tail_start + 1 >= end {
            return None;
        }
        let mut a = tail_start + 1;
        if matches!(self.norm(a), "," | "”" | "\"") {
            a += 1;
        }
        // "according to X".
        if self.norm(a) == "according" && self.norm(a + 1) == "to" {
            let m = self.mention_starting(a + 2)?;
            if self.mentions[m].toks.end != end {
                return None;
            }
            self.attribution = Some(m);
            return Some(tail_start);
        }
        // "X said", "said X", then at most a short adverbial: "on Monday",
        // ", as per the report".
        let (speaker, after) =
            if let Some((len, _)) = self.lex.grammar.reporting.longest_at(&self.s.words, a) {
                let m = self.mention_starting(a + len);
                let after = m.map_or(a + len, |m| self.mentions[m].toks.end);
                (m, after)
            } else {
                let verb = (a..end).find(|&t| {
                    self.lex
                        .grammar
                        .reporting
                        .longest_at(&self.s.words, t)
                        .is_some()
                })?;
                if verb - a > 6
                    || self
                        .mentions
                        .iter()
                        .any(|m| m.toks.start < verb && m.toks.end > verb)
                {
                    return None;
                }
                let m = self
                    .mentions
                    .iter()
                    .position(|m| m.toks.start >= a && m.toks.end <= verb);
                let between_ok = (a..verb).all(|t| {
                    self.index.covering(t).is_some()
                        || matches!(
                            self.lex.grammar.class(self.norm(t)),
                            Some(WordClass::Determiner) | Some(WordClass::Pronoun(_))
                        )
                        || self.s.tokens[t].is_word()
                });
                if !between_ok {
                    return None;
                }
                let (len, _) = self.lex.grammar.reporting.longest_at(&self.s.words, verb)?;
                (m, verb + len)
            };
        if !self.adverbial_tail(after, end) {
            return None;
        }
        self.attribution = speaker;
        Some(tail_start)
    }

    /// Nothing but a short time or source phrase: "on Monday", ", as per
    /// the report", "in a statement".
    fn adverbial_tail(&self, from: usize, end: usize) -> bool {
        if from >= end {
            return true;
        }
        let first = self.norm(from);
        end - from <= 6
            && (first == "," || self.lex.grammar.is_preposition(first) || first == "as")
            && (from..end).all(|t| {
                !self.is_cue_verb(t)
                    && self
                        .lex
                        .grammar
                        .reporting
                        .longest_at(&self.s.words, t)
                        .is_none()
            })
    }

    /// Handle token `i`; returns how many tokens it covers.
    fn boundary(&mut self, i: usize, limit: usize) -> usize {
        // Words inside a name ("Secretary of State") open no clause.
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.toks.contains(&i) && m.toks.len() > 1)
        {
            return m.toks.end - i;
        }
        let norm = self.norm(i).to_string();
        let next = self.norm(i + 1).to_string();
        match norm.as_str() {
            ";" | "—" | "–" | "(" | ")" => {
                if norm == "(" || norm == ")" {
                    return 1;
                }
                self.stack.truncate(1);
                let c = self.open(ClauseKind::Main, None, i + 1);
                self.stack = vec![c];
                return 1;
            }
            ":" => {
                let speaker = self.subject_mention(self.current(), i);
                self.stack.truncate(1);
                let c = self.push(ClauseKind::Complement, i + 1);
                if self.reporting_before(i) {
                    self.list[c].speaker = speaker;
                    self.list[c].report = Some(ReportClass::Say);
                }
                return 1;
            }
            "," => {
                self.close_at_comma(i + 1);
                let j = i + 1;
                if matches!(next.as_str(), "which" | "who" | "whom" | "whose") {
                    self.open_relative(j, self.mention_ending(i));
                    return 2;
                }
                if let Some((len, _)) = self.lex.grammar.comitatives.longest_at(&self.s.words, j) {
                    self.push(ClauseKind::Comitative, j);
                    return 1 + len;
                }
                let mut k = j;
                while adverb_like(self.norm(k)) && k < limit {
                    k += 1;
                }
                let word = self.norm(k).to_string();
                // "Kim Yo Jong, the sister of ..., issued a warning": after an
                // apposition the clause still needs its verb; that is it.
                let clause = self.current();
                let main_verb = word.ends_with("ed")
                    && self.norm(k + 1) != "by"
                    && !self.has_verb(clause, i)
                    && self.subject_mention(clause, i).is_some();
                if participle_like(&word)
                    && self.lex.grammar.class(&word).is_none()
                    && self.mention_starting(k).is_none()
                    && !main_verb
                {
                    let c = self.push(ClauseKind::Participle, j);
                    if word.ends_with("ed") && self.norm(k + 1) == "by" {
                        self.list[c].passive = true;
                        self.list[c].antecedent = self.mention_ending(i);
                    }
                    return 1;
                }
                // ", and Japan." ends a list; ", and the UK struck" or
                // ", and has blamed" goes on with a clause.
                // "The US, Egypt, and Qatar have issued": with no verb yet,
                // the actor after ", and" ends the subject list.
                let list_end = self.mention_starting(j + 1).is_some_and(|m| {
                    let after = self.mentions[m].toks.end;
                    (!self.verb_follows(after) && !self.is_cue_verb(after))
                        || (self.mention_ending(i).is_some() && !self.has_verb(clause, i))
                });
                if matches!(next.as_str(), "and" | "but") && !list_end {
                    self.push(ClauseKind::Coordinate, j);
                    return 2;
                }
                return 1;
            }
            _ => {}
        }
        // A relative clause without commas ends where the clause around it
        // goes on: "attacks which had come in the wake of ... were unacceptable".
        let top = self.current();
        if self.list[top].kind == ClauseKind::Relative
            && !self.list[top].bounded
            && matches!(
                norm.as_str(),
                "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
            )
            && self.has_verb(top, i)
        {
            self.stack.pop();
        }
        // Relative pronouns right after an actor or a noun.
        if matches!(norm.as_str(), "which" | "who" | "whom") && i > 0 {
            self.open_relative(i, self.mention_ending(i));
            return 1;
        }
        // Subordinators.
        if let Some((len, &kind)) = self.lex.grammar.subordinators.longest_at(&self.s.words, i)
            && self.subordinator_here(i, len)
        {
            let k = match kind {
                SubordinateKind::Adverbial => ClauseKind::Adverbial,
                SubordinateKind::Conditional => ClauseKind::Conditional,
            };
            // "if needed", "if continued", "if necessary": an elliptical
            // condition on the clause around it, not a clause of its own.
            let elliptical = k == ClauseKind::Conditional
                && (next.ends_with("ed")
                    || matches!(
                        next.as_str(),
                        "necessary" | "possible" | "so" | "not" | "required"
                    ))
                && !self.verb_follows(i + len + 1);
            if elliptical {
                return len + 1;
            }
            self.push(k, i);
            return len;
        }
        if norm == "by" && participle_like(&next) && next.ends_with("ing") {
            self.push(ClauseKind::Participle, i);
            return 1;
        }
        // "and has blamed ...", "and expressed concerns ..."; but "of
        // supporting and hosting the rebels" is one verb phrase.
        let joined_gerunds = i > 0
            && self.norm(i - 1).ends_with("ing")
            && next.ends_with("ing")
            && self.is_cue_verb(i - 1);
        if matches!(norm.as_str(), "and" | "but") && self.verb_follows(i + 1) && !joined_gerunds {
            self.push(ClauseKind::Coordinate, i);
            return 1;
        }
        // Reporting verbs open a complement ("remarks that" after a dash
        // or a determiner is a noun with a relative clause).
        let noun_position = i == 0
            || matches!(
                self.norm(i - 1),
                "—" | "–" | "(" | "," | ";" | ":" | "“" | "\""
            )
            || matches!(
                self.lex.grammar.class(self.norm(i - 1)),
                Some(WordClass::Determiner) | Some(WordClass::Pronoun(_))
            ) && matches!(
                self.norm(i - 1),
                "the"
                    | "a"
                    | "an"
                    | "these"
                    | "those"
                    | "this"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
            );
        if !noun_position
            && let Some((len, &class)) = self.lex.grammar.reporting.longest_at(&self.s.words, i)
            && let Some(step) = self.open_complement(i, len, class)
        {
            return step;
        }
        // "to" + verb: an infinitive.
        if norm == "to"
            && self.infinitive_at(i + 1)
            && !(i > 0 && self.norm(i - 1) == "according")
            && !self.inside_cue(i)
        {
            self.open_infinitive(i);
            return 1;
        }
        // "warning M23 against starting ..." / "urged Iran to ...".
        if matches!(norm.as_str(), "against" | "from")
            && next.ends_with("ing")
            && self.object_control_before(i)
        {
            let c = self.push(ClauseKind::Infinitive, i);
            self.list[c].nonfactual = true;
            self.list[c].subject_hint = self.mention_ending(i);
            return 1;
        }
        1
    }

    /// Whether clause `c` has a verb among its tokens before `before`.
    fn has_verb(&self, c: usize, before: usize) -> bool {
        // Words inside an actor's name ("United States") and participles
        // after a determiner ("the unrecognised republic") are not verbs.
        (self.list[c].start..before).any(|t| {
            self.of_token[t] == c
                && self.index.covering(t).is_none()
                && !(t > 0
                    && self.lex.grammar.class(self.norm(t - 1)) == Some(WordClass::Determiner))
                && (matches!(
                    self.lex.grammar.class(self.norm(t)),
                    Some(WordClass::Auxiliary)
                ) || self.is_cue_verb(t)
                    || self.norm(t).ends_with("ed"))
        })
    }

    fn open_relative(&mut self, at: usize, antecedent: Option<usize>) {
        let bounded = at > 0 && self.norm(at - 1) == ",";
        let c = self.push(ClauseKind::Relative, at);
        self.list[c].antecedent = antecedent;
        self.list[c].bounded = bounded;
        // "which Tehran denies": the relative pronoun is the object.
        if let Some(m) = self.mention_starting(at + 1) {
            let after = self.mentions[m].toks.end;
            if self.verb_follows(after) || self.is_cue_verb(after) {
                self.list[c].object_relative = true;
            }
        }
    }

    fn subordinator_here(&self, i: usize, len: usize) -> bool {
        let word = self.norm(i);
        let prev = if i > 0 { self.norm(i - 1) } else { "," };
        let next = self.norm(i + len);
        let at_start = i == 0 || matches!(prev, "," | "and" | "but" | "“" | "\"" | "—");
        match word {
            // Prepositions as well: only before a clause-like start.
            "after" | "before" | "since" | "until" | "as" | "once" => {
                let clause_like = matches!(
                    self.lex.grammar.class(next),
                    Some(WordClass::Determiner) | Some(WordClass::Pronoun(_))
                ) || self.mention_starting(i + len).is_some();
                (at_start || word != "as")
                    && clause_like
                    && !matches!(next, "a" | "an" | "per" | "well")
            }
            "so" => prev == ",",
            "should" | "whether" => at_start,
            _ => true,
        }
    }

    fn reporting_before(&self, i: usize) -> bool {
        i > 0
            && (1..=2).any(|back| {
                i >= back
                    && self
                        .lex
                        .grammar
                        .reporting
                        .longest_ending_at(&self.s.words, i + 1 - back)
                        .is_some()
            })
    }

    fn open_complement(&mut self, i: usize, len: usize, class: ReportClass) -> Option<usize> {
        let after = i + len;
        // "said on Saturday that", "told MPs on the Foreign Affairs
        // Committee on Tuesday that": "that" after an object or adverbial.
        let that = (after..(after + 12).min(self.s.tokens.len()))
            .take_while(|&t| !matches!(self.norm(t), "," | ";" | ":") && !self.is_cue_verb(t))
            .find(|&t| self.norm(t) == "that");
        let start = match that {
            Some(t) => t + 1,
            None => {
                // "said Tehran wouldn't ...": a subject right after the verb.
                // A verb that is also a cue ("warned M23") takes an object.
                let subject_like = self.mention_starting(after).is_some()
                    || matches!(
                        self.lex.grammar.class(self.norm(after)),
                        Some(WordClass::Determiner)
                    );
                let takes_object = self.is_cue_verb(i) && class != ReportClass::Allege;
                if !subject_like || takes_object {
                    return None;
                }
                after
            }
        };
        let speaker = self.subject_mention(self.current(), i);
        for t in i..start {
            self.of_token[t] = self.current();
        }
        let c = self.push(ClauseKind::Complement, start);
        self.list[c].speaker = speaker;
        self.list[c].report = Some(class);
        Some(start - i)
    }

    /// The first actor of clause `c` before token `before`, not inside a
    /// prepositional phrase: the clause's subject, as far as it is known.
    fn subject_mention(&self, c: usize, before: usize) -> Option<usize> {
        let start = self.list[c].start;
        self.mentions.iter().position(|m| {
            m.toks.start >= start
                && m.toks.end <= before
                && self.of_token.get(m.toks.start) == Some(&c)
                && !self.after_preposition(m.toks.start)
        })
    }

    fn after_preposition(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            let norm = self.norm(k);
            if matches!(self.lex.grammar.class(norm), Some(WordClass::Determiner)) {
                continue;
            }
            // "between Guyana and Venezuela": a conjunct is inside the
            // phrase its first member is inside.
            if matches!(norm, "and" | "or")
                && let Some(m) = self.mention_ending(k)
            {
                return self.after_preposition(self.mentions[m].toks.start);
            }
            return self.lex.grammar.is_preposition(norm)
                && !matches!(norm, "after" | "before" | "since" | "as");
        }
        false
    }

    fn infinitive_at(&self, i: usize) -> bool {
        let norm = self.norm(i);
        self.s.tokens.get(i).is_some_and(|t| t.is_word())
            && !self.s.capitalised(i)
            && self.mention_starting(i).is_none()
            && !matches!(
                self.lex.grammar.class(norm),
                Some(WordClass::Determiner) | Some(WordClass::Pronoun(_))
            )
            && !norm.chars().all(|c| c.is_ascii_digit())
    }

    /// Whether token `i` is inside a multi-word cue ("stand shoulder to
    /// shoulder with"), so it opens no clause.
    fn inside_cue(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|k| {
            self.lex
                .cues
                .forms
                .longest_at(&self.s.words, k)
                .is_some_and(|(len, _)| k + len > i)
        })
    }

    fn object_control_before(&self, i: usize) -> bool {
        let Some(m) = self.mention_ending(i) else {
            return false;
        };
        // "urging Israel and Hamas to": the verb is before the whole list.
        let mut start = self.mentions[m].toks.start;
        while start > 1
            && matches!(self.norm(start - 1), "and" | "," | "or")
            && let Some(prev) = self.mention_ending(start - 1)
        {
            start = self.mentions[prev].toks.start;
        }
        self.lex
            .grammar
            .object_control
            .longest_ending_at(&self.s.words, start)
            .is_some()
    }

    fn open_infinitive(&mut self, i: usize) {
        let c = self.push(ClauseKind::Infinitive, i);
        // "urged Iran to ...": the object acts, and the act is not a fact.
        if self.object_control_before(i) {
            self.list[c].nonfactual = true;
            self.list[c].subject_hint = self.mention_ending(i);
            return;
        }
        // "a proposal by the United States (US) to designate", "France's
        // decision to supply", "US move to designate", "efforts to curb".
        let from = i.saturating_sub(10);
        for k in (from..i).rev() {
            let norm = self.norm(k);
            if matches!(norm, "," | ";" | "that") {
                break;
            }
            if self.lex.grammar.action_nouns.contains(norm) {
                self.list[c].subject_hint = self.action_agent(k);
                break;
            }
        }
    }

    /// The actor who owns the action noun at `k`: possessor or modifier
    /// before it ("France's decision", "US move"), or "by X" after it.
    fn action_agent(&self, k: usize) -> Option<usize> {
        let mut b = k;
        for _ in 0..4 {
            if let Some(m) = self.mention_ending(b) {
                return Some(m);
            }
            if b == 0 {
                break;
            }
            let prev = self.norm(b - 1);
            let adjective =
                self.s.tokens[b - 1].is_word() && self.lex.grammar.class(prev).is_none();
            if prev == "'s" || prev == "'" || adjective {
                b -= 1;
            } else {
                break;
            }
        }
        // "a proposal by the US", "the decision of the US authorities".
        if matches!(self.norm(k + 1), "by" | "of") {
            return self
                .mention_starting(k + 2)
                .or_else(|| self.mention_starting(k + 3));
        }
        None
    }
}
