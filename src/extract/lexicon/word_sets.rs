//! Small closed sets of words that the extractor's patterns test
//! (`assets/grammar/word_sets.tsv`): the words live in data, the code names
//! the set it needs.

use super::tsv;
use rustc_hash::{FxHashMap, FxHashSet};

/// A set of words one pattern tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordSet {
    Honorifics,
    NonstateMarkers,
    PluralNames,
    NounPhraseChain,
    PassiveAux,
    Proposing,
    TimeWords,
    FutureAux,
    TargetPrepositions,
    PlacePrepositions,
    PlaceHeads,
}

impl WordSet {
    const ALL: [WordSet; 11] = [
        WordSet::Honorifics,
        WordSet::NonstateMarkers,
        WordSet::PluralNames,
        WordSet::NounPhraseChain,
        WordSet::PassiveAux,
        WordSet::Proposing,
        WordSet::TimeWords,
        WordSet::FutureAux,
        WordSet::TargetPrepositions,
        WordSet::PlacePrepositions,
        WordSet::PlaceHeads,
    ];

    /// The set's name in the data file.
    pub fn name(self) -> &'static str {
        match self {
            WordSet::Honorifics => "honorifics",
            WordSet::NonstateMarkers => "nonstate_markers",
            WordSet::PluralNames => "plural_names",
            WordSet::NounPhraseChain => "noun_phrase_chain",
            WordSet::PassiveAux => "passive_aux",
            WordSet::Proposing => "proposing",
            WordSet::TimeWords => "time_words",
            WordSet::FutureAux => "future_aux",
            WordSet::TargetPrepositions => "target_prepositions",
            WordSet::PlacePrepositions => "place_prepositions",
            WordSet::PlaceHeads => "place_heads",
        }
    }
}

#[derive(Debug, Default)]
pub struct WordSets {
    sets: FxHashMap<WordSet, FxHashSet<String>>,
    /// Each set's words in file order, for callers that list them.
    ordered: FxHashMap<WordSet, Vec<String>>,
}

impl WordSets {
    pub fn bundled() -> Result<WordSets, String> {
        WordSets::parse(
            "word_sets.tsv",
            include_str!("../../../assets/grammar/word_sets.tsv"),
        )
    }

    /// Read the sets; every set the code names must be there.
    pub fn parse(name: &str, text: &str) -> Result<WordSets, String> {
        let mut out = WordSets::default();
        for row in tsv::rows(name, text, 2)? {
            let Some(set) = WordSet::ALL.into_iter().find(|s| s.name() == row.field(0)) else {
                return Err(format!(
                    "{name}:{}: unknown set {:?}",
                    row.line,
                    row.field(0)
                ));
            };
            let words: Vec<String> = row.list(1).map(str::to_lowercase).collect();
            out.sets.insert(set, words.iter().cloned().collect());
            out.ordered.insert(set, words);
        }
        match WordSet::ALL.into_iter().find(|s| !out.sets.contains_key(s)) {
            Some(missing) => Err(format!("{name}: no set {:?}", missing.name())),
            None => Ok(out),
        }
    }

    /// Whether `word` (lower case) is in `set`.
    pub fn has(&self, set: WordSet, word: &str) -> bool {
        self.sets.get(&set).is_some_and(|s| s.contains(word))
    }

    /// The words of `set`, in file order.
    pub fn words(&self, set: WordSet) -> &[String] {
        self.ordered.get(&set).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_set_is_in_the_bundled_file() {
        let sets = WordSets::bundled().unwrap();
        assert!(sets.has(WordSet::PassiveAux, "was"));
        assert!(!sets.has(WordSet::PassiveAux, "had"));
        assert_eq!(sets.words(WordSet::FutureAux)[0], "will");
    }

    #[test]
    fn a_missing_or_unknown_set_is_an_error() {
        assert!(WordSets::parse("t", "honorifics\tmr\n").is_err());
        assert!(WordSets::parse("t", "colours\tred\n").is_err());
    }
}
