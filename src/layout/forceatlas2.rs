//! ForceAtlas2 (Jacomy et al., 2014), the layout Gephi users know: degree-
//! weighted repulsion, linear or lin-log attraction, gravity, adaptive speed
//! and optional overlap prevention, with Barnes–Hut repulsion.
//!
//! Determinism: every node's force is computed on its own, in a fixed order
//! (the quadtree is built sequentially, neighbours are summed in adjacency
//! order), and global sums run sequentially. Threads only decide *when* a
//! node is computed, never *what* it adds up to, so a seed gives the same
//! f32 positions on every run and machine.

use super::graph::{Adjacency, Graph};
use super::portable::ln_1p;
use super::quadtree::{Body, QuadTree};
use super::rng::SplitMix64;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Below this many nodes a step runs on one thread: spawning costs more.
const PARALLEL_FROM: usize = 1024;
/// Below this many nodes repulsion is computed exactly (all pairs).
const BARNES_HUT_FROM: usize = 64;
/// Net movement is measured over this many steps.
pub const DRIFT_WINDOW: u32 = 10;

/// The knobs of ForceAtlas2, named as in Gephi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Repulsion strength ("scaling"): larger spreads the graph out.
    pub scaling: f32,
    /// Pull towards the centre, so components do not drift apart.
    pub gravity: f32,
    /// Gravity grows with distance instead of staying constant.
    pub strong_gravity: bool,
    /// Lin-log attraction: tighter clusters (Noack's LinLog energy model).
    pub lin_log: bool,
    /// Divide attraction by the node's mass, pushing hubs to the periphery.
    pub dissuade_hubs: bool,
    /// Treat nodes as discs of their size and push overlapping ones apart.
    pub prevent_overlap: bool,
    /// Use edge weights in attraction (otherwise every edge pulls as 1).
    pub edge_weights: bool,
    /// How much swinging is tolerated before the speed is cut; higher is
    /// faster and less precise.
    pub jitter_tolerance: f32,
    /// Barnes–Hut accuracy: cells whose width / distance is below this act
    /// as one mass. 0 computes all pairs exactly.
    pub theta: f32,
    /// Settled: the nodes' mean net movement over the last
    /// `DRIFT_WINDOW` steps is below this fraction of the mean spacing
    /// between nodes (or one step moves them less than a fifth of it).
    /// ForceAtlas2 keeps jittering a little at equilibrium; net movement
    /// tells drift, which changes the picture, from jitter, which does not.
    pub tolerance: f32,
    /// 1 (Gephi's behaviour): the adaptive speed alone sets the pace, and
    /// the layout may keep evolving for a long time. Below 1: the speed may
    /// not exceed its first value times `cooling` per step since, an
    /// annealing schedule that makes batch layouts settle in a bounded
    /// number of steps (the multilevel layout refines each level so).
    pub cooling: f32,
}

impl Settings {
    /// Gephi's defaults for a graph of `n` nodes (small graphs get more
    /// repulsion), plus overlap prevention.
    pub fn for_nodes(n: usize) -> Self {
        Self {
            scaling: if n < 100 { 10.0 } else { 2.0 },
            gravity: 1.0,
            strong_gravity: false,
            lin_log: false,
            dissuade_hubs: false,
            prevent_overlap: true,
            edge_weights: true,
            jitter_tolerance: 1.0,
            theta: 1.2,
            tolerance: 0.05,
            cooling: 1.0,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self::for_nodes(0)
    }
}

/// What one step did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StepStats {
    /// Steps done so far, this one included.
    pub iteration: u32,
    /// The global speed after adaptation.
    pub speed: f32,
    /// Mean distance a free node moved in this step.
    pub mean_move: f32,
    /// Mean spacing between nodes: sqrt(bounding-box area / nodes).
    pub spacing: f32,
    /// Mean net movement of free nodes over the last full window of
    /// `DRIFT_WINDOW` steps (0 before the first window ends).
    pub drift: f32,
    /// Settled, by `Settings::tolerance`.
    pub converged: bool,
}

