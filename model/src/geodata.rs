//! The island GeoJSON that `geodata/` ships and the map draws.
//!
//! Only the subset of RFC 7946 the project produces is modelled: a
//! `FeatureCollection` of `Polygon`/`MultiPolygon` features whose properties
//! follow [`LandProperties`]. Parsing is strict so a broken data file is
//! refused with a message that says what is wrong, instead of drawing nonsense.

use serde::{Deserialize, Serialize};

#[cfg(feature = "validity")]
pub mod validity;

pub use crate::geometry::{Geometry, PolygonRings, Position, Ring};

/// Whether a land feature is part of the dispute (interactive) or context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub enum LandRole {
    // One rename per variant (not `rename_all`): miniserde reads only `rename`.
    /// One of the four islands or groups Japan claims and Russia administers.
    #[serde(rename = "disputed")]
    Disputed,
    /// Surrounding land (Hokkaido, Urup, ...) drawn for orientation only.
    #[serde(rename = "context")]
    Context,
}

/// Properties of one land feature. Field names are the file format: renaming
/// one is a breaking change for committed data and for old permalinks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LandProperties {
    /// Stable id used in URLs and the API, e.g. `etorofu`, `shibotsu`.
    pub id: String,
    pub role: LandRole,
    pub name_en: String,
    /// Japanese name in kanji, e.g. 択捉島.
    pub name_ja: String,
    /// Japanese name romanised (Hepburn), e.g. `Etorofu`.
    pub name_ja_romaji: String,
    /// Russian name in Cyrillic, e.g. Итуруп.
    pub name_ru: String,
    /// Russian name romanised, e.g. `Iturup`.
    pub name_ru_romaji: String,
    /// Island group, e.g. `habomai`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// For unnamed islets: the id of the nearest named island they are listed under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Who administers the land de facto, e.g. `Russia`.
    pub administered_by: String,
    /// Who else claims it, e.g. `Japan`; `None` when undisputed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_area_km2: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_area_source: Option<String>,
    /// Where the outline comes from, e.g. `GSHHG 2.3.6 full` or `OpenStreetMap land polygons 2017`.
    pub source: String,
    /// Which upstream polygons were used, e.g. `gshhs_f 163` (for provenance only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<String>,
    /// True when the feature was cut at the map area's edge.
    #[serde(default)]
    pub clipped: bool,
    /// Where to put the label: `[lon, lat]`, on land.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_at: Option<Position>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LandFeature {
    #[serde(rename = "type")]
    pub kind: FeatureTag,
    pub id: String,
    pub properties: LandProperties,
    pub geometry: Geometry,
}

impl LandFeature {
    /// Where its label and markers go: `label_at`, else the outline's first point.
    pub fn anchor(&self) -> Option<Position> {
        self.properties
            .label_at
            .or_else(|| self.outline()?.first().copied())
    }

    /// Where else its name may go when symbols cover the anchor (see
    /// [`crate::geometry::slots_along`]). Only disputed islands are named on
    /// the map, and islets that belong to one carry its name, not their own.
    pub fn label_slots(&self) -> Vec<Position> {
        let named = self.properties.role == LandRole::Disputed && self.properties.part_of.is_none();
        match (self.anchor(), self.outline()) {
            (Some(anchor), Some(ring)) if named => crate::geometry::slots_along(ring, anchor),
            _ => Vec::new(),
        }
    }

