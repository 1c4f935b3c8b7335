//! Disconnected graphs: each connected component is laid out on its own
//! and the pieces are packed in rows, largest first, into a rectangle of
//! the canvas's proportions. Left to one simulation, gravity and repulsion
//! would fling small pieces (often single actors) to the far corners and
//! shrink the main component to a dot once fitted to a page.

use super::forceatlas2::Settings;
use super::graph::Graph;
use super::map::orient;
use super::multilevel;

/// Node indices of each connected component, largest first (ties: by
/// smallest member), members in increasing order.
pub fn components(graph: &Graph) -> Vec<Vec<u32>> {
    let n = graph.node_count();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            let up = parent[parent[i as usize] as usize];
            parent[i as usize] = up;
            i = up;
        }
        i
    }
    for &(a, b, _) in &graph.edges {
        if (a as usize) < n && (b as usize) < n {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb) as usize] = ra.min(rb);
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
    for i in 0..n as u32 {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<u32>> = by_root.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// A packed layout and how its simulations ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed {
    /// One position per node, centred on the origin.
    pub positions: Vec<[f32; 2]>,
    /// The most steps any component took.
    pub iterations: u32,
    /// Did every component converge within the step limit?
    pub converged: bool,
}

/// Lay out every component with ForceAtlas2 (seeded from `seed` and the
/// component's rank) and pack them into rows about `aspect` times wider
/// than tall.
pub fn layout_packed(graph: &Graph, seed: u64, max_iterations: u32, aspect: f32) -> Packed {
    let (mut iterations, mut converged) = (0u32, true);
    let parts = components(graph);
    let n = graph.node_count();
    // No nodes, no pieces: the sizes below are taken from the largest piece.
    if parts.is_empty() {
        return Packed {
            positions: Vec::new(),
            iterations,
            converged,
        };
    }
    let mut local: Vec<Vec<[f32; 2]>> = Vec::with_capacity(parts.len());
    let mut slot = vec![0u32; n];
    for part in &parts {
        for (k, &i) in part.iter().enumerate() {
            slot[i as usize] = k as u32;
        }
    }
    let mut component_of = vec![0usize; n];
    for (c, part) in parts.iter().enumerate() {
        for &i in part {
            component_of[i as usize] = c;
        }
    }
    let mut sub_edges: Vec<Vec<(u32, u32, f32)>> = vec![Vec::new(); parts.len()];
    for &(a, b, w) in &graph.edges {
        if (a as usize) < n && (b as usize) < n {
            let c = component_of[a as usize];
            sub_edges[c].push((slot[a as usize], slot[b as usize], w));
        }
    }
    for (c, part) in parts.iter().enumerate() {
        if part.len() == 1 {
            local.push(vec![[0.0, 0.0]]);
            continue;
        }
        let sub = Graph {
            sizes: part.iter().map(|&i| graph.sizes[i as usize]).collect(),
            edges: std::mem::take(&mut sub_edges[c]),
        };
        let part_seed = seed ^ (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let (mut p, stats) = multilevel::layout(
            &sub,
            &Settings::for_nodes(part.len()),
            part_seed,
            max_iterations,
        );
        iterations = iterations.max(stats.iteration);
        converged &= stats.converged;
        orient(&mut p);
        local.push(p);
    }

    // Bounding boxes including node sizes, and the gap between pieces: the
    // main piece's typical spacing, so small pieces sit at a natural distance.
    let size = |i: u32| graph.sizes.get(i as usize).copied().unwrap_or(0.0);
    let boxes: Vec<[f32; 4]> = parts
        .iter()
        .zip(&local)
        .map(|(part, pos)| {
            let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
            for (&i, p) in part.iter().zip(pos) {
                let s = size(i);
                b = [
                    b[0].min(p[0] - s),
                    b[1].min(p[1] - s),
                    b[2].max(p[0] + s),
                    b[3].max(p[1] + s),
                ];
            }
            b
        })
        .collect();
    let main = boxes[0];
    let gap = ((main[2] - main[0]) * (main[3] - main[1]) / parts[0].len() as f32)
        .sqrt()
        .max(4.0 * graph.sizes.iter().copied().fold(0.0, f32::max))
        .max(1.0);
    let area: f32 = boxes
        .iter()
        .map(|b| (b[2] - b[0] + gap) * (b[3] - b[1] + gap))
        .sum();
    let widest = boxes.iter().map(|b| b[2] - b[0]).fold(0.0, f32::max);
    let row_width = (area * aspect).sqrt().max(widest);

    // Connected pieces in rows, left to right.
    let mut out = vec![[0.0f32; 2]; n];
    let (mut x, mut y, mut row_height, mut right) = (0f32, 0f32, 0f32, 0f32);
    let pieces = parts.iter().zip(&local).zip(&boxes);
    let (connected, singles): (Vec<_>, Vec<_>) = pieces.partition(|((part, _), _)| part.len() > 1);
    for ((part, pos), b) in connected {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_height + gap;
            row_height = 0.0;
        }
        for (&i, p) in part.iter().zip(pos) {
            out[i as usize] = [p[0] - b[0] + x, p[1] - b[1] + y];
        }
        right = right.max(x + w);
        x += w + gap;
        row_height = row_height.max(h);
    }
    // Single actors read as a list: in rows below, or in columns to the
    // right, whichever keeps the whole closer to `aspect`.
    let singles: Vec<u32> = singles.into_iter().map(|((part, _), _)| part[0]).collect();
    if !singles.is_empty() {
        let (width, height) = (right, if right > 0.0 { y + row_height } else { 0.0 });
        let step = gap.max(1.0);
        // Many singles beside a small piece (or none) would make a strip
        // one piece wide: rows are at least as long, and columns as high,
        // as a grid of the singles alone in `aspect` would be.
        let count = singles.len() as f32;
        let (row, column) = (
            (0.75 * aspect * count).sqrt() * step,
            (count / aspect).sqrt() * step,
        );
        let (below, beside) = (
            single_slots(singles.len(), width.max(row).max(step), step, false),
            single_slots(
                singles.len(),
                height.max(column).max(step),
                step * 0.5,
                true,
            ),
        );
        let fit = |slots: &[[f32; 2]], dx: f32, dy: f32| {
            let w = slots.iter().map(|s| s[0] + dx).fold(width, f32::max);
            let h = slots.iter().map(|s| s[1] + dy).fold(height, f32::max);
            let r = w.max(1e-3) / h.max(1e-3);
            (r / aspect).max(aspect / r)
        };
        let below_y = if width > 0.0 {
            height + gap * 0.75
        } else {
            0.0
        };
        let beside_x = if width > 0.0 { width + gap } else { 0.0 };
        let use_below = fit(&below, 0.0, below_y) <= fit(&beside, beside_x, 0.0);
        let (slots, dx, dy) = if use_below {
            (below, 0.0, below_y)
        } else {
            (beside, beside_x, 0.0)
        };
        // A column beside the pieces is centred on them.
        let used = slots.iter().map(|s| s[1]).fold(0.0, f32::max);
        let dy = if use_below {
            dy
        } else {
            ((height - used) / 2.0).max(0.0)
        };
        for (&i, s) in singles.iter().zip(slots) {
            out[i as usize] = [s[0] + dx, s[1] + dy];
        }
    }
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in &out {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    let mid = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    for p in &mut out {
        *p = [p[0] - mid[0], p[1] - mid[1]];
    }
    Packed {
        positions: out,
        iterations,
        converged,
    }
}

/// Grid slots for `count` single actors: along rows `extent` wide, `step`
/// apart (`columns`: down columns `extent` high instead).
fn single_slots(count: usize, extent: f32, step: f32, columns: bool) -> Vec<[f32; 2]> {
    let per_line = ((extent / step).floor() as usize + 1).max(1);
    let across = if columns { step * 2.0 } else { step * 0.75 };
    (0..count)
        .map(|k| {
            let (along, line) = ((k % per_line) as f32 * step, (k / per_line) as f32 * across);
            if columns {
                [line, along]
            } else {
                [along, line]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_found_largest_first() {
        let g = Graph::unweighted(6, [(4, 5), (0, 1), (1, 2)]);
        assert_eq!(components(&g), vec![vec![0, 1, 2], vec![4, 5], vec![3]]);
    }

    #[test]
    fn lone_nodes_fill_a_rectangle_of_the_aspect() {
        for n in [10, 1_000, 100_000] {
            let p = layout_packed(&Graph::unweighted(n, []), 1, 500, 1.6).positions;
            let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
            for q in &p {
                lo = [lo[0].min(q[0]), lo[1].min(q[1])];
                hi = [hi[0].max(q[0]), hi[1].max(q[1])];
            }
            let ratio = (hi[0] - lo[0]) / (hi[1] - lo[1]);
            assert!((0.8..3.2).contains(&ratio), "{n} nodes: {ratio}");
        }
    }

    #[test]
    fn an_empty_graph_packs_to_no_positions() {
        let packed = layout_packed(&Graph::unweighted(0, []), 1, 500, 1.6);
        assert!(packed.positions.is_empty() && packed.converged);
    }

    #[test]
    fn packed_pieces_do_not_overlap_and_stay_close() {
        let g = Graph::unweighted(8, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5)]);
        let p = layout_packed(&g, 1, 500, 1.6).positions;
        let bbox = |ids: &[usize]| {
            ids.iter()
                .fold([f32::MAX, f32::MAX, f32::MIN, f32::MIN], |b, &i| {
                    [
                        b[0].min(p[i][0]),
                        b[1].min(p[i][1]),
                        b[2].max(p[i][0]),
                        b[3].max(p[i][1]),
                    ]
                })
        };
        let (a, b) = (bbox(&[0, 1, 2]), bbox(&[3, 4, 5]));
        let apart = a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1];
        assert!(apart, "{a:?} {b:?}");
        let all = bbox(&[0, 1, 2, 3, 4, 5, 6, 7]);
        let main = a[2] - a[0];
        assert!(all[2] - all[0] < 6.0 * main.max(1.0), "{all:?} vs {main}");
    }
}
