//! Export PNG (Ctrl+E): a picture of the map exactly as the window shows
//! it, taken with egui's screenshot command, cropped to the map and saved
//! at the screen's resolution. (The report exporter draws a cleaner
//! picture from scratch; this is the view as it is.)

use crate::atomic_write;
use egui::{ColorImage, Rect, UserData, ViewportCommand};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// What a pending screenshot is for: the map's area when it was asked.
#[derive(Debug, Clone, Copy)]
struct Request {
    map_rect: Rect,
}

/// Ask the window for a screenshot; it arrives as an event next frame.
pub fn request(ctx: &egui::Context, map_rect: Rect) {
    ctx.send_viewport_cmd(ViewportCommand::Screenshot(UserData::new(Request {
        map_rect,
    })));
    ctx.request_repaint();
}

/// A screenshot that arrived this frame, cropped to the map.
pub fn take_arrived(ctx: &egui::Context) -> Option<ColorImage> {
    ctx.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Screenshot {
                user_data, image, ..
            } => {
                let request = user_data.data.as_ref()?.downcast_ref::<Request>()?;
                Some(crop(image, request.map_rect, i.pixels_per_point))
            }
            _ => None,
        })
    })
}

fn crop(image: &Arc<ColorImage>, rect: Rect, pixels_per_point: f32) -> ColorImage {
    let full = Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(image.size[0] as f32, image.size[1] as f32) / pixels_per_point,
    );
    let rect = rect.intersect(full);
    if rect.is_positive() {
        image.region(&rect, Some(pixels_per_point))
    } else {
        (**image).clone()
    }
}

/// The image as PNG bytes.
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let mut rgba = Vec::with_capacity(w * h * 4);
    for p in &image.pixels {
        rgba.extend_from_slice(&p.to_srgba_unmultiplied());
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Encode and write atomically.
pub fn save(image: &ColorImage, path: &Path) -> Result<(), String> {
    let bytes = encode_png(image).map_err(|e| format!("{}: {e}", path.display()))?;
    atomic_write::write(path, &bytes)
}

/// Where a picture goes when no dialog can ask: next to the last opened
/// article (or in the current folder), named `PREFIX-YYYYMMDD-HHMMSS.png`.
pub fn fallback_path(last_opened: Option<&Path>, prefix: &str) -> PathBuf {
    let dir = last_opened
        .and_then(Path::parent)
        .filter(|d| !d.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_else(|_| std::env::temp_dir()));
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    dir.join(format!("{prefix}-{}.png", timestamp(secs)))
}

/// `YYYYMMDD-HHMMSS` (UTC) for seconds since 1970.
fn timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Days to civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_calendar_times() {
        assert_eq!(timestamp(0), "19700101-000000");
        assert_eq!(timestamp(1_709_210_096), "20240229-123456");
    }

    #[test]
    fn fallback_goes_next_to_the_article() {
        let p = fallback_path(Some(Path::new("/data/news/a.txt")), "stancemap");
        assert!(p.starts_with("/data/news"));
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("stancemap-") && name.ends_with(".png"),
            "{name}"
        );
    }

    #[test]
    fn png_round_trip_size() {
        let image = ColorImage::new([3, 2], vec![egui::Color32::RED; 6]);
        let bytes = encode_png(&image).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
    }
}
