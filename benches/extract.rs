//! Extraction throughput: the seed article, and a 1 MB text made of the
//! seed and its own sentences repeated, end to end (load -> sentences ->
//! extract). Reports bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stancemap::extract::{Lexicons, extract};
use stancemap::load::{Input, load_bytes};
use stancemap::pipeline::SEED_ARTICLE;
use std::hint::black_box;

/// The same allocator as the stancemap binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn article_of(text: &str) -> stancemap::model::Article {
    match load_bytes("bench.txt", None, text.as_bytes(), None).map(|l| l.input) {
        Ok(Input::Article(a)) => a,
        _ => panic!("bench text loads as an article"),
    }
}

fn bench(c: &mut Criterion) {
    Lexicons::bundled();
    let mut group = c.benchmark_group("extract");
    group.sample_size(20);

    group.throughput(Throughput::Bytes(SEED_ARTICLE.len() as u64));
    group.bench_function("seed", |b| {
        b.iter(|| extract(&article_of(black_box(SEED_ARTICLE))))
    });

    let mut big = String::new();
    while big.len() < 1024 * 1024 {
        big.push_str(SEED_ARTICLE);
        big.push_str("\n\n");
    }
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("1MB", |b| b.iter(|| extract(&article_of(black_box(&big)))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
