//! Camps: the actors split into blocs so that support and cooperate fall
//! inside blocs and oppose, accuse and attack between them (structural
//! balance on the signed graph, in its clustering form: any number of
//! blocs). Community detection such as modularity ignores signs, so two
//! enemies that talk a lot would land in one community; here they cannot.
//!
//! Finding the split with the fewest broken relations is NP-hard, so this
//! is a local search: start from the blocs that friendship alone makes
//! (and from the two-colouring that enmity makes), move one actor at a
//! time to the bloc where it breaks fewest relations, keep the better
//! result. Deterministic: actors are visited in id order. A common enemy
//! alone does not make two actors one camp.

use crate::model::{Relation, RelationMap, Stance};
use std::collections::{BTreeMap, HashMap};

/// The sign a relation gives to a pair: +1 friends, -1 enemies, 0 none
/// (neutral and negated relations say nothing about camps).
pub fn sign(relation: &Relation) -> i32 {
    if relation.negated {
        return 0;
    }
    match relation.stance {
        Stance::Support | Stance::Cooperate => 1,
        Stance::Oppose | Stance::Accuse | Stance::Attack => -1,
        Stance::Neutral => 0,
    }
}

/// The split of a map's actors into camps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Camps {
    /// Entity id -> camp number (0 is the largest camp). Actors with no
    /// signed relation have no camp.
    pub camp_of: BTreeMap<String, usize>,
    /// Members per camp, largest first.
    pub sizes: Vec<usize>,
    /// Signed relations that break the split: support or cooperate between
    /// camps, oppose, accuse or attack inside one.
    pub broken: usize,
    /// Signed relations in all.
    pub signed: usize,
}

impl Camps {
    /// The camp of an actor, if it has one.
    pub fn of(&self, id: &str) -> Option<usize> {
        self.camp_of.get(id).copied()
    }

    /// Whether a relation breaks the split (false for unsigned ones).
    pub fn breaks(&self, relation: &Relation) -> bool {
        let (Some(a), Some(b)) = (self.of(&relation.source), self.of(&relation.target)) else {
            return false;
        };
        match sign(relation) {
            1 => a != b,
            -1 => a == b && relation.source != relation.target,
            _ => false,
        }
    }

    /// Camps with at least two members: the blocs worth colouring.
    pub fn blocs(&self) -> usize {
        self.sizes.iter().filter(|&&n| n >= 2).count()
    }
}

/// The signed graph: for each actor, its neighbours with the net count of
/// friendly minus hostile relations between the two (either direction).
struct Signed {
    ids: Vec<String>,
    neighbours: Vec<Vec<(usize, i32)>>,
    /// Per actor, the (friendly, hostile) relation counts to each
    /// neighbour, so broken relations are counted exactly, not netted.
    counts: Vec<HashMap<usize, (usize, usize)>>,
    signed: usize,
}

impl Signed {
    fn new(map: &RelationMap) -> Self {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &map.relations {
            if sign(r) != 0 && r.source != r.target {
                index.entry(&r.source).or_default();
                index.entry(&r.target).or_default();
            }
        }
        for (i, slot) in index.values_mut().enumerate() {
            *slot = i;
        }
        let n = index.len();
        let mut counts: Vec<HashMap<usize, (usize, usize)>> = vec![HashMap::new(); n];
        let mut signed = 0;
        for r in &map.relations {
            let s = sign(r);
            if s == 0 || r.source == r.target {
                continue;
            }
            signed += 1;
            let (a, b) = (index[r.source.as_str()], index[r.target.as_str()]);
            for (x, y) in [(a, b), (b, a)] {
                let c = counts[x].entry(y).or_default();
                if s > 0 {
                    c.0 += 1;
                } else {
                    c.1 += 1;
                }
            }
        }
        let neighbours = counts
            .iter()
            .map(|c| {
                let mut list: Vec<(usize, i32)> = c
                    .iter()
                    .map(|(&y, &(f, h))| (y, f as i32 - h as i32))
                    .collect();
                list.sort_unstable();
                list
            })
            .collect();
        Signed {
            ids: index.keys().map(|s| s.to_string()).collect(),
            neighbours,
            counts,
            signed,
        }
    }

