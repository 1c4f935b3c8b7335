//! The edit controls: Save and the Edit menu in the top bar, the
//! "Correct this actor / relation" sections of the details panel, the new
//! relation form over the article, the settings menu and the keyboard
//! shortcuts. They only call the operations in editing.rs and saving.rs.

use super::colors;
use super::curation::Draft;
use super::state::{Selection, StancemapApp};
use crate::curate::{self, Edit, RelationRef, UserEntry};
use crate::model::{Article, Stance};
use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Sense, Stroke};

/// Below this much room after Open, Add and Recent, the buttons go short
/// (icons; Save As moves into the Edit menu) so the bar does not overflow.
const ROOM_FOR_LABELS: f32 = 1200.0;

/// Save and Save As, next to Open in the top bar. Returns whether the bar
/// is short of room (see [`edit_menu`]).
pub fn file_buttons(app: &mut StancemapApp, ui: &mut egui::Ui) -> bool {
    let compact = ui.available_width() < ROOM_FOR_LABELS;
    let save_tip = match &app.curation.file {
        Some(path) => format!("Save to {} (Ctrl+S)", path.display()),
        None => "Save the map with its layout and your edits (Ctrl+S)".to_string(),
    };
    let text = match (compact, app.is_dirty()) {
        (false, false) => "💾 Save",
        (false, true) => "💾 Save •",
        (true, false) => "💾",
        (true, true) => "💾•",
    };
    if ui.button(text).on_hover_text(save_tip).clicked() {
        app.save();
    }
    if !compact
        && ui
            .button("Save As…")
            .on_hover_text("Save the map under another name (Ctrl+Shift+S)")
            .clicked()
    {
        app.save_as();
    }
    compact
}

/// The Edit menu: undo and redo naming the edit, paste an article, add a relation,
/// re-extract, settings; Save As too when the bar is `compact`.
pub fn edit_menu(app: &mut StancemapApp, ui: &mut egui::Ui, compact: bool) {
    let (can_undo, can_redo) = (
        app.curation.history.can_undo(),
        app.curation.history.can_redo(),
    );
    let title = if compact { "✏" } else { "✏ Edit" };
    ui.menu_button(title, |ui| {
        ui.set_min_width(260.0);
        let undo = app
            .curation
            .history
            .next_undo()
            .map_or("Undo".to_string(), |e| format!("Undo {}", app.describe(e)));
        let redo = app
            .curation
            .history
            .next_redo()
            .map_or("Redo".to_string(), |e| format!("Redo {}", app.describe(e)));
        if ui
            .add_enabled(can_undo, egui::Button::new(undo).shortcut_text("Ctrl+Z"))
            .clicked()
        {
            app.undo();
            ui.close();
        }
        if ui
            .add_enabled(
                can_redo,
                egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
            )
            .clicked()
        {
            app.redo();
            ui.close();
        }
        ui.separator();
        if compact
            && ui
                .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
                .clicked()
        {
            ui.close();
            app.save_as();
        }
        if ui
            .add(egui::Button::new("📋 Paste as article").shortcut_text("Ctrl+V"))
            .on_hover_text("Add the text on the clipboard to the map as a new article")
            .clicked()
        {
            // The clipboard's text comes back as a paste event, which
            // shortcuts() turns into an article.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            ui.close();
        }
        if ui
            .button("➕ Add a relation from a sentence…")
            .on_hover_text("Pick a sentence in the article, then who does what to whom")
            .clicked()
        {
            app.start_draft();
            ui.close();
        }
        if ui
            .button("⟳ Re-extract, keeping my edits")
            .on_hover_text(
                "Read the articles again (with your lexicon) and apply your edits \
                 to the fresh map; edits that no longer fit are listed",
            )
            .clicked()
        {
            app.reextract();
            ui.close();
        }
        ui.menu_button("⚙ Settings", settings)
            .response
            .on_hover_text("Your lexicon and the recovery file");
        ui.separator();
        ui.weak("Select an actor or a relation to correct it in the details panel.");
    })
    .response
    .on_hover_text("Undo, redo, add a relation, re-extract, settings");
}

