//! Inputs nobody listed (issue 17): maps without actors, endless titles,
//! hundreds of thousands of lone actors, a sentence that states the same
//! relations thousands of times. Each gives a file in bounded work; how
//! long it takes is measured by benches/bounded.rs and
//! benches/extract_memory.rs, not here.

use stancemap::export::{self, ExportOptions, Format};
use stancemap::extract::extract;
use stancemap::load::parse_map;
use stancemap::model::{
    Article, Entity, EntityKind, Evidence, MAX_EVIDENCE, Relation, RelationMap, Stance, merge_maps,
};
use stancemap::render;
use stancemap::text::sentences::split;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The command, reading no user lexicon: its config folder does not exist.
fn stancemap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stancemap"));
    command.env(
        "STANCEMAP_CONFIG_DIR",
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/no-config"),
    );
    command
}

/// `stancemap export input -o dir/out.EXT` for every format: each exits 0
/// with nothing on stderr; returns the files' bytes by extension.
fn export_all(input: &Path, extra: &[&str]) -> BTreeMap<&'static str, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let mut out = BTreeMap::new();
    for format in Format::ALL {
        let target = dir.path().join(format!("out.{}", format.extension()));
        let run = stancemap()
            .arg("export")
            .arg(input)
            .arg("-o")
            .arg(&target)
            .args(extra)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            run.status.success(),
            "{}: exit {:?}: {stderr}",
            format.extension(),
            run.status.code()
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        out.insert(format.extension(), std::fs::read(&target).unwrap());
    }
    out
}

/// The files of a map without actors: valid, empty, and the pictures say so.
fn assert_empty_exports(files: &BTreeMap<&str, Vec<u8>>) {
    let text = |ext: &str| String::from_utf8(files[ext].clone()).unwrap();
    let svg = text("svg");
    assert!(
        svg.contains("No actors found") && svg.ends_with("</svg>\n"),
        "{svg}"
    );
    assert!(!svg.contains("<g><title>"), "no node drawn");
    let png = &files["png"];
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(png.len() > 1000, "a whole picture");
    let graphml = text("graphml");
    assert!(graphml.contains("<graph ") && graphml.ends_with("</graphml>\n"));
    assert!(!graphml.contains("<node ") && !graphml.contains("<edge "));
    let gexf = text("gexf");
    assert!(gexf.ends_with("</gexf>\n") && !gexf.contains("<node "));
    let dot = text("dot");
    assert!(
        dot.starts_with("digraph") && dot.trim_end().ends_with('}'),
        "{dot}"
    );
    assert_eq!(text("csv").lines().count(), 1, "the header only");
    let map = parse_map(&text("json")).unwrap();
    assert!(map.entities.is_empty() && map.relations.is_empty());
}

#[test]
fn a_text_without_actors_exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let hello = dir.path().join("hello.txt");
    std::fs::write(&hello, "Hello world.").unwrap();
    assert_empty_exports(&export_all(&hello, &[]));
}

#[test]
fn an_empty_map_exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("empty.json");
    std::fs::write(&map, r#"{"schema":"stancemap/1"}"#).unwrap();
    assert_empty_exports(&export_all(&map, &[]));
}

#[test]
fn a_long_line_without_spaces_exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let line = dir.path().join("line.txt");
    std::fs::write(&line, "x".repeat(1_000_000)).unwrap();
    assert_empty_exports(&export_all(&line, &["--width", "400", "--height", "300"]));
}

/// The seed drawn at 800 px under `title`; its heading lines.
fn heading(map: &RelationMap, title: Option<String>) -> Vec<String> {
    let opts = render::Options {
        width: 800,
        height: 500,
        title,
        ..render::Options::default()
    };
    let scene = render::Scene::build(map, &BTreeMap::new(), &opts);
    scene.title.into_iter().map(|l| l.text).collect()
}

#[test]
fn a_title_of_a_million_characters_is_cut_to_two_lines() {
    let map = stancemap::pipeline::seed_map();
    let title = "Pakistan accuses the Taliban of sheltering the TTP ".repeat(20_000);
    let lines = heading(&map, Some(title.clone()));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].ends_with('…'), "{lines:?}");
    assert!(title.starts_with(&lines[0]));
    // What is drawn depends only on the start of the title.
    assert_eq!(lines, heading(&map, Some(title[..4000].to_string())));
    let spaceless = "x".repeat(1_000_000);
    let lines = heading(&map, Some(spaceless));
    assert_eq!(lines.len(), 1);
    assert!(lines[0].ends_with('…') && lines[0].len() < 1000);
}

