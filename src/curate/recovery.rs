//! Autosave: the window writes the open map to a recovery file every
//! minute while it has unsaved changes, removes it after a save or a clean
//! close, and offers what it finds there at the next start (a crash).
//!
//! A recovery file is an ordinary document (it opens as a map) with one
//! more field, `recovery_of`: the file the map was being edited as.

use super::document::{Document, Positions, to_json};
use super::edit::Edit;
use crate::load::LoadOptions;
use crate::model::RelationMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// What a recovery file held.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub document: Document,
    /// The file it was being edited as; `None` for a map never saved.
    pub file: Option<PathBuf>,
}

/// Write the recovery file `recovery` (see [`super::paths::recovery_path`]),
/// creating its folder; atomic like every save.
pub fn autosave(
    recovery: &Path,
    file: Option<&Path>,
    map: &RelationMap,
    positions: &Positions,
    edits: &[Edit],
) -> Result<(), String> {
    if let Some(dir) = recovery.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    }
    let file = file.map(|f| f.display().to_string());
    let json = to_json(map, positions, edits, file.as_deref());
    crate::atomic_write::write(recovery, json.as_bytes())
}

/// What the recovery file holds: `Ok(None)` when there is none, an error
/// naming it when it cannot be read (within `options`' input limit).
pub fn load_recovery(recovery: &Path, options: LoadOptions) -> Result<Option<Recovered>, String> {
    let name = recovery.display();
    if std::fs::symlink_metadata(recovery).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    {
        return Ok(None);
    }
    let text = crate::load::read::read_text(recovery, options).map_err(|e| e.to_string())?;
    #[derive(Deserialize)]
    struct Origin {
        #[serde(default)]
        recovery_of: Option<PathBuf>,
    }
    let document = Document::from_json(&text).map_err(|e| format!("{name}: {e}"))?;
    let origin: Origin = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
    Ok(Some(Recovered {
        document,
        file: origin.recovery_of,
    }))
}

/// Remove the recovery file (after a save, or when the user declines it);
/// a missing file is fine.
pub fn clear_recovery(recovery: &Path) -> Result<(), String> {
    match std::fs::remove_file(recovery) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{}: cannot remove: {e}", recovery.display())),
    }
}
