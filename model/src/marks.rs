//! Places and treaty lines ready to draw (`GET /api/geo/overlays`): only
//! the fields the map shows, lines already as path data in map units.
//!
//! The GeoJSON files stay the source and the public API; this is their
//! digest for the app, built once on the server. Every field is always
//! written, so the app's decoder (`crate::wire`) needs no defaults. Decoding two GeoJSON
//! collections in the browser cost 9 KB of the compressed wasm; these flat
//! records cost a fraction of that.

use crate::events::{Date, Event, Marked, PartialDate, Point};
use crate::geodata::{LineCollection, ParseError, PlaceCollection, PlaceKind};
use crate::geometry::Position;
use crate::i18n::{Catalogue, Lang};
use serde::{Deserialize, Serialize};

/// A place the map marks, or an island's centre that events and excerpts point at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct PlaceMark {
    pub id: String,
    pub kind: PlaceKind,
    pub name_en: String,
    pub name_ja: String,
    pub name_ja_romaji: String,
    pub name_ru: String,
    pub name_ru_romaji: String,
    /// The Russian name in katakana, the Japanese in Cyrillic
    /// ([`crate::names::Forms`]).
    pub name_ru_kana: String,
    pub name_ja_cyrillic: String,
    /// `[longitude, latitude]` in degrees.
    pub at: Position,
    /// An island's centre rather than a place on the ground: never drawn.
    pub centroid: bool,
}

impl PlaceMark {
    pub fn forms(&self) -> crate::names::Forms {
        crate::names::Forms::new(
            [&self.name_ja_romaji, &self.name_ru_romaji],
            [&self.name_ja, &self.name_ru],
            [&self.name_ja_cyrillic, &self.name_ru_kana],
        )
    }
}

/// A boundary or claim line and the dates it applies between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct LineMark {
    pub id: String,
    pub name_en: String,
    pub name_ja: String,
    pub name_ru: String,
    /// When it took effect, `YYYY-MM-DD`.
    pub date: String,
    /// When it stopped applying, `YYYY-MM-DD`; `None` if it still does.
    pub until: Option<String>,
    /// True when the drawn course is ours, not a published one.
    pub schematic: bool,
    /// Path data in map units (see [`crate::svg::line_path_data`]).
    pub d: String,
}

impl LineMark {
    /// Whether the line applies on `date`: from its first day, up to (not
    /// including) the day it ended.
    ///
    /// ```
    /// # use model::marks::LineMark;
    /// # use model::events::Date;
    /// let line = LineMark { id: "shimoda-1855".into(), name_en: "Shimoda".into(),
    ///     name_ja: "下田".into(), name_ru: "Симода".into(),
    ///     date: "1855-02-07".into(), until: Some("1875-05-07".into()),
    ///     schematic: true, d: String::new() };
    /// let on = |s: &str| line.in_force_on(s.parse::<Date>().unwrap());
    /// assert!(!on("1855-02-06") && on("1855-02-07") && on("1875-05-06") && !on("1875-05-07"));
    /// ```
    pub fn in_force_on(&self, date: Date) -> bool {
        // Both sides are zero-padded `YYYY-MM-DD`, so text order is date order.
        let date = date.to_string();
        self.date.as_str() <= date.as_str()
            && self
                .until
                .as_deref()
                .is_none_or(|until| date.as_str() < until)
    }

    /// The line's tooltip in the catalogue's language: its name, its dates
    /// in words, and whether its course is schematic (`shell-line-title`).
    pub fn title(&self, c: &Catalogue) -> String {
        let day = |text: &str| {
            text.parse::<Date>()
                .map_or_else(|_| text.to_owned(), |d| c.day_words(d))
        };
        let name = match c.lang() {
            Lang::En => &self.name_en,
            Lang::Ja => &self.name_ja,
            Lang::Ru => &self.name_ru,
        };
        c.format(
            "shell-line-title",
            &[
                ("name", name.as_str().into()),
                ("since", day(&self.date).into()),
                (
                    "ended",
                    if self.until.is_some() { "yes" } else { "no" }.into(),
                ),
                (
                    "until",
                    self.until.as_deref().map(day).unwrap_or_default().into(),
                ),
                (
                    "schematic",
                    if self.schematic { "yes" } else { "no" }.into(),
                ),
            ],
        )
    }
}

