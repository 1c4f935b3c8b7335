//! Word tokens with byte offsets, for the extractor's shallow parsing.
//!
//! Possessive and contracted endings are tokens of their own ("Pakistan",
//! "’s"; "would", "n't"), hyphens split words ("Iranian", "-", "backed") so
//! that compounds can be read part by part, and dotted acronyms ("U.S.")
//! and decimals ("3.5") stay whole.

use compact_str::CompactString;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token: `[start, end)` bytes of the text it was cut from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lower case, with typographic apostrophes made ASCII. Inline for
    /// short words (almost all), so tokenising does not allocate per word.
    pub norm: CompactString,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether the token is `c` (for punctuation).
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The character at byte `at` of `text` (a character boundary), if any.
/// ASCII without decoding: nearly all of English news is ASCII.
fn char_at(text: &str, at: usize) -> Option<char> {
    let b = *text.as_bytes().get(at)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(at..)?.chars().next()
    }
}

fn alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

fn alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Tokenise `text`; offsets are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let at = |i: usize| char_at(text, i);
    let after = |i: usize| i + at(i).map_or(1, char::len_utf8);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = after(i);
        let kind = if let Some(end) = negative_clitic(text, i) {
            j = end;
            TokenKind::Word
        } else if alphanumeric(c) {
            let mut only_digits = c.is_ascii_digit();
            while let Some(d) = at(j) {
                if d.is_ascii_alphanumeric() {
                    only_digits &= d.is_ascii_digit();
                    j += 1;
                } else if (d == '.' || d == ',')
                    && c.is_ascii_digit()
                    && at(j + 1).is_some_and(|n| n.is_ascii_digit())
                {
                    j += 1;
                } else if !d.is_ascii() && d.is_alphanumeric() {
                    only_digits = false;
                    j += d.len_utf8();
                } else if d == '.'
                    && j == after(start)
                    && at(j + 1).is_some_and(alphabetic)
                    && at(after(j + 1)) == Some('.')
                {
                    // "U.S.", "U.K.": a dotted acronym stays whole.
                    j = after(j + 1) + 1;
                    while at(j).is_some_and(alphabetic) && at(after(j)) == Some('.') {
                        j = after(j) + 1;
                    }
                    only_digits = false;
                    break;
                } else if is_apostrophe(d)
                    && negative_clitic(text, j.saturating_sub(1)).is_some()
                    && j > start + 1
                {
                    // "wouldn't": stop before the "n't".
                    j -= 1;
                    break;
                } else if is_apostrophe(d)
                    && at(after(j)).is_some_and(alphabetic)
                    && !is_clitic(text, after(j))
                {
                    // "O'Brien": an apostrophe inside a name.
                    j = after(j);
                } else {
                    break;
                }
            }
            if only_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if is_apostrophe(c) && at(j).is_some_and(alphabetic) && is_clitic(text, j) {
            while at(j).is_some_and(alphabetic) {
                j = after(j);
            }
            TokenKind::Word
        } else if c == '.' && at(j) == Some('.') {
            while at(j) == Some('.') {
                j += 1;
            }
            TokenKind::Punct
        } else {
            TokenKind::Punct
        };
        let raw = &text[start..j];
        let norm = if raw.is_ascii() {
            let mut lower = CompactString::from(raw);
            lower.make_ascii_lowercase();
            lower
        } else {
            raw.chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        tokens.push(Token {
            start: base + start,
            end: base + j,
            kind,
            norm,
        });
        i = j;
    }
    tokens
}

/// Where "n't" starting at byte `at` ends, if it is there and ends the word.
fn negative_clitic(text: &str, at: usize) -> Option<usize> {
    if !matches!(char_at(text, at), Some('n' | 'N')) {
        return None;
    }
    let apostrophe = char_at(text, at + 1).filter(|&c| is_apostrophe(c))?;
    let t = at + 1 + apostrophe.len_utf8();
    if !matches!(char_at(text, t), Some('t' | 'T'))
        || char_at(text, t + 1).is_some_and(alphanumeric)
    {
        return None;
    }
    Some(t + 1)
}

/// Whether the letters from byte `at` (just after an apostrophe) are a
/// clitic: 's, 're, 've, 'll, 'd, 'm, ending the word.
fn is_clitic(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &rest[..letters];
    let ends = rest[letters..]
        .chars()
        .next()
        .is_none_or(|c| !alphanumeric(c));
    ends && ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|c| word.eq_ignore_ascii_case(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .into_iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn possessives_contractions_and_hyphens() {
        assert_eq!(words("Pakistan’s claims"), ["Pakistan", "’s", "claims"]);
        assert_eq!(words("Tehran wouldn't"), ["Tehran", "would", "n't"]);
        assert_eq!(
            words("it's Iranian-backed"),
            ["it", "'s", "Iranian", "-", "backed"]
        );
        assert_eq!(words("O'Brien's"), ["O'Brien", "'s"]);
    }

    #[test]
    fn acronyms_numbers_and_punctuation() {
        assert_eq!(
            words("the U.S. and U.K. said"),
            ["the", "U.S.", "and", "U.K.", "said"]
        );
        assert_eq!(
            words("3.5 percent, 120,000 people."),
            ["3.5", "percent", ",", "120,000", "people", "."]
        );
        assert_eq!(words("“told … this”"), ["“", "told", "…", "this", "”"]);
        let t = tokenize("Kabul’s", 10);
        assert_eq!((t[1].start, t[1].end, t[1].norm.as_str()), (15, 19, "'s"));
        assert_eq!(tokenize("1.5", 0)[0].kind, TokenKind::Number);
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "'", "’s", "n't", "a.", "a.b", "..", "U.S", "É.É.", "5.", "x'",
        ] {
            let tokens = tokenize(text, 0);
            for t in tokens {
                assert!(text.get(t.start..t.end).is_some());
            }
        }
    }
}
