//! The app's JSON decoders (feature `mini`): miniserde instead of
//! serde_json.
//!
//! serde_json stamps out a deserializer per type, and the app's types made
//! that about a seventh of the wasm; miniserde drives every type through one
//! non-generic parser and trait objects. The cost: a failed decode says only
//! that the answer did not match, not where (the server's own tests decode
//! the same answers with serde_json, which does say where).
//!
//! The types the app decodes derive `miniserde::Deserialize` next to serde's
//! traits, so they may carry no serde attribute but `rename`. Land
//! properties carry more (they are also the GeoJSON file format), so they are
//! decoded through [`ShapePropertiesWire`] here.

use crate::geodata::{LandProperties, LandRole};
use crate::geometry::Position;
use crate::islands::Islands;
use crate::scene::{LandShape, LandShapes};
use miniserde::Deserialize;

/// An answer that is not the JSON of the type asked for. miniserde does not
/// say where; a unit type keeps the app's wasm free of any formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not the expected JSON")]
pub struct DecodeError;

/// Decodes an API answer.
pub fn decode<T: Deserialize>(text: &str) -> Result<T, DecodeError> {
    miniserde::json::from_str(text).map_err(|_| DecodeError)
}

/// Decodes `GET /api/geo/shapes/{level}`.
pub fn land_shapes(text: &str) -> Result<LandShapes, DecodeError> {
    let wire: ShapesWire = decode(text)?;
    Ok(LandShapes {
        islands: wire.islands,
        positions: wire.positions,
        features: wire
            .features
            .into_iter()
            .map(|f| LandShape {
                id: f.id,
                anchor: f.anchor,
                label_slots: f.label_slots,
                d: f.d,
                properties: f.properties.into(),
            })
            .collect(),
    })
}

#[derive(Deserialize)]
struct ShapesWire {
    features: Vec<ShapeWire>,
    islands: Islands,
    positions: String,
}

#[derive(Deserialize)]
struct ShapeWire {
    id: String,
    anchor: Option<Position>,
    label_slots: Vec<Position>,
    d: String,
    properties: ShapePropertiesWire,
}

/// [`LandProperties`] as the server writes them: absent options are left
/// out, and `clipped` is always there.
#[derive(Deserialize)]
struct ShapePropertiesWire {
    id: String,
    role: LandRole,
    name_en: String,
    name_ja: String,
    name_ja_romaji: String,
    name_ru: String,
    name_ru_romaji: String,
    group: Option<String>,
    part_of: Option<String>,
    administered_by: String,
    claimed_by: Option<String>,
    official_area_km2: Option<f64>,
    official_area_source: Option<String>,
    source: String,
    source_ref: Option<String>,
    clipped: bool,
    label_at: Option<Position>,
}

impl From<ShapePropertiesWire> for LandProperties {
    fn from(w: ShapePropertiesWire) -> Self {
        LandProperties {
            id: w.id,
            role: w.role,
            name_en: w.name_en,
            name_ja: w.name_ja,
            name_ja_romaji: w.name_ja_romaji,
            name_ru: w.name_ru,
            name_ru_romaji: w.name_ru_romaji,
            group: w.group,
            part_of: w.part_of,
            administered_by: w.administered_by,
            claimed_by: w.claimed_by,
            official_area_km2: w.official_area_km2,
            official_area_source: w.official_area_source,
            source: w.source,
            source_ref: w.source_ref,
            clipped: w.clipped,
            label_at: w.label_at,
        }
    }
}

#[cfg(test)]
mod tests {
    //! Each decoder against what the server really sends: the committed data
    //! serialised by serde, decoded here, compared field by field (events,
    //! histories and articles: `tests/event_files.rs`).
    use super::*;
    use crate::events::PartialDate;
    use crate::geodata::{LandCollection, LineCollection, PlaceCollection};
    use crate::marks::Overlays;

    fn geodata(file: &str) -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../geodata/");
        std::fs::read_to_string(format!("{path}{file}")).expect("committed data file")
    }

    #[test]
    fn land_shapes_decode_to_what_the_server_encoded() {
        for level in 0..3 {
            let land = LandCollection::from_json(&geodata(&format!("land-{level}.geojson")))
                .expect("land parses");
            let shapes = LandShapes::from_land(&land, &crate::islands::committed());
            let sent = serde_json::to_string(&shapes).expect("serialises");
            assert_eq!(land_shapes(&sent), Ok(shapes), "level {level}");
        }
    }

    #[test]
    fn overlays_decode_to_what_the_server_encoded() {
        let places = PlaceCollection::from_json(&geodata("places.geojson")).expect("places");
        let lines = LineCollection::from_json(&geodata("lines.geojson")).expect("lines");
        let overlays = Overlays::from_collections(&places, &lines);
        let sent = serde_json::to_string(&overlays).expect("serialises");
        assert_eq!(decode::<Overlays>(&sent), Ok(overlays));
    }

    #[test]
    fn malformed_answers_are_refused() {
        assert!(decode::<Overlays>("{\"places\": [}").is_err());
        assert!(
            decode::<Overlays>("{\"places\": []}").is_err(),
            "lines missing"
        );
        assert!(decode::<PartialDate>("\"2017-02-30\"").is_err());
        assert_eq!(
            decode::<PartialDate>("\"2016-11\"").map(|d| d.to_string()),
            Ok("2016-11".into())
        );
        assert!(land_shapes("{\"features\": [{\"id\": \"x\"}]}").is_err());
        // The app shows this text inside its own sentence.
        assert_eq!(
            decode::<Overlays>("{").map_err(|e| e.to_string()),
            Err("not the expected JSON".to_owned())
        );
    }
}
