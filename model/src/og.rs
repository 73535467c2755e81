//! A map state drawn as a standalone SVG document, for link previews. It uses
//! the same projection, viewport, outlines and scene (land classes, island and
//! group names and their placement) as the app, so the preview shows what the
//! link opens. The server rasterises it (resvg).

use crate::api::DeploymentFeature;
use crate::events::{Date, PartialDate, Period, Precision};
use crate::geodata::{LandCollection, LandFeature};
use crate::i18n::{Catalogue, Lang};
use crate::islands::Islands;
use crate::names::{self, Forms, NameStyle, Naming};
use crate::permalink::MapState;
use crate::projection::MapPoint;
use crate::scene::{Frame, LandClass, PREVIEW_FONTS, Scene, Symbol, placement, site_point};
use crate::svg::screen_path_data;
use crate::viewport::{DISPUTE_BOUNDS, Rect, Transform, View};
use std::fmt::Write;

pub const WIDTH: f64 = 1200.0;
pub const HEIGHT: f64 = 630.0;
/// The fonts the server ships and registers for previews: DejaVu Sans
/// (Latin and Cyrillic), then Noto Sans CJK JP (the subset of
/// `assets/fonts/`) for Japanese; in the page's first paint the browser
/// finds the same subset as "Kuril Atlas CJK" (assets/style.css).
pub const FONT_FAMILY: &str = "DejaVu Sans, 'Noto Sans CJK JP', 'Kuril Atlas CJK', sans-serif";
/// Outline detail kept in ready-made pictures: about half a pixel.
pub(crate) const MIN_STEP_PX: f64 = 0.5;

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
/// and as the data writes it, with `{id}` references), the language it is
/// written in, and its date.
#[derive(Debug, Clone, PartialEq)]
pub struct EventBrief {
    pub id: String,
    pub title: String,
    pub title_template: Option<String>,
    pub text_lang: Lang,
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
    /// and every event, from the validated data (in one language: see
    /// `Dataset::in_language`).
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
                    text_lang: e.text_lang.parse().unwrap_or_default(),
                    date: e.date,
                })
                .collect(),
        }
    }

    /// The record `state` opens, named as the app names it, in
    /// `catalogue`'s language (a deployment: unit, island in the link's
    /// names, period in words; an event: title and date in words); `None`
    /// when it opens none this data knows.
    pub fn subject(
        &self,
        islands: &Islands,
        scene: &Scene,
        state: &MapState,
        catalogue: &Catalogue,
    ) -> Option<Subject> {
        if let Some(event) = state
            .event
            .as_deref()
            .and_then(|id| self.event(islands, id, state, catalogue))
        {
            return Some(event);
        }
        let id = state.deployment.as_deref()?;
        let site = self.sites.iter().find(|s| s.id == id)?;
        let p = &site.properties;
        let island = islands
            .find(&p.island)
            .map_or_else(|| p.island.clone(), |i| state.naming().label(&i.forms()));
        let headline = catalogue.format(
            "server-headline-deployment",
            &[
                ("unit", p.unit.as_str().into()),
                ("island", island.into()),
                ("period", period_words(catalogue, &p.period).into()),
            ],
        );
        Some(Subject {
            headline,
            mark: Some(Mark {
                at: site_point(site.position(), p.approximate, &p.island, scene),
                letter: p.category.letter(),
            }),
        })
    }

    fn event(
        &self,
        islands: &Islands,
        id: &str,
        state: &MapState,
        catalogue: &Catalogue,
    ) -> Option<Subject> {
        let event = self.events.iter().find(|e| e.id == id)?;
        // In the link's names when every reference is an island or group;
        // a place's names are not here, so then both conventions. Names
        // are in the script of the text's language (English when the
        // title fell back to English).
        let naming = Naming::new(event.text_lang, state.naming().style);
        let forms: Vec<(&str, Forms)> = islands
            .islands
            .iter()
            .chain(&islands.groups)
            .map(|i| (i.id.as_str(), i.forms()))
            .collect();
        let unknown = std::cell::Cell::new(false);
        let title = event.title_template.as_deref().map(|template| {
            naming.render(template, |id| {
                let found = forms.iter().find(|(i, _)| *i == id).map(|(_, f)| f);
                unknown.set(unknown.get() || found.is_none());
                found
            })
        });
        let title = title
            .filter(|_| !unknown.get())
            .unwrap_or_else(|| event.title.clone());
        let headline = catalogue.format(
            "server-headline-event",
            &[
                ("title", title.into()),
                ("date", bound_words(catalogue, &event.date).into()),
            ],
        );
        Some(Subject {
            headline,
            mark: None,
        })
    }
}

