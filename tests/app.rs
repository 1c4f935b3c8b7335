//! The window, driven like a user would: egui_kittest clicks on what the
//! accessibility tree shows (the map exposes every actor and relation
//! where it is drawn), types into the search box and drops files. No
//! display or GPU is needed.

mod common;

use common::{seed_window, window};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{Level, Selection, StancemapApp};
use stancemap::load::LoadOptions;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SIX: [&str; 6] = ["Russia", "Taliban", "Pakistan", "TTP", "ISIS-K", "India"];

/// Step until background loading is done.
fn wait_for_loading(harness: &mut Harness<'_, StancemapApp>) {
    let start = Instant::now();
    harness.step();
    while harness.state().is_loading() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "loading never finished"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run_steps(30);
}

fn relation_index(app: &StancemapApp, source: &str, target: &str, stance: &str) -> usize {
    app.map
        .relations
        .iter()
        .position(|r| r.source == source && r.target == target && r.stance.as_str() == stance)
        .unwrap_or_else(|| panic!("no relation {source} -> {target} {stance}"))
}

#[test]
fn opens_on_the_seed_with_the_six_actors_on_the_map() {
    let harness = seed_window();
    for name in SIX {
        harness.get_by_role_and_label(Role::Button, name);
    }
    // The seed has no title line: the window is named by its first
    // sentence, as the exported pictures are.
    let title = harness.state().window_title();
    assert!(title.starts_with("Russia has stepped directly"), "{title}");
    assert!(title.ends_with("… — stancemap"), "{title}");
}

#[test]
fn clicking_an_edge_shows_its_sentences_and_highlights_the_first() {
    let mut harness = seed_window();
    harness
        .get_by_role_and_label(Role::Button, "Russia → Taliban: support")
        .click();
    harness.run_steps(3);
    let app = harness.state();
    let r = relation_index(app, "russia", "taliban", "support");
    assert_eq!(
        app.selection,
        Selection::Relation {
            relation: r,
            evidence: 0
        }
    );
    let evidence = app.map.relations[r].evidence.clone();
    let first = evidence[0].text.clone();
    // The details panel lists every sentence; the article shows the first.
    for e in &evidence {
        harness.get_by_label(&e.text);
    }
    let (_, highlighted) = harness.state().highlighted().unwrap();
    assert_eq!(highlighted.text, first);
    assert_eq!(
        harness.state().reading.as_deref(),
        Some(evidence[0].article.as_str())
    );

    // Clicking another sentence in the list highlights that one.
    harness.get_by_label(&evidence[2].text).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection,
        Selection::Relation {
            relation: r,
            evidence: 2
        }
    );
    assert_eq!(
        harness.state().highlighted().unwrap().1.text,
        evidence[2].text
    );
}

#[test]
fn parallel_edges_are_separate_targets() {
    let mut harness = seed_window();
    let accuse = harness.get_by_role_and_label(Role::Button, "Pakistan → Taliban: accuse");
    let oppose = harness.get_by_role_and_label(Role::Button, "Pakistan → Taliban: oppose");
    let gap = (accuse.rect().center() - oppose.rect().center()).length();
    assert!(gap > 8.0, "the two edges are drawn {gap} points apart");
    oppose.click();
    harness.run_steps(3);
    let r = relation_index(harness.state(), "pakistan", "taliban", "oppose");
    assert_eq!(harness.state().selected_relation(), Some(r));
}

#[test]
fn clicking_an_actor_shows_its_details_and_a_relation_there_selects_the_edge() {
    let mut harness = seed_window();
    harness
        .get_by_role_and_label(Role::Button, "Pakistan")
        .click();
    harness.run_steps(3);
    let pakistan = harness.state().actors.index["pakistan"];
    assert_eq!(harness.state().selection, Selection::Actor(pakistan));
    harness.get_by_label("Kind: country");
    let aliases = harness.get_by_label_contains("Also called:");
    assert!(format!("{aliases:?}").contains("Islamabad"));
    // The row "→ India   1 sentence" under "accuse" in the details panel.
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("→ India")))
        .click();
    harness.run_steps(3);
    let r = relation_index(harness.state(), "pakistan", "india", "accuse");
    assert_eq!(harness.state().selected_relation(), Some(r));

    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selection, Selection::None);
}

