//! Edits in the window: every correction goes through the library's
//! [`History`] (stancemap::curate), then the view is rebuilt around the
//! changed map with every actor kept where it was on screen. This file
//! holds the window's curation state and the operations the panels call;
//! the widgets are in edit_ui.rs, files in saving.rs.

use super::curation::Draft;
use super::state::{Selection, StancemapApp};
use crate::curate::{self, Edit, History, Positions, RelationRef};
use crate::model::Stance;
use std::path::PathBuf;

/// What to select once an edit is made: by identity, as indices change.
enum Target {
    Nothing,
    Actor(String),
    Relation(RelationRef, Option<(String, usize)>),
}

impl StancemapApp {
    /// The seed article's map as the window opens on it: read with the
    /// user's lexicon when there is one.
    pub fn seed_taught(options: crate::load::LoadOptions, min_confidence: f32) -> Self {
        let request = crate::pipeline::Request {
            load: options,
            min_confidence,
            ..crate::pipeline::Request::default()
        };
        match request.reader() {
            Ok(reader) if reader.is_taught() => {
                Self::with_map(reader.seed(), options, min_confidence)
            }
            Ok(_) => Self::seed(options, min_confidence),
            Err(e) => {
                let mut app = Self::seed(options, min_confidence);
                app.messages
                    .warning(format!("Your lexicon was not used: {e}"));
                app
            }
        }
    }

