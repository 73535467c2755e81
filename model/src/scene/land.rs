//! Land ready to draw: outlines as SVG path data in map units, anchors and
//! name slots, and the islands' facts the app needs with them. Built once on
//! the server (`/api/geo/shapes/{level}`), drawn by the app and placed by
//! the scene.

use crate::geodata::{LandCollection, LandProperties, LandRole, ParseError, parse};
use crate::geometry::Position;
use crate::islands::Islands;
use serde::{Deserialize, Serialize};

/// A land feature ready to draw: its outline as SVG path data in map units
/// (see [`crate::svg::path_data`]), projected once on the server so that a
/// phone does not parse and project tens of thousands of coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LandShape {
    pub id: String,
    /// Where the label and markers go, `[lon, lat]`: `label_at`, else the
    /// outline's first point.
    pub anchor: Option<Position>,
    /// Where else on a disputed island its name may go when symbols cover
    /// the anchor (see [`crate::geometry::slots_along`]).
    pub label_slots: Vec<Position>,
    pub d: String,
    pub properties: LandProperties,
}

/// Every land feature of one level of detail, ready to draw, with the
/// islands' and groups' facts (`geodata/islands.toml`), so the app has them
/// with its first answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LandShapes {
    pub features: Vec<LandShape>,
    pub islands: Islands,
    /// Both governments' positions in one line for the island panel
    /// (`model::positions::Positions::panel_line`); empty if not given.
    #[serde(default)]
    pub positions: String,
}

impl LandShapes {
    pub fn from_land(land: &LandCollection, islands: &Islands) -> Self {
        LandShapes {
            islands: islands.clone(),
            positions: String::new(),
            features: land
                .features
                .iter()
                .map(|f| LandShape {
                    id: f.id.clone(),
                    anchor: f.anchor(),
                    label_slots: f.label_slots(),
                    d: crate::svg::path_data(&f.geometry),
                    // The upstream polygon ids are provenance, in the
                    // GeoJSON (`/api/geo/land`); the map does not need
                    // them, and level 0 is on the first paint's path.
                    properties: LandProperties {
                        source_ref: None,
                        ..f.properties.clone()
                    },
                })
                .collect(),
        }
    }

    /// The same shapes with the panel's line of both positions.
    pub fn with_positions(mut self, line: String) -> Self {
        self.positions = line;
        self
    }

    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        parse(text)
    }

    pub fn find(&self, id: &str) -> Option<&LandShape> {
        self.features.iter().find(|f| f.id == id)
    }

    pub fn disputed(&self) -> impl Iterator<Item = &LandShape> {
        self.features
            .iter()
            .filter(|f| f.properties.role == LandRole::Disputed)
    }
}
