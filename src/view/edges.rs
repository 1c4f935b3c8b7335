//! Edge routing: each edge is a quadratic curve from the source's outline
//! to an arrowhead at the target's outline. Edges between the same two
//! actors (several stances, or both directions) fan out as separate curves;
//! a whole fan may bend a little further to stay clear of labels and of
//! nodes it does not connect.

use super::geom::{Grid, Point, Rect, add, perp, quad_at, scale, sub, unit};
use super::style::{Shape, arrow_size, boundary_distance};
use std::collections::BTreeMap;

/// A node as edges see it.
#[derive(Debug, Clone, Copy)]
pub struct NodeGeom {
    pub center: Point,
    pub radius: f32,
    pub shape: Shape,
}

/// An edge to route.
#[derive(Debug, Clone, Copy)]
pub struct EdgeSpec {
    pub source: usize,
    pub target: usize,
    pub width: f32,
    pub arrow: bool,
}

/// The drawn path of an edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Path {
    Quad {
        start: Point,
        control: Point,
        end: Point,
    },
    /// Self-loops.
    Cubic {
        start: Point,
        c1: Point,
        c2: Point,
        end: Point,
    },
}

/// A routed edge: its path, its arrowhead (tip first) and a polyline that
/// follows it and outlines the arrowhead, for collision tests.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeGeom {
    pub path: Path,
    pub arrow: Option<[Point; 3]>,
    pub samples: Vec<Point>,
}

impl EdgeGeom {
    /// The drawn line, without the arrowhead's outline.
    pub fn line(&self) -> &[Point] {
        let n = self.samples.len() - if self.arrow.is_some() { 4 } else { 0 };
        &self.samples[..n]
    }
}

/// Space between neighbouring edges of a fan, besides their widths.
const FAN_GAP: f32 = 16.0;

/// Where each edge of a fan (the edges between the same two actors, in
/// order) bulges, in pixels at its middle along the normal of the lower
/// -> higher actor index (see [`curve`]); a lone edge is straight. The
/// window and the pictures fan edges with this.
pub fn fan_offsets(widths: &[f32]) -> Vec<f32> {
    let widest = widths.iter().copied().fold(0.0, f32::max);
    let spacing = FAN_GAP + 1.5 * widest;
    let k = widths.len() as f32;
    (0..widths.len())
        .map(|slot| (slot as f32 - (k - 1.0) / 2.0) * spacing)
        .collect()
}

/// Bend offsets tried for a fan, in pixels at the curve's middle.
const BENDS: [f32; 11] = [
    0.0, 12.0, -12.0, 24.0, -24.0, 36.0, -36.0, 50.0, -50.0, 70.0, -70.0,
];
const SAMPLES: usize = 16;
/// Above this many node pairs the picture is a hairball where a bend
/// rarely clears anything, and trying bends costs minutes at 10k edges:
/// draw every fan straight through.
const SEARCH_UP_TO: usize = 500;

