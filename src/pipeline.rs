//! load -> extract -> merge -> dates -> filters: the one path from input
//! files to a map. A [`Request`] says everything that changes the map
//! (files, lexicons, confidence threshold, dates, filters), and `extract`,
//! `export`, `eval` and the window's loader all run it, so they read the
//! same files into the same map.

use crate::extract::{self, Lexicons};
use crate::load::{self, Input, LoadError, LoadOptions};
use crate::model::{Article, DateRange, RelationMap, merge_maps};
use crate::view::Filters;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Which lexicons read articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Lexicon {
    /// The bundled ones only: scores must not depend on what a user taught.
    Bundled,
    /// With the user's own lexicon (taught in the window), if there is one.
    #[default]
    Users,
    /// With this user lexicon file.
    File(PathBuf),
}

/// Everything that decides which map some files give.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Articles, maps or folders; none: the seed article.
    pub files: Vec<PathBuf>,
    pub load: LoadOptions,
    pub lexicon: Lexicon,
    /// Relations the extractor is less sure of are left out of the
    /// articles it reads (a saved map is kept as it was saved).
    pub min_confidence: f32,
    /// Only articles published in this range (open: all, undated too).
    pub dates: DateRange,
    pub filters: Filters,
    /// With `filters.focus`: the actor (name, alias or id) to focus on.
    pub focus: Option<String>,
}

/// The lexicons a request reads with, resolved once for all its files.
pub struct Reader {
    user: Option<Lexicons>,
    min_confidence: f32,
}

impl Reader {
    pub fn lexicons(&self) -> &Lexicons {
        self.user.as_ref().unwrap_or_else(|| Lexicons::bundled())
    }

    /// Whether a user lexicon is in use.
    pub fn is_taught(&self) -> bool {
        self.user.is_some()
    }

    /// The map of one loaded input: an article is extracted and thinned
    /// to the confidence threshold, a map is kept.
    pub fn map_of(&self, input: Input) -> RelationMap {
        match input {
            Input::Article(article) => self.extract(&article),
            Input::Map(map) => map,
        }
    }

    fn extract(&self, article: &Article) -> RelationMap {
        extract::extract_with(self.lexicons(), article).with_min_confidence(self.min_confidence)
    }

    /// The seed article's map.
    pub fn seed(&self) -> RelationMap {
        self.extract(&seed_article())
    }
}

/// One file read: its path and map, or why it could not be used.
pub type Read = Result<(PathBuf, RelationMap, Vec<String>), LoadError>;

impl Request {
    /// The seed article, read as `extract` and `export` read it.
    pub fn seed() -> Self {
        Self {
            min_confidence: extract::DEFAULT_MIN_CONFIDENCE,
            ..Self::default()
        }
    }

    /// Resolve the lexicons; a user lexicon that cannot be read is an error.
    pub fn reader(&self) -> Result<Reader, String> {
        let user = match &self.lexicon {
            Lexicon::Bundled => None,
            Lexicon::Users => crate::curate::user_lexicons(None, self.load)?,
            Lexicon::File(path) => crate::curate::user_lexicons(Some(path), self.load)?,
        };
        Ok(Reader {
            user,
            min_confidence: self.min_confidence,
        })
    }

