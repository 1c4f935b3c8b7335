//! The parsers of stancemap, compiled from the main crate's own source
//! files: load, text, extract and model need nothing above them (the
//! pipeline points one way), so the fuzz build leaves out the window and
//! renderer and their dependencies.

// The user lexicon (in extract) saves through it.
#[path = "../../src/atomic_write.rs"]
pub mod atomic_write;
#[path = "../../src/extract/mod.rs"]
pub mod extract;
#[path = "../../src/load/mod.rs"]
pub mod load;
#[path = "../../src/model/mod.rs"]
pub mod model;
#[path = "../../src/text/mod.rs"]
pub mod text;
