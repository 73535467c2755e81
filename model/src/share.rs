//! The page controls' logic that needs no browser (`server/src/panels/controls.rs`
//! draws them, `app/src/controls.rs` binds them): which choices the names
//! switch and the layers control offer, the change a control asks for, and
//! what "Copy link", "Embed" and "Download image" hand out for a state.

use crate::export::{HEIGHTS, WIDTHS};
use crate::names::NameStyle;
use crate::og::escape;
use crate::permalink::{self, Layer, MapState};

/// The `name` of the names switch's radios.
pub const NAMES: &str = "names";
/// The `name` of the layers control's checkboxes.
pub const LAYERS: &str = "layers";

/// The names switch's choices, in its order: the radio's value (as in
/// `names=`) and the choice itself.
pub const NAME_CHOICES: [(&str, NameStyle); 3] = [
    ("both", NameStyle::Both),
    ("ja", NameStyle::Japanese),
    ("ru", NameStyle::Russian),
];

/// The layers control's layers, in its order, with the catalogue key of
/// each one's name.
pub const LAYER_CHOICES: [(Layer, &str); 5] = [
    (Layer::Islands, "shell-layer-islands"),
    (Layer::Lines, "shell-layer-lines"),
    (Layer::Places, "shell-layer-places"),
    (Layer::Deployments, "shell-layer-deployments"),
    (Layer::Events, "shell-layer-events"),
];

/// The citation formats `/api/citation` gives, in its answer's order: the
/// radio's value and the catalogue key of its name.
pub const CITATION_FORMATS: [(&str, &str); 4] = [
    ("apa", "cite-format-apa"),
    ("chicago", "cite-format-chicago"),
    ("bibtex", "cite-format-bibtex"),
    ("csl-json", "cite-format-csl"),
];

/// The state after the reader set the input `name` (`value`, `checked`):
/// `None` when it is not one of the controls' inputs, or names nothing
/// they offer.
pub fn changed(state: &MapState, name: &str, value: &str, checked: bool) -> Option<MapState> {
    let mut next = state.clone();
    match name {
        NAMES => {
            let (_, style) = NAME_CHOICES.into_iter().find(|(v, _)| *v == value)?;
            next.names = Some(style);
        }
        LAYERS => {
            let layer = Layer::parse(value)?;
            next.layers = next.layers.with(layer, checked);
        }
        _ => return None,
    }
    Some(next)
}

/// The full page's address of `state` at `origin` ("Copy link"; an
/// embed's "Open in Kuril Atlas" without the origin).
pub fn link(origin: &str, state: &MapState) -> String {
    let mut s = state.clone();
    s.embed = false;
    format!("{origin}{}", permalink::href(&s))
}

/// The `<iframe>` that embeds `state` (`title`: its accessible name).
pub fn embed_code(origin: &str, state: &MapState, title: &str) -> String {
    let mut s = state.clone();
    s.embed = true;
    format!(
        "<iframe src=\"{}\" width=\"800\" height=\"450\" title=\"{}\" loading=\"lazy\"></iframe>",
        escape(&format!("{origin}{}", permalink::href(&s))),
        escape(title)
    )
}

/// "Download image": `state` as `/export.{ext}` at the map's size in CSS
/// pixels (`w`×`h`), brought within what the server exports.
pub fn export_href(state: &MapState, ext: &str, w: i64, h: i64) -> String {
    let within = |v: i64, range: &std::ops::RangeInclusive<u32>| {
        v.clamp(i64::from(*range.start()), i64::from(*range.end()))
    };
    let query = permalink::format(state);
    let and = if query.is_empty() { "" } else { "&" };
    format!(
        "/export.{ext}?{query}{and}w={}&h={}",
        within(w, &WIDTHS),
        within(h, &HEIGHTS)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permalink::parse;

    #[test]
    fn a_names_radio_sets_the_convention_and_a_layer_box_its_layer() {
        let (state, _) = parse("island=etorofu");
        let ru = changed(&state, NAMES, "ru", true).expect("a names choice");
        assert_eq!(permalink::format(&ru), "island=etorofu&names=ru");
        let off = changed(&state, LAYERS, "places", false).expect("a layer");
        assert!(!off.layers.contains(Layer::Places));
        assert!(off.layers.contains(Layer::Islands));
        let on = changed(&off, LAYERS, "places", true).expect("a layer");
        assert_eq!(on, state);
    }

    #[test]
    fn inputs_that_are_not_the_controls_change_nothing() {
        let state = MapState::default();
        assert_eq!(changed(&state, NAMES, "latin", true), None);
        assert_eq!(changed(&state, LAYERS, "roads", true), None);
        assert_eq!(changed(&state, "cite-format", "apa", true), None);
    }

    #[test]
    fn every_layer_and_convention_has_one_switch() {
        for layer in Layer::ALL {
            assert_eq!(LAYER_CHOICES.iter().filter(|(l, _)| *l == layer).count(), 1);
        }
        for (value, style) in NAME_CHOICES {
            let (state, ignored) = parse(&format!("names={value}"));
            assert!(ignored.is_empty());
            assert_eq!(state.names, Some(style));
        }
    }

    #[test]
    fn the_embed_code_embeds_the_view_escaped_and_the_link_leaves_the_frame() {
        let (state, _) = parse("island=etorofu&date=2017-01-01&embed=1");
        let code = embed_code("https://example.org", &state, "A \"map\" <b>");
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/?island=etorofu&amp;date=2017-01-01&amp;embed=1\" \
             width=\"800\" height=\"450\" title=\"A &quot;map&quot; &lt;b&gt;\" loading=\"lazy\"></iframe>"
        );
        assert_eq!(
            link("https://example.org", &state),
            "https://example.org/?island=etorofu&date=2017-01-01"
        );
    }

    #[test]
    fn an_image_is_the_state_at_the_maps_size_within_the_exports_bounds() {
        let (state, _) = parse("date=2016-11-22");
        assert_eq!(
            export_href(&state, "png", 1024, 700),
            "/export.png?date=2016-11-22&w=1024&h=700"
        );
        assert_eq!(
            export_href(&MapState::default(), "svg", 10, 5000),
            format!("/export.svg?w={}&h={}", WIDTHS.start(), HEIGHTS.end())
        );
    }
}
