//! Cue hits: where a sentence uses a stance verb, noun or predicate, which
//! reading fits the context (verb or noun), and what modality words in front
//! of it change (negation, threat, hedge, non-fact).

use super::Lexicons;
use super::lexicon::cues::{CuePos, ModalClass, VerbForm};
use super::lexicon::grammar::WordClass;
use super::mentions::{Form, Mention, MentionIndex, Sentence};
use crate::model::Modality;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct CueHit {
    pub toks: Range<usize>,
    pub cue: usize,
    pub form: Option<VerbForm>,
    pub negated: bool,
    /// Negated by a denial ("denied backing"): a denial never flips a stance.
    pub denied: bool,
    pub modality: Option<Modality>,
    /// Inside something that did not happen ("urged X to stop attacking").
    pub nonfactual: bool,
    /// Marked as a claim ("allegedly", "could not independently verify").
    pub alleged: bool,
}

/// Find the cues of a sentence, longest form first, never inside a mention.
pub fn find(
    lex: &Lexicons,
    s: &Sentence,
    mentions: &[Mention],
    index: &MentionIndex,
) -> Vec<CueHit> {
    let n = s.tokens.len();
    let mut in_mention = vec![false; n];
    for m in mentions {
        // A person's title is not a cue; a demonym's noun may be ("Houthi
        // attacks"); "recalled its ambassador" is a cue over "its ambassador".
        if m.form == Form::Pronoun {
            continue;
        }
        for flag in &mut in_mention[m.toks.clone()] {
            *flag = true;
        }
    }
    let sentence_alleged = (0..n).any(|i| {
        matches!(
            lex.cues.modality.longest_at(&s.words, i),
            Some((_, ModalClass::Allegation))
        )
    });
    let mut hits = Vec::new();
    let mut i = 0;
    while i < n {
        if in_mention[i] {
            i += 1;
            continue;
        }
        let Some((len, forms)) = lex.cues.forms.longest_at(&s.words, i) else {
            i += 1;
            continue;
        };
        // "the Washington Accords": a capitalised word mid-sentence is a name.
        if i > 0
            && s.capitalised(i)
            && !s.title_case()
            && !matches!(s.norm(i - 1), "“" | "\"" | "‘" | ":" | "(")
        {
            i += len;
            continue;
        }
        // "Iranian-backed", "counter-terrorism": part of a compound word,
        // read (if at all) as a compound.
        if i > 0 && s.norm(i - 1) == "-" && s.tokens[i - 1].start == s.tokens[i].start - 1 {
            i += len;
            continue;
        }
        if in_mention[i..i + len].iter().any(|&b| b) {
            i += 1;
            continue;
        }
        let Some(choice) = choose(lex, s, mentions, index, i, len, forms) else {
            i += len;
            continue;
        };
        // "their armed wing", "the armed forces", "Russia's armed forces": a
        // participle after a determiner or a possessive describes a noun.
        if matches!(choice.form, Some(VerbForm::Participle | VerbForm::Past))
            && i > 0
            && (lex.grammar.class(s.norm(i - 1)) == Some(WordClass::Determiner)
                || index.ending(i).is_some_and(|m| mentions[m].possessive))
        {
            i += len;
            continue;
        }
        // "these illegal attacks": a predicate only counts after a copula
        // ("are unacceptable", "would be responsible for").
        if lex.cues.cues[choice.cue].pos == CuePos::Predicate && !after_copula(s, i) {
            i += len;
            continue;
        }
        let mut hit = CueHit {
            toks: i..i + len,
            cue: choice.cue,
            form: choice.form,
            negated: false,
            denied: false,
            modality: None,
            nonfactual: false,
            alleged: sentence_alleged,
        };
        qualify(lex, s, index, &mut hit);
        hits.push(hit);
        i += len;
    }
    hits
}

/// Whether a copula comes just before token `at` (adverbs and quotes
/// between are fine).
fn after_copula(s: &Sentence, at: usize) -> bool {
    let mut k = at;
    while k > 0 && at - k < 4 {
        k -= 1;
        let w = s.norm(k);
        if matches!(
            w,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "'s"
                | "remain"
                | "remains"
                | "seem"
                | "seems"
                | "as"
                | "become"
                | "became"
                | "deemed"
                | "called"
                | "described"
        ) {
            return true;
        }
        if !(w.ends_with("ly")
            || matches!(
                w,
                "“" | "\"" | "‘" | "'" | "not" | "held" | "directly" | "also" | "still"
            ))
        {
            return false;
        }
    }
    false
}

