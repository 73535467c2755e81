//! Decimal text for numbers the map writes into attributes and links (SVG
//! coordinates, transforms, permalinks), through integers.
//!
//! Why not `format!("{:.3}", x)`: the standard library's float formatting
//! (shortest and exact digit generation, with their tables) is about 5 KB of
//! the compressed wasm, and the map never needs more than six decimals of a
//! number far below 10^12. Rounding is half away from zero on the binary
//! value, which can differ from `format!` only on exact ties.

/// The largest magnitude written exactly; beyond it the value is clamped,
/// which no coordinate, zoom or percentage of the map comes near.
const LIMIT: f64 = 1e12;

/// `value` with exactly `places` decimals (at most 9), like
/// `format!("{value:.places$}")`. Not-a-number is written as `0`.
///
/// ```
/// # use model::decimal::fixed;
/// assert_eq!(fixed(43.851_24, 3), "43.851");
/// assert_eq!(fixed(-0.000_4, 3), "0.000");
/// assert_eq!(fixed(2.5, 0), "3");
/// assert_eq!(fixed(-1.25, 1), "-1.3");
/// ```
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10_i64.pow(places);
    let scaled = if value.is_nan() {
        0
    } else {
        // In range, so the cast is exact; `round` goes half away from zero.
        (value.clamp(-LIMIT, LIMIT) * scale as f64).round() as i64
    };
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = places as usize)
    }
}

/// Like [`fixed`], without trailing zeros after the point (nor the point
/// itself when nothing follows it): `2.50` is written `2.5`, `3.00` is `3`.
///
/// ```
/// # use model::decimal::trimmed;
/// assert_eq!(trimmed(2.5, 2), "2.5");
/// assert_eq!(trimmed(3.0, 2), "3");
/// assert_eq!(trimmed(0.125, 2), "0.13");
/// ```
pub fn trimmed(value: f64, places: u32) -> String {
    let text = fixed(value, places);
    if text.contains('.') {
        let text = text.trim_end_matches('0').trim_end_matches('.');
        if text == "-0" {
            "0".to_owned()
        } else {
            text.to_owned()
        }
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn signs_zeros_and_padding() {
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(fixed(0.05, 1), "0.1");
        assert_eq!(fixed(-0.05, 1), "-0.1");
        assert_eq!(fixed(-0.04, 1), "0.0", "no negative zero");
        assert_eq!(fixed(1.007, 2), "1.01");
        assert_eq!(fixed(145.5, 6), "145.500000");
        assert_eq!(fixed(-146.000_001, 6), "-146.000001");
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(fixed(f64::INFINITY, 0), "1000000000000");
        assert_eq!(trimmed(-0.001, 2), "0");
        assert_eq!(trimmed(10.0, 2), "10");
        assert_eq!(trimmed(9.99, 0), "10");
    }

    proptest! {
        /// Wherever the map's numbers live, the text matches `format!`'s
        /// except on exact ties, and reads back to within half a last digit.
        #[test]
        fn agrees_with_format_off_ties(value in -1.0e6_f64..1.0e6, places in 0_u32..7) {
            let ours = fixed(value, places);
            let back: f64 = ours.parse().expect("a number");
            let step = 10_f64.powi(-(places as i32));
            prop_assert!((back - value).abs() <= step / 2.0 + 1e-9 * value.abs().max(1.0), "{value} → {ours}");
            let theirs = format!("{value:.*}", places as usize);
            let tie = ((value / step).fract().abs() - 0.5).abs() < 1e-6;
            if !tie {
                // `format!` writes "-0.000" where we write "0.000".
                prop_assert_eq!(ours.trim_start_matches('-'), theirs.trim_start_matches('-'));
            }
        }
    }
}
