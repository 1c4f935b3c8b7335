//! The actor lexicon from `assets/lexicon/`: countries (with their names,
//! demonyms and capitals), de facto governments, organisations, armed groups,
//! media, the people who speak for them, state organs, ship prefixes, titles,
//! institution nouns and the descriptions that refer back to actors.
//!
//! Surface forms are found with one Aho-Corasick automaton over the text
//! (ASCII case-insensitive, overlapping), then filtered: a form must sit on
//! word boundaries, and every upper-case letter of the form must be upper
//! case in the text ("US" does not match "us"; "the group" matches "The
//! Group"). Of the surviving candidates the leftmost-longest are kept, so
//! "Tehreek-e-Taliban Pakistan" is one actor and "India Today" a newspaper.

use super::phrases::{PhraseTable, Vocab};
use super::tsv;
use super::user::UserLexicon;
use crate::model::{EntityKind, slug};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Listed among the companies (companies.tsv): "the company" and "the
    /// employer" can refer to it though its name has no head word.
    pub company: bool,
}

/// A person who speaks for an actor (or leads an armed group).
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub actor: Option<usize>,
    pub role: String,
    /// The class of `role` when it is a known title.
    pub title: Option<TitleClass>,
}

/// How a surface form names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    Name,
    Capital,
    Demonym,
    Metonym,
    Person(usize),
    /// A place that contains an actor's name ("South China Sea"): it only
    /// blocks the shorter form.
    Place,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasTarget {
    /// Index into `actors`; for a person whose actor is unknown, `None`.
    pub actor: Option<usize>,
    pub kind: AliasKind,
}

/// Classes of titles, for "the president" / "the head of state" lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleClass {
    HeadOfState,
    HeadOfGovernment,
    Minister,
    Official,
    Military,
    Spokesperson,
    Diplomat,
    Royal,
    Leader,
}

impl TitleClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "head_of_state" => Self::HeadOfState,
            "head_of_government" => Self::HeadOfGovernment,
            "minister" => Self::Minister,
            "official" => Self::Official,
            "military" => Self::Military,
            "spokesperson" => Self::Spokesperson,
            "diplomat" => Self::Diplomat,
            "royal" => Self::Royal,
            "leader" => Self::Leader,
            _ => return None,
        })
    }
}

/// Whether a noun after a nationality makes the phrase the state itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstitutionClass {
    State,
    People,
    /// A non-state group of that nationality ("Syrian rebels").
    Group,
}

/// What a definite description can refer back to.
#[derive(Debug, Clone, PartialEq)]
pub struct Description {
    pub kinds: Vec<EntityKind>,
    pub role: Option<TitleClass>,
    /// "the two countries": the last two distinct actors.
    pub two: bool,
    /// For descriptions that fit one particular actor ("the junta"): the
    /// head word, so a repeated description keeps its earlier referent.
    pub sticky_head: Option<String>,
    /// The description's last word ("union" in "the union"): an
    /// organisation head word refers back to the last one of its class.
    pub head: String,
}

/// One surface form found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AliasMatch {
    pub start: usize,
    pub end: usize,
    pub target: AliasTarget,
}

pub struct ActorLexicon {
    pub actors: Vec<Actor>,
    pub persons: Vec<Person>,
    index: HashMap<String, usize>,
    patterns: Vec<String>,
    targets: Vec<AliasTarget>,
    matcher: AhoCorasick,
    /// First words of the forms that start in lower case ("the Kremlin"):
    /// with capitalised words and digits, the only places a form can start.
    lowercase_starts: rustc_hash::FxHashSet<String>,
    pub ship_prefixes: HashMap<String, usize>,
    pub titles: PhraseTable<TitleClass>,
    pub institutions: PhraseTable<InstitutionClass>,
    pub descriptions: PhraseTable<Description>,
    /// Capitalised words that never name an actor alone (not_names.txt).
    pub not_names: rustc_hash::FxHashSet<String>,
}

macro_rules! asset {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../assets/lexicon/", $name)),
        )
    };
}

fn kind(name: &str, line: usize, s: &str) -> Result<EntityKind, String> {
    EntityKind::parse(s).ok_or_else(|| format!("{name}:{line}: unknown kind {s:?}"))
}

