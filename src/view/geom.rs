//! Small plane geometry for placing labels and routing edges: boxes,
//! segments, curves, and a grid that finds what is near a box quickly.
//! Only IEEE-exact operations, so pictures are the same everywhere.

pub type Point = [f32; 2];

pub fn add(a: Point, b: Point) -> Point {
    [a[0] + b[0], a[1] + b[1]]
}

pub fn sub(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1]]
}

pub fn scale(a: Point, k: f32) -> Point {
    [a[0] * k, a[1] * k]
}

pub fn length(a: Point) -> f32 {
    (a[0] * a[0] + a[1] * a[1]).sqrt()
}

pub fn distance(a: Point, b: Point) -> f32 {
    length(sub(a, b))
}

/// `a` scaled to length 1 (or `fallback` when it has no length).
pub fn unit(a: Point, fallback: Point) -> Point {
    let l = length(a);
    if l > 1e-6 {
        scale(a, 1.0 / l)
    } else {
        fallback
    }
}

/// `a` turned a quarter clockwise in screen coordinates (y down).
pub fn perp(a: Point) -> Point {
    [-a[1], a[0]]
}

/// The point at `t` on the quadratic Bézier `p0, c, p2`.
pub fn quad_at(p0: Point, c: Point, p2: Point, t: f32) -> Point {
    let u = 1.0 - t;
    [
        u * u * p0[0] + 2.0 * u * t * c[0] + t * t * p2[0],
        u * u * p0[1] + 2.0 * u * t * c[1] + t * t * p2[1],
    ]
}

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        Self { x0, y0, x1, y1 }
    }

    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    pub fn grow(&self, by: f32) -> Self {
        Self::new(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    pub fn contains_rect(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }

    pub fn contains(&self, p: Point) -> bool {
        p[0] >= self.x0 && p[0] <= self.x1 && p[1] >= self.y0 && p[1] <= self.y1
    }

    /// Does the disc at `c` of radius `r` reach into the box?
    pub fn meets_circle(&self, c: Point, r: f32) -> bool {
        let dx = c[0] - c[0].clamp(self.x0, self.x1);
        let dy = c[1] - c[1].clamp(self.y0, self.y1);
        dx * dx + dy * dy < r * r
    }

    /// Does the segment `a`-`b` cross or touch the box?
    pub fn meets_segment(&self, a: Point, b: Point) -> bool {
        if self.contains(a) || self.contains(b) {
            return true;
        }
        // Liang–Barsky clipping.
        let d = sub(b, a);
        let (mut t0, mut t1) = (0f32, 1f32);
        for (p, q) in [
            (-d[0], a[0] - self.x0),
            (d[0], self.x1 - a[0]),
            (-d[1], a[1] - self.y0),
            (d[1], self.y1 - a[1]),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }

    /// Does the polyline cross or touch the box?
    pub fn meets_polyline(&self, points: &[Point]) -> bool {
        points.windows(2).any(|w| self.meets_segment(w[0], w[1]))
    }
}

/// Distance from `p` to the segment `a`-`b`.
pub fn segment_distance(p: Point, a: Point, b: Point) -> f32 {
    let ab = sub(b, a);
    let l2 = ab[0] * ab[0] + ab[1] * ab[1];
    let t = if l2 > 0.0 {
        (((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    distance(p, add(a, scale(ab, t)))
}

/// A uniform grid of buckets: each item is filed under every cell its box
/// touches, so "what is near this box" looks at a few cells only.
#[derive(Debug, Clone)]
pub struct Grid {
    cell: f32,
    columns: usize,
    rows: usize,
    buckets: Vec<Vec<u32>>,
}

impl Grid {
    pub fn new(width: f32, height: f32, cell: f32) -> Self {
        let columns = ((width / cell).ceil() as usize).clamp(1, 4096);
        let rows = ((height / cell).ceil() as usize).clamp(1, 4096);
        Self {
            cell,
            columns,
            rows,
            buckets: vec![Vec::new(); columns * rows],
        }
    }

    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let clamp_col = |x: f32| ((x / self.cell).floor().max(0.0) as usize).min(self.columns - 1);
        let clamp_row = |y: f32| ((y / self.cell).floor().max(0.0) as usize).min(self.rows - 1);
        (
            clamp_col(r.x0),
            clamp_col(r.x1),
            clamp_row(r.y0),
            clamp_row(r.y1),
        )
    }

    pub fn insert(&mut self, item: u32, r: &Rect) {
        let (c0, c1, r0, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.buckets[row * self.columns + col].push(item);
            }
        }
    }

    /// Items filed near `r`, each once, in increasing order.
    pub fn query(&self, r: &Rect, out: &mut Vec<u32>) {
        out.clear();
        let (c0, c1, r0, r1) = self.span(r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                out.extend_from_slice(&self.buckets[row * self.columns + col]);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_boxes() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.meets_segment([-5.0, 5.0], [15.0, 5.0]));
        assert!(r.meets_segment([5.0, 5.0], [50.0, 50.0]));
        assert!(!r.meets_segment([-5.0, -1.0], [15.0, -1.0]));
        assert!(!r.meets_segment([11.0, 0.0], [20.0, 10.0]));
        assert!(r.meets_circle([12.0, 5.0], 3.0));
        assert!(!r.meets_circle([14.0, 14.0], 3.0));
    }

    #[test]
    fn the_grid_finds_nearby_items_only() {
        let mut g = Grid::new(100.0, 100.0, 10.0);
        g.insert(1, &Rect::new(1.0, 1.0, 5.0, 5.0));
        g.insert(2, &Rect::new(80.0, 80.0, 95.0, 95.0));
        g.insert(3, &Rect::new(-50.0, -50.0, 500.0, 2.0));
        let mut out = Vec::new();
        g.query(&Rect::new(0.0, 0.0, 8.0, 8.0), &mut out);
        assert_eq!(out, [1, 3]);
    }
}
