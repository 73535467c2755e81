//! Decimal text for numbers the map writes into attributes, path data and
//! links (SVG coordinates, transforms, permalinks), and reads back from
//! links, through integers.
//!
//! Why not `format!("{:.3}", x)` and `str::parse::<f64>`: the standard
//! library's float formatting and parsing (digit generation, powers-of-five
//! tables) cost 6.2 KB and 13.0 KB of the compressed wasm (measured), and the map never
//! needs more than six decimals of a number far below 10^12. Rounding is half
//! away from zero on the binary value, which can differ from `format!` only
//! on exact ties; [`parse`] is exact for up to 15 significant digits.

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

/// `v / per` (`per` a power of ten) as short as SVG path data allows: no
/// trailing zeros, no leading zero before the point (`-.3`). The caller
/// scales and rounds, so relative steps add up exactly.
pub fn compact(v: i64, per: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let (whole, mut part) = (v.abs() / per, v.abs() % per);
    if part == 0 {
        return format!("{sign}{whole}");
    }
    let mut width = per.ilog10() as usize;
    while part % 10 == 0 {
        part /= 10;
        width -= 1;
    }
    let whole = if whole == 0 {
        String::new()
    } else {
        whole.to_string()
    };
    format!("{sign}{whole}.{part:0width$}")
}

/// Powers of ten that an `f64` holds exactly.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/// Significant digits read; an `f64` holds any integer of this many digits exactly.
const SIGNIFICANT: u32 = 15;

/// A plain decimal (`-43.85`, `9`, `.5`, `+146.`): optional sign, digits,
/// optional point and digits; no exponent, no `inf` or `NaN`. `None` for
/// anything else.
///
/// With at most 15 significant digits the result is the nearest `f64`, as
/// `str::parse` gives: the digits make an exact integer, divided once by an
/// exact power of ten. Digits after the fifteenth are dropped (a change in
/// the 15th digit, far below the six decimals a permalink keeps).
///
/// ```
/// # use model::decimal::parse;
/// assert_eq!(parse("-43.85"), Some(-43.85));
/// assert_eq!(parse(".5"), Some(0.5));
/// assert_eq!(parse("1e3"), None);
/// assert_eq!(parse("4 3"), None);
/// ```
pub fn parse(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (whole, part) = digits.split_once('.').unwrap_or((digits, ""));
    let all = || whole.bytes().chain(part.bytes());
    if whole.len() + part.len() == 0 || !all().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    // Decimals taken into the mantissa, and whole digits left out of it.
    let (mut decimals, mut dropped_whole) = (0_usize, 0_i32);
    for (i, b) in all().enumerate() {
        let in_part = i >= whole.len();
        if significant >= SIGNIFICANT || (in_part && decimals + 1 >= POWERS_OF_TEN.len()) {
            if !in_part {
                dropped_whole += 1;
            }
            continue;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
        if mantissa > 0 {
            significant += 1;
        }
        if in_part {
            decimals += 1;
        }
    }
    // Below 10^15, so the conversion is exact.
    let value = mantissa as f64 * 10_f64.powi(dropped_whole) / POWERS_OF_TEN[decimals];
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn compact_numbers_read_as_short_decimals() {
        assert_eq!(compact(0, 10), "0");
        assert_eq!(compact(15, 10), "1.5");
        assert_eq!(compact(-15, 10), "-1.5");
        assert_eq!(compact(-3, 10), "-.3");
        assert_eq!(compact(120, 10), "12");
        assert_eq!(compact(1205, 100), "12.05");
        assert_eq!(compact(1250, 100), "12.5");
        assert_eq!(compact(-7, 100), "-.07");
    }

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

    #[test]
    fn parse_reads_plain_decimals_only() {
        assert_eq!(parse("9"), Some(9.0));
        assert_eq!(parse("+146."), Some(146.0));
        assert_eq!(parse("-0.000001"), Some(-0.000_001));
        assert_eq!(parse("0000012.50"), Some(12.5));
        for bad in [
            "", "-", ".", "+.", "1.2.3", "1e3", "inf", "NaN", "0x10", "4 3", "١٢", "--1",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        // Past fifteen significant digits the rest is dropped, not refused.
        assert_eq!(parse("43.12345678901234567"), Some(43.123_456_789_012_3));
        assert_eq!(parse("1234567890123456789"), Some(1.234_567_890_123_45e18));
    }

    proptest! {
        /// Up to fifteen significant digits, the same `f64` as the standard library's.
        #[test]
        fn parse_agrees_with_the_standard_library(
            negative: bool, whole in 0_u64..1_000_000, part in 0_u64..1_000_000_000, width in 0_usize..10,
        ) {
            let text = if width == 0 {
                format!("{}{whole}", if negative { "-" } else { "" })
            } else {
                let part = part % 10_u64.pow(width as u32);
                format!("{}{whole}.{part:0width$}", if negative { "-" } else { "" })
            };
            prop_assert_eq!(parse(&text), text.parse::<f64>().ok(), "{}", text);
        }


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