#[test]
fn toggling_a_stance_hides_its_edges() {
    let mut harness = seed_window();
    harness.get_by_role_and_label(Role::Button, "Taliban → ISIS-K: attack");
    harness
        .get_by_role_and_label(Role::CheckBox, "attack")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Taliban → ISIS-K: attack")
            .is_none()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Pakistan → Taliban: attack")
            .is_none()
    );
    harness.get_by_role_and_label(Role::Button, "Russia → Taliban: support");
    let app = harness.state();
    for (r, relation) in app.map.relations.iter().enumerate() {
        assert_eq!(
            app.visibility.relations[r],
            relation.stance.as_str() != "attack"
        );
    }
    harness
        .get_by_role_and_label(Role::CheckBox, "attack")
        .click();
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::Button, "Taliban → ISIS-K: attack");
}

#[test]
fn media_unconnected_and_weak_relations_can_be_hidden() {
    let mut harness = seed_window();
    harness.get_by_role_and_label(Role::Button, "India Today");
    harness
        .get_by_role_and_label(Role::CheckBox, "hide media")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "India Today")
            .is_none()
    );

    // Relations stated by fewer than 3 sentences go, and with "hide
    // unconnected" so do the actors left without any.
    harness.state_mut().filters.min_evidence = 3;
    harness.state_mut().refresh();
    harness
        .get_by_role_and_label(Role::CheckBox, "hide unconnected")
        .click();
    harness.run_steps(3);
    let app = harness.state();
    for (r, relation) in app.map.relations.iter().enumerate() {
        assert_eq!(app.visibility.relations[r], relation.evidence.len() >= 3);
    }
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "ISIS-K")
            .is_none()
    );
    harness.get_by_role_and_label(Role::Button, "Russia → Taliban: support");
}

#[test]
fn focus_shows_only_the_selected_actor_and_its_neighbours() {
    let mut harness = seed_window();
    harness
        .get_by_role_and_label(Role::Button, "Pakistan")
        .click();
    harness.run_steps(3);
    harness
        .get_all_by_label("◎ Focus")
        .next()
        .expect("a focus toggle")
        .click();
    harness.run_steps(3);
    for name in ["Pakistan", "Taliban", "Russia", "India"] {
        harness.get_by_role_and_label(Role::Button, name);
    }
    for name in ["ISIS-K", "TTP", "India Today"] {
        assert!(
            harness
                .query_by_role_and_label(Role::Button, name)
                .is_none(),
            "{name} is shown"
        );
    }
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(harness: &mut Harness<'_, StancemapApp>, paths: &[PathBuf]) {
    for path in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(Dropped(path.clone())));
    }
    wait_for_loading(harness);
}

#[test]
fn a_file_that_cannot_be_loaded_shows_an_error_and_keeps_the_map() {
    let mut harness = seed_window();
    let before = harness.state().map.clone();
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/image.png");
    drop_files(&mut harness, &[bad]);
    assert_eq!(harness.state().map, before);
    let errors: Vec<String> = harness
        .state()
        .messages()
        .filter(|m| m.level == Level::Error)
        .map(|m| m.text.clone())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("image.png"), "{errors:?}");
    assert!(errors[0].ends_with("The map is unchanged."), "{errors:?}");
    harness.get_by_label_contains("image.png");
    for name in SIX {
        harness.get_by_role_and_label(Role::Button, name);
    }
}

#[test]
fn every_bad_fixture_is_refused_without_a_panic() {
    let mut harness = seed_window();
    let before = harness.state().map.clone();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            // Some "bad" fixtures are odd but readable (a legacy encoding):
            // only the ones the loader refuses belong here.
            stancemap::load::load_path(p, LoadOptions::default()).is_err()
        })
        .collect();
    files.sort();
    assert!(files.len() > 5);
    drop_files(&mut harness, &files);
    assert_eq!(harness.state().map, before);
    let errors = harness
        .state()
        .messages()
        .filter(|m| m.level == Level::Error)
        .count();
    assert!(errors >= 5, "{errors} errors shown");
}

