//! Distances on the map: the great-circle distance the "Measure distance"
//! tool shows, and the well-known distances of `geodata/distances.toml`
//! (each from a place to a place, or to the nearest point of an island's
//! outline, with the figure its sources publish).

use crate::events::Source;
use crate::geodata::{LandCollection, PlaceCollection};
use crate::i18n::Catalogue;
use serde::{Deserialize, Serialize};

/// The mean Earth radius (IUGG), in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0088;
/// One international nautical mile, in kilometres.
const NAUTICAL_MILE_KM: f64 = 1.852;

/// The great-circle distance between two `[lon, lat]` points, in
/// kilometres (haversine on a sphere: within 0.5% of the ellipsoid here).
///
/// ```
/// let nosappu = [145.817, 43.385];
/// let kaigara = [145.858, 43.397];
/// let km = model::measure::great_circle_km(nosappu, kaigara);
/// assert!((km - 3.58).abs() < 0.01);
/// ```
pub fn great_circle_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (lat1, lat2) = (a[1].to_radians(), b[1].to_radians());
    let half_lat = (lat2 - lat1) / 2.0;
    let half_lon = (b[0] - a[0]).to_radians() / 2.0;
    let h = crate::math::sin(half_lat).powi(2)
        + crate::math::cos(lat1) * crate::math::cos(lat2) * crate::math::sin(half_lon).powi(2);
    2.0 * EARTH_RADIUS_KM * crate::math::asin(h.sqrt().min(1.0))
}

/// Kilometres as nautical miles.
pub fn nautical_miles(km: f64) -> f64 {
    km / NAUTICAL_MILE_KM
}

/// "3.6 km (1.9 nmi)" in the catalogue's language and number style; one
/// decimal below 100 km, none above.
pub fn words(km: f64, c: &Catalogue) -> String {
    let decimals = if km < 100.0 { 1 } else { 0 };
    let lang = c.lang();
    c.format(
        "measure-distance",
        &[
            ("km", lang.number(km, decimals).into()),
            ("nmi", lang.number(nautical_miles(km), decimals).into()),
        ],
    )
}

/// The point of `id`'s outline (every ring of every feature with that id)
/// nearest to `from`, if the land has it.
pub fn nearest_on_outline(land: &LandCollection, id: &str, from: [f64; 2]) -> Option<[f64; 2]> {
    land.features
        .iter()
        .filter(|f| f.id == id)
        .flat_map(|f| f.geometry.polygons())
        .flatten()
        .flatten()
        .map(|p| [p[0], p[1]])
        .min_by(|a, b| great_circle_km(from, *a).total_cmp(&great_circle_km(from, *b)))
}

/// A distance readers look for, as `geodata/distances.toml` gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownDistance {
    pub id: String,
    /// A place id.
    pub from: String,
    /// A place id, or an island's: then the nearest point of its outline.
    pub to: String,
    /// The figure the sources publish, in kilometres.
    pub published_km: f64,
    pub sources: Vec<Source>,
}

/// Every well-known distance, in the file's order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Distances {
    pub distances: Vec<KnownDistance>,
}

impl Distances {
    /// Parses and checks `text` (the file `name`): places and islands must
    /// be among `known`, sources as the events data's (kind, allowed host).
    /// Every problem names its line and field.
    #[cfg(feature = "loader")]
    pub fn parse(
        name: &str,
        text: &str,
        known: &crate::events::Known,
        denylist: &crate::events::Denylist,
    ) -> Result<Distances, Vec<crate::events::DataError>> {
        crate::events::parse_distances(name, text, known, denylist)
    }
}

/// A well-known distance with its two ends on the map and our measure of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub distance: KnownDistance,
    pub from: [f64; 2],
    pub to: [f64; 2],
    /// Our great-circle distance between the ends, in kilometres.
    pub km: f64,
}

impl Distances {
    /// Each distance's ends: places where they are places, else the nearest
    /// point of the island's outline in `land` (the finest level); a
    /// distance whose ends cannot be found is left out (the loader has
    /// checked the ids against the same data).
    pub fn resolve(&self, places: &PlaceCollection, land: &LandCollection) -> Vec<Resolved> {
        let at = |id: &str| places.find(id).map(|p| p.geometry.position());
        self.distances
            .iter()
            .filter_map(|d| {
                let from = at(&d.from)?;
                let to = at(&d.to).or_else(|| nearest_on_outline(land, &d.to, from))?;
                Some(Resolved {
                    distance: d.clone(),
                    from,
                    to,
                    km: great_circle_km(from, to),
                })
            })
            .collect()
    }
}
