//! `stancemap layout`: an edge list (CSV, tab- or space-separated by the
//! first byte) read and laid out. Any text is refused with a reason that
//! names its line, or gives one finite position per node.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::layout::{ASPECT, EdgeList, Separator, layout_packed};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let separator = match selector % 3 {
        0 => Separator::Comma,
        1 => Separator::Tab,
        _ => Separator::Whitespace,
    };
    let list = match EdgeList::parse(text, separator) {
        Ok(list) => list,
        Err(e) => {
            assert!(!e.contains('\n'), "{e}");
            return;
        }
    };
    for &(a, b, w) in &list.edges {
        assert!((a as usize) < list.names.len() && (b as usize) < list.names.len());
        assert!(w.is_finite() && w > 0.0);
    }
    let packed = layout_packed(&list.graph(), u64::from(selector), 200, ASPECT);
    assert_eq!(packed.positions.len(), list.names.len());
    for p in &packed.positions {
        assert!(p[0].is_finite() && p[1].is_finite(), "{p:?}");
    }
});
