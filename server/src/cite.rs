//! `/api/meta` (the data revision, the build's version and the record
//! counts) and `/api/citation` (a view cited in four formats, made by
//! `model::citation` with the view's title as the page words it).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use model::api::CitationSet;
use model::citation::Work;
use model::permalink;
use utoipa::IntoParams;

use crate::api::JSON;
use crate::data::today;
use crate::error::ApiError;
use crate::http_cache::{NO_CACHE, Served, cached};
use crate::page::ServedLang;
use crate::state::AppState;

/// The data revision, the server's version and how many records it holds.
#[utoipa::path(get, path = "/api/meta", tag = "atlas",
    responses(
        (status = 200, description = "The data revision and counts", body = model::api::Meta),
        (status = 304, description = "Not modified (If-None-Match)"),
    ))]
pub async fn meta(State(state): State<AppState>, headers: HeaderMap) -> Response {
    cached(state.meta(), JSON, &headers)
}

/// A view's parameters, exactly as on the page's address (`/?…`; see the
/// README's "Permalinks"). Like the page, the route never refuses a link:
/// a malformed or unknown part is left out of the view cited.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PermalinkParams {
    /// `zoom/latitude/longitude`, e.g. `8.25/44.100/146.700`.
    pub map: Option<String>,
    /// The open island or group panel (an id of `/api/islands`).
    pub island: Option<String>,
    /// The map's date, `YYYY-MM-DD` (default: today).
    pub date: Option<String>,
    /// The open event's id.
    pub event: Option<String>,
    /// The open deployment's id.
    pub deployment: Option<String>,
    /// The article open in the reader.
    pub article: Option<String>,
    /// One of the article's excerpts, 1-based.
    pub excerpt: Option<String>,
    /// Layers shown, comma-separated (default: all).
    pub layers: Option<String>,
    /// Names convention: `ja`, `ru` or `both`.
    pub names: Option<String>,
    /// The citation's language: `ja` or `ru` (English when absent, never
    /// the request's `Accept-Language`).
    pub lang: Option<String>,
}

/// "Cite this view": the view a permalink's parameters describe in APA 7,
/// Chicago (notes and bibliography), BibTeX and CSL-JSON, each with the
/// view's permalink, the data revision and today's date (UTC) as the access
/// date, in the link's language.
#[utoipa::path(get, path = "/api/citation", tag = "atlas",
    params(PermalinkParams),
    responses(
        (status = 200, description = "The view cited in four formats", body = CitationSet),
        (status = 304, description = "Not modified (If-None-Match)"),
    ))]
pub async fn citation(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (map_state, _) = permalink::parse(query.as_deref().unwrap_or(""));
    let pages = state.pages();
    let (mut map_state, subject) = pages.previewed(map_state);
    // The full page is cited, not its embedded frame.
    map_state.embed = false;
    let catalogue = pages.catalogue(map_state.lang());
    let title = pages.headline(&map_state, subject.as_ref());
    let url = format!(
        "{}{}",
        crate::page::origin(&headers),
        permalink::href(&map_state)
    );
    let linked = pages.linked();
    let accessed = today();
    let work = Work {
        title: &title,
        author: &catalogue.text("server-site-name"),
        url: &url,
        revision: linked.revision.as_str(),
        issued: linked.modified,
        accessed,
    };
    let cited = work.cite(catalogue);
    let body = CitationSet {
        apa: cited.apa,
        chicago: cited.chicago,
        bibtex: cited.bibtex,
        csl_json: cited.csl_json,
        accessed: accessed.to_string(),
        revision: linked.revision.to_string(),
        permalink: url.clone(),
        title,
    };
    let body = serde_json::to_vec(&body).map_err(|e| ApiError {
        status: axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        error: "internal",
        detail: e.to_string(),
    })?;
    let mut response = cached(&Served::of_data(&linked.revision, body), JSON, &headers);
    let h = response.headers_mut();
    // The access date changes at midnight: ask again each time (the
    // response cache keeps nothing marked `no-cache`).
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    Ok(ServedLang::named(map_state.lang()).label(response))
}
