//! What later sentences refer back to: the last attacker ("these attacks")
//! and the last proposer ("the move", "the proposal").

use super::*;

/// Remember who attacked, for "these attacks".
pub(super) fn remember_attacker(d: &mut Discourse, hit: &CueHit, cue: &Cue, o: &Outcome) {
    if cue.stance == Stance::Attack && !o.sources.is_empty() && !hit.negated {
        d.set_attack_agent(&o.sources);
    }
}

/// Remember who proposed or moved last, for "the move" and "the proposal".
pub fn remember_proposers(p: &Parse, d: &mut Discourse) {
    for k in 0..p.n() {
        let norm = p.norm(k);
        let c = p.clause_of(k);
        let agent = if p.lex.grammar.action_nouns.contains(norm) {
            action_owner(p, k)
        } else if p.lex.grammar.sets.has(WordSet::Proposing, norm)
            && p.mention_starting(k).is_none()
        {
            p.nearest_left(c, k, &[])
        } else {
            None
        };
        if let Some(ids) = agent {
            d.set_action_agent(&ids);
        }
    }
}

/// The possessor, modifier or by-agent of the action noun at `k`.
pub(super) fn action_owner(p: &Parse, k: usize) -> Option<Ids> {
    let mut b = k;
    for _ in 0..4 {
        if let Some(m) = p.mention_ending(b) {
            let ids = p.group_ids(m, &[]);
            return (!ids.is_empty()).then_some(ids);
        }
        if b == 0 {
            break;
        }
        let prev = p.norm(b - 1);
        let adjective = p.s.tokens[b - 1].is_word()
            && p.lex.grammar.class(prev).is_none()
            && !p.lex.grammar.is_preposition(prev);
        if prev == "'s" || prev == "'" || adjective {
            b -= 1;
        } else {
            break;
        }
    }
    p.after_prep(k + 1, &["by"], &[]).map(|(ids, _)| ids)
}

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn the_move_refers_back_to_who_proposed_it() {
        let r = read_for_test(
            "Chile and Peru\n\nChile requested a vote on the border. Peru rejected the move.\n",
        );
        assert!(has(&r, "Peru", "Chile", Stance::Oppose), "{r:?}");
    }
}
