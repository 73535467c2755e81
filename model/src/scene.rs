//! The map scene: what the map draws and where, from the data and the view,
//! with no browser. The app's map and the link-preview images (`og`) both
//! draw through it, so a preview names the islands the link opens the way the
//! map does: land sorted into disputed and context, anchors for islands and
//! their groups, the names to place (islands, groups, islets, places) with
//! their priorities and sizes, the symbols (deployment sites on their
//! published site or clustered at their island's anchor, event markers
//! beside their point, none covering another: `clusters`), and the
//! obstacles the names keep clear of ([`crate::labels::place`] does the
//! placing).

use crate::events::{Date, Marked};
use crate::geodata::{LandCollection, LandProperties, LandRole, PlaceKind};
use crate::geometry::Position;
use crate::i18n::Lang;
use crate::islands::Islands;
use crate::labels::{Candidate, Kind, Obstacle, Placed, symbol_box};
use crate::marks::Overlays;
use crate::names::{self, Forms, NameStyle, Naming};
use crate::permalink::{Layer, Layers};
use crate::projection::{MapPoint, project};
use crate::viewport::Transform;

/// Zoom level from which places are named.
pub const PLACE_LABEL_ZOOM: f64 = 9.0;
/// Zoom level from which a group's islets get their own names (and the
/// group's name gives way to them).
pub const ISLET_LABEL_ZOOM: f64 = 10.0;
/// Radius of a deployment site's symbol, in pixels.
/// (An integer: the app writes it into the SVG without float formatting.)
pub const SITE_RADIUS_PX: u8 = 10;
/// Where an event's diamond sits from its point, in pixels.
pub const EVENT_OFFSET_PX: (f64, f64) = (14.0, -14.0);
/// Half the diagonal of an event's diamond (a 12 px square turned 45°).
pub const EVENT_RADIUS_PX: f64 = 8.5;
/// A group's name is placed before any single island's.
const GROUP_PRIORITY: f64 = 100.0;

/// Font sizes of names, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fonts {
    /// Islands and groups.
    pub area_px: f64,
    /// Places.
    pub point_px: f64,
}

/// The app's map; must match `.label` and `.place-label` in style.css.
pub const MAP_FONTS: Fonts = Fonts {
    area_px: 14.0,
    point_px: 12.0,
};
/// The 1200×630 preview image, read small in a link card. Places are not
/// drawn there; their size keeps the map's proportion.
pub const PREVIEW_FONTS: Fonts = Fonts {
    area_px: 20.0,
    point_px: 17.0,
};

impl Fonts {
    pub fn for_kind(self, kind: Kind) -> f64 {
        match kind {
            Kind::Area => self.area_px,
            Kind::Point => self.point_px,
        }
    }
}

/// A group's display names, as [`NameStyle`] Both, Japanese, Russian. Taken
/// as input: the scene spells no name itself.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupName {
    pub id: String,
    pub label: [String; 3],
}

/// The display names of the islands data's groups, for a scene (in Latin
/// letters, as an English page shows them).
pub fn group_names(islands: &Islands) -> Vec<GroupName> {
    group_names_in(islands, Lang::En)
}

/// [`group_names`] for a page in `lang`: in Japanese script on a Japanese
/// page, in Cyrillic on a Russian one.
pub fn group_names_in(islands: &Islands, lang: Lang) -> Vec<GroupName> {
    islands
        .groups
        .iter()
        .map(|g| GroupName {
            id: g.id.clone(),
            label: STYLES.map(|s| match lang {
                Lang::En => names::label_of([&g.name_ja_romaji, &g.name_ru_romaji], s),
                _ => Naming::new(lang, s).label(&g.forms()),
            }),
        })
        .collect()
}

/// The name styles in the order of a label's `text` ([`style_index`]).
const STYLES: [NameStyle; 3] = [NameStyle::Both, NameStyle::Japanese, NameStyle::Russian];

/// Index of a name style in a label's `text`.
pub fn style_index(style: NameStyle) -> usize {
    match style {
        NameStyle::Both => 0,
        NameStyle::Japanese => 1,
        NameStyle::Russian => 2,
    }
}

/// How a piece of land is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LandClass {
    /// Surrounding land, for orientation only.
    Context,
    /// Part of the dispute, named and selectable.
    Disputed,
    /// The disputed island whose panel is open.
    Selected,
}

