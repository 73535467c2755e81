//! The data as files to take away: events and deployments as CSV (RFC 4180)
//! and GeoJSON, each record with its sources, and the Frictionless Data
//! Package (`/api/datapackage.json`) that describes every download with
//! its licence. Pure functions over the API's answer types; the server
//! filters as its JSON routes do and serves what these write.

use serde::{Deserialize, Serialize};

#[cfg(feature = "loader")]
use crate::api::DeploymentFeature;
use crate::events::{Event, Point, Source};
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// The media type of every CSV download.
pub const CSV_MEDIA_TYPE: &str = "text/csv; charset=utf-8";

/// A table's column: its name, its Table Schema type and what it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub name: &'static str,
    pub kind: &'static str,
    pub description: &'static str,
}

const fn column(name: &'static str, kind: &'static str, description: &'static str) -> Column {
    Column {
        name,
        kind,
        description,
    }
}

/// Several values in one cell (ids, sources): one per line.
const LIST: &str = "\n";

const SOURCE_OUTLETS: Column = column(
    "source_outlets",
    "string",
    "Who published each source, one per line, in the order of source_urls",
);
const SOURCE_URLS: Column = column(
    "source_urls",
    "string",
    "Each source's address, one per line",
);

/// The columns of `events.csv`, in order.
pub const EVENT_COLUMNS: [Column; 16] = [
    column("id", "string", "Stable event id, as in /api/events/{id}"),
    column(
        "date",
        "string",
        "YYYY, YYYY-MM or YYYY-MM-DD; `by ` before it: on or before the end of that period",
    ),
    column(
        "end",
        "string",
        "Last day, month or year of an event that spans a period",
    ),
    column("kind", "string", "What kind of thing happened"),
    column(
        "title",
        "string",
        "Title, islands named in both conventions",
    ),
    column(
        "summary",
        "string",
        "Summary, islands named in both conventions",
    ),
    column("islands", "string", "Island and group ids, one per line"),
    column("places", "string", "Map place ids, one per line"),
    column(
        "longitude",
        "number",
        "WGS 84 longitude of the event's first point, if it has one",
    ),
    column(
        "latitude",
        "number",
        "WGS 84 latitude of the event's first point, if it has one",
    ),
    column(
        "location",
        "string",
        "Free-text location for places off the map",
    ),
    column(
        "confidence",
        "string",
        "high: a cited page states it plainly; medium: inferred",
    ),
    column("confidence_note", "string", "Why the confidence is medium"),
    SOURCE_OUTLETS,
    SOURCE_URLS,
    column(
        "text_lang",
        "string",
        "The language of the text fields (en where not yet translated)",
    ),
];

/// The columns of `deployments.csv`, in order.
pub const DEPLOYMENT_COLUMNS: [Column; 15] = [
    column(
        "id",
        "string",
        "Stable deployment id, as in /api/deployments/{id}",
    ),
    column("island", "string", "Island id"),
    column("place", "string", "Map place id of the site"),
    column(
        "longitude",
        "number",
        "WGS 84 longitude of the site (of its island's centre when approximate)",
    ),
    column(
        "latitude",
        "number",
        "WGS 84 latitude of the site (of its island's centre when approximate)",
    ),
    column(
        "approximate",
        "boolean",
        "true: the site was not published; the point is the island's centre",
    ),
    column(
        "unit",
        "string",
        "Unit, weapon system or installation, islands named in both conventions",
    ),
    column("system", "string", "Weapon system, where known"),
    column("category", "string", "Category of the map symbol"),
    column(
        "status",
        "string",
        "Status on the date asked for (at), else the latest",
    ),
    column(
        "from",
        "string",
        "In place from (YYYY, YYYY-MM or YYYY-MM-DD, or a `by ` bound)",
    ),
    column("until", "string", "In place until; empty while in place"),
    column(
        "confidence",
        "string",
        "high: a cited page states it plainly; medium: inferred",
    ),
    SOURCE_OUTLETS,
    SOURCE_URLS,
];

/// `value` as one RFC 4180 field: quoted (inner quotes doubled) when it
/// holds a comma, a quote, a line break or surrounding space.
pub fn csv_field(value: &str) -> String {
    let plain = !value.contains([',', '"', '\n', '\r']) && value.trim() == value;
    if plain {
        value.to_owned()
    } else {
        format!("\"{}\"", value.replace('"', "\"\""))
    }
}

