//! The promises of the command line hold for inputs and outputs nobody
//! lists (issue 17): standard output that fails, outputs that are not
//! files, inputs that are not files, folders with a few bad files, names
//! with control characters, options out of range. Each case gives exit 0,
//! 1 or 2 with at most one line on standard error, never a panic or a
//! hang. Large inputs are made here, at run time.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn stancemap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
}

fn run(args: &[&str]) -> Output {
    stancemap().args(args).output().unwrap()
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Exit `code`, exactly one line on standard error containing `words`,
/// no panic.
fn assert_one_line(out: &Output, code: i32, words: &str) -> String {
    let lines = stderr_lines(out);
    assert_eq!(out.status.code(), Some(code), "{lines:?}");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains(words), "{lines:?}");
    assert!(!lines[0].contains("panicked"), "{lines:?}");
    lines[0].clone()
}

/// The output of a child that must not hang: killed (and the test failed)
/// if it is still running after a minute.
fn finished(mut child: Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("still running after a minute: blocked on a pipe?");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run_without_hanging(args: &[&Path]) -> Output {
    let child = stancemap()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finished(child)
}

fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo").arg(path).status();
    made.is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// An article of about `bytes` bytes whose map is larger still.
fn big_article(dir: &Path, bytes: usize) -> PathBuf {
    let sentence = "Russia backed the Taliban. Pakistan accused India of meddling. ";
    let path = dir.join("big.txt");
    std::fs::write(&path, sentence.repeat(bytes / sentence.len() + 1)).unwrap();
    path
}

// Row: standard output that fails.

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_one_line_and_exit_1() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = stancemap()
        .arg("extract")
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    let line = assert_one_line(&out, 1, "standard output: cannot write: ");
    assert!(line.contains("No space left on device"), "{line}");
}

