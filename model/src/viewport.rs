//! The visible part of the map: centre, zoom and screen size, and the SVG
//! transform that puts map units on screen. Pure arithmetic, tested natively.

use crate::decimal::fixed;
use crate::projection::{
    AREA_EAST, AREA_NORTH, AREA_SOUTH, AREA_WEST, MapPoint, REFERENCE_ZOOM, project, unproject,
    zoom_scale,
};

/// Zoom limits: the whole area fits at the minimum on a phone; the maximum
/// shows single Habomai rocks several hundred pixels wide.
pub const MIN_ZOOM: f64 = 5.0;
pub const MAX_ZOOM: f64 = 15.0;

/// The disputed islands' bounds (west, south, east, north), used for the default view.
pub const DISPUTE_BOUNDS: [f64; 4] = [145.3, 43.2, 149.0, 45.6];

/// Degrees of margin around the points [`View::fitting`] shows.
pub const FIT_PAD_DEGREES: f64 = 0.3;
/// The closest zoom [`View::fitting`] goes to.
pub const FIT_MAX_ZOOM: f64 = 10.0;

/// Points written `lon,lat lon,lat …` (a panel's `data-fit`); a pair that
/// is not two plain decimals within the map's area is left out.
pub fn parse_points(text: &str) -> Vec<[f64; 2]> {
    text.split_whitespace()
        .filter_map(|pair| {
            let (lon, lat) = pair.split_once(',')?;
            let number = |s: &str| (s.len() <= 24).then(|| crate::decimal::parse(s)).flatten();
            let point = [number(lon)?, number(lat)?];
            crate::projection::in_map_area(point).then_some(point)
        })
        .collect()
}

/// A rectangle written `left top right bottom` (what the page's loader
/// writes of the first paint it moved, `Trunk.toml`); `None` unless four
/// plain decimals enclosing some area.
pub fn parse_rect(text: &str) -> Option<Rect> {
    parse_numbers(text).filter(|[l, t, r, b]| l < r && t < b)
}

/// Exactly `N` plain decimals separated by spaces (a pointer written
/// `id x y`, a rectangle), else `None`.
pub fn parse_numbers<const N: usize>(text: &str) -> Option<[f64; N]> {
    let mut numbers = text
        .split_whitespace()
        .map(|n| (n.len() <= 24).then(|| crate::decimal::parse(n)).flatten());
    let mut out = [0.0; N];
    for slot in &mut out {
        *slot = numbers.next().flatten()?;
    }
    numbers.next().is_none().then_some(out)
}

/// A map view in OpenStreetMap terms: zoom level and centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub zoom: f64,
    pub lat: f64,
    pub lon: f64,
}

/// An SVG `translate(tx ty) scale(s)` mapping map units to screen pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub tx: f64,
    pub ty: f64,
    pub scale: f64,
}

impl Transform {
    pub fn to_svg(self) -> String {
        format!(
            "translate({} {}) scale({})",
            fixed(self.tx, 3),
            fixed(self.ty, 3),
            fixed(self.scale, 6)
        )
    }

    /// Screen pixel of a map point.
    pub fn apply(self, p: MapPoint) -> (f64, f64) {
        (p.x * self.scale + self.tx, p.y * self.scale + self.ty)
    }

    /// Map point under a screen pixel.
    pub fn invert(self, sx: f64, sy: f64) -> MapPoint {
        MapPoint {
            x: (sx - self.tx) / self.scale,
            y: (sy - self.ty) / self.scale,
        }
    }
}

