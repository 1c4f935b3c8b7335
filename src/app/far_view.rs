//! Level of detail far out: when thousands of actors fit in the view, each
//! is a dot and each relation at a dot a hairline; when hundreds crowd the
//! view, they are drawn in full but all at once too
//! (`NodeData::is_pictured` and `edge_shape::rests_as_hairline` say which;
//! the node and edge shapes draw nothing for them). Here they are drawn
//! together as one picture (far_raster.rs), shown as a single textured
//! rectangle: a frame then costs next to nothing however many there are,
//! even with the pointer moving over them.
//!
//! While the view pans or zooms, the picture moves and scales with it;
//! once the view is still it is drawn again, sharp. Any change to what it
//! shows (the layout moving actors, a filter, a selection fading the rest,
//! the theme) draws it again at once. Selection and hover do not change
//! it: emphasised actors and relations are drawn in full over it.
//!
//! The picture is opaque: it is the map's background too, which a
//! software renderer would otherwise fill separately, pixel by pixel. It
//! goes into a slot reserved before the graph is drawn, so it lies under
//! the full-size nodes and edges.

use super::colors;
use super::edge_shape::rests_as_hairline;
use super::far_raster::{self, Sketch};
use super::graph::{MapGraph, edges_with_ends};
use super::node_shape::{DASH_RADIUS, OUTLINE};
use crate::render::style;
use egui::layers::ShapeIdx;
use egui::{Color32, Pos2, Rect, Shape, TextureHandle, TextureOptions, Vec2};
use egui_graphs::MetadataFrame;
use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

/// The picture last drawn and what it was drawn from.
#[derive(Default)]
pub struct FarView {
    texture: Option<TextureHandle>,
    drawn: Option<Drawn>,
    /// The picture's pixels as last drawn, reused for the next one.
    pixels: Vec<u8>,
    /// Pictures drawn so far, and how long the last one took (the F3
    /// overlay shows it).
    draws: u64,
    last_draw: Option<Duration>,
}

impl FarView {
    pub fn draws(&self) -> u64 {
        self.draws
    }

    pub fn last_draw(&self) -> Option<Duration> {
        self.last_draw
    }
}

/// What a picture shows: a map (by `scene_key`) seen at a zoom and pan,
/// covering `rect` on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drawn {
    scene: u64,
    zoom: f32,
    pan: Vec2,
    rect: Rect,
}

impl Drawn {
    /// Where the picture lies on screen seen at `zoom` and `pan`: the part
    /// of the map it shows, taken to the new view.
    fn moved(&self, zoom: f32, pan: Vec2) -> Rect {
        let to_canvas = |p: Pos2| (p - self.pan) / self.zoom;
        let to_screen = |p: Pos2| (p.to_vec2() * zoom + pan).to_pos2();
        Rect::from_min_max(
            to_screen(to_canvas(self.rect.min)),
            to_screen(to_canvas(self.rect.max)),
        )
    }
}

/// What to do with the picture this frame.
#[derive(Debug, PartialEq)]
enum Plan {
    /// Show it where it was drawn.
    Keep,
    /// Show it moved and scaled to this rectangle (the view is moving).
    Move(Rect),
    /// Draw it again.
    Redraw,
}

fn plan(drawn: Option<&Drawn>, now: &Drawn, moving: bool) -> Plan {
    match drawn {
        Some(d) if d == now => Plan::Keep,
        Some(d) if d.scene == now.scene && moving => Plan::Move(d.moved(now.zoom, now.pan)),
        _ => Plan::Redraw,
    }
}

/// A place in the map's paint list for its ground (background and
/// picture), below what follows.
pub fn reserve(ui: &egui::Ui) -> ShapeIdx {
    ui.painter().add(Shape::Noop)
}

