//! The data API through the real router: every endpoint, its filters, empty
//! results, bad parameters, unknown ids, ETags and the OpenAPI document.

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::PathBuf;
use tower::ServiceExt;

mod support;

use support::app;

async fn get_with(uri: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap, Vec<u8>) {
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

/// GET returning 200 JSON.
async fn ok(uri: &str) -> Value {
    let (status, headers, body) = get_with(uri, &[]).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&body)
    );
    assert!(headers.contains_key(header::ETAG), "{uri} has no ETag");
    assert!(
        headers.contains_key(header::CACHE_CONTROL),
        "{uri} has no Cache-Control"
    );
    serde_json::from_slice(&body).expect("json")
}

/// GET that must fail with `status` and the `{ error, detail }` shape.
async fn fails(uri: &str, status: StatusCode) -> String {
    let (got, headers, body) = get_with(uri, &[]).await;
    assert_eq!(got, status, "{uri}: {}", String::from_utf8_lossy(&body));
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap_or("")
            .starts_with("application/json"),
        "{uri}"
    );
    let json: Value = serde_json::from_slice(&body).expect("json error");
    let keys: Vec<&String> = json.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["detail", "error"], "{uri}");
    json["detail"].as_str().expect("detail").to_string()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("array")
        .iter()
        .map(|x| x["id"].as_str().expect("id").to_string())
        .collect()
}

#[tokio::test]
async fn islands_list_names_and_counts() {
    let json = ok("/api/islands").await;
    let items = &json["items"];
    let all = ids(items);
    for id in [
        "etorofu",
        "kunashiri",
        "shikotan",
        "habomai",
        "suisho",
        "hokkaido",
        "urup",
    ] {
        assert!(all.contains(&id.to_string()), "{id} missing from {all:?}");
    }
    assert!(!all.iter().any(|i| i.ends_with("-islets")));
    let etorofu = items
        .as_array()
        .and_then(|a| a.iter().find(|i| i["id"] == "etorofu"))
        .expect("etorofu");
    assert_eq!(etorofu["name_ja"], "択捉島");
    assert_eq!(etorofu["name_ru"], "Итуруп");
    assert!(etorofu["events"].as_u64().unwrap_or(0) > 20);
    assert!(etorofu["deployments"].as_u64().unwrap_or(0) >= 10);
}

#[tokio::test]
async fn one_island_has_its_history_in_date_order() {
    let json = ok("/api/islands/etorofu").await;
    let history = json["history"].as_array().expect("history");
    let dates: Vec<&str> = history
        .iter()
        .map(|h| h["date"].as_str().expect("date"))
        .collect();
    let mut sorted: Vec<model::events::PartialDate> =
        dates.iter().map(|d| d.parse().expect("date")).collect();
    let original = sorted.clone();
    sorted.sort();
    assert_eq!(sorted, original, "history out of order");
    let bastion = history
        .iter()
        .find(|h| h["deployment"] == "bastion-etorofu" && h["status"] == "active")
        .expect("bastion entry");
    assert_eq!(bastion["date"], "2016-11");
    assert!(!bastion["sources"].as_array().expect("sources").is_empty());
    assert_eq!(bastion["excerpts"][0]["id"], "seed-land-to-air-missiles");

    let habomai = ok("/api/islands/habomai").await;
    let members: Vec<&str> = habomai["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        members.contains(&"suisho") && members.contains(&"shibotsu"),
        "{members:?}"
    );
    assert!(habomai["history"].as_array().is_some_and(|h| !h.is_empty()));

    let detail = fails("/api/islands/atlantis", StatusCode::NOT_FOUND).await;
    assert!(detail.contains("atlantis"), "{detail}");
}

