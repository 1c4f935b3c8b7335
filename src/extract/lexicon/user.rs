//! The user lexicon: what an analyst taught the extractor, in one plain-text
//! file they can also edit by hand.
//!
//! # Format
//!
//! UTF-8, one entry per line, fields separated by one TAB, lines starting
//! with `#` are comments, blank lines are ignored. Two kinds of entry:
//!
//! ```text
//! alias<TAB>FORM<TAB>ACTOR-ID[<TAB>NAME<TAB>KIND]
//! cue<TAB>FORMS<TAB>STANCE
//! ```
//!
//! - `alias`: the words FORM, wherever they appear, name the actor ACTOR-ID
//!   ("Kabul regime" -> `taliban`). The same case rule as the bundled
//!   lexicon: an upper-case letter of FORM must be upper case in the text,
//!   a lower-case one may be either. NAME and KIND (one of country,
//!   government, person, armed_group, organisation, media, other) are needed
//!   only when ACTOR-ID is not a bundled actor: they define a new one, whose
//!   NAME is then a form too. A user alias wins over a bundled one.
//! - `cue`: the verb phrase FORMS states STANCE (support, cooperate,
//!   neutral, oppose, accuse, attack) of its subject toward what follows
//!   ("gave a nod to" -> support). FORMS is one phrase as it is written, or
//!   five `|`-separated forms base|3rd person|past|past participle|gerund
//!   ("give a nod to|gives a nod to|gave a nod to|given a nod to|giving a
//!   nod to"); a final preposition introduces the target. Without one the
//!   target is the direct object or follows to, with, on, against, at, for,
//!   toward(s), behind, over, upon or into. A user cue wins over a bundled
//!   cue of the same words.
//!
//! A line that does not follow this is an error naming the file and line;
//! an ACTOR-ID neither bundled nor defined by its NAME and KIND is too
//! (reported when the lexicons are built).

use crate::model::{EntityKind, Stance};
use std::fmt::Write as _;
use std::path::Path;

/// The header written at the top of a new user lexicon file.
pub const HEADER: &str = "\
# stancemap user lexicon: aliases and stance cues taught by hand or from the window.
# UTF-8, fields separated by one TAB, '#' starts a comment line.
#   alias<TAB>FORM<TAB>ACTOR-ID[<TAB>NAME<TAB>KIND]   FORM names the actor ACTOR-ID;
#       NAME and KIND define the actor when it is not a bundled one
#       (kinds: country government person armed_group organisation media other)
#   cue<TAB>FORMS<TAB>STANCE   the verb phrase states STANCE toward what follows;
#       FORMS is one phrase, or base|3rd|past|participle|gerund
#       (stances: support cooperate neutral oppose accuse attack)
";

/// "FORM names ACTOR": a taught alias.
#[derive(Debug, Clone, PartialEq)]
pub struct UserAlias {
    pub form: String,
    pub actor: String,
    /// Name and kind of an actor the bundled lexicon does not know.
    pub define: Option<(String, EntityKind)>,
}

/// "FORMS state STANCE": a taught cue.
#[derive(Debug, Clone, PartialEq)]
pub struct UserCue {
    /// One phrase, or exactly five inflections.
    pub forms: Vec<String>,
    pub stance: Stance,
}

/// One entry of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum UserEntry {
    Alias(UserAlias),
    Cue(UserCue),
}

impl UserEntry {
    /// The entry as one line of the file (with its newline).
    pub fn to_line(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r', '|'], " ").trim().to_string();
        match self {
            UserEntry::Alias(a) => {
                let mut line = format!("alias\t{}\t{}", clean(&a.form), clean(&a.actor));
                if let Some((name, kind)) = &a.define {
                    let _ = write!(line, "\t{}\t{kind}", clean(name));
                }
                line.push('\n');
                line
            }
            UserEntry::Cue(c) => {
                let forms: Vec<String> = c.forms.iter().map(|f| clean(f)).collect();
                format!("cue\t{}\t{}\n", forms.join("|"), c.stance)
            }
        }
    }
}

/// The entries of one user lexicon file, each with its 1-based line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserLexicon {
    /// The file's name, for messages.
    pub file: String,
    pub entries: Vec<(usize, UserEntry)>,
}

