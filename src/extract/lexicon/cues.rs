//! Stance cues from `assets/cues/`: verbs, nouns, predicates, label nouns,
//! hyphenated compounds, and the modality words that qualify them.

use super::phrases::{PhraseTable, Vocab};
use super::tsv;
use super::user::{UserCue, UserLexicon};
use super::word_sets::{WordSet, WordSets};
use crate::model::Stance;
use rustc_hash::FxHashMap as HashMap;

/// What part of speech a cue is, which decides how its arguments are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CuePos {
    Verb,
    Noun,
    Predicate,
}

/// How a cue's source and target are arranged around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject acts on object.
    Transitive,
    /// A cooperative or neutral interaction: mutual when the parties are
    /// conjoined or "between" them, else from the agent to the "with" party.
    Joint,
    /// Reciprocal hostility: both directions.
    Mutual,
    /// The target is the subject; the source comes after from/by.
    Reverse,
    /// The subject is the target; the source is whoever says it.
    Undergoer,
    /// A charge against the subject: the speaker is the source.
    Report,
}

/// Where a verb's target can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectMode {
    Direct,
    Prep,
    None,
}

/// Which inflection of a verb matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    Third,
    Past,
    Participle,
    Gerund,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub stance: Stance,
    pub pos: CuePos,
    pub frame: Frame,
    pub object: ObjectMode,
    /// Prepositions that introduce the target.
    pub preps: Vec<String>,
    /// Prepositions that introduce the agent (nouns).
    pub agent_preps: Vec<String>,
    /// The stance the cue states when negated ("does not recognise" =
    /// oppose); `None`: a negated cue states nothing.
    pub negated: Option<Stance>,
    /// A second stance the cue states with the first ("sue": oppose and
    /// accuse), written "oppose+accuse" in the cue files.
    pub also: Option<Stance>,
}

/// A matched form: which cue, and for verbs which inflection.
#[derive(Debug, Clone, Copy)]
pub struct CueForm {
    pub cue: usize,
    pub form: Option<VerbForm>,
}

/// What a modality word does to a cue after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModalClass {
    Negation,
    Threat,
    Hedge,
    Conditional,
    Nonfactual,
    Allegation,
}

pub struct CueLexicon {
    pub cues: Vec<Cue>,
    pub forms: PhraseTable<Vec<CueForm>>,
    /// "X-backed Y": suffix -> stance from X to Y.
    pub compounds: HashMap<String, Stance>,
    /// "a puppet of Y": label noun -> stance toward Y.
    pub labels: HashMap<String, Stance>,
    pub modality: PhraseTable<ModalClass>,
    /// Passive participles of acts the state does when no agent is named
    /// ("was sentenced"), with the stances they state.
    pub state_acts: HashMap<String, Vec<Stance>>,
    /// Phrases of a labour strike ("went on strike", "walkout").
    pub strikes: PhraseTable<()>,
}

macro_rules! asset {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../assets/cues/", $name)))
    };
}

fn stance(name: &str, line: usize, s: &str) -> Result<Stance, String> {
    Stance::parse(s).ok_or_else(|| format!("{name}:{line}: unknown stance {s:?}"))
}

/// A cue's stance field: one stance, or two joined by '+'.
fn stances(name: &str, line: usize, s: &str) -> Result<(Stance, Option<Stance>), String> {
    match s.split_once('+') {
        Some((first, second)) => Ok((
            stance(name, line, first)?,
            Some(stance(name, line, second)?),
        )),
        None => Ok((stance(name, line, s)?, None)),
    }
}

fn frame(name: &str, line: usize, s: &str) -> Result<Frame, String> {
    Ok(match s {
        "transitive" => Frame::Transitive,
        "joint" => Frame::Joint,
        "mutual" => Frame::Mutual,
        "reverse" => Frame::Reverse,
        "undergoer" => Frame::Undergoer,
        "report" => Frame::Report,
        other => return Err(format!("{name}:{line}: unknown frame {other:?}")),
    })
}

