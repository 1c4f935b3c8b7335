//! Every file in tests/fixtures/bad is refused with exit status 1 and one
//! line on standard error, "FILE: reason", or read with exit status 0 and
//! at most one warning line; never a panic. So are inputs that cannot be
//! committed (directories, unreadable files, oversized input).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Every refused fixture, and words its reason must contain. Files named
/// `gold_*` are gold maps, given to `eval --gold`; `lexicon_*` user
/// lexicons, given to `extract --lexicon`; `edges_*` edge lists, given to
/// `layout`; all others to `extract`.
const EXPECTED: &[(&str, &str)] = &[
    ("alleged_by_unknown.json", "unknown entity \"iran\""),
    ("archive.zip", "ZIP archive"),
    ("bad_offsets.json", "not inside its text"),
    ("binary.txt", "binary data"),
    ("bom_only.txt", "empty file"),
    ("bomb.docx", "unpacks to more than the 50 MB input limit"),
    ("broken.odt", "damaged ODT file (content.xml:"),
    ("broken_xml.docx", "damaged DOCX file (word/document.xml:"),
    ("chrome_only.html", "no readable text"),
    ("code_only.md", "no readable text"),
    ("compressed.txt.gz", "gzip archive"),
    ("controls.txt", "binary data"),
    ("deep_nesting.json", "recursion limit"),
    ("document.pdf", "damaged PDF"),
    (
        "duplicate_article_id.json",
        "article id \"a1\" is used twice",
    ),
    (
        "duplicate_entity_id.json",
        "entity id \"russia\" is used twice",
    ),
    ("edges_empty.tsv", "no edges or nodes"),
    (
        "edges_latin1_unclosed.csv",
        "line 2: a quoted field is never closed",
    ),
    ("empty.odt", "no readable text"),
    ("empty.txt", "empty file"),
    ("entities.docx", "XML with DTD detected"),
    (
        "escape_in_id.json",
        "unknown entity \"x\\u{1b}[2J\\nfake: ok\"",
    ),
    ("evidence_unknown_article.json", "unknown article \"a2\""),
    ("evidence_unknown_sentence.json", "cites sentence 2"),
    ("gold_resolve_cycle.json", "cycle"),
    ("gold_resolves_to_itself.json", "cycle"),
    ("gold_resolves_to_unknown.json", "not a gold entity"),
    ("huge_offset.json", "not a valid stancemap/1 map"),
    ("image.gif", "GIF image"),
    ("image.png", "PNG image"),
    ("invalid_utf8.txt", "invalid UTF-8"),
    (
        "lexicon_escapes.tsv",
        "unknown entry \"\\u{1b}[2J\\u{1b}]0;owned\\u{7}cue\"",
    ),
    ("lexicon_latin1.tsv", "not UTF-8 text (invalid byte at 9)"),
    ("mention_splits_a_char.json", "not inside article \"a1\""),
    ("mention_unknown_article.json", "unknown article \"a9\""),
    ("negative_offset.json", "not a valid stancemap/1 map"),
    (
        "no_body.docx",
        "not a DOCX file (it has no word/document.xml)",
    ),
    ("no_schema.json", "without \"schema\""),
    ("not_json.json", "not valid JSON"),
    ("photo.jpg", "JPEG image"),
    ("program.txt", "executable"),
    (
        "report.docx",
        "not a DOCX file (a damaged or incomplete zip",
    ),
    ("reversed_span.json", "not inside its text"),
    ("scanned.pdf", "no text layer: scanned pages need OCR first"),
    ("schema_not_string.json", "without \"schema\""),
    (
        "schema_with_escape.json",
        "schema \"stancemap/1\\u{1b}]0;owned\\u{7}\\nsecond line\"",
    ),
    ("scripts_only.html", "no readable text"),
    ("top_level_array.json", "without \"schema\""),
    ("truncated.json", "not valid JSON"),
    ("truncated.pdf", "damaged PDF"),
    ("unknown_entity.json", "unknown entity"),
    ("unknown_kind.json", "unknown variant `planet`"),
    ("unknown_stance.json", "unknown variant `love`"),
    ("utf16_no_bom.txt", "UTF-16 without a byte-order mark"),
    ("utf16be_no_bom.txt", "UTF-16 without a byte-order mark"),
    ("utf32_no_bom.txt", "UTF-32 without a byte-order mark"),
    ("utf8_truncated_mid.md", "invalid UTF-8 at byte"),
    ("whitespace_only.txt", "empty file"),
    ("wrong_schema.json", "schema \"graph/2\""),
];

/// Fixtures that are read (exit 0), with words of their one warning line,
/// or `None` for no warning.
const ACCEPTED: &[(&str, Option<&str>)] = &[
    (
        "utf32_cut_short.txt",
        Some("malformed UTF-32LE replaced with \u{FFFD}"),
    ),
    ("utf32be_bom.txt", None),
    ("utf32le_bom.txt", None),
];

fn stancemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
}

