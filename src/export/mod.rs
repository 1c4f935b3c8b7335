//! Writing a map for people and for other tools: report pictures (PNG,
//! SVG) and data (JSON, GraphML, GEXF, DOT, CSV). Every format takes node
//! positions from the same scene the pictures use, so Gephi or Graphviz
//! open the map as it was drawn. Files are written atomically.

pub mod csv;
pub mod dot;
pub mod evidence;
pub mod gexf;
pub mod graphml;

use crate::atomic_write;
use crate::layout::EdgeList;
use crate::model::{Entity, EntityKind, Relation, RelationMap, Stance, slug};
use crate::render::{self, Scene};
use crate::stats::{self, Camps};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// The file formats `export` writes, chosen by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Json,
    Graphml,
    Gexf,
    Dot,
    Csv,
    /// The evidence table in Markdown.
    Markdown,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Png,
        Format::Svg,
        Format::Json,
        Format::Graphml,
        Format::Gexf,
        Format::Dot,
        Format::Csv,
        Format::Markdown,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }

    /// The format a file name asks for (case-insensitive extension).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == ext)
    }

    /// "png, svg, json, graphml, gexf, dot, csv, md", for messages.
    pub fn list() -> String {
        Self::ALL.map(Format::extension).join(", ")
    }
}

/// Everything `export` can be asked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExportOptions {
    pub render: render::Options,
    /// Which table a CSV file holds.
    pub table: CsvTable,
    /// Add each actor's camp (and, for edges, whether it breaks the
    /// split) to CSV, GraphML and GEXF.
    pub camps: bool,
}

/// The tables a CSV export can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvTable {
    /// One row per relation.
    #[default]
    Edges,
    /// One row per actor, with its position as drawn.
    Nodes,
    /// One row per sentence that states a relation.
    Evidence,
}

/// A map drawn once, for every format: the scene (positions as drawn,
/// colours, sizes), the title, and the camps when asked for.
pub struct Picture {
    pub scene: Scene,
    pub title: String,
    pub camps: Option<Camps>,
}

impl Picture {
    pub fn new(
        map: &RelationMap,
        positions: &BTreeMap<String, [f32; 2]>,
        opts: &render::Options,
    ) -> Self {
        Self {
            scene: Scene::build(map, positions, opts),
            title: opts
                .title
                .clone()
                .unwrap_or_else(|| render::default_title(map)),
            camps: None,
        }
    }

    /// The camp column's value for an actor: its camp numbered from 1,
    /// empty when it has none (or camps were not asked for).
    pub fn camp(&self, id: &str) -> String {
        self.camps
            .as_ref()
            .and_then(|c| c.of(id))
            .map_or(String::new(), |c| (c + 1).to_string())
    }
}

/// The bytes of `map` in `format`, nodes at `positions` (entity id -> any
/// coordinates; missing ones are laid out).
pub fn to_bytes(
    map: &RelationMap,
    positions: &BTreeMap<String, [f32; 2]>,
    format: Format,
    opts: &ExportOptions,
) -> Result<Vec<u8>, String> {
    let picture = || Picture {
        camps: opts.camps.then(|| stats::camps(map)),
        ..Picture::new(map, positions, &opts.render)
    };
    let text = match format {
        Format::Json => map.to_json(),
        Format::Png => {
            let svg = render::svg::write(&picture().scene);
            return render::png::render(&svg, opts.render.scale, opts.render.transparent);
        }
        Format::Svg => render::svg::write(&picture().scene),
        Format::Graphml => graphml::write(map, &picture()),
        Format::Gexf => gexf::write(map, &picture()),
        Format::Dot => dot::write(map, &picture()),
        Format::Csv => match opts.table {
            CsvTable::Edges => csv::edges(map, &picture()),
            CsvTable::Nodes => csv::nodes(map, &picture()),
            CsvTable::Evidence => evidence::csv(map),
        },
        Format::Markdown => evidence::markdown(map, &picture().title),
    };
    Ok(text.into_bytes())
}

/// Write `map` to `path` in the format its extension names, atomically:
/// on any error the file is untouched and the message names it.
pub fn write_file(
    path: &Path,
    map: &RelationMap,
    positions: &BTreeMap<String, [f32; 2]>,
    opts: &ExportOptions,
) -> Result<(), String> {
    let format = Format::from_path(path).ok_or_else(|| {
        format!(
            "{}: unknown file type (use one of {})",
            path.display(),
            Format::list()
        )
    })?;
    let bytes =
        to_bytes(map, positions, format, opts).map_err(|e| format!("{}: {e}", path.display()))?;
    atomic_write::write(path, &bytes)
}

/// A plain edge list as a map, so every exporter and the window can take
/// it: each name an actor of kind `other`, each pair a `neutral` relation
/// with no evidence (which is how pictures know to draw a plain graph).
pub fn edge_list_map(list: &EdgeList) -> RelationMap {
    let mut used = HashSet::new();
    // The next suffix to try for each slug, so that names sharing a slug
    // (many do: "!", "?" and "…" all slug alike) cost one try each, not one
    // per name before them.
    let mut next: HashMap<String, usize> = HashMap::new();
    let ids: Vec<String> = list
        .names
        .iter()
        .map(|name| {
            let base = slug(name);
            let n = next.entry(base.clone()).or_insert(2);
            let mut id = base.clone();
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                *n += 1;
            }
            id
        })
        .collect();
    let entities = list
        .names
        .iter()
        .zip(&ids)
        .map(|(name, id)| Entity {
            id: id.clone(),
            name: name.clone(),
            kind: EntityKind::Other,
            aliases: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    let relations = list
        .edges
        .iter()
        .map(|&(a, b, _)| Relation {
            source: ids[a as usize].clone(),
            target: ids[b as usize].clone(),
            stance: Stance::Neutral,
            alleged_by: None,
            negated: false,
            evidence: Vec::new(),
            more_evidence: 0,
        })
        .collect();
    RelationMap {
        entities,
        relations,
        ..RelationMap::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Separator;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.PNG")), Some(Format::Png));
        assert_eq!(
            Format::from_path(Path::new("x.graphml")),
            Some(Format::Graphml)
        );
        assert_eq!(Format::from_path(Path::new("x.pdf")), None);
        assert_eq!(Format::from_path(Path::new("x")), None);
    }

    #[test]
    fn names_sharing_a_slug_cost_one_try_each() {
        // 20,000 names of CJK characters: every one slugs to "actor".
        let text: String = (0..20_000u32)
            .filter_map(|i| char::from_u32(0x4E00 + i))
            .map(|c| format!("{c}\n"))
            .collect();
        let list = EdgeList::parse(&text, Separator::Whitespace).unwrap();
        let map = edge_list_map(&list);
        let ids: Vec<&str> = map.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), 20_000);
        assert_eq!(ids[..3], ["actor", "actor-2", "actor-3"]);
        assert_eq!(ids[19_999], "actor-20000");
    }

    #[test]
    fn edge_lists_become_plain_maps_with_unique_ids() {
        let list = EdgeList::parse("A-b A_b\nA_b C\n", Separator::Whitespace).unwrap();
        let map = edge_list_map(&list);
        let ids: Vec<&str> = map.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a-b", "a-b-2", "c"]);
        assert!(render::is_plain(&map));
        assert_eq!(map.relations[1].source, "a-b-2");
    }
}
