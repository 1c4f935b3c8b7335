//! One member of a zip file (DOCX and ODT are zips of XML), unpacked no
//! further than the input limit: a zip bomb's member that inflates past it
//! is refused, never held in memory whole.

use std::io::{Cursor, Read};

/// Whether `bytes` are a zip with a member called `name`.
pub(super) fn has_member(bytes: &[u8], name: &str) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.index_for_name(name).is_some())
}

/// The member `name` of the zip `bytes` as UTF-8 text; `kind` names the
/// format in errors ("DOCX").
pub(super) fn member_text(
    bytes: &[u8],
    name: &str,
    kind: &str,
    limit: u64,
) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a {kind} file (a damaged or incomplete zip: {e})"))?;
    let member = archive
        .by_name(name)
        .map_err(|_| format!("not a {kind} file (it has no {name})"))?;
    let mut data = Vec::new();
    member
        .take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| format!("damaged {kind} file ({name}: {e})"))?;
    if data.len() as u64 > limit {
        let mb = limit as f64 / (1024.0 * 1024.0);
        return Err(format!(
            "{name} unpacks to more than the {mb:.0} MB input limit (raise it with --max-input-mb)"
        ));
    }
    let text = String::from_utf8(data)
        .map_err(|_| format!("damaged {kind} file ({name} is not UTF-8)"))?;
    Ok(match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Parse XML, refusing DTDs (no entity expansion).
pub(super) fn parse_xml<'a>(
    text: &'a str,
    name: &str,
    kind: &str,
) -> Result<roxmltree::Document<'a>, String> {
    roxmltree::Document::parse(text).map_err(|e| format!("damaged {kind} file ({name}: {e})"))
}

/// Runs and spans nest a few levels inside a paragraph; deeper is a
/// crafted file, whose text is not read past this depth (no stack overflow).
pub(super) const MAX_XML_DEPTH: usize = 64;
