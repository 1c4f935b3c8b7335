//! Every file in tests/fixtures/bad is refused with exit status 1 and one
//! line on standard error that names the file, never a panic.

use std::path::Path;
use std::process::Command;

fn stancemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
}

#[test]
fn every_bad_file_gives_one_line_and_exit_1() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let out = stancemap().arg("extract").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(out.stdout.is_empty(), "{}", path.display());
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}: {stderr}", path.display());
        assert!(
            lines[0].starts_with(&path.display().to_string()),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} bad fixtures");
}

#[test]
fn a_folder_without_articles_and_a_missing_file_are_errors() {
    // A folder stands for its article files; "tests" holds none directly.
    let out = stancemap().args(["extract", "tests"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "tests: is a folder with no article files (.txt .md .html .htm .json)"
    );
    let out = stancemap()
        .args(["extract", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "no/such/file.txt: no such file"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = stancemap()
        .args(["extract", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = stancemap().args(["eval", "--gold"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_folder_is_its_articles_merged_or_one_map_per_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Russia condemned Ukraine.").unwrap();
    std::fs::write(dir.path().join("b.md"), "# Talks\n\nIndia praised Japan.").unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "%PDF-1.4").unwrap();
    let folder = dir.path().to_str().unwrap();
    let out = stancemap().args(["extract", folder]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    let map: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(map["articles"].as_array().unwrap().len(), 2);
    assert_eq!(map["relations"].as_array().unwrap().len(), 2);
    let out = stancemap()
        .args(["extract", "--jsonl", folder])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let map: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(map["articles"].as_array().unwrap().len(), 1);
    }
}