/// Settings: where the user lexicon and the recovery file are.
fn settings(ui: &mut egui::Ui) {
    ui.set_min_width(380.0);
    ui.label(RichText::new("Your lexicon").strong());
    match curate::paths::user_lexicon_path() {
        Some(path) => {
            path_row(ui, &path);
            let state = match curate::read_user_lexicon(&path, crate::load::LoadOptions::default())
            {
                Ok(lex) => format!(
                    "{} entries taught. Extraction uses them.",
                    lex.entries.len()
                ),
                Err(_) if !path.exists() => {
                    "Not created yet: keep an alias or a cue after an edit to start it.".to_string()
                }
                Err(e) => format!("Has an error: {e}"),
            };
            ui.weak(state);
            ui.weak("A TAB-separated text file you can edit (see docs/curation.md).");
        }
        None => {
            ui.weak("No config folder (no home folder): nothing can be taught.");
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Recovery file").strong());
    if let Some(path) = curate::paths::recovery_path() {
        path_row(ui, &path);
        ui.weak("Unsaved changes are written here every minute.");
    }
}

fn path_row(ui: &mut egui::Ui, path: &std::path::Path) {
    ui.horizontal(|ui| {
        ui.add(egui::Label::new(RichText::new(path.display().to_string()).monospace()).wrap());
        if ui
            .small_button("Copy")
            .on_hover_text("Copy the path")
            .clicked()
        {
            ui.ctx().copy_text(path.display().to_string());
        }
    });
}

/// Undo, redo, save, and Delete for the selection.
pub fn shortcuts(app: &mut StancemapApp, ctx: &egui::Context) {
    let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
    let shifted = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
    // The shifted forms first: Ctrl+S also matches Ctrl+Shift+S.
    let (save_as, save) = ctx.input_mut(|i| {
        (
            i.consume_shortcut(&shifted(Key::S)),
            i.consume_shortcut(&command(Key::S)),
        )
    });
    if save_as {
        app.save_as();
    } else if save {
        app.save();
    }
    // A text field has its own undo; a focused button does not.
    if ctx.text_edit_focused() {
        return;
    }
    let (redo, undo, delete) = ctx.input_mut(|i| {
        let redo = i.consume_shortcut(&shifted(Key::Z)) || i.consume_shortcut(&command(Key::Y));
        let undo = i.consume_shortcut(&command(Key::Z));
        let delete = i.key_pressed(Key::Delete) && i.modifiers.is_none();
        (redo, undo, delete)
    });
    if redo {
        app.redo();
    } else if undo {
        app.undo();
    }
    if delete && let Some(edit) = delete_selection(app) {
        app.apply_edit(edit);
    }
}

fn delete_selection(app: &StancemapApp) -> Option<Edit> {
    match app.selection {
        Selection::Actor(i) => Some(Edit::DeleteActor {
            actor: app.actors.ids.get(i)?.clone(),
        }),
        Selection::Relation { relation, .. } => Some(Edit::DeleteRelation {
            relation: RelationRef::of(app.map.relations.get(relation)?),
        }),
        Selection::None => None,
    }
}

/// What the details panel's edit controls ask for.
pub enum Request {
    Edit(Edit),
    /// Let go of the two actors held for a merge.
    DropPair,
}

impl StancemapApp {
    pub fn curate(&mut self, request: Request) {
        match request {
            Request::Edit(edit) => {
                self.apply_edit(edit);
            }
            Request::DropPair => self.curation.pair = None,
        }
    }
}

/// A titled group for the edit controls, set apart from the evidence.
fn section(ui: &mut egui::Ui, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.add_space(10.0);
    egui::Frame::group(ui.style())
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("✏ {title}")).strong());
            ui.add_space(2.0);
            add(ui);
        });
}

/// The text being typed as an actor's new name (`None`: not renaming) and
/// whether the field has had focus yet.
type Renaming = Option<(String, bool)>;

