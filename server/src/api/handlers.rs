//! Thin handlers: parse, query `model::events`, serialize with an ETag.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use model::api::*;
use model::i18n::Lang;
use serde::Serialize;

use super::params::{self, AtParams, ChangesParams, EventParams, LangParams, MAX_LIMIT, RawQuery};
use super::{Api, GEOJSON, JSON};
use crate::data::Revision;
use crate::error::ApiError;
use crate::http_cache::{Served, cached};
use crate::page::ServedLang;

pub(super) fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        error: "internal",
        detail: e.to_string(),
    }
}

pub(super) fn respond<T: Serialize>(
    revision: &Revision,
    value: &T,
    content_type: &'static str,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(value).map_err(internal)?;
    Ok(cached(
        &Served::of_data(revision, body),
        content_type,
        headers,
    ))
}

/// [`respond`] for an answer whose text is in `lang`, said by `Content-Language`.
pub(super) fn respond_in<T: Serialize>(
    revision: &Revision,
    lang: Lang,
    value: &T,
    content_type: &'static str,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    let response = respond(revision, value, content_type, headers)?;
    Ok(ServedLang::named(lang).label(response))
}

/// Whether `id` is an island or group the data knows: exactly the
/// `island` values the OpenAPI document lists (`api::openapi_document`).
pub(super) fn island_known(api: &Api, id: &str) -> bool {
    api.data().islands.contains(id)
}

/// Named islands, islets and groups, with both names and data counts.
#[utoipa::path(get, path = "/api/islands", tag = "atlas",
    responses(
        (status = 200, description = "All islands", body = IslandList),
        (status = 304, description = "Not modified (If-None-Match)"),
    ))]
pub async fn list_islands(
    State(api): State<Api>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let list = IslandList {
        items: api.islands().to_vec(),
    };
    respond(api.revision(), &list, JSON, &headers)
}

/// One island: names, deployment history with evidence, its events, and its
/// story (events and deployment changes in time order, grouped by period).
#[utoipa::path(get, path = "/api/islands/{id}", tag = "atlas",
    params(("id" = String, Path, description = "Island or group id, as `/api/islands` lists them"), LangParams),
    responses(
        (status = 200, description = "The island", body = IslandDetail),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
        (status = 404, description = "No such island", body = ErrorBody),
    ))]
pub async fn get_island(
    State(api): State<Api>,
    Path(id): Path<String>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let l = api.in_language(lang);
    let detail = IslandDetail::of_in(&id, &l.islands, &l.islands_data, &l.data, &l.catalogue)
        .ok_or_else(|| ApiError::not_found("island", &id))?;
    respond_in(api.revision(), lang, &detail, JSON, &headers)
}

/// Events in date order, filtered and paged.
#[utoipa::path(get, path = "/api/events", tag = "atlas",
    params(EventParams),
    responses(
        (status = 200, description = "Matching events", body = EventPage),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "A malformed or unknown parameter, named in `detail`", body = ErrorBody),
    ))]
pub async fn list_events(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = params::event_params(query, |i| island_known(&api, i))?;
    let lang = params.lang.unwrap_or_default();
    let q = params.into_query();
    let page = api.in_language(lang).data.query_events(&q);
    let body = EventPage {
        total: page.total,
        offset: q.offset,
        limit: q.limit.unwrap_or(MAX_LIMIT),
        items: page.items.into_iter().cloned().collect(),
    };
    respond_in(api.revision(), lang, &body, JSON, &headers)
}

/// Every event as the map and the timeline use it: id, date, title and
/// where (points, places, islands); the full records are `/api/events`.
#[utoipa::path(get, path = "/api/event-marks", tag = "atlas",
    params(LangParams),
    responses(
        (status = 200, description = "Every event, in date order, as the map marks it", body = Vec<model::marks::EventMark>),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
    ))]
pub async fn event_marks(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let response = cached(api.event_marks_json(lang), JSON, &headers);
    Ok(ServedLang::named(lang).label(response))
}

/// One event with the deployments it establishes and the excerpts reporting it.
#[utoipa::path(get, path = "/api/events/{id}", tag = "atlas",
    params(("id" = String, Path, description = "Event id"), LangParams),
    responses(
        (status = 200, description = "The event", body = EventDetail),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
        (status = 404, description = "No such event", body = ErrorBody),
    ))]
pub async fn get_event(
    State(api): State<Api>,
    Path(id): Path<String>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let data = &api.in_language(lang).data;
    let event = data
        .event(&id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("event", &id))?;
    let deployments = data
        .deployments
        .iter()
        .filter(|d| d.changes.iter().any(|c| c.events.contains(&id)))
        .map(DeploymentRef::from)
        .collect();
    let excerpts = event
        .excerpts
        .iter()
        .filter_map(|x| data.excerpt_view(x))
        .collect();
    let detail = EventDetail {
        event,
        deployments,
        excerpts,
    };
    respond_in(api.revision(), lang, &detail, JSON, &headers)
}

/// Deployments, all or those in place on a day, on all islands or one.
#[utoipa::path(get, path = "/api/deployments", tag = "atlas",
    params(AtParams),
    responses(
        (status = 200, description = "Deployments", body = DeploymentList),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "Malformed `at`, `island` or `lang`", body = ErrorBody),
    ))]
