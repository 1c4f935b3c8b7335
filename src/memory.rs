//! How the binaries use memory: mimalloc (the global allocator of the
//! `stancemap` binary and the benches), told to give freed memory back at
//! once.

/// mimalloc's `mi_option_purge_delay` (mimalloc.h; libmimalloc-sys has no
/// name for it). The test below checks it is that option.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Give freed memory back to the system at once rather than a second or
/// more later (mimalloc 3's default), by which time the window's peak is
/// made: a large map is read, laid out and drawn within that second.
/// Measured on the same runs, at the same speed: peak memory of
/// extracting 5 MB of text 216 -> 146 MB, of a 50,000-node layout 83 ->
/// 63 MB, of the window on a 10,000-actor map 223 -> 175 MB.
pub fn purge_freed_memory_at_once() {
    // SAFETY: sets an integer option; mimalloc reads options atomically.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // mimalloc 3's default purge delay is 1000 (ms), which no option
        // near it has.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads an integer option.
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 1000);
        }
        purge_freed_memory_at_once();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 0);
    }
}
