//! How a relation is drawn: a curve in its stance's colour from the
//! source's outline to an arrowhead at the target's, as wide as its
//! evidence is strong, dashed when alleged and dotted when negated. The
//! curve, self-loop and arrowhead are `view::edges`' (and the style
//! render::style's), the very geometry of the exported pictures.

use super::colors;
use super::node_shape::{MapNode, NodeShape};
use super::payload::{EdgeData, NodeData};
use crate::render::style;
use crate::view::edges::{self, EdgeGeom, EdgeSpec, NodeGeom};
use egui::{Pos2, Rect, Shape, Stroke};
use egui_graphs::{DisplayEdge, DrawContext, EdgeProps};
use petgraph::Directed;
use petgraph::stable_graph::DefaultIx;

/// How close (in points) the pointer must be to an edge to hit it.
const HIT_SLOP: f32 = 5.0;

#[derive(Debug, Clone)]
pub struct EdgeShape {
    pub data: EdgeData,
    pub selected: bool,
    /// The drawn line in canvas units, for hit tests between frames.
    line: Vec<Pos2>,
    zoom: f32,
}

impl From<EdgeProps<EdgeData>> for EdgeShape {
    fn from(props: EdgeProps<EdgeData>) -> Self {
        Self {
            data: props.payload.clone(),
            selected: props.selected,
            line: Vec::new(),
            zoom: 1.0,
        }
    }
}

impl DisplayEdge<NodeData, EdgeData, Directed, DefaultIx, NodeShape> for EdgeShape {
    fn shapes(&mut self, start: &MapNode, end: &MapNode, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom.max(1e-6);
        self.line.clear();
        if !self.data.visible || !start.payload().visible || !end.payload().visible {
            return Vec::new();
        }
        if self.data.still_only && !self.selected && !self.data.hovered {
            return Vec::new();
        }
        let s = ctx.meta.canvas_to_screen_pos(start.location());
        let e = ctx.meta.canvas_to_screen_pos(end.location());
        // Level of detail: an edge wholly outside the view costs nothing.
        if !may_show(s, e, self.data.bend, ctx.painter.clip_rect()) {
            return Vec::new();
        }
        if !self.selected
            && !self.data.hovered
            && rests_as_hairline(&self.data, start, end, self.zoom)
        {
            // Drawn by far_view.rs; kept here for hit tests.
            self.line.extend([start.location(), end.location()]);
            return Vec::new();
        }
        let g = geometry(start, end, s, e, &self.data);
        let pos = |p: [f32; 2]| Pos2::new(p[0], p[1]);
        let mut line: Vec<Pos2> = g.line().iter().map(|&p| pos(p)).collect();
        if self.data.bend == 0.0 && line.len() > 2 && start.id() != end.id() {
            // A straight edge needs no more than its ends.
            line = vec![line[0], line[line.len() - 1]];
        }
        let Some(arrow) = g.arrow.map(|a| a.map(pos)) else {
            return Vec::new();
        };
        self.line = line
            .iter()
            .chain(arrow.iter().take(1))
            .map(|&p| ctx.meta.screen_to_canvas_pos(p))
            .collect();

        let mut color = colors::stance(self.data.stance);
        if self.data.faded {
            color = colors::faded(color);
        }
        let mut width = self.data.width;
        if self.data.hovered {
            width += 1.5;
        }
        let mut out = Vec::new();
        if self.selected {
            let halo = ctx.ctx.global_style().visuals.selection.bg_fill;
            let mut halo_line = line.clone();
            halo_line.push(arrow[0]);
            out.push(Shape::line(halo_line, Stroke::new(width + 8.0, halo)));
        }
        let stroke = Stroke::new(width, color);
        if self.data.negated {
            let [on, off] = style::negated_dash(width);
            out.extend(Shape::dashed_line(&line, stroke, on, off));
        } else if self.data.alleged {
            let [on, off] = style::alleged_dash(width);
            out.extend(Shape::dashed_line(&line, stroke, on, off));
        } else {
            out.push(Shape::line(line, stroke));
        }
        out.push(Shape::convex_polygon(arrow.to_vec(), color, Stroke::NONE));
        out
    }

