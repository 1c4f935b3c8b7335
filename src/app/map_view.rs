//! The map in the middle of the window: egui_graphs' view of the graph,
//! laid out live by the library's ForceAtlas2, with our own node and edge
//! drawing, labels placed clear of each other, wheel zoom, fit and centre,
//! hover tooltips, the legend below, and every actor and relation exposed
//! to assistive technology (and to tests) as a labelled element.

use super::colors;
use super::graph::MapGraph;
use super::labels;
use super::layout::{LiveLayout, LiveState};
use super::legend;
use super::payload::{DOT_RADIUS, NodeData};
use super::state::StancemapApp;
use egui::{FontId, Pos2, Rect, Sense, Vec2};
use egui_graphs::{GraphChange, GraphView, MetadataFrame, SettingsInteraction, SettingsNavigation};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

/// The id egui_graphs keeps the view's zoom, pan and layout state under.
pub const GRAPH_ID: &str = "stancemap-map";
/// Actor names on the map, in points: readable at every zoom.
pub const LABEL_SIZE: f32 = crate::render::style::LABEL_SIZE;

/// The most actor names laid out per frame (a 1,500 × 900 map holds a
/// few hundred without overlap).
const MAX_LABELS: usize = 400;

/// Above this many shown relations, edges hide while the view moves.
const HIDE_WHILE_MOVING: usize = 2000;

/// Above this many shown relations the window stops anti-aliasing.
const MAX_SMOOTH_RELATIONS: usize = 1500;

/// Above this many relations in view, all are hairlines.
const MAX_CURVES: usize = 800;

/// Above this many actors in view, all are drawn in one picture.
const MAX_SHAPES: usize = 400;

/// Above this many shown relations, labels no longer avoid edges.
const MAX_LABEL_EDGES: usize = 3000;

type View = GraphView<LiveState, LiveLayout>;

pub fn show(app: &mut StancemapApp, ui: &mut egui::Ui) {
    app.view.snapshot_rect = ui.available_rect_before_wrap();
    if app.settings.show_legend && !app.actors.is_empty() {
        egui::Panel::bottom("legend")
            .resizable(false)
            .frame(
                egui::Frame::side_top_panel(ui.style())
                    .inner_margin(egui::Margin::symmetric(10, 6)),
            )
            .show(ui, |ui| legend::show(app, ui));
    }
    // Level of detail: anti-aliasing feathers every line and disc with a
    // fringe of extra triangles, which a software renderer pays for by the
    // thousand; a map this large is read by its shape, not its edges'
    // smoothness (exports are drawn apart, always smooth).
    let smooth = app.visibility.relation_count() <= MAX_SMOOTH_RELATIONS;
    ui.ctx().tessellation_options_mut(|o| o.feathering = smooth);
    let rect = ui.available_rect_before_wrap();
    if app.view.fitted && rect.size() != app.view.map_rect.size() {
        app.view.fit = true;
    }
    app.view.map_rect = rect;
    if app.actors.is_empty() {
        let background = colors::color(colors::palette(ui.ctx()).background);
        ui.painter().rect_filled(rect, 0.0, background);
        placeholder(app, ui, rect);
    } else {
        graph(app, ui, rect);
    }
    // A snapshot shows the map, not the messages over it.
    if !app.view.hides_overlays(ui.input(|i| i.time)) {
        drop_overlay(ui, rect);
        app.messages.show(ui, rect);
        let figures = super::stats::Figures {
            sim: &app.sim,
            visibility: &app.visibility,
            picture: app.far.last_draw(),
        };
        super::stats::show(&app.stats, &figures, ui, rect);
        super::progress::show(app, ui, rect);
    }
}

