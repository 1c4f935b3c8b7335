//! What the command line prints: outputs on standard output through
//! [`print`], and messages on standard error through [`message`], each
//! exactly one line whatever file names, ids or titles it quotes.

use std::fmt::Write as _;
use std::io::Write;

/// Why standard output took no more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    /// The reader went away (`| head`): nothing is worth saying.
    Closed,
    /// Anything else (a full disk): the one line to print.
    Failed(String),
}

/// Write an output (a map, a report) to standard output. A closed pipe
/// and a full disk are errors to return, never a panic as `print!` makes
/// them.
pub fn print(text: &str) -> Result<(), OutputError> {
    write_all(&mut std::io::stdout().lock(), text.as_bytes())
}

fn write_all(out: &mut impl Write, bytes: &[u8]) -> Result<(), OutputError> {
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => OutputError::Closed,
            _ => OutputError::Failed(format!("standard output: cannot write: {e}")),
        })
}

/// Print one message line on standard error, escaped by [`one_line`].
/// A standard error that cannot be written to is ignored: there is nowhere
/// left to say so.
pub fn message(text: &str) {
    let mut line = one_line(text);
    line.push('\n');
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// `text` as one line that prints as itself: control characters (newlines
/// and terminal escape sequences among them), Unicode line separators and
/// bidirectional overrides are written as Rust escapes such as `\n` and
/// `\u{1b}`.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_escape(c) {
            let _ = write!(out, "{}", c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_line_breaks_are_escaped_and_text_is_kept() {
        assert_eq!(
            one_line("a\nb\r\t\u{1b}[31mred\u{7f}\u{85}"),
            "a\\nb\\r\\t\\u{1b}[31mred\\u{7f}\\u{85}"
        );
        assert_eq!(
            one_line("Kabul’s \u{2028}x\u{202E}"),
            "Kabul’s \\u{2028}x\\u{202e}"
        );
        assert_eq!(one_line("Ελλάδα: plain"), "Ελλάδα: plain");
    }

    struct Failing(std::io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_quiet_and_other_errors_are_one_line() {
        let closed = write_all(&mut Failing(std::io::ErrorKind::BrokenPipe), b"x");
        assert_eq!(closed, Err(OutputError::Closed));
        let full = write_all(&mut Failing(std::io::ErrorKind::StorageFull), b"x");
        match full {
            Err(OutputError::Failed(line)) => {
                assert!(
                    line.starts_with("standard output: cannot write: "),
                    "{line}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
