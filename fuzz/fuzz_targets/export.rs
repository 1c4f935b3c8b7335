//! Export: a map (JSON, first byte even) or a text (first byte odd) to a
//! scene, then SVG, PNG and every data format, on a small canvas. Nothing
//! panics, an SVG is one document, a PNG has the canvas's size, and every
//! data file names every actor.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::export::{self, ExportOptions, Format};
use stancemap::extract::extract;
use stancemap::load::parse_map;
use stancemap::model::{Article, RelationMap};
use stancemap::render;
use stancemap::text::sentences::split;
use std::collections::BTreeMap;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let map: RelationMap = if selector % 2 == 0 {
        let Ok(map) = parse_map(text) else {
            return;
        };
        map
    } else {
        extract(&Article {
            id: "a1".to_string(),
            title: text.lines().next().unwrap_or_default().to_string(),
            source: None,
            date: None,
            text: text.to_string(),
            sentences: split(text),
        })
    };
    // 40..295 by 30..285 CSS px, so rasterising stays quick.
    let width = 40 + u32::from(selector / 2 % 128) * 2;
    let opts = ExportOptions {
        render: render::Options {
            width,
            height: width * 3 / 4,
            legend: selector & 0x40 == 0,
            ..render::Options::default()
        },
        ..ExportOptions::default()
    };
    let positions = BTreeMap::new();
    for format in Format::ALL {
        let bytes = export::to_bytes(&map, &positions, format, &opts)
            .unwrap_or_else(|e| panic!("{}: {e}", format.extension()));
        match format {
            Format::Png => {
                assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
                let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
                assert_eq!((be(16), be(20)), (width, width * 3 / 4));
            }
            Format::Svg => {
                let svg = String::from_utf8(bytes).expect("UTF-8");
                assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>\n"));
                assert_eq!(svg.matches("<svg ").count(), 1);
            }
            _ => {
                String::from_utf8(bytes).expect("UTF-8");
            }
        }
    }
});
