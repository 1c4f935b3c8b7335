//! Saving and opening maps in the window: Save (Ctrl+S) and Save As write
//! the map with its positions and edit log (stancemap::curate::save, an
//! atomic write); a saved map opens with both. Unsaved changes are asked
//! about before the window closes or another map replaces this one, are
//! autosaved every minute to the recovery file, and the recovery file is
//! offered back at the next start.

use super::curation::{Answer, Prompt, Then};
use super::loading::{self, Mode, Picked, file_name};
use super::state::StancemapApp;
use crate::curate::{self, Document, History, Recovered};
use std::path::{Path, PathBuf};

/// How often unsaved changes go to the recovery file, in seconds.
pub const AUTOSAVE_SECONDS: f64 = 60.0;

impl StancemapApp {
    /// Open files in place of the map, asking first when it has unsaved
    /// changes.
    pub fn open_files(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        if self.is_dirty() {
            self.curation.prompt = Some(Prompt::Unsaved(Then::Open(paths)));
        } else {
            self.open_now(paths);
        }
    }

    /// A map saved by the window opens here with its positions and edit
    /// log; anything else goes to the background loader.
    fn open_now(&mut self, paths: Vec<PathBuf>) {
        if let [path] = paths.as_slice()
            && is_json(path)
            && let Ok(doc) = Document::open(path, self.loader.load_options())
        {
            let name = file_name(path);
            let edits = doc.edits.len();
            self.take_map(
                doc.map,
                &doc.positions,
                History::with_log(doc.edits),
                Some(path.clone()),
            );
            self.settings.remember(path);
            self.messages.info(format!(
                "Opened {name}: {} actors, {} relations, {edits} edits made before",
                self.map.entities.len(),
                self.map.relations.len()
            ));
            return;
        }
        self.loader.request(Mode::Replace, paths);
    }

    /// A load finished: a new map starts a new history; articles added to
    /// an edited or saved map are a change to save.
    pub(super) fn after_load(&mut self, mode: Mode) {
        match mode {
            Mode::Replace => self.curation.start(History::new(), None),
            Mode::Add => {
                let log = self.curation.history.log();
                let changed =
                    self.curation.is_dirty() || self.curation.file.is_some() || !log.is_empty();
                // Undo data holds list positions that the merge reordered.
                self.curation.history = History::with_log(log);
                self.curation.changed = changed;
                self.curation.offer.clear();
            }
        }
    }

    /// Save to the map's file, or ask for one (Ctrl+S). Returns whether
    /// the map was saved.
    pub fn save(&mut self) -> bool {
        match self.curation.file.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Ask where to save the map, then save it there.
    pub fn save_as(&mut self) -> bool {
        let dir = self
            .curation
            .file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.last_dir());
        let name = self.suggested_name();
        match loading::pick_save_path(
            "Save map",
            &name,
            dir.as_deref(),
            &[("stancemap map", &["json"])],
        ) {
            Picked::Chosen(path) if path.extension().is_some() => self.save_to(&path),
            Picked::Chosen(path) => self.save_to(&path.with_extension("json")),
            Picked::Cancelled => false,
            Picked::Unavailable => {
                let path = free_path(&dir.unwrap_or_else(working_dir), &name);
                let saved = self.write_to(&path);
                if saved {
                    self.messages.warning(format!(
                        "No file dialog is available here (no desktop portal such as \
                         xdg-desktop-portal is running), so the map was saved as {}. \
                         Ctrl+S keeps saving there; open it with: stancemap {}",
                        path.display(),
                        path.display()
                    ));
                }
                saved
            }
        }
    }

    /// Save the map, its positions and its edit log to `path` (atomic).
    pub fn save_to(&mut self, path: &Path) -> bool {
        let saved = self.write_to(path);
        if saved {
            self.messages.info(format!("Saved {}", path.display()));
        }
        saved
    }

    /// [`Self::save_to`] without the note that it saved (errors are shown).
    fn write_to(&mut self, path: &Path) -> bool {
        let positions = self.positions();
        let log = self.curation.history.log();
        match curate::save(path, &self.map, &positions, &log) {
            Ok(()) => {
                self.curation.history.mark_saved();
                self.curation.changed = false;
                self.curation.autosaved_at = None;
                self.curation.file = Some(path.to_path_buf());
                self.settings.remember(path);
                self.clear_recovery();
                true
            }
            Err(e) => {
                self.messages
                    .error(format!("Could not save the map: {e}. Nothing was lost."));
                false
            }
        }
    }

