//! CSV (RFC 4180): an edge table, or a node table with `--nodes`. Fields
//! holding commas, quotes, line breaks or edge spaces are quoted, quotes
//! doubled; records end in CRLF.

use super::Picture;
use crate::model::RelationMap;

/// One CSV field, quoted when it has to be.
pub fn field(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One CSV record (with its CRLF).
pub fn record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The edge table: source, target, stance, alleged_by, evidence_count,
/// evidence (sentences joined by " | "), negated, and with camps
/// breaks_camps. Actors by name.
pub fn edges(map: &RelationMap, picture: &Picture) -> String {
    let entities = map.entity_index();
    let name = |id: &str| entities.get(id).map_or(id, |e| e.name.as_str()).to_string();
    let mut header = vec![
        "source",
        "target",
        "stance",
        "alleged_by",
        "evidence_count",
        "evidence",
        "negated",
    ];
    if picture.camps.is_some() {
        header.push("breaks_camps");
    }
    let mut out = record(&header);
    for r in &map.relations {
        let evidence: Vec<&str> = r.evidence.iter().map(|e| e.text.trim()).collect();
        let mut row = vec![
            name(&r.source),
            name(&r.target),
            r.stance.to_string(),
            r.alleged_by.as_deref().map(name).unwrap_or_default(),
            r.sentence_count().to_string(),
            evidence.join(" | "),
            r.negated.to_string(),
        ];
        if let Some(camps) = &picture.camps {
            row.push(camps.breaks(r).to_string());
        }
        out.push_str(&record(&row));
    }
    out
}

/// The node table: id, name, kind, aliases (joined by " | "), mentions,
/// x, y as drawn in the picture, and with camps the camp (from 1).
pub fn nodes(map: &RelationMap, picture: &Picture) -> String {
    let mut header = vec!["id", "name", "kind", "aliases", "mentions", "x", "y"];
    if picture.camps.is_some() {
        header.push("camp");
    }
    let mut out = record(&header);
    let entities = map.entity_index();
    for n in &picture.scene.nodes {
        let entity = entities.get(n.id.as_str());
        let mut row = vec![
            n.id.clone(),
            n.name.clone(),
            n.kind.to_string(),
            entity.map_or(String::new(), |e| e.aliases.join(" | ")),
            entity.map_or(0, |e| e.mentions.len()).to_string(),
            format!("{:.1}", n.center[0]),
            format!("{:.1}", n.center[1]),
        ];
        if picture.camps.is_some() {
            row.push(picture.camp(&n.id));
        }
        out.push_str(&record(&row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("A \"B\" <C> & D"), "\"A \"\"B\"\" <C> & D\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(record(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }
}
