//! Folders as inputs: "stancemap DIR" reads the articles in a folder, so a
//! corpus opens with one argument.

use super::{Format, LoadError};
use std::path::{Path, PathBuf};

/// `paths` with every folder replaced by the article files directly in it
/// (files stancemap knows by extension, sorted by name). A folder with no
/// article file is an error: an empty corpus is more likely a wrong path.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        if path.is_dir() {
            out.extend(article_files(path)?);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// The article files of one folder, sorted by name.
pub fn article_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let name = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| LoadError::new(&name, format!("cannot read the folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && Format::from_path(p).is_some())
        .collect();
    if files.is_empty() {
        return Err(LoadError::new(
            &name,
            "is a folder with no article files (.txt .md .html .htm .pdf .docx .odt .json)",
        ));
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_to_their_articles_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.md", "sheet.xlsx", "c.html", "d.pdf"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let got = expand(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<_> = got
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "c.html", "d.pdf"]);
    }

    #[test]
    fn a_folder_without_articles_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let err = expand(&[dir.path().to_path_buf()]).unwrap_err().to_string();
        assert!(err.starts_with(&dir.path().display().to_string()), "{err}");
        assert!(err.contains("no article files"), "{err}");
    }
}
