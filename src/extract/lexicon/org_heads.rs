//! Head words of organisations the lexicon does not name, from
//! `assets/lexicon/org_heads.tsv`: they make a capitalised phrase an
//! organisation ("Federal Competition Authority") and give it a class, so
//! that "the regulator" or "the company" can refer back to it.

use super::tsv;
use crate::model::EntityKind;
use rustc_hash::FxHashMap as HashMap;

/// What one head word says about the phrase it heads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgHead {
    /// What "the <word>" refers back to: "court", "company", "union"…
    pub class: String,
    pub kind: EntityKind,
    /// Whether it heads capitalised names ("… Authority").
    pub in_names: bool,
    /// Whether "the <word>" refers back to an organisation of its class.
    pub in_descriptions: bool,
}

#[derive(Debug, Default)]
pub struct OrgHeads {
    by_word: HashMap<String, OrgHead>,
}

impl OrgHeads {
    pub fn bundled() -> Result<OrgHeads, String> {
        let name = "org_heads.tsv";
        OrgHeads::parse(name, include_str!("../../../assets/lexicon/org_heads.tsv"))
    }

    pub fn parse(name: &str, text: &str) -> Result<OrgHeads, String> {
        let mut by_word = HashMap::default();
        for row in tsv::rows(name, text, 4)? {
            let kind = EntityKind::parse(row.field(2))
                .ok_or_else(|| format!("{name}:{}: unknown kind {:?}", row.line, row.field(2)))?;
            let (in_names, in_descriptions) = match row.field(3) {
                "name" => (true, false),
                "description" => (false, true),
                "both" => (true, true),
                other => return Err(format!("{name}:{}: unknown use {other:?}", row.line)),
            };
            by_word.insert(
                row.field(0).to_lowercase(),
                OrgHead {
                    class: row.field(1).to_string(),
                    kind,
                    in_names,
                    in_descriptions,
                },
            );
        }
        Ok(OrgHeads { by_word })
    }

    /// The head a lower-case word is, if any.
    pub fn get(&self, word: &str) -> Option<&OrgHead> {
        self.by_word.get(word)
    }

    /// The head that names a phrase of these lower-case words: the last
    /// name head before "of"/"for" ("Ministry of Energy" is a ministry),
    /// else the last one after it.
    pub fn head_of<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> Option<&OrgHead> {
        let words: Vec<&str> = words.into_iter().collect();
        let cut = words
            .iter()
            .position(|w| matches!(*w, "of" | "for"))
            .unwrap_or(words.len());
        let last_head = |ws: &[&str]| {
            ws.iter()
                .rev()
                .filter_map(|w| self.get(w.trim_end_matches('.')))
                .find(|h| h.in_names)
        };
        last_head(&words[..cut]).or_else(|| last_head(&words[cut..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_reads() {
        let heads = OrgHeads::bundled().unwrap();
        assert_eq!(heads.get("court").unwrap().class, "court");
        assert!(heads.get("firm").unwrap().in_descriptions);
        assert!(!heads.get("firm").unwrap().in_names);
    }

    #[test]
    fn the_head_before_of_names_the_phrase() {
        let heads = OrgHeads::parse(
            "t",
            "ministry\tministry\torganisation\tname\nenergy\tcompany\torganisation\tname\n\
             ltd\tcompany\torganisation\tname\nforces\tarmed\tarmed_group\tname\n",
        )
        .unwrap();
        let class = |ws: &[&str]| heads.head_of(ws.iter().copied()).map(|h| h.class.clone());
        assert_eq!(
            class(&["ministry", "of", "energy"]).as_deref(),
            Some("ministry")
        );
        assert_eq!(
            class(&["costa", "energy", "ltd."]).as_deref(),
            Some("company")
        );
        assert_eq!(
            heads
                .head_of(["rapid", "support", "forces"])
                .map(|h| h.kind),
            Some(EntityKind::ArmedGroup)
        );
        assert_eq!(class(&["bank", "of", "lisbon"]), None);
        assert!(OrgHeads::parse("t", "x\ty\tcountry\tsometimes\n").is_err());
    }
}