impl View {
    /// The largest zoom (in quarter steps) that shows `bounds` in a `width`×`height` screen.
    pub fn fit(bounds: [f64; 4], width: f64, height: f64) -> View {
        let [west, south, east, north] = bounds;
        let nw = project(west, north);
        let se = project(east, south);
        let (w, h) = ((se.x - nw.x).max(1.0), (se.y - nw.y).max(1.0));
        let scale = (width.max(1.0) / w).min(height.max(1.0) / h);
        let zoom = ((REFERENCE_ZOOM + crate::math::log2(scale)) * 4.0).floor() / 4.0;
        let (lon, lat) = unproject(MapPoint {
            x: (nw.x + se.x) / 2.0,
            y: (nw.y + se.y) / 2.0,
        });
        View { zoom, lat, lon }.clamped()
    }

    /// A view showing every point (`[lon, lat]`) with [`FIT_PAD_DEGREES`]
    /// around them, at most [`FIT_MAX_ZOOM`] so that a single place keeps
    /// its surroundings, in a `width`×`height` map; `None` without points.
    /// Rounded as a permalink rounds it. (A reader's excerpt: its places.)
    pub fn fitting(points: &[[f64; 2]], width: f64, height: f64) -> Option<View> {
        let first = points.first()?;
        let (mut w, mut s, mut e, mut n) = (first[0], first[1], first[0], first[1]);
        for [lon, lat] in points {
            w = w.min(*lon);
            e = e.max(*lon);
            s = s.min(*lat);
            n = n.max(*lat);
        }
        let pad = FIT_PAD_DEGREES;
        let mut view = View::fit([w - pad, s - pad, e + pad, n + pad], width, height);
        view.zoom = view.zoom.min(FIT_MAX_ZOOM);
        Some(crate::permalink::canonical_view(view))
    }

    pub fn scale(self) -> f64 {
        zoom_scale(self.zoom - REFERENCE_ZOOM)
    }

    /// The view that `t` draws on a `width`×`height` map: the inverse of
    /// [`View::transform`] (a picture placed on screen, taken over as a view).
    pub fn drawn_by(t: Transform, width: f64, height: f64) -> View {
        let zoom = REFERENCE_ZOOM + crate::math::log2(t.scale);
        let (lon, lat) = unproject(t.invert(width / 2.0, height / 2.0));
        View { zoom, lat, lon }.clamped()
    }

    pub fn transform(self, width: f64, height: f64) -> Transform {
        let c = project(self.lon, self.lat);
        let scale = self.scale();
        Transform {
            tx: width / 2.0 - c.x * scale,
            ty: height / 2.0 - c.y * scale,
            scale,
        }
    }

    /// Keeps zoom within limits and the centre within the map area.
    pub fn clamped(self) -> View {
        let zoom = if self.zoom.is_finite() {
            self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            MIN_ZOOM
        };
        let lat = if self.lat.is_finite() {
            self.lat.clamp(AREA_SOUTH, AREA_NORTH)
        } else {
            (AREA_SOUTH + AREA_NORTH) / 2.0
        };
        let lon = if self.lon.is_finite() {
            self.lon.clamp(AREA_WEST, AREA_EAST)
        } else {
            (AREA_WEST + AREA_EAST) / 2.0
        };
        View { zoom, lat, lon }
    }

    /// Moves the view by a screen offset in pixels (drag right moves the map right).
    pub fn panned(self, dx: f64, dy: f64) -> View {
        let c = project(self.lon, self.lat);
        let s = self.scale();
        let (lon, lat) = unproject(MapPoint {
            x: c.x - dx / s,
            y: c.y - dy / s,
        });
        View { lon, lat, ..self }.clamped()
    }

    /// Zooms by `delta` levels keeping the map point under screen pixel
    /// (`sx`, `sy`) fixed, as Leaflet and MapLibre do for the wheel.
    pub fn zoomed_about(self, delta: f64, sx: f64, sy: f64, width: f64, height: f64) -> View {
        let before = self.transform(width, height);
        let anchor = before.invert(sx, sy);
        let zoom = (self.zoom + delta).clamp(MIN_ZOOM, MAX_ZOOM);
        let scale = zoom_scale(zoom - REFERENCE_ZOOM);
        // Centre such that `anchor` stays at (sx, sy).
        let cx = anchor.x - (sx - width / 2.0) / scale;
        let cy = anchor.y - (sy - height / 2.0) / scale;
        let (lon, lat) = unproject(MapPoint { x: cx, y: cy });
        View { zoom, lat, lon }.clamped()
    }
}