/// Pick the verb or the noun reading of a form that has both.
fn choose(
    lex: &Lexicons,
    s: &Sentence,
    mentions: &[Mention],
    index: &MentionIndex,
    at: usize,
    len: usize,
    forms: &[super::lexicon::cues::CueForm],
) -> Option<super::lexicon::cues::CueForm> {
    let verb = forms
        .iter()
        .find(|f| lex.cues.cues[f.cue].pos == CuePos::Verb);
    let noun = forms
        .iter()
        .find(|f| lex.cues.cues[f.cue].pos != CuePos::Verb);
    let (verb, noun) = match (verb, noun) {
        (Some(v), Some(n)) => (v, n),
        // "fire on suspects": a bare verb form after a preposition or a
        // determiner is a noun that is not a cue.
        (Some(v), None)
            if matches!(v.form, Some(VerbForm::Base) | Some(VerbForm::Third))
                && at > 0
                && s.norm(at - 1) != "to"
                && (lex.grammar.is_preposition(s.norm(at - 1))
                    || matches!(
                        s.norm(at - 1),
                        "the"
                            | "a"
                            | "an"
                            | "these"
                            | "those"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "our"
                    )) =>
        {
            return None;
        }
        (Some(v), None) => return Some(*v),
        (None, Some(n)) => return Some(*n),
        (None, None) => return None,
    };
    let prev = if at > 0 { s.norm(at - 1) } else { "" };
    let next = s.norm(at + len);
    let prev_class = lex.grammar.class(prev);
    let prev_mention = index.ending(at).map(|m| &mentions[m]);
    let noun_cue = &lex.cues.cues[noun.cue];
    let verb_cue = &lex.cues.cues[verb.cue];
    let mut noun_score = 0;
    let mut verb_score = 0;
    // "an EU-mediated meeting", "Guyana's international partners": a
    // determiner or possessor before a few modifiers.
    let mut k = at;
    while k > 0 && at - k < 4 {
        let w = s.norm(k - 1);
        let modifier = s.tokens[k - 1].is_word()
            && lex.grammar.class(w).is_none()
            && !lex.grammar.is_preposition(w);
        if k < at
            && (matches!(lex.grammar.class(w), Some(WordClass::Determiner))
                || w == "'s"
                || matches!(w, "its" | "his" | "her" | "their" | "our"))
        {
            noun_score += 3;
            break;
        }
        if !(modifier || w == "-") {
            break;
        }
        k -= 1;
    }
    // After a preposition only a gerund is a verb: "alongside allies".
    if lex.grammar.is_preposition(prev) && verb.form != Some(VerbForm::Gerund) {
        noun_score += 3;
    }
    match prev_class {
        Some(WordClass::Determiner) => noun_score += 3,
        Some(WordClass::Auxiliary) | Some(WordClass::Negation) => verb_score += 3,
        Some(WordClass::Pronoun(_)) => {
            if matches!(prev, "its" | "his" | "her" | "their" | "our") {
                noun_score += 3
            } else {
                verb_score += 3
            }
        }
        _ => {}
    }
    if prev == "'s" || prev == "'" {
        noun_score += 3;
    }
    if prev == "to" {
        verb_score += 2;
    }
    if prev.ends_with("ly") {
        verb_score += 1;
    }
    if let Some(m) = prev_mention {
        if m.form == Form::Demonym || m.possessive {
            noun_score += 2;
        } else {
            verb_score += 1;
        }
    }
    if noun_cue
        .preps
        .iter()
        .chain(&noun_cue.agent_preps)
        .any(|p| p == next)
        && !verb_cue.preps.iter().any(|p| p == next)
    {
        noun_score += 2;
    }
    // "Talks between Serbia and Kosovo resumed": a sentence starts with a
    // noun far more often than with a verb.
    if next == "between" || at == 0 {
        noun_score += 2;
    }
    if lex.grammar.class(next) == Some(WordClass::Determiner) {
        verb_score += 1;
    }
    // "warning M23 against ...": a verb form with an actor as its object.
    if index.starting(at + len).is_some() {
        verb_score += if verb.form == Some(VerbForm::Gerund) {
            4
        } else {
            1
        };
    }
    if matches!(
        verb.form,
        Some(VerbForm::Past) | Some(VerbForm::Gerund) | Some(VerbForm::Participle)
    ) {
        verb_score += 1;
    }
    Some(if noun_score > verb_score {
        *noun
    } else {
        *verb
    })
}

/// Look back from the cue, inside its stretch of the sentence, for words
/// that negate it, make it a threat or a hedge, or mark it as not done.
fn qualify(lex: &Lexicons, s: &Sentence, index: &MentionIndex, hit: &mut CueHit) {
    let start = hit.toks.start;
    let window = start.saturating_sub(6);
    let mut k = start;
    while k > window {
        k -= 1;
        let norm = s.norm(k);
        if matches!(
            norm,
            "," | ";"
                | ":"
                | "—"
                | "–"
                | "("
                | "“"
                | "\""
                | "that"
                | "which"
                | "who"
                | "and"
                | "but"
                | "or"
        ) || index.covering(k).is_some()
        {
            break;
        }
        if let Some((len, &class)) = lex.cues.modality.longest_at(&s.words, k) {
            if k + len > start {
                continue;
            }
            // A negating verb ("denied arming") negates only what it governs.
            let verb_like = norm.starts_with("den") || norm.starts_with("refus");
            if class == ModalClass::Negation && verb_like && k + len + 1 < start {
                continue;
            }
            match class {
                ModalClass::Negation => {
                    hit.negated = true;
                    hit.denied |= norm.starts_with("den");
                }
                ModalClass::Threat => hit.modality = Some(Modality::Threat),
                ModalClass::Hedge => {
                    hit.modality.get_or_insert(Modality::Hedged);
                }
                // "urged Iran to stop arming ...": only a verb's act is undone.
                ModalClass::Nonfactual if hit.form.is_some() => hit.nonfactual = true,
                ModalClass::Nonfactual => {}
                ModalClass::Allegation => hit.alleged = true,
                ModalClass::Conditional => {}
            }
        }
    }
    // "no immediate response", "not Azhar" come right before a noun.
    if start > 0 && s.norm(start - 1) == "no" {
        hit.negated = true;
    }
}
