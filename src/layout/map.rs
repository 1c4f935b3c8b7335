//! From a relation map to positions: the one layout the window and
//! `export` share.

use super::forceatlas2::{ForceAtlas2, Settings};
use super::graph::Graph;
use super::pack::layout_packed;
use crate::model::RelationMap;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A map seen as a layout graph: node `i` is the entity `ids[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapGraph {
    pub ids: Vec<String>,
    /// How prominent each node is: its mention count, or its degree when
    /// that is larger (edge lists have no mentions).
    pub weights: Vec<usize>,
    pub graph: Graph,
}

/// Nodes are the map's entities in order, then any id a relation names
/// that no entity has (maps can come from anywhere), sorted. Relations
/// between the same two actors, in either direction, become one edge
/// weighted by their count.
pub fn map_graph(map: &RelationMap) -> MapGraph {
    let mut ids: Vec<String> = Vec::with_capacity(map.entities.len());
    let mut index: HashMap<&str, usize> = HashMap::new();
    for e in &map.entities {
        if !index.contains_key(e.id.as_str()) {
            index.insert(&e.id, ids.len());
            ids.push(e.id.clone());
        }
    }
    let missing: BTreeSet<&str> = map
        .relations
        .iter()
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .filter(|id| !index.contains_key(id))
        .collect();
    for id in missing {
        index.insert(id, ids.len());
        ids.push(id.to_string());
    }
    let mut pairs: BTreeMap<(u32, u32), f32> = BTreeMap::new();
    for r in &map.relations {
        let (a, b) = (
            index[r.source.as_str()] as u32,
            index[r.target.as_str()] as u32,
        );
        if a != b {
            *pairs.entry((a.min(b), a.max(b))).or_default() += 1.0;
        }
    }
    let mut degree = vec![0usize; ids.len()];
    for &(a, b) in pairs.keys() {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    let mut weights = degree;
    for e in &map.entities {
        let w = &mut weights[index[e.id.as_str()]];
        *w = (*w).max(e.mentions.len());
    }
    let sizes = weights.iter().map(|&w| node_size(w)).collect();
    let edges = pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    MapGraph {
        ids,
        weights,
        graph: Graph { sizes, edges },
    }
}

/// A node's radius in layout units, growing with the square root of its
/// weight like the drawn radius does.
pub fn node_size(weight: usize) -> f32 {
    1.0 + 0.3 * (weight as f32).sqrt()
}

/// The seed `export` uses when none is given.
pub const DEFAULT_SEED: u64 = 42;

/// Enough steps for a few thousand nodes to settle; `run` stops earlier
/// once converged.
pub const MAX_ITERATIONS: u32 = 3000;

/// Width / height of the area pieces of a disconnected map are packed
/// into: the default picture's proportions, and a typical screen's.
pub const ASPECT: f32 = 1.6;

/// Lay out a map from scratch: same map and seed, same positions (entity
/// id -> [x, y], centred on the origin; each connected piece with its long
/// axis horizontal, pieces packed in rows).
pub fn map_positions(map: &RelationMap, seed: u64) -> BTreeMap<String, [f32; 2]> {
    map_positions_from(map, seed, &BTreeMap::new())
}

/// Lay out a map keeping the given positions (e.g. what the window showed
/// before another article was added): known nodes stay where they are and
/// new ones settle near their neighbours. Without known positions this is
/// `map_positions`.
pub fn map_positions_from(
    map: &RelationMap,
    seed: u64,
    known: &BTreeMap<String, [f32; 2]>,
) -> BTreeMap<String, [f32; 2]> {
    let mg = map_graph(map);
    let mut positions = if known.is_empty() {
        layout_packed(&mg.graph, seed, MAX_ITERATIONS, ASPECT).positions
    } else {
        let given: Vec<_> = mg.ids.iter().map(|id| known.get(id).copied()).collect();
        let settings = Settings::for_nodes(mg.ids.len());
        let mut fa = ForceAtlas2::with_positions(&mg.graph, settings, seed, &given);
        fa.run(MAX_ITERATIONS);
        fa.positions().to_vec()
    };
    mg.ids.into_iter().zip(positions.drain(..)).collect()
}

/// Centre positions on their centroid and turn them so the direction of
/// greatest spread is horizontal (wide canvases are then well used). Only
/// IEEE-exact operations, so the result is the same everywhere.
pub fn orient(positions: &mut [[f32; 2]]) {
    if positions.is_empty() {
        return;
    }
    let n = positions.len() as f64;
    let (mut cx, mut cy) = (0f64, 0f64);
    for p in positions.iter() {
        cx += f64::from(p[0]);
        cy += f64::from(p[1]);
    }
    let (cx, cy) = (cx / n, cy / n);
    let (mut a, mut b, mut c) = (0f64, 0f64, 0f64);
    for p in positions.iter() {
        let (x, y) = (f64::from(p[0]) - cx, f64::from(p[1]) - cy);
        a += x * x;
        b += x * y;
        c += y * y;
    }
    // Major eigenvector of the covariance [[a, b], [b, c]].
    let lambda = (a + c) / 2.0 + (((a - c) / 2.0).powi(2) + b * b).sqrt();
    let (mut ux, mut uy) = if b.abs() > 1e-12 * (a + c) {
        (b, lambda - a)
    } else if a >= c {
        (1.0, 0.0)
    } else {
        (0.0, 1.0)
    };
    let len = (ux * ux + uy * uy).sqrt();
    if len == 0.0 || !len.is_finite() {
        return;
    }
    (ux, uy) = (ux / len, uy / len);
    if ux < 0.0 {
        (ux, uy) = (-ux, -uy);
    }
    for p in positions.iter_mut() {
        let (x, y) = (f64::from(p[0]) - cx, f64::from(p[1]) - cy);
        // Rotate so that (ux, uy) becomes (1, 0).
        *p = [(x * ux + y * uy) as f32, (-x * uy + y * ux) as f32];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::seed_map;

    #[test]
    fn every_entity_gets_a_position_and_runs_repeat() {
        let map = seed_map();
        let a = map_positions(&map, 42);
        assert_eq!(a.len(), map.entities.len());
        assert_eq!(a, map_positions(&map, 42));
        assert!(a.values().all(|p| p[0].is_finite() && p[1].is_finite()));
    }

    #[test]
    fn relations_to_unknown_ids_add_nodes() {
        let mut map = seed_map();
        let mut r = map.relations[0].clone();
        r.target = "nobody".into();
        map.relations.push(r);
        let g = map_graph(&map);
        assert_eq!(g.ids.last().map(String::as_str), Some("nobody"));
    }

    #[test]
    fn known_positions_are_kept() {
        let map = seed_map();
        let mut known = map_positions(&map, 1);
        let kept = known.pop_first().unwrap();
        let again = map_positions_from(&map, 1, &known);
        for (id, p) in &known {
            assert_eq!(again[id], *p);
        }
        assert!(again.contains_key(&kept.0));
    }

    #[test]
    fn orient_lays_the_long_axis_flat() {
        let mut p = vec![[0.0, 0.0], [10.0, 10.0], [20.0, 20.0], [1.0, -1.0]];
        orient(&mut p);
        let (w, h) = p.iter().fold((0f32, 0f32), |(w, h), q| {
            (w.max(q[0].abs()), h.max(q[1].abs()))
        });
        assert!(w > 3.0 * h, "{p:?}");
    }
}
