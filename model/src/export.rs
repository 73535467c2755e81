//! A map state as a print figure (`/export.svg`, `/export.png`): the map
//! at the reader's size, drawn by `og`'s land and names over the same
//! `scene` and `viewport` as the app and og.png, with the deployments in
//! place on the date laid out as the app lays them out, under a title and
//! the date in words, over a legend of exactly the symbols drawn, with a
//! scale bar, the attribution and the permalink. The same input gives the
//! same bytes.

use std::fmt::Write;

mod changes;
pub use changes::Comparison;

use crate::api::DeploymentFeature;
use crate::events::{ChangeKind, Date, DeploymentCategory, Event, recent_events};
use crate::geodata::LandCollection;
use crate::i18n::{Catalogue, Lang};
use crate::islands::Islands;
use crate::marks::{LineMark, Overlays};
use crate::names;
use crate::og::{self, FONT_FAMILY, LandDrawn, Subject, draw_land, draw_names, escape};
use crate::permalink::{Layer, MapState, percent_decode};
use crate::projection::{metres_per_unit, project};
use crate::scene::{
    SITE_RADIUS_PX, Scene, Symbol, event_point, event_symbol, place_names, resolve, site_symbols,
};
use crate::viewport::{DISPUTE_BOUNDS, Transform, View, scale_bar};

/// The map's size when the link says none, in CSS pixels.
pub const DEFAULT_SIZE: (u32, u32) = (1200, 800);
/// The smallest and largest map, in CSS pixels (the PNG is twice as large).
pub const WIDTHS: std::ops::RangeInclusive<u32> = 480..=1600;
pub const HEIGHTS: std::ops::RangeInclusive<u32> = 320..=1200;
/// The PNG's pixels per CSS pixel: print resolution.
pub const PNG_SCALE: f32 = 2.0;

/// Why `w` or `h` was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SizeError {
    #[error("`{value}` is not a whole number of CSS pixels from {min} to {max}")]
    Bad {
        name: &'static str,
        value: String,
        min: u32,
        max: u32,
    },
    #[error("given more than once")]
    Repeated { name: &'static str },
}

impl SizeError {
    /// The parameter at fault.
    pub fn name(&self) -> &'static str {
        match self {
            SizeError::Bad { name, .. } | SizeError::Repeated { name } => name,
        }
    }
}

/// The map's size from a link's `w` and `h` (other parameters are the
/// permalink's): each a whole number within [`WIDTHS`] / [`HEIGHTS`],
/// [`DEFAULT_SIZE`] where absent.
pub fn size(query: &str) -> Result<(u32, u32), SizeError> {
    let mut out = [None, None];
    let bounds = [("w", WIDTHS), ("h", HEIGHTS)];
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(i) = bounds.iter().position(|(n, _)| *n == name) else {
            continue;
        };
        let (name, range) = (bounds[i].0, bounds[i].1.clone());
        if out[i].is_some() {
            return Err(SizeError::Repeated { name });
        }
        let value = percent_decode(value);
        let parsed = value
            .parse::<u32>()
            .ok()
            .filter(|n| range.contains(n) && !value.starts_with('+'));
        out[i] = Some(parsed.ok_or_else(|| SizeError::Bad {
            name,
            value: value.chars().take(40).collect(),
            min: *range.start(),
            max: *range.end(),
        })?);
    }
    Ok((
        out[0].unwrap_or(DEFAULT_SIZE.0),
        out[1].unwrap_or(DEFAULT_SIZE.1),
    ))
}

