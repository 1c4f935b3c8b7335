//! What the window keeps about editing and saving the map: the history,
//! the file, the pending question, the relation being added. Data only;
//! the operations on the window are in editing.rs and saving.rs, so this
//! can sit in the window's state without importing it.

use crate::curate::{Conflict, History, Positions, Recovered, UserEntry};
use crate::model::Stance;
use std::collections::HashMap;
use std::path::PathBuf;

/// What the window keeps about editing and saving the map.
#[derive(Default)]
pub struct Curation {
    pub history: History,
    /// The file the map is saved as: set by Save As or by opening a map.
    pub file: Option<PathBuf>,
    /// The map changed outside the history since it was last saved
    /// (articles added to an edited map, re-extracted, recovered).
    pub changed: bool,
    /// The last position of every actor seen, so an actor brought back by
    /// an undo returns to where it was.
    pub remembered: Positions,
    /// A question the window waits for an answer to.
    pub prompt: Option<Prompt>,
    /// What the last edit could teach the extractor, offered to keep.
    pub offer: Vec<UserEntry>,
    /// Edits a re-extraction could not apply again.
    pub conflicts: Vec<Conflict>,
    /// A relation being added by hand.
    pub draft: Option<Draft>,
    /// Two actors held for a merge (the selected one, then the one
    /// Ctrl+clicked); the details panel asks which way.
    pub pair: Option<(String, String)>,
    /// The confidence threshold articles are extracted with.
    pub min_confidence: f32,
    /// egui time of the last autosave (or when the map became dirty).
    pub autosaved_at: Option<f64>,
    /// The user chose to close without saving.
    pub close_confirmed: bool,
    /// The first name seen for each actor id, to name edits by (an undo
    /// can be about an actor the map no longer has).
    pub names: HashMap<String, String>,
}

/// A relation read by hand from one sentence of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub article: String,
    /// The picked sentence; `None` until one is clicked.
    pub sentence: Option<usize>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub stance: Stance,
    /// The words that state it.
    pub cue: String,
}

impl Curation {
    pub fn new(min_confidence: f32) -> Self {
        Self {
            min_confidence,
            ..Self::default()
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty() || self.changed
    }

    /// Forget everything about the previous map: a new one is open.
    pub fn start(&mut self, history: History, file: Option<PathBuf>) {
        *self = Self {
            history,
            file,
            min_confidence: self.min_confidence,
            ..Self::default()
        };
    }
}

/// A question the window asks in a modal.
pub enum Prompt {
    /// The map has unsaved changes; `Then` is what waits for the answer.
    Unsaved(Then),
    /// The recovery file holds a map from a session that did not end.
    Recovery(Box<Recovered>),
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    Close,
    Open(Vec<PathBuf>),
}

/// The answer to the unsaved changes question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}
