//! GraphML for yEd, Gephi, Cytoscape and networkx: node attributes label,
//! kind, aliases, mentions and x/y as drawn; edge attributes stance,
//! alleged_by, negated, evidence_count (also as weight), the first
//! evidence sentence and the stance colour.

use super::Picture;
use crate::model::RelationMap;
use crate::render::xml::escape;
use std::fmt::Write;

const KEYS: [(&str, &str, &str, &str); 16] = [
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_x", "node", "x", "double"),
    ("n_y", "node", "y", "double"),
    ("n_color", "node", "color", "string"),
    ("n_camp", "node", "camp", "int"),
    ("e_stance", "edge", "stance", "string"),
    ("e_alleged_by", "edge", "alleged_by", "string"),
    ("e_negated", "edge", "negated", "boolean"),
    ("e_evidence_count", "edge", "evidence_count", "int"),
    ("e_weight", "edge", "weight", "double"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_color", "edge", "color", "string"),
    ("e_breaks_camps", "edge", "breaks_camps", "boolean"),
];

pub fn write(map: &RelationMap, picture: &Picture) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, name, ty) in KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    let _ = writeln!(
        s,
        "  <graph id=\"{}\" edgedefault=\"directed\">",
        escape(&picture.title)
    );
    let data = |s: &mut String, key: &str, value: &str| {
        let _ = write!(s, "<data key=\"{key}\">{}</data>", escape(value));
    };
    let scene = &picture.scene;
    let entities = map.entity_index();
    for n in &scene.nodes {
        let entity = entities.get(n.id.as_str());
        let _ = write!(s, "    <node id=\"{}\">", escape(&n.id));
        data(&mut s, "n_label", &n.name);
        data(&mut s, "n_kind", n.kind.as_str());
        if let Some(e) = entity.filter(|e| !e.aliases.is_empty()) {
            data(&mut s, "n_aliases", &e.aliases.join(" | "));
        }
        data(
            &mut s,
            "n_mentions",
            &entity.map_or(0, |e| e.mentions.len()).to_string(),
        );
        data(&mut s, "n_x", &format!("{:.1}", n.center[0]));
        data(&mut s, "n_y", &format!("{:.1}", n.center[1]));
        data(&mut s, "n_color", &scene.palette.node_fill(n.kind).hex());
        let camp = picture.camp(&n.id);
        if !camp.is_empty() {
            data(&mut s, "n_camp", &camp);
        }
        s.push_str("</node>\n");
    }
    for (i, (r, e)) in map.relations.iter().zip(&scene.edges).enumerate() {
        let _ = write!(
            s,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            escape(&r.source),
            escape(&r.target)
        );
        data(&mut s, "e_stance", r.stance.as_str());
        if let Some(by) = &r.alleged_by {
            data(
                &mut s,
                "e_alleged_by",
                entities.get(by.as_str()).map_or(by, |e| &e.name),
            );
        }
        data(
            &mut s,
            "e_negated",
            if r.negated { "true" } else { "false" },
        );
        data(&mut s, "e_evidence_count", &r.sentence_count().to_string());
        data(&mut s, "e_weight", &r.sentence_count().max(1).to_string());
        if let Some(first) = r.evidence.first() {
            data(&mut s, "e_evidence", first.text.trim());
        }
        data(&mut s, "e_color", &e.color.hex());
        if let Some(camps) = &picture.camps {
            data(&mut s, "e_breaks_camps", &camps.breaks(r).to_string());
        }
        s.push_str("</edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}
