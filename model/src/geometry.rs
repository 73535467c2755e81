//! Geometry as GeoJSON writes it, and what is computed from it alone: the
//! leaf the data types (`geodata`), path data (`svg`) and the scene build on,
//! so none of them imports another to reach a position or an outline.

use serde::{Deserialize, Serialize};

/// A position as GeoJSON writes it: `[longitude, latitude]` in degrees.
pub type Position = [f64; 2];
/// A closed ring: first and last positions are equal.
pub type Ring = Vec<Position>;
/// Exterior ring first, then holes.
pub type PolygonRings = Vec<Ring>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Geometry {
    Polygon { coordinates: PolygonRings },
    MultiPolygon { coordinates: Vec<PolygonRings> },
}

impl Geometry {
    /// The polygons of this geometry, whatever its type.
    pub fn polygons(&self) -> &[PolygonRings] {
        match self {
            Geometry::Polygon { coordinates } => std::slice::from_ref(coordinates),
            Geometry::MultiPolygon { coordinates } => coordinates,
        }
    }

    pub fn vertex_count(&self) -> usize {
        self.polygons()
            .iter()
            .flat_map(|rings| rings.iter())
            .map(Vec::len)
            .sum()
    }
}

/// Other points inside an island where its name may go when symbols cover
/// its anchor. They lie a quarter, half and three quarters of the way from
/// the anchor to either end of the island's long axis (the principal axis of
/// its outline), each moved across the island to the middle of the land
/// there, so a slot stays on a curving island. Positions are `[lon, lat]`;
/// computed once on the server, so the trigonometry costs the app nothing.
///
/// ```
/// // A long thin island lying west-east, anchored in its middle.
/// let ring = [[0.0, 0.0], [3.0, 0.0], [3.0, 0.2], [0.0, 0.2], [0.0, 0.0]];
/// let slots = model::geometry::slots_along(&ring, [1.5, 0.1]);
/// assert_eq!(slots.len(), 6);
/// assert!(slots.iter().all(|s| (s[1] - 0.1).abs() < 1e-3), "along the island");
/// assert!(slots.iter().any(|s| s[0] < 0.5) && slots.iter().any(|s| s[0] > 2.5), "both ends");
/// ```
pub fn slots_along(ring: &[Position], anchor: Position) -> Vec<Position> {
    if ring.len() < 4 {
        return Vec::new();
    }
    // Local plane around the anchor: degrees of longitude shrink with latitude.
    let shrink = crate::math::cos(anchor[1].to_radians());
    let local: Vec<(f64, f64)> = ring
        .iter()
        .map(|p| ((p[0] - anchor[0]) * shrink, p[1] - anchor[1]))
        .collect();
    let Some((ux, uy)) = long_axis(&local) else {
        return Vec::new();
    };
    // Across the island: a quarter turn from the axis.
    let (vx, vy) = (-uy, ux);
    let (low, high) = local
        .iter()
        .map(|(x, y)| x * ux + y * uy)
        .fold((0.0_f64, 0.0_f64), |(lo, hi), t| (lo.min(t), hi.max(t)));
    let round5 = |v: f64| (v * 1e5).round() / 1e5;
    [0.25, 0.5, 0.75]
        .iter()
        .flat_map(|share| [high * share, low * share])
        .filter_map(|t| {
            let across = middle_of_land_across(&local, (ux, uy), (vx, vy), t)?;
            let (x, y) = (t * ux + across * vx, t * uy + across * vy);
            Some([round5(anchor[0] + x / shrink), round5(anchor[1] + y)])
        })
        .collect()
}

