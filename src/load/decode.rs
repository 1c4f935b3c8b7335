//! Bytes -> text: UTF-8, UTF-16 or UTF-32 with a byte-order mark, or a
//! legacy single-byte encoding (Windows-1252), never a panic.

use encoding_rs::{Encoding, WINDOWS_1252};

#[derive(Debug)]
pub(super) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decode `bytes`, or say in a few words why they are not text.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if let Some(decoded) = utf32(bytes) {
        return Ok(decoded);
    }
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

/// UTF-32 with a byte-order mark, which encoding_rs does not know: its
/// little-endian mark `FF FE 00 00` would otherwise be read as UTF-16's
/// followed by NULs. Code units that are no character (and a cut-off last
/// unit) become U+FFFD, with a warning.
fn utf32(bytes: &[u8]) -> Option<Decoded> {
    let (name, read): (&str, fn([u8; 4]) -> u32) = if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        ("UTF-32LE", u32::from_le_bytes)
    } else if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        ("UTF-32BE", u32::from_be_bytes)
    } else {
        return None;
    };
    let body = &bytes[4..];
    let units = body.chunks_exact(4);
    let mut had_errors = !units.remainder().is_empty();
    let mut text = String::with_capacity(body.len() / 4);
    for unit in units {
        let code = read([unit[0], unit[1], unit[2], unit[3]]);
        text.push(char::from_u32(code).unwrap_or_else(|| {
            had_errors = true;
            '\u{FFFD}'
        }));
    }
    if !body.len().is_multiple_of(4) {
        text.push('\u{FFFD}');
    }
    Some(Decoded {
        text: normalise_newlines(&text),
        warning: had_errors.then(|| format!("malformed {name} replaced with \u{FFFD}")),
    })
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
    if looks_like_utf32(head) {
        return Some("binary data (or UTF-32 without a byte-order mark)");
    }
    if head.contains(&0) {
        return Some("binary data (or UTF-16 without a byte-order mark)");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    (controls * 20 > head.len().max(1)).then_some("binary data")
}

/// Whether `head` reads as UTF-32 code units of one byte order: every
/// unit below U+110000, most of them ASCII.
fn looks_like_utf32(head: &[u8]) -> bool {
    let units = head.chunks_exact(4);
    let n = units.len();
    if n < 2 {
        return false;
    }
    let le = units.clone().all(|u| u[3] == 0 && u[2] <= 0x10);
    let be = units.clone().all(|u| u[0] == 0 && u[1] <= 0x10);
    let ascii = units
        .filter(|u| {
            if le {
                u[1] == 0 && u[2] == 0 && u[0] != 0
            } else {
                u[1] == 0 && u[2] == 0 && u[3] != 0
            }
        })
        .count();
    (le || be) && ascii * 2 > n
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

    fn utf32(text: &str, little: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        for c in std::iter::once('\u{FEFF}').chain(text.chars()) {
            let code = c as u32;
            bytes.extend(if little {
                code.to_le_bytes()
            } else {
                code.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn utf32_with_bom_is_not_read_as_utf16() {
        for little in [true, false] {
            let d = decode(&utf32("Kabul’s 𝐀\r\n", little)).unwrap();
            assert_eq!(d.text, "Kabul’s 𝐀\n");
            assert_eq!(d.warning, None);
        }
        let mut cut = utf32("Kyiv", true);
        cut.extend([0x00, 0xD8, 0x00, 0x00, 0x41]);
        let d = decode(&cut).unwrap();
        assert_eq!(d.text, "Kyiv\u{FFFD}\u{FFFD}");
        assert_eq!(
            d.warning.unwrap(),
            "malformed UTF-32LE replaced with \u{FFFD}"
        );
        let mut no_bom = utf32("Russia met China.", false);
        no_bom.drain(..4);
        assert!(
            decode(&no_bom)
                .unwrap_err()
                .contains("UTF-32 without a byte-order mark")
        );
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