#[test]
fn search_finds_an_actor_by_alias_and_selects_it() {
    let mut harness = seed_window();
    let search = harness.get_by_role(Role::TextInput);
    search.focus();
    harness.run_steps(1);
    harness.get_by_role(Role::TextInput).type_text("Islamabad");
    harness.run_steps(2);
    // The list of matches says why Pakistan matched.
    harness.get_by_label_contains("(Islamabad)");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let pakistan = harness.state().actors.index["pakistan"];
    assert_eq!(harness.state().selection, Selection::Actor(pakistan));
    harness.get_by_label("Kind: country");
}

const OTHER_ARTICLE: &str = "Iran and Israel trade threats\n\n\
Iran condemned Israel on Monday after the strike. \
Israel accused Iran of arming militias in the region. \
Russia criticised Israel over the strike.\n";

fn other_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.txt");
    std::fs::write(&path, OTHER_ARTICLE).unwrap();
    (dir, path)
}

#[test]
fn dropped_articles_merge_into_the_map_and_can_be_hidden_again() {
    let mut harness = seed_window();
    let seed_relations = harness.state().map.relations.len();
    let (_dir, other) = other_article();
    drop_files(&mut harness, &[other]);
    let app = harness.state();
    assert_eq!(
        app.map.articles.len(),
        2,
        "{:?}",
        app.messages().collect::<Vec<_>>()
    );
    assert!(app.map.relations.len() > seed_relations);
    assert!(app.map.entity("iran").is_some());
    let second = app.map.articles[1].id.clone();
    for name in SIX.iter().chain(&["Iran", "Israel"]) {
        harness.get_by_role_and_label(Role::Button, name);
    }

    // Untick the second article in the article list: its contribution goes.
    let title = harness.state().map.articles[1].title.clone();
    let row_checkbox = harness
        .get_all_by_role(Role::CheckBox)
        .find(|c| {
            let r = c.rect();
            let t = harness.get_by_label(&title).rect();
            (r.center().y - t.center().y).abs() < 8.0
        })
        .expect("a checkbox next to the article title");
    row_checkbox.click();
    harness.run_steps(3);
    assert!(harness.state().filters.hidden_articles.contains(&second));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Iran")
            .is_none()
    );
    harness.get_by_role_and_label(Role::Button, "Russia");
}

/// Ctrl+V with no text field focused adds the clipboard's text as an
/// article titled by its first line (egui delivers it as a paste event).
#[test]
fn pasted_text_becomes_an_article() {
    let mut harness = seed_window();
    harness
        .input_mut()
        .events
        .push(egui::Event::Paste(OTHER_ARTICLE.to_string()));
    wait_for_loading(&mut harness);
    let app = harness.state();
    assert_eq!(app.map.articles.len(), 2);
    let title = OTHER_ARTICLE.lines().next().unwrap();
    assert_eq!(app.map.articles[1].title, title);
    assert!(app.map.entity("iran").is_some());
    let said = app.messages().any(|m| {
        m.text
            .starts_with(&format!("Added \u{201C}{title}\u{201D}"))
    });
    assert!(said, "{:?}", app.messages().collect::<Vec<_>>());
}

#[test]
fn files_named_at_start_merge_into_one_map() {
    let (_dir, other) = other_article();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/article.txt");
    let mut app = StancemapApp::with_map(Default::default(), LoadOptions::default(), 0.5);
    app.open_files(vec![seed, other]);
    let mut harness = window(app);
    wait_for_loading(&mut harness);
    let app = harness.state();
    assert_eq!(app.map.articles.len(), 2);
    assert_eq!(app.sources.len(), 2);
    assert!(app.window_title().starts_with("2 articles"));
    for name in SIX.iter().chain(&["Iran", "Israel"]) {
        harness.get_by_role_and_label(Role::Button, name);
    }
}

