//! The single source of visual truth, shared by the window and the
//! exported pictures: stance colours, node shapes and sizes, edge widths,
//! dash patterns and the two themes. Plain data and functions: each front
//! end converts them to its own types.

use crate::model::{EntityKind, Stance};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, upper case.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    pub fn to_array(self) -> [u8; 3] {
        [self.0, self.1, self.2]
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

/// Stance colours, from the Okabe–Ito palette (readable with the common
/// colour-vision deficiencies), exactly as DESIGN.md lists them.
pub fn stance_color(stance: Stance) -> Rgb {
    match stance {
        Stance::Support => Rgb(0x00, 0x9E, 0x73),
        Stance::Cooperate => Rgb(0x00, 0x72, 0xB2),
        Stance::Neutral => Rgb(0x8C, 0x8C, 0x8C),
        Stance::Oppose => Rgb(0xE6, 0x9F, 0x00),
        Stance::Accuse => Rgb(0xD5, 0x5E, 0x00),
        Stance::Attack => Rgb(0x7B, 0x2D, 0x8E),
    }
}

/// The word shown for a stance in legends and tooltips.
pub fn stance_label(stance: Stance) -> &'static str {
    stance.as_str()
}

/// What a stance covers, for legends and tooltips.
pub fn stance_description(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => "endorse, defend, back, arm, fund",
        Stance::Cooperate => "agree, sign, mediate, aid, trade",
        Stance::Neutral => "meet, talk, visit",
        Stance::Oppose => "criticise, reject, condemn, warn",
        Stance::Accuse => "accuse, blame, allege, label",
        Stance::Attack => "fight, strike, crack down, expel",
    }
}

/// Light for print and reports, dark for screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The colours of everything that is not a stance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub background: Rgb,
    pub text: Rgb,
    pub muted_text: Rgb,
    /// Outline of node shapes.
    pub node_stroke: Rgb,
    /// Drawn behind label text so it stays readable over edges.
    pub halo: Rgb,
    pub legend_background: Rgb,
    pub legend_border: Rgb,
    /// Edges of plain graphs (edge lists without stances).
    pub plain_edge: Rgb,
    node_fills: [Rgb; 7],
}

impl Palette {
    /// Node fill: a pale tint per kind, so the stance colours of the edges
    /// stay the loudest thing on the page; shape carries the kind too.
    pub fn node_fill(&self, kind: EntityKind) -> Rgb {
        self.node_fills[kind_index(kind)]
    }
}

pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            background: Rgb(0xFF, 0xFF, 0xFF),
            text: Rgb(0x1B, 0x1F, 0x24),
            muted_text: Rgb(0x5A, 0x62, 0x70),
            node_stroke: Rgb(0x39, 0x41, 0x4D),
            halo: Rgb(0xFF, 0xFF, 0xFF),
            legend_background: Rgb(0xF7, 0xF8, 0xFA),
            legend_border: Rgb(0xD5, 0xD9, 0xE0),
            plain_edge: Rgb(0x9A, 0xA1, 0xAB),
            node_fills: [
                Rgb(0xDC, 0xE8, 0xF5),
                Rgb(0xE4, 0xDE, 0xF2),
                Rgb(0xF8, 0xE9, 0xD6),
                Rgb(0xF4, 0xD9, 0xD3),
                Rgb(0xD9, 0xEF, 0xE6),
                Rgb(0xEC, 0xEC, 0xEC),
                Rgb(0xFF, 0xFF, 0xFF),
            ],
        },
        Theme::Dark => Palette {
            background: Rgb(0x16, 0x19, 0x1E),
            text: Rgb(0xE9, 0xEC, 0xF1),
            muted_text: Rgb(0xA3, 0xAB, 0xB8),
            node_stroke: Rgb(0xC7, 0xCD, 0xD6),
            halo: Rgb(0x16, 0x19, 0x1E),
            legend_background: Rgb(0x1F, 0x23, 0x2A),
            legend_border: Rgb(0x3A, 0x41, 0x4C),
            plain_edge: Rgb(0x6B, 0x73, 0x80),
            node_fills: [
                Rgb(0x2B, 0x3A, 0x4D),
                Rgb(0x3A, 0x34, 0x50),
                Rgb(0x4A, 0x3B, 0x2A),
                Rgb(0x4D, 0x2E, 0x2A),
                Rgb(0x27, 0x44, 0x3A),
                Rgb(0x34, 0x38, 0x3F),
                Rgb(0x16, 0x19, 0x1E),
            ],
        },
    }
}

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("ALL lists every kind")
}

/// Node outlines, one per kind, distinct in greyscale and at small sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    Hexagon,
    InvertedTriangle,
    /// A circle with a dashed outline: kind unknown.
    DashedCircle,
}

pub fn node_shape(kind: EntityKind) -> Shape {
    match kind {
        EntityKind::Country => Shape::Circle,
        EntityKind::Government => Shape::Square,
        EntityKind::Person => Shape::Diamond,
        EntityKind::ArmedGroup => Shape::Triangle,
        EntityKind::Organisation => Shape::Hexagon,
        EntityKind::Media => Shape::InvertedTriangle,
        EntityKind::Other => Shape::DashedCircle,
    }
}

const SQRT3_2: f32 = 0.866_025_4;