/// What a figure shows: the data, the state and its words.
#[derive(Debug, Clone, Copy)]
pub struct Figure<'a> {
    pub land: &'a LandCollection,
    pub islands: &'a Islands,
    /// Named in the link's language (`og::scene_in`).
    pub scene: &'a Scene,
    /// The deployments in place on `date`, at their sites.
    pub sites: &'a [DeploymentFeature],
    /// The places and lines (drawn as their layers say: lines in force on `date`).
    pub overlays: &'a Overlays,
    /// Every event: those of the year up to `date` are marked, as in the app.
    pub events: &'a [Event],
    /// The record the link opens, as og.png names and marks it.
    pub subject: Option<&'a Subject>,
    /// The comparison the link asks for (`compare=`), marked as the app
    /// marks it and named in the title.
    pub comparison: Option<Comparison<'a>>,
    pub state: &'a MapState,
    pub catalogue: &'a Catalogue,
    /// The map's date: the link's, else the day it is drawn.
    pub date: Date,
    /// The permalink, absolute, printed under the map.
    pub link: &'a str,
    /// The data revision the figure was drawn from (`/api/meta`), printed
    /// beside the permalink so a figure can be traced to its data.
    pub revision: &'a str,
    /// The map's size in CSS pixels.
    pub size: (u32, u32),
}

