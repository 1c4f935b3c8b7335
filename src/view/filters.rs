//! What the map shows: stance toggles, hidden articles, a date range,
//! media and unconnected actors, a minimum number of sentences, and focus on the
//! selection's neighbourhood. Pure functions of the map, so the map view,
//! `stancemap export` and the tests agree on what is visible.

use super::Actors;
use crate::model::{DateRange, EntityKind, RelationMap, Stance};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    /// Shown stances, in `Stance::ALL` order.
    pub stances: [bool; 6],
    pub hide_media: bool,
    pub hide_unconnected: bool,
    /// Relations need at least this many sentences (in shown articles).
    pub min_evidence: usize,
    /// Only the selection and its neighbours.
    pub focus: bool,
    /// Article ids whose sentences and mentions are left out.
    pub hidden_articles: BTreeSet<String>,
    /// Articles published in this range are shown (an open range: all).
    pub dates: DateRange,
    /// With a date range: whether articles without a date stay.
    pub keep_undated: bool,
    /// The articles in `hidden_articles` that the date range hid (not the
    /// user), so widening the range brings back exactly these.
    pub date_hidden: BTreeSet<String>,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            stances: [true; 6],
            hide_media: false,
            hide_unconnected: false,
            min_evidence: 1,
            focus: false,
            hidden_articles: BTreeSet::new(),
            dates: DateRange::default(),
            keep_undated: true,
            date_hidden: BTreeSet::new(),
        }
    }
}

impl Filters {
    pub fn shows(&self, stance: Stance) -> bool {
        self.stances[stance.index()]
    }

    pub fn toggle(&mut self, stance: Stance) {
        let i = stance.index();
        self.stances[i] = !self.stances[i];
    }

    /// Show only `map`'s articles published in `dates` (and the undated
    /// ones if `keep_undated`). Articles the previous range hid come back
    /// first; articles the user hid stay hidden.
    pub fn set_dates(&mut self, map: &RelationMap, dates: DateRange, keep_undated: bool) {
        for id in std::mem::take(&mut self.date_hidden) {
            self.hidden_articles.remove(&id);
        }
        self.dates = dates;
        self.keep_undated = keep_undated;
        if dates.is_open() {
            return;
        }
        for article in &map.articles {
            let inside = article
                .day()
                .map_or(keep_undated, |day| dates.contains(day));
            if !inside && self.hidden_articles.insert(article.id.clone()) {
                self.date_hidden.insert(article.id.clone());
            }
        }
    }
}

/// Which nodes (by actor index) and relations (by index) are shown, and how
/// many sentences of shown articles each relation has; with the counts
/// the window shows every frame, counted once here (on a map of 30,000
/// relations, counting them each frame costs more than drawing them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visibility {
    pub nodes: Vec<bool>,
    pub relations: Vec<bool>,
    pub evidence: Vec<usize>,
    /// Relations of each stance in the whole map, shown or not, in
    /// `Stance::ALL` order.
    pub by_stance: [usize; Stance::ALL.len()],
    /// The most sentences any relation of the map has.
    pub most_evidence: usize,
    /// Sentences stating the map's relations, all told.
    pub sentences: usize,
    /// Whether any relation of the map is negated (the legend shows how).
    pub any_negated: bool,
    /// The kinds of the map's actors, in order, once each.
    pub kinds: Vec<EntityKind>,
    shown_nodes: usize,
    shown_relations: usize,
}

impl Visibility {
    pub fn node_count(&self) -> usize {
        self.shown_nodes
    }

    pub fn relation_count(&self) -> usize {
        self.shown_relations
    }
}