#[test]
fn a_saved_map_opens_as_it_was_saved_whatever_the_confidence_threshold() {
    let mut saved = stancemap::pipeline::seed_map();
    for relation in &mut saved.relations {
        for evidence in &mut relation.evidence {
            evidence.confidence = 0.1;
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.json");
    std::fs::write(&path, saved.to_json()).unwrap();
    // A threshold that would drop every one of these relations from an article.
    let mut app = StancemapApp::with_map(Default::default(), LoadOptions::default(), 0.9);
    app.open_files(vec![path]);
    let mut harness = window(app);
    wait_for_loading(&mut harness);
    assert_eq!(harness.state().map.relations.len(), saved.relations.len());
}

#[test]
fn dragging_an_actor_pins_it_where_it_is_dropped() {
    let mut harness = seed_window();
    let node = harness.get_by_role_and_label(Role::Button, "India");
    let from = node.rect().center();
    let to = from + egui::vec2(-60.0, 80.0);
    harness.drag_at(from);
    harness.run_steps(1);
    for k in 1..=6 {
        harness.hover_at(from + (to - from) * (k as f32 / 6.0));
        harness.run_steps(1);
    }
    harness.drop_at(to);
    harness.run_steps(20);
    let india = harness.state().actors.index["india"];
    let sim = stancemap::app::layout::lock(&harness.state().sim);
    assert!(sim.is_pinned(india));
    drop(sim);
    let moved = harness
        .get_by_role_and_label(Role::Button, "India")
        .rect()
        .center();
    assert!(
        (moved - to).length() < 3.0,
        "India is at {moved:?}, dropped at {to:?}"
    );
}

#[test]
fn the_wheel_zooms_and_f_fits_the_map_again() {
    let mut harness = seed_window();
    let at = |h: &Harness<'_, StancemapApp>, name: &str| {
        h.get_by_role_and_label(Role::Button, name).rect().center()
    };
    let (russia, india) = (at(&harness, "Russia"), at(&harness, "India"));
    harness.hover_at(russia);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(20);
    let zoomed = (at(&harness, "India") - at(&harness, "Russia")).length();
    let before = (india - russia).length();
    assert!(zoomed > before * 1.2, "zoomed in: {before} -> {zoomed}");

    harness.hover_at(egui::pos2(5.0, 5.0));
    harness.key_press(egui::Key::F);
    harness.run_steps(3);
    let fitted = (at(&harness, "India") - at(&harness, "Russia")).length();
    assert!(
        (fitted - before).abs() < 2.0,
        "fit again: {before} -> {fitted}"
    );
}

#[test]
fn a_smaller_window_fits_the_map_again() {
    let mut harness = seed_window();
    harness.set_size(egui::vec2(1000.0, 650.0));
    harness.run_steps(5);
    let map = harness.state().view.map_rect;
    assert!(map.width() > 350.0, "the side panels leave the map {map:?}");
    for name in SIX {
        let at = harness.get_by_role_and_label(Role::Button, name).rect();
        assert!(map.contains_rect(at), "{name} at {at:?} is outside {map:?}");
    }
}

#[test]
fn an_article_without_actors_opens_with_an_empty_map() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quiet.txt");
    std::fs::write(
        &path,
        "A quiet day\n\nNothing happened today. The weather was mild.\n",
    )
    .unwrap();
    let mut harness = seed_window();
    harness.state_mut().open_files(vec![path]);
    wait_for_loading(&mut harness);
    let app = harness.state();
    assert_eq!(app.map.articles.len(), 1);
    assert!(app.actors.is_empty());
    harness.get_by_label_contains("No actors were found");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Russia")
            .is_none()
    );
}