/// Collects actors and alias patterns while the files are read.
#[derive(Default)]
struct Builder {
    actors: Vec<Actor>,
    index: HashMap<String, usize>,
    persons: Vec<Person>,
    aliases: Vec<(String, AliasTarget)>,
}

impl Builder {
    fn actor(
        &mut self,
        file: &str,
        line: usize,
        id: &str,
        name: &str,
        kind: EntityKind,
    ) -> Result<usize, String> {
        if id != slug(id) {
            return Err(format!("{file}:{line}: id {id:?} is not a slug"));
        }
        if self.index.contains_key(id) {
            return Err(format!("{file}:{line}: id {id:?} is defined twice"));
        }
        let i = self.actors.len();
        self.actors.push(Actor {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            company: file == "companies.tsv",
        });
        self.index.insert(id.to_string(), i);
        Ok(i)
    }

    fn alias(&mut self, form: &str, actor: Option<usize>, kind: AliasKind) {
        let form = form.trim();
        if !form.is_empty() {
            self.aliases
                .push((form.to_string(), AliasTarget { actor, kind }));
        }
    }

    fn lookup(&self, file: &str, line: usize, id: &str) -> Result<usize, String> {
        self.index
            .get(id)
            .copied()
            .ok_or_else(|| format!("{file}:{line}: unknown actor id {id:?}"))
    }
}

impl ActorLexicon {
    /// The bundled lexicon with the aliases (and actors) of a user lexicon
    /// which win over bundled forms.
    pub fn with_user(vocab: &mut Vocab, user: &UserLexicon) -> Result<ActorLexicon, String> {
        let mut b = Builder::default();

        // Governments first: their redirects take over countries' forms.
        let (name, text) = asset!("governments.tsv");
        let mut redirects: HashMap<String, usize> = HashMap::default();
        for row in tsv::rows(name, text, 3)? {
            let k = kind(name, row.line, row.field(2))?;
            let i = b.actor(name, row.line, row.field(0), row.field(1), k)?;
            b.alias(row.field(1), Some(i), AliasKind::Name);
            for alias in row.list(3) {
                b.alias(alias, Some(i), AliasKind::Name);
            }
            for country in row.list(4) {
                redirects.insert(country.to_string(), i);
            }
        }

        let (name, text) = asset!("countries.tsv");
        for row in tsv::rows(name, text, 2)? {
            let id = row.field(0);
            let i = match redirects.get(id) {
                Some(&government) => {
                    // Still reserve the id, so nothing else can take it.
                    b.index.insert(id.to_string(), government);
                    government
                }
                None => b.actor(name, row.line, id, row.field(1), EntityKind::Country)?,
            };
            b.alias(row.field(1), Some(i), AliasKind::Name);
            for alias in row.list(2) {
                b.alias(alias, Some(i), AliasKind::Name);
            }
            for demonym in row.list(3) {
                b.alias(demonym, Some(i), AliasKind::Demonym);
            }
            for capital in row.list(4) {
                b.alias(capital, Some(i), AliasKind::Capital);
            }
        }

        for (name, text) in [
            asset!("organisations.tsv"),
            asset!("companies.tsv"),
            asset!("bodies.tsv"),
            asset!("armed_groups.tsv"),
            asset!("media.tsv"),
        ] {
            for row in tsv::rows(name, text, 3)? {
                let k = kind(name, row.line, row.field(2))?;
                let i = b.actor(name, row.line, row.field(0), row.field(1), k)?;
                b.alias(row.field(1), Some(i), AliasKind::Name);
                for alias in row.list(3) {
                    b.alias(alias, Some(i), AliasKind::Name);
                }
            }
        }

        let (name, text) = asset!("metonyms.tsv");
        for row in tsv::rows(name, text, 2)? {
            let i = b.lookup(name, row.line, row.field(1))?;
            b.alias(row.field(0), Some(i), AliasKind::Metonym);
        }

        let (name, text) = asset!("people.tsv");
        for row in tsv::rows(name, text, 3)? {
            let actor = match row.field(2) {
                "" => None,
                id => Some(b.lookup(name, row.line, id)?),
            };
            let p = b.persons.len();
            b.persons.push(Person {
                name: row.field(0).to_string(),
                actor,
                role: row.field(3).to_lowercase(),
                title: None,
            });
            b.alias(row.field(0), actor, AliasKind::Person(p));
            for alias in row.list(1) {
                b.alias(alias, actor, AliasKind::Person(p));
            }
        }

        let (_, text) = asset!("places.tsv");
        for form in tsv::words(text) {
            b.alias(form, None, AliasKind::Place);
        }

        let (name, text) = asset!("ship_prefixes.tsv");
        let mut ship_prefixes = HashMap::default();
        for row in tsv::rows(name, text, 2)? {
            let i = b.lookup(name, row.line, row.field(1))?;
            ship_prefixes.insert(row.field(0).to_string(), i);
        }

        let (name, text) = asset!("titles.tsv");
        let mut titles = PhraseTable::default();
        for row in tsv::rows(name, text, 2)? {
            let class = TitleClass::parse(row.field(1))
                .ok_or_else(|| format!("{name}:{}: unknown class {:?}", row.line, row.field(1)))?;
            titles.insert(vocab, row.field(0), class);
            titles.insert(vocab, &plural(row.field(0)), class);
        }

        for person in &mut b.persons {
            person.title = titles.get(vocab, &person.role).copied();
        }

        let (name, text) = asset!("institutions.tsv");
        let mut institutions = PhraseTable::default();
        for row in tsv::rows(name, text, 2)? {
            let class = match row.field(1) {
                "state" => InstitutionClass::State,
                "people" => InstitutionClass::People,
                "group" => InstitutionClass::Group,
                other => return Err(format!("{name}:{}: unknown class {other:?}", row.line)),
            };
            institutions.insert(vocab, row.field(0), class);
        }

        let (name, text) = asset!("descriptions.tsv");
        let mut descriptions = PhraseTable::default();
        for row in tsv::rows(name, text, 2)? {
            let mut kinds = Vec::new();
            let mut role = None;
            for r in row.list(1) {
                if let Some(class) = r.strip_prefix("role:") {
                    role = Some(TitleClass::parse(class).ok_or_else(|| {
                        format!("{name}:{}: unknown title class {class:?}", row.line)
                    })?);
                } else {
                    kinds.push(kind(name, row.line, r)?);
                }
            }
            let two = row.field(2) == "two";
            let sticky_head = (row.field(3) == "sticky")
                .then(|| row.field(0).rsplit(' ').next().map(str::to_lowercase))
                .flatten();
            descriptions.insert(
                vocab,
                row.field(0),
                Description {
                    kinds,
                    role,
                    two,
                    sticky_head,
                    head: row
                        .field(0)
                        .rsplit(' ')
                        .next()
                        .unwrap_or_default()
                        .to_lowercase(),
                },
            );
        }

        add_user_aliases(&mut b, user)?;
        Self::assemble(b, ship_prefixes, titles, institutions, descriptions)
    }

