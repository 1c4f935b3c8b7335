//! Getting articles into the window: the Open and Add dialogs (rfd), files
//! dropped onto the window, files named on the command line and pasted
//! text all end up here. Loading, extraction and layout run on a worker
//! thread so a large file never freezes the window; the result is merged into the map only
//! when it arrives, and a file that fails leaves the map as it was.

use crate::layout;
use crate::load::{self, Format, Input, LoadOptions};
use crate::model::{RelationMap, merge_maps};
use crate::pipeline;
use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// What loaded files do to the current map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// They become the map.
    Replace,
    /// They are merged into it.
    Add,
}

#[derive(Debug, Clone)]
pub struct Request {
    pub mode: Mode,
    pub paths: Vec<PathBuf>,
    /// Text pasted into the window, read as one more article.
    pub pasted: Option<String>,
}

/// The current map and its layout (layout units, by actor id), which a
/// merge builds on.
pub type Base = (RelationMap, BTreeMap<String, [f32; 2]>);

/// What a finished load brings back.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub mode: Mode,
    /// The new map and its layout; `None` when no file could be used.
    pub result: Option<Base>,
    pub loaded: Vec<PathBuf>,
    /// The title of the pasted article, once read.
    pub pasted: Option<String>,
    /// One line per file that could not be used: "FILE: reason".
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// How far a running load is, shared between the worker and the window.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read, once the folders are expanded (0 until then).
    total: AtomicUsize,
    /// Files read so far (or skipped after a cancel).
    done: AtomicUsize,
    /// Set by the window: read no further file and change nothing.
    cancel: AtomicBool,
}

impl Progress {
    /// Files read and files to read; `None` before the files are counted.
    pub fn counts(&self) -> Option<(usize, usize)> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0).then(|| (self.done.load(Ordering::Relaxed).min(total), total))
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Loads one request at a time on a worker thread; later ones wait.
pub struct Loader {
    /// How files are read (load options, lexicons, threshold): the
    /// command line's request, without its files.
    template: pipeline::Request,
    queue: VecDeque<Request>,
    running: Option<(Request, Receiver<Outcome>, Arc<Progress>)>,
}

impl Loader {
    /// How files are read: the input limit of the command line.
    pub fn load_options(&self) -> LoadOptions {
        self.template.load
    }

    pub fn new(options: LoadOptions, min_confidence: f32) -> Self {
        Self {
            template: pipeline::Request {
                load: options,
                min_confidence,
                ..pipeline::Request::default()
            },
            queue: VecDeque::new(),
            running: None,
        }
    }

    pub fn request(&mut self, mode: Mode, paths: Vec<PathBuf>) {
        if !paths.is_empty() {
            self.queue.push_back(Request {
                mode,
                paths,
                pasted: None,
            });
        }
    }

    /// Add pasted text to the map as an article.
    pub fn paste(&mut self, text: String) {
        self.queue.push_back(Request {
            mode: Mode::Add,
            paths: Vec::new(),
            pasted: Some(text),
        });
    }

    pub fn is_busy(&self) -> bool {
        self.running.is_some() || !self.queue.is_empty()
    }

    /// The files being loaded now, for the progress note.
    pub fn current(&self) -> Option<&[PathBuf]> {
        self.running.as_ref().map(|(r, _, _)| r.paths.as_slice())
    }

    /// The running load's progress.
    pub fn progress(&self) -> Option<&Progress> {
        self.running.as_ref().map(|(_, _, p)| p.as_ref())
    }

    /// Start the next waiting request if none runs; `base` gives the map to
    /// merge into (only called when a request is actually started).
    pub fn start_next(&mut self, ctx: &egui::Context, base: impl FnOnce() -> Base) {
        if self.running.is_some() {
            return;
        }
        let Some(request) = self.queue.pop_front() else {
            return;
        };
        let base = (request.mode == Mode::Add).then(base);
        let (tx, rx) = mpsc::channel();
        let job = request.clone();
        let template = self.template.clone();
        let ctx = ctx.clone();
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name("stancemap-load".into())
            .spawn(move || {
                let outcome = run(job, base, &template, &shared);
                // The window may have closed meanwhile: nobody to tell.
                let _ = tx.send(outcome);
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.running = Some((request, rx, progress));
        } else {
            self.running = None;
        }
    }

    /// A finished load, if one has finished.
    pub fn poll(&mut self) -> Option<Outcome> {
        let (request, rx, _) = self.running.as_ref()?;
        let outcome = match rx.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Outcome {
                mode: request.mode,
                result: None,
                loaded: Vec::new(),
                pasted: None,
                errors: request
                    .paths
                    .iter()
                    .map(|p| format!("{}: could not be read (the loader stopped)", p.display()))
                    .collect(),
                warnings: Vec::new(),
            },
        };
        self.running = None;
        Some(outcome)
    }
}