/// Rename, merge, split an alias, delete: for the actor shown.
pub fn actor_tools(app: &StancemapApp, ui: &mut egui::Ui, actor: usize, edits: &mut Vec<Request>) {
    let Some(entity) = app.actors.ids.get(actor).and_then(|id| app.map.entity(id)) else {
        return;
    };
    let id = &entity.id;
    section(ui, "Correct this actor", |ui| {
        if let Some((first, second)) = &app.curation.pair
            && first == id
        {
            merge_pair(app, ui, first, second, edits);
        }
        let key = egui::Id::new(("stancemap-rename", id));
        let mut renaming: Renaming = ui.data(|d| d.get_temp(key)).flatten();
        match &mut renaming {
            Some((name, focused)) => {
                let mut done = None;
                ui.horizontal(|ui| {
                    let field = ui.add(
                        egui::TextEdit::singleline(name)
                            .hint_text("New name")
                            .desired_width((ui.available_width() - 150.0).max(80.0)),
                    );
                    if !*focused {
                        field.request_focus();
                        *focused = true;
                    }
                    let (enter, escape) =
                        ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
                    if ui.button("✔ Rename").clicked() || (field.lost_focus() && enter) {
                        done = Some(true);
                    }
                    if ui.button("Cancel").clicked() || (field.lost_focus() && escape) {
                        done = Some(false);
                    }
                });
                ui.weak("The old name stays as an alias.");
                if let Some(apply) = done {
                    if apply {
                        edits.push(Request::Edit(Edit::RenameActor {
                            actor: id.clone(),
                            name: name.trim().to_string(),
                        }));
                    }
                    renaming = None;
                }
            }
            None => {
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button("✏ Rename")
                        .on_hover_text("Give this actor another name; the old one becomes an alias")
                        .clicked()
                    {
                        renaming = Some((entity.name.clone(), false));
                    }
                    merge_menu(app, ui, id, edits);
                    split_menu(app, ui, entity, edits);
                    if ui
                        .button("🗑 Delete")
                        .on_hover_text(
                            "Remove this actor and its relations (Delete key; Ctrl+Z undoes it)",
                        )
                        .clicked()
                    {
                        edits.push(Request::Edit(Edit::DeleteActor { actor: id.clone() }));
                    }
                });
            }
        }
        ui.data_mut(|d| d.insert_temp(key, renaming));
    });
}

/// Two actors held by Ctrl+click: merge one into the other.
fn merge_pair(
    app: &StancemapApp,
    ui: &mut egui::Ui,
    first: &str,
    second: &str,
    edits: &mut Vec<Request>,
) {
    let (a, b) = (app.actor_name(first), app.actor_name(second));
    egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.25))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(format!("{a} and {b} are the same actor?"));
            ui.horizontal_wrapped(|ui| {
                for (from, into) in [(first, second), (second, first)] {
                    let text = format!(
                        "⤵ Merge {} into {}",
                        app.actor_name(from),
                        app.actor_name(into)
                    );
                    if ui
                        .button(text)
                        .on_hover_text(format!(
                            "{} keeps its name; the other's becomes an alias",
                            app.actor_name(into)
                        ))
                        .clicked()
                    {
                        edits.push(Request::Edit(Edit::MergeActors {
                            from: from.to_string(),
                            into: into.to_string(),
                        }));
                    }
                }
                if ui.button("Cancel").clicked() {
                    edits.push(Request::DropPair);
                }
            });
        });
    ui.add_space(4.0);
}

fn merge_menu(app: &StancemapApp, ui: &mut egui::Ui, id: &str, edits: &mut Vec<Request>) {
    let this = app.actor_name(id).to_string();
    ui.menu_button("⤵ Merge into…", |ui| {
        ui.weak(format!("{this} is the same actor as:"));
        let mut others: Vec<(&String, &String)> = app
            .actors
            .ids
            .iter()
            .zip(&app.actors.names)
            .filter(|(other, _)| other.as_str() != id)
            .collect();
        others.sort_by_key(|(_, name)| name.to_lowercase());
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for (other, name) in others {
                    if ui
                        .button(name.as_str())
                        .on_hover_text(format!(
                            "Merge {this} into {name}: its relations, aliases and mentions move there"
                        ))
                        .clicked()
                    {
                        edits.push(Request::Edit(Edit::MergeActors {
                            from: id.to_string(),
                            into: other.clone(),
                        }));
                        ui.close();
                    }
                }
            });
    })
    .response
    .on_hover_text(
        "This actor is another one under a different name: merge them \
         (or Ctrl+click the other one on the map)",
    );
}

