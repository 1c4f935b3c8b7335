//! Editing the map in the window, driven like a user would (egui_kittest,
//! no display or GPU): merge and undo, stance edits that survive a save
//! and reopen, the dirty marker and the unsaved changes prompt, autosave
//! and recovery, teaching the extractor, adding a relation from a picked
//! sentence and re-extracting with the edits kept.
//!
//! The user's folders are a temporary folder (STANCEMAP_CONFIG_DIR), shared
//! by the tests of this file, so they take turns.

mod common;

use common::{seed_window, window};
use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::StancemapApp;
use stancemap::app::settings::Settings;
use stancemap::curate::{self, Document, Edit};
use stancemap::load::LoadOptions;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The temporary config folder, set once for the whole test binary; the
/// guard keeps tests that share it from running at the same time.
fn user_folder() -> (MutexGuard<'static, ()>, PathBuf) {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static TURN: Mutex<()> = Mutex::new(());
    let guard = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        // SAFETY: set under the lock, before any test reads it.
        unsafe { std::env::set_var(curate::paths::DIR_VAR, dir.path()) };
        dir
    });
    for file in ["recovery.json", "lexicon.tsv"] {
        let _ = std::fs::remove_file(dir.path().join(file));
    }
    (guard, dir.path().to_path_buf())
}

fn relation_index(app: &StancemapApp, source: &str, target: &str, stance: &str) -> Option<usize> {
    app.map
        .relations
        .iter()
        .position(|r| r.source == source && r.target == target && r.stance.as_str() == stance)
}

/// Click the last widget with this label: menus and popups are drawn
/// after the map, whose actors have the same names.
fn click_last(harness: &mut Harness<'_, StancemapApp>, label: &str) {
    harness
        .get_all_by_label(label)
        .last()
        .unwrap_or_else(|| panic!("nothing labelled {label}"))
        .click();
    harness.run_steps(3);
}

fn click(harness: &mut Harness<'_, StancemapApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(3);
}

fn merge_isis_k_into_taliban(harness: &mut Harness<'_, StancemapApp>) {
    harness
        .get_by_role_and_label(Role::Button, "ISIS-K")
        .click();
    harness.run_steps(3);
    click(harness, "⤵ Merge into…");
    click_last(harness, "Taliban");
}

#[test]
fn merging_two_actors_then_undo_restores_both_with_their_edges_and_evidence() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    let before = harness.state().map.clone();
    let isis_relations = before
        .relations
        .iter()
        .filter(|r| r.source == "isis-k" || r.target == "isis-k")
        .count();
    assert!(isis_relations > 0);

    let placed = harness.state().positions();
    merge_isis_k_into_taliban(&mut harness);
    let app = harness.state();
    assert!(app.map.entity("isis-k").is_none(), "ISIS-K is merged away");
    // The layout keeps every other actor where it was (it may settle a
    // little around the change).
    for (id, [x, y]) in app.positions() {
        let [a, b] = placed[&id];
        let moved = ((x - a).powi(2) + (y - b).powi(2)).sqrt();
        assert!(moved < 1.0, "{id} moved {moved} layout units");
    }
    let taliban = app.map.entity("taliban").unwrap();
    assert!(taliban.aliases.iter().any(|a| a == "ISIS-K"));
    assert!(!app.actors.index.contains_key("isis-k"));
    // Every sentence is still there, now on the Taliban's relations.
    let sentences = |m: &stancemap::model::RelationMap| {
        let mut all: Vec<String> = m
            .relations
            .iter()
            .flat_map(|r| r.evidence.iter().map(|e| e.text.clone()))
            .collect();
        all.sort();
        all.dedup();
        all
    };
    assert_eq!(sentences(&app.map), sentences(&before));
    assert!(app.window_title().starts_with("• "));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.map, before, "undo gives back the map as it was");
    assert!(!app.is_dirty());
    assert!(!app.window_title().starts_with("• "));
    harness.get_by_role_and_label(Role::Button, "ISIS-K");
    let edge = before
        .relations
        .iter()
        .position(|r| r.source == "isis-k" || r.target == "isis-k")
        .unwrap();
    assert!(
        harness
            .query_all_by(|n| n.role() == Role::Button
                && n.label()
                    .is_some_and(|l| l.contains("ISIS-K") && l.contains("→")))
            .next()
            .is_some(),
        "the ISIS-K edges are drawn again ({:?})",
        before.relations[edge].key()
    );

    // Redo (Ctrl+Shift+Z) merges again.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(3);
    assert!(harness.state().map.entity("isis-k").is_none());
}

