//! Multi-word phrases looked up on tokens ("secretary of state", "crack down
//! on"): a phrase is the normalised texts of its tokens, so it matches
//! exactly where the tokenizer cuts the text the same way.
//!
//! Lookups happen for nearly every token against several tables, so they
//! are indexed by first and by last word (one hash per lookup, no
//! allocation) with rustc-hash's fast hasher.

use crate::text::tokens::{Token, tokenize};
use rustc_hash::FxHashMap;

struct Entry {
    words: Box<[String]>,
    value: usize,
}

/// Phrase -> value.
pub struct PhraseTable<T> {
    by_first: FxHashMap<String, Vec<Entry>>,
    by_last: FxHashMap<String, Vec<Entry>>,
    values: Vec<T>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        Self {
            by_first: FxHashMap::default(),
            by_last: FxHashMap::default(),
            values: Vec::new(),
        }
    }
}

fn words_of(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0).into_iter().map(|t| t.norm).collect()
}

fn matches(words: &[String], tokens: &[Token]) -> bool {
    words.len() == tokens.len() && words.iter().zip(tokens).all(|(w, t)| *w == t.norm)
}

impl<T> PhraseTable<T> {
    /// Add a phrase; the first value given for a phrase is kept.
    pub fn insert(&mut self, phrase: &str, value: T) {
        let words = words_of(phrase);
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        if self.find(&words).is_some() {
            return;
        }
        let index = self.values.len();
        self.values.push(value);
        for (key, map) in [(first, &mut self.by_first), (last, &mut self.by_last)] {
            let entries = map.entry(key).or_default();
            entries.push(Entry {
                words: words.clone().into_boxed_slice(),
                value: index,
            });
            // Longest first, so the first match is the longest.
            entries.sort_by(|a, b| b.words.len().cmp(&a.words.len()));
        }
    }

    fn find(&self, words: &[String]) -> Option<&T> {
        let entries = self.by_first.get(words.first()?)?;
        entries
            .iter()
            .find(|e| *e.words == *words)
            .map(|e| &self.values[e.value])
    }

    pub fn get(&self, phrase: &str) -> Option<&T> {
        self.find(&words_of(phrase))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The longest phrase that starts at token `at`: (its length in tokens,
    /// its value).
    pub fn longest_at(&self, tokens: &[Token], at: usize) -> Option<(usize, &T)> {
        let entries = self.by_first.get(tokens.get(at)?.norm.as_str())?;
        entries.iter().find_map(|e| {
            let n = e.words.len();
            let window = tokens.get(at..at + n)?;
            matches(&e.words, window).then(|| (n, &self.values[e.value]))
        })
    }

    /// The longest phrase that ends just before token `end` (exclusive).
    pub fn longest_ending_at(&self, tokens: &[Token], end: usize) -> Option<(usize, &T)> {
        let last = tokens.get(end.checked_sub(1)?)?;
        let entries = self.by_last.get(last.norm.as_str())?;
        entries.iter().find_map(|e| {
            let n = e.words.len();
            let window = tokens.get(end.checked_sub(n)?..end)?;
            matches(&e.words, window).then(|| (n, &self.values[e.value]))
        })
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
        table.insert("secretary", 3);
        assert_eq!(table.len(), 2);
        let tokens = tokenize("US Secretary of State Marco Rubio", 0);
        assert_eq!(table.longest_at(&tokens, 1), Some((3, &2)));
        assert_eq!(table.longest_at(&tokens, 0), None);
        assert_eq!(table.longest_ending_at(&tokens, 4), Some((3, &2)));
        assert_eq!(table.longest_ending_at(&tokens, 2), Some((1, &1)));
        assert_eq!(table.longest_ending_at(&tokens, 0), None);
        assert_eq!(table.get("secretary OF state"), Some(&2));
        let short = tokenize("secretary of", 0);
        assert_eq!(table.longest_at(&short, 0), Some((1, &1)));
    }
}
