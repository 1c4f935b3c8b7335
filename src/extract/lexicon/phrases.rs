//! Multi-word phrases looked up on tokens ("secretary of state", "crack down
//! on"): a phrase is the normalised texts of its tokens, so it matches
//! exactly where the tokenizer cuts the text the same way.
//!
//! Lookups happen for nearly every token against several tables, so words
//! are interned once into a shared [`Vocab`] and tables compare word ids:
//! a sentence's tokens are mapped to ids once, and every lookup after that
//! is integer work with no hashing of strings and no allocation.

use crate::text::tokens::{Token, tokenize};
use rustc_hash::FxHashMap;

/// The id of a word no table knows: it matches nothing.
pub const UNKNOWN: u32 = 0;

/// Word -> id, for every word of every phrase table.
#[derive(Default)]
pub struct Vocab {
    ids: FxHashMap<String, u32>,
}

impl Vocab {
    fn intern(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32 + 1;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    /// The id of a normalised word, `UNKNOWN` when no table uses it.
    pub fn id(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// The ids of tokens.
    pub fn ids_of(&self, tokens: &[Token]) -> Vec<u32> {
        tokens.iter().map(|t| self.id(&t.norm)).collect()
    }
}

struct Entry {
    words: Box<[u32]>,
    value: usize,
}

/// Word id -> the phrases that start (or end) with it: a dense table, so
/// a lookup is one array index (most words start no phrase at all).
#[derive(Default)]
struct Index {
    slot: Vec<u32>,
    lists: Vec<Vec<Entry>>,
}

impl Index {
    fn get(&self, word: u32) -> Option<&[Entry]> {
        match self.slot.get(word as usize) {
            Some(&s) if s > 0 => Some(&self.lists[s as usize - 1]),
            _ => None,
        }
    }

    fn add(&mut self, word: u32, entry: Entry) {
        let w = word as usize;
        if self.slot.len() <= w {
            self.slot.resize(w + 1, 0);
        }
        if self.slot[w] == 0 {
            self.lists.push(Vec::new());
            self.slot[w] = self.lists.len() as u32;
        }
        let list = &mut self.lists[self.slot[w] as usize - 1];
        list.push(entry);
        // Longest first, so the first match is the longest.
        list.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
}

/// Phrase -> value.
pub struct PhraseTable<T> {
    by_first: Index,
    by_last: Index,
    values: Vec<T>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        Self {
            by_first: Index::default(),
            by_last: Index::default(),
            values: Vec::new(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Add a phrase; the first value given for a phrase is kept.
    pub fn insert(&mut self, vocab: &mut Vocab, phrase: &str, value: T) {
        let words: Vec<u32> = tokenize(phrase, 0)
            .iter()
            .map(|t| vocab.intern(&t.norm))
            .collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            return;
        };
        if self.find(&words).is_some() {
            return;
        }
        let index = self.values.len();
        self.values.push(value);
        let entry = || Entry {
            words: words.clone().into_boxed_slice(),
            value: index,
        };
        self.by_first.add(first, entry());
        self.by_last.add(last, entry());
    }

    fn find(&self, words: &[u32]) -> Option<&T> {
        let entries = self.by_first.get(*words.first()?)?;
        entries
            .iter()
            .find(|e| *e.words == *words)
            .map(|e| &self.values[e.value])
    }

    /// The value of a phrase given as text.
    pub fn get(&self, vocab: &Vocab, phrase: &str) -> Option<&T> {
        let tokens = tokenize(phrase, 0);
        self.find(&vocab.ids_of(&tokens))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The longest phrase that starts at word `at` of `words` (ids from the
    /// same vocabulary): (its length in words, its value).
    pub fn longest_at(&self, words: &[u32], at: usize) -> Option<(usize, &T)> {
        let first = *words.get(at)?;
        if first == UNKNOWN {
            return None;
        }
        let entries = self.by_first.get(first)?;
        entries.iter().find_map(|e| {
            let n = e.words.len();
            let window = words.get(at..at + n)?;
            (*e.words == *window).then(|| (n, &self.values[e.value]))
        })
    }

    /// The longest phrase that ends just before word `end` (exclusive).
    pub fn longest_ending_at(&self, words: &[u32], end: usize) -> Option<(usize, &T)> {
        let last = *words.get(end.checked_sub(1)?)?;
        if last == UNKNOWN {
            return None;
        }
        let entries = self.by_last.get(last)?;
        entries.iter().find_map(|e| {
            let n = e.words.len();
            let window = words.get(end.checked_sub(n)?..end)?;
            (*e.words == *window).then(|| (n, &self.values[e.value]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let mut vocab = Vocab::default();
        let mut table = PhraseTable::default();
        table.insert(&mut vocab, "secretary", 1);
        table.insert(&mut vocab, "Secretary of State", 2);
        table.insert(&mut vocab, "secretary", 3);
        assert_eq!(table.len(), 2);
        let words = vocab.ids_of(&tokenize("US Secretary of State Marco Rubio", 0));
        assert_eq!(table.longest_at(&words, 1), Some((3, &2)));
        assert_eq!(table.longest_at(&words, 0), None);
        assert_eq!(table.longest_ending_at(&words, 4), Some((3, &2)));
        assert_eq!(table.longest_ending_at(&words, 2), Some((1, &1)));
        assert_eq!(table.longest_ending_at(&words, 0), None);
        assert_eq!(table.get(&vocab, "secretary OF state"), Some(&2));
        let short = vocab.ids_of(&tokenize("secretary of", 0));
        assert_eq!(table.longest_at(&short, 0), Some((1, &1)));
    }
}
