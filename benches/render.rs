//! Report export in process: the seed map to PNG (layout included; target
//! < 50 ms), and a 1,000-actor synthetic map to SVG and PNG.

use criterion::{Criterion, criterion_group, criterion_main};
use stancemap::export::{self, ExportOptions, Format};
use stancemap::layout::{DEFAULT_SEED, Graph, map_positions};
use stancemap::model::{Entity, EntityKind, Evidence, Relation, RelationMap, Stance};
use stancemap::pipeline::seed_map;
use std::hint::black_box;
use std::time::Duration;

/// 1,000 actors of every kind, joined like a Barabási–Albert graph (m = 2),
/// with every stance, some alleged relations, one sentence each.
fn synthetic_map(n: usize) -> RelationMap {
    const KINDS: [EntityKind; 4] = [
        EntityKind::Country,
        EntityKind::Government,
        EntityKind::ArmedGroup,
        EntityKind::Organisation,
    ];
    let graph = Graph::barabasi_albert(n, 2, 5);
    let entities = (0..n)
        .map(|i| Entity {
            id: format!("actor-{i}"),
            name: format!("Actor {i}"),
            kind: KINDS[i % KINDS.len()],
            aliases: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    let relations = graph
        .edges
        .iter()
        .enumerate()
        .map(|(k, &(a, b, _))| Relation {
            source: format!("actor-{a}"),
            target: format!("actor-{b}"),
            stance: Stance::ALL[k % Stance::ALL.len()],
            alleged_by: (k % 7 == 0).then(|| format!("actor-{b}")),
            negated: false,
            evidence: vec![Evidence {
                article: "a1".to_string(),
                sentence: k,
                cue: "backs".to_string(),
                text: format!("Actor {a} backs Actor {b}."),
                modality: None,
                confidence: 1.0,
                rule: None,
            }],
            more_evidence: 0,
        })
        .collect();
    RelationMap {
        entities,
        relations,
        ..RelationMap::default()
    }
}

fn export_to(map: &RelationMap, format: Format) -> Vec<u8> {
    let positions = map_positions(map, DEFAULT_SEED);
    export::to_bytes(map, &positions, format, &ExportOptions::default()).unwrap()
}

fn render(c: &mut Criterion) {
    let seed = seed_map();
    c.bench_function("seed_png", |b| {
        b.iter(|| black_box(export_to(&seed, Format::Png)))
    });
    let big = synthetic_map(1_000);
    let mut group = c.benchmark_group("map_1000");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("svg", |b| {
        b.iter(|| black_box(export_to(&big, Format::Svg)))
    });
    group.bench_function("png", |b| {
        b.iter(|| black_box(export_to(&big, Format::Png)))
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
