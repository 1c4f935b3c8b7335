//! `stancemap export`: report pictures that repeat byte for byte, data
//! files other tools can read (well-formed, right counts, every name
//! escaped), and writes that never leave a half-written or clobbered file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TRICKY: &str = "A \"B\" <C> & D";

/// The command, reading no user lexicon (export reads the user's own):
/// its config folder does not exist.
fn stancemap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stancemap"));
    command.env(
        "STANCEMAP_CONFIG_DIR",
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/no-config"),
    );
    command
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    let out = stancemap().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "stancemap {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Export `input` (None: the seed) to `name` in a fresh directory; returns
/// the bytes written.
fn export(input: Option<&Path>, name: &str, extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let mut args = vec!["export".to_string()];
    args.extend(input.map(|p| p.display().to_string()));
    args.extend(["-o".to_string(), out.display().to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run(&args);
    std::fs::read(&out).unwrap()
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

/// (width, height, colour type) from a PNG's IHDR chunk.
fn png_header(bytes: &[u8]) -> (u32, u32, u8) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20), bytes[25])
}

/// Entity and relation counts of the seed map, from `extract`.
fn seed_counts() -> (usize, usize) {
    let json: serde_json::Value = serde_json::from_slice(&run(&["extract"]).stdout).unwrap();
    (
        json["entities"].as_array().unwrap().len(),
        json["relations"].as_array().unwrap().len(),
    )
}

#[test]
fn the_seed_png_is_a_1600_by_1000_picture_that_repeats_exactly() {
    let a = export(None, "seed.png", &[]);
    let b = export(None, "seed.png", &[]);
    assert_eq!(png_header(&a), (1600, 1000, 2));
    assert!(a == b, "two runs gave different PNG bytes");
    let svg_a = export(None, "seed.svg", &[]);
    assert_eq!(svg_a, export(None, "seed.svg", &[]));
}

/// The README shows docs/seed.png as what `stancemap export -o seed.png`
/// draws: a change to the extractor or the renderer must update it.
#[test]
fn the_pictures_in_docs_are_what_export_draws_now() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let png = std::fs::read(docs.join("seed.png")).expect("docs/seed.png");
    assert!(
        png == export(None, "seed.png", &[]),
        "docs/seed.png is stale: run stancemap export -o docs/seed.png"
    );
    let svg = std::fs::read(docs.join("seed.svg")).expect("docs/seed.svg");
    assert!(
        svg == export(None, "seed.svg", &[]),
        "docs/seed.svg is stale: run stancemap export -o docs/seed.svg"
    );
}

#[test]
fn picture_options_change_what_they_say() {
    let png = export(
        None,
        "x.png",
        &["--width", "800", "--height", "600", "--scale", "2"],
    );
    assert_eq!(png_header(&png), (1600, 1200, 2));
    let png = export(None, "x.png", &["--transparent"]);
    assert_eq!(png_header(&png).2, 6, "transparent PNGs keep alpha");

    let light = text(export(None, "x.svg", &[]));
    let dark = text(export(None, "x.svg", &["--theme", "dark"]));
    assert_ne!(light, dark);
    assert!(light.contains(">Stance</text>"));
    let bare = text(export(
        None,
        "x.svg",
        &["--no-legend", "--title", "My <map>"],
    ));
    assert!(!bare.contains(">Stance</text>"));
    assert!(bare.contains("My &lt;map&gt;"));
    let other_seed = text(export(None, "x.svg", &["--seed", "7"]));
    assert_ne!(light, other_seed, "--seed moves the layout");
    for svg in [&light, &dark, &bare] {
        roxmltree::Document::parse(svg).unwrap();
    }
}