impl CueLexicon {
    /// The bundled cues with the cues of a user lexicon, which win over
    /// bundled cues of the same words.
    pub fn with_user(vocab: &mut Vocab, user: &UserLexicon) -> Result<CueLexicon, String> {
        let mut lex = CueLexicon {
            cues: Vec::new(),
            forms: PhraseTable::default(),
            compounds: HashMap::default(),
            labels: HashMap::default(),
            modality: PhraseTable::default(),
            state_acts: HashMap::default(),
            strikes: PhraseTable::default(),
        };
        let mut forms: HashMap<String, Vec<CueForm>> = HashMap::default();

        let (neg_name, neg_text) = asset!("negations.tsv");
        let mut negations: HashMap<&str, (Stance, usize, bool)> = HashMap::default();
        for row in tsv::rows(neg_name, neg_text, 2)? {
            let s = stance(neg_name, row.line, row.field(1))?;
            negations.insert(row.field(0), (s, row.line, false));
        }

        let (name, text) = asset!("verbs.tsv");
        lex.read_verbs(name, text, &mut forms, &mut negations, false)?;

        if let Some((base, (_, line, _))) = negations.iter().find(|(_, (_, _, used))| !used) {
            return Err(format!(
                "{neg_name}:{line}: {base:?} is not a verb in verbs.tsv"
            ));
        }

        let (name, text) = asset!("nouns.tsv");
        for row in tsv::rows(name, text, 3)? {
            let cue = lex.cues.len();
            let (first, also) = stances(name, row.line, row.field(0))?;
            lex.cues.push(Cue {
                stance: first,
                also,
                pos: CuePos::Noun,
                frame: frame(name, row.line, row.field(2))?,
                object: ObjectMode::Prep,
                preps: row.list(3).map(str::to_lowercase).collect(),
                agent_preps: row.list(4).map(str::to_lowercase).collect(),
                negated: None,
            });
            for form in row.list(1) {
                forms
                    .entry(form.to_lowercase())
                    .or_default()
                    .push(CueForm { cue, form: None });
            }
        }

        let (name, text) = asset!("predicates.tsv");
        for row in tsv::rows(name, text, 2)? {
            let cue = lex.cues.len();
            let (first, also) = stances(name, row.line, row.field(0))?;
            lex.cues.push(Cue {
                stance: first,
                also,
                pos: CuePos::Predicate,
                frame: Frame::Report,
                object: ObjectMode::None,
                preps: Vec::new(),
                agent_preps: Vec::new(),
                negated: None,
            });
            for form in row.list(1) {
                forms
                    .entry(form.to_lowercase())
                    .or_default()
                    .push(CueForm { cue, form: None });
            }
        }
        // Derived from CAMEO for breadth; a form verbs.tsv has keeps its
        // hand-written reading, and nouns.tsv its
        // noun.
        let (name, text) = asset!("cameo_verbs.tsv");
        lex.read_verbs(name, text, &mut forms, &mut negations, true)?;

        let (name, text) = asset!("state_acts.tsv");
        for row in tsv::rows(name, text, 2)? {
            let stances = row
                .list(1)
                .map(|st| stance(name, row.line, st))
                .collect::<Result<Vec<_>, _>>()?;
            lex.state_acts.insert(row.field(0).to_lowercase(), stances);
        }
        let (name, text) = asset!("strikes.txt");
        for phrase in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            if phrase.contains('\t') {
                return Err(format!("{name}: one phrase per line"));
            }
            lex.strikes.insert(vocab, phrase, ());
        }
        let sets = WordSets::bundled()?;
        let targets = sets.words(WordSet::TargetPrepositions);
        for (_, cue) in user.cues() {
            lex.add_user_cue(&mut forms, cue, targets);
        }
        for (form, entries) in forms {
            lex.forms.insert(vocab, &form, entries);
        }

