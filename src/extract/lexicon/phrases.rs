//! Multi-word phrases looked up on tokens ("secretary of state", "crack down
//! on"): keys are the normalised token texts joined by spaces, so a phrase
//! matches exactly where the tokenizer cuts the text the same way.

use crate::text::tokens::{Token, tokenize};
use std::collections::HashMap;

/// Phrase -> value, with the longest phrase length for bounded lookups.
pub struct PhraseTable<T> {
    map: HashMap<String, T>,
    max_tokens: usize,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        Self {
            map: HashMap::new(),
            max_tokens: 0,
        }
    }
}

/// The table key of a phrase: its tokens' normal forms joined by spaces.
pub fn key(phrase: &str) -> (String, usize) {
    let tokens = tokenize(phrase, 0);
    let joined = tokens
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    (joined, tokens.len())
}

impl<T> PhraseTable<T> {
    /// Add a phrase; the first value given for a phrase is kept.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let (k, n) = key(phrase);
        if n == 0 {
            return;
        }
        self.max_tokens = self.max_tokens.max(n);
        self.map.entry(k).or_insert(value);
    }

    pub fn get(&self, phrase: &str) -> Option<&T> {
        self.map.get(&key(phrase).0)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The longest phrase that starts at token `at`: (its length in tokens,
    /// its value).
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(usize, &T)> {
        let available = tokens.len().saturating_sub(at).min(self.max_tokens);
        let mut key = String::new();
        let mut best = None;
        for n in 1..=available {
            if n > 1 {
                key.push(' ');
            }
            key.push_str(&tokens[at + n - 1].norm);
            if let Some(v) = self.map.get(&key) {
                best = Some((n, v));
            }
        }
        best
    }

    /// The longest phrase that ends just before token `end` (exclusive).
    pub fn longest_ending_at(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        let available = end.min(self.max_tokens);
        let mut best = None;
        for n in 1..=available {
            let key = tokens[end - n..end]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(v) = self.map.get(&key) {
                best = Some((n, v));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let mut table = PhraseTable::default();
        table.insert("secretary", 1);
        table.insert("Secretary of State", 2);
        let tokens = tokenize("US Secretary of State Marco Rubio", 0);
        assert_eq!(table.longest_at(&tokens, 1), Some((3, &2)));
        assert_eq!(table.longest_at(&tokens, 0), None);
        assert_eq!(table.longest_ending_at(&tokens, 4), Some((3, &2)));
        assert_eq!(table.get("secretary OF state"), Some(&2));
    }
}
