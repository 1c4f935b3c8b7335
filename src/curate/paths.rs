//! Where the app keeps the user's files: the user lexicon in the platform's
//! config folder, the recovery file in its local data folder.

use directories::ProjectDirs;
use std::path::PathBuf;

/// Overrides both folders (tests, portable installs).
pub const DIR_VAR: &str = "STANCEMAP_CONFIG_DIR";

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "stancemap")
}

fn overridden() -> Option<PathBuf> {
    std::env::var_os(DIR_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The config folder: `~/.config/stancemap` on Linux,
/// `~/Library/Application Support/stancemap` on macOS,
/// `%APPDATA%\stancemap\config` on Windows. `None` without a home folder.
pub fn config_dir() -> Option<PathBuf> {
    overridden().or_else(|| project().map(|p| p.config_dir().to_path_buf()))
}

/// The user lexicon (`lexicon.tsv` in the config folder), whether or not
/// it exists yet; show it in Settings.
pub fn user_lexicon_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("lexicon.tsv"))
}

/// The autosave file (`recovery.json` in the local data folder:
/// `~/.local/share/stancemap` on Linux).
pub fn recovery_path() -> Option<PathBuf> {
    overridden()
        .or_else(|| project().map(|p| p.data_local_dir().to_path_buf()))
        .map(|d| d.join("recovery.json"))
}