/// Route every edge. `avoid` are boxes (labels, legend, title) edges should
/// not cross when bending a little avoids it.
pub fn route(
    nodes: &[NodeGeom],
    specs: &[EdgeSpec],
    avoid: &[Rect],
    bounds: Rect,
) -> Vec<EdgeGeom> {
    let mut fans: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut loops: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, e) in specs.iter().enumerate() {
        if e.source == e.target {
            loops.entry(e.source).or_default().push(i);
        } else {
            let key = (e.source.min(e.target), e.source.max(e.target));
            fans.entry(key).or_default().push(i);
        }
    }
    let cell = 48.0;
    let mut node_grid = Grid::new(bounds.x1, bounds.y1, cell);
    for (i, n) in nodes.iter().enumerate() {
        let r = n.radius;
        node_grid.insert(
            i as u32,
            &Rect::new(
                n.center[0] - r,
                n.center[1] - r,
                n.center[0] + r,
                n.center[1] + r,
            ),
        );
    }
    let mut box_grid = Grid::new(bounds.x1, bounds.y1, cell);
    for (i, r) in avoid.iter().enumerate() {
        box_grid.insert(i as u32, r);
    }
    let ctx = Context {
        nodes,
        avoid,
        node_grid,
        box_grid,
    };

    let mut out: Vec<Option<EdgeGeom>> = vec![None; specs.len()];
    let mut near = Vec::new();
    let bends = if fans.len() <= SEARCH_UP_TO {
        &BENDS[..]
    } else {
        &BENDS[..1]
    };
    for (&(lo, hi), members) in &fans {
        let widths: Vec<f32> = members.iter().map(|&i| specs[i].width).collect();
        let offsets = fan_offsets(&widths);
        let base = |slot: usize| offsets[slot];
        let mut best: Option<(f32, Vec<EdgeGeom>)> = None;
        for (n, &bend) in bends.iter().enumerate() {
            let fan: Vec<EdgeGeom> = members
                .iter()
                .enumerate()
                .map(|(slot, &i)| curve(nodes, &specs[i], lo, hi, base(slot) + bend))
                .collect();
            if bends.len() == 1 {
                best = Some((0.0, fan));
                break;
            }
            let hits: f32 = fan
                .iter()
                .zip(members)
                .map(|(g, &i)| ctx.hits(g, &specs[i], &mut near))
                .sum();
            let cost = hits + 0.4 * n as f32 / 2.0;
            if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                best = Some((cost, fan));
            }
            if hits == 0.0 {
                break;
            }
        }
        if let Some((_, fan)) = best {
            for (g, &i) in fan.into_iter().zip(members) {
                out[i] = Some(g);
            }
        }
    }
    for (&node, members) in &loops {
        for (j, &i) in members.iter().enumerate() {
            out[i] = Some(self_loop(&nodes[node], &specs[i], j));
        }
    }
    out.into_iter()
        .map(|g| g.expect("every edge is in a fan or a loop"))
        .collect()
}

struct Context<'a> {
    nodes: &'a [NodeGeom],
    avoid: &'a [Rect],
    node_grid: Grid,
    box_grid: Grid,
}

impl Context<'_> {
    /// How bad a routed edge is: 10 per box crossed, 5 per foreign node
    /// touched.
    fn hits(&self, g: &EdgeGeom, spec: &EdgeSpec, near: &mut Vec<u32>) -> f32 {
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in &g.samples {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
        let bbox = Rect::new(lo[0], lo[1], hi[0], hi[1]);
        let mut cost = 0.0;
        self.box_grid.query(&bbox, near);
        let margin = spec.width / 2.0 + 1.5;
        for &i in near.iter() {
            if self.avoid[i as usize]
                .grow(margin)
                .meets_polyline(&g.samples)
            {
                cost += 10.0;
            }
        }
        self.node_grid.query(&bbox.grow(2.0), near);
        for &i in near.iter() {
            let i = i as usize;
            if i == spec.source || i == spec.target {
                continue;
            }
            let n = &self.nodes[i];
            let hit = g
                .samples
                .windows(2)
                .any(|w| super::geom::segment_distance(n.center, w[0], w[1]) < n.radius + 2.0);
            if hit {
                cost += 5.0;
            }
        }
        cost
    }
}

/// A curve from `spec.source` to `spec.target` bulging `offset` pixels at
/// its middle, measured along the normal of the fan's direction lo -> hi
/// (so A->B and B->A with different offsets never coincide).
pub fn curve(nodes: &[NodeGeom], spec: &EdgeSpec, lo: usize, hi: usize, offset: f32) -> EdgeGeom {
    let (a, b) = (&nodes[spec.source], &nodes[spec.target]);
    let along = unit(sub(nodes[hi].center, nodes[lo].center), [1.0, 0.0]);
    let normal = perp(along);
    let mid = scale(add(a.center, b.center), 0.5);
    let control = add(mid, scale(normal, 2.0 * offset));
    let fallback = unit(sub(b.center, a.center), along);
    let dir_a = unit(sub(control, a.center), fallback);
    let start = add(
        a.center,
        scale(dir_a, boundary_distance(a.shape, a.radius, dir_a) + 1.5),
    );
    let dir_b = unit(sub(control, b.center), scale(fallback, -1.0));
    let tip = add(
        b.center,
        scale(dir_b, boundary_distance(b.shape, b.radius, dir_b) + 2.0),
    );
    let (end, arrow) = if spec.arrow {
        let (len, half) = arrow_size(spec.width);
        let t = unit(sub(tip, control), fallback);
        let base = sub(tip, scale(t, len));
        let side = scale(perp(t), half);
        (
            sub(tip, scale(t, len * 0.8)),
            Some([tip, add(base, side), sub(base, side)]),
        )
    } else {
        (tip, None)
    };
    let mut samples: Vec<Point> = (0..=SAMPLES)
        .map(|k| quad_at(start, control, end, k as f32 / SAMPLES as f32))
        .collect();
    if let Some([tip, left, right]) = arrow {
        samples.extend([left, tip, right, end]);
    }
    EdgeGeom {
        path: Path::Quad {
            start,
            control,
            end,
        },
        arrow,
        samples,
    }
}

