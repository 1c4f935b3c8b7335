//! The legend: every stance with its colour and arrow, how alleged (and,
//! when present, negated) relations look, what line width means, and the
//! shape of each kind of actor on the map. Colour is never the only cue.

use super::font::{Weight, text_width};
use super::geom::Rect;
use super::style::{LEGEND_HEADING_SIZE, LEGEND_SIZE};
use crate::model::{EntityKind, Stance};

/// One line of the legend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    Heading(&'static str),
    Stance(Stance),
    Alleged,
    Negated,
    /// A thin and a thick line: width is the number of sentences.
    Width,
    Kind(EntityKind),
}

impl Row {
    pub fn text(&self) -> &'static str {
        match self {
            Row::Heading(t) => t,
            Row::Stance(s) => s.as_str(),
            Row::Alleged => "alleged (reported claim)",
            Row::Negated => "negated (did not …)",
            Row::Width => "thicker: more sentences",
            Row::Kind(k) => k.label(),
        }
    }

    fn font(&self) -> (f32, Weight) {
        match self {
            Row::Heading(_) => (LEGEND_HEADING_SIZE, Weight::SemiBold),
            _ => (LEGEND_SIZE, Weight::Regular),
        }
    }
}

/// A laid-out legend: its panel and each row's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub rect: Rect,
    /// (row, baseline y)
    pub rows: Vec<(Row, f32)>,
    /// Left edge of the swatches, and of the row text.
    pub swatch_x: f32,
    pub text_x: f32,
}

pub const SWATCH_WIDTH: f32 = 38.0;
const PADDING: f32 = 14.0;
const ROW_HEIGHT: f32 = 22.0;
const HEADING_GAP: f32 = 8.0;

impl Legend {
    /// A legend listing `kinds` (in this order), placed with its top-right
    /// corner at (`right`, `top`).
    pub fn new(kinds: &[EntityKind], negated: bool, right: f32, top: f32) -> Self {
        let mut rows = vec![Row::Heading("Stance")];
        rows.extend(Stance::ALL.map(Row::Stance));
        rows.push(Row::Alleged);
        if negated {
            rows.push(Row::Negated);
        }
        rows.push(Row::Width);
        if !kinds.is_empty() {
            rows.push(Row::Heading("Actors"));
            rows.extend(kinds.iter().map(|&k| Row::Kind(k)));
        }
        let text_w = rows
            .iter()
            .map(|r| {
                let (size, weight) = r.font();
                let indent = if matches!(r, Row::Heading(_)) {
                    0.0
                } else {
                    SWATCH_WIDTH + 10.0
                };
                indent + text_width(r.text(), size, weight)
            })
            .fold(0.0, f32::max);
        let width = (2.0 * PADDING + text_w).ceil();
        let mut y = top + PADDING;
        let mut placed = Vec::with_capacity(rows.len());
        for (i, row) in rows.into_iter().enumerate() {
            if matches!(row, Row::Heading(_)) && i > 0 {
                y += HEADING_GAP;
            }
            y += ROW_HEIGHT;
            placed.push((row, y - 6.0));
        }
        let height = (y - top + PADDING - 4.0).ceil();
        let x0 = right - width;
        Self {
            rect: Rect::new(x0, top, right, top + height),
            rows: placed,
            swatch_x: x0 + PADDING,
            text_x: x0 + PADDING + SWATCH_WIDTH + 10.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_six_stances_and_the_kinds_given_are_listed() {
        let l = Legend::new(
            &[EntityKind::Country, EntityKind::Media],
            false,
            1000.0,
            50.0,
        );
        let stances = l
            .rows
            .iter()
            .filter(|(r, _)| matches!(r, Row::Stance(_)))
            .count();
        assert_eq!(stances, 6);
        assert!(
            l.rows
                .iter()
                .any(|(r, _)| *r == Row::Kind(EntityKind::Media))
        );
        assert!(!l.rows.iter().any(|(r, _)| *r == Row::Negated));
        assert_eq!(l.rect.x1, 1000.0);
        assert!(l.rows.iter().all(|&(_, y)| y > l.rect.y0 && y < l.rect.y1));
    }
}
