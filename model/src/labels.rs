//! Label placement without overlaps. Labels are placed in order of priority
//! (bigger islands first, then places). An island's name sits on its anchor
//! or, if that collides, at the clear position nearest to it: just above or
//! below or beside it, or on one of its slots further along the island
//! ([`crate::geometry::slots_along`]); a place's name sits beside
//! its dot (right, left, above, below), or beside the symbol drawn on it.
//! Labels keep clear of each other and of the map's symbols; a label that
//! fits nowhere is left out at this zoom, except that an island never loses
//! its name to a symbol: it then goes where it is in view, over the symbol,
//! or failing that stays on its anchor.

/// What a label names, which decides where it may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An area (an island): centred on its anchor, moved up or down if need be.
    Area,
    /// A point (a town, a base): beside the dot drawn at its anchor.
    Point,
}

/// A label to place, in screen pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The anchor: an area label's centre on its baseline, or a point's dot.
    pub x: f64,
    pub y: f64,
    /// An area's other places for its name, in any order: when the anchor
    /// is taken, the name goes to the clear one nearest to it.
    pub slots: Vec<(f64, f64)>,
    /// Number of characters, for an estimate of its width.
    pub chars: usize,
    /// Higher is placed first.
    pub priority: f64,
    pub font_px: f64,
    pub kind: Kind,
}

/// How placed text is aligned on its `x`, as SVG's `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Middle,
    Start,
    End,
}

impl Align {
    pub fn text_anchor(self) -> &'static str {
        match self {
            Align::Middle => "middle",
            Align::Start => "start",
            Align::End => "end",
        }
    }
}

/// Where a label's text goes: its baseline position and alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub align: Align,
}

/// A box as `[left, top, right, bottom]`, in pixels: a symbol that labels
/// must not cover, or the map's visible area.
pub type Obstacle = [f64; 4];

/// The box around a round symbol of `radius` pixels centred at `(x, y)`.
pub fn symbol_box(x: f64, y: f64, radius: f64) -> Obstacle {
    [x - radius, y - radius, x + radius, y + radius]
}

/// Average advance of a bold sans-serif character, as a share of the font size.
const CHAR_WIDTH: f64 = 0.62;
/// Gap between a point's dot and its label, in pixels.
const POINT_GAP: f64 = 6.0;
/// The least room an island's name keeps from a symbol, in pixels: the
/// text's box is an estimate (average glyph widths), and a name that only
/// touches a symbol still reads as lying on it.
const CLEARANCE: f64 = 2.0;

/// `o` grown by [`CLEARANCE`] on every side.
fn with_clearance(o: &Obstacle) -> Obstacle {
    [
        o[0] - CLEARANCE,
        o[1] - CLEARANCE,
        o[2] + CLEARANCE,
        o[3] + CLEARANCE,
    ]
}