/// A legend entry: what is drawn, and its words' message.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry<'a> {
    Land(&'static str, &'static str, bool, &'static str),
    Line(&'a LineMark),
    Place,
    Event,
    Site(DeploymentCategory),
    Approximate,
    Chosen,
    Change(ChangeKind),
}

const PAD: f64 = 24.0;
const HEADER: f64 = 84.0;
const LEGEND_FONT: f64 = 13.0;
const ROW: f64 = 24.0;

/// The fill and letter colour of a category's symbol (as `assets/style.css`'s `.cat-…`).
fn category_colours(c: DeploymentCategory) -> (&'static str, &'static str) {
    match c {
        DeploymentCategory::CoastalMissile => ("#D55E00", "#ffffff"),
        DeploymentCategory::AirDefence => ("#0072B2", "#ffffff"),
        DeploymentCategory::Aircraft => ("#56B4E9", "#000000"),
        DeploymentCategory::GroundForces => ("#009E73", "#ffffff"),
        DeploymentCategory::BorderGuard => ("#CC79A7", "#ffffff"),
        DeploymentCategory::Infrastructure => ("#555555", "#ffffff"),
    }
}

/// Roughly how wide `text` is at `font` pixels (DejaVu Sans Bold; a
/// Japanese character as two).
fn text_width(text: &str, font: f64) -> f64 {
    names::width(text) as f64 * font * 0.64
}

/// `text` broken into lines no wider than `max` at `font`: at spaces,
/// else (Japanese, addresses) anywhere.
fn wrap(text: &str, font: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_inclusive(' ') {
        let last = lines
            .last_mut()
            .map(|l| format!("{l}{word}"))
            .unwrap_or_default();
        if text_width(last.trim_end(), font) <= max {
            if let Some(l) = lines.last_mut() {
                *l = last;
            }
            continue;
        }
        if !lines.last().is_some_and(|l| l.is_empty()) {
            lines.push(String::new());
        }
        for c in word.chars() {
            let longer = lines.last().map(|l| format!("{l}{c}")).unwrap_or_default();
            if text_width(longer.trim_end(), font) > max
                && lines.last().is_some_and(|l| !l.is_empty())
            {
                lines.push(c.to_string());
            } else if let Some(l) = lines.last_mut() {
                l.push(c);
            }
        }
    }
    lines
        .into_iter()
        .map(|l| l.trim_end().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn text_line(svg: &mut String, x: f64, y: f64, font: f64, fill: &str, text: &str) {
    let _ = write!(
        svg,
        r##"<text x="{x:.1}" y="{y:.1}" font-family="{FONT_FAMILY}" font-size="{font}" font-weight="bold" fill="{fill}">{}</text>"##,
        escape(text)
    );
}

/// Lines of `text` from `y` down, `step` apart; the `y` after the last.
fn text_block(
    svg: &mut String,
    y: f64,
    font: f64,
    step: f64,
    fill: &str,
    text: &str,
    max: f64,
) -> f64 {
    let mut y = y;
    for line in wrap(text, font, max) {
        text_line(svg, PAD, y, font, fill, &line);
        y += step;
    }
    y
}

/// The figure as a standalone SVG document.
pub fn render_svg(f: &Figure) -> String {
    render_layers(f).svg()
}

/// The figure in the three layers it is drawn in: the page up to the map
/// (background, title), the map, and the page over it (the frame, legend,
/// attribution). Joined, they are [`render_svg`]'s document, where the map
/// is a nested `<svg>` that clips it to its frame. Drawn one by one, each
/// as its own document, the map is clipped by its own canvas instead: a
/// rasteriser then needs no layer for the clip, whose size is the map's
/// content (land far beyond the frame; resvg allows up to 25 times the
/// canvas), which made most of an export PNG's drawing time (bench/README.md,
/// "Export PNG").
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    /// The whole figure's width and height, in CSS pixels.
    pub size: (f64, f64),
    /// The map's top-left corner on the page, and its width and height.
    pub map_at: (f64, f64),
    pub map_size: (f64, f64),
    /// The page up to the map, the map, and the page over the map: each
    /// the inside of its document (see [`Layers::document`]).
    pub before: String,
    pub map: String,
    pub after: String,
}

impl Layers {
    /// The one document: the map nested where it belongs, clipped to it.
    pub fn svg(&self) -> String {
        let ((x, y), (mw, mh)) = (self.map_at, self.map_size);
        let inside = format!(
            r#"{}<svg x="{x}" y="{y}" width="{mw}" height="{mh}" viewBox="0 0 {mw} {mh}">{}</svg>{}"#,
            self.before, self.map, self.after
        );
        Self::document(self.size, &inside)
    }

    /// `inside` as a standalone document `size` CSS pixels large; the map
    /// is `Layers::document(layers.map_size, &layers.map)`, the pages
    /// `Layers::document(layers.size, &layers.before)` and `…after`.
    pub fn document((w, h): (f64, f64), inside: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">{inside}</svg>"#
        )
    }
}

/// [`render_svg`]'s figure, as its layers.
pub fn render_layers(f: &Figure) -> Layers {
    let (w, h) = (f64::from(f.size.0), f64::from(f.size.1));
    let c = f.catalogue;
    let view = f
        .state
        .view
        .unwrap_or_else(|| View::fit(DISPUTE_BOUNDS, w, h));
    let mut map = String::new();
    let (land, entries) = draw_figure_map(&mut map, f, view, (w, h));
    let mut legend = vec![];
    let classes = [
        (
            land.disputed,
            Entry::Land("#e69f00", "#7a4b00", false, "export-legend-disputed"),
        ),
        (
            land.japanese,
            Entry::Land("#f6e3b4", "#7a4b00", true, "export-legend-japanese"),
        ),
        (
            land.selected,
            Entry::Land("#0072b2", "#00304d", false, "export-legend-selected"),
        ),
        (
            land.context,
            Entry::Land("#d9d3c2", "#8f866e", false, "export-legend-context"),
        ),
    ];
    legend.extend(classes.into_iter().filter(|(on, _)| *on).map(|(_, e)| e));
    legend.extend(entries);
    // The footer: legend rows, then the attribution and the permalink.
    let mut footer = String::new();
    let mut y = HEADER + h + 26.0;
    let (mut x, max_x) = (PAD, w - PAD);
    footer.push_str(r#"<g class="legend">"#);
    for entry in &legend {
        let words = entry_words(*entry, f);
        let width = 24.0 + text_width(&words, LEGEND_FONT) + 18.0;
        if x > PAD && x + width > max_x {
            (x, y) = (PAD, y + ROW);
        }
        draw_entry(&mut footer, *entry, x, y, &words);
        x += width;
    }
    footer.push_str("</g>");
    y += ROW + 6.0;
    let attribution = c.text("export-attribution");
    y = text_block(
        &mut footer,
        y,
        12.0,
        17.0,
        "#333333",
        &attribution,
        w - 2.0 * PAD,
    );
    let revision = c.format("cite-footer", &[("revision", f.revision.into())]);
    let link = format!(
        "{} · {revision}",
        c.format("export-permalink", &[("link", f.link.into())])
    );
    y = text_block(&mut footer, y, 12.0, 17.0, "#0057a0", &link, w - 2.0 * PAD);
    let total = (y + 4.0).ceil();
    let mut before = String::from(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    header(&mut before, f, w);
    let mut after = format!(
        r##"<rect x="0.5" y="{}" width="{}" height="{}" fill="none" stroke="#8f866e"/>"##,
        HEADER + 0.5,
        w - 1.0,
        h - 1.0,
    );
    after.push_str(&footer);
    Layers {
        size: (w, total),
        map_at: (0.0, HEADER),
        map_size: (w, h),
        before,
        map,
        after,
    }
}

/// The title (the record or island and the date, as og.png's) and under
/// it the date in words with who held the islands and the names convention.
fn header(svg: &mut String, f: &Figure, w: f64) {
    // A record's headline first, as og.png; else what is compared.
    let title = match (f.subject, f.comparison) {
        (None, Some(cmp)) => cmp.title(f.catalogue),
        _ => og::title(f.land, f.islands, f.subject, f.state, f.catalogue),
    };
    let room = w - 2.0 * PAD;
    let font = (room / text_width(&title, 1.0)).clamp(12.0, 26.0);
    let lines = wrap(&title, font, room);
    let title_font = if lines.len() > 1 {
        (font * 0.8).max(12.0)
    } else {
        font
    };
    for (i, line) in wrap(&title, title_font, room).iter().take(2).enumerate() {
        text_line(
            svg,
            PAD,
            32.0 + i as f64 * (title_font + 2.0),
            title_font,
            "#1d1d1b",
            line,
        );
    }
    let note = f
        .islands
        .masthead_note(f.state.naming().style, Some(f.date), f.catalogue);
    let date = f.catalogue.format(
        "export-as-of",
        &[
            ("date", f.catalogue.day_words(f.date).into()),
            ("note", note.into()),
        ],
    );
    let font = (room / text_width(&date, 1.0)).clamp(9.0, 14.0);
    text_line(svg, PAD, HEADER - 12.0, font, "#444444", &date);
}

fn entry_words(entry: Entry, f: &Figure) -> String {
    let c = f.catalogue;
    match entry {
        Entry::Land(.., key) => c.text(key),
        Entry::Line(line) => match c.lang() {
            Lang::En => line.name_en.clone(),
            Lang::Ja => line.name_ja.clone(),
            Lang::Ru => line.name_ru.clone(),
        },
        Entry::Place => c.text("export-legend-place"),
        Entry::Event => c.text("shell-legend-event"),
        Entry::Site(category) => category.label(c),
        Entry::Approximate => c.text("export-legend-approximate"),
        Entry::Chosen => c.text("export-legend-chosen"),
        Entry::Change(kind) => f
            .comparison
            .map(|cmp| cmp.key_words(kind, c))
            .unwrap_or_default(),
    }
}

fn draw_entry(svg: &mut String, entry: Entry, x: f64, y: f64, words: &str) {
    let _ = write!(svg, r#"<g class="legend-entry">"#);
    let (cx, cy) = (x + 9.0, y - 4.5);
    match entry {
        Entry::Land(fill, line, dashed, _) => {
            let dashes = if dashed {
                r#" stroke-dasharray="3 2""#
            } else {
                ""
            };
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{}" width="18" height="12" fill="{fill}" stroke="{line}"{dashes}/>"#,
                y - 10.5
            );
        }
        Entry::Line(line) => {
            let dashes = if line.schematic {
                r#" stroke-dasharray="8 5""#
            } else {
                ""
            };
            let _ = write!(
                svg,
                r##"<path d="M{x} {cy}h18" stroke="{LINE_COLOUR}" stroke-width="2"{dashes}/>"##
            );
        }
        Entry::Place => place_dot(svg, cx, cy),
        Entry::Event => event_marker(svg, cx, cy, 5.0),
        Entry::Site(category) => legend_site(svg, category, cx, cy),
        Entry::Approximate => {
            let _ = write!(
                svg,
                r##"<circle cx="{cx}" cy="{cy}" r="8" fill="#ffffff" stroke="#1d1d1b" stroke-width="2" stroke-dasharray="3 2"/>"##
            );
        }
        Entry::Chosen => {
            let _ = write!(
                svg,
                r##"<circle cx="{cx}" cy="{cy}" r="8" fill="#ffffff" stroke="#000000" stroke-width="3"/>"##
            );
        }
        Entry::Change(kind) => changes::change_mark(svg, kind, (cx, cy), 0.6, ""),
    }
    text_line(svg, x + 24.0, y, LEGEND_FONT, "#1d1d1b", words);
    svg.push_str("</g>");
}

/// Treaty and claim lines' colour (as `assets/style.css`'s `.treaty-line`).
const LINE_COLOUR: &str = "#5a2d82";

/// An event's diamond (as `.event-marker rect`).
fn event_marker(svg: &mut String, x: f64, y: f64, half: f64) {
    let _ = write!(
        svg,
        r##"<rect class="event" x="{:.1}" y="{:.1}" width="{}" height="{}" transform="rotate(45 {x:.1} {y:.1})" fill="#ffffff" stroke="{LINE_COLOUR}" stroke-width="2"/>"##,
        x - half,
        y - half,
        2.0 * half,
        2.0 * half,
    );
}

/// A place's dot (as `.place circle`).
fn place_dot(svg: &mut String, x: f64, y: f64) {
    let _ = write!(
        svg,
        r##"<circle class="place" cx="{x:.1}" cy="{y:.1}" r="3.5" fill="#1d1d1b" stroke="#ffffff" stroke-width="1.5"/>"##
    );
}

/// The lines in force on the date and the places' dots, as their layers
/// say; their legend entries.
fn draw_marks<'a>(
    svg: &mut String,
    f: &Figure<'a>,
    t: Transform,
    (w, h): (f64, f64),
) -> Vec<Entry<'a>> {
    let mut entries = vec![];
    if f.state.layers.contains(Layer::Lines) {
        for line in f.overlays.lines_on(f.date) {
            let dashes = if line.schematic {
                format!(r#" stroke-dasharray="{} {}""#, 8.0 / t.scale, 5.0 / t.scale)
            } else {
                String::new()
            };
            let _ = write!(
                svg,
                r#"<path class="line" d="{}" transform="{}" fill="none" stroke="{LINE_COLOUR}" stroke-width="{}"{dashes}/>"#,
                escape(&line.d),
                t.to_svg(),
                2.0 / t.scale
            );
            entries.push(Entry::Line(line));
        }
    }
    if f.state.layers.contains(Layer::Places) {
        for place in f.overlays.on_the_ground() {
            let (x, y) = t.apply(project(place.at[0], place.at[1]));
            if (0.0..w).contains(&x) && (0.0..h).contains(&y) {
                place_dot(svg, x, y);
                if !entries.contains(&Entry::Place) {
                    entries.push(Entry::Place);
                }
            }
        }
    }
    entries
}

/// A deployment's symbol: its category's colour and letter; dashed when
/// its site was not published; the open one larger, outlined in black
/// (as the app's `.site[aria-pressed="true"]`).
fn site_symbol(
    svg: &mut String,
    c: DeploymentCategory,
    (x, y): (f64, f64),
    approximate: bool,
    chosen: bool,
) {
    let (fill, ink) = category_colours(c);
    let (stroke, width) = match (chosen, approximate) {
        (true, _) => ("#000000", 3),
        (false, true) => ("#1d1d1b", 2),
        (false, false) => ("#ffffff", 2),
    };
    let dashes = if approximate {
        r#" stroke-dasharray="3 2""#
    } else {
        ""
    };
    let r = if chosen {
        13.0
    } else {
        f64::from(SITE_RADIUS_PX)
    };
    let class = if chosen { "site chosen" } else { "site" };
    let _ = write!(
        svg,
        r#"<g class="{class}"><circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dashes}/><text x="{x:.1}" y="{:.1}" font-family="{FONT_FAMILY}" font-size="{}" font-weight="bold" text-anchor="middle" fill="{ink}">{}</text></g>"#,
        y + r * 0.42,
        (r * 1.2).round(),
        c.letter()
    );
}

/// A legend's small site symbol.
fn legend_site(svg: &mut String, c: DeploymentCategory, x: f64, y: f64) {
    let (fill, ink) = category_colours(c);
    let _ = write!(
        svg,
        r##"<g class="site"><circle cx="{x:.1}" cy="{y:.1}" r="8" fill="{fill}" stroke="#ffffff" stroke-width="2"/><text x="{x:.1}" y="{:.1}" font-family="{FONT_FAMILY}" font-size="10" font-weight="bold" text-anchor="middle" fill="{ink}">{}</text></g>"##,
        y + 3.4,
        c.letter()
    );
}

/// The map: land, the deployments in place (when their layer is on) laid
/// out as the app lays them out, the open one marked, the names clear of
/// them, and a scale bar; what it drew, for the legend.
fn draw_figure_map<'a>(
    svg: &mut String,
    f: &Figure<'a>,
    view: View,
    (w, h): (f64, f64),
) -> (LandDrawn, Vec<Entry<'a>>) {
    let t = view.transform(w, h);
    let land = draw_land(svg, f.land, f.islands, f.state, t, (w, h));
    let marks = draw_marks(svg, f, t, (w, h));
    let mut entries = vec![];
    let shown = if f.state.layers.contains(Layer::Deployments) {
        f.sites
    } else {
        &[]
    };
    let wanted = site_symbols(shown, f.scene);
    let mut plain: Vec<Symbol> = wanted.iter().map(|(_, s)| *s).collect();
    // After the sites, the events of the year up to the date, as the app.
    if f.state.layers.contains(Layer::Events) {
        let events = recent_events(f.events, f.date);
        let points = events.filter_map(|e| event_point(e, Some(f.overlays), f.scene));
        plain.extend(points.map(event_symbol));
    }
    // While comparing, the withdrawn deployments at their old sites, last.
    let compared = f
        .comparison
        .filter(|_| f.state.layers.contains(Layer::Deployments));
    let gone_at = plain.len();
    let gone = compared.map(|c| site_symbols(&c.withdrawn_sites(), f.scene));
    let gone = gone.unwrap_or_default();
    plain.extend(gone.iter().map(|(_, s)| *s));
    let laid = resolve(&plain, t.scale);
    // Each symbol's place in the figure, if it is in view.
    let placed: Vec<Option<(f64, f64)>> = laid
        .iter()
        .map(|s| {
            let (x, y) = t.apply(s.at);
            let (x, y) = (x + s.offset.0, y + s.offset.1);
            let inside = (-20.0..w + 20.0).contains(&x) && (-20.0..h + 20.0).contains(&y);
            inside.then_some((x, y))
        })
        .collect();
    let mut approximate = false;
    // The open deployment (a link's `deployment=`, known to the data) is
    // outlined as the app outlines it, where the layout puts it.
    let open = f.subject.and(f.state.deployment.as_deref());
    for ((i, _), at) in wanted.iter().zip(&placed) {
        let site = &shown[*i];
        let Some((x, y)) = *at else {
            continue;
        };
        let p = &site.properties;
        let chosen = open == Some(site.id.as_str());
        site_symbol(svg, p.category, (x, y), p.approximate, chosen);
        if chosen {
            entries.push(Entry::Chosen);
        }
        approximate |= p.approximate;
        if !entries.contains(&Entry::Site(p.category)) {
            entries.push(Entry::Site(p.category));
        }
    }
    for &(x, y) in placed[wanted.len()..gone_at].iter().flatten() {
        event_marker(svg, x, y, 6.0);
        if !entries.contains(&Entry::Event) {
            entries.push(Entry::Event);
        }
    }
    entries.sort_by_key(|e| match e {
        Entry::Site(c) => DeploymentCategory::ALL.iter().position(|x| x == c),
        _ => Some(DeploymentCategory::ALL.len()),
    });
    // Sites, then the marks that explain them.
    entries.sort_by_key(|e| matches!(e, Entry::Chosen));
    if approximate {
        entries.push(Entry::Approximate);
    }
    if let Some(cmp) = compared {
        let site_slot = |id: &str| wanted.iter().position(|(i, _)| shown[*i].id == id);
        let gone_slot = |n: usize| {
            let k = gone.iter().position(|(j, _)| *j == n)?;
            Some(gone_at + k)
        };
        let kinds = draw_changes(svg, cmp, &placed, site_slot, gone_slot);
        entries.extend(kinds.into_iter().map(Entry::Change));
    }
    // Places are named with the islands, as in the app.
    let mut scene = f.scene.clone();
    let places = place_names(f.overlays, f.catalogue.lang(), &scene.labels);
    scene.labels.extend(places);
    draw_names(svg, &scene, f.state, &laid, view, (w, h));
    draw_scale_bar(svg, f.catalogue, view, h);
    (land, marks.into_iter().chain(entries).collect())
}

/// A scale bar of a round distance at the map's bottom left, as the app's.
fn draw_scale_bar(svg: &mut String, c: &Catalogue, view: View, h: f64) {
    let metres_per_px = metres_per_unit(view.lat) / view.scale();
    let (metres, px) = scale_bar(metres_per_px, 120.0);
    if px <= 0.0 {
        return;
    }
    let lang = c.lang();
    let words = if metres >= 1000.0 {
        c.format(
            "shell-scale-km",
            &[("distance", lang.number(metres / 1000.0, 0).into())],
        )
    } else {
        c.format(
            "shell-scale-m",
            &[("distance", lang.number(metres, 0).into())],
        )
    };
    let (x, y) = (16.0, h - 16.0);
    let _ = write!(
        svg,
        r##"<g class="scale-bar"><rect x="{}" y="{}" width="{:.1}" height="30" fill="#ffffff" fill-opacity="0.85"/><path d="M{x} {:.1}V{y}H{:.1}V{:.1}" fill="none" stroke="#1d1d1b" stroke-width="2"/>"##,
        x - 6.0,
        y - 24.0,
        px.max(text_width(&words, 12.0)) + 12.0,
        y - 6.0,
        x + px,
        y - 6.0,
    );
    text_line(svg, x, y - 10.0, 12.0, "#1d1d1b", &words);
    svg.push_str("</g>");
}

/// The comparison's marks: an added or changed deployment's over its
/// site's symbol (`site_slot`: its symbol's index among `placed`), a
/// withdrawn one's at its old site (`gone_slot`: the symbol laid out for
/// the `n`-th withdrawn); the kinds drawn, for the legend, in the key's order.
fn draw_changes(
    svg: &mut String,
    cmp: Comparison,
    placed: &[Option<(f64, f64)>],
    site_slot: impl Fn(&str) -> Option<usize>,
    gone_slot: impl Fn(usize) -> Option<usize>,
) -> Vec<ChangeKind> {
    let mut drawn = vec![];
    for kind in ChangeKind::ALL {
        for (n, d) in cmp.of(kind).iter().enumerate() {
            let slot = match kind {
                ChangeKind::Withdrawn => gone_slot(n),
                _ => site_slot(&d.id),
            };
            let Some(at) = slot.and_then(|k| placed.get(k).copied().flatten()) else {
                continue;
            };
            let letter = d.site.properties.category.letter();
            changes::change_mark(svg, kind, at, 1.0, letter);
            if !drawn.contains(&kind) {
                drawn.push(kind);
            }
        }
    }
    drawn
}

#[cfg(test)]
mod tests;
