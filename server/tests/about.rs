//! `/about`, `/methodology` and `/api/positions`, through the real router.

mod support;

use support::get;

#[tokio::test]
async fn about_shows_both_positions_side_by_side_with_sources_and_statements() {
    let page = get("/about").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.header("etag").starts_with('"'));
    assert!(page.header("cache-control").contains("must-revalidate"));
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = page.text();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains("<title>About the dispute · Kuril Atlas</title>"));
    assert!(html.contains("Japan's position") && html.contains("Russia's position"));
    let japan = html.find("id=\"japan\"").expect("Japan's side");
    let russia = html.find("id=\"russia\"").expect("Russia's side");
    assert!(japan < russia);
    // References are named in both conventions, never left as braces.
    assert!(
        html.contains("Etorofu / Iturup") && !html.contains("{etorofu}"),
        "{html}"
    );
    assert!(html.contains("https://www.mofa.go.jp/region/europe/russia/territory/index.html"));
    assert!(html.contains("<p lang=\"ru\">") && html.contains("Our translation"));
    assert!(html.contains("href=\"/\"") && html.contains("href=\"/methodology\""));
    // No script but JSON-LD data blocks, and no inline style: the CSP allows neither.
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script type=\"application/ld+json\">")
            .count()
    );
    assert!(!html.contains("style="));
    let css = get("/pages.css").await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    // Every link of the page's head resolves (the app's icon is hashed by Trunk).
    let icon = get("/pages-icon.svg").await;
    assert_eq!(icon.status, 200);
    assert!(html.contains("href=\"/pages-icon.svg\""));
}

#[tokio::test]
async fn methodology_explains_confidence_kinds_checks_reporting_and_licences() {
    let page = get("/methodology").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<title>How we source · Kuril Atlas</title>"));
    for needle in [
        "<code>high</code>",
        "<code>medium</code>",
        "<code>aggregator</code>",
        "How records are checked",
        "How to report an error",
        "ODbL",
        "LGPL-3.0-or-later",
        "MIT OR Apache-2.0",
        "The evidence today",
    ] {
        assert!(html.contains(needle), "no {needle:?}");
    }
    // The counts are the loaded data's, not written into the page.
    let events = support::get("/api/events?limit=1").await;
    let json: serde_json::Value = serde_json::from_str(&events.text()).expect("json");
    let total = json["total"].as_u64().expect("total");
    assert!(html.contains(&format!("<p>{total} events.")), "{html}");
}

#[tokio::test]
async fn api_positions_answers_both_governments_as_json() {
    let answer = get("/api/positions").await;
    assert_eq!(answer.status, 200);
    assert!(
        answer
            .header("content-type")
            .starts_with("application/json")
    );
    let json: serde_json::Value = serde_json::from_slice(&answer.body).expect("json");
    let positions = json["positions"].as_array().expect("positions");
    let governments: Vec<_> = positions.iter().map(|p| p["government"].clone()).collect();
    assert_eq!(governments, ["japan", "russia"]);
    for p in positions {
        assert!(!p["points"].as_array().expect("points").is_empty());
        assert!(p["points"][0]["sources"][0]["kind"].is_string());
        assert!(p["statements"][0]["quote"].is_string());
    }
    let doc = get("/api/openapi.json").await;
    let doc: serde_json::Value = serde_json::from_slice(&doc.body).expect("openapi");
    assert!(doc["paths"]["/api/positions"]["get"].is_object());
    assert!(
        doc["components"]["schemas"]["Positions"].is_object(),
        "schemas"
    );
}
