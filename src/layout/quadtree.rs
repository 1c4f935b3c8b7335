//! A Barnes–Hut quadtree: far-away groups of nodes act as one mass at their
//! centre, so repulsion costs O(n log n) per step instead of O(n²).
//!
//! The tree is rebuilt each step (sequentially, in a fixed order), so it
//! depends only on positions, never on thread timing.

/// Cells holding at most this many nodes are not split further.
const LEAF_SIZE: usize = 8;
/// Guards against endless splitting when many nodes share one point.
const MAX_DEPTH: u32 = 40;

#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    /// Centre of mass.
    com: [f32; 2],
    mass: f32,
    /// Side length of the square the cell covers.
    width: f32,
    /// `children..children + child_count` index `cells` (0 children: a leaf).
    children: u32,
    child_count: u32,
    /// `start..end` index `order`: the nodes inside this cell.
    start: u32,
    end: u32,
}

/// What a node interacts with: another node, or a far cluster's mass.
pub(crate) enum Body {
    Node(usize),
    Cluster { com: [f32; 2], mass: f32 },
}

#[derive(Debug, Clone, Default)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
    /// Node indices, permuted so that every cell's nodes are contiguous.
    order: Vec<u32>,
    scratch: Vec<u32>,
}

impl QuadTree {
    /// Rebuild the tree over `positions` weighted by `masses`, reusing the
    /// buffers of the previous build.
    pub fn rebuild(&mut self, positions: &[[f32; 2]], masses: &[f32]) {
        let n = positions.len();
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..n as u32);
        self.scratch.resize(n, 0);
        if n == 0 {
            return;
        }
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in positions {
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        let side = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(1e-3) * 1.0001;
        self.cells.push(Cell {
            end: n as u32,
            width: side,
            ..Cell::default()
        });
        self.build(0, lo, side, 0, positions, masses);
    }

    fn build(
        &mut self,
        cell: usize,
        corner: [f32; 2],
        side: f32,
        depth: u32,
        positions: &[[f32; 2]],
        masses: &[f32],
    ) {
        let (start, end) = (
            self.cells[cell].start as usize,
            self.cells[cell].end as usize,
        );
        if end - start <= LEAF_SIZE || depth >= MAX_DEPTH {
            let (mut m, mut x, mut y) = (0f32, 0f32, 0f32);
            for &i in &self.order[start..end] {
                let (w, p) = (masses[i as usize], positions[i as usize]);
                m += w;
                x += p[0] * w;
                y += p[1] * w;
            }
            let c = &mut self.cells[cell];
            c.mass = m;
            c.com = if m > 0.0 { [x / m, y / m] } else { [0.0; 2] };
            return;
        }
        // Counting sort of this cell's nodes into its four quadrants.
        let half = side * 0.5;
        let mid = [corner[0] + half, corner[1] + half];
        let quadrant = |p: [f32; 2]| usize::from(p[0] >= mid[0]) + 2 * usize::from(p[1] >= mid[1]);
        let mut counts = [0usize; 4];
        for &i in &self.order[start..end] {
            counts[quadrant(positions[i as usize])] += 1;
        }
        let mut next = [start; 4];
        for q in 1..4 {
            next[q] = next[q - 1] + counts[q - 1];
        }
        let bounds = next;
        for k in start..end {
            let i = self.order[k];
            let q = quadrant(positions[i as usize]);
            self.scratch[next[q]] = i;
            next[q] += 1;
        }
        self.order[start..end].copy_from_slice(&self.scratch[start..end]);

        let first = self.cells.len();
        let mut children = Vec::with_capacity(4);
        for q in 0..4 {
            if counts[q] == 0 {
                continue;
            }
            let corner = [
                corner[0] + if q & 1 == 1 { half } else { 0.0 },
                corner[1] + if q & 2 == 2 { half } else { 0.0 },
            ];
            self.cells.push(Cell {
                width: half,
                start: bounds[q] as u32,
                end: (bounds[q] + counts[q]) as u32,
                ..Cell::default()
            });
            children.push(corner);
        }
        self.cells[cell].children = first as u32;
        self.cells[cell].child_count = children.len() as u32;
        let (mut m, mut x, mut y) = (0f32, 0f32, 0f32);
        for (k, corner) in children.into_iter().enumerate() {
            self.build(first + k, corner, half, depth + 1, positions, masses);
            let c = self.cells[first + k];
            m += c.mass;
            x += c.com[0] * c.mass;
            y += c.com[1] * c.mass;
        }
        let c = &mut self.cells[cell];
        c.mass = m;
        c.com = if m > 0.0 { [x / m, y / m] } else { [0.0; 2] };
    }

