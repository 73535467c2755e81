//! A map state drawn as a standalone SVG document, for link previews. It uses
//! the same projection, viewport, outlines and scene (land classes, island and
//! group names and their placement) as the app, so the preview shows what the
//! link opens. The server rasterises it (resvg).

use crate::api::DeploymentFeature;
use crate::events::accessible::{deployment_name, event_name};
use crate::events::{Date, PartialDate};
use crate::geodata::LandCollection;
use crate::islands::Islands;
use crate::names;
use crate::permalink::MapState;
use crate::projection::MapPoint;
use crate::scene::{Frame, LandClass, PREVIEW_FONTS, Scene, Symbol, placement, site_point};
use crate::svg::screen_path_data;
use crate::viewport::{DISPUTE_BOUNDS, View};
use std::fmt::Write;

pub const WIDTH: f64 = 1200.0;
pub const HEIGHT: f64 = 630.0;
/// The font family the server ships and registers for previews.
pub const FONT_FAMILY: &str = "DejaVu Sans";
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

/// The records a link can open (`deployment=`, `event=`), as previews
/// name them: every deployment at its site, every event's title and date.
#[derive(Debug, Clone, Default)]
pub struct Records {
    pub sites: Vec<DeploymentFeature>,
    pub events: Vec<EventBrief>,
}

/// What an event's preview names: its title (in both names conventions,
/// and as the data writes it, with `{id}` references) and its date.
#[derive(Debug, Clone, PartialEq)]
pub struct EventBrief {
    pub id: String,
    pub title: String,
    pub title_template: Option<String>,
    pub date: PartialDate,
}

/// What a link's open record adds to its preview: the words that name it
/// and, for a deployment, its symbol to highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub headline: String,
    pub mark: Option<Mark>,
}

/// A deployment's symbol on the preview: where the app draws it (an
/// unpublished site at its island's anchor), and its category's letter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub at: MapPoint,
    pub letter: &'static str,
}

impl Records {
    /// Every deployment at its site (its island's centre when unpublished)
    /// and every event, from the validated data.
    #[cfg(feature = "loader")]
    pub fn from_dataset(data: &crate::events::Dataset) -> Records {
        Records {
            sites: crate::api::DeploymentFeatureCollection::from_dataset(data, None).features,
            events: data
                .events
                .iter()
                .map(|e| EventBrief {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    title_template: e.title_template.clone(),
                    date: e.date,
                })
                .collect(),
        }
    }

    /// The record `state` opens, named as the app names it (a deployment:
    /// unit, island in the link's names, period in words; an event: title
    /// and date in words); `None` when it opens none this data knows.
    pub fn subject(&self, islands: &Islands, scene: &Scene, state: &MapState) -> Option<Subject> {
        if let Some(event) = state
            .event
            .as_deref()
            .and_then(|id| self.event(islands, id, state))
        {
            return Some(event);
        }
        let id = state.deployment.as_deref()?;
        let site = self.sites.iter().find(|s| s.id == id)?;
        let p = &site.properties;
        let island = islands
            .find(&p.island)
            .map_or([p.island.as_str(); 2], |i| i.romaji());
        Some(Subject {
            headline: deployment_name(&p.unit, island, &p.period, state.naming().style),
            mark: Some(Mark {
                at: site_point(site.position(), p.approximate, &p.island, scene),
                letter: p.category.letter(),
            }),
        })
    }

    fn event(&self, islands: &Islands, id: &str, state: &MapState) -> Option<Subject> {
        let event = self.events.iter().find(|e| e.id == id)?;
        // In the link's names when every reference is an island or group;
        // a place's names are not here, so then both conventions.
        let unknown = std::cell::Cell::new(false);
        let title = event.title_template.as_deref().map(|template| {
            names::render(template, state.naming().style, |id| {
                let found = islands.find(id).map(|i| i.romaji());
                unknown.set(unknown.get() || found.is_none());
                found
            })
        });
        let title = title
            .filter(|_| !unknown.get())
            .unwrap_or_else(|| event.title.clone());
        Some(Subject {
            headline: event_name(&title, &event.date),
            mark: None,
        })
    }
}

