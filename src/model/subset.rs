//! The part of a map that some of its articles state: for filtering a
//! corpus by date or by source without extracting it again.

use super::{Article, RelationMap};
use std::collections::HashSet;

impl RelationMap {
    /// The map as if only the articles `keep` accepts had been read: their
    /// sentences and mentions stay, relations left without a sentence go,
    /// and so do actors left with neither a mention nor a relation.
    /// Relations and actors added by hand (with no sentence or mention to
    /// begin with) are kept.
    pub fn only_articles(mut self, keep: impl Fn(&Article) -> bool) -> RelationMap {
        self.articles.retain(|a| keep(a));
        let kept: HashSet<&str> = self.articles.iter().map(|a| a.id.as_str()).collect();
        self.relations.retain_mut(|relation| {
            let had_evidence = !relation.evidence.is_empty();
            let listed = relation.evidence.len();
            relation
                .evidence
                .retain(|e| kept.contains(e.article.as_str()));
            // Sentences only counted have no article: they stay while
            // every listed one does.
            if relation.evidence.len() < listed {
                relation.more_evidence = 0;
            }
            !had_evidence || !relation.evidence.is_empty()
        });
        let ends: HashSet<&str> = self
            .relations
            .iter()
            .flat_map(|r| [r.source.as_str(), r.target.as_str()])
            .collect();
        self.entities.retain_mut(|entity| {
            let had_mentions = !entity.mentions.is_empty();
            entity
                .mentions
                .retain(|m| kept.contains(m.article.as_str()));
            !had_mentions || !entity.mentions.is_empty() || ends.contains(entity.id.as_str())
        });
        self
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, RelationMap, merge_maps};

    fn one(text: &str, date: Option<&str>) -> RelationMap {
        let article = Article {
            id: "a1".to_string(),
            title: text.to_string(),
            source: None,
            date: date.map(str::to_string),
            text: text.to_string(),
            sentences: vec![[0, text.len()]],
        };
        crate::extract::extract(&article)
    }

    #[test]
    fn leaving_an_article_out_drops_what_only_it_said() {
        let map = merge_maps([
            one("Russia attacked Ukraine.", Some("2022-02-24")),
            one("France supported Ukraine.", None),
        ]);
        assert_eq!(map.relations.len(), 2);
        let dated = map.only_articles(|a| a.date.is_some());
        assert_eq!(dated.articles.len(), 1);
        assert_eq!(dated.relations.len(), 1);
        assert_eq!(dated.relations[0].source, "russia");
        let ids: Vec<&str> = dated.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["russia", "ukraine"]);
    }
}
