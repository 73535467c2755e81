//! Symbols that never cover each other. A deployment whose site is not
//! published is drawn at its island's anchor, clustered with its siblings;
//! a published site stays on its point; at any zoom, symbols sharing a
//! point form a compact block on a brick lattice (rows offset by half a
//! step: a row first, then rows above and below), and a symbol or block
//! whose boxes would meet one placed before moves, whole, to the nearest
//! free lattice point around where it wanted to be.

use super::{SITE_RADIUS_PX, Scene, Symbol};
use crate::api::DeploymentFeature;
use crate::geometry::Position;
use crate::projection::{MapPoint, project};

/// The clear space between two symbols' circles, in pixels.
pub const SYMBOL_GAP_PX: f64 = 2.0;

/// Where a deployment site's symbol wants to be: its published site, or,
/// when the site is not published (`approximate`), its island's (or
/// group's) anchor, where its island's cluster is.
pub fn site_point(position: Position, approximate: bool, island: &str, scene: &Scene) -> MapPoint {
    approximate
        .then(|| scene.anchor(island))
        .flatten()
        .unwrap_or_else(|| project(position[0], position[1]))
}

/// The sites' symbols before layout, each with its index in `sites`, in
/// the order they are laid out: published sites first (they keep their
/// points), then approximate ones (clustered at their anchors); sites
/// sharing a place, or approximate ones an island, next to each other (a
/// cluster for [`resolve`]), otherwise in input order.
pub fn site_symbols(sites: &[DeploymentFeature], scene: &Scene) -> Vec<(usize, Symbol)> {
    // Which cluster a site joins (no sort: a stable sort costs the app's
    // wasm more than this loop over a few dozen sites).
    let key = |i: usize| {
        let p = &sites[i].properties;
        let place = p.place.as_deref().filter(|_| !p.approximate);
        (p.approximate, place.unwrap_or(&p.island))
    };
    let mut order: Vec<usize> = Vec::with_capacity(sites.len());
    for approximate in [false, true] {
        for i in 0..sites.len() {
            if key(i).0 == approximate && !order.contains(&i) {
                order.extend((i..sites.len()).filter(|&j| key(j) == key(i)));
            }
        }
    }
    order
        .into_iter()
        .map(|i| {
            let p = &sites[i].properties;
            let symbol = Symbol {
                at: site_point(sites[i].position(), p.approximate, &p.island, scene),
                offset: (0.0, 0.0),
                radius: f64::from(SITE_RADIUS_PX),
            };
            (i, symbol)
        })
        .collect()
}

/// `symbols` laid out at `scale` (pixels per map unit), in input order,
/// which is their priority. Consecutive equal symbols (sites sharing a
/// point) are a cluster, laid out as one block: the first points of a brick
/// lattice around their point, moved as a whole to the nearest lattice
/// point where it covers none placed before (a lone symbol clear of the
/// others keeps its place). No two returned symbols' boxes (and so
/// circles) come closer than [`SYMBOL_GAP_PX`]; only offsets change.
pub fn resolve(symbols: &[Symbol], scale: f64) -> Vec<Symbol> {
    let lattice = lattice(3 + (4.0 * symbols.len() as f64).sqrt() as i32);
    let mut placed: Vec<((f64, f64), f64)> = Vec::with_capacity(symbols.len());
    let mut out = Vec::with_capacity(symbols.len());
    for block in symbols.chunk_by(|a, b| a == b) {
        let s = block[0];
        let want = (s.at.x * scale + s.offset.0, s.at.y * scale + s.offset.1);
        let step = 2.0 * s.radius + SYMBOL_GAP_PX;
        let at = |(dx, dy): (f64, f64)| (want.0 + dx * step, want.1 + dy * step);
        let free = |p: (f64, f64), placed: &[((f64, f64), f64)]| {
            placed.iter().all(|&(q, r)| {
                let clear = s.radius + r + SYMBOL_GAP_PX - 1e-6;
                (p.0 - q.0).abs() >= clear || (p.1 - q.1).abs() >= clear
            })
        };
        let shape = lattice.get(..block.len()).unwrap_or(&lattice);
        let shift = lattice.iter().find(|&&(sx, sy)| {
            shape
                .iter()
                .all(|&(dx, dy)| free(at((sx + dx, sy + dy)), &placed))
        });
        for k in 0..block.len() {
            let in_block = shift.and_then(|&(sx, sy)| {
                let (dx, dy) = shape.get(k)?;
                Some(at((sx + dx, sy + dy)))
            });
            // Failing that (never seen), the nearest free point on its own.
            let spot = in_block.unwrap_or_else(|| {
                let mut spots = lattice.iter().map(|&d| at(d));
                spots.find(|&p| free(p, &placed)).unwrap_or(want)
            });
            placed.push((spot, s.radius));
            out.push(Symbol {
                offset: (s.offset.0 + spot.0 - want.0, s.offset.1 + spot.1 - want.1),
                ..s
            });
        }
    }
    out
}

