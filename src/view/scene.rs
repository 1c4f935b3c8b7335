//! Everything a picture shows, in pixels: the title, the legend, nodes fitted
//! to the canvas, routed edges and placed labels. The SVG writer only turns
//! a scene into markup, so the decisions live here.

use super::edges::{self, EdgeGeom, EdgeSpec, NodeGeom};
use super::font::{Weight, fit_text, text_width, wrap_text};
use super::geom::{Point, Rect};
use super::labels::{self, Obstacles, Request};
use super::legend::Legend;
use super::style::{
    self, LABEL_SIZE, Palette, Rgb, SUBTITLE_SIZE, Shape, TITLE_SIZE, Theme, node_shape,
};
use crate::layout;
use crate::model::{EntityKind, RelationMap, Stance};
use std::collections::{BTreeMap, HashMap};

/// How to draw a picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Canvas size in CSS pixels (the SVG's size; PNGs multiply by `scale`).
    pub width: u32,
    pub height: u32,
    /// PNG pixels per CSS pixel (2 for a sharp print).
    pub scale: f32,
    pub theme: Theme,
    /// No background: for slides with their own.
    pub transparent: bool,
    pub legend: bool,
    /// The heading; `None` uses the article title, "N articles" for merged
    /// maps, or "N nodes, M edges" for plain graphs. `Some("")` draws none.
    pub title: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            width: 1600,
            height: 1000,
            scale: 1.0,
            theme: Theme::Light,
            transparent: false,
            legend: true,
            title: None,
        }
    }
}

