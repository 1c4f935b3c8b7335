//! The desktop window: a thin front end over the library. The map is in
//! the middle (map_view), the article on the left (article_panel), the
//! selection's details and evidence on the right (details_panel), files,
//! search and filters on top (top_bar), the legend under the map.
//!
//! One state struct ([`StancemapApp`], in state.rs) holds everything;
//! panels are functions over it, as in the egui demo app.

mod article_panel;
mod colors;
mod curation;
mod date_filter;
mod details_panel;
mod edge_shape;
mod edit_ui;
mod editing;
mod far_raster;
mod far_view;
pub mod graph;
mod labels;
pub mod layout;
mod legend;
pub mod loading;
mod map_view;
mod messages;
mod node_shape;
mod payload;
mod progress;
mod prompts;
mod report;
mod saving;
pub mod settings;
mod snapshot;
mod state;
mod stats;
mod top_bar;

pub use messages::{Level, Message};
pub use state::{Selection, StancemapApp, ViewRequests};

use crate::load::LoadOptions;
use egui::{Key, KeyboardShortcut, Modifiers};
use loading::{Mode, Picked};
use settings::Settings;
use std::path::PathBuf;

const ARTICLE_PANEL: &str = "article_panel";
const DETAILS_PANEL: &str = "details_panel";

/// The font family of headings and emphasis.
pub(crate) const SEMIBOLD: &str = "semibold";

/// Open the window on `files` (the seed article without any) and run it
/// until it is closed.
pub fn run(files: &[PathBuf], options: LoadOptions, min_confidence: f32) -> Result<(), String> {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("stancemap")
            .with_app_id("stancemap")
            .with_inner_size([1500.0, 920.0])
            .with_min_inner_size([760.0, 480.0])
            .with_drag_and_drop(true),
        persist_window: true,
        // Dithering hides banding in gradients, which the window has none
        // of; on a software renderer it costs a fifth of every frame.
        dithering: false,
        ..Default::default()
    };
    let files = files.to_vec();
    eframe::run_native(
        "stancemap",
        native,
        Box::new(move |cc| {
            let settings = Settings::load(cc.storage);
            Ok(Box::new(StancemapApp::launch(
                &cc.egui_ctx,
                settings,
                files,
                options,
                min_confidence,
            )))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

impl StancemapApp {
    /// The app as the window starts it: on the seed, or loading `files`.
    pub fn launch(
        ctx: &egui::Context,
        settings: Settings,
        files: Vec<PathBuf>,
        options: LoadOptions,
        min_confidence: f32,
    ) -> Self {
        install_fonts(ctx);
        ctx.set_theme(settings.theme.preference());
        let mut app = if files.is_empty() {
            Self::seed_taught(options, min_confidence)
        } else {
            let mut app = Self::with_map(Default::default(), options, min_confidence);
            app.open_files(files);
            app
        };
        app.settings = settings;
        app.offer_recovery();
        app
    }

    /// Draw the whole window for one frame.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let started = std::time::Instant::now();
        let ctx = ui.ctx().clone();
        self.prepare_style(&ctx);
        self.pump_loader(&ctx);
        self.take_dropped_files(&ctx);
        self.hold_close(&ctx);
        self.shortcuts(&ctx);
        edit_ui::shortcuts(self, &ctx);
        self.autosave_when_due(&ctx);
        if let Some(image) = snapshot::take_arrived(&ctx) {
            self.view.snapshot_since = None;
            self.save_snapshot(&image);
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        // On a narrow window the side panels give way so the map keeps
        // at least about 40% of the width.
        let total = ui.available_width();
        egui::Panel::top("top_bar").show(ui, |ui| top_bar::show(self, ui));
        egui::Panel::left(ARTICLE_PANEL)
            .resizable(true)
            .default_size(self.settings.article_width)
            .size_range(220.0..=(total * 0.32).clamp(220.0, 900.0))
            .show(ui, |ui| article_panel::show(self, ui));
        egui::Panel::right(DETAILS_PANEL)
            .resizable(true)
            .default_size(self.settings.details_width)
            .size_range(240.0..=(total * 0.28).clamp(240.0, 700.0))
            .show(ui, |ui| details_panel::show(self, ui));
        // Remember the sizes the user gave the panels (outer sizes, as
        // `default_size` takes them).
        let width = |id| egui::PanelState::load(&ctx, egui::Id::new(id)).map(|s| s.size().x);
        if let Some(w) = width(ARTICLE_PANEL) {
            self.settings.article_width = w;
        }
        if let Some(w) = width(DETAILS_PANEL) {
            self.settings.details_width = w;
        }
        egui::CentralPanel::no_frame().show(ui, |ui| map_view::show(self, ui));
        prompts::show(self, &ctx);

        if std::mem::take(&mut self.view.snapshot) {
            self.view.snapshot_since = Some(ctx.input(|i| i.time));
            snapshot::request(&ctx, self.view.snapshot_rect);
        }
        let interval = ctx.input(|i| i.unstable_dt);
        self.stats.record(interval, started.elapsed());
    }

    /// Fonts and text sizes, once the fonts are in (the frame after they
    /// are installed, when not installed at launch).
    fn prepare_style(&mut self, ctx: &egui::Context) {
        if self.style_ready {
            return;
        }
        if emphasis(ctx) == egui::FontFamily::Proportional {
            install_fonts(ctx);
        } else {
            self.style_ready = true;
        }
        apply_text_styles(ctx);
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let folder = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
        // Ctrl+O would also match Ctrl+Shift+O: the longer one goes first.
        let (folder, open, export, find) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&folder),
                i.consume_shortcut(&shortcut(Key::O)),
                i.consume_shortcut(&shortcut(Key::E)),
                i.consume_shortcut(&shortcut(Key::F)),
            )
        });
        if folder {
            self.pick_folder_and_load();
        }
        if open {
            self.pick_and_load(Mode::Replace);
        }
        if export {
            self.view.snapshot = true;
        }
        if find {
            self.view.focus_search = true;
        }
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        // Ctrl+V (or Edit → Paste as article) with no text field focused.
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            self.loader.paste(text);
        }
        let (escape, fit, stats) = ctx.input(|i| {
            (
                i.key_pressed(Key::Escape),
                i.key_pressed(Key::F) && i.modifiers.is_none(),
                i.key_pressed(Key::F3),
            )
        });
        if stats {
            self.stats.toggle();
        }
        if escape {
            self.search.open = false;
            if self.filters.focus && self.selection == Selection::None {
                self.filters.focus = false;
                self.refresh();
            }
            self.clear_selection();
        }
        if fit {
            self.view.fit = true;
        }
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !paths.is_empty() {
            self.add_files(paths);
        }
    }

    /// Ask for files with the system dialog, then open or add them.
    pub fn pick_and_load(&mut self, mode: Mode) {
        let title = match mode {
            Mode::Replace => "Open articles or a map",
            Mode::Add => "Add articles to the map",
        };
        let dir = self.last_dir();
        match loading::pick_articles(title, dir.as_deref()) {
            Picked::Chosen(paths) => match mode {
                Mode::Replace => self.open_files(paths),
                Mode::Add => self.add_files(paths),
            },
            Picked::Cancelled => {}
            Picked::Unavailable => self.messages.warning(loading::NO_DIALOG),
        }
    }

    /// Ask for a folder and open every article in it.
    pub fn pick_folder_and_load(&mut self) {
        let dir = self.last_dir();
        match loading::pick_folder("Open a folder of articles", dir.as_deref()) {
            Picked::Chosen(folder) => self.open_files(vec![folder]),
            Picked::Cancelled => {}
            Picked::Unavailable => self.messages.warning(loading::NO_FOLDER_DIALOG),
        }
    }

    /// Save an arrived snapshot where the user says, or next to the last
    /// opened article when no dialog can ask.
    fn save_snapshot(&mut self, image: &egui::ColorImage) {
        let dir = self.last_dir();
        let (path, note) = match loading::pick_save_path(
            "Export PNG",
            "stancemap-map.png",
            dir.as_deref(),
            &[("PNG picture", &["png"])],
        ) {
            Picked::Chosen(path) if path.extension().is_some() => (path, ""),
            Picked::Chosen(path) => (path.with_extension("png"), ""),
            Picked::Cancelled => return,
            Picked::Unavailable => (
                snapshot::fallback_path(self.sources.last().map(PathBuf::as_path), "stancemap"),
                "No file dialog here: ",
            ),
        };
        match snapshot::save(image, &path) {
            Ok(()) => self.messages.info(format!(
                "{note}saved the map picture ({}×{} px) to {}",
                image.size[0],
                image.size[1],
                path.display()
            )),
            Err(e) => self
                .messages
                .error(format!("Could not save the picture: {e}")),
        }
    }

    /// The messages on screen, oldest first (for tests and diagnostics).
    pub fn messages(&self) -> impl Iterator<Item = &Message> {
        self.messages.iter()
    }

    pub fn is_loading(&self) -> bool {
        self.loader.is_busy()
    }
}

