//! How an actor is drawn on the map: render::style's shape for its kind,
//! filled with the kind's tint, at a fixed size on screen (smaller only
//! when zoomed out, and a plain dot when far out). Labels are
//! drawn afterwards for all nodes at once (see labels.rs), so they can
//! avoid each other.

use super::colors;
use super::payload::{EdgeData, NodeData};
use crate::render::style::{self, Shape as Outline};
use egui::{Color32, Pos2, Shape, Stroke, Vec2};
use egui_graphs::{DisplayNode, DrawContext, Node, NodeProps};
use petgraph::Directed;
use petgraph::stable_graph::DefaultIx;

/// Below this drawn radius a dashed outline is drawn solid: its few
/// dashes cannot be told from a line, and cost a shape each.
pub const DASH_RADIUS: f32 = 7.0;

/// An actor's outline, in points, when not selected or dragged.
pub const OUTLINE: f32 = 1.4;

/// A node of the map's graph, as edges see their ends.
pub type MapNode = Node<NodeData, EdgeData, Directed, DefaultIx, NodeShape>;

#[derive(Debug, Clone)]
pub struct NodeShape {
    /// Canvas position.
    pub pos: Pos2,
    pub data: NodeData,
    pub selected: bool,
    pub hovered: bool,
    pub dragged: bool,
    /// The zoom of the last drawn frame: the radius is in screen points, the
    /// hit test in canvas units.
    zoom: f32,
}

impl From<NodeProps<NodeData>> for NodeShape {
    fn from(props: NodeProps<NodeData>) -> Self {
        Self {
            pos: props.location(),
            data: props.payload.clone(),
            selected: props.selected,
            hovered: props.hovered,
            dragged: props.dragged,
            zoom: 1.0,
        }
    }
}

impl NodeShape {
    pub fn outline(&self) -> Outline {
        style::node_shape(self.data.kind)
    }

    /// The radius drawn at the last frame's zoom, in points.
    pub fn radius(&self) -> f32 {
        self.data.drawn_radius(self.zoom)
    }

    /// Distance from the centre to the outline towards `dir`, in points.
    pub fn boundary(&self, dir: Vec2) -> f32 {
        style::boundary_distance(self.outline(), self.radius(), [dir.x, dir.y])
    }
}

impl DisplayNode<NodeData, EdgeData, Directed, DefaultIx> for NodeShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let dir = dir.normalized();
        self.pos + dir * self.boundary(dir) / self.zoom
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom.max(1e-6);
        if !self.data.visible {
            return Vec::new();
        }
        let center = ctx.meta.canvas_to_screen_pos(self.pos);
        let r = self.radius();
        let active = self.selected || self.dragged;
        // Level of detail: dots and crowds are drawn all at once by
        // far_view.rs, and an actor out of view costs nothing.
        if self.data.is_pictured(self.zoom, active || self.hovered) {
            return Vec::new();
        }
        if !ctx
            .painter
            .clip_rect()
            .expand(r * 1.2 + 8.0)
            .contains(center)
        {
            return Vec::new();
        }
        let palette = colors::palette(ctx.ctx);
        let mut fill = colors::node_fill(ctx.ctx, self.data.kind);
        let mut stroke_color = colors::color(palette.node_stroke);
        if self.data.faded {
            fill = colors::faded(fill);
            stroke_color = colors::faded(stroke_color);
        }
        let stroke = Stroke::new(if active { 2.5 } else { OUTLINE }, stroke_color);
        let mut out = Vec::with_capacity(4);
        if active || self.hovered {
            let ring = ctx.ctx.global_style().visuals.selection.bg_fill;
            let ring = if active {
                ring
            } else {
                ring.gamma_multiply(0.5)
            };
            out.push(Shape::circle_filled(center, r * 1.15 + 5.0, ring));
        }
        match style::shape_points(self.outline(), [center.x, center.y], r) {
            Some(points) => {
                let points = points.into_iter().map(|[x, y]| Pos2::new(x, y)).collect();
                out.push(Shape::convex_polygon(points, fill, stroke));
            }
            // Level of detail: dashes (a shape each) only where they show.
            None if self.outline() == Outline::DashedCircle && r >= DASH_RADIUS => {
                out.push(Shape::circle_filled(center, r, fill));
                let ring: Vec<Pos2> = (0..=48)
                    .map(|k| {
                        let a = k as f32 / 48.0 * std::f32::consts::TAU;
                        center + Vec2::angled(a) * r
                    })
                    .collect();
                out.extend(Shape::dashed_line(&ring, stroke, 4.0, 3.0));
            }
            None => out.push(disc(center, r, fill, stroke)),
        }
        if self.data.pinned {
            let at = center + Vec2::new(r * 0.75, -r * 0.75);
            out.push(disc(at, 3.5, stroke_color, Stroke::new(1.5, fill)));
        }
        out
    }

    fn update(&mut self, props: &NodeProps<NodeData>) {
        self.pos = props.location();
        self.data.clone_from(&props.payload);
        self.selected = props.selected;
        self.hovered = props.hovered;
        self.dragged = props.dragged;
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        self.data.visible && (pos - self.pos).length() * self.zoom <= self.radius() + 2.0
    }
}

/// A small picture of a kind's shape, for the legend and the details panel.
pub fn kind_icon(center: Pos2, r: f32, outline: Outline, fill: Color32, stroke: Stroke) -> Shape {
    match style::shape_points(outline, [center.x, center.y], r) {
        Some(points) => Shape::convex_polygon(
            points.into_iter().map(|[x, y]| Pos2::new(x, y)).collect(),
            fill,
            stroke,
        ),
        None => disc(center, r, fill, stroke),
    }
}

fn disc(center: Pos2, radius: f32, fill: Color32, stroke: Stroke) -> Shape {
    Shape::Circle(egui::epaint::CircleShape {
        center,
        radius,
        fill,
        stroke,
    })
}