#[test]
fn f3_shows_and_hides_the_stats_overlay() {
    let mut harness = seed_window();
    assert!(
        harness
            .query_by(|n| n.value().is_some_and(|l| l.contains("fps")))
            .is_none()
    );
    harness.key_press(egui::Key::F3);
    harness.run_steps(3);
    let nodes = format!("nodes    {}", harness.state().visibility.node_count());
    harness.get_by(|n| {
        n.role() == Role::Label
            && n.value()
                .is_some_and(|l| l.contains("fps") && l.contains(&nodes))
    });
    harness.key_press(egui::Key::F3);
    harness.run_steps(3);
    assert!(
        harness
            .query_by(|n| n.value().is_some_and(|l| l.contains("fps")))
            .is_none()
    );
}

#[test]
fn a_date_range_hides_articles_published_outside_it() {
    let mut harness = seed_window();
    let dir = tempfile::tempdir().unwrap();
    let dated = dir.path().join("dated.txt");
    std::fs::write(
        &dated,
        format!("Iran and Israel trade threats\nMarch 12, 2024\n\n{OTHER_ARTICLE}"),
    )
    .unwrap();
    drop_files(&mut harness, &[dated]);
    let second = harness.state().map.articles[1].clone();
    assert_eq!(second.date.as_deref(), Some("2024-03-12"));
    harness.get_by_label("2024-03-12");

    // The two fields beside "Dates": from, then to.
    let row = harness.get_by_label("Dates").rect().center().y;
    let mut fields: Vec<_> = harness
        .get_all_by_role(Role::TextInput)
        .filter(|f| (f.rect().center().y - row).abs() < 8.0)
        .map(|f| f.rect().center())
        .collect();
    fields.sort_by(|a, b| a.x.total_cmp(&b.x));
    assert_eq!(fields.len(), 2, "a from and a to field");
    let from = fields[0];
    harness
        .get_all_by_role(Role::TextInput)
        .find(|f| f.rect().center() == from)
        .expect("the from field")
        .focus();
    harness.run_steps(1);
    harness
        .get_all_by_role(Role::TextInput)
        .find(|f| f.rect().center() == from)
        .expect("the from field")
        .type_text("2024-04");
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.filters.hidden_articles.contains(&second.id));
    assert!(
        !app.filters
            .hidden_articles
            .contains(&app.map.articles[0].id)
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Iran")
            .is_none()
    );
    harness.get_by_role_and_label(Role::Button, "Russia");

    // Without undated articles the seed goes too.
    harness
        .get_by_role_and_label(Role::CheckBox, "undated")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().filters.hidden_articles.len(), 2);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Russia")
            .is_none()
    );
}

/// A map of `n` actors in a ring, each related to the next three.
fn ring_map(n: usize) -> stancemap::model::RelationMap {
    let text: String = (0..n)
        .flat_map(|i| (1..=3).map(move |k| format!("a{i}\ta{}\n", (i + k) % n)))
        .collect();
    let list = stancemap::layout::EdgeList::parse(&text, stancemap::layout::Separator::Tab)
        .expect("an edge list");
    stancemap::export::edge_list_map(&list)
}

/// Press on the map at `from` and drag over four frames, still held;
/// where the pointer ends.
fn pan_held(harness: &mut Harness<'_, StancemapApp>, from: egui::Pos2) -> egui::Pos2 {
    harness.drag_at(from);
    harness.run_steps(1);
    for k in 1..=4 {
        harness.hover_at(from + egui::vec2(10.0 * k as f32, 6.0 * k as f32));
        harness.run_steps(1);
    }
    from + egui::vec2(40.0, 24.0)
}

