//! `GET /fragments/{panel,story,reader,measure}`: HTTP in, a panel out. The
//! routes differ only in what they draw ([`Draw`]); [`route`] makes each.

use super::html::Ctx;
use crate::http_cache::{Served, cached};
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use model::permalink;

const HTML: &str = "text/html; charset=utf-8";

/// What a route draws from the request's context and its query's extra
/// parameters (those the permalink does not have: `from=`, `period=`);
/// `None`: nothing (a `204`).
pub type Draw = fn(&Ctx, &Extra) -> Option<String>;

/// The query's parameters that are not the permalink's.
pub struct Extra {
    /// The record an island's story was left from (its entry is marked).
    pub from: Option<String>,
    /// A story period's index (`/fragments/story`).
    pub period: Option<usize>,
}

/// The side panel of the permalink in the query (`side_panel`).
pub fn panel(ctx: &Ctx, extra: &Extra) -> Option<String> {
    super::side_panel(ctx, extra.from.as_deref())
}

/// One period's entries of the island's story (`period=`).
pub fn story(ctx: &Ctx, extra: &Extra) -> Option<String> {
    super::story_period(ctx, extra.period?)
}

/// The reader of the permalink in the query.
pub fn reader(ctx: &Ctx, _: &Extra) -> Option<String> {
    super::reader_panel(ctx)
}

/// The measure tool's well-known distances, in the link's language.
pub fn measure(ctx: &Ctx, _: &Extra) -> Option<String> {
    Some(super::measure_panel(ctx))
}

/// The `GET` route answering what `draw` draws.
pub fn route(draw: Draw) -> MethodRouter<AppState> {
    get(
        move |State(state): State<AppState>, RawQuery(query): RawQuery, headers: HeaderMap| async move {
            fragment(&state, query.as_deref().unwrap_or(""), &headers, draw)
        },
    )
}

/// Parses the permalink as the page does (a malformed part is left out, as
/// the page leaves it out and says so), draws, answers: `204` for no panel.
fn fragment(state: &AppState, query: &str, headers: &HeaderMap, draw: Draw) -> Response {
    let (mut parsed, _ignored) = permalink::parse(query);
    parsed.view = None;
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
            .map(permalink::percent_decode)
    };
    let extra = Extra {
        from: param("from"),
        period: param("period").and_then(|p| p.parse().ok()),
    };
    let lang = parsed.lang();
    let data = state.panel_data(lang);
    let ctx = data.ctx(&parsed, crate::data::today());
    let Some(body) = draw(&ctx, &extra) else {
        return StatusCode::NO_CONTENT.into_response();
    };
    let mut response = cached(&Served::of_data(state.revision(), body), HTML, headers);
    response.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    response
}
