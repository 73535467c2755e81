use super::*;
use crate::events::{Confidence, EventKind, Precision, SourceKind};

fn source(outlet: &str, url: &str) -> Source {
    Source {
        url: url.into(),
        outlet: outlet.into(),
        language: "en".into(),
        kind: SourceKind::Wire,
        title: None,
        published: None,
    }
}

fn event(id: &str, title: &str) -> Event {
    Event {
        id: id.into(),
        date: "2016-11-22".parse().expect("date"),
        precision: Precision::Day,
        end: None,
        kind: EventKind::Deployment,
        title: title.into(),
        title_template: None,
        summary: "Line one\nline \"two\"".into(),
        summary_template: None,
        islands: vec!["etorofu".into(), "kunashiri".into()],
        places: vec!["a-place".into()],
        points: vec![],
        location: None,
        location_template: None,
        sources: vec![
            source("Kyodo, Tokyo", "https://example.org/a?x=1,2"),
            source("TASS", "https://example.org/b"),
        ],
        confidence: Confidence::High,
        confidence_note: None,
        confidence_note_template: None,
        research: vec![],
        excerpts: vec![],
        text_lang: "en".into(),
        #[cfg(feature = "loader")]
        added: "2026-11-26".parse().expect("date"),
        #[cfg(feature = "loader")]
        updated: "2026-12-02".parse().expect("date"),
    }
}

/// Splits an RFC 4180 document into records of fields (a small reader,
/// written from the RFC, to check the writer against).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut quoted = false;
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
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert_ne!(c, '\n', "a bare LF outside quotes");
                field.push(c);
            }
        }
    }
    assert!(field.is_empty() && record.is_empty(), "ends with CRLF");
    records
}

#[test]
fn fields_with_commas_quotes_and_line_breaks_are_quoted() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a, b"), "\"a, b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("one\ntwo"), "\"one\ntwo\"");
    assert_eq!(csv_field(" padded"), "\" padded\"");
    assert_eq!(csv_field("択捉島"), "択捉島");
}

#[test]
fn the_events_csv_has_a_header_and_one_row_per_event_that_reads_back() {
    let a = event("a", "Bastion, \"Bal\" deployed");
    let b = event("b", "択捉島");
    let rows = [(&a, vec![[147.5, 45.1]]), (&b, vec![])];
    let text = events_csv(&rows);
    assert!(text.ends_with("\r\n"));
    let records = parse_csv(&text);
    assert_eq!(records.len(), 3, "a header and two rows");
    let header: Vec<&str> = EVENT_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(records[0], header);
    assert!(records.iter().all(|r| r.len() == EVENT_COLUMNS.len()));
    let field = |row: &[String], name: &str| {
        let at = header.iter().position(|h| *h == name).expect("column");
        row[at].clone()
    };
    assert_eq!(field(&records[1], "title"), "Bastion, \"Bal\" deployed");
    assert_eq!(field(&records[1], "summary"), "Line one\nline \"two\"");
    assert_eq!(field(&records[1], "longitude"), "147.5");
    assert_eq!(
        field(&records[2], "longitude"),
        "",
        "no point, no coordinates"
    );
    assert_eq!(field(&records[1], "source_outlets"), "Kyodo, Tokyo\nTASS");
    assert_eq!(
        field(&records[1], "source_urls"),
        "https://example.org/a?x=1,2\nhttps://example.org/b"
    );
    assert_eq!(field(&records[2], "title"), "択捉島");
    assert_eq!(field(&records[1], "islands"), "etorofu\nkunashiri");
}

#[test]
fn an_event_is_where_its_points_and_places_are_and_off_map_events_have_no_feature() {
    let mut a = event("a", "A");
    a.points = vec![[146.0, 44.0]];
    let places = |id: &str| (id == "a-place").then_some([147.0, 45.0]);
    assert_eq!(event_points(&a, places), vec![[146.0, 44.0], [147.0, 45.0]]);
    let off = event("off", "Off the map");
    let rows = [
        (&a, event_points(&a, places)),
        (&off, event_points(&off, |_| None)),
    ];
    let collection = EventFeatureCollection::new(&rows);
    assert_eq!(collection.features.len(), 1);
    let json = serde_json::to_value(&collection).expect("serialises");
    assert_eq!(json["type"], "FeatureCollection");
    assert_eq!(json["features"][0]["geometry"]["type"], "MultiPoint");
    assert_eq!(json["features"][0]["geometry"]["coordinates"][1][0], 147.0);
    assert_eq!(
        json["features"][0]["properties"]["sources"][1]["outlet"],
        "TASS"
    );
}

fn meta() -> PackageMeta {
    PackageMeta::parse(include_str!("../../../geodata/datapackage.toml")).expect("parses")
}

#[test]
fn the_data_package_describes_every_download_with_a_licence_and_the_csvs_schemas() {
    let package = DataPackage::new(&meta());
    let json = serde_json::to_string(&package).expect("serialises");
    let back: DataPackage = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, package);
    assert_eq!(package.profile, "data-package");
    for r in &package.resources {
        assert!(!r.licenses.is_empty(), "{} has a licence", r.name);
        assert_eq!(r.schema.is_some(), r.format == "csv", "{}", r.name);
    }
    let names: Vec<&str> = package.licenses.iter().map(|l| l.name.as_str()).collect();
    for licence in ["MIT", "Apache-2.0", "LGPL-3.0-or-later", "ODbL-1.0"] {
        assert!(names.contains(&licence), "{licence} in {names:?}");
    }
    let events = package
        .resources
        .iter()
        .find(|r| r.path == "events.csv")
        .and_then(|r| r.schema.as_ref())
        .expect("events.csv has a schema");
    let fields: Vec<&str> = events.fields.iter().map(|f| f.name.as_str()).collect();
    let columns: Vec<&str> = EVENT_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(fields, columns);
    let land = package
        .resources
        .iter()
        .find(|r| r.name == "land-2")
        .expect("land");
    let land_licences: Vec<&str> = land.licenses.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(land_licences, ["LGPL-3.0-or-later", "ODbL-1.0"]);
}

#[test]
fn a_package_file_without_a_licence_group_is_refused() {
    let text = include_str!("../../../geodata/datapackage.toml")
        .replace("licences.lines", "licences.other");
    assert!(matches!(
        PackageMeta::parse(&text),
        Err(PackageError::MissingLicence("lines"))
    ));
}
