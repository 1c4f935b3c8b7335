//! PDF -> paragraphs in reading order: pdf-extract lays out each page's
//! characters by position (lopdf parses the file); then lines repeated at
//! the top or bottom of most pages (running headers, footers, page
//! numbers) are dropped, lines are joined into paragraphs, and words
//! hyphenated at a line end are joined again.
//!
//! pdf-extract panics on some damaged files: it runs behind
//! [`guard::guarded`], so a bad PDF is one line of error like any file.

use super::{Document, guard, title_from_first_line};

/// Lines at each end of a page that may be a running header or footer.
const EDGE_LINES: usize = 3;

pub(super) fn to_document(bytes: &[u8], fallback_title: &str) -> Result<Document, String> {
    let pages = guard::guarded(|| page_texts(bytes))
        .unwrap_or_else(|| Err("damaged PDF (it could not be read)".to_string()))?;
    let text = pages_to_text(&pages);
    if text.trim().is_empty() {
        return Err("no text layer: scanned pages need OCR first".to_string());
    }
    Ok(Document {
        title: title_from_first_line(&text, fallback_title),
        text,
        date: None,
    })
}

/// Each page's text as pdf-extract lays it out. A page that cannot be
/// read is skipped; a file none of whose pages can be read is an error.
fn page_texts(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut doc = pdf_extract::Document::load_mem(bytes)
        .map_err(|e| format!("damaged PDF ({})", one_line(&e.to_string())))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err("encrypted PDF: save it without a password first".to_string());
    }
    let mut pages = Vec::new();
    let mut first_error = None;
    for number in doc.get_pages().into_keys() {
        let mut text = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        match pdf_extract::output_doc_page(&doc, &mut output, number) {
            Ok(()) => pages.push(text),
            Err(e) => {
                first_error.get_or_insert(e.to_string());
            }
        }
    }
    match first_error {
        Some(e) if pages.is_empty() => Err(format!("damaged PDF ({})", one_line(&e))),
        _ => Ok(pages),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The pages' text without running headers and footers, as paragraphs
/// separated by blank lines.
fn pages_to_text(pages: &[String]) -> String {
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().map(str::trim).collect())
        .collect();
    let running = running_lines(&pages);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    // Lines in `current`, and whether the page ended on a one-line
    // paragraph that did not end its sentence: a heading, unless the next
    // page goes on in lower case.
    let mut lines = 0;
    let mut heading_at_break = false;
    for page in &pages {
        let edges = edge_indices(page);
        let kept: Vec<&str> = (0..page.len())
            .filter(|i| {
                !edges.contains(i)
                    || !(running.contains(&shape(page[*i])) || is_page_number(page[*i]))
            })
            .map(|i| page[i])
            .collect();
        // Blank lines around a dropped head or foot are not paragraph ends.
        let start = kept
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(kept.len());
        let end = kept
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(start, |e| e + 1);
        for line in &kept[start..end] {
            let goes_on = line.chars().next().is_some_and(char::is_lowercase);
            if line.is_empty() || (std::mem::take(&mut heading_at_break) && !goes_on) {
                flush(&mut current, &mut paragraphs);
                lines = 0;
            }
            if !line.is_empty() {
                join_line(&mut current, line);
                lines += 1;
            }
        }
        // A paragraph that ended with its sentence ends at the page break;
        // one that did not goes on to the next page.
        if current.ends_with(['.', '!', '?', '"', '\u{201D}', ':']) {
            flush(&mut current, &mut paragraphs);
            lines = 0;
        }
        heading_at_break = lines == 1;
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

/// Indices of the first and last few non-empty lines of a page.
fn edge_indices(page: &[&str]) -> Vec<usize> {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_empty()).collect();
    let head = filled.iter().take(EDGE_LINES);
    let tail = filled.iter().rev().take(EDGE_LINES);
    head.chain(tail).copied().collect()
}

/// Shapes of edge lines seen on at least half the pages (and two):
/// running heads and feet, whose page numbers differ.
fn running_lines(pages: &[Vec<&str>]) -> Vec<String> {
    if pages.len() < 2 {
        return Vec::new();
    }
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for page in pages {
        let mut shapes: Vec<String> = edge_indices(page)
            .into_iter()
            .map(|i| shape(page[i]))
            .collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *counts.entry(s).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2 && *n * 2 >= pages.len())
        .map(|(s, _)| s)
        .collect()
}

/// A line with its digits blanked and its spaces squeezed: "Page 3 of 9"
/// and "Page 4 of 9" have one shape.
fn shape(line: &str) -> String {
    let squeezed = one_line(line).to_lowercase();
    squeezed
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// "3", "- 3 -", "Page 3", "3 of 9", "3/9".
fn is_page_number(line: &str) -> bool {
    let lower = line.to_lowercase();
    let rest = lower.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let rest = rest.strip_prefix("page").unwrap_or(rest);
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 5 && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        [n] => number(n),
        [n, m] => number(n) && number(m),
        [n, "of", m] => number(n) && number(m),
        _ => false,
    }
}

/// Add a line to the paragraph: "inter-" + "national" is "international";
/// other lines are joined with a space.
fn join_line(current: &mut String, line: &str) {
    let hyphenated = current.ends_with('-')
        && current[..current.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        current.pop();
    } else if !current.is_empty() {
        current.push(' ');
    }
    current.push_str(line);
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let paragraph = one_line(current);
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_feet_and_page_numbers_go_hyphens_join() {
        let pages = [
            "The Courier - Europe\n\nSpain and Morocco agreed to re-\nopen the crossings at Ceuta and\nMelilla on Friday.\n\nMorocco welcomed the\n\nPage 1 of 2".to_string(),
            "The Courier - Europe\n\ndecision and promised more in-\nspectors.\n\nPage 2 of 2".to_string(),
        ];
        assert_eq!(
            pages_to_text(&pages),
            "Spain and Morocco agreed to reopen the crossings at Ceuta and Melilla on Friday.\n\n\
             Morocco welcomed the decision and promised more inspectors."
        );
    }

    #[test]
    fn page_numbers_are_recognised() {
        for n in ["3", "- 3 -", "Page 3", "3 of 9", "3/9", "page 12"] {
            assert!(is_page_number(n), "{n}");
        }
        for n in ["3 March", "Page three", "Chapter 3", "12345678"] {
            assert!(!is_page_number(n), "{n}");
        }
    }
}
