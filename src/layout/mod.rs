//! Force layout, with no window types in it: the window (through
//! egui_graphs' custom layout hook), `export` and `stancemap layout` all
//! place nodes with this code, so they show the same picture.

mod edgelist;
mod forceatlas2;
mod graph;
mod map;
mod multilevel;
mod pack;
mod portable;
mod quadtree;
mod rng;

pub use edgelist::{EdgeList, Separator};
pub use forceatlas2::{ForceAtlas2, Settings, StepStats};
pub use graph::Graph;
pub use map::{
    ASPECT, DEFAULT_SEED, MAX_ITERATIONS, MapGraph, map_graph, map_positions, map_positions_from,
    node_size, orient,
};
pub use multilevel::layout as layout_multilevel;
pub use pack::{Packed, components, layout_packed};
pub use rng::SplitMix64;