/// Fill `slot` with the map's background and the dots and hairlines of
/// `graph` in view, drawing the picture again if it is out of date;
/// `moving` is true while the user pans or zooms.
pub fn draw(
    far: &mut FarView,
    graph: &MapGraph,
    ui: &egui::Ui,
    meta: &MetadataFrame,
    rect: Rect,
    slot: ShapeIdx,
    moving: bool,
) {
    let ctx = ui.ctx();
    let ppp = ctx.pixels_per_point();
    // Texels on whole pixels: a picture shown where it was drawn is exact.
    let rect = Rect::from_min_max(
        (rect.min.to_vec2() * ppp).round().to_pos2() / ppp,
        (rect.max.to_vec2() * ppp).round().to_pos2() / ppp,
    );
    let background = colors::color(colors::palette(ctx).background);
    let now = Drawn {
        scene: scene_key(graph, background),
        zoom: meta.zoom,
        pan: meta.pan,
        rect,
    };
    let at = match plan(far.drawn.as_ref(), &now, moving) {
        Plan::Keep => rect,
        Plan::Move(to) => to,
        Plan::Redraw => {
            let started = Instant::now();
            // As many texels as pixels, within what the GPU can hold.
            let max_side = ctx.input(|i| i.max_texture_side) as f32;
            let scale = ppp.min(max_side / rect.width().max(rect.height()).max(1.0));
            let size = [
                (rect.width() * scale).round() as u32,
                (rect.height() * scale).round() as u32,
            ];
            let sketch = sketch(graph, ui, meta, rect, scale, background);
            let image = (!sketch.is_empty())
                .then(|| far_raster::rasterise(sketch, size, background, &mut far.pixels))
                .flatten();
            match (image, &mut far.texture) {
                // Nothing far: let the texture and its pixels go.
                (None, texture) => {
                    *texture = None;
                    far.pixels = Vec::new();
                }
                (Some(image), Some(texture)) => texture.set(image, TextureOptions::LINEAR),
                (Some(image), texture) => {
                    *texture =
                        Some(ctx.load_texture("stancemap-far-view", image, TextureOptions::LINEAR))
                }
            }
            far.drawn = Some(now);
            far.draws += 1;
            far.last_draw = Some(started.elapsed());
            rect
        }
    };
    let Some(texture) = &far.texture else {
        ui.painter()
            .set(slot, Shape::rect_filled(rect, 0.0, background));
        return;
    };
    // Background only where the picture, moved, leaves the map bare.
    let mut ground: Vec<Shape> = bare(rect, at)
        .map(|strip| Shape::rect_filled(strip, 0.0, background))
        .collect();
    let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
    ground.push(Shape::image(texture.id(), at, uv, Color32::WHITE));
    ui.painter().set(slot, Shape::Vec(ground));
}

/// The parts of `rect` outside `hole`: up to four strips, above, below,
/// left and right of it.
fn bare(rect: Rect, hole: Rect) -> impl Iterator<Item = Rect> {
    let hole = hole.intersect(rect);
    let strips = if hole.is_positive() {
        [
            Rect::from_x_y_ranges(rect.x_range(), rect.top()..=hole.top()),
            Rect::from_x_y_ranges(rect.x_range(), hole.bottom()..=rect.bottom()),
            Rect::from_x_y_ranges(rect.left()..=hole.left(), hole.y_range()),
            Rect::from_x_y_ranges(hole.right()..=rect.right(), hole.y_range()),
        ]
    } else {
        [rect, Rect::NOTHING, Rect::NOTHING, Rect::NOTHING]
    };
    strips.into_iter().filter(|s| s.is_positive())
}

/// Everything the picture depends on besides the view: where the actors
/// are and how each actor and relation is shown. Hashing it every frame
/// costs far less than drawing.
fn scene_key(graph: &MapGraph, background: Color32) -> u64 {
    let mut h = FxHasher::default();
    background.hash(&mut h);
    for (idx, node) in graph.nodes_iter() {
        let data = node.payload();
        let at = node.location();
        (idx.index(), at.x.to_bits(), at.y.to_bits()).hash(&mut h);
        let flags = (data.visible, data.faded, data.pinned, data.crowded);
        (data.kind, data.radius.to_bits(), flags).hash(&mut h);
    }
    for (idx, edge) in graph.edges_iter() {
        let data = edge.payload();
        let ends = graph.edge_endpoints(idx);
        (ends, data.stance, data.visible, data.faded, data.crowded).hash(&mut h);
    }
    h.finish()
}

