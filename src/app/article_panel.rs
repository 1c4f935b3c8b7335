//! The article side panel: the list of articles (each can be hidden from
//! the map) and the text of the one being read, with every actor mention
//! marked, the selected actor's mentions stronger, and the selected
//! sentence highlighted (its cue word underlined) and scrolled into view.

use super::colors;
use super::state::{Selection, StancemapApp};
use crate::model::Article;
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke};

pub fn show(app: &mut StancemapApp, ui: &mut egui::Ui) {
    ui.add_space(6.0);
    article_list(app, ui);
    ui.separator();
    let Some(article) = app
        .reading
        .as_ref()
        .and_then(|id| app.map.article(id))
        .cloned()
    else {
        ui.add_space(20.0);
        ui.weak("No article. Open one (Ctrl+O) or drop files onto the window.");
        return;
    };
    ui.label(RichText::new(&article.title).heading().strong());
    let day = article.day().map(|d| d.to_string());
    let about = [day.as_deref(), article.source.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    if !about.is_empty() {
        ui.weak(about);
    }
    ui.add_space(4.0);
    super::edit_ui::draft_form(app, ui, &article);
    let marks = Marks::new(app, &article, ui.visuals().dark_mode);
    let scroll = std::mem::take(&mut app.view.scroll_article);
    egui::ScrollArea::vertical()
        .id_salt(("article", &article.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let job = marks.layout_job(&article.text, ui);
            let (pos, galley, response) = egui::Label::new(job).wrap().layout_in_ui(ui);
            ui.painter()
                .galley(pos, galley.clone(), ui.visuals().text_color());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::WidgetType::Label, true, galley.text())
            });
            super::edit_ui::pick_sentence(app, ui, &article, &galley, pos, response.rect);
            if scroll && let Some(start) = marks.scroll_target() {
                let at = char_index(&article.text, start);
                let rect = galley.pos_from_cursor(CCursor::new(at));
                let rect = rect.translate(pos.to_vec2()).expand2(egui::vec2(0.0, 60.0));
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
            response.on_hover_text("Marked: actors. Highlighted: the selected sentence.");
        });
}

fn article_list(app: &mut StancemapApp, ui: &mut egui::Ui) {
    let n = app.map.articles.len();
    ui.label(RichText::new(format!("Articles ({n})")).strong())
        .on_hover_text("Untick an article to leave its sentences and actors out of the map");
    super::date_filter::show(app, ui);
    let mut toggled = None;
    let mut read = None;
    egui::ScrollArea::vertical()
        .id_salt("article-list")
        .max_height(130.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for article in &app.map.articles {
                ui.horizontal(|ui| {
                    let mut shown = !app.filters.hidden_articles.contains(&article.id);
                    if ui
                        .checkbox(&mut shown, "")
                        .on_hover_text(if shown {
                            "Shown in the map: click to leave this article out"
                        } else {
                            "Left out of the map: click to show it"
                        })
                        .changed()
                    {
                        toggled = Some((article.id.clone(), shown));
                    }
                    if let Some(day) = article.day() {
                        ui.weak(day.to_string());
                    }
                    let reading = app.reading.as_deref() == Some(article.id.as_str());
                    let tip = format!(
                        "{}\n{} sentences. Click to read it.",
                        article.source.as_deref().unwrap_or("(no file)"),
                        article.sentences.len()
                    );
                    // Long titles are cut, not allowed to widen the panel.
                    if ui
                        .add(egui::Button::selectable(reading, article.title.as_str()).truncate())
                        .on_hover_text(tip)
                        .clicked()
                    {
                        read = Some(article.id.clone());
                    }
                });
            }
        });
    if let Some((id, shown)) = toggled {
        app.set_article_shown(&id, shown);
    }
    if let Some(id) = read {
        app.reading = Some(id);
    }
}

/// Byte ranges to mark in the article text.
struct Marks {
    /// Mentions: (start, end, strong), strong for the selected actor.
    mentions: Vec<(usize, usize, bool)>,
    /// The highlighted sentence.
    highlight: Option<(usize, usize)>,
    /// Other sentences of the selected relation.
    related: Vec<(usize, usize)>,
    /// The cue word in the highlighted sentence, and its colour.
    cue: Option<(usize, usize, Color32)>,
    dark: bool,
}

impl Marks {
    /// Where to scroll: the highlighted sentence, else the selected actor's
    /// first mention.
    fn scroll_target(&self) -> Option<usize> {
        self.highlight
            .map(|(s, _)| s)
            .or_else(|| self.mentions.iter().filter(|m| m.2).map(|m| m.0).min())
    }

