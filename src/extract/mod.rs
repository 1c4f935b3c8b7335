//! Article -> map: mentions, coreference, clauses, cues and relations, each
//! with the sentences that state it.

mod clauses;
mod cues;
mod discourse;
pub mod lexicon;
mod mentions;
mod relations;
mod trace;

use crate::model::{
    Article, Entity, Evidence, MAX_EVIDENCE, Mention as MapMention, Relation, RelationMap, SCHEMA,
    Stance, keep_strongest,
};
use crate::text::tokens::tokenize;
use discourse::{Discourse, EntityId};
use lexicon::actors::ActorLexicon;
use lexicon::cues::CueLexicon;
use lexicon::grammar::Grammar;
use lexicon::org_heads::OrgHeads;
use lexicon::phrases::Vocab;
use lexicon::user::UserLexicon;
use lexicon::word_sets::WordSet;
use mentions::{Form, Mention, MentionIndex, PeopleIndex, Referent, Sentence};
use relations::{Found, Parse};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Everything the extractor knows about words: actors, cues and grammar.
pub struct Lexicons {
    pub actors: ActorLexicon,
    pub cues: CueLexicon,
    pub grammar: Grammar,
    /// Head words of organisations the lexicon does not name.
    pub orgs: OrgHeads,
    /// The words of every phrase table, to give tokens their ids.
    pub vocab: Vocab,
}

impl Lexicons {
    /// Build the lexicons from the bundled assets.
    pub fn load_bundled() -> Result<Lexicons, String> {
        Lexicons::with_user(&UserLexicon::default())
    }

    /// The bundled lexicons extended with a user lexicon: its aliases and
    /// cues win over bundled ones. An error names the file and line.
    pub fn with_user(user: &UserLexicon) -> Result<Lexicons, String> {
        let mut vocab = Vocab::default();
        Ok(Lexicons {
            actors: ActorLexicon::with_user(&mut vocab, user)?,
            cues: CueLexicon::with_user(&mut vocab, user)?,
            grammar: Grammar::bundled(&mut vocab)?,
            orgs: OrgHeads::bundled()?,
            vocab,
        })
    }

    /// The bundled lexicons, built once per process.
    pub fn bundled() -> &'static Lexicons {
        static BUNDLED: OnceLock<Lexicons> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Lexicons::load_bundled()
                .expect("the bundled lexicons are valid (checked by the test suite)")
        })
    }
}

/// The class of organisation an entity is ("company", "court", "union"):
/// a listed company, else the head word of its name (org_heads.tsv).
pub(crate) fn entity_class<'a>(lex: &'a Lexicons, d: &Discourse, id: EntityId) -> Option<&'a str> {
    let listed_company = lex
        .actors
        .actor_index(d.id(id))
        .is_some_and(|a| lex.actors.actors[a].company);
    if listed_company {
        return Some("company");
    }
    let name = d.info(id).name.to_lowercase();
    lex.orgs
        .head_of(name.split_whitespace())
        .map(|h| h.class.as_str())
}

/// Relations less sure than this are hidden unless asked for: tuned on the
/// development set for precision (a wrong edge is worse than a missing one).
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// Extract the map of one article with the bundled lexicons.
pub fn extract(article: &Article) -> RelationMap {
    extract_with(Lexicons::bundled(), article)
}

/// Extract the map of one article.
pub fn extract_with(lex: &Lexicons, article: &Article) -> RelationMap {
    read(lex, article, None)
}

/// Extract an article and say how each sentence was read: the mentions and
/// what they resolved to, the cues, the clauses and the relations (the same
/// text `STANCEMAP_TRACE=1` prints), one entry per sentence.
pub fn explain(article: &Article) -> (RelationMap, Vec<String>) {
    let mut traces = Vec::new();
    let map = read(Lexicons::bundled(), article, Some(&mut traces));
    (map, traces)
}