fn split_menu(
    app: &StancemapApp,
    ui: &mut egui::Ui,
    entity: &crate::model::Entity,
    edits: &mut Vec<Request>,
) {
    if entity.aliases.is_empty() {
        ui.add_enabled(false, egui::Button::new("✂ Split alias…"))
            .on_disabled_hover_text("This actor has no other names");
        return;
    }
    ui.menu_button("✂ Split alias…", |ui| {
        ui.weak("This name is a different actor:");
        for alias in &entity.aliases {
            if ui
                .button(alias.as_str())
                .on_hover_text(format!(
                    "Make \"{alias}\" its own actor, with the mentions and sentences \
                     that name {} only that way",
                    entity.name
                ))
                .clicked()
            {
                edits.push(Request::Edit(Edit::SplitAlias {
                    actor: entity.id.clone(),
                    alias: alias.clone(),
                    new_id: curate::fresh_id(&app.map, alias),
                }));
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("One of the names is a different actor: split it off");
}

/// Stance, direction, who alleges it, delete: for the relation shown.
pub fn relation_tools(app: &StancemapApp, ui: &mut egui::Ui, r: usize, edits: &mut Vec<Request>) {
    let Some(relation) = app.map.relations.get(r) else {
        return;
    };
    let key = RelationRef::of(relation);
    section(ui, "Correct this relation", |ui| {
        ui.label("Stance:");
        ui.horizontal_wrapped(|ui| {
            for stance in Stance::ALL {
                if stance_button(ui, stance, stance == relation.stance)
                    .on_hover_text(format!(
                        "{stance}: {}",
                        crate::render::style::stance_description(stance)
                    ))
                    .clicked()
                    && stance != relation.stance
                {
                    edits.push(Request::Edit(Edit::SetStance {
                        relation: key.clone(),
                        stance,
                    }));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label("Alleged by:");
            let current = relation
                .alleged_by
                .as_deref()
                .map_or("nobody (stated as fact)", |by| app.actor_name(by));
            let mut chosen = relation.alleged_by.clone();
            egui::ComboBox::from_id_salt(("alleged-by", r))
                .selected_text(current)
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "nobody (stated as fact)");
                    let mut names: Vec<(&String, &String)> =
                        app.actors.ids.iter().zip(&app.actors.names).collect();
                    names.sort_by_key(|(_, name)| name.to_lowercase());
                    for (id, name) in names {
                        ui.selectable_value(&mut chosen, Some(id.clone()), name.as_str());
                    }
                })
                .response
                .on_hover_text("Who claims this relation, when the article only reports a claim");
            if chosen != relation.alleged_by {
                edits.push(Request::Edit(Edit::SetAllegedBy {
                    relation: key.clone(),
                    alleged_by: chosen,
                }));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("↔ Reverse")
                .on_hover_text(format!(
                    "Make it {} → {}",
                    app.actor_name(&relation.target),
                    app.actor_name(&relation.source)
                ))
                .clicked()
            {
                edits.push(Request::Edit(Edit::Reverse {
                    relation: key.clone(),
                }));
            }
            if ui
                .button("🗑 Delete relation")
                .on_hover_text("Remove this relation (Delete key; Ctrl+Z undoes it)")
                .clicked()
            {
                edits.push(Request::Edit(Edit::DeleteRelation {
                    relation: key.clone(),
                }));
            }
        });
    });
}

/// A stance name in its colour; the current one filled.
fn stance_button(ui: &mut egui::Ui, stance: Stance, current: bool) -> egui::Response {
    let color = colors::stance(stance);
    let button = if current {
        egui::Button::new(
            RichText::new(stance.as_str())
                .color(Color32::WHITE)
                .strong(),
        )
        .fill(color)
        .stroke(Stroke::new(1.0, color))
    } else {
        egui::Button::new(RichText::new(stance.as_str()).color(color))
            .fill(Color32::TRANSPARENT)
            .stroke(Stroke::new(1.0, color.gamma_multiply(0.7)))
    };
    ui.add(button.corner_radius(4.0))
}

/// The form for a relation read by hand, above the article text.
pub fn draft_form(app: &mut StancemapApp, ui: &mut egui::Ui, article: &Article) {
    let Some(draft) = app.curation.draft.as_mut() else {
        return;
    };
    if draft.article != article.id {
        draft.article = article.id.clone();
        draft.sentence = None;
    }
    let mut draft = draft.clone();
    let mut close = false;
    let mut add = false;
    let accent = ui.visuals().selection.stroke.color;
    egui::Frame::group(ui.style())
        .stroke(Stroke::new(1.5, accent))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new("➕ New relation").strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("✖")
                        .on_hover_text("Stop adding a relation")
                        .clicked()
                    {
                        close = true;
                    }
                });
            });
            match draft.sentence.and_then(|s| article.sentence_text(s)) {
                None => {
                    ui.label("1. Click the sentence that states it, in the text below.");
                }
                Some(text) => {
                    let shown: String = text.chars().take(160).collect();
                    let more = if shown.len() < text.len() { "…" } else { "" };
                    ui.label(format!(
                        "1. Sentence {} (click another to change it):",
                        draft.sentence.unwrap_or(0) + 1
                    ));
                    ui.label(RichText::new(format!("“{shown}{more}”")).italics());
                }
            }
            let candidates = candidates((&app.map, &app.actors), article, &draft);
            ui.label("2. Who does what to whom:");
            // Three boxes share the row, whatever the panel's width.
            let width = ((ui.available_width() - 2.0 * ui.spacing().item_spacing.x) / 3.0
                - ui.spacing().icon_width)
                .max(60.0);
            ui.horizontal(|ui| {
                let source = &mut draft.source;
                actor_combo(ui, "draft-source", "Source…", source, &candidates, width);
                egui::ComboBox::from_id_salt("draft-stance")
                    .selected_text(
                        RichText::new(draft.stance.as_str()).color(colors::stance(draft.stance)),
                    )
                    .width(width)
                    .show_ui(ui, |ui| {
                        for stance in Stance::ALL {
                            ui.selectable_value(
                                &mut draft.stance,
                                stance,
                                RichText::new(stance.as_str()).color(colors::stance(stance)),
                            );
                        }
                    });
                let target = &mut draft.target;
                actor_combo(ui, "draft-target", "Target…", target, &candidates, width);
            });
            ui.horizontal(|ui| {
                ui.label("3. Cue words:")
                    .on_hover_text("Kept as a cue for this stance if you teach it");
                ui.add(
                    egui::TextEdit::singleline(&mut draft.cue)
                        .hint_text("e.g. gave a nod to")
                        .desired_width(ui.available_width()),
                );
            });
            let ready = draft.sentence.is_some()
                && draft.source.is_some()
                && draft.target.is_some()
                && draft.source != draft.target;
            if ui
                .add_enabled(ready, egui::Button::new("➕ Add relation"))
                .on_disabled_hover_text("Pick a sentence and two different actors")
                .clicked()
            {
                add = true;
            }
        });
    app.curation.draft = if close { None } else { Some(draft) };
    if add {
        app.finish_draft();
    }
}

