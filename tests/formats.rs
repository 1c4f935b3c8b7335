//! PDF, Word and OpenDocument files give the same article as its .txt:
//! the same title and the same sentences. The documents are made here, from
//! tests/fixtures/formats/article.txt: a two-page PDF with a running header,
//! a page footer and words hyphenated at line ends; a DOCX with a title, a
//! heading, split runs, a tracked deletion and a page header; an ODT with
//! headings, a footnote and `text:s` spaces.

use stancemap::load::{self, Input, LoadOptions, Loaded};
use stancemap::model::Article;
use std::io::Write;
use std::path::{Path, PathBuf};

fn article_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats/article.txt");
    std::fs::read_to_string(path).unwrap()
}

/// The article as a title and paragraphs; the second heading is marked.
fn paragraphs() -> (String, Vec<(bool, String)>) {
    let text = article_text();
    let mut blocks = text.split("\n\n").map(|b| b.trim().to_string());
    let title = blocks.next().unwrap();
    let body = blocks
        .filter(|b| !b.is_empty())
        .map(|b| (!b.ends_with('.'), b))
        .collect();
    (title, body)
}

fn load(path: &Path) -> (Article, Vec<String>) {
    let Loaded { input, warnings } =
        load::load_path(path, LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    match input {
        Input::Article(a) => (a, warnings),
        Input::Map(_) => panic!("not an article"),
    }
}

fn sentences(a: &Article) -> Vec<&str> {
    a.sentences
        .iter()
        .map(|[s, e]| a.text[*s..*e].trim())
        .collect()
}

/// Write `bytes` where the tests can find them, and a copy under the
/// target's temporary folder (handy as fuzz seeds).
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let _ = std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join(name), bytes);
    path
}

fn assert_same_as_txt(doc: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "article.txt", article_text().as_bytes());
    let (want, _) = load(&txt);
    let (got, warnings) = load(doc);
    assert_eq!(got.title, want.title, "{}", doc.display());
    assert_eq!(sentences(&got), sentences(&want), "{}", doc.display());
    assert!(warnings.is_empty(), "{warnings:?}");
}

// ---- PDF -------------------------------------------------------------

/// Lines of at most `width` characters; a long word that does not fit is
/// hyphenated ("inter-" / "national"), as typesetting does.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split(' ') {
        let line = lines.last_mut().unwrap();
        let room = width.saturating_sub(line.len() + 1);
        if line.is_empty() || line.len() + 1 + word.len() <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        } else if word.len() >= 8 && room >= 4 && word.chars().all(|c| c.is_ascii_lowercase()) {
            let cut = room - 1;
            line.push(' ');
            line.push_str(&word[..cut]);
            line.push('-');
            lines.push(word[cut..].to_string());
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

fn pdf_string(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// A PDF of `pages`, each a list of (font size, y, text) lines in
/// Helvetica, with the running header and footer drawn on every page.
fn pdf(pages: &[Vec<(u32, u32, String)>]) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(), // the page tree, once the pages are numbered
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    ];
    let mut kids = Vec::new();
    for (n, lines) in pages.iter().enumerate() {
        let mut content = String::new();
        let mut all = vec![(9, 770, "Gulf Monitor - Weekly Briefing".to_string())];
        all.extend(lines.iter().cloned());
        all.push((9, 40, format!("Page {} of {}", n + 1, pages.len())));
        for (size, y, text) in all {
            content.push_str(&format!(
                "BT /F1 {size} Tf 72 {y} Td ({}) Tj ET\n",
                pdf_string(&text)
            ));
        }
        let content_id = objects.len() + 1;
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
        kids.push(objects.len() + 1);
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
             /Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
        ));
    }
    let kids: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    );
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The article laid out on two pages, 14 points a line, a blank line's
/// worth between paragraphs; the page break falls inside a paragraph.
fn article_pdf() -> Vec<u8> {
    let (title, body) = paragraphs();
    let mut lines: Vec<(u32, String, bool)> = vec![(16, title, true)];
    for (heading, paragraph) in body {
        let size = if heading { 13 } else { 11 };
        let wrapped = wrap(&paragraph, 60);
        let last = wrapped.len() - 1;
        for (i, line) in wrapped.into_iter().enumerate() {
            lines.push((size, line, i == last));
        }
    }
    let per_page = lines.len() / 2 + 1;
    let pages: Vec<Vec<(u32, u32, String)>> = lines
        .chunks(per_page)
        .map(|chunk| {
            let mut y = 720;
            let mut page = Vec::new();
            for (size, text, ends_paragraph) in chunk {
                page.push((*size, y, text.clone()));
                y -= if *ends_paragraph { 28 } else { 14 };
            }
            page
        })
        .collect();
    assert_eq!(pages.len(), 2);
    pdf(&pages)
}

#[test]
fn a_two_page_pdf_gives_the_sentences_of_its_txt() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = article_pdf();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("-) Tj"), "the layout hyphenates some word");
    let path = write(dir.path(), "article.pdf", &bytes);
    assert_same_as_txt(&path);
    let (a, _) = load(&path);
    assert!(!a.text.contains("Gulf Monitor"), "{}", a.text);
    assert!(!a.text.contains("Page 1"), "{}", a.text);
}

#[test]
fn a_pdf_without_text_is_refused_as_needing_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "scan.pdf", &pdf(&[Vec::new(), Vec::new()]));
    // Only the running header and footer: no text of its own.
    let err = load::load_path(&path, LoadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: no text layer: scanned pages need OCR first",
            path.display()
        )
    );
}

