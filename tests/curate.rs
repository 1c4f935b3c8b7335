//! Curation: edits with undo and redo, save and reopen with positions and
//! the edit log, crash-safe saves, the user lexicon, re-extraction with the
//! edits kept.

use stancemap::curate::{
    self, Document, Edit, EditError, History, Positions, RelationRef, lessons, reextract,
};
use stancemap::extract::lexicon::user::{UserEntry, UserLexicon};
use stancemap::extract::{Lexicons, extract_with};
use stancemap::load::{Input, LoadOptions, load_bytes};
use stancemap::model::{Article, RelationMap, Stance};
use stancemap::pipeline::seed_map;
use std::path::Path;
use std::process::Command;

fn relation(map: &RelationMap, source: &str, stance: Stance, target: &str) -> RelationRef {
    let r = map
        .relations
        .iter()
        .find(|r| r.source == source && r.target == target && r.stance == stance)
        .unwrap_or_else(|| panic!("no {source} {stance} {target}"));
    RelationRef::of(r)
}

/// Every (article, sentence, cue) of the map's evidence.
fn evidence(map: &RelationMap) -> Vec<(String, usize, String)> {
    let mut all: Vec<_> = map
        .relations
        .iter()
        .flat_map(|r| &r.evidence)
        .map(|e| (e.article.clone(), e.sentence, e.cue.clone()))
        .collect();
    all.sort();
    all.dedup();
    all
}

fn positions_of(map: &RelationMap) -> Positions {
    map.entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), [i as f32 * 1.5, -(i as f32) / 3.0]))
        .collect()
}

#[test]
fn merging_two_actors_then_undo_restores_both_with_edges_and_evidence() {
    let original = seed_map();
    let mut map = original.clone();
    let mut history = History::new();
    history
        .apply(
            &mut map,
            Edit::MergeActors {
                from: "ttp".into(),
                into: "pakistan".into(),
            },
        )
        .unwrap();
    assert!(map.entity("ttp").is_none());
    let pakistan = map.entity("pakistan").unwrap();
    assert!(pakistan.aliases.contains(&"TTP".to_string()));
    assert!(
        pakistan
            .aliases
            .contains(&"Tehreek-e-Taliban Pakistan".to_string())
    );
    // The Taliban's support of the TTP (alleged by Pakistan) is re-pointed.
    assert!(
        map.relations.iter().any(|r| r.source == "taliban"
            && r.target == "pakistan"
            && r.stance == Stance::Support)
    );
    assert!(
        map.relations
            .iter()
            .all(|r| r.source != "ttp" && r.target != "ttp")
    );
    assert_eq!(
        evidence(&map),
        evidence(&original),
        "evidence is moved, not lost"
    );
    assert!(history.is_dirty());
    assert_eq!(
        history.last_lessons()[0].to_line(),
        "alias\tTTP\tpakistan\tPakistan\tcountry\n"
    );

    let undone = history.undo(&mut map).cloned();
    assert!(matches!(undone, Some(Edit::MergeActors { .. })));
    assert_eq!(
        map, original,
        "undo gives back both actors, edges and evidence"
    );
    assert!(!history.is_dirty());

    history.redo(&mut map).unwrap();
    assert!(map.entity("ttp").is_none());
    history.undo(&mut map);
    assert_eq!(map, original);
}

