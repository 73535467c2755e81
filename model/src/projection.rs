//! Web Mercator (EPSG:3857), the projection every web map uses, expressed in
//! "map units": pixels at [`REFERENCE_ZOOM`] measured from a fixed origin
//! ([`ORIGIN_LON`], [`ORIGIN_LAT`]). Geometry is projected once into map
//! units; panning and zooming only change an SVG transform.

/// The map area: 139–158°E, 41–52°N: Hokkaido and the whole Kuril chain from
/// Kunashiri to Shumshu, with Cape Lopatka (Kamchatka's southern tip, 50.87°N
/// 156.67°E) and the First Kuril Strait between them.
pub const AREA_WEST: f64 = 139.0;
pub const AREA_EAST: f64 = 158.0;
pub const AREA_SOUTH: f64 = 41.0;
pub const AREA_NORTH: f64 = 52.0;

/// Where map units start: 139°E, 47°N, the map area's north-west corner
/// before the area grew north to take in the whole chain. Kept so that map
/// units, and every outline's path data, did not move; land north of 47°N
/// has negative `y`.
pub const ORIGIN_LON: f64 = 139.0;
pub const ORIGIN_LAT: f64 = 47.0;

/// Whether `[lon, lat]` lies in the map area (edges included).
pub fn in_map_area([lon, lat]: [f64; 2]) -> bool {
    (AREA_WEST..=AREA_EAST).contains(&lon) && (AREA_SOUTH..=AREA_NORTH).contains(&lat)
}

/// The zoom level at which one map unit is one screen pixel.
pub const REFERENCE_ZOOM: f64 = 10.0;
/// Web Mercator tile size in pixels.
const TILE: f64 = 256.0;
/// Web Mercator's latitude limit.
const MAX_LAT: f64 = 85.051_128_779_806_59;

/// A point in map units (x grows east, y grows south).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapPoint {
    pub x: f64,
    pub y: f64,
}

/// Normalised Web Mercator in [0, 1] over the world, y growing south.
fn world_unit(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0
        - crate::math::ln(crate::math::tan(lat) + 1.0 / crate::math::cos(lat))
            / std::f64::consts::PI)
        / 2.0;
    (x, y)
}

fn world_size() -> f64 {
    TILE * zoom_scale(REFERENCE_ZOOM)
}

fn origin() -> (f64, f64) {
    world_unit(ORIGIN_LON, ORIGIN_LAT)
}

/// A scale bar no longer than `max_px`: a round distance (1, 2 or 5 × 10ⁿ
/// metres) and its length in pixels, given the ground resolution.
/// 2 to the power `levels`: the scale between two zoom levels, exact for
/// whole levels. Not `2f64.powf`, which LLVM turns into `exp2` and its
/// 4 KB table, part of every wasm download.
///
/// ```
/// # use model::projection::zoom_scale;
/// assert_eq!(zoom_scale(-3.0), 0.125);
/// assert!((zoom_scale(0.5) - std::f64::consts::SQRT_2).abs() < 1e-15);
/// ```
pub fn zoom_scale(levels: f64) -> f64 {
    let whole = levels.floor();
    // `whole` is a small integer here (zoom levels span about 15), so the cast is exact.
    2f64.powi(whole as i32) * crate::math::exp((levels - whole) * std::f64::consts::LN_2)
}

/// Projects `[lon, lat]` degrees to map units.
pub fn project(lon: f64, lat: f64) -> MapPoint {
    let (x, y) = world_unit(lon, lat);
    let (ox, oy) = origin();
    MapPoint {
        x: (x - ox) * world_size(),
        y: (y - oy) * world_size(),
    }
}

/// Inverse of [`project`]: map units back to `(lon, lat)` degrees.
pub fn unproject(point: MapPoint) -> (f64, f64) {
    let (ox, oy) = origin();
    let x = point.x / world_size() + ox;
    let y = point.y / world_size() + oy;
    let lon = x * 360.0 - 180.0;
    let lat =
        crate::math::atan(crate::math::sinh(std::f64::consts::PI * (1.0 - 2.0 * y))).to_degrees();
    (lon, lat)
}

/// Metres on the ground per map unit at a latitude (Mercator stretches with 1/cos φ).
pub fn metres_per_unit(lat: f64) -> f64 {
    const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;
    EARTH_CIRCUMFERENCE_M * crate::math::cos(lat.to_radians()) / world_size()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_is_fixed_and_the_north_of_the_area_is_negative() {
        let p = project(ORIGIN_LON, ORIGIN_LAT);
        assert!(p.x.abs() < 1e-9 && p.y.abs() < 1e-9, "{p:?}");
        let north_west = project(AREA_WEST, AREA_NORTH);
        assert!(
            north_west.x.abs() < 1e-9 && north_west.y < 0.0,
            "{north_west:?}"
        );
    }

    #[test]
    fn east_is_right_and_south_is_down() {
        let kunashiri = project(145.85, 44.117);
        let etorofu = project(147.617, 45.033);
        assert!(etorofu.x > kunashiri.x, "Etorofu lies east of Kunashiri");
        assert!(etorofu.y < kunashiri.y, "Etorofu lies north of Kunashiri");
    }

    #[test]
    fn one_degree_of_longitude_matches_web_mercator_pixels() {
        // At zoom 10 the world is 262,144 px wide, so one degree is 728.18 px.
        let a = project(146.0, 44.0);
        let b = project(147.0, 44.0);
        assert!((b.x - a.x - 262_144.0 / 360.0).abs() < 1e-6);
    }

    #[test]
    fn unproject_inverts_project() {
        for (lon, lat) in [(145.817, 43.385), (150.57, 46.2), (139.0, 41.0)] {
            let (lon2, lat2) = unproject(project(lon, lat));
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
    }

    #[test]
    fn scale_matches_the_known_resolution_at_the_equator_and_shrinks_north() {
        // Web Mercator at zoom 10: 152.87 m per pixel at the equator.
        assert!((metres_per_unit(0.0) - 152.874).abs() < 0.01);
        assert!(metres_per_unit(44.0) < metres_per_unit(0.0));
    }
}