/// The ForceAtlas2 simulation: a graph, its positions and the adaptive
/// state. Cloning and (de)serialising it keeps everything but scratch
/// buffers, so a window can store it between frames.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ForceAtlas2 {
    settings: Settings,
    sizes: Vec<f32>,
    masses: Vec<f32>,
    adjacency: Adjacency,
    positions: Vec<[f32; 2]>,
    forces: Vec<[f32; 2]>,
    old_forces: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    /// Where gravity pulls.
    center: [f32; 2],
    speed: f32,
    speed_efficiency: f32,
    /// Mean mass, the attraction compensation when hubs are dissuaded.
    compensation: f32,
    last: StepStats,
    /// The cooling ceiling on the speed.
    ceiling: f32,
    /// Positions at the start of the current drift window.
    anchor: Vec<[f32; 2]>,
    #[serde(skip)]
    tree: QuadTree,
    #[serde(skip)]
    scratch: Vec<[f32; 3]>,
}

impl ForceAtlas2 {
    /// A fresh layout: nodes scattered uniformly, from `seed`, in a disc
    /// whose area grows with the node count.
    pub fn new(graph: &Graph, settings: Settings, seed: u64) -> Self {
        let mut layout = Self::empty(graph, settings);
        let mut rng = SplitMix64::new(seed);
        let radius = initial_radius(graph.node_count());
        for p in &mut layout.positions {
            *p = rng.in_disc([0.0, 0.0], radius);
        }
        layout
    }

    /// Continue from given positions (one per node; missing or non-finite
    /// ones start at the origin's neighbourhood), nothing pinned: e.g. what
    /// the window shows, or a coarser level's layout spread out.
    pub fn from_positions(graph: &Graph, settings: Settings, positions: &[[f32; 2]]) -> Self {
        let mut layout = Self::empty(graph, settings);
        for (i, (p, q)) in layout.positions.iter_mut().zip(positions).enumerate() {
            *p = if q[0].is_finite() && q[1].is_finite() {
                *q
            } else {
                [i as f32 * 1e-3, 0.0]
            };
        }
        layout
    }

    /// An incremental layout: nodes with a known position keep it and are
    /// pinned (`unpin_all` lets them move again); the others start next to
    /// their already placed neighbours (their mean, plus a little jitter),
    /// or, with none, at random near the centre of the known nodes.
    pub fn with_positions(
        graph: &Graph,
        settings: Settings,
        seed: u64,
        known: &[Option<[f32; 2]>],
    ) -> Self {
        let mut layout = Self::empty(graph, settings);
        let n = layout.positions.len();
        let mut rng = SplitMix64::new(seed);
        let mut placed = vec![false; n];
        for (i, p) in known.iter().enumerate().take(n) {
            if let Some(p) = p.filter(|p| p[0].is_finite() && p[1].is_finite()) {
                layout.positions[i] = p;
                layout.pinned[i] = true;
                placed[i] = true;
            }
        }
        let known_count = placed.iter().filter(|&&p| p).count();
        if known_count == 0 {
            return Self::new(graph, layout.settings, seed);
        }
        let (center, spread) = centre_and_spread(&layout.positions, &placed);
        layout.center = center;
        let jitter = (spread / (known_count as f32).sqrt()).max(1.0) * 0.5;
        // Breadth-first from the placed nodes, in index order: a new node
        // joins the mean of its neighbours placed in earlier rounds.
        loop {
            let mut round = Vec::new();
            for i in 0..n {
                if placed[i] {
                    continue;
                }
                let (mut sum, mut count) = ([0f32; 2], 0u32);
                for (j, _) in layout.adjacency.neighbours(i) {
                    if placed[j as usize] {
                        let p = layout.positions[j as usize];
                        sum = [sum[0] + p[0], sum[1] + p[1]];
                        count += 1;
                    }
                }
                if count > 0 {
                    let mean = [sum[0] / count as f32, sum[1] / count as f32];
                    round.push((i, rng.in_disc(mean, jitter)));
                }
            }
            if round.is_empty() {
                break;
            }
            for (i, p) in round {
                layout.positions[i] = p;
                placed[i] = true;
            }
        }
        for (p, _) in layout
            .positions
            .iter_mut()
            .zip(&placed)
            .filter(|(_, k)| !**k)
        {
            *p = rng.in_disc(center, spread.max(jitter));
        }
        // Known nodes are settled: start slower than a fresh layout.
        layout.speed = 0.1;
        layout
    }

