//! GEXF 1.3 for Gephi: attributes like the GraphML, plus viz:color (kind
//! tint for nodes, stance colour for edges), viz:position from the layout
//! (as drawn, y pointing up as Gephi expects), viz:size and viz:shape
//! (dashed edges for alleged relations).

use super::Picture;
use crate::model::RelationMap;
use crate::render::style::{Rgb, Shape};
use crate::render::xml::escape;
use std::fmt::Write;

fn node_shape(shape: Shape) -> &'static str {
    match shape {
        Shape::Circle | Shape::DashedCircle | Shape::Hexagon => "disc",
        Shape::Square => "square",
        Shape::Diamond => "diamond",
        Shape::Triangle | Shape::InvertedTriangle => "triangle",
    }
}

fn color(c: Rgb) -> String {
    format!("<viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>", c.0, c.1, c.2)
}

pub fn write(map: &RelationMap, picture: &Picture) -> String {
    let scene = &picture.scene;
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    let _ = writeln!(
        s,
        "  <meta>\n    <creator>stancemap</creator>\n    <description>{}</description>\n  </meta>",
        escape(&picture.title)
    );
    s.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    s.push_str(
        "    <attributes class=\"node\" mode=\"static\">\n\
      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n\
      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n\
      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n\
      <attribute id=\"camp\" title=\"camp\" type=\"integer\"/>\n\
    </attributes>\n\
    <attributes class=\"edge\" mode=\"static\">\n\
      <attribute id=\"stance\" title=\"stance\" type=\"string\"/>\n\
      <attribute id=\"alleged_by\" title=\"alleged_by\" type=\"string\"/>\n\
      <attribute id=\"negated\" title=\"negated\" type=\"boolean\"/>\n\
      <attribute id=\"evidence_count\" title=\"evidence_count\" type=\"integer\"/>\n\
      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n\
      <attribute id=\"breaks_camps\" title=\"breaks_camps\" type=\"boolean\"/>\n\
    </attributes>\n",
    );
    let att = |s: &mut String, key: &str, value: &str| {
        let _ = write!(s, "<attvalue for=\"{key}\" value=\"{}\"/>", escape(value));
    };
    s.push_str("    <nodes>\n");
    let entities = map.entity_index();
    for n in &scene.nodes {
        let entity = entities.get(n.id.as_str());
        let _ = write!(
            s,
            "      <node id=\"{}\" label=\"{}\"><attvalues>",
            escape(&n.id),
            escape(&n.name)
        );
        att(&mut s, "kind", n.kind.as_str());
        att(
            &mut s,
            "aliases",
            &entity.map_or(String::new(), |e| e.aliases.join(" | ")),
        );
        att(
            &mut s,
            "mentions",
            &entity.map_or(0, |e| e.mentions.len()).to_string(),
        );
        let camp = picture.camp(&n.id);
        if !camp.is_empty() {
            att(&mut s, "camp", &camp);
        }
        let _ = writeln!(
            s,
            "</attvalues>{}<viz:position x=\"{:.1}\" y=\"{:.1}\" z=\"0.0\"/><viz:size value=\"{:.1}\"/><viz:shape value=\"{}\"/></node>",
            color(scene.palette.node_fill(n.kind)),
            n.center[0],
            scene.height - n.center[1],
            n.radius,
            node_shape(n.shape)
        );
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (i, (r, e)) in map.relations.iter().zip(&scene.edges).enumerate() {
        let _ = write!(
            s,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"><attvalues>",
            escape(&r.source),
            escape(&r.target),
            r.stance,
            r.sentence_count().max(1)
        );
        att(&mut s, "stance", r.stance.as_str());
        if let Some(by) = &r.alleged_by {
            att(
                &mut s,
                "alleged_by",
                entities.get(by.as_str()).map_or(by, |e| &e.name),
            );
        }
        att(&mut s, "negated", if r.negated { "true" } else { "false" });
        att(&mut s, "evidence_count", &r.sentence_count().to_string());
        if let Some(first) = r.evidence.first() {
            att(&mut s, "evidence", first.text.trim());
        }
        if let Some(camps) = &picture.camps {
            att(&mut s, "breaks_camps", &camps.breaks(r).to_string());
        }
        let shape = if r.negated {
            "dotted"
        } else if r.alleged_by.is_some() {
            "dashed"
        } else {
            "solid"
        };
        let _ = writeln!(
            s,
            "</attvalues>{}<viz:thickness value=\"{:.1}\"/><viz:shape value=\"{shape}\"/></edge>",
            color(e.color),
            e.width
        );
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}
