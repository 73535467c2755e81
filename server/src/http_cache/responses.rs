//! A cache of whole answers, in front of routing: every `GET` the server
//! answers from the data (the API, the pages, the feed, the panels'
//! fragments, the exports, the previews) is, once built and compressed,
//! kept and answered again for a lookup and a copy of its headers. The
//! data never changes after start-up, so an answer stays right as long as
//! what else it was drawn from stays the same; the key holds all of that
//! ([`KeyRef`]): the path and query, the encoding, the `Host` (pages and
//! the feed write absolute links from it), the reader's `Accept-Language`
//! where the answer says it varies with it, and the UTC day (`/deployments`
//! and the panels end their charts today).
//!
//! Not kept: an answer other than `200`, one marked `no-cache`,
//! `no-store` or `private` (`index.html`, whose script hashes follow the
//! build; `/api/citation`, whose access date is today), a file from
//! `dist/` (it says `Last-Modified`: a rebuild may replace it while the
//! server runs, and `ServeDir` answers its conditional and range requests),
//! one that varies with another request header, and a body over
//! [`MAX_KEPT`] (sent as it comes). It holds at most its byte budget
//! (`--response-cache-mib`), keys, headers and bodies counted
//! ([`super::budget`]).

use super::budget::{ByteCache, Weigh};
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use http_body::{Frame, SizeHint};
use model::events::Date;
use quick_cache::Equivalent;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tower::{Layer, Service};

/// Largest body kept; a bigger one is sent as it comes, not kept (the
/// export PNG at its largest size, 1600×1200, is 850 KB for 2016-11-22).
const MAX_KEPT: usize = 4 * 1024 * 1024;
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

/// What an answer is kept under, owned: see [`KeyRef`].
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    uri: Box<str>,
    host: Option<Box<[u8]>>,
    encoding: Encoding,
    day: Date,
    language: Option<Option<Box<[u8]>>>,
}

/// What an answer may depend on, borrowed from the request, so a lookup
/// needs no allocation; it hashes exactly as [`Key`] does (the same fields
/// in the same order; `str` and `Box<str>`, `[u8]` and `Box<[u8]>` hash
/// alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct KeyRef<'a> {
    /// Path and query.
    uri: &'a str,
    /// The `Host` header: the origin of the absolute links pages, the feed,
    /// the exports and the citation write (`page::origin`).
    host: Option<&'a [u8]>,
    /// The one encoding the answer is kept in.
    encoding: Encoding,
    /// Today (UTC, `data::today`): what "today" meant when it was drawn.
    day: Date,
    /// `None` for an answer the same for every reader; else the reader's
    /// `Accept-Language` (the first, as `page::reader_lang` reads it), for
    /// an answer that says `Vary: Accept-Language` (a page without `lang=`).
    language: Option<Option<&'a [u8]>>,
}

impl<'a> KeyRef<'a> {
    /// The key of `uri` asked for with `headers`, on `day`, for an answer
    /// that does not vary with the reader's language.
    fn of(uri: &'a str, headers: &'a HeaderMap, encoding: Encoding, day: Date) -> Self {
        KeyRef {
            uri,
            host: headers.get(header::HOST).map(HeaderValue::as_bytes),
            encoding,
            day,
            language: None,
        }
    }

    /// The same key for an answer that varies with the reader's language.
    fn in_language(self, headers: &'a HeaderMap) -> Self {
        let language = headers
            .get(header::ACCEPT_LANGUAGE)
            .map(HeaderValue::as_bytes);
        KeyRef {
            language: Some(language),
            ..self
        }
    }

    fn to_owned(self) -> Key {
        Key {
            uri: self.uri.into(),
            host: self.host.map(Box::from),
            encoding: self.encoding,
            day: self.day,
            language: self.language.map(|l| l.map(Box::from)),
        }
    }
}

impl Equivalent<Key> for KeyRef<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.uri == &*key.uri
            && self.host == key.host.as_deref()
            && self.encoding == key.encoding
            && self.day == key.day
            && self.language == key.language.as_ref().map(Option::as_deref)
    }
}

impl Weigh for Key {
    fn bytes(&self) -> usize {
        let bytes = |b: &Option<Box<[u8]>>| b.as_ref().map_or(0, |b| b.len());
        self.uri.len() + bytes(&self.host) + self.language.as_ref().map_or(0, bytes)
    }
}

