//! A corpus end to end: 1,000 synthetic articles (built from sentence
//! templates, written to a temporary folder) read, extracted and merged
//! into one map, as `stancemap DIR` does. The baseline in the same run is
//! reading the same files (in parallel too) and splitting them into sentences only, so the
//! ratio shows what extraction and merging cost on top of I/O.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use stancemap::load::{self, LoadOptions};
use stancemap::pipeline;
use std::hint::black_box;
use std::path::PathBuf;

const ACTORS: &[&str] = &[
    "Russia",
    "Ukraine",
    "the United States",
    "China",
    "India",
    "Pakistan",
    "Iran",
    "Israel",
    "Hamas",
    "Hezbollah",
    "NATO",
    "the European Union",
    "Turkey",
    "Egypt",
    "Qatar",
    "Japan",
    "South Korea",
    "North Korea",
    "the Taliban",
    "ISIS-K",
    "France",
    "Germany",
    "Sudan",
    "Kenya",
];

const TEMPLATES: &[&str] = &[
    "{a} accused {b} of violating the ceasefire on Monday.",
    "{a} and {b} signed a trade agreement in the capital.",
    "Officials said {a} had launched air strikes against {b} overnight.",
    "{a} strongly condemned {b} for the attack, a spokesperson said.",
    "The foreign minister of {a} praised {b} for its restraint.",
    "{a} urged {b} to resume negotiations without delay.",
    "In a statement, {a} said it would impose sanctions on {b}.",
    "{a} has backed {b} with weapons and training, according to the report.",
    "Talks between {a} and {b} ended without a deal.",
    "{a} rejected the allegations made by {b} as baseless.",
    "It was not clear when the meeting would take place.",
    "Analysts expect the talks to continue next week.",
];

fn corpus(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let mut text = format!("Synthetic report {i}\n\n");
        for s in 0..12 {
            let a = ACTORS[(i * 7 + s * 3) % ACTORS.len()];
            let b = ACTORS[(i * 5 + s * 11 + 1) % ACTORS.len()];
            let b = if a == b {
                ACTORS[(i + 1) % ACTORS.len()]
            } else {
                b
            };
            let t = TEMPLATES[(i + s) % TEMPLATES.len()];
            text.push_str(&t.replace("{a}", a).replace("{b}", b));
            text.push(' ');
        }
        let path = dir.path().join(format!("{i:04}.txt"));
        std::fs::write(&path, text).expect("write an article");
        paths.push(path);
    }
    (dir, paths)
}

fn bench(c: &mut Criterion) {
    let (dir, paths) = corpus(1000);
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
        .sum();
    let folder = vec![dir.path().to_path_buf()];
    let options = LoadOptions::default();
    let mut group = c.benchmark_group("corpus_1000_articles");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("baseline_load_and_split", |b| {
        b.iter(|| {
            paths.par_iter().for_each(|p| {
                black_box(load::load_path(p, options).expect("loads"));
            })
        })
    });
    let request = pipeline::Request {
        files: folder,
        load: options,
        lexicon: pipeline::Lexicon::Bundled,
        ..pipeline::Request::default()
    };
    group.bench_function("folder_to_merged_map", |b| {
        b.iter(|| black_box(request.build(&|_, _| {}).expect("builds")))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