/// The points of a unit brick lattice (each row offset by half a step)
/// within `rings` steps of the origin, nearest first; at equal distance,
/// level ones before those above, above before below, east before west.
/// A symbol blocks at most nine points of another's lattice, so `rings` of
/// `3 + √(4n)` always leave one free for `n` symbols.
fn lattice(rings: i32) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = Vec::new();
    for r in -rings..=rings {
        for q in -rings..=rings {
            if (q + r).abs() <= rings {
                points.push((f64::from(q) + f64::from(r) / 2.0, f64::from(r)));
            }
        }
    }
    // Squared distances of these points are exact multiples of 1/4, so
    // they order the points as their distances do, without a square root:
    // on wasm that is a call into the browser's `Math`, which the sort's
    // thousands of comparisons made 20 ms of the start-up (bench/README
    // "Start-up").
    points.sort_unstable_by_key(|&(x, y)| {
        (
            (4.0 * (x * x + y * y)) as i64,
            (2.0 * y.abs()) as i64,
            y > 0.0,
            x < 0.0,
        )
    });
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lattice_points_come_nearest_first_level_then_above_then_east() {
        let points = lattice(12);
        assert_eq!(points[0], (0.0, 0.0));
        // The six neighbours at distance 1: east and west level first.
        assert_eq!(&points[1..3], &[(1.0, 0.0), (-1.0, 0.0)]);
        assert_eq!(&points[3..5], &[(0.5, -1.0), (-0.5, -1.0)]);
        for pair in points.windows(2) {
            let d = |(x, y): (f64, f64)| (x * x + y * y).sqrt();
            assert!(d(pair[0]) <= d(pair[1]), "{pair:?}");
        }
    }

    fn symbol(x: f64, y: f64) -> Symbol {
        Symbol {
            at: MapPoint { x, y },
            offset: (0.0, 0.0),
            radius: 10.0,
        }
    }

    fn centre(s: &Symbol, scale: f64) -> (f64, f64) {
        (s.at.x * scale + s.offset.0, s.at.y * scale + s.offset.1)
    }

    #[test]
    fn symbols_sharing_a_point_form_a_compact_cluster_on_it() {
        for n in 1..=20 {
            let laid = resolve(&vec![symbol(100.0, 100.0); n], 1.0);
            assert_eq!(laid.len(), n);
            assert_eq!(laid[0].offset, (0.0, 0.0), "the first keeps the point");
            for (i, a) in laid.iter().enumerate() {
                let (ax, ay) = centre(a, 1.0);
                for b in &laid[i + 1..] {
                    let (bx, by) = centre(b, 1.0);
                    let d = (ax - bx).abs().max((ay - by).abs());
                    assert!(d >= 22.0 - 1e-6, "{n} symbols: {a:?} and {b:?} overlap");
                }
                // Compact: within the rings n symbols need, never scattered.
                let far = a.offset.0.hypot(a.offset.1);
                assert!(far <= 25.0 * (n as f64).sqrt() + 1e-6, "{n}: {far}");
            }
        }
        // Two or three read as a row.
        let three = resolve(&[symbol(0.0, 0.0); 3], 1.0);
        assert!(three.iter().all(|s| s.offset.1.abs() < 1e-9), "{three:?}");
    }

    #[test]
    fn a_cluster_moves_as_one_block_off_a_symbol_on_its_point() {
        let alone = resolve(&[symbol(0.0, 0.0); 4], 1.0);
        let mut input = vec![symbol(0.0, 0.0)];
        input.extend([symbol(0.0, 0.0); 4]);
        input[0].radius = 9.0; // another symbol, not one of the cluster
        let laid = resolve(&input, 1.0);
        assert_eq!(laid[0], input[0], "the first keeps its place");
        let origin = laid[1].offset;
        assert_ne!(origin, (0.0, 0.0), "the cluster moved");
        for (moved, free) in laid[1..].iter().zip(&alone) {
            let shape = (moved.offset.0 - origin.0, moved.offset.1 - origin.1);
            assert!(
                (shape.0 - free.offset.0).abs() < 1e-9 && (shape.1 - free.offset.1).abs() < 1e-9
            );
        }
    }

    #[test]
    fn a_symbol_clear_of_others_keeps_its_place_and_only_offsets_change() {
        let input = [symbol(0.0, 0.0), symbol(100.0, 0.0), symbol(100.5, 0.0)];
        let laid = resolve(&input, 1.0);
        assert_eq!(laid[0], input[0]);
        assert_eq!(laid[1], input[1]);
        assert_ne!(
            laid[2].offset,
            (0.0, 0.0),
            "the one that covered another moved"
        );
        assert!(
            laid.iter()
                .zip(&input)
                .all(|(l, i)| l.at == i.at && l.radius == i.radius)
        );
        // Zoomed in far enough, nothing moves.
        assert_eq!(resolve(&input, 100.0), input);
    }

    #[test]
    fn an_approximate_site_goes_to_its_islands_anchor_and_a_published_one_stays() {
        let scene = Scene {
            anchors: vec![("isle".to_owned(), MapPoint { x: 5.0, y: 6.0 })],
            labels: Vec::new(),
        };
        let at = [146.0, 44.0];
        assert_eq!(
            site_point(at, true, "isle", &scene),
            MapPoint { x: 5.0, y: 6.0 }
        );
        assert_eq!(site_point(at, false, "isle", &scene), project(146.0, 44.0));
        // An island the scene does not know keeps the data's point.
        assert_eq!(
            site_point(at, true, "elsewhere", &scene),
            project(146.0, 44.0)
        );
    }
}
