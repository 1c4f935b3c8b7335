//! Mentions: the token spans of a sentence that name or refer to an actor.
//!
//! Lexicon forms are the seeds; composition rules then grow them into the
//! phrases news writes: "US Secretary of State Marco Rubio", "Azerbaijan's
//! president", "the presidents of DR Congo and Rwanda", "Russian forces",
//! "HMS Diamond", "Jaish chief Masood Azhar". Pronouns and definite
//! descriptions ("the group") become mentions to be resolved by `discourse`.

use super::Lexicons;
use super::lexicon::actors::{AliasKind, Description, InstitutionClass, TitleClass};
use super::lexicon::grammar::{PronounKind, WordClass};
use super::lexicon::phrases::Vocab;
use super::lexicon::word_sets::WordSet;
use crate::model::EntityKind;
use crate::text::tokens::{Token, TokenKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A person named in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRef {
    pub name: String,
    /// Named in the lexicon (drawn even without relations).
    pub known: bool,
    /// The actor the person speaks for or belongs to.
    pub affiliation: Option<usize>,
}

/// What a mention points at, before coreference.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    /// A lexicon actor (index into the actor lexicon).
    Actor(usize),
    /// A person kept as an entity of their own.
    Person(PersonRef),
    Pronoun(PronounKind),
    Description(Description),
    /// "the military rulers": a state institution known by its head noun.
    Head(String),
    /// "the company", "the regulator": the last organisation of a class
    /// (org_heads.tsv), whatever its name.
    Class(String),
    /// A named organisation the lexicon does not know.
    Unknown {
        name: String,
        kind: EntityKind,
    },
}

/// How the phrase names the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Name,
    /// "Russian" before a noun that is not an institution.
    Demonym,
    /// "Russian forces", "US officials", "DR Congo's military".
    Institution,
    /// "Afghan refugees": the people, not the state.
    People,
    /// A leader, official or spokesperson.
    Person,
    Pronoun,
    Description,
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub toks: Range<usize>,
    pub referent: Referent,
    pub form: Form,
    /// Followed by 's (or a bare apostrophe).
    pub possessive: bool,
    /// Joined by a hyphen to the next word ("Iranian-backed", "EU-mediated").
    pub hyphenated: bool,
    pub title: Option<TitleClass>,
}

impl Mention {
    /// Whether the phrase denotes a person (for he/she and role lookups).
    pub fn is_person(&self) -> bool {
        self.form == Form::Person || matches!(self.referent, Referent::Person(_))
    }
}

/// Known people of one article: surname or full name -> who.
#[derive(Debug, Default, Clone)]
pub struct PeopleIndex {
    by_name: FxHashMap<String, (Referent, Option<TitleClass>)>,
    /// Capitalised runs no mention covers, by surface: how often, how
    /// often inside a sentence, and how often after a place preposition.
    runs: FxHashMap<String, RunCount>,
}

#[derive(Debug, Default, Clone, Copy)]
struct RunCount {
    total: usize,
    inside: usize,
    after_place: usize,
}

impl PeopleIndex {
    /// Remember a person by full name and surname. Only what identifies
    /// someone is kept: a full name, or an affiliation; the informative
    /// entry wins over an earlier bare one ("President Ali" in a headline,
    /// "President Irfaan Ali" in the body).
    fn remember(&mut self, name: &str, referent: &Referent, title: Option<TitleClass>) {
        let words: Vec<&str> = name.split_whitespace().collect();
        let affiliated = !matches!(
            referent,
            Referent::Person(PersonRef {
                affiliation: None,
                ..
            })
        );
        if words.len() < 2 && !affiliated {
            return;
        }
        // Full name, surname, and the last two words ("Lopez Obrador").
        let last_two = (words.len() > 2)
            .then(|| name[name.len() - words[words.len() - 2..].join(" ").len()..].to_string());
        let keys = std::iter::once(name.to_string())
            .chain(
                words
                    .last()
                    .map(|w| w.to_string())
                    .filter(|_| words.len() > 1),
            )
            .chain(last_two);
        for key in keys {
            let entry = (referent.clone(), title);
            match self.by_name.get(&key) {
                Some((
                    Referent::Person(PersonRef {
                        affiliation: None, ..
                    }),
                    _,
                )) if affiliated => {
                    self.by_name.insert(key, entry);
                }
                Some(_) => {}
                None => {
                    self.by_name.insert(key, entry);
                }
            }
        }
    }

    fn get(&self, name: &str) -> Option<&(Referent, Option<TitleClass>)> {
        self.by_name.get(name)
    }