fn read(lex: &Lexicons, article: &Article, mut traces: Option<&mut Vec<String>>) -> RelationMap {
    let sentences: Vec<Sentence> = article
        .sentences
        .iter()
        .filter_map(|&[start, end]| {
            let text = article.text.get(start..end)?;
            Some(Sentence::new(
                &article.text,
                tokenize(text, start),
                &lex.vocab,
            ))
        })
        .collect();

    // First pass: who the article names, so that "President Ali" in the
    // headline finds "President Irfaan Ali" of the body.
    let mut people = PeopleIndex::default();
    let first_pass: Vec<Vec<Mention>> = sentences
        .iter()
        .map(|s| mentions::people_of(lex, s, &mut people))
        .collect();
    people.promote_repeated_names();

    let mut d = Discourse::default();
    let mut collected = Collected::default();
    let mut recent: Vec<Found> = Vec::new();
    for (index, (s, first)) in sentences.iter().zip(first_pass).enumerate() {
        d.start_sentence(index);
        let ms = if people.mentioned_in(s, &first) {
            mentions::find(lex, s, &people)
        } else {
            first
        };
        let mention_index = MentionIndex::new(s.tokens.len(), &ms);
        let hits = cues::find(lex, s, &ms, &mention_index);
        let clauses = clauses::segment(lex, s, &ms, &mention_index);
        let (groups, group_of) = group(s, &ms, &clauses);

        // The attribution's speaker is known before "we" is read.
        if let Some(a) = clauses.attribution
            && let Some(id) = d.entity_of(lex, &ms[a].referent)
        {
            d.set_speaker(&[id]);
        }
        let mut cands: Vec<Vec<Vec<EntityId>>> = Vec::with_capacity(ms.len());
        let mut clause_has_subject = vec![false; clauses.list.len()];
        for (i, m) in ms.iter().enumerate() {
            // The subject of its clause: the clause's first actor outside a
            // prepositional phrase.
            let clause = clauses.of_token[m.toks.start];
            // A conjunct is as capable as the group's first member.
            let head = &ms[groups[group_of[i]][0]];
            let capable = !preceded_by_preposition(lex, s, head.toks.start);
            // "accusing it of ...": right after a verb is its object.
            let object = hits
                .iter()
                .any(|h| h.toks.end == head.toks.start && h.form.is_some());
            let subject = capable && !object && !clause_has_subject[clause];
            clause_has_subject[clause] |= capable;
            let c = d.candidates(lex, m, subject);
            let first = c.first().cloned().unwrap_or_default();
            // "Yemen-based", "EU-mediated": a modifier, not a referent.
            let modifier = m.hyphenated && mention_index.starting(m.toks.end + 1).is_none();
            // "Afghan refugees" are people, not the state: nothing to refer to.
            if !modifier && m.form != Form::People {
                let head = matches!(
                    m.form,
                    Form::Institution | Form::Person | Form::Description | Form::Name
                )
                .then(|| s.norm(m.toks.end - 1))
                .filter(|w| w.chars().all(char::is_alphabetic));
                d.note(m, &first, subject, plural(lex, s, m), head);
                if let [id] = first[..]
                    && let Some(class) = entity_class(lex, &d, id)
                {
                    d.note_class(class, id);
                }
            }
            cands.push(c);
            let g = &groups[group_of[i]];
            if g.len() > 1 && g.last() == Some(&i) {
                let ids: Vec<EntityId> = g
                    .iter()
                    .filter_map(|&k| cands.get(k).and_then(|c| c.first()).cloned())
                    .flatten()
                    .collect();
                let subject = !preceded_by_preposition(lex, s, ms[g[0]].toks.start);
                d.note_group(&ids, subject);
            }
        }
        let parse = Parse {
            lex,
            s,
            mentions: &ms,
            index: &mention_index,
            cands: &cands,
            groups: &groups,
            group_of: &group_of,
            hits: &hits,
            clauses: &clauses,
        };
        let found = relations::extract(&parse, &mut d, &recent);
        if let Some(traces) = traces.as_deref_mut() {
            traces.push(trace::sentence(&parse, &d, index, &found));
        } else if trace() {
            eprintln!("{}", trace::sentence(&parse, &d, index, &found));
        }
        relations::remember_proposers(&parse, &mut d);
        for c in &clauses.list {
            if let Some(speaker) = c.speaker
                && let Some(ids) = cands[speaker].first()
            {
                d.set_speaker(ids);
            }
        }
        collected.mentions(s, &ms, &cands);
        collected.relations(index, article, &found);
        recent = found;
    }
    collected.into_map(article, &d)
}