/// A loop on the node's upper right; later loops on the same node are larger.
pub fn self_loop(node: &NodeGeom, spec: &EdgeSpec, index: usize) -> EdgeGeom {
    let (c, r) = (node.center, node.radius);
    let size = r * (2.4 + 0.9 * index as f32) + 10.0;
    let out_dir = [0.5, -0.866];
    let in_dir = [0.866, -0.5];
    let start = add(c, scale(out_dir, r + 1.5));
    let c1 = add(c, [0.35 * size, -1.1 * size]);
    let c2 = add(c, [1.1 * size, -0.35 * size]);
    let tip = add(c, scale(in_dir, r + 2.0));
    let (end, arrow) = if spec.arrow {
        let (len, half) = arrow_size(spec.width);
        let t = unit(sub(tip, c2), [-1.0, 0.0]);
        let base = sub(tip, scale(t, len));
        let side = scale(perp(t), half);
        (
            sub(tip, scale(t, len * 0.8)),
            Some([tip, add(base, side), sub(base, side)]),
        )
    } else {
        (tip, None)
    };
    let mut samples: Vec<Point> = (0..=SAMPLES)
        .map(|k| {
            let t = k as f32 / SAMPLES as f32;
            let u = 1.0 - t;
            let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
            [
                w[0] * start[0] + w[1] * c1[0] + w[2] * c2[0] + w[3] * end[0],
                w[0] * start[1] + w[1] * c1[1] + w[2] * c2[1] + w[3] * end[1],
            ]
        })
        .collect();
    if let Some([tip, left, right]) = arrow {
        samples.extend([left, tip, right, end]);
    }
    EdgeGeom {
        path: Path::Cubic { start, c1, c2, end },
        arrow,
        samples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::geom::distance;

    fn node(x: f32, y: f32) -> NodeGeom {
        NodeGeom {
            center: [x, y],
            radius: 10.0,
            shape: Shape::Circle,
        }
    }

    fn spec(source: usize, target: usize) -> EdgeSpec {
        EdgeSpec {
            source,
            target,
            width: 2.0,
            arrow: true,
        }
    }

    fn middle(g: &EdgeGeom) -> Point {
        g.samples[SAMPLES / 2]
    }

    #[test]
    fn parallel_and_opposite_edges_are_drawn_apart() {
        let nodes = [node(100.0, 100.0), node(300.0, 100.0)];
        let specs = [spec(0, 1), spec(0, 1), spec(1, 0)];
        let bounds = Rect::new(0.0, 0.0, 400.0, 300.0);
        let g = route(&nodes, &specs, &[], bounds);
        for i in 0..3 {
            for j in i + 1..3 {
                assert!(distance(middle(&g[i]), middle(&g[j])) > 12.0, "{i} {j}");
            }
        }
    }

    #[test]
    fn arrowheads_touch_the_target_outline() {
        let nodes = [node(100.0, 100.0), node(300.0, 100.0)];
        let g = route(
            &nodes,
            &[spec(0, 1)],
            &[],
            Rect::new(0.0, 0.0, 400.0, 300.0),
        );
        let tip = g[0].arrow.unwrap()[0];
        assert!((distance(tip, nodes[1].center) - 12.0).abs() < 0.5);
    }

    #[test]
    fn an_edge_bends_around_a_label_in_its_way() {
        let nodes = [node(100.0, 100.0), node(300.0, 100.0)];
        let label = Rect::new(180.0, 95.0, 220.0, 105.0);
        let g = route(
            &nodes,
            &[spec(0, 1)],
            &[label],
            Rect::new(0.0, 0.0, 400.0, 300.0),
        );
        assert!(!label.meets_polyline(&g[0].samples));
    }

    #[test]
    fn self_loops_get_a_path() {
        let nodes = [node(100.0, 100.0)];
        let g = route(
            &nodes,
            &[spec(0, 0)],
            &[],
            Rect::new(0.0, 0.0, 400.0, 300.0),
        );
        assert!(matches!(g[0].path, Path::Cubic { .. }));
    }
}
