//! Sentence spans: byte ranges into the article text.
//!
//! Rules, in order: a blank line always ends a sentence; a line break ends
//! one unless the next line starts in lower case (hard-wrapped prose), so a
//! headline without a final period is a sentence of its own; inside a line,
//! `.`, `!`, `?` and `…` (with any closing quotes or brackets) end a sentence
//! when the next word does not start in lower case, except after
//! abbreviations (Mr., Gen., Jan.), initials (J. K.) and dotted acronyms
//! (U.S.) that are not followed by a typical sentence opener.

/// Words that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
    "cmdr", "brig", "gov", "sen", "rep", "st", "jr", "sr", "rev", "hon", "pres", "amb", "jan",
    "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vol", "fig", "inc",
    "ltd", "co", "corp", "dept", "est", "vs", "approx", "no", "nos", "mt", "ft", "al", "e.g",
    "i.e", "cf", "ca",
];

/// Words that open sentences after a dotted acronym ("... in the U.S. The").
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "However",
    "Meanwhile",
    "His",
    "Her",
    "Its",
    "Their",
    "After",
    "Before",
    "When",
    "While",
    "There",
    "As",
    "For",
    "Since",
    "Yet",
    "Still",
];

/// Sentences longer than this (bytes) are cut at a space: text without
/// terminators (logs, tables) must not make one huge sentence, which
/// would make later stages slow.
const MAX_SENTENCE_BYTES: usize = 2000;

/// Split `text` into sentence spans `[start, end)`, trimmed of white space.
pub fn split(text: &str) -> Vec<[usize; 2]> {
    let mut spans = Vec::new();
    for block in blocks(text) {
        split_block(text, block, &mut spans);
    }
    spans.into_iter().flat_map(|span| cap(text, span)).collect()
}

/// Cut an over-long span into pieces of at most `MAX_SENTENCE_BYTES`,
/// at white space where there is some.
fn cap(text: &str, [start, end]: [usize; 2]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut s = start;
    while end - s > MAX_SENTENCE_BYTES {
        let mut limit = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[s..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |p| s + p)
            .max(s + 1);
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        push_trimmed(&mut out, 0, &text[s..cut], s);
        s = cut;
    }
    push_trimmed(&mut out, 0, &text[s..end], s);
    out
}

/// Runs of lines that belong to one paragraph.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim();
        if content.is_empty() {
            out.extend(open.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let (s, e) = (start + lead, start + lead + content.len());
        let continues = content.chars().next().is_some_and(char::is_lowercase);
        open = match open {
            Some((os, _)) if continues => Some((os, e)),
            Some(prev) => {
                out.push(prev);
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    out.extend(open);
    out
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn split_block(text: &str, (start, end): (usize, usize), spans: &mut Vec<[usize; 2]>) {
    let block = &text[start..end];
    // Byte positions, decoding as we go: a block can be a whole file with
    // no line break, too big to hold as a vector of chars.
    let at = |b: usize| block[b..].chars().next();
    let mut sentence_start = 0;
    let mut i = 0;
    while let Some(c) = at(i) {
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(d) = at(j).filter(|&d| is_terminal(d) || is_closer(d)) {
            j += d.len_utf8();
        }
        let boundary_end = j;
        if at(j).is_some_and(|d| !d.is_whitespace()) {
            i = j;
            continue;
        }
        let mut k = j;
        while let Some(d) = at(k).filter(|d| d.is_whitespace()) {
            k += d.len_utf8();
        }
        let next_word = next_word(block, k);
        if ends_sentence(block, i, c, next_word) {
            push_trimmed(
                spans,
                start,
                &block[sentence_start..boundary_end],
                sentence_start,
            );
            sentence_start = boundary_end;
        }
        i = j;
    }
    push_trimmed(spans, start, &block[sentence_start..], sentence_start);
}

fn next_word(block: &str, at: usize) -> &str {
    let rest = &block[at..];
    let end = rest
        .find(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
        .unwrap_or(rest.len());
    &rest[..end.max(rest.chars().next().map_or(0, char::len_utf8))]
}

fn ends_sentence(block: &str, at: usize, terminal: char, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return true;
    };
    if first.is_lowercase() {
        return false;
    }
    if terminal != '.' {
        return !(terminal == '…' && !first.is_uppercase() && !is_opening(first));
    }
    let before = &block[..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return lower == "no" && !first.is_ascii_digit();
    }
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) {
        return OPENERS.contains(&next);
    }
    true
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

fn push_trimmed(spans: &mut Vec<[usize; 2]>, base: usize, piece: &str, offset: usize) {
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let s = base + offset + lead;
    spans.push([s, s + trimmed.len()]);
}

#[cfg(test)]
mod tests {
    use super::{MAX_SENTENCE_BYTES, split};

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|&[s, e]| &text[s..e]).collect()
    }

    #[test]
    fn headlines_and_paragraphs() {
        let text =
            "Taliban’s Counter-Terror Actions Get A Nod From Moscow\n\nPutin spoke. He left.";
        assert_eq!(
            sentences(text),
            [
                "Taliban’s Counter-Terror Actions Get A Nod From Moscow",
                "Putin spoke.",
                "He left."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals() {
        let text = "Mr. Shapps met Gen. Asim Munir on Jan. 5 in the U.S. capital. J. K. Smith said growth was 3.5 percent. The U.S. The end.";
        assert_eq!(
            sentences(text),
            [
                "Mr. Shapps met Gen. Asim Munir on Jan. 5 in the U.S. capital.",
                "J. K. Smith said growth was 3.5 percent.",
                "The U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn quotes_that_end_sentences() {
        let text = "He said “the situation was horrible.” Then he left. “It is over,” he observed. She said: \"No.\" Fine!";
        assert_eq!(
            sentences(text),
            [
                "He said “the situation was horrible.”",
                "Then he left.",
                "“It is over,” he observed.",
                "She said: \"No.\"",
                "Fine!"
            ]
        );
    }

    #[test]
    fn dashes_and_ellipses_do_not_split_inside() {
        let text =
            "Kabul—remarks that contradicted Pakistan. “They need to be told … this is not free.”";
        assert_eq!(
            sentences(text),
            [
                "Kabul—remarks that contradicted Pakistan.",
                "“They need to be told … this is not free.”"
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let text = "Russia said on Monday that it\nwould respond. Another\nLine here";
        assert_eq!(
            sentences(text),
            [
                "Russia said on Monday that it\nwould respond.",
                "Another",
                "Line here"
            ]
        );
    }

    #[test]
    fn endless_sentences_are_cut() {
        let text = "word ".repeat(10_000);
        let spans = split(&text);
        assert!(spans.len() >= 25, "{}", spans.len());
        assert!(spans.iter().all(|&[s, e]| e - s <= MAX_SENTENCE_BYTES));
        let glued = "é".repeat(5_000);
        for [s, e] in split(&glued) {
            assert!(glued.get(s..e).is_some());
        }
    }

    #[test]
    fn spans_are_inside_the_text_for_odd_input() {
        for text in [
            "",
            "...",
            "?!",
            "a.\u{2026}b",
            "É. É. É.",
            "\n\n\n",
            "x.”\n”",
        ] {
            for [s, e] in split(text) {
                assert!(s <= e && text.get(s..e).is_some(), "{text:?}");
            }
        }
    }
}
