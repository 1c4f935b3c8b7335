//! Third-party parsers (Readability, PDF) run behind a guard: a panic
//! inside one becomes "could not read" for that file instead of a crash, and
//! prints nothing, so the user still sees one line naming the file.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs guarded code: its panics are expected.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// `f()`, or `None` if it panicked (silently; other threads' panics are
/// reported as before).
pub(super) fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_none_and_values_pass_through() {
        assert_eq!(guarded(|| 7), Some(7));
        let none: Option<u8> = guarded(|| panic!("inside a parser"));
        assert_eq!(none, None);
        assert_eq!(guarded(|| "after"), Some("after"));
    }
}
