//! A scene as SVG markup: fixed number formatting and a fixed element order,
//! so the same scene always gives the same bytes. Every node and edge has
//! a `<title>` (a tooltip in browsers) with its name, stance and evidence.

use super::font::{CSS_FAMILY, Weight};
use super::style::{self, HALO_WIDTH, LABEL_SIZE, Palette, Rgb, Shape, node_shape, shape_points};
use super::xml::escape;
use crate::model::Stance;
use crate::view::Path;
use crate::view::legend::{Legend, Row, SWATCH_WIDTH};
use crate::view::{Scene, TextLine};
use std::fmt::{self, Write};

/// A coordinate with one decimal (never "-0.0").
struct N(f32);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = (self.0 * 10.0).round() / 10.0;
        let v = if v == 0.0 || !v.is_finite() { 0.0 } else { v };
        write!(f, "{v:.1}")
    }
}

/// Write the scene as a standalone SVG document.
pub fn write(scene: &Scene) -> String {
    let mut s = String::with_capacity(4096 + 400 * (scene.nodes.len() + scene.edges.len()));
    let p = &scene.palette;
    let (w, h) = (scene.width, scene.height);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}">"#,
        escape(CSS_FAMILY)
    );
    if !scene.title.is_empty() {
        let heading: Vec<&str> = scene.title.iter().map(|t| t.text.as_str()).collect();
        let _ = writeln!(s, "<title>{}</title>", escape(&heading.join(" ")));
    }
    let _ = writeln!(s, "<desc>Made with stancemap</desc>");
    if !scene.transparent {
        let _ = writeln!(
            s,
            r#"<rect width="{w}" height="{h}" fill="{}"/>"#,
            p.background
        );
    }

    s.push_str("<g id=\"edges\" fill=\"none\" stroke-linecap=\"round\">\n");
    for e in &scene.edges {
        let class = e
            .stance
            .map_or("edge".to_string(), |st| format!("edge {st}"));
        let _ = write!(
            s,
            "<g class=\"{class}\"><title>{}</title>",
            escape(&e.tooltip)
        );
        let _ = write!(
            s,
            r#"<path d="{}" stroke="{}" stroke-width="{}""#,
            path_data(&e.geom.path),
            e.color,
            N(e.width)
        );
        if let Some([on, off]) = e.dash {
            let _ = write!(s, r#" stroke-dasharray="{} {}""#, N(on), N(off));
        }
        s.push_str("/>");
        if let Some(a) = &e.geom.arrow {
            let _ = write!(s, r#"<path d="{}" fill="{}"/>"#, polygon(a), e.color);
        }
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");

    let _ = writeln!(
        s,
        r#"<g id="nodes" stroke="{}" stroke-width="1.5">"#,
        p.node_stroke
    );
    for n in &scene.nodes {
        let _ = write!(s, "<g><title>{}</title>", escape(&n.tooltip));
        shape(
            &mut s,
            n.shape,
            n.center,
            n.radius,
            p.node_fill(n.kind),
            None,
        );
        s.push_str("</g>\n");
    }
    s.push_str("</g>\n");

    // The halo is a stroked copy of the labels under them, not
    // `paint-order`: renderers without it (ImageMagick's) would stroke
    // over the text and leave every name blank.
    let _ = writeln!(s, r#"<g id="labels" font-size="{}">"#, N(LABEL_SIZE));
    let _ = writeln!(
        s,
        r#"<g fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round">"#,
        p.halo,
        N(HALO_WIDTH)
    );
    label_texts(&mut s, scene);
    s.push_str("</g>\n");
    let _ = writeln!(s, r#"<g fill="{}">"#, p.text);
    label_texts(&mut s, scene);
    s.push_str("</g>\n</g>\n");

    if let Some(legend) = &scene.legend {
        write_legend(&mut s, legend, p);
    }
    if let Some(notice) = &scene.notice {
        s.push_str("<g id=\"notice\">\n");
        text(&mut s, notice);
        s.push_str("</g>\n");
    }
    if !scene.title.is_empty() || scene.subtitle.is_some() {
        s.push_str("<g id=\"title\">\n");
        for line in scene.title.iter().chain(&scene.subtitle) {
            text(&mut s, line);
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

fn label_texts(s: &mut String, scene: &Scene) {
    for l in &scene.labels {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}">{}</text>"#,
            N(l.baseline[0]),
            N(l.baseline[1]),
            escape(&l.text)
        );
    }
}

fn text(s: &mut String, t: &TextLine) {
    let weight = if t.weight == Weight::Regular {
        String::new()
    } else {
        format!(r#" font-weight="{}""#, t.weight.css())
    };
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="{}"{weight} fill="{}">{}</text>"#,
        N(t.at[0]),
        N(t.at[1]),
        N(t.size),
        t.color,
        escape(&t.text)
    );
}

fn path_data(path: &Path) -> String {
    match *path {
        Path::Quad {
            start,
            control,
            end,
        } => format!(
            "M{} {} Q{} {} {} {}",
            N(start[0]),
            N(start[1]),
            N(control[0]),
            N(control[1]),
            N(end[0]),
            N(end[1])
        ),
        Path::Cubic { start, c1, c2, end } => format!(
            "M{} {} C{} {} {} {} {} {}",
            N(start[0]),
            N(start[1]),
            N(c1[0]),
            N(c1[1]),
            N(c2[0]),
            N(c2[1]),
            N(end[0]),
            N(end[1])
        ),
    }
}

fn polygon(points: &[[f32; 2]]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {} ",
            if i == 0 { "M" } else { "L" },
            N(p[0]),
            N(p[1])
        );
    }
    d.push('Z');
    d
}

/// A node outline; `stroke` overrides the group's outline colour.
fn shape(s: &mut String, shape: Shape, c: [f32; 2], r: f32, fill: Rgb, stroke: Option<Rgb>) {
    let stroke = stroke.map_or(String::new(), |c| format!(r#" stroke="{c}""#));
    match shape_points(shape, c, r) {
        None => {
            let dash = if shape == Shape::DashedCircle {
                r#" stroke-dasharray="3 2""#
            } else {
                ""
            };
            let _ = write!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{stroke}{dash}/>"#,
                N(c[0]),
                N(c[1]),
                N(r)
            );
        }
        Some(points) => {
            let _ = write!(
                s,
                r#"<path d="{}" fill="{fill}"{stroke} stroke-linejoin="round"/>"#,
                polygon(&points)
            );
        }
    }
}

fn write_legend(s: &mut String, legend: &Legend, p: &Palette) {
    let r = legend.rect;
    let _ = writeln!(
        s,
        r#"<g id="legend"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="{}"/>"#,
        N(r.x0),
        N(r.y0),
        N(r.width()),
        N(r.height()),
        p.legend_background,
        p.legend_border
    );
    let x0 = legend.swatch_x;
    let x1 = x0 + SWATCH_WIDTH;
    for &(row, y) in &legend.rows {
        let mid = y - 4.5;
        let line = |s: &mut String, color: Rgb, width: f32, dash: Option<[f32; 2]>, arrow: bool| {
            let end = if arrow { x1 - 8.0 } else { x1 };
            let dash = dash.map_or(String::new(), |[a, b]| {
                format!(r#" stroke-dasharray="{} {}""#, N(a), N(b))
            });
            let _ = write!(
                s,
                r#"<path d="M{} {} H{}" stroke="{color}" stroke-width="{}" fill="none"{dash}/>"#,
                N(x0),
                N(mid),
                N(end),
                N(width)
            );
            if arrow {
                let tri = [[x1, mid], [x1 - 11.0, mid - 5.0], [x1 - 11.0, mid + 5.0]];
                let _ = write!(s, r#"<path d="{}" fill="{color}"/>"#, polygon(&tri));
            }
        };
        match row {
            Row::Heading(_) => {}
            Row::Stance(st) => line(s, style::stance_color(st), 3.0, None, true),
            Row::Alleged => {
                let c = style::stance_color(Stance::Neutral);
                line(s, c, 2.5, Some(style::alleged_dash(2.5)), true);
            }
            Row::Negated => {
                let c = style::stance_color(Stance::Neutral);
                line(s, c, 2.5, Some(style::negated_dash(2.5)), true);
            }
            Row::Width => {
                let c = style::stance_color(Stance::Neutral);
                let half = x0 + SWATCH_WIDTH / 2.0;
                for (from, to, sentences) in [(x0, half, 1), (half, x1, 12)] {
                    let _ = write!(
                        s,
                        r#"<path d="M{} {} H{}" stroke="{c}" stroke-width="{}" fill="none"/>"#,
                        N(from),
                        N(mid),
                        N(to),
                        N(style::edge_width(sentences))
                    );
                }
            }
            Row::Kind(kind) => {
                let c = [x0 + SWATCH_WIDTH / 2.0, mid];
                let _ = write!(s, r#"<g stroke="{}" stroke-width="1.5">"#, p.node_stroke);
                shape(s, node_shape(kind), c, 7.5, p.node_fill(kind), None);
                s.push_str("</g>");
            }
        }
        let (x, size, weight) = match row {
            Row::Heading(_) => (x0, style::LEGEND_HEADING_SIZE, Weight::SemiBold),
            _ => (legend.text_x, style::LEGEND_SIZE, Weight::Regular),
        };
        text(
            s,
            &TextLine {
                text: row.text().to_string(),
                at: [x, y],
                size,
                weight,
                color: if matches!(row, Row::Width) {
                    p.muted_text
                } else {
                    p.text
                },
            },
        );
    }
    s.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::map_positions;
    use crate::pipeline::seed_map;
    use crate::view::Options;

    fn seed_svg() -> String {
        let map = seed_map();
        write(&Scene::build(
            &map,
            &map_positions(&map, 42),
            &Options::default(),
        ))
    }

    #[test]
    fn the_svg_is_well_formed_and_repeatable() {
        let svg = seed_svg();
        roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(svg, seed_svg());
    }

    #[test]
    fn every_stance_colour_and_name_is_in_the_legend() {
        let svg = seed_svg();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let legend = doc
            .descendants()
            .find(|n| n.attribute("id") == Some("legend"))
            .unwrap();
        let text: Vec<&str> = legend.descendants().filter_map(|n| n.text()).collect();
        let colours: Vec<&str> = legend
            .descendants()
            .filter_map(|n| n.attribute("stroke"))
            .collect();
        for stance in Stance::ALL {
            assert!(text.contains(&stance.as_str()), "{stance}");
            assert!(
                colours.contains(&style::stance_color(stance).hex().as_str()),
                "{stance}"
            );
        }
        assert!(text.contains(&"alleged (reported claim)"));
    }

    #[test]
    fn coordinates_never_print_negative_zero() {
        assert_eq!(N(-0.01).to_string(), "0.0");
        assert_eq!(N(12.345).to_string(), "12.3");
    }
}
