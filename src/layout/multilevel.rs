//! Multilevel ForceAtlas2 for large graphs: coarsen the graph by merging
//! matched neighbours until it is small, lay out the coarsest graph, then
//! spread each level's positions to the next finer one and let ForceAtlas2
//! refine them. Far fewer steps run on the big graphs, because their nodes
//! start near where they belong (Walshaw 2000; Hu 2005, as in sfdp).

use super::forceatlas2::{ForceAtlas2, Settings, StepStats};
use super::graph::{Adjacency, Graph};
use super::rng::SplitMix64;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Below this many nodes overlap removal runs on one thread.
const PARALLEL_FROM: usize = 4096;
/// Graphs up to this size are laid out directly.
pub const DIRECT_UP_TO: usize = 1000;
/// Stop coarsening below this many nodes, or when a round shrinks the
/// graph by less than `MIN_SHRINK`.
const COARSEST: usize = 200;
const MIN_SHRINK: f32 = 0.85;
/// Steps allowed per level before moving on (converged levels stop early).
const LEVEL_STEPS: u32 = 40;
/// Per-step speed decay while refining a level: the level starts near its
/// place, so it should settle instead of wandering.
const COOLING: f32 = 0.9;
/// Rounds of overlap removal at the end when it is asked for.
const OVERLAP_ROUNDS: u32 = 20;

/// One coarsening: the coarse graph, and for every finer node its coarse node.
struct Level {
    graph: Graph,
    parent: Vec<u32>,
}

/// Lay out `graph` with ForceAtlas2, through coarser levels when it is
/// large. `max_iterations` bounds the steps at the finest level. Returns
/// the positions and the stats of the last step.
pub fn layout(
    graph: &Graph,
    settings: &Settings,
    seed: u64,
    max_iterations: u32,
) -> (Vec<[f32; 2]>, StepStats) {
    let n = graph.node_count();
    if n <= DIRECT_UP_TO {
        let mut fa = ForceAtlas2::new(graph, settings.clone(), seed);
        let stats = fa.run(max_iterations);
        return (fa.positions().to_vec(), stats);
    }
    let mut levels: Vec<Level> = Vec::new();
    loop {
        let current = levels.last().map_or(graph, |l| &l.graph);
        if current.node_count() <= COARSEST {
            break;
        }
        let level = coarsen(current);
        if level.graph.node_count() as f32 > MIN_SHRINK * current.node_count() as f32 {
            break;
        }
        levels.push(level);
    }
    // Coarse levels settle the shape; overlap only matters at the end.
    let mut loose = settings.clone();
    loose.prevent_overlap = false;
    let mut cooled = loose.clone();
    cooled.cooling = COOLING;
    let mut rng = SplitMix64::new(seed);
    let coarsest = levels.last().map_or(graph, |l| &l.graph);
    let mut fa = ForceAtlas2::new(coarsest, loose.clone(), seed);
    fa.run(max_iterations);
    let mut positions = fa.positions().to_vec();
    let mut stats = fa.last_step();
    for k in (0..levels.len()).rev() {
        let finer = if k == 0 { graph } else { &levels[k - 1].graph };
        positions = prolong(&positions, &levels[k], finer, &mut rng);
        let limit = if k == 0 { max_iterations } else { LEVEL_STEPS };
        (positions, stats) = refine(finer, &cooled, &positions, limit);
    }
    if settings.prevent_overlap {
        remove_overlaps(&mut positions, &graph.sizes, OVERLAP_ROUNDS);
    }
    (positions, stats)
}

/// Run ForceAtlas2 from `start` for at most `limit` steps, with the nodes
/// renumbered in space-filling-curve order of their start positions: nodes
/// near each other in the picture are then near each other in memory, and
/// a step's tree walks and edge sums touch fewer cache lines. Positions
/// come back in the graph's own order.
fn refine(
    graph: &Graph,
    settings: &Settings,
    start: &[[f32; 2]],
    limit: u32,
) -> (Vec<[f32; 2]>, StepStats) {
    let order = morton_order(start);
    let mut rank = vec![0u32; order.len()];
    for (k, &i) in order.iter().enumerate() {
        rank[i as usize] = k as u32;
    }
    let local = Graph {
        sizes: order.iter().map(|&i| graph.sizes[i as usize]).collect(),
        edges: graph
            .edges
            .iter()
            .filter(|&&(a, b, _)| (a as usize) < rank.len() && (b as usize) < rank.len())
            .map(|&(a, b, w)| (rank[a as usize], rank[b as usize], w))
            .collect(),
    };
    let placed: Vec<[f32; 2]> = order.iter().map(|&i| start[i as usize]).collect();
    let mut fa = ForceAtlas2::from_positions(&local, settings.clone(), &placed);
    let stats = fa.run(limit);
    let mut positions = vec![[0.0; 2]; order.len()];
    for (&i, p) in order.iter().zip(fa.positions()) {
        positions[i as usize] = *p;
    }
    (positions, stats)
}