// ---- DOCX and ODT -------------------------------------------------------

fn zip(members: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in members {
        let stored = *name == "mimetype";
        let options = zip::write::SimpleFileOptions::default().compression_method(if stored {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        });
        out.start_file(*name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn article_docx() -> Vec<u8> {
    let (title, body) = paragraphs();
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>"#
    );
    xml.push_str(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>"#,
        xml_escape(&title)
    ));
    for (i, (heading, text)) in body.iter().enumerate() {
        let style = if *heading {
            r#"<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>"#
        } else {
            ""
        };
        // Runs split mid-sentence, as Word writes them after edits.
        let (a, b) = text.split_at(text.find(' ').unwrap_or(0));
        xml.push_str(&format!(
            r#"<w:p>{style}<w:r><w:t>{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            xml_escape(a),
            xml_escape(b)
        ));
        if i == 0 {
            xml.push_str(r#"<w:del w:id="1" w:author="Editor"><w:r><w:delText> Kuwait condemned the deal.</w:delText></w:r></w:del>"#);
        }
        xml.push_str("</w:p>");
        xml.push_str("<w:p/>");
    }
    xml.push_str("</w:body></w:document>");
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{W_NS}"><w:p><w:r><w:t>CONFIDENTIAL DRAFT</w:t></w:r></w:p></w:hdr>"#
    );
    zip(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        ),
        ("word/document.xml", &xml),
        ("word/header1.xml", &header),
    ])
}

fn article_odt() -> Vec<u8> {
    let (title, body) = paragraphs();
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>"#,
    );
    xml.push_str(&format!(
        r#"<text:h text:outline-level="1">{}</text:h>"#,
        xml_escape(&title)
    ));
    for (i, (heading, text)) in body.iter().enumerate() {
        let (a, b) = text.split_at(text.find(' ').unwrap_or(0));
        let b = xml_escape(b.trim_start());
        let note = if i == 1 {
            r#"<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Kuwait condemned the deal.</text:p></text:note-body></text:note>"#
        } else {
            ""
        };
        if *heading {
            xml.push_str(&format!(
                r#"<text:h text:outline-level="2">{}<text:s/>{b}</text:h>"#,
                xml_escape(a)
            ));
        } else {
            xml.push_str(&format!(
                r#"<text:p text:style-name="P1"><text:span>{}</text:span><text:s/>{b}{note}</text:p>"#,
                xml_escape(a)
            ));
        }
    }
    xml.push_str("</office:text></office:body></office:document-content>");
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>CONFIDENTIAL DRAFT</text:p></style:header></style:master-page></office:master-styles></office:document-styles>"#;
    zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        (
            "META-INF/manifest.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        ),
        ("content.xml", &xml),
        ("styles.xml", styles),
    ])
}

#[test]
fn a_docx_with_headings_gives_the_sentences_of_its_txt() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "article.docx", &article_docx());
    assert_same_as_txt(&path);
    let (a, _) = load(&path);
    assert!(!a.text.contains("CONFIDENTIAL") && !a.text.contains("Kuwait"));
}

#[test]
fn an_odt_gives_the_sentences_of_its_txt() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "article.odt", &article_odt());
    assert_same_as_txt(&path);
    let (a, _) = load(&path);
    assert!(!a.text.contains("CONFIDENTIAL") && !a.text.contains("Kuwait"));
}

/// A document is known by its content whatever its name, and a folder
/// reads documents too.
#[test]
fn documents_are_read_by_content_and_in_folders() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.pdf", &article_pdf());
    write(dir.path(), "b.docx", &article_docx());
    write(dir.path(), "c.odt", &article_odt());
    let misnamed = write(dir.path(), "report.bin", &article_docx());
    assert_eq!(
        load(&misnamed).0.title,
        "Gulf states back new shipping corridor"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["extract", "--jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let maps: Vec<stancemap::model::RelationMap> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    // The folder's three documents (not report.bin, an unknown extension).
    assert_eq!(maps.len(), 3);
    for map in maps {
        assert_eq!(
            map.articles[0].title,
            "Gulf states back new shipping corridor"
        );
        assert!(map.relations.len() >= 4, "{:?}", map.relations);
    }
}

/// A DOCX whose body inflates past the input limit is refused at the limit
/// (never unpacked whole), as is a file larger than the limit.
#[test]
fn a_zip_bomb_stops_at_the_input_limit() {
    let dir = tempfile::tempdir().unwrap();
    let padding = "<w:p/>".repeat(400_000); // 2.4 MB of XML, a few KB zipped
    let body = format!(r#"<w:document xmlns:w="{W_NS}"><w:body>{padding}</w:body></w:document>"#);
    let bomb = zip(&[("word/document.xml", &body)]);
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let path = write(dir.path(), "bomb.docx", &bomb);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["extract", "--max-input-mb", "1"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "{}: word/document.xml unpacks to more than the 1 MB input limit (raise it with --max-input-mb)",
            path.display()
        )
    );
}

/// An article in another language loads, with a warning that says why its
/// map may be empty.
#[test]
fn a_french_article_loads_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "paris.txt",
        "La France condamne la décision\n\nLe gouvernement français a condamné lundi la \
         décision de suspendre les exportations de céréales vers l'Afrique, selon un \
         communiqué publié par le ministère des affaires étrangères.\n"
            .as_bytes(),
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("extract")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim_end(),
        format!(
            "warning: {}: looks like French: stancemap reads English articles; the map may be empty",
            path.display()
        )
    );
}
