//! Merging maps: many articles, one graph.

use super::{Article, RelationMap, Stance};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Merge maps into one. Articles are renumbered `a1, a2, ...` in input order
/// (an article whose title and text are already present is not added twice),
/// entities are unified by id (aliases and mentions pooled), and relations by
/// their key (evidence pooled, and the counts of unlisted sentences added
/// up), so every sentence keeps its article. Everything is found by hash,
/// so merging takes time in proportion to the maps' size.
pub fn merge_maps(maps: impl IntoIterator<Item = RelationMap>) -> RelationMap {
    let mut out = RelationMap::default();
    let mut articles = ArticleIndex::default();
    let mut entities: HashMap<String, usize> = HashMap::new();
    let mut relations: HashMap<RelationKey, usize> = HashMap::new();
    for map in maps {
        let renamed = articles.absorb(&mut out.articles, map.articles);
        for mut entity in map.entities {
            for mention in &mut entity.mentions {
                rename(&renamed, &mut mention.article);
            }
            match entities.get(&entity.id) {
                Some(&i) => {
                    let existing = &mut out.entities[i];
                    existing.aliases.extend(entity.aliases);
                    existing.mentions.extend(entity.mentions);
                }
                None => {
                    entities.insert(entity.id.clone(), out.entities.len());
                    out.entities.push(entity);
                }
            }
        }
        for mut relation in map.relations {
            for evidence in &mut relation.evidence {
                rename(&renamed, &mut evidence.article);
            }
            let key = (
                relation.source.clone(),
                relation.target.clone(),
                relation.stance,
                relation.alleged_by.clone(),
                relation.negated,
            );
            match relations.get(&key) {
                Some(&i) => {
                    let existing = &mut out.relations[i];
                    existing.evidence.extend(relation.evidence);
                    existing.more_evidence = existing
                        .more_evidence
                        .saturating_add(relation.more_evidence);
                }
                None => {
                    relations.insert(key, out.relations.len());
                    out.relations.push(relation);
                }
            }
        }
    }
    out.normalise();
    out
}

/// `Relation::key`, owned.
type RelationKey = (String, String, Stance, Option<String>, bool);

/// The merged articles by a hash of title and text, to find a repeat.
#[derive(Default)]
struct ArticleIndex {
    by_hash: HashMap<u64, Vec<usize>>,
}

impl ArticleIndex {
    fn hash(article: &Article) -> u64 {
        let mut h = DefaultHasher::new();
        (&article.title, &article.text).hash(&mut h);
        h.finish()
    }

    /// Add `incoming` articles to `articles`, returning old id -> new id.
    fn absorb(
        &mut self,
        articles: &mut Vec<Article>,
        incoming: Vec<Article>,
    ) -> HashMap<String, String> {
        let mut renamed = HashMap::new();
        for mut article in incoming {
            let old_id = std::mem::take(&mut article.id);
            let hash = Self::hash(&article);
            let bucket = self.by_hash.entry(hash).or_default();
            let same = bucket
                .iter()
                .map(|&i| &articles[i])
                .find(|a| a.text == article.text && a.title == article.title);
            let new_id = match same {
                Some(existing) => existing.id.clone(),
                None => {
                    article.id = format!("a{}", articles.len() + 1);
                    let id = article.id.clone();
                    bucket.push(articles.len());
                    articles.push(article);
                    id
                }
            };
            renamed.insert(old_id, new_id);
        }
        renamed
    }
}

fn rename(renamed: &HashMap<String, String>, article: &mut String) {
    if let Some(new_id) = renamed.get(article.as_str()) {
        article.clone_from(new_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Evidence, Mention, Relation, Stance};

    fn one_article_map(text: &str, actor: &str) -> RelationMap {
        RelationMap {
            articles: vec![Article {
                id: "a1".into(),
                title: text.into(),
                source: None,
                date: None,
                text: text.into(),
                sentences: vec![[0, text.len()]],
            }],
            entities: vec![Entity {
                id: actor.into(),
                name: actor.into(),
                kind: EntityKind::Country,
                aliases: vec![actor.to_uppercase()],
                mentions: vec![Mention {
                    article: "a1".into(),
                    start: 0,
                    end: 1,
                }],
            }],
            relations: vec![Relation {
                source: actor.into(),
                target: "other".into(),
                stance: Stance::Oppose,
                alleged_by: None,
                negated: false,
                evidence: vec![Evidence {
                    article: "a1".into(),
                    sentence: 0,
                    cue: "x".into(),
                    text: text.into(),
                    modality: None,
                    confidence: 0.8,
                    rule: None,
                }],
                more_evidence: 0,
            }],
            ..RelationMap::default()
        }
    }

    #[test]
    fn merging_renumbers_articles_and_pools_evidence() {
        let merged = merge_maps([
            one_article_map("first", "russia"),
            one_article_map("second", "russia"),
        ]);
        assert_eq!(merged.articles.len(), 2);
        assert_eq!(merged.articles[1].id, "a2");
        assert_eq!(merged.entities.len(), 1);
        assert_eq!(merged.entities[0].mentions.len(), 2);
        assert_eq!(merged.relations.len(), 1);
        let articles: Vec<_> = merged.relations[0]
            .evidence
            .iter()
            .map(|e| e.article.as_str())
            .collect();
        assert_eq!(articles, ["a1", "a2"]);
    }

    #[test]
    fn the_same_article_twice_is_kept_once() {
        let merged = merge_maps([
            one_article_map("same", "russia"),
            one_article_map("same", "russia"),
        ]);
        assert_eq!(merged.articles.len(), 1);
        assert_eq!(merged.entities[0].mentions.len(), 1);
        assert_eq!(merged.relations[0].evidence.len(), 1);
    }
}