fn run(
    request: Request,
    base: Option<Base>,
    template: &pipeline::Request,
    progress: &Progress,
) -> Outcome {
    let mut maps = Vec::new();
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut read = pipeline::Request {
        files: request.paths.clone(),
        ..template.clone()
    };
    // What the user taught the extractor; without it, the bundled lexicons.
    let reader = read.reader().unwrap_or_else(|e| {
        warnings.push(format!("Your lexicon was not used: {e}"));
        read.lexicon = pipeline::Lexicon::Bundled;
        read.reader()
            .unwrap_or_else(|_| unreachable!("bundled lexicons always load"))
    });
    let counted = |done: usize, total: usize| {
        progress.total.store(total, Ordering::Relaxed);
        progress.done.fetch_max(done, Ordering::Relaxed);
    };
    let Some(each) = read.read_each(&reader, &counted, &|| progress.is_cancelled()) else {
        return Outcome {
            mode: request.mode,
            result: None,
            loaded: Vec::new(),
            pasted: None,
            errors: Vec::new(),
            warnings: vec!["Loading cancelled: the map is unchanged.".to_string()],
        };
    };
    for result in each {
        match result {
            Ok((path, map, w)) => {
                warnings.extend(w);
                maps.push(map);
                loaded.push(path);
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let mut pasted = None;
    if let Some(text) = &request.pasted {
        let options = read.load;
        match load::load_bytes_with(PASTED, None, text.as_bytes(), Some(Format::Text), options) {
            Ok(file) => {
                warnings.extend(file.warnings);
                if let Input::Article(article) = &file.input {
                    pasted = Some(article.title.clone());
                }
                maps.push(reader.map_of(file.input));
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let result = (!maps.is_empty()).then(|| {
        let (old, known) = base.unwrap_or_default();
        let map = if old.articles.is_empty() && old.entities.is_empty() && maps.len() == 1 {
            maps.pop().unwrap_or_default()
        } else {
            merge_maps(std::iter::once(old).chain(maps))
        };
        let positions = lay_out(&map, &known);
        (map, positions)
    });
    Outcome {
        mode: request.mode,
        result,
        loaded,
        pasted,
        errors,
        warnings,
    }
}

/// What pasted text is called in messages.
const PASTED: &str = "pasted text";

/// Positions for every actor of `map` (layout units), keeping `known`
/// ones; a map without actors has none to place.
pub fn lay_out(
    map: &RelationMap,
    known: &BTreeMap<String, [f32; 2]>,
) -> BTreeMap<String, [f32; 2]> {
    if layout::map_graph(map).ids.is_empty() {
        return BTreeMap::new();
    }
    layout::map_positions_from(map, layout::DEFAULT_SEED, known)
}

/// A file's name, for titles and messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// What a file dialog gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked<T> {
    Chosen(T),
    Cancelled,
    /// No dialog could be shown (no desktop portal): rfd returns at once,
    /// as for a cancel, so a too-quick "cancel" is taken for this.
    Unavailable,
}

/// A dialog answered faster than any person can cancel it did not open.
const HUMAN_CANCEL: Duration = Duration::from_millis(150);

/// Read a dialog's answer, given how long it took.
fn picked<T>(took: Duration, answer: Option<T>) -> Picked<T> {
    match answer {
        Some(t) => Picked::Chosen(t),
        None if took < HUMAN_CANCEL => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// The file types the window opens.
pub const ARTICLE_EXTENSIONS: [&str; 10] = [
    "txt", "md", "markdown", "html", "htm", "json", "text", "pdf", "docx", "odt",
];

/// Ask for article files to open or add.
pub fn pick_articles(title: &str, start_dir: Option<&Path>) -> Picked<Vec<PathBuf>> {
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .add_filter("Articles and maps", &ARTICLE_EXTENSIONS)
        .add_filter("All files", &["*"]);
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    let started = Instant::now();
    let answer = dialog.pick_files();
    picked(started.elapsed(), answer)
}

/// Ask for a folder of articles.
pub fn pick_folder(title: &str, start_dir: Option<&Path>) -> Picked<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(title);
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    let started = Instant::now();
    let answer = dialog.pick_folder();
    picked(started.elapsed(), answer)
}

/// Ask where to save a file of one of `extensions`.
pub fn pick_save_path(
    title: &str,
    file_name: &str,
    start_dir: Option<&Path>,
    filters: &[(&str, &[&str])],
) -> Picked<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .set_file_name(file_name);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    if let Some(dir) = start_dir {
        dialog = dialog.set_directory(dir);
    }
    let started = Instant::now();
    let answer = dialog.save_file();
    picked(started.elapsed(), answer)
}

/// Said when no file dialog can open.
pub const NO_DIALOG: &str = "No file dialog is available here (no desktop portal). \
Drop files onto the window, or name them on the command line: stancemap FILE...";

/// Said when no folder dialog can open.
pub const NO_FOLDER_DIALOG: &str = "No folder dialog is available here (no desktop portal). \
Drop the folder onto the window, or name it on the command line: stancemap DIR";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_slow_empty_answer_is_a_cancel() {
        assert_eq!(
            picked::<u8>(Duration::from_secs(2), None),
            Picked::Cancelled
        );
        assert_eq!(
            picked::<u8>(Duration::from_millis(3), None),
            Picked::Unavailable
        );
        assert_eq!(picked(Duration::from_millis(3), Some(1)), Picked::Chosen(1));
    }

    fn folder_of(n: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..n {
            let text = format!("Russia accused Ukraine of attack number {i}.");
            std::fs::write(dir.path().join(format!("{i:02}.txt")), text).expect("write");
        }
        dir
    }

    fn open(dir: &Path, progress: &Progress) -> Outcome {
        let request = Request {
            mode: Mode::Replace,
            paths: vec![dir.to_path_buf()],
            pasted: None,
        };
        let template = pipeline::Request {
            min_confidence: 0.5,
            ..pipeline::Request::default()
        };
        run(request, None, &template, progress)
    }

    #[test]
    fn a_folder_reports_its_progress() {
        let dir = folder_of(5);
        let progress = Progress::default();
        assert_eq!(progress.counts(), None);
        let outcome = open(dir.path(), &progress);
        assert_eq!(progress.counts(), Some((5, 5)));
        assert_eq!(outcome.loaded.len(), 5);
        assert!(outcome.result.is_some());
    }

    #[test]
    fn a_cancelled_load_reads_nothing_further_and_changes_nothing() {
        let dir = folder_of(5);
        let progress = Progress::default();
        progress.cancel();
        let outcome = open(dir.path(), &progress);
        assert_eq!(progress.counts(), Some((0, 5)));
        assert!(outcome.result.is_none());
        assert!(outcome.errors.is_empty());
        assert!(outcome.warnings.iter().any(|w| w.contains("cancelled")));
    }

    #[test]
    fn pasted_text_is_an_article_titled_by_its_first_line() {
        let template = pipeline::Request {
            min_confidence: 0.5,
            ..pipeline::Request::default()
        };
        let request = Request {
            mode: Mode::Add,
            paths: Vec::new(),
            pasted: Some("Talks in Doha\n\nQatar praised Egypt for its mediation.".into()),
        };
        let outcome = run(request, None, &template, &Progress::default());
        assert_eq!(outcome.pasted.as_deref(), Some("Talks in Doha"));
        let (map, _) = outcome.result.expect("a map");
        assert_eq!(map.articles[0].title, "Talks in Doha");
        assert!(!map.relations.is_empty());
        let empty = Request {
            mode: Mode::Add,
            paths: Vec::new(),
            pasted: Some(" \n ".into()),
        };
        let outcome = run(empty, None, &template, &Progress::default());
        assert!(outcome.result.is_none());
        assert!(
            outcome.errors[0].starts_with("pasted text: empty"),
            "{:?}",
            outcome.errors
        );
    }
}
