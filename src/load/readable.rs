//! Saved web pages -> the article alone, found as reader modes find it:
//! dom_smoothie (a port of Mozilla's Readability, what Firefox's reader
//! view runs) picks the main content and the headline, byline and date from
//! the page's metadata (JSON-LD, Open Graph, `<meta>`); furniture whose
//! class or id names it (tickers, "most read", comments, share bars:
//! `assets/html/furniture.txt`) is removed first, and the kept HTML is read
//! by the same linear pass as any page ([`html`]).
//!
//! Pages that would build too deep a tree (where html5ever's tree builder
//! turns quadratic) or that Readability cannot read are read whole, as
//! before. Nothing is fetched: URLs stay strings.

use super::{Document, dates, guard, html};
use dom_smoothie::{Config, Readability};
use std::sync::LazyLock;

/// Deeper than this, the page is read without a tree (real pages nest
/// 20 to 60 elements deep).
const MAX_TREE_DEPTH: usize = 256;

/// More elements than this and Readability gives up (real news pages
/// have a few thousand).
const MAX_ELEMENTS: usize = 200_000;

/// Class and id words that mark page furniture, one a line.
static FURNITURE: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../assets/html/furniture.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_ascii_lowercase)
        .collect()
});

pub(super) fn to_document(source: &str, fallback_title: &str) -> Document {
    let (whole, depth) = html::scan(source, fallback_title);
    if depth > MAX_TREE_DEPTH {
        return whole;
    }
    guard::guarded(|| main_content(source, fallback_title, &whole))
        .flatten()
        .unwrap_or(whole)
}

/// The article Readability finds, with the headline and byline on top.
/// A simple page (one story, no furniture) reads as it did without
/// Readability.
fn main_content(source: &str, fallback_title: &str, whole: &Document) -> Option<Document> {
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = Readability::new(source, None, Some(config)).ok()?;
    // The headline: JSON-LD's, else the page's first <h1> (as before),
    // else the title Readability reads from <meta> and <title>.
    let headline = json_ld_headline(&reader.doc).or_else(|| {
        let h1 = clean(&reader.doc.select("h1").first().text());
        (!h1.is_empty()).then_some(h1)
    });
    remove_furniture(&reader.doc);
    let article = reader.parse().ok()?;
    let body = html::to_document(&article.content, fallback_title).text;
    if body.trim().is_empty() {
        return None;
    }
    let title = clean(&headline.unwrap_or(article.title));
    let title = if title.is_empty() {
        whole.title.clone()
    } else {
        title
    };
    let mut paragraphs: Vec<&str> = body.split("\n\n").collect();
    if paragraphs.first() == Some(&title.as_str()) {
        paragraphs.remove(0);
    }
    let byline =
        article.byline.as_deref().map(clean).filter(|b| {
            !b.is_empty() && !paragraphs.iter().take(3).any(|p| p.contains(b.as_str()))
        });
    let byline = byline.map(|b| {
        let name = b
            .get(..3)
            .filter(|by| by.eq_ignore_ascii_case("by "))
            .map_or(b.as_str(), |_| &b[3..]);
        format!("By {name}")
    });
    let text = std::iter::once(title.as_str())
        .chain(byline.as_deref())
        .chain(paragraphs)
        .collect::<Vec<_>>()
        .join("\n\n");
    let date = whole.date.or_else(|| {
        article
            .published_time
            .as_deref()
            .and_then(dates::parse_loose)
    });
    Some(Document { title, text, date })
}

/// Drop every element whose class, id, role or label names furniture,
/// unless it holds the headline or, on a page without one, most of the
/// text (some sites mark the story's wrapper "share-enabled").
fn remove_furniture(doc: &dom_query::Document) {
    let page_len = doc.select("body").text().len();
    let has_h1 = doc.select("h1").exists();
    let marked = doc.select("[class], [id], [role], [aria-label]");
    for node in marked.nodes() {
        let named = ["class", "id", "role", "aria-label"]
            .iter()
            .filter_map(|a| node.attr(a))
            .any(|value| names_furniture(&value));
        if !named || node.is("html, body") {
            continue;
        }
        let holds_story = if has_h1 {
            !node.find(&["h1"]).is_empty()
        } else {
            node.text().len() * 2 > page_len
        };
        if !holds_story {
            node.remove_from_parent();
        }
    }
}

/// Whether an attribute value names furniture: one of its words, split at
/// `-` and `_` ("most-read__list"), holds a furniture pattern's parts in
/// order ("most-read"), so "shared" is not "share".
fn names_furniture(value: &str) -> bool {
    value.split_ascii_whitespace().any(|word| {
        let parts: Vec<String> = word
            .split(['-', '_'])
            .filter(|p| !p.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        FURNITURE.iter().any(|pattern| {
            let want: Vec<&str> = pattern.split('-').collect();
            parts
                .windows(want.len())
                .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
        })
    })
}

/// The `headline` of the page's JSON-LD article, also inside `@graph`
/// (as WordPress's SEO plugins write it), which dom_smoothie skips.
fn json_ld_headline(doc: &dom_query::Document) -> Option<String> {
    doc.select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .filter_map(|script| serde_json::from_str(&script.text()).ok())
        .find_map(|json: serde_json::Value| headline_in(&json))
}

fn headline_in(json: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match json {
        Value::Array(items) => items.iter().find_map(headline_in),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => t.contains("Article") || t == "Report",
                Some(Value::Array(types)) => types
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.contains("Article"))),
                _ => false,
            };
            match object.get("headline") {
                Some(Value::String(h)) if is_article && !h.trim().is_empty() => Some(h.clone()),
                _ => object.get("@graph").and_then(headline_in),
            }
        }
        _ => None,
    }
}

/// Whitespace runs as one space, trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simple_page_reads_as_it_did_before() {
        let page = r#"<!doctype html><html><head><title>Site | Story</title></head>
            <body><nav><a href="/">Home</a></nav>
            <article><h1>Russia backs the Taliban</h1>
            <p>Moscow <b>defended</b> the Taliban.</p>
            <h2>Pakistan objects</h2><p>Islamabad accused Kabul &amp; others.</p></article>
            <footer>Comments (0)</footer></body></html>"#;
        for page in [
            page,
            "<title>Talks resume</title><p>Iran and the US met.</p>",
        ] {
            assert_eq!(to_document(page, "f"), html::to_document(page, "f"));
        }
    }

    #[test]
    fn the_headline_is_found_in_json_ld_graphs() {
        let json = serde_json::json!({"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "headline": "Not this"},
            {"@type": ["NewsArticle"], "headline": "Chile and Peru settle"}]});
        assert_eq!(headline_in(&json).as_deref(), Some("Chile and Peru settle"));
        assert_eq!(
            headline_in(&serde_json::json!({"headline": "untyped"})),
            None
        );
    }

    #[test]
    fn furniture_is_named_by_whole_words() {
        assert!(names_furniture("story most-read__list"));
        assert!(names_furniture("Sidebar_box__r8"));
        assert!(names_furniture("comment-list"));
        assert!(!names_furniture("shared-content"));
        assert!(!names_furniture("story-body"));
        assert!(!names_furniture("mostly read"));
    }
}
