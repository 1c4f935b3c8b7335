//! A save that dies half way never costs the user the file they had: the
//! child process is aborted inside the write (the `STANCEMAP_FAULT` hook of
//! `atomic_write`) and the old file must be byte for byte what it was.

use std::path::Path;
use std::process::Command;

const OLD: &str = "{\"schema\":\"stancemap/1\",\"note\":\"the user's earlier map\"}\n";

fn save_seed_map(out: &Path, fault: Option<&str>) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stancemap"));
    command.arg("extract").arg("-o").arg(out);
    if let Some(point) = fault {
        command.env("STANCEMAP_FAULT", point);
    }
    command.output().unwrap()
}

#[test]
fn a_save_killed_mid_write_or_before_rename_keeps_the_old_file() {
    for point in ["abort-mid-write", "abort-before-rename"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("map.json");
        std::fs::write(&out, OLD).unwrap();
        let killed = save_seed_map(&out, Some(point));
        assert!(
            !killed.status.success(),
            "{point}: the child was not killed"
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), OLD, "{point}");

        // The next save, with no fault, replaces it whole.
        let saved = save_seed_map(&out, None);
        assert!(saved.status.success(), "{point}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(stancemap::load::parse_map(&text).is_ok(), "{point}");
    }
}

#[test]
fn a_fault_hook_for_another_point_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.json");
    let saved = save_seed_map(&out, Some("no-such-point"));
    assert!(saved.status.success());
    assert!(stancemap::load::parse_map(&std::fs::read_to_string(&out).unwrap()).is_ok());
}
