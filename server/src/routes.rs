//! The one router: API under `/api`, the built app for everything else.

use crate::error::ApiError;
use crate::http_cache::responses::{ResponseCache, ResponseCacheLayer};
use crate::panels::route::{self as fragments, route as fragment};
use crate::state::AppState;
use axum::Router;
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Json};
use axum::routing::get;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Longest a request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The router, with a cache of whole answers of the configured size.
pub fn router(state: AppState) -> Router {
    let cache = Arc::new(ResponseCache::new(state.response_budget()));
    router_with(state, cache)
}

/// The router answering from `cache` (tests keep it to watch its size).
pub fn router_with(state: AppState, cache: Arc<ResponseCache>) -> Router {
    let security = crate::security::layer(state.dist());
    let responses = ResponseCacheLayer::new(cache);
    let api = Router::new()
        .route("/health", get(health))
        .route("/geo/land/{level}", get(crate::geo::land))
        .route("/geo/shapes/{level}", get(crate::geo::shapes))
        .route("/geo/lines", get(crate::geo::lines))
        .route("/geo/places", get(crate::geo::places))
        .route("/geo/overlays", get(crate::geo::overlays))
        .route("/geo/overview", get(crate::geo::overview))
        .route("/geo/overview.svg", get(crate::geo::overview_svg))
        .route("/meta", get(crate::cite::meta))
        .route("/citation", get(crate::cite::citation))
        .merge(state.api().router())
        .fallback(api_not_found);

    // Unknown paths are 404s, not the app: a mistyped link should say so.
    let static_files = ServeDir::new(state.dist()).precompressed_br();

    let app = Router::new()
        .nest("/api", api)
        .route("/", get(crate::page::index))
        .route("/og.png", get(crate::page::preview))
        .route("/export.svg", get(crate::export::svg))
        .route("/export.png", get(crate::export::png))
        .route("/i18n/{file}", get(crate::i18n::catalogue))
        .route("/about", get(crate::about::about))
        .route("/methodology", get(crate::about::methodology))
        .route("/pages.css", get(crate::about::stylesheet))
        .route("/pages-icon.svg", get(crate::about::icon))
        .route("/events/{id}", get(crate::event_page::event_page))
        .route("/feed.atom", get(crate::event_page::feed))
        .route("/deployments", get(crate::deployments_page::deployments))
        .route("/fragments/panel", fragment(fragments::panel))
        .route("/fragments/story", fragment(fragments::story))
        .route("/fragments/reader", fragment(fragments::reader))
        .route("/fragments/measure", fragment(fragments::measure))
        .route("/fragments/controls", fragment(fragments::controls))
        .fallback_service(static_files)
        .with_state(state)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(axum::middleware::from_fn(
            crate::http_cache::assets::immutable_hashed_assets,
        ))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(TraceLayer::new_for_http())
        // A bug must cost one request (500), not the server.
        .layer(tower_http::catch_panic::CatchPanicLayer::new());

    // Around the whole router rather than on its routes: a kept answer (an
    // API answer, a page, the feed, a fragment, an export; already
    // compressed, with its ETag) skips routing and every layer above; only
    // the security layer's headers and limits still apply.
    Router::new().fallback_service(
        tower::ServiceBuilder::new()
            .layer(security)
            .layer(responses)
            .service(app),
    )
}

async fn health() -> impl IntoResponse {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

async fn api_not_found(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError {
        status: axum::http::StatusCode::NOT_FOUND,
        error: "not_found",
        detail: format!(
            "no API endpoint {method} {}",
            uri.path().chars().take(200).collect::<String>()
        ),
    }
}