#[test]
fn graphml_and_gexf_are_well_formed_with_every_actor_and_relation() {
    let (nodes, edges) = seed_counts();
    let graphml = text(export(None, "seed.graphml", &[]));
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let count = |name: &str| doc.descendants().filter(|n| n.has_tag_name(name)).count();
    assert_eq!((count("node"), count("edge")), (nodes, edges));
    let stances = doc
        .descendants()
        .filter(|n| n.has_tag_name("data") && n.attribute("key") == Some("e_stance"))
        .count();
    assert_eq!(stances, edges);

    let gexf = text(export(None, "seed.gexf", &[]));
    let doc = roxmltree::Document::parse(&gexf).unwrap();
    assert_eq!(doc.root_element().attribute("version"), Some("1.3"));
    let count = |name: &str| doc.descendants().filter(|n| n.has_tag_name(name)).count();
    assert_eq!((count("node"), count("edge")), (nodes, edges));
    assert_eq!(count("position"), nodes, "every node has viz:position");
    assert_eq!(count("color"), nodes + edges, "every element has viz:color");
}

#[test]
fn a_tricky_name_round_trips_through_every_format() {
    let map = fixture("escaping.json");
    let json: serde_json::Value =
        serde_json::from_slice(&export(Some(&map), "m.json", &[])).unwrap();
    assert_eq!(json["entities"][0]["name"], TRICKY);

    let graphml = text(export(Some(&map), "m.graphml", &[]));
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("key") == Some("n_label"))
        .filter_map(|n| n.text())
        .collect();
    assert!(labels.contains(&TRICKY), "{labels:?}");

    let gexf = text(export(Some(&map), "m.gexf", &[]));
    let doc = roxmltree::Document::parse(&gexf).unwrap();
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .filter_map(|n| n.attribute("label"))
        .collect();
    assert!(labels.contains(&TRICKY), "{labels:?}");

    let svg = text(export(Some(&map), "m.svg", &[]));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("text") && n.text() == Some(TRICKY))
    );

    let dot = text(export(Some(&map), "m.dot", &[]));
    let labels: Vec<String> = dot
        .lines()
        .filter_map(|l| l.split_once("label=").map(|(_, rest)| dot_string(rest)))
        .collect();
    assert!(labels.iter().any(|l| l == TRICKY), "{labels:?}");

    let csv = text(export(Some(&map), "m.csv", &[]));
    let rows = parse_csv(&csv);
    assert_eq!(rows[0][..4], ["source", "target", "stance", "alleged_by"]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], TRICKY);
    assert_eq!(rows[2][3], TRICKY, "alleged_by by name");
    assert!(rows[2][5].contains("\"with commas\""), "{:?}", rows[2]);
}

#[test]
fn csv_nodes_writes_the_node_table() {
    let csv = text(export(
        Some(&fixture("escaping.json")),
        "n.csv",
        &["--nodes"],
    ));
    let rows = parse_csv(&csv);
    assert_eq!(
        rows[0],
        ["id", "name", "kind", "aliases", "mentions", "x", "y"]
    );
    assert_eq!(rows.len(), 3);
    let tricky = rows.iter().find(|r| r[0] == "abcd").unwrap();
    assert_eq!(tricky[1], TRICKY);
    assert_eq!(tricky[3], "the \"ABCD\" group, <x>");
    assert!(tricky[5].parse::<f32>().is_ok() && tricky[6].parse::<f32>().is_ok());
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn edge_lists_are_drawn_and_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("edges.tsv");
    std::fs::write(&edges, "source\ttarget\na\tb\nb\tc\nc\ta\nc\td\n").unwrap();
    let gexf = text(export(Some(&edges), "g.gexf", &[]));
    let doc = roxmltree::Document::parse(&gexf).unwrap();
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("node")).count(),
        4
    );
    let png = export(Some(&edges), "g.png", &[]);
    assert_eq!(png_header(&png).0, 1600);

    let positions = dir.path().join("p.csv");
    let p = positions.display().to_string();
    let e = edges.display().to_string();
    run(&["layout", &e, "-o", &p, "--iterations", "50", "--seed", "3"]);
    let first = std::fs::read(&positions).unwrap();
    run(&["layout", &e, "-o", &p, "--iterations", "50", "--seed", "3"]);
    assert_eq!(first, std::fs::read(&positions).unwrap());
    let rows = parse_csv(&String::from_utf8(first).unwrap());
    assert_eq!(rows[0], ["node", "x", "y"]);
    assert_eq!(rows.len(), 5);
}

