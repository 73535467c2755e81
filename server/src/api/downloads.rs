//! The data downloads: events and deployments as CSV and GeoJSON with the
//! JSON routes' filters, and the Data Package describing them. The files
//! are written by `model::downloads`; these handlers filter as the JSON
//! routes do and name the file (`Content-Disposition`).

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use model::api::{DeploymentFeatureCollection, ErrorBody};
use model::downloads::{self, CSV_MEDIA_TYPE, EventFeatureCollection};
use model::events::{Event, EventQuery, Point};
use model::i18n::Lang;

use super::handlers::{island_known, respond_in};
use super::params::{self, AtParams, EventParams, RawQuery};
use super::{Api, GEOJSON, JSON};
use crate::error::ApiError;
use crate::http_cache::{Served, cached};
use crate::page::ServedLang;

/// `response` as a file to save, named `kuril-atlas-<what>[-<filter>…].<ext>`.
fn attachment(mut response: Response, what: &str, filters: &[String], ext: &str) -> Response {
    let mut name = format!("kuril-atlas-{what}");
    for f in filters {
        name.push('-');
        // Ids, dates and kinds are ASCII letters, digits and dashes; keep only those.
        name.extend(f.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-'));
    }
    let value = format!("attachment; filename=\"{name}.{ext}\"");
    if let Ok(value) = HeaderValue::from_str(&value) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Events, each with its points: a download's rows.
type Located<'a> = Vec<(&'a Event, Vec<Point>)>;

/// The events `params` select (filtered and paged as `/api/events`), each
/// with its points, in `params`' language, and what names the file.
fn events(api: &Api, params: EventParams) -> (Lang, Located<'_>, Vec<String>) {
    let lang = params.lang.unwrap_or_default();
    let mut named: Vec<String> = params.island.iter().cloned().collect();
    named.extend(params.kind.map(|k| k.to_string()));
    named.extend(params.from.map(|d| format!("from-{d}")));
    named.extend(params.to.map(|d| format!("to-{d}")));
    named.extend(params.lang.map(|l| l.code().to_owned()));
    let q: EventQuery = params.into_query();
    let data = &api.in_language(lang).data;
    let rows = data
        .query_events(&q)
        .items
        .into_iter()
        .map(|e| (e, downloads::event_points(e, |p| data.place_position(p))))
        .collect();
    (lang, rows, named)
}

/// Events as CSV: one row per event `/api/events` answers for the same
/// filters (so, unpaged, `total` rows), each with its sources.
#[utoipa::path(get, path = "/api/events.csv", tag = "atlas",
    params(EventParams),
    responses(
        (status = 200, description = "RFC 4180 CSV (UTF-8, CRLF, a header row): one row per matching event, with its sources; columns as `/api/datapackage.json` describes them", content_type = "text/csv; charset=utf-8", body = String),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "A malformed or unknown parameter, named in `detail`", body = ErrorBody),
    ))]
pub async fn events_csv(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = params::event_params(query, |i| island_known(&api, i))?;
    let (lang, rows, named) = events(&api, params);
    let body = downloads::events_csv(&rows);
    let response = cached(&Served::new(body), CSV_MEDIA_TYPE, &headers);
    let response = ServedLang::named(lang).label(response);
    Ok(attachment(response, "events", &named, "csv"))
}

/// Events with a point on the map as GeoJSON (`MultiPoint`: the event's
/// points, then its places'), the event with its sources as properties.
#[utoipa::path(get, path = "/api/events.geojson", tag = "atlas",
    params(EventParams),
    responses(
        (status = 200, description = "FeatureCollection of MultiPoint features, one per matching event with a point", body = EventFeatureCollection, content_type = "application/geo+json"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "A malformed or unknown parameter, named in `detail`", body = ErrorBody),
    ))]
pub async fn events_geojson(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = params::event_params(query, |i| island_known(&api, i))?;
    let (lang, rows, named) = events(&api, params);
    let body = EventFeatureCollection::new(&rows);
    let response = respond_in(api.revision(), lang, &body, GEOJSON, &headers)?;
    Ok(attachment(response, "events", &named, "geojson"))
}

/// The deployments `params` select, at their sites, with their sources.
pub fn deployment_features(api: &Api, params: &AtParams) -> DeploymentFeatureCollection {
    let data = &api.in_language(params.lang.unwrap_or_default()).data;
    let all = DeploymentFeatureCollection::from_dataset(data, params.at);
    match &params.island {
        Some(island) => all.on_island(data, island),
        None => all,
    }
}

/// Deployments as CSV: one row per deployment `/api/deployments` lists
/// for the same filters, at its site, with its sources.
#[utoipa::path(get, path = "/api/deployments.csv", tag = "atlas",
    params(AtParams),
    responses(
        (status = 200, description = "RFC 4180 CSV (UTF-8, CRLF, a header row): one row per deployment, with its sources; columns as `/api/datapackage.json` describes them", content_type = "text/csv; charset=utf-8", body = String),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "Malformed `at`, `island` or `lang`", body = ErrorBody),
    ))]
pub async fn deployments_csv(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = params::at_params(query, |i| island_known(&api, i))?;
    let lang = params.lang.unwrap_or_default();
    let body = downloads::deployments_csv(&deployment_features(&api, &params).features);
    let mut named: Vec<String> = params.island.iter().cloned().collect();
    named.extend(params.at.map(|d| format!("at-{d}")));
    named.extend(params.lang.map(|l| l.code().to_owned()));
    let response = cached(&Served::new(body), CSV_MEDIA_TYPE, &headers);
    let response = ServedLang::named(lang).label(response);
    Ok(attachment(response, "deployments", &named, "csv"))
}

/// The Frictionless Data Package describing every download: paths
/// (relative to this document), formats, media types, licences, the CSVs'
/// table schemas, and the sources.
#[utoipa::path(get, path = "/api/datapackage.json", tag = "atlas",
    responses(
        (status = 200, description = "Data Package (https://specs.frictionlessdata.io/data-package/)", content_type = "application/json", body = Object),
        (status = 304, description = "Not modified (If-None-Match)"),
    ))]
pub async fn datapackage(State(api): State<Api>, headers: HeaderMap) -> Response {
    cached(api.datapackage_json(), JSON, &headers)
}
