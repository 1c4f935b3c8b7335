//! How far a load of many files is (a folder, say), over the top of the
//! map: "Reading N/M articles", a progress bar and Cancel.

use super::state::StancemapApp;

/// Files read and files to read, while more than one file loads.
pub fn counts(app: &StancemapApp) -> Option<(usize, usize)> {
    app.loader
        .progress()
        .and_then(|p| p.counts())
        .filter(|&(_, total)| total > 1)
}

pub fn show(app: &StancemapApp, ui: &egui::Ui, rect: egui::Rect) {
    let (Some((done, total)), Some(progress)) = (counts(app), app.loader.progress()) else {
        return;
    };
    egui::Area::new(egui::Id::new("stancemap-progress"))
        .fixed_pos(rect.center_top() + egui::vec2(0.0, 12.0))
        .pivot(egui::Align2::CENTER_TOP)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let text = if progress.is_cancelled() {
                            "Cancelling…".to_string()
                        } else {
                            format!("Reading {done}/{total} articles")
                        };
                        ui.label(text);
                        ui.add(
                            egui::ProgressBar::new(done as f32 / total as f32)
                                .desired_width(180.0)
                                .animate(true),
                        );
                        if ui
                            .add_enabled(!progress.is_cancelled(), egui::Button::new("Cancel"))
                            .on_hover_text("Stop reading; the map stays as it is")
                            .clicked()
                        {
                            progress.cancel();
                        }
                    });
                });
        });
}
