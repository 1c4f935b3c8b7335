//! The legend under the map: every stance with its colour and arrow, how
//! alleged (and negated) relations look, what edge width means and the
//! shape of each kind of actor on the map. Its rows are the exported
//! pictures' legend rows (view::Legend), drawn with egui; each entry is
//! one piece, so the legend wraps between entries, never inside one.

use super::colors;
use super::node_shape::kind_icon;
use super::state::StancemapApp;
use crate::render::style;
use crate::view::{Legend, LegendRow};
use egui::{Color32, FontFamily, FontId, Painter, Pos2, Rect, Sense, Shape, Stroke, Vec2};

const SWATCH: Vec2 = Vec2::new(30.0, 16.0);

pub fn show(app: &StancemapApp, ui: &mut egui::Ui) {
    let vis = &app.visibility;
    let legend = Legend::new(&vis.kinds, vis.any_negated, 0.0, 0.0);
    let palette = colors::palette(ui.ctx());
    let muted = colors::color(palette.muted_text);
    let text = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = Vec2::new(14.0, 4.0);
        for (row, _) in &legend.rows {
            match row {
                LegendRow::Heading(heading) => {
                    if *heading != "Stance" {
                        ui.end_row();
                    }
                    entry(ui, None, &format!("{heading}:"), text, true, |_, _| {});
                }
                LegendRow::Stance(stance) => {
                    let color = colors::stance(*stance);
                    entry(ui, Some(SWATCH), row.text(), color, true, |p, r| {
                        arrow(p, r, color, 2.5, None)
                    })
                    .on_hover_text(style::stance_description(*stance));
                }
                LegendRow::Alleged => {
                    let dash = style::alleged_dash(2.0);
                    entry(ui, Some(SWATCH), row.text(), text, false, |p, r| {
                        arrow(p, r, muted, 2.0, Some(dash))
                    })
                    .on_hover_text("Dashed: a relation the article reports as someone's claim");
                }
                LegendRow::Negated => {
                    let dash = style::negated_dash(2.0);
                    entry(ui, Some(SWATCH), row.text(), text, false, |p, r| {
                        arrow(p, r, muted, 2.0, Some(dash))
                    })
                    .on_hover_text("Dotted: the article says this did not happen");
                }
                LegendRow::Width => {
                    entry(ui, Some(SWATCH), row.text(), text, false, |p, r| {
                        let y = r.center().y;
                        for (dy, n) in [(-4.0, 1), (4.0, 5)] {
                            p.line_segment(
                                [Pos2::new(r.left(), y + dy), Pos2::new(r.right(), y + dy)],
                                Stroke::new(style::edge_width(n), muted),
                            );
                        }
                    })
                    .on_hover_text("Edge width grows with the number of sentences stating it");
                }
                LegendRow::Kind(kind) => {
                    let fill = colors::node_fill(ui.ctx(), *kind);
                    let stroke = Stroke::new(1.4, colors::color(palette.node_stroke));
                    let shape = style::node_shape(*kind);
                    entry(
                        ui,
                        Some(Vec2::splat(18.0)),
                        row.text(),
                        text,
                        false,
                        |p, r| {
                            p.add(kind_icon(r.center(), 7.0, shape, fill, stroke));
                        },
                    )
                    .on_hover_text(
                        "Node shape shows the kind of actor; size, how often it is mentioned",
                    );
                }
            }
        }
    });
}

/// One legend entry: a swatch drawn by `paint`, then its text.
fn entry(
    ui: &mut egui::Ui,
    swatch: Option<Vec2>,
    text: &str,
    color: Color32,
    strong: bool,
    paint: impl FnOnce(&Painter, Rect),
) -> egui::Response {
    let family = if strong {
        crate::app::emphasis(ui.ctx())
    } else {
        FontFamily::Proportional
    };
    let galley = ui
        .painter()
        .layout_no_wrap(text.to_string(), FontId::new(13.5, family), color);
    let swatch = swatch.unwrap_or(Vec2::ZERO);
    let gap = if swatch.x > 0.0 { 6.0 } else { 0.0 };
    let size = Vec2::new(
        swatch.x + gap + galley.size().x,
        swatch.y.max(galley.size().y),
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let swatch_rect = Rect::from_min_size(
        Pos2::new(rect.left(), rect.center().y - swatch.y / 2.0),
        swatch,
    );
    paint(ui.painter(), swatch_rect);
    let text_pos = Pos2::new(
        rect.left() + swatch.x + gap,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter().galley(text_pos, galley, color);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, text));
    response
}

/// A short arrow across `r`, dashed when `dash` is given.
fn arrow(p: &Painter, r: Rect, color: Color32, width: f32, dash: Option<[f32; 2]>) {
    let y = r.center().y;
    let (length, half) = style::arrow_size(width);
    let (length, half) = (length * 0.7, half * 0.7);
    let tip = Pos2::new(r.right(), y);
    let base = Pos2::new(r.right() - length, y);
    let line = [Pos2::new(r.left(), y), base];
    match dash {
        Some([on, off]) => {
            p.extend(Shape::dashed_line(
                &line,
                Stroke::new(width, color),
                on * 0.6,
                off * 0.6,
            ));
        }
        None => {
            p.line_segment(line, Stroke::new(width, color));
        }
    }
    p.add(Shape::convex_polygon(
        vec![
            tip,
            Pos2::new(base.x, y - half),
            Pos2::new(base.x, y + half),
        ],
        color,
        Stroke::NONE,
    ));
}
