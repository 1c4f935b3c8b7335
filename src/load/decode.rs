//! Bytes -> text: UTF-8, UTF-16 with a byte-order mark, or a legacy
//! single-byte encoding (Windows-1252), never a panic.

use encoding_rs::{Encoding, WINDOWS_1252};

#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decode `bytes`, or say in a few words why they are not text.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        let warning =
            had_errors.then(|| format!("malformed {} replaced with \u{FFFD}", encoding.name()));
        return Ok(Decoded {
            text: normalise_newlines(&text),
            warning,
        });
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!("{kind}, not an article"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: normalise_newlines(text),
            warning: None,
        }),
        Err(e) if has_valid_multibyte_utf8(bytes) => Err(format!(
            "invalid UTF-8 at byte {} (the file looks like damaged UTF-8)",
            e.valid_up_to()
        )),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: normalise_newlines(&text),
                warning: Some("not UTF-8; read as Windows-1252".to_string()),
            })
        }
    }
}

/// A short name for content that is clearly not text.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "an executable"),
        (b"RIFF", "a RIFF media file"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some("binary data (or UTF-16 without a byte-order mark)");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    (controls * 20 > head.len().max(1)).then_some("binary data")
}

/// Whether `bytes` contain at least one well-formed multi-byte UTF-8
/// sequence: then invalid bytes elsewhere are damage, not a legacy encoding.
fn has_valid_multibyte_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return !valid.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if !std::str::from_utf8(valid).is_ok_and(str::is_ascii) {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

/// CRLF and lone CR become LF, so offsets mean the same on every platform.
fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Kabul’s".as_bytes()).unwrap().text, "Kabul’s");
        let with_bom = [&[0xEF, 0xBB, 0xBF][..], "Moscow".as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap().text, "Moscow");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for unit in "Islamabad\r\n".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Islamabad\n");
        let mut be = vec![0xFE, 0xFF];
        for unit in "Kyiv".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Kyiv");
    }

    #[test]
    fn legacy_single_byte_is_read_with_a_warning() {
        let d = decode(b"Caf\xE9 talks in Bogot\xE1").unwrap();
        assert_eq!(d.text, "Café talks in Bogotá");
        assert!(d.warning.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn damaged_utf8_is_an_error() {
        let bytes = ["Kabul’s claims "[..].as_bytes(), &[0xFF, 0xFE, 0x41][..]].concat();
        assert!(
            decode(&bytes)
                .unwrap_err()
                .contains("invalid UTF-8 at byte")
        );
    }

    #[test]
    fn binary_files_are_named() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n").unwrap_err(),
            "a PNG image, not an article"
        );
        assert!(decode(b"%PDF-1.7").unwrap_err().contains("PDF"));
        assert!(decode(b"a\0b\0c\0").unwrap_err().contains("binary"));
    }
}
