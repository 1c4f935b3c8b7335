//! What a map says at a glance, computed from the map alone so the window's
//! side panel and `stancemap export` report the same figures: camps
//! (blocs by signed balance) and the summary an analyst asks for first.

pub mod camps;
pub mod summary;

pub use camps::{Camps, camps};
pub use summary::Summary;
