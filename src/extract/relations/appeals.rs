//! Appeals to third parties: "urged X to stop" opposes X; any other call
//! ("urged X and Y to resume talks") is neutral toward those urged.

use super::*;

/// Verbs that, after "urged X to", demand that X stop what it does.
/// "urging the Philippines to cease provocations", "called on Russia to
/// withdraw": the one who urges opposes the one urged. Any other appeal
/// ("urged Israel and Hamas to resume talks", "asked both sides to show
/// restraint") is neutral toward those urged (ANNOTATION.md: calls on
/// third parties).
pub(super) fn demanded_to_stop(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    for k in 0..p.n() {
        let Some((len, _)) = p.lex.grammar.object_control.longest_at(&p.s.words, k) else {
            continue;
        };
        let Some(object) = p
            .mention_starting(k + len)
            .or_else(|| p.mention_starting(k + len + 1))
        else {
            continue;
        };
        let after = p.groups[p.group_of[object]]
            .last()
            .map_or(p.mentions[object].toks.end, |&m| p.mentions[m].toks.end);
        if p.norm(after) != "to" || hypothetical_or_negated(p, k) {
            continue;
        }
        // "to “immediately stop”": quotes and adverbs before the verb.
        let mut verb = after + 1;
        while verb < p.n()
            && (matches!(p.norm(verb), "“" | "\"" | "‘") || p.norm(verb).ends_with("ly"))
        {
            verb += 1;
        }
        let stance = if p.lex.grammar.stop_verbs.contains(p.norm(verb)) {
            Stance::Oppose
        } else if p.lex.grammar.appeals.longest_at(&p.s.words, k).is_some() {
            Stance::Neutral
        } else {
            continue;
        };
        let c = p.clause_of(k);
        let Some(sources) = p.nearest_left(c, k, &[]).or_else(|| p.subject(c, d, &[])) else {
            continue;
        };
        let targets = p.group_ids(object, &sources);
        let cue = p.s.surface(k..verb + 1).to_string();
        let claim = Claim::plain(stance, &cue, Rule::Active);
        for s in &sources {
            for t in &targets {
                push(out, d, s, t, &claim);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn a_call_to_stop_opposes_and_a_call_to_talk_is_neutral() {
        let r = read_for_test("Chile urged Peru to withdraw its troops.");
        assert!(has(&r, "Chile", "Peru", Stance::Oppose), "{r:?}");
        let r = read_for_test("Chile urged Peru and Bolivia to resume talks.");
        assert!(has(&r, "Chile", "Bolivia", Stance::Neutral), "{r:?}");
        assert!(!has(&r, "Chile", "Bolivia", Stance::Cooperate), "{r:?}");
    }
}