/// The dots and hairlines in `rect` seen through `meta`, in the picture's
/// pixels (`scale` of them per point), fainter when faded.
fn sketch(
    graph: &MapGraph,
    ui: &egui::Ui,
    meta: &MetadataFrame,
    rect: Rect,
    scale: f32,
    background: Color32,
) -> Sketch {
    let zoom = meta.zoom;
    let to_pixels = |p: Pos2| ((meta.canvas_to_screen_pos(p) - rect.min) * scale).to_pos2();
    let view = Rect::from_min_size(Pos2::ZERO, rect.size() * scale);
    // Opaque: faded colours blended over the background beforehand.
    let shade = |color: Color32, faded: bool| {
        if faded {
            background.blend(colors::faded(color))
        } else {
            color
        }
    };
    let mut sketch = Sketch::default();
    for (edge, start, end) in edges_with_ends(graph) {
        let data = edge.payload();
        if !data.visible
            || !start.payload().visible
            || !end.payload().visible
            || !rests_as_hairline(data, start, end, zoom)
        {
            continue;
        }
        let (s, e) = (to_pixels(start.location()), to_pixels(end.location()));
        if Rect::from_two_pos(s, e).intersects(view) {
            sketch.line(s, e, shade(colors::stance(data.stance), data.faded));
        }
    }
    let stroke = colors::color(colors::palette(ui.ctx()).node_stroke);
    for (_, node) in graph.nodes_iter() {
        let data = node.payload();
        if !data.visible || !data.is_pictured(zoom, false) {
            continue;
        }
        let c = to_pixels(node.location());
        if data.is_dot(zoom, false) {
            let r = data.drawn_radius(zoom).max(1.0) * scale;
            if view.expand(r).contains(c) {
                sketch.dot(c, r, shade(stroke, data.faded));
            }
            continue;
        }
        // An actor of a crowd, as node_shape.rs draws it.
        let r = data.drawn_radius(zoom) * scale;
        if !view.expand(r * 1.2).contains(c) {
            continue;
        }
        let outline = style::node_shape(data.kind);
        let points: Option<Vec<Pos2>> = style::shape_points(outline, [c.x, c.y], r)
            .map(|ps| ps.into_iter().map(|[x, y]| Pos2::new(x, y)).collect());
        let fill = colors::node_fill(ui.ctx(), data.kind);
        let colors = [shade(fill, data.faded), shade(stroke, data.faded)];
        let dashed = outline == style::Shape::DashedCircle && r >= DASH_RADIUS * scale;
        sketch.shape(c, r, points.as_deref(), colors, (OUTLINE * scale, dashed));
    }
    sketch
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn(scene: u64, zoom: f32, pan: Vec2) -> Drawn {
        Drawn {
            scene,
            zoom,
            pan,
            rect: Rect::from_min_size(Pos2::new(100.0, 50.0), Vec2::new(400.0, 300.0)),
        }
    }

    #[test]
    fn the_picture_is_kept_moved_or_drawn_again() {
        let old = drawn(1, 1.0, Vec2::ZERO);
        assert_eq!(plan(None, &old, false), Plan::Redraw, "nothing yet");
        assert_eq!(plan(Some(&old), &old, false), Plan::Keep);
        assert_eq!(plan(Some(&old), &old, true), Plan::Keep);

        let panned = drawn(1, 1.0, Vec2::new(30.0, -10.0));
        assert_eq!(
            plan(Some(&old), &panned, true),
            Plan::Move(old.rect.translate(Vec2::new(30.0, -10.0))),
            "it follows a pan"
        );
        assert_eq!(
            plan(Some(&old), &panned, false),
            Plan::Redraw,
            "sharp again once the view is still"
        );
        assert_eq!(
            plan(Some(&old), &drawn(2, 1.0, Vec2::new(30.0, -10.0)), true),
            Plan::Redraw,
            "a changed map is drawn again even while moving"
        );
    }

    #[test]
    fn the_background_fills_only_what_the_picture_leaves_bare() {
        let map = Rect::from_min_size(Pos2::ZERO, Vec2::new(100.0, 80.0));
        assert_eq!(bare(map, map).count(), 0, "covered");
        let strips: Vec<Rect> = bare(map, map.translate(Vec2::new(30.0, -10.0))).collect();
        let area: f32 = strips.iter().map(|s| s.area()).sum();
        assert_eq!(area, 100.0 * 80.0 - 70.0 * 70.0, "the uncovered L only");
        assert!(strips.iter().all(|s| map.contains_rect(*s)));
        let gone: Vec<Rect> = bare(map, map.translate(Vec2::new(500.0, 0.0))).collect();
        assert_eq!(gone, vec![map], "a picture out of view covers nothing");
    }

    #[test]
    fn a_moved_picture_scales_about_the_zoom() {
        // Zooming in twice about the screen origin doubles the picture.
        let old = drawn(1, 1.0, Vec2::ZERO);
        let to = old.moved(2.0, Vec2::ZERO);
        assert_eq!(to.min, Pos2::new(200.0, 100.0));
        assert_eq!(to.size(), Vec2::new(800.0, 600.0));
        // A canvas point stays on the same texel: at zoom 1 and pan 0 the
        // rect's corner is canvas (100, 50); at zoom 0.5, pan (10, 10) it is
        // on screen at (60, 35).
        let to = old.moved(0.5, Vec2::new(10.0, 10.0));
        assert_eq!(to.min, Pos2::new(60.0, 35.0));
    }
}
