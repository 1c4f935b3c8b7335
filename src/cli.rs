//! The command line: a thin front end over the library.

use crate::atomic_write;
use crate::eval::{self, GoldMap, Report};
use crate::load::{self, Input, LoadOptions};
use crate::pipeline;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

/// Turn news articles into a map of actors and their stances
/// (support, cooperate, neutral, oppose, accuse, attack), every relation
/// linked to the sentences that state it.
#[derive(Debug, Parser)]
#[command(name = "stancemap", version, args_conflicts_with_subcommands = true)]
#[command(
    after_help = "With no command, opens the desktop app on FILEs (or on the seed article).\n\
FILE is .txt, .md, .html/.htm or a .json map written by stancemap; '-' reads standard input.\n\
Several FILEs merge into one map.\n\nExamples:\n  stancemap                       open the seed article in the app\n  \
stancemap extract article.html  print the map of an article as JSON\n  \
stancemap eval --gold gold.json article.txt"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles or maps to open in the app.
    pub files: Vec<PathBuf>,

    /// Refuse inputs larger than this many megabytes.
    #[arg(long, global = true, default_value_t = 50, value_name = "MB")]
    pub max_input_mb: u64,

    /// Hide relations less sure than this (0..1; 0 keeps every relation).
    #[arg(long, global = true, default_value_t = crate::extract::DEFAULT_MIN_CONFIDENCE, value_name = "F")]
    pub min_confidence: f32,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the map of FILEs as JSON (stdout without -o); no FILE: the seed.
    Extract {
        files: Vec<PathBuf>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Extract with this user lexicon (taught aliases and cues); without
        /// it, the user's own lexicon.tsv in the config folder, if any.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
    },
    /// Score the extractor against gold maps: precision, recall and F1.
    Eval {
        /// One gold map (with one ARTICLE).
        #[arg(long, value_name = "GOLD.json", conflicts_with_all = ["gold_dir", "articles"], requires = "article")]
        gold: Option<PathBuf>,
        /// The article the gold map describes.
        article: Option<PathBuf>,
        /// A folder of gold maps NN_name.json (with --articles).
        #[arg(long, value_name = "DIR", requires = "articles")]
        gold_dir: Option<PathBuf>,
        /// The folder of the articles NN_name.txt/.md/.html.
        #[arg(long, value_name = "DIR", requires = "gold_dir")]
        articles: Option<PathBuf>,
        /// Explain every missed and spurious relation: the sentence and how
        /// the extractor read it.
        #[arg(short, long)]
        verbose: bool,
    },
}

/// What went wrong, as the one line printed on standard error.
pub struct Failure(pub String);

/// Settings every command shares.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub load: LoadOptions,
    pub min_confidence: f32,
}

impl Cli {
    pub fn options(&self) -> Options {
        Options {
            load: LoadOptions {
                max_input_bytes: self.max_input_mb.saturating_mul(1024 * 1024),
            },
            min_confidence: self.min_confidence,
        }
    }
}

/// Run a command; `Ok` carries what to print on standard output.
pub fn run(command: &Command, options: Options) -> Result<(), Failure> {
    match command {
        Command::Extract {
            files,
            output,
            lexicon,
        } => extract(files, output.as_deref(), lexicon.as_deref(), options),
        Command::Eval {
            gold,
            article,
            gold_dir,
            articles,
            verbose,
        } => match (gold, article, gold_dir, articles) {
            (Some(gold), Some(article), _, _) => {
                print!("{}", eval_one(gold, article, options, *verbose)?.1);
                Ok(())
            }
            (_, _, Some(gold_dir), Some(articles)) => {
                eval_dir(gold_dir, articles, options, *verbose)
            }
            _ => Err(Failure(
                "eval needs --gold GOLD.json ARTICLE, or --gold-dir DIR --articles DIR".to_string(),
            )),
        },
    }
}

fn extract(
    files: &[PathBuf],
    output: Option<&Path>,
    lexicon: Option<&Path>,
    options: Options,
) -> Result<(), Failure> {
    let user = crate::curate::user_lexicons(lexicon).map_err(Failure)?;
    let lex = user
        .as_ref()
        .unwrap_or_else(|| crate::extract::Lexicons::bundled());
    let built =
        pipeline::build_with(lex, files, options.load).map_err(|e| Failure(e.to_string()))?;
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    let json = built
        .map
        .with_min_confidence(options.min_confidence)
        .to_json();
    match output {
        Some(path) => atomic_write::write(path, json.as_bytes()).map_err(Failure),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}

fn read_gold(path: &Path) -> Result<GoldMap, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("{}: cannot read: {e}", path.display())))?;
    GoldMap::parse(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

/// Score one article; returns the report and its rendering.
fn eval_one(
    gold: &Path,
    article: &Path,
    options: Options,
    verbose: bool,
) -> Result<(Report, String), Failure> {
    let gold = read_gold(gold)?;
    let loaded = load::load_path(article, options.load).map_err(|e| Failure(e.to_string()))?;
    let Input::Article(article_text) = loaded.input else {
        return Err(Failure(format!(
            "{}: a map, not an article to extract",
            article.display()
        )));
    };
    let (map, traces) = crate::extract::explain(&article_text);
    let report = eval::score(&map.with_min_confidence(options.min_confidence), &gold);
    let name = article
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    let mut text = report.render(name);
    if verbose {
        text.push_str(&report.explain(&article_text, &traces));
    }
    Ok((report, text))
}

fn eval_dir(
    gold_dir: &Path,
    articles: &Path,
    options: Options,
    verbose: bool,
) -> Result<(), Failure> {
    let entries = std::fs::read_dir(gold_dir)
        .map_err(|e| Failure(format!("{}: cannot read: {e}", gold_dir.display())))?;
    let mut golds: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    golds.sort();
    let mut reports = Vec::new();
    for gold in golds {
        let Some(stem) = gold.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let article = ["txt", "md", "html", "htm"]
            .iter()
            .map(|ext| articles.join(format!("{stem}.{ext}")))
            .find(|p| p.exists());
        let Some(article) = article else {
            eprintln!(
                "warning: {}: no article {stem}.txt/.md/.html in {}",
                gold.display(),
                articles.display()
            );
            continue;
        };
        let (report, text) = eval_one(&gold, &article, options, verbose)?;
        print!("{text}");
        reports.push(report);
    }
    if reports.is_empty() {
        return Err(Failure(format!(
            "{}: no gold map has an article in {}",
            gold_dir.display(),
            articles.display()
        )));
    }
    print!("{}", eval::render_total(&reports));
    Ok(())
}

/// Open the desktop app on `files` (the seed without any).
pub fn open_app(files: &[PathBuf], options: Options) -> Result<(), Failure> {
    let _ = (files, options);
    Err(Failure(
        "the desktop app is not part of this build yet; use `stancemap extract`".to_string(),
    ))
}