#[test]
fn every_edit_undoes_exactly_and_redoes_the_same() {
    let original = seed_map();
    let support = relation(&original, "russia", Stance::Support, "taliban");
    let accuse = relation(&original, "pakistan", Stance::Accuse, "taliban");
    let edits = [
        Edit::RenameActor {
            actor: "russia".into(),
            name: "Russian Federation".into(),
        },
        Edit::MergeActors {
            from: "isis-k".into(),
            into: "taliban".into(),
        },
        Edit::SplitAlias {
            actor: "russia".into(),
            alias: "Putin".into(),
            new_id: curate::fresh_id(&original, "Putin"),
        },
        Edit::SetStance {
            relation: support.clone(),
            stance: Stance::Cooperate,
        },
        // Onto a stance that already exists: the two relations are pooled.
        Edit::SetStance {
            relation: accuse.clone(),
            stance: Stance::Attack,
        },
        Edit::Reverse {
            relation: support.clone(),
        },
        Edit::SetAllegedBy {
            relation: support.clone(),
            alleged_by: Some("india".into()),
        },
        Edit::SetAllegedBy {
            relation: relation(&original, "taliban", Stance::Support, "ttp"),
            alleged_by: None,
        },
        Edit::DeleteRelation {
            relation: accuse.clone(),
        },
        Edit::DeleteActor {
            actor: "pakistan".into(),
        },
        Edit::AddRelation {
            source: "india".into(),
            target: "russia".into(),
            stance: Stance::Neutral,
            article: original.articles[0].id.clone(),
            sentence: 2,
            cue: "noted".into(),
        },
    ];
    for edit in edits {
        let mut map = original.clone();
        let mut history = History::new();
        history.apply(&mut map, edit.clone()).unwrap();
        assert_ne!(map, original, "{edit} changed nothing");
        let applied = map.clone();
        for (article, sentence, cue) in evidence(&original) {
            let kept = evidence(&map).contains(&(article.clone(), sentence, cue.clone()));
            let deleting = matches!(edit, Edit::DeleteRelation { .. } | Edit::DeleteActor { .. });
            assert!(kept || deleting, "{edit} lost {article}:{sentence} {cue}");
        }
        history.undo(&mut map);
        assert_eq!(map, original, "undo of {edit}");
        history.redo(&mut map).unwrap();
        assert_eq!(map, applied, "redo of {edit}");
    }
}

#[test]
fn edits_that_do_not_fit_are_errors_and_change_nothing() {
    let original = seed_map();
    let mut map = original.clone();
    let mut history = History::new();
    let gone = Edit::DeleteActor {
        actor: "atlantis".into(),
    };
    assert_eq!(
        history.apply(&mut map, gone),
        Err(EditError::NoActor("atlantis".into()))
    );
    let itself = Edit::MergeActors {
        from: "india".into(),
        into: "india".into(),
    };
    assert!(history.apply(&mut map, itself).is_err());
    let no_sentence = Edit::AddRelation {
        source: "india".into(),
        target: "russia".into(),
        stance: Stance::Oppose,
        article: "a1".into(),
        sentence: 10_000,
        cue: String::new(),
    };
    assert!(history.apply(&mut map, no_sentence).is_err());
    assert_eq!(map, original);
    assert!(!history.can_undo());
    assert!(!history.is_dirty());
}

#[test]
fn a_changed_stance_and_the_positions_survive_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.stancemap.json");
    let mut map = seed_map();
    let positions = positions_of(&map);
    let mut history = History::new();
    let oppose = relation(&map, "russia", Stance::Oppose, "pakistan");
    history
        .apply(
            &mut map,
            Edit::SetStance {
                relation: oppose,
                stance: Stance::Accuse,
            },
        )
        .unwrap();
    curate::save(&path, &map, &positions, &history.log()).unwrap();
    history.mark_saved();
    assert!(!history.is_dirty());

    let doc = Document::open(&path, LoadOptions::default()).unwrap();
    let mut expected = map.clone();
    expected.normalise();
    assert_eq!(doc.map, expected);
    assert!(
        doc.map
            .relations
            .iter()
            .any(|r| r.source == "russia" && r.target == "pakistan" && r.stance == Stance::Accuse)
    );
    assert_eq!(doc.positions, positions);
    assert_eq!(doc.edits, history.log());
    let json = std::fs::read_to_string(&path).unwrap();
    assert!(json.contains("\"op\": \"set_stance\""), "a readable log");

    // The log goes on from where it was.
    let mut reopened = doc.map.clone();
    let mut history = History::with_log(doc.edits.clone());
    assert!(!history.is_dirty() && !history.can_undo());
    history
        .apply(
            &mut reopened,
            Edit::RenameActor {
                actor: "india".into(),
                name: "Republic of India".into(),
            },
        )
        .unwrap();
    assert_eq!(history.log().len(), 2);
}