pub async fn list_deployments(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let AtParams { island, at, lang } = params::at_params(query, |i| island_known(&api, i))?;
    let lang = lang.unwrap_or_default();
    let data = &api.in_language(lang).data;
    let mut items: Vec<_> = match at {
        Some(date) => data.deployments_at(date).into_iter().cloned().collect(),
        None => data.deployments.clone(),
    };
    if let Some(island) = island {
        items.retain(|d| data.concerns(std::slice::from_ref(&d.island), &island));
    }
    let body = DeploymentList {
        at: at.map(|d| d.to_string()),
        items,
    };
    respond_in(api.revision(), lang, &body, JSON, &headers)
}

/// Deployments as GeoJSON points (site, else the island's centroid), each
/// with the sources of the events behind its changes.
#[utoipa::path(get, path = "/api/deployments.geojson", tag = "atlas",
    params(AtParams),
    responses(
        (status = 200, description = "FeatureCollection of Point features", body = DeploymentFeatureCollection, content_type = "application/geo+json"),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "Malformed `at`, `island` or `lang`", body = ErrorBody),
    ))]
pub async fn deployments_geojson(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = params::at_params(query, |i| island_known(&api, i))?;
    let lang = params.lang.unwrap_or_default();
    let body = super::downloads::deployment_features(&api, &params);
    respond_in(api.revision(), lang, &body, GEOJSON, &headers)
}

/// The deployments whose place on the map differs between two days: added
/// (in place on `to`, not on `from`), withdrawn (in place on `from`, not on
/// `to`) and changed (in place on both, another status), each with the
/// changes between the days and their events and sources. `to` may come
/// before `from`: the state on `from` is still compared with the state on
/// `to`, so the lists read backwards (no error).
#[utoipa::path(get, path = "/api/deployments/changes", tag = "atlas",
    params(ChangesParams),
    responses(
        (status = 200, description = "Deployments added, withdrawn and changed between the two days", body = DeploymentChanges),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "`from` or `to` missing or not a valid date, an unknown parameter or `lang`", body = ErrorBody),
    ))]
pub async fn deployment_changes(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let ChangesParams { from, to, lang } = params::changes_params(query)?;
    let lang = lang.unwrap_or_default();
    let body = DeploymentChanges::between(&api.in_language(lang).data, from, to);
    respond_in(api.revision(), lang, &body, JSON, &headers)
}

/// One deployment with the events behind each change, and each change's evidence.
#[utoipa::path(get, path = "/api/deployments/{id}", tag = "atlas",
    params(("id" = String, Path, description = "Deployment id"), LangParams),
    responses(
        (status = 200, description = "The deployment", body = DeploymentDetail),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
        (status = 404, description = "No such deployment", body = ErrorBody),
    ))]
pub async fn get_deployment(
    State(api): State<Api>,
    Path(id): Path<String>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let body = DeploymentDetail::of(&id, &api.in_language(lang).data)
        .ok_or_else(|| ApiError::not_found("deployment", &id))?;
    respond_in(api.revision(), lang, &body, JSON, &headers)
}

/// Every article with excerpts, shipped or quoted by excerpt only: outlet,
/// kind, url, date, language and the excerpts with their notes and events;
/// without texts.
#[utoipa::path(get, path = "/api/articles", tag = "atlas",
    params(LangParams),
    responses(
        (status = 200, description = "Every article with its excerpts", body = ArticleList),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
    ))]
pub async fn list_articles(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let body = ArticleList {
        items: api.in_language(lang).data.article_summaries(),
    };
    respond_in(api.revision(), lang, &body, JSON, &headers)
}

/// One article: its full text if shipped, excerpts, annotations (fact-checks) and linked events.
#[utoipa::path(get, path = "/api/articles/{id}", tag = "atlas",
    params(("id" = String, Path, description = "Article id"), LangParams),
    responses(
        (status = 200, description = "The article", body = model::events::ArticleView),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
        (status = 404, description = "No such article", body = ErrorBody),
    ))]
pub async fn get_article(
    State(api): State<Api>,
    Path(id): Path<String>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let view = api
        .in_language(lang)
        .data
        .article_view(&id)
        .ok_or_else(|| ApiError::not_found("article", &id))?;
    respond_in(api.revision(), lang, &view, JSON, &headers)
}

/// Japan's and Russia's positions: each in our words (in `lang`, our
/// translation), its points with their sources, and short verbatim
/// statements, each with our translation into `lang` unless it is in it.
#[utoipa::path(get, path = "/api/positions", tag = "atlas",
    params(LangParams),
    responses(
        (status = 200, description = "Both governments' positions", body = model::positions::Positions),
        (status = 304, description = "Not modified (If-None-Match)"),
        (status = 400, description = "An unknown parameter or `lang`", body = ErrorBody),
    ))]
pub async fn positions(
    State(api): State<Api>,
    query: RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let lang = params::lang_params(query)?.lang.unwrap_or_default();
    let response = cached(api.positions_json(lang), JSON, &headers);
    Ok(ServedLang::named(lang).label(response))
}

/// This API's OpenAPI 3.1 description.
#[utoipa::path(get, path = "/api/openapi.json", tag = "atlas",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn openapi(State(api): State<Api>, headers: HeaderMap) -> Response {
    cached(api.openapi_json(), JSON, &headers)
}
