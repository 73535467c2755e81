//! A cache of whole API responses. The data never changes after start-up, so
//! a response, once built and compressed, is valid until the server restarts;
//! serving it again skips serialisation, hashing and compression.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Entries kept; beyond this the cache starts over (no unbounded growth under odd queries).
const MAX_ENTRIES: usize = 4096;
/// Largest body kept.
const MAX_BODY: usize = 4 * 1024 * 1024;

#[derive(Clone)]
struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
pub struct ResponseCache {
    entries: RwLock<HashMap<String, Entry>>,
}

/// The one encoding the compression layer will pick for this request.
fn encoding(request: &HeaderMap) -> &'static str {
    let accepted = request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let offers = |name: &str| {
        accepted.split(',').any(|part| {
            let mut pieces = part.trim().split(';');
            let coding = pieces.next().unwrap_or("").trim();
            let refused = pieces.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if offers("br") {
        "br"
    } else if offers("gzip") {
        "gzip"
    } else {
        "identity"
    }
}

fn not_modified(entry: &Entry, if_none_match: Option<&HeaderValue>) -> Option<Response> {
    let etag = entry.headers.get(header::ETAG)?;
    let wanted = if_none_match?.to_str().ok()?;
    let matches = wanted
        .split(',')
        .any(|t| t.trim() == "*" || t.trim().as_bytes() == etag.as_bytes());
    if !matches {
        return None;
    }
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    for name in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
        if let Some(v) = entry.headers.get(&name) {
            response.headers_mut().insert(name, v.clone());
        }
    }
    Some(response)
}

fn respond(entry: &Entry, if_none_match: Option<&HeaderValue>) -> Response {
    not_modified(entry, if_none_match).unwrap_or_else(|| {
        let mut response = Response::new(Body::from(entry.body.clone()));
        *response.headers_mut() = entry.headers.clone();
        response
    })
}

/// Middleware for `GET /api/*`: answer from the cache, or build, keep and answer.
pub async fn cached_api(
    State(cache): State<Arc<ResponseCache>>,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET || !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let encoding = encoding(request.headers());
    let key = format!("{encoding} {}", request.uri());
    let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
    if let Some(entry) = cache.entries.read().ok().and_then(|e| e.get(&key).cloned()) {
        return respond(&entry, if_none_match.as_ref());
    }
    // Ask for exactly the encoding the key names, and always for a full body.
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, HeaderValue::from_static(encoding));
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        let mut failed = Response::new(Body::from("response too large to serve"));
        *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        return failed;
    };
    let entry = Entry {
        headers: parts.headers,
        body,
    };
    if let Ok(mut entries) = cache.entries.write() {
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, entry.clone());
    }
    respond(&entry, if_none_match.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("ascii"),
        );
        h
    }

    #[test]
    fn the_encoding_follows_what_the_client_accepts() {
        assert_eq!(encoding(&accept("gzip, deflate, br")), "br");
        assert_eq!(encoding(&accept("gzip")), "gzip");
        assert_eq!(encoding(&accept("br;q=0, gzip")), "gzip");
        assert_eq!(encoding(&HeaderMap::new()), "identity");
    }
}
