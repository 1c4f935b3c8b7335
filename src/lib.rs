//! stancemap: news articles -> a map of actors, their stances toward each
//! other, and the sentences that state them.
//!
//! Data flows one way: `load` -> `extract` -> `model::merge_maps` -> `layout`
//! -> `render` / `export` (and the window in `app`).

#[cfg(feature = "gui")]
pub mod app;
pub mod atomic_write;
pub mod cli;
pub mod curate;
pub mod eval;
pub mod export;
pub mod extract;
pub mod layout;
pub mod load;
pub mod memory;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod stats;
pub mod terminal;
pub mod text;
pub mod view;
