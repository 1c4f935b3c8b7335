//! Writing files so that nothing is ever half-written: the bytes go to a
//! temporary file in the target's directory, which is renamed over the
//! target only once complete.
//!
//! Fault hook for tests: `STANCEMAP_FAULT=abort-mid-write` aborts the process
//! after half of the bytes reach the temporary file, and
//! `STANCEMAP_FAULT=abort-before-rename` after all of them are synced but
//! before the rename; either way the old target must survive intact.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically. On error the target is untouched
/// and the message names the file and the reason.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path.display();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(format!("{name}: is a directory"));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".stancemap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("{name}: cannot write here: {e}"))?;
    match_permissions(tmp.as_file(), path).map_err(|e| format!("{name}: cannot write: {e}"))?;
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    tmp.write_all(first)
        .map_err(|e| format!("{name}: cannot write: {e}"))?;
    fault_point("abort-mid-write");
    tmp.write_all(rest)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("{name}: cannot write: {e}"))?;
    fault_point("abort-before-rename");
    tmp.persist(path)
        .map_err(|e| format!("{name}: cannot replace the file: {}", e.error))?;
    Ok(())
}

/// The environment variable of the fault hook (see the module comment).
pub const FAULT_VAR: &str = "STANCEMAP_FAULT";

/// Die here, as a crash or a kill would, when [`FAULT_VAR`] names this
/// point.
fn fault_point(point: &str) {
    if std::env::var_os(FAULT_VAR).is_some_and(|v| v == point) {
        std::process::abort();
    }
}

/// Temporary files are private (0600); the result should be as readable
/// as the file it replaces, or as a new file usually is (0644).
#[cfg(unix)]
fn match_permissions(tmp: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = std::fs::metadata(path)
        .map(|m| m.permissions())
        .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
    tmp.set_permissions(permissions)
}

#[cfg(not(unix))]
fn match_permissions(_: &std::fs::File, _: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.json");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.svg");
        write(&path, b"a").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write(&path, b"b").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn an_unwritable_target_is_an_error_naming_it() {
        let err = write(Path::new("/nonexistent-dir/x.json"), b"x").unwrap_err();
        assert!(
            err.starts_with("/nonexistent-dir/x.json: cannot write here"),
            "{err}"
        );
    }
}
