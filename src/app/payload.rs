//! What egui_graphs carries for each node and edge of the map: the flags
//! the filters, the selection and the level of detail set, read by the
//! node and edge shapes. Data only, below graph.rs and the shapes.

use crate::model::{EntityKind, Stance};

/// What a node's drawing needs to know.
#[derive(Debug, Clone)]
pub struct NodeData {
    pub kind: EntityKind,
    /// Radius on screen at zoom 1 and closer, in points: nodes keep their
    /// size when zooming in, so zoom spreads a crowded map instead of
    /// blowing it up.
    pub radius: f32,
    pub visible: bool,
    /// Outside the selected actor's neighbourhood.
    pub faded: bool,
    /// Dragged into place: the layout leaves it there.
    pub pinned: bool,
    /// Among too many in view to draw one by one (map_view.rs).
    pub crowded: bool,
}

/// How far nodes shrink when the map is zoomed out a little: the layout
/// keeps nodes apart at their full size at zoom 1, so a zoomed-out map
/// shrinks them with it (down to this fraction) rather than piling them on
/// each other.
const MIN_SHRINK: f32 = 0.6;

/// Below zoom `MIN_SHRINK / FAR_SHRINK` (a map of thousands of actors
/// fitted in the window) nodes shrink again, at this multiple of the zoom,
/// so that the shape of the whole network shows instead of a pile of discs.
const FAR_SHRINK: f32 = 3.0;

/// Drawn radii below this are dots: no outline, no label, no arrowheads.
pub const DOT_RADIUS: f32 = 3.0;

impl NodeData {
    /// Whether the node is drawn as a dot at `zoom` (see far_view.rs);
    /// an emphasised node (selected, hovered, dragged) never is.
    pub fn is_dot(&self, zoom: f32, emphasised: bool) -> bool {
        !emphasised && !self.pinned && self.drawn_radius(zoom) < DOT_RADIUS
    }

    /// Whether far_view.rs draws the node, in its picture: as a dot, or in
    /// full when crowded; never when emphasised or pinned.
    pub fn is_pictured(&self, zoom: f32, emphasised: bool) -> bool {
        self.is_dot(zoom, emphasised) || (self.crowded && !emphasised && !self.pinned)
    }

    /// The radius drawn at `zoom`, in points.
    pub fn drawn_radius(&self, zoom: f32) -> f32 {
        self.radius * zoom.max((zoom * FAR_SHRINK).min(MIN_SHRINK)).min(1.0)
    }
}

/// What an edge's drawing needs to know.
#[derive(Debug, Clone)]
pub struct EdgeData {
    pub relation: usize,
    pub stance: Stance,
    pub width: f32,
    pub alleged: bool,
    pub negated: bool,
    pub visible: bool,
    pub faded: bool,
    pub hovered: bool,
    /// Left out while the view moves (on a large map, see map_view.rs).
    pub still_only: bool,
    /// A hairline, whatever its ends, among too many in view (map_view.rs).
    pub crowded: bool,
    /// Where the curve bulges, in points at its middle along the normal of
    /// the lower -> higher node index (`view::edges::curve`), so edges
    /// between the same two actors fan out; for a self-loop, its number
    /// among the actor's loops.
    pub bend: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(radius: f32) -> NodeData {
        NodeData {
            kind: EntityKind::Country,
            radius,
            visible: true,
            faded: false,
            pinned: false,
            crowded: false,
        }
    }

    #[test]
    fn nodes_shrink_with_the_zoom_without_jumps_and_become_dots_far_out() {
        let n = node(10.0);
        assert_eq!(n.drawn_radius(2.0), 10.0);
        assert_eq!(n.drawn_radius(0.4), 6.0, "a little zoomed out: held");
        let mut last = n.drawn_radius(1.0);
        for k in 1..=1000 {
            let r = n.drawn_radius(1.0 - k as f32 * 0.000_99);
            assert!(r <= last && last - r < 0.05, "no jump at step {k}");
            last = r;
        }
        assert!(n.is_dot(0.05, false));
        assert!(!n.is_dot(0.05, true), "the selected actor stays a shape");
        assert!(!n.is_dot(1.0, false));
    }

    #[test]
    fn the_picture_draws_dots_and_crowds_but_never_what_is_emphasised() {
        let mut n = node(10.0);
        assert!(n.is_pictured(0.05, false), "a dot");
        assert!(!n.is_pictured(1.0, false), "full size, alone");
        n.crowded = true;
        assert!(n.is_pictured(1.0, false), "full size, in a crowd");
        assert!(!n.is_pictured(1.0, true), "hovered or selected");
        n.pinned = true;
        assert!(!n.is_pictured(1.0, false), "pinned: its pin shows");
    }
}