/// Whether to print how each sentence was read (`STANCEMAP_TRACE=1`).
fn trace() -> bool {
    static TRACE: OnceLock<bool> = OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("STANCEMAP_TRACE").is_some())
}

/// Conjoined mentions: "DR Congo and Rwanda", "the UK, France and the US".
/// A run joined only by commas is not a list ("ISIS-K, the Russian
/// president"): a list ends with "and" or "or".
fn group(
    s: &Sentence,
    ms: &[Mention],
    clauses: &clauses::Clauses,
) -> (Vec<Vec<usize>>, Vec<usize>) {
    #[derive(PartialEq)]
    enum Join {
        No,
        Comma,
        Conj,
    }
    let join = |i: usize| -> Join {
        if i == 0 {
            return Join::No;
        }
        let (prev, m) = (&ms[i - 1], &ms[i]);
        // "shadowed Taiwan, and Chinese jets threatened": not one list.
        if clauses.of_token[prev.toks.start] != clauses.of_token[m.toks.start] {
            return Join::No;
        }
        if prev.hyphenated
            || prev.form == Form::People
            || m.form == Form::People
            || (prev.possessive && m.form != Form::Pronoun)
        {
            return Join::No;
        }
        let between: Vec<&str> = (prev.toks.end..m.toks.start).map(|k| s.norm(k)).collect();
        match between.as_slice() {
            ["and"]
            | ["or"]
            | [",", "and"]
            | ["and", "the"]
            | [",", "and", "the"]
            | ["as", "well", "as"] => Join::Conj,
            [","] | [",", "the"] => Join::Comma,
            _ => Join::No,
        }
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < ms.len() {
        let mut end = i + 1;
        let mut has_conj = false;
        while end < ms.len() {
            match join(end) {
                Join::Conj => {
                    has_conj = true;
                    end += 1;
                    break;
                }
                Join::Comma => end += 1,
                Join::No => break,
            }
        }
        // Headlines list with commas only: "Warns US, South Korea, Japan".
        let comma_list = end - i >= 3 || (end - i >= 2 && s.title_case());
        let names = ms[i..end].iter().all(|m| matches!(m.form, Form::Name));
        if has_conj || (comma_list && names) {
            groups.push((i..end).collect());
            i = end;
        } else {
            groups.push(vec![i]);
            i += 1;
        }
    }
    let mut group_of = vec![0; ms.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    (groups, group_of)
}

fn preceded_by_preposition(lex: &Lexicons, s: &Sentence, t: usize) -> bool {
    let mut k = t;
    while k > 0 {
        k -= 1;
        let norm = s.norm(k);
        if lex.grammar.class(norm) == Some(lexicon::grammar::WordClass::Determiner) {
            continue;
        }
        return lex.grammar.is_preposition(norm)
            && !matches!(norm, "after" | "before" | "since" | "as")
            && !(norm == "of" && k > 0 && lex.grammar.stands_in(s.norm(k - 1)));
    }
    false
}

/// Plural phrases ("Houthi rebels", "Russian forces") cannot be "it".
fn plural(lex: &Lexicons, s: &Sentence, m: &Mention) -> bool {
    let last = s.norm(m.toks.end.saturating_sub(1));
    matches!(
        m.form,
        Form::Institution | Form::People | Form::Description | Form::Name | Form::Person
    ) && last.ends_with('s')
        && !last.ends_with("ss")
        && (m.form != Form::Name || lex.grammar.sets.has(WordSet::PluralNames, last))
}

/// Mentions and relations gathered over an article.
#[derive(Default)]
struct Collected {
    mentions: BTreeMap<EntityId, BTreeSet<(usize, usize)>>,
    aliases: BTreeMap<EntityId, BTreeSet<String>>,
    relations: BTreeMap<(EntityId, EntityId, Stance, Option<EntityId>), Kept>,
}

/// The sentences of one relation so far: never more than twice
/// `MAX_EVIDENCE`, the weakest only counted, so that a text stating one
/// relation in every sentence takes bounded memory.
#[derive(Default)]
struct Kept {
    evidence: Vec<Evidence>,
    more: usize,
}

impl Collected {
    fn mentions(&mut self, s: &Sentence, ms: &[Mention], cands: &[Vec<Vec<EntityId>>]) {
        for (m, c) in ms.iter().zip(cands) {
            let Some(ids) = c.first() else { continue };
            let (Some(first), Some(last)) =
                (s.tokens.get(m.toks.start), s.tokens.get(m.toks.end - 1))
            else {
                continue;
            };
            for &id in ids {
                self.mentions
                    .entry(id)
                    .or_default()
                    .insert((first.start, last.end));
                if !matches!(m.referent, Referent::Pronoun(_)) && ids.len() == 1 {
                    let surface = s.surface(m.toks.clone());
                    let aliases = self.aliases.entry(id).or_default();
                    if !aliases.contains(surface) {
                        aliases.insert(surface.replace('\n', " "));
                    }
                }
            }
        }
    }

    fn relations(&mut self, sentence: usize, article: &Article, found: &[Found]) {
        for f in found {
            let key = (f.source, f.target, f.stance, f.alleged_by);
            let kept = self.relations.entry(key).or_default();
            let confidence = (f.confidence * 100.0).round() / 100.0;
            // Sentences come in order: a repeat can only be the last one,
            // and the surest reading of a sentence counts.
            if let Some(last) = kept.evidence.last_mut().filter(|e| e.sentence == sentence) {
                last.confidence = last.confidence.max(confidence);
                continue;
            }
            // Pruned only before a new sentence, so the last one stays
            // for its repeats.
            if kept.evidence.len() >= 2 * MAX_EVIDENCE {
                kept.more += keep_strongest(&mut kept.evidence, MAX_EVIDENCE);
            }
            kept.evidence.push(Evidence {
                article: article.id.clone(),
                sentence,
                cue: f.cue.clone(),
                text: article
                    .sentence_text(sentence)
                    .unwrap_or_default()
                    .to_string(),
                modality: f.modality,
                confidence,
                rule: Some(f.rule.name().to_string()),
            });
        }
    }

    fn into_map(self, article: &Article, d: &Discourse) -> RelationMap {
        let mut in_relation: BTreeSet<EntityId> = BTreeSet::new();
        for &(s, t, _, a) in self.relations.keys() {
            in_relation.insert(s);
            in_relation.insert(t);
            in_relation.extend(a);
        }
        let entities = d
            .all()
            .filter(|(e, _, info)| {
                (info.known || in_relation.contains(e))
                    && (self.mentions.contains_key(e) || in_relation.contains(e))
            })
            .map(|(e, id, info)| Entity {
                id: id.to_string(),
                name: info.name.clone(),
                kind: info.kind,
                aliases: self
                    .aliases
                    .get(&e)
                    .map(|a| a.iter().filter(|x| **x != info.name).cloned().collect())
                    .unwrap_or_default(),
                mentions: self
                    .mentions
                    .get(&e)
                    .map(|spans| {
                        spans
                            .iter()
                            .map(|&(start, end)| MapMention {
                                article: article.id.clone(),
                                start,
                                end,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();
        let relations = self
            .relations
            .into_iter()
            .map(|((source, target, stance, alleged_by), kept)| Relation {
                source: d.id(source).to_string(),
                target: d.id(target).to_string(),
                stance,
                alleged_by: alleged_by.map(|a| d.id(a).to_string()),
                negated: false,
                evidence: kept.evidence,
                more_evidence: kept.more,
            })
            .collect();
        let mut map = RelationMap {
            schema: SCHEMA.to_string(),
            articles: vec![article.clone()],
            entities,
            relations,
        };
        map.normalise();
        map
    }
}