#[test]
fn maps_without_positions_or_edits_still_open() {
    let map = seed_map();
    let doc = Document::from_json(&map.to_json()).unwrap();
    assert!(doc.positions.is_empty() && doc.edits.is_empty());
    let mut expected = map;
    expected.normalise();
    assert_eq!(doc.map, expected);
    assert!(Document::from_json("{\"schema\": \"stancemap/1\", \"edits\": 3}").is_err());
    let again = Document::from_json(&Document::new(doc.map.clone()).to_json()).unwrap();
    assert_eq!(again, doc);
}

#[test]
fn autosave_writes_a_recovery_file_that_names_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("state/recovery.json");
    assert_eq!(
        curate::load_recovery(&recovery, LoadOptions::default()),
        Ok(None)
    );
    let map = seed_map();
    let positions = positions_of(&map);
    let edits = vec![Edit::RenameActor {
        actor: "india".into(),
        name: "Bharat".into(),
    }];
    let file = dir.path().join("mine.json");
    curate::autosave(&recovery, Some(&file), &map, &positions, &edits).unwrap();
    let found = curate::load_recovery(&recovery, LoadOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(found.file.as_deref(), Some(file.as_path()));
    assert_eq!(found.document.positions, positions);
    assert_eq!(found.document.edits, edits);
    curate::clear_recovery(&recovery).unwrap();
    assert_eq!(
        curate::load_recovery(&recovery, LoadOptions::default()),
        Ok(None)
    );
    curate::clear_recovery(&recovery).unwrap();
}

const CHILD_TARGET: &str = "STANCEMAP_TEST_SAVE_TARGET";

/// In the parent: run this same test in a child process told to abort
/// between writing the temporary file and renaming it over the map. In
/// the child: save, which aborts.
#[test]
fn a_save_killed_midway_leaves_the_previous_file_intact() {
    if let Some(target) = std::env::var_os(CHILD_TARGET) {
        let mut map = seed_map();
        map.entities.clear();
        map.relations.clear();
        curate::save(Path::new(&target), &map, &Positions::new(), &[]).unwrap();
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    let map = seed_map();
    curate::save(&path, &map, &positions_of(&map), &[]).unwrap();
    let before = std::fs::read(&path).unwrap();

    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "a_save_killed_midway_leaves_the_previous_file_intact",
            "--exact",
            "--test-threads=1",
        ])
        .env(CHILD_TARGET, &path)
        .env(stancemap::atomic_write::FAULT_VAR, "abort-before-rename")
        .output()
        .unwrap()
        .status;
    assert!(!status.success(), "the child was to abort mid-save");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // It did get that far: its complete temporary file is left behind.
    let temporaries: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &path)
        .collect();
    assert_eq!(temporaries.len(), 1, "{temporaries:?}");
    let half = Document::open(&temporaries[0], LoadOptions::default()).unwrap();
    assert!(half.map.entities.is_empty());
    std::fs::remove_file(&temporaries[0]).unwrap();
    assert_eq!(
        Document::open(&path, LoadOptions::default())
            .unwrap()
            .positions,
        positions_of(&map)
    );

    // The command line's writes go through the same path.
    let status = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("extract")
        .arg("-o")
        .arg(&path)
        .env(stancemap::atomic_write::FAULT_VAR, "abort-before-rename")
        .status()
        .unwrap();
    assert!(!status.success());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A made-up article: "the Fjord Council" is no actor the bundled lexicon
