//! Noun cues: "Pakistan's allegations against the group", "talks between A
//! and B", "the Israel-Iran conflict", "a nod from Moscow".

use super::*;

pub(super) fn attach_noun(
    p: &Parse,
    d: &Discourse,
    hit: &CueHit,
    cue: &Cue,
    c: usize,
) -> Option<Outcome> {
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

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn a_noun_between_two_actors_is_mutual() {
        let r =
            read_for_test("Chile and Peru\n\nClashes between Chile and Peru erupted on Monday.\n");
        assert!(has(&r, "Chile", "Peru", Stance::Attack), "{r:?}");
        assert!(has(&r, "Peru", "Chile", Stance::Attack), "{r:?}");
    }

    #[test]
    fn a_possessor_is_the_agent_and_the_preposition_the_target() {
        let r = read_for_test("Chile\u{2019}s sanctions against Peru took effect.");
        assert!(has(&r, "Chile", "Peru", Stance::Oppose), "{r:?}");
    }
}