#[test]
fn an_unwritable_target_is_one_error_line_and_leaves_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    // A file where a directory should be: no user, root included, can write there.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "keep").unwrap();
    let target = blocker.join("seed.png");
    let out = stancemap()
        .args(["export", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_one_error(&out, &target);
    assert_eq!(std::fs::read(&blocker).unwrap(), b"keep");

    // An existing file survives a failed export over it.
    let existing = dir.path().join("map.svg");
    std::fs::write(&existing, "old picture").unwrap();
    let out = stancemap()
        .arg("export")
        .arg(fixture("missing.txt"))
        .arg("-o")
        .arg(&existing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&existing).unwrap(), b"old picture");

    // A read-only directory (skipped when running as root, who may write anyway).
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let kept = locked.join("seed.png");
    std::fs::write(&kept, "old").unwrap();
    set_mode(&locked, 0o555);
    if std::fs::write(locked.join("probe"), "").is_err() {
        let out = stancemap()
            .args(["export", "-o"])
            .arg(&kept)
            .output()
            .unwrap();
        assert_one_error(&out, &kept);
        assert_eq!(std::fs::read(&kept).unwrap(), b"old");
    }
    set_mode(&locked, 0o755);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn assert_one_error(out: &Output, target: &Path) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(
        lines[0].starts_with(&target.display().to_string()),
        "{stderr}"
    );
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {}

/// The DOT double-quoted string at the start of `s`, unescaped.
fn dot_string(s: &str) -> String {
    let mut chars = s.chars();
    assert_eq!(chars.next(), Some('"'), "{s}");
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => break,
            },
            '"' => break,
            c => out.push(c),
        }
    }
    out
}

/// An RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// The (source, stance, target) of every relation of a map in JSON.
fn relation_keys(json: &[u8]) -> Vec<(String, String, String)> {
    let map: serde_json::Value = serde_json::from_slice(json).unwrap();
    map["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let field = |k: &str| r[k].as_str().unwrap().to_string();
            (field("source"), field("stance"), field("target"))
        })
        .collect()
}

