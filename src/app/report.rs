//! Export report: the library's exporter (the same code as `stancemap
//! export`) writes the shown part of the map, with the nodes where the
//! window has them, as a PNG or SVG for reports or as data for other tools.

use super::loading::{self, Picked};
use super::snapshot;
use super::state::StancemapApp;
use crate::export::{self, ExportOptions, Format};
use crate::render;
use std::path::{Path, PathBuf};

const FILTERS: [(&str, &[&str]); 7] = [
    ("PNG picture", &["png"]),
    ("SVG picture", &["svg"]),
    ("stancemap JSON", &["json"]),
    ("GraphML (yEd, Cytoscape)", &["graphml"]),
    ("GEXF (Gephi)", &["gexf"]),
    ("Graphviz DOT", &["dot"]),
    ("CSV edge table", &["csv"]),
];

impl StancemapApp {
    /// Ask where, then write the report.
    pub fn export_report(&mut self) {
        let dir = self.last_dir();
        let mut note = "";
        let path = match loading::pick_save_path(
            "Export the map",
            "stancemap-map.png",
            dir.as_deref(),
            &FILTERS,
        ) {
            Picked::Chosen(path) => with_known_extension(path),
            Picked::Cancelled => return,
            Picked::Unavailable => {
                note = "No file dialog here: ";
                snapshot::fallback_path(
                    self.sources.last().map(PathBuf::as_path),
                    "stancemap-report",
                )
            }
        };
        match self.write_report(&path) {
            Ok(()) => self
                .messages
                .info(format!("{note}exported the map to {}", path.display())),
            Err(e) => self.messages.error(format!("Could not export: {e}")),
        }
    }

    /// Write the shown map to `path` in the format its extension names.
    pub fn write_report(&self, path: &Path) -> Result<(), String> {
        let opts = ExportOptions {
            render: render::Options {
                scale: 2.0,
                ..render::Options::default()
            },
            ..ExportOptions::default()
        };
        export::write_file(path, &self.visible_map(), &self.positions(), &opts)
    }

    /// The folder of the last opened file, where dialogs start.
    pub fn last_dir(&self) -> Option<PathBuf> {
        self.sources
            .last()
            .or(self.settings.recent.first())
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    }
}

/// A chosen name without a known extension becomes a PNG.
fn with_known_extension(path: PathBuf) -> PathBuf {
    if Format::from_path(&path).is_some() {
        path
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".png");
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_extensions_become_png() {
        assert_eq!(
            with_known_extension("a/map".into()),
            PathBuf::from("a/map.png")
        );
        assert_eq!(
            with_known_extension("a/map.SVG".into()),
            PathBuf::from("a/map.SVG")
        );
    }
}