    /// Every file (folders expanded, each to its article files) read in
    /// parallel, in order, calling `progress(done, total)` as they finish;
    /// `None` once `cancelled()` says so.
    pub fn read_each(
        &self,
        reader: &Reader,
        progress: &(dyn Fn(usize, usize) + Sync),
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Read>> {
        let read = self.read_all(reader, progress, cancelled)?;
        Some(read.into_iter().map(|(_, r)| r).collect())
    }

    /// [`Self::read_each`], each file with the index in `files` of the
    /// folder it was found in (`None`: a file named on its own).
    fn read_all(
        &self,
        reader: &Reader,
        progress: &(dyn Fn(usize, usize) + Sync),
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(Option<usize>, Read)>> {
        let mut files: Vec<(Option<usize>, Result<PathBuf, LoadError>)> = Vec::new();
        for (index, path) in self.files.iter().enumerate() {
            let folder = path.is_dir().then_some(index);
            match load::folder::expand(std::slice::from_ref(path)) {
                Ok(expanded) => files.extend(expanded.into_iter().map(|f| (folder, Ok(f)))),
                Err(e) => files.push((None, Err(e))),
            }
        }
        let total = files.len();
        progress(0, total);
        let done = std::sync::atomic::AtomicUsize::new(0);
        let read: Vec<Option<(Option<usize>, Read)>> = files
            .into_par_iter()
            .map(|(folder, file)| {
                if cancelled() {
                    return None;
                }
                let read = file.and_then(|path| {
                    let loaded = load::load_path(&path, self.load)?;
                    Ok((path, reader.map_of(loaded.input), loaded.warnings))
                });
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                progress(n, total);
                Some((folder, read))
            })
            .collect();
        if cancelled() {
            return None;
        }
        read.into_iter().collect()
    }

    /// The map of every file, in order, with the warnings worth showing. A
    /// file named on its own that cannot be used is the error; one found in
    /// a folder is skipped with a warning naming it, and each such folder
    /// ends with a count ("3 of 2,000 files skipped"). An error only when
    /// nothing at all could be read.
    fn read_maps(
        &self,
        reader: &Reader,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<(Vec<RelationMap>, Vec<String>), String> {
        let read = self
            .read_all(reader, progress, &|| false)
            .unwrap_or_default();
        let mut maps = Vec::with_capacity(read.len());
        let mut warnings = Vec::new();
        // Per folder: files found, files skipped, the first reason.
        let mut folders: Vec<(usize, usize, Option<LoadError>)> =
            vec![(0, 0, None); self.files.len()];
        for (folder, r) in read {
            let tally = folder.and_then(|f| folders.get_mut(f));
            match (r, tally) {
                (Ok((_, map, w)), tally) => {
                    if let Some(tally) = tally {
                        tally.0 += 1;
                    }
                    maps.push(map);
                    warnings.extend(w);
                }
                (Err(e), Some(tally)) => {
                    tally.0 += 1;
                    tally.1 += 1;
                    warnings.push(format!("{e} (skipped)"));
                    tally.2.get_or_insert(e);
                }
                (Err(e), None) => return Err(e.to_string()),
            }
        }
        for (path, (found, skipped, first)) in self.files.iter().zip(folders) {
            let Some(first) = first else { continue };
            let dir = path.display();
            if maps.is_empty() {
                return Err(format!(
                    "{dir}: none of its {} article files could be read ({first})",
                    thousands(found)
                ));
            }
            warnings.push(format!(
                "{dir}: {} of {} files skipped",
                thousands(skipped),
                thousands(found)
            ));
        }
        Ok((maps, warnings))
    }

    /// One map per input file (the seed without files), in order, each
    /// published in the date range; a file named on its own that cannot be
    /// used is the error, one in a folder is skipped (see [`Self::build`]).
    pub fn maps_each(
        &self,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<(Vec<RelationMap>, Vec<String>), String> {
        let reader = self.reader()?;
        if self.files.is_empty() {
            return Ok((vec![reader.seed()], Vec::new()));
        }
        let (mut maps, warnings) = self.read_maps(&reader, progress)?;
        if !self.dates.is_open() {
            maps.retain(|map| map.articles.iter().any(|a| a.published_in(&self.dates)));
        }
        Ok((maps, warnings))
    }

    /// The one map of every file (the seed without files), merged, with
    /// the articles of the date range and what the filters show. Files in
    /// a folder that cannot be read are skipped, each with a warning.
    pub fn build(&self, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<Built, String> {
        let reader = self.reader()?;
        let (map, mut warnings) = if self.files.is_empty() {
            (reader.seed(), Vec::new())
        } else {
            let (mut maps, warnings) = self.read_maps(&reader, progress)?;
            let map = if maps.len() == 1 {
                maps.pop().unwrap_or_default()
            } else {
                merge_maps(maps)
            };
            (map, warnings)
        };
        let map = self.only_dates(map, &mut warnings)?;
        let map = self.filtered(map)?;
        Ok(Built { map, warnings })
    }

    /// `map` with only the articles of the date range; an error when none is.
    fn only_dates(
        &self,
        map: RelationMap,
        warnings: &mut Vec<String>,
    ) -> Result<RelationMap, String> {
        let range = &self.dates;
        if range.is_open() {
            return Ok(map);
        }
        let undated = map.articles.iter().filter(|a| a.day().is_none()).count();
        let total = map.articles.len();
        let kept = map.only_articles(|a| a.published_in(range));
        if undated > 0 {
            warnings.push(format!(
                "{undated} of {total} articles have no date and were left out"
            ));
        }
        if kept.articles.is_empty() {
            return Err(format!("no article was published {}", describe(range)));
        }
        Ok(kept)
    }

    /// `map` as the filters show it; an error when the focus actor is not
    /// on the map.
    pub fn filtered(&self, map: RelationMap) -> Result<RelationMap, String> {
        let focus = match self.focus.as_deref().filter(|_| self.filters.focus) {
            None => None,
            Some(query) => match crate::view::search::find(&map, query).into_iter().next() {
                Some(hit) => Some(hit.id),
                None => return Err(format!("{query}: no such actor on the map")),
            },
        };
        if self.filters == Filters::default() {
            return Ok(map);
        }
        let focus: Vec<&str> = focus.iter().map(String::as_str).collect();
        Ok(crate::view::shown_map(&map, &self.filters, &focus))
    }

    /// Read one article (not a map) and extract it with the bundled
    /// lexicons, with the trace of every sentence; the map is thinned to
    /// the threshold. For `eval`: scores must not depend on a user lexicon.
    pub fn explain(&self, path: &Path) -> Result<(Article, RelationMap, Vec<String>), String> {
        let loaded = load::load_path(path, self.load).map_err(|e| e.to_string())?;
        let Input::Article(article) = loaded.input else {
            return Err(format!(
                "{}: a map, not an article to extract",
                path.display()
            ));
        };
        let (map, traces) = extract::explain(&article);
        Ok((
            article,
            map.with_min_confidence(self.min_confidence),
            traces,
        ))
    }
}

/// `n` with thousands separated by commas: "2,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// "from 2024-01-01 to 2024-03-31", for messages.
pub fn describe(range: &DateRange) -> String {
    match (range.from, range.to) {
        (Some(from), Some(to)) => format!("from {from} to {to}"),
        (Some(from), None) => format!("on or after {from}"),
        (None, Some(to)) => format!("on or before {to}"),
        (None, None) => "at any date".to_string(),
    }
}

fn seed_input() -> Input {
    load::load_bytes(
        SEED_NAME,
        Some(Path::new(SEED_NAME)),
        SEED_ARTICLE.as_bytes(),
        None,
    )
    .expect("the bundled seed article loads (checked by the test suite)")
    .input
}

/// The seed article, opened when no file is given.
pub const SEED_ARTICLE: &str = include_str!("../seeds/article.txt");

/// The name the seed article goes by in maps and messages.
pub const SEED_NAME: &str = "seeds/article.txt";

/// A map built from inputs, with the warnings worth showing.
#[derive(Debug, Clone)]
pub struct Built {
    pub map: RelationMap,
    pub warnings: Vec<String>,
}

/// The map of the seed article, with every relation the extractor reads.
pub fn seed_map() -> RelationMap {
    extract::extract_with(Lexicons::bundled(), &seed_article())
}

fn seed_article() -> Article {
    match seed_input() {
        Input::Article(article) => article,
        Input::Map(_) => unreachable!("the seed is an article"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        let shown: Vec<String> = [0, 7, 999, 1_000, 2_000, 12_345, 1_234_567]
            .into_iter()
            .map(thousands)
            .collect();
        assert_eq!(
            shown,
            ["0", "7", "999", "1,000", "2,000", "12,345", "1,234,567"]
        );
    }
}
