//! OpenDocument text (.odt) -> paragraphs: headings and paragraphs of the
//! body in order (lists and table cells included); footnotes, comments and
//! the page styles' headers and footers are not read. The first heading of
//! level 1 (or a paragraph styled "Title") is the title.

use super::{Document, title_from_first_line, zipped};
use roxmltree::Node;

const CONTENT: &str = "content.xml";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// Whether `bytes` are an OpenDocument text rather than any zip.
pub(super) fn is_odt(bytes: &[u8]) -> bool {
    zipped::has_member(bytes, CONTENT)
        && zipped::member_text(bytes, "mimetype", "ODT", 256)
            .is_ok_and(|m| m.trim() == "application/vnd.oasis.opendocument.text")
}

pub(super) fn to_document(
    bytes: &[u8],
    fallback_title: &str,
    limit: u64,
) -> Result<Document, String> {
    let xml = zipped::member_text(bytes, CONTENT, "ODT", limit)?;
    let doc = zipped::parse_xml(&xml, CONTENT, "ODT")?;
    let mut paragraphs = Vec::new();
    let mut title = None;
    let blocks = doc
        .descendants()
        .filter(|n| n.has_tag_name((TEXT, "p")) || n.has_tag_name((TEXT, "h")))
        .filter(|n| !in_note(*n));
    for block in blocks {
        let mut text = String::new();
        spans(block, &mut text, 0);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        if title.is_none() && is_title(block) {
            title = Some(text.clone());
        }
        paragraphs.push(text);
    }
    let text = paragraphs.join("\n\n");
    let title = title.unwrap_or_else(|| title_from_first_line(&text, fallback_title));
    Ok(Document {
        title,
        text,
        date: None,
    })
}

fn is_title(block: Node) -> bool {
    let level = block.attribute((TEXT, "outline-level")).unwrap_or("1");
    let style = block.attribute((TEXT, "style-name")).unwrap_or_default();
    (block.has_tag_name((TEXT, "h")) && level == "1") || style.eq_ignore_ascii_case("title")
}

/// Footnotes and comments sit inside the paragraph they annotate.
fn in_note(node: Node) -> bool {
    node.ancestors()
        .skip(1)
        .any(|a| a.has_tag_name((TEXT, "note")) || a.has_tag_name((OFFICE, "annotation")))
}

/// A paragraph's text: spans and links read through, `text:s` (runs of
/// spaces), tabs and line breaks as a space; notes, annotations and nested
/// paragraphs (frames) are left to their own reading.
fn spans(node: Node, out: &mut String, depth: usize) {
    if depth > zipped::MAX_XML_DEPTH {
        return;
    }
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
            continue;
        }
        let name = child.tag_name();
        match (name.namespace(), name.name()) {
            (Some(TEXT), "s" | "tab" | "line-break") => out.push(' '),
            (Some(TEXT), "note" | "p" | "h") | (Some(OFFICE), "annotation") => {}
            _ => spans(child, out, depth + 1),
        }
    }
}