    fn new(app: &StancemapApp, article: &Article, dark: bool) -> Self {
        let selected_actor = match app.selection {
            Selection::Actor(i) => app.actors.ids.get(i).map(String::as_str),
            _ => None,
        };
        let mut mentions = Vec::new();
        for entity in &app.map.entities {
            let strong = selected_actor == Some(entity.id.as_str());
            for m in entity.mentions.iter().filter(|m| m.article == article.id) {
                mentions.push((m.start, m.end, strong));
            }
        }
        let mut marks = Marks {
            mentions,
            highlight: None,
            related: Vec::new(),
            cue: None,
            dark,
        };
        // The sentence picked for a new relation outshines the selection.
        if let Some(span) = super::edit_ui::picked_span(app, article) {
            marks.highlight = Some(span);
        } else if let Some((relation, evidence)) = app.highlighted() {
            for e in relation.evidence.iter().filter(|e| e.article == article.id) {
                if let Some(&[s, t]) = article.sentences.get(e.sentence) {
                    marks.related.push((s, t));
                }
            }
            if evidence.article == article.id
                && let Some(&[s, t]) = article.sentences.get(evidence.sentence)
            {
                marks.highlight = Some((s, t));
                marks.cue = find_cue(&article.text, s, t, &evidence.cue)
                    .map(|(a, b)| (a, b, colors::stance(relation.stance)));
            }
        }
        marks
    }

    fn layout_job(&self, text: &str, ui: &egui::Ui) -> LayoutJob {
        const MENTION: u8 = 1;
        const STRONG: u8 = 2;
        const HIGHLIGHT: u8 = 4;
        const RELATED: u8 = 8;
        const CUE: u8 = 16;
        let mut flags = vec![0u8; text.len()];
        let mut set = |(a, b): (usize, usize), bit: u8| {
            for f in flags.iter_mut().take(b.min(text.len())).skip(a) {
                *f |= bit;
            }
        };
        for &(a, b, strong) in &self.mentions {
            set((a, b), if strong { MENTION | STRONG } else { MENTION });
        }
        for &r in &self.related {
            set(r, RELATED);
        }
        if let Some(h) = self.highlight {
            set(h, HIGHLIGHT);
        }
        if let Some((a, b, _)) = self.cue {
            set((a, b), CUE);
        }
        let body = FontId::proportional(15.0);
        let text_color = ui.visuals().text_color();
        let (highlight_bg, related_bg, mention_bg, strong_bg) = if self.dark {
            (
                Color32::from_rgb(0x5C, 0x4B, 0x00),
                Color32::from_rgb(0x38, 0x33, 0x1A),
                Color32::from_rgb(0x2A, 0x33, 0x40),
                Color32::from_rgb(0x1F, 0x4E, 0x79),
            )
        } else {
            (
                Color32::from_rgb(0xFF, 0xE9, 0x8A),
                Color32::from_rgb(0xFF, 0xF6, 0xD0),
                Color32::from_rgb(0xE8, 0xEE, 0xF6),
                Color32::from_rgb(0xC6, 0xDD, 0xF5),
            )
        };
        let mut job = LayoutJob::default();
        let mut start = 0;
        while start < text.len() {
            let f = flags[start];
            let mut end = start + 1;
            while end < text.len() && (flags[end] == f || !text.is_char_boundary(end)) {
                end += 1;
            }
            let mut format = TextFormat {
                font_id: body.clone(),
                color: text_color,
                line_height: Some(22.0),
                ..Default::default()
            };
            if f & RELATED != 0 {
                format.background = related_bg;
            }
            if f & HIGHLIGHT != 0 {
                format.background = highlight_bg;
                format.color = ui.visuals().strong_text_color();
            }
            if f & MENTION != 0 {
                if f & HIGHLIGHT == 0 {
                    format.background = if f & STRONG != 0 {
                        strong_bg
                    } else {
                        mention_bg
                    };
                }
                format.color = ui.visuals().strong_text_color();
            }
            if f & CUE != 0
                && let Some((_, _, color)) = self.cue
            {
                format.underline = Stroke::new(2.0, color);
                format.background = color.gamma_multiply(0.3);
                format.color = ui.visuals().strong_text_color();
            }
            job.append(&text[start..end], 0.0, format);
            start = end;
        }
        job
    }
}

/// The cue word inside sentence `[start, end)`, ignoring ASCII case.
pub fn find_cue(text: &str, start: usize, end: usize, cue: &str) -> Option<(usize, usize)> {
    let sentence = text.get(start..end)?;
    let at = sentence
        .to_ascii_lowercase()
        .find(&cue.to_ascii_lowercase())?;
    (!cue.is_empty()).then_some((start + at, start + at + cue.len()))
}

/// The char index of byte offset `byte` (rounded down to a char boundary).
fn char_index(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_in_their_sentence_only() {
        let text = "Russia backs them. Pakistan Accused Kabul.";
        assert_eq!(find_cue(text, 19, 42, "accused"), Some((28, 35)));
        assert_eq!(find_cue(text, 0, 18, "accused"), None);
        assert_eq!(find_cue(text, 0, 99, "x"), None);
    }

    #[test]
    fn char_indices_round_down_inside_a_character() {
        assert_eq!(char_index("é1", 1), 0);
        assert_eq!(char_index("é1", 2), 1);
        assert_eq!(char_index("é1", 9), 2);
    }
}
