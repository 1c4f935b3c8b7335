//! The top bar: files (Open; Open folder and Recent in the menu beside
//! it; Add), pictures (Export PNG, report),
//! the actor search, view commands, and a second row of filters: one
//! toggle per stance in its colour, media, unconnected actors, minimum
//! number of sentences and focus.

use super::colors;
use super::settings::ThemeChoice;
use super::state::StancemapApp;
use crate::model::Stance;
use crate::render::style;
use crate::view::search;
use egui::{Key, RichText};

pub fn show(app: &mut StancemapApp, ui: &mut egui::Ui) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        file_buttons(app, ui);
        ui.separator();
        search_box(app, ui);
        ui.separator();
        view_buttons(app, ui);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            theme_switch(app, ui);
            // Many files show their progress over the map (progress.rs).
            if let Some(paths) = app.loader.current()
                && super::progress::counts(app).is_none()
            {
                let names: Vec<String> = paths
                    .iter()
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                ui.label(format!("Loading {}…", names.join(", ")));
                ui.spinner();
            }
        });
    });
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| filters_row(app, ui));
    ui.add_space(4.0);
}

fn file_buttons(app: &mut StancemapApp, ui: &mut egui::Ui) {
    if ui
        .button("📂 Open…")
        .on_hover_text("Open articles or a saved map, replacing this map (Ctrl+O)")
        .clicked()
    {
        app.pick_and_load(super::loading::Mode::Replace);
    }
    // Beside Open rather than a button of its own: the bar is full.
    ui.menu_button("🕘 ⏷", |ui| {
        if ui
            .add(egui::Button::new("🗁 Open folder…").shortcut_text("Ctrl+Shift+O"))
            .on_hover_text("Open every article in a folder as one map, replacing this map")
            .clicked()
        {
            ui.close();
            app.pick_folder_and_load();
        }
        ui.separator();
        ui.weak("Recent");
        if app.settings.recent.is_empty() {
            ui.label("No files opened yet");
        }
        let recent = app.settings.recent.clone();
        for path in recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(format!("Open {}", path.display()))
                .clicked()
            {
                app.open_files(vec![path]);
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("Open a folder of articles, or a file you opened before");
    if ui
        .button("➕ Add…")
        .on_hover_text(
            "Add articles to this map: their actors and relations merge in \
             (you can also drop files onto the window)",
        )
        .clicked()
    {
        app.pick_and_load(super::loading::Mode::Add);
    }
    let compact = super::edit_ui::file_buttons(app, ui);
    ui.separator();
    super::edit_ui::edit_menu(app, ui, compact);
    ui.separator();
    if ui
        .button("📷 Export PNG")
        .on_hover_text("Save a picture of the map as the window shows it (Ctrl+E)")
        .clicked()
    {
        app.view.snapshot = true;
    }
    if ui
        .button("📄 Export report…")
        .on_hover_text(
            "Save the shown map for a report: a clean PNG or SVG with a legend, \
             or data for other tools (JSON, GraphML, GEXF, DOT, CSV), \
             with the nodes where the window has them",
        )
        .clicked()
    {
        app.export_report();
    }
}

fn search_box(app: &mut StancemapApp, ui: &mut egui::Ui) {
    let label = ui.label("🔍");
    let edit = egui::TextEdit::singleline(&mut app.search.text)
        .hint_text("Find actor (Ctrl+F)")
        .desired_width(200.0);
    let response = ui.add(edit).labelled_by(label.id).on_hover_text(
        "Find an actor by name or alias (e.g. Islamabad, the Kremlin); Enter selects it",
    );
    if app.view.focus_search {
        app.view.focus_search = false;
        response.request_focus();
    }
    if response.changed() {
        app.search.open = true;
    }
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if enter && !app.search.text.trim().is_empty() {
        let query = app.search.text.clone();
        app.search_and_select(&query);
        app.search.open = false;
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
        app.search.open = false;
    }
    if !app.search.open || app.search.text.trim().is_empty() {
        return;
    }
    let hits = search::find(&app.map, &app.search.text);
    let area = egui::Area::new(egui::Id::new("stancemap-search-hits"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_min_width(response.rect.width());
                if hits.is_empty() {
                    ui.weak("No actor by that name");
                }
                for hit in hits.iter().take(8) {
                    let text = match &hit.via {
                        Some(via) => format!("{}  ({via})", hit.name),
                        None => hit.name.clone(),
                    };
                    if ui
                        .selectable_label(false, text)
                        .on_hover_text("Select and centre this actor")
                        .clicked()
                        && let Some(&i) = app.actors.index.get(&hit.id)
                    {
                        app.select_actor(i);
                        app.view.center_on = Some(i);
                        app.view.follow_layout = false;
                        app.search.open = false;
                    }
                }
            });
        });
    if !response.has_focus() && !area.response.contains_pointer() {
        app.search.open = false;
    }
}

fn view_buttons(app: &mut StancemapApp, ui: &mut egui::Ui) {
    if ui
        .button("⛶ Fit")
        .on_hover_text("Fit the map to the view (F)")
        .clicked()
    {
        app.view.fit = true;
    }
    let pinned = app.graph.nodes_iter().any(|(_, n)| n.payload().pinned);
    if ui
        .add_enabled(pinned, egui::Button::new("📌 Unpin all"))
        .on_hover_text("Let the layout move every actor you dragged into place")
        .on_disabled_hover_text("Dragging an actor pins it; nothing is pinned now")
        .clicked()
    {
        app.unpin_all();
    }
    ui.toggle_value(&mut app.settings.show_legend, "Legend")
        .on_hover_text("Show or hide the legend under the map");
    if ui
        .selectable_label(app.stats.shown, "Stats")
        .on_hover_text(
            "Frames per second, frame time, shown nodes and edges, layout step time (F3)",
        )
        .clicked()
    {
        app.stats.toggle();
    }
}

fn theme_switch(app: &mut StancemapApp, ui: &mut egui::Ui) {
    let before = app.settings.theme;
    for (choice, text, tip) in [
        (ThemeChoice::Dark, "🌙", "Dark theme"),
        (ThemeChoice::Light, "☀", "Light theme"),
        (ThemeChoice::System, "💻", "Follow the system's theme"),
    ] {
        ui.selectable_value(&mut app.settings.theme, choice, text)
            .on_hover_text(tip);
    }
    if app.settings.theme != before {
        ui.ctx().set_theme(app.settings.theme.preference());
    }
}

fn filters_row(app: &mut StancemapApp, ui: &mut egui::Ui) {
    let mut changed = false;
    ui.label("Show:")
        .on_hover_text("Which relations the map shows");
    for (k, stance) in Stance::ALL.into_iter().enumerate() {
        let mut on = app.filters.shows(stance);
        let text = RichText::new(stance.as_str())
            .color(colors::stance(stance))
            .strong();
        let count = app.visibility.by_stance[k];
        if ui
            .checkbox(&mut on, text)
            .on_hover_text(format!(
                "{} ({}): {count} relations. Click to {} them.",
                stance,
                style::stance_description(stance),
                if on { "hide" } else { "show" }
            ))
            .changed()
        {
            app.filters.toggle(stance);
            changed = true;
        }
    }
    ui.separator();
    changed |= ui
        .checkbox(&mut app.filters.hide_media, "hide media")
        .on_hover_text("Hide news outlets (cited sources, not actors in the story)")
        .changed();
    changed |= ui
        .checkbox(&mut app.filters.hide_unconnected, "hide unconnected")
        .on_hover_text("Hide actors with no shown relation")
        .changed();
    ui.separator();
    let most = app.visibility.most_evidence.max(1);
    ui.label("min. sentences")
        .on_hover_text("Hide relations stated by fewer sentences");
    changed |= ui
        .add(egui::DragValue::new(&mut app.filters.min_evidence).range(1..=most))
        .on_hover_text("Hide relations stated by fewer sentences than this")
        .changed();
    ui.separator();
    let focus_tip = if app.selection == super::state::Selection::None {
        "Select an actor or a relation, then show only it and its neighbours"
    } else {
        "Show only the selection and its neighbours"
    };
    changed |= ui
        .toggle_value(&mut app.filters.focus, "◎ Focus")
        .on_hover_text(focus_tip)
        .changed();
    if changed {
        app.refresh();
    }
    ui.separator();
    ui.weak(format!(
        "{} of {} actors, {} of {} relations shown",
        app.visibility.node_count(),
        app.actors.len(),
        app.visibility.relation_count(),
        app.map.relations.len()
    ));
}
