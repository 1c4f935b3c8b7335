//! Actor names on the map, placed all at once so they do not cover each
//! other or other actors: each label tries below its node, then above, to
//! the right, to the left, the diagonals, then a little further out,
//! preferring a spot no edge crosses, and is left out when nothing is free (the hovered and selected
//! actors' labels are always drawn). Labels keep their size on screen at
//! every zoom.

use egui::{Pos2, Rect, Vec2};

/// Space between a node's outline and its label.
const GAP: f32 = 3.0;

/// A label to place.
#[derive(Debug, Clone, Copy)]
pub struct Request {
    pub center: Pos2,
    pub radius: f32,
    pub size: Vec2,
    /// Drawn even where it overlaps something.
    pub force: bool,
}

/// What labels keep clear of.
pub struct Obstacles<'a> {
    /// Every node as (centre, radius).
    pub nodes: &'a [(Pos2, f32)],
    /// Every edge as a polyline with its bounding box.
    pub edges: &'a [(Rect, Vec<Pos2>)],
    pub bounds: Rect,
}

/// Place `requests` (most important first) clear of the obstacles and of
/// each other; `None` for labels left out.
pub fn place(requests: &[Request], obstacles: &Obstacles) -> Vec<Option<Rect>> {
    let grid = Grid::new(obstacles.nodes, obstacles.bounds);
    let mut placed: Vec<Rect> = Vec::with_capacity(requests.len());
    requests
        .iter()
        .map(|q| {
            let free: Vec<Rect> = candidates(q)
                .into_iter()
                .filter(|rect| {
                    obstacles.bounds.contains_rect(*rect)
                        && !placed.iter().any(|p| p.expand(2.0).intersects(*rect))
                        && !grid.near(*rect).any(|i| {
                            let (c, r) = obstacles.nodes[i];
                            (c - q.center).length_sq() > 0.01 && meets_circle(rect, c, r + 1.0)
                        })
                })
                .collect();
            let spot = free
                .iter()
                .copied()
                .find(|rect| !crosses_edge(rect, obstacles.edges))
                .or_else(|| free.first().copied());
            let spot = spot.or_else(|| q.force.then(|| candidates(q)[0]));
            if let Some(rect) = spot {
                placed.push(rect);
            }
            spot
        })
        .collect()
}

/// Nodes bucketed by screen cell, so a label looks only at the nodes near
/// it: a large map has thousands in view.
struct Grid {
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
    /// The largest radius: how far a node beyond a cell can reach into it.
    reach: f32,
}

/// Grid cell size in points, about a label's width.
const CELL: f32 = 64.0;

impl Grid {
    fn new(nodes: &[(Pos2, f32)], bounds: Rect) -> Grid {
        let area = bounds.expand(CELL);
        let cols = (area.width() / CELL).ceil().clamp(1.0, 1000.0) as usize;
        let rows = (area.height() / CELL).ceil().clamp(1.0, 1000.0) as usize;
        let mut grid = Grid {
            origin: area.min,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            reach: nodes.iter().map(|&(_, r)| r).fold(0.0, f32::max) + 1.0,
        };
        for (i, &(c, _)) in nodes.iter().enumerate() {
            let (x, y) = grid.cell_of(c);
            grid.cells[y * cols + x].push(i);
        }
        grid
    }

    /// The cell holding `p`, clamped to the grid (nodes off screen share
    /// the border cells, which keeps them as obstacles).
    fn cell_of(&self, p: Pos2) -> (usize, usize) {
        let x = ((p.x - self.origin.x) / CELL).floor();
        let y = ((p.y - self.origin.y) / CELL).floor();
        (
            (x.max(0.0) as usize).min(self.cols - 1),
            (y.max(0.0) as usize).min(self.rows - 1),
        )
    }

    /// Nodes whose disc may meet `rect`.
    fn near(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        let area = rect.expand(self.reach);
        let (x0, y0) = self.cell_of(area.min);
        let (x1, y1) = self.cell_of(area.max);
        (y0..=y1).flat_map(move |y| {
            (x0..=x1).flat_map(move |x| self.cells[y * self.cols + x].iter().copied())
        })
    }
}

