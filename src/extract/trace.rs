//! `STANCEMAP_TRACE=1`: how each sentence was read (mentions and what they
//! resolved to, cues, clauses, relations), on standard error. For
//! answering "why is this edge here?" when tuning lexicons.

use super::discourse::Discourse;
use super::relations::{Found, Parse};
use std::fmt::Write as _;

pub fn sentence(p: &Parse, d: &Discourse, index: usize, found: &[Found]) -> String {
    let ids = |c: &Vec<Vec<u32>>| -> Vec<Vec<&str>> {
        c.iter()
            .map(|ids| ids.iter().map(|&e| d.id(e)).collect())
            .collect()
    };
    let mut out = String::new();
    let text = p.s.surface(0..p.s.tokens.len());
    let _ = writeln!(out, "[{index}] {text}");
    for (i, m) in p.mentions.iter().enumerate() {
        let _ = writeln!(
            out,
            "    mention {:?} {:?}{} -> {:?} (group {})",
            p.s.surface(m.toks.clone()),
            m.form,
            if m.possessive { " 's" } else { "" },
            ids(&p.cands[i]),
            p.group_of[i]
        );
    }
    for h in p.hits {
        let cue = &p.lex.cues.cues[h.cue];
        let _ = writeln!(
            out,
            "    cue {:?} {:?} {} {:?} form={:?} clause={}{}{}{}",
            p.s.surface(h.toks.clone()),
            cue.pos,
            cue.stance,
            cue.frame,
            h.form,
            p.clauses.of_token[h.toks.start],
            if h.negated { " negated" } else { "" },
            if h.nonfactual { " nonfactual" } else { "" },
            h.modality
                .map_or(String::new(), |m| format!(" {}", m.as_str())),
        );
    }
    for (i, c) in p.clauses.list.iter().enumerate() {
        let toks: Vec<usize> = (0..p.s.tokens.len())
            .filter(|&t| p.clauses.of_token[t] == i)
            .collect();
        if let (Some(&a), Some(&b)) = (toks.first(), toks.last()) {
            let _ = writeln!(
                out,
                "    clause {i} {:?} parent={:?} speaker={:?} hint={:?}: {}",
                c.kind,
                c.parent,
                c.speaker,
                c.subject_hint,
                p.s.surface(a..b + 1)
            );
        }
    }
    for f in found {
        let _ = writeln!(
            out,
            "    => {} -> {} {}{} ({:?}, rule {}, {:.2})",
            d.id(f.source),
            d.id(f.target),
            f.stance,
            f.alleged_by
                .map_or(String::new(), |a| format!(" alleged_by {}", d.id(a))),
            f.cue,
            f.rule.name(),
            f.confidence
        );
    }
    out
}
