//! The seed article's map, held against its gold file
//! (tests/fixtures/gold/seed.json, the hand-made gold of the devset).

use stancemap::eval::{GoldMap, score};
use stancemap::model::{EntityKind, Stance};
use stancemap::pipeline::seed_map;
use std::process::Command;

#[test]
fn seed_actors_are_the_six_and_the_media() {
    let map = seed_map();
    let mut actors: Vec<&str> = map
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Media)
        .map(|e| e.name.as_str())
        .collect();
    actors.sort();
    assert_eq!(
        actors,
        ["ISIS-K", "India", "Pakistan", "Russia", "TTP", "Taliban"]
    );
    let media: Vec<&str> = map
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Media)
        .map(|e| e.name.as_str())
        .collect();
    assert!(media.contains(&"India Today"), "{media:?}");
    let russia = map.entity("russia").unwrap();
    for alias in ["Putin", "Moscow", "the Russian president"] {
        assert!(
            russia.aliases.iter().any(|a| a.contains(alias)),
            "{alias} not in {:?}",
            russia.aliases
        );
    }
}

#[test]
fn seed_relations_are_exactly_the_gold_ones() {
    let map = seed_map();
    let name = |id: &str| map.entity(id).unwrap().name.clone();
    let mut got: Vec<(String, String, Stance, Option<String>)> = map
        .relations
        .iter()
        .map(|r| {
            (
                name(&r.source),
                name(&r.target),
                r.stance,
                r.alleged_by.as_deref().map(name),
            )
        })
        .collect();
    got.sort();
    let s = |a: &str, b: &str, st: Stance, by: Option<&str>| {
        (a.to_string(), b.to_string(), st, by.map(String::from))
    };
    // "Relations between Pakistan and Afghanistan have worsened" is a
    // mutual statement (ANNOTATION.md): oppose in both directions.
    let mut want = vec![
        s("Russia", "Taliban", Stance::Support, None),
        s("Russia", "Pakistan", Stance::Oppose, None),
        s("Pakistan", "Taliban", Stance::Accuse, None),
        s("Pakistan", "Taliban", Stance::Oppose, None),
        s("Taliban", "Pakistan", Stance::Oppose, None),
        s("Taliban", "ISIS-K", Stance::Attack, None),
        s("Taliban", "TTP", Stance::Support, Some("Pakistan")),
        s("Pakistan", "India", Stance::Accuse, None),
        s("India", "Pakistan", Stance::Oppose, None),
    ];
    want.sort();
    want.dedup();
    assert_eq!(got, want);
    for r in &map.relations {
        assert!(!r.evidence.is_empty());
        for e in &r.evidence {
            assert_eq!(
                map.articles[0].sentence_text(e.sentence),
                Some(e.text.as_str())
            );
            assert!(
                e.text.contains(&e.cue),
                "cue {:?} not in {:?}",
                e.cue,
                e.text
            );
        }
    }
}

#[test]
fn seed_scores_against_its_gold_file() {
    let gold = GoldMap::parse(include_str!("fixtures/gold/seed.json")).unwrap();
    let report = score(&seed_map(), &gold);
    assert_eq!(report.pairs.f1(), 1.0, "{}", report.render("seed"));
    assert_eq!(report.directed.f1(), 1.0, "{}", report.render("seed"));
}

#[test]
fn a_map_extracted_again_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.json");
    let second = dir.path().join("second.json");
    let bin = env!("CARGO_BIN_EXE_stancemap");
    let out = Command::new(bin)
        .args(["extract", "-o"])
        .arg(&first)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new(bin)
        .arg("extract")
        .arg(&first)
        .arg("-o")
        .arg(&second)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
    let stdout = Command::new(bin).arg("extract").output().unwrap().stdout;
    assert_eq!(stdout, std::fs::read(&first).unwrap());
}
