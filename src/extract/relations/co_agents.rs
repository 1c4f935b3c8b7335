//! Co-agents: actors named together as the agents of one act on a third
//! party cooperate with each other.

use super::*;

/// "The EU and the US imposed sanctions on Belarus", "California and San
/// Francisco sued the Justice Department": actors named together as the
/// agents of one act on a third party cooperate with each other, both ways
/// (ANNOTATION.md: co-agents). Mutual and joint readings ("A and B signed a
/// deal") already relate the parties to each other, and an alleged act
/// is not theirs together.
pub(super) fn co_agents(d: &Discourse, o: &Outcome, cue: &str, out: &mut Vec<Found>) {
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

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn co_agents_cooperate_but_one_agent_has_no_partner() {
        let r = read_for_test("Chile and Bolivia imposed sanctions on Peru.");
        assert!(has(&r, "Chile", "Bolivia", Stance::Cooperate), "{r:?}");
        assert!(has(&r, "Bolivia", "Chile", Stance::Cooperate), "{r:?}");
        let r = read_for_test("Chile imposed sanctions on Peru.");
        assert!(!r.iter().any(|x| x.2 == Stance::Cooperate), "{r:?}");
    }
}