#[test]
fn a_changed_stance_and_the_positions_survive_save_and_reopen() {
    let (_turn, _) = user_folder();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.json");
    let mut harness = seed_window();
    harness
        .get_by_role_and_label(Role::Button, "Pakistan → India: accuse")
        .click();
    harness.run_steps(3);
    harness.get_by_label("✏ Correct this relation");
    harness
        .get_by_role_and_label(Role::Button, "oppose")
        .click();
    harness.run_steps(3);
    let app = harness.state();
    assert!(relation_index(app, "pakistan", "india", "accuse").is_none());
    let r = relation_index(app, "pakistan", "india", "oppose").expect("the stance changed");
    assert_eq!(
        app.selected_relation(),
        Some(r),
        "the edited relation stays selected"
    );
    assert!(!app.map.relations[r].evidence.is_empty(), "evidence kept");
    assert!(app.window_title().starts_with("• "));
    // The corrected stance could teach the extractor its cue.
    harness.get_by_label("Keep “label” as a cue for oppose");

    assert!(harness.state_mut().save_to(&path));
    harness.run_steps(1);
    let saved_positions = harness.state().positions();
    assert!(!harness.state().window_title().starts_with("• "));
    assert!(harness.state().window_title().contains("edited.json"));

    let doc = Document::open(&path, stancemap::load::LoadOptions::default()).unwrap();
    assert_eq!(doc.edits.len(), 1);
    assert!(matches!(doc.edits[0], Edit::SetStance { .. }));

    // Reopen through the window's own Open path.
    let mut app = StancemapApp::with_map(Default::default(), LoadOptions::default(), 0.5);
    app.open_files(vec![path.clone()]);
    assert!(!app.is_loading(), "a saved map opens at once");
    assert_eq!(
        app.positions(),
        doc.positions,
        "nodes are where they were saved"
    );
    for (id, [x, y]) in &saved_positions {
        let [a, b] = doc.positions[id];
        assert!((a - x).abs() < 1e-3 && (b - y).abs() < 1e-3, "{id} moved");
    }
    let harness = window(app);
    let app = harness.state();
    assert!(relation_index(app, "pakistan", "india", "oppose").is_some());
    assert!(relation_index(app, "pakistan", "india", "accuse").is_none());
    assert!(!app.is_dirty());
    assert_eq!(app.curation.history.log(), doc.edits);
    harness.get_by_role_and_label(Role::Button, "Pakistan → India: oppose");
}

fn request_close(harness: &mut Harness<'_, StancemapApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
}

fn commands(harness: &Harness<'_, StancemapApp>) -> Vec<ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

#[test]
fn an_edit_marks_the_title_and_closing_asks_about_unsaved_changes() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    // A clean map closes without a question.
    request_close(&mut harness);
    assert!(!commands(&harness).contains(&ViewportCommand::CancelClose));

    harness
        .get_by_role_and_label(Role::Button, "Pakistan → India: accuse")
        .click();
    harness.run_steps(3);
    harness.key_press(Key::Delete);
    harness.run_steps(3);
    assert!(relation_index(harness.state(), "pakistan", "india", "accuse").is_none());
    assert!(harness.state().window_title().starts_with("• "));
    harness.get_by_label("💾 Save •");

    request_close(&mut harness);
    assert!(commands(&harness).contains(&ViewportCommand::CancelClose));
    harness.run_steps(2);
    harness.get_by_label("Unsaved changes");
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Unsaved changes").is_none());
    assert!(harness.state().is_dirty(), "cancel keeps the changes");

    request_close(&mut harness);
    harness.run_steps(2);
    harness.get_by_label("Discard changes").click();
    harness.step();
    assert!(commands(&harness).contains(&ViewportCommand::Close));
}

#[test]
fn opening_another_file_asks_first_and_cancel_keeps_the_edited_map() {
    let (_turn, _) = user_folder();
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Iran condemned Israel over the strikes.\n").unwrap();
    let mut harness = seed_window();
    merge_isis_k_into_taliban(&mut harness);
    let edited = harness.state().map.clone();
    harness.state_mut().open_files(vec![other.clone()]);
    harness.run_steps(3);
    harness.get_by_label("Unsaved changes");
    click(&mut harness, "Cancel");
    assert!(!harness.state().is_loading());
    assert_eq!(harness.state().map, edited);

    harness.state_mut().open_files(vec![other]);
    harness.run_steps(3);
    click(&mut harness, "Discard changes");
    let start = std::time::Instant::now();
    while harness.state().is_loading() && start.elapsed().as_secs() < 30 {
        harness.step();
    }
    harness.run_steps(3);
    assert!(harness.state().map.entity("iran").is_some());
    assert!(!harness.state().is_dirty());
}

