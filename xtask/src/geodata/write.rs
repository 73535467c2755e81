//! GeoJSON text with fixed precision and fixed order, so re-runs are byte-identical.

use serde::Serialize;

use super::land::Feature;
use crate::util::Error;

/// A number with at most 5 decimals (about 1 m), trailing zeros dropped.
pub fn num(v: f64) -> String {
    let text = format!("{v:.5}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

pub fn position(x: f64, y: f64) -> String {
    format!("[{},{}]", num(x), num(y))
}

fn ring(r: &geo::LineString<f64>) -> String {
    let parts: Vec<String> = r.coords().map(|c| position(c.x, c.y)).collect();
    format!("[{}]", parts.join(","))
}

fn polygon(p: &geo::Polygon<f64>) -> String {
    let rings: Vec<String> = std::iter::once(p.exterior())
        .chain(p.interiors())
        .map(ring)
        .collect();
    format!("[{}]", rings.join(","))
}

/// One feature ready to write: its id, properties and geometry as JSON.
pub struct Item {
    pub id: String,
    pub properties: String,
    pub geometry: String,
}

impl Item {
    pub fn new(id: &str, properties: &impl Serialize, geometry: String) -> Result<Self, Error> {
        Ok(Item {
            id: id.to_owned(),
            properties: serde_json::to_string(properties)
                .map_err(|e| Error::msg(format!("{id}: {e}")))?,
            geometry,
        })
    }
}

/// A FeatureCollection, one feature per line.
pub fn collection(items: &[Item]) -> Result<String, Error> {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, item) in items.iter().enumerate() {
        let id = serde_json::to_string(&item.id).map_err(|e| Error::msg(e.to_string()))?;
        out.push_str(&format!(
            "{{\"type\":\"Feature\",\"id\":{id},\"properties\":{},\"geometry\":{}}}",
            item.properties, item.geometry
        ));
        out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
    }
    out.push_str("]}\n");
    Ok(out)
}

pub fn land_collection(features: &[Feature]) -> Result<String, Error> {
    let items = features
        .iter()
        .map(|f| {
            let geometry = match f.polygons.as_slice() {
                [one] => format!("{{\"type\":\"Polygon\",\"coordinates\":{}}}", polygon(one)),
                many => multi_polygon(many),
            };
            Item::new(&f.properties.id, &f.properties, geometry)
        })
        .collect::<Result<Vec<_>, _>>()?;
    collection(&items)
}

pub fn multi_polygon(polygons: &[geo::Polygon<f64>]) -> String {
    let polys: Vec<String> = polygons.iter().map(polygon).collect();
    format!(
        "{{\"type\":\"MultiPolygon\",\"coordinates\":[{}]}}",
        polys.join(",")
    )
}

pub fn point(at: [f64; 2]) -> String {
    format!(
        "{{\"type\":\"Point\",\"coordinates\":{}}}",
        position(at[0], at[1])
    )
}

pub fn line_string(points: &[[f64; 2]]) -> String {
    let parts: Vec<String> = points.iter().map(|p| position(p[0], p[1])).collect();
    format!(
        "{{\"type\":\"LineString\",\"coordinates\":[{}]}}",
        parts.join(",")
    )
}
