//! HTTP caching, all of it: entity tags and `304 Not Modified`, the
//! `Cache-Control` values the server sends, immutable caching of the built
//! app's content-hashed files ([`assets`]) and the cache of whole answers
//! ([`responses`]), bounded in bytes ([`budget`]).

pub mod assets;
pub mod budget;
pub mod responses;

use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::data::Revision;

/// Data answers: the data only changes with a restart, so revalidate (cheap,
/// with `If-None-Match`) after five minutes.
pub const REVALIDATE: &str = "public, max-age=300, must-revalidate";
/// Content-hashed files: a name never changes meaning.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Link-preview images: drawn from the data, kept a day.
pub const PREVIEW: &str = "public, max-age=86400";
/// The page: its script hashes and meta tags follow the build, so always ask.
pub const NO_CACHE: &str = "no-cache";

/// A response body prepared once, with its entity tag.
#[derive(Clone)]
pub struct Served {
    pub body: Bytes,
    pub etag: String,
}

impl Served {
    /// A body that does not come from the data (a stylesheet, an icon, the
    /// catalogues): tagged by its content alone, `"<16 hex>"`.
    pub fn new(body: impl Into<Bytes>) -> Self {
        let body = body.into();
        let etag = format!("\"{:016x}\"", fnv1a(&body));
        Served { body, etag }
    }

    /// A body drawn from the data: tagged `"<revision>-<16 hex>"`, the data
    /// revision ([`crate::data::Revision`], also in `/api/meta`) and the
    /// body's hash. The revision says which data an answer was made from
    /// and changes every tag when the data changes; the hash keeps a `304`
    /// right when a new build answers differently from the same data.
    pub fn of_data(revision: &Revision, body: impl Into<Bytes>) -> Self {
        let body = body.into();
        let etag = format!("\"{revision}-{:016x}\"", fnv1a(&body));
        Served { body, etag }
    }
}

/// FNV-1a: a stable, dependency-free hash; entity tags need change detection, not security.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// True when an `If-None-Match` value names `etag` (or is `*`).
pub fn etag_matches(if_none_match: &HeaderValue, etag: &[u8]) -> bool {
    if_none_match.to_str().is_ok_and(|wanted| {
        wanted
            .split(',')
            .any(|t| t.trim() == "*" || t.trim().as_bytes() == etag)
    })
}

/// A prepared body with `ETag`, `Cache-Control`, and `304` for a matching
/// `If-None-Match`. A `GET` is answered by [`responses`] first (which
/// strips `If-None-Match` and answers it); the `304` here serves `HEAD`.
pub fn cached(served: &Served, content_type: &'static str, request: &HeaderMap) -> Response {
    let etag = HeaderValue::from_str(&served.etag).ok();
    let matches = request
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| etag_matches(v, served.etag.as_bytes()));
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], served.body.clone()).into_response()
    };
    let h = response.headers_mut();
    if let Some(etag) = etag {
        h.insert(header::ETAG, etag);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_names_the_tag_in_a_list_or_with_a_star() {
        let tag = Served::new("body").etag;
        let value = |s: &str| HeaderValue::from_str(s).expect("ascii");
        assert!(etag_matches(&value(&tag), tag.as_bytes()));
        assert!(etag_matches(
            &value(&format!("\"other\", {tag}")),
            tag.as_bytes()
        ));
        assert!(etag_matches(&value("*"), tag.as_bytes()));
        assert!(!etag_matches(&value("\"other\""), tag.as_bytes()));
        assert_ne!(Served::new("a").etag, Served::new("b").etag);
    }
}