    /// Count the capitalised runs of a sentence that no mention covers
    /// ("Ryanair", "Trinamool", "Walter Hewlett").
    fn count_runs(&mut self, lex: &Lexicons, s: &Sentence, found: &[Mention]) {
        if s.title_case() {
            return;
        }
        let n = s.tokens.len();
        let covered = |i: usize| found.iter().any(|m| m.toks.contains(&i));
        let mut i = 0;
        while i < n {
            if covered(i) || !s.capitalised(i) {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < n && end < i + 3 && !covered(end) && s.capitalised(end) {
                end += 1;
            }
            let words: Vec<&str> = (i..end).map(|k| s.norm(k)).collect();
            let plain = words.iter().all(|w| {
                lex.grammar.class(w).is_none()
                    && !lex.actors.not_names.contains(*w)
                    && w.chars().any(char::is_alphabetic)
            }) && !(i..end).any(|k| is_title_word(lex, s, k));
            let followed = end < n && s.capitalised(end);
            let sets = &lex.grammar.sets;
            if plain && !followed {
                let c = self.runs.entry(s.surface(i..end).to_string()).or_default();
                c.total += 1;
                c.inside += usize::from(i > 0);
                c.after_place +=
                    usize::from(i > 0 && sets.has(WordSet::PlacePrepositions, s.norm(i - 1)));
            }
            i = end.max(i + 1);
        }
    }

    /// Names the article repeats, at least once inside a sentence, and
    /// mostly not as a place ("in Masury"), become actors of their own.
    pub fn promote_repeated_names(&mut self) {
        for (name, c) in &self.runs {
            if c.total >= 2 && c.inside >= 1 && c.after_place * 2 < c.total {
                self.by_name.entry(name.clone()).or_insert((
                    Referent::Unknown {
                        name: name.clone(),
                        kind: EntityKind::Other,
                    },
                    None,
                ));
            }
        }
    }

    /// "FCA" after "the Federal Competition Authority (FCA)", or another
    /// short form of a name. A name already known keeps its reading.
    fn remember_first(&mut self, acronym: &str, referent: &Referent) {
        self.by_name
            .entry(acronym.to_string())
            .or_insert((referent.clone(), None));
    }

    /// An organisation by the ends of its name that start with a capital
    /// and keep at least two words ("Supreme Court" and "Court of Appeal"
    /// for "the 3rd District Court of Appeal"): the first organisation so
    /// named keeps them.
    fn remember_organisation(&mut self, name: &str, referent: &Referent) {
        let words: Vec<(usize, &str)> = name
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
            .collect();
        for (k, &(at, word)) in words.iter().enumerate().skip(1) {
            if words.len() - k >= 2 && word.starts_with(char::is_uppercase) {
                self.remember_first(&name[at..], referent);
            }
        }
    }

    /// Whether a sentence has a word the index knows outside the mentions
    /// found without it, so that reading it again can change its mentions.
    pub fn mentioned_in(&self, s: &Sentence, found: &[Mention]) -> bool {
        let shortened = |m: &Mention| match &m.referent {
            Referent::Unknown { name, .. } => matches!(
                self.by_name.get(name),
                Some((Referent::Unknown { name: full, .. }, _)) if full != name
            ),
            _ => false,
        };
        found.iter().any(shortened)
            || !self.by_name.is_empty()
                && (0..s.tokens.len()).any(|i| {
                    s.capitalised(i)
                        && !found.iter().any(|m| m.toks.contains(&i))
                        && (self.by_name.contains_key(s.raw(i))
                            || self
                                .by_name
                                .contains_key(s.surface(i..capitalised_run_end(s, i))))
                })
    }
}

/// Which mention starts, ends or covers each token of a sentence: the
/// parser asks this for nearly every token, so it is a table, not a scan.
pub struct MentionIndex {
    start: Vec<Option<usize>>,
    end: Vec<Option<usize>>,
    cover: Vec<Option<usize>>,
}

impl MentionIndex {
    pub fn new(tokens: usize, mentions: &[Mention]) -> Self {
        let mut index = Self {
            start: vec![None; tokens + 1],
            end: vec![None; tokens + 1],
            cover: vec![None; tokens + 1],
        };
        for (i, m) in mentions.iter().enumerate() {
            index.start[m.toks.start] = Some(i);
            index.end[m.toks.end] = Some(i);
            for c in &mut index.cover[m.toks.clone()] {
                *c = Some(i);
            }
        }
        index
    }

    /// The mention whose first token is `t`.
    pub fn starting(&self, t: usize) -> Option<usize> {
        self.start.get(t).copied().flatten()
    }

    /// The mention that ends just before token `end`.
    pub fn ending(&self, end: usize) -> Option<usize> {
        self.end.get(end).copied().flatten()
    }

    /// The mention that contains token `t`.
    pub fn covering(&self, t: usize) -> Option<usize> {
        self.cover.get(t).copied().flatten()
    }
}

/// One sentence's tokens with the text they were cut from.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// The vocabulary id of every token, for phrase-table lookups.
    pub words: Vec<u32>,
    title_case: bool,
}

impl<'a> Sentence<'a> {
    /// The sentence whose tokens are `tokens` (offsets into `text`).
    pub fn new(text: &'a str, tokens: Vec<Token>, vocab: &Vocab) -> Self {
        let words = vocab.ids_of(&tokens);
        let mut s = Self {
            text,
            tokens,
            words,
            title_case: false,
        };
        s.title_case = s.compute_title_case();
        s
    }

    /// Most words capitalised: a headline in title case, where
    /// capitalisation says nothing about names.
    pub fn title_case(&self) -> bool {
        self.title_case
    }

    /// A headline in title case ("Court Intervenes to Stop Teachers
    /// Strike"): most longer words capitalised and no closing full stop
    /// (a body sentence full of names still ends with one).
    fn compute_title_case(&self) -> bool {
        if self.tokens.last().is_some_and(|t| t.norm == ".") {
            return false;
        }
        let words: Vec<usize> = (0..self.tokens.len())
            .filter(|&i| self.tokens[i].kind == TokenKind::Word && self.tokens[i].norm.len() > 3)
            .collect();
        words.len() >= 3
            && words.iter().filter(|&&i| self.capitalised(i)).count() * 20 >= words.len() * 17
    }

    pub fn surface(&self, range: Range<usize>) -> &str {
        if range.is_empty() {
            return "";
        }
        let start = self.tokens[range.start].start;
        let end = self.tokens[range.end - 1].end;
        &self.text[start..end]
    }

    fn raw(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Whether token `i` is a word starting with an upper-case letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }
}

/// Find the mentions of one sentence. `people` holds the people the article
/// introduces anywhere (so a headline can say "President Ali" before the body
/// says "President Irfaan Ali").
pub fn find(lex: &Lexicons, s: &Sentence, people: &PeopleIndex) -> Vec<Mention> {
    let mut finder = Finder {
        lex,
        s,
        people,
        mentions: Vec::new(),
        covered: vec![false; s.tokens.len()],
    };
    finder.lexicon_forms();
    finder.ships();
    finder.titles();
    finder.descriptions();
    finder.institutions();
    finder.definite_institutions();
    finder.pronouns();
    finder.unknown_organisations();
    finder.place_organisations();
    finder.remembered_names();
    finder.class_descriptions();
    finder.mentions.sort_by_key(|m| m.toks.start);
    finder.flags();
    finder.mentions
}

