//! Polygon checks fast enough for an 18,000-vertex coastline in a debug
//! build (geo's own ring check compares every segment with every other).
//! Used by `cargo xtask geodata` before it writes a file and by the tests
//! over the committed files (feature `validity`).

use geo::{Coord, Intersects, Line, LineString, Polygon};
use std::fmt;

/// Two non-adjacent segments of a polygon's rings that touch or cross.
/// Rings are numbered exterior first (0), then holes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    pub ring: usize,
    pub segment: usize,
    pub other_ring: usize,
    pub other_segment: usize,
    /// The first segment's start, to find the place in the data.
    pub near: Coord<f64>,
}

impl fmt::Display for Crossing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ring {} segment {} meets ring {} segment {} near {:?}",
            self.ring, self.segment, self.other_ring, self.other_segment, self.near
        )
    }
}

/// The first two non-adjacent segments of `polygon`'s rings that touch or
/// cross, if any (a sweep over x).
///
/// ```
/// use geo::polygon;
/// use model::geodata::validity::rings_cross;
///
/// let bow_tie = polygon![(x: 0., y: 0.), (x: 1., y: 1.), (x: 1., y: 0.), (x: 0., y: 1.)];
/// assert!(rings_cross(&bow_tie).is_some());
/// let square = polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 1.)];
/// assert_eq!(rings_cross(&square), None);
/// ```
pub fn rings_cross(polygon: &Polygon<f64>) -> Option<Crossing> {
    struct Seg {
        ring: usize,
        index: usize,
        ring_len: usize,
        line: Line<f64>,
        min_x: f64,
        max_x: f64,
    }
    let rings: Vec<&LineString<f64>> = std::iter::once(polygon.exterior())
        .chain(polygon.interiors())
        .collect();
    let mut segs: Vec<Seg> = rings
        .iter()
        .enumerate()
        .flat_map(|(ring, r)| {
            let ring_len = r.0.len().saturating_sub(1);
            r.lines().enumerate().map(move |(index, line)| Seg {
                ring,
                index,
                ring_len,
                line,
                min_x: line.start.x.min(line.end.x),
                max_x: line.start.x.max(line.end.x),
            })
        })
        .collect();
    segs.sort_by(|a, b| a.min_x.total_cmp(&b.min_x));
    for (i, a) in segs.iter().enumerate() {
        for b in segs[i + 1..].iter().take_while(|b| b.min_x <= a.max_x) {
            let gap = a.index.abs_diff(b.index);
            // A ring's last segment meets its first at the closing point.
            let adjacent = a.ring == b.ring && (gap == 1 || gap + 1 == a.ring_len);
            if !adjacent && a.line.intersects(&b.line) {
                return Some(Crossing {
                    ring: a.ring,
                    segment: a.index,
                    other_ring: b.ring,
                    other_segment: b.index,
                    near: a.line.start,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn a_hole_touching_its_exterior_is_a_crossing_and_says_where() {
        let touching = polygon!(
            exterior: [(x: 0., y: 0.), (x: 4., y: 0.), (x: 4., y: 4.), (x: 0., y: 4.)],
            interiors: [[(x: 0., y: 2.), (x: 2., y: 1.), (x: 2., y: 3.)]],
        );
        let found = rings_cross(&touching).expect("the hole touches the exterior");
        assert_eq!(
            (
                found.ring.min(found.other_ring),
                found.ring.max(found.other_ring)
            ),
            (0, 1)
        );
        assert!(found.to_string().contains(" near "), "{found}");
        let inside = polygon!(
            exterior: [(x: 0., y: 0.), (x: 4., y: 0.), (x: 4., y: 4.), (x: 0., y: 4.)],
            interiors: [[(x: 1., y: 2.), (x: 2., y: 1.), (x: 2., y: 3.)]],
        );
        assert_eq!(rings_cross(&inside), None);
    }
}