/// The corners of `shape` around `center` for a node of radius `r`
/// (`None` for circles). Sizes are chosen so every shape looks about as
/// heavy as a circle of radius `r`; none reaches beyond 1.15 `r`.
pub fn shape_points(shape: Shape, center: [f32; 2], r: f32) -> Option<Vec<[f32; 2]>> {
    let [x, y] = center;
    let pts = match shape {
        Shape::Circle | Shape::DashedCircle => return None,
        Shape::Square => {
            let s = r * 0.82;
            vec![
                [x - s, y - s],
                [x + s, y - s],
                [x + s, y + s],
                [x - s, y + s],
            ]
        }
        Shape::Diamond => vec![[x, y - r], [x + r, y], [x, y + r], [x - r, y]],
        Shape::Triangle => {
            let (w, top, bottom) = (r * SQRT3_2 * 1.12, r * 1.12, r * 0.56);
            vec![[x, y - top], [x + w, y + bottom], [x - w, y + bottom]]
        }
        Shape::InvertedTriangle => {
            let (w, bottom, top) = (r * SQRT3_2 * 1.12, r * 1.12, r * 0.56);
            vec![[x - w, y - top], [x + w, y - top], [x, y + bottom]]
        }
        Shape::Hexagon => {
            let h = r * SQRT3_2;
            vec![
                [x + r, y],
                [x + r / 2.0, y + h],
                [x - r / 2.0, y + h],
                [x - r, y],
                [x - r / 2.0, y - h],
                [x + r / 2.0, y - h],
            ]
        }
    };
    Some(pts)
}

/// Distance from a node's centre to its outline in direction `dir` (a
/// unit vector): where edges start and arrowheads touch.
pub fn boundary_distance(shape: Shape, r: f32, dir: [f32; 2]) -> f32 {
    let Some(pts) = shape_points(shape, [0.0, 0.0], r) else {
        return r;
    };
    // The ray t * dir meets the convex outline at its nearest edge crossing.
    let mut best = r * 1.2;
    for k in 0..pts.len() {
        let (a, b) = (pts[k], pts[(k + 1) % pts.len()]);
        let e = [b[0] - a[0], b[1] - a[1]];
        let denom = dir[0] * e[1] - dir[1] * e[0];
        if denom.abs() < 1e-9 {
            continue;
        }
        let t = (a[0] * e[1] - a[1] * e[0]) / denom;
        let s = (a[0] * dir[1] - a[1] * dir[0]) / denom;
        if t > 0.0 && (-1e-4..=1.0001).contains(&s) {
            best = best.min(t);
        }
    }
    best
}

/// Node radius in pixels from its weight (mentions, or degree for plain
/// graphs): area grows with weight, within readable bounds.
pub fn node_radius(weight: usize) -> f32 {
    (8.0 + 3.0 * (weight as f32).sqrt()).min(30.0)
}

/// Edge stroke width in pixels from the number of sentences behind it.
pub fn edge_width(evidence: usize) -> f32 {
    (1.2 + 1.2 * (evidence.max(1) as f32).sqrt()).min(6.0)
}

/// Dash pattern (on, off) for alleged relations, scaled with the width so
/// thick edges keep visible gaps.
pub fn alleged_dash(width: f32) -> [f32; 2] {
    [6.0 + 2.0 * width, 4.0 + 1.5 * width]
}

/// Dot pattern for negated relations ("did not support").
pub fn negated_dash(width: f32) -> [f32; 2] {
    [1.0 + width * 0.5, 3.0 + width]
}

/// Arrowhead length and half-width for an edge of `width`.
pub fn arrow_size(width: f32) -> (f32, f32) {
    (10.0 + 1.8 * width, 4.5 + 1.1 * width)
}

/// Font sizes in pixels at scale 1 (labels stay >= 13 px).
pub const LABEL_SIZE: f32 = 14.0;
pub const TITLE_SIZE: f32 = 22.0;
pub const SUBTITLE_SIZE: f32 = 13.5;
pub const LEGEND_SIZE: f32 = 13.5;
pub const LEGEND_HEADING_SIZE: f32 = 14.0;

/// Width of the text halo behind labels.
pub const HALO_WIDTH: f32 = 3.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_colours_are_the_documented_okabe_ito_ones() {
        let hex: Vec<String> = Stance::ALL.iter().map(|&s| stance_color(s).hex()).collect();
        assert_eq!(
            hex,
            [
                "#009E73", "#0072B2", "#8C8C8C", "#E69F00", "#D55E00", "#7B2D8E"
            ]
        );
    }

    #[test]
    fn every_kind_has_its_own_shape() {
        let mut shapes: Vec<Shape> = EntityKind::ALL.iter().map(|&k| node_shape(k)).collect();
        shapes.dedup();
        assert_eq!(shapes.len(), EntityKind::ALL.len());
    }

    #[test]
    fn boundaries_lie_within_the_radius() {
        for kind in EntityKind::ALL {
            for dir in [[1.0, 0.0], [0.0, -1.0], [0.6, 0.8], [-0.8, 0.6]] {
                let d = boundary_distance(node_shape(kind), 10.0, dir);
                assert!(d > 3.0 && d <= 11.3, "{kind:?} {dir:?} {d}");
            }
        }
    }

    #[test]
    fn sizes_grow_and_stay_bounded() {
        assert!(node_radius(1) < node_radius(20));
        assert!(node_radius(100_000) <= 30.0);
        assert!(edge_width(1) < edge_width(5));
        assert!(edge_width(1000) <= 6.0);
    }
}
