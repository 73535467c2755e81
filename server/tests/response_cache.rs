//! The cache of whole answers (`http_cache::responses`) over every `GET`
//! route, through the real router: a page, the feed, a fragment, an
//! export asked again is the same answer from the cache; a different host
//! or reader's language is another entry with its own answer; an answer
//! marked `no-cache` or other than `200` is never kept. (A different day
//! is a different key: `responses.rs`' unit tests, which set the day.)

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use server::http_cache::responses::ResponseCache;
use std::sync::{Arc, OnceLock};
use support::Answer;

/// A router over the committed data with a cache the test can watch.
fn app() -> (axum::Router, Arc<ResponseCache>) {
    static STATE: OnceLock<server::state::AppState> = OnceLock::new();
    let state = STATE.get_or_init(|| {
        support::state_with(
            support::fake_dist("kuril-response-cache"),
            support::workspace().join("geodata"),
        )
        .unwrap_or_else(|e| panic!("the data loads: {e}"))
    });
    let cache = Arc::new(ResponseCache::new(64 * 1024 * 1024));
    (
        server::routes::router_with(state.clone(), cache.clone()),
        cache,
    )
}

async fn ask(app: &axum::Router, uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{uri}: {e}"));
    support::send(app.clone(), request).await
}

/// A browser's request: compressed, with a host and languages.
const BROWSER: &[(&str, &str)] = &[
    ("host", "a.example"),
    ("accept-encoding", "gzip, br"),
    ("accept-language", "en-GB,en;q=0.8"),
];

#[tokio::test]
async fn a_repeated_request_is_answered_from_the_cache_with_the_same_bytes() {
    let (app, cache) = app();
    let event = {
        let list = ask(&app, "/api/events?limit=1", &[]).await;
        let v: serde_json::Value = serde_json::from_slice(&list.body).expect("JSON");
        v["items"][0]["id"].as_str().expect("an id").to_owned()
    };
    for uri in [
        "/about".to_owned(),
        "/methodology?lang=ru".to_owned(),
        "/deployments".to_owned(),
        format!("/events/{event}"),
        "/feed.atom".to_owned(),
        "/fragments/panel?island=etorofu".to_owned(),
        "/fragments/controls?lang=ja".to_owned(),
        "/export.svg?date=2016-11-22".to_owned(),
        "/export.png?date=2016-11-22&w=480&h=320".to_owned(),
        "/i18n/ja.ftl".to_owned(),
        "/pages.css".to_owned(),
    ] {
        let before = cache.len();
        let fresh = ask(&app, &uri, BROWSER).await;
        assert_eq!(fresh.status, StatusCode::OK, "{uri}");
        assert_eq!(cache.len(), before + 1, "{uri}: kept");
        let kept = ask(&app, &uri, BROWSER).await;
        assert_eq!(cache.len(), before + 1, "{uri}: answered from the cache");
        assert_eq!(kept.status, StatusCode::OK, "{uri}");
        assert_eq!(kept.body, fresh.body, "{uri}: the same bytes");
        let (mut a, mut b) = (fresh.headers.clone(), kept.headers.clone());
        a.remove("date");
        b.remove("date");
        assert_eq!(a, b, "{uri}: the same headers");
        // Revalidated from the cache, saying what a cache keys on.
        let tag = kept.header("etag").to_owned();
        assert!(!tag.is_empty(), "{uri}: an entity tag");
        let mut again = BROWSER.to_vec();
        again.push(("if-none-match", &tag));
        let revalidated = ask(&app, &uri, &again).await;
        assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(revalidated.body.is_empty(), "{uri}");
        assert_eq!(revalidated.vary_names(), kept.vary_names(), "{uri}");
        assert_eq!(
            revalidated.header("cache-control"),
            kept.header("cache-control"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn another_host_is_another_entry_with_its_own_links() {
    let (app, cache) = app();
    for uri in ["/feed.atom", "/about", "/export.svg?date=2000-01-01"] {
        let before = cache.len();
        let a = ask(&app, uri, &[("host", "a.example")]).await;
        let b = ask(&app, uri, &[("host", "b.example")]).await;
        assert_eq!(cache.len(), before + 2, "{uri}: one entry per host");
        assert!(a.text().contains("http://a.example/"), "{uri}");
        assert!(b.text().contains("http://b.example/"), "{uri}");
        assert!(
            !b.text().contains("a.example"),
            "{uri}: not the other host's"
        );
    }
}

#[tokio::test]
async fn a_page_is_kept_per_reader_language_unless_its_link_names_one() {
    let (app, cache) = app();
    let before = cache.len();
    let ja = ask(&app, "/deployments", &[("accept-language", "ja")]).await;
    let ru = ask(&app, "/deployments", &[("accept-language", "ru-RU,ru")]).await;
    assert_eq!(cache.len(), before + 2, "one entry per reader's language");
    let again = ask(&app, "/deployments", &[("accept-language", "ja")]).await;
    assert_eq!(cache.len(), before + 2);
    assert_eq!(
        (ja.header("content-language"), ru.header("content-language")),
        ("ja", "ru")
    );
    assert_eq!(again.body, ja.body, "the Japanese reader's page again");
    assert!(ja.vary_names().contains(&"accept-language".to_owned()));
    // A link naming its language is one answer for every reader.
    let named = ask(&app, "/about?lang=ru", &[("accept-language", "ja")]).await;
    let count = cache.len();
    let other = ask(&app, "/about?lang=ru", &[("accept-language", "en")]).await;
    assert_eq!(cache.len(), count, "answered from the same entry");
    assert_eq!(named.body, other.body);
    assert_eq!(other.header("content-language"), "ru");
}

#[tokio::test]
async fn answers_marked_no_cache_and_failures_are_never_kept() {
    let (app, cache) = app();
    for (uri, status) in [
        // The page's script hashes follow the build; the citation's access
        // date is today's.
        ("/", StatusCode::OK),
        ("/?island=etorofu", StatusCode::OK),
        ("/api/citation?island=etorofu", StatusCode::OK),
        ("/events/no-such-event", StatusCode::NOT_FOUND),
        ("/api/islands/no-such-island", StatusCode::NOT_FOUND),
        ("/feed.atom?lang=xx", StatusCode::BAD_REQUEST),
        ("/export.svg?w=1", StatusCode::BAD_REQUEST),
        // A file of the built app: a rebuild may replace it.
        ("/style.css", StatusCode::OK),
    ] {
        for _ in 0..2 {
            let answer = ask(&app, uri, BROWSER).await;
            assert_eq!(answer.status, status, "{uri}");
        }
        assert_eq!(cache.len(), 0, "{uri} was kept");
    }
    let page = ask(&app, "/", BROWSER).await;
    assert_eq!(page.header("cache-control"), "no-cache");
}
