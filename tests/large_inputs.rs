//! Pathological input is read to the end: deep nesting, endless lines,
//! no spaces, no sentence ends. These tests only assert that it finishes
//! with sensible sentences; the time it takes is measured by the `large`
//! group of benches/extract.rs.

use stancemap::extract::extract;
use stancemap::load::{Format, Input, load_bytes, parse_map};
use stancemap::model::Article;

fn article(text: &str, format: Format) -> Article {
    match load_bytes("big", None, text.as_bytes(), Some(format))
        .unwrap()
        .input
    {
        Input::Article(a) => a,
        Input::Map(_) => panic!("expected an article"),
    }
}

/// Sentences are inside the text and none is endless.
fn assert_bounded_sentences(a: &Article) {
    assert!(!a.sentences.is_empty());
    for &[s, e] in &a.sentences {
        assert!(a.text.get(s..e).is_some());
        assert!(e - s <= 2000, "a sentence of {} bytes", e - s);
    }
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let page = format!(
        "{}Russia backed the Taliban.{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let a = article(&page, Format::Html);
    assert_eq!(a.text, "Russia backed the Taliban.");
    assert_eq!(extract(&a).relations.len(), 1);
}

#[test]
fn a_megabyte_line_without_a_sentence_end() {
    let page = format!("<p>{}</p>", "Russia and Pakistan talk ".repeat(42_000));
    let a = article(&page, Format::Html);
    assert_bounded_sentences(&a);
    extract(&a);
}

#[test]
fn a_megabyte_without_a_space() {
    let a = article(&"Kabul.".repeat(175_000), Format::Text);
    assert_bounded_sentences(&a);
    extract(&a);
}

#[test]
fn deep_markdown_quotes_and_lists() {
    let quotes = format!("{}Iran warned Israel.", "> ".repeat(20_000));
    assert_bounded_sentences(&article(&quotes, Format::Markdown));
    let list: String = (0..5_000)
        .map(|depth| format!("{}- India met China.\n", "  ".repeat(depth)))
        .collect();
    assert_bounded_sentences(&article(&list, Format::Markdown));
    let brackets = format!("{}Russia{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_bounded_sentences(&article(&brackets, Format::Markdown));
}

#[test]
fn a_million_nested_json_objects_is_refused_not_a_stack_overflow() {
    let deep = format!("{}1{}", "{\"a\":".repeat(1_000_000), "}".repeat(1_000_000));
    assert!(parse_map(&deep).unwrap_err().contains("without \"schema\""));
    // Past the schema, nesting in a field the map does not have is
    // skipped without recursing.
    let map = format!("{{\"schema\":\"stancemap/1\",\"extra\":{deep}}}");
    assert!(parse_map(&map).is_ok_and(|m| m.entities.is_empty()));
    // Or in one it has, where arrays are expected.
    let map = format!("{{\"schema\":\"stancemap/1\",\"relations\":[{deep}]}}");
    assert!(parse_map(&map).unwrap_err().starts_with("not a valid"));
}