    /// Call `visit` with every body node `at` interacts with: whole cells
    /// whose width / distance is below `theta`, single nodes otherwise
    /// (including the node itself, which the caller skips). `stack` is a
    /// reusable buffer.
    pub fn for_each_body(
        &self,
        at: [f32; 2],
        theta: f32,
        stack: &mut Vec<u32>,
        mut visit: impl FnMut(Body),
    ) {
        if self.cells.is_empty() {
            return;
        }
        let theta2 = theta * theta;
        stack.clear();
        stack.push(0);
        while let Some(index) = stack.pop() {
            let cell = &self.cells[index as usize];
            let dx = at[0] - cell.com[0];
            let dy = at[1] - cell.com[1];
            let d2 = dx * dx + dy * dy;
            if cell.child_count > 0 && cell.width * cell.width < theta2 * d2 {
                visit(Body::Cluster {
                    com: cell.com,
                    mass: cell.mass,
                });
            } else if cell.child_count == 0 {
                for &i in &self.order[cell.start as usize..cell.end as usize] {
                    visit(Body::Node(i as usize));
                }
            } else {
                stack.extend(cell.children..cell.children + cell.child_count);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::rng::SplitMix64;

    fn scattered(n: usize) -> (Vec<[f32; 2]>, Vec<f32>) {
        let mut rng = SplitMix64::new(3);
        let pos = (0..n).map(|_| rng.in_disc([0.0, 0.0], 100.0)).collect();
        (pos, vec![1.0; n])
    }

    #[test]
    fn every_node_is_visited_exactly_once_with_theta_zero() {
        let (pos, mass) = scattered(500);
        let mut tree = QuadTree::default();
        tree.rebuild(&pos, &mass);
        let mut seen = vec![0u32; pos.len()];
        tree.for_each_body([1.0, 2.0], 0.0, &mut Vec::new(), |b| match b {
            Body::Node(i) => seen[i] += 1,
            Body::Cluster { .. } => panic!("theta 0 never groups"),
        });
        assert!(seen.iter().all(|&c| c == 1));
    }

    #[test]
    fn far_clusters_carry_the_whole_mass() {
        let (pos, mass) = scattered(2000);
        let mut tree = QuadTree::default();
        tree.rebuild(&pos, &mass);
        let mut total = 0.0;
        let mut clusters = 0;
        tree.for_each_body([5000.0, 0.0], 1.2, &mut Vec::new(), |b| match b {
            Body::Node(_) => total += 1.0,
            Body::Cluster { mass, .. } => {
                clusters += 1;
                total += mass;
            }
        });
        assert!((total - 2000.0).abs() < 1e-2, "{total}");
        assert!(clusters <= 4);
    }

    #[test]
    fn coincident_nodes_do_not_recurse_forever() {
        let pos = vec![[1.0, 1.0]; 100];
        let mut tree = QuadTree::default();
        tree.rebuild(&pos, &[1.0; 100]);
        let mut count = 0;
        tree.for_each_body([0.0, 0.0], 0.5, &mut Vec::new(), |_| count += 1);
        assert!(count >= 1);
    }
}
