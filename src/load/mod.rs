//! bytes -> Article (or a saved map): decoding, HTML (the article alone,
//! as reader modes find it), Markdown, plain text, PDF, Word, OpenDocument
//! and stancemap JSON.
//!
//! Every failure is a [`LoadError`] whose message is one line naming the file
//! and the problem; nothing here panics on any input.

mod dates;
mod decode;
mod docx;
pub mod folder;
mod guard;
mod html;
mod json;
mod lang;
mod markdown;
mod odt;
mod pdf;
mod plain;
pub mod read;
mod readable;
mod zipped;

use crate::model::{Article, Day, RelationMap};
use crate::text::sentences;
use std::fmt;
use std::path::Path;

pub use json::parse_map;

/// Inputs larger than this are refused rather than read into memory.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

/// What a file turned out to hold.
#[derive(Debug, Clone)]
pub enum Input {
    Article(Article),
    Map(RelationMap),
}

/// A loaded input and anything worth telling the user about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub input: Input,
    pub warnings: Vec<String>,
}

/// The file formats stancemap reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Pdf,
    Docx,
    Odt,
}

impl Format {
    /// The format named by a file extension, if stancemap knows it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            _ => None,
        }
    }

    /// The document format the bytes show, whatever the file is called:
    /// a PDF, Word or OpenDocument file is read as one.
    fn from_magic(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF") {
            Some(Format::Pdf)
        } else if !bytes.starts_with(b"PK\x03\x04") {
            None
        } else if docx::is_docx(bytes) {
            Some(Format::Docx)
        } else if odt::is_odt(bytes) {
            Some(Format::Odt)
        } else {
            None
        }
    }

    /// Guess from content, for standard input and unknown extensions.
    fn sniff(text: &str) -> Format {
        let head = text.trim_start();
        if head.starts_with('{') {
            Format::Json
        } else if head.starts_with('<') && looks_like_html(head) {
            Format::Html
        } else {
            Format::Text
        }
    }
}

fn looks_like_html(head: &str) -> bool {
    let lower: String = head
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<body",
        "<p>",
        "<p ",
        "<div",
        "<article",
        "<h1",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// A file that could not be used, with a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub reason: String,
}

impl LoadError {
    pub fn new(file: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for LoadError {}

/// Options shared by every loader.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_input_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// Load a file, or standard input when `path` is `-`.
pub fn load_path(path: &Path, options: LoadOptions) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    if name == "-" {
        let bytes = read::read_stdin(options)?;
        return load_bytes_with("<stdin>", None, &bytes, None, options);
    }
    let bytes = read::read_file(path, options)?;
    load_bytes_with(&name, Some(path), &bytes, Format::from_path(path), options)
}

/// Load bytes that came from `name` (a path, or `<stdin>`). `format` comes
/// from the file extension; without one the content decides.
pub fn load_bytes(
    name: &str,
    path: Option<&Path>,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Loaded, LoadError> {
    load_bytes_with(name, path, bytes, format, LoadOptions::default())
}

/// [`load_bytes`] with `options`: their input limit also bounds what a
/// DOCX or ODT may unpack to.
pub fn load_bytes_with(
    name: &str,
    path: Option<&Path>,
    bytes: &[u8],
    format: Option<Format>,
    options: LoadOptions,
) -> Result<Loaded, LoadError> {
    let fallback_title = fallback_title(path);
    let limit = options.max_input_bytes;
    let document = match Format::from_magic(bytes).or(format) {
        Some(Format::Pdf) => pdf::to_document(bytes, fallback_title),
        Some(Format::Docx) => docx::to_document(bytes, fallback_title, limit),
        Some(Format::Odt) => odt::to_document(bytes, fallback_title, limit),
        _ => return load_text(name, path, bytes, format),
    };
    let document = document.map_err(|reason| LoadError::new(name, reason))?;
    article(name, path, document, Vec::new())
}

/// The file name without its extension, the title of last resort.
fn fallback_title(path: Option<&Path>) -> &str {
    path.and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
        .unwrap_or("untitled")
}

/// Text formats: decode, then read as JSON, HTML, Markdown or plain text.
fn load_text(
    name: &str,
    path: Option<&Path>,
    bytes: &[u8],
    format: Option<Format>,
) -> Result<Loaded, LoadError> {
    let decoded = decode::decode(bytes).map_err(|reason| LoadError::new(name, reason))?;
    let mut warnings: Vec<String> = decoded
        .warning
        .into_iter()
        .map(|w| format!("{name}: {w}"))
        .collect();
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(LoadError::new(name, "empty file: there is no text to read"));
    }
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    let fallback_title = fallback_title(path);
    let document = match format {
        Format::Json => {
            let map = parse_map(&text).map_err(|reason| LoadError::new(name, reason))?;
            return Ok(Loaded {
                input: Input::Map(map),
                warnings,
            });
        }
        Format::Html => readable::to_document(&text, fallback_title),
        Format::Markdown => markdown::to_document(&text, fallback_title),
        // Not reached: documents are read before decoding.
        Format::Text | Format::Pdf | Format::Docx | Format::Odt => {
            plain::to_document(&text, fallback_title)
        }
    };
    if document.text.trim().is_empty() {
        return Err(LoadError::new(
            name,
            "no readable text (only markup, scripts or styles)",
        ));
    }
    if document.text.len() < text.len() / 50 && format == Format::Html {
        warnings.push(format!(
            "{name}: most of the page was markup; kept the article text"
        ));
    }
    article(name, path, document, warnings)
}

/// The article of a read document: sentences, publication day, and a
/// warning when it is not in English.
fn article(
    name: &str,
    path: Option<&Path>,
    document: Document,
    mut warnings: Vec<String>,
) -> Result<Loaded, LoadError> {
    if document.text.trim().is_empty() {
        return Err(LoadError::new(name, "no readable text"));
    }
    warnings.extend(lang::warning(&document.text).map(|w| format!("{name}: {w}")));
    let spans = sentences::split(&document.text);
    let date = document
        .date
        .or_else(|| dates::dateline(&document.text))
        .or_else(|| {
            path.and_then(|p| p.file_stem()?.to_str())
                .and_then(dates::from_file_name)
        });
    Ok(Loaded {
        input: Input::Article(Article {
            id: "a1".to_string(),
            title: document.title,
            source: path.map(|p| p.display().to_string()),
            date: date.map(|d| d.to_string()),
            text: document.text,
            sentences: spans,
        }),
        warnings,
    })
}

/// Plain text and a title, before sentence splitting.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Document {
    title: String,
    text: String,
    /// The publication day from the file's metadata, if it has any.
    date: Option<Day>,
}

