//! Extraction throughput: the seed article, and a 1 MB text made of the
//! seed and its own sentences repeated, end to end (load -> sentences ->
//! extract). Reports bytes per second. The `large` group does the same for
//! 10 MB of text and for pathological input: 100,000 nested divs, a 1 MB
//! line without a sentence end, 1 MB without a space.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stancemap::extract::{Lexicons, extract};
use stancemap::load::{Format, Input, load_bytes};
use stancemap::pipeline::SEED_ARTICLE;
use std::hint::black_box;

/// The same allocator as the stancemap binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn article_of(text: &str) -> stancemap::model::Article {
    article_as(text, None)
}

fn article_as(text: &str, format: Option<Format>) -> stancemap::model::Article {
    match load_bytes("bench", None, text.as_bytes(), format).map(|l| l.input) {
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

fn seed_repeated(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + SEED_ARTICLE.len());
    while text.len() < bytes {
        text.push_str(SEED_ARTICLE);
        text.push_str("\n\n");
    }
    text
}

fn large(c: &mut Criterion) {
    Lexicons::bundled();
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    let cases = [
        ("10MB text", None, seed_repeated(10 * 1024 * 1024)),
        (
            "100k nested divs",
            Some(Format::Html),
            format!(
                "{}Russia backed the Taliban.{}",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ),
        ),
        (
            "1MB line, no sentence end",
            Some(Format::Html),
            format!("<p>{}</p>", "Russia and Pakistan talk ".repeat(42_000)),
        ),
        (
            "1MB without a space",
            Some(Format::Text),
            "Kabul.".repeat(175_000),
        ),
    ];
    for (name, format, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| extract(&article_as(black_box(text), *format)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, large);
criterion_main!(benches);
