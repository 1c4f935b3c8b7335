//! Verb cues: actives, passives, reverse and undergoer frames, joint and
//! mutual verbs, rebuttals ("which Tehran denies") and comitatives.

use super::*;

pub(super) fn attach_verb(
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
    // "Relations between Pakistan and Afghanistan have worsened": the
    // parties of a joint or mutual verb in its subject's "between" phrase.
    if matches!(cue.frame, Frame::Joint | Frame::Mutual)
        && let Some(pair) = p.between(p.clauses.list[c].start, c)
        && p.index_of_between(c).is_some_and(|k| k < start)
    {
        return Some(Outcome {
            sources: pair.clone(),
            targets: pair,
            rule: Rule::Between,
        });
    }
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
pub(super) fn rebuttal_targets(
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
pub(super) fn comitative_partners(p: &Parse, c: usize) -> Ids {
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
pub(super) fn joint_parties_before(p: &Parse, d: &Discourse, hit: &CueHit) -> Option<Ids> {
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

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn active_and_passive_verbs() {
        let r = read_for_test("Chile criticised Peru on Monday.");
        assert!(has(&r, "Chile", "Peru", Stance::Oppose), "{r:?}");
        let r = read_for_test("The proposal of Peru was rejected by Chile.");
        assert!(has(&r, "Chile", "Peru", Stance::Oppose), "{r:?}");
    }

    #[test]
    fn joint_verbs_with_conjoined_parties_go_both_ways() {
        let r = read_for_test("Chile and Peru signed a trade agreement.");
        assert!(has(&r, "Chile", "Peru", Stance::Cooperate), "{r:?}");
        assert!(has(&r, "Peru", "Chile", Stance::Cooperate), "{r:?}");
    }
}