impl UserLexicon {
    /// Parse the text of the file `file`.
    pub fn parse(file: &str, text: &str) -> Result<UserLexicon, String> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = trimmed.split('\t').map(str::trim).collect();
            let at = |reason: String| format!("{file}:{line_no}: {reason}");
            let entry = match fields.as_slice() {
                ["alias", form, actor] if !form.is_empty() && !actor.is_empty() => {
                    UserEntry::Alias(UserAlias {
                        form: form.to_string(),
                        actor: actor.to_string(),
                        define: None,
                    })
                }
                ["alias", form, actor, name, kind]
                    if !form.is_empty() && !actor.is_empty() && !name.is_empty() =>
                {
                    let kind = EntityKind::parse(kind)
                        .ok_or_else(|| at(format!("unknown kind {kind:?}")))?;
                    UserEntry::Alias(UserAlias {
                        form: form.to_string(),
                        actor: actor.to_string(),
                        define: Some((name.to_string(), kind)),
                    })
                }
                ["cue", forms, stance] => {
                    let stance = Stance::parse(stance)
                        .ok_or_else(|| at(format!("unknown stance {stance:?}")))?;
                    let forms: Vec<String> =
                        forms.split('|').map(|f| f.trim().to_lowercase()).collect();
                    if forms.iter().any(String::is_empty) || !matches!(forms.len(), 1 | 5) {
                        return Err(at(
                            "a cue is one phrase or five '|'-separated forms".to_string()
                        ));
                    }
                    UserEntry::Cue(UserCue { forms, stance })
                }
                ["alias", ..] => {
                    return Err(at(
                        "expected alias<TAB>FORM<TAB>ACTOR-ID[<TAB>NAME<TAB>KIND]".to_string(),
                    ));
                }
                ["cue", ..] => {
                    return Err(at("expected cue<TAB>FORMS<TAB>STANCE".to_string()));
                }
                [other, ..] => {
                    return Err(at(format!(
                        "unknown entry {other:?} (expected \"alias\" or \"cue\" and TAB-separated fields)"
                    )));
                }
                [] => continue,
            };
            entries.push((line_no, entry));
        }
        Ok(UserLexicon {
            file: file.to_string(),
            entries,
        })
    }

    /// Read and parse a file; errors name the file.
    pub fn read(path: &Path) -> Result<UserLexicon, String> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
        UserLexicon::parse(&name, &text)
    }

    /// Add `entries` to the file at `path` (created with its header when it
    /// does not exist), atomically; entries already in the file are not
    /// repeated. The file is checked first, so a broken file is reported,
    /// not appended to.
    pub fn append(path: &Path, entries: &[UserEntry]) -> Result<(), String> {
        let name = path.display().to_string();
        let mut text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => HEADER.to_string(),
            Err(e) => return Err(format!("{name}: cannot read: {e}")),
        };
        let existing = UserLexicon::parse(&name, &text)?;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        let mut known: Vec<String> = existing.entries.iter().map(|(_, e)| e.to_line()).collect();
        for entry in entries {
            let line = entry.to_line();
            if !known.contains(&line) {
                text.push_str(&line);
                known.push(line);
            }
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
        }
        crate::atomic_write::write(path, text.as_bytes())
    }

    pub fn aliases(&self) -> impl Iterator<Item = (usize, &UserAlias)> {
        self.entries.iter().filter_map(|(line, e)| match e {
            UserEntry::Alias(a) => Some((*line, a)),
            UserEntry::Cue(_) => None,
        })
    }

    pub fn cues(&self) -> impl Iterator<Item = (usize, &UserCue)> {
        self.entries.iter().filter_map(|(line, e)| match e {
            UserEntry::Cue(c) => Some((*line, c)),
            UserEntry::Alias(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_parse_and_print_back() {
        let text = format!(
            "{HEADER}\nalias\tKabul regime\ttaliban\n\
             alias\tNorthern Front\tnorthern-front\tNorthern Front\tarmed_group\n\
             cue\tgave a nod to\tsupport\n"
        );
        let lex = UserLexicon::parse("user.tsv", &text).unwrap();
        assert_eq!(lex.entries.len(), 3);
        let lines: String = lex.entries.iter().map(|(_, e)| e.to_line()).collect();
        assert!(text.ends_with(&lines), "{lines}");
        assert_eq!(lex.aliases().count(), 2);
        let cue_line = HEADER.lines().count() + 4;
        assert_eq!(lex.cues().next().map(|(line, _)| line), Some(cue_line));
    }

    #[test]
    fn bad_lines_name_the_file_and_line() {
        for (text, reason) in [
            ("alias\tx\n", "expected alias"),
            ("cue\tpraise\tlove\n", "unknown stance \"love\""),
            ("cue\ta|b\tsupport\n", "one phrase or five"),
            ("alias\tX\tx\tX\tplanet\n", "unknown kind \"planet\""),
            ("teach me\n", "unknown entry \"teach me\""),
        ] {
            let err = UserLexicon::parse("u.tsv", &format!("# c\n{text}")).unwrap_err();
            assert!(err.starts_with("u.tsv:2: "), "{err}");
            assert!(err.contains(reason), "{err}");
        }
    }

    #[test]
    fn appending_creates_the_file_once_per_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/user.tsv");
        let entry = UserEntry::Cue(UserCue {
            forms: vec!["gave a nod to".into()],
            stance: Stance::Support,
        });
        UserLexicon::append(&path, std::slice::from_ref(&entry)).unwrap();
        UserLexicon::append(&path, &[entry]).unwrap();
        let lex = UserLexicon::read(&path).unwrap();
        assert_eq!(lex.entries.len(), 1);
    }
}
