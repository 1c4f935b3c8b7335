//! stancemap/1 JSON maps: parsed, then checked so that every offset, index
//! and id a map holds can be used without further checks.

use crate::model::{RelationMap, SCHEMA};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

/// The one field read before the rest: what kind of JSON this is. Read
/// on its own, everything else skipped, rather than through a
/// `serde_json::Value` of the whole file, which takes several times the
/// memory of the map it holds.
#[derive(Deserialize)]
struct Probe {
    schema: Option<serde_json::Value>,
}

/// Parse and check a map; the error is a short reason.
pub fn parse_map(text: &str) -> Result<RelationMap, String> {
    let probe: Probe = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    match probe.schema.as_ref().and_then(|s| s.as_str()) {
        Some(SCHEMA) => {}
        Some(other) => {
            return Err(format!(
                "JSON of schema \"{other}\", not a stancemap map (\"{SCHEMA}\")"
            ));
        }
        None => {
            return Err(format!(
                "JSON without \"schema\": \"{SCHEMA}\"; not a stancemap map"
            ));
        }
    }
    let mut map: RelationMap =
        serde_json::from_str(text).map_err(|e| format!("not a valid {SCHEMA} map: {e}"))?;
    check(&map)?;
    map.normalise();
    Ok(map)
}

fn check(map: &RelationMap) -> Result<(), String> {
    // By id, so that checking is linear in the size of the map.
    let mut articles = HashMap::new();
    for article in &map.articles {
        if articles.insert(article.id.as_str(), article).is_some() {
            return Err(format!("article id \"{}\" is used twice", article.id));
        }
        for (i, &[start, end]) in article.sentences.iter().enumerate() {
            if start > end || article.text.get(start..end).is_none() {
                return Err(format!(
                    "sentence {i} of article \"{}\" ({start}..{end}) is not inside its text",
                    article.id
                ));
            }
        }
    }
    let mut entity_ids = HashSet::new();
    for entity in &map.entities {
        if !entity_ids.insert(entity.id.as_str()) {
            return Err(format!("entity id \"{}\" is used twice", entity.id));
        }
        for m in &entity.mentions {
            let article = articles.get(m.article.as_str()).ok_or_else(|| {
                format!(
                    "a mention of \"{}\" names unknown article \"{}\"",
                    entity.id, m.article
                )
            })?;
            if m.start > m.end || article.text.get(m.start..m.end).is_none() {
                return Err(format!(
                    "a mention of \"{}\" ({}..{}) is not inside article \"{}\"",
                    entity.id, m.start, m.end, m.article
                ));
            }
        }
    }
    for (i, r) in map.relations.iter().enumerate() {
        for id in [Some(&r.source), Some(&r.target), r.alleged_by.as_ref()]
            .into_iter()
            .flatten()
        {
            if !entity_ids.contains(id.as_str()) {
                return Err(format!("relation {i} names unknown entity \"{id}\""));
            }
        }
        for e in &r.evidence {
            let article = articles
                .get(e.article.as_str())
                .ok_or_else(|| format!("relation {i} cites unknown article \"{}\"", e.article))?;
            if article.sentence_text(e.sentence).is_none() {
                return Err(format!(
                    "relation {i} cites sentence {} that article \"{}\" does not have",
                    e.sentence, e.article
                ));
            }
            if !(0.0..=1.0).contains(&e.confidence) {
                return Err(format!(
                    "relation {i} has confidence {} outside 0 to 1",
                    e.confidence
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{"schema":"stancemap/1","articles":[{"id":"a1","title":"T","source":null,
        "text":"Russia backs Kabul.","sentences":[[0,19]],"extra":1}],
        "entities":[{"id":"russia","name":"Russia","kind":"country","aliases":[],
        "mentions":[{"article":"a1","start":0,"end":6}]},
        {"id":"taliban","name":"Taliban","kind":"government"}],
        "relations":[{"source":"russia","target":"taliban","stance":"support",
        "evidence":[{"article":"a1","sentence":0,"cue":"backs","text":"Russia backs Kabul."}]}],
        "future_field":[1,2,3]}"#;

    #[test]
    fn reads_a_map_and_ignores_unknown_fields() {
        let map = parse_map(OK).unwrap();
        assert_eq!(map.entities.len(), 2);
        assert_eq!(map.relations[0].alleged_by, None);
    }

    #[test]
    fn wrong_schema_and_broken_json_are_explained() {
        assert!(
            parse_map(r#"{"schema":"other/2"}"#)
                .unwrap_err()
                .contains("other/2")
        );
        assert!(
            parse_map(r#"{"a":1}"#)
                .unwrap_err()
                .contains("without \"schema\"")
        );
        assert!(
            parse_map(r#"{"schema":"stancemap/1","#)
                .unwrap_err()
                .starts_with("not valid JSON")
        );
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        assert!(parse_map(&deep).unwrap_err().contains("recursion limit"));
    }

    #[test]
    fn offsets_and_ids_are_checked() {
        let bad_offset = OK.replace("[[0,19]]", "[[0,99]]");
        assert!(
            parse_map(&bad_offset)
                .unwrap_err()
                .contains("not inside its text")
        );
        let bad_id = OK.replace(r#""target":"taliban""#, r#""target":"nobody""#);
        assert!(
            parse_map(&bad_id)
                .unwrap_err()
                .contains("unknown entity \"nobody\"")
        );
        let bad_sentence = OK.replace(r#""sentence":0"#, r#""sentence":7"#);
        assert!(parse_map(&bad_sentence).unwrap_err().contains("sentence 7"));
        // A number too large for f32 reads as infinity, which would save as null.
        let huge = OK.replace(
            r#""text":"Russia backs Kabul."}]"#,
            r#""text":"Russia backs Kabul.","confidence":1e39}]"#,
        );
        assert!(parse_map(&huge).unwrap_err().contains("outside 0 to 1"));
    }
}