#[test]
fn a_closed_standard_output_is_a_silent_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_article(dir.path(), 300_000);
    let mut child = stancemap()
        .arg("extract")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -c10`: read ten bytes, then go away.
    let mut head = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    assert_eq!(&head[..1], b"{");
    let out = finished(child);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_lines(&out), Vec::<String>::new());
}

// Row: outputs that are not files, links, stale temporary files.

#[cfg(unix)]
#[test]
fn a_fifo_or_a_directory_as_output_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("edges.tsv");
    std::fs::write(&edges, "a\tb\n").unwrap();
    let edges = edges.to_str().unwrap();
    for name in ["out.json", "out.svg", "out.csv"] {
        let fifo = dir.path().join(format!("fifo-{name}"));
        assert!(mkfifo(&fifo), "mkfifo");
        let folder = dir.path().join(format!("folder-{name}"));
        std::fs::create_dir(&folder).unwrap();
        for (target, words) in [
            (&fifo, "is a named pipe (FIFO), not a file to write"),
            (&folder, "is a directory, not a file to write"),
        ] {
            let target = target.to_str().unwrap();
            let args: Vec<&str> = match name {
                "out.json" => vec!["extract", "-o", target],
                "out.svg" => vec!["export", "-o", target],
                _ => vec!["layout", edges, "-o", target],
            };
            let line = assert_one_line(&run(&args), 1, words);
            assert!(line.starts_with(target), "{line}");
        }
        assert!(is_fifo(&fifo));
        assert!(folder.is_dir());
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

/// As root, a save renamed over `/dev/null` replaces the device with a
/// file; the target is checked first. Root tests a device node of its own
/// (the same device as /dev/full), so that a regression cannot break the
/// machine's; others test /dev/full itself, which they cannot replace.
#[cfg(target_os = "linux")]
#[test]
fn a_device_as_output_is_refused_and_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("full");
    let made = Command::new("mknod")
        .arg(&own)
        .args(["c", "1", "7"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let device = if made {
        own
    } else {
        PathBuf::from("/dev/full")
    };
    let target = device.to_str().unwrap();
    let line = assert_one_line(&run(&["extract", "-o", target]), 1, "is a device");
    assert_eq!(line, format!("{target}: is a device, not a file to write"));
    let meta = std::fs::symlink_metadata(&device).unwrap();
    assert!(meta.file_type().is_char_device());
    let png = dir.path().join("map.png");
    std::os::unix::fs::symlink(&device, &png).unwrap();
    let out = run(&["export", "-o", png.to_str().unwrap()]);
    assert_one_line(&out, 1, "is a device, not a file to write");
    assert!(
        std::fs::symlink_metadata(&device)
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_as_output_writes_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let maps = dir.path().join("maps");
    std::fs::create_dir(&maps).unwrap();
    let real = maps.join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("maps/real.json", &link).unwrap();
    let out = run(&["extract", "-o", link.to_str().unwrap()]);
    assert!(out.status.success(), "{:?}", stderr_lines(&out));
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(stancemap::load::parse_map(&text).is_ok());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 2, "only maps/ and the link");
}

#[cfg(unix)]
#[test]
fn stale_temporary_files_of_ours_are_removed_before_a_write() {
    let dir = tempfile::tempdir().unwrap();
    let make = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, "half a map").unwrap();
        path
    };
    // Killed writers: a process id no process has (above Linux's 2^22
    // limit), and a name of an older version untouched for an hour.
    let dead = make(".stancemap-99999999-Ab12Cd.tmp");
    let old = make(".stancemap-Zy98Xw.tmp");
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(std::time::SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
    // A writer still running (this test) and files that are not ours.
    let live = make(&format!(".stancemap-{}-Qw34Er.tmp", std::process::id()));
    let other = make(".editor-99999999-x.tmp");
    let out = run(&[
        "extract",
        "-o",
        dir.path().join("map.json").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{:?}", stderr_lines(&out));
    assert!(!dead.exists(), "a dead writer's temporary file stayed");
    assert!(!old.exists(), "an hour-old temporary file stayed");
    assert!(live.exists() && other.exists());
}

// Row: inputs that are not files.

#[cfg(unix)]
#[test]
fn a_fifo_with_no_writer_is_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["article.txt", "lexicon.tsv", "edges.tsv"] {
        let fifo = dir.path().join(name);
        assert!(mkfifo(&fifo), "mkfifo");
    }
    let positions = dir.path().join("positions.csv");
    let article = dir.path().join("article.txt");
    let lexicon = dir.path().join("lexicon.tsv");
    let edges = dir.path().join("edges.tsv");
    let p = Path::new;
    let cases: [Vec<&Path>; 4] = [
        vec![p("extract"), &article],
        vec![p("extract"), p("--lexicon"), &lexicon],
        vec![p("layout"), &edges, p("-o"), &positions],
        vec![p("export"), &edges, p("-o"), &positions],
    ];
    for args in cases {
        let out = run_without_hanging(&args);
        let line = assert_one_line(&out, 1, "a named pipe (FIFO) with nothing written to it");
        assert!(
            line.starts_with(&dir.path().display().to_string()),
            "{line}"
        );
    }
    assert!(!positions.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_lexicon_is_refused_at_the_input_limit() {
    let out = run(&["extract", "--max-input-mb", "1", "--lexicon", "/dev/zero"]);
    let line = assert_one_line(&out, 1, "larger than the 1 MB input limit");
    assert!(line.starts_with("/dev/zero: "), "{line}");
}

#[test]
fn lexicons_and_edge_lists_over_the_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("lexicon.tsv");
    std::fs::write(&lexicon, "alias\tKabul regime\ttaliban\n".repeat(50_000)).unwrap();
    let edges = dir.path().join("edges.csv");
    std::fs::write(&edges, "Russia,Taliban\n".repeat(80_000)).unwrap();
    let out_csv = dir.path().join("positions.csv");
    let lexicon = lexicon.to_str().unwrap();
    let edges = edges.to_str().unwrap();
    for args in [
        vec!["extract", "--max-input-mb", "1", "--lexicon", lexicon],
        vec![
            "layout",
            "--max-input-mb",
            "1",
            edges,
            "-o",
            out_csv.to_str().unwrap(),
        ],
    ] {
        assert_one_line(&run(&args), 1, "larger than the 1 MB input limit");
    }
}

fn utf32(text: &str, little: bool) -> Vec<u8> {
    std::iter::once('\u{FEFF}')
        .chain(text.chars())
        .flat_map(|c| {
            if little {
                (c as u32).to_le_bytes()
            } else {
                (c as u32).to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn utf32_with_a_byte_order_mark_is_read_as_utf32() {
    let dir = tempfile::tempdir().unwrap();
    for little in [true, false] {
        let path = dir.path().join("utf32.txt");
        std::fs::write(
            &path,
            utf32("Talks\n\nRussia backed the Taliban.\n", little),
        )
        .unwrap();
        let out = run(&["extract", path.to_str().unwrap()]);
        assert!(out.status.success(), "{:?}", stderr_lines(&out));
        assert!(out.stderr.is_empty(), "{:?}", stderr_lines(&out));
        let map: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(map["articles"][0]["title"], "Talks");
        assert_eq!(map["relations"][0]["source"], "russia");
        assert_eq!(map["relations"][0]["target"], "taliban");
    }
}

// Row: a folder with files it cannot read.

#[test]
fn a_folder_skips_the_files_it_cannot_read_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..1_997 {
        std::fs::write(
            corpus.join(format!("{i:04}.txt")),
            format!("Talks, part {i}\n\nRussia backed the Taliban.\n"),
        )
        .unwrap();
    }
    std::fs::write(corpus.join("x-binary.txt"), [0x7F, b'E', b'L', b'F', 0, 1]).unwrap();
    std::fs::write(
        corpus.join("x-damaged.md"),
        b"Kabul\xE2\x80\x99s \xFF talks",
    )
    .unwrap();
    std::fs::write(corpus.join("x-empty.txt"), b"").unwrap();
    let folder = corpus.display().to_string();
    for jsonl in [false, true] {
        let mut args = vec!["extract", folder.as_str()];
        if jsonl {
            args.push("--jsonl");
        }
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{:?}", stderr_lines(&out));
        let lines = stderr_lines(&out);
        assert_eq!(
            lines,
            [
                format!("warning: {folder}/x-binary.txt: an executable, not an article (skipped)"),
                format!(
                    "warning: {folder}/x-damaged.md: invalid UTF-8 at byte 10 \
                     (the file looks like damaged UTF-8) (skipped)"
                ),
                format!(
                    "warning: {folder}/x-empty.txt: empty file: there is no text to read (skipped)"
                ),
                format!("warning: {folder}: 3 of 2,000 files skipped"),
            ]
        );
        let articles = if jsonl {
            String::from_utf8(out.stdout).unwrap().lines().count()
        } else {
            let map: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            map["articles"].as_array().unwrap().len()
        };
        assert_eq!(articles, 1_997);
    }
}

#[test]
fn a_folder_with_nothing_readable_is_one_error_and_a_named_file_still_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"").unwrap();
    std::fs::write(dir.path().join("b.txt"), [0u8; 64]).unwrap();
    let folder = dir.path().to_str().unwrap();
    let line = assert_one_line(&run(&["extract", folder]), 1, "none of its 2 article files");
    assert_eq!(
        line,
        format!(
            "{folder}: none of its 2 article files could be read \
             ({folder}/a.txt: empty file: there is no text to read)"
        )
    );
    // Named on its own, a file that cannot be read is still the error.
    let good = tempfile::tempdir().unwrap();
    let article = good.path().join("good.txt");
    std::fs::write(&article, "Russia backed the Taliban.").unwrap();
    let bad = dir.path().join("b.txt");
    let out = run(&["extract", article.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_one_line(&out, 1, "b.txt: binary data");
}

// Row: names, ids and titles with control characters; one line per error.

#[cfg(unix)]
#[test]
fn control_characters_in_names_are_escaped_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let name = "bad\nname\u{1b}[2J\u{1b}]0;owned\u{7}.txt";
    let path = dir.path().join(name);
    std::fs::write(&path, [0u8; 32]).unwrap();
    let out = run(&["extract", path.to_str().unwrap()]);
    let line = assert_one_line(
        &out,
        1,
        "bad\\nname\\u{1b}[2J\\u{1b}]0;owned\\u{7}.txt: binary data",
    );
    assert!(
        !out.stderr.contains(&0x1b) && !out.stderr.contains(&0x07),
        "{line}"
    );

    // In a folder the skipped file is a warning, escaped the same way.
    std::fs::write(dir.path().join("good.txt"), "Russia backed the Taliban.").unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("bad\\nname\\u{1b}[2J"), "{lines:?}");
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn ids_and_queries_with_control_characters_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.json");
    std::fs::write(
        &map,
        r#"{"schema":"stancemap/1","articles":[],"entities":[],
            "relations":[{"source":"a\u001b[31m\nb","target":"c","stance":"support",
            "alleged_by":null,"negated":false,"evidence":[]}]}"#,
    )
    .unwrap();
    let out = run(&["extract", map.to_str().unwrap()]);
    assert_one_line(&out, 1, "unknown entity");
    assert!(!out.stderr.contains(&0x1b));

    let svg = dir.path().join("unused.svg");
    let out = run(&[
        "export",
        "-o",
        svg.to_str().unwrap(),
        "--focus",
        "x\n\u{1b}[2Jy",
    ]);
    let line = assert_one_line(&out, 1, "no such actor on the map");
    assert!(line.starts_with("x\\n\\u{1b}[2Jy: "), "{line}");
    assert!(!svg.exists());
}

#[test]
fn a_warning_before_an_error_leaves_only_the_error() {
    let dir = tempfile::tempdir().unwrap();
    // Not UTF-8 (a warning) and a quote never closed (the error).
    let edges = dir.path().join("edges.csv");
    std::fs::write(&edges, b"Caf\xE9,Kabul\n\"Moscow,Delhi\n").unwrap();
    let out_csv = dir.path().join("positions.csv");
    let edges = edges.to_str().unwrap();
    let out = run(&["layout", edges, "-o", out_csv.to_str().unwrap()]);
    assert_one_line(&out, 1, "a quoted field is never closed");
    let out = run(&[
        "export",
        edges,
        "-o",
        dir.path().join("g.svg").to_str().unwrap(),
    ]);
    assert_one_line(&out, 1, "a quoted field is never closed");

    // An undated article (a warning) in a range that is empty (an error).
    let article = dir.path().join("talks.txt");
    std::fs::write(&article, "Russia backed the Taliban.").unwrap();
    let article = article.to_str().unwrap();
    let out = run(&["extract", article, "--since", "2025", "--until", "2020"]);
    let line = assert_one_line(&out, 2, "is after --until");
    assert_eq!(
        line,
        "error: --since 2025-01-01 is after --until 2020-12-31: no day is in that range"
    );
    assert!(out.stdout.is_empty());
    let out = run(&["extract", article, "--since", "2025"]);
    assert_one_line(&out, 1, "no article was published on or after 2025-01-01");
}

// Row: numeric options out of range.

#[test]
fn out_of_range_options_are_one_line_usage_errors() {
    let cases: &[&[&str]] = &[
        &["extract", "--min-confidence", "NaN"],
        &["extract", "--min-confidence", "5"],
        &["extract", "--min-confidence=-0.5"],
        &["extract", "--min-confidence", "inf"],
        &["extract", "--max-input-mb", "0"],
        &["extract", "--max-input-mb=-3"],
        &["export", "-o", "x.svg", "--width", "0"],
        &["export", "-o", "x.svg", "--height=-10"],
        &["export", "-o", "x.png", "--scale", "0"],
        &["export", "-o", "x.png", "--scale", "NaN"],
        &["export", "-o", "x.svg", "--min-sentences", "0"],
        &["export", "-o", "x.svg", "--seed=-1"],
        &["layout", "e.tsv", "-o", "p.csv", "--iterations", "0"],
        &[
            "layout",
            "e.tsv",
            "-o",
            "p.csv",
            "--iterations",
            "99999999999",
        ],
        &["extract", "--no-such-option"],
        &["export"],
    ];
    for args in cases {
        let out = run(args);
        let lines = stderr_lines(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {lines:?}");
        assert_eq!(lines.len(), 1, "{args:?}: {lines:?}");
        assert!(lines[0].starts_with("error: "), "{args:?}: {lines:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = run(&["extract", "--min-confidence", "NaN"]);
    assert_eq!(
        stderr_lines(&out)[0],
        "error: invalid value 'NaN' for '--min-confidence <F>': \
         expected a number from 0 to 1 (see --help)"
    );
    // The ends of the ranges are fine.
    for confidence in ["0", "1"] {
        let out = run(&["extract", "--min-confidence", confidence]);
        assert!(out.status.success(), "{confidence}");
    }
}
