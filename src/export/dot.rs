//! Graphviz DOT: a digraph with stance colours, dashed alleged relations,
//! node shapes per kind, and tooltips with the first sentence. Lay it out
//! with `dot`, `neato` or `sfdp`; `pos` attributes carry our layout for
//! `neato -n`.

use super::Picture;
use crate::model::RelationMap;
use crate::render::style::{self, Shape};
use std::fmt::Write;

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks
/// as `\n`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn shape_name(shape: Shape) -> &'static str {
    match shape {
        Shape::Circle | Shape::DashedCircle => "circle",
        Shape::Square => "box",
        Shape::Diamond => "diamond",
        Shape::Triangle => "triangle",
        Shape::Hexagon => "hexagon",
        Shape::InvertedTriangle => "invtriangle",
    }
}

pub fn write(map: &RelationMap, picture: &Picture) -> String {
    let scene = &picture.scene;
    let p = &scene.palette;
    let mut s = String::new();
    let _ = writeln!(s, "digraph stancemap {{");
    let _ = writeln!(
        s,
        "  graph [label={}, labelloc=t, fontname=\"Inter\", bgcolor=\"{}\", fontcolor=\"{}\", overlap=false, splines=true, outputorder=edgesfirst];",
        quote(&picture.title),
        p.background,
        p.text
    );
    let _ = writeln!(
        s,
        "  node [fontname=\"Inter\", fontsize=11, style=filled, color=\"{}\", fontcolor=\"{}\", fixedsize=false];",
        p.node_stroke, p.text
    );
    let _ = writeln!(s, "  edge [fontname=\"Inter\", fontsize=9, arrowsize=0.8];");
    for n in &scene.nodes {
        let dashed = if n.shape == Shape::DashedCircle {
            ", style=\"filled,dashed\""
        } else {
            ""
        };
        let _ = writeln!(
            s,
            "  {} [label={}, shape={}, fillcolor=\"{}\"{dashed}, tooltip={}, pos=\"{:.1},{:.1}\"];",
            quote(&n.id),
            quote(&n.name),
            shape_name(n.shape),
            p.node_fill(n.kind),
            quote(&n.tooltip),
            n.center[0],
            scene.height - n.center[1]
        );
    }
    let plain = crate::render::is_plain(map);
    for (r, e) in map.relations.iter().zip(&scene.edges) {
        let mut attrs = vec![
            format!("color=\"{}\"", e.color),
            format!("penwidth={:.1}", e.width),
            format!("tooltip={}", quote(&e.tooltip)),
        ];
        if !plain {
            let label = if r.negated {
                format!("not {}", r.stance)
            } else {
                r.stance.to_string()
            };
            attrs.push(format!("label={}", quote(&label)));
            attrs.push(format!("fontcolor=\"{}\"", style::stance_color(r.stance)));
        } else {
            attrs.push("arrowhead=none".to_string());
        }
        if r.negated {
            attrs.push("style=dotted".to_string());
        } else if r.alleged_by.is_some() {
            attrs.push("style=dashed".to_string());
        }
        let _ = writeln!(
            s,
            "  {} -> {} [{}];",
            quote(&r.source),
            quote(&r.target),
            attrs.join(", ")
        );
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quote("A \"B\" <C> & D"), "\"A \\\"B\\\" <C> & D\"");
        assert_eq!(quote("back\\slash\nline"), "\"back\\\\slash\\nline\"");
    }
}
