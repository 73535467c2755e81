//! The map state a URL carries, and its codec.
//!
//! Query-string form, following OpenStreetMap's `map=zoom/lat/lon`:
//! `?map=8.25/44.100/146.700&island=kunashiri`. Parsing is total: it never
//! fails as a whole; each unknown or malformed parameter is dropped and
//! reported, and the rest applies.

use crate::viewport::{MAX_ZOOM, MIN_ZOOM, View};
use std::fmt;

/// Everything a permalink restores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapState {
    /// `None`: the default view that fits the disputed islands on screen.
    pub view: Option<View>,
    /// The island whose panel is open.
    pub island: Option<String>,
}

/// A part of a URL that was ignored, and why; shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub parameter: String,
    pub reason: String,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.parameter, self.reason)
    }
}

/// Longest id accepted; real ids are much shorter.
const MAX_ID_LEN: usize = 64;

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> (MapState, Vec<Ignored>) {
    let mut state = MapState::default();
    let mut ignored = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        let mut reject = |reason: &str| {
            ignored.push(Ignored {
                parameter: shorten(&key),
                reason: reason.to_owned(),
            })
        };
        match key.as_str() {
            "map" => match parse_view(&value) {
                Ok(view) => state.view = Some(view),
                Err(reason) => reject(reason),
            },
            "island" => {
                if is_valid_id(&value) {
                    state.island = Some(value);
                } else {
                    reject("not an island id");
                }
            }
            _ => reject("unknown parameter"),
        }
    }
    (state, ignored)
}

/// The canonical query string (without `?`) for a state: fixed parameter
/// order, defaults omitted, coordinates rounded for the zoom.
pub fn format(state: &MapState) -> String {
    let mut parts = Vec::new();
    if let Some(view) = state.view {
        parts.push(format!("map={}", format_view(view)));
    }
    if let Some(island) = &state.island {
        parts.push(format!("island={island}"));
    }
    parts.join("&")
}

/// Rounds a view the way its URL does, so a state equals its own round trip.
pub fn canonical_view(view: View) -> View {
    let text = format_view(view);
    parse_view(&text).unwrap_or(view)
}

fn format_view(view: View) -> String {
    let view = view.clamped();
    let zoom = (view.zoom * 100.0).round() / 100.0;
    // OpenStreetMap's rule of thumb: enough decimals that one step is under a pixel.
    let decimals = ((zoom * std::f64::consts::LN_2 / std::f64::consts::LN_10).ceil() as usize)
        .clamp(2, 6);
    let zoom_text = format!("{zoom:.2}");
    let zoom_text = zoom_text.trim_end_matches('0').trim_end_matches('.');
    format!(
        "{zoom_text}/{:.*}/{:.*}",
        decimals, view.lat, decimals, view.lon
    )
}

fn parse_view(value: &str) -> Result<View, &'static str> {
    let mut parts = value.split('/');
    let (Some(z), Some(lat), Some(lon), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("expected zoom/latitude/longitude");
    };
    let number = |s: &str| -> Option<f64> {
        // Bound the length so a megabyte of digits is rejected cheaply.
        (s.len() <= 24).then(|| s.parse::<f64>().ok()).flatten().filter(|v| v.is_finite())
    };
    let (Some(zoom), Some(lat), Some(lon)) = (number(z), number(lat), number(lon)) else {
        return Err("not a number");
    };
    if !(MIN_ZOOM..=MAX_ZOOM).contains(&zoom) {
        return Err("zoom out of range");
    }
    let view = View { zoom, lat, lon };
    if view.clamped() != view {
        return Err("outside the map area");
    }
    Ok(View {
        zoom: (zoom * 100.0).round() / 100.0,
        ..view
    })
}

fn is_valid_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Keeps reported parameter names short and printable.
fn shorten(key: &str) -> String {
    let clean: String = key
        .chars()
        .filter(|c| !c.is_control())
        .take(32)
        .collect();
    if clean.is_empty() { "(empty)".into() } else { clean }
}

/// Decodes `%XX` escapes and `+`; invalid escapes and invalid UTF-8 are kept
/// or replaced rather than failing, so decoding is total.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_openstreetmap_style_link_restores_view_and_island() {
        let (state, ignored) = parse("?map=8.25/44.100/146.700&island=kunashiri");
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(state.island.as_deref(), Some("kunashiri"));
        let view = state.view.expect("view parsed");
        assert_eq!((view.zoom, view.lat, view.lon), (8.25, 44.1, 146.7));
    }

    #[test]
    fn format_is_canonical_and_round_trips() {
        let state = MapState {
            view: Some(canonical_view(View { zoom: 8.25, lat: 44.123456, lon: 146.654321 })),
            island: Some("shikotan".into()),
        };
        let text = format(&state);
        assert_eq!(text, "map=8.25/44.123/146.654&island=shikotan");
        assert_eq!(parse(&text), (state, vec![]));
        assert_eq!(format(&MapState::default()), "");
    }

    #[test]
    fn bad_parts_are_dropped_individually_and_reported() {
        let (state, ignored) = parse("island=Robert'); DROP&map=99/1/2&colour=red&island2");
        assert_eq!(state, MapState::default());
        let names: Vec<_> = ignored.iter().map(|i| i.parameter.as_str()).collect();
        assert_eq!(names, ["island", "map", "colour", "island2"]);
        let (state, ignored) = parse("map=nan/44/146&island=etorofu");
        assert_eq!(state.island.as_deref(), Some("etorofu"));
        assert_eq!(ignored.len(), 1);
    }

    #[test]
    fn decoding_never_panics_on_broken_escapes() {
        for q in ["%", "%4", "%zz", "a=%E3%81", "%%%", "=&&=", "map=%2F%2F"] {
            let _ = parse(q);
        }
        assert_eq!(percent_decode("a%20b+c%"), "a b c%");
    }
}
