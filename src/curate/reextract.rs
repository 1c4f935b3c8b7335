//! Re-extraction with the user's edits kept: the articles of a saved map
//! are read again (say with a newer lexicon) and its edit log is applied to
//! the fresh map. Edits that no longer fit are returned, never dropped
//! without a word.

use super::edit::{Edit, EditError};
use crate::extract::{Lexicons, extract_with};
use crate::model::{RelationMap, merge_maps};
use std::collections::HashMap;

/// An edit of the log that could not be applied again, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub edit: Edit,
    pub reason: EditError,
}

/// A fresh map with the edits that still apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Reapplied {
    pub map: RelationMap,
    /// The edits applied, in order: the new map's edit log.
    pub applied: Vec<Edit>,
    pub conflicts: Vec<Conflict>,
}

/// Apply `edits`, in order, to `fresh`; each one that fails is a conflict
/// and the rest still go on.
pub fn reapply(fresh: RelationMap, edits: &[Edit]) -> Reapplied {
    let mut map = fresh;
    let mut applied = Vec::new();
    let mut conflicts = Vec::new();
    for edit in edits {
        match edit.apply(&mut map) {
            Ok(_) => applied.push(edit.clone()),
            Err(reason) => conflicts.push(Conflict {
                edit: edit.clone(),
                reason,
            }),
        }
    }
    Reapplied {
        map,
        applied,
        conflicts,
    }
}

/// Extract every article of `saved` again with `lex`, keep relations at
/// least `min_confidence` sure, and re-apply `edits` (the saved log).
/// Article ids stay those of `saved`, so edits that cite sentences still
/// find them.
pub fn reextract(
    saved: &RelationMap,
    edits: &[Edit],
    lex: &Lexicons,
    min_confidence: f32,
) -> Reapplied {
    let mut maps: Vec<RelationMap> = saved
        .articles
        .iter()
        .map(|a| extract_with(lex, a))
        .collect();
    let mut fresh = if maps.len() == 1 {
        maps.pop().unwrap_or_default()
    } else {
        let merged = merge_maps(maps);
        keep_article_ids(merged, saved)
    };
    fresh = fresh.with_min_confidence(min_confidence);
    reapply(fresh, edits)
}

/// `merge_maps` numbers articles a1, a2, ... in order; give them back the
/// ids they have in `saved` (same order, same texts).
fn keep_article_ids(mut map: RelationMap, saved: &RelationMap) -> RelationMap {
    let renamed: HashMap<String, String> = map
        .articles
        .iter()
        .filter_map(|a| {
            let old = saved
                .articles
                .iter()
                .find(|s| s.text == a.text && s.title == a.title)?;
            Some((a.id.clone(), old.id.clone()))
        })
        .collect();
    let rename = |id: &mut String| {
        if let Some(new) = renamed.get(id.as_str()) {
            id.clone_from(new);
        }
    };
    for a in &mut map.articles {
        rename(&mut a.id);
    }
    for e in &mut map.entities {
        e.mentions.iter_mut().for_each(|m| rename(&mut m.article));
    }
    for r in &mut map.relations {
        r.evidence.iter_mut().for_each(|e| rename(&mut e.article));
    }
    map
}
