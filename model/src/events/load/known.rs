//! The ids the data may refer to beyond its own records: map islands and
//! places, supplied by the caller.

use std::collections::{BTreeMap, BTreeSet};

use crate::events::Point;

/// Island ids the map knows: the four disputed islands/groups, the Habomai
/// islets, and context land.
pub const ISLAND_IDS: &[&str] = &[
    "etorofu",
    "kunashiri",
    "shikotan",
    "habomai",
    "suisho",
    "yuri",
    "akiyuri",
    "shibotsu",
    "taraku",
    "kaigara",
    "harukaru",
    "hokkaido",
    "urup",
];

/// Map place ids with the fact base's gazetteer coordinates (section F),
/// used when `geodata/places.geojson` is not available. `None`: no sourced
/// coordinate.
pub const FALLBACK_PLACES: &[(&str, Option<Point>)] = &[
    ("kurilsk", Some([147.883, 45.217])),
    ("goryachiye-klyuchi", Some([147.761, 45.033])),
    ("yasny-airport", Some([147.956, 45.256])),
    ("burevestnik", Some([147.622, 44.920])),
    ("kasatka-bay", Some([147.672, 44.965])),
    ("yuzhno-kurilsk", Some([145.850, 44.033])),
    ("mendeleyevo-airport", Some([145.683, 43.958])),
    ("malokurilskoye", Some([146.832, 43.871])),
    ("cape-nosappu", Some([145.817, 43.385])),
    ("kaigara-lighthouse", Some([145.858, 43.397])),
    ("etorofu-centroid", Some([147.617, 45.033])),
    ("kunashiri-centroid", Some([145.850, 44.117])),
    ("shikotan-centroid", Some([146.750, 43.800])),
    ("habomai-centroid", Some([146.133, 43.500])),
    ("krabozavodskoye", None),
    ("lagunnoye", None),
    ("goryachiy-plyazh", None),
    ("reidovo", None),
];

/// Ids the data may refer to, supplied by the caller.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub islands: BTreeSet<String>,
    /// Place id → `[lon, lat]` where known.
    pub places: BTreeMap<String, Option<Point>>,
}

impl Known {
    /// [`ISLAND_IDS`] and [`FALLBACK_PLACES`].
    pub fn builtin() -> Self {
        Known {
            islands: ISLAND_IDS.iter().map(|s| s.to_string()).collect(),
            places: FALLBACK_PLACES
                .iter()
                .map(|(id, p)| (id.to_string(), *p))
                .collect(),
        }
    }

    /// [`ISLAND_IDS`] and the places of a GeoJSON FeatureCollection (the
    /// feature `id`, or `properties.id`; a Point geometry gives the position).
    pub fn with_places_geojson(text: &str) -> Result<Self, String> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        let features = value
            .get("features")
            .and_then(|f| f.as_array())
            .ok_or("not a FeatureCollection: no `features` array")?;
        let mut places = BTreeMap::new();
        for (i, f) in features.iter().enumerate() {
            let id = f
                .get("id")
                .and_then(|v| v.as_str())
                .or_else(|| f.pointer("/properties/id").and_then(|v| v.as_str()))
                .ok_or(format!("features[{i}] has no id"))?;
            let point = match (
                f.pointer("/geometry/type").and_then(|t| t.as_str()),
                f.pointer("/geometry/coordinates")
                    .and_then(|c| c.as_array()),
            ) {
                (Some("Point"), Some(c)) if c.len() >= 2 => match (c[0].as_f64(), c[1].as_f64()) {
                    (Some(lon), Some(lat)) => Some([lon, lat]),
                    _ => None,
                },
                _ => None,
            };
            places.insert(id.to_string(), point);
        }
        Ok(Known {
            islands: ISLAND_IDS.iter().map(|s| s.to_string()).collect(),
            places,
        })
    }
}
