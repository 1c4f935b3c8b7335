//! The map as an egui_graphs graph. Nodes are the layout's nodes in the
//! layout's order (node `i` is `layout::map_graph(map).ids[i]`), so the
//! layout hook can pair them by index; edges are the map's relations in
//! order (edge `r` is `map.relations[r]`). Filters never remove anything:
//! they flag items hidden, so indices stay valid and positions stay put.

use super::edge_shape::EdgeShape;
use super::filters::Visibility;
use super::node_shape::NodeShape;
use crate::layout;
use crate::model::{EntityKind, RelationMap, Stance};
use crate::render::style;
use egui_graphs::{Edge, Graph, Node};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex};
use std::collections::{BTreeMap, HashMap};

pub type MapGraph = Graph<NodeData, EdgeData, Directed, DefaultIx, NodeShape, EdgeShape>;
pub type MapNode = Node<NodeData, EdgeData, Directed, DefaultIx, NodeShape>;
pub type MapEdge = Edge<NodeData, EdgeData, Directed, DefaultIx, NodeShape, EdgeShape>;

/// Each edge with the nodes at its ends, as the level-of-detail passes
/// (crowding, the far view's picture) read them.
pub fn edges_with_ends(graph: &MapGraph) -> impl Iterator<Item = (&MapEdge, &MapNode, &MapNode)> {
    graph.edges_iter().filter_map(|(idx, edge)| {
        let (a, b) = graph.edge_endpoints(idx)?;
        Some((edge, graph.node(a)?, graph.node(b)?))
    })
}

/// What a node's drawing needs to know.
#[derive(Debug, Clone)]
pub struct NodeData {
    pub kind: EntityKind,
    /// Radius on screen at zoom 1 and closer, in points: nodes keep their
    /// size when zooming in, so zoom spreads a crowded map instead of
    /// blowing it up.
    pub radius: f32,
    pub visible: bool,
    /// Outside the selected actor's neighbourhood.
    pub faded: bool,
    /// Dragged into place: the layout leaves it there.
    pub pinned: bool,
    /// Among too many in view to draw one by one (map_view.rs).
    pub crowded: bool,
}

/// How far nodes shrink when the map is zoomed out a little: the layout
/// keeps nodes apart at their full size at zoom 1, so a zoomed-out map
/// shrinks them with it (down to this fraction) rather than piling them on
/// each other.
const MIN_SHRINK: f32 = 0.6;

/// Below zoom `MIN_SHRINK / FAR_SHRINK` (a map of thousands of actors
/// fitted in the window) nodes shrink again, at this multiple of the zoom,
/// so that the shape of the whole network shows instead of a pile of discs.
const FAR_SHRINK: f32 = 3.0;

/// Drawn radii below this are dots: no outline, no label, no arrowheads.
pub const DOT_RADIUS: f32 = 3.0;

impl NodeData {
    /// Whether the node is drawn as a dot at `zoom` (see far_view.rs);
    /// an emphasised node (selected, hovered, dragged) never is.
    pub fn is_dot(&self, zoom: f32, emphasised: bool) -> bool {
        !emphasised && !self.pinned && self.drawn_radius(zoom) < DOT_RADIUS
    }

    /// Whether far_view.rs draws the node, in its picture: as a dot, or in
    /// full when crowded; never when emphasised or pinned.
    pub fn is_pictured(&self, zoom: f32, emphasised: bool) -> bool {
        self.is_dot(zoom, emphasised) || (self.crowded && !emphasised && !self.pinned)
    }

    /// The radius drawn at `zoom`, in points.
    pub fn drawn_radius(&self, zoom: f32) -> f32 {
        self.radius * zoom.max((zoom * FAR_SHRINK).min(MIN_SHRINK)).min(1.0)
    }
}

/// What an edge's drawing needs to know.
#[derive(Debug, Clone)]
pub struct EdgeData {
    pub relation: usize,
    pub stance: Stance,
    pub width: f32,
    pub alleged: bool,
    pub negated: bool,
    pub visible: bool,
    pub faded: bool,
    pub hovered: bool,
    /// Left out while the view moves (on a large map, see map_view.rs).
    pub still_only: bool,
    /// A hairline, whatever its ends, among too many in view (map_view.rs).
    pub crowded: bool,
    /// Sideways offset of the curve's middle, in points, to the left of
    /// source -> target: edges between the same two actors fan out.
    pub bend: f32,
}

