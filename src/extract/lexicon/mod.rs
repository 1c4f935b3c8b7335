//! The data the extractor reads, compiled into the binary from `assets/`:
//! actors, stance cues and the closed-class words of the shallow parser.

pub mod actors;
pub mod cues;
pub mod grammar;
pub mod org_heads;
pub mod phrases;
pub mod tsv;
pub mod user;
pub mod word_sets;
