//! Layout speed on Barabási–Albert graphs (m = 3) of 1k, 10k and 50k
//! nodes: one ForceAtlas2 step, a converged layout, and egui_graphs'
//! Fruchterman–Reingold step (the window's former layout) as the baseline.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_graphs::{ForceAlgorithm, FruchtermanReingold, FruchtermanReingoldState};
use petgraph::stable_graph::StableGraph;
use stancemap::layout::{ForceAtlas2, Graph, MAX_ITERATIONS, Settings, layout_multilevel};
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 50_000];
const SEED: u64 = 42;

fn ba(n: usize) -> Graph {
    Graph::barabasi_albert(n, 3, 1)
}

fn step(c: &mut Criterion) {
    let mut group = c.benchmark_group("fa2_step");
    for n in SIZES {
        let g = ba(n);
        let mut fa = ForceAtlas2::new(&g, Settings::for_nodes(n), SEED);
        // Measure steps of a layout under way, not of the initial scatter.
        for _ in 0..20 {
            fa.step();
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(fa.step()))
        });
    }
    group.finish();
}

fn converge(c: &mut Criterion) {
    let mut group = c.benchmark_group("fa2_converge");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for n in SIZES {
        let g = ba(n);
        let settings = Settings::for_nodes(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(layout_multilevel(&g, &settings, SEED, MAX_ITERATIONS)))
        });
    }
    group.finish();
}

/// egui_graphs' FR is O(n²) per step: 50k would take minutes per sample.
fn fr_baseline(c: &mut Criterion) {
    let mut group = c.benchmark_group("egui_graphs_fr_step");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let g = ba(n);
        let mut sg: StableGraph<(), ()> = StableGraph::new();
        let nodes: Vec<_> = (0..n).map(|_| sg.add_node(())).collect();
        for &(a, b, _) in &g.edges {
            sg.add_edge(nodes[a as usize], nodes[b as usize], ());
        }
        let mut eg: egui_graphs::Graph<(), ()> = egui_graphs::Graph::from(&sg);
        let fa = ForceAtlas2::new(&g, Settings::for_nodes(n), SEED);
        for (i, p) in fa.positions().iter().enumerate() {
            if let Some(node) = eg.node_mut(nodes[i]) {
                node.set_location(egui::pos2(p[0], p[1]));
            }
        }
        let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
        let mut fr = FruchtermanReingold::from_state(FruchtermanReingoldState::default());
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| fr.step(&mut eg, view))
        });
    }
    group.finish();
}

criterion_group!(benches, step, converge, fr_baseline);
criterion_main!(benches);
