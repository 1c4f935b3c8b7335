//! Messages for the user, shown over the bottom of the map: errors stay
//! until dismissed (a file that could not be loaded must not go unseen),
//! warnings and notes go after a while.

use egui::{Color32, RichText};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub level: Level,
    pub text: String,
    /// When it was posted (egui time); notes expire relative to it.
    posted: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct Messages {
    items: Vec<Message>,
}

/// Seconds a note stays up.
const NOTE_SECONDS: f64 = 10.0;
/// Seconds a warning stays up: long enough to read advice twice.
const WARNING_SECONDS: f64 = 25.0;
/// More than this many at once and the oldest go.
const MAX_SHOWN: usize = 6;

impl Messages {
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Level::Error, text.into());
    }

    pub fn warning(&mut self, text: impl Into<String>) {
        self.push(Level::Warning, text.into());
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Level::Info, text.into());
    }

    fn push(&mut self, level: Level, text: String) {
        self.items.retain(|m| m.text != text);
        self.items.push(Message {
            level,
            text,
            posted: None,
        });
        if self.items.len() > MAX_SHOWN {
            self.items.remove(0);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Message> {
        self.items.iter()
    }

    /// Show the messages as a column of banners at the bottom of `rect`.
    pub fn show(&mut self, ui: &mut egui::Ui, rect: egui::Rect) {
        let now = ui.input(|i| i.time);
        for m in &mut self.items {
            m.posted.get_or_insert(now);
        }
        self.items.retain(|m| {
            let lasts = match m.level {
                Level::Error => return true,
                Level::Warning => WARNING_SECONDS,
                Level::Info => NOTE_SECONDS,
            };
            m.posted.is_none_or(|t| now - t < lasts)
        });
        if self.items.is_empty() {
            return;
        }
        if self.items.iter().any(|m| m.level != Level::Error) {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(1));
        }
        let width = (rect.width() - 40.0).clamp(200.0, 720.0);
        let mut dismissed = None;
        egui::Area::new(egui::Id::new("stancemap-messages"))
            .fixed_pos(egui::pos2(
                rect.center().x - width / 2.0,
                rect.bottom() - 12.0,
            ))
            .pivot(egui::Align2::LEFT_BOTTOM)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                ui.set_width(width);
                for (i, m) in self.items.iter().enumerate() {
                    let (fill, icon) = match (m.level, ui.visuals().dark_mode) {
                        (Level::Error, false) => (Color32::from_rgb(0xFD, 0xE7, 0xE4), "⚠"),
                        (Level::Error, true) => (Color32::from_rgb(0x5A, 0x22, 0x1C), "⚠"),
                        (Level::Warning, false) => (Color32::from_rgb(0xFF, 0xF4, 0xD6), "ℹ"),
                        (Level::Warning, true) => (Color32::from_rgb(0x4D, 0x3F, 0x1A), "ℹ"),
                        (Level::Info, false) => (Color32::from_rgb(0xE6, 0xF0, 0xFA), "✔"),
                        (Level::Info, true) => (Color32::from_rgb(0x1F, 0x35, 0x4D), "✔"),
                    };
                    egui::Frame::popup(ui.style())
                        .fill(fill)
                        .inner_margin(egui::Margin::symmetric(12, 8))
                        .show(ui, |ui| {
                            ui.set_width(width - 24.0);
                            ui.horizontal_top(|ui| {
                                ui.label(RichText::new(icon).strong());
                                ui.scope(|ui| {
                                    ui.set_max_width(width - 90.0);
                                    ui.add(
                                        egui::Label::new(RichText::new(&m.text).strong()).wrap(),
                                    );
                                });
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Min),
                                    |ui| {
                                        if ui
                                            .small_button("✖")
                                            .on_hover_text("Dismiss this message")
                                            .clicked()
                                        {
                                            dismissed = Some(i);
                                        }
                                    },
                                );
                            });
                        });
                    ui.add_space(4.0);
                }
            });
        if let Some(i) = dismissed {
            self.items.remove(i);
        }
    }
}

/// "1 actor", "7 actors": counts in messages and panels.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
