//! render::style's colours as egui colours, for the theme the window is in:
//! the window and the exported pictures share one palette.

use crate::model::{EntityKind, Stance};
use crate::render::style::{self, Palette, Rgb, Theme};
use egui::Color32;

pub fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// The picture theme matching the window's light or dark look.
pub fn theme(ctx: &egui::Context) -> Theme {
    if ctx.global_style().visuals.dark_mode {
        Theme::Dark
    } else {
        Theme::Light
    }
}

pub fn palette(ctx: &egui::Context) -> Palette {
    style::palette(theme(ctx))
}

pub fn stance(stance: Stance) -> Color32 {
    color(style::stance_color(stance))
}

pub fn node_fill(ctx: &egui::Context, kind: EntityKind) -> Color32 {
    color(palette(ctx).node_fill(kind))
}

/// Faded for things outside the current focus: still there, not in the way.
pub fn faded(c: Color32) -> Color32 {
    c.gamma_multiply(0.22)
}