/// A date as a label, a bound with its "by": "November 2016", "by August 2023".
fn bound_words(catalogue: &Catalogue, date: &PartialDate) -> String {
    if date.by {
        catalogue.date_in_words(date)
    } else {
        catalogue.date_words(date)
    }
}

/// A deployment's period in words: "since November 2016", "1978 – 1993",
/// "there by December 2020" (`server-period-…`).
pub fn period_words(catalogue: &Catalogue, period: &Period) -> String {
    match (&period.from, &period.until) {
        (from, None) if from.by => catalogue.format(
            "server-period-there-by",
            &[("from", catalogue.date_in_words(from).into())],
        ),
        (from, None) => {
            let precision = match from.precision {
                Precision::Day => "day",
                Precision::Month => "month",
                Precision::Year => "year",
            };
            catalogue.format(
                "server-period-since",
                &[
                    ("precision", precision.into()),
                    ("year", from.start.year.into()),
                    ("month", from.start.month.into()),
                    ("day", from.start.day.into()),
                ],
            )
        }
        (from, Some(until)) => catalogue.format(
            "server-period-span",
            &[
                ("from", bound_words(catalogue, from).into()),
                ("until", bound_words(catalogue, until).into()),
            ],
        ),
    }
}

/// An island or group named as `naming` names it: the islands data's
/// forms, else the outline's own names (land not in the islands data).
pub fn island_label(
    land: &LandCollection,
    islands: &Islands,
    id: &str,
    naming: Naming,
) -> Option<String> {
    let forms = islands
        .find(id)
        .map(|i| i.forms())
        .or_else(|| land.find(id).map(|f| Forms::of_land(&f.properties)))?;
    Some(naming.label(&forms))
}

/// `scene` with its island and group names in `lang`'s script (a scene
/// names in Latin letters): each name is the island's or group's whose
/// anchor it is placed at.
pub fn scene_in(scene: &Scene, land: &LandCollection, islands: &Islands, lang: Lang) -> Scene {
    let mut out = scene.clone();
    if lang == Lang::En {
        return out;
    }
    let styles = [NameStyle::Both, NameStyle::Japanese, NameStyle::Russian];
    for label in &mut out.labels {
        let id = scene.anchors.iter().find(|(_, at)| *at == label.at);
        if let Some((id, _)) = id {
            let named = styles.map(|s| island_label(land, islands, id, Naming::new(lang, s)));
            if let [Some(both), Some(ja), Some(ru)] = named {
                label.text = [both, ja, ru];
            }
        }
    }
    out
}

/// The preview's headline in `catalogue`'s language: the open record,
/// else the open island (in the link's names) and the date in words.
pub fn title(
    land: &LandCollection,
    islands: &Islands,
    subject: Option<&Subject>,
    state: &MapState,
    catalogue: &Catalogue,
) -> String {
    if let Some(subject) = subject {
        return subject.headline.clone();
    }
    // A comparison, as its list of changes and its figure are titled.
    if let (Some(from), Some(to)) = (state.compare, state.date) {
        let day = |d| catalogue.day_words(d).into();
        return catalogue.format("compare-title", &[("from", day(from)), ("to", day(to))]);
    }
    let island = state
        .island
        .as_deref()
        .and_then(|id| island_label(land, islands, id, state.naming()));
    let date = state.date.map(|d| catalogue.day_words(d));
    match (island, date) {
        (Some(i), Some(d)) => catalogue.format(
            "server-headline-island-date",
            &[("island", i.into()), ("date", d.into())],
        ),
        (Some(i), None) => i,
        (None, Some(d)) => catalogue.format("server-headline-date", &[("date", d.into())]),
        (None, None) => catalogue.text("server-headline-dispute"),
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
    catalogue: &Catalogue,
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
    let headline = title(land, islands, subject, state, catalogue);
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
        r##"<text x="{}" y="{}" font-family="{FONT_FAMILY}" font-size="22" fill="#555555" text-anchor="end">{}</text>"##,
        WIDTH - 28.0,
        HEIGHT - 28.0,
        escape(&catalogue.text("server-site-name")),
    );
    svg.push_str("</svg>");
    svg
}