/// A line of text at a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub at: Point,
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeItem {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub center: Point,
    pub radius: f32,
    pub shape: Shape,
    pub tooltip: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EdgeItem {
    pub stance: Option<Stance>,
    pub color: Rgb,
    pub width: f32,
    pub dash: Option<[f32; 2]>,
    pub geom: EdgeGeom,
    pub tooltip: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LabelItem {
    pub node: usize,
    pub text: String,
    pub rect: Rect,
    pub baseline: Point,
}

/// A picture, ready to be written out.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    pub palette: Palette,
    pub transparent: bool,
    /// The heading (up to `TITLE_LINES` lines), for the document's own
    /// title too.
    pub title: Vec<TextLine>,
    pub subtitle: Option<TextLine>,
    pub nodes: Vec<NodeItem>,
    pub edges: Vec<EdgeItem>,
    pub labels: Vec<LabelItem>,
    pub legend: Option<Legend>,
    /// Nodes that wanted a label but had no free spot.
    pub unlabelled: usize,
    /// A line in the middle of the map's area when there is nothing to
    /// draw, so an empty picture reads as "no actors", not as a failure.
    pub notice: Option<TextLine>,
}

/// What a picture of a map without actors says.
const NO_ACTORS: &str = "No actors found";

const MARGIN: f32 = 28.0;
/// Article openings make long headings: two lines before cutting.
const TITLE_LINES: usize = 2;
/// At most this many labels are attempted (the most prominent actors).
const MAX_LABELS: usize = 600;

/// Is this map a plain graph (an edge list: no articles, no evidence)?
/// Plain graphs are drawn without stance colours, arrows or legend.
pub fn is_plain(map: &RelationMap) -> bool {
    map.articles.is_empty()
        && !map.relations.is_empty()
        && map.relations.iter().all(|r| r.evidence.is_empty())
}

/// The default heading for a map.
pub fn default_title(map: &RelationMap) -> String {
    if is_plain(map) {
        let nodes = layout::map_graph(map).ids.len();
        return format!("{nodes} nodes, {} edges", map.relations.len());
    }
    match map.articles.as_slice() {
        [one] if is_file_name_title(one) => one
            .sentence_text(0)
            .unwrap_or(&one.title)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        [one] => one.title.clone(),
        [] => "Relation map".to_string(),
        many => format!("{} articles", many.len()),
    }
}

/// Loaders fall back to the file name when an article has no title of its
/// own; a heading reads better as the article's first sentence then.
fn is_file_name_title(article: &crate::model::Article) -> bool {
    let stem = article
        .source
        .as_deref()
        .and_then(|s| std::path::Path::new(s).file_stem())
        .and_then(|s| s.to_str());
    stem == Some(article.title.as_str()) && article.sentence_text(0).is_some()
}

impl Scene {
    /// Lay out a picture of `map` with nodes at `positions` (any units: they
    /// are fitted to the canvas). Nodes without a position are placed by the
    /// layout next to their neighbours.
    pub fn build(
        map: &RelationMap,
        positions: &BTreeMap<String, [f32; 2]>,
        opts: &Options,
    ) -> Self {
        let (width, height) = (opts.width.max(1) as f32, opts.height.max(1) as f32);
        let palette = style::palette(opts.theme);
        let plain = is_plain(map);
        let graph = layout::map_graph(map);
        let filled;
        let positions = if graph.ids.iter().all(|id| positions.contains_key(id)) {
            positions
        } else {
            filled = layout::map_positions_from(map, layout::DEFAULT_SEED, positions);
            &filled
        };

        // Title and subtitle.
        let title_text = opts.title.clone().unwrap_or_else(|| default_title(map));
        let title_text = title_text.trim().replace(['\n', '\r', '\t'], " ");
        let mut top = MARGIN;
        let max_title = width - 2.0 * MARGIN;
        let title: Vec<TextLine> = wrap_text(
            &title_text,
            TITLE_SIZE,
            Weight::SemiBold,
            max_title,
            TITLE_LINES,
        )
        .into_iter()
        .enumerate()
        .map(|(k, text)| {
            top += if k == 0 { TITLE_SIZE } else { 1.3 * TITLE_SIZE };
            TextLine {
                text,
                at: [MARGIN, top],
                size: TITLE_SIZE,
                weight: Weight::SemiBold,
                color: palette.text,
            }
        })
        .collect();
        if !title.is_empty() {
            top += 8.0;
        }
        let subtitle = (!plain && !title.is_empty()).then(|| {
            top += SUBTITLE_SIZE + 2.0;
            TextLine {
                text: fit_text(&summary(map), SUBTITLE_SIZE, Weight::Regular, max_title),
                at: [MARGIN, top],
                size: SUBTITLE_SIZE,
                weight: Weight::Regular,
                color: palette.muted_text,
            }
        });
        let header = Rect::new(0.0, 0.0, width, top + 6.0);
        if !title.is_empty() {
            top += 16.0;
        }

        // Legend on the right, listing the kinds on the map.
        let entity_kind: BTreeMap<&str, EntityKind> = map
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.kind))
            .collect();
        let kinds: Vec<EntityKind> = EntityKind::ALL
            .into_iter()
            .filter(|k| {
                graph.ids.iter().any(|id| {
                    entity_kind
                        .get(id.as_str())
                        .copied()
                        .unwrap_or(EntityKind::Other)
                        == *k
                })
            })
            .collect();
        let legend = (opts.legend && !plain).then(|| {
            Legend::new(
                &kinds,
                map.relations.iter().any(|r| r.negated),
                width - MARGIN,
                top,
            )
        });
        let map_right = legend.as_ref().map_or(width - MARGIN, |l| l.rect.x0 - 20.0);
        let area = Rect::new(
            MARGIN,
            top,
            map_right.max(MARGIN + 1.0),
            (height - MARGIN).max(top + 1.0),
        );

        // Nodes, fitted to the area.
        let n = graph.ids.len().max(1);
        let density = (area.width() * area.height() / n as f32).sqrt();
        let shrink = (density / 40.0).clamp(0.2, 1.0);
        let entities = map.entity_index();
        let names: Vec<String> = graph
            .ids
            .iter()
            .map(|id| {
                entities
                    .get(id.as_str())
                    .map_or_else(|| id.clone(), |e| e.name.clone())
            })
            .collect();
        let radii: Vec<f32> = graph
            .weights
            .iter()
            .map(|&w| style::node_radius(w) * shrink)
            .collect();
        let label_h = labels::text_height(LABEL_SIZE);
        let widest_label = names
            .iter()
            .map(|s| text_width(s, LABEL_SIZE, Weight::Regular))
            .fold(0.0, f32::max)
            .min(area.width() * 0.15);
        let r_max = radii.iter().copied().fold(0.0, f32::max);
        let pad = [r_max + 8.0 + widest_label * 0.5, r_max + 8.0 + label_h];
        let raw: Vec<Point> = graph.ids.iter().map(|id| positions[id]).collect();
        let mut centers = vec![[0.0; 2]; raw.len()];
        let (loners, strip) = strip(map, &graph.ids, &names, &radii, &graph.weights, area);
        let mut joined: Vec<usize> = (0..raw.len()).collect();
        let mut room = area;
        if let Some(strip) = strip {
            joined.retain(|i| !loners.contains_key(i));
            for (&i, &at) in &loners {
                centers[i] = at;
            }
            room.y1 = strip - 12.0;
        }
        let fitted = fit(
            &joined.iter().map(|&i| raw[i]).collect::<Vec<_>>(),
            room,
            pad,
        );
        for (&i, at) in joined.iter().zip(fitted) {
            centers[i] = at;
        }
        separate(&mut centers, &radii, &joined, room);

        let nodes: Vec<NodeItem> = graph
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let entity = entities.get(id.as_str());
                let kind = entity.map_or(EntityKind::Other, |e| e.kind);
                let mentions = entity.map_or(0, |e| e.mentions.len());
                let tooltip = if plain {
                    names[i].clone()
                } else {
                    format!("{} ({}, {} mentions)", names[i], kind.label(), mentions)
                };
                NodeItem {
                    id: id.clone(),
                    name: names[i].clone(),
                    kind,
                    center: centers[i],
                    radius: radii[i],
                    shape: node_shape(kind),
                    tooltip,
                }
            })
            .collect();

        // Edges: first routed around nodes, then labels placed, then routed
        // again around the labels.
        let index: BTreeMap<&str, usize> = graph
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let node_geoms: Vec<NodeGeom> = nodes
            .iter()
            .map(|n| NodeGeom {
                center: n.center,
                radius: n.radius,
                shape: n.shape,
            })
            .collect();
        let specs: Vec<EdgeSpec> = map
            .relations
            .iter()
            .map(|r| EdgeSpec {
                source: index[r.source.as_str()],
                target: index[r.target.as_str()],
                width: if plain {
                    (1.2 * shrink).max(0.6)
                } else {
                    style::edge_width(r.sentence_count())
                },
                arrow: !plain,
            })
            .collect();
        let canvas = Rect::new(0.0, 0.0, width, height);
        let mut reserved = vec![header];
        if let Some(l) = &legend {
            reserved.push(l.rect.grow(6.0));
        }
        let first = edges::route(&node_geoms, &specs, &reserved, canvas);

        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| {
            graph.weights[b]
                .cmp(&graph.weights[a])
                .then_with(|| names[a].cmp(&names[b]))
        });
        let requests: Vec<Request> = order
            .into_iter()
            .take(MAX_LABELS)
            .filter(|&i| !names[i].trim().is_empty())
            .map(|i| Request {
                node: i,
                center: nodes[i].center,
                radius: nodes[i].radius,
                width: text_width(&names[i], LABEL_SIZE, Weight::Regular),
            })
            .collect();
        let node_discs: Vec<(Point, f32)> =
            nodes.iter().map(|n| (n.center, n.radius * 1.12)).collect();
        let polylines: Vec<Vec<Point>> = first.iter().map(|g| g.samples.clone()).collect();
        let placed = labels::place(
            &requests,
            LABEL_SIZE,
            &Obstacles {
                nodes: &node_discs,
                edges: &polylines,
                reserved: &reserved,
                bounds: canvas.grow(-6.0),
            },
        );
        let unlabelled = requests.len() - placed.len();
        let mut avoid = reserved.clone();
        avoid.extend(placed.iter().map(|p| p.rect));
        let routed = edges::route(&node_geoms, &specs, &avoid, canvas);

        let edge_items = map
            .relations
            .iter()
            .zip(specs.iter().zip(routed))
            .map(|(r, (spec, geom))| {
                let dash = if r.negated {
                    Some(style::negated_dash(spec.width))
                } else if r.alleged_by.is_some() {
                    Some(style::alleged_dash(spec.width))
                } else {
                    None
                };
                let (s, t) = (&names[spec.source], &names[spec.target]);
                let tooltip = if plain {
                    format!("{s} – {t}")
                } else {
                    let mut tip = format!(
                        "{s} → {t}: {}{} ({} sentence{})",
                        if r.negated { "not " } else { "" },
                        r.stance,
                        r.sentence_count(),
                        if r.sentence_count() == 1 { "" } else { "s" }
                    );
                    if let Some(by) = &r.alleged_by {
                        let by = entities
                            .get(by.as_str())
                            .map_or(by.as_str(), |e| e.name.as_str());
                        tip.push_str(&format!(", alleged by {by}"));
                    }
                    if let Some(e) = r.evidence.first() {
                        tip.push_str(&format!("\n“{}”", e.text.trim()));
                    }
                    tip
                };
                EdgeItem {
                    stance: (!plain).then_some(r.stance),
                    color: if plain {
                        palette.plain_edge
                    } else {
                        style::stance_color(r.stance)
                    },
                    width: spec.width,
                    dash,
                    geom,
                    tooltip,
                }
            })
            .collect();

        let labels = placed
            .into_iter()
            .map(|p| LabelItem {
                node: p.node,
                text: names[p.node].clone(),
                rect: p.rect,
                baseline: p.baseline,
            })
            .collect();

        let notice = graph.ids.is_empty().then(|| {
            let w = text_width(NO_ACTORS, SUBTITLE_SIZE, Weight::Regular);
            TextLine {
                text: NO_ACTORS.to_string(),
                at: [
                    ((area.x0 + area.x1 - w) / 2.0).max(area.x0),
                    (area.y0 + area.y1 + SUBTITLE_SIZE) / 2.0,
                ],
                size: SUBTITLE_SIZE,
                weight: Weight::Regular,
                color: palette.muted_text,
            }
        });

        Scene {
            width,
            height,
            palette,
            transparent: opts.transparent,
            title,
            subtitle,
            nodes,
            edges: edge_items,
            labels,
            legend,
            unlabelled,
            notice,
        }
    }
}