/// Exit 1, nothing on stdout, and one line "NAME: ..." containing `reason`.
fn assert_refused(out: &Output, name: &str, reason: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
    assert!(out.stdout.is_empty(), "{name}: wrote to stdout");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{name}: {stderr}");
    assert!(lines[0].starts_with(&format!("{name}:")), "{stderr}");
    assert!(lines[0].contains(reason), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn every_bad_file_gives_one_line_and_exit_1() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/fixtures/bad");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<&str> = EXPECTED.iter().map(|(f, _)| *f).collect();
    listed.extend(ACCEPTED.iter().map(|(f, _)| *f));
    listed.sort();
    assert_eq!(
        files, listed,
        "EXPECTED, ACCEPTED and tests/fixtures/bad differ"
    );
    let out_dir = tempfile::tempdir().unwrap();
    for (file, reason) in EXPECTED {
        let path = dir.join(file);
        let out = run_fixture(root, &path, out_dir.path());
        assert_refused(&out, &path.display().to_string(), reason);
    }
    for (file, warning) in ACCEPTED {
        let path = dir.join(file);
        let out = run_fixture(root, &path, out_dir.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{file}: {stderr}");
        match warning {
            None => assert!(stderr.is_empty(), "{file}: {stderr}"),
            Some(words) => {
                let lines: Vec<&str> = stderr.lines().collect();
                assert_eq!(lines.len(), 1, "{file}: {stderr}");
                assert!(lines[0].contains(words), "{file}: {stderr}");
            }
        }
    }
    assert!(EXPECTED.len() >= 25);
}

/// Run the command a fixture is for (see [`EXPECTED`]); outputs of
/// `layout` go to `out_dir`.
fn run_fixture(root: &Path, path: &Path, out_dir: &Path) -> Output {
    let name = path.file_name().unwrap().to_string_lossy();
    let mut command = stancemap();
    if name.starts_with("gold_") {
        command
            .arg("eval")
            .arg("--gold")
            .arg(path)
            .arg(root.join("seeds/article.txt"));
    } else if name.starts_with("lexicon_") {
        command.arg("extract").arg("--lexicon").arg(path);
    } else if name.starts_with("edges_") {
        command
            .arg("layout")
            .arg(path)
            .arg("-o")
            .arg(out_dir.join("positions.csv"));
    } else {
        command.arg("extract").arg(path);
    }
    command.output().unwrap()
}

#[test]
fn a_folder_without_articles_and_a_missing_file_are_errors() {
    // A folder stands for its article files; "tests" holds none directly.
    let out = stancemap().args(["extract", "tests"]).output().unwrap();
    assert_refused(&out, "tests", "is a folder with no article files");
    let out = stancemap()
        .args(["extract", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_refused(&out, "no/such/file.txt", "no such file");
    let out = stancemap()
        .args(["extract", "Cargo.toml/inside.txt"])
        .output()
        .unwrap();
    assert_refused(&out, "Cargo.toml/inside.txt", "cannot read");
}

#[test]
fn a_file_without_read_permission_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.txt");
    std::fs::write(&path, "Russia backed the Taliban.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        eprintln!("skipped: running as root, mode 000 does not stop reading");
        return;
    }
    let out = stancemap().arg("extract").arg(&path).output().unwrap();
    assert_refused(&out, &path.display().to_string(), "permission denied");
}

/// Unreadable even for root: reading /proc/self/mem at offset 0 fails.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_fails_to_read_is_an_error() {
    let out = stancemap()
        .args(["extract", "/proc/self/mem"])
        .output()
        .unwrap();
    assert_refused(&out, "/proc/self/mem", "cannot read");
}

#[test]
fn inputs_over_the_limit_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "Russia backed the Taliban. ".repeat(60_000)).unwrap();
    let out = stancemap()
        .args(["extract", "--max-input-mb", "1"])
        .arg(&big)
        .output()
        .unwrap();
    assert_refused(
        &out,
        &big.display().to_string(),
        "larger than the 1 MB input limit (raise it with --max-input-mb)",
    );

    // 60 MB without writing 60 MB: a sparse file, refused at the default 50.
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    let out = stancemap().arg("extract").arg(&huge).output().unwrap();
    assert_refused(&out, &huge.display().to_string(), "50 MB input limit");
}

/// Devices report no size; reading stops at the limit all the same.
#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_refused_at_the_limit() {
    let out = stancemap()
        .args(["extract", "--max-input-mb", "1", "/dev/zero"])
        .output()
        .unwrap();
    assert_refused(&out, "/dev/zero", "larger than the 1 MB input limit");
}

#[test]
fn standard_input_over_the_limit_or_empty_is_refused() {
    for (input, reason) in [
        (vec![b'x'; 1024 * 1024 + 1], "1 MB input limit"),
        (Vec::new(), "empty file"),
    ] {
        let mut child = stancemap()
            .args(["extract", "--max-input-mb", "1", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The refusal may come before all of the input is written.
        let _ = child.stdin.take().unwrap().write_all(&input);
        let out = child.wait_with_output().unwrap();
        assert_refused(&out, "<stdin>", reason);
    }
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
    std::fs::write(dir.path().join("sheet.xlsx"), "PK\x03\x04").unwrap();
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
