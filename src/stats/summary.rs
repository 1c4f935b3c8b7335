//! The figures an analyst asks for first: how many actors and relations of
//! each stance, who is most connected, who is most accused, attacked and
//! supported, and what each article contributes.

use crate::model::RelationMap;
#[cfg(test)]
use crate::model::Stance;
use std::collections::{BTreeMap, BTreeSet};

/// An actor and a count, for the ranked lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub id: String,
    pub name: String,
    pub count: usize,
}

/// What one article adds to the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleShare {
    pub id: String,
    pub title: String,
    /// Relations with at least one sentence from this article.
    pub relations: usize,
    /// Actors mentioned in it.
    pub actors: usize,
}

/// The summary of one map (as filtered for view or export).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub actors: usize,
    /// Actors with at least one relation.
    pub connected: usize,
    pub relations: usize,
    /// Relations per stance, in `Stance::ALL` order.
    pub by_stance: [usize; 6],
    /// Most distinct partners (either direction), largest first.
    pub most_connected: Vec<Ranked>,
    /// Most relations received with each stance, largest first.
    pub most_accused: Vec<Ranked>,
    pub most_attacked: Vec<Ranked>,
    pub most_supported: Vec<Ranked>,
    pub articles: Vec<ArticleShare>,
}

impl Summary {
    /// The summary of `map`, with at most `top` actors per ranked list.
    pub fn of(map: &RelationMap, top: usize) -> Summary {
        let mut partners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut received: [BTreeMap<&str, usize>; 6] = Default::default();
        let mut by_stance = [0; 6];
        for r in &map.relations {
            let s = r.stance.index();
            by_stance[s] += 1;
            if !r.negated {
                *received[s].entry(&r.target).or_default() += 1;
            }
            if r.source != r.target {
                partners.entry(&r.source).or_default().insert(&r.target);
                partners.entry(&r.target).or_default().insert(&r.source);
            }
        }
        let rank = |counts: BTreeMap<&str, usize>| -> Vec<Ranked> {
            let mut list: Vec<Ranked> = counts
                .into_iter()
                .map(|(id, count)| Ranked {
                    id: id.to_string(),
                    name: map.entity(id).map_or(id, |e| &e.name).to_string(),
                    count,
                })
                .collect();
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
            list.truncate(top);
            list
        };
        let degree = partners.iter().map(|(&id, p)| (id, p.len())).collect();
        let [support, _, _, _, accuse, attack] = received;
        let articles = map
            .articles
            .iter()
            .map(|a| ArticleShare {
                id: a.id.clone(),
                title: a.title.clone(),
                relations: map
                    .relations
                    .iter()
                    .filter(|r| r.evidence.iter().any(|e| e.article == a.id))
                    .count(),
                actors: map
                    .entities
                    .iter()
                    .filter(|e| e.mentions.iter().any(|m| m.article == a.id))
                    .count(),
            })
            .collect();
        Summary {
            actors: map.entities.len(),
            connected: partners.len(),
            relations: map.relations.len(),
            by_stance,
            most_connected: rank(degree),
            most_accused: rank(accuse),
            most_attacked: rank(attack),
            most_supported: rank(support),
            articles,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::seed_map;

    #[test]
    fn the_seed_summary_counts_what_its_map_holds() {
        let map = seed_map();
        let s = Summary::of(&map, 3);
        assert_eq!(s.relations, map.relations.len());
        assert_eq!(s.by_stance.iter().sum::<usize>(), s.relations);
        assert_eq!(s.actors, map.entities.len());
        assert!(s.connected <= s.actors);
        let top = &s.most_connected[0];
        assert!(s.most_connected.iter().all(|r| r.count <= top.count));
        assert!(s.most_connected.len() <= 3);
        assert_eq!(s.articles.len(), 1);
        assert_eq!(s.articles[0].relations, s.relations);
        let accused: usize = map
            .relations
            .iter()
            .filter(|r| {
                r.stance == Stance::Accuse && !r.negated && r.target == s.most_accused[0].id
            })
            .count();
        assert_eq!(s.most_accused[0].count, accused);
    }
}