/// Actors for the form: those named in the picked sentence first.
struct Candidates {
    named: Vec<(String, String)>,
    others: Vec<(String, String)>,
}

fn candidates(
    (map, actors): (&crate::model::RelationMap, &crate::view::Actors),
    article: &Article,
    draft: &Draft,
) -> Candidates {
    let span = draft
        .sentence
        .and_then(|s| article.sentences.get(s).copied());
    let mut named = Vec::new();
    let mut others = Vec::new();
    for (id, name) in actors.ids.iter().zip(&actors.names) {
        let here = span.is_some_and(|[s, e]| {
            map.entity(id).is_some_and(|entity| {
                entity
                    .mentions
                    .iter()
                    .any(|m| m.article == article.id && m.start >= s && m.start < e)
            })
        });
        let row = (id.clone(), name.clone());
        if here {
            named.push(row);
        } else {
            others.push(row);
        }
    }
    others.sort_by_key(|(_, name)| name.to_lowercase());
    Candidates { named, others }
}

fn actor_combo(
    ui: &mut egui::Ui,
    salt: &str,
    empty: &str,
    chosen: &mut Option<String>,
    candidates: &Candidates,
    width: f32,
) {
    let text = chosen
        .as_ref()
        .and_then(|id| {
            candidates
                .named
                .iter()
                .chain(&candidates.others)
                .find(|(c, _)| c == id)
        })
        .map_or(empty.to_string(), |(_, name)| name.clone());
    egui::ComboBox::from_id_salt(salt)
        .selected_text(text)
        .width(width)
        .show_ui(ui, |ui| {
            if !candidates.named.is_empty() {
                ui.weak("In this sentence");
                for (id, name) in &candidates.named {
                    ui.selectable_value(chosen, Some(id.clone()), name.as_str());
                }
                ui.separator();
            }
            for (id, name) in &candidates.others {
                ui.selectable_value(chosen, Some(id.clone()), name.as_str());
            }
        });
}

