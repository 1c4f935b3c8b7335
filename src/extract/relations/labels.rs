//! Labels and compounds: "label X a puppet of Y", "views X as terrorists",
//! "Iranian-backed Houthis".

use super::*;

/// "Turkey views PKK fighters as terrorists", "considers Russia a threat":
/// a labelling verb, its object, then a label noun.
pub(super) fn labelled(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    for k in 0..p.n() {
        let Some((len, _)) = p.lex.grammar.labelling.longest_at(&p.s.words, k) else {
            continue;
        };
        let c = p.clause_of(k);
        let Some(object) = (k + len..(k + len + 3).min(p.n())).find_map(|j| p.mention_starting(j))
        else {
            continue;
        };
        let after = p.groups[p.group_of[object]]
            .last()
            .map_or(p.mentions[object].toks.end, |&m| p.mentions[m].toks.end);
        let label = (after..(after + 5).min(p.n()))
            .find_map(|j| p.lex.cues.labels.get(p.norm(j)).map(|&stance| (j, stance)));
        let Some((at, stance)) = label else { continue };
        if hypothetical_or_negated(p, k) {
            continue;
        }
        let Some(sources) = p.nearest_left(c, k, &[]).or_else(|| p.subject(c, d, &[])) else {
            continue;
        };
        let targets = p.group_ids(object, &sources);
        let cue = p.s.surface(k..at + 1).to_string();
        let claim = Claim::plain(stance, &cue, Rule::Label);
        for s in &sources {
            for t in &targets {
                push(out, d, s, t, &claim);
            }
        }
    }
}

/// "label the Kabul regime a “puppet” of New Delhi": the label's "of"
/// actor is accused too.
#[allow(clippy::too_many_arguments)]
pub(super) fn labels(
    p: &Parse,
    d: &Discourse,
    hit: &CueHit,
    cue: &Cue,
    c: usize,
    o: &Outcome,
    cue_text: &str,
    out: &mut Vec<Found>,
) {
    if cue.stance != Stance::Accuse || o.sources.is_empty() {
        return;
    }
    let end = (hit.toks.end + 12).min(p.n());
    for k in hit.toks.end..end {
        if p.clause_of(k) != c {
            break;
        }
        if let Some(&stance) = p.lex.cues.labels.get(p.norm(k)) {
            let mut j = k + 1;
            while j < end && matches!(p.norm(j), "”" | "\"" | "’" | "'") {
                j += 1;
            }
            if let Some((ids, _)) = p.after_prep(j, &["of"], &o.sources) {
                for s in &o.sources {
                    for t in &ids {
                        push(out, d, s, t, &Claim::plain(stance, cue_text, Rule::Label));
                    }
                }
            }
        }
    }
}

/// "Iranian-backed Houthis": the modifier acts toward the head.
pub(super) fn compounds(p: &Parse, d: &Discourse, out: &mut Vec<Found>) {
    for (m, mention) in p.mentions.iter().enumerate() {
        if !mention.hyphenated {
            continue;
        }
        let Some(&stance) = p.lex.cues.compounds.get(p.norm(mention.toks.end + 1)) else {
            continue;
        };
        let from = mention.toks.end + 2;
        let Some(head) = (from..(from + 3).min(p.n())).find_map(|k| p.mention_starting(k)) else {
            continue;
        };
        if matches!(p.mentions[head].referent, Referent::Pronoun(_)) {
            continue;
        }
        let sources = p.ids(m, &[]);
        let targets = p.group_ids(head, &sources);
        let cue_text =
            p.s.surface(mention.toks.start..mention.toks.end + 2)
                .to_string();
        for s in &sources {
            for t in &targets {
                push(
                    out,
                    d,
                    s,
                    t,
                    &Claim::plain(stance, &cue_text, Rule::Compound),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{has, read_for_test};
    use crate::model::Stance;

    #[test]
    fn a_backed_compound_is_support() {
        let r = read_for_test("Peruvian-backed rebels attacked Chile.");
        assert!(
            has(&r, "Peru", "Chile", Stance::Attack)
                || r.iter().any(|x| x.0 == "Peru" && x.2 == Stance::Support),
            "{r:?}"
        );
    }
}