impl LandClass {
    pub fn of(role: LandRole, selected: bool) -> Self {
        match (role, selected) {
            (LandRole::Context, _) => LandClass::Context,
            (LandRole::Disputed, false) => LandClass::Disputed,
            (LandRole::Disputed, true) => LandClass::Selected,
        }
    }
}

/// One land outline ready to draw in the app.
#[derive(Debug, Clone, PartialEq)]
pub struct LandPiece {
    pub id: String,
    /// Path data in map units.
    pub d: String,
    /// Disputed land is selectable; context land is not (see [`LandClass`]).
    pub disputed: bool,
    /// Its names in both scripts, for assistive technology.
    pub accessible_name: String,
    /// The day it passed to Soviet control (its island's, or its group's):
    /// before it, the map draws it as Japanese-administered.
    pub soviet_control: Option<Date>,
    /// The group it belongs to: selecting the group selects it too.
    pub group: Option<String>,
}

/// The land of one level of detail, in drawing order, named for a page in
/// `lang`.
pub fn land_pieces(land: &LandShapes, lang: Lang) -> Vec<LandPiece> {
    land.features
        .iter()
        .map(|f| LandPiece {
            id: f.id.clone(),
            d: f.d.clone(),
            disputed: LandClass::of(f.properties.role, false) != LandClass::Context,
            accessible_name: match lang {
                Lang::En => names::accessible(&f.properties),
                _ => names::accessible_in(&land_forms(&land.islands, &f.id, &f.properties), lang),
            },
            soviet_control: land
                .islands
                .soviet_control(f.properties.part_of.as_deref().unwrap_or(&f.id)),
            group: land
                .islands
                .group_of(f.properties.part_of.as_deref().unwrap_or(&f.id))
                .map(|g| g.id.clone()),
        })
        .collect()
}

/// Every form of a land feature's name: the islands data's (which has the
/// crossed forms, イトゥルップ島 and Эторофу), else the feature's own.
fn land_forms(islands: &Islands, id: &str, p: &LandProperties) -> Forms {
    islands
        .find(id)
        .map_or_else(|| Forms::of_land(p), |i| i.forms())
}

/// A name to place on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Text per name style (see [`style_index`]).
    pub text: [String; 3],
    pub at: MapPoint,
    /// Other places for an island's name when symbols cover `at`.
    pub slots: Vec<MapPoint>,
    /// Shown from `min_zoom` up to (not including) `max_zoom`, so small
    /// islets do not crowd the overview.
    pub min_zoom: f64,
    pub max_zoom: f64,
    /// Bigger islands keep their name when names collide; places come last.
    pub priority: f64,
    pub kind: Kind,
}

impl Label {
    pub fn text(&self, style: NameStyle) -> &str {
        &self.text[style_index(style)]
    }

    /// The layer that shows this label.
    pub fn layer(&self) -> Layer {
        match self.kind {
            Kind::Area => Layer::Islands,
            Kind::Point => Layer::Places,
        }
    }

    pub fn shown(&self, layers: Layers, zoom: f64) -> bool {
        layers.contains(self.layer()) && zoom >= self.min_zoom && zoom < self.max_zoom
    }

    /// Its CSS class in the app.
    pub fn class(&self) -> &'static str {
        match self.kind {
            Kind::Area => "label",
            Kind::Point => "place-label",
        }
    }
}

/// A disputed island with an anchor, projected.
struct Anchored<'a> {
    id: &'a str,
    properties: &'a LandProperties,
    at: MapPoint,
    slots: Vec<Position>,
}

/// The islands' side of the scene: where markers attach and which names
/// the islands and groups have. Built once per land; the view does not change it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// Where markers attach for an island or group id: an island's anchor, a
    /// group's the centroid of its members' anchors.
    pub anchors: Vec<(String, MapPoint)>,
    /// Island names, then group names.
    pub labels: Vec<Label>,
}

impl Scene {
    /// From land ready to draw (the app: anchors and slots come with the
    /// shapes), its names in `lang`'s script (`groups` too:
    /// [`group_names_in`]).
    pub fn from_shapes(land: &LandShapes, groups: &[GroupName], lang: Lang) -> Self {
        let anchored = land.disputed().filter_map(|f| {
            let [lon, lat] = f.anchor?;
            Some(Anchored {
                id: &f.id,
                properties: &f.properties,
                at: project(lon, lat),
                slots: f.label_slots.clone(),
            })
        });
        Self::build(anchored.collect(), groups, Some((&land.islands, lang)))
    }

