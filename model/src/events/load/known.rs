//! The ids the data may refer to beyond its own records: the islands and
//! groups of `geodata/islands.toml`, the land the map draws, and the places
//! of `geodata/places.geojson`. Built from those files, never spelt here.

use std::collections::{BTreeMap, BTreeSet};

use crate::events::Point;
use crate::geodata::{LandCollection, PlaceCollection};
use crate::islands::Islands;

/// Ids the data may refer to, supplied by the caller.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Islands, groups and every land the map draws.
    pub islands: BTreeSet<String>,
    /// Group id → its member islands: data tagged with a member concerns the group.
    pub groups: BTreeMap<String, Vec<String>>,
    /// Place id → `[lon, lat]` where known.
    pub places: BTreeMap<String, Option<Point>>,
}

impl Known {
    /// The ids of the islands data, the land outlines and the places.
    pub fn new(islands: &Islands, land: &LandCollection, places: &PlaceCollection) -> Known {
        let drawn = land.features.iter().map(|f| f.id.as_str());
        Known {
            islands: islands.ids().chain(drawn).map(str::to_owned).collect(),
            groups: islands
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.members.clone()))
                .collect(),
            places: places
                .features
                .iter()
                .map(|f| (f.id.clone(), Some(f.geometry.position())))
                .collect(),
        }
    }
}