#[test]
fn a_crowded_map_is_one_picture_moved_while_panned_and_drawn_again_when_still() {
    let app = StancemapApp::with_map(ring_map(800), LoadOptions::default(), 0.0);
    let mut harness = window(app);
    for _ in 0..200 {
        if !stancemap::app::layout::lock(&harness.state().sim).is_running() {
            break;
        }
        harness.run_steps(1);
    }
    harness.run_steps(2);
    let drawn = harness.state().far.draws();
    assert!(drawn > 0, "800 actors in view: the picture draws them");
    assert!(harness.state().view.crowd && harness.state().view.crowded);
    let map = harness.state().view.map_rect;

    // Still frames, the pointer moving over the map, reuse the picture.
    for k in 0..5 {
        harness.hover_at(map.center() + egui::vec2(7.0 * k as f32, 3.0));
        harness.run_steps(1);
    }
    assert_eq!(harness.state().far.draws(), drawn, "still: not drawn again");

    // Panning moves it; once the view is still it is drawn again, once.
    let at = pan_held(&mut harness, map.left_top() + egui::vec2(8.0, 8.0));
    assert_eq!(harness.state().far.draws(), drawn, "moved, not drawn");
    harness.drop_at(at);
    harness.run_steps(3);
    assert_eq!(
        harness.state().far.draws(),
        drawn + 1,
        "sharp again when still"
    );

    // A change to what it shows (a filter) draws it at once.
    let stance = harness.state().map.relations[0].stance;
    harness.state_mut().filters.toggle(stance);
    harness.state_mut().refresh();
    harness.run_steps(1);
    assert_eq!(harness.state().far.draws(), drawn + 2);
}

#[test]
fn a_large_map_hides_its_edges_while_panned_and_shows_them_when_still() {
    let app = StancemapApp::with_map(ring_map(800), LoadOptions::default(), 0.0);
    let mut harness = window(app);
    assert!(harness.state().visibility.relation_count() > 2000);
    assert!(!harness.state().view.edges_hidden);
    let map = harness.state().view.map_rect;
    let at = pan_held(&mut harness, map.left_top() + egui::vec2(8.0, 8.0));
    assert!(harness.state().view.edges_hidden, "hidden while panning");
    harness.drop_at(at);
    harness.run_steps(3);
    assert!(!harness.state().view.edges_hidden, "back once still");

    // The seed is small: its edges never hide.
    let mut seed = seed_window();
    let from = seed.state().view.map_rect.left_top() + egui::vec2(8.0, 8.0);
    seed.drag_at(from);
    seed.run_steps(1);
    seed.hover_at(from + egui::vec2(30.0, 20.0));
    seed.run_steps(1);
    assert!(!seed.state().view.edges_hidden);
    seed.drop_at(from + egui::vec2(30.0, 20.0));
}

/// The window's "Export report" and `stancemap export` draw the same
/// picture of the same map: one Request read it, and the window's filters
/// and the command line's show the same part of it.
#[test]
fn the_window_and_export_build_the_same_scene() {
    use stancemap::model::{Stance, merge_maps};
    use stancemap::pipeline::{Lexicon, Request};
    use stancemap::view::{Filters, Options, Scene};

    let seed = Request {
        lexicon: Lexicon::Bundled,
        ..Request::seed()
    };
    let one = seed.build(&|_, _| {}).unwrap().map;
    let mut other = one.clone();
    other.articles[0].title = "Another article".to_string();
    let merged = merge_maps([one.clone(), other]);
    let opts = Options::default();
    for map in [one, merged] {
        let mut app = StancemapApp::with_map(map.clone(), LoadOptions::default(), 0.0);
        // Unfiltered, then as a user filters: two stances off, media
        // hidden, focus on ISIS-K.
        let filtered = Filters {
            hide_media: true,
            focus: true,
            ..Filters::default()
        };
        for filters in [Filters::default(), filtered] {
            app.filters = filters.clone();
            app.filters.toggle(Stance::Neutral);
            app.filters.toggle(Stance::Cooperate);
            let isis = app.actors.index["isis-k"];
            app.select_actor(isis);
            app.refresh();
            let request = Request {
                filters: app.filters.clone(),
                focus: Some("ISIS-K".to_string()),
                ..seed.clone()
            };
            let exported = request.filtered(map.clone()).unwrap();
            let positions = app.positions();
            assert_eq!(
                Scene::build(&app.visible_map(), &positions, &opts),
                Scene::build(&exported, &positions, &opts),
                "{} articles, {:?}",
                map.articles.len(),
                app.filters
            );
        }
    }
}
