//! The OpenAPI document says what the API really sends and accepts (found by
//! schemathesis: enum schemas listed Rust variant names, not the JSON
//! spellings; parameters lacked their bounds).

use model::events::{AnnotationKind, Confidence, DeploymentCategory, DeploymentStatus, EventKind};
use serde_json::Value;

mod support;

/// The document as the server serves it (island ids filled in from the data).
fn document() -> Value {
    let state = support::state_with(
        support::fake_dist("kuril-openapi-dist"),
        support::workspace().join("geodata"),
    )
    .expect("the committed data loads");
    serde_json::from_slice(&state.api().openapi_json().body).expect("json")
}

#[test]
fn enum_schemas_list_the_json_spellings() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let spelled = |name: &str| -> Vec<String> {
        schemas[name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name} has no enum"))
            .iter()
            .map(|v| v.as_str().expect("string").to_owned())
            .collect()
    };
    let expect = |all: Vec<String>, name: &str| assert_eq!(spelled(name), all, "{name}");
    expect(
        EventKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        "EventKind",
    );
    expect(
        Confidence::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        "Confidence",
    );
    expect(
        DeploymentStatus::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        "DeploymentStatus",
    );
    expect(
        DeploymentCategory::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        "DeploymentCategory",
    );
    expect(
        AnnotationKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        "AnnotationKind",
    );
    // And the serialised form is that spelling.
    assert_eq!(
        serde_json::to_value(EventKind::ALL[0]).expect("json"),
        Value::from(EventKind::ALL[0].as_str())
    );
}

#[test]
fn event_filters_document_their_bounds() {
    let doc = document();
    let params = doc["paths"]["/api/events"]["get"]["parameters"]
        .as_array()
        .expect("parameters")
        .clone();
    let schema = |name: &str| -> Value {
        params
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no parameter {name}"))["schema"]
            .clone()
    };
    assert_eq!(schema("limit")["minimum"], 1);
    assert_eq!(schema("limit")["maximum"], server::api::MAX_LIMIT);
    assert_eq!(schema("q")["maxLength"], 200);
    // A period is a year, a month or a day; the day is `format: date`, so
    // a generator never offers 2017-02-30 as valid.
    let periods = schema("from")["anyOf"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(periods.len(), 3, "{periods:?}");
    assert!(periods.iter().all(|p| p["pattern"].is_string()));
    assert!(periods.iter().any(|p| p["format"] == "date"));
    let islands = schema("island")["enum"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for id in ["etorofu", "habomai", "suisho", "hokkaido"] {
        assert!(
            islands.contains(&Value::from(id)),
            "{id} missing from {islands:?}"
        );
    }
}
