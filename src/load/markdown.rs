//! Markdown -> plain text with pulldown-cmark: markup dropped, headings kept
//! as paragraphs of their own (so each is its own sentence).

use super::{Document, title_from_first_line};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub(super) fn to_document(source: &str, fallback_title: &str) -> Document {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut first_heading: Option<String> = None;
    let mut in_heading = false;
    let mut skip_depth = 0usize;

    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => {
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            _ if skip_depth > 0 => {}
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut paragraphs);
                in_heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_heading && first_heading.is_none() && !current.trim().is_empty() {
                    first_heading = Some(current.trim().to_string());
                }
                in_heading = false;
                flush(&mut current, &mut paragraphs);
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::TableRow) => {
                flush(&mut current, &mut paragraphs);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::TableRow,
            ) => flush(&mut current, &mut paragraphs),
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push(' '),
            Event::End(TagEnd::TableCell) => current.push(' '),
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    let text = paragraphs.join("\n\n");
    let title = first_heading.unwrap_or_else(|| title_from_first_line(&text, fallback_title));
    Document { title, text }
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_markup_keeps_headings() {
        let md = "# Moscow backs Kabul\n\nRussia **defended** the [Taliban](http://x).\nIt said so.\n\n## Reaction\n\n- Pakistan objected.\n\n```\ncode\n```\n![img](a.png)\n";
        let doc = to_document(md, "f");
        assert_eq!(doc.title, "Moscow backs Kabul");
        assert_eq!(
            doc.text,
            "Moscow backs Kabul\n\nRussia defended the Taliban. It said so.\n\nReaction\n\nPakistan objected."
        );
    }
}
