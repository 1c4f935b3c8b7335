//! The far view's picture (see far_view.rs): hairlines and dots drawn
//! into an image with tiny-skia, off the GPU. A software renderer spends
//! most of a frame on thousands of long thin triangles; the same lines
//! cost tiny-skia a few milliseconds once, as a few paths per colour,
//! drawn in horizontal bands on every core.

use super::node_shape::OUTLINE;
use egui::{Color32, ColorImage, Pos2, Vec2};
use rayon::prelude::*;
use resvg::tiny_skia::{
    FillRule, Paint, Path, PathBuilder, PixmapMut, Rect, Stroke, StrokeDash, Transform,
};
use std::f32::consts::TAU;

/// Below this radius (pixels) a dot is a square: a pixel grid cannot show
/// a rounder one.
const ROUND_RADIUS: f32 = 1.5;

/// Lines or dots per path: one path per item costs tiny-skia a set-up
/// each, one for all of them a working copy as large as the path.
const PER_PATH: usize = 2000;

/// What the picture shows, in its pixels, grouped by colour in the order
/// first used. Colours are opaque (blend faded ones over the background
/// first): tiny-skia writes opaque colours straight, and blends others.
#[derive(Default)]
pub struct Sketch {
    lines: Vec<Group>,
    dots: Vec<Group>,
    /// Small actors in full: their shapes' fills, then their outlines
    /// (solid, and dashed for actors of unknown kind).
    fills: Vec<Group>,
    outlines: Vec<Group>,
    dashed: Vec<Group>,
    outline_width: f32,
}

/// Items of one colour: finished paths, and the one being built.
struct Group {
    color: Color32,
    paths: Vec<Path>,
    open: PathBuilder,
    items: usize,
}

impl Group {
    fn into_paths(self) -> (Color32, Vec<Path>) {
        let mut paths = self.paths;
        paths.extend(self.open.finish());
        (self.color, paths)
    }
}

impl Sketch {
    pub fn line(&mut self, a: Pos2, b: Pos2, color: Color32) {
        let path = group(&mut self.lines, color);
        path.move_to(a.x, a.y);
        path.line_to(b.x, b.y);
    }

    pub fn dot(&mut self, center: Pos2, radius: f32, color: Color32) {
        let path = group(&mut self.dots, color);
        if radius < ROUND_RADIUS {
            if let Some(square) = Rect::from_xywh(
                center.x - radius,
                center.y - radius,
                radius * 2.0,
                radius * 2.0,
            ) {
                path.push_rect(square);
            }
        } else {
            // An octagon: as round as a few pixels show, and a tenth of
            // the edges a circle's curves flatten to.
            for k in 0..8 {
                let p = center + Vec2::angled(k as f32 * TAU / 8.0) * radius;
                if k == 0 {
                    path.move_to(p.x, p.y);
                } else {
                    path.line_to(p.x, p.y);
                }
            }
            path.close();
        }
    }

    /// An actor's shape: a polygon through `points`, or a circle of
    /// `radius` without them; `width` is the outline's (the same for all).
    pub fn shape(
        &mut self,
        center: Pos2,
        radius: f32,
        points: Option<&[Pos2]>,
        [fill, outline]: [Color32; 2],
        (width, dashed): (f32, bool),
    ) {
        self.outline_width = width;
        let outlines = if dashed {
            &mut self.dashed
        } else {
            &mut self.outlines
        };
        for (groups, color) in [(&mut self.fills, fill), (outlines, outline)] {
            let path = group(groups, color);
            match points {
                Some(points) => {
                    for (k, p) in points.iter().enumerate() {
                        if k == 0 {
                            path.move_to(p.x, p.y);
                        } else {
                            path.line_to(p.x, p.y);
                        }
                    }
                    path.close();
                }
                None => path.push_circle(center.x, center.y, radius),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.dots.is_empty() && self.fills.is_empty()
    }
}

/// The path to add an item of `color` to.
fn group(groups: &mut Vec<Group>, color: Color32) -> &mut PathBuilder {
    let at = match groups.iter().position(|g| g.color == color) {
        Some(at) => at,
        None => {
            groups.push(Group {
                color,
                paths: Vec::new(),
                open: PathBuilder::new(),
                items: 0,
            });
            groups.len() - 1
        }
    };
    let group = &mut groups[at];
    if group.items == PER_PATH {
        let full = std::mem::take(&mut group.open);
        group.paths.extend(full.finish());
        group.items = 0;
    }
    group.items += 1;
    &mut group.open
}

/// The sketch drawn on a `[width, height]` image of `background`: lines
/// first, dots over them; `None` for an empty image. `pixels` is where it
/// is drawn, kept by the caller from one picture to the next: fresh
/// buffers on every core for every picture are what made memory grow.
pub fn rasterise(
    sketch: Sketch,
    [width, height]: [u32; 2],
    background: Color32,
    pixels: &mut Vec<u8>,
) -> Option<ColorImage> {
    if width == 0 || height == 0 {
        return None;
    }
    let row = width as usize * 4;
    pixels.clear();
    pixels.resize(row * height as usize, 0);
    for pixel in pixels.chunks_exact_mut(4) {
        pixel.copy_from_slice(&background.to_array());
    }
    let finish = |groups: Vec<Group>| -> Vec<(Color32, Vec<Path>)> {
        groups.into_iter().map(Group::into_paths).collect()
    };
    let lines = finish(sketch.lines);
    let dots = finish(sketch.dots);
    let fills = finish(sketch.fills);
    let outlines = finish(sketch.outlines);
    let dashed = finish(sketch.dashed);
    let outline = Stroke {
        width: sketch.outline_width,
        ..Stroke::default()
    };
    // As node_shape.rs dashes them: 4 on, 3 off (points).
    let unit = sketch.outline_width / OUTLINE;
    let dashes = Stroke {
        dash: StrokeDash::new(vec![4.0 * unit, 3.0 * unit], 0.0),
        ..outline.clone()
    };
    let bands = rayon::current_num_threads().clamp(1, height as usize);
    let band_rows = (height as usize).div_ceil(bands);
    pixels
        .par_chunks_mut(band_rows * row)
        .enumerate()
        .for_each(|(band, bytes)| {
            let rows = (bytes.len() / row) as u32;
            let Some(mut pixmap) = PixmapMut::from_bytes(bytes, width, rows) else {
                return;
            };
            let shift = Transform::from_translate(0.0, -((band * band_rows) as f32));
            let hairline = Stroke {
                width: 0.0,
                ..Stroke::default()
            };
            for (color, paths) in &lines {
                for path in paths {
                    pixmap.stroke_path(path, &paint(*color), &hairline, shift, None);
                }
            }
            for (color, paths) in &dots {
                for path in paths {
                    pixmap.fill_path(path, &paint(*color), FillRule::Winding, shift, None);
                }
            }
            for (color, paths) in &fills {
                for path in paths {
                    pixmap.fill_path(path, &smooth(*color), FillRule::Winding, shift, None);
                }
            }
            for (stroke, groups) in [(&outline, &outlines), (&dashes, &dashed)] {
                for (color, paths) in groups {
                    for path in paths {
                        pixmap.stroke_path(path, &smooth(*color), stroke, shift, None);
                    }
                }
            }
        });
    Some(ColorImage::from_rgba_premultiplied(
        [width as usize, height as usize],
        pixels,
    ))
}

/// Plain fills: anti-aliasing a hairline triples its cost and, at a dot's
/// scale, shows nothing (the window draws them unsmoothed too).
fn paint(color: Color32) -> Paint<'static> {
    let mut paint = smooth(color);
    paint.anti_alias = false;
    paint
}

/// Actors' shapes are smoothed: a few hundred jagged discs would show.
fn smooth(color: Color32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.r(), color.g(), color.b(), color.a());
    paint
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(image: &ColorImage, x: usize, y: usize) -> Color32 {
        image.pixels[y * image.size[0] + x]
    }