/// The direction of a closed ring's principal axis, from its edges each
/// weighted by its length (so the axis does not depend on how densely a
/// stretch of coast was digitised); `None` for a degenerate ring.
fn long_axis(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    let edges: Vec<((f64, f64), f64)> = ring
        .windows(2)
        .map(|w| {
            let ((ax, ay), (bx, by)) = (w[0], w[1]);
            (
                ((ax + bx) / 2.0, (ay + by) / 2.0),
                crate::math::hypot(bx - ax, by - ay),
            )
        })
        .collect();
    let total: f64 = edges.iter().map(|(_, len)| len).sum();
    if total <= 0.0 {
        return None;
    }
    let (mx, my) = edges.iter().fold((0.0, 0.0), |(sx, sy), ((x, y), len)| {
        (sx + x * len / total, sy + y * len / total)
    });
    let (sxx, syy, sxy) = edges
        .iter()
        .fold((0.0, 0.0, 0.0), |(a, b, c), ((x, y), len)| {
            let (dx, dy) = (x - mx, y - my);
            (a + dx * dx * len, b + dy * dy * len, c + dx * dy * len)
        });
    let angle = 0.5 * crate::math::atan2(2.0 * sxy, sxx - syy);
    Some((crate::math::cos(angle), crate::math::sin(angle)))
}

/// On the line across the island at `t` along `axis`, the middle of the
/// stretch of land nearest the axis, as an offset along `across`; `None`
/// when the line misses the island.
fn middle_of_land_across(
    ring: &[(f64, f64)],
    axis: (f64, f64),
    across: (f64, f64),
    t: f64,
) -> Option<f64> {
    let along = |p: (f64, f64)| p.0 * axis.0 + p.1 * axis.1 - t;
    let mut crossings: Vec<f64> = ring
        .windows(2)
        .filter_map(|w| {
            let (da, db) = (along(w[0]), along(w[1]));
            ((da > 0.0) != (db > 0.0)).then(|| {
                let f = da / (da - db);
                let (x, y) = (
                    w[0].0 + f * (w[1].0 - w[0].0),
                    w[0].1 + f * (w[1].1 - w[0].1),
                );
                x * across.0 + y * across.1
            })
        })
        .collect();
    crossings.sort_by(f64::total_cmp);
    // A closed ring crosses the line an even number of times; each pair of
    // crossings bounds a stretch of land.
    crossings
        .chunks_exact(2)
        .map(|pair| (pair[0], pair[1]))
        .min_by(|a, b| gap_to_zero(*a).total_cmp(&gap_to_zero(*b)))
        .map(|(enter, leave)| (enter + leave) / 2.0)
}

/// How far the interval `[a, b]` is from 0 (0 when it contains it).
fn gap_to_zero((a, b): (f64, f64)) -> f64 {
    if a > 0.0 {
        a
    } else if b < 0.0 {
        -b
    } else {
        0.0
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Whether `p` lies inside the closed `ring`, by georust's `geo`.
    pub(crate) fn ring_contains(ring: &[Position], p: Position) -> bool {
        use geo::Contains;
        let outline = geo::Polygon::new(geo::LineString::from(ring.to_vec()), Vec::new());
        outline.contains(&geo::Point::new(p[0], p[1]))
    }

    #[test]
    fn slots_off_the_island_are_left_out() {
        // A C-shape open to the east: a bay cuts into its eastern half, so
        // the eastern slots on the axis would fall in the water; they move
        // across to the land either side of the bay.
        let ring = [
            [0.0, 0.0],
            [3.0, 0.0],
            [3.0, 0.1],
            [2.0, 0.1],
            [2.0, 0.3],
            [3.0, 0.3],
            [3.0, 0.4],
            [0.0, 0.4],
            [0.0, 0.0],
        ];
        let slots = slots_along(&ring, [1.0, 0.2]);
        assert!(slots.iter().all(|s| ring_contains(&ring, *s)), "{slots:?}");
        let in_the_bay = |s: &&Position| s[0] > 2.0 && s[1] > 0.1 && s[1] < 0.3;
        assert!(!slots.iter().any(|s| in_the_bay(&s)), "{slots:?}");
        assert!(
            slots.iter().any(|s| s[0] > 2.0),
            "the eastern arms still have slots: {slots:?}"
        );
    }
}
