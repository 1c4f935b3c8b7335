//! The library's ForceAtlas2 (crate::layout) running live in the window,
//! plugged into egui_graphs through its `Layout` hook. The simulation is
//! shared between the app (which creates it, pins and unpins nodes, reads
//! positions for exports) and the hook (which steps it each frame and moves
//! the graph's nodes), so it lives behind an `Arc<Mutex<_>>`.
//!
//! Each connected piece of the map runs its own simulation around its own
//! centre, as the packed starting layout has them: in one simulation,
//! repulsion would fling single actors (a cited outlet, say) far off
//! screen the moment anything moved.

use crate::layout::{
    DEFAULT_SEED, ForceAtlas2, Graph as LayoutGraph, MapGraph, Settings, components,
};
use egui::Pos2;
use egui_graphs::{DisplayEdge, DisplayNode, Graph, Layout, LayoutState};
use petgraph::EdgeType;
use petgraph::stable_graph::IndexType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Canvas units per layout unit: at zoom 1 a node's layout size matches its
/// drawn size, so the layout's overlap prevention works on screen.
pub const SCALE: f32 = 10.0;
/// Layout steps per frame while the layout is moving.
const STEPS_PER_FRAME: usize = 2;

/// One connected piece of the map and its simulation.
#[derive(Debug)]
struct Piece {
    /// Map node index of each of the piece's nodes.
    nodes: Vec<usize>,
    fa: ForceAtlas2,
    running: bool,
    /// When the piece last started moving.
    woken: Instant,
}

/// How long a piece may move after it starts. The window starts from a
/// converged layout, and on a large map the last small moves would never
/// meet the convergence test while costing a core.
const MOVE_BUDGET: Duration = Duration::from_secs(6);

impl Piece {
    fn wake(&mut self) {
        self.running = true;
        self.woken = Instant::now();
    }
}

#[derive(Debug)]
pub struct Simulation {
    pieces: Vec<Piece>,
    /// For each node: its piece and its index there (`None` when alone).
    place: Vec<Option<(usize, usize)>>,
    positions: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    /// How long the last step that moved anything took.
    last_step: Option<Duration>,
}

pub type SharedSimulation = Arc<Mutex<Simulation>>;

impl Simulation {
    /// A simulation starting from `positions` (layout units, one per node
    /// of `mg`), free to move except the `pinned` nodes.
    pub fn new(mg: &MapGraph, positions: &[[f32; 2]], pinned: &[bool]) -> Self {
        let n = mg.ids.len();
        let positions: Vec<[f32; 2]> = (0..n)
            .map(|i| positions.get(i).copied().unwrap_or_default())
            .collect();
        let pinned: Vec<bool> = (0..n)
            .map(|i| pinned.get(i).copied().unwrap_or(false))
            .collect();
        let mut place = vec![None; n];
        let mut pieces = Vec::new();
        for nodes in components(&mg.graph) {
            if nodes.len() < 2 {
                continue;
            }
            let nodes: Vec<usize> = nodes.into_iter().map(|i| i as usize).collect();
            let mut local = vec![u32::MAX; n];
            for (k, &i) in nodes.iter().enumerate() {
                local[i] = k as u32;
                place[i] = Some((pieces.len(), k));
            }
            let graph = LayoutGraph {
                sizes: nodes.iter().map(|&i| mg.graph.sizes[i]).collect(),
                edges: mg
                    .graph
                    .edges
                    .iter()
                    .filter(|(a, _, _)| local[*a as usize] != u32::MAX)
                    .map(|&(a, b, w)| (local[a as usize], local[b as usize], w))
                    .collect(),
            };
            let known: Vec<Option<[f32; 2]>> = nodes.iter().map(|&i| Some(positions[i])).collect();
            let settings = Settings::for_nodes(nodes.len());
            let mut fa = ForceAtlas2::with_positions(&graph, settings, DEFAULT_SEED, &known);
            fa.unpin_all();
            for (k, &i) in nodes.iter().enumerate() {
                if pinned[i] {
                    fa.pin(k, positions[i]);
                }
            }
            pieces.push(Piece {
                nodes,
                fa,
                running: true,
                woken: Instant::now(),
            });
        }
        Self {
            pieces,
            place,
            positions,
            pinned,
            last_step: None,
        }
    }

