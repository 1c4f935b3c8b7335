//! Work that must grow no faster than its input: `cargo bench --bench bounded`.
//!
//! Export of maps of 5k, 20k, 80k and 500k actors without relations
//! (GraphML and SVG: both lay the map out and build its scene), and export
//! of the seed map under titles of 13k to 5M characters. Each line prints
//! the time and how much it grew against the previous size, beside how
//! much the input grew: a linear or n log n step grows about as much as
//! its input, a quadratic one by its square. `STANCEMAP_BENCH_MAX=N` stops
//! the actor series at N actors (the quadratic code took minutes at 80k).

use stancemap::export::{self, ExportOptions, Format};
use stancemap::model::{Entity, EntityKind, RelationMap};
use stancemap::pipeline::seed_map;
use stancemap::render;
use std::collections::BTreeMap;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `n` actors named in no relation.
fn unconnected(n: usize) -> RelationMap {
    let entities = (0..n)
        .map(|i| Entity {
            id: format!("actor-{i}"),
            name: format!("Actor {i}"),
            kind: EntityKind::ALL[i % EntityKind::ALL.len()],
            aliases: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    RelationMap {
        entities,
        ..RelationMap::default()
    }
}

/// Seconds `export` takes to write `map` as `format`.
fn seconds(map: &RelationMap, format: Format, opts: &ExportOptions) -> f64 {
    let start = Instant::now();
    let bytes = export::to_bytes(map, &BTreeMap::new(), format, opts).expect("export");
    assert!(!bytes.is_empty());
    start.elapsed().as_secs_f64()
}

/// Print one series: the time per size, and growth against the previous.
fn series(name: &str, sizes: &[usize], mut time: impl FnMut(usize) -> f64) {
    let mut previous: Option<(usize, f64)> = None;
    for &n in sizes {
        let t = time(n);
        match previous {
            Some((m, s)) => println!(
                "{name:<22} {n:>9}  {t:8.3} s   x{:.1} for x{:.1} the input",
                t / s.max(1e-9),
                n as f64 / m as f64
            ),
            None => println!("{name:<22} {n:>9}  {t:8.3} s"),
        }
        previous = Some((n, t));
    }
}

fn main() {
    let max: usize = std::env::var("STANCEMAP_BENCH_MAX")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let actors: Vec<usize> = [5_000, 20_000, 80_000, 500_000]
        .into_iter()
        .filter(|&n| n <= max)
        .collect();
    let opts = ExportOptions::default();
    for format in [Format::Graphml, Format::Svg] {
        let name = format!("unconnected/{}", format.extension());
        series(&name, &actors, |n| seconds(&unconnected(n), format, &opts));
    }

    let seed = seed_map();
    let titles = [13_000, 26_000, 52_000, 5_000_000];
    series("title/svg", &titles, |n| {
        let title = "Pakistan accuses the Taliban ".repeat(n / 29 + 1);
        let opts = ExportOptions {
            render: render::Options {
                title: Some(title[..n].to_string()),
                ..render::Options::default()
            },
            ..ExportOptions::default()
        };
        seconds(&seed, Format::Svg, &opts)
    });
}
