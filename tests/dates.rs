//! Publication dates: read from where files state them, kept in the map,
//! and used by `--since` / `--until` to take a slice of a corpus.

use stancemap::model::RelationMap;
use std::path::Path;
use std::process::{Command, Output};

fn stancemap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Three articles: one in an HTML page's metadata, one in a dateline, one
/// undated.
fn corpus(dir: &Path) {
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    write(
        "page.html",
        r#"<html><head><meta property="article:published_time" content="2023-11-02T07:00:00Z">
        <title>Strikes</title></head><body><p>Russia attacked Ukraine on Monday.</p></body></html>"#,
    );
    write(
        "wire.txt",
        "Talks in Oman\nBy a correspondent | 12 March 2024\n\nIran and the United States held talks in Oman.\n",
    );
    write(
        "undated.md",
        "# Aid\n\nFrance supported Ukraine with aid.\n",
    );
}

fn map_of(out: &Output) -> RelationMap {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a map")
}

#[test]
fn articles_keep_the_date_their_file_states() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let map = map_of(&stancemap(&["extract", dir.path().to_str().unwrap()]));
    let mut dates: Vec<(String, Option<String>)> = map
        .articles
        .iter()
        .map(|a| (a.title.clone(), a.date.clone()))
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        [
            ("Aid".to_string(), None),
            ("Strikes".to_string(), Some("2023-11-02".to_string())),
            ("Talks in Oman".to_string(), Some("2024-03-12".to_string())),
        ]
    );
}

#[test]
fn since_and_until_keep_the_articles_in_the_range() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let folder = dir.path().to_str().unwrap();
    let out = stancemap(&["extract", folder, "--since", "2024"]);
    let map = map_of(&out);
    assert_eq!(map.articles.len(), 1);
    assert_eq!(map.articles[0].title, "Talks in Oman");
    assert!(
        map.entity("russia").is_none(),
        "only the 2023 page named Russia"
    );
    assert!(map.entity("iran").is_some());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 of 3 articles have no date"), "{stderr}");

    let map = map_of(&stancemap(&["extract", folder, "--until", "2023-11"]));
    assert_eq!(map.articles.len(), 1);
    assert_eq!(map.articles[0].title, "Strikes");

    let out = stancemap(&[
        "extract",
        folder,
        "--jsonl",
        "--since",
        "2023-11-02",
        "--until",
        "2024-03-12",
    ]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn an_empty_range_and_a_bad_date_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let folder = dir.path().to_str().unwrap();
    let png = dir.path().join("out.png");
    let out = stancemap(&[
        "export",
        folder,
        "-o",
        png.to_str().unwrap(),
        "--since",
        "2030",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).lines().last(),
        Some("no article was published on or after 2030-01-01")
    );
    assert!(!png.exists());
    let out = stancemap(&["extract", folder, "--since", "March"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'March' is not a date"));
}
