//! The stats overlay (F3): frames per second, frame time, what the map
//! shows, how long the last layout step took and how long the far view's
//! picture took to draw, in the map's top-right
//! corner (the legend is below the map, messages at its bottom).

use super::layout::SharedSimulation;
use crate::view::Visibility;
use std::collections::VecDeque;
use std::time::Duration;

/// The averages are over the frames of this many seconds, so a slow
/// frame rate shows as soon as it starts, and a fast one too.
const WINDOW_SECONDS: f32 = 1.0;

#[derive(Debug, Default)]
pub struct Stats {
    pub shown: bool,
    /// Seconds between the last frames (egui's `unstable_dt`).
    intervals: VecDeque<f32>,
    /// Seconds spent building the last frames (the app's own work).
    work: VecDeque<f32>,
}

impl Stats {
    /// Record one frame: the time since the previous one and the time the
    /// app spent on it.
    pub fn record(&mut self, interval: f32, work: Duration) {
        if !self.shown {
            return;
        }
        self.intervals.push_back(interval);
        self.work.push_back(work.as_secs_f32());
        // Keep the frames of the last second (at least two).
        while self.intervals.len() > 2
            && self.intervals.iter().skip(1).sum::<f32>() >= WINDOW_SECONDS
        {
            self.intervals.pop_front();
            self.work.pop_front();
        }
    }

    pub fn toggle(&mut self) {
        self.shown = !self.shown;
        // Averages from before the overlay was hidden would be stale.
        self.intervals.clear();
        self.work.clear();
    }
}

fn mean(values: &VecDeque<f32>) -> Option<f32> {
    (!values.is_empty()).then(|| values.iter().sum::<f32>() / values.len() as f32)
}

/// What the overlay reports besides the frames.
pub struct Figures<'a> {
    pub sim: &'a SharedSimulation,
    pub visibility: &'a Visibility,
    /// How long the far view's last picture took.
    pub picture: Option<Duration>,
}

/// The overlay's text, one figure per line.
fn text(stats: &Stats, figures: &Figures) -> String {
    let interval = mean(&stats.intervals).filter(|&s| s > 0.0);
    let fps = interval.map_or_else(|| "–".to_string(), |s| format!("{:.0}", 1.0 / s));
    let frame = interval.map_or_else(|| "–".to_string(), |s| format!("{:.1}", s * 1000.0));
    let work = mean(&stats.work).map_or_else(|| "–".to_string(), |s| format!("{:.1}", s * 1000.0));
    let sim = super::layout::lock(figures.sim);
    let step = match sim.last_step() {
        Some(d) if sim.is_running() => format!("{:.2} ms", d.as_secs_f64() * 1000.0),
        Some(d) => format!("{:.2} ms (settled)", d.as_secs_f64() * 1000.0),
        None => "–".to_string(),
    };
    let picture = figures.picture.map_or_else(
        || "–".to_string(),
        |d| format!("{:.1} ms", d.as_secs_f64() * 1000.0),
    );
    format!(
        "{fps} fps\nframe    {frame} ms\napp      {work} ms\nnodes    {}\nedges    {}\nlayout   {step}\npicture  {picture}",
        figures.visibility.node_count(),
        figures.visibility.relation_count(),
    )
}

/// Draw the overlay in the top-right corner of `rect` when it is on.
pub fn show(stats: &Stats, figures: &Figures, ui: &egui::Ui, rect: egui::Rect) {
    if !stats.shown {
        return;
    }
    // Frames per second mean something only while frames keep coming.
    ui.ctx().request_repaint();
    let text = text(stats, figures);
    egui::Area::new(egui::Id::new("stancemap-stats"))
        .fixed_pos(rect.right_top() + egui::vec2(-10.0, 10.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(egui::Margin::symmetric(10, 6))
                .show(ui, |ui| {
                    // An area keeps the last frame's width: a figure
                    // grown longer would wrap instead of widening it.
                    ui.add(egui::Label::new(egui::RichText::new(text).monospace()).extend());
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_cover_the_last_second() {
        let mut stats = Stats::default();
        stats.record(0.5, Duration::ZERO);
        assert!(stats.intervals.is_empty(), "nothing is kept while hidden");
        stats.toggle();
        for _ in 0..100 {
            stats.record(0.25, Duration::from_millis(5));
        }
        assert_eq!(stats.intervals.len(), 4, "four quarter-second frames");
        for _ in 0..200 {
            stats.record(0.01, Duration::from_millis(5));
        }
        assert!((mean(&stats.intervals).unwrap() - 0.01).abs() < 1e-6);
        assert!(stats.intervals.len() >= 100);
    }
}