    /// Whether the map has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.curation.is_dirty()
    }

    /// Apply one edit to the map (undoable); a failure is shown, never
    /// applied halfway. Returns whether it was applied.
    pub fn apply_edit(&mut self, edit: Edit) -> bool {
        if !self.may_edit() {
            return false;
        }
        self.remember_names();
        let target = target_of(&edit);
        if let Edit::SplitAlias { actor, new_id, .. } = &edit {
            self.place_near(new_id, actor);
        }
        let label = self.describe(&edit);
        match self.curation.history.apply(&mut self.map, edit) {
            Ok(()) => {
                self.curation.offer = self.curation.history.last_lessons().to_vec();
                self.rebuild(target);
                self.messages
                    .info(format!("Done: {label} (Ctrl+Z undoes it)"));
                true
            }
            Err(e) => {
                self.messages.error(format!("Cannot {label}: {e}"));
                false
            }
        }
    }

    pub fn undo(&mut self) {
        if !self.may_edit() {
            return;
        }
        self.remember_names();
        let before = self.selection_target();
        match self.curation.history.undo(&mut self.map).cloned() {
            Some(edit) => {
                let label = format!("Undone: {}", self.describe(&edit));
                self.curation.offer.clear();
                self.rebuild(before);
                self.messages.info(label);
            }
            None => self.messages.info("Nothing to undo"),
        }
    }

    pub fn redo(&mut self) {
        if !self.may_edit() {
            return;
        }
        self.remember_names();
        match self
            .curation
            .history
            .redo(&mut self.map)
            .map(|e| e.cloned())
        {
            Ok(Some(edit)) => {
                let (label, target) = (
                    format!("Redone: {}", self.describe(&edit)),
                    target_of(&edit),
                );
                self.rebuild(target);
                self.messages.info(label);
            }
            Ok(None) => self.messages.info("Nothing to redo"),
            Err(e) => self.messages.error(format!("Cannot redo: {e}")),
        }
    }

    /// Edits wait while articles load: the load merges into the map as it
    /// was when it started.
    fn may_edit(&mut self) -> bool {
        if self.loader.is_busy() {
            self.messages
                .warning("Wait until the articles have loaded, then edit the map");
            return false;
        }
        true
    }

    /// Read the articles again (with the user lexicon, if any) and apply
    /// the edit log to the fresh map; edits that no longer fit are listed.
    pub fn reextract(&mut self) {
        if !self.may_edit() {
            return;
        }
        let user = match curate::user_lexicons(None, self.loader.load_options()) {
            Ok(user) => user,
            Err(e) => {
                self.messages.error(format!(
                    "Your lexicon has an error, nothing was re-extracted: {e}"
                ));
                return;
            }
        };
        let lex = user
            .as_ref()
            .unwrap_or_else(|| crate::extract::Lexicons::bundled());
        let log = self.curation.history.log();
        let again = curate::reextract(&self.map, &log, lex, self.curation.min_confidence);
        let n = again.applied.len();
        self.map = again.map;
        self.curation.history = History::with_log(again.applied);
        self.curation.changed = true;
        self.curation.offer.clear();
        self.curation.conflicts = again.conflicts;
        let target = self.selection_target();
        self.rebuild(target);
        let lexicon = if user.is_some() {
            "the bundled and your own lexicon"
        } else {
            "the bundled lexicon"
        };
        match self.curation.conflicts.len() {
            0 => self.messages.info(format!(
                "Re-extracted with {lexicon}; all {n} of your edits applied again"
            )),
            k => self.messages.warning(format!(
                "Re-extracted with {lexicon}; {n} edits applied again, {k} no longer fit (listed)"
            )),
        }
    }

    /// Keep what the last edit teaches in the user lexicon.
    pub fn keep_lessons(&mut self) {
        let entries = std::mem::take(&mut self.curation.offer);
        let Some(path) = curate::paths::user_lexicon_path() else {
            self.messages
                .error("No config folder (no home folder?): the lesson was not kept");
            return;
        };
        match curate::UserLexicon::append(&path, &entries) {
            Ok(()) => self.messages.info(format!(
                "Kept in {}: the next extraction uses it",
                path.display()
            )),
            Err(e) => self.messages.error(format!("Could not keep it: {e}")),
        }
    }

    /// Make `map` the document with this history, at `positions` (a map
    /// just opened, recovered or re-read).
    pub(super) fn take_map(
        &mut self,
        map: crate::model::RelationMap,
        positions: &Positions,
        history: History,
        file: Option<PathBuf>,
    ) {
        let sources = file.iter().cloned().collect();
        self.curation.start(history, file);
        self.set_map(map, positions, sources);
    }

    /// Rebuild the view after the map changed in place: actors stay where
    /// they were, the article and the zoom stay, `target` is selected.
    fn rebuild(&mut self, target: Target) {
        let now = self.positions();
        self.curation.remembered.extend(now);
        let positions = self.curation.remembered.clone();
        let reading = self.reading.clone();
        let (fit, follow) = (self.view.fit, self.view.follow_layout);
        let sources = std::mem::take(&mut self.sources);
        let map = std::mem::take(&mut self.map);
        self.curation.pair = None;
        self.set_map(map, &positions, sources);
        self.view.fit = fit;
        self.view.follow_layout = follow;
        if let Some(id) = reading.filter(|id| self.map.article(id).is_some()) {
            self.reading = Some(id);
        }
        if let Some(draft) = &self.curation.draft
            && self.map.article(&draft.article).is_none()
        {
            self.curation.draft = None;
        }
        self.select_target(target);
    }

    fn remember_names(&mut self) {
        for e in &self.map.entities {
            self.curation
                .names
                .entry(e.id.clone())
                .or_insert_with(|| e.name.clone());
        }
    }

    /// An edit as people read it: actor names, not ids ("merge ISIS-K into
    /// Taliban"), for menus and messages.
    pub fn describe(&self, edit: &Edit) -> String {
        let name = |id: &str| -> String {
            self.curation
                .names
                .get(id)
                .cloned()
                .or_else(|| self.map.entity(id).map(|e| e.name.clone()))
                .unwrap_or_else(|| id.to_string())
        };
        let relation =
            |r: &RelationRef| format!("{} → {} ({})", name(&r.source), name(&r.target), r.stance);
        match edit {
            Edit::RenameActor { actor, name: new } => {
                format!("rename {} to “{new}”", name(actor))
            }
            Edit::MergeActors { from, into } => format!("merge {} into {}", name(from), name(into)),
            Edit::SplitAlias { actor, alias, .. } => {
                format!("split “{alias}” off {}", name(actor))
            }
            Edit::SetStance {
                relation: r,
                stance,
            } => format!("set {} to {stance}", relation(r)),
            Edit::Reverse { relation: r } => format!("reverse {}", relation(r)),
            Edit::SetAllegedBy {
                relation: r,
                alleged_by: Some(by),
            } => format!("mark {} as alleged by {}", relation(r), name(by)),
            Edit::SetAllegedBy {
                relation: r,
                alleged_by: None,
            } => format!("mark {} as stated, not alleged", relation(r)),
            Edit::DeleteRelation { relation: r } => format!("delete {}", relation(r)),
            Edit::DeleteActor { actor } => format!("delete {}", name(actor)),
            Edit::AddRelation {
                source,
                target,
                stance,
                sentence,
                ..
            } => format!(
                "add {} → {} ({stance}) from sentence {}",
                name(source),
                name(target),
                sentence + 1
            ),
        }
    }

    /// A click on actor `actor` in the map: with Ctrl (Cmd) while another
    /// actor is selected, both are held for a merge and the selection
    /// stays; returns whether the click was taken that way.
    pub fn hold_for_merge(&mut self, actor: usize, command: bool) -> bool {
        self.curation.pair = None;
        let Selection::Actor(first) = self.selection else {
            return false;
        };
        let (Some(a), Some(b)) = (self.actors.ids.get(first), self.actors.ids.get(actor)) else {
            return false;
        };
        if !command || first == actor {
            return false;
        }
        self.curation.pair = Some((a.clone(), b.clone()));
        // Both ends drawn as selected until the next change.
        if let Some(node) = self
            .graph
            .node_mut(petgraph::stable_graph::NodeIndex::new(actor))
        {
            node.set_selected(true);
        }
        true
    }

    /// A new actor split off `from` starts next to it.
    fn place_near(&mut self, id: &str, from: &str) {
        let now = self.positions();
        if let Some(&[x, y]) = now.get(from) {
            self.curation
                .remembered
                .insert(id.to_string(), [x + 4.0, y + 3.0]);
        }
    }

    fn selection_target(&self) -> Target {
        match self.selection {
            Selection::None => Target::Nothing,
            Selection::Actor(i) => self
                .actors
                .ids
                .get(i)
                .map_or(Target::Nothing, |id| Target::Actor(id.clone())),
            Selection::Relation { relation, evidence } => {
                self.map
                    .relations
                    .get(relation)
                    .map_or(Target::Nothing, |r| {
                        let sentence = r
                            .evidence
                            .get(evidence)
                            .map(|e| (e.article.clone(), e.sentence));
                        Target::Relation(RelationRef::of(r), sentence)
                    })
            }
        }
    }

    fn select_target(&mut self, target: Target) {
        match target {
            Target::Nothing => {}
            Target::Actor(id) => {
                if let Some(&i) = self.actors.index.get(&id) {
                    self.selection = Selection::Actor(i);
                    self.refresh();
                }
            }
            Target::Relation(key, sentence) => {
                let Some(r) = self.map.relations.iter().position(|r| key.matches(r)) else {
                    return;
                };
                let evidence = sentence
                    .and_then(|(article, s)| {
                        self.map.relations[r]
                            .evidence
                            .iter()
                            .position(|e| e.article == article && e.sentence == s)
                    })
                    .unwrap_or(0);
                self.selection = Selection::Relation {
                    relation: r,
                    evidence,
                };
                self.refresh();
            }
        }
    }

    /// Start adding a relation from a sentence of the article being read.
    pub fn start_draft(&mut self) {
        let Some(article) = self.reading.clone() else {
            self.messages
                .warning("Open an article first: a relation is read from one of its sentences");
            return;
        };
        let (source, target) = match self.selection {
            Selection::Actor(i) => (self.actors.ids.get(i).cloned(), None),
            _ => (None, None),
        };
        self.curation.draft = Some(Draft {
            article,
            sentence: None,
            source,
            target,
            stance: Stance::Support,
            cue: String::new(),
        });
    }

    /// Add the drafted relation; the draft stays open when it fails.
    pub fn finish_draft(&mut self) {
        let Some(draft) = self.curation.draft.clone() else {
            return;
        };
        let (Some(sentence), Some(source), Some(target)) =
            (draft.sentence, draft.source, draft.target)
        else {
            self.messages
                .warning("Pick a sentence, a source and a target first");
            return;
        };
        let edit = Edit::AddRelation {
            source,
            target,
            stance: draft.stance,
            article: draft.article,
            sentence,
            cue: draft.cue.trim().to_string(),
        };
        if self.apply_edit(edit) {
            self.curation.draft = None;
        }
    }
}