#[test]
fn an_article_titled_with_megabytes_heads_its_picture_with_two_lines() {
    let text = "Russia backed the Taliban.";
    let article = Article {
        id: "a1".into(),
        title: "Breaking ".repeat(600_000),
        source: None,
        date: None,
        text: text.into(),
        sentences: split(text),
    };
    let map = extract(&article);
    assert_eq!(heading(&map, None).len(), 2);
    let svg = String::from_utf8(
        export::to_bytes(
            &map,
            &BTreeMap::new(),
            Format::Svg,
            &ExportOptions::default(),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(svg.len() < 100_000, "the picture holds what it draws");
}

/// `n` actors in no relation.
fn lone_actors(n: usize) -> RelationMap {
    RelationMap {
        entities: (0..n)
            .map(|i| Entity {
                id: format!("actor-{i}"),
                name: format!("Actor {i}"),
                kind: EntityKind::ALL[i % EntityKind::ALL.len()],
                aliases: Vec::new(),
                mentions: Vec::new(),
            })
            .collect(),
        ..RelationMap::default()
    }
}

#[test]
fn fifty_thousand_lone_actors_export_with_a_place_each() {
    let map = lone_actors(50_000);
    let picture = export::Picture::new(&map, &BTreeMap::new(), &render::Options::default());
    let scene = &picture.scene;
    assert_eq!(scene.nodes.len(), 50_000);
    let inside =
        |p: [f32; 2]| p[0] >= 0.0 && p[0] <= scene.width && p[1] >= 0.0 && p[1] <= scene.height;
    assert!(scene.nodes.iter().all(|n| inside(n.center)));
    let graphml = export::graphml::write(&map, &picture);
    assert_eq!(graphml.matches("<node ").count(), 50_000);
    // Ids are found by hash: merging the map with itself keeps each actor once.
    assert_eq!(merge_maps([map.clone(), map]).entities.len(), 50_000);
}

/// `count` sentences of one article, each stating Russia supports the
/// Taliban with the given confidence.
fn repeated_relation(confidences: &[f32]) -> RelationMap {
    let sentence = "Russia backs the Taliban. ";
    let text = sentence.repeat(confidences.len());
    let evidence = confidences
        .iter()
        .enumerate()
        .map(|(i, &confidence)| Evidence {
            article: "a1".into(),
            sentence: i,
            cue: "backs".into(),
            text: sentence.trim().into(),
            modality: None,
            confidence,
            rule: None,
        })
        .collect();
    let mut map = RelationMap {
        articles: vec![Article {
            id: "a1".into(),
            title: "t".into(),
            source: None,
            date: None,
            sentences: split(&text),
            text,
        }],
        entities: ["russia", "taliban"]
            .map(|id| Entity {
                id: id.into(),
                name: id.into(),
                kind: EntityKind::Other,
                aliases: Vec::new(),
                mentions: Vec::new(),
            })
            .into(),
        relations: vec![Relation {
            source: "russia".into(),
            target: "taliban".into(),
            stance: Stance::Support,
            alleged_by: None,
            negated: false,
            evidence,
            more_evidence: 0,
        }],
        ..RelationMap::default()
    };
    map.normalise();
    map
}

#[test]
fn a_relation_keeps_its_surest_sentences_and_counts_the_rest() {
    // 80 sentences: every fourth one sure, the rest doubtful.
    let confidences: Vec<f32> = (0..80)
        .map(|i| if i % 4 == 0 { 0.9 } else { 0.6 })
        .collect();
    let map = repeated_relation(&confidences);
    let r = &map.relations[0];
    assert_eq!(r.evidence.len(), MAX_EVIDENCE);
    assert_eq!(r.more_evidence, 30);
    assert_eq!(r.sentence_count(), 80);
    // All 20 sure ones, then the earliest 30 doubtful ones, in order.
    let kept: Vec<usize> = r.evidence.iter().map(|e| e.sentence).collect();
    let expected: Vec<usize> = (0..80).filter(|i| i % 4 == 0 || *i < 40).collect();
    assert_eq!(kept, expected);

    // Written only when there is something to count, read back, added up
    // by merge.
    let json = map.to_json();
    assert!(json.contains("\"more_evidence\": 30"), "{json}");
    assert!(
        !repeated_relation(&[0.9])
            .to_json()
            .contains("more_evidence")
    );
    let again = parse_map(&json).unwrap();
    assert_eq!(again.to_json(), json);
    let other = repeated_relation(&vec![0.7; 60]);
    let mut other_article = other.clone();
    other_article.articles[0].title = "another".into();
    let merged = merge_maps([map, other_article]);
    let r = &merged.relations[0];
    assert_eq!(r.evidence.len(), MAX_EVIDENCE);
    assert_eq!(r.sentence_count(), 80 + 60);
}

#[test]
fn a_sentence_of_hundreds_of_kilobytes_gives_a_map_of_bounded_size() {
    // One "sentence" of 300 KB (no full stop) naming actors and cues over
    // and over: the splitter cuts it into pieces of 2,000 bytes.
    let actors = [
        "Russia",
        "Pakistan",
        "the Taliban",
        "India",
        "China",
        "Iran",
    ];
    let cues = ["accuses", "backs", "condemns", "attacks"];
    let mut text = String::new();
    let mut k = 0usize;
    while text.len() < 300_000 {
        let a = actors[k % actors.len()];
        let b = actors[(k / actors.len() + 1 + k) % actors.len()];
        text.push_str(&format!("{a} {} {b}, ", cues[(k / 7) % cues.len()]));
        k += 1;
    }
    let article = Article {
        id: "a1".into(),
        title: "t".into(),
        source: None,
        date: None,
        sentences: split(&text),
        text,
    };
    let map = extract(&article);
    assert!(
        map.relations
            .iter()
            .all(|r| r.evidence.len() <= MAX_EVIDENCE)
    );
    assert!(map.relations.iter().any(|r| r.more_evidence > 0));
    let listed: usize = map.relations.iter().map(|r| r.evidence.len()).sum();
    assert!(listed <= map.relations.len() * MAX_EVIDENCE);
    // The JSON is the article, its mentions and the relations' kept
    // sentences: no more than those take.
    let json = map.to_json();
    let mentions: usize = map.entities.iter().map(|e| e.mentions.len()).sum();
    let bound =
        2 * article.text.len() + 120 * mentions + map.relations.len() * MAX_EVIDENCE * 2_200;
    assert!(json.len() < bound, "{} bytes of JSON", json.len());
    assert_eq!(parse_map(&json).unwrap().to_json(), json);
}