/// Node indices sorted by the Z-order (Morton) code of their positions on
/// a 65536² grid over the bounding box; ties by index.
fn morton_order(positions: &[[f32; 2]]) -> Vec<u32> {
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in positions {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let cell = |v: f32, k: usize| -> u64 {
        let span = (hi[k] - lo[k]).max(1e-6);
        (((v - lo[k]) / span).clamp(0.0, 1.0) * 65535.0) as u64
    };
    let spread = |mut x: u64| {
        x = (x | (x << 8)) & 0x00FF_00FF;
        x = (x | (x << 4)) & 0x0F0F_0F0F;
        x = (x | (x << 2)) & 0x3333_3333;
        (x | (x << 1)) & 0x5555_5555
    };
    let mut keyed: Vec<(u64, u32)> = positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                spread(cell(p[0], 0)) | (spread(cell(p[1], 1)) << 1),
                i as u32,
            )
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// Push overlapping discs apart (radius: the node's size): each round,
/// every node moves half of each overlap away from the other disc. Pairs
/// are found on a uniform grid, so a round is O(n), unlike ForceAtlas2's
/// overlap mode, which needs many full steps to get there. Displacements
/// are summed in a fixed order and applied together: deterministic.
fn remove_overlaps(positions: &mut [[f32; 2]], sizes: &[f32], rounds: u32) {
    let n = positions.len().min(sizes.len());
    let radius = |i: usize| {
        if sizes[i].is_finite() {
            sizes[i].max(0.0)
        } else {
            0.0
        }
    };
    let biggest = (0..n).map(radius).fold(0f32, f32::max);
    if n < 2 || biggest <= 0.0 {
        return;
    }
    let cell = 2.0 * biggest;
    let key = |p: [f32; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    for _ in 0..rounds {
        let mut grid: HashMap<(i64, i64), Vec<u32>> = HashMap::new();
        for (i, p) in positions.iter().enumerate().take(n) {
            grid.entry(key(*p)).or_default().push(i as u32);
        }
        let current: &[[f32; 2]] = positions;
        let push = |i: usize| -> [f32; 2] {
            let (p, (cx, cy)) = (current[i], key(current[i]));
            let mut d = [0f32; 2];
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in grid.get(&(gx, gy)).map_or(&[][..], Vec::as_slice) {
                        let j = j as usize;
                        if j == i {
                            continue;
                        }
                        let (dx, dy) = (p[0] - current[j][0], p[1] - current[j][1]);
                        let dist = (dx * dx + dy * dy).sqrt();
                        let overlap = radius(i) + radius(j) - dist;
                        if overlap <= 0.0 {
                            continue;
                        }
                        // Coincident nodes part along a direction fixed by
                        // their indices.
                        let (ux, uy) = if dist > 1e-6 {
                            (dx / dist, dy / dist)
                        } else if i < j {
                            (1.0, 0.0)
                        } else {
                            (-1.0, 0.0)
                        };
                        d[0] += ux * overlap * 0.5;
                        d[1] += uy * overlap * 0.5;
                    }
                }
            }
            d
        };
        let moves: Vec<[f32; 2]> = if n >= PARALLEL_FROM {
            (0..n)
                .into_par_iter()
                .with_min_len(1024)
                .map(push)
                .collect()
        } else {
            (0..n).map(push).collect()
        };
        let mut moved = false;
        for (p, d) in positions.iter_mut().zip(&moves) {
            if d[0] != 0.0 || d[1] != 0.0 {
                p[0] += d[0];
                p[1] += d[1];
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Merge each node with its lightest unmatched neighbour (nodes visited
/// from the lightest up, ties by index): hubs stay unmatched longer, so
/// clusters form around them. Parallel coarse edges add their weights.
fn coarsen(graph: &Graph) -> Level {
    let n = graph.node_count();
    let adjacency = Adjacency::new(graph);
    let degree: Vec<u32> = (0..n).map(|i| adjacency.degree(i)).collect();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| (degree[i as usize], i));
    const NONE: u32 = u32::MAX;
    let mut parent = vec![NONE; n];
    let mut sizes = Vec::new();
    for &u in &order {
        if parent[u as usize] != NONE {
            continue;
        }
        let partner = adjacency
            .neighbours(u as usize)
            .map(|(v, _)| v)
            .filter(|&v| v != u && parent[v as usize] == NONE)
            .min_by_key(|&v| (degree[v as usize], v));
        let id = sizes.len() as u32;
        parent[u as usize] = id;
        let mut size = graph.sizes[u as usize];
        if let Some(v) = partner {
            parent[v as usize] = id;
            // Two discs side by side cover about sqrt(2) times the radius.
            size = (size * size + graph.sizes[v as usize].powi(2)).sqrt();
        }
        sizes.push(size);
    }
    let mut weights: BTreeMap<(u32, u32), f32> = BTreeMap::new();
    for &(a, b, w) in &graph.edges {
        if (a as usize) < n && (b as usize) < n {
            let (pa, pb) = (parent[a as usize], parent[b as usize]);
            if pa != pb {
                *weights.entry((pa.min(pb), pa.max(pb))).or_default() += w;
            }
        }
    }
    Level {
        graph: Graph {
            sizes,
            edges: weights.into_iter().map(|((a, b), w)| (a, b, w)).collect(),
        },
        parent,
    }
}

/// Finer positions from coarser ones: each node starts at its coarse node,
/// the whole scaled up as the finer graph needs more room (area grows with
/// the node count), plus a little jitter so merged pairs come apart.
fn prolong(
    coarse: &[[f32; 2]],
    level: &Level,
    finer: &Graph,
    rng: &mut SplitMix64,
) -> Vec<[f32; 2]> {
    let (nc, nf) = (coarse.len().max(1) as f32, finer.node_count().max(1) as f32);
    let grow = (nf / nc).sqrt();
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in coarse {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    let spacing = ((hi[0] - lo[0]) * (hi[1] - lo[1]) / nc).sqrt().max(1e-3) * grow;
    level
        .parent
        .iter()
        .map(|&c| {
            let p = coarse[c as usize];
            rng.in_disc([p[0] * grow, p[1] * grow], 0.3 * spacing)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(side: u32) -> Graph {
        let id = |x: u32, y: u32| y * side + x;
        let mut edges = Vec::new();
        for y in 0..side {
            for x in 0..side {
                if x + 1 < side {
                    edges.push((id(x, y), id(x + 1, y)));
                }
                if y + 1 < side {
                    edges.push((id(x, y), id(x, y + 1)));
                }
            }
        }
        Graph::unweighted((side * side) as usize, edges)
    }

    #[test]
    fn coarsening_roughly_halves_a_grid_and_maps_every_node() {
        let g = grid(40);
        let level = coarsen(&g);
        let n = level.graph.node_count();
        assert!((800..1000).contains(&n), "{n}");
        assert!(level.parent.iter().all(|&p| (p as usize) < n));
    }

    #[test]
    fn overlapping_discs_are_pushed_apart() {
        let mut p = vec![[0.0, 0.0], [0.0, 0.0], [0.5, 0.0], [10.0, 10.0]];
        let sizes = [1.0, 1.0, 1.0, 1.0];
        remove_overlaps(&mut p, &sizes, 50);
        for i in 0..4 {
            for j in 0..i {
                let d = ((p[i][0] - p[j][0]).powi(2) + (p[i][1] - p[j][1]).powi(2)).sqrt();
                assert!(d > 1.9, "{i} {j} {d}");
            }
        }
        assert_eq!(p[3], [10.0, 10.0], "a node clear of others stays");
    }

    #[test]
    fn large_graphs_go_through_levels_and_repeat_exactly() {
        let g = grid(40);
        let settings = Settings::for_nodes(1600);
        let (a, _) = layout(&g, &settings, 3, 300);
        let (b, _) = layout(&g, &settings, 3, 300);
        assert_eq!(a, b);
        // Neighbours in the grid end up closer than the grid's far corners.
        let d =
            |i: usize, j: usize| ((a[i][0] - a[j][0]).powi(2) + (a[i][1] - a[j][1]).powi(2)).sqrt();
        assert!(d(0, 1) * 10.0 < d(0, 1599), "{} vs {}", d(0, 1), d(0, 1599));
    }
}