/// What an edit is about, to select once it is made.
fn target_of(edit: &Edit) -> Target {
    let changed = |relation: &RelationRef, f: &dyn Fn(&mut RelationRef)| {
        let mut r = relation.clone();
        f(&mut r);
        Target::Relation(r, None)
    };
    match edit {
        Edit::RenameActor { actor, .. } => Target::Actor(actor.clone()),
        Edit::MergeActors { into, .. } => Target::Actor(into.clone()),
        Edit::SplitAlias { new_id, .. } => Target::Actor(new_id.clone()),
        Edit::SetStance { relation, stance } => changed(relation, &|r| r.stance = *stance),
        Edit::Reverse { relation } => {
            changed(relation, &|r| std::mem::swap(&mut r.source, &mut r.target))
        }
        Edit::SetAllegedBy {
            relation,
            alleged_by,
        } => changed(relation, &|r| r.alleged_by.clone_from(alleged_by)),
        Edit::DeleteRelation { .. } | Edit::DeleteActor { .. } => Target::Nothing,
        Edit::AddRelation {
            source,
            target,
            stance,
            article,
            sentence,
            ..
        } => Target::Relation(
            RelationRef {
                source: source.clone(),
                target: target.clone(),
                stance: *stance,
                alleged_by: None,
                negated: false,
            },
            Some((article.clone(), *sentence)),
        ),
    }
}
