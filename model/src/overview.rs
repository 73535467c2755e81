//! The overview map: where in the world the map is. Its coastlines
//! (`geodata/overview.geojson`: Hokkaido, Sakhalin, Kamchatka, the whole
//! Kuril chain round the Sea of Okhotsk, at very low detail) are drawn in a
//! small fixed Web Mercator frame, [`WIDTH`] units wide over
//! [`WEST`]–[`EAST`], [`SOUTH`]–[`NORTH`]. The server serves them ready to
//! draw (`/api/geo/overview`, [`Overview`]) with the main map's area in the
//! same units; [`project`] and [`unproject`] convert between the frame and
//! longitude and latitude (a view's extent on the overview; a point of it
//! activated).

use crate::decimal::compact;
use crate::geodata::{FeatureCollectionTag, FeatureTag, ParseError, parse};
use crate::geometry::Geometry;
use crate::projection::{AREA_EAST, AREA_NORTH, AREA_SOUTH, AREA_WEST};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// What the overview shows: the Sea of Okhotsk with its coasts, from
/// Hokkaido and the Kuril Islands to Kamchatka and Magadan.
pub const WEST: f64 = 135.0;
pub const EAST: f64 = 164.0;
pub const SOUTH: f64 = 40.0;
pub const NORTH: f64 = 61.0;
/// The frame's width in its own units (its height follows from Mercator).
pub const WIDTH: f64 = 240.0;

/// Normalised Web Mercator: x in degrees, y in "Mercator degrees" (growing north).
fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let phi = lat.to_radians();
    (
        lon,
        crate::math::ln(crate::math::tan(phi) + 1.0 / crate::math::cos(phi)).to_degrees(),
    )
}

fn units_per_degree() -> f64 {
    WIDTH / (EAST - WEST)
}

/// `[lon, lat]` to overview units (x east, y south, from the north-west corner).
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let (x, y) = mercator(lon, lat);
    let (x0, y0) = mercator(WEST, NORTH);
    ((x - x0) * units_per_degree(), (y0 - y) * units_per_degree())
}

/// Overview units back to `(lon, lat)`.
pub fn unproject(x: f64, y: f64) -> (f64, f64) {
    let (x0, y0) = mercator(WEST, NORTH);
    let lon = x0 + x / units_per_degree();
    let my = (y0 - y / units_per_degree()).to_radians();
    (lon, crate::math::atan(crate::math::sinh(my)).to_degrees())
}

/// The frame's height in its units.
pub fn height() -> f64 {
    project(WEST, SOUTH).1
}

/// A longitude/latitude box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

/// A rectangle in overview units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Frame {
    /// The box `bounds` covers on the overview.
    pub fn of(bounds: Bounds) -> Frame {
        let (x, y) = project(bounds.west, bounds.north);
        let (x2, y2) = project(bounds.east, bounds.south);
        Frame {
            x,
            y,
            width: x2 - x,
            height: y2 - y,
        }
    }
}

/// `/api/geo/overview`: the overview's land ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    /// What the frame shows (its projection: Web Mercator, see [`project`]).
    pub bounds: Bounds,
    /// The frame's size in its units (an SVG `viewBox` of `0 0 width height`).
    pub width: f64,
    pub height: f64,
    /// Every coastline as one SVG path in the frame's units, in tenths,
    /// relative; holes rely on `fill-rule: evenodd`.
    pub d: String,
    /// The main map's whole area on the frame.
    pub map_area: Frame,
    /// Where the coastlines come from (the attribution to show).
    pub source: String,
}

impl Overview {
    pub fn from_collection(collection: &OverviewCollection) -> Overview {
        let mut d = String::new();
        for f in &collection.features {
            for polygon in f.geometry.polygons() {
                for ring in polygon {
                    push_ring(&mut d, ring);
                }
            }
        }
        let source = collection
            .features
            .first()
            .map(|f| f.properties.source.clone())
            .unwrap_or_default();
        Overview {
            bounds: Bounds {
                west: WEST,
                south: SOUTH,
                east: EAST,
                north: NORTH,
            },
            width: WIDTH,
            height: (height() * 10.0).round() / 10.0,
            d,
            map_area: Frame::of(Bounds {
                west: AREA_WEST,
                south: AREA_SOUTH,
                east: AREA_EAST,
                north: AREA_NORTH,
            }),
            source,
        }
    }
}

