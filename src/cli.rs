//! The command line: a thin front end over the library.

use crate::atomic_write;
use crate::eval::{self, GoldMap, Report};
use crate::load::LoadOptions;
use crate::model::{DateRange, Day, End, RelationMap, Stance};
use crate::pipeline;
use crate::terminal;
use crate::{export, layout, render};
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
stancemap eval --gold gold.json article.txt\n  \
stancemap export -o seed.png      draw the seed map for a report\n  \
stancemap layout edges.tsv -o positions.csv"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles or maps to open in the app.
    pub files: Vec<PathBuf>,

    /// Refuse inputs larger than this many megabytes.
    #[arg(long, global = true, default_value_t = 50, value_name = "MB", value_parser = at_least_one::<u64>)]
    pub max_input_mb: u64,

    /// Hide relations less sure than this (0..1; 0 keeps every relation).
    #[arg(long, global = true, default_value_t = crate::extract::DEFAULT_MIN_CONFIDENCE, value_name = "F", value_parser = confidence)]
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
        /// One map per article, each on one line (JSON Lines), instead of
        /// one merged map: for corpus pipelines.
        #[arg(long)]
        jsonl: bool,
        #[command(flatten)]
        dates: DateArgs,
    },
    /// Score the extractor against gold maps: precision, recall and F1.
    Eval {
        /// One gold map (with one ARTICLE).
        #[arg(long, value_name = "GOLD.json", conflicts_with_all = ["gold_dir", "articles"], requires = "article")]
        gold: Option<PathBuf>,
        /// The article the gold map describes.
        article: Option<PathBuf>,
        /// A folder of gold maps NN_name.json (with --articles).
        #[arg(
            long,
            value_name = "DIR",
            requires = "articles",
            conflicts_with = "corpus"
        )]
        gold_dir: Option<PathBuf>,
        /// An annotated corpus (a folder with SPLIT.tsv, with --articles):
        /// the totals of its dev, tune and frozen splits, per kind of news.
        #[arg(long, value_name = "DIR", requires = "articles")]
        corpus: Option<PathBuf>,
        /// With --corpus: also list the articles of this split (dev or
        /// tune; the frozen split is only ever shown as totals).
        #[arg(long, value_name = "SPLIT", requires = "corpus")]
        split: Option<String>,
        /// The folder of the articles NN_name.txt/.md/.html.
        #[arg(long, value_name = "DIR")]
        articles: Option<PathBuf>,
        /// Explain every missed and spurious relation: the sentence and how
        /// the extractor read it.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Draw the map of FILEs (PNG, SVG) or write it for other tools (JSON,
    /// GraphML, GEXF, DOT, CSV); no FILE: the seed. A single .tsv/.csv FILE
    /// is read as an edge list and drawn as a plain graph.
    #[command(
        after_help = "The format comes from OUT's extension: png, svg, json, graphml, gexf, dot or csv.\n\
The same input and --seed always give the same bytes."
    )]
    Export(ExportArgs),
    /// Lay out an edge list (two columns of node names per line: .tsv, .csv
    /// or whitespace; optional header and weight column) and write node,x,y.
    Layout {
        /// The edge list.
        #[arg(value_name = "EDGES")]
        edges: PathBuf,
        /// Where to write the positions (CSV: node,x,y).
        #[arg(short, long, value_name = "POSITIONS.csv")]
        output: PathBuf,
        /// Stop after this many steps if the layout has not converged.
        #[arg(long, default_value_t = layout::MAX_ITERATIONS, value_parser = clap::value_parser!(u32).range(1..=MAX_STEPS))]
        iterations: u32,
        /// Seed of the initial positions: same seed, same output.
        #[arg(long, default_value_t = layout::DEFAULT_SEED)]
        seed: u64,
    },
}

