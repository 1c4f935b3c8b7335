//! The annotated corpus (tests/fixtures/corpus) is whole and well formed
//! without its texts: every split entry has a gold map that parses, names
//! only its own entities, locates evidence as ANNOTATION.md says, and the
//! splits hold what SOURCES.md promises.

use stancemap::eval::GoldMap;
use stancemap::eval::corpus::{DOMAINS, Split, read_manifest};
use std::path::Path;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");

fn entries() -> Vec<stancemap::eval::corpus::Entry> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("SPLIT.tsv")).unwrap();
    read_manifest(&text).unwrap()
}

#[test]
fn the_splits_are_as_large_as_promised() {
    let all = entries();
    let count = |split: Split, domain: Option<&str>| {
        all.iter()
            .filter(|e| e.split == split && domain.is_none_or(|d| e.domain == d))
            .count()
    };
    assert_eq!(count(Split::Dev, None), 7);
    assert!(
        count(Split::Tune, None) >= 40,
        "{}",
        count(Split::Tune, None)
    );
    assert!(
        count(Split::Frozen, None) >= 20,
        "{}",
        count(Split::Frozen, None)
    );
    for domain in DOMAINS {
        assert!(count(Split::Frozen, Some(domain)) >= 5, "frozen {domain}");
    }
    let new = all.iter().filter(|e| e.gold.starts_with("gold")).count();
    assert!(new >= 60, "{new} new articles");
}

#[test]
fn every_gold_map_is_well_formed() {
    for entry in entries() {
        let path = Path::new(ROOT).join(&entry.gold);
        let text = std::fs::read_to_string(&path).unwrap();
        let gold = GoldMap::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let names: Vec<&str> = gold.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(!gold.relations.is_empty(), "{}: no relations", entry.id);
        for r in &gold.relations {
            for side in [&r.source, &r.target] {
                assert!(
                    names.contains(&side.as_str()),
                    "{}: {side} is not an entity",
                    entry.id
                );
            }
            if let Some(by) = &r.alleged_by {
                assert!(names.contains(&by.as_str()), "{}: {by}", entry.id);
            }
            assert!(
                !r.evidence.is_empty(),
                "{}: {r:?} has no evidence",
                entry.id
            );
            for locator in &r.evidence {
                // The first 7 words and " …", or a whole shorter sentence.
                if let Some(prefix) = locator.strip_suffix(" …") {
                    assert_eq!(
                        prefix.split_whitespace().count(),
                        7,
                        "{}: {locator}",
                        entry.id
                    );
                }
            }
        }
    }
}

#[test]
fn new_articles_say_where_their_text_is() {
    for entry in entries().iter().filter(|e| e.gold.starts_with("gold")) {
        let text = std::fs::read_to_string(Path::new(ROOT).join(&entry.gold)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let source = &value["source"];
        for field in ["url", "title", "probe", "sha256_16", "domain"] {
            assert!(source[field].is_string(), "{}: source.{field}", entry.id);
        }
        assert_eq!(source["domain"], entry.domain.as_str(), "{}", entry.id);
    }
}