impl eframe::App for StancemapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.save(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        StancemapApp::on_exit(self);
    }

    /// The window's own settings are saved instead: egui's memory would
    /// also bring back a stale zoom and layout for a different map.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

/// The bundled Inter (the exported pictures' font) for all text, with
/// egui's fonts behind it for symbols. Fonts take effect on the next frame.
fn install_fonts(ctx: &egui::Context) {
    use egui::{FontData, FontDefinitions, FontFamily};
    use std::sync::Arc;
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in [
        ("Inter", crate::render::font::REGULAR),
        ("Inter SemiBold", crate::render::font::SEMIBOLD),
    ] {
        fonts
            .font_data
            .insert(name.to_string(), Arc::new(FontData::from_static(bytes)));
    }
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    fonts
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, "Inter".to_string());
    let mut semibold = vec!["Inter SemiBold".to_string()];
    semibold.extend(fallbacks);
    fonts
        .families
        .insert(FontFamily::Name(SEMIBOLD.into()), semibold);
    ctx.set_fonts(fonts);
}

/// The family for headings and emphasis: Inter SemiBold once installed.
pub(crate) fn emphasis(ctx: &egui::Context) -> egui::FontFamily {
    let name = egui::FontFamily::Name(SEMIBOLD.into());
    if ctx.fonts(|f| f.definitions().families.contains_key(&name)) {
        name
    } else {
        egui::FontFamily::Proportional
    }
}

/// Text a little larger than egui's default: the window is for reading.
fn apply_text_styles(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    let heading = emphasis(ctx);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(19.0, heading.clone())),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(13.5, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(14.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(12.0, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}
