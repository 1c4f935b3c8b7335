//! Saved news pages keep the story and lose the furniture: each page in
//! tests/fixtures/pages (written for these tests in the styles of a wire
//! service, a newspaper with comments, a blog, an AMP page, a script-built
//! page with JSON-LD only and a Firefox "Web Page, complete" save) has a
//! `.gold` file listing its title, date, the sentences that must be kept
//! and the furniture that must be gone; no relation of its map may rest on
//! a sentence that is not the story's.

use stancemap::load::{self, Input, LoadOptions};
use stancemap::model::Article;
use std::path::{Path, PathBuf};

struct Gold {
    title: String,
    date: String,
    keep: Vec<String>,
    gone: Vec<String>,
}

fn gold(path: &Path) -> Gold {
    let text = std::fs::read_to_string(path).unwrap();
    let mut gold = Gold {
        title: String::new(),
        date: String::new(),
        keep: Vec::new(),
        gone: Vec::new(),
    };
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (key, value) = line.split_once(": ").expect("key: value");
        let value = value.trim().to_string();
        match key {
            "title" => gold.title = value,
            "date" => gold.date = value,
            "keep" => gold.keep.push(value),
            "gone" => gold.gone.push(value),
            _ => panic!("{}: unknown key {key}", path.display()),
        }
    }
    gold
}

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
}

fn article(path: &Path) -> Article {
    let loaded = load::load_path(path, LoadOptions::default()).unwrap();
    match loaded.input {
        Input::Article(a) => a,
        Input::Map(_) => panic!("{}: not an article", path.display()),
    }
}

fn sentences(a: &Article) -> Vec<&str> {
    a.sentences
        .iter()
        .map(|[s, e]| a.text[*s..*e].trim())
        .collect()
}

#[test]
fn every_page_keeps_its_story_and_drops_its_furniture() {
    let pages = pages();
    assert!(pages.len() >= 6, "{pages:?}");
    let mut failures = Vec::new();
    for page in &pages {
        let gold = gold(&page.with_extension("gold"));
        let a = article(page);
        let name = page.file_name().unwrap().to_string_lossy();
        let said = sentences(&a);
        if a.title != gold.title {
            failures.push(format!("{name}: title {:?}, not {:?}", a.title, gold.title));
        }
        if a.date.as_deref() != Some(gold.date.as_str()) {
            failures.push(format!("{name}: date {:?}, not {}", a.date, gold.date));
        }
        for keep in &gold.keep {
            if !said.contains(&keep.as_str()) {
                failures.push(format!("{name}: lost the sentence {keep:?}"));
            }
        }
        for gone in &gold.gone {
            if a.text.contains(gone.as_str()) {
                failures.push(format!("{name}: kept the furniture {gone:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_relation_rests_on_furniture() {
    let mut relations = 0;
    // Read as `stancemap extract` reads: bundled lexicons, its threshold.
    let reader = stancemap::pipeline::Request {
        lexicon: stancemap::pipeline::Lexicon::Bundled,
        ..stancemap::pipeline::Request::seed()
    }
    .reader()
    .unwrap();
    for page in pages() {
        let gold = gold(&page.with_extension("gold"));
        let a = article(&page);
        let map = reader.map_of(Input::Article(a));
        for r in &map.relations {
            for e in &r.evidence {
                let story =
                    e.text.trim() == gold.title || gold.keep.iter().any(|k| k == e.text.trim());
                assert!(
                    story,
                    "{}: {} -> {} ({:?}) rests on {:?}",
                    page.display(),
                    r.source,
                    r.target,
                    r.stance,
                    e.text
                );
            }
        }
        relations += map.relations.len();
    }
    // The stories themselves state relations: the test is not vacuous.
    assert!(relations >= 18, "only {relations} relations");
}

/// The folder beside a "Web Page, complete" save holds scripts, styles and
/// frames; a folder of pages reads the pages, not what is beside them.
#[test]
fn a_folder_of_saved_pages_reads_only_the_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let files = load::folder::expand(&[dir]).unwrap();
    assert_eq!(files.len(), pages().len(), "{files:?}");
}