/// The box a placed label's text covers, `[left, top, right, bottom]`.
pub fn bounds(at: Placed, chars: usize, font_px: f64) -> [f64; 4] {
    let w = chars as f64 * font_px * CHAR_WIDTH;
    let (left, right) = match at.align {
        Align::Middle => (at.x - w / 2.0, at.x + w / 2.0),
        Align::Start => (at.x, at.x + w),
        Align::End => (at.x - w, at.x),
    };
    // Baseline at y; the box covers ascenders and a little padding.
    [
        left - 2.0,
        at.y - font_px,
        right + 2.0,
        at.y + font_px * 0.3,
    ]
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn contains(o: &Obstacle, x: f64, y: f64) -> bool {
    o[0] <= x && x <= o[2] && o[1] <= y && y <= o[3]
}

/// How far a point's label keeps from its anchor: past its dot, or past a
/// symbol drawn on the point (a deployment at a town).
fn point_gap(c: &Candidate, obstacles: &[Obstacle]) -> f64 {
    obstacles
        .iter()
        .filter(|o| contains(o, c.x, c.y))
        .map(|o| (o[2] - c.x).max(c.x - o[0]).max(o[3] - c.y).max(c.y - o[1]) + 2.0)
        .fold(POINT_GAP, f64::max)
}

/// The positions a label may take, best first.
fn positions(c: &Candidate, obstacles: &[Obstacle]) -> Vec<Placed> {
    let at = |x: f64, y: f64, align| Placed { x, y, align };
    match c.kind {
        Kind::Area => {
            let step = c.font_px * 1.4;
            let mut around = vec![
                at(c.x, c.y, Align::Middle),
                at(c.x, c.y - step, Align::Middle),
                at(c.x, c.y + step, Align::Middle),
                at(c.x, c.y - 2.0 * step, Align::Middle),
                // Beside the anchor, for a group's name among its islets.
                at(c.x + step, c.y, Align::Start),
                at(c.x - step, c.y, Align::End),
            ];
            for &(x, y) in &c.slots {
                around.extend([
                    at(x, y, Align::Middle),
                    at(x, y - step, Align::Middle),
                    at(x, y + step, Align::Middle),
                ]);
            }
            around
        }
        Kind::Point => {
            let gap = point_gap(c, obstacles);
            // Baseline a third of the font below the dot centres the text on it.
            let beside = c.y + c.font_px / 3.0;
            vec![
                at(c.x + gap, beside, Align::Start),
                at(c.x - gap, beside, Align::End),
                at(c.x, c.y - gap, Align::Middle),
                at(c.x, c.y + gap + c.font_px, Align::Middle),
            ]
        }
    }
}

/// The area of the symbols a label's box `b` covers, in whole square
/// pixels (so that equal covers tie and the first position wins).
fn covered(b: &[f64; 4], obstacles: &[Obstacle]) -> f64 {
    obstacles
        .iter()
        .map(|o| {
            (b[2].min(o[2]) - b[0].max(o[0])).max(0.0) * (b[3].min(o[3]) - b[1].max(o[1])).max(0.0)
        })
        .sum::<f64>()
        .round()
}

fn inside(outer: &Obstacle, b: &[f64; 4]) -> bool {
    outer[0] <= b[0] && b[2] <= outer[2] && outer[1] <= b[1] && b[3] <= outer[3]
}

/// Final positions, in the candidates' order; `None` for labels left out.
/// `view` is the visible map, e.g. `[0.0, 0.0, width, height]`.
pub fn place(
    candidates: &[Candidate],
    obstacles: &[Obstacle],
    view: Obstacle,
) -> Vec<Option<Placed>> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|a, b| {
        candidates[*b]
            .priority
            .total_cmp(&candidates[*a].priority)
            .then(a.cmp(b))
    });
    let mut taken: Vec<[f64; 4]> = Vec::new();
    let mut result = vec![None; candidates.len()];
    for i in order {
        let c = &candidates[i];
        // A name whose dot is out of view would name nothing the reader sees.
        if c.kind == Kind::Point && !contains(&view, c.x, c.y) {
            continue;
        }
        let options: Vec<(Placed, [f64; 4])> = positions(c, obstacles)
            .into_iter()
            .map(|at| (at, bounds(at, c.chars, c.font_px)))
            .filter(|(_, b)| !taken.iter().any(|t| overlaps(t, b)))
            .collect();
        // A point's name is already set past its symbol (`point_gap`); an
        // island's keeps [`CLEARANCE`] from every symbol.
        let room = |o: &Obstacle| match c.kind {
            Kind::Point => *o,
            Kind::Area => with_clearance(o),
        };
        let is_clear =
            |b: &[f64; 4]| inside(&view, b) && !obstacles.iter().any(|o| overlaps(&room(o), b));
        // A point's sides are in order of preference; an island's name goes
        // to the clear position nearest its anchor (the first of equals).
        let clear = match c.kind {
            Kind::Point => options.iter().find(|(_, b)| is_clear(b)),
            Kind::Area => options
                .iter()
                .filter(|(_, b)| is_clear(b))
                .min_by(|(_, p), (_, q)| {
                    // How far the text's middle moves from where it would
                    // sit on the anchor, to a hundredth of a pixel so that
                    // above and below tie (and above, listed first, wins).
                    let off = |b: &[f64; 4]| {
                        let dx = (b[0] + b[2]) / 2.0 - c.x;
                        let dy = (b[1] + b[3]) / 2.0 + c.font_px * 0.35 - c.y;
                        (crate::math::hypot(dx, dy) * 100.0).round()
                    };
                    off(p).total_cmp(&off(q))
                }),
        };
        // Off its island, a third line up, only when nothing nearer or
        // along it is clear: on a small screen an island can be shorter
        // than its name and its symbols fill the lines nearer (Kunashiri
        // at 420 px wide).
        let far: Vec<(Placed, [f64; 4])> = match c.kind {
            Kind::Point => Vec::new(),
            Kind::Area => {
                let at = Placed {
                    x: c.x,
                    y: c.y - 3.0 * c.font_px * 1.4,
                    align: Align::Middle,
                };
                let b = bounds(at, c.chars, c.font_px);
                if taken.iter().any(|t| overlaps(t, &b)) {
                    Vec::new()
                } else {
                    vec![(at, b)]
                }
            }
        };
        let clear = clear.or_else(|| far.iter().find(|(_, b)| is_clear(b)));
        // An island keeps its name: in view over as little of the symbols
        // as it can if it must, and on its anchor if nothing else is left.
        let chosen = match c.kind {
            Kind::Point => clear,
            Kind::Area => clear
                .or_else(|| {
                    options
                        .iter()
                        .filter(|(_, b)| inside(&view, b))
                        .min_by(|(_, p), (_, q)| {
                            covered(p, obstacles).total_cmp(&covered(q, obstacles))
                        })
                })
                .or(options.first()),
        };
        if let Some((at, b)) = chosen {
            taken.push(*b);
            result[i] = Some(*at);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn island(x: f64, y: f64, chars: usize, priority: f64) -> Candidate {
        Candidate {
            x,
            y,
            slots: Vec::new(),
            chars,
            priority,
            font_px: 14.0,
            kind: Kind::Area,
        }
    }

    fn town(x: f64, y: f64, chars: usize) -> Candidate {
        Candidate {
            x,
            y,
            slots: Vec::new(),
            chars,
            priority: 0.0,
            font_px: 12.0,
            kind: Kind::Point,
        }
    }

    const VIEW: Obstacle = [0.0, 0.0, 1000.0, 800.0];

    fn xy(p: Option<Placed>) -> Option<(f64, f64)> {
        p.map(|p| (p.x, p.y))
    }

    #[test]
    fn distant_labels_stay_where_they_are() {
        let out = place(
            &[island(100.0, 100.0, 10, 1.0), island(400.0, 100.0, 10, 2.0)],
            &[],
            VIEW,
        );
        assert_eq!(xy(out[0]), Some((100.0, 100.0)));
        assert_eq!(xy(out[1]), Some((400.0, 100.0)));
        assert_eq!(out[0].map(|p| p.align), Some(Align::Middle));
    }

    #[test]
    fn a_colliding_label_moves_and_the_bigger_island_keeps_its_place() {
        let out = place(
            &[island(100.0, 100.0, 12, 1.0), island(110.0, 102.0, 12, 5.0)],
            &[],
            VIEW,
        );
        assert_eq!(xy(out[1]), Some((110.0, 102.0)));
        let (_, y) = xy(out[0]).expect("moved, not dropped");
        assert!((y - 100.0).abs() >= 14.0);
    }

    #[test]
    fn a_label_with_no_room_is_left_out() {
        let crowd: Vec<_> = (0..6)
            .map(|i| island(100.0, 100.0, 12, f64::from(i)))
            .collect();
        let out = place(&crowd, &[], VIEW);
        // Four lines about the anchor, and the third line up.
        assert_eq!(out.iter().filter(|p| p.is_some()).count(), 5);
        assert!(out[5].is_some(), "the highest priority is always placed");
    }

    #[test]
    fn a_town_name_starts_right_of_its_dot() {
        let out = place(&[town(200.0, 200.0, 8)], &[], VIEW);
        assert_eq!(
            out[0],
            Some(Placed {
                x: 206.0,
                y: 204.0,
                align: Align::Start
            })
        );
    }

    #[test]
    fn a_town_name_goes_left_of_its_dot_when_a_symbol_sits_on_the_right() {
        // A deployment symbol (radius 10) 25 px right of the town's dot.
        let symbol = symbol_box(225.0, 200.0, 10.0);
        let out = place(&[town(200.0, 200.0, 8)], &[symbol], VIEW);
        let placed = out[0].expect("there is room on the left");
        assert_eq!(placed.align, Align::End);
        assert_eq!(placed.x, 194.0);
        let b = bounds(placed, 8, 12.0);
        assert!(!overlaps(&b, &symbol), "the label clears the symbol");
    }

    #[test]
    fn island_names_win_over_town_names() {
        let out = place(
            &[town(240.0, 96.0, 14), island(300.0, 100.0, 10, 1.0)],
            &[],
            VIEW,
        );
        assert_eq!(xy(out[1]), Some((300.0, 100.0)));
        let town = out[0].expect("the town finds another side");
        assert_eq!(
            town.align,
            Align::End,
            "its name moves to the left of the dot"
        );
        let town_box = bounds(town, 14, 12.0);
        let island_box = bounds(out[1].expect("placed"), 10, 14.0);
        assert!(!overlaps(&town_box, &island_box));
    }

    #[test]
    fn an_island_name_steps_off_a_symbol_when_it_can() {
        let symbol = symbol_box(100.0, 95.0, 10.0);
        let out = place(&[island(100.0, 100.0, 10, 1.0)], &[symbol], VIEW);
        let placed = out[0].expect("placed");
        assert!(
            placed.y < 100.0,
            "moved up, clear of the symbol: {placed:?}"
        );
        assert!(!overlaps(&bounds(placed, 10, 14.0), &symbol));
    }

    #[test]
    fn an_island_keeps_its_name_under_symbols_rather_than_lose_it() {
        // A wall of symbols over every position the name could take.
        let wall: Obstacle = [0.0, 0.0, 400.0, 400.0];
        let out = place(&[island(200.0, 200.0, 10, 1.0)], &[wall], VIEW);
        assert_eq!(xy(out[0]), Some((200.0, 200.0)));
    }

    #[test]
    fn a_town_with_a_symbol_on_its_dot_is_named_beside_the_symbol() {
        let symbol = symbol_box(200.0, 200.0, 10.0);
        let out = place(&[town(200.0, 200.0, 8)], &[symbol], VIEW);
        let placed = out[0].expect("named, not dropped");
        assert_eq!(placed.align, Align::Start);
        assert_eq!(placed.x, 212.0, "past the symbol's edge, with a 2 px gap");
        assert!(!overlaps(&bounds(placed, 8, 12.0), &symbol));
    }

    #[test]
    fn a_town_at_the_right_edge_is_named_on_its_left_and_one_out_of_view_not_at_all() {
        // The second dot is just out of view: its name would fit on the left,
        // but it would name nothing the reader sees.
        let out = place(&[town(990.0, 400.0, 8), town(1003.0, 500.0, 8)], &[], VIEW);
        assert_eq!(out[0].map(|p| p.align), Some(Align::End));
        assert_eq!(out[1], None);
    }

    #[test]
    fn an_island_name_stays_in_view_when_it_moves() {
        // Above would leave the map; below is clear of the symbol.
        let symbol = symbol_box(500.0, 12.0, 6.0);
        let out = place(&[island(500.0, 20.0, 10, 1.0)], &[symbol], VIEW);
        let placed = out[0].expect("placed");
        assert!(placed.y > 20.0, "moved down, not out of view");
    }

    #[test]
    fn an_island_on_the_visible_edge_is_named_in_view_even_over_a_symbol() {
        // Its anchor just past the bottom edge (e.g. under the timeline bar),
        // symbols above: in view over a symbol beats out of sight.
        let low = island(500.0, 805.0, 10, 1.0);
        let symbols = [
            symbol_box(500.0, 785.0, 10.0),
            symbol_box(500.0, 765.0, 10.0),
        ];
        let placed = place(&[low], &symbols, VIEW)[0].expect("named");
        assert!(
            inside(&VIEW, &bounds(placed, 10, 14.0)),
            "in view: {placed:?}"
        );
    }

    #[test]
    fn an_island_with_no_clear_place_covers_as_little_of_the_symbols_as_it_can() {
        // Every place for the name meets a symbol: the anchor and the places
        // above and below it a big one, the slot further along a small one
        // at its edge. The name goes where it hides least.
        let mut boxed = island(500.0, 400.0, 10, 1.0);
        boxed.slots = vec![(500.0, 600.0)];
        let symbols = [
            [420.0, 330.0, 580.0, 440.0],
            symbol_box(540.0, 595.0, 8.0),
            symbol_box(540.0, 575.0, 8.0),
            symbol_box(540.0, 615.0, 8.0),
            symbol_box(420.0, 400.0, 30.0),
            symbol_box(580.0, 400.0, 30.0),
        ];
        let placed = place(&[boxed], &symbols, VIEW)[0].expect("named");
        let b = bounds(placed, 10, 14.0);
        assert!(
            symbols.iter().any(|o| overlaps(o, &b)),
            "no clear place: {placed:?}"
        );
        assert_eq!(
            (placed.x, placed.y),
            (500.0, 600.0),
            "the least covered: {placed:?}"
        );
    }

    #[test]
    fn a_town_boxed_in_by_symbols_loses_its_name_not_its_neighbours() {
        let around: Vec<Obstacle> = [(-20.0, 0.0), (20.0, 0.0), (0.0, -15.0), (0.0, 18.0)]
            .iter()
            .map(|(dx, dy)| symbol_box(300.0 + dx, 300.0 + dy, 12.0))
            .collect();
        let out = place(&[town(300.0, 300.0, 6)], &around, VIEW);
        assert_eq!(out, vec![None]);
    }

    #[test]
    fn an_island_name_covered_by_symbols_moves_along_the_island() {
        // The anchor and the lines above and below it are under symbols
        // (Etorofu at the default view); one slot further along is clear.
        // Of the two clear slots, the nearer wins whatever their order.
        let crowd: Obstacle = [150.0, 150.0, 250.0, 250.0];
        let mut long = island(200.0, 200.0, 16, 1.0);
        long.slots = vec![(600.0, 200.0), (230.0, 190.0), (340.0, 200.0)];
        let placed = place(&[long], &[crowd], VIEW)[0].expect("named");
        assert_eq!((placed.x, placed.y), (340.0, 200.0));
        assert!(!overlaps(&bounds(placed, 16, 14.0), &crowd));
    }

    #[test]
    fn an_island_hemmed_in_on_every_near_line_takes_the_third_line_up() {
        // Symbols from two lines above the anchor down, and on its one slot.
        let symbols: Obstacle = [0.0, 150.0, 400.0, 260.0];
        let mut small = island(200.0, 200.0, 16, 1.0);
        small.slots = vec![(210.0, 205.0)];
        let placed = place(&[small], &[symbols], VIEW)[0].expect("named");
        assert_eq!(placed.y, 200.0 - 3.0 * 14.0 * 1.4);
        assert!(!overlaps(&bounds(placed, 16, 14.0), &symbols));
    }

    #[test]
    fn a_group_name_hemmed_in_above_and_below_goes_beside_its_anchor() {
        // Habomai on a phone: symbols on the anchor, above and below it, the
        // map's left edge close by; to the right the sea is clear.
        let symbols = [
            symbol_box(60.0, 100.0, 10.0),
            symbol_box(60.0, 64.0, 10.0),
            symbol_box(60.0, 136.0, 10.0),
        ];
        let group = island(60.0, 104.0, 18, 100.0);
        let placed = place(&[group], &symbols, VIEW)[0].expect("named");
        assert_eq!(placed.align, Align::Start);
        assert!(placed.x > 70.0, "right of the symbols: {placed:?}");
        let b = bounds(placed, 18, 14.0);
        assert!(symbols.iter().all(|s| !overlaps(&b, s)));
    }

    #[test]
    fn an_island_with_no_clear_slot_keeps_its_name_on_the_anchor() {
        let wall: Obstacle = [0.0, 0.0, 1000.0, 800.0];
        let mut long = island(200.0, 200.0, 16, 1.0);
        long.slots = vec![(300.0, 150.0)];
        assert_eq!(xy(place(&[long], &[wall], VIEW)[0]), Some((200.0, 200.0)));
    }
}