    /// "putin-taliban.json": the article's title, or the file's name.
    fn suggested_name(&self) -> String {
        if let Some(name) = self.curation.file.as_deref().and_then(Path::file_name) {
            return name.to_string_lossy().into_owned();
        }
        let title = self
            .map
            .articles
            .first()
            .map_or("map", |a| a.title.as_str());
        let mut stem: String = crate::model::slug(title).chars().take(40).collect();
        if stem.is_empty() {
            stem = "map".to_string();
        }
        format!("{stem}.json")
    }

    /// The answer to the unsaved changes question.
    pub fn answer_unsaved(&mut self, ctx: &egui::Context, answer: Answer) {
        let Some(Prompt::Unsaved(then)) = self.curation.prompt.take() else {
            return;
        };
        let go = match answer {
            Answer::Save => self.save(),
            Answer::Discard => {
                self.clear_recovery();
                true
            }
            Answer::Cancel => false,
        };
        if !go {
            return;
        }
        match then {
            Then::Close => {
                self.curation.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Then::Open(paths) => {
                self.curation.start(History::new(), None);
                self.open_now(paths);
            }
        }
    }

    /// Hold a close request while there are unsaved changes, and ask.
    pub(super) fn hold_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        if self.is_dirty() && !self.curation.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.curation.prompt = Some(Prompt::Unsaved(Then::Close));
        }
    }

    /// The window is going away: a clean map needs no recovery file; an
    /// unsaved one the user did not discard keeps a fresh one.
    pub(super) fn on_exit(&mut self) {
        if !self.is_dirty() || self.curation.close_confirmed {
            self.clear_recovery();
        } else {
            self.write_recovery();
        }
    }

    /// Write the recovery file once a minute while there are unsaved
    /// changes.
    pub(super) fn autosave_when_due(&mut self, ctx: &egui::Context) {
        if !self.is_dirty() {
            self.curation.autosaved_at = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = *self.curation.autosaved_at.get_or_insert(now);
        let wait = AUTOSAVE_SECONDS - (now - since);
        if wait <= 0.0 {
            self.write_recovery();
            self.curation.autosaved_at = Some(now);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
    }

    fn write_recovery(&mut self) {
        let Some(recovery) = curate::paths::recovery_path() else {
            return;
        };
        let positions = self.positions();
        let log = self.curation.history.log();
        let file = self.curation.file.clone();
        if let Err(e) = curate::autosave(&recovery, file.as_deref(), &self.map, &positions, &log) {
            self.messages
                .warning(format!("Autosave failed (save with Ctrl+S): {e}"));
        }
    }

    fn clear_recovery(&mut self) {
        if let Some(recovery) = curate::paths::recovery_path()
            && let Err(e) = curate::clear_recovery(&recovery)
        {
            self.messages.warning(e);
        }
    }

    /// At start: offer the map the recovery file holds.
    pub(super) fn offer_recovery(&mut self) {
        let Some(recovery) = curate::paths::recovery_path() else {
            return;
        };
        match curate::load_recovery(&recovery, self.loader.load_options()) {
            Ok(Some(found)) => self.curation.prompt = Some(Prompt::Recovery(Box::new(found))),
            Ok(None) => {}
            Err(e) => self
                .messages
                .warning(format!("The recovery file could not be read: {e}")),
        }
    }

    /// The answer to the recovery offer: take the map back, or drop it.
    pub fn answer_recovery(&mut self, recover: bool) {
        let Some(Prompt::Recovery(found)) = self.curation.prompt.take() else {
            return;
        };
        if !recover {
            self.clear_recovery();
            return;
        }
        let Recovered { document, file } = *found;
        self.take_map(
            document.map,
            &document.positions,
            History::with_log(document.edits),
            file,
        );
        // Recovered work is not saved until the user saves it.
        self.curation.changed = true;
        self.messages
            .info("Recovered the unsaved map. Save it (Ctrl+S) to keep it.");
    }
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn working_dir() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| std::env::temp_dir())
}

/// `dir/name`, or `dir/stem-2.json`, ... when that file exists: never
/// overwrite a file the user did not choose.
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let stem = name.strip_suffix(".json").unwrap_or(name);
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.json")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
