//! The actors of a map by index, with what drawing and filtering need.

use crate::layout;
use crate::model::{EntityKind, RelationMap};
use std::collections::HashMap;

/// The actors of a map in layout order (actor `i` is
/// `layout::map_graph(map).ids[i]`): the window's nodes and the filters
/// index them alike.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    pub ids: Vec<String>,
    pub names: Vec<String>,
    pub kinds: Vec<EntityKind>,
    /// Mentions (or degree, when larger): what node size shows.
    pub weights: Vec<usize>,
    pub index: HashMap<String, usize>,
}

impl Actors {
    pub fn new(map: &RelationMap, mg: &layout::MapGraph) -> Self {
        let mut actors = Actors::default();
        let entities = map.entity_index();
        for (i, id) in mg.ids.iter().enumerate() {
            let entity = entities.get(id.as_str());
            actors.ids.push(id.clone());
            actors
                .names
                .push(entity.map_or_else(|| id.clone(), |e| e.name.clone()));
            actors
                .kinds
                .push(entity.map_or(EntityKind::Other, |e| e.kind));
            actors.weights.push(mg.weights[i]);
            actors.index.insert(id.clone(), i);
        }
        actors
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}
