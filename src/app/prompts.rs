//! What the window asks or offers about the map as a document: the
//! unsaved changes and recovery modals, the offer to keep what an edit
//! teaches the extractor, and the list of edits a re-extraction could not
//! apply again.

use super::curation::{Answer, Prompt, Then};
use super::edit_ui::lesson_text;
use super::loading::file_name;
use super::messages::count;
use super::state::StancemapApp;
use egui::RichText;

pub fn show(app: &mut StancemapApp, ctx: &egui::Context) {
    match &app.curation.prompt {
        Some(Prompt::Unsaved(_)) => unsaved(app, ctx),
        // Offered once the files named at start have loaded.
        Some(Prompt::Recovery(_)) if !app.loader.is_busy() => recovery(app, ctx),
        _ => {}
    }
    if !app.curation.offer.is_empty() && !app.view.snapshot {
        lesson_offer(app, ctx);
    }
    if !app.curation.conflicts.is_empty() {
        conflicts(app, ctx);
    }
}

/// What the map is called in questions about it.
fn document_name(app: &StancemapApp) -> String {
    match (&app.curation.file, app.map.articles.first()) {
        (Some(path), _) => file_name(path),
        (None, Some(article)) => format!("the map of “{}”", article.title),
        (None, None) => "this map".to_string(),
    }
}

fn unsaved(app: &mut StancemapApp, ctx: &egui::Context) {
    let mut answer = None;
    egui::Modal::new(egui::Id::new("stancemap-unsaved")).show(ctx, |ui| {
        ui.set_width(400.0);
        ui.label(RichText::new("Unsaved changes").heading().strong());
        ui.add_space(6.0);
        let what = match app.curation.prompt {
            Some(Prompt::Unsaved(Then::Close)) => "closing",
            _ => "opening another file",
        };
        ui.add(
            egui::Label::new(format!(
                "Save your changes to {} before {what}?",
                document_name(app)
            ))
            .wrap(),
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if primary(ui, "💾 Save").clicked() {
                answer = Some(Answer::Save);
            }
            if ui
                .button("Discard changes")
                .on_hover_text("Lose the changes made since the last save")
                .clicked()
            {
                answer = Some(Answer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    // Only Escape cancels: the click that asked to open a file would
    // otherwise count as a click outside the modal the same frame.
    if answer.is_none() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        answer = Some(Answer::Cancel);
    }
    if let Some(answer) = answer {
        app.answer_unsaved(ctx, answer);
    }
}

fn recovery(app: &mut StancemapApp, ctx: &egui::Context) {
    let Some(Prompt::Recovery(found)) = &app.curation.prompt else {
        return;
    };
    let what = match &found.file {
        Some(path) => format!("changes to {} that were not saved", file_name(path)),
        None => "a map that was never saved".to_string(),
    };
    let summary = [
        count(found.document.map.articles.len(), "article"),
        count(found.document.map.entities.len(), "actor"),
        count(found.document.map.relations.len(), "relation"),
        count(found.document.edits.len(), "edit"),
    ]
    .join(", ");
    let mut answer = None;
    egui::Modal::new(egui::Id::new("stancemap-recovery")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.label(RichText::new("Recover unsaved work?").heading().strong());
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(format!(
                "stancemap did not close normally. The recovery file holds {what}: {summary}."
            ))
            .wrap(),
        );
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if primary(ui, "Recover").clicked() {
                answer = Some(true);
            }
            if ui
                .button("Discard")
                .on_hover_text("Delete the recovery file and start as usual")
                .clicked()
            {
                answer = Some(false);
            }
        });
    });
    if let Some(recover) = answer {
        app.answer_recovery(recover);
    }
}

/// "Keep “Kabul regime” as a name of Taliban?" over the top of the map.
fn lesson_offer(app: &mut StancemapApp, ctx: &egui::Context) {
    let rect = app.view.map_rect;
    let lines: Vec<String> = app
        .curation
        .offer
        .iter()
        .map(|e| lesson_text(app, e))
        .collect();
    let mut answer = None;
    egui::Area::new(egui::Id::new("stancemap-lesson"))
        .order(egui::Order::Foreground)
        .fixed_pos(rect.right_top() + egui::vec2(-12.0, 12.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(egui::Margin::same(12))
                .show(ui, |ui| {
                    ui.set_max_width(340.0);
                    ui.label(RichText::new("🎓 Teach the extractor?").strong());
                    for line in &lines {
                        ui.add(egui::Label::new(format!("Keep {line}")).wrap());
                    }
                    ui.weak("Future extractions, and Re-extract, will use it.");
                    ui.horizontal(|ui| {
                        if primary(ui, "Keep")
                            .on_hover_text("Add it to your lexicon (see Settings ⚙)")
                            .clicked()
                        {
                            answer = Some(true);
                        }
                        if ui.button("Not now").clicked() {
                            answer = Some(false);
                        }
                    });
                });
        });
    match answer {
        Some(true) => app.keep_lessons(),
        Some(false) => app.curation.offer.clear(),
        None => {}
    }
}

fn conflicts(app: &mut StancemapApp, ctx: &egui::Context) {
    let mut open = true;
    let mut close = false;
    let n = app.curation.conflicts.len();
    egui::Window::new(format!(
        "{n} edit{} no longer fit",
        if n == 1 { "" } else { "s" }
    ))
    .id(egui::Id::new("stancemap-conflicts"))
    .open(&mut open)
    .collapsible(false)
    .default_width(460.0)
    .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
    .show(ctx, |ui| {
        ui.add(
            egui::Label::new(
                "Re-extraction gave a map these edits cannot apply to; the others were \
                 applied again. Redo them by hand if they are still needed.",
            )
            .wrap(),
        );
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for c in &app.curation.conflicts {
                    ui.label(RichText::new(app.describe(&c.edit)).strong());
                    ui.weak(format!("  {}", c.reason));
                }
            });
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            close = true;
        }
    });
    if !open || close {
        app.curation.conflicts.clear();
    }
}

/// The button that does what the question proposes.
fn primary(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let fill = ui.visuals().selection.bg_fill;
    let color = ui.visuals().selection.stroke.color;
    ui.add(egui::Button::new(RichText::new(text).strong().color(color)).fill(fill))
}
