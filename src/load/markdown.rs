//! Markdown -> plain text with pulldown-cmark: markup dropped, headings kept
//! as paragraphs of their own (so each is its own sentence). YAML front
//! matter (what static sites and note apps write) gives the title and date
//! and is not read as text.

use super::{Document, dates, title_from_first_line};
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// Front-matter keys that hold the publication date.
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "pubdate",
    "publishdate",
    "date_published",
];

pub(super) fn to_document(source: &str, fallback_title: &str) -> Document {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut first_heading: Option<String> = None;
    let mut in_heading = false;
    let mut skip_depth = 0usize;
    let mut front_matter = String::new();
    let mut in_front_matter = false;

    for event in Parser::new_ext(source, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => {
                in_front_matter = true;
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_front_matter = false,
            Event::Text(text) if in_front_matter => front_matter.push_str(&text),
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
    let title = front_value(&front_matter, &["title"])
        .or(first_heading)
        .unwrap_or_else(|| title_from_first_line(&text, fallback_title));
    let date = front_value(&front_matter, DATE_KEYS).and_then(|d| dates::parse_loose(&d));
    Document { title, text, date }
}

/// The value of the first `key: value` line with one of `keys`, unquoted.
fn front_value(front_matter: &str, keys: &[&str]) -> Option<String> {
    front_matter.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        let key = key.trim().to_ascii_lowercase();
        if !keys.contains(&key.as_str()) {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty()).then(|| value.to_string())
    })
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

    #[test]
    fn front_matter_gives_title_and_date_and_is_not_text() {
        let md =
            "---\ntitle: \"Talks resume\"\ndate: 2024-03-12 09:00\n---\n\nIran and the US met.\n";
        let doc = to_document(md, "f");
        assert_eq!(doc.title, "Talks resume");
        assert_eq!(doc.text, "Iran and the US met.");
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-12")
        );
    }
}
