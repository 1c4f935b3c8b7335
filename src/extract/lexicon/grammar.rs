//! Closed-class words and verb classes for the shallow parser, from
//! `assets/grammar/`.

use super::phrases::{PhraseTable, Vocab};
use super::tsv;
use super::word_sets::WordSets;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a reporting verb frames what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportClass {
    Say,
    Allege,
}

/// What a subordinate clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubordinateKind {
    Adverbial,
    Conditional,
}

/// Classes of function words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Determiner,
    Auxiliary,
    Conjunction,
    Relative,
    Negation,
    Pronoun(PronounKind),
}

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    He,
    She,
    It,
    They,
    We,
}

pub struct Grammar {
    /// Small closed word sets the patterns test (word_sets.tsv).
    pub sets: WordSets,
    pub reporting: PhraseTable<ReportClass>,
    pub light_verbs: PhraseTable<()>,
    pub object_control: PhraseTable<()>,
    /// Object-control verbs that appeal ("urged X to resume talks").
    pub appeals: PhraseTable<()>,
    /// Verbs of ceasing ("called on X to withdraw").
    pub stop_verbs: HashSet<String>,
    pub communication: PhraseTable<()>,
    pub labelling: PhraseTable<()>,
    pub subordinators: PhraseTable<SubordinateKind>,
    pub comitatives: PhraseTable<()>,
    pub prepositions: HashSet<String>,
    pub speech_nouns: HashSet<String>,
    pub action_nouns: HashSet<String>,
    pub partitives: HashSet<String>,
    pub number_words: HashSet<String>,
    /// "the status of X": X is what the phrase is about.
    pub stand_in_nouns: HashSet<String>,
    pub function_words: HashMap<String, WordClass>,
}

macro_rules! asset {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../assets/grammar/", $name)),
        )
    };
}

fn table(vocab: &mut Vocab, (_, text): (&str, &str)) -> PhraseTable<()> {
    let mut t = PhraseTable::default();
    for w in tsv::words(text) {
        t.insert(vocab, w, ());
    }
    t
}

fn set((_, text): (&str, &str)) -> HashSet<String> {
    tsv::words(text).map(str::to_lowercase).collect()
}

impl Grammar {
    pub fn bundled(vocab: &mut Vocab) -> Result<Grammar, String> {
        let (name, text) = asset!("reporting_verbs.tsv");
        let mut reporting = PhraseTable::default();
        for row in tsv::rows(name, text, 2)? {
            let class = match row.field(1) {
                "say" => ReportClass::Say,
                "allege" => ReportClass::Allege,
                other => return Err(format!("{name}:{}: unknown class {other:?}", row.line)),
            };
            reporting.insert(vocab, row.field(0), class);
        }
        let (name, text) = asset!("subordinators.tsv");
        let mut subordinators = PhraseTable::default();
        for row in tsv::rows(name, text, 2)? {
            let kind = match row.field(1) {
                "adverbial" => SubordinateKind::Adverbial,
                "conditional" => SubordinateKind::Conditional,
                other => return Err(format!("{name}:{}: unknown kind {other:?}", row.line)),
            };
            subordinators.insert(vocab, row.field(0), kind);
        }
        let (name, text) = asset!("function_words.tsv");
        let mut function_words = HashMap::default();
        for row in tsv::rows(name, text, 2)? {
            let class = match row.field(1) {
                "det" => WordClass::Determiner,
                "aux" => WordClass::Auxiliary,
                "conj" => WordClass::Conjunction,
                "rel" => WordClass::Relative,
                "neg" => WordClass::Negation,
                "pron-he" => WordClass::Pronoun(PronounKind::He),
                "pron-she" => WordClass::Pronoun(PronounKind::She),
                "pron-it" => WordClass::Pronoun(PronounKind::It),
                "pron-they" => WordClass::Pronoun(PronounKind::They),
                "pron-we" => WordClass::Pronoun(PronounKind::We),
                other => return Err(format!("{name}:{}: unknown class {other:?}", row.line)),
            };
            function_words
                .entry(row.field(0).to_lowercase())
                .or_insert(class);
        }
        Ok(Grammar {
            sets: WordSets::bundled()?,
            reporting,
            light_verbs: table(vocab, asset!("light_verbs.txt")),
            object_control: table(vocab, asset!("object_control_verbs.txt")),
            appeals: table(vocab, asset!("appeal_verbs.txt")),
            stop_verbs: set(asset!("stop_verbs.txt")),
            communication: table(vocab, asset!("communication_verbs.txt")),
            labelling: table(vocab, asset!("labelling_verbs.txt")),
            subordinators,
            comitatives: table(vocab, asset!("comitatives.txt")),
            prepositions: set(asset!("prepositions.txt")),
            speech_nouns: set(asset!("speech_nouns.txt")),
            action_nouns: set(asset!("action_nouns.txt")),
            partitives: set(asset!("partitives.txt")),
            number_words: set(asset!("number_words.txt")),
            stand_in_nouns: set(asset!("stand_in_nouns.txt")),
            function_words,
        })
    }

    pub fn class(&self, norm: &str) -> Option<WordClass> {
        self.function_words.get(norm).copied()
    }

    pub fn is_preposition(&self, norm: &str) -> bool {
        self.prepositions.contains(norm)
    }

    /// Whether the word before "of" at `of` makes its actor the argument:
    /// "the status of South Ossetia was recognised".
    pub fn stands_in(&self, before_of: &str) -> bool {
        self.stand_in_nouns.contains(before_of)
    }
}
