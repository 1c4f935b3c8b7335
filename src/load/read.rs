//! The one way stancemap reads an input file (articles, maps, folders'
//! files, user lexicons, edge lists, gold maps), with the input limit.
//!
//! Files are opened without blocking, so a named pipe with no writer is
//! read as empty instead of hanging in `open`; devices and pipes report no
//! size, so reading also stops at the limit (`/dev/zero` is refused, not
//! read forever).

use super::{LoadError, LoadOptions};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// All the bytes of the file at `path`, or one line saying why not.
pub fn read_file(path: &Path, options: LoadOptions) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let fail = |e: std::io::Error| LoadError::new(&name, io_reason(&e));
    let file = open(path).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(LoadError::new(&name, "is a directory, not a file"));
    }
    if meta.is_file() {
        check_size(&name, meta.len(), options)?;
        return read_limited(file, &name, options);
    }
    if let Some(kind) = unreadable_kind(&meta) {
        return Err(LoadError::new(&name, format!("{kind}, not a file to read")));
    }
    // A pipe or a character device: read what it gives, up to the limit.
    set_blocking(&file).map_err(fail)?;
    let bytes = read_limited(file, &name, options)?;
    if bytes.is_empty() && is_fifo(&meta) {
        return Err(LoadError::new(
            &name,
            "a named pipe (FIFO) with nothing written to it",
        ));
    }
    Ok(bytes)
}

/// Standard input, up to the limit; named `<stdin>` in messages.
pub fn read_stdin(options: LoadOptions) -> Result<Vec<u8>, LoadError> {
    read_limited(std::io::stdin(), "<stdin>", options)
}

/// A file of text that is not an article (a user lexicon, a gold map, a
/// saved map, a corpus manifest): UTF-8, with or without a byte-order mark.
pub fn read_text(path: &Path, options: LoadOptions) -> Result<String, LoadError> {
    let bytes = read_file(path, options)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => Err(LoadError::new(
            path.display().to_string(),
            format!("not UTF-8 text (invalid byte at {})", e.valid_up_to()),
        )),
    }
}

/// Open for reading; on unix with `O_NONBLOCK`, so that opening a named
/// pipe returns at once even when nothing writes to it.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Back to blocking reads once open: a pipe with a writer is then read to
/// its end, and one without gives end-of-file at once.
#[cfg(unix)]
fn set_blocking(file: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open for as long as `file` lives; F_GETFL and F_SETFL
    // only read and change its status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_blocking(_: &File) -> std::io::Result<()> {
    Ok(())
}

/// Kinds of file that are never input: a disk is not an article.
fn unreadable_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_block_device() {
            return Some("is a disk device");
        }
        if t.is_socket() {
            return Some("is a socket");
        }
    }
    let _ = meta;
    None
}

fn is_fifo(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// All of `source`, or an error once it passes the input limit.
fn read_limited(source: impl Read, name: &str, options: LoadOptions) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    source
        .take(options.max_input_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::new(name, io_reason(&e)))?;
    check_size(name, bytes.len() as u64, options)?;
    Ok(bytes)
}

pub(super) fn check_size(name: &str, len: u64, options: LoadOptions) -> Result<(), LoadError> {
    if len > options.max_input_bytes {
        let mb = options.max_input_bytes as f64 / (1024.0 * 1024.0);
        return Err(LoadError::new(
            name,
            format!("larger than the {mb:.0} MB input limit (raise it with --max-input-mb)"),
        ));
    }
    Ok(())
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(bytes: u64) -> LoadOptions {
        LoadOptions {
            max_input_bytes: bytes,
        }
    }

    #[test]
    fn a_file_is_read_whole_and_a_larger_one_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "12345").unwrap();
        assert_eq!(read_file(&path, limit(5)).unwrap(), b"12345");
        let e = read_file(&path, limit(4)).unwrap_err();
        assert!(
            e.reason.starts_with("larger than the 0 MB input limit"),
            "{e}"
        );
    }

    #[test]
    fn a_directory_and_a_missing_file_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_file(dir.path(), LoadOptions::default()).unwrap_err();
        assert_eq!(e.reason, "is a directory, not a file");
        let e = read_file(&dir.path().join("none"), LoadOptions::default()).unwrap_err();
        assert_eq!(e.reason, "no such file");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_without_a_writer_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: no mkfifo");
            return;
        }
        let e = read_file(&fifo, LoadOptions::default()).unwrap_err();
        assert_eq!(e.reason, "a named pipe (FIFO) with nothing written to it");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_endless_device_stops_at_the_limit() {
        let e = read_file(Path::new("/dev/zero"), limit(1024 * 1024)).unwrap_err();
        assert!(e.reason.contains("1 MB input limit"), "{e}");
    }

    #[test]
    fn text_files_are_utf8_with_or_without_a_bom() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.tsv");
        std::fs::write(&path, b"\xEF\xBB\xBFalias\tx").unwrap();
        assert_eq!(
            read_text(&path, LoadOptions::default()).unwrap(),
            "alias\tx"
        );
        std::fs::write(&path, b"ab\xFF").unwrap();
        let e = read_text(&path, LoadOptions::default()).unwrap_err();
        assert_eq!(e.reason, "not UTF-8 text (invalid byte at 2)");
    }
}
