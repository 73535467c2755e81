//! A cache of whole API responses. The data never changes after start-up, so
//! a response, once built and compressed, is valid until the server restarts;
//! serving it again skips serialisation, hashing and compression. It holds at
//! most its byte budget (`--response-cache-mib`), keys, headers and bodies
//! counted ([`super::budget`]). An answer marked `Cache-Control: no-cache`
//! (one that depends on the day, such as `/api/citation`) is not kept.

use super::budget::{ByteCache, Weigh};
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use quick_cache::Equivalent;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tower::{Layer, Service};

/// Largest body an API answer may have (a bigger one is a 500, not served).
const MAX_BODY: usize = 4 * 1024 * 1024;
/// A typical compressed answer, to size the cache's tables.
const TYPICAL_ENTRY: u64 = 8 * 1024;

struct Entry {
    headers: HeaderMap,
    body: Bytes,
}

impl Weigh for Entry {
    fn bytes(&self) -> usize {
        // A header costs its name and value plus the map's own slot.
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len() + 32)
            .sum();
        self.body.len() + headers
    }
}

/// The encodings the compression layer may pick, as slots of one URI's entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Encoding {
    Br = 0,
    Gzip = 1,
    Identity = 2,
}

impl Encoding {
    fn header_value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Encoding::Br => "br",
            Encoding::Gzip => "gzip",
            Encoding::Identity => "identity",
        })
    }
}

/// A request's path and query, and the encoding its answer is kept in.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    uri: String,
    encoding: Encoding,
}

/// [`Key`] borrowed from the request, so a lookup needs no allocation; it
/// hashes exactly as `Key` does (`str` and `String` hash alike).
#[derive(Hash)]
struct KeyRef<'a> {
    uri: &'a str,
    encoding: Encoding,
}

impl Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.uri == key.uri && self.encoding == key.encoding
    }
}

impl Weigh for Key {
    fn bytes(&self) -> usize {
        self.uri.len()
    }
}

/// Whole `/api` answers, at most `budget` bytes of them.
pub struct ResponseCache {
    entries: ByteCache<Key, Entry>,
}

impl ResponseCache {
    pub fn new(budget_bytes: u64) -> Self {
        ResponseCache {
            entries: ByteCache::new(budget_bytes, TYPICAL_ENTRY),
        }
    }

    fn get(&self, uri: &str, encoding: Encoding) -> Option<Arc<Entry>> {
        self.entries.get(&KeyRef { uri, encoding })
    }

    fn insert(&self, uri: &str, encoding: Encoding, entry: Arc<Entry>) {
        let key = Key {
            uri: uri.to_owned(),
            encoding,
        };
        self.entries.insert(key, entry);
    }

    /// Bytes held now (keys, headers and bodies, as weighed).
    pub fn weight(&self) -> u64 {
        self.entries.weight()
    }

    /// Answers held now.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The most bytes it may hold.
    pub fn budget(&self) -> u64 {
        self.entries.budget()
    }
}

/// The one encoding the compression layer will pick for this request.
fn encoding(request: &HeaderMap) -> Encoding {
    let offers = |name: &str| {
        request
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|part| {
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
        Encoding::Br
    } else if offers("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

fn not_modified(entry: &Entry, if_none_match: Option<&HeaderValue>) -> Option<Response> {
    let etag = entry.headers.get(header::ETAG)?;
    if !super::etag_matches(if_none_match?, etag.as_bytes()) {
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

/// The layer, outside routing and the rest of the stack (see
/// [`crate::routes::router`]), so a cached answer costs a lookup and a copy
/// of its headers.
#[derive(Clone)]
pub struct ResponseCacheLayer {
    cache: Arc<ResponseCache>,
}

impl ResponseCacheLayer {
    /// A layer answering from (and filling) `cache`, which the caller may
    /// keep to watch its size.
    pub fn new(cache: Arc<ResponseCache>) -> Self {
        ResponseCacheLayer { cache }
    }
}

impl<S> Layer<S> for ResponseCacheLayer {
    type Service = CachedApi<S>;

    fn layer(&self, inner: S) -> Self::Service {
        CachedApi {
            inner,
            cache: self.cache.clone(),
        }
    }
}

/// `GET /api/*`: answer from the cache, or build, keep and answer.
#[derive(Clone)]
pub struct CachedApi<S> {
    inner: S,
    cache: Arc<ResponseCache>,
}

impl<S, B> Service<axum::http::Request<B>> for CachedApi<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: axum::http::Request<B>) -> Self::Future {
        let mut request = request.map(Body::new);
        // The service that was polled ready answers; a clone stays for next time.
        let inner = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, inner);
        if request.method() != Method::GET || !request.uri().path().starts_with("/api/") {
            return Box::pin(inner.call(request));
        }
        let encoding = encoding(request.headers());
        let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
        let key = request
            .uri()
            .path_and_query()
            .map_or_else(|| request.uri().path(), |p| p.as_str());
        if let Some(entry) = self.cache.get(key, encoding) {
            let response = respond(&entry, if_none_match.as_ref());
            return Box::pin(std::future::ready(Ok(response)));
        }
        let key = key.to_owned();
        let cache = self.cache.clone();
        // Ask for exactly the encoding the key names, and always for a full body.
        request
            .headers_mut()
            .insert(header::ACCEPT_ENCODING, encoding.header_value());
        Box::pin(async move {
            let response = inner.call(request).await?;
            if response.status() != StatusCode::OK {
                return Ok(response);
            }
            let (parts, body) = response.into_parts();
            let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
                let mut failed = Response::new(Body::from("response too large to serve"));
                *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                return Ok(failed);
            };
            // An answer that must be asked for again each time (the
            // citation's access date) is answered, not kept.
            let keep = parts
                .headers
                .get(header::CACHE_CONTROL)
                .is_none_or(|v| v.as_bytes() != super::NO_CACHE.as_bytes());
            let entry = Arc::new(Entry {
                headers: parts.headers,
                body,
            });
            if keep {
                cache.insert(&key, encoding, entry.clone());
            }
            Ok(respond(&entry, if_none_match.as_ref()))
        })
    }
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
        assert_eq!(encoding(&accept("gzip, deflate, br")), Encoding::Br);
        assert_eq!(encoding(&accept("gzip")), Encoding::Gzip);
        assert_eq!(encoding(&accept("br;q=0, gzip")), Encoding::Gzip);
        assert_eq!(encoding(&HeaderMap::new()), Encoding::Identity);
    }
}
