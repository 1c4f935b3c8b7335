//! Undo and redo: two stacks of edits, and the log a saved map carries.

use super::edit::{Edit, EditError, Undo, revert};
use super::teach::lessons;
use crate::extract::lexicon::user::UserEntry;
use crate::model::RelationMap;

/// An edit that is in effect, with what undoes it.
#[derive(Debug, Clone)]
struct Done {
    edit: Edit,
    undo: Undo,
    /// Which state of the map this edit led to, for the dirty marker.
    state: u64,
    /// What the edit could teach the extractor (read before applying it).
    lessons: Vec<UserEntry>,
}

/// The edits made to one map, in order, with undo and redo.
///
/// The history only ever touches the map it is given, through edits, so
/// it is independent of anything else the window keeps (positions, view,
/// selection) and survives layout changes.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Edits already in the map when it was opened (from its `edits` log):
    /// kept in the log, not undoable.
    earlier: Vec<Edit>,
    done: Vec<Done>,
    undone: Vec<(Edit, u64)>,
    states: u64,
    saved_state: u64,
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// The history of a map opened with this `edits` log.
    pub fn with_log(earlier: Vec<Edit>) -> History {
        History {
            earlier,
            ..History::default()
        }
    }

    /// Apply `edit` to `map`; it becomes the one to undo and the redo stack
    /// is cleared. On error nothing changes.
    pub fn apply(&mut self, map: &mut RelationMap, edit: Edit) -> Result<(), EditError> {
        let lessons = lessons(map, &edit);
        let undo = edit.apply(map)?;
        self.states += 1;
        self.done.push(Done {
            edit,
            undo,
            state: self.states,
            lessons,
        });
        self.undone.clear();
        Ok(())
    }

    /// Undo the last edit; returns it (for a status line), `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self, map: &mut RelationMap) -> Option<&Edit> {
        let done = self.done.pop()?;
        revert(map, done.undo);
        self.undone.push((done.edit, done.state));
        self.undone.last().map(|(edit, _)| edit)
    }

    /// Apply the last undone edit again. `Ok(None)` when there is nothing
    /// to redo; an error (the map was changed behind the history's back)
    /// leaves the edit on the redo stack.
    pub fn redo(&mut self, map: &mut RelationMap) -> Result<Option<&Edit>, EditError> {
        let Some((edit, state)) = self.undone.pop() else {
            return Ok(None);
        };
        let lessons = lessons(map, &edit);
        match edit.apply(map) {
            Ok(undo) => {
                self.done.push(Done {
                    edit,
                    undo,
                    state,
                    lessons,
                });
                Ok(self.done.last().map(|d| &d.edit))
            }
            Err(e) => {
                self.undone.push((edit, state));
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The edit Undo would undo ("Undo merge isis-k into taliban").
    pub fn next_undo(&self) -> Option<&Edit> {
        self.done.last().map(|d| &d.edit)
    }

    /// The edit Redo would apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.undone.last().map(|(edit, _)| edit)
    }

    /// What the last edit in effect could teach the extractor: user lexicon
    /// entries to offer ("Keep 'Kabul regime' as an alias of Taliban?") and
    /// append with [`UserLexicon::append`](crate::extract::lexicon::user::UserLexicon::append).
    pub fn last_lessons(&self) -> &[UserEntry] {
        self.done.last().map_or(&[], |d| &d.lessons)
    }

    /// Every edit in effect, oldest first: what a saved map's `edits` holds.
    pub fn log(&self) -> Vec<Edit> {
        self.earlier
            .iter()
            .cloned()
            .chain(self.done.iter().map(|d| d.edit.clone()))
            .collect()
    }

    /// Whether the map differs from the one last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.state() != self.saved_state
    }

    /// Call after a save succeeded.
    pub fn mark_saved(&mut self) {
        self.saved_state = self.state();
    }

    fn state(&self) -> u64 {
        self.done.last().map_or(0, |d| d.state)
    }
}
