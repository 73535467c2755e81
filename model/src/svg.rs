//! SVG path data for land polygons, shared by the app (DOM) and, later, the
//! server's preview images, so both draw the same outline.

use crate::decimal::compact;
use crate::geometry::{Geometry, Position, Ring};
use crate::projection::project;
use crate::viewport::Transform;
use std::fmt::Write;

/// Path data (`d` attribute) for a geometry in map units, rings as closed
/// subpaths. Holes rely on `fill-rule: evenodd`. Coordinates are counted in
/// hundredths (1/100 px at the reference zoom, well under a screen pixel at
/// any zoom the app allows) and written relative to the previous point, which
/// keeps the full-detail outlines small; integer steps add up exactly.
pub fn path_data(geometry: &Geometry) -> String {
    let mut d = String::new();
    for polygon in geometry.polygons() {
        for ring in polygon {
            push_ring(&mut d, ring);
        }
    }
    d
}

/// Path data for an open line (a treaty or claim line) in map units, in the
/// same relative hundredths as [`path_data`].
pub fn line_path_data(positions: &[Position]) -> String {
    let mut d = String::new();
    push_points(&mut d, positions);
    d
}

fn push_ring(d: &mut String, ring: &Ring) {
    // GeoJSON rings repeat the first position at the end; SVG's Z closes the path.
    let open = match ring.split_last() {
        Some((last, rest)) if rest.first() == Some(last) => rest,
        _ => ring.as_slice(),
    };
    push_points(d, open);
    if !open.is_empty() {
        d.push('z');
    }
}

fn push_points(d: &mut String, points: &[Position]) {
    let mut previous = (0, 0);
    for (i, [lon, lat]) in points.iter().enumerate() {
        let p = project(*lon, *lat);
        let at = ((p.x * 100.0).round() as i64, (p.y * 100.0).round() as i64);
        // Writing to a String cannot fail.
        let _ = if i == 0 {
            write!(d, "M{} {}", compact(at.0, 100), compact(at.1, 100))
        } else {
            let (dx, dy) = (at.0 - previous.0, at.1 - previous.1);
            write!(d, "l{} {}", compact(dx, 100), compact(dy, 100))
        };
        previous = at;
    }
}

/// Path data for a geometry drawn in screen pixels through `transform`, for
/// ready-made pictures (the inlined first paint, link previews): relative
/// commands with one decimal, and points closer than `min_step_px` to the
/// last one kept are dropped, because a picture has a fixed size and detail
/// finer than a pixel only makes the page heavier.
pub fn screen_path_data(geometry: &Geometry, transform: Transform, min_step_px: f64) -> String {
    let mut d = String::new();
    for polygon in geometry.polygons() {
        for ring in polygon {
            let mut kept: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
            let mut last: Option<(f64, f64)> = None;
            for [lon, lat] in ring {
                let (x, y) = transform.apply(project(*lon, *lat));
                if last.is_some_and(|(lx, ly)| crate::math::hypot(x - lx, y - ly) < min_step_px) {
                    continue;
                }
                last = Some((x, y));
                // Tenths of a pixel as integers, so relative steps add up exactly.
                let point = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
                if kept.last() != Some(&point) {
                    kept.push(point);
                }
            }
            if kept.first() == kept.last() && kept.len() > 1 {
                kept.pop();
            }
            // Fewer than three points cannot enclose anything at this size.
            if kept.len() < 3 {
                continue;
            }
            let mut previous = (0, 0);
            for (i, &(x, y)) in kept.iter().enumerate() {
                let (dx, dy) = (x - previous.0, y - previous.1);
                let _ = if i == 0 {
                    write!(d, "M{} {}", compact(x, 10), compact(y, 10))
                } else {
                    write!(d, "l{} {}", compact(dx, 10), compact(dy, 10))
                };
                previous = (x, y);
            }
            d.push('z');
        }
    }
    d
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
        assert!(d.starts_with("M0 0l"), "{d}");
        assert_eq!(d.matches('M').count(), 1);
        assert_eq!(d.matches('l').count(), 2);
        assert!(d.ends_with('z'));
    }

    #[test]
    fn each_polygon_and_hole_is_its_own_subpath() {
        let ring = vec![[146.0, 44.0], [146.5, 44.0], [146.5, 44.5], [146.0, 44.0]];
        let two = Geometry::MultiPolygon {
            coordinates: vec![vec![ring.clone(), ring.clone()], vec![ring]],
        };
        assert_eq!(path_data(&two).matches('M').count(), 3);
    }

    #[test]
    fn screen_paths_are_relative_and_drop_sub_pixel_detail() {
        let t = Transform {
            tx: 0.0,
            ty: 0.0,
            scale: 1.0,
        };
        let p = |lon: f64, lat: f64| {
            let m = project(lon, lat);
            [m.x, m.y]
        };
        // Pick a scale where one degree of longitude is 100 px.
        let unit = p(146.0, 44.0)[0] - p(145.0, 44.0)[0];
        let t = Transform {
            scale: 100.0 / unit,
            ..t
        };
        let ring = vec![
            [145.0, 44.0],
            [145.001, 44.0], // 0.1 px from the first point: dropped
            [146.0, 44.0],
            [146.0, 45.0],
            [145.0, 44.0],
        ];
        let d = screen_path_data(
            &Geometry::Polygon {
                coordinates: vec![ring],
            },
            t,
            0.5,
        );
        assert_eq!(d.matches('M').count(), 1, "{d}");
        assert_eq!(d.matches('l').count(), 2, "{d}");
        assert!(d.contains("l100 0"), "{d}");
        assert!(d.ends_with('z'));
        // An island smaller than a pixel disappears rather than drawing a dot.
        let speck = vec![
            [145.0, 44.0],
            [145.001, 44.0],
            [145.001, 44.001],
            [145.0, 44.0],
        ];
        assert_eq!(
            screen_path_data(
                &Geometry::Polygon {
                    coordinates: vec![speck]
                },
                t,
                0.5
            ),
            ""
        );
    }

    #[test]
    fn relative_steps_add_up_to_the_projected_points() {
        let ring = vec![[145.5, 43.7], [145.61, 43.9], [146.2, 43.8], [145.5, 43.7]];
        let d = path_data(&Geometry::Polygon {
            coordinates: vec![ring.clone()],
        });
        let numbers: Vec<f64> = d
            .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().unwrap_or(f64::NAN))
            .collect();
        assert_eq!(numbers.len(), 6, "{d}");
        let (mut x, mut y) = (0.0, 0.0);
        for (i, pair) in numbers.chunks(2).enumerate() {
            x += pair[0];
            y += pair[1];
            let p = project(ring[i][0], ring[i][1]);
            assert!(
                (x - p.x).abs() < 0.006 && (y - p.y).abs() < 0.006,
                "point {i}: {x},{y} vs {p:?}"
            );
        }
    }
}
