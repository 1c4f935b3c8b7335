//! Article loading: bytes -> decoded text -> plain text (txt, Markdown,
//! HTML, PDF, DOCX or ODT, chosen by the first byte; or sniffed from the
//! content) -> sentences. Documents are read with a 1 MB input limit, so
//! a zip bomb is refused quickly.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::load::{Format, Input, LoadOptions, load_bytes_with};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 7 {
        0 => None,
        1 => Some(Format::Text),
        2 => Some(Format::Markdown),
        3 => Some(Format::Html),
        4 => Some(Format::Pdf),
        5 => Some(Format::Docx),
        _ => Some(Format::Odt),
    };
    let options = LoadOptions {
        max_input_bytes: 1024 * 1024,
    };
    match load_bytes_with("fuzz.in", None, bytes, format, options) {
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
