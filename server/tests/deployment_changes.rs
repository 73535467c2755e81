//! `GET /api/deployments/changes`: the deployments added, withdrawn and
//! changed between two days, in the language asked for; bad dates are the
//! usual 400 JSON; the OpenAPI document describes it exactly.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

mod support;

use support::{Answer, app, send};

async fn get(uri: &str) -> Answer {
    send(
        app(),
        Request::get(uri).body(Body::empty()).expect("request"),
    )
    .await
}

async fn ok(uri: &str) -> (Answer, Value) {
    let answer = get(uri).await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text());
    assert!(!answer.header("etag").is_empty(), "{uri} has an ETag");
    let json = serde_json::from_slice(&answer.body).expect("json");
    (answer, json)
}

/// A 400 with the `{error, detail}` body; the detail.
async fn refused(uri: &str) -> String {
    let answer = get(uri).await;
    assert_eq!(
        answer.status,
        StatusCode::BAD_REQUEST,
        "{uri}: {}",
        answer.text()
    );
    assert!(
        answer
            .header("content-type")
            .starts_with("application/json"),
        "{uri}"
    );
    let json: Value = serde_json::from_slice(&answer.body).expect("json error");
    let keys: Vec<&String> = json.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["detail", "error"], "{uri}");
    assert_eq!(json["error"], "bad_parameter", "{uri}");
    json["detail"].as_str().expect("detail").to_owned()
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|d| d["id"].as_str().expect("id"))
        .collect()
}

#[tokio::test]
async fn from_2015_to_2017_bastion_and_bal_are_added_with_their_evidence() {
    let (_, json) = ok("/api/deployments/changes?from=2015-01-01&to=2017-01-01").await;
    assert_eq!(json["from"], "2015-01-01");
    assert_eq!(json["to"], "2017-01-01");
    let added = ids(&json["added"]);
    assert!(added.contains(&"bastion-etorofu"), "{added:?}");
    assert!(added.contains(&"bal-kunashiri"), "{added:?}");
    let bal = json["added"]
        .as_array()
        .expect("added")
        .iter()
        .find(|d| d["id"] == "bal-kunashiri")
        .expect("Bal");
    assert_eq!(bal["status_from"], Value::Null);
    assert_eq!(bal["status_to"], "active");
    assert_eq!(bal["site"]["geometry"]["type"], "Point");
    let change = &bal["changes"][0];
    assert!(change["events"][0]["title"].is_string(), "{change}");
    assert!(change["sources"][0]["url"].is_string(), "{change}");
    assert!(json["withdrawn"].is_array() && json["changed"].is_array());
}

#[tokio::test]
async fn a_reversed_pair_is_no_error_and_reads_backwards() {
    let (_, json) = ok("/api/deployments/changes?from=2017-01-01&to=2015-01-01").await;
    let withdrawn = ids(&json["withdrawn"]);
    assert!(withdrawn.contains(&"bastion-etorofu"), "{withdrawn:?}");
    assert!(!ids(&json["added"]).contains(&"bastion-etorofu"));
}

#[tokio::test]
async fn equal_days_give_three_empty_lists() {
    let (_, json) = ok("/api/deployments/changes?from=2016-11-30&to=2016-11-30").await;
    for list in ["added", "withdrawn", "changed"] {
        assert_eq!(json[list], Value::Array(vec![]), "{list}");
    }
}

#[tokio::test]
async fn the_answer_comes_in_the_language_asked_for() {
    let uri = "/api/deployments/changes?from=2015-01-01&to=2017-01-01";
    let (en_answer, en) = ok(uri).await;
    let (ja_answer, ja) = ok(&format!("{uri}&lang=ja")).await;
    assert_eq!(en_answer.header("content-language"), "en");
    assert_eq!(ja_answer.header("content-language"), "ja");
    assert_eq!(ids(&en["added"]), ids(&ja["added"]));
    let unit = |v: &Value| v["added"][0]["site"]["properties"]["unit"].clone();
    assert_ne!(unit(&en), unit(&ja), "the unit is translated");
    assert_ne!(en_answer.header("etag"), ja_answer.header("etag"));
}

#[tokio::test]
async fn a_missing_or_malformed_date_is_a_400_naming_it() {
    let base = "/api/deployments/changes";
    assert!(
        refused(&format!("{base}?to=2017-01-01"))
            .await
            .contains("required")
    );
    assert!(
        refused(&format!("{base}?from=2015-01-01"))
            .await
            .contains("required")
    );
    assert!(refused(base).await.contains("required"));
    for bad in ["2015-02-30", "2015-1-1", "2015", "yesterday", ""] {
        let detail = refused(&format!("{base}?from={bad}&to=2017-01-01")).await;
        assert!(detail.contains("YYYY-MM-DD"), "{bad}: {detail}");
    }
    assert!(
        !refused(&format!("{base}?from=2015-01-01&to=2017-13-01"))
            .await
            .is_empty()
    );
    refused(&format!("{base}?from=2015-01-01&to=2017-01-01&lang=fr")).await;
    refused(&format!(
        "{base}?from=2015-01-01&to=2017-01-01&at=2016-01-01"
    ))
    .await;
    refused(&format!(
        "{base}?from=2015-01-01&from=2016-01-01&to=2017-01-01"
    ))
    .await;
}

#[test]
fn the_openapi_document_describes_the_route() {
    let state = support::state_with(
        support::fake_dist("kuril-changes-openapi"),
        support::workspace().join("geodata"),
    )
    .expect("the committed data loads");
    let doc: Value = serde_json::from_slice(&state.api().openapi_json().body).expect("json");
    let op = &doc["paths"]["/api/deployments/changes"]["get"];
    let params = op["parameters"].as_array().expect("parameters");
    for name in ["from", "to"] {
        let p = params.iter().find(|p| p["name"] == name).expect(name);
        assert_eq!(p["required"], true, "{name}");
        assert_eq!(p["schema"]["format"], "date", "{name}");
        assert_eq!(p["schema"]["type"], "string", "{name}");
    }
    let lang = params.iter().find(|p| p["name"] == "lang").expect("lang");
    assert_ne!(lang["required"], true);
    let said = format!(
        "{} {}",
        op["summary"].as_str().unwrap_or(""),
        op["description"].as_str().unwrap_or("")
    );
    assert!(said.contains("backwards"), "{said}");
    for status in ["200", "400"] {
        assert!(op["responses"][status].is_object(), "{status}");
    }
    let schema = &doc["components"]["schemas"]["DeploymentChanges"];
    assert_eq!(schema["properties"]["from"]["format"], "date");
    for list in ["added", "withdrawn", "changed"] {
        assert!(
            schema["required"]
                .as_array()
                .expect("required")
                .contains(&Value::from(list))
        );
    }
}
