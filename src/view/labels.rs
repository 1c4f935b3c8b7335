//! Greedy label placement: the most prominent actors choose first, each
//! label tries spots around its node (right, left, the diagonals, above,
//! below), then the same spots nudged further out, and takes the cheapest
//! spot that overlaps no node, no other label and no reserved area, where
//! crossing an edge costs extra. A label with no free spot is left out
//! rather than drawn over something.

use super::geom::{Grid, Point, Rect};

/// Space between a node's outline and its label.
const GAP: f32 = 5.0;
/// The farthest a label may sit from its node's outline: further out, a
/// reader can no longer tell whose name it is.
pub const MAX_GAP: f32 = 16.0;
/// Padding around the text inside its box.
pub const PAD: f32 = 2.0;
/// Outward steps tried per direction, and their length in pixels.
const NUDGES: usize = 8;
const NUDGE_STEP: f32 = 7.0;

/// A label to place next to a node.
#[derive(Debug, Clone)]
pub struct Request {
    pub node: usize,
    pub center: Point,
    pub radius: f32,
    pub width: f32,
}

/// A placed label: its box and where its text baseline starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub node: usize,
    pub rect: Rect,
    pub baseline: Point,
}

/// What labels must keep clear of.
pub struct Obstacles<'a> {
    /// Every node as (centre, radius).
    pub nodes: &'a [(Point, f32)],
    /// Every edge as a polyline.
    pub edges: &'a [Vec<Point>],
    /// Title, legend: no label may touch them.
    pub reserved: &'a [Rect],
    /// Labels must lie inside.
    pub bounds: Rect,
}

/// Place labels of text size `size` in the order given (most important
/// first); returns the placed ones.
pub fn place(requests: &[Request], size: f32, obstacles: &Obstacles) -> Vec<Placed> {
    let b = obstacles.bounds;
    let cell = (size * 4.0).max(32.0);
    let mut node_grid = Grid::new(b.x1, b.y1, cell);
    for (i, &(c, r)) in obstacles.nodes.iter().enumerate() {
        node_grid.insert(i as u32, &Rect::new(c[0] - r, c[1] - r, c[0] + r, c[1] + r));
    }
    let mut edge_grid = Grid::new(b.x1, b.y1, cell);
    for (i, line) in obstacles.edges.iter().enumerate() {
        for w in line.windows(2) {
            let r = Rect::new(
                w[0][0].min(w[1][0]),
                w[0][1].min(w[1][1]),
                w[0][0].max(w[1][0]),
                w[0][1].max(w[1][1]),
            );
            edge_grid.insert(i as u32, &r);
        }
    }
    let mut label_grid = Grid::new(b.x1, b.y1, cell);
    let mut placed: Vec<Placed> = Vec::new();
    let mut near = Vec::new();
    let height = text_height(size);

    for request in requests {
        let mut best: Option<(f32, Rect)> = None;
        for (cost, rect) in candidates(request, height) {
            if best.is_some_and(|(c, _)| c <= cost) {
                continue;
            }
            if !b.contains_rect(&rect) || obstacles.reserved.iter().any(|r| r.intersects(&rect)) {
                continue;
            }
            let padded = rect.grow(2.0);
            node_grid.query(&padded, &mut near);
            if near.iter().any(|&i| {
                let (c, r) = obstacles.nodes[i as usize];
                padded.meets_circle(c, r)
            }) {
                continue;
            }
            let spaced = rect.grow(3.0);
            label_grid.query(&spaced, &mut near);
            if near
                .iter()
                .any(|&i| placed[i as usize].rect.intersects(&spaced))
            {
                continue;
            }
            edge_grid.query(&rect, &mut near);
            let crossings = near
                .iter()
                .filter(|&&i| rect.grow(3.5).meets_polyline(&obstacles.edges[i as usize]))
                .count();
            let cost = cost + 3.0 * crossings as f32;
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, rect));
            }
        }
        if let Some((_, rect)) = best {
            label_grid.insert(placed.len() as u32, &rect);
            placed.push(Placed {
                node: request.node,
                rect,
                baseline: [rect.x0 + PAD, rect.y0 + PAD + ascent(size)],
            });
        }
    }
    placed
}

/// Height of a label box: cap height and descender of Inter plus padding.
pub fn text_height(size: f32) -> f32 {
    ascent(size) + 0.24 * size + 2.0 * PAD
}

/// Baseline offset below the top of the text: Inter's cap height and a hair.
fn ascent(size: f32) -> f32 {
    0.76 * size
}

