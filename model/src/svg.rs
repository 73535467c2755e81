//! SVG path data for land polygons, shared by the app (DOM) and, later, the
//! server's preview images, so both draw the same outline.

use crate::geodata::{Geometry, Ring};
use crate::projection::project;
use std::fmt::Write;

/// Path data (`d` attribute) for a geometry in map units, rings as closed
/// subpaths. Holes rely on `fill-rule: evenodd`. Two decimals are 1/100 px at
/// the reference zoom, well under a screen pixel at any zoom the app allows.
pub fn path_data(geometry: &Geometry) -> String {
    let mut d = String::new();
    for polygon in geometry.polygons() {
        for ring in polygon {
            push_ring(&mut d, ring);
        }
    }
    d
}

fn push_ring(d: &mut String, ring: &Ring) {
    // GeoJSON rings repeat the first position at the end; SVG's Z closes the path.
    let open = match ring.split_last() {
        Some((last, rest)) if rest.first() == Some(last) => rest,
        _ => ring.as_slice(),
    };
    for (i, [lon, lat]) in open.iter().enumerate() {
        let p = project(*lon, *lat);
        let command = if i == 0 { 'M' } else { 'L' };
        // Writing to a String cannot fail.
        let _ = write!(d, "{command}{:.2} {:.2}", p.x, p.y);
    }
    if !open.is_empty() {
        d.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_ring_becomes_one_closed_subpath_without_the_repeated_point() {
        let square = Geometry::Polygon {
            coordinates: vec![vec![
                [139.0, 47.0],
                [140.0, 47.0],
                [140.0, 46.0],
                [139.0, 47.0],
            ]],
        };
        let d = path_data(&square);
        assert!(d.starts_with("M0.00 0.00L"), "{d}");
        assert_eq!(d.matches('M').count(), 1);
        assert_eq!(d.matches('L').count(), 2);
        assert!(d.ends_with('Z'));
    }

    #[test]
    fn each_polygon_and_hole_is_its_own_subpath() {
        let ring = vec![[146.0, 44.0], [146.5, 44.0], [146.5, 44.5], [146.0, 44.0]];
        let two = Geometry::MultiPolygon {
            coordinates: vec![vec![ring.clone(), ring.clone()], vec![ring]],
        };
        assert_eq!(path_data(&two).matches('M').count(), 3);
    }
}