fn placeholder(app: &StancemapApp, ui: &mut egui::Ui, rect: Rect) {
    let text = if app.loader.is_busy() {
        "Loading…"
    } else if app.map.articles.is_empty() {
        "No map yet.\n\nOpen articles (Ctrl+O), drop files here,\nor start with: stancemap FILE..."
    } else {
        "No actors were found in this article.\n\nAdd other articles (drop files here)\nor open another one (Ctrl+O)."
    };
    let label = egui::Label::new(egui::RichText::new(text).size(18.0).weak());
    ui.put(rect.shrink(20.0), label);
}

fn graph(app: &mut StancemapApp, ui: &mut egui::Ui, rect: Rect) {
    let id = Some(GRAPH_ID.to_string());
    egui_graphs::set_layout_state::<LiveState>(
        ui,
        LiveState {
            sim: Some(app.sim.clone()),
        },
        id.clone(),
    );
    navigate(app, ui, rect);

    let interactions = SettingsInteraction::new()
        .with_dragging_enabled(true)
        .with_node_clicking_enabled(true)
        .with_edge_clicking_enabled(true)
        .with_hover_enabled(true);
    let navigation = SettingsNavigation::new()
        .with_fit_to_screen_enabled(false)
        .with_zoom_and_pan_enabled(true);
    // Before drawing, with this frame's view: the first frame of a large
    // map must not draw (and tessellate) thousands of curves.
    thin_when_crowded(app, &screen_meta(ui, rect), rect);
    let ground = super::far_view::reserve(ui);
    let shown = View::new()
        .with_id(id)
        .with_interactions(&interactions)
        .with_navigations(&navigation)
        .show(ui, &mut app.graph);
    let response = shown.response;

    let mut clicked = false;
    for change in &shown.changes {
        match *change {
            GraphChange::NodeClicked { node } => {
                clicked = true;
                let command = ui.input(|i| i.modifiers.command);
                if !app.hold_for_merge(node.index(), command) {
                    app.select_actor(node.index());
                }
            }
            GraphChange::NodeDoubleClicked { node } => app.unpin(node.index()),
            GraphChange::EdgeClicked { edge } => {
                clicked = true;
                if let Some(e) = app.graph.edge(edge) {
                    let relation = e.payload().relation;
                    app.select_relation(relation);
                }
            }
            GraphChange::NodeDragStarted { .. } => app.view.follow_layout = false,
            GraphChange::NodeDragEnded { node } => {
                if let Some(n) = app.graph.node_mut(node) {
                    n.payload_mut().pinned = true;
                }
            }
            _ => {}
        }
    }
    if response.clicked() && !clicked {
        app.clear_selection();
    }
    if response.dragged() || response.clicked() {
        app.view.follow_layout = false;
    }
    if response.dragged() {
        app.view.fitted = false;
    }

    let meta = screen_meta(ui, rect);
    let view = (meta.zoom, meta.pan);
    // Moved by the user, not by fitting the map as the layout settles.
    let moving =
        (app.view.last_view != Some(view) && !app.view.follow_layout) || response.dragged();
    app.view.last_view = Some(view);
    hide_edges_while_moving(app, ui, moving);
    super::far_view::draw(&mut app.far, &app.graph, ui, &meta, rect, ground, moving);
    if !app.view.hides_overlays(ui.input(|i| i.time)) {
        hover(app, ui, &response, &meta, rect);
    }
    draw_labels(app, ui, &meta, rect);
    expose(app, ui, &meta, rect);
}

/// Level of detail: while the user pans or zooms a map of more than
/// `HIDE_WHILE_MOVING` relations, its edges are left out (as Gephi and
/// sigma.js do), from the next frame on; they are back on the first frame
/// the view is still. Thousands of long thin triangles are what a software
/// renderer spends most of a frame on, and a moving tangle shows nothing.
fn hide_edges_while_moving(app: &mut StancemapApp, ui: &egui::Ui, moving: bool) {
    let hide = moving && app.visibility.relation_count() > HIDE_WHILE_MOVING;
    if hide != app.view.edges_hidden {
        app.view.edges_hidden = hide;
        for edge in app.graph.g_mut().edge_weights_mut() {
            edge.payload_mut().still_only = hide;
        }
    }
    if hide {
        // The still frame that brings them back must come.
        ui.ctx().request_repaint();
    }
}

