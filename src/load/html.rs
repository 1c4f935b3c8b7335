//! HTML -> plain text with html5ever's spec tokenizer: the title, headings
//! and paragraph text; scripts, styles, navigation, footers and captions are
//! dropped. Parsed as text only: nothing is fetched, nothing is run.
//!
//! The tokenizer is used without html5ever's tree builder on purpose: tree
//! building is quadratic on deeply nested markup (100,000 nested `div`s take
//! tens of seconds), and reading prose needs no tree, only which elements we
//! are inside. This pass is linear in the input.

use super::{Document, dates, title_from_first_line};
use crate::model::Day;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

/// Elements whose whole subtree is page chrome or not prose.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "object",
    "menu",
    "canvas",
    "video",
    "audio",
    "picture",
    "textarea",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
    "title",
    "head",
];

/// Elements whose end tag may be left out: they do not count as nesting.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
    "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp",
];

/// Elements with no end tag: they never open a skipped region.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

#[derive(Default)]
struct Collector {
    paragraphs: Vec<String>,
    current: String,
    head_title: String,
    in_title: bool,
    skip_depth: usize,
    h1: Option<String>,
    in_h1: bool,
    /// The best `<meta>` date so far, with its rank (lower is better).
    meta_date: Option<(usize, Day)>,
    /// The first `<time datetime=…>`.
    time_date: Option<Day>,
    /// Text of `<script type="application/ld+json">` blocks.
    json_ld: String,
    in_json_ld: bool,
    /// Elements open now and at most, counting only those whose end tag
    /// is required: how deep a tree the page would build.
    depth: usize,
    max_depth: usize,
}

impl Collector {
    /// Dates a tag states in its attributes: `<meta>`, `<time>`, and
    /// whether a JSON-LD block starts.
    fn dates(&mut self, tag: &html5ever::tokenizer::Tag) {
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| a.value.to_string())
        };
        match &*tag.name {
            "meta" => {
                let named = ["property", "name", "itemprop"]
                    .iter()
                    .find_map(|key| attr(key).and_then(|n| dates::meta_rank(&n)));
                if let Some(rank) = named
                    && self.meta_date.is_none_or(|(best, _)| rank < best)
                    && let Some(day) = attr("content").and_then(|c| dates::parse_loose(&c))
                {
                    self.meta_date = Some((rank, day));
                }
            }
            "time" if self.time_date.is_none() => {
                self.time_date = attr("datetime").and_then(|d| dates::parse_loose(&d));
            }
            "script" => {
                self.in_json_ld = attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            }
            _ => {}
        }
    }

    /// The publication day the page states, most trusted source first.
    fn date(&self) -> Option<Day> {
        self.meta_date
            .map(|(_, day)| day)
            .or_else(|| dates::from_json_ld(&self.json_ld))
            .or(self.time_date)
    }

    fn flush(&mut self) {
        let paragraph = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !paragraph.is_empty() {
            self.paragraphs.push(paragraph);
        }
        self.current.clear();
    }

    fn text(&mut self, text: &str) {
        if self.in_json_ld {
            self.json_ld.push_str(text);
        } else if self.in_title {
            self.head_title.push_str(text);
        } else if self.skip_depth == 0 {
            self.current.push_str(text);
            if self.in_h1 {
                self.h1.get_or_insert_with(String::new).push_str(text);
            }
        }
    }
}