/// Characters of a headline that fit the banner at its full size.
const ONE_LINE: usize = 48;

/// A long headline split in two at the comma nearest its middle (at the
/// middle space when it has none; Japanese at its nearest 、 or （, else
/// at its middle); a short one whole. Japanese characters count as two.
fn split_headline(headline: &str) -> (&str, Option<&str>) {
    let width = |text: &str| -> usize {
        text.chars()
            .map(|c| if names::is_cjk(c) { 2 } else { 1 })
            .sum()
    };
    if width(headline) <= ONE_LINE {
        return (headline, None);
    }
    let middle = headline.len() / 2;
    // Where the first line ends and the second begins, for each break.
    let breaks = |sep: &str, keep: bool| -> Vec<(usize, usize)> {
        headline
            .match_indices(sep)
            .map(|(i, _)| {
                let end = if keep { i + sep.trim_end().len() } else { i };
                (end, i + sep.len())
            })
            .collect()
    };
    let nearest = |candidates: Vec<(usize, usize)>| {
        candidates
            .into_iter()
            .filter(|&(end, start)| end > 0 && start < headline.len())
            .min_by_key(|&(end, _)| end.abs_diff(middle))
    };
    let mut commas = breaks(", ", true);
    commas.extend(breaks("、", true));
    let mut spaces = breaks(" ", false);
    spaces.extend(breaks("（", false).into_iter().map(|(i, _)| (i, i)));
    let at_middle = headline
        .char_indices()
        .map(|(i, _)| (i, i))
        .filter(|&(i, _)| i > 0)
        .min_by_key(|&(i, _)| i.abs_diff(middle));
    match nearest(commas).or_else(|| nearest(spaces)).or(at_middle) {
        Some((end, start)) => (&headline[..end], Some(&headline[start..])),
        None => (headline, None),
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
    draw_land(svg, land, islands, state, t, (width, height));
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
    if let Some(m) = mark {
        let (x, y) = t.apply(m.at);
        draw_mark(svg, m.letter, x, y);
    }
    draw_names(svg, scene, state, &symbols, view, (width, height));
}

/// The kinds of land [`draw_land`] drew, for a legend.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LandDrawn {
    pub context: bool,
    pub disputed: bool,
    /// Disputed land still Japan's on the date (before the 1945 landings).
    pub japanese: bool,
    pub selected: bool,
}

/// Whether any of `f` may show on a `width`×`height` canvas through `t`
/// (its longitude/latitude box, projected): the map area reaches Kamchatka,
/// and a picture of the disputed islands need not carry its outline.
fn on_canvas(f: &LandFeature, t: crate::viewport::Transform, (width, height): (f64, f64)) -> bool {
    let (mut west, mut south, mut east, mut north) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for [lon, lat] in f.geometry.polygons().iter().flatten().flatten() {
        west = west.min(*lon);
        east = east.max(*lon);
        south = south.min(*lat);
        north = north.max(*lat);
    }
    let (left, top) = t.apply(crate::projection::project(west, north));
    let (right, bottom) = t.apply(crate::projection::project(east, south));
    right >= 0.0 && left <= width && bottom >= 0.0 && top <= height
}

