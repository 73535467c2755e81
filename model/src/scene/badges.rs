//! Less clutter at low zoom: below [`GATHER_ZOOM`] the sites on one island
//! gather into one badge per category with their count ("M 3"), drawn at
//! the middle of the sites they gather (not on the island's anchor, where
//! its name goes); from that zoom, or once the
//! reader opens an island's badges, each site has its own symbol again.
//! Badges are symbols like any other, so [`super::resolve`] keeps them
//! apart.

use super::{Scene, Symbol, centroid, site_symbols};
use crate::api::DeploymentFeature;
use crate::events::DeploymentCategory;
use crate::projection::MapPoint;

/// The zoom from which every site has its own symbol.
pub const GATHER_ZOOM: f64 = 9.0;
/// Radius of a badge, in pixels: room for its letter and count ("M 3").
pub const BADGE_RADIUS_PX: u8 = 13;

/// What one symbol on the map stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One site: its index in the sites.
    Site(usize),
    /// An island's sites of one category, gathered: their indices.
    Badge {
        island: String,
        category: DeploymentCategory,
        sites: Vec<usize>,
    },
}

/// The sites' marks and their symbols before layout, in layout order: at
/// `zoom` below [`GATHER_ZOOM`] one badge per island and category (at the
/// middle of the island's gathered sites, the island's badges next to each
/// other: one block for `resolve`), except on the islands in `opened`; otherwise
/// [`site_symbols`]' order. A category with one site on an island keeps
/// that site's own symbol on its own point.
pub fn gather(
    sites: &[DeploymentFeature],
    scene: &Scene,
    zoom: f64,
    opened: &[String],
) -> Vec<(Mark, Symbol)> {
    let singles = site_symbols(sites, scene);
    if zoom >= GATHER_ZOOM {
        return singles
            .into_iter()
            .map(|(i, s)| (Mark::Site(i), s))
            .collect();
    }
    let gathered = |i: usize| {
        let p = &sites[i].properties;
        !opened.contains(&p.island) && scene.anchor(&p.island).is_some()
    };
    let mut out: Vec<(Mark, Symbol)> = Vec::new();
    let mut islands: Vec<&str> = Vec::new();
    for &(i, s) in &singles {
        if !gathered(i) {
            out.push((Mark::Site(i), s));
        } else if !islands.contains(&sites[i].properties.island.as_str()) {
            islands.push(&sites[i].properties.island);
        }
    }
    for island in islands {
        // Where its sites are, as a marker cluster sits at its markers'
        // middle: the island's anchor is where its name goes.
        let points: Vec<MapPoint> = singles
            .iter()
            .filter(|&&(i, _)| gathered(i) && sites[i].properties.island == island)
            .map(|(_, s)| s.at)
            .collect();
        if points.is_empty() {
            continue;
        }
        let at = centroid(&points);
        let symbol = Symbol {
            at,
            offset: (0.0, 0.0),
            radius: f64::from(BADGE_RADIUS_PX),
        };
        for &category in DeploymentCategory::ALL {
            let of: Vec<usize> = singles
                .iter()
                .map(|&(i, _)| i)
                .filter(|&i| {
                    let p = &sites[i].properties;
                    gathered(i) && p.island == island && p.category == category
                })
                .collect();
            match of.as_slice() {
                [] => {}
                [one] => out.extend(
                    singles
                        .iter()
                        .filter(|(i, _)| i == one)
                        .map(|&(i, s)| (Mark::Site(i), s)),
                ),
                _ => out.push((
                    Mark::Badge {
                        island: island.to_owned(),
                        category,
                        sites: of,
                    },
                    symbol,
                )),
            }
        }
    }
    out
}
