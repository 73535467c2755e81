//! The map area as a longitude/latitude box: what the pipeline reads, clips
//! and checks against.

use geo::{Coord, LineString, Polygon, Rect};
use model::projection;

/// A longitude/latitude box.
#[derive(Debug, Clone, Copy)]
pub struct BBox {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

impl BBox {
    /// Whether the bounding box of `ring` meets this box.
    pub fn meets(&self, ring: &LineString<f64>) -> bool {
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for c in ring.coords() {
            w = w.min(c.x);
            e = e.max(c.x);
            s = s.min(c.y);
            n = n.max(c.y);
        }
        !(e < self.west || w > self.east || n < self.south || s > self.north)
    }

    pub fn contains(&self, c: Coord<f64>) -> bool {
        (self.west..=self.east).contains(&c.x) && (self.south..=self.north).contains(&c.y)
    }

    pub fn polygon(&self) -> Polygon<f64> {
        Rect::new(
            Coord {
                x: self.west,
                y: self.south,
            },
            Coord {
                x: self.east,
                y: self.north,
            },
        )
        .to_polygon()
    }
}

/// The map area, as the app and server know it ([`model::projection`]).
pub const AREA: BBox = BBox {
    west: projection::AREA_WEST,
    east: projection::AREA_EAST,
    south: projection::AREA_SOUTH,
    north: projection::AREA_NORTH,
};