/// The story in `?lang=ja` is Japanese throughout: its periods and the
/// statuses in its titles, not only the records' own words.
#[tokio::test]
async fn an_island_story_is_worded_in_the_asked_language() {
    let json = ok("/api/islands/etorofu?lang=ja").await;
    let groups = json["story"]["groups"].as_array().expect("story groups");
    let labels: Vec<&str> = groups.iter().filter_map(|g| g["label"].as_str()).collect();
    assert_eq!(labels.first(), Some(&"1945年まで"), "{labels:?}");
    let titles: Vec<&str> = groups
        .iter()
        .flat_map(|g| g["entries"].as_array().expect("entries"))
        .filter(|e| e["strand"] == "deployment-change")
        .filter_map(|e| e["title"].as_str())
        .collect();
    assert!(!titles.is_empty());
    for title in titles {
        // "… — 配備中", not "… — active": the status is worded too.
        let status = title.rsplit(" — ").next().unwrap_or(title);
        assert!(!status.chars().any(|c| c.is_ascii_alphabetic()), "{title}");
    }
}

#[tokio::test]
async fn one_island_tells_its_story_by_period() {
    let json = ok("/api/islands/etorofu").await;
    let groups = json["story"]["groups"].as_array().expect("story groups");
    let labels: Vec<&str> = groups.iter().filter_map(|g| g["label"].as_str()).collect();
    assert_eq!(labels.first(), Some(&"Until 1945"), "{labels:?}");
    let entries: Vec<&Value> = groups
        .iter()
        .flat_map(|g| g["entries"].as_array().expect("entries"))
        .collect();
    let counted: u64 = groups.iter().filter_map(|g| g["count"].as_u64()).sum();
    assert_eq!(counted as usize, entries.len());
    let treaty = entries
        .iter()
        .find(|e| e["event"] == "treaty-of-shimoda-1855")
        .expect("the 1855 treaty");
    assert_eq!(treaty["date"], "1855-02-07");
    assert_eq!(treaty["strand"], "diplomacy");
    let bastion = entries
        .iter()
        .find(|e| e["deployment"] == "bastion-etorofu" && e["status"] == "active")
        .expect("Bastion's arrival");
    assert_eq!(bastion["date"], "2016-11");
    assert_eq!(bastion["strand"], "deployment-change");
    // Its evidence is sent once, in the history entry it points at.
    let at = bastion["history"].as_u64().expect("a history index") as usize;
    let change = &json["history"][at];
    assert_eq!(change["deployment"], "bastion-etorofu");
    assert!(
        change["sources"].as_array().is_some_and(|s| !s.is_empty()),
        "{change}"
    );
    assert_eq!(bastion["sources"], serde_json::json!([]));
    assert!(
        bastion["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Bastion") && t.ends_with(" — active")),
        "{bastion}"
    );
}