/// Record the people a sentence introduces with a full name, for surname
/// lookups; returns the sentence's mentions as read without that index.
pub fn people_of(lex: &Lexicons, s: &Sentence, people: &mut PeopleIndex) -> Vec<Mention> {
    let mentions = find(lex, s, &PeopleIndex::default());
    people.count_runs(lex, s, &mentions);
    for m in &mentions {
        if let Some(acronym) = defined_acronym(s, m) {
            people.remember_first(acronym, &m.referent);
        }
        if let Referent::Unknown { name, kind } = &m.referent
            && *kind != EntityKind::Other
        {
            people.remember_organisation(name, &m.referent);
        }
        if !m.is_person() {
            continue;
        }
        if let Some(name) = person_name(lex, s, m) {
            people.remember(&name, &m.referent, m.title);
        }
    }
    mentions
}

/// "3rd", "21st", "2nd": an ordinal in digits.
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(char::is_alphabetic);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// Where the run of capitalised words starting at `i` ends (at most 3).
fn capitalised_run_end(s: &Sentence, i: usize) -> usize {
    let mut end = i;
    while end < s.tokens.len() && end < i + 3 && s.capitalised(end) {
        end += 1;
    }
    end
}

/// "the Federal Competition Authority (FCA)": the acronym an organisation's
/// name is given in parentheses right after it.
fn defined_acronym<'a>(s: &'a Sentence<'a>, m: &Mention) -> Option<&'a str> {
    let organisation = match &m.referent {
        Referent::Unknown { .. } => true,
        Referent::Actor(_) => m.form == Form::Name,
        _ => false,
    };
    let e = m.toks.end;
    if !organisation || e + 2 >= s.tokens.len() || s.norm(e) != "(" || s.norm(e + 2) != ")" {
        return None;
    }
    let acronym = s.raw(e + 1);
    let letters = acronym.chars().filter(char::is_ascii_alphabetic).count();
    (letters >= 2
        && acronym
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&'))
    .then_some(acronym)
}

/// The capitalised name at the end of a person mention ("Marco Rubio" in
/// "US Secretary of State Marco Rubio").
fn person_name(lex: &Lexicons, s: &Sentence, m: &Mention) -> Option<String> {
    if let Referent::Person(p) = &m.referent
        && !p.name.is_empty()
    {
        return Some(p.name.clone());
    }
    let mut start = m.toks.end;
    while start > m.toks.start && s.capitalised(start - 1) && !is_title_word(lex, s, start - 1) {
        start -= 1;
    }
    (m.toks.end - start >= 2).then(|| s.surface(start..m.toks.end).to_string())
}

fn is_title_word(lex: &Lexicons, s: &Sentence, i: usize) -> bool {
    lex.actors.titles.longest_at(&s.words, i).is_some()
        || lex
            .actors
            .titles
            .longest_ending_at(&s.words, i + 1)
            .is_some()
}

struct Finder<'a, 'b> {
    lex: &'a Lexicons,
    s: &'a Sentence<'b>,
    people: &'a PeopleIndex,
    mentions: Vec<Mention>,
    covered: Vec<bool>,
}

impl Finder<'_, '_> {
    fn tok_at_start(&self, byte: usize) -> Option<usize> {
        self.s.tokens.iter().position(|t| t.start == byte)
    }

    fn tok_at_end(&self, byte: usize) -> Option<usize> {
        self.s.tokens.iter().position(|t| t.end == byte)
    }

    fn push(
        &mut self,
        toks: Range<usize>,
        referent: Referent,
        form: Form,
        title: Option<TitleClass>,
    ) {
        for c in &mut self.covered[toks.clone()] {
            *c = true;
        }
        self.mentions.push(Mention {
            toks,
            referent,
            form,
            possessive: false,
            hyphenated: false,
            title,
        });
    }

    fn mention_at(&self, tok: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.toks.contains(&tok))
    }

    fn mention_ending_at(&self, end: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.toks.end == end)
    }

    /// Lexicon names, demonyms, capitals, organs and known people.
    fn lexicon_forms(&mut self) {
        let Some(first) = self.s.tokens.first() else {
            return;
        };
        let base = first.start;
        let end = self.s.tokens.last().map_or(base, |t| t.end);
        let text = &self.s.text[base..end];
        let word_starts: Vec<usize> = self
            .s
            .tokens
            .iter()
            .filter(|t| {
                t.kind != TokenKind::Punct
                    && self
                        .lex
                        .actors
                        .may_start(&self.s.text[t.start..t.end], &t.norm)
            })
            .map(|t| t.start - base)
            .collect();
        let matches = self.lex.actors.find(text, &word_starts);
        let starts: Vec<usize> = matches.iter().map(|m| base + m.start).collect();
        for m in matches {
            let (Some(a), Some(b)) = (
                self.tok_at_start(base + m.start),
                self.tok_at_end(base + m.end),
            ) else {
                continue;
            };
            let referent;
            let form;
            let mut title = None;
            if m.target.kind == AliasKind::Place {
                continue;
            }
            match m.target.kind {
                AliasKind::Person(p) => {
                    let person = &self.lex.actors.persons[p];
                    title = person.title;
                    form = Form::Person;
                    referent = person_referent(self.lex, person.name.clone(), m.target.actor, true);
                }
                AliasKind::Demonym => {
                    let Some(actor) = m.target.actor else {
                        continue;
                    };
                    referent = Referent::Actor(actor);
                    form = Form::Demonym;
                }
                kind => {
                    let Some(actor) = m.target.actor else {
                        continue;
                    };
                    // "Washington Accords", "Moscow State University": a
                    // place name inside a longer proper name.
                    if matches!(kind, AliasKind::Capital | AliasKind::Name)
                        && !self.s.title_case()
                        && self.inside_proper_name(b + 1, &starts)
                    {
                        continue;
                    }
                    referent = Referent::Actor(actor);
                    form = Form::Name;
                }
            }
            self.push(a..b + 1, referent, form, title);
        }
    }

    /// Whether the capitalised word at `next` continues a proper name that
    /// the lexicon does not know (and is not a title or institution).
    fn inside_proper_name(&self, next: usize, starts: &[usize]) -> bool {
        self.s.capitalised(next)
            && self.lex.grammar.class(self.s.norm(next)).is_none()
            && self
                .lex
                .actors
                .titles
                .longest_at(&self.s.words, next)
                .is_none()
            && self
                .lex
                .actors
                .institutions
                .longest_at(&self.s.words, next)
                .is_none()
            && !starts.contains(&self.s.tokens[next].start)
    }

    /// A verb between a name and a noun ("Britain announced sanctions")
    /// ends the name's phrase.
    fn verb_like(&self, at: usize) -> bool {
        self.lex
            .grammar
            .light_verbs
            .longest_at(&self.s.words, at)
            .is_some()
            || self
                .lex
                .grammar
                .reporting
                .longest_at(&self.s.words, at)
                .is_some()
            || self
                .lex
                .cues
                .forms
                .longest_at(&self.s.words, at)
                .is_some_and(|(_, forms)| forms.iter().any(|f| f.form.is_some()))
    }

    /// "HMS Diamond": the prefix's state, and the ship's name refers back to it.
    fn ships(&mut self) {
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            let prefix = self.s.raw(i);
            if let Some(&actor) = self.lex.actors.ship_prefixes.get(prefix)
                && !self.covered[i]
                && self.s.capitalised(i + 1)
                && !self.covered[i + 1]
            {
                let mut end = i + 2;
                while end < n && self.s.capitalised(end) && !self.covered[end] && end - i < 4 {
                    end += 1;
                }
                let start = if i > 0 && self.s.norm(i - 1) == "the" {
                    i - 1
                } else {
                    i
                };
                self.push(start..end, Referent::Actor(actor), Form::Name, None);
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// Titles with their names and affiliations.
    fn titles(&mut self) {
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            if self.covered[i] {
                i += 1;
                continue;
            }
            let honorific = self
                .lex
                .grammar
                .sets
                .has(WordSet::Honorifics, self.s.norm(i))
                && self.s.capitalised(i);
            let title = if honorific {
                Some((1, None))
            } else {
                self.lex
                    .actors
                    .titles
                    .longest_at(&self.s.words, i)
                    .map(|(len, &c)| (len, Some(c)))
            };
            let Some((len, class)) = title else {
                i += 1;
                continue;
            };
            if let Some(next) = self.compose_title(i, len, class, honorific) {
                i = next;
            } else {
                i += len;
            }
        }
    }

    /// Build the mention around a title at `i..i+len`; returns the token after
    /// it, or `None` when the title is not part of a mention.
    fn compose_title(
        &mut self,
        i: usize,
        len: usize,
        class: Option<TitleClass>,
        honorific: bool,
    ) -> Option<usize> {
        let n = self.s.tokens.len();
        let after = i + len;
        // An affiliation before: "US", "Russian", "Azerbaijan's", "European Council".
        let mut before = None;
        if i > 0 {
            let mut k = i;
            if self.s.norm(k - 1) == "'s" || self.s.norm(k - 1) == "'" {
                k -= 1;
            }
            // "Jaish-e-Muhammad (JeM) chief": skip the bracketed acronym.
            if k >= 3 && self.s.norm(k - 1) == ")" && self.s.norm(k - 3) == "(" {
                k -= 3;
            }
            if k > 0
                && let Some(m) = self.mention_ending_at(k)
                && matches!(self.mentions[m].referent, Referent::Actor(_))
                && self.mentions[m].form != Form::Person
            {
                before = Some(m);
            }
        }
        // A name after: a known person already matched, or capitalised words.
        let mut name_end = after;
        let mut known_person = None;
        if let Some(m) = self
            .mentions
            .iter()
            .position(|m| m.toks.start == after && m.form == Form::Person)
        {
            known_person = Some(m);
            name_end = self.mentions[m].toks.end;
        } else if !self.s.title_case() {
            // In a headline every word is capitalised: only known names count.
            while name_end < n
                && name_end - after < 4
                && self.s.capitalised(name_end)
                && !self.covered[name_end]
                && self.lex.grammar.class(self.s.norm(name_end)).is_none()
                && !is_title_word(self.lex, self.s, name_end)
            {
                name_end += 1;
            }
        }
        let has_name = name_end > after;
        // A title must look like one: capitalised before a name, or tied to
        // an affiliation; a bare lower-case "president" is a description.
        if !has_name && before.is_none() && !self.followed_by_of_actor(after) {
            return None;
        }
        if honorific && !has_name {
            return None;
        }
        let name = if has_name {
            Some(self.s.surface(after..name_end).to_string())
        } else {
            None
        };
        let mut affiliation: Option<usize> = before.and_then(|m| match self.mentions[m].referent {
            Referent::Actor(a) => Some(a),
            _ => None,
        });
        let mut end = name_end;
        // "President Ilham Aliyev of Azerbaijan", "the presidents of DR Congo".
        if affiliation.is_none()
            && let Some(m) = self.actor_after_of(end)
            && let Referent::Actor(a) = self.mentions[m].referent
        {
            if !has_name {
                // Grow the country's mention over "the presidents of".
                let start = self.with_determiner(i);
                let mention = &mut self.mentions[m];
                mention.toks.start = start;
                mention.form = Form::Person;
                mention.title = class;
                for c in &mut self.covered[start..end + 1] {
                    *c = true;
                }
                return Some(end + 1);
            }
            affiliation = Some(a);
            end = self.mentions[m].toks.end;
            self.mentions.remove(m);
        }
        let start = match before {
            Some(m) => self.with_determiner(self.mentions[m].toks.start),
            None => self.with_determiner(i),
        };
        let referent = match (known_person, &name) {
            (Some(p), _) => {
                let mut r = self.mentions[p].referent.clone();
                if let (Referent::Person(person), Some(a)) = (&mut r, affiliation) {
                    person.affiliation.get_or_insert(a);
                    r = person_referent(
                        self.lex,
                        person.name.clone(),
                        person.affiliation,
                        person.known,
                    );
                }
                r
            }
            (None, Some(name)) => match (affiliation, self.people.get(name)) {
                (None, Some((r, _))) => r.clone(),
                _ => person_referent(self.lex, name.clone(), affiliation, false),
            },
            (None, None) => match affiliation {
                Some(a) => Referent::Actor(a),
                None => return None,
            },
        };
        let title = class.or_else(|| {
            self.people
                .get(name.as_deref().unwrap_or(""))
                .and_then(|p| p.1)
        });
        // Drop the pieces this mention absorbs.
        self.mentions
            .retain(|m| m.toks.end <= start || m.toks.start >= end);
        self.push(start..end, referent, Form::Person, title);
        Some(end)
    }

    fn followed_by_of_actor(&self, at: usize) -> bool {
        self.actor_after_of(at).is_some()
    }

    /// The actor after "of" at `at`, past a determiner and lower-case
    /// modifiers ("the head of the unrecognised South Ossetia").
    fn actor_after_of(&self, at: usize) -> Option<usize> {
        if self.s.norm(at) != "of" {
            return None;
        }
        for start in at + 1..(at + 4).min(self.s.tokens.len()) {
            if let Some(m) = self.mention_at(start)
                && self.mentions[m].toks.start == start
            {
                return Some(m);
            }
            let modifier = self.s.tokens[start].is_word()
                && !self.covered[start]
                && !self.s.capitalised(start)
                && matches!(
                    self.lex.grammar.class(self.s.norm(start)),
                    None | Some(WordClass::Determiner)
                );
            if !modifier {
                return None;
            }
        }
        None
    }

    /// Include a preceding "the" in a span starting at `i`.
    fn with_determiner(&self, i: usize) -> usize {
        if i > 0 && !self.covered[i - 1] && matches!(self.s.norm(i - 1), "the" | "a" | "an") {
            i - 1
        } else {
            i
        }
    }

    /// "Russian forces", "US officials", "DR Congo's military", "Afghan
    /// refugees", "Congolese and Burundian forces".
    fn institutions(&mut self) {
        let n = self.s.tokens.len();
        let mut idx = 0;
        while idx < self.mentions.len() {
            let m = &self.mentions[idx];
            let describes = matches!(m.referent, Referent::Description(_))
                && m.toks.end < n
                && self.s.norm(m.toks.end) == "'s";
            let named = matches!(m.referent, Referent::Actor(_))
                && matches!(m.form, Form::Name | Form::Demonym);
            if !(named || describes) {
                idx += 1;
                continue;
            }
            let mut k = m.toks.end;
            if k < n && (self.s.norm(k) == "'s" || self.s.norm(k) == "'") {
                k += 1;
            }
            // Skip a few adjectives: "Russian armed forces", "US military officials".
            let mut found = None;
            for skip in 0..3 {
                let at = k + skip;
                if at >= n
                    || self.covered[at]
                    || self.s.tokens[at].kind != TokenKind::Word
                    || (skip > 0 && self.lex.grammar.class(self.s.norm(at - 1)).is_some())
                    || self.lex.grammar.class(self.s.norm(at)).is_some()
                    || self.lex.grammar.is_preposition(self.s.norm(at))
                    || (skip > 0 && self.verb_like(at - 1))
                {
                    break;
                }
                // The last institution noun: "military rulers", not "military".
                if let Some((len, &class)) =
                    self.lex.actors.institutions.longest_at(&self.s.words, at)
                {
                    found = Some((at + len, class));
                }
            }
            // "Syrian rebels", "Syrian Kurdish militia": not the state.
            if let Some((_, InstitutionClass::Group)) = found
                && let Referent::Actor(a) = self.mentions[idx].referent
                && matches!(
                    self.lex.actors.actors[a].kind,
                    EntityKind::Country | EntityKind::Government
                )
            {
                let m = self.mentions.remove(idx);
                for c in &mut self.covered[m.toks] {
                    *c = false;
                }
                continue;
            }
            if let Some((end, class)) = found {
                let ethnic = m.toks.start > 0 && self.s.norm(m.toks.start - 1) == "ethnic";
                let form = if class != InstitutionClass::State || ethnic {
                    Form::People
                } else {
                    Form::Institution
                };
                let start = self.with_determiner(m.toks.start);
                for c in &mut self.covered[start..end] {
                    *c = true;
                }
                let m = &mut self.mentions[idx];
                m.toks = start..end;
                if !describes {
                    m.form = form;
                }
                // "Congolese and Burundian forces": the noun serves both.
                self.share_noun_with_conjunct(idx, form);
            }
            idx += 1;
        }
    }

    fn share_noun_with_conjunct(&mut self, idx: usize, form: Form) {
        let start = self.mentions[idx].toks.start;
        let first = if self.s.norm(start) == "the" {
            start + 1
        } else {
            start
        };
        if first < 2 || !matches!(self.s.norm(first - 1), "and" | "or" | ",") {
            return;
        }
        if let Some(prev) = self.mention_ending_at(first - 1)
            && self.mentions[prev].form == Form::Demonym
        {
            self.mentions[prev].form = form;
        }
    }

    /// "the group", "the two leaders", "the head of state", and with
    /// modifiers in between: "the rebel militia", "the paramilitary group".
    fn descriptions(&mut self) {
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            if !self.covered[i]
                && let Some((len, d)) = self.lex.actors.descriptions.longest_at(&self.s.words, i)
                && !self.covered[i..i + len].iter().any(|&c| c)
            {
                let d = d.clone();
                self.push(
                    i..i + len,
                    Referent::Description(d),
                    Form::Description,
                    None,
                );
                i += len;
                continue;
            }
            if !self.covered[i]
                && self.s.norm(i) == "the"
                && let Some((end, d)) = self.modified_description(i)
            {
                self.push(i..end, Referent::Description(d), Form::Description, None);
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// "the rebel militia" = "the militia", "the rebel leaders" = a group's
    /// leaders: "the" + modifiers + a description's noun, or + a title when
    /// a modifier marks a non-state group.
    fn modified_description(&self, i: usize) -> Option<(usize, Description)> {
        let n = self.s.tokens.len();
        let mut nonstate = false;
        let mut k = i + 1;
        while k < n && k < i + 4 {
            let w = self.s.norm(k);
            // "The Oslo Dockworkers Union" is a name, not "the union".
            if self.covered[k]
                || !self.s.tokens[k].is_word()
                || self.lex.grammar.class(w).is_some()
                || self.s.capitalised(k)
            {
                return None;
            }
            nonstate |= self.lex.grammar.sets.has(WordSet::NonstateMarkers, w);
            if k > i + 1 {
                let mut words = vec![self.s.words[i]];
                words.extend_from_slice(&self.s.words[k..(k + 3).min(n)]);
                if let Some((len, d)) = self.lex.actors.descriptions.longest_at(&words, 0) {
                    return Some((k + len - 1, d.clone()));
                }
                if nonstate
                    && let Some((len, _)) = self.lex.actors.titles.longest_at(&self.s.words, k)
                {
                    let d = Description {
                        kinds: vec![EntityKind::ArmedGroup],
                        role: None,
                        two: false,
                        sticky_head: None,
                        head: self.s.norm(k + len - 1).to_string(),
                    };
                    return Some((k + len, d));
                }
            }
            k += 1;
        }
        None
    }

    /// "the military rulers", "the Kenyan government" without a name: a
    /// state institution named by its head noun, which refers back to the
    /// actor last named with that noun ("Niger's military rulers").
    fn definite_institutions(&mut self) {
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            let article = self.s.norm(i);
            let indefinite = matches!(article, "a" | "an");
            if self.covered[i]
                || !(indefinite || matches!(article, "the" | "this" | "these" | "those"))
            {
                i += 1;
                continue;
            }
            let mut found = None;
            for at in i + 1..(i + 6).min(n) {
                // "the Kurdish-led forces": a hyphenated modifier is fine.
                let hyphen =
                    self.s.norm(at) == "-" && at + 1 < n && self.s.tokens[at + 1].is_word();
                if hyphen {
                    continue;
                }
                // "the Ontario government": a name nothing else claimed is
                // a place of its own (place_organisations), not a modifier.
                let unknown_name = self.s.capitalised(at)
                    && !self.s.title_case()
                    && (at + 1..(at + 4).min(n)).any(|k| self.place_head(k));
                if self.covered[at]
                    || unknown_name
                    || self.lex.grammar.class(self.s.norm(at)).is_some()
                    || !self.s.tokens[at].is_word()
                    || self
                        .lex
                        .grammar
                        .sets
                        .has(WordSet::NonstateMarkers, self.s.norm(at))
                {
                    break;
                }
                if let Some((len, &InstitutionClass::State)) =
                    self.lex.actors.institutions.longest_at(&self.s.words, at)
                {
                    found = Some((at, at + len));
                    // "a junta spokesperson": the institution, then the title.
                    if self
                        .lex
                        .actors
                        .titles
                        .longest_at(&self.s.words, at + len)
                        .is_some()
                    {
                        break;
                    }
                }
            }
            // "the joint military exercises": the noun phrase goes on, so
            // "military" is not its head.
            let continues = |end: usize| {
                end < n
                    && self.s.tokens[end].is_word()
                    && self.lex.grammar.class(self.s.norm(end)).is_none()
                    && !self.lex.grammar.is_preposition(self.s.norm(end))
                    && !self.s.norm(end).ends_with("ed")
            };
            // "a junta spokesperson", "the regime's envoy": someone who
            // speaks for the institution, hence for its actor.
            let titled = |end: usize| {
                let at = if self.s.norm(end) == "'s" {
                    end + 1
                } else {
                    end
                };
                (end < n && !self.covered[at.min(n - 1)])
                    .then(|| self.lex.actors.titles.longest_at(&self.s.words, at))
                    .flatten()
                    .map(|(len, _)| at + len)
            };
            match found {
                Some((head, end)) if !self.covered[head..end].iter().any(|&c| c) => {
                    let word = self.s.norm(end - 1).to_string();
                    match titled(end) {
                        Some(stop) => {
                            self.push(i..stop, Referent::Head(word), Form::Description, None);
                            i = stop;
                        }
                        None if !indefinite && !continues(end) => {
                            self.push(i..end, Referent::Head(word), Form::Description, None);
                            i = end;
                        }
                        None => i += 1,
                    }
                }
                _ => i += 1,
            }
        }
    }

    fn pronouns(&mut self) {
        let n = self.s.tokens.len();
        for i in 0..n {
            if self.covered[i] {
                continue;
            }
            if let Some(WordClass::Pronoun(kind)) = self.lex.grammar.class(self.s.norm(i)) {
                // "US" is a country, "us" a pronoun.
                let lower = self.s.raw(i).chars().next().is_some_and(char::is_lowercase);
                let sentence_start = i == 0 || !self.s.tokens[i - 1].is_word();
                if (lower || sentence_start || (self.s.title_case() && self.s.norm(i) != "us"))
                    && !self.expletive_it(i, kind)
                {
                    self.push(i..i + 1, Referent::Pronoun(kind), Form::Pronoun, None);
                }
            }
        }
    }

    /// "it is unacceptable to ...", "it was important that ...".
    fn expletive_it(&self, i: usize, kind: PronounKind) -> bool {
        if kind != PronounKind::It || self.s.norm(i) != "it" {
            return false;
        }
        let be = [
            "is", "was", "'s", "would", "will", "be", "been", "has", "seems",
        ];
        be.contains(&self.s.norm(i + 1))
            && (i + 2..(i + 6).min(self.s.tokens.len()))
                .any(|k| matches!(self.s.norm(k), "to" | "that"))
    }

    /// Capitalised phrases with an organisation word ("Foreign Affairs
    /// Committee"): actors of their own, drawn only when in a relation.
    fn unknown_organisations(&mut self) {
        if self.s.title_case() {
            return;
        }
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            if self.covered[i]
                || !self.s.capitalised(i)
                || self.lex.grammar.class(self.s.norm(i)).is_some()
            {
                i += 1;
                continue;
            }
            let mut end = i;
            while end < n
                && !self.covered[end]
                && (self.s.capitalised(end)
                    || (end > i
                        && matches!(self.s.norm(end), "of" | "for" | "and" | "&")
                        && end + 1 < n
                        && self.s.capitalised(end + 1)))
            {
                end += 1;
            }
            // "Costa Holdings Ltd." keeps its abbreviation's full stop out.
            let head = self
                .lex
                .orgs
                .head_of((i..end).map(|k| self.s.norm(k)))
                .filter(|_| end - i >= 2);
            if let Some(head) = head {
                // "Norwegian Pilots Union", "Thailand Constitutional Court": a
                // state's name or demonym right before is part of the name.
                let i = match self.mention_ending_at(i) {
                    Some(m)
                        if matches!(self.mentions[m].form, Form::Name | Form::Demonym)
                            && matches!(self.mentions[m].referent, Referent::Actor(a)
                                if self.lex.actors.actors[a].kind == EntityKind::Country)
                            && self.s.capitalised(self.mentions[m].toks.start) =>
                    {
                        let prefix = self.mentions.remove(m);
                        prefix.toks.start
                    }
                    // "the 3rd District Court of Appeal".
                    _ if i > 0 && !self.covered[i - 1] && is_ordinal(self.s.norm(i - 1)) => i - 1,
                    _ => i,
                };
                let name = self.s.surface(i..end).to_string();
                let start = self.with_determiner(i);
                let referent = self.known_organisation(&name).unwrap_or(Referent::Unknown {
                    name,
                    kind: head.kind,
                });
                self.push(start..end, referent, Form::Name, None);
            }
            i = end.max(i + 1);
        }
    }

    /// The organisation an article named in full before, when `name` is the
    /// end of that name ("the Supreme Court" after "Guinea Supreme Court").
    fn known_organisation(&self, name: &str) -> Option<Referent> {
        match self.people.get(name) {
            Some((r @ Referent::Unknown { .. }, _)) => Some(r.clone()),
            _ => None,
        }
    }

    /// "the Tel Aviv labor court", "Toronto city council", "the Ontario
    /// government": a place's name, at most two lower-case words and an
    /// organisation's head word name an organisation of that place (a named
    /// court or council is its own actor, not its state; a region's
    /// government is not the country's).
    fn place_organisations(&mut self) {
        if self.s.title_case() {
            return;
        }
        for h in 1..self.s.tokens.len() {
            if self.covered[h] || !self.place_head(h) {
                continue;
            }
            let Some(head) = self.lex.orgs.get(self.s.norm(h)) else {
                continue;
            };
            let kind = head.kind;
            let mut start = h;
            while start > 0
                && h - start < 2
                && !self.covered[start - 1]
                && !self.s.capitalised(start - 1)
                && self.plain_word(start - 1)
            {
                start -= 1;
            }
            let Some(place) = self.place_before(start) else {
                continue;
            };
            // "the Kenya government" is Kenya; only a place the lexicon
            // does not know as a state has a government of its own here.
            let state = self
                .mention_at(place)
                .is_some_and(|m| matches!(self.mentions[m].referent, Referent::Actor(_)));
            if state && kind == EntityKind::Government {
                continue;
            }
            if let Some(m) = self.mention_at(place) {
                self.mentions.remove(m);
            }
            let name = self.s.surface(place..h + 1).to_string();
            let referent = self
                .known_organisation(&name)
                .unwrap_or(Referent::Unknown { name, kind });
            let first = self.with_determiner(place);
            self.push(first..h + 1, referent, Form::Name, None);
        }
    }

    /// Whether token `i` is a lower-case head word that a place's name can
    /// go before to name a body ("court", "council", "government"); "the
    /// U.S. alliance" or "Syrian Kurdish militia" only describe.
    fn place_head(&self, i: usize) -> bool {
        !self.s.capitalised(i)
            && self
                .lex
                .grammar
                .sets
                .has(WordSet::PlaceHeads, self.s.norm(i))
    }

    /// A lower-case word that can modify an organisation's head: a word,
    /// not a function word or a verb ("city", "labor", "district").
    fn plain_word(&self, i: usize) -> bool {
        let w = self.s.norm(i);
        w.chars().all(char::is_alphabetic)
            && self.lex.grammar.class(w).is_none()
            && !self.verb_like(i)
    }

    /// Where the place's name ending right before `end` starts: a place
    /// named by the lexicon (not possessive, not a demonym), a name the
    /// article repeats, or capitalised words nothing else claimed.
    fn place_before(&self, end: usize) -> Option<usize> {
        if end == 0 || !self.s.capitalised(end - 1) {
            return None;
        }
        if let Some(m) = self.mention_ending_at(end) {
            let m = &self.mentions[m];
            let place = match &m.referent {
                Referent::Actor(a) => self.lex.actors.actors[*a].kind == EntityKind::Country,
                Referent::Unknown { kind, .. } => *kind == EntityKind::Other,
                _ => false,
            };
            return (place && m.form == Form::Name && !m.possessive).then_some(m.toks.start);
        }
        let mut start = end;
        while start > 0
            && end - start < 3
            && !self.covered[start - 1]
            && self.s.capitalised(start - 1)
            && self.lex.grammar.class(self.s.norm(start - 1)).is_none()
        {
            start -= 1;
        }
        (start < end && start > 0).then_some(start)
    }

    /// A surname or acronym the article introduced earlier with a full name
    /// ("Costa" after "President Ana Costa", "FCA" after "the Federal
    /// Competition Authority (FCA)").
    fn remembered_names(&mut self) {
        for i in 0..self.s.tokens.len() {
            if self.covered[i] || !self.s.capitalised(i) {
                continue;
            }
            // A repeated name of several words ("Walter Hewlett").
            let end = capitalised_run_end(self.s, i);
            if end > i + 1
                && !self.covered[i..end].iter().any(|&c| c)
                && let Some((referent, _)) = self.people.get(self.s.surface(i..end)).cloned()
            {
                let start = self.with_determiner(i);
                self.push(start..end, referent, Form::Name, None);
                continue;
            }
            // Part of a longer capitalised name that is not this one.
            let joined = |k: usize| !self.covered[k] && self.s.capitalised(k);
            if (i > 0 && joined(i - 1) && self.people.get(self.s.raw(i - 1)).is_none())
                || (i + 1 < self.s.tokens.len() && joined(i + 1))
            {
                continue;
            }
            if let Some((referent, title)) = self.people.get(self.s.raw(i)).cloned() {
                let form = match referent {
                    Referent::Person(_) => Form::Person,
                    _ if title.is_some() => Form::Person,
                    _ => Form::Name,
                };
                let start = if form == Form::Name {
                    self.with_determiner(i)
                } else {
                    i
                };
                self.push(start..i + 1, referent, form, title);
            }
        }
    }

    /// "the company", "the top court", "the electoral commission": a
    /// description that names an organisation by its class.
    fn class_descriptions(&mut self) {
        let n = self.s.tokens.len();
        let mut i = 0;
        while i < n {
            if self.covered[i] || !matches!(self.s.norm(i), "the" | "this") {
                i += 1;
                continue;
            }
            let mut found = None;
            for at in i + 1..(i + 4).min(n) {
                let w = self.s.norm(at);
                if self.covered[at]
                    || !self.s.tokens[at].is_word()
                    || self.s.capitalised(at)
                    || self.lex.grammar.class(w).is_some()
                {
                    break;
                }
                if let Some(head) = self.lex.orgs.get(w).filter(|h| h.in_descriptions) {
                    found = Some((at + 1, head.class.clone()));
                    break;
                }
            }
            // "the court ruling", "the union leader": the noun phrase goes on
            // past the class word with a noun that heads it.
            let continues = |end: usize| {
                if end >= n || !self.s.tokens[end].is_word() || self.s.capitalised(end) {
                    return false;
                }
                let w = self.s.norm(end);
                let g = &self.lex.grammar;
                g.speech_nouns.contains(w)
                    || g.action_nouns.contains(w)
                    || self.lex.orgs.get(w).is_some()
                    || self
                        .lex
                        .actors
                        .titles
                        .longest_at(&self.s.words, end)
                        .is_some()
                    || self
                        .lex
                        .cues
                        .forms
                        .longest_at(&self.s.words, end)
                        .is_some_and(|(_, forms)| forms.iter().all(|f| f.form.is_none()))
            };
            match found {
                Some((end, class)) if !continues(end) => {
                    self.push(i..end, Referent::Class(class), Form::Description, None);
                    i = end;
                }
                _ => i += 1,
            }
        }
    }

    fn flags(&mut self) {
        let n = self.s.tokens.len();
        for m in &mut self.mentions {
            let e = m.toks.end;
            if e < n {
                let next = self.s.norm(e);
                m.possessive = next == "'s"
                    || (next == "'" && self.s.tokens[e].start == self.s.tokens[e - 1].end);
                m.hyphenated = next == "-" && e + 1 < n && self.s.tokens[e + 1].is_word();
            }
            // Possessive pronouns are determiners of their noun; with a
            // title they name a person: "its leader".
            if let Referent::Pronoun(_) = m.referent {
                m.possessive = matches!(
                    self.s.norm(m.toks.start),
                    "its" | "his" | "her" | "their" | "our"
                );
                if m.possessive
                    && let Some((len, &class)) = self.lex.actors.titles.longest_at(&self.s.words, e)
                {
                    m.toks.end = e + len;
                    m.title = Some(class);
                    m.possessive = false;
                }
            }
        }
    }
}

/// A person's referent: folded into the state or organisation they speak
/// for; kept as a person when they lead an armed group or have no known
/// affiliation.
pub fn person_referent(
    lex: &Lexicons,
    name: String,
    affiliation: Option<usize>,
    known: bool,
) -> Referent {
    match affiliation {
        Some(a) if lex.actors.actors[a].kind != EntityKind::ArmedGroup => Referent::Actor(a),
        _ => Referent::Person(PersonRef {
            name,
            known,
            affiliation,
        }),
    }
}