    /// Relations broken by `camp` (each counted once).
    fn broken(&self, camp: &[usize]) -> usize {
        let mut twice = 0;
        for (x, c) in self.counts.iter().enumerate() {
            for (&y, &(friendly, hostile)) in c {
                twice += if camp[x] == camp[y] {
                    hostile
                } else {
                    friendly
                };
            }
        }
        twice / 2
    }

    /// Blocs joined by net friendship (union-find over friendly pairs).
    fn friendship_start(&self) -> Vec<usize> {
        let mut parent: Vec<usize> = (0..self.ids.len()).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for (x, list) in self.neighbours.iter().enumerate() {
            for &(y, net) in list {
                if net > 0 {
                    let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                    parent[rx.max(ry)] = rx.min(ry);
                }
            }
        }
        (0..self.ids.len()).map(|x| root(&mut parent, x)).collect()
    }

    /// Two camps from a breadth-first walk: friends on the same side,
    /// enemies on the other (unreached actors start a new walk).
    fn enmity_start(&self) -> Vec<usize> {
        let mut side: Vec<Option<usize>> = vec![None; self.ids.len()];
        for start in 0..self.ids.len() {
            if side[start].is_some() {
                continue;
            }
            side[start] = Some(0);
            let mut queue = std::collections::VecDeque::from([start]);
            while let Some(x) = queue.pop_front() {
                let sx = side[x].unwrap_or(0);
                for &(y, net) in &self.neighbours[x] {
                    if side[y].is_none() && net != 0 {
                        side[y] = Some(if net > 0 { sx } else { 1 - sx });
                        queue.push_back(y);
                    }
                }
            }
        }
        side.into_iter().map(|s| s.unwrap_or(0)).collect()
    }

    /// Move single actors to the camp (an existing one or a new one) where
    /// they break fewest relations, until no move helps.
    fn improve(&self, camp: &mut [usize]) {
        let n = camp.len();
        let mut members = vec![0usize; n + 1];
        for &c in camp.iter() {
            members[c] += 1;
        }
        // Each pass moves at least one actor and lowers the broken count,
        // which is bounded by the relations; the cap only guards the loop.
        for _ in 0..(4 * n + 16) {
            let mut moved = false;
            for x in 0..n {
                let own = camp[x];
                // Net friendship toward each neighbouring camp.
                let mut pull: BTreeMap<usize, i32> = BTreeMap::new();
                for &(y, net) in &self.neighbours[x] {
                    *pull.entry(camp[y]).or_default() += net;
                }
                let stay = pull.get(&own).copied().unwrap_or(0);
                // Moving from `own` to camp c changes the broken count by
                // stay - pull[c]; a new empty camp has pull 0 (no use to an
                // actor already alone). Ties go to the existing camp.
                let fresh = (members[own] > 1)
                    .then(|| members.iter().position(|&m| m == 0))
                    .flatten()
                    .map(|c| (c, 0, false));
                let best = pull
                    .iter()
                    .filter(|&(&c, _)| c != own)
                    .map(|(&c, &p)| (c, p, true))
                    .chain(fresh)
                    .max_by_key(|&(c, p, existing)| (p, existing, std::cmp::Reverse(c)));
                let target = match best {
                    Some((c, p, _)) if p > stay => c,
                    _ => continue,
                };
                members[own] -= 1;
                members[target] += 1;
                camp[x] = target;
                moved = true;
            }
            if !moved {
                break;
            }
        }
    }
}

