//! A hostile corpus through the real router: path traversal in every
//! encoding, malformed, overlong and repeated parameters, invalid UTF-8,
//! huge numbers, impossible dates, unknown values. The API answers each with
//! a 4xx `{ error, detail }` (or a 200 where the input is merely odd), never
//! a 5xx; nothing outside `dist/` is ever served.

mod support;

use axum::http::StatusCode;
use support::{Answer, SECRET, get};

/// Signs of a file from outside `dist/` in a body.
fn leaks(a: &Answer) -> bool {
    let text = a.text();
    text.contains(SECRET)
        || text.contains("[workspace]")
        || text.contains("[package]")
        || text.contains("root:x:0:0")
}

/// An API answer: JSON, never a 5xx; an error has exactly `{ error, detail }`.
fn assert_api_answer(uri: &str, a: &Answer) {
    assert!(
        a.status.is_success() || a.status.is_client_error(),
        "{uri}: {} {}",
        a.status,
        a.text()
    );
    let content_type = a.header("content-type");
    assert!(
        content_type == "application/json" || content_type == "application/geo+json",
        "{uri}: content-type {content_type:?}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&a.body).unwrap_or_else(|e| panic!("{uri}: not JSON ({e})"));
    if a.status.is_client_error() {
        let keys: Vec<&String> = json.as_object().expect("object").keys().collect();
        assert_eq!(keys, ["detail", "error"], "{uri}");
        assert!(
            json["detail"].as_str().is_some_and(|d| !d.is_empty()),
            "{uri}"
        );
    }
    assert!(!leaks(a), "{uri} leaks a file");
}

const TRAVERSALS: &[&str] = &[
    "/../Cargo.toml",
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/%2E%2E/Cargo.toml",
    "/..%2fsecret.txt",
    "/..%2Fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%252e%252e/secret.txt",
    "/%252e%252e%252fsecret.txt",
    "/..%5csecret.txt",
    "/%5c..%5csecret.txt",
    "/static/..%5c..%5cCargo.toml",
    "/static/..%5c..%5c..%5csecret.txt",
    "/./../secret.txt",
    "/.%2e/secret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/%c0%af..%c0%afsecret.txt",
    "/..;/secret.txt",
    "/secret.txt%00.js",
    "/index.html%00",
    "/%00",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/....//secret.txt",
    "/app-0123.js/../../secret.txt",
    "/api/../../secret.txt",
    "/api/%2e%2e/%2e%2e/secret.txt",
    "/api/geo/land/..%2f..%2f..%2fsecret.txt",
    "/api/events/..%2f..%2fsecret.txt",
    "/api/articles/%2e%2e%2f%2e%2e%2fCargo.toml",
];

#[tokio::test]
async fn traversal_never_serves_a_file_outside_dist() {
    for uri in TRAVERSALS {
        let a = get(uri).await;
        assert!(!leaks(&a), "{uri} leaks a file: {}", a.status);
        assert!(
            a.status.is_client_error(),
            "{uri}: {} (expected a 4xx)",
            a.status
        );
        if uri.starts_with("/api/") {
            assert_api_answer(uri, &a);
        }
    }
}

#[tokio::test]
async fn hostile_queries_get_json_4xx_answers() {
    let long_value = "a".repeat(5000);
    let many = "island=etorofu&".repeat(300);
    // `http::Uri` itself stops at 64 KiB; the 1 MB case goes to the real
    // server over a socket in `faults.rs`.
    let huge = format!("q={}", "x".repeat(60_000));
    let uris: Vec<String> = vec![
        // Unknown, repeated and empty parameters.
        "/api/events?kind=tank".into(),
        "/api/events?kind=".into(),
        "/api/events?kind=DEPLOYMENT".into(),
        "/api/events?island=atlantis".into(),
        "/api/events?island=etorofu&island=kunashiri".into(),
        many.clone()
            .replace("island=", "/api/events?island=")
            .chars()
            .take(4000)
            .collect(),
        "/api/events?=&=&&&".into(),
        "/api/events?&".into(),
        "/api/events?nope".into(),
        "/api/events?limit".into(),
        // Numbers.
        "/api/events?limit=99999999999999999999".into(),
        "/api/events?limit=0".into(),
        "/api/events?limit=-1".into(),
        "/api/events?limit=1e3".into(),
        "/api/events?limit=0x10".into(),
        "/api/events?limit=%2B5".into(),
        "/api/events?offset=18446744073709551615".into(),
        "/api/events?offset=9223372036854775807".into(),
        "/api/events?offset=9223372036854775808".into(),
        "/api/events?limit=1000&offset=9223372036854775807".into(),
        // Dates.
        "/api/events?from=2017-02-30".into(),
        "/api/events?from=2017-13-01".into(),
        "/api/events?from=0000-01-01".into(),
        "/api/events?from=99999".into(),
        "/api/events?from=-2017".into(),
        "/api/events?from=2017-1-1".into(),
        "/api/events?from=2018&to=2017".into(),
        "/api/events?to=2017-02-29".into(),
        "/api/deployments?at=2017-02-30".into(),
        "/api/deployments?at=2016".into(),
        "/api/deployments?at=%00".into(),
        "/api/deployments.geojson?at=9999-99-99".into(),
        "/api/deployments?at=2017-01-01&at=2018-01-01".into(),
        // Encodings: invalid UTF-8, NUL, control characters, overlong forms.
        "/api/events?q=%ff%fe".into(),
        "/api/events?%ff%fe=1".into(),
        "/api/events?island=%ff".into(),
        "/api/events?q=%00%00".into(),
        "/api/events?q=%".into(),
        "/api/events?q=%zz".into(),
        "/api/events?q=%c0%80".into(),
        "/api/events?q=%e2%80%ae".into(),
        "/api/events?kind=%3Cscript%3Ealert(1)%3C/script%3E".into(),
        "/api/events?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E".into(),
        format!("/api/events?q={long_value}"),
        format!("/api/events?{long_value}=1"),
        // Ids.
        "/api/events/%ff%fe".into(),
        "/api/events/%00".into(),
        format!("/api/events/{long_value}"),
        "/api/islands/%3Cscript%3E".into(),
        "/api/geo/land/99999999999999999999".into(),
        "/api/geo/land/%2D1".into(),
        "/api/articles/..".into(),
        // Query strings far over the limit.
        format!("/api/events?{huge}"),
        format!("/api/health?{huge}"),
        format!("/api/events?{}", many.repeat(4)),
    ];
    for uri in &uris {
        let a = get(uri).await;
        let shown: String = uri.chars().take(80).collect();
        assert_api_answer(&shown, &a);
    }
    // The long query is refused before any parsing, naming the limit.
    let a = get(&format!("/api/events?{huge}")).await;
    assert_eq!(a.status, StatusCode::URI_TOO_LONG);
    assert!(a.text().contains("8192"), "{}", a.text());
}

#[tokio::test]
async fn odd_but_valid_inputs_are_answered_not_refused() {
    for uri in [
        "/api/events?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/api/events?q=%e2%80%ae",
        "/api/events?q=%ff%fe",
        "/api/events?from=2016-02-29",
        "/api/events?limit=1000&offset=9223372036854775807",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.text());
        assert_api_answer(uri, &a);
    }
}

#[tokio::test]
async fn non_api_paths_with_hostile_queries_still_serve_the_page_or_refuse() {
    for uri in [
        "/?map=99999999999999999999/1e308/-1e308",
        "/?island=%3Cscript%3Ealert(1)%3C/script%3E",
        "/?date=2017-02-30&event=%ff%fe&excerpt=-1",
        "/?embed=%00",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        // The page is the static file: nothing from the URL is reflected.
        assert!(!a.text().contains("alert(1)") && !leaks(&a), "{uri}");
    }
    let a = get(&format!("/?q={}", "x".repeat(60_000))).await;
    assert_eq!(a.status, StatusCode::URI_TOO_LONG);
}