/// "8 actors · 8 relations · 16 sentences"
fn summary(map: &RelationMap) -> String {
    let sentences: usize = map.relations.iter().map(|r| r.sentence_count()).sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{} · {} · {}",
        plural(layout::map_graph(map).ids.len(), "actor"),
        plural(map.relations.len(), "relation"),
        plural(sentences, "sentence")
    )
}

/// Space kept between two actors' outlines.
const SPACING: f32 = 6.0;

/// At most this many neighbours are compared with one actor in one round,
/// so actors piled on one spot cost a bounded amount per round; the rest
/// are reached in later rounds, once the pile has spread.
const MAX_NEIGHBOURS: usize = 64;

/// Push apart the actors `which` that overlap (or come closer than
/// `SPACING`), keeping them in `bounds`: the layout's units are not the
/// picture's pixels, so actors fitted to a canvas may overlap. Neighbours
/// are found through a grid of cells as wide as the largest pair's reach,
/// so a round costs about the number of actors, and nothing is tried when
/// the actors cannot all fit apart in `bounds`. Returns the number of
/// pairs compared (the work done).
fn separate(centers: &mut [Point], radii: &[f32], which: &[usize], bounds: Rect) -> usize {
    let reach = 2.0 * radii.iter().copied().fold(0.0, f32::max) + SPACING;
    let room: f32 = which
        .iter()
        .map(|&i| (2.0 * radii[i] + SPACING).powi(2))
        .sum();
    // Not enough room (or a NaN area): nothing can be pushed apart.
    let fits = room
        .partial_cmp(&(bounds.width() * bounds.height()))
        .is_some_and(|o| o.is_le());
    if which.len() < 2 || !fits {
        return 0;
    }
    let cell_of = |p: Point| {
        let c = |v: f32| (v / reach).floor().clamp(-1e9, 1e9) as i64;
        (c(p[0]), c(p[1]))
    };
    let mut compared = 0;
    for _ in 0..200 {
        let mut order: Vec<((i64, i64), usize)> =
            which.iter().map(|&i| (cell_of(centers[i]), i)).collect();
        order.sort_unstable();
        let mut cells: HashMap<(i64, i64), (usize, usize)> = HashMap::new();
        for (k, &(cell, _)) in order.iter().enumerate() {
            cells.entry(cell).or_insert((k, k)).1 = k + 1;
        }
        let mut moved = false;
        for (k, &((cx, cy), a)) in order.iter().enumerate() {
            let mut budget = MAX_NEIGHBOURS;
            'cells: for (dx, dy) in [(0, 0), (0, 1), (1, -1), (1, 0), (1, 1)] {
                let Some(&(from, to)) = cells.get(&(cx + dx, cy + dy)) else {
                    continue;
                };
                // In the actor's own cell only the ones after it: each pair once.
                let from = if (dx, dy) == (0, 0) { k + 1 } else { from };
                for &(_, b) in &order[from..to] {
                    if budget == 0 {
                        break 'cells;
                    }
                    budget -= 1;
                    compared += 1;
                    moved |= push_apart(centers, radii, a, b);
                }
            }
        }
        for &i in which {
            let r = radii[i];
            centers[i] = [
                centers[i][0].clamp(bounds.x0 + r, (bounds.x1 - r).max(bounds.x0 + r)),
                centers[i][1].clamp(bounds.y0 + r, (bounds.y1 - r).max(bounds.y0 + r)),
            ];
        }
        if !moved {
            break;
        }
    }
    compared
}