/// Options of `stancemap export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    files: Vec<PathBuf>,
    /// The file to write; its extension picks the format.
    #[arg(short, long, value_name = "OUT.EXT", value_parser = export_path)]
    output: PathBuf,
    /// Picture width in pixels (PNG pixels are this times --scale).
    #[arg(long, default_value_t = 1600, value_name = "PX", value_parser = clap::value_parser!(u32).range(200..=20000))]
    width: u32,
    /// Picture height in pixels.
    #[arg(long, default_value_t = 1000, value_name = "PX", value_parser = clap::value_parser!(u32).range(200..=20000))]
    height: u32,
    /// PNG pixels per picture pixel: 2 for print.
    #[arg(long, default_value_t = 1.0, value_name = "F", value_parser = export_scale)]
    scale: f32,
    #[arg(long, default_value = "light", value_parser = ["light", "dark"])]
    theme: String,
    /// No background (PNG keeps an alpha channel).
    #[arg(long)]
    transparent: bool,
    #[arg(long)]
    no_legend: bool,
    /// The heading (default: the article title, or "N articles"); "" for none.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// Seed of the layout: same seed, same picture.
    #[arg(long, default_value_t = layout::DEFAULT_SEED, value_name = "N")]
    seed: u64,
    /// With .csv: write the node table instead of the edge list.
    #[arg(long, conflicts_with = "evidence")]
    nodes: bool,
    /// With .csv: write the evidence table (one row per sentence that
    /// states a relation), which .md files always hold.
    #[arg(long)]
    evidence: bool,
    /// Split the actors into camps (support inside, hostility between) and
    /// add a camp column to CSV, GraphML and GEXF.
    #[arg(long)]
    camps: bool,
    /// Read articles with this user lexicon; without it, the user's own
    /// lexicon.tsv in the config folder, if any.
    #[arg(long, value_name = "FILE")]
    lexicon: Option<PathBuf>,
    #[command(flatten)]
    dates: DateArgs,
    #[command(flatten)]
    filters: FilterArgs,
}

/// What part of the map to export, as the window's filters show it.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Only relations of these stances (comma-separated: support,
    /// cooperate, neutral, oppose, accuse, attack).
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = stance_name)]
    stances: Vec<Stance>,
    /// Leave out news media.
    #[arg(long)]
    hide_media: bool,
    /// Leave out actors without a shown relation.
    #[arg(long)]
    hide_unconnected: bool,
    /// Only relations stated by at least this many sentences.
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = at_least_one::<usize>)]
    min_sentences: usize,
    /// Only this actor (by name, alias or id) and its neighbours.
    #[arg(long, value_name = "ACTOR")]
    focus: Option<String>,
}

fn stance_name(s: &str) -> Result<Stance, String> {
    Stance::parse(s.trim()).ok_or_else(|| {
        let names: Vec<String> = Stance::ALL.iter().map(|s| s.to_string()).collect();
        format!("not a stance (use {})", names.join(", "))
    })
}

impl FilterArgs {
    /// `request` showing what these filters show.
    fn apply(&self, mut request: pipeline::Request) -> pipeline::Request {
        let filters = &mut request.filters;
        filters.hide_media = self.hide_media;
        filters.hide_unconnected = self.hide_unconnected;
        filters.min_evidence = self.min_sentences;
        filters.focus = self.focus.is_some();
        if !self.stances.is_empty() {
            for (shown, stance) in filters.stances.iter_mut().zip(Stance::ALL) {
                *shown = self.stances.contains(&stance);
            }
        }
        request.focus = self.focus.clone();
        request
    }
}

/// Keep only articles published in a date range (from their page metadata,
/// front matter, dateline or file name); undated articles are left out.
#[derive(Debug, Clone, clap::Args)]
pub struct DateArgs {
    /// Only articles published on or after this day (YYYY, YYYY-MM or
    /// YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = since_bound)]
    since: Option<Day>,
    /// Only articles published on or before this day.
    #[arg(long, value_name = "DATE", value_parser = until_bound)]
    until: Option<Day>,
}

fn since_bound(s: &str) -> Result<Day, String> {
    DateRange::parse_bound(s, End::From)
}

fn until_bound(s: &str) -> Result<Day, String> {
    DateRange::parse_bound(s, End::To)
}

impl DateArgs {
    fn range(&self) -> DateRange {
        DateRange {
            from: self.since,
            to: self.until,
        }
    }
}

fn export_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match export::Format::from_path(&path) {
        Some(_) => Ok(path),
        None => Err(format!(
            "unknown file type (use one of {})",
            export::Format::list()
        )),
    }
}

fn export_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(f) if f.is_finite() && (0.1..=10.0).contains(&f) => Ok(f),
        _ => Err("expected a number from 0.1 to 10".to_string()),
    }
}

fn confidence(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err("expected a number from 0 to 1".to_string()),
    }
}

/// A count or size: a whole number, 0 and negatives refused.
fn at_least_one<T: std::str::FromStr + PartialOrd + From<u8>>(s: &str) -> Result<T, String> {
    match s.parse::<T>() {
        Ok(n) if n >= T::from(1) => Ok(n),
        _ => Err("expected a whole number, at least 1".to_string()),
    }
}