/// Level of detail: with more than `MAX_CURVES` relations in view, every
/// relation not selected or hovered is a hairline, and with more than
/// `MAX_SHAPES` actors in view, every actor is drawn in far_view.rs's
/// picture. A thousand curves with arrowheads in one view are a tangle in
/// which no arrowhead can be told from another; a thousand curves or
/// shapes drawn one by one cost a software renderer several frames' time.
fn thin_when_crowded(app: &mut StancemapApp, meta: &MetadataFrame, rect: Rect) {
    let crowded = app.visibility.relation_count() > MAX_CURVES
        && relations_in_view(&app.graph, meta, rect, MAX_CURVES + 1) > MAX_CURVES;
    if crowded != app.view.crowded {
        app.view.crowded = crowded;
        for edge in app.graph.g_mut().edge_weights_mut() {
            edge.payload_mut().crowded = crowded;
        }
    }
    let crowd = app.visibility.node_count() > MAX_SHAPES
        && actors_in_view(&app.graph, meta, rect, MAX_SHAPES + 1) > MAX_SHAPES;
    if crowd != app.view.crowd {
        app.view.crowd = crowd;
        for node in app.graph.g_mut().node_weights_mut() {
            node.payload_mut().crowded = crowd;
        }
    }
}

/// Shown actors whose centre is in `rect`, counted up to `cap`.
fn actors_in_view(graph: &MapGraph, meta: &MetadataFrame, rect: Rect, cap: usize) -> usize {
    graph
        .nodes_iter()
        .filter(|(_, node)| {
            node.payload().visible && rect.contains(meta.canvas_to_screen_pos(node.location()))
        })
        .take(cap)
        .count()
}

/// Shown relations whose straight line may cross `rect`, counted up to
/// `cap`.
fn relations_in_view(graph: &MapGraph, meta: &MetadataFrame, rect: Rect, cap: usize) -> usize {
    super::graph::edges_with_ends(graph)
        .filter(|(edge, a, b)| {
            let s = meta.canvas_to_screen_pos(a.location());
            let e = meta.canvas_to_screen_pos(b.location());
            edge.payload().visible && Rect::from_two_pos(s, e).intersects(rect)
        })
        .take(cap)
        .count()
}

/// The view's zoom and pan with pan in screen coordinates (egui_graphs
/// keeps it relative to the widget).
fn screen_meta(ui: &egui::Ui, rect: Rect) -> MetadataFrame {
    let mut meta = MetadataFrame::new(Some(GRAPH_ID.to_string())).load(ui);
    meta.pan += rect.min.to_vec2();
    meta
}

/// Wheel zoom, fit, centre and following the layout, applied to the
/// view's zoom and pan before it draws.
fn navigate(app: &mut StancemapApp, ui: &mut egui::Ui, rect: Rect) {
    let mut meta = MetadataFrame::new(Some(GRAPH_ID.to_string())).load(ui);
    let (scroll, pointer, zooming) = ui.input(|i| {
        (
            i.smooth_scroll_delta.y,
            i.pointer.hover_pos(),
            i.modifiers.command,
        )
    });
    let mut changed = false;
    if let Some(p) = pointer.filter(|p| rect.contains(*p))
        && scroll != 0.0
        && !zooming
    {
        let factor = (scroll * 0.003).exp();
        let local = p - rect.min;
        let new_zoom = (meta.zoom * factor).clamp(0.02, 50.0);
        let at = (local - meta.pan) / meta.zoom;
        meta.pan = local - at * new_zoom;
        meta.zoom = new_zoom;
        app.view.follow_layout = false;
        app.view.fitted = false;
        changed = true;
    }
    if app.view.follow_layout && !super::layout::lock(&app.sim).is_running() {
        app.view.follow_layout = false;
        app.view.fit = true;
    }
    if (app.view.fit || app.view.follow_layout)
        && fit(&app.graph, &app.actors.names, rect, &mut meta)
    {
        app.view.fit = false;
        app.view.fitted = true;
        changed = true;
    }
    if let Some(i) = app.view.center_on.take()
        && let Some(node) = app.graph.node(NodeIndex::new(i))
    {
        meta.pan = rect.size() / 2.0 - node.location().to_vec2() * meta.zoom;
        app.view.fitted = false;
        changed = true;
    }
    if changed {
        meta.save(ui);
    }
}