    /// From GeoJSON land (the preview images), with the anchors and slots
    /// [`LandShapes::from_land`] would compute.
    pub fn from_land(land: &LandCollection, groups: &[GroupName]) -> Self {
        let anchored = land.disputed().filter_map(|f| {
            let [lon, lat] = f.anchor()?;
            Some(Anchored {
                id: &f.id,
                properties: &f.properties,
                at: project(lon, lat),
                slots: f.label_slots(),
            })
        });
        Self::build(anchored.collect(), groups, None)
    }

    /// `named`: the islands data and the page's language for names in its
    /// script; `None`: Latin letters.
    fn build(
        anchored: Vec<Anchored>,
        groups: &[GroupName],
        named: Option<(&Islands, Lang)>,
    ) -> Self {
        let text = |id: &str, p: &LandProperties| match named {
            Some((islands, lang)) if lang != Lang::En => {
                let forms = land_forms(islands, id, p);
                STYLES.map(|s| Naming::new(lang, s).label(&forms))
            }
            _ => STYLES.map(|s| names::label(p, s)),
        };
        let mut scene = Scene::default();
        // Unnamed islets carry their parent's name and anchor.
        let named: Vec<&Anchored> = anchored
            .iter()
            .filter(|a| a.properties.part_of.is_none())
            .collect();
        let mut group_ids: Vec<&str> = Vec::new();
        for a in &named {
            let p = a.properties;
            scene.anchors.push((a.id.to_string(), a.at));
            scene.labels.push(Label {
                text: text(a.id, p),
                at: a.at,
                slots: a
                    .slots
                    .iter()
                    .map(|&[lon, lat]| project(lon, lat))
                    .collect(),
                min_zoom: if p.group.is_some() {
                    ISLET_LABEL_ZOOM
                } else {
                    0.0
                },
                max_zoom: f64::INFINITY,
                priority: p.official_area_km2.unwrap_or(1.0),
                kind: Kind::Area,
            });
            if let Some(g) = p.group.as_deref()
                && !group_ids.contains(&g)
            {
                group_ids.push(g);
            }
        }
        for id in group_ids {
            let members: Vec<MapPoint> = named
                .iter()
                .filter(|a| a.properties.group.as_deref() == Some(id))
                .map(|a| a.at)
                .collect();
            let at = centroid(&members);
            scene.anchors.push((id.to_string(), at));
            let Some(name) = groups.iter().find(|g| g.id == id) else {
                continue;
            };
            // The group's name may also go on any of its islets.
            scene.labels.push(Label {
                text: name.label.clone(),
                at,
                slots: members,
                min_zoom: 0.0,
                max_zoom: ISLET_LABEL_ZOOM,
                priority: GROUP_PRIORITY,
                kind: Kind::Area,
            });
        }
        scene
    }

    /// The anchor of an island or group id.
    pub fn anchor(&self, id: &str) -> Option<MapPoint> {
        self.anchors.iter().find(|(i, _)| i == id).map(|(_, p)| *p)
    }
}

/// The mean of `points` (not empty: a group has its members).
fn centroid(points: &[MapPoint]) -> MapPoint {
    let n = points.len().max(1) as f64;
    MapPoint {
        x: points.iter().map(|p| p.x).sum::<f64>() / n,
        y: points.iter().map(|p| p.y).sum::<f64>() / n,
    }
}

/// Names of places, from [`PLACE_LABEL_ZOOM`]: towns before airfields and
/// bases, and every place after every island.
/// Names in `lang`'s script ([`names::place_label_in`]).
///
/// One name is shown once: a place that bears the name of an island or
/// islet among `islands` (the scene's labels) in any one convention (the
/// lighthouse the Russian side calls after the islet it stands on) is not
/// named; the land keeps the name.
pub fn place_names(overlays: &Overlays, lang: Lang, islands: &[Label]) -> Vec<Label> {
    let taken = |text: &[String; 3]| {
        islands
            .iter()
            .any(|i| (0..3).any(|k| !text[k].is_empty() && i.text[k] == text[k]))
    };
    overlays
        .on_the_ground()
        .map(|p| {
            let [lon, lat] = p.at;
            Label {
                text: STYLES.map(|s| names::place_label_in(p, Naming::new(lang, s))),
                at: project(lon, lat),
                slots: Vec::new(),
                min_zoom: PLACE_LABEL_ZOOM,
                max_zoom: f64::INFINITY,
                priority: match p.kind {
                    PlaceKind::Settlement => -1.0,
                    PlaceKind::Airfield | PlaceKind::Base => -2.0,
                    _ => -3.0,
                },
                kind: Kind::Point,
            }
        })
        .filter(|l| !taken(&l.text))
        .collect()
}

