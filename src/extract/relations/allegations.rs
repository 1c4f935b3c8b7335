//! Allegations: who claims a relation the article only reports as a claim,
//! and the accusations a speaker makes by reporting another's hostile act.

use super::*;

/// `Some(None)`: drop the relation (an allegation nobody makes);
/// `Some(Some(x))`: alleged by x; `None`: a plain relation.
pub(super) fn alleged_by(
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
    // "A said B attacked C" states B's attack as fact (ANNOTATION.md:
    // reported speech); "A claims/alleges ..." makes it A's allegation.
    if let Some((speaker, report)) = p.speaker(c, d) {
        if report == ReportClass::Allege || hit.alleged {
            return Some(speaker.first().cloned());
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
pub(super) fn derived_accusations(
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

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn an_accusation_of_arming_is_alleged_by_the_accuser() {
        let r = read_for_test("Chile accused Peru of arming the Shining Path.");
        assert!(has(&r, "Chile", "Peru", Stance::Accuse), "{r:?}");
        assert!(
            r.iter().any(|x| x.0 == "Peru"
                && x.2 == Stance::Support
                && x.3.as_deref() == Some("Chile")),
            "{r:?}"
        );
    }
}
