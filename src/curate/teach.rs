//! From an edit to what the extractor should learn from it: a merge or a
//! rename becomes an alias, a corrected or added stance becomes a cue.

use super::edit::Edit;
use crate::extract::lexicon::user::{UserAlias, UserCue, UserEntry};
use crate::model::RelationMap;

/// The user lexicon entries that keep what `edit` teaches; `map` is the map
/// *before* the edit (a merge removes the name it learns from). Empty when
/// the edit teaches nothing or does not fit the map. Append them with
/// [`UserLexicon::append`](crate::extract::lexicon::user::UserLexicon::append).
pub fn lessons(map: &RelationMap, edit: &Edit) -> Vec<UserEntry> {
    match edit {
        Edit::MergeActors { from, into } => {
            let (Some(from), Some(into)) = (map.entity(from), map.entity(into)) else {
                return Vec::new();
            };
            vec![UserEntry::Alias(UserAlias {
                form: from.name.clone(),
                actor: into.id.clone(),
                define: Some((into.name.clone(), into.kind)),
            })]
        }
        Edit::RenameActor { actor, name } => {
            let name = name.trim();
            match map.entity(actor) {
                Some(e) if e.name != name && !name.is_empty() => {
                    vec![UserEntry::Alias(UserAlias {
                        form: e.name.clone(),
                        actor: e.id.clone(),
                        define: Some((name.to_string(), e.kind)),
                    })]
                }
                _ => Vec::new(),
            }
        }
        Edit::SetStance { relation, stance } => {
            let mut cues: Vec<String> = map
                .relations
                .iter()
                .filter(|r| relation.matches(r))
                .flat_map(|r| &r.evidence)
                .map(|e| e.cue.trim().to_lowercase())
                .filter(|c| !c.is_empty())
                .collect();
            cues.sort();
            cues.dedup();
            cues.into_iter()
                .map(|cue| cue_entry(cue, *stance))
                .collect()
        }
        Edit::AddRelation { cue, stance, .. } if !cue.trim().is_empty() => {
            vec![cue_entry(cue.trim().to_lowercase(), *stance)]
        }
        _ => Vec::new(),
    }
}

fn cue_entry(cue: String, stance: crate::model::Stance) -> UserEntry {
    UserEntry::Cue(UserCue {
        forms: vec![cue],
        stance,
    })
}