    fn empty(graph: &Graph, settings: Settings) -> Self {
        let n = graph.node_count();
        let adjacency = Adjacency::new(graph);
        let masses: Vec<f32> = (0..n).map(|i| adjacency.degree(i) as f32 + 1.0).collect();
        let compensation = if n == 0 {
            1.0
        } else {
            masses.iter().map(|&m| f64::from(m)).sum::<f64>() as f32 / n as f32
        };
        let sizes = graph
            .sizes
            .iter()
            .map(|&s| if s.is_finite() { s.max(0.0) } else { 0.0 })
            .collect();
        Self {
            settings,
            sizes,
            masses,
            adjacency,
            positions: vec![[0.0; 2]; n],
            forces: vec![[0.0; 2]; n],
            old_forces: vec![[0.0; 2]; n],
            pinned: vec![false; n],
            center: [0.0; 2],
            speed: 1.0,
            speed_efficiency: 1.0,
            compensation,
            last: StepStats::default(),
            ceiling: f32::MAX,
            anchor: Vec::new(),
            tree: QuadTree::default(),
            scratch: Vec::new(),
        }
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Change settings mid-run (the adaptive speed carries on).
    pub fn set_settings(&mut self, settings: Settings) {
        self.settings = settings;
    }

    /// The stats of the last step (all zero before the first).
    pub fn last_step(&self) -> StepStats {
        self.last
    }

    /// Fix node `i` at `at`; it still pushes and pulls the others.
    /// Out-of-range indices are ignored.
    pub fn pin(&mut self, i: usize, at: [f32; 2]) {
        if i < self.positions.len() && at[0].is_finite() && at[1].is_finite() {
            self.positions[i] = at;
            self.pinned[i] = true;
        }
    }

    pub fn unpin(&mut self, i: usize) {
        if let Some(p) = self.pinned.get_mut(i) {
            *p = false;
        }
    }

    pub fn unpin_all(&mut self) {
        self.pinned.fill(false);
    }

    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    /// Move node `i` without pinning it (a drag the simulation may undo).
    pub fn set_position(&mut self, i: usize, at: [f32; 2]) {
        if i < self.positions.len() && at[0].is_finite() && at[1].is_finite() {
            self.positions[i] = at;
        }
    }

    /// Step until converged or `max_iterations` steps; the stats of the
    /// last step say which.
    pub fn run(&mut self, max_iterations: u32) -> StepStats {
        for _ in 0..max_iterations {
            if self.step().converged {
                break;
            }
        }
        self.last
    }

    /// One iteration: forces, adaptive speed, moves.
    pub fn step(&mut self) -> StepStats {
        let n = self.positions.len();
        if n == 0 {
            self.last.converged = true;
            return self.last;
        }
        std::mem::swap(&mut self.forces, &mut self.old_forces);
        let exact = self.settings.theta <= 0.0 || n < BARNES_HUT_FROM;
        if !exact {
            self.tree.rebuild(&self.positions, &self.masses);
        }
        self.compute_forces(exact);
        self.adapt_speed();
        self.apply_forces();
        self.last
    }

    fn compute_forces(&mut self, exact: bool) {
        let ctx = ForceContext {
            settings: &self.settings,
            positions: &self.positions,
            masses: &self.masses,
            sizes: &self.sizes,
            adjacency: &self.adjacency,
            tree: if exact { None } else { Some(&self.tree) },
            center: self.center,
            compensation: self.compensation,
        };
        if self.positions.len() >= PARALLEL_FROM {
            self.forces
                .par_iter_mut()
                .enumerate()
                .with_min_len(256)
                .for_each_init(Vec::new, |stack, (i, f)| *f = ctx.force(i, stack));
        } else {
            let mut stack = Vec::new();
            for (i, f) in self.forces.iter_mut().enumerate() {
                *f = ctx.force(i, &mut stack);
            }
        }
    }

    /// Gephi's adaptive speed: raise the speed while nodes move steadily,
    /// cut it when they swing back and forth.
    fn adapt_speed(&mut self) {
        let n = self.positions.len();
        let (mut swinging, mut traction) = (0f64, 0f64);
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let (f, o) = (self.forces[i], self.old_forces[i]);
            let m = f64::from(self.masses[i]);
            swinging += m * f64::from(length([o[0] - f[0], o[1] - f[1]]));
            traction += m * 0.5 * f64::from(length([o[0] + f[0], o[1] + f[1]]));
        }
        if swinging <= 0.0 || traction <= 0.0 {
            return;
        }
        let nf = n as f64;
        let optimal = 0.05 * nf.sqrt();
        let min_jt = optimal.sqrt();
        let jitter = f64::from(self.settings.jitter_tolerance);
        let mut jt = jitter * min_jt.max((optimal * traction / (nf * nf)).min(10.0));
        let min_efficiency = 0.05;
        let mut efficiency = f64::from(self.speed_efficiency);
        if swinging / traction > 2.0 {
            if efficiency > min_efficiency {
                efficiency *= 0.5;
            }
            jt = jt.max(jitter);
        }
        let target = jt * efficiency * traction / swinging;
        if swinging > jt * traction {
            if efficiency > min_efficiency {
                efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            efficiency *= 1.3;
        }
        let speed = f64::from(self.speed);
        let max_rise = 0.5;
        self.speed = (speed + (target - speed).min(max_rise * speed)) as f32;
        self.speed_efficiency = efficiency as f32;
        if self.settings.cooling < 1.0 {
            self.ceiling = if self.last.iteration == 0 {
                self.speed
            } else {
                self.ceiling * self.settings.cooling.max(0.0)
            };
            self.speed = self.speed.min(self.ceiling);
        }
    }

    fn apply_forces(&mut self) {
        let n = self.positions.len();
        let speed = self.speed;
        let overlap = self.settings.prevent_overlap;
        self.scratch.resize(n, [0.0; 3]);
        let moves = &mut self.scratch;
        let (forces, old, masses, pinned) =
            (&self.forces, &self.old_forces, &self.masses, &self.pinned);
        let step = |i: usize| -> [f32; 3] {
            if pinned[i] {
                return [0.0; 3];
            }
            let (f, o) = (forces[i], old[i]);
            let swinging = masses[i] * length([o[0] - f[0], o[1] - f[1]]);
            let mut factor = speed / (1.0 + (speed * swinging).sqrt());
            if overlap {
                // Swinging is unreliable while overlaps are resolved: move
                // more cautiously and never more than 10 units.
                factor *= 0.1;
                let df = length(f);
                if df > 0.0 {
                    factor = (factor * df).min(10.0) / df;
                }
            }
            let d = [f[0] * factor, f[1] * factor];
            if d[0].is_finite() && d[1].is_finite() {
                [d[0], d[1], 1.0]
            } else {
                [0.0, 0.0, 1.0]
            }
        };
        if n >= PARALLEL_FROM {
            moves
                .par_iter_mut()
                .enumerate()
                .with_min_len(1024)
                .for_each(|(i, m)| *m = step(i));
        } else {
            for (i, m) in moves.iter_mut().enumerate() {
                *m = step(i);
            }
        }
        let (mut moved, mut free) = (0f64, 0u32);
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for (p, m) in self.positions.iter_mut().zip(moves.iter()) {
            p[0] += m[0];
            p[1] += m[1];
            if m[2] > 0.0 {
                moved += f64::from(length([m[0], m[1]]));
                free += 1;
            }
            for k in 0..2 {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
        let area = (hi[0] - lo[0]).max(1e-3) * (hi[1] - lo[1]).max(1e-3);
        let spacing = (area / n as f32).sqrt();
        let mean_move = if free == 0 {
            0.0
        } else {
            (moved / f64::from(free)) as f32
        };
        let iteration = self.last.iteration + 1;
        let mut drift = self.last.drift;
        let mut settled = false;
        if self.anchor.len() != n {
            self.anchor = self.positions.clone();
        } else if iteration.is_multiple_of(DRIFT_WINDOW) {
            let mut net = 0f64;
            for ((p, a), pinned) in self.positions.iter().zip(&self.anchor).zip(&self.pinned) {
                if !pinned {
                    net += f64::from(length([p[0] - a[0], p[1] - a[1]]));
                }
            }
            drift = if free == 0 {
                0.0
            } else {
                (net / f64::from(free)) as f32
            };
            settled = drift < self.settings.tolerance * spacing;
            self.anchor.copy_from_slice(&self.positions);
        }
        self.last = StepStats {
            iteration,
            speed,
            mean_move,
            spacing,
            drift,
            converged: settled || free == 0 || mean_move < 0.2 * self.settings.tolerance * spacing,
        };
    }
}

/// Everything one node's force depends on, borrowed for a step.
struct ForceContext<'a> {
    settings: &'a Settings,
    positions: &'a [[f32; 2]],
    masses: &'a [f32],
    sizes: &'a [f32],
    adjacency: &'a Adjacency,
    tree: Option<&'a QuadTree>,
    center: [f32; 2],
    compensation: f32,
}

impl ForceContext<'_> {
    fn force(&self, i: usize, stack: &mut Vec<u32>) -> [f32; 2] {
        let s = self.settings;
        let p = self.positions[i];
        let (mi, si) = (self.masses[i], self.sizes[i]);
        let kr = s.scaling;
        let mut f = [0f32; 2];

        // Repulsion: kr * m_i * m_j / d, or as discs when preventing overlap.
        let repel_node = |j: usize| -> [f32; 2] {
            if j == i {
                return [0.0; 2];
            }
            let q = self.positions[j];
            let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
            let d2 = dx * dx + dy * dy;
            let mm = kr * mi * self.masses[j];
            let factor = if s.prevent_overlap {
                let gap = d2.sqrt() - si - self.sizes[j];
                if gap > 0.0 {
                    mm / (gap * gap)
                } else {
                    100.0 * mm
                }
            } else if d2 > 0.0 {
                mm / d2
            } else {
                0.0
            };
            [dx * factor, dy * factor]
        };
        let mut add = |d: [f32; 2]| {
            f[0] += d[0];
            f[1] += d[1];
        };
        match self.tree {
            Some(tree) => tree.for_each_body(p, s.theta, stack, |body| match body {
                Body::Node(j) => add(repel_node(j)),
                Body::Cluster { com, mass } => {
                    let (dx, dy) = (p[0] - com[0], p[1] - com[1]);
                    let d2 = dx * dx + dy * dy;
                    if d2 > 0.0 {
                        let factor = kr * mi * mass / d2;
                        add([dx * factor, dy * factor]);
                    }
                }
            }),
            None => (0..self.positions.len()).for_each(|j| add(repel_node(j))),
        }

        // Gravity: constant pull m_i * g towards the centre (or growing
        // with distance when strong).
        let (dx, dy) = (p[0] - self.center[0], p[1] - self.center[1]);
        let d = (dx * dx + dy * dy).sqrt();
        if d > 0.0 {
            let factor = if s.strong_gravity {
                mi * s.gravity
            } else {
                mi * s.gravity / d
            };
            f[0] -= dx * factor;
            f[1] -= dy * factor;
        }

        // Attraction along edges: w * d, or w * ln(1 + d) in lin-log mode.
        let hub = if s.dissuade_hubs {
            self.compensation / mi
        } else {
            1.0
        };
        for (j, w) in self.adjacency.neighbours(i) {
            let q = self.positions[j as usize];
            let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
            let w = if s.edge_weights { w } else { 1.0 };
            let mut d = (dx * dx + dy * dy).sqrt();
            if s.prevent_overlap {
                d -= si + self.sizes[j as usize];
                if d <= 0.0 {
                    continue;
                }
            }
            let factor = if s.lin_log {
                if d > 0.0 { w * ln_1p(d) / d } else { 0.0 }
            } else {
                w
            } * hub;
            f[0] += dx * factor;
            f[1] += dy * factor;
        }
        f
    }
}

fn length(v: [f32; 2]) -> f32 {
    (v[0] * v[0] + v[1] * v[1]).sqrt()
}

/// Radius of the starting disc: about 10 units of room per node.
fn initial_radius(n: usize) -> f32 {
    10.0 * (n.max(1) as f32).sqrt()
}

/// Centroid of the placed positions and their RMS distance from it.
fn centre_and_spread(positions: &[[f32; 2]], placed: &[bool]) -> ([f32; 2], f32) {
    let (mut sum, mut count) = ([0f64; 2], 0f64);
    for (p, _) in positions.iter().zip(placed).filter(|(_, k)| **k) {
        sum[0] += f64::from(p[0]);
        sum[1] += f64::from(p[1]);
        count += 1.0;
    }
    let c = [(sum[0] / count) as f32, (sum[1] / count) as f32];
    let mut sq = 0f64;
    for (p, _) in positions.iter().zip(placed).filter(|(_, k)| **k) {
        let (dx, dy) = (f64::from(p[0] - c[0]), f64::from(p[1] - c[1]));
        sq += dx * dx + dy * dy;
    }
    (c, ((sq / count).sqrt() as f32).max(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: u32) -> Graph {
        Graph::unweighted(n as usize, (0..n).map(|i| (i, (i + 1) % n)))
    }

    fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
        length([a[0] - b[0], a[1] - b[1]])
    }

    #[test]
    fn the_same_seed_gives_the_same_bits() {
        let g = ring(300);
        let run = |seed| {
            let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(300), seed);
            fa.run(50);
            fa.positions().to_vec()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }

    #[test]
    fn parallel_and_barnes_hut_steps_are_deterministic_too() {
        let n = 3000u32;
        let g = Graph::unweighted(n as usize, (1..n).map(|i| (i, i / 2)));
        let run = || {
            let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(n as usize), 1);
            for _ in 0..5 {
                fa.step();
            }
            fa.positions().to_vec()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected_ones() {
        // Two triangles joined by nothing: within-triangle distances must be
        // shorter than across.
        let g = Graph::unweighted(6, [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]);
        let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(6), 3);
        fa.run(2000);
        let p = fa.positions();
        let within = distance(p[0], p[1]).max(distance(p[3], p[4]));
        let across = distance(p[0], p[3]).min(distance(p[1], p[4]));
        assert!(within < across, "{within} vs {across}");
    }

    #[test]
    fn overlap_prevention_keeps_discs_apart() {
        let mut g = ring(30);
        g.sizes = vec![3.0; 30];
        let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(30), 5);
        fa.run(3000);
        let p = fa.positions();
        for i in 0..30 {
            for j in i + 1..30 {
                assert!(distance(p[i], p[j]) > 5.0, "{i} {j}");
            }
        }
    }

