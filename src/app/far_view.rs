//! Level of detail far out: when thousands of actors fit in the view, each
//! is a dot and each relation at a dot a hairline. The node and edge
//! shapes decide which (node_shape.rs, edge_shape.rs) and draw nothing for
//! them; instead of a shape each, tessellated one by one, they are one mesh
//! built here in one pass, which is what keeps a 10,000-actor map moving.
//!
//! The mesh goes into a slot reserved before the graph is drawn, so it
//! lies under the full-size nodes and edges, and is built after, from what
//! the graph drew this frame and this frame's zoom and pan.

use super::colors;
use super::state::StancemapApp;
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::layers::ShapeIdx;
use egui::{Color32, Pos2, Rect, Shape, Vec2};
use egui_graphs::MetadataFrame;

/// A place in the map's paint list for the mesh, below what follows.
pub fn reserve(ui: &egui::Ui) -> ShapeIdx {
    ui.painter().add(Shape::Noop)
}

/// Build the mesh of dots and hairlines in view and put it in `slot`.
pub fn draw(app: &StancemapApp, ui: &egui::Ui, meta: &MetadataFrame, rect: Rect, slot: ShapeIdx) {
    let mut mesh = Mesh::default();
    for (_, edge) in app.graph.edges_iter() {
        let Some([a, b]) = edge.display().hairline() else {
            continue;
        };
        let s = meta.canvas_to_screen_pos(a);
        let e = meta.canvas_to_screen_pos(b);
        if !Rect::from_two_pos(s, e).intersects(rect) {
            continue;
        }
        let data = edge.payload();
        let mut color = colors::stance(data.stance);
        if data.faded {
            color = colors::faded(color);
        }
        line(&mut mesh, s, e, color);
    }
    let palette = colors::palette(ui.ctx());
    let dot_color = colors::color(palette.node_stroke);
    for (_, node) in app.graph.nodes_iter() {
        if !node.display().is_drawn_as_dot() {
            continue;
        }
        let c = meta.canvas_to_screen_pos(node.location());
        if !rect.expand(4.0).contains(c) {
            continue;
        }
        let data = node.payload();
        let color = if data.faded {
            colors::faded(dot_color)
        } else {
            dot_color
        };
        dot(&mut mesh, c, data.drawn_radius(meta.zoom).max(1.0), color);
    }
    ui.painter().set(slot, Shape::mesh(mesh));
}

/// A one-point-wide quad from `a` to `b`.
fn line(mesh: &mut Mesh, a: Pos2, b: Pos2, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 0.5 {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len * 0.5;
    quad(mesh, [a + n, b + n, b - n, a - n], color);
}

/// A dot: a square when it is a point or two across (which is all a pixel
/// grid can show), else an octagon, round enough at a few points.
fn dot(mesh: &mut Mesh, c: Pos2, r: f32, color: Color32) {
    if r < 1.5 {
        let d = Vec2::splat(r);
        let e = Vec2::new(r, -r);
        quad(mesh, [c - d, c + e, c + d, c - e], color);
        return;
    }
    let first = mesh.vertices.len() as u32;
    mesh.vertices.push(vertex(c, color));
    for k in 0..8 {
        let angle = k as f32 * std::f32::consts::TAU / 8.0;
        mesh.vertices
            .push(vertex(c + Vec2::angled(angle) * r, color));
    }
    for k in 0..8 {
        mesh.indices
            .extend([first, first + 1 + k, first + 1 + (k + 1) % 8]);
    }
}

fn quad(mesh: &mut Mesh, corners: [Pos2; 4], color: Color32) {
    let first = mesh.vertices.len() as u32;
    mesh.vertices
        .extend(corners.iter().map(|&p| vertex(p, color)));
    mesh.indices
        .extend([first, first + 1, first + 2, first, first + 2, first + 3]);
}

fn vertex(pos: Pos2, color: Color32) -> Vertex {
    Vertex {
        pos,
        uv: WHITE_UV,
        color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_dots_are_plain_triangles() {
        let mut mesh = Mesh::default();
        line(&mut mesh, Pos2::ZERO, Pos2::new(100.0, 0.0), Color32::RED);
        line(&mut mesh, Pos2::ZERO, Pos2::new(0.2, 0.0), Color32::RED);
        assert_eq!(
            mesh.indices.len(),
            6,
            "a quad; a zero-length line is left out"
        );
        dot(&mut mesh, Pos2::new(5.0, 5.0), 1.0, Color32::BLUE);
        assert_eq!(mesh.indices.len(), 12, "a small dot is a quad");
        dot(&mut mesh, Pos2::new(5.0, 5.0), 2.5, Color32::BLUE);
        assert_eq!(mesh.indices.len(), 12 + 24, "a larger one an octagon");
        assert!(mesh.is_valid());
        let width = mesh.vertices[0].pos.distance(mesh.vertices[3].pos);
        assert!((width - 1.0).abs() < 1e-4, "hairlines are one point wide");
    }
}