/// A rectangle on screen in pixels: `[left, top, right, bottom]`.
pub type Rect = [f64; 4];

/// Margin kept between a symbol placed in view and the visible area's edge.
pub const REVEAL_MARGIN_PX: f64 = 32.0;

impl View {
    /// The view panned so that screen pixel (`sx`, `sy`) lies inside
    /// `visible` (the part of the map nothing covers) with
    /// [`REVEAL_MARGIN_PX`] to spare: the point goes to that area's centre.
    /// `None` when it already lies there, so a symbol in view never moves
    /// the map.
    pub fn revealing(self, (sx, sy): (f64, f64), visible: Rect) -> Option<View> {
        let [left, top, right, bottom] = visible;
        let m = REVEAL_MARGIN_PX;
        let inside = (left + m..=right - m).contains(&sx) && (top + m..=bottom - m).contains(&sy);
        if inside || !(sx.is_finite() && sy.is_finite()) {
            return None;
        }
        let (cx, cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
        Some(self.panned(cx - sx, cy - sy))
    }
}

/// The largest part of `map` that `cover` (a panel over it) leaves free: the
/// strip left of it, right of it, above or below it. A cover that misses
/// the map leaves all of it.
pub fn uncovered(map: Rect, cover: Rect) -> Rect {
    let [ml, mt, mr, mb] = map;
    let [cl, ct, cr, cb] = cover;
    if cr <= ml || cl >= mr || cb <= mt || ct >= mb {
        return map;
    }
    let strips = [
        [ml, mt, cl, mb],
        [cr, mt, mr, mb],
        [ml, mt, mr, ct],
        [ml, cb, mr, mb],
    ];
    let area = |[l, t, r, b]: Rect| (r - l).max(0.0) * (b - t).max(0.0);
    strips.into_iter().fold([ml, mt, ml, mt], |best, s| {
        if area(s) > area(best) { s } else { best }
    })
}

/// The padding, `[left, top, right, bottom]` in pixels, that keeps a view
/// clear of `covers` (controls, timeline, panel over a `width`×`height`
/// map, in the map's pixels): each cover is put down to the edge whose
/// padding leaves the most of the map (a box at the left takes its right
/// side as left padding, a bar or a bottom sheet across the map its top as
/// bottom padding), and each edge pads as far as its deepest cover. Covers off the map count for nothing.
pub fn padding(width: f64, height: f64, covers: &[Rect]) -> Rect {
    let mut pad = [0.0_f64; 4];
    for &[l, t, r, b] in covers {
        if !(l < r && t < b) || r <= 0.0 || b <= 0.0 || l >= width || t >= height {
            continue;
        }
        // How far each edge would pad for this cover, and the area it leaves.
        let depth = [r, b, width - l, height - t];
        let left = [
            (width - r) * height,
            width * (height - b),
            l * height,
            width * t,
        ];
        let edge = (0..4).fold(0, |best, k| if left[k] > left[best] { k } else { best });
        pad[edge] = pad[edge].max(depth[edge]);
    }
    pad
}

impl View {
    /// The largest zoom (in quarter steps) that shows `bounds` inside the
    /// part of a `width`×`height` screen that `pad` ([`padding`]) leaves,
    /// centred there. A screen too small for its padding falls back to
    /// [`View::fit`].
    pub fn fit_padded(bounds: [f64; 4], width: f64, height: f64, pad: Rect) -> View {
        let [l, t, r, b] = pad.map(|p| p.max(0.0));
        let (inner_w, inner_h) = (width - l - r, height - t - b);
        if inner_w < 1.0 || inner_h < 1.0 {
            return View::fit(bounds, width, height);
        }
        let inner = View::fit(bounds, inner_w, inner_h);
        // The centre moves so the bounds' centre lands in the free part's.
        let scale = inner.scale();
        let c = project(inner.lon, inner.lat);
        let (lon, lat) = unproject(MapPoint {
            x: c.x + (r - l) / 2.0 / scale,
            y: c.y + (b - t) / 2.0 / scale,
        });
        View { lon, lat, ..inner }.clamped()
    }
}

/// The longest round distance (1, 2 or 5 times a power of ten metres) that
/// fits in `max_px`, and its length in pixels.
///
/// ```
/// # use model::viewport::scale_bar;
/// assert_eq!(scale_bar(250.0, 120.0), (20_000.0, 80.0));
/// ```
pub fn scale_bar(metres_per_px: f64, max_px: f64) -> (f64, f64) {
    let max_metres = metres_per_px * max_px;
    if !(max_metres.is_finite() && max_metres > 0.0) {
        return (0.0, 0.0);
    }
    // The power of ten at or below `max_metres`, by steps rather than
    // `powf(log10)`: the app would otherwise carry libm's `pow` (2 KB of wasm).
    let mut magnitude = 1.0;
    while magnitude * 10.0 <= max_metres {
        magnitude *= 10.0;
    }
    while magnitude > max_metres {
        magnitude /= 10.0;
    }
    let step = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|d| *d <= max_metres)
        .unwrap_or(magnitude);
    (step, step / metres_per_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn a_view_is_what_its_transform_draws() {
        let view = View {
            zoom: 8.37,
            lat: 44.1,
            lon: 146.9,
        };
        let back = View::drawn_by(view.transform(390.0, 700.0), 390.0, 700.0);
        assert!(close(back.zoom, view.zoom, 1e-9), "{back:?}");
        assert!(close(back.lat, view.lat, 1e-9) && close(back.lon, view.lon, 1e-9));
    }

    #[test]
    fn a_rect_is_four_plain_decimals_around_some_area() {
        assert_eq!(
            parse_rect("-12.5 40 1292.25 780"),
            Some([-12.5, 40.0, 1292.25, 780.0])
        );
        for bad in [
            "",
            "1 2 3",
            "1 2 3 4 5",
            "0 0 0 10",
            "5 0 1 10",
            "1e3 0 2e3 10",
            "NaN 0 1 1",
        ] {
            assert_eq!(parse_rect(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn fitting_the_dispute_on_a_desktop_screen_shows_all_four_islands() {
        let view = View::fit(DISPUTE_BOUNDS, 1280.0, 800.0);
        let t = view.transform(1280.0, 800.0);
        for (lon, lat) in [(145.3, 43.2), (149.0, 45.6)] {
            let (x, y) = t.apply(project(lon, lat));
            assert!((0.0..=1280.0).contains(&x) && (0.0..=800.0).contains(&y));
        }
        assert!(view.zoom >= 7.0 && view.zoom <= 9.0, "{view:?}");
    }

    /// Whether the projected `bounds` lie inside `free` under `view`.
    fn inside(view: View, bounds: [f64; 4], (w, h): (f64, f64), free: Rect) -> bool {
        let t = view.transform(w, h);
        let [west, south, east, north] = bounds;
        let (x0, y0) = t.apply(project(west, north));
        let (x1, y1) = t.apply(project(east, south));
        let e = 1e-6;
        x0 >= free[0] - e && y0 >= free[1] - e && x1 <= free[2] + e && y1 <= free[3] + e
    }

    #[test]
    fn a_cover_pads_the_edge_it_leaves_the_most_room_from() {
        let (w, h) = (1280.0, 738.0);
        let controls = [10.0, 210.0, 266.0, 658.0];
        let timeline = [0.0, 677.0, 1280.0, 738.0];
        let zoom = [10.0, 10.0, 54.0, 98.0];
        let panel = [898.0, 10.0, 1264.0, 600.0];
        let pad = padding(w, h, &[controls, timeline, zoom, panel]);
        assert_eq!(pad, [266.0, 0.0, 382.0, 61.0]);
        // Nothing, or something off the map or empty, pads nothing.
        // A bottom sheet across the map pads the bottom, not a side.
        assert_eq!(
            padding(390.0, 589.0, &[[0.0, 306.0, 390.0, 728.0]]),
            [0.0, 0.0, 0.0, 283.0]
        );
        let nothing = [[-50.0, 0.0, 0.0, 100.0], [10.0, 10.0, 10.0, 90.0]];
        assert_eq!(padding(w, h, &nothing), [0.0; 4]);
        assert_eq!(padding(w, h, &[]), [0.0; 4]);
    }

    #[test]
    fn the_dispute_fits_beside_the_covers_on_a_desktop_and_a_phone() {
        let screens = [
            // Desktop: controls open at the left, timeline; then a panel.
            (
                (1280.0, 738.0),
                vec![[10.0, 210.0, 266.0, 658.0], [0.0, 677.0, 1280.0, 738.0]],
            ),
            (
                (1280.0, 738.0),
                vec![
                    [10.0, 620.0, 54.0, 664.0],
                    [0.0, 677.0, 1280.0, 738.0],
                    [898.0, 10.0, 1264.0, 600.0],
                ],
            ),
            // Phone: zoom buttons, the collapsed control, the timeline;
            // then a bottom sheet.
            (
                (390.0, 589.0),
                vec![
                    [10.0, 10.0, 54.0, 98.0],
                    [336.0, 10.0, 380.0, 54.0],
                    [0.0, 450.0, 390.0, 589.0],
                ],
            ),
            (
                (390.0, 589.0),
                vec![[10.0, 10.0, 54.0, 98.0], [0.0, 294.0, 390.0, 589.0]],
            ),
        ];
        for ((w, h), covers) in screens {
            let pad = padding(w, h, &covers);
            let view = View::fit_padded(DISPUTE_BOUNDS, w, h, pad);
            let free = [pad[0], pad[1], w - pad[2], h - pad[3]];
            assert!(
                inside(view, DISPUTE_BOUNDS, (w, h), free),
                "{w}×{h} {covers:?}: {view:?}"
            );
            // As large as the free part allows: a quarter step more does not fit.
            let closer = View {
                zoom: view.zoom + 0.25,
                ..view
            };
            assert!(
                !inside(closer, DISPUTE_BOUNDS, (w, h), free),
                "{w}×{h}: could zoom in"
            );
            // And no cover meets the bounds.
            let t = view.transform(w, h);
            let (x0, y0) = t.apply(project(DISPUTE_BOUNDS[0], DISPUTE_BOUNDS[3]));
            let (x1, y1) = t.apply(project(DISPUTE_BOUNDS[2], DISPUTE_BOUNDS[1]));
            for c in &covers {
                let apart = c[2] <= x0 || x1 <= c[0] || c[3] <= y0 || y1 <= c[1];
                assert!(apart, "{w}×{h}: {c:?} covers the islands");
            }
        }
        // Without covers it is the plain fit.
        assert_eq!(
            View::fit_padded(DISPUTE_BOUNDS, 1280.0, 800.0, [0.0; 4]),
            View::fit(DISPUTE_BOUNDS, 1280.0, 800.0)
        );
        // A screen smaller than its padding still gets a view.
        let tiny = View::fit_padded(DISPUTE_BOUNDS, 100.0, 100.0, [80.0, 0.0, 80.0, 0.0]);
        assert_eq!(tiny, View::fit(DISPUTE_BOUNDS, 100.0, 100.0));
    }

    #[test]
    fn fitting_points_shows_them_all_and_one_place_keeps_its_surroundings() {
        let points = parse_points("145.8,43.6 147.9,45.2 nonsense 1e3,4 200,44 146.0,");
        assert_eq!(points, vec![[145.8, 43.6], [147.9, 45.2]]);
        let (w, h) = (1280.0, 800.0);
        let view = View::fitting(&points, w, h).expect("two points");
        let t = view.transform(w, h);
        for [lon, lat] in &points {
            let (x, y) = t.apply(project(*lon, *lat));
            assert!((0.0..=w).contains(&x) && (0.0..=h).contains(&y), "{x},{y}");
        }
        let one = View::fitting(&points[..1], w, h).expect("one point");
        assert_eq!(one.zoom, FIT_MAX_ZOOM);
        assert!(one.zoom > view.zoom);
        assert!(
            close(one.lon, 145.8, 1e-3) && close(one.lat, 43.6, 1e-3),
            "{one:?}"
        );
        // A narrower map shows the same points from further out.
        let phone = View::fitting(&points, 390.0, 500.0).expect("two points");
        assert!(phone.zoom < view.zoom);
        assert_eq!(View::fitting(&[], w, h), None);
    }

    #[test]
    fn shumshu_can_be_centred_but_the_default_view_stays_on_the_dispute() {
        // The map area reaches the First Kuril Strait: a view there is kept.
        let shumshu = View {
            zoom: 9.0,
            lat: 50.75,
            lon: 156.35,
        };
        assert_eq!(shumshu.clamped(), shumshu);
        // The default view fits the disputed islands, whatever the area: its
        // centre is theirs, and Urup's north-east (150.57°E) is off a phone.
        let [west, south, east, north] = DISPUTE_BOUNDS;
        for (w, h) in [(1280.0, 800.0), (390.0, 600.0)] {
            let view = View::fit(DISPUTE_BOUNDS, w, h);
            assert!((west..=east).contains(&view.lon) && (south..=north).contains(&view.lat));
        }
        let phone = View::fit(DISPUTE_BOUNDS, 390.0, 600.0);
        let (x, _) = phone.transform(390.0, 600.0).apply(project(150.57, 46.2));
        assert!(x > 390.0, "{x}");
    }

    #[test]
    fn a_phone_screen_gets_a_smaller_zoom_than_a_desktop() {
        let phone = View::fit(DISPUTE_BOUNDS, 390.0, 500.0);
        let desktop = View::fit(DISPUTE_BOUNDS, 1280.0, 800.0);
        assert!(phone.zoom < desktop.zoom);
    }

    #[test]
    fn wheel_zoom_keeps_the_point_under_the_cursor() {
        let view = View {
            zoom: 8.0,
            lat: 44.0,
            lon: 146.5,
        };
        let (w, h) = (1000.0, 700.0);
        let under = view.transform(w, h).invert(200.0, 150.0);
        let zoomed = view.zoomed_about(1.5, 200.0, 150.0, w, h);
        let (x, y) = zoomed.transform(w, h).apply(under);
        assert!(close(x, 200.0, 1e-6) && close(y, 150.0, 1e-6), "{x},{y}");
        assert!(close(zoomed.zoom, 9.5, 1e-12));
    }

    #[test]
    fn dragging_right_moves_the_centre_west() {
        let view = View {
            zoom: 9.0,
            lat: 44.0,
            lon: 146.5,
        };
        let moved = view.panned(100.0, 0.0);
        assert!(moved.lon < view.lon);
        assert!(close(moved.lat, view.lat, 1e-9));
    }

    #[test]
    fn zoom_and_centre_stay_within_limits_even_for_nonsense() {
        let v = View {
            zoom: 99.0,
            lat: f64::NAN,
            lon: -500.0,
        }
        .clamped();
        assert_eq!(v.zoom, MAX_ZOOM);
        assert!((AREA_SOUTH..=AREA_NORTH).contains(&v.lat));
        assert_eq!(v.lon, AREA_WEST);
    }

    #[test]
    fn zoom_scale_matches_powers_of_two() {
        for tenths in -150..=150 {
            let levels = f64::from(tenths) / 10.0;
            let ours = zoom_scale(levels);
            let exact = crate::math::powf(2.0, levels);
            assert!(
                (ours - exact).abs() <= exact * 4.0 * f64::EPSILON,
                "{levels}: {ours} vs {exact}"
            );
            if tenths % 10 == 0 {
                assert_eq!(ours, exact, "whole levels are exact");
            }
        }
    }

    #[test]
    fn the_scale_bar_shows_a_round_distance_that_fits() {
        // 250 m per pixel: 120 px is 30 km, so the bar shows 20 km over 80 px.
        assert_eq!(scale_bar(250.0, 120.0), (20_000.0, 80.0));
        let (metres, px) = scale_bar(3.7, 120.0);
        assert_eq!(metres, 200.0);
        assert!(px <= 120.0 && px > 40.0);
        assert_eq!(scale_bar(f64::NAN, 120.0), (0.0, 0.0));
    }

    #[test]
    fn the_scale_bar_picks_the_same_distance_as_powers_of_ten_by_logarithm() {
        // From a street (0.05 m per px) to the whole planet, edges included.
        let mut metres_per_px = 0.05;
        while metres_per_px < 200_000.0 {
            for exact_edge in [false, true] {
                let m = if exact_edge {
                    (metres_per_px * 120.0_f64).round() / 120.0
                } else {
                    metres_per_px
                };
                let max = m * 120.0;
                let magnitude = crate::math::powf(10.0, crate::math::log10(max).floor());
                let expected = [5.0, 2.0, 1.0]
                    .into_iter()
                    .map(|k| k * magnitude)
                    .find(|d| *d <= max)
                    .unwrap_or(magnitude);
                assert_eq!(scale_bar(m, 120.0).0, expected, "at {m} m per px");
            }
            metres_per_px *= 1.37;
        }
    }

    #[test]
    fn a_symbol_under_the_side_panel_is_brought_into_the_free_part() {
        let view = View {
            zoom: 9.0,
            lat: 44.5,
            lon: 147.0,
        };
        let (w, h) = (1280.0, 800.0);
        let free = uncovered([0.0, 0.0, w, h], [900.0, 70.0, 1260.0, 790.0]);
        assert_eq!(free, [0.0, 0.0, 900.0, h]);
        let point = project(148.0, 45.0);
        let (sx, sy) = view.transform(w, h).apply(point);
        assert!(sx > 900.0, "the test point starts under the panel: {sx}");
        let moved = view.revealing((sx, sy), free).expect("it must move");
        let (x, y) = moved.transform(w, h).apply(point);
        assert!(close(x, 450.0, 1e-6) && close(y, 400.0, 1e-6), "{x},{y}");
        assert_eq!(moved.zoom, view.zoom);
        // Already in the free part: the map stays where it is.
        assert_eq!(moved.revealing((x, y), free), None);
    }

    #[test]
    fn a_phone_bottom_sheet_leaves_the_upper_half() {
        let (w, h) = (390.0, 700.0);
        let free = uncovered([0.0, 0.0, w, h], [0.0, 350.0, w, h]);
        assert_eq!(free, [0.0, 0.0, w, 350.0]);
        let view = View {
            zoom: 8.0,
            lat: 44.0,
            lon: 146.5,
        };
        let moved = view
            .revealing((200.0, 500.0), free)
            .expect("under the sheet");
        let point = view.transform(w, h).invert(200.0, 500.0);
        let (x, y) = moved.transform(w, h).apply(point);
        assert!(close(x, 195.0, 1e-6) && close(y, 175.0, 1e-6), "{x},{y}");
        // Near an edge, within the margin, counts as hidden.
        assert!(view.revealing((5.0, 100.0), free).is_some());
        // No panel: the whole map is free.
        assert_eq!(
            uncovered([0.0, 0.0, w, h], [400.0, 0.0, 500.0, 10.0]),
            [0.0, 0.0, w, h]
        );
    }
}
