//! Word tokens with byte offsets, for the extractor's shallow parsing.
//!
//! Possessive and contracted endings are tokens of their own ("Pakistan",
//! "’s"; "would", "n't"), hyphens split words ("Iranian", "-", "backed") so
//! that compounds can be read part by part, and dotted acronyms ("U.S.")
//! and decimals ("3.5") stay whole.

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
    /// Lower case, with typographic apostrophes made ASCII.
    pub norm: String,
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

/// Tokenise `text`; offsets are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if is_negative_clitic(&chars, i) {
            j = i + 3;
            TokenKind::Word
        } else if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                let decimal = (d == '.' || d == ',')
                    && c.is_ascii_digit()
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_alphanumeric() || decimal {
                    j += 1;
                } else if d == '.'
                    && j - i == 1
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic())
                    && chars.get(j + 2).is_some_and(|n| n.1 == '.')
                {
                    j += 3;
                    while chars.get(j).is_some_and(|n| n.1.is_alphabetic())
                        && chars.get(j + 1).is_some_and(|n| n.1 == '.')
                    {
                        j += 2;
                    }
                    break;
                } else if is_negative_clitic(&chars, j - 1) {
                    j -= 1;
                    break;
                } else if is_apostrophe(d)
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic())
                    && !is_clitic(&chars, j)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if c.is_ascii_digit() && chars[i..j].iter().all(|(_, d)| !d.is_alphabetic()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            }
        } else if is_apostrophe(c)
            && chars.get(j).is_some_and(|n| n.1.is_alphabetic())
            && is_clitic(&chars, i)
        {
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            TokenKind::Word
        } else if c == '.' && chars.get(j).is_some_and(|n| n.1 == '.') {
            while j < chars.len() && chars[j].1 == '.' {
                j += 1;
            }
            TokenKind::Punct
        } else {
            TokenKind::Punct
        };
        let (s, e) = (start, byte_at(j));
        let raw = &text[s..e];
        let norm = if raw.is_ascii() {
            raw.to_ascii_lowercase()
        } else {
            raw.chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        tokens.push(Token {
            start: base + s,
            end: base + e,
            kind,
            norm,
        });
        i = j;
    }
    tokens
}

/// Whether "n't" starts at `at` (and ends the word).
fn is_negative_clitic(chars: &[(usize, char)], at: usize) -> bool {
    let ch = |k: usize| chars.get(k).map(|&(_, c)| c);
    matches!(ch(at), Some('n' | 'N'))
        && ch(at + 1).is_some_and(is_apostrophe)
        && matches!(ch(at + 2), Some('t' | 'T'))
        && !ch(at + 3).is_some_and(char::is_alphanumeric)
}

/// Whether the apostrophe at `at` starts a clitic: 's, 're, 've, 'll, 'd, 'm.
fn is_clitic(chars: &[(usize, char)], at: usize) -> bool {
    let mut rest = [' '; 3];
    let mut len = 0;
    for &(_, c) in chars[at + 1..].iter().take(3) {
        if !c.is_alphabetic() {
            break;
        }
        rest[len] = c.to_ascii_lowercase();
        len += 1;
    }
    matches!(
        &rest[..len],
        ['s'] | ['r', 'e'] | ['v', 'e'] | ['l', 'l'] | ['d'] | ['m']
    )
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
