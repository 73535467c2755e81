//! Geometry endpoints: the land at each level of detail (GeoJSON, and ready
//! to draw), treaty lines and places (GeoJSON, and ready to draw), the
//! overview map's coastlines (ready to draw).

use crate::api::{GEOJSON, JSON};
use crate::error::ApiError;
use crate::http_cache::{Served, cached};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;

/// `GET /api/geo/land/{level}`: land polygons, `0` (overview) to `2` (full detail).
pub async fn land(
    State(state): State<AppState>,
    Path(level): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let served = at_level(&level, |l| state.land(l))?;
    Ok(cached(served, GEOJSON, &headers))
}

/// `GET /api/geo/shapes/{level}`: the same land, ready to draw: each feature's
/// properties and its outline as SVG path data in map units (what the app uses).
pub async fn shapes(
    State(state): State<AppState>,
    Path(level): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let served = at_level(&level, |l| state.shapes(l))?;
    Ok(cached(served, JSON, &headers))
}

/// The body for a level of detail named in a path; a 404 for anything else.
fn at_level<'a>(
    level: &str,
    body: impl Fn(usize) -> Option<&'a Served>,
) -> Result<&'a Served, ApiError> {
    level
        .parse::<usize>()
        .ok()
        .and_then(body)
        .ok_or_else(|| ApiError::not_found("level of detail", level))
}

/// `GET /api/geo/lines`: the Treaty of Shimoda boundary and claim lines (schematic).
pub async fn lines(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached(state.lines(), GEOJSON, &headers)
}

/// `GET /api/geo/places`: settlements, airfields and bases with names in three languages.
pub async fn places(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached(state.places(), GEOJSON, &headers)
}

/// `GET /api/geo/overlays`: places and lines ready to draw (what the app
/// uses): names, points, dates, and each line's path data in map units.
pub async fn overlays(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached(state.overlays(), JSON, &headers)
}

/// The overview map: the coasts round the Sea of Okhotsk (Hokkaido,
/// Sakhalin, Kamchatka, the whole Kuril chain) at very low detail, as one SVG
/// path in a small fixed Web Mercator frame, with the frame's bounds and the
/// main map's area in the same units.
#[utoipa::path(get, path = "/api/geo/overview", tag = "atlas",
    responses(
        (status = 200, description = "The overview map's coastlines, ready to draw", body = model::overview::Overview),
        (status = 304, description = "Not modified (If-None-Match)"),
    ))]
pub async fn overview(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached(state.overview(), JSON, &headers)
}

/// `GET /api/geo/overview.svg`: the same overview as a picture (the app's
/// inset draws only the view's extent over it).
pub async fn overview_svg(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached(state.overview_svg(), "image/svg+xml", &headers)
}
