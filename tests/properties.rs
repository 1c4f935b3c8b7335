//! Invariants of extraction for any text: every span a map holds is inside
//! its article and on character boundaries, every id a relation names
//! exists, extraction is deterministic, and save -> load -> save gives the
//! same bytes. Texts are arbitrary Unicode, or built from actor names, stance
//! cues and punctuation so that relations actually appear.

use proptest::prelude::*;
use stancemap::extract::extract;
use stancemap::load::{Input, load_bytes, parse_map};
use stancemap::model::{Article, RelationMap, merge_maps};
use stancemap::text::sentences::split;

const ACTORS: &[&str] = &[
    "Russia",
    "Moscow",
    "the Kremlin",
    "President Vladimir Putin",
    "Putin",
    "the Russian president",
    "the Taliban",
    "Kabul",
    "the Afghan administration",
    "Pakistan",
    "Islamabad",
    "the TTP",
    "Tehreek-e-Taliban Pakistan",
    "ISIS-K",
    "India",
    "New Delhi",
    "India Today",
    "China",
    "the United States",
    "Iran",
    "NATO",
    "the group",
    "it",
    "they",
    "Côte d’Ivoire",
];

const CUES: &[&str] = &[
    "backed",
    "defended",
    "accused",
    "attacked",
    "condemned",
    "met",
    "signed a deal with",
    "rejected",
    "praised",
    "supports",
    "did not support",
    "warned",
    "blamed",
    "struck",
    "cooperated with",
    "said that",
    "alleges that",
    "was dismissed by",
    "’s allegations against",
    "’s endorsement of",
    "denied",
];

const GLUE: &[&str] = &[
    ".",
    ".",
    ",",
    "and",
    "!",
    "?",
    "\n",
    "\n\n",
    "“",
    "”",
    "’s",
    "—",
    "(",
    ")",
    "on Monday",
    "Mr.",
    "U.S.",
    "3.5",
    "é",
    "…",
    "\"",
    "of",
    "the",
    "not",
];

fn word() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => proptest::sample::select(ACTORS),
        3 => proptest::sample::select(CUES),
        3 => proptest::sample::select(GLUE),
    ]
}

/// Text made of actors, cues and punctuation: relations appear often.
fn news() -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), 0..60).prop_map(|words| words.join(" "))
}

/// Any Unicode, with the line breaks and sentence ends that matter here.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[A-Za-z’'.!?…“”\"() \n\t\u{a0}é,-]{0,300}",]
}

fn article(text: &str) -> Article {
    Article {
        id: "a1".to_string(),
        title: "t".to_string(),
        source: None,
        date: None,
        text: text.to_string(),
        sentences: split(text),
    }
}

/// Every span, index and id in `map` points at something that exists.
fn assert_valid(map: &RelationMap) {
    for a in &map.articles {
        let mut end = 0;
        for &[s, e] in &a.sentences {
            assert!(end <= s && s < e, "sentence {s}..{e} out of order");
            assert!(a.text.get(s..e).is_some(), "sentence {s}..{e} not in text");
            end = e;
        }
    }
    for entity in &map.entities {
        for m in &entity.mentions {
            let a = map.article(&m.article).expect("mention's article exists");
            assert!(m.start < m.end, "empty mention of {}", entity.id);
            assert!(
                a.text.get(m.start..m.end).is_some(),
                "mention {}..{} of {} off the text or a char boundary",
                m.start,
                m.end,
                entity.id
            );
        }
    }
    for r in &map.relations {
        for id in [Some(&r.source), Some(&r.target), r.alleged_by.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(map.entity(id).is_some(), "relation names missing {id}");
        }
        assert!(!r.evidence.is_empty(), "a relation without a sentence");
        for e in &r.evidence {
            let a = map.article(&e.article).expect("evidence's article exists");
            let sentence = a.sentence_text(e.sentence).expect("evidence's sentence");
            assert_eq!(e.text, sentence);
        }
    }
}

/// save -> load -> save gives the same bytes.
fn assert_round_trip(map: &RelationMap) {
    let json = map.to_json();
    let loaded = parse_map(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(loaded.to_json(), json);
}

fn check(text: &str) {
    let a = article(text);
    let map = extract(&a);
    assert_valid(&map);
    assert_eq!(extract(&a), map, "extraction is not deterministic");
    assert_round_trip(&map);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn maps_of_news_like_text_are_valid(text in news()) {
        check(&text);
    }

    #[test]
    fn maps_of_any_text_are_valid(text in any_text()) {
        check(&text);
    }

    #[test]
    fn loaded_articles_are_valid_in_every_format(text in news(), format in 0..3u8) {
        let (name, text) = match format {
            0 => ("x.txt", text),
            1 => ("x.md", format!("# {text}\n\n* {text}\n")),
            _ => ("x.html", format!("<h1>{text}</h1><div><p>{text}</p></div>")),
        };
        let path = std::path::Path::new(name);
        if let Ok(loaded) = load_bytes(name, Some(path), text.as_bytes(), None) {
            let Input::Article(a) = loaded.input else {
                panic!("{name} loaded as a map");
            };
            let map = extract(&a);
            assert_valid(&map);
            assert_round_trip(&map);
        }
    }

    #[test]
    fn merged_maps_are_valid_and_round_trip(a in news(), b in news()) {
        let (ma, mb) = (extract(&article(&a)), extract(&article(&b)));
        let merged = merge_maps([ma.clone(), mb.clone(), ma]);
        assert_valid(&merged);
        assert_round_trip(&merged);
        assert_eq!(merge_maps([extract(&article(&a)), mb, extract(&article(&a))]), merged);
    }
}