/// The most layout steps `--iterations` asks for.
const MAX_STEPS: i64 = 1_000_000;

/// What went wrong, as the one line printed on standard error; empty when
/// there is nothing worth saying (see [`Failure::quiet`]).
pub struct Failure(pub String);

impl Failure {
    /// A failure with no message: the reader of standard output went away.
    pub fn quiet() -> Failure {
        Failure(String::new())
    }

    pub fn is_quiet(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<terminal::OutputError> for Failure {
    fn from(e: terminal::OutputError) -> Failure {
        match e {
            terminal::OutputError::Closed => Failure::quiet(),
            terminal::OutputError::Failed(line) => Failure(line),
        }
    }
}

/// Print an output on standard output: the only way commands do.
fn out(text: &str) -> Result<(), Failure> {
    terminal::print(text).map_err(Failure::from)
}

/// Warnings of a command, shown once it has succeeded: a command that
/// fails says only why, in one line.
pub type Warnings = Vec<String>;

/// A usage error as one line (clap writes several: the error, tips, the
/// usage and a pointer to --help).
pub fn usage_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let mut line = String::new();
    for part in text.lines().map(str::trim) {
        if part.starts_with("Usage:") || part.starts_with("For more information") {
            break;
        }
        if part.is_empty() {
            continue;
        }
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part);
    }
    line.push_str(" (see --help)");
    line
}

/// Settings every command shares.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub load: LoadOptions,
    pub min_confidence: f32,
}

impl Options {
    /// A request of the seed (or of files set later) with these settings.
    pub fn request(&self) -> pipeline::Request {
        pipeline::Request {
            load: self.load,
            min_confidence: self.min_confidence,
            ..pipeline::Request::default()
        }
    }
}

impl Cli {
    /// What clap cannot check alone: a date range that ends before it
    /// starts. The error is a usage error's one line.
    pub fn check(&self) -> Result<(), String> {
        let dates = match &self.command {
            Some(Command::Extract { dates, .. }) => dates,
            Some(Command::Export(args)) => &args.dates,
            _ => return Ok(()),
        };
        match (dates.since, dates.until) {
            (Some(since), Some(until)) if since > until => Err(format!(
                "error: --since {since} is after --until {until}: no day is in that range"
            )),
            _ => Ok(()),
        }
    }

    pub fn options(&self) -> Options {
        Options {
            load: LoadOptions {
                max_input_bytes: self.max_input_mb.saturating_mul(1024 * 1024),
            },
            min_confidence: self.min_confidence,
        }
    }
}

/// Run a command; `Ok` carries its warnings, to show on standard error.
pub fn run(command: &Command, options: Options) -> Result<Warnings, Failure> {
    let mut warnings = Warnings::new();
    run_with(command, options, &mut warnings)?;
    Ok(warnings)
}

fn run_with(command: &Command, options: Options, warnings: &mut Warnings) -> Result<(), Failure> {
    match command {
        Command::Extract {
            files,
            output,
            lexicon,
            jsonl,
            dates,
        } => extract(
            files,
            output.as_deref(),
            lexicon.as_deref(),
            *jsonl,
            dates,
            options,
            warnings,
        ),
        Command::Eval {
            gold,
            article,
            gold_dir,
            corpus,
            split,
            articles,
            verbose,
        } => match (gold, article, gold_dir, corpus, articles) {
            (Some(gold), Some(article), _, _, _) => {
                out(&eval_one(gold, article, options, *verbose)?.1)
            }
            (_, _, Some(gold_dir), _, Some(articles)) => {
                eval_dir(gold_dir, articles, options, *verbose, warnings)
            }
            (_, _, _, Some(corpus), Some(articles)) => eval_corpus(
                corpus,
                articles,
                split.as_deref(),
                options,
                *verbose,
                warnings,
            ),
            _ => Err(Failure(
                "eval needs --gold GOLD.json ARTICLE, --gold-dir DIR --articles DIR, \
                 or --corpus DIR --articles DIR"
                    .to_string(),
            )),
        },
        Command::Export(args) => run_export(args, options, warnings),
        Command::Layout {
            edges,
            output,
            iterations,
            seed,
        } => run_layout(edges, output, *iterations, *seed, options.load, warnings),
    }
}

