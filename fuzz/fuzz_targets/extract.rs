//! Extraction of any text: the map it gives is valid (every id, offset and
//! sentence it names exists), loads back unchanged, and is the same twice.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::extract::extract;
use stancemap::load::parse_map;
use stancemap::model::Article;
use stancemap::text::sentences::split;

fuzz_target!(|text: &str| {
    let article = Article {
        id: "a1".to_string(),
        title: "fuzz".to_string(),
        source: None,
        date: None,
        text: text.to_string(),
        sentences: split(text),
    };
    let map = extract(&article);
    let json = map.to_json();
    let reloaded = parse_map(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(reloaded.to_json(), json);
    assert_eq!(extract(&article).to_json(), json);
});