/// An RFC 4180 document: a header row of `columns`' names, then `rows`,
/// each line ended by CRLF.
pub fn csv(columns: &[Column], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    csv_line(&mut out, columns.iter().map(|c| c.name));
    for row in rows {
        csv_line(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn csv_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(cell));
    }
    out.push_str("\r\n");
}

fn sources_cells(sources: &[Source]) -> [String; 2] {
    let outlets: Vec<&str> = sources.iter().map(|s| s.outlet.as_str()).collect();
    let urls: Vec<&str> = sources.iter().map(|s| s.url.as_str()).collect();
    [outlets.join(LIST), urls.join(LIST)]
}

fn optional(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Where an event happened on the map: its own points, then its places'
/// (`place_position` finds a place id's `[lon, lat]`).
pub fn event_points(event: &Event, place_position: impl Fn(&str) -> Option<Point>) -> Vec<Point> {
    let mut out = event.points.clone();
    out.extend(event.places.iter().filter_map(|p| place_position(p)));
    out
}

/// One event's row of `events.csv` (`points`: [`event_points`]).
fn event_row(event: &Event, points: &[Point]) -> Vec<String> {
    let [outlets, urls] = sources_cells(&event.sources);
    let first = points.first();
    vec![
        event.id.clone(),
        event.date.to_string(),
        optional(event.end),
        event.kind.to_string(),
        event.title.clone(),
        event.summary.clone(),
        event.islands.join(LIST),
        event.places.join(LIST),
        optional(first.map(|p| p[0])),
        optional(first.map(|p| p[1])),
        optional(event.location.as_deref()),
        event.confidence.to_string(),
        optional(event.confidence_note.as_deref()),
        outlets,
        urls,
        event.text_lang.clone(),
    ]
}

/// `events.csv`: one row per event, in the given order, each with its
/// points as [`event_points`] finds them.
pub fn events_csv(events: &[(&Event, Vec<Point>)]) -> String {
    csv(
        &EVENT_COLUMNS,
        events.iter().map(|(e, points)| event_row(e, points)),
    )
}

/// One deployment's row of `deployments.csv`.
#[cfg(feature = "loader")]
fn deployment_row(site: &DeploymentFeature) -> Vec<String> {
    let p = &site.properties;
    let [outlets, urls] = sources_cells(&p.sources);
    let [lon, lat] = site.position();
    vec![
        p.id.clone(),
        p.island.clone(),
        optional(p.place.as_deref()),
        lon.to_string(),
        lat.to_string(),
        p.approximate.to_string(),
        p.unit.clone(),
        optional(p.system.as_deref()),
        p.category.to_string(),
        p.status.to_string(),
        p.period.from.to_string(),
        optional(p.period.until),
        p.confidence.to_string(),
        outlets,
        urls,
    ]
}

/// `deployments.csv`: one row per deployment of the GeoJSON answer.
#[cfg(feature = "loader")]
pub fn deployments_csv(sites: &[DeploymentFeature]) -> String {
    csv(&DEPLOYMENT_COLUMNS, sites.iter().map(deployment_row))
}

/// GeoJSON `MultiPoint` geometry: an event's points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MultiPointGeometry {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "MultiPoint"))]
    pub kind: String,
    /// `[longitude, latitude]` pairs.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<f64>>))]
    pub coordinates: Vec<Point>,
}

/// An event on the map: its points, and the event (with its sources) as
/// its properties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EventFeature {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "Feature"))]
    pub kind: String,
    pub id: String,
    pub geometry: MultiPointGeometry,
    pub properties: Event,
}

/// `application/geo+json` FeatureCollection of the events that have a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EventFeatureCollection {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "FeatureCollection"))]
    pub kind: String,
    pub features: Vec<EventFeature>,
}

impl EventFeatureCollection {
    /// A feature per event with at least one point (events off the map
    /// have none and are left out), in the given order.
    pub fn new(events: &[(&Event, Vec<Point>)]) -> Self {
        let features = events
            .iter()
            .filter(|(_, points)| !points.is_empty())
            .map(|(event, points)| EventFeature {
                kind: "Feature".into(),
                id: event.id.clone(),
                geometry: MultiPointGeometry {
                    kind: "MultiPoint".into(),
                    coordinates: points.clone(),
                },
                properties: (*event).clone(),
            })
            .collect();
        EventFeatureCollection {
            kind: "FeatureCollection".into(),
            features,
        }
    }
}

mod package;
pub use package::{
    DataPackage, Dialect, Field, License, PackageError, PackageMeta, PackageSource, Resource,
    TableSchema,
};

#[cfg(test)]
mod tests;