/// Titles longer than this are a paragraph, not a headline.
const MAX_TITLE_CHARS: usize = 160;

/// Titles made from a first sentence are cut to about this many characters.
const SHORT_TITLE_CHARS: usize = 80;

/// The first line of `text` when it reads as a title; else its first
/// sentence, shortened at a word; `fallback` only when there is no text.
fn title_from_first_line(text: &str, fallback: &str) -> String {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return fallback.to_string();
    };
    if first.chars().count() <= MAX_TITLE_CHARS {
        return first.to_string();
    }
    let sentence = sentences::split(first)
        .first()
        .map_or(first, |&[start, end]| first[start..end].trim());
    shorten(sentence, SHORT_TITLE_CHARS)
}

/// `text` cut at the last word break within `max` characters, with an
/// ellipsis when anything was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head
        .rfind(char::is_whitespace)
        .map_or(head, |space| &head[..space]);
    format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, bytes: &[u8]) -> Article {
        match load_bytes(
            name,
            Some(Path::new(name)),
            bytes,
            Format::from_path(Path::new(name)),
        )
        .unwrap()
        .input
        {
            Input::Article(a) => a,
            Input::Map(_) => panic!("expected an article"),
        }
    }

    #[test]
    fn a_text_without_a_title_line_is_named_from_its_first_sentence() {
        let a = article(
            "notes.txt",
            format!("Russia and China signed a wide trade pact on Monday in Beijing, officials said, after {} talks. More.\n", "long ".repeat(30)).as_bytes(),
        );
        assert_eq!(
            a.title,
            "Russia and China signed a wide trade pact on Monday in Beijing, officials said…"
        );
        assert_eq!(shorten("Short one.", 80), "Short one.");
    }

    #[test]
    fn plain_text_title_is_the_first_line() {
        let a = article(
            "x.txt",
            b"Big News Today\n\nRussia met China. They talked.\n",
        );
        assert_eq!(a.title, "Big News Today");
        assert_eq!(a.sentences.len(), 3);
    }

    #[test]
    fn the_date_comes_from_a_dateline_or_the_file_name() {
        let a = article("x.txt", b"Big News\nMarch 12, 2024\n\nRussia met China.\n");
        assert_eq!(a.date.as_deref(), Some("2024-03-12"));
        let b = article("2023-01-05-news.md", b"# Big News\n\nRussia met China.\n");
        assert_eq!(b.date.as_deref(), Some("2023-01-05"));
        let c = article("news.txt", b"Big News\n\nRussia met China.\n");
        assert_eq!(c.date, None);
    }

    #[test]
    fn empty_and_whitespace_files_are_errors() {
        let e = load_bytes("e.txt", None, b"", None).unwrap_err();
        assert!(e.to_string().starts_with("e.txt: empty"));
        assert!(load_bytes("w.txt", None, b" \n\t \r\n", None).is_err());
    }

    #[test]
    fn content_decides_without_an_extension() {
        assert_eq!(Format::sniff("  {\"schema\": 1}"), Format::Json);
        assert_eq!(Format::sniff("<!DOCTYPE html><p>x</p>"), Format::Html);
        assert_eq!(Format::sniff("<3 love letters"), Format::Text);
    }

    #[test]
    fn a_directory_is_refused_with_its_name() {
        let e = load_path(Path::new("src"), LoadOptions::default()).unwrap_err();
        assert_eq!(e.to_string(), "src: is a directory, not a file");
    }

    #[test]
    fn oversized_input_is_refused() {
        let e = read::check_size("big.txt", 60 * 1024 * 1024, LoadOptions::default()).unwrap_err();
        assert!(e.reason.contains("50 MB"));
    }
}