/// Every place and line, in the order of the data files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct Overlays {
    pub places: Vec<PlaceMark>,
    pub lines: Vec<LineMark>,
}

impl Overlays {
    pub fn from_collections(places: &PlaceCollection, lines: &LineCollection) -> Self {
        Overlays {
            places: places
                .features
                .iter()
                .map(|f| {
                    let p = &f.properties;
                    PlaceMark {
                        id: f.id.clone(),
                        kind: p.kind,
                        name_en: p.name_en.clone(),
                        name_ja: p.name_ja.clone(),
                        name_ja_romaji: p.name_ja_romaji.clone(),
                        name_ru: p.name_ru.clone(),
                        name_ru_romaji: p.name_ru_romaji.clone(),
                        name_ru_kana: p.name_ru_kana.clone(),
                        name_ja_cyrillic: p.name_ja_cyrillic.clone(),
                        at: f.geometry.position(),
                        centroid: p.centroid,
                    }
                })
                .collect(),
            lines: lines
                .features
                .iter()
                .map(|f| {
                    let p = &f.properties;
                    LineMark {
                        id: f.id.clone(),
                        name_en: p.name_en.clone(),
                        name_ja: p.name_ja.clone(),
                        name_ru: p.name_ru.clone(),
                        date: p.date.clone(),
                        until: p.until.clone(),
                        schematic: p.schematic,
                        d: crate::svg::line_path_data(f.geometry.positions()),
                    }
                })
                .collect(),
        }
    }

    /// Parses the server's answer; the error names line and column.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        crate::geodata::parse(text)
    }

    pub fn find_place(&self, id: &str) -> Option<&PlaceMark> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The places a map marks with a dot and a name: all but island centroids.
    pub fn on_the_ground(&self) -> impl Iterator<Item = &PlaceMark> {
        self.places.iter().filter(|p| !p.centroid)
    }

    /// The lines that apply on `date`.
    pub fn lines_on(&self, date: Date) -> impl Iterator<Item = &LineMark> {
        self.lines.iter().filter(move |l| l.in_force_on(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","id":"kurilsk","properties":{"id":"kurilsk","kind":"settlement",
         "name_en":"Kurilsk","name_ja":"紗那","name_ja_romaji":"Shana","name_ru":"Курильск",
         "name_ru_romaji":"Kurilsk","name_ru_kana":"クリリスク","name_ja_cyrillic":"Сяна","island":"etorofu","source":"https://example.org",
         "description":"A town."},
         "geometry":{"type":"Point","coordinates":[147.883,45.217]}},
        {"type":"Feature","id":"shikotan-centroid","properties":{"id":"shikotan-centroid",
         "kind":"centroid","name_en":"Shikotan","name_ja":"色丹島","name_ja_romaji":"Shikotan",
         "name_ru":"Шикотан","name_ru_romaji":"Shikotan","name_ru_kana":"シコタン島","name_ja_cyrillic":"Сикотан","island":"shikotan",
         "source":"https://example.org","centroid":true},
         "geometry":{"type":"Point","coordinates":[146.75,43.8]}}]}"#;
    const LINES: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","id":"shimoda-1855","properties":{"id":"shimoda-1855",
         "name_en":"Treaty of Shimoda boundary","name_ja":"x","name_ru":"x","description":"x",
         "date":"1855-02-07","until":"1875-05-07","source":"https://example.org","schematic":true},
         "geometry":{"type":"LineString","coordinates":[[148.0,45.5],[149.0,46.0]]}},
        {"type":"Feature","id":"claim","properties":{"id":"claim","name_en":"Claim",
         "name_ja":"x","name_ru":"x","description":"x","date":"1956-10-19",
         "source":"https://example.org","schematic":false},
         "geometry":{"type":"LineString","coordinates":[[145.0,43.0],[146.0,44.0]]}}]}"#;

    fn overlays() -> Overlays {
        let places = PlaceCollection::from_json(PLACES).expect("places parse");
        let lines = LineCollection::from_json(LINES).expect("lines parse");
        Overlays::from_collections(&places, &lines)
    }

    fn date(s: &str) -> Date {
        s.parse().expect("test date")
    }

    #[test]
    fn places_keep_their_names_point_and_kind_and_survive_a_round_trip() {
        let overlays = overlays();
        let kurilsk = overlays.find_place("kurilsk").expect("kurilsk");
        assert_eq!(kurilsk.at, [147.883, 45.217]);
        assert_eq!(kurilsk.kind, PlaceKind::Settlement);
        assert_eq!(
            (kurilsk.name_ja_romaji.as_str(), kurilsk.name_ru.as_str()),
            ("Shana", "Курильск")
        );
        let json = serde_json::to_string(&overlays).expect("serialises");
        assert_eq!(Overlays::from_json(&json), Ok(overlays));
    }

    #[test]
    fn island_centres_can_be_found_but_are_not_on_the_ground() {
        let overlays = overlays();
        assert!(overlays.find_place("shikotan-centroid").is_some());
        let marked: Vec<_> = overlays.on_the_ground().map(|p| p.id.as_str()).collect();
        assert_eq!(marked, ["kurilsk"]);
    }

    #[test]
    fn lines_become_path_data_and_apply_between_their_dates() {
        let overlays = overlays();
        let shimoda = &overlays.lines[0];
        assert!(
            shimoda.d.starts_with('M') && shimoda.d.contains('l'),
            "{}",
            shimoda.d
        );
        assert!(
            !shimoda.d.contains('z'),
            "a line is not closed: {}",
            shimoda.d
        );
        let ids =
            |d: &str| -> Vec<String> { overlays.lines_on(date(d)).map(|l| l.id.clone()).collect() };
        assert!(ids("1855-02-06").is_empty());
        assert_eq!(ids("1855-02-07"), ["shimoda-1855"]);
        assert_eq!(ids("1875-05-07"), Vec::<String>::new());
        assert_eq!(ids("2017-03-20"), ["claim"]);
    }

    #[test]
    fn a_line_title_gives_its_dates_and_says_when_its_course_is_ours() {
        use crate::i18n::committed;
        let overlays = overlays();
        let en = committed(Lang::En);
        assert_eq!(
            overlays.lines[0].title(&en),
            "Treaty of Shimoda boundary (since 7 February 1855, until 7 May 1875), schematic course"
        );
        assert_eq!(
            overlays.lines[1].title(&en),
            "Claim (since 19 October 1956)"
        );
        let mut line = overlays.lines[0].clone();
        line.name_ja = "下田条約の国境（1855年）".into();
        line.name_ru = "Граница по Симодскому трактату (1855)".into();
        assert_eq!(
            line.title(&committed(Lang::Ja)),
            "下田条約の国境（1855年）（1855年2月7日～1875年5月7日、線の位置は模式的）"
        );
        assert_eq!(
            line.title(&committed(Lang::Ru)),
            "Граница по Симодскому трактату (1855) (с 7 февраля 1855 г. по 7 мая 1875 г.), линия показана схематично"
        );
    }

    #[test]
    fn a_malformed_answer_names_where_it_broke() {
        let err = Overlays::from_json("{\"places\": [}").expect_err("refused");
        assert!(err.to_string().starts_with("line 1, column"), "{err}");
    }
}