impl Overview {
    /// The overview as a standalone SVG picture (`/api/geo/overview.svg`,
    /// the app's inset shows it as an image and marks the view over it):
    /// sea, land, and the main map's area dashed (presentation attributes
    /// only: no style for a policy to refuse; the dark palette inverts the
    /// image in CSS). Path data is ours, numbers only: nothing to escape.
    pub fn svg(&self) -> String {
        let (w, h) = (compact_f(self.width), compact_f(self.height));
        let a = self.map_area;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">\
<rect fill=\"#dcebf5\" width=\"{w}\" height=\"{h}\"/>\
<path fill=\"#e8e4d8\" stroke=\"#8c8670\" stroke-width=\".4\" fill-rule=\"evenodd\" d=\"{d}\"/>\
<rect fill=\"none\" stroke=\"#5a6b7a\" stroke-width=\".6\" stroke-dasharray=\"2 1.5\" x=\"{x}\" y=\"{y}\" width=\"{aw}\" height=\"{ah}\"/></svg>",
            d = self.d,
            x = compact_f(a.x),
            y = compact_f(a.y),
            aw = compact_f(a.width),
            ah = compact_f(a.height),
        )
    }
}

/// A length in the frame's units, to a tenth.
fn compact_f(v: f64) -> String {
    compact((v * 10.0).round() as i64, 10)
}

fn push_ring(d: &mut String, ring: &[[f64; 2]]) {
    let open = match ring.split_last() {
        Some((last, rest)) if rest.first() == Some(last) => rest,
        _ => ring,
    };
    let mut previous = (0, 0);
    for (i, [lon, lat]) in open.iter().enumerate() {
        let (x, y) = project(*lon, *lat);
        let at = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if i > 0 && at == previous {
            continue;
        }
        // Writing to a String cannot fail.
        let _ = if i == 0 {
            write!(d, "M{} {}", compact(at.0, 10), compact(at.1, 10))
        } else {
            write!(
                d,
                "l{} {}",
                compact(at.0 - previous.0, 10),
                compact(at.1 - previous.1, 10)
            )
        };
        previous = at;
    }
    if !open.is_empty() {
        d.push('z');
    }
}

/// Properties of the overview's one feature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverviewProperties {
    pub id: String,
    /// Where the outlines come from, e.g. `GSHHG 2.3.6 full`.
    pub source: String,
    /// How far simplification may move a coast, in metres.
    pub tolerance_m: f64,
    /// Islands smaller than this are left out, in km².
    pub min_island_km2: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewFeature {
    #[serde(rename = "type")]
    pub kind: FeatureTag,
    pub id: String,
    pub properties: OverviewProperties,
    pub geometry: Geometry,
}

/// `geodata/overview.geojson`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewCollection {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionTag,
    pub features: Vec<OverviewFeature>,
}

impl OverviewCollection {
    /// Parses `overview.geojson`; the error names line, column and what was expected.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frame_starts_at_the_north_west_corner_and_round_trips() {
        let (x, y) = project(WEST, NORTH);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        let (x, _) = project(EAST, SOUTH);
        assert!((x - WIDTH).abs() < 1e-9);
        for (lon, lat) in [(145.8, 43.4), (156.67, 50.87), (140.0, 60.0)] {
            let (x, y) = project(lon, lat);
            let (lon2, lat2) = unproject(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
    }

    #[test]
    fn the_main_map_area_sits_inside_the_frame_north_grows_up() {
        let sample = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"overview",
          "properties":{"id":"overview","source":"test","tolerance_m":5000,"min_island_km2":20},
          "geometry":{"type":"Polygon","coordinates":[[[140,42],[145,42],[145,45],[140,42]]]}}]}"#;
        let overview = Overview::from_collection(&OverviewCollection::from_json(sample).unwrap());
        let a = overview.map_area;
        assert!(a.x > 0.0 && a.y > 0.0 && a.width > 0.0 && a.height > 0.0);
        assert!(a.x + a.width < overview.width && a.y + a.height < overview.height);
        // Mercator: a degree of latitude is taller in the north.
        let (_, y50) = project(150.0, 50.0);
        let (_, y51) = project(150.0, 51.0);
        let (_, y41) = project(150.0, 41.0);
        let (_, y42) = project(150.0, 42.0);
        assert!(y50 - y51 > y41 - y42);
        assert_eq!(overview.d.matches('M').count(), 1);
        assert!(overview.d.ends_with('z'));
        let text = serde_json::to_string(&overview).unwrap();
        assert!(text.contains("\"map_area\":{\"x\":"), "{text}");
        let svg = overview.svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 "));
        assert!(svg.contains(&format!("d=\"{}\"", overview.d)), "{svg}");
        assert!(svg.ends_with("</svg>") && !svg.contains("<style"));
    }
}
