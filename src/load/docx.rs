//! Word (.docx) -> paragraphs: the body's paragraphs and headings in order,
//! table cells as paragraphs; deleted tracked changes, field codes,
//! headers, footers, footnotes and comments (other parts of the zip) are
//! not read. A "Title" or first "Heading 1" paragraph is the title.

use super::{Document, title_from_first_line, zipped};
use roxmltree::Node;

const BODY: &str = "word/document.xml";

/// WordprocessingML's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Whether `bytes` are a Word document rather than any zip.
pub(super) fn is_docx(bytes: &[u8]) -> bool {
    zipped::has_member(bytes, BODY)
}

pub(super) fn to_document(
    bytes: &[u8],
    fallback_title: &str,
    limit: u64,
) -> Result<Document, String> {
    let xml = zipped::member_text(bytes, BODY, "DOCX", limit)?;
    let doc = zipped::parse_xml(&xml, BODY, "DOCX")?;
    let mut paragraphs = Vec::new();
    let mut title = None;
    for p in doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")) && !is_fallback_copy(*n))
    {
        let mut text = String::new();
        runs(p, &mut text, 0);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        if title.is_none() && is_title_style(&style(p)) {
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

/// The paragraph's style id ("Heading1", "Title"), if it has one.
fn style(p: Node) -> String {
    p.children()
        .find(|n| n.has_tag_name((W, "pPr")))
        .and_then(|ppr| ppr.children().find(|n| n.has_tag_name((W, "pStyle"))))
        .and_then(|s| s.attribute((W, "val")))
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn is_title_style(style: &str) -> bool {
    matches!(style, "title" | "heading1")
}

/// A text box's paragraphs come twice: for today's readers and, inside
/// `mc:Fallback`, for old ones. The copy is not read.
fn is_fallback_copy(p: Node) -> bool {
    p.ancestors().any(|a| a.tag_name().name() == "Fallback")
}

/// The text of a paragraph's runs, in order; nested paragraphs (text boxes)
/// are read on their own.
fn runs(node: Node, out: &mut String, depth: usize) {
    if depth > zipped::MAX_XML_DEPTH {
        return;
    }
    for child in node.children() {
        if child.tag_name().namespace() != Some(W) {
            runs(child, out, depth + 1);
            continue;
        }
        match child.tag_name().name() {
            "t" => out.push_str(child.text().unwrap_or_default()),
            "tab" | "br" | "cr" => out.push(' '),
            "noBreakHyphen" => out.push('-'),
            "p" | "del" | "moveFrom" | "instrText" | "delText" | "pPr" | "rPr" => {}
            _ => runs(child, out, depth + 1),
        }
    }
}