    fn assemble(
        b: Builder,
        ship_prefixes: HashMap<String, usize>,
        titles: PhraseTable<TitleClass>,
        institutions: PhraseTable<InstitutionClass>,
        descriptions: PhraseTable<Description>,
    ) -> Result<ActorLexicon, String> {
        let mut seen: HashMap<String, usize> = HashMap::default();
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        for (form, target) in b.aliases {
            let mut variants = vec![form.clone()];
            if form.contains('\'') {
                variants.push(form.replace('\'', "’"));
            }
            for v in variants {
                // The first file to claim a form keeps it.
                if seen.contains_key(&v) {
                    continue;
                }
                seen.insert(v.clone(), patterns.len());
                patterns.push(v);
                targets.push(target);
            }
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|e| format!("cannot build the actor matcher: {e}"))?;
        let lowercase_starts = patterns
            .iter()
            .filter(|p| p.chars().next().is_some_and(char::is_lowercase))
            .filter_map(|p| crate::text::tokens::tokenize(p, 0).into_iter().next())
            .map(|t| t.norm.to_string())
            .collect();
        Ok(ActorLexicon {
            actors: b.actors,
            persons: b.persons,
            index: b.index,
            patterns,
            targets,
            matcher,
            lowercase_starts,
            ship_prefixes,
            titles,
            institutions,
            descriptions,
            not_names: include_str!("../../../assets/lexicon/not_names.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string)
                .collect(),
        })
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// How many surface forms the lexicon matches.
    pub fn alias_count(&self) -> usize {
        self.patterns.len()
    }

    /// Whether a form may start at a token: a capitalised word, a number,
    /// or the first word of a lower-case form.
    pub fn may_start(&self, raw: &str, norm: &str) -> bool {
        raw.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || self.lowercase_starts.contains(norm)
    }

    /// The lexicon forms of `text` that start at the byte offsets `starts`
    /// (ascending word starts), longest first, on word boundaries and with
    /// compatible case, not overlapping. Searching anchored at word starts
    /// only is what makes this cheap: most words start no form.
    pub fn find(&self, text: &str, starts: &[usize]) -> Vec<AliasMatch> {
        let mut out: Vec<AliasMatch> = Vec::new();
        for &at in starts {
            if at >= text.len() || out.last().is_some_and(|last| at < last.end) {
                continue;
            }
            let input = Input::new(text)
                .span(at..text.len())
                .anchored(Anchored::Yes);
            let Some(m) = self.matcher.find(input) else {
                continue;
            };
            let pattern = m.pattern().as_usize();
            if on_word_boundaries(text, m.start(), m.end())
                && case_compatible(&self.patterns[pattern], &text[m.start()..m.end()])
            {
                out.push(AliasMatch {
                    start: m.start(),
                    end: m.end(),
                    target: self.targets[pattern],
                });
            }
        }
        out
    }
}

/// Put the user's aliases before every bundled one (the first to claim a
/// form keeps it), defining the actors the bundled files do not know.
fn add_user_aliases(b: &mut Builder, user: &UserLexicon) -> Result<(), String> {
    let file = user.file.as_str();
    let bundled = std::mem::take(&mut b.aliases);
    for (line, alias) in user.aliases() {
        let i = match (b.index.get(&alias.actor), &alias.define) {
            (Some(&i), _) => i,
            (None, Some((name, kind))) => {
                let i = b.actor(file, line, &alias.actor, name, *kind)?;
                b.alias(name, Some(i), AliasKind::Name);
                i
            }
            (None, None) => {
                return Err(format!(
                    "{file}:{line}: unknown actor id {:?} (give its name and kind to define it)",
                    alias.actor
                ));
            }
        };
        b.alias(&alias.form, Some(i), AliasKind::Name);
    }
    b.aliases.extend(bundled);
    Ok(())
}

/// "president" -> "presidents", "secretary of state" -> "secretaries of
/// state", "chief" -> "chiefs": titles are also written in the plural
/// ("the presidents of DR Congo and Rwanda").
fn plural(title: &str) -> String {
    let (head, rest) = match title.find(" of ") {
        Some(i) => title.split_at(i),
        None => (title, ""),
    };
    let head = if let Some(stem) = head
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if head.ends_with('s') || head.ends_with("sh") || head.ends_with("ch") {
        format!("{head}es")
    } else if head.ends_with('.') {
        head.to_string()
    } else {
        format!("{head}s")
    };
    format!("{head}{rest}")
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return false;
    }
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inner_first = text[start..end].chars().next();
    let inner_last = text[start..end].chars().next_back();
    let joins = |outer: Option<char>, inner: Option<char>| {
        outer.is_some_and(|o| o.is_alphanumeric()) && inner.is_some_and(|i| i.is_alphanumeric())
    };
    !joins(before, inner_first) && !joins(after, inner_last)
}

/// Every upper-case letter of the pattern is upper case in the text.
fn case_compatible(pattern: &str, found: &str) -> bool {
    pattern
        .chars()
        .zip(found.chars())
        .all(|(p, f)| !p.is_uppercase() || f.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_titles() {
        assert_eq!(plural("president"), "presidents");
        assert_eq!(plural("secretary of state"), "secretaries of state");
        assert_eq!(plural("army chief"), "army chiefs");
        assert_eq!(plural("gen."), "gen.");
    }

    #[test]
    fn case_and_boundaries() {
        assert!(case_compatible("US", "US"));
        assert!(!case_compatible("US", "us"));
        assert!(case_compatible("the group", "The Group"));
        assert!(case_compatible("Nato", "NATO"));
        assert!(on_word_boundaries("Iranian-backed", 0, 7));
        assert!(!on_word_boundaries("Russians", 0, 6));
        assert!(on_word_boundaries("Pakistan’s", 0, 8));
        assert!(!on_word_boundaries("USA", 0, 2));
    }
}
