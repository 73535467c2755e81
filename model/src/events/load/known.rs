//! The ids the data may refer to beyond its own records: the islands and
//! groups of `geodata/islands.toml`, the land the map draws, and the places
//! of `geodata/places.geojson`. Built from those files
//! ([`crate::islands::Islands::known`]), never spelt here.

use std::collections::{BTreeMap, BTreeSet};

use crate::events::Point;

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
