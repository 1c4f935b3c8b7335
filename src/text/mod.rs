//! Text structure below the article: sentence spans and word tokens.

pub mod sentences;
pub mod tokens;