/// knows, and "gave a nod to" is no cue it knows.
const FJORD: &str = "Fjord Council Condemns Sweden\n\n\
The Fjord Council condemned Sweden on Monday over the fishing dispute. \
Denmark gave a nod to Finland after the talks in Copenhagen. \
Sweden criticised Denmark.\n";

fn fjord_article() -> Article {
    match load_bytes("fjord.txt", None, FJORD.as_bytes(), None)
        .unwrap()
        .input
    {
        Input::Article(article) => article,
        Input::Map(_) => unreachable!("a text file is an article"),
    }
}

fn has(map: &RelationMap, source: &str, stance: Stance, target: &str) -> bool {
    map.relations
        .iter()
        .any(|r| r.source == source && r.target == target && r.stance == stance)
}

/// The lessons of two corrections an analyst makes in the window: the
/// Fjord Council merged into Norway, and "gave a nod to" read as support.
fn taught(dir: &Path) -> std::path::PathBuf {
    let article = fjord_article();
    let mut map = extract_with(Lexicons::bundled(), &article);
    // As if an earlier extractor had found the council as an actor.
    map.entities.push(stancemap::model::Entity {
        id: "fjord-council".into(),
        name: "Fjord Council".into(),
        kind: stancemap::model::EntityKind::Organisation,
        aliases: Vec::new(),
        mentions: Vec::new(),
    });
    map.entities.push(stancemap::model::Entity {
        id: "norway".into(),
        name: "Norway".into(),
        kind: stancemap::model::EntityKind::Country,
        aliases: Vec::new(),
        mentions: Vec::new(),
    });
    let merge = Edit::MergeActors {
        from: "fjord-council".into(),
        into: "norway".into(),
    };
    let nod = Edit::AddRelation {
        source: "denmark".into(),
        target: "finland".into(),
        stance: Stance::Support,
        article: article.id.clone(),
        sentence: 2,
        cue: "gave a nod to".into(),
    };
    let mut entries: Vec<UserEntry> = lessons(&map, &merge);
    entries.extend(lessons(&map, &nod));
    assert_eq!(entries.len(), 2, "{entries:?}");
    let path = dir.join("config/lexicon.tsv");
    UserLexicon::append(&path, &entries).unwrap();
    path
}

#[test]
fn a_taught_alias_and_cue_change_the_next_extraction() {
    let article = fjord_article();
    let before = extract_with(Lexicons::bundled(), &article);
    assert!(before.entity("norway").is_none());
    assert!(!has(&before, "denmark", Stance::Support, "finland"));

    let dir = tempfile::tempdir().unwrap();
    let path = taught(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("alias\tFjord Council\tnorway\tNorway\tcountry\n"),
        "{text}"
    );
    assert!(text.contains("cue\tgave a nod to\tsupport\n"), "{text}");

    let lex = curate::user_lexicons(Some(&path), LoadOptions::default())
        .unwrap()
        .unwrap();
    let after = extract_with(&lex, &article);
    assert!(
        has(&after, "norway", Stance::Oppose, "sweden"),
        "{after:#?}"
    );
    assert!(has(&after, "denmark", Stance::Support, "finland"));
    let norway = after.entity("norway").unwrap();
    assert!(norway.aliases.iter().any(|a| a.contains("Fjord Council")));

    // The command line: --lexicon FILE, or the user's own file by default.
    let article_path = dir.path().join("fjord.txt");
    std::fs::write(&article_path, FJORD).unwrap();
    let run = |args: &[&str], config: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_stancemap"))
            .arg("extract")
            .args(args)
            .arg(&article_path)
            .env(curate::paths::DIR_VAR, config)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let empty = dir.path().join("empty-config");
    let explicit = run(&["--lexicon", path.to_str().unwrap()], &empty);
    assert!(explicit.contains("\"id\": \"norway\""));
    let by_default = run(&[], &dir.path().join("config"));
    assert_eq!(by_default, explicit);
    assert!(!run(&[], &empty).contains("\"id\": \"norway\""));
}

