//! The cache of whole `/api` answers stays within its byte budget under a
//! flood of distinct valid queries, and still answers repeated ones.

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use server::http_cache::responses::ResponseCache;
use std::sync::Arc;

async fn get_br(app: axum::Router, uri: &str) -> support::Answer {
    let request = Request::get(uri)
        .header("accept-encoding", "br")
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{uri}: {e}"));
    support::send(app, request).await
}

#[tokio::test]
async fn a_flood_of_distinct_queries_stays_within_the_budget() {
    let state = support::state_with(
        support::fake_dist("kuril-cache-budget"),
        support::workspace().join("geodata"),
    )
    .unwrap_or_else(|e| panic!("the data loads: {e}"));
    let budget = 256 * 1024;
    let cache = Arc::new(ResponseCache::new(budget));
    let app = server::routes::router_with(state, cache.clone());

    let mut served = 0;
    for offset in 0..400 {
        for limit in [5, 50] {
            let uri = format!("/api/events?offset={offset}&limit={limit}");
            let answer = get_br(app.clone(), &uri).await;
            assert_eq!(answer.status, StatusCode::OK, "{uri}");
            served += 1;
            assert!(
                cache.weight() <= budget,
                "after {served} answers the cache holds {} bytes, over its {budget}",
                cache.weight()
            );
        }
    }
    // Still a cache: it holds many answers, not just the last few.
    assert!(cache.len() > 20, "only {} answers kept", cache.len());
}