/// Room kept free around the fitted map, in points.
const FIT_MARGIN: f32 = 24.0;

/// Zoom and pan so every shown actor, with its label, is in view: the
/// largest zoom at which the nodes' and labels' extents fit the room.
fn fit(graph: &MapGraph, names: &[String], rect: Rect, meta: &mut MetadataFrame) -> bool {
    // Each shown node: canvas position, radius at zoom 1, label size.
    let nodes: Vec<(Pos2, &NodeData, Vec2)> = graph
        .nodes_iter()
        .filter(|(_, node)| node.payload().visible)
        .map(|(idx, node)| {
            let chars = names.get(idx.index()).map_or(0, |n| n.chars().count()) as f32;
            // Inter's average advance is a little over half its size.
            let label = Vec2::new(chars * LABEL_SIZE * 0.56 + 6.0, LABEL_SIZE * 1.4);
            (node.location(), node.payload(), label)
        })
        .collect();
    if nodes.is_empty() {
        return false;
    }
    // Screen extents of the drawing at `zoom`, relative to the canvas origin.
    let extents = |zoom: f32| {
        let mut bounds = Rect::NOTHING;
        for &(at, data, label) in &nodes {
            let r = data.drawn_radius(zoom);
            // A label sits below or above its node, or beside it.
            let half = Vec2::new(r.max(label.x / 2.0), r + label.y);
            let c = (at.to_vec2() * zoom).to_pos2();
            bounds.extend_with(c - half);
            bounds.extend_with(c + half);
        }
        bounds
    };
    let room = (rect.size() - Vec2::splat(2.0 * FIT_MARGIN)).max(Vec2::splat(40.0));
    let fits = |zoom: f32| {
        let size = extents(zoom).size();
        size.x <= room.x && size.y <= room.y
    };
    let (mut lo, mut hi) = (0.02_f32, 4.0_f32);
    if fits(hi) {
        lo = hi;
    } else {
        // The extents grow with the zoom: bisect for the largest that fits.
        for _ in 0..30 {
            let mid = (lo * hi).sqrt();
            if fits(mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }
    let bounds = extents(lo);
    if !bounds.is_finite() {
        return false;
    }
    meta.zoom = lo;
    meta.pan = rect.size() / 2.0 - bounds.center().to_vec2();
    true
}

/// Highlight the edge under the pointer and explain what is hovered.
fn hover(
    app: &mut StancemapApp,
    ui: &egui::Ui,
    response: &egui::Response,
    meta: &MetadataFrame,
    rect: Rect,
) {
    let pointer = response.hover_pos();
    let mut local_meta = meta.clone();
    local_meta.pan -= rect.min.to_vec2();
    let local = pointer.map(|p| (p - rect.min).to_pos2());
    let node = local.and_then(|p| app.graph.node_by_screen_pos(&local_meta, p));
    let edge = match (local, node) {
        (Some(p), None) => app.graph.edge_by_screen_pos(&local_meta, p),
        _ => None,
    };
    if edge != app.hovered_edge {
        set_edge_hovered(&mut app.graph, app.hovered_edge, false);
        set_edge_hovered(&mut app.graph, edge, true);
        app.hovered_edge = edge;
    }
    if let Some(idx) = node {
        let i = idx.index();
        let name = app.actors.names[i].clone();
        let kind = app.actors.kinds[i];
        let mentions = app
            .map
            .entity(&app.actors.ids[i])
            .map_or(0, |e| e.mentions.len());
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label(egui::RichText::new(name).strong());
            ui.label(format!("{} · {mentions} mentions", kind.label()));
            ui.weak("Click for details; drag to pin");
        });
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    } else if let Some(e) = edge.and_then(|e| app.graph.edge(e)) {
        let r = e.payload().relation;
        tooltip_for_relation(app, response, r);
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
}

fn set_edge_hovered(graph: &mut MapGraph, edge: Option<EdgeIndex>, on: bool) {
    if let Some(e) = edge.and_then(|e| graph.edge_mut(e)) {
        e.payload_mut().hovered = on;
    }
}

fn tooltip_for_relation(app: &StancemapApp, response: &egui::Response, r: usize) {
    let Some(relation) = app.map.relations.get(r) else {
        return;
    };
    let name = format!(
        "{} → {}",
        app.actor_name(&relation.source),
        app.actor_name(&relation.target)
    );
    let stance = relation.stance;
    let n = app.visibility.evidence.get(r).copied().unwrap_or(0);
    let alleged = relation
        .alleged_by
        .as_deref()
        .map(|by| app.actor_name(by).to_string());
    let first = relation
        .evidence
        .iter()
        .find(|e| !app.filters.hidden_articles.contains(&e.article))
        .map(|e| e.text.clone());
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(420.0);
        ui.label(egui::RichText::new(name).strong());
        let mut line = format!("{stance} · {n} sentence{}", if n == 1 { "" } else { "s" });
        if let Some(by) = alleged {
            line.push_str(&format!(" · alleged by {by}"));
        }
        ui.label(
            egui::RichText::new(line)
                .color(colors::stance(stance))
                .strong(),
        );
        if let Some(text) = first {
            ui.label(format!("“{text}”"));
        }
        ui.weak("Click to read the evidence");
    });
}