/// A day in words, as the app's timeline says it: "1 March 1855".
pub fn day_words(date: Date) -> String {
    PartialDate::day(date).words()
}

/// The preview's headline: the open record, else the open island (in the
/// chosen names) and the date in words.
pub fn title(
    land: &LandCollection,
    islands: &Islands,
    subject: Option<&Subject>,
    state: &MapState,
) -> String {
    if let Some(subject) = subject {
        return subject.headline.clone();
    }
    let island = state.island.as_deref().and_then(|id| {
        let drawn = land
            .find(id)
            .map(|f| names::label(&f.properties, state.naming().style));
        // A group (Habomai) is named as its data names it.
        drawn.or_else(|| {
            Some(names::label_of(
                islands.find(id)?.romaji(),
                state.naming().style,
            ))
        })
    });
    match (island, state.date.map(day_words)) {
        (Some(i), Some(d)) => format!("{i}, as of {d}"),
        (Some(i), None) => i,
        (None, Some(d)) => format!("The disputed islands, as of {d}"),
        (None, None) => "The Kuril Islands / Northern Territories dispute".into(),
    }
}

/// An SVG document of `WIDTH`×`HEIGHT` showing `state`'s view of `land`,
/// named as `scene` says (the app names the islands from the overview's
/// scene whatever the outlines' detail: pass the same).
pub fn render_svg(
    land: &LandCollection,
    islands: &Islands,
    scene: &Scene,
    subject: Option<&Subject>,
    state: &MapState,
) -> String {
    let view = state
        .view
        .unwrap_or_else(|| View::fit(DISPUTE_BOUNDS, WIDTH, HEIGHT - 90.0));
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">"##
    );
    let mark = subject.and_then(|s| s.mark);
    draw_map(
        &mut svg,
        land,
        islands,
        scene,
        state,
        mark,
        view,
        (WIDTH, HEIGHT),
    );
    let headline = title(land, islands, subject, state);
    // A banner with the headline (on two lines when long) and the site's name.
    let _ = write!(
        svg,
        r##"<rect x="0" y="{}" width="{WIDTH}" height="80" fill="#ffffff" fill-opacity="0.93"/>"##,
        HEIGHT - 80.0,
    );
    match split_headline(&headline) {
        (first, Some(second)) => {
            let _ = write!(
                svg,
                r##"<text x="28" y="{}" font-family="{FONT_FAMILY}" font-size="24" font-weight="bold" fill="#1d1d1b">{}</text><text x="28" y="{}" font-family="{FONT_FAMILY}" font-size="24" font-weight="bold" fill="#1d1d1b">{}</text>"##,
                HEIGHT - 48.0,
                escape(first),
                HEIGHT - 16.0,
                escape(second),
            );
        }
        (only, None) => {
            let _ = write!(
                svg,
                r##"<text x="28" y="{}" font-family="{FONT_FAMILY}" font-size="34" font-weight="bold" fill="#1d1d1b">{}</text>"##,
                HEIGHT - 28.0,
                escape(only),
            );
        }
    }
    let _ = write!(
        svg,
        r##"<text x="{}" y="{}" font-family="{FONT_FAMILY}" font-size="22" fill="#555555" text-anchor="end">Kuril Atlas</text>"##,
        WIDTH - 28.0,
        HEIGHT - 28.0,
    );
    svg.push_str("</svg>");
    svg
}

/// Characters of a headline that fit the banner at its full size.
const ONE_LINE: usize = 48;