#[test]
fn unsaved_edits_are_autosaved_and_offered_back_at_the_next_start() {
    let (_turn, config) = user_folder();
    let recovery = config.join("recovery.json");
    let mut harness = seed_window();
    merge_isis_k_into_taliban(&mut harness);
    let edited = harness.state().map.clone();
    let dirty_since = harness.state().curation.autosaved_at.expect("counting");
    harness.input_mut().time = Some(dirty_since + 30.0);
    harness.step();
    assert!(!recovery.exists(), "not before a minute has passed");
    harness.input_mut().time = Some(dirty_since + 61.0);
    harness.step();
    assert!(recovery.exists(), "autosaved after a minute");
    // The process "crashes": the harness goes without a clean exit.
    drop(harness);

    let ctx = egui::Context::default();
    let app = StancemapApp::launch(
        &ctx,
        Settings::default(),
        Vec::new(),
        LoadOptions::default(),
        0.5,
    );
    let mut harness = window(app);
    harness.get_by_label("Recover unsaved work?");
    click(&mut harness, "Recover");
    let app = harness.state();
    // The file holds the map in its normal form (aliases sorted).
    let (mut got, mut want) = (app.map.clone(), edited);
    got.normalise();
    want.normalise();
    assert_eq!(got, want);
    assert!(app.is_dirty(), "recovered work still needs saving");
    assert_eq!(app.curation.history.log().len(), 1);

    // Saving it removes the recovery file.
    let dir = tempfile::tempdir().unwrap();
    assert!(harness.state_mut().save_to(&dir.path().join("kept.json")));
    assert!(!recovery.exists());
}

#[test]
fn a_merge_offers_to_teach_the_alias_and_keep_writes_the_user_lexicon() {
    let (_turn, config) = user_folder();
    let mut harness = seed_window();
    merge_isis_k_into_taliban(&mut harness);
    harness.get_by_label("🎓 Teach the extractor?");
    harness.get_by_label("Keep “ISIS-K” as a name of Taliban");
    click(&mut harness, "Keep");
    let lexicon = std::fs::read_to_string(config.join("lexicon.tsv")).unwrap();
    assert!(lexicon.contains("ISIS-K"), "{lexicon}");
    assert!(harness.query_by_label("🎓 Teach the extractor?").is_none());

    // The next start reads the seed with it: "ISIS-K" now names the Taliban.
    let app = StancemapApp::launch(
        &egui::Context::default(),
        Settings::default(),
        Vec::new(),
        LoadOptions::default(),
        0.5,
    );
    let taliban = app.map.entity("taliban").unwrap();
    assert!(
        taliban.aliases.iter().any(|a| a == "ISIS-K"),
        "{:?}",
        taliban.aliases
    );
}

#[test]
fn a_relation_is_added_from_a_sentence_picked_in_the_article() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    click(&mut harness, "✏ Edit");
    click(&mut harness, "➕ Add a relation from a sentence…");
    harness.get_by_label("➕ New relation");
    let article = harness.state().map.articles[0].clone();
    let text = harness.get_by_label(article.text.as_str());
    let at = text.rect().min + egui::vec2(30.0, 8.0);
    harness.hover_at(at);
    harness.drag_at(at);
    harness.drop_at(at);
    harness.run_steps(3);
    let draft = harness.state().curation.draft.clone().expect("drafting");
    assert_eq!(draft.sentence, Some(0), "the first sentence is picked");
    let (source, target) = (draft.source.clone().unwrap(), draft.target.clone().unwrap());
    let stance = draft.stance;
    click(&mut harness, "➕ Add relation");
    let app = harness.state();
    assert!(app.curation.draft.is_none());
    let added = app
        .map
        .relations
        .iter()
        .find(|r| r.source == source && r.target == target && r.stance == stance)
        .expect("the relation is added");
    assert!(
        added
            .evidence
            .iter()
            .any(|e| e.article == article.id && e.sentence == 0)
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().map,
        stancemap::pipeline::seed_map().with_min_confidence(0.5)
    );
}

#[test]
fn re_extracting_keeps_the_edits_that_fit_and_lists_the_others() {
    let (_turn, _) = user_folder();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("with-log.json");
    let seed = stancemap::pipeline::seed_map().with_min_confidence(0.5);
    let mut doc = Document::new(seed);
    let mut history = curate::History::new();
    history
        .apply(
            &mut doc.map,
            Edit::MergeActors {
                from: "isis-k".into(),
                into: "taliban".into(),
            },
        )
        .unwrap();
    doc.edits = history.log();
    doc.edits.push(Edit::RenameActor {
        actor: "no-such-actor".into(),
        name: "Nobody".into(),
    });
    doc.save(&path).unwrap();

    let mut app = StancemapApp::with_map(Default::default(), LoadOptions::default(), 0.5);
    app.open_files(vec![path]);
    let mut harness = window(app);
    click(&mut harness, "✏ Edit");
    click(&mut harness, "⟳ Re-extract, keeping my edits");
    harness.get_by_label("1 edit no longer fit");
    harness.get_by_label("rename no-such-actor to “Nobody”");
    let app = harness.state();
    assert!(
        app.map.entity("isis-k").is_none(),
        "the merge is applied again"
    );
    assert_eq!(app.curation.history.log().len(), 1);
    assert!(app.is_dirty());
    click(&mut harness, "Close");
    assert!(harness.query_by_label("1 edit no longer fit").is_none());
}