/// Apply `filters` to `map`; `focus` are the actor indices focus centres
/// on (the selected actor, or both ends of the selected relation).
pub fn visibility(
    map: &RelationMap,
    actors: &Actors,
    filters: &Filters,
    focus: &[usize],
) -> Visibility {
    let hidden = &filters.hidden_articles;
    let mut base = vec![true; actors.len()];
    let entities = map.entity_index();
    for (i, id) in actors.ids.iter().enumerate() {
        let Some(entity) = entities.get(id.as_str()) else {
            continue;
        };
        let media = filters.hide_media && entity.kind == EntityKind::Media;
        let all_hidden = !entity.mentions.is_empty()
            && entity.mentions.iter().all(|m| hidden.contains(&m.article));
        base[i] = !media && !all_hidden;
    }
    let ends =
        |source: &str, target: &str| Some((*actors.index.get(source)?, *actors.index.get(target)?));
    let focus_on = !focus.is_empty() && filters.focus;
    let mut evidence = Vec::with_capacity(map.relations.len());
    let mut relations = Vec::with_capacity(map.relations.len());
    let mut connected = vec![false; actors.len()];
    let mut by_stance = [0; Stance::ALL.len()];
    let (mut most_evidence, mut sentences, mut any_negated) = (0, 0, false);
    for relation in &map.relations {
        by_stance[relation.stance.index()] += 1;
        most_evidence = most_evidence.max(relation.sentence_count());
        sentences += relation.sentence_count();
        any_negated |= relation.negated;
        // Sentences only counted have no article: they count while no
        // article is hidden.
        let unlisted = if hidden.is_empty() {
            relation.more_evidence
        } else {
            0
        };
        let count = relation
            .evidence
            .iter()
            .filter(|e| !hidden.contains(&e.article))
            .count()
            .saturating_add(unlisted);
        evidence.push(count);
        let strong_enough = if relation.evidence.is_empty() {
            filters.min_evidence <= 1
        } else {
            count >= filters.min_evidence.max(1)
        };
        let shown = filters.shows(relation.stance)
            && strong_enough
            && ends(&relation.source, &relation.target).is_some_and(|(a, b)| {
                base[a] && base[b] && (!focus_on || focus.contains(&a) || focus.contains(&b))
            });
        if shown && let Some((a, b)) = ends(&relation.source, &relation.target) {
            connected[a] = true;
            connected[b] = true;
        }
        relations.push(shown);
    }
    let nodes: Vec<bool> = (0..actors.len())
        .map(|i| {
            if focus_on {
                base[i] && (focus.contains(&i) || connected[i])
            } else {
                base[i] && (!filters.hide_unconnected || connected[i])
            }
        })
        .collect();
    let count = |shown: &[bool]| shown.iter().filter(|&&v| v).count();
    let mut kinds = actors.kinds.clone();
    kinds.sort();
    kinds.dedup();
    Visibility {
        shown_nodes: count(&nodes),
        shown_relations: count(&relations),
        by_stance,
        most_evidence,
        sentences,
        any_negated,
        kinds,
        nodes,
        relations,
        evidence,
    }
}

