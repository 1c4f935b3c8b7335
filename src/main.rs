use clap::Parser;
use stancemap::cli::{self, Cli};
use stancemap::terminal;
use std::process::ExitCode;

/// mimalloc: the extractor allocates many small strings and vectors per
/// sentence; mimalloc serves them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    stancemap::memory::purge_freed_memory_at_once();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version: printed as asked, where a closed or full
        // standard output is no reason to fail.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => return usage_error(&cli::usage_line(&e)),
    };
    if let Err(line) = cli.check() {
        return usage_error(&line);
    }
    let options = cli.options();
    let result = match &cli.command {
        Some(command) => cli::run(command, options),
        None => cli::open_app(&cli.files, options).map(|()| Vec::new()),
    };
    match result {
        Ok(warnings) => {
            for w in warnings {
                terminal::message(&format!("warning: {w}"));
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            if !failure.is_quiet() {
                terminal::message(&failure.0);
            }
            ExitCode::from(1)
        }
    }
}

/// Exit status 2, with the one line saying what was wrong.
fn usage_error(line: &str) -> ExitCode {
    terminal::message(line);
    ExitCode::from(2)
}