/// Whole answers, at most `budget` bytes of them.
pub struct ResponseCache {
    entries: ByteCache<Key, Entry>,
}

impl ResponseCache {
    pub fn new(budget_bytes: u64) -> Self {
        ResponseCache {
            entries: ByteCache::new(budget_bytes, TYPICAL_ENTRY),
        }
    }

    /// The answer kept for `key`: one the same for every reader, else the
    /// one for this reader's language.
    fn get(&self, key: KeyRef, headers: &HeaderMap) -> Option<Arc<Entry>> {
        self.entries
            .get(&key)
            .or_else(|| self.entries.get(&key.in_language(headers)))
    }

    fn insert(&self, key: KeyRef, entry: Arc<Entry>) {
        self.entries.insert(key.to_owned(), entry);
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

/// Whether an answer with these headers may be kept, and whether it
/// varies with the reader's language; `None`: not kept.
fn keepable(headers: &HeaderMap) -> Option<bool> {
    let mut refused = headers
        .get_all(header::CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|d| {
            ["no-cache", "no-store", "private"]
                .iter()
                .any(|no| d.trim().eq_ignore_ascii_case(no))
        });
    refused |= headers.contains_key(header::LAST_MODIFIED);
    let mut in_language = false;
    for name in vary_names(headers) {
        if name.eq_ignore_ascii_case(header::ACCEPT_LANGUAGE.as_str()) {
            in_language = true;
        } else if !name.eq_ignore_ascii_case(header::ACCEPT_ENCODING.as_str()) {
            // `*` or a header the key does not hold.
            refused = true;
        }
    }
    (!refused).then_some(in_language)
}

/// The header names every `Vary` of `headers` lists.
fn vary_names(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    headers
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// `304 Not Modified` for an answer with these headers when the request's
/// `If-None-Match` names its entity tag: with the headers a `200` would
/// have had that a cache needs (RFC 9110 15.4.5), every `Vary` among them.
fn not_modified(headers: &HeaderMap, if_none_match: Option<&HeaderValue>) -> Option<Response> {
    let etag = headers.get(header::ETAG)?;
    if !super::etag_matches(if_none_match?, etag.as_bytes()) {
        return None;
    }
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NOT_MODIFIED;
    let kept: [HeaderName; 5] = [
        header::ETAG,
        header::CACHE_CONTROL,
        header::VARY,
        header::CONTENT_LOCATION,
        header::EXPIRES,
    ];
    for name in kept {
        for value in headers.get_all(&name) {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    Some(response)
}

fn respond(entry: &Entry, if_none_match: Option<&HeaderValue>) -> Response {
    not_modified(&entry.headers, if_none_match).unwrap_or_else(|| {
        let mut response = Response::new(Body::from(entry.body.clone()));
        *response.headers_mut() = entry.headers.clone();
        response
    })
}

/// A body read whole, or, past `limit`, what was read and the rest.
enum Read {
    Whole(Bytes),
    TooBig(Resumed),
}

/// Reads `body` until its end or past `limit` bytes.
async fn read_up_to(mut body: Body, limit: usize) -> Result<Read, axum::Error> {
    let mut read = VecDeque::new();
    let mut len = 0;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        // Trailers: none of our answers has them; nothing to keep.
        let Ok(data) = frame?.into_data() else {
            continue;
        };
        len += data.len();
        read.push_back(data);
        if len > limit {
            return Ok(Read::TooBig(Resumed { read, rest: body }));
        }
    }
    if read.len() == 1 {
        return Ok(Read::Whole(read.pop_front().unwrap_or_default()));
    }
    let mut whole = Vec::with_capacity(len);
    for chunk in read {
        whole.extend_from_slice(&chunk);
    }
    Ok(Read::Whole(Bytes::from(whole)))
}

/// A body whose first chunks were read (to see whether it could be kept),
/// then the rest as it comes.
struct Resumed {
    read: VecDeque<Bytes>,
    rest: Body,
}

impl HttpBody for Resumed {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        match self.read.pop_front() {
            Some(chunk) => Poll::Ready(Some(Ok(Frame::data(chunk)))),
            None => Pin::new(&mut self.rest).poll_frame(cx),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.read.is_empty() && self.rest.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let read: usize = self.read.iter().map(Bytes::len).sum();
        let rest = self.rest.size_hint();
        let mut hint = SizeHint::new();
        hint.set_lower(rest.lower() + read as u64);
        if let Some(upper) = rest.upper() {
            hint.set_upper(upper + read as u64);
        }
        hint
    }
}

/// The layer, outside routing and the rest of the stack (see
/// [`crate::routes::router`]), so a kept answer costs a lookup and a copy
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
    type Service = Cached<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Cached {
            inner,
            cache: self.cache.clone(),
        }
    }
}

/// `GET`: answer from the cache, or build, keep and answer.
#[derive(Clone)]
pub struct Cached<S> {
    inner: S,
    cache: Arc<ResponseCache>,
}

impl<S, B> Service<axum::http::Request<B>> for Cached<S>
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
        if request.method() != Method::GET {
            return Box::pin(inner.call(request));
        }
        let encoding = encoding(request.headers());
        let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
        let day = crate::data::today();
        let uri = request
            .uri()
            .path_and_query()
            .map_or_else(|| request.uri().path(), |p| p.as_str());
        let key = KeyRef::of(uri, request.headers(), encoding, day);
        if let Some(entry) = self.cache.get(key, request.headers()) {
            let response = respond(&entry, if_none_match.as_ref());
            return Box::pin(std::future::ready(Ok(response)));
        }
        // What the key is made of, kept past the request.
        let (uri, asked) = (uri.to_owned(), request.headers().clone());
        let cache = self.cache.clone();
        // Ask for exactly the encoding the key names, and always for a full body.
        request
            .headers_mut()
            .insert(header::ACCEPT_ENCODING, encoding.header_value());
        Box::pin(async move {
            let response = inner.call(request).await?;
            let if_none_match = if_none_match.as_ref();
            let in_language = match keepable(response.headers()) {
                Some(in_language) if response.status() == StatusCode::OK => in_language,
                _ => return Ok(passed(response, if_none_match)),
            };
            let (parts, body) = response.into_parts();
            let body = match read_up_to(body, MAX_KEPT).await {
                Ok(Read::Whole(body)) => body,
                Ok(Read::TooBig(rest)) => {
                    let response = Response::from_parts(parts, Body::new(rest));
                    return Ok(passed(response, if_none_match));
                }
                Err(e) => {
                    tracing::error!("an answer's body failed: {e}");
                    let mut failed = Response::new(Body::from("the answer failed"));
                    *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    return Ok(failed);
                }
            };
            let entry = Arc::new(Entry {
                headers: parts.headers,
                body,
            });
            // Drawn across midnight: it may hold either day; keep neither.
            if crate::data::today() == day {
                let key = KeyRef::of(&uri, &asked, encoding, day);
                let key = if in_language {
                    key.in_language(&asked)
                } else {
                    key
                };
                cache.insert(key, entry.clone());
            }
            Ok(respond(&entry, if_none_match))
        })
    }
}

