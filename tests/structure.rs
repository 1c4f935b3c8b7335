//! The source tree keeps its shape: no import circles among the window's
//! files (a circle means no file of it can be read, changed or tested
//! without all the others).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each file of `dir` (but mod.rs) and the sibling files it names as
/// `super::NAME`, outside its tests.
fn imports(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeMap<String, String> = std::fs::read_dir(dir)
        .expect("src/app is there")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .filter(|p| p.file_stem().is_some_and(|s| s != "mod"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, code)
        })
        .collect();
    let names: BTreeSet<&String> = files.keys().collect();
    files
        .iter()
        .map(|(name, code)| {
            let mut deps = BTreeSet::new();
            for (at, _) in code.match_indices("super::") {
                let rest = &code[at + "super::".len()..];
                let listed = match rest.strip_prefix('{') {
                    Some(group) => &group[..group.find('}').unwrap_or(0)],
                    None => rest,
                };
                let words = listed.split(|c: char| !(c.is_alphanumeric() || c == '_'));
                let take = if rest.starts_with('{') { usize::MAX } else { 1 };
                for word in words.filter(|w| !w.is_empty()).take(take) {
                    if names.contains(&word.to_string()) && word != name {
                        deps.insert(word.to_string());
                    }
                }
            }
            (name.clone(), deps)
        })
        .collect()
}

/// A circle through `start`, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in &graph[last] {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn the_window_has_no_import_circles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let graph = imports(&dir);
    assert!(graph.contains_key("state") && graph["map_view"].contains("state"));
    for name in graph.keys() {
        assert_eq!(circle(&graph, name), None, "an import circle");
    }
}
