//! The one error type handlers return, [`ApiError`], rendered as JSON
//! `{ error, detail }` (`model::api::ErrorBody`, the shape the OpenAPI
//! document gives); and [`StartupError`], why the server did not start.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use model::api::ErrorBody;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// Short machine-readable kind, e.g. `bad_parameter`, `not_found`.
    pub error: &'static str,
    /// Human-readable explanation naming the parameter or id at fault.
    pub detail: String,
}

impl ApiError {
    pub fn bad_parameter(name: &str, why: impl std::fmt::Display) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            error: "bad_parameter",
            detail: format!("{name}: {why}"),
        }
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        let shown: String = id.chars().take(64).collect();
        ApiError {
            status: StatusCode::NOT_FOUND,
            error: "not_found",
            detail: format!("no {what} with id `{shown}`"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: self.error.to_owned(),
            detail: self.detail,
        };
        (self.status, Json(body)).into_response()
    }
}

/// Why the server did not start; `main` reports it and exits with failure.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Data(#[from] crate::data::LoadError),
    /// Serialising a body prepared at start-up failed (a bug, not the data).
    #[error("{what}: {source}")]
    Prepare {
        what: String,
        source: serde_json::Error,
    },
    #[error("message catalogues: {0}")]
    Catalogues(#[from] crate::i18n::CatalogueLoadError),
    #[error("no land level {level} (previews and the first paint need it)")]
    NoLevel { level: usize },
    #[error(
        "cannot listen on {addr}: the address is already in use (is another server running? choose another with --addr)"
    )]
    AddrInUse { addr: std::net::SocketAddr },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
}
