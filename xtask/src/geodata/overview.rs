//! `overview.geojson`: the overview map's coastlines round the Sea of
//! Okhotsk (Hokkaido, Sakhalin, Kamchatka, the whole Kuril chain, the
//! mainland coast) at very low detail, from the same GSHHG polygons as the
//! land, cut to the overview's frame ([`model::overview`]).

use geo::Polygon;
use model::overview::{EAST, NORTH, OverviewProperties, SOUTH, WEST};

use super::area::BBox;
use super::catalog::Detail;
use super::land::{self, GSHHG_LABEL, LevelSpec};
use super::sources::GshhgPolygon;
use super::write::{self, Item};
use crate::util::Error;

/// The overview's frame as a box.
pub const FRAME: BBox = BBox {
    west: WEST,
    east: EAST,
    south: SOUTH,
    north: NORTH,
};

/// About a pixel of an overview a few hundred pixels wide; islands under
/// 20 km² are left out, which keeps every Kuril island of note (Ekarma,
/// 31 km², is the smallest kept) and leaves out rocks.
const SPEC: LevelSpec = LevelSpec {
    index: 0,
    tolerance_m: 6000.0,
    min_island_km2: 20.0,
    min_lake_km2: f64::INFINITY,
    far_tolerance_m: 6000.0,
    far_min_island_km2: 20.0,
};

/// The overview's one feature: every polygon of 20 km² or more, each
/// simplified on its own (at this scale neighbours may touch; only each
/// polygon need be valid).
pub fn build(gshhg: &[GshhgPolygon]) -> Result<String, Error> {
    let mut refs = Vec::new();
    let mut polygons: Vec<Polygon<f64>> = Vec::new();
    for upstream in land::gshhg_land(gshhg, &FRAME) {
        if land::area_km2(std::slice::from_ref(&upstream.polygon)) < SPEC.min_island_km2 {
            continue;
        }
        let simple =
            land::simplify_feature(std::slice::from_ref(&upstream.polygon), &SPEC, Detail::Near)
                .map_err(|e| Error::msg(format!("overview: gshhs_f {}: {e}", upstream.id)))?;
        refs.push(upstream.id);
        polygons.extend(simple);
    }
    polygons.sort_by(|a, b| {
        land::area_km2(std::slice::from_ref(b)).total_cmp(&land::area_km2(std::slice::from_ref(a)))
    });
    refs.sort();
    refs.dedup();
    let properties = OverviewProperties {
        id: "overview".to_owned(),
        source: GSHHG_LABEL.to_owned(),
        tolerance_m: SPEC.tolerance_m,
        min_island_km2: SPEC.min_island_km2,
    };
    eprintln!(
        "geodata: overview.geojson {} polygons from {} GSHHG polygons",
        polygons.len(),
        refs.len()
    );
    write::collection(&[Item::new(
        &properties.id,
        &properties,
        write::multi_polygon(&polygons),
    )?])
}
