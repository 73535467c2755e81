//! `GET /fragments/panel` and `GET /fragments/reader`: HTTP in, a panel out.

use super::{reader_panel, side_panel};
use crate::http_cache::{Served, cached};
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::permalink;

const HTML: &str = "text/html; charset=utf-8";

/// The side panel of the permalink in the query; `from=` names the event
/// an island's story was left from (its entry is marked and scrolled to).
pub async fn panel(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    fragment(&state, query.as_deref().unwrap_or(""), &headers, side_panel)
}

/// The reader of the permalink in the query.
pub async fn reader(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    fragment(
        &state,
        query.as_deref().unwrap_or(""),
        &headers,
        |ctx, _| reader_panel(ctx),
    )
}

/// The measure tool's well-known distances, in the link's language.
pub async fn measure(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    fragment(
        &state,
        query.as_deref().unwrap_or(""),
        &headers,
        |ctx, _| Some(super::measure_panel(ctx)),
    )
}

/// Parses the permalink as the page does (a malformed part is left out, as
/// the page leaves it out and says so), draws, answers: `204` for no panel.
fn fragment(
    state: &AppState,
    query: &str,
    headers: &HeaderMap,
    draw: impl FnOnce(&super::html::Ctx, Option<&str>) -> Option<String>,
) -> Response {
    let (mut parsed, _ignored) = permalink::parse(query);
    parsed.view = None;
    let from = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("from="))
        .map(permalink::percent_decode);
    let lang = parsed.lang();
    let data = state.panel_data(lang);
    let ctx = data.ctx(&parsed, crate::data::today());
    let Some(body) = draw(&ctx, from.as_deref()) else {
        return StatusCode::NO_CONTENT.into_response();
    };
    let mut response = cached(&Served::of_data(state.revision(), body), HTML, headers);
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    response
}