    /// The exterior ring of its first polygon.
    fn outline(&self) -> Option<&Ring> {
        self.geometry.polygons().first()?.first()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FeatureTag {
    Feature,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FeatureCollectionTag {
    FeatureCollection,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LandCollection {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionTag,
    pub features: Vec<LandFeature>,
}

impl LandCollection {
    /// Parses a land GeoJSON file; the error names line, column and what was expected.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        parse(text)
    }

    pub fn find(&self, id: &str) -> Option<&LandFeature> {
        self.features.iter().find(|f| f.id == id)
    }

    pub fn disputed(&self) -> impl Iterator<Item = &LandFeature> {
        self.features
            .iter()
            .filter(|f| f.properties.role == LandRole::Disputed)
    }

    pub fn vertex_count(&self) -> usize {
        self.features
            .iter()
            .map(|f| f.geometry.vertex_count())
            .sum()
    }
}

/// What a place is; drives its map symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub enum PlaceKind {
    #[serde(rename = "settlement")]
    Settlement,
    #[serde(rename = "airfield")]
    Airfield,
    #[serde(rename = "base")]
    Base,
    #[serde(rename = "cape")]
    Cape,
    #[serde(rename = "lighthouse")]
    Lighthouse,
    #[serde(rename = "bay")]
    Bay,
    /// An island's (or island group's) centre, not a place on the ground.
    #[serde(rename = "centroid")]
    Centroid,
}

/// Properties of one point in `geodata/places.geojson`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceProperties {
    /// Stable id, e.g. `yuzhno-kurilsk`.
    pub id: String,
    pub kind: PlaceKind,
    pub name_en: String,
    pub name_ja: String,
    pub name_ja_romaji: String,
    pub name_ru: String,
    pub name_ru_romaji: String,
    /// The Russian name in katakana (クリリスク), for Japanese text in the
    /// Russian convention.
    pub name_ru_kana: String,
    /// The Japanese name in Cyrillic (Сяна), for Russian text in the
    /// Japanese convention.
    pub name_ja_cyrillic: String,
    /// Id of the land feature (or island group, e.g. `habomai`) the place is on.
    pub island: String,
    /// Where the coordinate comes from (URL).
    pub source: String,
    /// True when the point is an island centroid rather than the place itself.
    #[serde(default)]
    pub centroid: bool,
    /// Why the coordinate is only approximate, when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinate_note: Option<String>,
    /// One short sentence on what is there, in our own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum PointGeometry {
    Point { coordinates: Position },
}

impl PointGeometry {
    pub fn position(&self) -> Position {
        match self {
            PointGeometry::Point { coordinates } => *coordinates,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceFeature {
    #[serde(rename = "type")]
    pub kind: FeatureTag,
    pub id: String,
    pub properties: PlaceProperties,
    pub geometry: PointGeometry,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCollection {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionTag,
    pub features: Vec<PlaceFeature>,
}

impl PlaceCollection {
    /// Parses `places.geojson`; the error names line, column and what was expected.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        parse(text)
    }

    pub fn find(&self, id: &str) -> Option<&PlaceFeature> {
        self.features.iter().find(|f| f.id == id)
    }

    /// The places a map marks with a dot and a name: all but island centroids.
    pub fn on_the_ground(&self) -> impl Iterator<Item = &PlaceFeature> {
        self.features.iter().filter(|f| !f.properties.centroid)
    }
}

/// Properties of one line in `geodata/lines.geojson` (boundaries, claims).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineProperties {
    /// Stable id, e.g. `shimoda-1855`.
    pub id: String,
    pub name_en: String,
    pub name_ja: String,
    pub name_ru: String,
    /// What the line is, in our own words.
    pub description: String,
    /// When it took effect, `YYYY-MM-DD`.
    pub date: String,
    /// When it stopped applying, `YYYY-MM-DD`; `None` if it still does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// URL of the source for the line's existence and date.
    pub source: String,
    /// True when the drawn course is ours, not a published one.
    pub schematic: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum LineGeometry {
    LineString { coordinates: Vec<Position> },
}

impl LineGeometry {
    pub fn positions(&self) -> &[Position] {
        match self {
            LineGeometry::LineString { coordinates } => coordinates,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineFeature {
    #[serde(rename = "type")]
    pub kind: FeatureTag,
    pub id: String,
    pub properties: LineProperties,
    pub geometry: LineGeometry,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineCollection {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionTag,
    pub features: Vec<LineFeature>,
}

impl LineCollection {
    /// Parses `lines.geojson`; the error names line, column and what was expected.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        parse(text)
    }

    pub fn find(&self, id: &str) -> Option<&LineFeature> {
        self.features.iter().find(|f| f.id == id)
    }
}

/// JSON (a data file or an API answer) that does not parse as the type
/// asked for: where, and what serde_json expected there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {detail}")]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    /// serde_json's own message (it repeats the position).
    pub detail: String,
}

impl From<serde_json::Error> for ParseError {
    fn from(e: serde_json::Error) -> Self {
        ParseError {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        }
    }
}

/// Strict JSON parsing into one of the data types.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    Ok(serde_json::from_str(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::LandShapes;

    const SAMPLE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","id":"shikotan","properties":{"id":"shikotan","role":"disputed",
       "name_en":"Shikotan","name_ja":"色丹島","name_ja_romaji":"Shikotan","name_ru":"Шикотан",
       "name_ru_romaji":"Shikotan","administered_by":"Russia","claimed_by":"Japan","source":"test"},
       "geometry":{"type":"Polygon","coordinates":[[[146.6,43.8],[146.9,43.8],[146.9,43.9],[146.6,43.8]]]}},
      {"type":"Feature","id":"hokkaido","properties":{"id":"hokkaido","role":"context",
       "name_en":"Hokkaido","name_ja":"北海道","name_ja_romaji":"Hokkaidō","name_ru":"Хоккайдо",
       "name_ru_romaji":"Khokkaido","administered_by":"Japan","source":"test","clipped":true},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[145,43],[145.5,43],[145.5,43.5],[145,43]]]]}}]}"#;

    #[test]
    fn parses_both_geometry_types_and_finds_disputed_islands() {
        let land = LandCollection::from_json(SAMPLE).expect("sample parses");
        assert_eq!(land.features.len(), 2);
        let disputed: Vec<_> = land.disputed().map(|f| f.id.as_str()).collect();
        assert_eq!(disputed, ["shikotan"]);
        assert_eq!(
            land.find("hokkaido").map(|f| f.properties.clipped),
            Some(true)
        );
        assert_eq!(land.vertex_count(), 8);
    }

    #[test]
    fn shapes_carry_outlines_anchors_and_properties_through_json() {
        let land = LandCollection::from_json(SAMPLE).expect("sample parses");
        let shapes = LandShapes::from_land(&land, &crate::islands::committed());
        let shikotan = shapes.find("shikotan").expect("shikotan");
        // No label_at in the sample: the anchor falls back to the first point.
        assert_eq!(shikotan.anchor, Some([146.6, 43.8]));
        assert_eq!(shikotan.d.matches('M').count(), 1);
        assert_eq!(shikotan.properties.name_ru, "Шикотан");
        assert_eq!(shikotan.properties.source, "test");
        assert_eq!(
            shapes.find("hokkaido").map(|f| f.d.as_str()),
            land.find("hokkaido")
                .map(|f| crate::svg::path_data(&f.geometry))
                .as_deref()
        );
        let text = serde_json::to_string(&shapes).expect("serialises");
        assert_eq!(LandShapes::from_json(&text), Ok(shapes.clone()));
        assert_eq!(shapes.disputed().count(), 1);
    }

    #[test]
    fn parses_places_and_lines() {
        let places = PlaceCollection::from_json(
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"kurilsk",
            "properties":{"id":"kurilsk","kind":"settlement","name_en":"Kurilsk","name_ja":"紗那",
            "name_ja_romaji":"Shana","name_ru":"Курильск","name_ru_romaji":"Kurilsk","name_ru_kana":"クリリスク","name_ja_cyrillic":"Сяна",
            "island":"etorofu","source":"https://example.org"},
            "geometry":{"type":"Point","coordinates":[147.883,45.217]}}]}"#,
        )
        .expect("places parse");
        let kurilsk = places.find("kurilsk").expect("kurilsk");
        assert_eq!(kurilsk.properties.kind, PlaceKind::Settlement);
        assert!(!kurilsk.properties.centroid);
        assert_eq!(kurilsk.geometry.position(), [147.883, 45.217]);

        let lines = LineCollection::from_json(
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"shimoda-1855",
            "properties":{"id":"shimoda-1855","name_en":"a","name_ja":"b","name_ru":"c",
            "description":"d","date":"1855-02-07","until":"1875-05-07","source":"https://e",
            "schematic":true},"geometry":{"type":"LineString","coordinates":[[149,45.8],[149.3,45.3]]}}]}"#,
        )
        .expect("lines parse");
        let line = lines.find("shimoda-1855").expect("line");
        assert_eq!(line.properties.until.as_deref(), Some("1875-05-07"));
        assert_eq!(line.geometry.positions().len(), 2);
        let err = LineCollection::from_json(r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"x","properties":{"id":"x"},"geometry":{"type":"LineString","coordinates":[]}}]}"#)
            .expect_err("missing fields are refused");
        assert!(err.to_string().contains("name_en"), "{err}");
    }

    #[test]
    fn a_missing_name_is_refused_with_its_field_and_line() {
        let broken = SAMPLE.replacen(r#""name_ru":"Шикотан","#, "", 1);
        let err = LandCollection::from_json(&broken).expect_err("must be refused");
        assert!(err.to_string().contains("name_ru"), "{err}");
        assert!(err.to_string().starts_with("line "), "{err}");
    }

    #[test]
    fn every_big_disputed_island_has_slots_on_land_along_it() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../geodata/land-0.geojson");
        let text = std::fs::read_to_string(path).expect("committed data file");
        let land = LandCollection::from_json(&text).expect("land parses");
        let shapes = LandShapes::from_land(&land, &crate::islands::committed());
        for id in ["etorofu", "kunashiri", "shikotan"] {
            let shape = shapes.find(id).expect("island present");
            let [lon, lat] = shape.anchor.expect("anchored");
            assert!(
                shape.label_slots.len() >= 2,
                "{id}: {:?}",
                shape.label_slots
            );
            let ring = &land
                .features
                .iter()
                .find(|f| f.id == id)
                .expect("feature")
                .geometry
                .polygons()[0][0];
            for slot in &shape.label_slots {
                assert!(
                    crate::geometry::tests::ring_contains(ring, *slot),
                    "{id}: {slot:?} is on land"
                );
                let km = crate::math::hypot(
                    (slot[0] - lon) * crate::math::cos(lat.to_radians()),
                    slot[1] - lat,
                ) * 111.0;
                assert!(km > 3.0, "{id}: {slot:?} is {km:.1} km from the anchor");
            }
        }
        // Hokkaido and the islets named after their island carry none: the
        // map does not name them.
        let unnamed = shapes
            .features
            .iter()
            .filter(|f| f.properties.role != LandRole::Disputed || f.properties.part_of.is_some());
        assert!(unnamed.clone().count() > 3);
        assert!(unnamed.clone().all(|f| f.label_slots.is_empty()));
    }
}