/// The actors of a map as the window shows them, in layout order.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    pub ids: Vec<String>,
    pub names: Vec<String>,
    pub kinds: Vec<EntityKind>,
    /// Mentions (or degree, when larger): what node size shows.
    pub weights: Vec<usize>,
    pub index: HashMap<String, usize>,
}

impl Actors {
    pub fn new(map: &RelationMap, mg: &layout::MapGraph) -> Self {
        let mut actors = Actors::default();
        for (i, id) in mg.ids.iter().enumerate() {
            let entity = map.entity(id);
            actors.ids.push(id.clone());
            actors
                .names
                .push(entity.map_or_else(|| id.clone(), |e| e.name.clone()));
            actors
                .kinds
                .push(entity.map_or(EntityKind::Other, |e| e.kind));
            actors.weights.push(mg.weights[i]);
            actors.index.insert(id.clone(), i);
        }
        actors
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
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

/// An edge of a fan: its index (edges are in the map's relation order,
/// the order exports fan them in) and its source.
type FanMember = (EdgeIndex, usize);

/// Visible edges between the same two actors (either direction) get
/// evenly spaced bends around the straight line, so none hides another;
/// a lone edge is straight.
fn fan_out(graph: &mut MapGraph) {
    let mut fans: BTreeMap<(usize, usize), Vec<FanMember>> = BTreeMap::new();
    for (e, a, b) in edge_ends(graph) {
        let Some(edge) = graph.edge(e) else { continue };
        if edge.payload().visible && a != b {
            fans.entry((a.min(b), a.max(b))).or_default().push((e, a));
        }
    }
    for ((lo, _), mut members) in fans {
        members.sort();
        let widest = members
            .iter()
            .filter_map(|&(e, _)| graph.edge(e).map(|edge| edge.payload().width))
            .fold(0.0, f32::max);
        let spacing = 18.0 + 1.5 * widest;
        let k = members.len() as f32;
        for (slot, &(e, source)) in members.iter().enumerate() {
            // Slots run along the normal of lower -> higher index that
            // exports use (right of it, where `bend` is left of source ->
            // target), so both draw a fan in the same order.
            let offset = (slot as f32 - (k - 1.0) / 2.0) * spacing;
            let bend = if source == lo { -offset } else { offset };
            if let Some(edge) = graph.edge_mut(e) {
                edge.payload_mut().bend = bend;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(radius: f32) -> NodeData {
        NodeData {
            kind: EntityKind::Country,
            radius,
            visible: true,
            faded: false,
            pinned: false,
            crowded: false,
        }
    }

    #[test]
    fn nodes_shrink_with_the_zoom_without_jumps_and_become_dots_far_out() {
        let n = node(10.0);
        assert_eq!(n.drawn_radius(2.0), 10.0);
        assert_eq!(n.drawn_radius(0.4), 6.0, "a little zoomed out: held");
        let mut last = n.drawn_radius(1.0);
        for k in 1..=1000 {
            let r = n.drawn_radius(1.0 - k as f32 * 0.000_99);
            assert!(r <= last && last - r < 0.05, "no jump at step {k}");
            last = r;
        }
        assert!(n.is_dot(0.05, false));
        assert!(!n.is_dot(0.05, true), "the selected actor stays a shape");
        assert!(!n.is_dot(1.0, false));
    }

    #[test]
    fn the_picture_draws_dots_and_crowds_but_never_what_is_emphasised() {
        let mut n = node(10.0);
        assert!(n.is_pictured(0.05, false), "a dot");
        assert!(!n.is_pictured(1.0, false), "full size, alone");
        n.crowded = true;
        assert!(n.is_pictured(1.0, false), "full size, in a crowd");
        assert!(!n.is_pictured(1.0, true), "hovered or selected");
        n.pinned = true;
        assert!(!n.is_pictured(1.0, false), "pinned: its pin shows");
    }
}
