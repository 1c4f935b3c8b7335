//! Peak memory of the window's own work on a 10,000-actor map (Barabási–
//! Albert, m = 3, as in benches/layout.rs), against the seed in the same
//! run: `cargo bench --bench window_memory`.
//!
//! The window runs headless, in an egui context fed the frames' input: the
//! map is built, laid out, fitted, hovered, panned, drawn (the far view's
//! picture included) and tessellated for a few hundred frames, without a
//! GPU. What the graphics driver takes on
//! top (Mesa's llvmpipe: about 80 MB, most of it its LLVM library) is
//! measured in the README with the real window. Peak RSS only grows, so
//! each case runs in its own process: this binary runs itself per case.

use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, Vec2};
use stancemap::app::StancemapApp;
use stancemap::layout::Graph;
use stancemap::load::LoadOptions;
use stancemap::model::{Entity, EntityKind, Relation, RelationMap, SCHEMA, Stance};
use std::process::Command;

const CASE: &str = "STANCEMAP_MEMORY_CASE";

/// As in the `stancemap` binary (src/main.rs, src/memory.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    stancemap::memory::purge_freed_memory_at_once();
    match std::env::var(CASE).as_deref() {
        Ok("seed") => run(StancemapApp::seed(LoadOptions::default(), 0.5)),
        Ok("10k") => run(StancemapApp::with_map(
            ba_map(10_000),
            LoadOptions::default(),
            0.0,
        )),
        _ => compare(),
    }
}

/// Run each case in a child process and print their peaks.
fn compare() {
    let me = std::env::current_exe().expect("the bench binary");
    let peak = |case: &str| -> f64 {
        let out = Command::new(&me)
            .env(CASE, case)
            .output()
            .expect("the bench runs itself");
        assert!(
            out.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("a peak in MB")
    };
    let seed = peak("seed");
    let large = peak("10k");
    println!("window_memory/seed          peak RSS {seed:7.1} MB");
    println!(
        "window_memory/ba-10k        peak RSS {large:7.1} MB ({:.2}x the seed, +{:.1} MB)",
        large / seed,
        large - seed
    );
}

/// Run `app` in an egui context as the window does (without the GPU):
/// frames with the pointer over the map, then a pan; print the peak RSS
/// in MB.
fn run(mut app: StancemapApp) {
    let ctx = egui::Context::default();
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(1500.0, 920.0));
    let mut time = 0.0;
    let mut frame = |app: &mut StancemapApp, events: Vec<Event>| {
        time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            events,
            ..RawInput::default()
        };
        let output = ctx.run_ui(input, |ui| app.show(ui));
        // The shapes become meshes, as before the GPU draws them.
        ctx.tessellate(output.shapes, output.pixels_per_point);
    };
    for _ in 0..60 {
        frame(&mut app, Vec::new());
    }
    let map = app.view.map_rect;
    let at = |k: usize| map.center() + Vec2::new(4.0 * k as f32, 3.0 * k as f32);
    for k in 0..40 {
        frame(&mut app, vec![Event::PointerMoved(at(k))]);
    }
    let button = |pressed| Event::PointerButton {
        pos: at(40),
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    frame(&mut app, vec![button(true)]);
    for k in 41..80 {
        frame(&mut app, vec![Event::PointerMoved(at(k))]);
    }
    frame(&mut app, vec![button(false)]);
    for _ in 0..60 {
        frame(&mut app, Vec::new());
    }
    println!("{:.1}", peak_rss_mb());
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A Barabási–Albert map of `n` actors (m = 3, seed 7), one relation per
/// edge.
fn ba_map(n: usize) -> RelationMap {
    let graph = Graph::barabasi_albert(n, 3, 7);
    let id = |i: u32| format!("n{i}");
    RelationMap {
        schema: SCHEMA.to_string(),
        articles: Vec::new(),
        entities: (0..n as u32)
            .map(|i| Entity {
                id: id(i),
                name: id(i),
                kind: EntityKind::Other,
                aliases: Vec::new(),
                mentions: Vec::new(),
            })
            .collect(),
        relations: graph
            .edges
            .iter()
            .map(|&(a, b, _)| Relation {
                source: id(a),
                target: id(b),
                stance: Stance::Neutral,
                alleged_by: None,
                negated: false,
                evidence: Vec::new(),
                more_evidence: 0,
            })
            .collect(),
    }
}
