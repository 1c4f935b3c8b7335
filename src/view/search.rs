//! Finding an actor by any of its names: the canonical name, an alias
//! ("Islamabad", "the Kremlin") or its id, ignoring case.

use crate::model::RelationMap;

/// One actor that matches a query, and the name that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: String,
    pub name: String,
    /// The alias that matched, when it is not the name.
    pub via: Option<String>,
}

/// Actors matching `query`, best first: exact names, then names that start
/// with it, then names containing it; within each, more mentioned first.
pub fn find(map: &RelationMap, query: &str) -> Vec<Hit> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(u8, std::cmp::Reverse<usize>, Hit)> = Vec::new();
    for entity in &map.entities {
        let names = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .chain(std::iter::once(&entity.id));
        let best = names
            .filter_map(|name| {
                let lower = name.to_lowercase();
                let rank = if lower == q {
                    0
                } else if lower.starts_with(&q) {
                    1
                } else if lower.contains(&q) {
                    2
                } else {
                    return None;
                };
                Some((rank, name))
            })
            .min_by_key(|(rank, _)| *rank);
        if let Some((rank, name)) = best {
            let via = (name != &entity.name && name != &entity.id).then(|| name.clone());
            scored.push((
                rank,
                std::cmp::Reverse(entity.mentions.len()),
                Hit {
                    id: entity.id.clone(),
                    name: entity.name.clone(),
                    via,
                },
            ));
        }
    }
    scored.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.name.cmp(&b.2.name)));
    scored.into_iter().map(|(_, _, hit)| hit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::seed_map;

    #[test]
    fn aliases_find_their_actor() {
        let map = seed_map();
        let hits = find(&map, "islamabad");
        assert_eq!(hits[0].id, "pakistan");
        assert_eq!(hits[0].via.as_deref(), Some("Islamabad"));
        assert_eq!(find(&map, "  RUSSIA ")[0].id, "russia");
        assert!(find(&map, "no such actor").is_empty());
        assert!(find(&map, "").is_empty());
    }
}