/// While a relation is drafted, a click in the article text picks the
/// sentence under the pointer. `origin` is where the text's galley is.
pub fn pick_sentence(
    app: &mut StancemapApp,
    ui: &mut egui::Ui,
    article: &Article,
    galley: &egui::Galley,
    origin: egui::Pos2,
    rect: egui::Rect,
) {
    if app.curation.draft.is_none() {
        return;
    }
    let response = ui
        .interact(rect, ui.id().with("pick-sentence"), Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .on_hover_text("Click to take this sentence for the new relation");
    let Some(at) = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())
    else {
        return;
    };
    let char_at = galley.cursor_from_pos(at - origin).index.0;
    let byte = article
        .text
        .char_indices()
        .nth(char_at)
        .map_or(article.text.len(), |(b, _)| b);
    let Some(sentence) = article.sentence_at(byte) else {
        return;
    };
    let [start, end] = article.sentences[sentence];
    // The actors the sentence names, in order: likely source and target.
    let mut named: Vec<(usize, String)> = app
        .map
        .entities
        .iter()
        .filter_map(|e| {
            let first = e
                .mentions
                .iter()
                .filter(|m| m.article == article.id && m.start >= start && m.start < end)
                .map(|m| m.start)
                .min()?;
            Some((first, e.id.clone()))
        })
        .collect();
    named.sort();
    if let Some(draft) = app.curation.draft.as_mut() {
        draft.sentence = Some(sentence);
        let mut ids = named.into_iter().map(|(_, id)| id);
        if draft.source.is_none() {
            draft.source = ids.next();
        }
        if draft.target.is_none() {
            draft.target = ids.find(|id| Some(id) != draft.source.as_ref());
        }
    }
}

/// The picked sentence of the draft in this article, to highlight.
pub fn picked_span(app: &StancemapApp, article: &Article) -> Option<(usize, usize)> {
    let draft = app.curation.draft.as_ref()?;
    if draft.article != article.id {
        return None;
    }
    let [s, e] = *article.sentences.get(draft.sentence?)?;
    Some((s, e))
}

/// "“Kabul regime” as a name of Taliban", "“gave a nod to” as a cue for support".
pub fn lesson_text(app: &StancemapApp, entry: &UserEntry) -> String {
    match entry {
        UserEntry::Alias(a) => {
            let name = a
                .define
                .as_ref()
                .map_or_else(|| app.actor_name(&a.actor), |(name, _)| name.as_str());
            format!("“{}” as a name of {name}", a.form)
        }
        UserEntry::Cue(c) => format!("“{}” as a cue for {}", c.forms.join(" / "), c.stance),
    }
}
