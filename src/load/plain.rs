//! Plain text: kept as it is; the title is the first line.

use super::{Document, title_from_first_line};

pub(super) fn to_document(source: &str, fallback_title: &str) -> Document {
    Document {
        title: title_from_first_line(source, fallback_title),
        text: source.to_string(),
        date: None,
    }
}
