//! The map loader: any text is refused with a reason or accepted; an
//! accepted map saves and loads back byte for byte, and so does its merge
//! with itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::load::parse_map;
use stancemap::model::merge_maps;

fuzz_target!(|text: &str| {
    let Ok(map) = parse_map(text) else {
        return;
    };
    let json = map.to_json();
    let again = parse_map(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(again.to_json(), json);
    let merged = merge_maps([map.clone(), map]).to_json();
    let merged_again = parse_map(&merged).unwrap_or_else(|e| panic!("{e}\n{merged}"));
    assert_eq!(merged_again.to_json(), merged);
});
