//! A map state drawn as a standalone SVG document, for link previews. It uses
//! the same projection, viewport, outlines and names as the app, so the
//! preview shows what the link opens. The server rasterises it (resvg).

use crate::geodata::{LandCollection, LandRole};
use crate::labels::{Candidate, Kind, place};
use crate::names;
use crate::permalink::{Layer, MapState};
use crate::projection::project;
use crate::svg::screen_path_data;
use crate::viewport::{DISPUTE_BOUNDS, View};
use std::fmt::Write;

pub const WIDTH: f64 = 1200.0;
pub const HEIGHT: f64 = 630.0;
/// The font family the server ships and registers for previews.
pub const FONT_FAMILY: &str = "DejaVu Sans";
const LABEL_FONT_PX: f64 = 20.0;
/// Outline detail kept in ready-made pictures: about half a pixel.
const MIN_STEP_PX: f64 = 0.5;

/// Escapes text for SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Bidirectional overrides could reorder the preview's text.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The preview's headline: the open island (in the chosen names) and the date.
pub fn title(land: &LandCollection, state: &MapState) -> String {
    let island = state
        .island
        .as_deref()
        .and_then(|id| land.find(id))
        .map(|f| names::label(&f.properties, state.names));
    match (island, state.date) {
        (Some(i), Some(d)) => format!("{i}, as of {d}"),
        (Some(i), None) => i,
        (None, Some(d)) => format!("The disputed islands, as of {d}"),
        (None, None) => "The Kuril Islands / Northern Territories dispute".into(),
    }
}

/// An SVG document of `WIDTH`×`HEIGHT` showing `state`'s view of `land`.
pub fn render_svg(land: &LandCollection, state: &MapState) -> String {
    let view = state
        .view
        .unwrap_or_else(|| View::fit(DISPUTE_BOUNDS, WIDTH, HEIGHT - 90.0));
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">"##
    );
    draw_map(&mut svg, land, state, view, WIDTH, HEIGHT);
    // A banner with the headline and the site's name.
    let _ = write!(
        svg,
        r##"<rect x="0" y="{}" width="{WIDTH}" height="80" fill="#ffffff" fill-opacity="0.93"/><text x="28" y="{}" font-family="{FONT_FAMILY}" font-size="34" font-weight="bold" fill="#1d1d1b">{}</text><text x="{}" y="{}" font-family="{FONT_FAMILY}" font-size="22" fill="#555555" text-anchor="end">Kuril Atlas</text>"##,
        HEIGHT - 80.0,
        HEIGHT - 28.0,
        escape(&title(land, state)),
        WIDTH - 28.0,
        HEIGHT - 28.0,
    );
    svg.push_str("</svg>");
    svg
}

/// The sea, the land and the island labels of `view` on a `width`×`height` canvas.
fn draw_map(
    svg: &mut String,
    land: &LandCollection,
    state: &MapState,
    view: View,
    width: f64,
    height: f64,
) {
    let t = view.transform(width, height);
    svg.push_str(r##"<rect width="100%" height="100%" fill="#dceaf4"/>"##);
    for f in &land.features {
        let (fill, line) = match (f.properties.role, state.island.as_deref() == Some(&f.id)) {
            (LandRole::Context, _) => ("#d9d3c2", "#8f866e"),
            (LandRole::Disputed, true) => ("#0072b2", "#00304d"),
            (LandRole::Disputed, false) => ("#e69f00", "#7a4b00"),
        };
        let _ = write!(
            svg,
            r#"<path d="{}" fill="{fill}" stroke="{line}" stroke-linejoin="round" fill-rule="evenodd"/>"#,
            screen_path_data(&f.geometry, t, MIN_STEP_PX)
        );
    }
    if state.layers.contains(Layer::Islands) {
        let labels: Vec<(String, f64, f64, f64)> = land
            .disputed()
            .filter(|f| f.properties.part_of.is_none())
            .filter(|f| f.properties.group.is_none() || view.zoom >= 10.0)
            .filter_map(|f| {
                let p = &f.properties;
                let [lon, lat] = p.label_at?;
                let (x, y) = t.apply(project(lon, lat));
                let priority = p.official_area_km2.unwrap_or(1.0);
                Some((names::label(p, state.names), x, y, priority))
            })
            .collect();
        let candidates: Vec<Candidate> = labels
            .iter()
            .map(|(text, x, y, priority)| Candidate {
                x: *x,
                y: *y,
                // No symbols on the preview image, so the anchor is always free.
                slots: Vec::new(),
                chars: text.chars().count(),
                priority: *priority,
                font_px: LABEL_FONT_PX,
                kind: Kind::Area,
            })
            .collect();
        for ((text, ..), at) in
            labels
                .iter()
                .zip(place(&candidates, &[], [0.0, 0.0, WIDTH, HEIGHT]))
        {
            let Some(at) = at else { continue };
            let (x, y) = (at.x, at.y);
            let _ = write!(
                svg,
                r##"<text x="{x:.1}" y="{y:.1}" font-family="{FONT_FAMILY}" font-size="{LABEL_FONT_PX}" font-weight="bold" text-anchor="middle" fill="#1d1d1b" stroke="#ffffff" stroke-width="4" paint-order="stroke">{}</text>"##,
                escape(text)
            );
        }
    }
}

/// The default view as an inline SVG for `index.html`: the map paints before
/// the app's WebAssembly has loaded, and the app replaces it on start.
/// `meet` keeps the disputed islands in view whatever the screen's shape.
pub fn prerender_svg(land: &LandCollection, width: f64, height: f64) -> String {
    let view = View::fit(DISPUTE_BOUNDS, width, height);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="prerender-map" viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="Map of the disputed islands (loading)">"##
    );
    draw_map(&mut svg, land, &MapState::default(), view, width, height);
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_makes_markup_and_bidi_overrides_inert() {
        assert_eq!(
            escape("<script>alert('x')</script> & \u{202e}evil"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; evil"
        );
    }
}
