//! `/deployments`: the militarization charts page, through the real router
//! over the committed data.

mod support;

use axum::body::Body;
use axum::http::Request;
use support::{Answer, app, get, send};

async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(app(), request.body(Body::empty()).expect("request")).await
}

#[tokio::test]
async fn the_page_draws_the_overview_the_table_and_each_islands_timeline() {
    let answer = get("/deployments").await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), "text/html; charset=utf-8");
    let html = answer.text();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("class=\"chart-overview\""));
    assert!(html.contains("aria-label=\"Deployments in place on the four islands"));
    // One table row per year from 1945.
    assert!(html.contains("<tr><th scope=\"row\">1945</th>"));
    assert!(html.contains("<tr><th scope=\"row\">2016</th>"));
    // Each island with deployments has its timeline; each bar links to its card.
    let timelines = html
        .matches("aria-label=\"Deployment timeline, 1945 to")
        .count();
    assert!(timelines >= 4, "the four islands: {timelines}");
    assert!(html.contains("href=\"/?deployment=bastion-etorofu\""));
    assert!(!html.contains("<script"), "no script on the page");
}

#[tokio::test]
async fn the_page_speaks_the_links_language_then_the_browsers() {
    let ru = get("/deployments?lang=ru").await;
    assert_eq!(ru.header("content-language"), "ru");
    let html = ru.text();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("Хронология размещений"));
    assert!(html.contains("href=\"/?deployment=bastion-etorofu&amp;lang=ru\""));
    let ja = get_with("/deployments", &[("accept-language", "ja-JP,ja;q=0.9")]).await;
    assert_eq!(ja.header("content-language"), "ja");
    assert!(ja.text().contains("配備年表"));
    assert!(ja.header("vary").to_lowercase().contains("accept-language"));
}