#[test]
fn ctrl_clicking_a_second_actor_offers_to_merge_the_two() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    harness
        .get_by_role_and_label(Role::Button, "ISIS-K")
        .click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "Taliban")
        .click_modifiers(Modifiers::COMMAND);
    harness.run_steps(3);
    let isis = harness.state().actors.index["isis-k"];
    assert_eq!(
        harness.state().selection,
        stancemap::app::Selection::Actor(isis),
        "the first actor stays selected"
    );
    harness.get_by_label("ISIS-K and Taliban are the same actor?");
    click(&mut harness, "⤵ Merge ISIS-K into Taliban");
    let app = harness.state();
    assert!(app.map.entity("isis-k").is_none());
    assert_eq!(
        app.selection,
        stancemap::app::Selection::Actor(app.actors.index["taliban"]),
        "the merged actor is selected"
    );
    assert!(app.curation.pair.is_none());
}

#[test]
fn renaming_an_actor_keeps_the_old_name_as_an_alias_and_offers_it() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    harness.get_by_role_and_label(Role::Button, "TTP").click();
    harness.run_steps(3);
    click(&mut harness, "✏ Rename");
    let field =
        harness.get_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("TTP"));
    assert!(field.is_focused(), "the name field takes the keyboard");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness
        .get_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("TTP"))
        .type_text("Pakistani Taliban");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    let app = harness.state();
    let ttp = app.map.entity("ttp").unwrap();
    assert_eq!(ttp.name, "Pakistani Taliban");
    assert!(ttp.aliases.iter().any(|a| a == "TTP"));
    assert!(app.window_title().starts_with("• "));
    harness.get_by_label("Keep “TTP” as a name of Pakistani Taliban");
    harness.get_by_role_and_label(Role::Button, "Pakistani Taliban");
    click(&mut harness, "✏ Edit");
    harness.get_by_label_contains("Undo rename TTP to “Pakistani Taliban”");
}

#[test]
fn an_alias_split_off_becomes_its_own_actor_next_to_the_old_one() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    let before = harness.state().map.clone();
    harness
        .get_by_role_and_label(Role::Button, "Pakistan")
        .click();
    harness.run_steps(3);
    click(&mut harness, "✂ Split alias…");
    click_last(&mut harness, "Islamabad");
    let app = harness.state();
    let islamabad = app.map.entity("islamabad").expect("a new actor");
    assert_eq!(islamabad.name, "Islamabad");
    assert!(
        !app.map
            .entity("pakistan")
            .unwrap()
            .aliases
            .contains(&"Islamabad".to_string())
    );
    assert_eq!(
        app.selection,
        stancemap::app::Selection::Actor(app.actors.index["islamabad"]),
        "the new actor is selected"
    );
    let positions = app.positions();
    let ([a, b], [x, y]) = (positions["islamabad"], positions["pakistan"]);
    let apart = ((a - x).powi(2) + (b - y).powi(2)).sqrt();
    assert!(apart < 10.0, "placed {apart} layout units from Pakistan");
    harness.get_by_role_and_label(Role::Button, "Islamabad");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().map, before);
}

#[test]
fn a_relation_is_reversed_cleared_of_its_allegation_and_deleted_then_undone() {
    let (_turn, _) = user_folder();
    let mut harness = seed_window();
    let before = harness.state().map.clone();
    harness
        .get_by_role_and_label(Role::Button, "Taliban → TTP: support")
        .click();
    harness.run_steps(3);
    click(&mut harness, "↔ Reverse");
    let app = harness.state();
    let r = relation_index(app, "ttp", "taliban", "support").expect("reversed");
    assert_eq!(app.map.relations[r].alleged_by.as_deref(), Some("pakistan"));
    assert_eq!(app.selected_relation(), Some(r));

    // The "Alleged by" box shows who claims it; pick nobody.
    harness.get_by_role(Role::ComboBox).click();
    harness.run_steps(3);
    click_last(&mut harness, "nobody (stated as fact)");
    let app = harness.state();
    let r = relation_index(app, "ttp", "taliban", "support").unwrap();
    assert_eq!(app.map.relations[r].alleged_by, None);
    let original = before
        .relations
        .iter()
        .find(|r| r.source == "taliban" && r.target == "ttp")
        .unwrap();
    assert_eq!(
        app.map.relations[r].evidence, original.evidence,
        "the evidence goes along"
    );

    click(&mut harness, "🗑 Delete relation");
    assert!(relation_index(harness.state(), "ttp", "taliban", "support").is_none());
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
    }
    assert_eq!(harness.state().map, before);
}
