//! Relations with one side the sentence leaves implied, which ANNOTATION.md
//! still codes: a strike opposes the employer even when the sentence does
//! not name it, and an agentless judicial act ("was sentenced", "was
//! arrested") is the state's.

use super::{Claim, Found, Outcome, Parse, Rule, push};
use crate::extract::discourse::{Discourse, EntityId};
use crate::extract::entity_class;
use crate::model::{EntityKind, Stance};

/// Every entity the sentence's mentions resolve to, first reading only.
fn sentence_entities(p: &Parse) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = Vec::new();
    for c in p.cands {
        for &id in c.first().into_iter().flatten() {
            if !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

/// "The union went on strike", "workers at Roemer Industries walked off the
/// job": a workers' body in a sentence about a strike opposes the employer,
/// a company in the same sentence or else the last company named.
pub fn strikes(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    let Some((at, len)) = (0..p.n()).find_map(|k| {
        p.lex
            .cues
            .strikes
            .longest_at(&p.s.words, k)
            .map(|(len, _)| (k, len))
    }) else {
        return;
    };
    let entities = sentence_entities(p);
    let class = |id: EntityId| entity_class(p.lex, d, id);
    let workers: Vec<EntityId> = entities
        .iter()
        .copied()
        .filter(|&id| matches!(class(id), Some("union" | "association")))
        .collect();
    let Some(employer) = entities
        .iter()
        .copied()
        .find(|&id| class(id) == Some("company"))
        .or_else(|| d.last_of_class("company"))
    else {
        return;
    };
    let cue = p.s.surface(at..at + len).to_string();
    let claim = Claim::plain(Stance::Oppose, &cue, Rule::Implied);
    for w in &workers {
        push(out, d, w, &employer, &claim);
    }
}

/// "Sannikov was sentenced to five years", "the party was dissolved": an
/// agentless passive of a judicial or police act (state_acts.tsv) is the
/// act of the state the article is about, on the clause's subject.
pub fn state_acts(p: &Parse, d: &Discourse, outcomes: &[Option<Outcome>], out: &mut Vec<Found>) {
    for (hit, outcome) in p.hits.iter().zip(outcomes) {
        let has_source = outcome.as_ref().is_some_and(|o| !o.sources.is_empty());
        let word = p.s.surface(hit.toks.clone()).to_lowercase();
        let Some(stances) = p.lex.cues.state_acts.get(&word) else {
            continue;
        };
        if has_source || hit.negated || hit.nonfactual || !p.passive(hit) {
            continue;
        }
        let c = p.clause_of(hit.toks.start);
        let (Some(targets), Some(state)) = (p.subject(c, d, &[]), d.home_state()) else {
            continue;
        };
        for stance in stances {
            let claim = Claim::plain(*stance, &word, Rule::Implied);
            for t in targets.iter().filter(|&&t| {
                matches!(
                    d.info(t).kind,
                    EntityKind::Person | EntityKind::Organisation | EntityKind::Other
                )
            }) {
                push(out, d, &state, t, &claim);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn the_strike_and_state_act_passes_run() {
        let r = read_for_test(
            "Strike at Lima Mining\n\nLima Mining Ltd cut pay. The Lima Mining Workers Union went on strike.\n",
        );
        assert!(
            has(
                &r,
                "Lima Mining Workers Union",
                "Lima Mining Ltd",
                Stance::Oppose
            ),
            "{r:?}"
        );
        let r = read_for_test(
            "Peru jails activist\n\nPeru tightened its laws. Opposition leader Ana Quispe was jailed on Monday.\n",
        );
        assert!(has(&r, "Peru", "Ana Quispe", Stance::Attack), "{r:?}");
        assert!(has(&r, "Peru", "Ana Quispe", Stance::Accuse), "{r:?}");
    }
}