/// Split `map`'s actors into camps.
pub fn camps(map: &RelationMap) -> Camps {
    let graph = Signed::new(map);
    let mut best: Option<(usize, Vec<usize>)> = None;
    for mut camp in [graph.friendship_start(), graph.enmity_start()] {
        graph.improve(&mut camp);
        let broken = graph.broken(&camp);
        // Ties keep the friendship start: actors joined by nothing but a
        // common enemy stay apart.
        if best.as_ref().is_none_or(|(b, _)| broken < *b) {
            best = Some((broken, camp));
        }
    }
    let Some((broken, camp)) = best else {
        return Camps::default();
    };
    // Number camps by size, largest first, ties by their first actor's id.
    let mut size: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (x, &c) in camp.iter().enumerate() {
        let entry = size.entry(c).or_insert((0, x));
        entry.0 += 1;
    }
    let mut order: Vec<(usize, usize, usize)> =
        size.iter().map(|(&c, &(n, first))| (c, n, first)).collect();
    order.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
    let number: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(i, &(c, _, _))| (c, i))
        .collect();
    Camps {
        camp_of: graph
            .ids
            .iter()
            .zip(&camp)
            .map(|(id, c)| (id.clone(), number[c]))
            .collect(),
        sizes: order.iter().map(|&(_, n, _)| n).collect(),
        broken,
        signed: graph.signed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind};

    fn map(edges: &[(&str, Stance, &str)]) -> RelationMap {
        let mut names: Vec<&str> = edges.iter().flat_map(|&(a, _, b)| [a, b]).collect();
        names.sort_unstable();
        names.dedup();
        RelationMap {
            entities: names
                .iter()
                .map(|n| Entity {
                    id: n.to_string(),
                    name: n.to_string(),
                    kind: EntityKind::Country,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                })
                .collect(),
            relations: edges
                .iter()
                .map(|&(a, stance, b)| Relation {
                    source: a.to_string(),
                    target: b.to_string(),
                    stance,
                    alleged_by: None,
                    negated: false,
                    evidence: Vec::new(),
                    more_evidence: 0,
                })
                .collect(),
            ..RelationMap::default()
        }
    }

    #[test]
    fn two_blocs_and_one_cross_bloc_friendship() {
        use Stance::*;
        let m = map(&[
            ("a1", Support, "a2"),
            ("a2", Cooperate, "a3"),
            ("a3", Support, "a1"),
            ("b1", Cooperate, "b2"),
            ("b2", Support, "b3"),
            ("a1", Oppose, "b1"),
            ("a2", Attack, "b2"),
            ("b3", Accuse, "a3"),
            ("b1", Oppose, "a2"),
            // The one friendship across the divide.
            ("a3", Cooperate, "b3"),
            ("a1", Neutral, "b3"),
        ]);
        let c = camps(&m);
        assert_eq!(c.sizes, vec![3, 3]);
        assert_eq!(c.blocs(), 2);
        assert_eq!(c.broken, 1);
        assert_eq!(c.signed, 10);
        let a = c.of("a1").unwrap();
        assert!(["a2", "a3"].iter().all(|x| c.of(x) == Some(a)));
        assert!(["b1", "b2", "b3"].iter().all(|x| c.of(x) == Some(1 - a)));
        let broken: Vec<&Relation> = m.relations.iter().filter(|r| c.breaks(r)).collect();
        assert_eq!(broken.len(), 1);
        assert_eq!(
            (broken[0].source.as_str(), broken[0].target.as_str()),
            ("a3", "b3")
        );
    }

    #[test]
    fn enemies_of_each_other_are_three_camps_not_one() {
        use Stance::*;
        let c = camps(&map(&[
            ("x", Oppose, "y"),
            ("y", Attack, "z"),
            ("z", Accuse, "x"),
        ]));
        assert_eq!(c.broken, 0);
        assert_eq!(c.sizes, vec![1, 1, 1]);
        assert_eq!(c.blocs(), 0);
        let c = camps(&map(&[("a", Oppose, "c"), ("b", Attack, "c")]));
        assert_ne!(c.of("a"), c.of("b"), "a common enemy alone is no camp");
    }

    #[test]
    fn neutral_negated_and_lone_actors_have_no_camp() {
        use Stance::*;
        let mut m = map(&[("x", Neutral, "y"), ("p", Support, "q")]);
        m.relations[1].negated = true;
        let c = camps(&m);
        assert_eq!(c, Camps::default());
        assert_eq!(c.of("x"), None);
    }

    #[test]
    fn an_actor_torn_between_camps_joins_its_stronger_friends() {
        use Stance::*;
        let c = camps(&map(&[
            ("a", Support, "b"),
            ("c", Cooperate, "d"),
            ("a", Oppose, "c"),
            ("s", Support, "a"),
            ("s", Cooperate, "b"),
            ("s", Support, "c"),
        ]));
        assert_eq!(c.of("s"), c.of("a"));
        assert_eq!(c.broken, 1);
    }
}
