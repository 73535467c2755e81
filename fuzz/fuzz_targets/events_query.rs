//! The `/api/events` query parsing is total (a 400 or a query, never a
//! panic), and any query it accepts runs over the real data without panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use model::events::{Dataset, Known};
use model::geodata::{LandCollection, PlaceCollection};
use model::islands::Islands;
use std::sync::OnceLock;

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../geodata");
        let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect("geodata");
        let islands = Islands::parse("islands.toml", &read("islands.toml")).expect("islands");
        let land = LandCollection::from_json(&read("land-0.geojson")).expect("land");
        let places = PlaceCollection::from_json(&read("places.geojson")).expect("places");
        let known = islands.known(&land, &places);
        let names = [
            "events/events.toml",
            "events/deployments.toml",
            "events/annotations.toml",
            "events/articles/seed-2017-03-20.toml",
            "events/articles/seed-2017-03-20.txt",
        ];
        let texts: Vec<(String, String)> = names.iter().map(|n| (n.to_string(), read(n))).collect();
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        Dataset::load(&files, &known).expect("the committed data loads")
    })
}

/// Bytes a URI query may hold as they are; everything else is %-escaped,
/// as a client would send it.
fn escape(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len());
    for &b in data {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fuzz_target!(|bytes: &[u8]| {
    let query = escape(bytes);
    let known = |id: &str| data().islands.contains(id);
    if let Ok(q) = server::api::parse_event_query(&query, known) {
        let limit = q.limit.unwrap_or(server::api::MAX_LIMIT);
        assert!((1..=server::api::MAX_LIMIT).contains(&limit));
        let page = data().query_events(&q);
        assert!(page.items.len() <= limit);
        assert!(page.items.len() <= page.total);
    }
});
