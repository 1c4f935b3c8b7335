//! Peak memory of `stancemap extract` on a 50 MB adversarial text: one
//! sentence without a full stop, full of actor names and stance cues, so
//! that every piece of it states dozens of relations, and every relation
//! is stated tens of thousands of times: `cargo bench --bench extract_memory`.
//!
//! The text is made by the bench. Each run is the command line's own
//! `extract` (parsed from arguments, writing the JSON to a file) in a
//! child process of its own, which prints its peak RSS (VmHWM): peak RSS
//! only grows, so sizes must not share a process. The target is under
//! 2 GB at 50 MB; smaller sizes show how memory and time grow.

use clap::Parser;
use stancemap::cli::{self, Cli};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// As in the `stancemap` binary (src/main.rs, src/memory.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CASE: &str = "STANCEMAP_MEMORY_CASE";

const ACTORS: &[&str] = &[
    "Russia",
    "Pakistan",
    "the Taliban",
    "India",
    "China",
    "Iran",
    "the United States",
    "Israel",
    "Hamas",
    "NATO",
    "Ukraine",
    "Turkey",
    "Syria",
    "Saudi Arabia",
    "Egypt",
    "Qatar",
    "Hezbollah",
    "the European Union",
    "Japan",
    "North Korea",
    "Vladimir Putin",
    "Kabul",
    "Islamabad",
    "the Kremlin",
];

const CUES: &[&str] = &[
    "accuses",
    "backs",
    "condemns",
    "attacks",
    "supports",
    "criticises",
    "signs a deal with",
    "meets",
    "rejects",
    "warns",
    "praises",
    "sanctions",
];

fn main() {
    stancemap::memory::purge_freed_memory_at_once();
    if let Ok(case) = std::env::var(CASE) {
        let (input, output) = case.split_once('\n').expect("input and output");
        run(Path::new(input), Path::new(output));
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    for mb in [5, 20, 50] {
        let input = dir.path().join(format!("adversarial-{mb}.txt"));
        std::fs::write(&input, adversarial(mb * 1_000_000)).expect("the text is written");
        let output = dir.path().join(format!("adversarial-{mb}.json"));
        let (peak, seconds) = measure(&input, &output);
        let json = std::fs::metadata(&output).map_or(0, |m| m.len());
        println!(
            "extract_memory/{mb:>2} MB   peak RSS {peak:7.1} MB   {seconds:6.1} s   JSON {:7.1} MB",
            json as f64 / 1e6
        );
        let _ = std::fs::remove_file(&output);
        let _ = std::fs::remove_file(&input);
    }
}

/// `len` bytes of "Russia accuses Pakistan, the Taliban backs India, ...":
/// every actor against every other with every cue, in a fixed order
/// (a linear congruential walk), never a full stop.
fn adversarial(len: usize) -> String {
    let mut text = String::with_capacity(len + 64);
    let mut state: u64 = 42;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    while text.len() < len {
        if !text.is_empty() {
            text.push_str(", ");
        }
        let (a, cue, b) = (
            ACTORS[next(ACTORS.len())],
            CUES[next(CUES.len())],
            ACTORS[next(ACTORS.len())],
        );
        text.push_str(a);
        text.push(' ');
        text.push_str(cue);
        text.push(' ');
        text.push_str(b);
    }
    text.truncate(len);
    text
}

/// Run `extract input -o output` in a child process: its peak RSS in MB
/// and the seconds it took.
fn measure(input: &Path, output: &Path) -> (f64, f64) {
    let me = std::env::current_exe().expect("the bench binary");
    let start = Instant::now();
    let out = Command::new(me)
        .env(CASE, format!("{}\n{}", input.display(), output.display()))
        .output()
        .expect("the bench runs itself");
    let seconds = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peak = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("a peak in MB");
    (peak, seconds)
}

/// The command line's `extract`, then the peak RSS in MB on stdout.
fn run(input: &Path, output: &Path) {
    let args: [PathBuf; 5] = [
        "stancemap".into(),
        "extract".into(),
        input.into(),
        "-o".into(),
        output.into(),
    ];
    let cli = Cli::parse_from(args);
    let command = cli.command.as_ref().expect("extract");
    if let Err(cli::Failure(message)) = cli::run(command, cli.options()) {
        panic!("{message}");
    }
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status");
    println!("{:.1}", kb / 1024.0);
}