/// A long headline split in two at the comma nearest its middle (at the
/// middle space when it has no comma); a short one whole.
fn split_headline(headline: &str) -> (&str, Option<&str>) {
    if headline.chars().count() <= ONE_LINE {
        return (headline, None);
    }
    let middle = headline.len() / 2;
    let nearest = |sep: &str| {
        headline
            .match_indices(sep)
            .map(|(i, _)| i)
            .min_by_key(|&i| i.abs_diff(middle))
    };
    match (nearest(", "), nearest(" ")) {
        (Some(i), _) => (&headline[..=i], Some(&headline[i + 2..])),
        (None, Some(i)) => (&headline[..i], Some(&headline[i + 1..])),
        (None, None) => (headline, None),
    }
}

/// The open deployment's symbol, highlighted as the app highlights the
/// chosen one: its letter in a circle with a heavy outline, and a halo.
fn draw_mark(svg: &mut String, letter: &str, x: f64, y: f64) {
    let _ = write!(
        svg,
        r##"<g class="chosen-site"><circle cx="{x:.1}" cy="{y:.1}" r="{MARK_HALO_PX}" fill="#ffffff" fill-opacity="0.6"/><circle cx="{x:.1}" cy="{y:.1}" r="19" fill="#1d1d1b" stroke="#ffffff" stroke-width="4"/><text x="{x:.1}" y="{:.1}" font-family="{FONT_FAMILY}" font-size="20" font-weight="bold" text-anchor="middle" fill="#ffffff">{}</text></g>"##,
        y + 7.0,
        escape(letter),
    );
}

/// Radius of the marked symbol's halo, in pixels: names keep clear of it.
const MARK_HALO_PX: f64 = 30.0;

