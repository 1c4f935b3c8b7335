//! The one state of the window — the map, its layout, what is shown and
//! selected, pending work — and the operations on it. Panels read it and
//! call these operations; none keeps state of its own, so later features
//! (undo, saving) have a single place to hook in.

use super::curation::Curation;
use super::graph::{self, MapGraph};
use super::layout::{self, SharedSimulation, Simulation};
use super::loading::{Loader, Mode, Outcome};
use super::messages::Messages;
use super::settings::Settings;
use crate::layout as place;
use crate::load::LoadOptions;
use crate::model::{Evidence, Relation, RelationMap};
use crate::view::Actors;
use crate::view::filters::{self, Filters, Visibility};
use crate::view::search;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// What is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    None,
    /// An actor, by index in `Actors`.
    Actor(usize),
    /// A relation (index in `map.relations`) and which of its sentences is
    /// highlighted in the article.
    Relation { relation: usize, evidence: usize },
}

/// Requests to the map view, carried out on its next frame.
#[derive(Debug, Clone)]
pub struct ViewRequests {
    /// Fit every shown actor in view.
    pub fit: bool,
    /// Keep fitting while the layout moves, until the user takes over.
    pub follow_layout: bool,
    /// The view is as the last fit left it (no zoom or pan since): a
    /// resized map area is fitted again.
    pub fitted: bool,
    /// Centre this actor.
    pub center_on: Option<usize>,
    /// Scroll the article panel to the highlighted sentence.
    pub scroll_article: bool,
    /// Put the keyboard in the search box.
    pub focus_search: bool,
    /// Take a window snapshot of the map.
    pub snapshot: bool,
    /// When the pending snapshot was asked for (egui time, seconds): the
    /// picture may be of a later frame, so overlays stay hidden until it
    /// arrives (or a second has passed, should it never come).
    pub snapshot_since: Option<f64>,
    /// The map's area on screen last frame.
    pub map_rect: egui::Rect,
    /// The map with its legend: what a snapshot shows.
    pub snapshot_rect: egui::Rect,
    /// Zoom and pan at the last frame: whether the view is moving.
    pub last_view: Option<(f32, egui::Vec2)>,
    /// Edges are left out while the view moves (map_view.rs).
    pub edges_hidden: bool,
    /// So many relations are in view that all are hairlines (map_view.rs).
    pub crowded: bool,
    /// So many actors are in view that all are in one picture (map_view.rs).
    pub crowd: bool,
}

impl Default for ViewRequests {
    fn default() -> Self {
        Self {
            fit: false,
            follow_layout: false,
            fitted: false,
            center_on: None,
            scroll_article: false,
            focus_search: false,
            snapshot: false,
            snapshot_since: None,
            map_rect: egui::Rect::ZERO,
            snapshot_rect: egui::Rect::ZERO,
            last_view: None,
            edges_hidden: false,
            crowded: false,
            crowd: false,
        }
    }
}

impl ViewRequests {
    /// Toasts, tooltips and the drop overlay are left out while a
    /// snapshot is being taken.
    pub fn hides_overlays(&self, now: f64) -> bool {
        self.snapshot || self.snapshot_since.is_some_and(|t| now - t < 1.0)
    }
}

/// The date range fields as typed (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
#[derive(Debug, Clone, Default)]
pub struct DateBox {
    pub from: String,
    pub to: String,
}

/// The search box.
#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub text: String,
    pub open: bool,
}

pub struct StancemapApp {
    pub map: RelationMap,
    /// The files the map was built from, in order (empty for the seed).
    pub sources: Vec<PathBuf>,
    pub actors: Actors,
    pub graph: MapGraph,
    pub sim: SharedSimulation,
    pub filters: Filters,
    pub visibility: Visibility,
    pub selection: Selection,
    /// The article shown in the article panel (its id).
    pub reading: Option<String>,
    pub search: SearchBox,
    pub date_box: DateBox,
    pub view: ViewRequests,
    pub messages: Messages,
    pub loader: Loader,
    pub settings: Settings,
    /// The edge under the pointer (graph edge index).
    pub hovered_edge: Option<petgraph::stable_graph::EdgeIndex>,
    /// The window title last set.
    pub title: String,
    /// Fonts and text styles are in place.
    pub style_ready: bool,
    /// Edits, undo and saving (editing.rs, saving.rs).
    pub curation: Curation,
    /// The F3 overlay's figures.
    pub stats: super::stats::Stats,
    /// The picture of the map's dots and hairlines (far_view.rs).
    pub far: super::far_view::FarView,
}