/// The sea and the land of `state` (its selection, its date) through `t`
/// on a canvas of `size`; land wholly off the canvas is left out.
pub(crate) fn draw_land(
    svg: &mut String,
    land: &LandCollection,
    islands: &Islands,
    state: &MapState,
    t: crate::viewport::Transform,
    size: (f64, f64),
) -> LandDrawn {
    let mut drawn = LandDrawn::default();
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
            LandClass::Context => {
                drawn.context = true;
                ("#d9d3c2", "#8f866e", "")
            }
            LandClass::Selected => {
                drawn.selected = true;
                ("#0072b2", "#00304d", "")
            }
            LandClass::Disputed if japanese => {
                drawn.japanese = true;
                ("#f6e3b4", "#7a4b00", r#" stroke-dasharray="3 2""#)
            }
            LandClass::Disputed => {
                drawn.disputed = true;
                ("#e69f00", "#7a4b00", "")
            }
        };
        if !on_canvas(f, t, size) {
            continue;
        }
        let _ = write!(
            svg,
            r#"<path d="{}" fill="{fill}" stroke="{line}"{dashes} stroke-linejoin="round" fill-rule="evenodd"/>"#,
            screen_path_data(&f.geometry, t, MIN_STEP_PX)
        );
    }
    drawn
}