        let (name, text) = asset!("labels.tsv");
        for row in tsv::rows(name, text, 2)? {
            let s = stance(name, row.line, row.field(0))?;
            for form in row.list(1) {
                lex.labels.insert(form.to_lowercase(), s);
            }
        }
        let (name, text) = asset!("compounds.tsv");
        for row in tsv::rows(name, text, 2)? {
            let s = stance(name, row.line, row.field(0))?;
            lex.compounds.insert(row.field(1).to_lowercase(), s);
        }
        let (name, text) = asset!("modality.tsv");
        for row in tsv::rows(name, text, 2)? {
            let class = match row.field(1) {
                "negation" => ModalClass::Negation,
                "threat" => ModalClass::Threat,
                "hedge" => ModalClass::Hedge,
                "conditional" => ModalClass::Conditional,
                "nonfactual" => ModalClass::Nonfactual,
                "allegation" => ModalClass::Allegation,
                other => return Err(format!("{name}:{}: unknown class {other:?}", row.line)),
            };
            for phrase in row.list(0) {
                lex.modality.insert(vocab, phrase, class);
            }
        }
        Ok(lex)
    }

    /// Read a table of verbs (verbs.tsv's columns). With `skip_known`, a
    /// row whose base form is already a verb cue is left out.
    fn read_verbs<'a>(
        &mut self,
        name: &str,
        text: &'a str,
        forms: &mut HashMap<String, Vec<CueForm>>,
        negations: &mut HashMap<&'a str, (Stance, usize, bool)>,
        skip_known: bool,
    ) -> Result<(), String> {
        for row in tsv::rows(name, text, 3)? {
            let inflections: Vec<&str> = row.list(1).collect();
            if inflections.len() != 5 {
                return Err(format!("{name}:{}: a verb needs exactly 5 forms", row.line));
            }
            let known = |form: &str| {
                forms.get(&form.to_lowercase()).is_some_and(|entries| {
                    entries.iter().any(|f| self.cues[f.cue].pos == CuePos::Verb)
                })
            };
            // Derived rows yield to hand-written verbs, and to nouns for
            // their plural-looking forms ("skirmishes", "clashes").
            let noun = |form: &str| {
                forms.get(&form.to_lowercase()).is_some_and(|entries| {
                    entries.iter().any(|f| self.cues[f.cue].pos == CuePos::Noun)
                })
            };
            if skip_known && (known(inflections[0]) || inflections.iter().any(|f| noun(f))) {
                continue;
            }
            let object = match row.field(3) {
                "direct" | "" => ObjectMode::Direct,
                "prep" => ObjectMode::Prep,
                "none" => ObjectMode::None,
                other => return Err(format!("{name}:{}: unknown object {other:?}", row.line)),
            };
            let negated = negations.get_mut(inflections[0]).map(|(s, _, used)| {
                *used = true;
                *s
            });
            let cue = self.cues.len();
            let (first, also) = stances(name, row.line, row.field(0))?;
            self.cues.push(Cue {
                stance: first,
                also,
                pos: CuePos::Verb,
                frame: frame(name, row.line, row.field(2))?,
                object,
                preps: row.list(4).map(str::to_lowercase).collect(),
                agent_preps: Vec::new(),
                negated,
            });
            let slots = [
                VerbForm::Base,
                VerbForm::Third,
                VerbForm::Past,
                VerbForm::Participle,
                VerbForm::Gerund,
            ];
            for (form, slot) in inflections.into_iter().zip(slots) {
                let entry = forms.entry(form.to_lowercase()).or_default();
                // "attacked" is both past and participle: keep one entry per
                // cue, preferring the participle so passives are recognised.
                if let Some(existing) = entry.iter_mut().find(|f| f.cue == cue) {
                    if slot == VerbForm::Participle {
                        existing.form = Some(slot);
                    }
                } else {
                    entry.push(CueForm {
                        cue,
                        form: Some(slot),
                    });
                }
            }
        }
        Ok(())
    }

    /// A taught verb phrase: a final preposition introduces the target,
    /// else the target is its direct object or follows any preposition of
    /// `targets` (word_sets.tsv); one form is read as a finite verb, five as
    /// the verb's inflections.
    fn add_user_cue(
        &mut self,
        forms: &mut HashMap<String, Vec<CueForm>>,
        cue: &UserCue,
        targets: &[String],
    ) {
        let mut preps: Vec<String> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for form in &cue.forms {
            let form = form.to_lowercase();
            let (head, prep) = match form.rsplit_once(' ') {
                Some((head, last)) if targets.iter().any(|t| t == last) => {
                    (head.to_string(), Some(last.to_string()))
                }
                _ => (form.clone(), None),
            };
            preps.extend(prep.filter(|p| !preps.contains(p)));
            words.push(head);
        }
        // A cue taught from evidence has lost its preposition ("gave a
        // nod"): the target may follow directly or after any of them.
        if preps.is_empty() {
            preps = targets.to_vec();
        }
        let index = self.cues.len();
        self.cues.push(Cue {
            stance: cue.stance,
            also: None,
            pos: CuePos::Verb,
            frame: Frame::Transitive,
            object: ObjectMode::Direct,
            preps,
            agent_preps: Vec::new(),
            negated: None,
        });
        let slots: &[VerbForm] = if words.len() == 5 {
            &[
                VerbForm::Base,
                VerbForm::Third,
                VerbForm::Past,
                VerbForm::Participle,
                VerbForm::Gerund,
            ]
        } else {
            &[VerbForm::Past]
        };
        for (form, &slot) in words.into_iter().zip(slots) {
            // The user's reading replaces the bundled one of the same words.
            forms.insert(
                form,
                vec![CueForm {
                    cue: index,
                    form: Some(slot),
                }],
            );
        }
    }

    /// How many distinct cue forms (all inflections) the lexicon knows.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }
}