impl StancemapApp {
    /// A window on `map`, laid out from scratch; files load with
    /// `options` and keep relations of at least `min_confidence`.
    pub fn with_map(map: RelationMap, options: LoadOptions, min_confidence: f32) -> Self {
        let positions = super::loading::lay_out(&map, &BTreeMap::new());
        let mut app = Self {
            map: RelationMap::default(),
            sources: Vec::new(),
            actors: Actors::default(),
            graph: MapGraph::new(),
            sim: Simulation::new(&place::map_graph(&RelationMap::default()), &[], &[]).shared(),
            filters: Filters::default(),
            visibility: Visibility::default(),
            selection: Selection::None,
            reading: None,
            search: SearchBox::default(),
            date_box: DateBox::default(),
            view: ViewRequests::default(),
            messages: Messages::default(),
            loader: Loader::new(options, min_confidence),
            settings: Settings::default(),
            hovered_edge: None,
            title: String::new(),
            style_ready: false,
            curation: Curation::new(min_confidence),
            stats: Default::default(),
            far: Default::default(),
        };
        app.set_map(map, &positions, Vec::new());
        app
    }

    /// The seed article's map: what the window opens on without files.
    pub fn seed(options: LoadOptions, min_confidence: f32) -> Self {
        Self::with_map(
            crate::pipeline::seed_map().with_min_confidence(min_confidence),
            options,
            min_confidence,
        )
    }

    /// Make `map` the document, nodes at `positions` (layout units by id;
    /// actors missing there are laid out around them).
    pub fn set_map(
        &mut self,
        map: RelationMap,
        positions: &BTreeMap<String, [f32; 2]>,
        sources: Vec<PathBuf>,
    ) {
        let mg = place::map_graph(&map);
        let known: Vec<[f32; 2]> = if mg.ids.iter().all(|id| positions.contains_key(id)) {
            mg.ids.iter().map(|id| positions[id]).collect()
        } else {
            let all = super::loading::lay_out(&map, positions);
            mg.ids.iter().map(|id| all[id]).collect()
        };
        let old_pinned = {
            let sim = layout::lock(&self.sim);
            self.actors
                .ids
                .iter()
                .enumerate()
                .filter(|(i, _)| sim.is_pinned(*i))
                .map(|(_, id)| id.clone())
                .collect::<Vec<_>>()
        };
        let pinned: Vec<bool> = mg.ids.iter().map(|id| old_pinned.contains(id)).collect();
        self.actors = Actors::new(&map, &mg);
        let canvas: Vec<egui::Pos2> = known.iter().map(|&p| layout::to_canvas(p)).collect();
        self.graph = graph::build(&map, &self.actors, &canvas);
        self.sim = Simulation::new(&mg, &known, &pinned).shared();
        for (i, &p) in pinned.iter().enumerate() {
            if p && let Some(node) = self
                .graph
                .node_mut(petgraph::stable_graph::NodeIndex::new(i))
            {
                node.payload_mut().pinned = true;
            }
        }
        let article_ids: Vec<&String> = map.articles.iter().map(|a| &a.id).collect();
        self.filters
            .hidden_articles
            .retain(|id| article_ids.contains(&id));
        let (dates, keep_undated) = (self.filters.dates, self.filters.keep_undated);
        self.filters.set_dates(&map, dates, keep_undated);
        self.reading = map.articles.first().map(|a| a.id.clone());
        self.map = map;
        self.sources = sources;
        self.selection = Selection::None;
        self.hovered_edge = None;
        self.view.fit = true;
        self.view.follow_layout = true;
        self.refresh();
    }

    /// Recompute what is shown after the filters or the selection changed.
    pub fn refresh(&mut self) {
        let focus = self.focus_nodes();
        self.visibility = filters::visibility(&self.map, &self.actors, &self.filters, &focus);
        let highlight = match self.selection {
            Selection::Actor(i) => Some(i),
            _ => None,
        };
        graph::apply(&mut self.graph, &self.visibility, highlight);
        let selected_edge = self.selected_relation();
        let nodes: Vec<_> = self.graph.g().node_indices().collect();
        for idx in nodes {
            let on = self.selection == Selection::Actor(idx.index());
            if let Some(node) = self.graph.node_mut(idx) {
                node.set_selected(on);
            }
        }
        let edges: Vec<_> = self.graph.g().edge_indices().collect();
        for idx in edges {
            if let Some(edge) = self.graph.edge_mut(idx) {
                let on = Some(edge.payload().relation) == selected_edge;
                edge.set_selected(on);
            }
        }
    }

