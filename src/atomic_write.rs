//! The one way stancemap writes a file (outputs, exports, saved maps, the
//! user lexicon), so that nothing is ever half-written: the bytes go to a
//! temporary file in the target's directory, which is renamed over the
//! target only once complete.
//!
//! Only a regular file (or a new one) is a target: a directory, a device
//! node or a named pipe is refused, since renaming over `/dev/null` would
//! replace the device with a file. A symbolic link is written through: its
//! target is replaced and the link stays a link. Temporary files are named
//! `.stancemap-PID-XXXXXX.tmp`; one left behind by a writer that was killed
//! (its process gone, or untouched for [`STALE_AFTER`]) is removed before
//! the next write in that directory.
//!
//! Fault hook for tests: `STANCEMAP_FAULT=abort-mid-write` aborts the process
//! after half of the bytes reach the temporary file, and
//! `STANCEMAP_FAULT=abort-before-rename` after all of them are synced but
//! before the rename; either way the old target must survive intact.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Write `bytes` to `path` atomically. On error the target is untouched
/// and the message is one line naming the file and the reason.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = path.display();
    check(path)?;
    let target = resolve_links(path).map_err(|e| format!("{name}: cannot write: {e}"))?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    remove_stale_temporaries(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| format!("{name}: cannot write here: {e}"))?;
    match_permissions(tmp.as_file(), &target).map_err(|e| format!("{name}: cannot write: {e}"))?;
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    tmp.write_all(first)
        .map_err(|e| format!("{name}: cannot write: {e}"))?;
    fault_point("abort-mid-write");
    tmp.write_all(rest)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| format!("{name}: cannot write: {e}"))?;
    fault_point("abort-before-rename");
    tmp.persist(&target)
        .map_err(|e| format!("{name}: cannot replace the file: {}", e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Whether `path` may be written: a regular file (through any symbolic
/// links) or nothing yet. Callers check before long work, so that a wrong
/// `-o` is said at once; [`write`] checks again.
pub fn check(path: &Path) -> Result<(), String> {
    let name = path.display();
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(()),
        Ok(meta) => Err(format!("{name}: {}, not a file to write", kind(&meta))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{name}: cannot write: {e}")),
    }
}

/// What a file that is not a regular file is, for messages.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "is a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "is a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "is a device";
        }
    }
    if meta.is_dir() {
        "is a directory"
    } else {
        "is not a regular file"
    }
}

/// The file a chain of symbolic links ends at (which may not exist yet):
/// the file to replace, so that the links keep pointing at it.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

const TEMP_PREFIX: &str = ".stancemap-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file nobody has written to for this long belongs to a
/// writer that died, whoever it was.
pub const STALE_AFTER: Duration = Duration::from_secs(5 * 60);

/// Remove the temporary files of writers that were killed before their
/// rename: ours by name, whose process is gone or which are untouched for
/// [`STALE_AFTER`]. Best effort: a file that cannot be removed stays.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(writer) = file_name.to_str().and_then(temporary_writer) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        let untouched = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if untouched || writer.is_some_and(|pid| !process_alive(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// For a name of ours, `Some` with the writer's process id when the name
/// carries one (names of older versions do not); `None` for other files.
fn temporary_writer(file_name: &str) -> Option<Option<u32>> {
    let middle = file_name
        .strip_prefix(TEMP_PREFIX)?
        .strip_suffix(TEMP_SUFFIX)?;
    let pid = middle
        .split_once('-')
        .and_then(|(pid, _)| pid.parse::<u32>().ok())
        .filter(|&pid| pid > 0);
    Some(pid)
}

/// Whether a process with this id exists (signal 0 only asks).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 sends nothing; pid is positive, so it
    // names one process, never a group.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Without a way to ask, only age makes a temporary file stale.
#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

/// Make the rename itself durable; a directory that cannot be synced
/// (some file systems) changes nothing about the file just written.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
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

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(dir.path(), b"x").unwrap_err();
        assert!(
            err.ends_with(": is a directory, not a file to write"),
            "{err}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_written_through_relative_dangling_or_chained() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let target = sub.join("real.json");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("sub/real.json", &link).unwrap();
        let chain = dir.path().join("chain.json");
        std::os::unix::fs::symlink(&link, &chain).unwrap();
        write(&chain, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert!(std::fs::symlink_metadata(&chain).unwrap().is_symlink());

        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("sub/later.json", &dangling).unwrap();
        write(&dangling, b"made").unwrap();
        assert_eq!(std::fs::read(sub.join("later.json")).unwrap(), b"made");
        assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());

        let looped = dir.path().join("loop.json");
        std::os::unix::fs::symlink("loop.json", &looped).unwrap();
        let err = write(&looped, b"x").unwrap_err();
        assert!(err.contains("loop.json: cannot write"), "{err}");
    }

    #[test]
    fn our_temporary_names_carry_the_writer() {
        assert_eq!(
            temporary_writer(".stancemap-4242-aB3xYz.tmp"),
            Some(Some(4242))
        );
        assert_eq!(temporary_writer(".stancemap-aB3xYz.tmp"), Some(None));
        assert_eq!(temporary_writer(".stancemap-0-aB3xYz.tmp"), Some(None));
        assert_eq!(temporary_writer(".other-4242-x.tmp"), None);
        assert_eq!(temporary_writer(".stancemap-4242-x.json"), None);
    }

    #[cfg(unix)]
    #[test]
    fn stale_temporaries_go_and_live_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        let make = |name: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, "x").unwrap();
            path
        };
        // A process id above Linux's limit (2^22) names no process.
        let dead = make(".stancemap-99999999-aaaaaa.tmp");
        let live = make(&format!(".stancemap-{}-bbbbbb.tmp", std::process::id()));
        let old = make(".stancemap-cccccc.tmp");
        let long_ago = std::time::SystemTime::now() - STALE_AFTER - Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
        let theirs = make(".stancemap-notes.txt");
        write(&dir.path().join("map.json"), b"{}").unwrap();
        assert!(!dead.exists() && !old.exists());
        assert!(live.exists() && theirs.exists());
    }
}