/// The part of `map` the filters show, for a report of the view as it is:
/// hidden articles, actors, relations and sentences are left out.
pub fn visible_map(map: &RelationMap, actors: &Actors, vis: &Visibility) -> RelationMap {
    let hidden: BTreeSet<&str> =
        map.articles
            .iter()
            .map(|a| a.id.as_str())
            .filter(|id| {
                !map.relations.iter().enumerate().any(|(r, rel)| {
                    vis.relations[r] && rel.evidence.iter().any(|e| e.article == *id)
                }) && !map.entities.iter().any(|e| {
                    actors.index.get(&e.id).is_some_and(|&i| vis.nodes[i])
                        && e.mentions.iter().any(|m| m.article == *id)
                })
            })
            .collect();
    let mut out = map.clone();
    out.articles.retain(|a| !hidden.contains(a.id.as_str()));
    out.entities.retain(|e| {
        actors
            .index
            .get(&e.id)
            .is_some_and(|&i| vis.nodes.get(i).copied().unwrap_or(false))
    });
    let mut r = 0;
    out.relations.retain(|_| {
        r += 1;
        vis.relations.get(r - 1).copied().unwrap_or(false)
    });
    for relation in &mut out.relations {
        relation
            .evidence
            .retain(|e| !hidden.contains(e.article.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::map_graph;
    use crate::pipeline::seed_map;

    fn seed() -> (RelationMap, Actors) {
        let map = seed_map();
        let actors = Actors::new(&map, &map_graph(&map));
        (map, actors)
    }

    #[test]
    fn a_stance_switched_off_hides_its_relations_only() {
        let (map, actors) = seed();
        let mut filters = Filters::default();
        filters.toggle(Stance::Attack);
        let vis = visibility(&map, &actors, &filters, &[]);
        for (r, relation) in map.relations.iter().enumerate() {
            assert_eq!(vis.relations[r], relation.stance != Stance::Attack);
        }
        assert_eq!(vis.node_count(), actors.len());
    }

    #[test]
    fn focus_keeps_the_neighbourhood() {
        let (map, actors) = seed();
        let filters = Filters {
            focus: true,
            ..Filters::default()
        };
        let isis = actors.index["isis-k"];
        let vis = visibility(&map, &actors, &filters, &[isis]);
        let shown: Vec<&str> = actors
            .ids
            .iter()
            .zip(&vis.nodes)
            .filter(|(_, v)| **v)
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(shown, ["isis-k", "taliban"]);
    }

    #[test]
    fn hiding_the_only_article_hides_everything() {
        let (map, actors) = seed();
        let mut filters = Filters::default();
        filters.hidden_articles.insert(map.articles[0].id.clone());
        let vis = visibility(&map, &actors, &filters, &[]);
        assert_eq!(vis.node_count(), 0);
        assert_eq!(vis.relation_count(), 0);
        assert!(visible_map(&map, &actors, &vis).articles.is_empty());
    }

    #[test]
    fn a_date_range_hides_articles_outside_it_and_gives_them_back() {
        use crate::model::{DateRange, Day, merge_maps};
        let mut dated = seed_map();
        dated.articles[0].date = Some("2024-03-12".to_string());
        let mut undated = seed_map();
        undated.articles[0].title = "Another".to_string();
        let map = merge_maps([dated, undated]);
        let (a1, a2) = (map.articles[0].id.clone(), map.articles[1].id.clone());
        let mut filters = Filters::default();
        filters.hidden_articles.insert(a2.clone());
        let april = DateRange {
            from: Day::new(2024, 4, 1),
            to: None,
        };
        filters.set_dates(&map, april, true);
        assert!(filters.hidden_articles.contains(&a1));
        assert!(
            filters.hidden_articles.contains(&a2),
            "hidden by hand, stays so"
        );
        filters.set_dates(&map, DateRange::default(), true);
        assert!(!filters.hidden_articles.contains(&a1));
        assert!(filters.hidden_articles.contains(&a2));
        filters.hidden_articles.clear();
        let march = DateRange {
            from: Day::new(2024, 3, 1),
            to: Day::new(2024, 3, 31),
        };
        filters.set_dates(&map, march, false);
        assert_eq!(filters.hidden_articles, BTreeSet::from([a2]));
    }

    #[test]
    fn minimum_evidence_and_media_filters() {
        let (map, actors) = seed();
        let filters = Filters {
            min_evidence: 2,
            hide_media: true,
            hide_unconnected: true,
            ..Filters::default()
        };
        let vis = visibility(&map, &actors, &filters, &[]);
        for (r, relation) in map.relations.iter().enumerate() {
            assert_eq!(vis.relations[r], relation.evidence.len() >= 2);
        }
        let view = visible_map(&map, &actors, &vis);
        assert!(view.entities.iter().all(|e| e.kind != EntityKind::Media));
        assert_eq!(view.relations.len(), vis.relation_count());
    }
}
