//! Sentence splitting: spans are in order, inside the text, on character
//! boundaries, trimmed and never empty.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::text::sentences::split;

fuzz_target!(|text: &str| {
    let mut previous_end = 0;
    for [start, end] in split(text) {
        assert!(previous_end <= start && start < end, "{start}..{end}");
        let sentence = text.get(start..end).expect("span on char boundaries");
        assert_eq!(sentence, sentence.trim());
        previous_end = end;
    }
});