#[test]
fn a_broken_user_lexicon_is_one_line_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lexicon.tsv");
    std::fs::write(&path, "# mine\nalias\tKabul regime\tnowhere-land\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["extract", "--lexicon"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("{}:2: unknown actor id", path.display())),
        "{stderr}"
    );
}

#[test]
fn re_extraction_reapplies_the_edits_and_lists_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let taught_lex = curate::user_lexicons(Some(&taught(dir.path())), LoadOptions::default())
        .unwrap()
        .unwrap();
    let article = fjord_article();
    // Saved: read with the taught lexicon, then corrected.
    let mut saved = extract_with(&taught_lex, &article);
    let mut history = History::new();
    let condemned = relation(&saved, "norway", Stance::Oppose, "sweden");
    for edit in [
        Edit::SetStance {
            relation: condemned,
            stance: Stance::Accuse,
        },
        Edit::RenameActor {
            actor: "finland".into(),
            name: "Republic of Finland".into(),
        },
        Edit::AddRelation {
            source: "sweden".into(),
            target: "finland".into(),
            stance: Stance::Neutral,
            article: article.id.clone(),
            sentence: 2,
            cue: String::new(),
        },
    ] {
        history.apply(&mut saved, edit).unwrap();
    }
    let log = history.log();

    // With the same lexicon every edit applies again.
    let again = reextract(&saved, &log, &taught_lex, 0.0);
    assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
    assert_eq!(again.applied, log);
    assert!(has(&again.map, "norway", Stance::Accuse, "sweden"));

    // Without it the council is no actor: that edit is a conflict, listed;
    // the others still apply.
    let bundled = reextract(&saved, &log, Lexicons::bundled(), 0.0);
    assert_eq!(bundled.conflicts.len(), 1, "{:?}", bundled.conflicts);
    assert_eq!(bundled.conflicts[0].edit, log[0]);
    assert!(matches!(
        bundled.conflicts[0].reason,
        EditError::NoRelation(_)
    ));
    assert_eq!(bundled.applied, log[1..]);
    assert_eq!(
        bundled.map.entity("finland").unwrap().name,
        "Republic of Finland"
    );
    assert!(has(&bundled.map, "sweden", Stance::Neutral, "finland"));
}

#[test]
fn a_run_of_edits_undoes_back_to_the_extraction_and_redoes_to_the_end() {
    let original = seed_map();
    let mut map = original.clone();
    let mut history = History::new();
    let support = relation(&original, "russia", Stance::Support, "taliban");
    let mut reversed = support.clone();
    std::mem::swap(&mut reversed.source, &mut reversed.target);
    let run = [
        Edit::MergeActors {
            from: "isis-k".into(),
            into: "ttp".into(),
        },
        Edit::Reverse { relation: support },
        Edit::SetStance {
            relation: reversed,
            stance: Stance::Cooperate,
        },
        Edit::SplitAlias {
            actor: "taliban".into(),
            alias: "Kabul".into(),
            new_id: "kabul".into(),
        },
        Edit::DeleteActor {
            actor: "india-today".into(),
        },
        Edit::RenameActor {
            actor: "ttp".into(),
            name: "Pakistani Taliban".into(),
        },
    ];
    let mut states = vec![map.clone()];
    for edit in run.iter().cloned() {
        history.apply(&mut map, edit).unwrap();
        states.push(map.clone());
    }
    assert_eq!(history.log(), run);
    while let Some(state) = states.pop() {
        assert_eq!(map, state);
        history.undo(&mut map);
    }
    assert_eq!(map, original);
    assert!(!history.can_undo() && history.can_redo());
    while history.redo(&mut map).unwrap().is_some() {}
    assert_eq!(history.log(), run);
    assert_eq!(evidence(&map).len(), evidence(&original).len());
}
