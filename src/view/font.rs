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

/// Measures text one character at a time, in the same order and with the
/// same rounding as `text_width`, so that fitting can stop as soon as the
/// text is wider than the room: the work is the drawn part, never the whole
/// (a 5 MB title costs what its first line does).
struct Ruler<F> {
    /// A character's advance in font units.
    advance: F,
    size: f32,
    units_per_em: f32,
}

impl<F: FnMut(char) -> f32> Ruler<F> {
    fn px(&self, units: f32) -> f32 {
        units * self.size / self.units_per_em
    }

    /// `text` whole when it fits in `max_width`, else its longest start
    /// that fits with an ellipsis after it (trailing spaces dropped).
    fn fit(&mut self, text: &str, max_width: f32) -> String {
        let ellipsis = (self.advance)('…');
        let (mut units, mut cut) = (0.0f32, 0);
        for (i, c) in text.char_indices() {
            units += (self.advance)(c);
            if self.px(units) > max_width {
                return format!("{}…", text[..cut].trim_end());
            }
            if !c.is_whitespace() && self.px(units + ellipsis) <= max_width {
                cut = i + c.len_utf8();
            }
        }
        if self.px(units) <= max_width {
            text.to_string()
        } else {
            "…".to_string()
        }
    }

    /// The last space of `text` before which the text fits in
    /// `max_width`; `Ok(None)` when no space does, `Err(())` when the whole
    /// text fits.
    fn break_at(&mut self, text: &str, max_width: f32) -> Result<Option<usize>, ()> {
        let (mut units, mut cut) = (0.0f32, None);
        for (i, c) in text.char_indices() {
            if c == ' ' && self.px(units) <= max_width {
                cut = Some(i);
            }
            units += (self.advance)(c);
            if self.px(units) > max_width {
                return Ok(cut);
            }
        }
        Err(())
    }

    fn wrap(&mut self, text: &str, max_width: f32, max_lines: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut rest = text.trim();
        while lines.len() + 1 < max_lines {
            let Ok(Some(i)) = self.break_at(rest, max_width) else {
                break;
            };
            lines.push(rest[..i].trim_end().to_string());
            rest = rest[i..].trim_start();
        }
        if !rest.is_empty() {
            lines.push(self.fit(rest, max_width));
        }
        lines
    }
}

fn ruler(size: f32, weight: Weight) -> Ruler<impl FnMut(char) -> f32> {
    let face = face(weight);
    Ruler {
        advance: |c| {
            let glyph = face.charmap.map(c).unwrap_or_default();
            face.metrics.advance_width(glyph).unwrap_or(0.0)
        },
        size,
        units_per_em: face.units_per_em,
    }
}

/// Width of `text` in pixels at `size` px: the sum of glyph advances
/// (kerning only ever tightens it a little, so boxes err on the safe side).
/// Characters the font lacks count as its missing-glyph box.
pub fn text_width(text: &str, size: f32, weight: Weight) -> f32 {
    let mut ruler = ruler(size, weight);
    let units: f32 = text.chars().map(&mut ruler.advance).sum();
    ruler.px(units)
}

/// Cut `text` to fit `max_width` px, ending with an ellipsis when cut.
pub fn fit_text(text: &str, size: f32, weight: Weight, max_width: f32) -> String {
    ruler(size, weight).fit(text, max_width)
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
    ruler(size, weight).wrap(text, max_width, max_lines)
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

    /// A ruler that counts the characters it measures.
    fn counting(count: &std::cell::Cell<usize>) -> Ruler<impl FnMut(char) -> f32 + '_> {
        let mut inner = ruler(14.0, Weight::Regular);
        Ruler {
            advance: move |c| {
                count.set(count.get() + 1);
                (inner.advance)(c)
            },
            size: 14.0,
            units_per_em: inner.units_per_em,
        }
    }

    #[test]
    fn fitting_measures_only_what_can_be_drawn() {
        let long = "Pakistan accuses the Taliban of sheltering the TTP. ".repeat(20_000);
        let count = std::cell::Cell::new(0);
        let mut r = counting(&count);
        let fitted = r.fit(&long, 300.0);
        assert_eq!(
            fitted,
            fit_text(&long[..2000], 14.0, Weight::Regular, 300.0)
        );
        assert!(count.get() < 200, "{} characters measured", count.get());
        count.set(0);
        let lines = r.wrap(&long, 300.0, 2);
        assert_eq!(
            lines,
            wrap_text(&long[..2000], 14.0, Weight::Regular, 300.0, 2)
        );
        assert!(count.get() < 400, "{} characters measured", count.get());
        let spaceless = "x".repeat(1_000_000);
        count.set(0);
        r.wrap(&spaceless, 300.0, 2);
        assert!(count.get() < 200, "{} characters measured", count.get());
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
