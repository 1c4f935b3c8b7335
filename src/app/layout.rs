//! The library's ForceAtlas2 (crate::layout) running live in the window,
//! plugged into egui_graphs through its `Layout` hook. The simulation is
//! shared between the app (which creates it, pins and unpins nodes, reads
//! positions for exports) and the hook (which steps it each frame and moves
//! the graph's nodes), so it lives behind an `Arc<Mutex<_>>`.

use crate::layout::{DEFAULT_SEED, ForceAtlas2, MapGraph, Settings};
use egui::Pos2;
use egui_graphs::{DisplayEdge, DisplayNode, Graph, Layout, LayoutState};
use petgraph::EdgeType;
use petgraph::stable_graph::IndexType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Canvas units per layout unit: at zoom 1 a node's layout size matches its
/// drawn size, so the layout's overlap prevention works on screen.
pub const SCALE: f32 = 10.0;
/// Layout steps per frame while the layout is moving.
const STEPS_PER_FRAME: usize = 2;

#[derive(Debug)]
pub struct Simulation {
    fa: ForceAtlas2,
    running: bool,
}

pub type SharedSimulation = Arc<Mutex<Simulation>>;

impl Simulation {
    /// A simulation starting from `positions` (layout units, one per node
    /// of `mg`), free to move except the `pinned` nodes.
    pub fn new(mg: &MapGraph, positions: &[[f32; 2]], pinned: &[bool]) -> Self {
        let known: Vec<Option<[f32; 2]>> = positions.iter().copied().map(Some).collect();
        let settings = Settings::for_nodes(mg.ids.len());
        let mut fa = ForceAtlas2::with_positions(&mg.graph, settings, DEFAULT_SEED, &known);
        fa.unpin_all();
        for (i, _) in pinned.iter().enumerate().filter(|(_, p)| **p) {
            if let Some(&at) = positions.get(i) {
                fa.pin(i, at);
            }
        }
        Self { fa, running: true }
    }

    pub fn shared(self) -> SharedSimulation {
        Arc::new(Mutex::new(self))
    }

    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Keep stepping until the layout settles again.
    pub fn wake(&mut self) {
        self.running = true;
    }

    pub fn is_pinned(&self, i: usize) -> bool {
        self.fa.is_pinned(i)
    }

    pub fn unpin(&mut self, i: usize) {
        self.fa.unpin(i);
        self.running = true;
    }

    pub fn unpin_all(&mut self) {
        self.fa.unpin_all();
        self.running = true;
    }

    /// Positions in layout units, by node index.
    pub fn positions(&self) -> &[[f32; 2]] {
        self.fa.positions()
    }

    /// Positions by actor id, for exports and for laying out a grown map.
    pub fn positions_by_id(&self, ids: &[String]) -> BTreeMap<String, [f32; 2]> {
        ids.iter()
            .cloned()
            .zip(self.fa.positions().iter().copied())
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
        let mut dragging = false;
        // A dragged node goes where the pointer put it and stays there.
        for &idx in &indices {
            if let Some(node) = g.node(idx).filter(|n| n.dragged()) {
                let at = to_layout(node.location());
                sim.fa.pin(idx.index(), at);
                sim.running = true;
                dragging = true;
            }
        }
        if sim.running {
            for _ in 0..STEPS_PER_FRAME {
                if sim.fa.step().converged && !dragging {
                    sim.running = false;
                    break;
                }
            }
        }
        let positions = sim.fa.positions();
        for idx in indices {
            if let (Some(node), Some(&p)) = (g.node_mut(idx), positions.get(idx.index()))
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
