//! Validity checking fast enough for an 18,000-vertex coastline in a debug
//! build (geo's ring check compares every segment with every other).

use geo::{BoundingRect, Contains, Intersects, MultiPolygon, Polygon, Validation};
use model::geodata::validity::rings_cross;

/// Polygons up to this many vertices also go through geo's `Validation`.
const GEO_VALIDATION_MAX: usize = 2000;

/// The first problem found, if any: rings crossing or touching themselves or
/// each other, a hole outside its exterior, or two polygons meeting.
pub fn problem(mp: &MultiPolygon<f64>) -> Option<String> {
    let boxes: Vec<_> = mp.0.iter().map(|p| p.bounding_rect()).collect();
    for (i, p) in mp.0.iter().enumerate() {
        if p.exterior().0.len() < 4 {
            return Some(format!("polygon {i}: exterior has fewer than 4 positions"));
        }
        if let Some(found) = rings_cross(p) {
            return Some(format!("polygon {i}: {found}"));
        }
        let shell = Polygon::new(p.exterior().clone(), vec![]);
        for (k, hole) in p.interiors().iter().enumerate() {
            if hole.0.len() < 4 || !shell.contains(&hole.0[0]) {
                return Some(format!("polygon {i}: hole {k} is degenerate or outside"));
            }
        }
        if p.exterior().0.len() <= GEO_VALIDATION_MAX
            && let Err(e) = p.check_validation()
        {
            return Some(format!("polygon {i}: {e}"));
        }
        for j in i + 1..mp.0.len() {
            if let (Some(a), Some(b)) = (boxes[i], boxes[j])
                && a.intersects(&b)
                && p.intersects(&mp.0[j])
            {
                return Some(format!("polygons {i} and {j} meet"));
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
    fn finds_a_bow_tie_and_overlapping_polygons() {
        let bow_tie = polygon![(x: 0., y: 0.), (x: 1., y: 1.), (x: 1., y: 0.), (x: 0., y: 1.)];
        assert!(problem(&MultiPolygon::new(vec![bow_tie])).is_some());
        let a = polygon![(x: 0., y: 0.), (x: 2., y: 0.), (x: 2., y: 2.), (x: 0., y: 2.)];
        let b = polygon![(x: 1., y: 1.), (x: 3., y: 1.), (x: 3., y: 3.), (x: 1., y: 3.)];
        assert!(problem(&MultiPolygon::new(vec![a.clone()])).is_none());
        assert!(problem(&MultiPolygon::new(vec![a, b])).is_some());
    }
}