/// The sea, the land, the open deployment's symbol and the island and
/// group names of `view` on a `width`×`height` canvas.
#[allow(clippy::too_many_arguments)]
fn draw_map(
    svg: &mut String,
    land: &LandCollection,
    islands: &Islands,
    scene: &Scene,
    state: &MapState,
    mark: Option<Mark>,
    view: View,
    (width, height): (f64, f64),
) {
    let t = view.transform(width, height);
    svg.push_str(r##"<rect width="100%" height="100%" fill="#dceaf4"/>"##);
    for f in &land.features {
        let selected = state
            .island
            .as_deref()
            .is_some_and(|chosen| islands.selects(chosen, &f.id, f.properties.part_of.as_deref()));
        // Before the 1945 landings the islands were Japan's: drawn as the app draws them then.
        let japanese = state.date.is_some_and(|date| {
            japanese_then(islands, &f.id, f.properties.part_of.as_deref(), date)
        });
        let (fill, line, dashes) = match LandClass::of(f.properties.role, selected) {
            LandClass::Context => ("#d9d3c2", "#8f866e", ""),
            LandClass::Selected => ("#0072b2", "#00304d", ""),
            LandClass::Disputed if japanese => ("#f6e3b4", "#7a4b00", r#" stroke-dasharray="3 2""#),
            LandClass::Disputed => ("#e69f00", "#7a4b00", ""),
        };
        let _ = write!(
            svg,
            r#"<path d="{}" fill="{fill}" stroke="{line}"{dashes} stroke-linejoin="round" fill-rule="evenodd"/>"#,
            screen_path_data(&f.geometry, t, MIN_STEP_PX)
        );
    }
    let frame = Frame {
        transform: t,
        zoom: view.zoom,
        layers: state.layers,
        names: state.naming().style,
        fonts: PREVIEW_FONTS,
        visible: [0.0, 0.0, width, height],
    };
    // The only symbol on the preview image is the open deployment's: names
    // keep clear of it and of each other.
    let symbols: Vec<Symbol> = mark
        .iter()
        .map(|m| Symbol {
            at: m.at,
            offset: (0.0, 0.0),
            radius: MARK_HALO_PX,
        })
        .collect();
    let placed = placement(&scene.labels, &symbols, &frame);
    if let Some(m) = mark {
        let (x, y) = t.apply(m.at);
        draw_mark(svg, m.letter, x, y);
    }
    for (label, at) in scene.labels.iter().zip(placed) {
        let Some(at) = at else { continue };
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-family="{FONT_FAMILY}" font-size="{}" font-weight="bold" text-anchor="{}" fill="#1d1d1b" stroke="#ffffff" stroke-width="4" paint-order="stroke">{}</text>"##,
            at.x,
            at.y,
            frame.fonts.for_kind(label.kind),
            at.align.text_anchor(),
            escape(label.text(state.naming().style))
        );
    }
}

/// Whether land `id` (in group `part_of`) was still Japan's on `date`: before its Soviet landing.
fn japanese_then(islands: &Islands, id: &str, part_of: Option<&str>, date: Date) -> bool {
    let landing = islands
        .soviet_control(id)
        .or_else(|| islands.soviet_control(part_of?));
    landing.is_some_and(|day| date < day)
}

/// How many pieces of `land` were still Japan's on `date` (`None`: today):
/// with the names convention, all that tells first paints apart (the
/// pieces pass to Soviet control in one order), so the server keys its
/// cache of them by it.
pub fn japanese_pieces(land: &LandCollection, islands: &Islands, date: Option<Date>) -> usize {
    let Some(date) = date else { return 0 };
    land.features
        .iter()
        .filter(|f| japanese_then(islands, &f.id, f.properties.part_of.as_deref(), date))
        .count()
}

/// The default view as an inline SVG for `index.html`: the map paints before
/// the app's WebAssembly has loaded, and the app replaces it on start.
/// `meet` keeps the disputed islands in view whatever the screen's shape;
/// names as the link asks.
pub fn prerender_svg(
    land: &LandCollection,
    islands: &Islands,
    scene: &Scene,
    names: names::NameStyle,
    date: Option<Date>,
    (width, height): (f64, f64),
) -> String {
    let view = View::fit(DISPUTE_BOUNDS, width, height);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="prerender-map" viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="Map of the disputed islands (loading)">"##
    );
    let nothing_chosen = MapState {
        names: Some(names),
        date,
        ..MapState::default()
    };
    draw_map(
        &mut svg,
        land,
        islands,
        scene,
        &nothing_chosen,
        None,
        view,
        (width, height),
    );
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::GroupName;

    fn land() -> LandCollection {
        LandCollection::from_json(include_str!("../../geodata/land-0.geojson")).expect("parses")
    }

    fn scene(land: &LandCollection) -> Scene {
        let group = GroupName {
            id: "habomai".into(),
            label: ["Group Both".into(), "Group Ja".into(), "Group Ru".into()],
        };
        Scene::from_land(land, &[group])
    }

    fn at_zoom(zoom: f64) -> MapState {
        let fit = View::fit(DISPUTE_BOUNDS, WIDTH, HEIGHT - 90.0);
        MapState {
            view: Some(View { zoom, ..fit }),
            ..MapState::default()
        }
    }

    #[test]
    fn the_preview_names_a_group_below_islet_zoom_and_its_islets_from_it() {
        let land = land();
        let scene = scene(&land);
        let overview = render_svg(
            &land,
            &crate::islands::committed(),
            &scene,
            None,
            &MapState::default(),
        );
        assert!(
            overview.contains(">Group Both</text>"),
            "the group's name, from the input"
        );
        assert!(overview.contains(">Etorofu / Iturup</text>"));
        assert!(
            !overview.contains(">Shibotsu"),
            "no islet names in the overview"
        );
        // Close in over Habomai: the islets are named, the group is not.
        let habomai = scene.anchor("habomai").expect("anchored");
        let mut close = at_zoom(11.0);
        if let Some(v) = close.view.as_mut() {
            let (lon, lat) = crate::projection::unproject(habomai);
            (v.lon, v.lat) = (lon, lat);
        }
        let close = render_svg(&land, &crate::islands::committed(), &scene, None, &close);
        assert!(!close.contains("Group Both"));
        assert!(close.contains(">Shibotsu"), "islets named from islet zoom");
    }

    #[test]
    fn a_group_preview_is_headed_by_its_name_and_highlights_its_islets() {
        let land = land();
        let islands = crate::islands::committed();
        let state = MapState {
            island: Some("habomai".into()),
            ..MapState::default()
        };
        let svg = render_svg(&land, &islands, &scene(&land), None, &state);
        assert!(
            svg.contains(">Habomai / Khabomai</text>"),
            "the headline names the group"
        );
        // The seven islets and their unnamed satellites are drawn selected.
        let fill = r##"fill="#0072b2""##;
        let highlighted = svg.matches(fill).count();
        let members = land
            .features
            .iter()
            .filter(|f| islands.selects("habomai", &f.id, f.properties.part_of.as_deref()))
            .count();
        assert!(members > 7, "{members}");
        assert_eq!(highlighted, members);
        let alone = render_svg(&land, &islands, &scene(&land), None, &MapState::default());
        assert_eq!(alone.matches(fill).count(), 0);
    }

    #[test]
    fn the_preview_draws_the_names_the_scene_places() {
        let land = land();
        let scene = scene(&land);
        let state = at_zoom(8.0);
        let svg = render_svg(&land, &crate::islands::committed(), &scene, None, &state);
        let view = state.view.expect("set");
        let frame = crate::scene::Frame {
            transform: view.transform(WIDTH, HEIGHT),
            zoom: view.zoom,
            layers: state.layers,
            names: state.naming().style,
            fonts: PREVIEW_FONTS,
            visible: [0.0, 0.0, WIDTH, HEIGHT],
        };
        let placed = placement(&scene.labels, &[], &frame);
        let drawn = placed.iter().filter(|p| p.is_some()).count();
        assert!(drawn >= 4);
        assert_eq!(
            svg.matches("<text").count(),
            drawn + 2,
            "names and the banner's two texts"
        );
        for (label, at) in scene.labels.iter().zip(&placed) {
            if let Some(at) = at {
                let text = format!(r#"<text x="{:.1}" y="{:.1}""#, at.x, at.y);
                assert!(
                    svg.contains(&text),
                    "{} at {text}",
                    label.text(state.naming().style)
                );
            }
        }
    }

    #[test]
    fn an_open_deployment_heads_the_preview_and_its_symbol_is_marked() {
        let land = land();
        let islands = crate::islands::committed();
        let subject = Subject {
            headline: "Bastion coastal missile battalion, 72nd Coastal Missile Brigade, Etorofu / Iturup, since November 2016".into(),
            mark: Some(Mark {
                at: crate::projection::project(147.9, 45.0),
                letter: "M",
            }),
        };
        let state = MapState::default();
        let svg = render_svg(&land, &islands, &scene(&land), Some(&subject), &state);
        assert_eq!(svg.matches(r#"<g class="chosen-site">"#).count(), 1);
        assert!(svg.contains(">M</text></g>"), "the category's letter");
        // Too long for one line: two, split at a comma, nothing lost.
        assert!(
            svg.contains(
                ">Bastion coastal missile battalion, 72nd Coastal Missile Brigade,</text>"
            ) && svg.contains(">Etorofu / Iturup, since November 2016</text>"),
            "{svg}"
        );
        let plain = render_svg(&land, &islands, &scene(&land), None, &state);
        assert!(!plain.contains("chosen-site"));
    }

    #[test]
    fn a_date_heads_the_preview_in_words() {
        let land = land();
        let state = MapState {
            date: "1855-03-01".parse().ok(),
            ..MapState::default()
        };
        let headline = title(&land, &crate::islands::committed(), None, &state);
        assert_eq!(headline, "The disputed islands, as of 1 March 1855");
    }

    #[test]
    fn escaping_makes_markup_and_bidi_overrides_inert() {
        assert_eq!(
            escape("<script>alert('x')</script> & \u{202e}evil"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; evil"
        );
    }
}
