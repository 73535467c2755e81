//! Security headers and input limits on every response.
//!
//! One layer, wired in [`crate::routes::router`], that
//!
//! - refuses query strings over [`MAX_QUERY_BYTES`] (414) and request bodies
//!   over [`MAX_BODY_BYTES`] (413) before any handler runs;
//! - sets `Content-Security-Policy` (no `unsafe-inline`/`unsafe-eval`; the
//!   inline scripts and style elements of `dist/index.html` are allowed by
//!   their SHA-256, recomputed whenever the file changes), `Referrer-Policy`,
//!   `Permissions-Policy`, `X-Content-Type-Options`, and forbids framing with
//!   `frame-ancestors 'none'` + `X-Frame-Options: DENY` — except for embed
//!   permalinks (`/?…&embed=1`), which any site may frame;
//! - turns every non-JSON error under `/api` (axum's 405, the timeout's 408,
//!   the body limit's 413, …) into the API's `{ "error", "detail" }` shape.

use std::convert::Infallible;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, Bytes, HttpBody};
use axum::http::{HeaderMap, HeaderValue, Request, Response, StatusCode, header};
use axum::response::IntoResponse;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::{Layer, Service};
use tower_http::limit::{RequestBodyLimit, RequestBodyLimitLayer};

use crate::error::ApiError;

/// Longest query string accepted; real permalinks and filters are far shorter.
pub const MAX_QUERY_BYTES: usize = 8 * 1024;
/// Largest request body accepted. The API is read-only (GET), so this is
/// only a guard against clients streaming data nobody reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";
/// Powerful features the atlas never uses, denied to it and to any frame.
const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
     geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), \
     publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

/// How long answers other than the map page reuse the CSP without looking
/// at `index.html` again. A `stat` per response was about 5% of a cached
/// API answer's cost, and 4% of a kept `/about`'s (perf, 64 connections);
/// the script hashes only matter to the map page, which always re-checks.
const CSP_RECHECK: Duration = Duration::from_secs(1);

/// The layer: `router.layer(security::layer(dist))`.
pub fn layer(dist: &Path) -> SecurityLayer {
    SecurityLayer {
        policy: Arc::new(Policy::new(dist.join("index.html"))),
    }
}

#[derive(Clone)]
pub struct SecurityLayer {
    policy: Arc<Policy>,
}

impl<S> Layer<S> for SecurityLayer {
    type Service = Security<RequestBodyLimit<S>>;

    fn layer(&self, inner: S) -> Self::Service {
        Security {
            inner: RequestBodyLimitLayer::new(MAX_BODY_BYTES).layer(inner),
            policy: self.policy.clone(),
        }
    }
}

#[derive(Clone)]
pub struct Security<S> {
    inner: S,
    policy: Arc<Policy>,
}

impl<S, B> Service<Request<Body>> for Security<S>
where
    S: Service<Request<Body>, Response = Response<B>, Error = Infallible> + Send + 'static,
    S::Future: Send + 'static,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        let uri = request.uri();
        let api = is_api(uri.path());
        let map_page = is_map_page(uri.path());
        let query = uri.query().unwrap_or("");
        // Embeds are the map page with `embed=1`; the API is never framed.
        let frameable =
            !api && query.len() <= MAX_QUERY_BYTES && model::permalink::parse(query).0.embed;
        let policy = self.policy.clone();
        if query.len() > MAX_QUERY_BYTES {
            let mut response = ApiError {
                status: StatusCode::URI_TOO_LONG,
                error: "uri_too_long",
                detail: format!(
                    "the query string has {} bytes; at most {MAX_QUERY_BYTES} are accepted",
                    query.len()
                ),
            }
            .into_response();
            policy.apply(response.headers_mut(), false, map_page);
            return Box::pin(std::future::ready(Ok(response)));
        }
        let future = self.inner.call(request);
        Box::pin(async move {
            let response = future.await?.map(Body::new);
            let mut response = if api { json_error(response) } else { response };
            policy.apply(response.headers_mut(), frameable, map_page);
            Ok(response)
        })
    }
}

fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// `index.html`, the one document with an inline script (Trunk's loader),
/// whose hash the CSP must carry as soon as a build changes it.
fn is_map_page(path: &str) -> bool {
    path == "/" || path == "/index.html"
}

/// An error response under `/api` that is not JSON becomes `{ error, detail }`.
fn json_error(response: Response<Body>) -> Response<Body> {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (error, detail) = match status {
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "the API is read-only: use GET".to_owned(),
        ),
        StatusCode::REQUEST_TIMEOUT => {
            ("timeout", "the request took too long to answer".to_owned())
        }
        StatusCode::PAYLOAD_TOO_LARGE => (
            "payload_too_large",
            format!("request bodies are limited to {MAX_BODY_BYTES} bytes"),
        ),
        s if s.is_server_error() => ("internal", "the server failed to answer".to_owned()),
        s => (
            "bad_request",
            s.canonical_reason().unwrap_or("bad request").to_owned(),
        ),
    };
    let mut fixed = ApiError {
        status,
        error,
        detail,
    }
    .into_response();
    // Keep headers such as `Allow` and `Vary`; the body is new and uncompressed.
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE
            && name != header::CONTENT_LENGTH
            && name != header::CONTENT_ENCODING
        {
            fixed.headers_mut().append(name.clone(), value.clone());
        }
    }
    fixed
}

/// The headers, with the CSP's script hashes kept in step with `index.html`.
struct Policy {
    index: PathBuf,
    cached: RwLock<Cached>,
    /// When `index.html`'s modification time was last read, in ms since `started`.
    started: Instant,
    checked_ms: AtomicU64,
}

struct Cached {
    modified: Option<SystemTime>,
    /// Full CSP values: framing denied, and framing allowed (embeds).
    csp: HeaderValue,
    csp_embed: HeaderValue,
}

