//! The details panel: what the selection is and the evidence for it. For
//! a relation, its sentences (cue word marked; click one to read it in the
//! article); for an actor, its kind, aliases, mentions and relations
//! grouped by stance (click one to select it); with nothing selected, an
//! overview of the map and how to read it.

use super::colors;
use super::edit_ui;
use super::messages::count;
use super::node_shape::kind_icon;
use super::state::{Selection, StancemapApp};
use crate::model::{Evidence, Stance};
use crate::render::style;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Sense, Stroke};

/// What a click in the panel asks for, done once the panel is drawn.
enum Action {
    Actor(usize),
    Relation(usize),
    Evidence(usize, usize),
    Unpin(usize),
    Focus(bool),
    Curate(edit_ui::Request),
}

pub fn show(app: &mut StancemapApp, ui: &mut egui::Ui) {
    let mut actions = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(6.0);
            match app.selection {
                Selection::None => overview(app, ui),
                Selection::Actor(i) => actor(app, ui, i, &mut actions),
                Selection::Relation { relation, evidence } => {
                    relation_details(app, ui, relation, evidence, &mut actions)
                }
            }
        });
    for action in actions {
        match action {
            Action::Actor(i) => app.select_actor(i),
            Action::Relation(r) => app.select_relation(r),
            Action::Evidence(r, k) => app.select_evidence(r, k),
            Action::Unpin(i) => app.unpin(i),
            Action::Focus(on) => {
                app.filters.focus = on;
                app.refresh();
            }
            Action::Curate(request) => app.curate(request),
        }
    }
}

fn overview(app: &StancemapApp, ui: &mut egui::Ui) {
    ui.label(RichText::new("Map").heading().strong());
    ui.label(format!(
        "{} · {} · {}",
        count(app.map.articles.len(), "article"),
        count(app.actors.len(), "actor"),
        count(app.map.relations.len(), "relation")
    ));
    ui.label(format!(
        "{} state a stance",
        count(app.visibility.sentences, "sentence")
    ));
    ui.add_space(12.0);
    ui.label(RichText::new("How to read it").strong());
    for tip in [
        "Click an edge to read the sentences that state it.",
        "Click an actor for its aliases and relations.",
        "Arrows point from who acts to whom; dashed edges are claims someone alleges.",
        "Drag an actor to pin it; double-click it to let it go.",
        "Scroll to zoom, drag the background to pan, F to fit.",
    ] {
        ui.label(format!("• {tip}"));
    }
}

fn actor(app: &StancemapApp, ui: &mut egui::Ui, i: usize, actions: &mut Vec<Action>) {
    let Some(id) = app.actors.ids.get(i) else {
        return;
    };
    let entity = app.map.entity(id);
    let name = &app.actors.names[i];
    let kind = app.actors.kinds[i];
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 22.0), Sense::hover());
        let palette = colors::palette(ui.ctx());
        ui.painter().add(kind_icon(
            rect.center(),
            9.0,
            style::node_shape(kind),
            colors::node_fill(ui.ctx(), kind),
            Stroke::new(1.4, colors::color(palette.node_stroke)),
        ));
        ui.label(RichText::new(name).heading().strong());
    });
    ui.label(format!("Kind: {}", kind.label()));
    if let Some(entity) = entity {
        if !entity.aliases.is_empty() {
            ui.label(format!("Also called: {}", entity.aliases.join(", ")))
                .on_hover_text("Names and references in the articles that mean this actor");
        }
        let shown = entity
            .mentions
            .iter()
            .filter(|m| !app.filters.hidden_articles.contains(&m.article))
            .count();
        ui.label(format!("Mentioned {shown} times"))
            .on_hover_text("Mentions in the shown articles; node size grows with them");
    }
    ui.horizontal(|ui| {
        if crate::app::layout::lock(&app.sim).is_pinned(i)
            && ui
                .button("📌 Unpin")
                .on_hover_text("Let the layout move this actor again (or double-click it)")
                .clicked()
        {
            actions.push(Action::Unpin(i));
        }
        let mut focus = app.filters.focus;
        if ui
            .toggle_value(&mut focus, "◎ Focus")
            .on_hover_text("Show only this actor and its neighbours")
            .changed()
        {
            actions.push(Action::Focus(focus));
        }
    });
    let mut requests = Vec::new();
    edit_ui::actor_tools(app, ui, i, &mut requests);
    actions.extend(requests.into_iter().map(Action::Curate));
    ui.add_space(10.0);
    ui.label(RichText::new("Relations").strong());
    let mut any = false;
    for stance in Stance::ALL {
        let rows: Vec<(usize, bool)> = app
            .map
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| r.stance == stance && (&r.source == id || &r.target == id))
            .map(|(k, r)| (k, &r.source == id))
            .collect();
        if rows.is_empty() {
            continue;
        }
        any = true;
        ui.add_space(4.0);
        stance_chip(ui, stance, &format!("{stance} ({})", rows.len()));
        for (r, outgoing) in rows {
            let relation = &app.map.relations[r];
            let other = if outgoing {
                &relation.target
            } else {
                &relation.source
            };
            let arrow = if outgoing { "→" } else { "←" };
            let mut text = format!(
                "{arrow} {}   {} sentence{}",
                app.actor_name(other),
                relation.sentence_count(),
                if relation.sentence_count() == 1 {
                    ""
                } else {
                    "s"
                }
            );
            if let Some(by) = &relation.alleged_by {
                text.push_str(&format!("   alleged by {}", app.actor_name(by)));
            }
            let shown = app.visibility.relations.get(r).copied().unwrap_or(false);
            let label = if shown {
                RichText::new(text)
            } else {
                RichText::new(text).weak()
            };
            let tip = if shown {
                format!("Select {}", app.relation_name(r))
            } else {
                format!("Select {} (hidden by the filters)", app.relation_name(r))
            };
            if ui
                .selectable_label(false, label)
                .on_hover_text(tip)
                .clicked()
            {
                actions.push(Action::Relation(r));
            }
        }
    }
    if !any {
        ui.weak("No relation found for this actor.");
    }
    let claims: Vec<usize> = app
        .map
        .relations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.alleged_by.as_deref() == Some(id.as_str()))
        .map(|(k, _)| k)
        .collect();
    if !claims.is_empty() {
        ui.add_space(10.0);
        ui.label(RichText::new("Claims it makes").strong())
            .on_hover_text("Relations the articles report only as this actor's allegation");
        for r in claims {
            if ui
                .selectable_label(false, app.relation_name(r))
                .on_hover_text(format!("Select {}", app.relation_name(r)))
                .clicked()
            {
                actions.push(Action::Relation(r));
            }
        }
    }
}