fn extract(
    files: &[PathBuf],
    output: Option<&Path>,
    lexicon: Option<&Path>,
    jsonl: bool,
    dates: &DateArgs,
    options: Options,
    warnings: &mut Warnings,
) -> Result<(), Failure> {
    if let Some(path) = output {
        atomic_write::check(path).map_err(Failure)?;
    }
    let request = pipeline::Request {
        files: files.to_vec(),
        lexicon: lexicon_choice(lexicon),
        dates: dates.range(),
        ..options.request()
    };
    let bar = progress_bar();
    let progress = |done: usize, total: usize| {
        if total > 1 {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
    };
    let built = if jsonl {
        request.maps_each(&progress).map(|(maps, w)| {
            let lines = maps.iter().map(RelationMap::to_json_line).collect();
            (lines, w)
        })
    } else {
        request
            .build(&progress)
            .map(|built| (built.map.to_json(), built.warnings))
    };
    bar.finish_and_clear();
    let (json, read_warnings): (String, _) = built.map_err(Failure)?;
    warnings.extend(read_warnings);
    match output {
        Some(path) => atomic_write::write(path, json.as_bytes()).map_err(Failure),
        None => out(&json),
    }
}

/// `--lexicon FILE`, or the user's own lexicon without it.
fn lexicon_choice(lexicon: Option<&Path>) -> pipeline::Lexicon {
    lexicon.map_or(pipeline::Lexicon::Users, |p| {
        pipeline::Lexicon::File(p.to_path_buf())
    })
}

/// A progress bar on standard error for corpus runs; indicatif draws
/// nothing when standard error is not a terminal.
fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles  {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn read_gold(path: &Path, options: LoadOptions) -> Result<GoldMap, Failure> {
    let text = crate::load::read::read_text(path, options).map_err(|e| Failure(e.to_string()))?;
    GoldMap::parse(&text).map_err(|e| Failure(format!("{}: {e}", path.display())))
}

/// Score one article; returns the report and its rendering.
fn eval_one(
    gold: &Path,
    article: &Path,
    options: Options,
    verbose: bool,
) -> Result<(Report, String), Failure> {
    let gold = read_gold(gold, options.load)?;
    let request = pipeline::Request {
        lexicon: pipeline::Lexicon::Bundled,
        ..options.request()
    };
    let (article_text, map, traces) = request.explain(article).map_err(Failure)?;
    let report = eval::score(&map, &gold);
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
    warnings: &mut Warnings,
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
            warnings.push(format!(
                "{}: no article {stem}.txt/.md/.html in {}",
                gold.display(),
                articles.display()
            ));
            continue;
        };
        let (report, text) = eval_one(&gold, &article, options, verbose)?;
        out(&text)?;
        reports.push(report);
    }
    if reports.is_empty() {
        return Err(Failure(format!(
            "{}: no gold map has an article in {}",
            gold_dir.display(),
            articles.display()
        )));
    }
    out(&eval::render_total(&reports))
}

/// Score a whole annotated corpus: the totals of each split and domain,
/// and the articles of `show` (dev or tune) one by one.
fn eval_corpus(
    corpus: &Path,
    articles: &Path,
    show: Option<&str>,
    options: Options,
    verbose: bool,
    warnings: &mut Warnings,
) -> Result<(), Failure> {
    let manifest_path = corpus.join("SPLIT.tsv");
    let manifest = crate::load::read::read_text(&manifest_path, options.load)
        .map_err(|e| Failure(e.to_string()))?;
    let entries = eval::corpus::read_manifest(&manifest)
        .map_err(|e| Failure(format!("{}: {e}", manifest_path.display())))?;
    let show = match show {
        None => None,
        Some(name) => match eval::corpus::Split::parse(name) {
            Some(split) if split.shows_articles() => Some(split),
            Some(_) => {
                return Err(Failure(
                    "--split frozen: the frozen split is only scored as totals".to_string(),
                ));
            }
            None => return Err(Failure(format!("--split {name}: not dev or tune"))),
        },
    };
    if verbose && show.is_none() {
        return Err(Failure(
            "-v with --corpus needs --split dev or --split tune".to_string(),
        ));
    }
    let mut scored = Vec::new();
    let mut missing = 0;
    for entry in &entries {
        let Some(article) = eval::corpus::article_of(entry, articles) else {
            missing += 1;
            continue;
        };
        let shown = show == Some(entry.split);
        let (report, text) = eval_one(
            &corpus.join(&entry.gold),
            &article,
            options,
            shown && verbose,
        )?;
        if shown {
            out(&text)?;
        }
        scored.push((entry, report));
    }
    if missing > 0 {
        warnings.push(format!(
            "{missing} of {} corpus articles are not in {}",
            entries.len(),
            articles.display()
        ));
    }
    if scored.is_empty() {
        return Err(Failure(format!(
            "{}: no corpus article is in {}",
            corpus.display(),
            articles.display()
        )));
    }
    out(&eval::corpus::render_totals(&scored))
}