/// An answer not kept, as it came, or `304` if the request's tag names it.
fn passed(response: Response, if_none_match: Option<&HeaderValue>) -> Response {
    if response.status() != StatusCode::OK {
        return response;
    }
    not_modified(response.headers(), if_none_match).unwrap_or(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, HeaderValue::from_str(value).expect("ascii"));
        }
        h
    }

    fn accept(value: &str) -> HeaderMap {
        headers(&[("accept-encoding", value)])
    }

    fn day(d: u8) -> Date {
        Date::new(2026, 12, d).expect("a day")
    }

    #[test]
    fn the_encoding_follows_what_the_client_accepts() {
        assert_eq!(encoding(&accept("gzip, deflate, br")), Encoding::Br);
        assert_eq!(encoding(&accept("gzip")), Encoding::Gzip);
        assert_eq!(encoding(&accept("br;q=0, gzip")), Encoding::Gzip);
        assert_eq!(encoding(&HeaderMap::new()), Encoding::Identity);
    }

    fn key(h: &HeaderMap, d: u8) -> KeyRef<'_> {
        KeyRef::of("/about", h, Encoding::Br, day(d))
    }

    /// Everything an answer may depend on is in its key: the host, the
    /// day, and the reader's languages where the answer varies with them.
    #[test]
    fn a_different_host_language_or_day_is_a_different_key() {
        let a = headers(&[("host", "a.example"), ("accept-language", "ja")]);
        let b = headers(&[("host", "b.example"), ("accept-language", "ja")]);
        let ru = headers(&[("host", "a.example"), ("accept-language", "ru")]);
        assert_ne!(key(&a, 1), key(&b, 1), "host");
        assert_ne!(key(&a, 1), key(&a, 2), "day");
        assert_ne!(key(&a, 1).in_language(&a), key(&a, 1), "varies");
        assert_ne!(key(&a, 1).in_language(&a), key(&ru, 1).in_language(&ru));
        // An answer the same for every reader is one entry for all of them.
        assert_eq!(key(&a, 1), key(&ru, 1));
        assert_ne!(
            KeyRef::of("/about?lang=ja", &a, Encoding::Br, day(1)),
            key(&a, 1)
        );
    }

    #[test]
    fn a_borrowed_key_finds_its_owned_entry() {
        let h = headers(&[("host", "a.example"), ("accept-language", "ru")]);
        let cache = ResponseCache::new(1 << 20);
        let key = KeyRef::of("/deployments", &h, Encoding::Gzip, day(3));
        let entry = Arc::new(Entry {
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"page"),
        });
        cache.insert(key.in_language(&h), entry);
        assert!(cache.entries.get(&key).is_none());
        assert!(cache.get(key, &h).is_some());
        let ja = headers(&[("host", "a.example"), ("accept-language", "ja")]);
        assert!(
            cache
                .get(KeyRef::of("/deployments", &ja, Encoding::Gzip, day(3)), &ja)
                .is_none()
        );
        assert!(
            cache
                .get(KeyRef::of("/deployments", &h, Encoding::Gzip, day(4)), &h)
                .is_none()
        );
    }

    #[test]
    fn what_is_not_kept() {
        let kept = |pairs: &[(&'static str, &str)]| keepable(&headers(pairs));
        assert_eq!(
            kept(&[("cache-control", "public, max-age=300")]),
            Some(false)
        );
        assert_eq!(kept(&[("vary", "accept-encoding")]), Some(false));
        assert_eq!(
            kept(&[("vary", "accept-language"), ("vary", "accept-encoding")]),
            Some(true)
        );
        assert_eq!(kept(&[("cache-control", "no-cache")]), None);
        assert_eq!(kept(&[("cache-control", "private, max-age=60")]), None);
        assert_eq!(
            kept(&[("last-modified", "Tue, 01 Dec 2026 00:00:00 GMT")]),
            None
        );
        assert_eq!(kept(&[("vary", "accept-encoding, cookie")]), None);
        assert_eq!(kept(&[("vary", "*")]), None);
    }

    #[test]
    fn a_304_keeps_every_vary() {
        let h = headers(&[
            ("etag", "\"x\""),
            ("vary", "accept-language"),
            ("vary", "accept-encoding"),
            ("content-type", "text/html"),
        ]);
        let tag = HeaderValue::from_static("\"x\"");
        let response = not_modified(&h, Some(&tag)).expect("a 304");
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers().get_all("vary").iter().count(), 2);
        assert!(response.headers().get("content-type").is_none());
        assert!(not_modified(&h, Some(&HeaderValue::from_static("\"y\""))).is_none());
    }

    #[tokio::test]
    async fn a_body_too_big_to_keep_is_sent_whole() {
        // Ten chunks of a thousand bytes, each byte its chunk's number.
        let body = Body::new(Resumed {
            read: (0..10).map(|i| Bytes::from(vec![i; 1000])).collect(),
            rest: Body::empty(),
        });
        let Ok(Read::TooBig(rest)) = read_up_to(body, 2500).await else {
            panic!("not too big")
        };
        let sent = axum::body::to_bytes(Body::new(rest), usize::MAX)
            .await
            .expect("the body");
        assert_eq!(sent.len(), 10_000);
        assert!(
            sent.chunks(1000)
                .enumerate()
                .all(|(i, c)| c.iter().all(|b| usize::from(*b) == i))
        );
        let Ok(Read::Whole(small)) = read_up_to(Body::from("small"), 2500).await else {
            panic!("not whole")
        };
        assert_eq!(small, "small");
    }
}