fn relation_details(
    app: &StancemapApp,
    ui: &mut egui::Ui,
    r: usize,
    highlighted: usize,
    actions: &mut Vec<Action>,
) {
    let Some(relation) = app.map.relations.get(r) else {
        return;
    };
    let source = app.actors.index.get(&relation.source).copied();
    let target = app.actors.index.get(&relation.target).copied();
    ui.horizontal_wrapped(|ui| {
        actor_link(app, ui, source, &relation.source, actions);
        ui.heading("→");
        actor_link(app, ui, target, &relation.target, actions);
    });
    ui.horizontal(|ui| {
        stance_chip(ui, relation.stance, relation.stance.as_str());
        ui.weak(style::stance_description(relation.stance));
    });
    if let Some(by) = &relation.alleged_by {
        ui.label(format!(
            "Alleged by {} (a reported claim)",
            app.actor_name(by)
        ));
    }
    if relation.negated {
        ui.label("Negated: the article says this did not happen");
    }
    let mut requests = Vec::new();
    edit_ui::relation_tools(app, ui, r, &mut requests);
    actions.extend(requests.into_iter().map(Action::Curate));
    let n = relation.sentence_count();
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!(
            "Evidence: {n} sentence{}",
            if n == 1 { "" } else { "s" }
        ))
        .strong(),
    )
    .on_hover_text("Click a sentence to highlight it in the article");
    let many_articles = app.map.articles.len() > 1;
    for (k, evidence) in relation.evidence.iter().enumerate() {
        ui.add_space(4.0);
        let selected = k == highlighted;
        let hidden = app.filters.hidden_articles.contains(&evidence.article);
        let fill = if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            ui.visuals().faint_bg_color
        };
        egui::Frame::group(ui.style())
            .fill(fill)
            .stroke(if selected {
                Stroke::new(1.5, colors::stance(relation.stance))
            } else {
                ui.visuals().widgets.noninteractive.bg_stroke
            })
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let mut meta = format!("sentence {}", evidence.sentence + 1);
                if many_articles && let Some(a) = app.map.article(&evidence.article) {
                    meta = format!("{} · {meta}", a.title);
                }
                if let Some(m) = evidence.modality {
                    meta.push_str(&format!(" · {}", m.as_str()));
                }
                if hidden {
                    meta.push_str(" · article hidden");
                }
                ui.weak(meta);
                let job = sentence_job(ui, evidence, relation.stance);
                let response = ui
                    .add(
                        egui::Label::new(job)
                            .wrap()
                            .selectable(false)
                            .sense(Sense::click()),
                    )
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .on_hover_text("Highlight this sentence in the article");
                if response.clicked() {
                    actions.push(Action::Evidence(r, k));
                }
            });
    }
    if relation.more_evidence > 0 {
        ui.add_space(4.0);
        ui.weak(format!(
            "+{} more (only the {} surest sentences are kept)",
            relation.more_evidence,
            relation.evidence.len()
        ));
    }
}

fn actor_link(
    app: &StancemapApp,
    ui: &mut egui::Ui,
    index: Option<usize>,
    id: &str,
    actions: &mut Vec<Action>,
) {
    let name = app.actor_name(id);
    let response = ui
        .add(egui::Button::new(RichText::new(name).heading().strong()).frame(false))
        .on_hover_text(format!("Select {name}"));
    if response.clicked()
        && let Some(i) = index
    {
        actions.push(Action::Actor(i));
    }
}

/// A stance name on its colour, as in the legend.
fn stance_chip(ui: &mut egui::Ui, stance: Stance, text: &str) {
    let color = colors::stance(stance);
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::WHITE).strong());
        });
}

/// The sentence with its cue word in the stance's colour, underlined.
fn sentence_job(ui: &egui::Ui, evidence: &Evidence, stance: Stance) -> LayoutJob {
    let text = &evidence.text;
    let font = FontId::proportional(14.5);
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let cue = TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        underline: Stroke::new(2.0, colors::stance(stance)),
        background: colors::stance(stance).gamma_multiply(0.18),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    match super::article_panel::find_cue(text, 0, text.len(), &evidence.cue) {
        Some((a, b)) => {
            job.append(&text[..a], 0.0, plain.clone());
            job.append(&text[a..b], 0.0, cue);
            job.append(&text[b..], 0.0, plain);
        }
        None => job.append(text, 0.0, plain),
    }
    job
}