#[tokio::test]
async fn events_are_listed_in_date_order_with_paging() {
    let all = ok("/api/events").await;
    let total = all["total"].as_u64().expect("total");
    assert!(total >= 90, "{total}");
    let items = all["items"].as_array().expect("items");
    assert_eq!(items.len() as u64, total);
    let dates: Vec<model::events::PartialDate> = items
        .iter()
        .map(|e| e["date"].as_str().expect("date").parse().expect("a date"))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "events out of date order");

    let page = ok("/api/events?limit=5&offset=10").await;
    assert_eq!(page["total"].as_u64(), Some(total));
    assert_eq!(
        (page["limit"].as_u64(), page["offset"].as_u64()),
        (Some(5), Some(10))
    );
    assert_eq!(ids(&page["items"]), ids(&all["items"])[10..15].to_vec());

    let past_end = ok(&format!("/api/events?offset={}", total + 5)).await;
    assert_eq!(past_end["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn events_filter_by_island_kind_dates_and_text() {
    let shikotan = ok("/api/events?island=shikotan").await;
    assert!(shikotan["total"].as_u64().unwrap_or(0) >= 8);
    for e in shikotan["items"].as_array().expect("items") {
        let islands: Vec<&str> = e["islands"]
            .as_array()
            .expect("islands")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(islands.contains(&"shikotan"), "{}", e["id"]);
    }

    let treaties = ok("/api/events?kind=treaty").await;
    assert!(
        treaties["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|e| e["kind"] == "treaty")
    );
    assert!(ids(&treaties["items"]).contains(&"joint-declaration-1956".to_string()));

    let y2016 = ok("/api/events?from=2016&to=2016").await;
    for e in y2016["items"].as_array().expect("items") {
        assert!(
            e["date"].as_str().expect("date").starts_with("2016"),
            "{}",
            e["id"]
        );
    }
    assert!(ids(&y2016["items"]).contains(&"bastion-bal-deployed-2016".to_string()));

    // A period event overlapping the range is included.
    let oct2025 = ok("/api/events?from=2025-10-15&to=2025-10-15").await;
    assert!(ids(&oct2025["items"]).contains(&"firing-drills-shikotan-2025-10".to_string()));

    let q = ok("/api/events?q=Bastion%20etorofu&island=etorofu&kind=deployment").await;
    assert_eq!(ids(&q["items"]), ["bastion-bal-deployed-2016"]);

    let none = ok("/api/events?q=zeppelin").await;
    assert_eq!(
        (
            none["total"].as_u64(),
            none["items"].as_array().map(Vec::len)
        ),
        (Some(0), Some(0))
    );
}

#[tokio::test]
async fn malformed_event_filters_are_400_naming_the_parameter() {
    for (uri, param) in [
        ("/api/events?kind=parade", "kind"),
        ("/api/events?from=2017-02-30", "from"),
        ("/api/events?to=March", "to"),
        ("/api/events?from=by%202017", "from"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?island=atlantis", "island"),
        ("/api/events?islands=etorofu", "islands"),
        ("/api/events?kind=treaty&kind=visit", "kind"),
    ] {
        let detail = fails(uri, StatusCode::BAD_REQUEST).await;
        assert!(detail.starts_with(&format!("{param}:")), "{uri}: {detail}");
    }
}

/// Every request the OpenAPI document calls valid gets a 2xx: a `to`
/// before `from` is a period with no days, an empty page (even for the
/// events that span both dates), not an error.
#[tokio::test]
async fn a_to_before_from_is_an_empty_answer() {
    let spanning = ok("/api/events?from=1990&to=2020").await;
    assert!(spanning["total"].as_u64().unwrap_or(0) > 0);
    let reversed = ok("/api/events?from=2020&to=1990").await;
    assert_eq!(reversed["total"], 0);
    assert_eq!(reversed["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn every_island_value_the_document_lists_is_accepted() {
    let doc = ok("/api/openapi.json").await;
    let parameters = doc["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let island = parameters
        .iter()
        .find(|p| p["name"] == "island")
        .unwrap_or_else(|| panic!("no island parameter in {parameters:?}"));
    let values = island["schema"]["enum"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(values.len() > 10, "{values:?}");
    for id in values.iter().filter_map(|v| v.as_str()) {
        ok(&format!("/api/events?island={id}")).await;
    }
}

#[tokio::test]
async fn one_event_with_its_deployments_and_fact_checked_excerpt() {
    let json = ok("/api/events/bastion-bal-deployed-2016").await;
    assert_eq!(json["event"]["date"], "2016-11");
    assert_eq!(json["event"]["precision"], "month");
    let deployments = ids(&json["deployments"]);
    assert!(deployments.contains(&"bastion-etorofu".to_string()));
    assert!(deployments.contains(&"bal-kunashiri".to_string()));
    let excerpt = &json["excerpts"][0];
    assert!(
        excerpt["excerpt"]["quote"]
            .as_str()
            .unwrap_or("")
            .contains("land-to-air")
    );
    assert_eq!(excerpt["annotations"][0]["kind"], "fact-check");

    fails("/api/events/no-such-event", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn deployments_in_place_on_a_day() {
    let all = ok("/api/deployments").await;
    assert!(all["items"].as_array().map(Vec::len).unwrap_or(0) >= 25);
    assert!(all["at"].is_null());

    let before = ids(&ok("/api/deployments?at=2015-01-01").await["items"]);
    let after = ids(&ok("/api/deployments?at=2017-01-01").await["items"]);
    for id in ["bastion-etorofu", "bal-kunashiri"] {
        assert!(!before.contains(&id.to_string()), "{id} in 2015");
        assert!(after.contains(&id.to_string()), "{id} not in 2017");
    }
    let y1944 = ok("/api/deployments?at=1944-01-01").await;
    assert_eq!(
        y1944["items"].as_array().map(Vec::len),
        Some(0),
        "empty result"
    );

    for uri in [
        "/api/deployments?at=2017",
        "/api/deployments?at=2017-02-30",
        "/api/deployments?date=2017-01-01",
    ] {
        let detail = fails(uri, StatusCode::BAD_REQUEST).await;
        assert!(
            detail.starts_with("at:") || detail.starts_with("date:"),
            "{uri}: {detail}"
        );
    }
}

#[tokio::test]
async fn one_deployment_with_its_events() {
    let json = ok("/api/deployments/s-300v4-etorofu").await;
    assert_eq!(json["deployment"]["period"]["from"], "2020-12-01");
    // Gone "by August 2023": a bound, written and served as such.
    assert_eq!(json["deployment"]["period"]["until"], "by 2023-08");
    assert_eq!(json["deployment"]["status"], "withdrawn");
    let events = ids(&json["events"]);
    assert!(
        events.contains(&"s-300v4-gone-2023".to_string()),
        "{events:?}"
    );
    // Still shown until the bound's last day, gone from it.
    let on = ids(&ok("/api/deployments?at=2023-08-30").await["items"]);
    let off = ids(&ok("/api/deployments?at=2023-08-31").await["items"]);
    assert!(on.contains(&"s-300v4-etorofu".to_string()), "{on:?}");
    assert!(!off.contains(&"s-300v4-etorofu".to_string()), "{off:?}");
    fails("/api/deployments/no-such-unit", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn deployments_geojson_is_a_feature_collection_of_points() {
    let (status, headers, body) = get_with("/api/deployments.geojson?at=2017-01-01", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    // The body is the shared answer type (`model::api`, which the app
    // decodes) as serde writes it, byte for byte.
    let shared: model::api::DeploymentFeatureCollection =
        serde_json::from_slice(&body).expect("the shared type");
    assert_eq!(serde_json::to_vec(&shared).expect("serialises"), body);
    let json: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().expect("features");
    assert!(features.iter().any(|f| f["id"] == "bastion-etorofu"));
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let (lon, lat) = (
            f["geometry"]["coordinates"][0].as_f64().expect("lon"),
            f["geometry"]["coordinates"][1].as_f64().expect("lat"),
        );
        assert!(
            (139.0..=151.0).contains(&lon) && (41.0..=47.0).contains(&lat),
            "{}",
            f["id"]
        );
        let p = &f["properties"];
        assert!(
            p["unit"].is_string() && p["category"].is_string() && p["period"]["from"].is_string()
        );
        assert!(
            p["status"] == "active" || p["status"] == "reported",
            "{}",
            f["id"]
        );
    }
    let all = ok("/api/deployments.geojson").await;
    assert!(all["features"].as_array().map(Vec::len).unwrap_or(0) >= 25);
    let empty = ok("/api/deployments.geojson?at=1900-01-01").await;
    assert_eq!(empty["features"].as_array().map(Vec::len), Some(0));
    fails(
        "/api/deployments.geojson?at=yesterday",
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[tokio::test]
async fn articles_with_excerpts_and_annotations() {
    let list = ok("/api/articles").await;
    let items = list["items"].as_array().expect("items");
    let seed = &items[0];
    assert_eq!(seed["article"]["id"], "seed-2017-03-20");
    assert!(seed["excerpts"].as_array().expect("excerpts").len() >= 12);
    assert!(
        seed["article"]["text"].is_null(),
        "the list leaves the text out"
    );
    // Every source with excerpts is listed, with its outlet, kind and link;
    // the quoted ones' excerpts carry their quote and no range.
    let quotes: usize = items
        .iter()
        .map(|i| i["excerpts"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(quotes >= 25, "{quotes} quotes");
    for quoted in &items[1..] {
        let a = &quoted["article"];
        assert!(
            a["url"].as_str().is_some_and(|u| u.starts_with("http")),
            "{a}"
        );
        assert!(
            a["kind"].is_string() && a["outlet"].is_string() && a["language"].is_string(),
            "{a}"
        );
        for x in quoted["excerpts"].as_array().expect("excerpts") {
            assert!(x["excerpt"]["start"].is_null() && x["excerpt"]["quote"].is_string());
        }
    }
    let quoted_id = items[1]["article"]["id"].as_str().expect("id");
    let one = ok(&format!("/api/articles/{quoted_id}")).await;
    assert!(
        one["article"]["text"].is_null()
            && !one["excerpts"].as_array().expect("excerpts").is_empty()
    );

    let json = ok("/api/articles/seed-2017-03-20").await;
    let text = json["article"]["text"].as_str().expect("text");
    assert!(text.starts_with("Japan and Russia resumed"));
    let excerpts = json["excerpts"].as_array().expect("excerpts");
    assert!(excerpts.len() >= 12);
    for x in excerpts {
        let (start, end) = (
            x["excerpt"]["start"].as_u64().expect("start") as usize,
            x["excerpt"]["end"].as_u64().expect("end") as usize,
        );
        let slice: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(slice, x["excerpt"]["quote"].as_str().expect("quote"));
    }
    assert!(excerpts.iter().any(|x| {
        x["annotations"]
            .as_array()
            .is_some_and(|a| a.iter().any(|n| n["kind"] == "fact-check"))
    }));
    fails("/api/articles/nope", StatusCode::NOT_FOUND).await;
}

/// The app's digest of the events: every event, in the same order, with
/// the title in the language asked for, and nothing the map does not draw.
#[tokio::test]
async fn event_marks_are_every_event_as_the_map_places_it() {
    let events = ok("/api/events?limit=1000&lang=ja").await;
    let marks = ok("/api/event-marks?lang=ja").await;
    assert_eq!(ids(&marks), ids(&events["items"]));
    let first = (&marks[0], &events["items"][0]);
    for field in [
        "date",
        "title",
        "title_template",
        "islands",
        "places",
        "points",
    ] {
        assert_eq!(first.0[field], first.1[field], "{field}");
    }
    assert!(first.0.get("sources").is_none() && first.0.get("summary").is_none());
    let (_, headers, _) = get_with("/api/event-marks?lang=ru", &[]).await;
    assert_eq!(headers[header::CONTENT_LANGUAGE], "ru");
    fails("/api/event-marks?lang=xx", StatusCode::BAD_REQUEST).await;
    fails("/api/event-marks?island=etorofu", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn openapi_describes_every_endpoint() {
    let json = ok("/api/openapi.json").await;
    assert!(
        json["openapi"].as_str().unwrap_or("").starts_with("3.1"),
        "{}",
        json["openapi"]
    );
    let paths = json["paths"].as_object().expect("paths");
    for p in [
        "/api/islands",
        "/api/islands/{id}",
        "/api/events",
        "/api/events/{id}",
        "/api/event-marks",
        "/api/deployments",
        "/api/deployments/{id}",
        "/api/deployments.geojson",
        "/api/deployments.csv",
        "/api/events.csv",
        "/api/events.geojson",
        "/api/datapackage.json",
        "/api/articles",
        "/api/articles/{id}",
    ] {
        assert!(paths.contains_key(p), "{p} missing");
    }
    let params: Vec<&str> = json["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .expect("params")
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert_eq!(
        params,
        [
            "island", "kind", "from", "to", "q", "limit", "offset", "lang"
        ]
    );
    assert!(json["components"]["schemas"]["Event"].is_object());
}

/// Every string in `v` under a key named `key`.
fn strings<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match x.as_str() {
                    Some(s) if k == key => out.push(s),
                    _ => strings(x, key, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
        _ => {}
    }
}

#[tokio::test]
async fn text_has_both_names_and_templates_are_separate_fields() {
    let events = ok("/api/events?limit=1000").await;
    let history = ok("/api/islands/kunashiri").await;
    let deployments = ok("/api/deployments").await;
    let article = ok("/api/articles/seed-2017-03-20").await;
    let mut text = Vec::new();
    let mut templates = Vec::new();
    for v in [&events, &history, &deployments, &article] {
        for key in [
            "title",
            "summary",
            "unit",
            "note",
            "location",
            "confidence_note",
        ] {
            strings(v, key, &mut text);
            strings(v, &format!("{key}_template"), &mut templates);
        }
    }
    assert!(text.len() > 100, "{}", text.len());
    for t in &text {
        assert!(!t.contains('{'), "raw reference in a text field: {t}");
    }
    assert!(text.iter().any(|t| t.contains("Etorofu / Iturup")));
    assert!(templates.iter().any(|t| t.contains("{etorofu}")));
    // The OpenAPI document says what a template is.
    let doc = ok("/api/openapi.json").await;
    let described =
        doc["components"]["schemas"]["Event"]["properties"]["summary_template"].to_string();
    assert!(described.contains("references"), "{described}");
}

#[tokio::test]
async fn etag_and_if_none_match_give_304() {
    for uri in [
        "/api/events?island=etorofu",
        "/api/deployments.geojson",
        "/api/articles/seed-2017-03-20",
        "/api/openapi.json",
    ] {
        let (status, headers, _) = get_with(uri, &[]).await;
        assert_eq!(status, StatusCode::OK);
        let etag = headers[header::ETAG].to_str().expect("etag").to_string();
        assert!(
            headers[header::CACHE_CONTROL]
                .to_str()
                .unwrap_or("")
                .contains("max-age")
        );
        let (status, headers, body) = get_with(uri, &[("if-none-match", &etag)]).await;
        assert_eq!(status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(body.is_empty());
        assert_eq!(headers[header::ETAG].to_str().ok(), Some(etag.as_str()));
        let (status, _, _) = get_with(uri, &[("if-none-match", "\"something-else\"")]).await;
        assert_eq!(status, StatusCode::OK);
    }
    // Different filters, different bodies, different tags.
    let (_, a, _) = get_with("/api/events?island=etorofu", &[]).await;
    let (_, b, _) = get_with("/api/events?island=kunashiri", &[]).await;
    assert_ne!(a[header::ETAG], b[header::ETAG]);
}

#[test]
fn invalid_event_data_stops_start_up_with_file_line_and_field() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let tmp = std::env::temp_dir().join(format!("kuril-api-test-{}", std::process::id()));
    let events = tmp.join("events");
    std::fs::create_dir_all(events.join("articles")).expect("tmp dir");
    for f in [
        "land-0.geojson",
        "land-1.geojson",
        "land-2.geojson",
        "islands.toml",
        "positions.toml",
        "datapackage.toml",
        "distances.toml",
        "lines.geojson",
        "places.geojson",
        "overview.geojson",
    ] {
        std::fs::copy(root.join("geodata").join(f), tmp.join(f)).expect("copy");
    }
    for f in [
        "deployments.toml",
        "annotations.toml",
        "articles/seed-2017-03-20.toml",
        "articles/seed-2017-03-20.txt",
    ] {
        std::fs::copy(root.join("geodata/events").join(f), events.join(f)).expect("copy");
    }
    let text = std::fs::read_to_string(root.join("geodata/events/events.toml")).expect("events");
    let broken = text.replacen("date = \"2017-03-06\"", "date = \"2017-02-30\"", 1);
    let line = broken[..broken.find("2017-02-30").expect("replaced")]
        .matches('\n')
        .count()
        + 1;
    std::fs::write(events.join("events.toml"), broken).expect("write");
    let result = server::data::Data::load(&tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    let Err(error) = result else {
        panic!("broken data must stop start-up")
    };
    let message = error.to_string();
    assert!(
        message.contains(&format!("events.toml:{line}: events["))
            && message.contains("].date: 2017-02-30 is not a valid date"),
        "{message}"
    );
}