    /// The actors focus centres on: the selected one, or both ends of the
    /// selected relation.
    fn focus_nodes(&self) -> Vec<usize> {
        match self.selection {
            Selection::None => Vec::new(),
            Selection::Actor(i) => vec![i],
            Selection::Relation { relation, .. } => self
                .map
                .relations
                .get(relation)
                .map(|r| {
                    [&r.source, &r.target]
                        .iter()
                        .filter_map(|id| self.actors.index.get(*id).copied())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    pub fn selected_relation(&self) -> Option<usize> {
        match self.selection {
            Selection::Relation { relation, .. } => Some(relation),
            _ => None,
        }
    }

    /// Select an actor and show its first mention in the article (in
    /// another article when the one being read does not mention it).
    pub fn select_actor(&mut self, actor: usize) {
        let Some(id) = self.actors.ids.get(actor) else {
            return;
        };
        self.selection = Selection::Actor(actor);
        if let Some(entity) = self.map.entity(id) {
            let reading = self.reading.as_deref();
            let here = entity
                .mentions
                .iter()
                .any(|m| Some(m.article.as_str()) == reading);
            let elsewhere = entity
                .mentions
                .iter()
                .find(|m| !self.filters.hidden_articles.contains(&m.article));
            if !here && let Some(m) = elsewhere {
                self.reading = Some(m.article.clone());
            }
            self.view.scroll_article = here || elsewhere.is_some();
        }
        self.refresh();
    }

    /// Select a relation and highlight its first sentence in a shown article.
    pub fn select_relation(&mut self, relation: usize) {
        let Some(r) = self.map.relations.get(relation) else {
            return;
        };
        let first = r
            .evidence
            .iter()
            .position(|e| !self.filters.hidden_articles.contains(&e.article))
            .unwrap_or(0);
        self.select_evidence(relation, first);
    }

    /// Highlight sentence `evidence` of `relation` and scroll the article to it.
    pub fn select_evidence(&mut self, relation: usize, evidence: usize) {
        let Some(r) = self.map.relations.get(relation) else {
            return;
        };
        self.selection = Selection::Relation { relation, evidence };
        if let Some(e) = r.evidence.get(evidence) {
            self.reading = Some(e.article.clone());
            self.view.scroll_article = true;
        }
        self.refresh();
    }

    pub fn clear_selection(&mut self) {
        if self.selection != Selection::None {
            self.selection = Selection::None;
            self.refresh();
        }
    }

    /// The highlighted sentence: the selected relation and its evidence.
    pub fn highlighted(&self) -> Option<(&Relation, &Evidence)> {
        match self.selection {
            Selection::Relation { relation, evidence } => {
                let r = self.map.relations.get(relation)?;
                Some((r, r.evidence.get(evidence)?))
            }
            _ => None,
        }
    }

    /// Find an actor by name or alias, select it and centre it. Returns
    /// whether one was found.
    pub fn search_and_select(&mut self, query: &str) -> bool {
        let Some(hit) = search::find(&self.map, query).into_iter().next() else {
            self.messages
                .warning(format!("No actor is called \"{}\"", query.trim()));
            return false;
        };
        let Some(&i) = self.actors.index.get(&hit.id) else {
            return false;
        };
        self.select_actor(i);
        self.view.center_on = Some(i);
        self.view.follow_layout = false;
        true
    }

    pub fn set_article_shown(&mut self, article: &str, shown: bool) {
        if shown {
            self.filters.hidden_articles.remove(article);
        } else {
            self.filters.hidden_articles.insert(article.to_string());
        }
        self.refresh();
    }

    /// Show only articles published in `dates` (undated ones too if
    /// `keep_undated`).
    pub fn set_dates(&mut self, dates: crate::model::DateRange, keep_undated: bool) {
        self.filters.set_dates(&self.map, dates, keep_undated);
        self.refresh();
    }

    /// Merge these files into the map (loaded in the background).
    pub fn add_files(&mut self, paths: Vec<PathBuf>) {
        self.loader.request(Mode::Add, paths);
    }

    /// Start waiting loads and take in finished ones; called every frame.
    pub fn pump_loader(&mut self, ctx: &egui::Context) {
        if let Some(outcome) = self.loader.poll() {
            self.take_outcome(outcome);
        }
        // Positions are read only when a load starts, not every frame.
        let (map, sim, ids) = (&self.map, &self.sim, &self.actors.ids);
        self.loader.start_next(ctx, || {
            (map.clone(), layout::lock(sim).positions_by_id(ids))
        });
    }

    /// Current positions in layout units, by actor id.
    pub fn positions(&self) -> BTreeMap<String, [f32; 2]> {
        layout::lock(&self.sim).positions_by_id(&self.actors.ids)
    }

    fn take_outcome(&mut self, outcome: Outcome) {
        // Files that failed add nothing; the map changes only with others.
        let unchanged = if outcome.result.is_none() {
            " The map is unchanged."
        } else {
            ""
        };
        for e in &outcome.errors {
            self.messages
                .error(format!("Could not load {e}.{unchanged}"));
        }
        for w in &outcome.warnings {
            self.messages.warning(w.clone());
        }
        let Some((map, positions)) = outcome.result else {
            return;
        };
        for path in &outcome.loaded {
            self.settings.remember(path);
        }
        let names: Vec<String> = outcome
            .loaded
            .iter()
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .chain(
                outcome
                    .pasted
                    .map(|title| format!("\u{201C}{title}\u{201D}")),
            )
            .collect();
        let sources = match outcome.mode {
            Mode::Replace => outcome.loaded,
            Mode::Add => {
                let mut s = self.sources.clone();
                s.extend(outcome.loaded);
                s
            }
        };
        let verb = match outcome.mode {
            Mode::Replace => "Opened",
            Mode::Add => "Added",
        };
        self.after_load(outcome.mode);
        self.set_map(map, &positions, sources);
        let count = super::messages::count;
        // A folder's hundreds of file names would fill the window.
        let files = match names.as_slice() {
            [a, b, c, _, ..] => format!("{a}, {b}, {c} and {} more", names.len() - 3),
            _ => names.join(", "),
        };
        self.messages.info(format!(
            "{verb} {files}: {}, {}, {}",
            count(self.map.articles.len(), "article"),
            count(self.map.entities.len(), "actor"),
            count(self.map.relations.len(), "relation")
        ));
    }

    /// The map restricted to what the filters show, for report exports.
    pub fn visible_map(&self) -> RelationMap {
        filters::visible_map(&self.map, &self.actors, &self.visibility)
    }

    /// What the window title says: the article's title (as exports head
    /// it: its first sentence when it has no title of its own), or how many
    /// articles the map merges.
    pub fn window_title(&self) -> String {
        // "•" marks unsaved changes, as editors do.
        let dirty = if self.is_dirty() { "• " } else { "" };
        let name = match &self.curation.file {
            Some(path) => format!("{} — ", super::loading::file_name(path)),
            None => String::new(),
        };
        let title = match self.map.articles.as_slice() {
            [] => "stancemap".to_string(),
            [_] => {
                let title = crate::render::default_title(&self.map);
                let mut short: String = title.chars().take(90).collect();
                if short.len() < title.len() {
                    short.push('…');
                }
                format!("{short} — stancemap")
            }
            many => format!("{} articles: {} … — stancemap", many.len(), many[0].title),
        };
        format!("{dirty}{name}{title}")
    }

    /// The name of relation `r` as people read it: "Pakistan → Taliban: accuse".
    pub fn relation_name(&self, r: usize) -> String {
        let Some(relation) = self.map.relations.get(r) else {
            return String::new();
        };
        format!(
            "{} → {}: {}",
            self.actor_name(&relation.source),
            self.actor_name(&relation.target),
            relation.stance
        )
    }

    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actors
            .index
            .get(id)
            .map_or(id, |&i| self.actors.names[i].as_str())
    }

    /// Unpin an actor so the layout moves it again.
    pub fn unpin(&mut self, actor: usize) {
        layout::lock(&self.sim).unpin(actor);
        if let Some(node) = self
            .graph
            .node_mut(petgraph::stable_graph::NodeIndex::new(actor))
        {
            node.payload_mut().pinned = false;
        }
    }

    pub fn unpin_all(&mut self) {
        layout::lock(&self.sim).unpin_all();
        let nodes: Vec<_> = self.graph.g().node_indices().collect();
        for idx in nodes {
            if let Some(node) = self.graph.node_mut(idx) {
                node.payload_mut().pinned = false;
            }
        }
    }
}