/// Move actors `a` and `b` apart when they are closer than their radii and
/// `SPACING`; whether they were.
fn push_apart(centers: &mut [Point], radii: &[f32], a: usize, b: usize) -> bool {
    let (ca, cb) = (centers[a], centers[b]);
    let d = [cb[0] - ca[0], cb[1] - ca[1]];
    let len = d[0].hypot(d[1]);
    let min = radii[a] + radii[b] + SPACING;
    if len >= min {
        return false;
    }
    // Coinciding actors part along a direction of their own.
    let u = if len > 1e-3 {
        [d[0] / len, d[1] / len]
    } else {
        let t = (a * 7 + b * 13) as f32;
        [t.cos(), t.sin()]
    };
    let push = (min - len) / 2.0 + 0.01;
    centers[a] = [ca[0] - u[0] * push, ca[1] - u[1] * push];
    centers[b] = [cb[0] + u[0] * push, cb[1] + u[1] * push];
    true
}

/// Actors without any relation, laid out in rows along the bottom of
/// `area` (largest first, each with room for its name on its right), and
/// the top of that strip; no strip when every actor or none is alone, or
/// when they would take more than a third of the area.
fn strip(
    map: &RelationMap,
    ids: &[String],
    names: &[String],
    radii: &[f32],
    weights: &[usize],
    area: Rect,
) -> (BTreeMap<usize, Point>, Option<f32>) {
    let index: BTreeMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let mut tied = vec![false; ids.len()];
    for r in &map.relations {
        for end in [&r.source, &r.target] {
            if let Some(&i) = index.get(end.as_str()) {
                tied[i] = true;
            }
        }
    }
    let mut alone: Vec<usize> = (0..ids.len()).filter(|&i| !tied[i]).collect();
    if alone.is_empty() || alone.len() == ids.len() {
        return (BTreeMap::new(), None);
    }
    alone.sort_by(|&a, &b| weights[b].cmp(&weights[a]).then(names[a].cmp(&names[b])));
    let r_max = alone.iter().map(|&i| radii[i]).fold(0.0, f32::max);
    let row = (2.0 * r_max).max(labels::text_height(LABEL_SIZE)) + 12.0;
    let mut rows: Vec<Vec<(usize, f32)>> = vec![Vec::new()];
    let mut x = area.x0;
    for &i in &alone {
        let label = text_width(&names[i], LABEL_SIZE, Weight::Regular).min(area.width() * 0.3);
        let wide = 2.0 * radii[i] + 8.0 + label + 22.0;
        if x + wide > area.x1 && x > area.x0 {
            rows.push(Vec::new());
            x = area.x0;
        }
        if let Some(r) = rows.last_mut() {
            r.push((i, x));
        }
        x += wide;
    }
    let height = rows.len() as f32 * row;
    if height > area.height() / 3.0 {
        return (BTreeMap::new(), None);
    }
    let top = area.y1 - height;
    let mut at = BTreeMap::new();
    for (k, items) in rows.iter().enumerate() {
        for &(i, x) in items {
            at.insert(i, [x + radii[i], top + (k as f32 + 0.5) * row]);
        }
    }
    (at, Some(top))
}

