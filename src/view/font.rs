//! The bundled font (Inter, SIL OFL 1.1, see assets/fonts/): pictures
//! never depend on the fonts a machine happens to have, so they come out
//! the same everywhere. Text is measured here with the same font resvg
//! draws with, so label boxes match the drawn text.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};
use std::sync::{Arc, OnceLock};

/// Inter Regular: labels, legend, subtitle.
pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/Inter-Regular.otf");
/// Inter SemiBold: title and legend headings.
pub const SEMIBOLD: &[u8] = include_bytes!("../../assets/fonts/Inter-SemiBold.otf");
/// The family name both files declare.
pub const FAMILY: &str = "Inter";
/// What an SVG names, so viewers without Inter fall back to a similar face.
pub const CSS_FAMILY: &str = "Inter, 'Helvetica Neue', Arial, sans-serif";

/// Regular or semibold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    SemiBold,
}

impl Weight {
    /// The CSS `font-weight` value.
    pub fn css(self) -> u16 {
        match self {
            Weight::Regular => 400,
            Weight::SemiBold => 600,
        }
    }
}

struct Face {
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn load(data: &'static [u8]) -> Self {
        let font = FontRef::new(data).expect("the bundled font parses");
        let units_per_em = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        Self {
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        }
    }
}

fn face(weight: Weight) -> &'static Face {
    static REGULAR_FACE: OnceLock<Face> = OnceLock::new();
    static SEMIBOLD_FACE: OnceLock<Face> = OnceLock::new();
    match weight {
        Weight::Regular => REGULAR_FACE.get_or_init(|| Face::load(REGULAR)),
        Weight::SemiBold => SEMIBOLD_FACE.get_or_init(|| Face::load(SEMIBOLD)),
    }
}

/// Width of `text` in pixels at `size` px: the sum of glyph advances
/// (kerning only ever tightens it a little, so boxes err on the safe side).
/// Characters the font lacks count as its missing-glyph box.
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    let face = face(weight);
    let units: f32 = text
        .chars()
        .map(|c| {
            let glyph = face.charmap.map(c).unwrap_or_default();
            face.metrics.advance_width(glyph).unwrap_or(0.0)
        })
        .sum();
    units * size / face.units_per_em
}

/// Cut `text` to fit `max_width` px, ending with an ellipsis when cut.
pub fn fit_text(text: &str, size: f32, weight: Weight, max_width: f32) -> String {
    if text_width(text, size, weight) <= max_width {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() {
        out.pop();
        let candidate = format!("{}…", out.trim_end());
        if text_width(&candidate, size, weight) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

/// Break `text` at spaces into at most `max_lines` lines of `max_width`
/// px; the last line ends with an ellipsis when text is left over.
pub fn wrap_text(
    text: &str,
    size: f32,
    weight: Weight,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while lines.len() + 1 < max_lines && text_width(rest, size, weight) > max_width {
        let cut = rest
            .match_indices(' ')
            .map(|(i, _)| i)
            .take_while(|&i| text_width(&rest[..i], size, weight) <= max_width)
            .last();
        let Some(i) = cut else { break };
        lines.push(rest[..i].trim_end().to_string());
        rest = rest[i..].trim_start();
    }
    if !rest.is_empty() {
        lines.push(fit_text(rest, size, weight, max_width));
    }
    lines
}

/// A font database holding only the bundled faces, for usvg.
pub fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(SEMIBOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let a = text_width("Pakistan", 14.0, Weight::Regular);
        assert!(a > 40.0 && a < 80.0, "{a}");
        assert!(text_width("Pakistan", 28.0, Weight::Regular) > 1.9 * a);
        assert!(text_width("Pakistan", 14.0, Weight::SemiBold) > a);
        assert_eq!(text_width("", 14.0, Weight::Regular), 0.0);
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let t = fit_text(
            "A very long article title indeed",
            14.0,
            Weight::Regular,
            80.0,
        );
        assert!(t.ends_with('…'));
        assert!(text_width(&t, 14.0, Weight::Regular) <= 80.0);
    }

    #[test]
    fn long_text_wraps_at_spaces_then_is_cut() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap_text(text, 14.0, Weight::Regular, 90.0, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("one two") && !lines[0].ends_with(' '));
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, 14.0, Weight::Regular) <= 90.0)
        );
        assert_eq!(
            wrap_text("short", 14.0, Weight::Regular, 90.0, 2),
            ["short"]
        );
        assert!(wrap_text("  ", 14.0, Weight::Regular, 90.0, 2).is_empty());
    }

    #[test]
    fn the_database_knows_the_bundled_family() {
        let db = database();
        assert_eq!(db.len(), 2);
        assert!(
            db.faces()
                .all(|f| f.families.iter().any(|(name, _)| name == FAMILY))
        );
    }
}