impl Policy {
    fn new(index: PathBuf) -> Self {
        let modified = modified(&index);
        let cached = Cached::build(modified, &index);
        Policy {
            index,
            cached: RwLock::new(cached),
            started: Instant::now(),
            checked_ms: AtomicU64::new(0),
        }
    }

    fn apply(&self, headers: &mut HeaderMap, frameable: bool, map_page: bool) {
        let csp = self.csp(frameable, map_page);
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        if frameable {
            headers.remove(header::X_FRAME_OPTIONS);
        } else {
            headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        }
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        headers.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        );
        headers.insert(
            "permissions-policy",
            HeaderValue::from_static(PERMISSIONS_POLICY),
        );
    }

    /// The CSP, rebuilt if `index.html` changed since (a new Trunk build);
    /// checked on every request for the map page, at most every
    /// [`CSP_RECHECK`] for anything else.
    fn csp(&self, frameable: bool, map_page: bool) -> HeaderValue {
        let pick = |c: &Cached| {
            if frameable {
                c.csp_embed.clone()
            } else {
                c.csp.clone()
            }
        };
        let elapsed_ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let recently = elapsed_ms.saturating_sub(self.checked_ms.load(Ordering::Relaxed))
            < CSP_RECHECK.as_millis() as u64;
        if !map_page
            && recently
            && let Ok(cached) = self.cached.read()
        {
            return pick(&cached);
        }
        let now = modified(&self.index);
        self.checked_ms.store(elapsed_ms, Ordering::Relaxed);
        if let Ok(cached) = self.cached.read()
            && cached.modified == now
        {
            return pick(&cached);
        }
        let fresh = Cached::build(now, &self.index);
        let value = pick(&fresh);
        if let Ok(mut cached) = self.cached.write() {
            *cached = fresh;
        }
        value
    }
}

impl Cached {
    fn build(modified: Option<SystemTime>, index: &Path) -> Self {
        let (scripts, styles) = std::fs::read_to_string(index)
            .map(|html| {
                (
                    inline_hashes(&html, "script"),
                    inline_hashes(&html, "style"),
                )
            })
            .unwrap_or_default();
        let make = |ancestors: &str| {
            let value = content_security_policy(&scripts, &styles, ancestors);
            // Hashes are base64 and the rest is ASCII, so this cannot fail;
            // fall back to the strictest policy all the same.
            HeaderValue::from_str(&value).unwrap_or_else(|_| {
                HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'")
            })
        };
        Cached {
            modified,
            csp: make("'none'"),
            csp_embed: make("*"),
        }
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The policy: everything from this origin only, no inline code except the
/// scripts and style elements whose hashes are given, WebAssembly
/// compilation allowed.
pub fn content_security_policy(
    script_hashes: &[String],
    style_hashes: &[String],
    frame_ancestors: &str,
) -> String {
    let sources = |first: &str, hashes: &[String]| {
        let mut list = String::from(first);
        for hash in hashes {
            list.push_str(" '");
            list.push_str(hash);
            list.push('\'');
        }
        list
    };
    let script_src = sources("'self' 'wasm-unsafe-eval'", script_hashes);
    let style_src = sources("'self'", style_hashes);
    format!(
        "default-src 'self'; script-src {script_src}; style-src {style_src}; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors {frame_ancestors}"
    )
}

/// `sha256-…` of the text of every inline `<tag>` element (`script` or
/// `style`; a script with `src` is not inline) in an HTML document, as a CSP
/// source expression.
pub fn inline_hashes(html: &str, tag: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let lower = html.to_ascii_lowercase();
    let (open, end) = (format!("<{tag}"), format!("</{tag}"));
    let mut at = 0;
    while let Some(start) = lower[at..].find(&open).map(|i| at + i) {
        let Some(open_end) = lower[start..].find('>').map(|i| start + i) else {
            break;
        };
        let Some(close) = lower[open_end..].find(&end).map(|i| open_end + i) else {
            break;
        };
        let tag = &lower[start..open_end];
        let has_src = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attr| attr.starts_with("src="));
        if !has_src {
            let text = &html[open_end + 1..close];
            let digest = Sha256::digest(text.as_bytes());
            hashes.push(format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        at = close;
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = "<head><script type=\"module\">alert(1)</script>\
                    <script src=\"/a.js\"></script><SCRIPT>x</SCRIPT></head>";
        let hashes = inline_hashes(html, "script");
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hashes,
            [
                "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=",
                "sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE="
            ]
        );
    }

    #[test]
    fn hashes_style_elements_not_stylesheet_links() {
        let html = "<head><link rel=\"stylesheet\" href=\"/s.css\"><style>a{b:c}</style>\
                    <script>x</script></head><body><STYLE>x</STYLE></body>";
        // echo -n 'x' | openssl dgst -sha256 -binary | base64
        let x = "sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE=";
        let styles = inline_hashes(html, "style");
        assert_eq!(styles.len(), 2);
        assert_eq!(styles[1], x);
        assert_eq!(inline_hashes(html, "script"), [x]);
    }

    #[test]
    fn unterminated_markup_is_not_a_panic() {
        for html in [
            "<script",
            "<script>",
            "<script>a</scr",
            "<scripté>é",
            "é<script>é</script>",
        ] {
            let _ = inline_hashes(html, "script");
            let _ = inline_hashes(html, "style");
        }
    }

    #[test]
    fn policy_has_no_unsafe_inline() {
        let csp = content_security_policy(&["sha256-x".into()], &["sha256-y".into()], "'none'");
        assert!(!csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x';"));
        assert!(
            csp.contains("style-src 'self' 'sha256-y';") && csp.contains("frame-ancestors 'none'")
        );
    }
}
