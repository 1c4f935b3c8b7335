//! What is shown of a map: the filters (stances, media, unconnected
//! actors, minimum sentences, focus, articles and dates) and the actors
//! they index. Free of window types, so the window and `export` show the
//! same part of a map.

mod actors;
pub mod filters;
pub mod search;

pub use actors::Actors;
pub use filters::{Filters, Visibility, visibility, visible_map};

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