/// Actor names, most important first, clear of each other and of nodes.
fn draw_labels(app: &StancemapApp, ui: &egui::Ui, meta: &MetadataFrame, rect: Rect) {
    let painter = ui.painter_at(rect);
    let palette = colors::palette(ui.ctx());
    let text_color = colors::color(palette.text);
    let halo = colors::color(palette.halo);
    let mut nodes = Vec::new();
    let mut order = Vec::new();
    for (idx, node) in app.graph.nodes_iter() {
        let data = node.payload();
        if !data.visible {
            continue;
        }
        let center = meta.canvas_to_screen_pos(node.location());
        if !rect.expand(200.0).contains(center) {
            continue;
        }
        let radius = data.drawn_radius(meta.zoom);
        // A label may cover dots: otherwise a dense map would name nothing.
        if radius >= DOT_RADIUS {
            nodes.push((center, radius));
        }
        let rank = if node.selected() || node.dragged() {
            0
        } else if node.hovered() {
            1
        } else {
            2
        };
        // Level of detail: dots are too small to name.
        if rank == 2 && radius < DOT_RADIUS {
            continue;
        }
        let weight = app.actors.weights.get(idx.index()).copied().unwrap_or(0);
        order.push((
            rank,
            std::cmp::Reverse(weight),
            idx.index(),
            center,
            data.clone(),
        ));
    }
    order.sort_by_key(|&(rank, weight, i, _, _)| (rank, weight, i));
    // Level of detail: more labels than this cannot fit on a map area
    // anyway; the selected and hovered come first, then the most connected.
    order.truncate(MAX_LABELS);
    let galleys: Vec<_> = order
        .iter()
        .map(|(rank, _, i, _, data)| {
            let color = if data.faded {
                colors::faded(text_color)
            } else {
                text_color
            };
            let font = FontId::proportional(if *rank == 0 {
                LABEL_SIZE + 1.0
            } else {
                LABEL_SIZE
            });
            painter.layout_no_wrap(app.actors.names[*i].clone(), font, color)
        })
        .collect();
    let requests: Vec<labels::Request> = order
        .iter()
        .zip(&galleys)
        .map(|((rank, _, _, center, data), galley)| labels::Request {
            center: *center,
            radius: data.drawn_radius(meta.zoom),
            size: galley.size() + Vec2::new(6.0, 2.0),
            force: *rank < 2,
        })
        .collect();
    // Keeping labels off edges is worth it on a readable map; with
    // thousands of edges in view no spot is free of them anyway.
    let many = app.visibility.relation_count() > MAX_LABEL_EDGES;
    let edges: Vec<(Rect, Vec<Pos2>)> = if many {
        Vec::new()
    } else {
        app.graph
            .edges_iter()
            .filter(|(_, e)| e.payload().visible)
            .map(|(_, e)| {
                let line: Vec<Pos2> = e
                    .display()
                    .line()
                    .iter()
                    .map(|&p| meta.canvas_to_screen_pos(p))
                    .collect();
                (Rect::from_points(&line), line)
            })
            .filter(|(bbox, _)| bbox.intersects(rect))
            .collect()
    };
    let obstacles = labels::Obstacles {
        nodes: &nodes,
        edges: &edges,
        bounds: rect.shrink(2.0),
    };
    let spots = labels::place(&requests, &obstacles);
    for ((spot, galley), (_, _, _, _, data)) in spots.into_iter().zip(galleys).zip(&order) {
        let Some(spot) = spot else { continue };
        let fill = if data.faded {
            halo.gamma_multiply(0.4)
        } else {
            halo.gamma_multiply(0.85)
        };
        painter.rect_filled(spot, 4.0, fill);
        painter.galley(spot.min + Vec2::new(3.0, 1.0), galley, text_color);
    }
}

