//! A saved map: the `stancemap/1` document plus where each actor was on
//! screen (`positions`) and the edits made to it (`edits`). Both extra
//! fields are optional, so maps without them (and the gold maps) load, and
//! readers that do not know them ignore them.

use super::edit::Edit;
use crate::load::{LoadOptions, parse_map};
use crate::model::RelationMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Entity id -> position in layout units.
pub type Positions = BTreeMap<String, [f32; 2]>;

/// A map as saved by the window.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub map: RelationMap,
    pub positions: Positions,
    /// The edits in effect, oldest first (see [`super::History::log`]).
    pub edits: Vec<Edit>,
}

/// The fields a document adds to a map.
#[derive(Deserialize)]
struct Extra {
    #[serde(default)]
    positions: Positions,
    #[serde(default)]
    edits: Vec<Edit>,
}

#[derive(Serialize)]
struct Out<'a> {
    #[serde(flatten)]
    map: &'a RelationMap,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    positions: Positions,
    #[serde(skip_serializing_if = "<[Edit]>::is_empty")]
    edits: &'a [Edit],
    /// Set in recovery files only: the file the document was saved as.
    #[serde(skip_serializing_if = "Option::is_none")]
    recovery_of: Option<&'a str>,
}

impl Document {
    pub fn new(map: RelationMap) -> Document {
        Document {
            map,
            ..Document::default()
        }
    }

    /// Parse and check a document; the error is a short reason.
    pub fn from_json(text: &str) -> Result<Document, String> {
        let map = parse_map(text)?;
        let extra: Extra = serde_json::from_str(text)
            .map_err(|e| format!("not a valid positions or edits field: {e}"))?;
        Ok(Document {
            map,
            positions: extra.positions,
            edits: extra.edits,
        })
    }

    pub fn to_json(&self) -> String {
        to_json(&self.map, &self.positions, &self.edits, None)
    }

    /// Open a saved document, read like any input within `options`'
    /// limit; errors name the file.
    pub fn open(path: &Path, options: LoadOptions) -> Result<Document, String> {
        let text = crate::load::read::read_text(path, options).map_err(|e| e.to_string())?;
        Document::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Save atomically (the previous file stays whole until the new one is).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        save(path, &self.map, &self.positions, &self.edits)
    }
}

/// Save a map with its positions and edit log without first gathering them
/// into a [`Document`] (the window keeps them apart).
pub fn save(
    path: &Path,
    map: &RelationMap,
    positions: &Positions,
    edits: &[Edit],
) -> Result<(), String> {
    let json = to_json(map, positions, edits, None);
    crate::atomic_write::write(path, json.as_bytes())
}

/// The JSON of a document: positions only of the map's actors, and only
/// finite ones (JSON has no NaN).
pub(super) fn to_json(
    map: &RelationMap,
    positions: &Positions,
    edits: &[Edit],
    recovery_of: Option<&str>,
) -> String {
    let positions = positions
        .iter()
        .filter(|(id, p)| p.iter().all(|c| c.is_finite()) && map.entity(id).is_some())
        .map(|(id, p)| (id.clone(), *p))
        .collect();
    let out = Out {
        map,
        positions,
        edits,
        recovery_of,
    };
    let mut json = serde_json::to_string_pretty(&out).expect("a document always serialises");
    json.push('\n');
    json
}