/// The island and group names `scene` places in `view`, clear of `symbols`.
pub(crate) fn draw_names(
    svg: &mut String,
    scene: &Scene,
    state: &MapState,
    symbols: &[Symbol],
    view: View,
    (width, height): (f64, f64),
) {
    let frame = Frame {
        transform: view.transform(width, height),
        zoom: view.zoom,
        layers: state.layers,
        names: state.naming().style,
        fonts: PREVIEW_FONTS,
        visible: [0.0, 0.0, width, height],
    };
    let placed = placement(&scene.labels, symbols, &frame);
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

/// The size the page's first paint is drawn at (its `viewBox`); the
/// browser scales it to the screen (`meet`).
pub const PRERENDER_SIZE: (f64, f64) = (1280.0, 740.0);

/// The view that puts the app's map exactly where the first paint
/// ([`prerender_svg`] at [`PRERENDER_SIZE`]) shows the land now: `paint` is
/// the first paint's `<svg>` on screen (moved by the reader's drag), `map`
/// the app's map, both in the page's pixels. The reader who dragged the first
/// paint keeps that view: the map does not jump when the app takes over.
/// `None` for a picture with no area.
pub fn prerender_view(paint: Rect, map: Rect) -> Option<View> {
    let (w0, h0) = PRERENDER_SIZE;
    let drawn = View::fit(DISPUTE_BOUNDS, w0, h0).transform(w0, h0);
    let [left, top, right, bottom] = paint;
    let (w, h) = (right - left, bottom - top);
    // `preserveAspectRatio="xMidYMid meet"`: scaled to fit, centred.
    let s = (w / w0).min(h / h0);
    if !(s.is_finite() && s > 0.0) {
        return None;
    }
    let x = left + (w - w0 * s) / 2.0 - map[0];
    let y = top + (h - h0 * s) / 2.0 - map[1];
    let shown = Transform {
        tx: x + s * drawn.tx,
        ty: y + s * drawn.ty,
        scale: s * drawn.scale,
    };
    Some(View::drawn_by(shown, map[2] - map[0], map[3] - map[1]))
}

/// The default view as an inline SVG for `index.html`: the map paints before
/// the app's WebAssembly has loaded, and the app replaces it on start.
/// `meet` keeps the disputed islands in view whatever the screen's shape;
/// names as the link asks.
/// `scene` names in `catalogue`'s language (see [`scene_in`]).
pub fn prerender_svg(
    land: &LandCollection,
    islands: &Islands,
    scene: &Scene,
    names: NameStyle,
    date: Option<Date>,
    (width, height): (f64, f64),
    catalogue: &Catalogue,
) -> String {
    let view = View::fit(DISPUTE_BOUNDS, width, height);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="prerender-map" viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{}">"##,
        escape(&catalogue.text("server-map-loading"))
    );
    let nothing_chosen = MapState {
        names: Some(names),
        lang: Some(catalogue.lang()),
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

    fn en() -> Catalogue {
        crate::i18n::committed(Lang::En)
    }

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
            &en(),
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
        let close = render_svg(
            &land,
            &crate::islands::committed(),
            &scene,
            None,
            &close,
            &en(),
        );
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
        let svg = render_svg(&land, &islands, &scene(&land), None, &state, &en());
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
        let alone = render_svg(
            &land,
            &islands,
            &scene(&land),
            None,
            &MapState::default(),
            &en(),
        );
        assert_eq!(alone.matches(fill).count(), 0);
    }

    #[test]
    fn the_preview_draws_the_names_the_scene_places() {
        let land = land();
        let scene = scene(&land);
        let state = at_zoom(8.0);
        let svg = render_svg(
            &land,
            &crate::islands::committed(),
            &scene,
            None,
            &state,
            &en(),
        );
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
        let svg = render_svg(
            &land,
            &islands,
            &scene(&land),
            Some(&subject),
            &state,
            &en(),
        );
        assert_eq!(svg.matches(r#"<g class="chosen-site">"#).count(), 1);
        assert!(svg.contains(">M</text></g>"), "the category's letter");
        // Too long for one line: two, split at a comma, nothing lost.
        assert!(
            svg.contains(
                ">Bastion coastal missile battalion, 72nd Coastal Missile Brigade,</text>"
            ) && svg.contains(">Etorofu / Iturup, since November 2016</text>"),
            "{svg}"
        );
        let plain = render_svg(&land, &islands, &scene(&land), None, &state, &en());
        assert!(!plain.contains("chosen-site"));
    }

    #[test]
    fn a_date_heads_the_preview_in_words() {
        let land = land();
        let state = MapState {
            date: "1855-03-01".parse().ok(),
            ..MapState::default()
        };
        let headline = title(&land, &crate::islands::committed(), None, &state, &en());
        assert_eq!(headline, "The disputed islands, as of 1 March 1855");
    }

    #[test]
    fn a_comparison_heads_the_preview_with_both_days() {
        let land = land();
        let state = MapState {
            date: "2017-01-01".parse().ok(),
            compare: "2015-01-01".parse().ok(),
            island: Some("etorofu".into()),
            ..MapState::default()
        };
        let islands = crate::islands::committed();
        let headline = title(&land, &islands, None, &state, &en());
        assert_eq!(
            headline,
            "Changes between 1 January 2015 and 1 January 2017"
        );
        let ru = crate::i18n::committed(Lang::Ru);
        let headline = title(&land, &islands, None, &state, &ru);
        assert_eq!(headline, "Изменения с 1 января 2015 г. по 1 января 2017 г.");
    }

    #[test]
    fn a_japanese_link_previews_in_japanese_with_japanese_names() {
        let land = land();
        let islands = crate::islands::committed();
        let ja = crate::i18n::committed(Lang::Ja);
        let scene = scene_in(&scene(&land), &land, &islands, Lang::Ja);
        let state = MapState {
            lang: Some(Lang::Ja),
            island: Some("etorofu".into()),
            date: "1855-03-01".parse().ok(),
            ..MapState::default()
        };
        let svg = render_svg(&land, &islands, &scene, None, &state, &ja);
        assert!(svg.contains(">択捉島（1855年3月1日時点）</text>"), "{svg}");
        assert!(
            svg.contains(">国後島</text>"),
            "the map's names in Japanese script"
        );
        assert!(!svg.contains("Kunashiri"));
        let ru = crate::i18n::committed(Lang::Ru);
        let state = MapState {
            lang: Some(Lang::Ru),
            date: "1855-03-01".parse().ok(),
            ..MapState::default()
        };
        let scene = scene_in(&scene_for_ru(&land), &land, &islands, Lang::Ru);
        assert_eq!(
            title(&land, &islands, None, &state, &ru),
            "Спорные острова на 1 марта 1855 г."
        );
        let svg = render_svg(&land, &islands, &scene, None, &state, &ru);
        assert!(svg.contains(">Кунашир</text>"), "Russian names in Cyrillic");
    }

    fn scene_for_ru(land: &LandCollection) -> Scene {
        Scene::from_land(
            land,
            &crate::scene::group_names(&crate::islands::committed()),
        )
    }

    #[test]
    fn periods_read_naturally_in_each_language() {
        let period = |from: &str, until: Option<&str>| Period {
            from: from.parse().expect("date"),
            until: until.map(|u| u.parse().expect("date")),
        };
        let words = |lang, p: &Period| period_words(&crate::i18n::committed(lang), p);
        let since = period("2016-11", None);
        assert_eq!(words(Lang::En, &since), "since November 2016");
        assert_eq!(words(Lang::Ja, &since), "2016年11月から");
        assert_eq!(words(Lang::Ru, &since), "с ноября 2016 г.");
        let day = period("2018-08-03", None);
        assert_eq!(words(Lang::Ru, &day), "с 3 августа 2018 г.");
        let bound = period("by 2020-12", None);
        assert_eq!(words(Lang::En, &bound), "there by December 2020");
        assert_eq!(words(Lang::Ja, &bound), "2020年12月までに配備");
        let span = period("1978", Some("1993"));
        assert_eq!(words(Lang::En, &span), "1978 – 1993");
        assert_eq!(words(Lang::Ja, &span), "1978年～1993年");
    }

    #[test]
    fn a_long_japanese_headline_splits_at_a_comma_and_counts_wide() {
        let headline =
            "地対艦ミサイル「バスチオン」大隊、第72沿岸ミサイル旅団、択捉島、2016年11月から";
        let (first, second) = split_headline(headline);
        let second = second.expect("too wide for one line");
        assert_eq!(format!("{first}{second}"), headline);
        assert!(first.ends_with('、'), "{first}");
        assert_eq!(split_headline("短い見出し"), ("短い見出し", None));
    }

    #[test]
    fn escaping_makes_markup_and_bidi_overrides_inert() {
        assert_eq!(
            escape("<script>alert('x')</script> & \u{202e}evil"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; evil"
        );
    }

    /// Where a map point shows on the first paint's `<svg>` at `paint`.
    fn on_paint(paint: Rect, p: MapPoint) -> (f64, f64) {
        let (w0, h0) = PRERENDER_SIZE;
        let drawn = View::fit(DISPUTE_BOUNDS, w0, h0).transform(w0, h0);
        let (w, h) = (paint[2] - paint[0], paint[3] - paint[1]);
        let s = (w / w0).min(h / h0);
        let (x, y) = drawn.apply(p);
        (
            paint[0] + (w - w0 * s) / 2.0 + s * x,
            paint[1] + (h - h0 * s) / 2.0 + s * y,
        )
    }

    #[test]
    fn the_app_takes_over_the_first_paint_where_the_reader_dragged_it() {
        // A phone (fitted by width, sea above and below) and a desktop, each
        // dragged, under the app's map, which starts below its masthead.
        for (paint, map) in [
            ([30.0, 38.0, 420.0, 832.0], [0.0, 64.0, 390.0, 844.0]),
            ([-200.0, 90.0, 1080.0, 850.0], [0.0, 72.0, 1280.0, 800.0]),
        ] {
            let view = prerender_view(paint, map).expect("a view");
            let app = view.transform(map[2] - map[0], map[3] - map[1]);
            // The disputed islands' corners and Etorofu's middle stay put.
            for (lon, lat) in [(145.3, 43.2), (149.0, 45.6), (147.9, 45.0)] {
                let p = crate::projection::project(lon, lat);
                let (x, y) = on_paint(paint, p);
                let (ax, ay) = app.apply(p);
                assert!(
                    (ax + map[0] - x).abs() < 1e-6 && (ay + map[1] - y).abs() < 1e-6,
                    "{lon},{lat}: first paint at {x},{y}, app at {},{}",
                    ax + map[0],
                    ay + map[1]
                );
            }
        }
    }

    #[test]
    fn a_first_paint_at_its_own_size_is_the_fitted_view_and_one_of_no_size_is_none() {
        let (w, h) = PRERENDER_SIZE;
        let view = prerender_view([0.0, 0.0, w, h], [0.0, 0.0, w, h]).expect("a view");
        let fit = View::fit(DISPUTE_BOUNDS, w, h);
        assert!((view.zoom - fit.zoom).abs() < 1e-9, "{view:?} {fit:?}");
        assert!((view.lat - fit.lat).abs() < 1e-9 && (view.lon - fit.lon).abs() < 1e-9);
        assert_eq!(
            prerender_view([10.0, 10.0, 10.0, 500.0], [0.0, 0.0, w, h]),
            None
        );
    }
}