/// How far `rect` is from the outline of the node at `center` with
/// `radius` (0 when it touches or covers it).
pub fn gap(rect: &Rect, center: Point, radius: f32) -> f32 {
    let dx = (rect.x0 - center[0]).max(center[0] - rect.x1).max(0.0);
    let dy = (rect.y0 - center[1]).max(center[1] - rect.y1).max(0.0);
    (dx.hypot(dy) - radius).max(0.0)
}

/// Candidate boxes around a node with their base cost, cheapest first
/// within each nudge distance.
fn candidates(req: &Request, h: f32) -> Vec<(f32, Rect)> {
    let [cx, cy] = req.center;
    let (r, w) = (req.radius, req.width + 2.0 * PAD);
    let d = 0.72 * r + GAP * 0.6;
    // (preference, top-left corner, outward direction)
    let spots: [(f32, Point, Point); 8] = [
        (0.0, [cx + r + GAP, cy - h / 2.0], [1.0, 0.0]),
        (0.6, [cx - r - GAP - w, cy - h / 2.0], [-1.0, 0.0]),
        (1.0, [cx + d, cy - d - h], [0.7, -0.7]),
        (1.2, [cx + d, cy + d], [0.7, 0.7]),
        (1.4, [cx - w / 2.0, cy - r - GAP - h], [0.0, -1.0]),
        (1.5, [cx - w / 2.0, cy + r + GAP], [0.0, 1.0]),
        (1.7, [cx - d - w, cy - d - h], [-0.7, -0.7]),
        (1.9, [cx - d - w, cy + d], [-0.7, 0.7]),
    ];
    let mut out = Vec::with_capacity(spots.len() * (1 + NUDGES * 3));
    let near = |rect: &Rect| gap(rect, req.center, r) <= MAX_GAP;
    for k in 0..=NUDGES {
        let step = k as f32 * NUDGE_STEP;
        for &(pref, [x, y], [dx, dy]) in &spots {
            let cost = pref + 0.45 * k as f32;
            let x0 = x + dx * step;
            let y0 = y + dy * step;
            let rect = Rect::new(x0, y0, x0 + w, y0 + h);
            if near(&rect) {
                out.push((cost, rect));
            }
            if k > 0 {
                // Slide along the node instead of away from it.
                let (sx, sy) = if dx.abs() > dy.abs() {
                    (0.0, step)
                } else {
                    (step, 0.0)
                };
                for sign in [-1.0, 1.0] {
                    let (x0, y0) = (x + sx * sign, y + sy * sign);
                    let rect = Rect::new(x0, y0, x0 + w, y0 + h);
                    if near(&rect) {
                        out.push((cost + 0.1, rect));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_avoid_nodes_and_each_other() {
        let nodes = [
            ([100.0, 100.0], 10.0),
            ([150.0, 100.0], 10.0),
            ([125.0, 80.0], 8.0),
        ];
        let requests: Vec<Request> = nodes
            .iter()
            .enumerate()
            .map(|(i, &(c, r))| Request {
                node: i,
                center: c,
                radius: r,
                width: 60.0,
            })
            .collect();
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &[],
            reserved: &[],
            bounds: Rect::new(0.0, 0.0, 400.0, 300.0),
        };
        let placed = place(&requests, 14.0, &obstacles);
        assert_eq!(placed.len(), 3);
        for (i, a) in placed.iter().enumerate() {
            for &(c, r) in &nodes {
                assert!(!a.rect.meets_circle(c, r));
            }
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(&b.rect));
            }
        }
    }

    #[test]
    fn a_label_prefers_a_spot_without_edges() {
        let nodes = [([100.0, 100.0], 10.0)];
        // An edge running off to the right through the preferred spot.
        let edges = vec![vec![[110.0, 100.0], [300.0, 100.0]]];
        let req = [Request {
            node: 0,
            center: [100.0, 100.0],
            radius: 10.0,
            width: 50.0,
        }];
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &edges,
            reserved: &[],
            bounds: Rect::new(0.0, 0.0, 400.0, 300.0),
        };
        let placed = place(&req, 14.0, &obstacles);
        assert!(!placed[0].rect.meets_polyline(&edges[0]));
    }

    #[test]
    fn no_room_means_no_label() {
        let nodes = [([10.0, 10.0], 8.0)];
        let req = [Request {
            node: 0,
            center: [10.0, 10.0],
            radius: 8.0,
            width: 500.0,
        }];
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &[],
            reserved: &[],
            bounds: Rect::new(0.0, 0.0, 100.0, 100.0),
        };
        assert!(place(&req, 14.0, &obstacles).is_empty());
    }
}