struct Sink(RefCell<Collector>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut c = self.0.borrow_mut();
        match token {
            CharacterTokens(text) => c.text(&text),
            TagToken(tag) => {
                let name: &str = &tag.name;
                if tag.kind == StartTag {
                    c.dates(&tag);
                } else if name == "script" {
                    c.in_json_ld = false;
                }
                let opens = tag.kind == StartTag && !tag.self_closing && !VOID.contains(&name);
                if !OPTIONAL_END.contains(&name) {
                    if opens {
                        c.depth += 1;
                        c.max_depth = c.max_depth.max(c.depth);
                    } else if tag.kind == EndTag {
                        c.depth = c.depth.saturating_sub(1);
                    }
                }
                if SKIPPED.contains(&name) {
                    if opens {
                        c.skip_depth += 1;
                    } else if tag.kind == EndTag {
                        c.skip_depth = c.skip_depth.saturating_sub(1);
                    }
                } else if name == "title" {
                    c.in_title = tag.kind == StartTag && !tag.self_closing;
                } else if BLOCKS.contains(&name) && c.skip_depth == 0 {
                    c.flush();
                    if name == "h1" && c.h1.is_none() && opens {
                        c.in_h1 = true;
                    } else if name == "h1" {
                        c.in_h1 = false;
                    }
                }
                if tag.kind == StartTag && !tag.self_closing {
                    return match name {
                        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                        "style" | "noscript" | "iframe" | "xmp" => {
                            TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                        "plaintext" => TokenSinkResult::Plaintext,
                        _ => TokenSinkResult::Continue,
                    };
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

pub(super) fn to_document(source: &str, fallback_title: &str) -> Document {
    scan(source, fallback_title).0
}

/// [`to_document`], and how deeply the page's elements nest.
pub(super) fn scan(source: &str, fallback_title: &str) -> (Document, usize) {
    let tokenizer = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut c = tokenizer.sink.0.take();
    c.flush();
    let date = c.date();

    let head_title = c
        .head_title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let h1 =
        c.h1.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    let title = h1
        .filter(|t| !t.is_empty())
        .or_else(|| (!head_title.is_empty()).then_some(head_title));
    let mut paragraphs = c.paragraphs;
    if let Some(title) = &title
        && paragraphs.first() != Some(title)
    {
        paragraphs.insert(0, title.clone());
    }
    let text = paragraphs.join("\n\n");
    let title = title.unwrap_or_else(|| title_from_first_line(&text, fallback_title));
    (Document { title, text, date }, c.max_depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_headings_and_paragraphs_drops_chrome() {
        let page = r#"<!doctype html><html><head><title>Site | Story</title>
            <style>p { color: red }</style><script>if (a < b) { x("<p>no</p>") }</script></head>
            <body><nav><a href="/">Home</a></nav>
            <article><h1>Russia backs the Taliban</h1>
            <p>Moscow <b>defended</b> the Taliban.</p>
            <figure><img src="x.png"><figcaption>A caption</figcaption></figure>
            <h2>Pakistan objects</h2><p>Islamabad   accused
            Kabul &amp; others.</p></article>
            <footer>Comments (0)</footer></body></html>"#;
        let doc = to_document(page, "fallback");
        assert_eq!(doc.title, "Russia backs the Taliban");
        assert_eq!(
            doc.text,
            "Russia backs the Taliban\n\nMoscow defended the Taliban.\n\nPakistan objects\n\nIslamabad accused Kabul & others."
        );
    }

    #[test]
    fn the_publication_date_comes_from_the_page_metadata() {
        let meta = r#"<head><meta name="date" content="2020-01-01">
            <meta property="article:published_time" content="2024-03-12T10:00:00Z"></head>
            <p>On 5 May 2021 Iran and the US met.</p>"#;
        let ld = r#"<script type="application/ld+json">{"datePublished": "2023-12-04"}</script>
            <p><time datetime="2023-12-05">5 Dec</time> Talks resumed.</p>"#;
        let time = r#"<p><time datetime="2023-12-05T08:00">5 Dec</time> Talks resumed.</p>"#;
        let date = |page: &str| to_document(page, "f").date.map(|d| d.to_string());
        assert_eq!(date(meta).as_deref(), Some("2024-03-12"));
        assert_eq!(date(ld).as_deref(), Some("2023-12-04"));
        assert_eq!(date(time).as_deref(), Some("2023-12-05"));
        assert_eq!(date("<p>On 5 May 2021 Iran and the US met.</p>"), None);
    }

    #[test]
    fn head_title_is_used_without_h1() {
        let doc = to_document(
            "<title>Talks resume</title><p>Iran and the US met.</p>",
            "f",
        );
        assert_eq!(doc.title, "Talks resume");
        assert_eq!(doc.text, "Talks resume\n\nIran and the US met.");
    }

    #[test]
    fn scripts_only_gives_no_text() {
        let doc = to_document(
            "<html><script>var a = 1;</script><style>b{}</style></html>",
            "f",
        );
        assert!(doc.text.is_empty());
    }

    #[test]
    fn deep_nesting_and_long_lines_are_fine() {
        let page = format!(
            "{}deep{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert_eq!(to_document(&page, "f").text, "deep");
        let line = "word ".repeat(200_000);
        assert_eq!(
            to_document(&format!("<p>{line}</p>"), "f").text.len(),
            line.len() - 1
        );
    }
}