    pub fn shared(self) -> SharedSimulation {
        Arc::new(Mutex::new(self))
    }

    pub fn is_running(&self) -> bool {
        self.pieces.iter().any(|p| p.running)
    }

    pub fn is_pinned(&self, i: usize) -> bool {
        self.pinned.get(i).copied().unwrap_or(false)
    }

    /// Fix node `i` at `at`; its piece moves around it.
    pub fn pin(&mut self, i: usize, at: [f32; 2]) {
        if i >= self.positions.len() || !at[0].is_finite() || !at[1].is_finite() {
            return;
        }
        self.positions[i] = at;
        self.pinned[i] = true;
        if let Some((p, k)) = self.place[i] {
            self.pieces[p].fa.pin(k, at);
            self.pieces[p].wake();
        }
    }

    pub fn unpin(&mut self, i: usize) {
        if let Some(p) = self.pinned.get_mut(i) {
            *p = false;
        }
        if let Some((p, k)) = self.place.get(i).copied().flatten() {
            self.pieces[p].fa.unpin(k);
            self.pieces[p].wake();
        }
    }

    pub fn unpin_all(&mut self) {
        self.pinned.fill(false);
        for piece in &mut self.pieces {
            piece.fa.unpin_all();
            piece.wake();
        }
    }

    /// Step every moving piece; a piece with a node being dragged keeps
    /// moving even once settled.
    fn step(&mut self, dragged: &[bool]) {
        if !self.is_running() {
            return;
        }
        let started = Instant::now();
        for piece in self.pieces.iter_mut().filter(|p| p.running) {
            let held = piece.nodes.iter().any(|&i| dragged.get(i) == Some(&true));
            for _ in 0..STEPS_PER_FRAME {
                let spent = piece.woken.elapsed() >= MOVE_BUDGET;
                if (piece.fa.step().converged || spent) && !held {
                    piece.running = false;
                    break;
                }
            }
            for (&i, &p) in piece.nodes.iter().zip(piece.fa.positions()) {
                self.positions[i] = p;
            }
        }
        self.last_step = Some(started.elapsed());
    }

    /// How long the last step that moved anything took (all of a frame's
    /// steps, for the stats overlay).
    pub fn last_step(&self) -> Option<Duration> {
        self.last_step
    }

    /// Positions by actor id, for exports and for laying out a grown map.
    pub fn positions_by_id(&self, ids: &[String]) -> BTreeMap<String, [f32; 2]> {
        ids.iter()
            .cloned()
            .zip(self.positions.iter().copied())
            .collect()
    }
}

/// Lock the simulation; a panic elsewhere while it was held does not make
/// the positions unusable.
pub fn lock(sim: &SharedSimulation) -> MutexGuard<'_, Simulation> {
    sim.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn to_canvas(p: [f32; 2]) -> Pos2 {
    Pos2::new(p[0] * SCALE, p[1] * SCALE)
}

fn to_layout(p: Pos2) -> [f32; 2] {
    [p.x / SCALE, p.y / SCALE]
}

/// What egui_graphs keeps between frames: a handle on the simulation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LiveState {
    #[serde(skip)]
    pub sim: Option<SharedSimulation>,
}

impl LayoutState for LiveState {}

#[derive(Debug, Default)]
pub struct LiveLayout {
    state: LiveState,
}

impl Layout<LiveState> for LiveLayout {
    fn from_state(state: LiveState) -> impl Layout<LiveState> {
        Self { state }
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, g: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: EdgeType,
        Ix: IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
        let Some(shared) = &self.state.sim else {
            return;
        };
        let mut sim = lock(shared);
        let indices: Vec<_> = g.g().node_indices().collect();
        let mut dragged = vec![false; sim.positions.len()];
        // A dragged node goes where the pointer put it and stays there.
        for &idx in &indices {
            if let Some(node) = g.node(idx).filter(|n| n.dragged()) {
                sim.pin(idx.index(), to_layout(node.location()));
                if let Some(d) = dragged.get_mut(idx.index()) {
                    *d = true;
                }
            }
        }
        sim.step(&dragged);
        for idx in indices {
            if let (Some(node), Some(&p)) = (g.node_mut(idx), sim.positions.get(idx.index()))
                && !node.dragged()
            {
                node.set_location(to_canvas(p));
            }
        }
    }

    fn state(&self) -> LiveState {
        self.state.clone()
    }
}
