//! The measure tool's well-known distances (`geodata/distances.toml`) over
//! the committed data: each resolves to two points on the map, and our
//! great-circle distance is close to the figure its sources publish.

mod support;

use model::measure::{Distances, great_circle_km, nearest_on_outline};
use support::{dataset, known, read_geodata};

fn land_2() -> model::geodata::LandCollection {
    model::geodata::LandCollection::from_json(&read_geodata("land-2.geojson"))
        .expect("land-2 parses")
}

fn distances() -> Distances {
    let text = read_geodata("distances.toml");
    match Distances::parse("distances.toml", &text, &known(), &dataset().denylist) {
        Ok(d) => d,
        Err(errors) => panic!("{errors:?}"),
    }
}

#[test]
fn every_known_distance_measures_close_to_its_published_figure() {
    let known = known();
    let land = land_2();
    let list = distances();
    assert!(list.distances.len() >= 8);
    for d in &list.distances {
        let from = known.places[&d.from].expect("a position");
        let to = match known.places.get(&d.to) {
            Some(Some(p)) => *p,
            _ => nearest_on_outline(&land, &d.to, from).expect("an outline"),
        };
        let km = great_circle_km(from, to);
        let off = (km - d.published_km).abs() / d.published_km;
        // Our outlines are GSHHG's: a few hundred metres from the published
        // coast at the nearest point.
        assert!(
            off < 0.07,
            "{}: {km:.2} km against {} published",
            d.id,
            d.published_km
        );
    }
}

#[test]
fn cape_nosappu_to_kaigara_is_within_five_percent_of_3_7_km() {
    let known = known();
    let km = great_circle_km(
        known.places["cape-nosappu"].expect("cape"),
        known.places["kaigara-lighthouse"].expect("lighthouse"),
    );
    assert!((km - 3.7).abs() / 3.7 < 0.05, "{km}");
}

#[test]
fn a_broken_copy_is_refused_with_its_line_and_field() {
    let text = read_geodata("distances.toml").replacen("to = \"suisho\"", "to = \"atlantis\"", 1);
    let errors = Distances::parse("distances.toml", &text, &known(), &dataset().denylist)
        .expect_err("an unknown island");
    let shown = format!("{}", errors[0]);
    assert!(
        shown.contains("distances.toml:") && shown.contains("to"),
        "{shown}"
    );
    assert!(shown.contains("atlantis"), "{shown}");
}