fn candidates(q: &Request) -> Vec<Rect> {
    let (c, r, s) = (q.center, q.radius, q.size);
    let below = Pos2::new(c.x - s.x / 2.0, c.y + r + GAP);
    let above = Pos2::new(c.x - s.x / 2.0, c.y - r - GAP - s.y);
    let right = Pos2::new(c.x + r + GAP + 2.0, c.y - s.y / 2.0);
    let left = Pos2::new(c.x - r - GAP - 2.0 - s.x, c.y - s.y / 2.0);
    let d = r * 0.7;
    let mut spots = vec![
        below,
        above,
        right,
        left,
        Pos2::new(c.x + d, c.y + d),
        Pos2::new(c.x - d - s.x, c.y + d),
        Pos2::new(c.x + d, c.y - d - s.y),
        Pos2::new(c.x - d - s.x, c.y - d - s.y),
    ];
    // Crowded rows: below or above but hanging to one side, then a line
    // further out, before a label is left out.
    for dx in [s.x / 2.0, -s.x / 2.0] {
        spots.push(below + Vec2::new(dx, 0.0));
        spots.push(above + Vec2::new(dx, 0.0));
    }
    spots.push(below + Vec2::new(0.0, s.y));
    spots.push(above - Vec2::new(0.0, s.y));
    spots
        .into_iter()
        .map(|min| Rect::from_min_size(min, s))
        .collect()
}

fn crosses_edge(rect: &Rect, edges: &[(Rect, Vec<Pos2>)]) -> bool {
    edges.iter().any(|(bbox, line)| {
        bbox.intersects(*rect)
            && line
                .windows(2)
                .any(|w| segment_meets_rect(w[0], w[1], rect))
    })
}

/// Does the segment `a`-`b` touch `rect`? (Sampled: labels are small and
/// edges are drawn as short segments.)
fn segment_meets_rect(a: Pos2, b: Pos2, rect: &Rect) -> bool {
    let steps = ((b - a).length() / 4.0).ceil().max(1.0) as usize;
    (0..=steps).any(|k| rect.contains(a + (b - a) * (k as f32 / steps as f32)))
}

fn meets_circle(rect: &Rect, c: Pos2, r: f32) -> bool {
    let nearest = rect.clamp(c);
    (nearest - c).length_sq() < r * r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f32, y: f32) -> Request {
        Request {
            center: Pos2::new(x, y),
            radius: 10.0,
            size: Vec2::new(60.0, 16.0),
            force: false,
        }
    }

    #[test]
    fn labels_go_below_when_free_and_elsewhere_when_not() {
        let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::splat(500.0));
        let nodes = [
            (Pos2::new(100.0, 100.0), 10.0),
            (Pos2::new(100.0, 130.0), 10.0),
        ];
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &[],
            bounds,
        };
        let placed = place(&[request(100.0, 100.0), request(100.0, 130.0)], &obstacles);
        let first = placed[0].unwrap();
        assert!(
            first.min.y < 100.0,
            "below is taken by the other node: {first:?}"
        );
        assert!(placed[1].unwrap().min.y > 130.0);
    }

    #[test]
    fn crowded_labels_are_left_out_unless_forced() {
        let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::new(40.0, 40.0));
        let nodes = [(Pos2::new(20.0, 20.0), 10.0)];
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &[],
            bounds,
        };
        assert_eq!(place(&[request(20.0, 20.0)], &obstacles), vec![None]);
        let forced = Request {
            force: true,
            ..request(20.0, 20.0)
        };
        assert!(place(&[forced], &obstacles)[0].is_some());
    }

    #[test]
    fn a_crowded_row_of_actors_keeps_every_label() {
        let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::splat(500.0));
        let nodes: Vec<(Pos2, f32)> = (0..5)
            .map(|k| (Pos2::new(100.0 + 40.0 * k as f32, 200.0), 10.0))
            .collect();
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &[],
            bounds,
        };
        let requests: Vec<Request> = nodes
            .iter()
            .map(|&(c, _)| Request {
                size: Vec2::new(90.0, 16.0),
                ..request(c.x, c.y)
            })
            .collect();
        let spots: Vec<Rect> = place(&requests, &obstacles)
            .into_iter()
            .map(|s| s.expect("every label placed"))
            .collect();
        for (i, a) in spots.iter().enumerate() {
            for b in &spots[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_label_moves_off_an_edge_when_it_can() {
        let bounds = Rect::from_min_size(Pos2::ZERO, Vec2::splat(500.0));
        let nodes = [(Pos2::new(100.0, 100.0), 10.0)];
        let down = vec![Pos2::new(100.0, 100.0), Pos2::new(100.0, 300.0)];
        let edges = [(Rect::from_two_pos(down[0], down[1]), down)];
        let obstacles = Obstacles {
            nodes: &nodes,
            edges: &edges,
            bounds,
        };
        let spot = place(&[request(100.0, 100.0)], &obstacles)[0].unwrap();
        assert!(spot.max.y < 100.0, "not below, across the edge: {spot:?}");
    }
}