/// An event as the map and the timeline use it (`GET /api/event-marks`):
/// when, its title, and where. The record itself (summary, sources,
/// confidence) is drawn by the server in the event's card; the app decodes
/// only this digest, a ninth of `/api/events`' bytes and fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventMark {
    pub id: String,
    /// As an event's `date`: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `by …`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2016-11"))]
    pub date: PartialDate,
    /// In both names conventions ("Etorofu / Iturup"), as `/api/events`.
    pub title: String,
    /// `title` with `{id}` references; null when it names none.
    pub title_template: Option<String>,
    /// Island ids.
    pub islands: Vec<String>,
    /// Place ids (`/api/geo/places`).
    pub places: Vec<String>,
    /// Extra map points, `[lon, lat]`.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<f64>>))]
    pub points: Vec<Point>,
}

impl From<&Event> for EventMark {
    fn from(e: &Event) -> Self {
        EventMark {
            id: e.id.clone(),
            date: e.date,
            title: e.title.clone(),
            title_template: e.title_template.clone(),
            islands: e.islands.clone(),
            places: e.places.clone(),
            points: e.points.clone(),
        }
    }
}

impl Marked for EventMark {
    fn date(&self) -> PartialDate {
        self.date
    }
    fn points(&self) -> &[Point] {
        &self.points
    }
    fn places(&self) -> &[String] {
        &self.places
    }
    fn islands(&self) -> &[String] {
        &self.islands
    }
}