/// `stancemap ARGS` with its own, empty config folder (no user lexicon),
/// or the one given.
fn run_in(config: &Path, args: &[&str]) -> Output {
    let out = stancemap()
        .env("STANCEMAP_CONFIG_DIR", config)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stancemap {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn export_and_extract_keep_the_same_relations_at_any_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.json");
    let out_arg = out.display().to_string();
    let mut kept = Vec::new();
    for min in ["0", "0.5", "0.9"] {
        let extracted = run_in(dir.path(), &["extract", "--min-confidence", min]).stdout;
        run_in(
            dir.path(),
            &["export", "-o", &out_arg, "--min-confidence", min],
        );
        let exported = std::fs::read(&out).unwrap();
        assert_eq!(
            relation_keys(&exported),
            relation_keys(&extracted),
            "--min-confidence {min}"
        );
        kept.push(relation_keys(&extracted).len());
    }
    assert!(kept[0] >= kept[1] && kept[1] > kept[2], "{kept:?}");
}

#[test]
fn export_reads_with_the_users_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.json");
    let out_arg = out.display().to_string();
    let ids = |json: &[u8]| -> Vec<String> {
        let map: serde_json::Value = serde_json::from_slice(json).unwrap();
        map["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    run_in(dir.path(), &["export", "-o", &out_arg]);
    assert!(ids(&std::fs::read(&out).unwrap()).contains(&"ttp".to_string()));
    std::fs::write(
        dir.path().join("lexicon.tsv"),
        "alias\tTTP\tpakistan\tPakistan\tcountry\n\
         alias\tTehreek-e-Taliban Pakistan\tpakistan\tPakistan\tcountry\n",
    )
    .unwrap();
    run_in(dir.path(), &["export", "-o", &out_arg]);
    let taught = std::fs::read(&out).unwrap();
    assert!(
        !ids(&taught).contains(&"ttp".to_string()),
        "TTP is Pakistan now"
    );
    let extracted = run_in(dir.path(), &["extract"]).stdout;
    assert_eq!(ids(&taught), ids(&extracted));
}

#[test]
fn export_filters_as_the_window_does() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.json");
    let out_arg = out.display().to_string();
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "-o", &out_arg];
        args.extend(extra);
        run_in(dir.path(), &args);
        std::fs::read(&out).unwrap()
    };
    let all = relation_keys(&export(&[]));
    let some = relation_keys(&export(&["--stances", "support,accuse"]));
    assert!(!some.is_empty() && some.len() < all.len());
    assert!(some.iter().all(|(_, s, _)| s == "support" || s == "accuse"));
    let strong = relation_keys(&export(&["--min-sentences", "2"]));
    assert!(strong.len() < all.len());
    let focused = relation_keys(&export(&["--focus", "ISIS-K"]));
    assert!(!focused.is_empty() && focused.len() < all.len());
    assert!(
        focused
            .iter()
            .all(|(a, _, b)| a == "isis-k" || b == "isis-k"),
        "{focused:?}"
    );
    let missing = stancemap()
        .env("STANCEMAP_CONFIG_DIR", dir.path())
        .args(["export", "-o", &out_arg, "--focus", "Atlantis"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn the_evidence_table_lists_every_sentence_as_markdown_and_csv() {
    let json: serde_json::Value = serde_json::from_slice(&run(&["extract"]).stdout).unwrap();
    let sentences: usize = json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["evidence"].as_array().unwrap().len())
        .sum();
    let md = text(export(None, "rel.md", &[]));
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).collect();
    assert_eq!(
        rows[0],
        "| source | stance | target | alleged by | article | sentence |"
    );
    assert_eq!(rows.len(), sentences + 2);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("| Russia | support | Taliban |"))
    );
    let csv = parse_csv(&text(export(None, "rel.csv", &["--evidence"])));
    assert_eq!(csv.len(), sentences + 1);
    assert!(csv[1..].iter().all(|r| r.len() == 6 && !r[5].is_empty()));
    // A filtered export lists only what it shows.
    let supported = text(export(None, "s.md", &["--stances", "support"]));
    assert!(
        supported
            .lines()
            .skip(4)
            .all(|l| l.split(" | ").nth(1) == Some("support"))
    );
}

#[test]
fn camps_add_a_column_to_csv_graphml_and_gexf() {
    let nodes = parse_csv(&text(export(None, "n.csv", &["--nodes", "--camps"])));
    assert_eq!(nodes[0].last().unwrap(), "camp");
    let camp = |id: &str| nodes.iter().find(|r| r[0] == id).unwrap()[7].clone();
    // Russia supports the Taliban: one camp; Pakistan opposes both.
    assert!(!camp("russia").is_empty());
    assert_eq!(camp("russia"), camp("taliban"));
    assert_ne!(camp("pakistan"), camp("taliban"));
    let edges = parse_csv(&text(export(None, "e.csv", &["--camps"])));
    assert_eq!(edges[0].last().unwrap(), "breaks_camps");
    assert!(
        edges[1..]
            .iter()
            .all(|r| ["true", "false"].contains(&r.last().unwrap().as_str()))
    );
    let plain = parse_csv(&text(export(None, "p.csv", &["--nodes"])));
    assert_ne!(plain[0].last().unwrap(), "camp");
    let graphml = text(export(None, "m.graphml", &["--camps"]));
    assert!(graphml.contains("attr.name=\"camp\"") && graphml.contains("<data key=\"n_camp\">"));
    let gexf = text(export(None, "m.gexf", &["--camps"]));
    assert!(gexf.contains("<attvalue for=\"camp\" value=\"1\"/>"));
}
