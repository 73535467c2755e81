//! Label placement without overlaps: labels are placed in order of priority
//! (bigger islands first), each at its anchor or, if that collides, just
//! above or below it; a label that fits nowhere is left out at this zoom.

/// A label to place, in screen pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Where the label wants to be (its centre, text baseline).
    pub x: f64,
    pub y: f64,
    /// Number of characters, for an estimate of its width.
    pub chars: usize,
    /// Higher is placed first.
    pub priority: f64,
}

/// Average advance of a bold sans-serif character, as a share of the font size.
const CHAR_WIDTH: f64 = 0.62;

fn bounds(x: f64, y: f64, chars: usize, font_px: f64) -> [f64; 4] {
    let w = chars as f64 * font_px * CHAR_WIDTH;
    // Baseline at y; the box covers ascenders and a little padding.
    [
        x - w / 2.0 - 2.0,
        y - font_px,
        x + w / 2.0 + 2.0,
        y + font_px * 0.3,
    ]
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Final positions, in the candidates' order; `None` for labels left out.
pub fn place(candidates: &[Candidate], font_px: f64) -> Vec<Option<(f64, f64)>> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|a, b| {
        candidates[*b]
            .priority
            .total_cmp(&candidates[*a].priority)
            .then(a.cmp(b))
    });
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let mut result = vec![None; candidates.len()];
    let step = font_px * 1.4;
    for i in order {
        let c = &candidates[i];
        for (dx, dy) in [(0.0, 0.0), (0.0, -step), (0.0, step), (0.0, -2.0 * step)] {
            let (x, y) = (c.x + dx, c.y + dy);
            let b = bounds(x, y, c.chars, font_px);
            if !placed.iter().any(|p| overlaps(p, &b)) {
                placed.push(b);
                result[i] = Some((x, y));
                break;
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(x: f64, y: f64, chars: usize, priority: f64) -> Candidate {
        Candidate {
            x,
            y,
            chars,
            priority,
        }
    }

    #[test]
    fn distant_labels_stay_where_they_are() {
        let out = place(
            &[label(100.0, 100.0, 10, 1.0), label(400.0, 100.0, 10, 2.0)],
            14.0,
        );
        assert_eq!(out, vec![Some((100.0, 100.0)), Some((400.0, 100.0))]);
    }

    #[test]
    fn a_colliding_label_moves_and_the_bigger_island_keeps_its_place() {
        let out = place(
            &[label(100.0, 100.0, 12, 1.0), label(110.0, 102.0, 12, 5.0)],
            14.0,
        );
        assert_eq!(out[1], Some((110.0, 102.0)));
        let (_, y) = out[0].expect("moved, not dropped");
        assert!((y - 100.0).abs() >= 14.0);
    }

    #[test]
    fn a_label_with_no_room_is_left_out() {
        let crowd: Vec<_> = (0..6)
            .map(|i| label(100.0, 100.0, 12, f64::from(i)))
            .collect();
        let out = place(&crowd, 14.0);
        assert_eq!(out.iter().filter(|p| p.is_some()).count(), 4);
        assert!(out[5].is_some(), "the highest priority is always placed");
    }
}
