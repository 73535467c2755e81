//! The geometry endpoints and the router's basics, through the real router.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

mod support;

use support::app;

async fn get(uri: &str, headers: &[(&str, &str)]) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut request = Request::get(uri);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = app()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

#[tokio::test]
async fn health_answers_ok() {
    let (status, _, body) = get("/api/health", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["status"], "ok");
}

#[tokio::test]
async fn every_level_of_detail_is_geojson_with_the_disputed_islands() {
    for level in 0..3 {
        let (status, headers, body) = get(&format!("/api/geo/land/{level}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "level {level}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
        let land =
            model::geodata::LandCollection::from_json(std::str::from_utf8(&body).expect("utf-8"))
                .expect("parses");
        for id in ["etorofu", "kunashiri", "shikotan", "shibotsu", "kaigara"] {
            assert!(land.find(id).is_some(), "level {level} lacks {id}");
        }
    }
}

#[tokio::test]
async fn every_level_is_also_served_ready_to_draw_in_map_units() {
    let mut sizes = Vec::new();
    for level in 0..3 {
        let (status, headers, body) = get(&format!("/api/geo/shapes/{level}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "level {level}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json");
        let shapes =
            model::scene::LandShapes::from_json(std::str::from_utf8(&body).expect("utf-8"))
                .expect("parses");
        let etorofu = shapes.find("etorofu").expect("etorofu");
        assert!(etorofu.d.starts_with('M') && etorofu.d.ends_with('z'));
        assert!(etorofu.anchor.is_some());
        assert_eq!(etorofu.properties.name_ja, "択捉島");
        // Provenance stays in the GeoJSON; the drawing does without it.
        assert_eq!(etorofu.properties.source_ref, None);
        sizes.push(etorofu.d.len());
    }
    // Finer levels have longer outlines.
    assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
    let (status, _, _) = get("/api/geo/shapes/3", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_matching_etag_gets_304_without_a_body() {
    let (_, headers, _) = get("/api/geo/land/0", &[]).await;
    let etag = headers[header::ETAG].to_str().expect("ascii").to_owned();
    assert!(
        headers[header::CACHE_CONTROL]
            .to_str()
            .expect("ascii")
            .contains("max-age")
    );
    let (status, _, body) = get("/api/geo/land/0", &[("if-none-match", &etag)]).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(body.is_empty());
}

/// `HEAD` passes the response cache by, so the handlers' own `304` answers it.
#[tokio::test]
async fn a_head_request_with_a_matching_etag_gets_304_too() {
    let (_, headers, _) = get("/api/islands", &[]).await;
    let etag = headers[header::ETAG].to_str().expect("ascii").to_owned();
    for (tag, expected) in [
        (etag.as_str(), StatusCode::NOT_MODIFIED),
        ("\"other\"", StatusCode::OK),
    ] {
        let request = Request::head("/api/islands")
            .header("if-none-match", tag)
            .body(Body::empty())
            .expect("request");
        let answer = support::send(app(), request).await;
        assert_eq!(answer.status, expected, "{tag}");
        assert_eq!(answer.header("etag"), etag);
        assert!(answer.body.is_empty());
    }
}

#[tokio::test]
async fn unknown_levels_and_endpoints_are_json_404s() {
    for uri in ["/api/geo/land/7", "/api/geo/land/-1", "/api/nothing-here"] {
        let (status, headers, body) = get(uri, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
        let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(json["error"], "not_found");
        assert!(json["detail"].as_str().is_some_and(|d| !d.is_empty()));
    }
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_it() {
    let (status, headers, _) = get("/api/geo/land/2", &[("accept-encoding", "br")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
}

#[tokio::test]
async fn lines_and_places_are_served_as_geojson() {
    let (status, headers, body) = get("/api/geo/lines", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    let lines =
        model::geodata::LineCollection::from_json(std::str::from_utf8(&body).expect("utf-8"))
            .expect("lines parse");
    assert!(lines.features.iter().any(|f| f.id == "shimoda-1855"));
    let (status, _, body) = get("/api/geo/places", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let places =
        model::geodata::PlaceCollection::from_json(std::str::from_utf8(&body).expect("utf-8"))
            .expect("places parse");
    assert!(places.features.iter().any(|f| f.id == "goryachiye-klyuchi"));
}

#[tokio::test]
async fn overlays_are_the_same_places_and_lines_ready_to_draw() {
    let (status, headers, body) = get("/api/geo/overlays", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert!(headers.contains_key(header::ETAG));
    let overlays = model::marks::Overlays::from_json(std::str::from_utf8(&body).expect("utf-8"))
        .expect("overlays parse");
    let (_, _, places) = get("/api/geo/places", &[]).await;
    let places =
        model::geodata::PlaceCollection::from_json(std::str::from_utf8(&places).expect("utf-8"))
            .expect("places parse");
    assert_eq!(overlays.places.len(), places.features.len());
    let town = overlays.find_place("goryachiye-klyuchi").expect("a town");
    let source = places.find("goryachiye-klyuchi").expect("same town");
    assert_eq!(town.at, source.geometry.position());
    assert_eq!(town.name_ru, source.properties.name_ru);
    let shimoda = overlays
        .lines
        .iter()
        .find(|l| l.id == "shimoda-1855")
        .expect("Shimoda line");
    assert!(shimoda.d.starts_with('M'), "path data: {}", shimoda.d);
}

#[tokio::test]
async fn the_overview_is_served_ready_to_draw_with_the_main_map_inside_it() {
    let (status, headers, body) = get("/api/geo/overview", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert!(headers.contains_key(header::ETAG));
    let overview: model::overview::Overview = serde_json::from_slice(&body).expect("overview");
    // Very low detail: a few KB for the whole Sea of Okhotsk.
    assert!(body.len() < 16_000, "{} bytes", body.len());
    assert!(overview.d.starts_with('M') && overview.d.matches('M').count() >= 20);
    let a = overview.map_area;
    assert!(a.x > 0.0 && a.y > 0.0, "{a:?}");
    assert!(a.x + a.width < overview.width && a.y + a.height < overview.height);
    // Cape Lopatka (Kamchatka's tip) and Cape Nosappu (Hokkaido's east) fall
    // inside the main map's area on the frame.
    for (lon, lat) in [(156.67, 50.86), (145.82, 43.38)] {
        let (x, y) = model::overview::project(lon, lat);
        assert!(
            (a.x..a.x + a.width).contains(&x) && (a.y..a.y + a.height).contains(&y),
            "{lon}, {lat}"
        );
    }
    let (_, _, doc) = get("/api/openapi.json", &[]).await;
    let doc: serde_json::Value = serde_json::from_slice(&doc).expect("openapi json");
    assert!(doc["paths"]["/api/geo/overview"]["get"].is_object());
}

#[tokio::test]
async fn the_overview_picture_is_the_same_coasts_as_svg() {
    let (_, _, json) = get("/api/geo/overview", &[]).await;
    let overview: model::overview::Overview = serde_json::from_slice(&json).expect("overview");
    let (status, headers, body) = get("/api/geo/overview.svg", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(headers.contains_key(header::ETAG));
    let svg = String::from_utf8(body.to_vec()).expect("utf-8");
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert!(svg.contains(&format!("d=\"{}\"", overview.d)));
    assert!(svg.trim_end().ends_with("</svg>"));
}