    #[test]
    fn lines_and_dots_land_on_their_pixels_in_every_band() {
        let mut sketch = Sketch::default();
        // A vertical line crossing every band, and a dot near the bottom.
        sketch.line(Pos2::new(10.5, 0.0), Pos2::new(10.5, 99.0), Color32::RED);
        sketch.dot(Pos2::new(30.0, 90.0), 3.0, Color32::BLUE);
        let image =
            rasterise(sketch, [40, 100], Color32::WHITE, &mut Vec::new()).expect("an image");
        assert_eq!(image.size, [40, 100]);
        for y in [1, 50, 98] {
            assert_eq!(at(&image, 10, y), Color32::RED, "line at row {y}");
        }
        assert_eq!(at(&image, 30, 90), Color32::BLUE);
        assert_eq!(at(&image, 20, 50), Color32::WHITE, "background elsewhere");
        assert_eq!(at(&image, 30, 80), Color32::WHITE, "the dot is small");
    }

    #[test]
    fn dots_lie_over_lines_and_tiny_dots_still_show() {
        let mut sketch = Sketch::default();
        sketch.dot(Pos2::new(5.0, 5.0), 2.0, Color32::BLUE);
        sketch.line(Pos2::new(0.0, 5.5), Pos2::new(10.0, 5.5), Color32::RED);
        sketch.dot(Pos2::new(15.0, 5.0), 0.6, Color32::GREEN);
        let image =
            rasterise(sketch, [20, 10], Color32::TRANSPARENT, &mut Vec::new()).expect("an image");
        assert_eq!(at(&image, 5, 5), Color32::BLUE, "drawn after the line");
        assert_eq!(at(&image, 1, 5), Color32::RED);
        assert!(
            (14..16).any(|x| (4..6).any(|y| at(&image, x, y) == Color32::GREEN)),
            "a dot under a pixel across still covers one"
        );
    }

    #[test]
    fn shapes_are_filled_and_outlined() {
        let mut sketch = Sketch::default();
        let square =
            [(4.0, 4.0), (16.0, 4.0), (16.0, 16.0), (4.0, 16.0)].map(|(x, y)| Pos2::new(x, y));
        let colors = [Color32::GREEN, Color32::BLACK];
        sketch.shape(
            Pos2::new(10.0, 10.0),
            6.0,
            Some(&square),
            colors,
            (2.0, false),
        );
        sketch.shape(Pos2::new(30.0, 10.0), 6.0, None, colors, (2.0, false));
        let image = rasterise(sketch, [40, 20], Color32::WHITE, &mut Vec::new()).expect("an image");
        for x in [10, 30] {
            assert_eq!(at(&image, x, 10), Color32::GREEN, "filled at {x}");
        }
        assert_eq!(at(&image, 4, 10), Color32::BLACK, "the square's outline");
        assert_eq!(at(&image, 30, 4), Color32::BLACK, "the circle's outline");
        assert_eq!(at(&image, 22, 10), Color32::WHITE, "nothing between");
    }

    #[test]
    fn nothing_to_draw_on_is_no_image() {
        assert!(rasterise(Sketch::default(), [0, 10], Color32::WHITE, &mut Vec::new()).is_none());
        assert!(Sketch::default().is_empty());
    }
}
