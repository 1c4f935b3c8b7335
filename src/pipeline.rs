//! load -> extract -> merge: the one path from input files to a map, shared
//! by the command line and the window.

use crate::extract::{self, Lexicons};
use crate::load::{self, Input, LoadError, LoadOptions};
use crate::model::{RelationMap, merge_maps};
use std::path::{Path, PathBuf};

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

/// The map of the seed article.
pub fn seed_map() -> RelationMap {
    seed_map_with(extract::Lexicons::bundled())
}

/// The map of the seed article, read with `lex`.
pub fn seed_map_with(lex: &Lexicons) -> RelationMap {
    let loaded = load::load_bytes(
        SEED_NAME,
        Some(Path::new(SEED_NAME)),
        SEED_ARTICLE.as_bytes(),
        None,
    )
    .expect("the bundled seed article loads (checked by the test suite)");
    map_of_with(lex, loaded.input)
}

/// The map of one loaded input: an article is extracted, a map is kept.
pub fn map_of(input: Input) -> RelationMap {
    map_of_with(extract::Lexicons::bundled(), input)
}

/// [`map_of`] with the lexicons `lex` (say, with a user lexicon).
pub fn map_of_with(lex: &Lexicons, input: Input) -> RelationMap {
    match input {
        Input::Article(article) => extract::extract_with(lex, &article),
        Input::Map(map) => map,
    }
}

/// Load every file (or the seed when `paths` is empty), extract articles
/// and merge everything into one map. The first file that cannot be used
/// stops the build with its error.
pub fn build(paths: &[PathBuf], options: LoadOptions) -> Result<Built, LoadError> {
    build_with(extract::Lexicons::bundled(), paths, options)
}

/// [`build`] with the lexicons `lex`.
pub fn build_with(
    lex: &Lexicons,
    paths: &[PathBuf],
    options: LoadOptions,
) -> Result<Built, LoadError> {
    if paths.is_empty() {
        return Ok(Built {
            map: seed_map_with(lex),
            warnings: Vec::new(),
        });
    }
    let mut maps = Vec::with_capacity(paths.len());
    let mut warnings = Vec::new();
    for path in paths {
        let loaded = load::load_path(path, options)?;
        warnings.extend(loaded.warnings);
        maps.push(map_of_with(lex, loaded.input));
    }
    let map = if maps.len() == 1 {
        maps.pop().unwrap_or_default()
    } else {
        merge_maps(maps)
    };
    Ok(Built { map, warnings })
}