/// How much more one axis may be scaled than the other when fitting.
const STRETCH: f32 = 1.6;

/// Scale (nearly uniformly, so distances keep their meaning) and centre
/// `points` into `area`, leaving `pad` (x, y) free on each side for node
/// and label.
fn fit(points: &[Point], area: Rect, pad: [f32; 2]) -> Vec<Point> {
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in points {
        for k in 0..2 {
            if p[k].is_finite() {
                lo[k] = lo[k].min(p[k]);
                hi[k] = hi[k].max(p[k]);
            }
        }
    }
    let inner = [
        (area.width() - 2.0 * pad[0]).max(area.width() * 0.3),
        (area.height() - 2.0 * pad[1]).max(area.height() * 0.3),
    ];
    let span = [hi[0] - lo[0], hi[1] - lo[1]];
    let scale = (0..2)
        .filter(|&k| span[k] > 1e-6)
        .map(|k| inner[k] / span[k])
        .fold(f32::MAX, f32::min);
    let scale = if scale == f32::MAX { 1.0 } else { scale };
    // The axis with room to spare stretches, up to `STRETCH` times, so the
    // map fills the canvas's shape instead of a band of it.
    let scale = [0, 1].map(|k| {
        if span[k] > 1e-6 {
            (inner[k] / span[k]).clamp(scale, scale * STRETCH)
        } else {
            scale
        }
    });
    let mid_area = [(area.x0 + area.x1) / 2.0, (area.y0 + area.y1) / 2.0];
    let mid_points = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    points
        .iter()
        .map(|p| {
            let q = [
                mid_area[0] + (p[0] - mid_points[0]) * scale[0],
                mid_area[1] + (p[1] - mid_points[1]) * scale[1],
            ];
            if q[0].is_finite() && q[1].is_finite() {
                q
            } else {
                mid_area
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::seed_map;

    fn seed_scene() -> Scene {
        let map = seed_map();
        Scene::build(&map, &layout::map_positions(&map, 42), &Options::default())
    }

    #[test]
    fn every_seed_actor_is_labelled_and_no_label_overlaps_a_node_or_label() {
        let scene = seed_scene();
        assert_eq!(scene.unlabelled, 0);
        assert_eq!(scene.labels.len(), scene.nodes.len());
        for (i, a) in scene.labels.iter().enumerate() {
            for n in &scene.nodes {
                assert!(
                    !a.rect.meets_circle(n.center, n.radius),
                    "{} over {}",
                    a.text,
                    n.name
                );
            }
            for b in &scene.labels[i + 1..] {
                assert!(!a.rect.intersects(&b.rect), "{} over {}", a.text, b.text);
            }
        }
    }

    #[test]
    fn seed_edges_stay_clear_of_labels() {
        let scene = seed_scene();
        for e in &scene.edges {
            for l in &scene.labels {
                assert!(
                    !l.rect.meets_polyline(&e.geom.samples),
                    "an edge crosses {}",
                    l.text
                );
            }
        }
    }

    #[test]
    fn nodes_fit_the_canvas_beside_the_legend() {
        let scene = seed_scene();
        let legend = scene.legend.as_ref().unwrap().rect;
        for n in &scene.nodes {
            assert!(n.center[0] - n.radius > 0.0 && n.center[0] + n.radius < legend.x0);
            assert!(n.center[1] - n.radius > 0.0 && n.center[1] + n.radius < scene.height);
        }
    }

    #[test]
    fn the_title_defaults_to_the_article_opening_and_can_be_replaced_or_dropped() {
        let map = seed_map();
        let pos = layout::map_positions(&map, 42);
        let scene = Scene::build(&map, &pos, &Options::default());
        let lines: Vec<&str> = scene.title.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("Russia has stepped"), "{lines:?}");
        // A long title wraps onto two lines, each within the margins.
        let long = Options {
            title: Some("Russia has stepped directly into South Asia's fraught political crosscurrents with President Vladimir Putin publicly defending the Taliban’s hold over Afghanistan and its counter-terrorism efforts, in remarks that sharply contradicted Pakistan’s long-running allegations".into()),
            ..Options::default()
        };
        let scene = Scene::build(&map, &pos, &long);
        let lines: Vec<&str> = scene.title.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        let max = Options::default().width as f32 - 2.0 * MARGIN;
        assert!(
            lines
                .iter()
                .all(|l| text_width(l, TITLE_SIZE, Weight::SemiBold) <= max)
        );
        let opts = Options {
            title: Some(String::new()),
            ..Options::default()
        };
        assert!(Scene::build(&map, &pos, &opts).title.is_empty());
    }

    #[test]
    fn missing_positions_are_filled_in() {
        let map = seed_map();
        let scene = Scene::build(&map, &BTreeMap::new(), &Options::default());
        assert_eq!(scene.nodes.len(), map.entities.len());
    }

    /// A merged map of `n` made-up articles about `STATES`, some actors
    /// only mentioned: a crowded map like a corpus gives.
    fn merged_articles(n: usize) -> RelationMap {
        use crate::model::{Article, merge_maps};
        const STATES: [&str; 60] = [
            "France",
            "Germany",
            "Russia",
            "China",
            "India",
            "Pakistan",
            "Iran",
            "Israel",
            "Egypt",
            "Turkey",
            "Japan",
            "Brazil",
            "Mexico",
            "Canada",
            "Italy",
            "Spain",
            "Poland",
            "Ukraine",
            "Nigeria",
            "Kenya",
            "Ethiopia",
            "Sudan",
            "Qatar",
            "Syria",
            "Iraq",
            "Chile",
            "Peru",
            "Norway",
            "Sweden",
            "Greece",
            "Belarus",
            "Eritrea",
            "Somalia",
            "Libya",
            "Algeria",
            "Morocco",
            "Tunisia",
            "Jordan",
            "Lebanon",
            "Yemen",
            "Oman",
            "Armenia",
            "Azerbaijan",
            "Georgia",
            "Serbia",
            "Hungary",
            "Romania",
            "Vietnam",
            "Thailand",
            "Cambodia",
            "Indonesia",
            "Australia",
            "Argentina",
            "Colombia",
            "Venezuela",
            "Cuba",
            "Ghana",
            "Mali",
            "Chad",
            "Niger",
        ];
        const SAYS: [&str; 6] = [
            "{a} condemned {b} on Monday.",
            "{a} signed a trade agreement with {b}.",
            "{a} accused {b} of violating the ceasefire.",
            "{a} praised {b} for its support.",
            "Troops from {a} attacked positions held by {b}.",
            "{a} criticised {b} over the dispute.",
        ];
        let mut rng = layout::SplitMix64::new(7);
        let mut pick = |k: usize| rng.below(k as u64) as usize;
        let maps = (0..n).map(|k| {
            let mut text = String::new();
            for _ in 0..6 {
                let (a, b) = (STATES[pick(STATES.len())], STATES[pick(STATES.len())]);
                if a != b {
                    let say = SAYS[pick(SAYS.len())];
                    text.push_str(&say.replace("{a}", a).replace("{b}", b));
                    text.push(' ');
                }
            }
            text.push_str(&format!("{} did not comment.", STATES[pick(STATES.len())]));
            let article = Article {
                id: "a1".to_string(),
                title: format!("Article {k}"),
                source: None,
                date: None,
                sentences: crate::text::sentences::split(&text),
                text,
            };
            crate::extract::extract(&article)
        });
        merge_maps(maps.collect::<Vec<_>>())
    }

    #[test]
    fn a_crowded_merged_map_reads_at_a_glance() {
        let map = merged_articles(50);
        let scene = Scene::build(&map, &layout::map_positions(&map, 42), &Options::default());
        assert!(
            scene.nodes.len() >= 25 && scene.edges.len() >= 40,
            "a crowded map"
        );
        let overlaps = |k: usize| {
            let a = &scene.nodes[k];
            scene.nodes[k + 1..]
                .iter()
                .filter(|b| {
                    let d = (a.center[0] - b.center[0]).hypot(a.center[1] - b.center[1]);
                    d < a.radius + b.radius
                })
                .count()
        };
        let actors: usize = (0..scene.nodes.len()).map(overlaps).sum();
        let labels: usize = (0..scene.labels.len())
            .map(|k| {
                let a = scene.labels[k].rect;
                scene.labels[k + 1..]
                    .iter()
                    .filter(|b| a.intersects(&b.rect))
                    .count()
            })
            .sum();
        let on_actors = scene
            .labels
            .iter()
            .map(|l| {
                let others = scene.nodes.iter().enumerate().filter(|(i, _)| *i != l.node);
                others
                    .filter(|(_, n)| l.rect.meets_circle(n.center, n.radius))
                    .count()
            })
            .sum::<usize>();
        let far = scene
            .labels
            .iter()
            .filter(|l| {
                let n = &scene.nodes[l.node];
                labels::gap(&l.rect, n.center, n.radius) > labels::MAX_GAP
            })
            .count();
        assert_eq!(
            (actors, labels, on_actors, far),
            (0, 0, 0, 0),
            "overlapping actors, overlapping labels, labels on actors, labels far away"
        );
        assert!(
            scene.labels.len() * 10 >= scene.nodes.len() * 8,
            "most actors are named: {} of {}",
            scene.labels.len(),
            scene.nodes.len()
        );
    }

    #[test]
    fn overlapping_and_coinciding_actors_are_pushed_apart() {
        let mut centers = vec![
            [100.0, 100.0],
            [100.0, 100.0],
            [110.0, 104.0],
            [300.0, 300.0],
        ];
        let radii = [12.0, 8.0, 10.0, 10.0];
        let bounds = Rect::new(0.0, 0.0, 400.0, 400.0);
        separate(&mut centers, &radii, &[0, 1, 2, 3], bounds);
        for a in 0..4 {
            for b in a + 1..4 {
                let (p, q) = (centers[a], centers[b]);
                let d = (p[0] - q[0]).hypot(p[1] - q[1]);
                assert!(d >= radii[a] + radii[b], "{a} and {b}: {centers:?}");
            }
        }
        assert_eq!(centers[3], [300.0, 300.0], "an actor alone stays put");
    }

    /// `n` actors of radius 4 on a jittered grid 9 px apart (a few of
    /// them overlapping their neighbour), in bounds with room to spare.
    fn crowd(n: usize) -> (Vec<Point>, Vec<f32>, Rect) {
        let side = (n as f32).sqrt().ceil() as usize;
        let centers = (0..n)
            .map(|i| {
                let jitter = if i % 7 == 0 { 5.0 } else { 0.0 };
                [(i % side) as f32 * 9.0 + jitter, (i / side) as f32 * 9.0]
            })
            .collect();
        let extent = side as f32 * 9.0 * 2.0;
        (centers, vec![4.0; n], Rect::new(0.0, 0.0, extent, extent))
    }

    #[test]
    fn separating_grows_with_the_number_of_actors_not_its_square() {
        let mut work = Vec::new();
        for n in [2_000, 8_000] {
            let (mut centers, radii, bounds) = crowd(n);
            let which: Vec<usize> = (0..n).collect();
            work.push(separate(&mut centers, &radii, &which, bounds));
        }
        assert!(work[0] > 0);
        assert!(
            work[1] <= 5 * work[0],
            "4x the actors, {work:?} pairs compared"
        );
    }

    #[test]
    fn actors_too_many_to_fit_apart_are_left_as_they_are() {
        let n = 10_000;
        let (mut centers, radii, _) = crowd(n);
        let before = centers.clone();
        let which: Vec<usize> = (0..n).collect();
        let small = Rect::new(0.0, 0.0, 200.0, 200.0);
        assert_eq!(separate(&mut centers, &radii, &which, small), 0);
        assert_eq!(centers, before);
    }
}
