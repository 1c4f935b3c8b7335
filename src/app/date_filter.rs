//! The date range above the article list: from and to fields, and whether
//! undated articles stay. It appears once an article has a date, since
//! only then can it hide anything.

use super::state::StancemapApp;
use crate::model::{DateRange, Day, End};

pub fn show(app: &mut StancemapApp, ui: &mut egui::Ui) {
    let days: Vec<Day> = app.map.articles.iter().filter_map(|a| a.day()).collect();
    let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    let mut changed = false;
    let mut keep_undated = app.filters.keep_undated;
    let (mut from, mut to) = (Ok(None), Ok(None));
    // Wraps the "undated" box under the fields in a narrow panel.
    ui.horizontal_wrapped(|ui| {
        ui.label("Dates").on_hover_text(
            "Show only articles published in this range: YYYY, YYYY-MM or YYYY-MM-DD",
        );
        let (c, parsed) = field(ui, &mut app.date_box.from, *first, End::From);
        changed |= c;
        from = parsed;
        ui.label("–");
        let (c, parsed) = field(ui, &mut app.date_box.to, *last, End::To);
        changed |= c;
        to = parsed;
        changed |= ui
            .checkbox(&mut keep_undated, "undated")
            .on_hover_text("Keep articles without a date while a range is set")
            .changed();
    });
    if changed && let (Ok(from), Ok(to)) = (from, to) {
        app.set_dates(DateRange { from, to }, keep_undated);
    }
}

/// One bound's text field; returns whether it changed and what it says
/// (`None` when empty).
fn field(
    ui: &mut egui::Ui,
    text: &mut String,
    hint: Day,
    end: End,
) -> (bool, Result<Option<Day>, String>) {
    let parse = |text: &str| {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            DateRange::parse_bound(text, end).map(Some)
        }
    };
    let valid = parse(text).is_ok();
    let mut edit = egui::TextEdit::singleline(text)
        .hint_text(hint.to_string())
        .desired_width(92.0);
    if !valid {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit);
    let parsed = parse(text);
    let response = match &parsed {
        Err(e) => response.on_hover_text(e),
        Ok(_) => response,
    };
    (response.changed(), parsed)
}
