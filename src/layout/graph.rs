//! The graph a layout sees: node sizes and weighted edges, nothing else.

use serde::{Deserialize, Serialize};

/// What the layout needs to know: one size (radius, in layout units) per
/// node, and undirected weighted edges between node indices. Direction and
/// meaning of edges do not matter to a force layout.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub sizes: Vec<f32>,
    pub edges: Vec<(u32, u32, f32)>,
}

impl Graph {
    /// A graph of `n` nodes of size 1 and the given unweighted edges.
    pub fn unweighted(n: usize, edges: impl IntoIterator<Item = (u32, u32)>) -> Self {
        Self {
            sizes: vec![1.0; n],
            edges: edges.into_iter().map(|(a, b)| (a, b, 1.0)).collect(),
        }
    }

    pub fn node_count(&self) -> usize {
        self.sizes.len()
    }

    /// A Barabási–Albert scale-free graph (preferential attachment, each
    /// new node joins `m` distinct earlier ones), from `seed`: the standard
    /// synthetic input of layout benchmarks, with hubs like real actor maps.
    pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Self {
        let m = m.max(1);
        let mut rng = super::rng::SplitMix64::new(seed);
        let mut edges = Vec::with_capacity(n * m);
        // Every edge end once: drawing from it picks nodes by degree.
        let mut ends: Vec<u32> = Vec::with_capacity(2 * n * m);
        let core = (m + 1).min(n) as u32;
        for a in 0..core {
            for b in 0..a {
                edges.push((a, b));
                ends.extend([a, b]);
            }
        }
        let mut chosen = Vec::with_capacity(m);
        for v in core..n as u32 {
            chosen.clear();
            while chosen.len() < m {
                let t = ends[rng.below(ends.len() as u64) as usize];
                if !chosen.contains(&t) {
                    chosen.push(t);
                }
            }
            for &t in &chosen {
                edges.push((v, t));
                ends.extend([v, t]);
            }
        }
        Self::unweighted(n, edges)
    }
}

/// Compressed adjacency (both directions of every edge), built once so a
/// step can sum each node's edges independently and in a fixed order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Adjacency {
    /// `offsets[i]..offsets[i + 1]` indexes `targets`/`weights` for node `i`.
    pub offsets: Vec<u32>,
    pub targets: Vec<u32>,
    pub weights: Vec<f32>,
}

impl Adjacency {
    /// Self-loops and edges naming missing nodes are ignored (they exert no
    /// force); non-finite or negative weights count as 0.
    pub fn new(graph: &Graph) -> Self {
        let n = graph.node_count();
        let valid = |&&(a, b, _): &&(u32, u32, f32)| a != b && (a as usize) < n && (b as usize) < n;
        let mut degree = vec![0u32; n + 1];
        for &(a, b, _) in graph.edges.iter().filter(valid) {
            degree[a as usize + 1] += 1;
            degree[b as usize + 1] += 1;
        }
        for i in 0..n {
            degree[i + 1] += degree[i];
        }
        let offsets = degree;
        let total = offsets[n] as usize;
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; total];
        let mut weights = vec![0f32; total];
        for &(a, b, w) in graph.edges.iter().filter(valid) {
            let w = if w.is_finite() && w > 0.0 { w } else { 0.0 };
            for (from, to) in [(a, b), (b, a)] {
                let slot = fill[from as usize] as usize;
                targets[slot] = to;
                weights[slot] = w;
                fill[from as usize] += 1;
            }
        }
        Self {
            offsets,
            targets,
            weights,
        }
    }

    pub fn degree(&self, node: usize) -> u32 {
        self.offsets[node + 1] - self.offsets[node]
    }

    pub fn neighbours(&self, node: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        let range = self.offsets[node] as usize..self.offsets[node + 1] as usize;
        self.targets[range.clone()]
            .iter()
            .copied()
            .zip(self.weights[range].iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn barabasi_albert_has_the_expected_edges_and_repeats() {
        let g = Graph::barabasi_albert(500, 3, 7);
        assert_eq!(g.node_count(), 500);
        assert_eq!(g.edges.len(), 6 + 496 * 3);
        assert_eq!(g, Graph::barabasi_albert(500, 3, 7));
        let degree = Adjacency::new(&g);
        let max = (0..500).map(|i| degree.degree(i)).max().unwrap();
        assert!(max > 20, "no hub: {max}");
    }

    #[test]
    fn adjacency_lists_both_directions_and_skips_bad_edges() {
        let g = Graph {
            sizes: vec![1.0; 3],
            edges: vec![(0, 1, 2.0), (1, 2, 1.0), (2, 2, 1.0), (0, 9, 1.0)],
        };
        let adj = Adjacency::new(&g);
        assert_eq!(adj.degree(0), 1);
        assert_eq!(adj.degree(1), 2);
        assert_eq!(adj.degree(2), 1);
        assert_eq!(adj.neighbours(1).collect::<Vec<_>>(), [(0, 2.0), (2, 1.0)]);
    }
}