    #[test]
    fn pinned_nodes_stay_put() {
        let g = ring(50);
        let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(50), 1);
        fa.pin(3, [100.0, -40.0]);
        fa.run(200);
        assert_eq!(fa.positions()[3], [100.0, -40.0]);
        assert!(fa.is_pinned(3));
        fa.unpin(3);
        fa.step();
        assert_ne!(fa.positions()[3], [100.0, -40.0]);
    }

    #[test]
    fn incremental_layout_keeps_old_positions_and_places_new_nodes_near_neighbours() {
        let old = ring(20);
        let mut fa = ForceAtlas2::new(&old, Settings::for_nodes(20), 9);
        fa.run(500);
        let before = fa.positions().to_vec();
        // Node 20 hangs off node 0; node 21 off node 20.
        let mut grown = ring(20);
        grown.sizes.extend([1.0, 1.0]);
        grown.edges.extend([(0, 20, 1.0), (20, 21, 1.0)]);
        let known: Vec<_> = (0..22).map(|i| before.get(i).copied()).collect();
        let mut fa2 = ForceAtlas2::with_positions(&grown, Settings::for_nodes(22), 9, &known);
        let start = fa2.positions()[20];
        let spread = before
            .iter()
            .map(|&p| distance(p, before[0]))
            .fold(0.0, f32::max);
        assert!(distance(start, before[0]) < spread / 2.0);
        fa2.run(300);
        assert_eq!(&fa2.positions()[..20], &before[..]);
        assert!(distance(fa2.positions()[21], fa2.positions()[20]) < spread);
    }

    #[test]
    fn empty_and_edgeless_graphs_are_fine() {
        let mut fa = ForceAtlas2::new(&Graph::default(), Settings::default(), 0);
        assert!(fa.run(10).converged);
        let mut fa = ForceAtlas2::new(&Graph::unweighted(3, []), Settings::for_nodes(3), 0);
        fa.run(100);
        assert!(
            fa.positions()
                .iter()
                .all(|p| p[0].is_finite() && p[1].is_finite())
        );
    }

    #[test]
    fn state_survives_a_serde_round_trip() {
        let g = ring(10);
        let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(10), 2);
        fa.step();
        let json = serde_json::to_string(&fa).unwrap();
        let mut back: ForceAtlas2 = serde_json::from_str(&json).unwrap();
        fa.step();
        back.step();
        assert_eq!(fa.positions(), back.positions());
    }
}