/// A round symbol drawn over the map: a map point, a pixel offset from it
/// and a radius in pixels. Names keep clear of it; [`resolve`] moves it
/// off the others.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Symbol {
    pub at: MapPoint,
    pub offset: (f64, f64),
    pub radius: f64,
}

/// Where an event is marked: its own point, else its first known place,
/// else its island's (or group's) anchor.
pub fn event_point(
    event: &impl Marked,
    places: Option<&Overlays>,
    scene: &Scene,
) -> Option<MapPoint> {
    marker_point(
        event.points(),
        event.places(),
        event.islands(),
        places,
        scene,
    )
}

/// [`event_point`] from the event's `points`, place ids and island ids.
pub fn marker_point(
    points: &[Position],
    place_ids: &[String],
    island_ids: &[String],
    places: Option<&Overlays>,
    scene: &Scene,
) -> Option<MapPoint> {
    points
        .first()
        .map(|[lon, lat]| project(*lon, *lat))
        .or_else(|| {
            place_ids
                .iter()
                .find_map(|id| places?.find_place(id))
                .map(|p| project(p.at[0], p.at[1]))
        })
        .or_else(|| island_ids.iter().find_map(|id| scene.anchor(id)))
}

/// An event's marker at `at`: a diamond beside the point.
pub fn event_symbol(at: MapPoint) -> Symbol {
    Symbol {
        at,
        offset: EVENT_OFFSET_PX,
        radius: EVENT_RADIUS_PX,
    }
}

/// What label placement depends on besides the labels and symbols.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub transform: Transform,
    pub zoom: f64,
    pub layers: Layers,
    pub names: NameStyle,
    pub fonts: Fonts,
    /// The visible map, `[left, top, right, bottom]` in pixels.
    pub visible: Obstacle,
}

/// The labels shown in `frame`, as indices into `labels`, and their
/// candidates in screen pixels.
pub fn candidates(labels: &[Label], frame: &Frame) -> (Vec<usize>, Vec<Candidate>) {
    let t = frame.transform;
    let shown: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i].shown(frame.layers, frame.zoom))
        .collect();
    let candidates = shown
        .iter()
        .map(|&i| {
            let l = &labels[i];
            let (x, y) = t.apply(l.at);
            Candidate {
                x,
                y,
                slots: l.slots.iter().map(|p| t.apply(*p)).collect(),
                chars: names::width(l.text(frame.names)),
                priority: l.priority,
                font_px: frame.fonts.for_kind(l.kind),
                kind: l.kind,
            }
        })
        .collect();
    (shown, candidates)
}

/// The boxes names keep clear of, in screen pixels.
pub fn obstacles(symbols: &[Symbol], t: Transform) -> Vec<Obstacle> {
    symbols
        .iter()
        .map(|s| {
            let (x, y) = t.apply(s.at);
            symbol_box(x + s.offset.0, y + s.offset.1, s.radius)
        })
        .collect()
}

/// Where each label goes in `frame`, in `labels`' order; `None` for labels
/// not shown or left out.
pub fn placement(labels: &[Label], symbols: &[Symbol], frame: &Frame) -> Vec<Option<Placed>> {
    let (shown, candidates) = candidates(labels, frame);
    let obstacles = obstacles(symbols, frame.transform);
    let mut placed = vec![None; labels.len()];
    for (i, at) in
        shown
            .into_iter()
            .zip(crate::labels::place(&candidates, &obstacles, frame.visible))
    {
        placed[i] = at;
    }
    placed
}

mod badges;
mod clusters;
mod land;
pub use badges::{BADGE_RADIUS_PX, GATHER_ZOOM, Mark, gather};
pub use clusters::{SYMBOL_GAP_PX, resolve, site_point, site_symbols};
pub use land::{LandShape, LandShapes};

#[cfg(test)]
mod tests;