/// Every shown actor and relation as an element with a name, where it is
/// drawn: screen readers can list them, and tests can point at them.
fn expose(app: &StancemapApp, ui: &mut egui::Ui, meta: &MetadataFrame, rect: Rect) {
    // Only when something reads the tree (a screen reader, a test): on a
    // large map this is tens of thousands of widgets a frame.
    if ui.ctx().accesskit_node_builder(ui.id(), |_| ()).is_none() {
        return;
    }
    for (idx, node) in app.graph.nodes_iter() {
        let data = node.payload();
        let center = meta.canvas_to_screen_pos(node.location());
        if !data.visible || !rect.contains(center) {
            continue;
        }
        let area = Rect::from_center_size(center, Vec2::splat(data.drawn_radius(meta.zoom) * 1.2));
        let name = app.actors.names[idx.index()].clone();
        let response = ui.interact(area, ui.id().with(("actor", idx.index())), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &name));
    }
    for (idx, edge) in app.graph.edges_iter() {
        let data = edge.payload();
        let Some(mid) = edge.display().midpoint() else {
            continue;
        };
        let at: Pos2 = meta.canvas_to_screen_pos(mid);
        if !data.visible || !rect.contains(at) {
            continue;
        }
        let area = Rect::from_center_size(at, Vec2::splat(6.0));
        let name = app.relation_name(data.relation);
        let response = ui.interact(
            area,
            ui.id().with(("relation", idx.index())),
            Sense::hover(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, true, &name));
    }
}

fn drop_overlay(ui: &egui::Ui, rect: Rect) {
    let hovering = ui.input(|i| i.raw.hovered_files.len());
    if hovering == 0 {
        return;
    }
    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect,
        0.0,
        ui.visuals().selection.bg_fill.gamma_multiply(0.25),
    );
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!(
            "Drop to add {hovering} file{} to the map",
            if hovering == 1 { "" } else { "s" }
        ),
        FontId::proportional(22.0),
        ui.visuals().strong_text_color(),
    );
}
