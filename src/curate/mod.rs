//! Curation: the analyst corrects the map, saves it, and the extractor
//! learns from the corrections.
//!
//! - [`Edit`] is one correction; [`History`] applies edits with undo and
//!   redo and gives the `edits` log.
//! - [`Document`] is a saved map with positions and the log; [`save`]
//!   writes one atomically, [`autosave`] / [`load_recovery`] /
//!   [`clear_recovery`] keep the crash recovery file.
//! - [`lessons`] turns a merge, rename or stance edit into user lexicon
//!   entries; [`paths`] says where the user lexicon and recovery file live.
//! - [`reextract`] / [`reapply`] read the articles again and re-apply the
//!   log, listing the edits that no longer fit.

mod document;
mod edit;
mod history;
pub mod paths;
mod recovery;
mod reextract;
mod teach;

pub use document::{Document, Positions, save};
pub use edit::{Edit, EditError, RelationRef, Undo, revert};
pub use history::History;
pub use recovery::{Recovered, autosave, clear_recovery, load_recovery};
pub use reextract::{Conflict, Reapplied, reapply, reextract};
pub use teach::lessons;
// The user lexicon lives with the extractor that reads it; here for the
// window's convenience.
pub use crate::extract::lexicon::user::{UserEntry, UserLexicon};

use crate::extract::Lexicons;
use crate::load::LoadOptions;
use crate::model::{RelationMap, slug};
use std::path::Path;

/// A fresh actor id for `name`: its slug, with `-2`, `-3`, ... when the map
/// already has it (for [`Edit::SplitAlias`]).
pub fn fresh_id(map: &RelationMap, name: &str) -> String {
    let base = slug(name);
    let mut id = base.clone();
    let mut n = 1;
    while map.entity(&id).is_some() {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// The lexicons extraction should use: the bundled ones with the user
/// lexicon `explicit` (which must exist), or else with the user's own file
/// when there is one, or else `None` (use [`Lexicons::bundled`]). The file
/// is read like any input, within `options`' limit.
pub fn user_lexicons(
    explicit: Option<&Path>,
    options: LoadOptions,
) -> Result<Option<Lexicons>, String> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match paths::user_lexicon_path() {
            Some(path) if path.is_file() => path,
            _ => return Ok(None),
        },
    };
    let user = read_user_lexicon(&path, options)?;
    Lexicons::with_user(&user).map(Some)
}

/// Read and parse a user lexicon file; errors name the file.
pub fn read_user_lexicon(path: &Path, options: LoadOptions) -> Result<UserLexicon, String> {
    let text = crate::load::read::read_text(path, options).map_err(|e| e.to_string())?;
    UserLexicon::parse(&path.display().to_string(), &text)
}
