//! Painting a map: the shared style (also used by the window), and the
//! report-ready SVG and PNG that `export` writes.
//!
//! A picture is built in two stages: `view::Scene::build` decides where
//! everything goes (fit to canvas, edge routing, label placement, legend),
//! then [`svg::write`] turns the scene into markup and [`png::render`]
//! rasterises that markup with the bundled font.

pub mod png;
pub mod svg;
pub mod xml;

pub use crate::view::{Options, Scene, default_title, font, is_plain, style};

use crate::model::RelationMap;
use std::collections::BTreeMap;

/// The map as an SVG document, nodes at `positions` (entity id -> any
/// coordinates; fitted to the canvas).
pub fn to_svg(map: &RelationMap, positions: &BTreeMap<String, [f32; 2]>, opts: &Options) -> String {
    svg::write(&Scene::build(map, positions, opts))
}

/// The map as a PNG (the SVG above, rasterised at `opts.scale`).
pub fn to_png(
    map: &RelationMap,
    positions: &BTreeMap<String, [f32; 2]>,
    opts: &Options,
) -> Result<Vec<u8>, String> {
    png::render(&to_svg(map, positions, opts), opts.scale, opts.transparent)
}
