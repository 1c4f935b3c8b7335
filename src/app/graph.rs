//! The map as an egui_graphs graph. Nodes are the layout's nodes in the
//! layout's order (node `i` is `layout::map_graph(map).ids[i]`), so the
//! layout hook can pair them by index; edges are the map's relations in
//! order (edge `r` is `map.relations[r]`). Filters never remove anything:
//! they flag items hidden, so indices stay valid and positions stay put.

use super::edge_shape::EdgeShape;
use super::node_shape::{MapNode, NodeShape};
use super::payload::{EdgeData, NodeData};
use crate::model::RelationMap;
use crate::render::style;
use crate::view::{Actors, Visibility};
use egui_graphs::{Edge, Graph};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex};
use std::collections::BTreeMap;

pub type MapGraph = Graph<NodeData, EdgeData, Directed, DefaultIx, NodeShape, EdgeShape>;
pub type MapEdge = Edge<NodeData, EdgeData, Directed, DefaultIx, NodeShape, EdgeShape>;

/// Each edge with the nodes at its ends, as the level-of-detail passes
/// (crowding, the far view's picture) read them.
pub fn edges_with_ends(graph: &MapGraph) -> impl Iterator<Item = (&MapEdge, &MapNode, &MapNode)> {
    graph.edges_iter().filter_map(|(idx, edge)| {
        let (a, b) = graph.edge_endpoints(idx)?;
        Some((edge, graph.node(a)?, graph.node(b)?))
    })
}

/// One node per actor and one edge per relation, all visible, at the
/// given positions (canvas units).
pub fn build(map: &RelationMap, actors: &Actors, positions: &[egui::Pos2]) -> MapGraph {
    let mut graph = MapGraph::new();
    for i in 0..actors.len() {
        let data = NodeData {
            kind: actors.kinds[i],
            radius: style::node_radius(actors.weights[i]),
            visible: true,
            faded: false,
            pinned: false,
            crowded: false,
        };
        let at = positions.get(i).copied().unwrap_or_default();
        // No egui_graphs label: labels.rs draws the names, and egui_graphs
        // clones every node (label too) for each edge it draws, each frame.
        graph.add_node_custom(data, |node| node.set_location(at));
    }
    for (r, relation) in map.relations.iter().enumerate() {
        let (Some(&a), Some(&b)) = (
            actors.index.get(&relation.source),
            actors.index.get(&relation.target),
        ) else {
            continue;
        };
        let data = EdgeData {
            relation: r,
            stance: relation.stance,
            width: style::edge_width(relation.evidence.len()),
            alleged: relation.alleged_by.is_some(),
            negated: relation.negated,
            visible: true,
            faded: false,
            hovered: false,
            still_only: false,
            crowded: false,
            bend: 0.0,
        };
        // No label either ("edge N" by default), for the same reason.
        graph.add_edge_custom(NodeIndex::new(a), NodeIndex::new(b), data, |_| {});
    }
    fan_out(&mut graph);
    graph
}

/// Apply filters (and the selected actor's neighbourhood, which stays
/// bright while the rest fades) to the graph's flags, then fan out the
/// visible edges between each pair of actors.
pub fn apply(graph: &mut MapGraph, vis: &Visibility, highlight: Option<usize>) {
    let near: Option<Vec<bool>> = highlight.map(|h| {
        let mut near = vec![false; vis.nodes.len()];
        if let Some(n) = near.get_mut(h) {
            *n = true;
        }
        for (e, a, b) in edge_ends(graph) {
            if vis.relations.get(graph_relation(graph, e)).copied() == Some(true)
                && (a == h || b == h)
            {
                near[a] = true;
                near[b] = true;
            }
        }
        near
    });
    let indices: Vec<NodeIndex> = graph.g().node_indices().collect();
    for idx in indices {
        let i = idx.index();
        if let Some(node) = graph.node_mut(idx) {
            let data = node.payload_mut();
            data.visible = vis.nodes.get(i).copied().unwrap_or(false);
            data.faded = near.as_ref().is_some_and(|n| !n[i]);
        }
    }
    for (e, a, b) in edge_ends(graph) {
        let relation = graph_relation(graph, e);
        if let Some(edge) = graph.edge_mut(e) {
            let data = edge.payload_mut();
            data.visible = vis.relations.get(relation).copied().unwrap_or(false);
            data.width = style::edge_width(vis.evidence.get(relation).copied().unwrap_or(0));
            data.faded = highlight.is_some_and(|h| a != h && b != h);
        }
    }
    fan_out(graph);
}

fn graph_relation(graph: &MapGraph, e: EdgeIndex) -> usize {
    graph
        .edge(e)
        .map_or(usize::MAX, |edge| edge.payload().relation)
}

fn edge_ends(graph: &MapGraph) -> Vec<(EdgeIndex, usize, usize)> {
    graph
        .g()
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = graph.edge_endpoints(e)?;
            Some((e, a.index(), b.index()))
        })
        .collect()
}

/// Visible edges between the same two actors (either direction) fan out
/// as the pictures fan them (`view::edges::fan_offsets`, in the map's
/// relation order); an actor's relations with itself are numbered, each
/// loop larger than the last.
fn fan_out(graph: &mut MapGraph) {
    let mut fans: BTreeMap<(usize, usize), Vec<EdgeIndex>> = BTreeMap::new();
    for (e, a, b) in edge_ends(graph) {
        let Some(edge) = graph.edge(e) else { continue };
        if edge.payload().visible {
            fans.entry((a.min(b), a.max(b))).or_default().push(e);
        }
    }
    for ((lo, hi), mut members) in fans {
        members.sort();
        let widths: Vec<f32> = members
            .iter()
            .filter_map(|&e| graph.edge(e).map(|edge| edge.payload().width))
            .collect();
        let offsets = if lo == hi {
            (0..members.len()).map(|k| k as f32).collect()
        } else {
            crate::view::edges::fan_offsets(&widths)
        };
        for (&e, bend) in members.iter().zip(offsets) {
            if let Some(edge) = graph.edge_mut(e) {
                edge.payload_mut().bend = bend;
            }
        }
    }
}
