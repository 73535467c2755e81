//! The data downloads through the real router: CSV and GeoJSON of events
//! and deployments with the JSON routes' filters, and the Data Package.

use serde_json::Value;

mod support;

use support::{Answer, get};

/// The records of an RFC 4180 document (a reader written from the RFC);
/// panics on a bare LF or CR outside quotes, or a missing final CRLF.
fn records(text: &str) -> Vec<Vec<String>> {
    let (mut out, mut record, mut field, mut quoted) = (vec![], vec![], String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only in CRLF");
                record.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert_ne!(c, '\n', "bare LF outside quotes");
                field.push(c);
            }
        }
    }
    assert!(record.is_empty() && field.is_empty(), "ends with CRLF");
    out
}

async fn csv(uri: &str) -> (Answer, Vec<Vec<String>>) {
    let answer = get(uri).await;
    assert_eq!(answer.status, 200, "{uri}: {}", answer.text());
    assert_eq!(answer.header("content-type"), "text/csv; charset=utf-8");
    assert!(!answer.header("etag").is_empty(), "{uri} has an ETag");
    let rows = records(&answer.text());
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "{uri}: ragged rows");
    (answer, rows)
}

async fn json(uri: &str) -> Value {
    let answer = get(uri).await;
    assert_eq!(answer.status, 200, "{uri}: {}", answer.text());
    serde_json::from_slice(&answer.body).expect("JSON")
}

fn column(rows: &[Vec<String>], name: &str) -> Vec<String> {
    let at = rows[0].iter().position(|h| h == name).expect("column");
    rows[1..].iter().map(|r| r[at].clone()).collect()
}

#[tokio::test]
async fn the_events_csv_has_a_row_per_event_the_api_counts_for_the_same_filters() {
    for filters in [
        "",
        "island=etorofu",
        "island=habomai&from=2000",
        "kind=treaty&lang=ja",
    ] {
        let (answer, rows) = csv(&format!("/api/events.csv?{filters}")).await;
        let api = json(&format!("/api/events?{filters}")).await;
        let total = api["total"].as_u64().expect("total") as usize;
        assert!(total > 0, "{filters}");
        assert_eq!(rows.len() - 1, total, "{filters}: data rows = total");
        let ids: Vec<&str> = api["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|e| e["id"].as_str())
            .collect();
        assert_eq!(
            column(&rows, "id"),
            ids,
            "{filters}: same events, same order"
        );
        assert!(
            column(&rows, "source_urls")
                .iter()
                .all(|u| u.starts_with("http")),
            "{filters}: every event has its sources"
        );
        assert!(
            answer
                .header("content-disposition")
                .starts_with("attachment; filename=\"kuril-atlas-events")
        );
    }
    let (answer, rows) = csv("/api/events.csv?island=etorofu&lang=ja").await;
    assert_eq!(
        answer.header("content-disposition"),
        "attachment; filename=\"kuril-atlas-events-etorofu-ja.csv\""
    );
    assert_eq!(answer.header("content-language"), "ja");
    assert!(column(&rows, "title").iter().any(|t| t.contains("択捉")));
}

#[tokio::test]
async fn the_deployments_csv_has_a_row_per_deployment_with_its_sources() {
    for filters in ["", "island=etorofu", "island=habomai", "at=2017-01-01"] {
        let (_, rows) = csv(&format!("/api/deployments.csv?{filters}")).await;
        let api = json(&format!("/api/deployments?{filters}")).await;
        let items = api["items"].as_array().expect("items");
        assert_eq!(rows.len() - 1, items.len(), "{filters}");
        assert!(
            column(&rows, "source_urls")
                .iter()
                .all(|u| u.starts_with("http")),
            "{filters}: every deployment has its sources"
        );
    }
    let all = json("/api/deployments").await["items"]
        .as_array()
        .map(Vec::len);
    let one = json("/api/deployments?island=etorofu").await["items"]
        .as_array()
        .map(Vec::len);
    assert!(one < all, "the island filter filters");
}

#[tokio::test]
async fn the_geojson_downloads_carry_points_and_sources() {
    let events = json("/api/events.geojson?island=etorofu").await;
    assert_eq!(events["type"], "FeatureCollection");
    let features = events["features"].as_array().expect("features");
    assert!(!features.is_empty());
    for f in features {
        assert_eq!(f["geometry"]["type"], "MultiPoint");
        let first = &f["geometry"]["coordinates"][0];
        let (lon, lat) = (
            first[0].as_f64().expect("lon"),
            first[1].as_f64().expect("lat"),
        );
        assert!(
            (139.0..152.0).contains(&lon) && (41.0..47.0).contains(&lat),
            "{lon},{lat}"
        );
        assert!(f["properties"]["sources"][0]["url"].is_string());
    }
    let deployments = json("/api/deployments.geojson?island=etorofu").await;
    let features = deployments["features"].as_array().expect("features");
    assert!(!features.is_empty());
    for f in features {
        assert_eq!(f["properties"]["island"], "etorofu");
        assert!(
            f["properties"]["sources"][0]["outlet"].is_string(),
            "{}",
            f["id"]
        );
    }
}

#[tokio::test]
async fn bad_download_filters_are_the_usual_400() {
    for uri in [
        "/api/events.csv?island=atlantis",
        "/api/events.geojson?from=2017-02-30",
        "/api/deployments.csv?at=yesterday",
        "/api/deployments.csv?island=atlantis",
        "/api/deployments.geojson?nope=1",
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, 400, "{uri}");
        let body: Value = serde_json::from_slice(&answer.body).expect("JSON error");
        assert_eq!(body["error"], "bad_parameter", "{uri}");
    }
}

#[tokio::test]
async fn the_data_package_describes_downloads_that_answer() {
    let package = json("/api/datapackage.json").await;
    let resources = package["resources"].as_array().expect("resources");
    assert!(resources.len() >= 4);
    for r in resources {
        let path = r["path"].as_str().expect("path");
        // Relative to the package's own address, /api/datapackage.json.
        let answer = get(&format!("/api/{path}")).await;
        assert_eq!(answer.status, 200, "{path}");
        let mediatype = r["mediatype"].as_str().expect("mediatype");
        assert!(
            answer.header("content-type").starts_with(mediatype),
            "{path}"
        );
        assert!(r["licenses"][0]["name"].is_string(), "{path} has a licence");
        if r["format"] == "csv" {
            let header = records(&answer.text()).remove(0);
            let fields: Vec<&str> = r["schema"]["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .filter_map(|f| f["name"].as_str())
                .collect();
            assert_eq!(header, fields, "{path}: the schema names the columns");
        }
    }
    let licences = package["licenses"].to_string();
    for l in ["LGPL-3.0-or-later", "ODbL-1.0", "MIT"] {
        assert!(licences.contains(l), "{l}");
    }
}
