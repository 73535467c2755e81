//! Hostile data (`fixtures/hostile.tsv`: script payloads and U+202E in every
//! text a reader sees) is served as inert data: JSON with a JSON content type
//! and `nosniff`, and escaped wherever the server writes HTML or SVG. Source
//! URLs that are not http(s) stop the server at start-up.

// Shared with xtask (the browser tests' hostile server).
#[path = "fixtures/hostile_plant.rs"]
mod hostile_plant;
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use std::path::{Path, PathBuf};
use support::{Answer, send};

/// `geodata/` copied to `dir` with the fixture's payloads planted.
pub fn hostile_data(dir: &Path) -> PathBuf {
    let geodata = support::workspace().join("geodata");
    hostile_plant::plant(&geodata, dir).unwrap_or_else(|e| panic!("planting hostile data: {e}"));
    dir.to_path_buf()
}

/// Hostile but valid data loads.
fn hostile_app() -> axum::Router {
    static STATE: std::sync::OnceLock<server::state::AppState> = std::sync::OnceLock::new();
    support::app_once(&STATE, || {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kuril-hostile-data");
        let data = hostile_data(&dir);
        (support::fake_dist("kuril-hostile-dist"), data)
    })
}

async fn get(uri: &str) -> Answer {
    send(
        hostile_app(),
        Request::get(uri).body(Body::empty()).expect("request"),
    )
    .await
}

#[tokio::test]
async fn hostile_text_is_served_as_json_data_only() {
    for uri in [
        "/api/events",
        "/api/events/treaty-of-shimoda-1855",
        "/api/islands",
        "/api/islands/shikotan",
        "/api/deployments",
        "/api/articles",
        "/api/articles/seed-2017-03-20",
        "/api/geo/land/0",
        "/api/geo/places",
        "/api/deployments.geojson",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let content_type = a.header("content-type");
        assert!(
            content_type == "application/json" || content_type == "application/geo+json",
            "{uri}: {content_type}"
        );
        assert_eq!(a.header("x-content-type-options"), "nosniff", "{uri}");
        assert!(
            a.header("content-security-policy")
                .contains("default-src 'self'")
        );
        // The payloads are there, as data: JSON strings that parse back to them.
        let json: serde_json::Value = serde_json::from_slice(&a.body).expect("json");
        let text = json.to_string();
        assert!(
            text.contains("<script>alert(1)</script>\u{202e}")
                || text.contains("<img src=x onerror=alert(6)>")
                || text.contains("<b onmouseover=alert(7)>")
                || text.contains("<iframe src=javascript:alert(5)>")
                || text.contains("<svg onload=alert(3)>"),
            "{uri}: the fixture's payloads are missing; the test would prove nothing"
        );
    }
}

#[tokio::test]
async fn the_page_and_its_preview_escape_hostile_names() {
    let a = get("/?island=shikotan&date=2017-01-01").await;
    assert_eq!(a.status, StatusCode::OK);
    let html = a.text();
    assert!(
        html.contains("Shikotan"),
        "the island's name is in the page"
    );
    for raw in [
        "<img src=x onerror",
        "<script>alert(8)",
        // The page has an inline SVG of its own, so look for the payload, not the bare tag.
        "</text><script>",
        "<b onmouseover",
    ] {
        assert!(!html.contains(raw), "the page contains {raw:?} unescaped");
    }
    // The preview draws the same names into SVG; they must not break it.
    let png = get("/og.png?island=shikotan").await;
    assert_eq!(png.status, StatusCode::OK, "{}", png.text());
    assert_eq!(png.header("content-type"), "image/png");
}

#[tokio::test]
async fn the_event_page_and_the_feed_escape_hostile_text() {
    let a = get("/events/treaty-of-shimoda-1855").await;
    assert_eq!(a.status, StatusCode::OK);
    let html = a.text();
    // The payload is there, as text.
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    for raw in [
        "<script",
        "<img src=x onerror",
        "<b onmouseover",
        "<iframe",
        "<svg onload",
    ] {
        assert!(
            !html.contains(raw),
            "the event page contains {raw:?} unescaped"
        );
    }
    let feed = get("/feed.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    let xml = feed.text();
    let doc = roxmltree::Document::parse(&xml).expect("the feed stays well-formed XML");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.contains("<script>alert(1)</script>")),
        "the payload is a title's text, not markup"
    );
}

#[tokio::test]
async fn the_about_page_escapes_hostile_positions_in_every_language() {
    for uri in ["/about", "/about?lang=ja", "/about?lang=ru"] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let html = a.text();
        // The payloads are there, as text (a speaker's, a government's name).
        assert!(
            html.contains("&lt;img src=x onerror=alert(10)&gt;"),
            "{uri}: {html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(11)&lt;/script&gt;"),
            "{uri}"
        );
        for raw in ["<script>alert", "<img src=x onerror", "\u{202e}"] {
            assert!(!html.contains(raw), "{uri} contains {raw:?} unescaped");
        }
    }
}

#[test]
fn source_urls_other_than_http_stop_start_up() {
    let events = support::workspace().join("geodata/events/events.toml");
    let text = std::fs::read_to_string(events).expect("events");
    for bad in [
        "javascript:alert(1)//",
        "JAVASCRIPT:alert(1)//x.org/",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "https:javascript:alert(1)",
        "//evil.example/x",
        "https://",
        "https:// x.org",
    ] {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kuril-bad-url");
        let _ = std::fs::remove_dir_all(&dir);
        hostile_plant::copy_dir(&support::workspace().join("geodata"), &dir).expect("copy");
        let broken = text.replacen("url = \"https://", &format!("url = \"{bad}#"), 1);
        std::fs::write(dir.join("events/events.toml"), broken).expect("write");
        let Err(error) = server::data::Data::load(&dir) else {
            panic!("{bad:?} was accepted as a source URL")
        };
        let message = error.to_string();
        assert!(
            message.contains("events.toml:") && message.contains("url"),
            "{bad:?}: {message}"
        );
    }
}

#[tokio::test]
async fn the_island_list_in_the_controls_shows_hostile_names_as_text() {
    for lang in ["en", "ja", "ru"] {
        let a = get(&format!("/fragments/controls?lang={lang}&names=both")).await;
        assert_eq!(a.status, StatusCode::OK);
        let html = a.text();
        // The payload (in the romanised names) is there, as text.
        assert!(
            lang != "en" || html.contains("&lt;img src=x onerror=alert(9)&gt;"),
            "{lang}: the fixture's payload is missing; the test would prove nothing"
        );
        for raw in [
            "<img src=x onerror",
            "<script",
            "</text><",
            "<b onmouseover",
        ] {
            assert!(!html.contains(raw), "{lang}: {raw:?} unescaped");
        }
    }
}
