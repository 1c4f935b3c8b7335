//! What is shown of a map and where: the filters (stances, media,
//! unconnected actors, minimum sentences, focus, articles and dates), the
//! actors they index, and the Scene (nodes fitted to a canvas, edges with
//! their fans, self-loops and arrowheads, labels, legend) that the SVG
//! writer paints; the window draws its edges and fans with the same
//! geometry. Free of window types.

mod actors;
pub mod edges;
pub mod filters;
pub mod font;
pub mod geom;
pub mod labels;
pub mod legend;
mod scene;
pub mod search;
pub mod style;

pub use actors::Actors;
pub use edges::{EdgeGeom, Path};
pub use filters::{Filters, Visibility, visibility, visible_map};
pub use geom::Rect;
pub use legend::{Legend, Row as LegendRow};
pub use scene::{EdgeItem, LabelItem, NodeItem, Options, Scene, TextLine, default_title, is_plain};

use crate::model::RelationMap;

/// The part of `map` that `filters` show, focused (when `filters.focus`)
/// on the actors with the ids in `focus`: what `export` writes, as the
/// window's "Export report" writes what it shows.
pub fn shown_map(map: &RelationMap, filters: &Filters, focus: &[&str]) -> RelationMap {
    let actors = Actors::new(map, &crate::layout::map_graph(map));
    let focus: Vec<usize> = focus
        .iter()
        .filter_map(|id| actors.index.get(*id).copied())
        .collect();
    visible_map(map, &actors, &visibility(map, &actors, filters, &focus))
}
