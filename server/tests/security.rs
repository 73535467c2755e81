//! Security headers on every kind of response: API, errors, static files,
//! the page, and embeds (which alone may be framed).

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::Engine;
use sha2::{Digest, Sha256};
use support::{Answer, INLINE_SCRIPT, INLINE_STYLE, get};

fn script_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The headers every response carries, framing denied unless `frameable`.
fn assert_hardened(uri: &str, a: &Answer, frameable: bool) {
    let csp = a.header("content-security-policy");
    for part in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' ",
        "object-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(csp.contains(part), "{uri}: CSP lacks {part}: {csp}");
    }
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{uri}: {csp}"
    );
    assert!(
        csp.contains(&script_hash(INLINE_SCRIPT)),
        "{uri}: CSP lacks the inline script's hash: {csp}"
    );
    // The page's inline style element (its first paint's styles), and nothing else inline.
    let style_src = format!("style-src 'self' {};", script_hash(INLINE_STYLE));
    assert!(
        csp.contains(&style_src),
        "{uri}: CSP lacks {style_src}: {csp}"
    );
    assert_eq!(a.header("x-content-type-options"), "nosniff", "{uri}");
    assert_eq!(
        a.header("referrer-policy"),
        "strict-origin-when-cross-origin",
        "{uri}"
    );
    let permissions = a.header("permissions-policy");
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"] {
        assert!(permissions.contains(feature), "{uri}: {permissions}");
    }
    if frameable {
        assert!(csp.ends_with("frame-ancestors *"), "{uri}: {csp}");
        assert!(!a.headers.contains_key("x-frame-options"), "{uri}");
    } else {
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert_eq!(a.header("x-frame-options"), "DENY", "{uri}");
    }
}

#[tokio::test]
async fn every_kind_of_response_has_the_security_headers() {
    for (uri, status) in [
        ("/api/health", StatusCode::OK),
        ("/api/events?island=etorofu", StatusCode::OK),
        ("/api/geo/land/0", StatusCode::OK),
        ("/api/events?kind=tank", StatusCode::BAD_REQUEST),
        ("/api/no-such-endpoint", StatusCode::NOT_FOUND),
        ("/", StatusCode::OK),
        ("/?island=kunashiri&embed=0", StatusCode::OK),
        ("/app-0123.js", StatusCode::OK),
        ("/style.css", StatusCode::OK),
        ("/no-such-file.js", StatusCode::NOT_FOUND),
        // The API is never framed, whatever its query says.
        ("/api/health?embed=1", StatusCode::OK),
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, status, "{uri}: {}", a.text());
        assert_hardened(uri, &a, false);
    }
}

#[tokio::test]
async fn cached_api_answers_have_the_same_headers_as_fresh_ones() {
    // One router, so the second request of each pair is answered from its cache.
    let app = support::app();
    for (uri, encoding) in [
        ("/api/islands/etorofu", "identity"),
        ("/api/geo/land/0", "gzip"),
        ("/api/events?island=kunashiri&limit=20", "br"),
    ] {
        let request = |if_none_match: Option<&str>| {
            let mut r = Request::get(uri).header("accept-encoding", encoding);
            if let Some(tag) = if_none_match {
                r = r.header("if-none-match", tag);
            }
            r.body(Body::empty()).expect("request")
        };
        let fresh = support::send(app.clone(), request(None)).await;
        let cached = support::send(app.clone(), request(None)).await;
        assert_eq!(fresh.status, StatusCode::OK, "{uri}");
        assert_eq!(cached.status, StatusCode::OK, "{uri}");
        assert_eq!(fresh.body, cached.body, "{uri}");
        let mut fresh_headers = fresh.headers.clone();
        let mut cached_headers = cached.headers.clone();
        fresh_headers.remove("date");
        cached_headers.remove("date");
        assert_eq!(fresh_headers, cached_headers, "{uri}");
        assert_hardened(uri, &cached, false);
        let tag = cached.header("etag").to_owned();
        let revalidated = support::send(app.clone(), request(Some(&tag))).await;
        assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(revalidated.body.is_empty(), "{uri}");
        assert_hardened(uri, &revalidated, false);
    }
}

#[tokio::test]
async fn embed_permalinks_may_be_framed_by_any_site() {
    for uri in [
        "/?embed=1",
        "/?map=8.00/44.000/146.500&island=etorofu&embed=1",
        // Parsing is total: a bad part elsewhere does not undo the embed.
        "/?map=nonsense&embed=1&zzz=1",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_hardened(uri, &a, true);
    }
    // Only `embed=1` itself counts.
    for uri in ["/?embed=2", "/?embed=1x", "/?xembed=1", "/?embed=0&embed=1"] {
        assert_hardened(uri, &get(uri).await, false);
    }
}

#[tokio::test]
async fn non_get_api_requests_are_json_405s_with_the_headers() {
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let request = Request::builder()
            .method(method)
            .uri("/api/events")
            .body(Body::from("{}"))
            .expect("request");
        let a = support::send(support::app(), request).await;
        assert_eq!(a.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert_eq!(a.header("content-type"), "application/json", "{method}");
        let json: serde_json::Value = serde_json::from_slice(&a.body).expect("json");
        assert_eq!(json["error"], "method_not_allowed");
        assert!(a.header("allow").contains("GET"), "{method}");
        assert_hardened(method, &a, false);
    }
}

#[tokio::test]
async fn the_csp_follows_a_rebuilt_index_html() {
    let dist = support::fake_dist("kuril-csp-rebuild");
    let app = support::app_with(dist.clone(), support::workspace().join("geodata"));
    let request = || Request::get("/").body(Body::empty()).expect("request");
    let before = support::send(app.clone(), request()).await;
    assert!(
        before
            .header("content-security-policy")
            .contains(&script_hash(INLINE_SCRIPT))
    );

    // A new build: different loader script, newer file.
    let rebuilt = "\nimport init from '/app-4567.js';\nawait init();\n";
    let index = dist.join("index.html");
    std::fs::write(
        &index,
        format!("<!doctype html><script type=\"module\">{rebuilt}</script>"),
    )
    .expect("rewrite");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&index)
        .and_then(|f| f.set_modified(later))
        .expect("touch");
    let after = support::send(app, request()).await;
    let csp = after.header("content-security-policy");
    assert!(csp.contains(&script_hash(rebuilt)), "{csp}");
    assert!(!csp.contains(&script_hash(INLINE_SCRIPT)), "{csp}");
}