/// Open the desktop app on `files` (the seed without any).
#[cfg(feature = "gui")]
pub fn open_app(files: &[PathBuf], options: Options) -> Result<(), Failure> {
    crate::app::run(files, options.load, options.min_confidence).map_err(Failure)
}

/// Built without the `gui` feature there is no window to open.
#[cfg(not(feature = "gui"))]
pub fn open_app(_files: &[PathBuf], _options: Options) -> Result<(), Failure> {
    Err(Failure(
        "this stancemap was built without the window (the gui feature); \
         use a command: extract, export, eval or layout"
            .to_string(),
    ))
}

fn is_edge_list(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("csv"))
}

fn read_edge_list(
    path: &Path,
    options: LoadOptions,
    warnings: &mut Warnings,
) -> Result<layout::EdgeList, Failure> {
    let name = path.display();
    let bytes = crate::load::read::read_file(path, options).map_err(|e| Failure(e.to_string()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            warnings.push(format!("{name}: not UTF-8; unreadable bytes replaced"));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let list = layout::EdgeList::parse(&text, layout::Separator::for_path(path))
        .map_err(|e| Failure(format!("{name}: {e}")))?;
    if list.names.is_empty() {
        return Err(Failure(format!(
            "{name}: no edges or nodes in this edge list"
        )));
    }
    Ok(list)
}

fn run_export(args: &ExportArgs, options: Options, warnings: &mut Warnings) -> Result<(), Failure> {
    atomic_write::check(&args.output).map_err(Failure)?;
    let map = match args.files.as_slice() {
        [one] if is_edge_list(one) => {
            export::edge_list_map(&read_edge_list(one, options.load, warnings)?)
        }
        files => {
            if let Some(list) = files.iter().find(|f| is_edge_list(f)) {
                return Err(Failure(format!(
                    "{}: an edge list is exported on its own, not merged with articles",
                    list.display()
                )));
            }
            let request = pipeline::Request {
                files: files.to_vec(),
                lexicon: lexicon_choice(args.lexicon.as_deref()),
                dates: args.dates.range(),
                ..options.request()
            };
            let request = args.filters.apply(request);
            let built = request.build(&|_, _| {}).map_err(Failure)?;
            warnings.extend(built.warnings);
            built.map
        }
    };
    let format = export::Format::from_path(&args.output);
    if (args.nodes || args.evidence) && format != Some(export::Format::Csv) {
        warnings.push("--nodes and --evidence apply to .csv only; ignored".to_string());
    }
    let opts = export::ExportOptions {
        render: render::Options {
            width: args.width,
            height: args.height,
            scale: args.scale,
            theme: render::style::Theme::parse(&args.theme).unwrap_or_default(),
            transparent: args.transparent,
            legend: !args.no_legend,
            title: args.title.clone(),
        },
        table: if args.nodes {
            export::CsvTable::Nodes
        } else if args.evidence {
            export::CsvTable::Evidence
        } else {
            export::CsvTable::Edges
        },
        camps: args.camps,
    };
    let positions = if format == Some(export::Format::Json) {
        Default::default()
    } else {
        layout::map_positions(&map, args.seed)
    };
    export::write_file(&args.output, &map, &positions, &opts).map_err(Failure)
}

fn run_layout(
    edges: &Path,
    output: &Path,
    iterations: u32,
    seed: u64,
    options: LoadOptions,
    warnings: &mut Warnings,
) -> Result<(), Failure> {
    atomic_write::check(output).map_err(Failure)?;
    let list = read_edge_list(edges, options, warnings)?;
    let packed = layout::layout_packed(&list.graph(), seed, iterations, layout::ASPECT);
    if !packed.converged {
        warnings.push(format!(
            "{}: not converged after {} steps (raise --iterations)",
            edges.display(),
            packed.iterations
        ));
    }
    let mut csv = export::csv::record(&["node", "x", "y"]);
    for (name, p) in list.names.iter().zip(&packed.positions) {
        csv.push_str(&export::csv::record(&[
            name.clone(),
            p[0].to_string(),
            p[1].to_string(),
        ]));
    }
    atomic_write::write(output, csv.as_bytes()).map_err(Failure)
}