    fn update(&mut self, props: &EdgeProps<EdgeData>) {
        self.data.clone_from(&props.payload);
        self.selected = props.selected;
    }

    fn is_inside(&self, _start: &MapNode, _end: &MapNode, pos: Pos2) -> bool {
        let reach = (self.data.width / 2.0 + HIT_SLOP) / self.zoom;
        self.data.visible
            && self
                .line
                .windows(2)
                .any(|w| segment_distance(pos, w[0], w[1]) <= reach)
    }
}

/// Level of detail: an edge with a dot (or an actor of a crowd, both
/// drawn by far_view.rs) at either end, left as it is (not emphasised),
/// or among too many in view (`crowded`), is a straight
/// hairline in its stance's colour, without width, dashes or arrowhead (at
/// that scale none of them can be told apart, and a hub's hundreds of
/// edges would bury the map); far_view.rs draws it. Self-loops are drawn
/// in full, and so are selected and hovered edges, over their hairline.
pub fn rests_as_hairline(data: &EdgeData, start: &MapNode, end: &MapNode, zoom: f32) -> bool {
    let dot = |n: &MapNode| n.payload().is_pictured(zoom, false);
    start.id() != end.id() && (data.crowded || dot(start) || dot(end))
}

impl EdgeShape {
    /// The drawn line (canvas units), arrowhead tip last.
    pub fn line(&self) -> &[Pos2] {
        &self.line
    }

    /// The point halfway along the drawn edge, in canvas units: where the
    /// edge can be pointed at (tooltips, accessibility, tests).
    pub fn midpoint(&self) -> Option<Pos2> {
        let n = self.line.len();
        (n > 0).then(|| self.line[n / 2])
    }
}

/// Room beyond its ends' centres that an edge's drawing may take: a
/// self-loop reaches three of the largest radii (30) and 20 more above
/// its node (see `self_loop`), plus the line's width.
const EDGE_REACH: f32 = 120.0;

/// Whether an edge from `s` to `e` bending by `bend` (screen points) may
/// show in `clip`: its curve stays within `bend` of the straight line.
fn may_show(s: Pos2, e: Pos2, bend: f32, clip: Rect) -> bool {
    Rect::from_two_pos(s, e)
        .expand(bend.abs() * 2.0 + EDGE_REACH)
        .intersects(clip)
}

/// The edge from `start` (on screen at `s`) to `end` (at `e`) as the
/// pictures draw it: `view::edges`' curve or self-loop, with arrowhead.
fn geometry(start: &MapNode, end: &MapNode, s: Pos2, e: Pos2, data: &EdgeData) -> EdgeGeom {
    let node = |n: &MapNode, at: Pos2| {
        let shape = n.display();
        NodeGeom {
            center: [at.x, at.y],
            radius: shape.radius(),
            shape: shape.outline(),
        }
    };
    let spec = EdgeSpec {
        source: 0,
        target: 1,
        width: data.width,
        arrow: true,
    };
    if start.id() == end.id() {
        return edges::self_loop(&node(start, s), &spec, data.bend as usize);
    }
    let nodes = [node(start, s), node(end, e)];
    let (lo, hi) = if start.id().index() < end.id().index() {
        (0, 1)
    } else {
        (1, 0)
    };
    edges::curve(&nodes, &spec, lo, hi, data.bend)
}

/// Distance from `p` to the segment `a`-`b`.
pub fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 == 0.0 {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_edges_near_the_view_are_drawn() {
        let view = Rect::from_min_size(Pos2::ZERO, egui::Vec2::splat(500.0));
        let at = Pos2::new;
        assert!(may_show(at(-100.0, 250.0), at(600.0, 250.0), 0.0, view));
        assert!(may_show(at(550.0, 550.0), at(550.0, 550.0), 0.0, view));
        assert!(!may_show(at(-900.0, -900.0), at(-700.0, -600.0), 0.0, view));
        // A strongly bent edge may reach into the view from outside.
        assert!(may_show(at(-100.0, -250.0), at(600.0, -250.0), 80.0, view));
        assert!(!may_show(at(-100.0, -400.0), at(600.0, -400.0), 80.0, view));
    }
}
