//! Article loading: bytes -> decoded text -> plain text (txt, Markdown or
//! HTML, chosen by the first byte; or sniffed from the content) -> sentences.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::load::{Format, Input, load_bytes};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 4 {
        0 => None,
        1 => Some(Format::Text),
        2 => Some(Format::Markdown),
        _ => Some(Format::Html),
    };
    match load_bytes("fuzz.in", None, bytes, format) {
        Ok(loaded) => {
            if let Input::Article(article) = loaded.input {
                assert!(!article.text.trim().is_empty());
                for &[start, end] in &article.sentences {
                    assert!(article.text.get(start..end).is_some());
                }
            }
        }
        Err(e) => {
            let line = e.to_string();
            assert!(
                line.starts_with("fuzz.in: ") && !line.contains('\n'),
                "{line}"
            );
        }
    }
});
