//! Checks the committed files in `geodata/`: RFC 7946 shape, ids, areas
//! against Japan's official figures, places on their islands, lines at sea.

use std::collections::{BTreeSet, HashMap};

use geo::{
    BoundingRect, Contains, Coord, Distance, Euclidean, GeodesicArea, Intersects, Line, LineString,
    MultiPolygon, Point, Polygon, Validation,
};
use model::geodata::validity::rings_cross;
use model::geodata::{
    LandCollection, LandFeature, LandRole, LineCollection, PlaceCollection, PlaceKind, Position,
};

const LODS: [&str; 3] = ["land-0.geojson", "land-1.geojson", "land-2.geojson"];

fn read(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("geodata")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn land(name: &str) -> LandCollection {
    LandCollection::from_json(&read(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn in_area(p: Position) -> bool {
    model::projection::in_map_area(p)
}

fn ring(r: &[Position]) -> LineString<f64> {
    r.iter().map(|p| Coord { x: p[0], y: p[1] }).collect()
}

fn multipolygon(f: &LandFeature) -> MultiPolygon<f64> {
    MultiPolygon::new(
        f.geometry
            .polygons()
            .iter()
            .map(|rings| {
                Polygon::new(
                    ring(&rings[0]),
                    rings[1..].iter().map(|r| ring(r)).collect(),
                )
            })
            .collect(),
    )
}

/// Twice the signed planar area (positive: counter-clockwise).
fn signed_area2(r: &[Position]) -> f64 {
    r.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum()
}

fn area_km2(f: &LandFeature) -> f64 {
    multipolygon(f).geodesic_area_unsigned() / 1e6
}

/// Distance in km from a point to a feature's land (0 on land), in a local plane.
fn distance_km(at: Position, mp: &MultiPolygon<f64>) -> f64 {
    let k = at[1].to_radians().cos() * 111.32;
    let project = |c: Coord<f64>| Coord {
        x: c.x * k,
        y: c.y * 111.32,
    };
    let here = Point::from(project(Coord { x: at[0], y: at[1] }));
    mp.0.iter()
        .map(|p| {
            let r = |l: &LineString<f64>| l.coords().map(|&c| project(c)).collect();
            let q = Polygon::new(r(p.exterior()), p.interiors().iter().map(r).collect());
            Euclidean.distance(&here, &q)
        })
        .fold(f64::MAX, f64::min)
}

/// Polygon validity (rings simple and not crossing each other, holes inside
/// their exterior) and no two polygons of a feature meeting. Small polygons
/// also go through geo's own `Validation`.
fn assert_valid(what: &str, mp: &MultiPolygon<f64>) {
    let boxes: Vec<_> = mp.0.iter().map(|p| p.bounding_rect()).collect();
    for (i, p) in mp.0.iter().enumerate() {
        if let Some(problem) = rings_cross(p) {
            panic!("{what}: polygon {i}: {problem}");
        }
        for (k, hole) in p.interiors().iter().enumerate() {
            assert!(
                p.exterior().0.len() > 3
                    && Polygon::new(p.exterior().clone(), vec![]).contains(&hole.0[0]),
                "{what}: polygon {i} hole {k} lies outside its exterior"
            );
        }
        if p.exterior().0.len() < 2000 {
            let errors: Vec<String> = p
                .validation_errors()
                .iter()
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{what}: polygon {i} invalid: {errors:?}");
        }
        for j in i + 1..mp.0.len() {
            if let (Some(a), Some(b)) = (boxes[i], boxes[j])
                && a.intersects(&b)
            {
                assert!(!p.intersects(&mp.0[j]), "{what}: polygons {i} and {j} meet");
            }
        }
    }
}

#[test]
fn land_files_follow_rfc_7946_and_are_valid() {
    for name in LODS {
        let text = read(name);
        assert!(
            !text.contains("\"crs\""),
            "{name}: RFC 7946 has no crs member"
        );
        let land = land(name);
        assert!(land.features.len() >= 20, "{name}: too few features");
        let mut ids = BTreeSet::new();
        for f in &land.features {
            let p = &f.properties;
            assert_eq!(f.id, p.id, "{name}: feature id and properties.id differ");
            assert!(ids.insert(f.id.clone()), "{name}: duplicate id {}", f.id);
            for (field, value) in [
                ("name_en", &p.name_en),
                ("name_ja", &p.name_ja),
                ("name_ja_romaji", &p.name_ja_romaji),
                ("name_ru", &p.name_ru),
                ("name_ru_romaji", &p.name_ru_romaji),
                ("administered_by", &p.administered_by),
                ("source", &p.source),
            ] {
                assert!(!value.trim().is_empty(), "{name} {}: empty {field}", f.id);
            }
            assert!(
                p.name_ru.chars().any(|c| ('А'..='я').contains(&c)),
                "{name} {}: name_ru is not Cyrillic",
                f.id
            );
            assert!(
                p.name_ja.chars().any(|c| c as u32 >= 0x3040),
                "{name} {}: name_ja is not Japanese",
                f.id
            );
            if p.role == LandRole::Disputed {
                assert_eq!(p.administered_by, "Russia", "{}", f.id);
                assert_eq!(p.claimed_by.as_deref(), Some("Japan"), "{}", f.id);
            }
            assert!(
                !f.geometry.polygons().is_empty(),
                "{name} {}: no polygons",
                f.id
            );
            for rings in f.geometry.polygons() {
                for (i, r) in rings.iter().enumerate() {
                    assert!(
                        r.len() >= 4,
                        "{name} {}: ring with {} positions",
                        f.id,
                        r.len()
                    );
                    assert_eq!(r.first(), r.last(), "{name} {}: ring not closed", f.id);
                    for &pos in r {
                        assert!(
                            in_area(pos),
                            "{name} {}: {pos:?} is not lon/lat in the map area",
                            f.id
                        );
                    }
                    let a = signed_area2(r);
                    if i == 0 {
                        assert!(
                            a > 0.0,
                            "{name} {}: exterior ring is not counter-clockwise",
                            f.id
                        );
                    } else {
                        assert!(a < 0.0, "{name} {}: hole is not clockwise", f.id);
                    }
                }
            }
            assert_valid(&format!("{name} {}", f.id), &multipolygon(f));
        }
    }
}

#[test]
fn every_level_has_the_same_features_and_the_overview_is_light() {
    let levels: Vec<LandCollection> = LODS.iter().map(|n| land(n)).collect();
    let ids = |l: &LandCollection| l.features.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&levels[0]),
        ids(&levels[1]),
        "land-0 and land-1 ids differ"
    );
    assert_eq!(
        ids(&levels[1]),
        ids(&levels[2]),
        "land-1 and land-2 ids differ"
    );
    let counts: Vec<usize> = levels.iter().map(LandCollection::vertex_count).collect();
    assert!(counts[0] < 5000, "land-0 has {} vertices", counts[0]);
    assert!(
        counts[0] < counts[1] && counts[1] < counts[2],
        "levels must get more detailed: {counts:?}"
    );
}

#[test]
fn labels_sit_on_their_land() {
    let full = land("land-2.geojson");
    for f in &full.features {
        let at = f
            .properties
            .label_at
            .unwrap_or_else(|| panic!("{}: no label_at", f.id));
        assert!(
            multipolygon(f).contains(&Point::new(at[0], at[1])),
            "{}: label_at {at:?} is not on the feature",
            f.id
        );
    }
}

/// Named islands and where a source puts them (lon, lat).
const ISLANDS: &[(&str, Option<&str>, [f64; 2])] = &[
    ("etorofu", None, [147.617, 45.033]),
    ("kunashiri", None, [145.850, 44.117]),
    ("shikotan", None, [146.750, 43.800]),
    // Wikipedia articles on each islet (Tanfilyev, Yury, Anuchina, Zelyony, Polonsky).
    ("suisho", Some("habomai"), [145.917, 43.433]),
    ("yuri", Some("habomai"), [146.067, 43.417]),
    ("akiyuri", Some("habomai"), [146.000, 43.367]),
    ("shibotsu", Some("habomai"), [146.133, 43.500]),
    ("taraku", Some("habomai"), [146.317, 43.633]),
    // ru.wikipedia «Острова Дёмина»: 43°25′N 146°10′E.
    ("harukaru", Some("habomai"), [146.167, 43.417]),
    // lighthouse-japan.com: 43°23.8′N 145°51.5′E.
    ("kaigara", Some("habomai"), [145.8583, 43.3967]),
];

#[test]
fn each_named_island_is_its_own_feature_where_sources_put_it() {
    for name in LODS {
        let land = land(name);
        for &(id, group, at) in ISLANDS {
            let f = land
                .find(id)
                .unwrap_or_else(|| panic!("{name}: no feature {id}"));
            assert_eq!(f.properties.role, LandRole::Disputed, "{name} {id}");
            assert_eq!(f.properties.group.as_deref(), group, "{name} {id}: group");
            assert!(
                f.properties.part_of.is_none(),
                "{name} {id}: named islands are not part_of"
            );
            let d = distance_km(at, &multipolygon(f));
            assert!(d <= 2.0, "{name} {id}: {d:.2} km from {at:?}");
        }
        for id in ["hokkaido", "urup", "sakhalin", "honshu"] {
            let f = land
                .find(id)
                .unwrap_or_else(|| panic!("{name}: no context land {id}"));
            assert_eq!(f.properties.role, LandRole::Context, "{name} {id}");
        }
        for id in ["sakhalin", "honshu", "kamchatka", "mainland"] {
            assert!(
                land.find(id).is_some_and(|f| f.properties.clipped),
                "{name} {id} is cut by the map edge"
            );
        }
        for f in &land.features {
            if let Some(parent) = &f.properties.part_of {
                assert!(
                    land.find(parent).is_some(),
                    "{name} {}: part_of {parent} missing",
                    f.id
                );
            }
        }
    }
}

#[test]
fn areas_match_japans_official_figures() {
    // GSI Reiwa 3 (2021), via https://www.hoppou.go.jp/archives/basics/islands1.html
    let official = [
        ("etorofu", 3166.6, 0.03),
        ("kunashiri", 1489.3, 0.03),
        ("shikotan", 247.7, 0.03),
        ("suisho", 12.1, 0.08),
        ("yuri", 9.9, 0.08),
        ("akiyuri", 2.1, 0.08),
        ("shibotsu", 58.3, 0.08),
        ("taraku", 10.9, 0.08),
    ];
    for name in ["land-1.geojson", "land-2.geojson"] {
        let land = land(name);
        for (id, km2, tolerance) in official {
            let f = land.find(id).unwrap_or_else(|| panic!("{name}: no {id}"));
            assert_eq!(f.properties.official_area_km2, Some(km2), "{name} {id}");
            let a = area_km2(f);
            let err = a / km2 - 1.0;
            assert!(
                err.abs() <= tolerance,
                "{name} {id}: {a:.2} km² is {:+.1}% off the official {km2}",
                err * 100.0
            );
        }
    }
}

#[test]
fn places_are_on_their_islands() {
    let places =
        PlaceCollection::from_json(&read("places.geojson")).expect("places.geojson parses");
    let full = land("land-2.geojson");
    let mut ids = BTreeSet::new();
    let mut by_island: HashMap<String, Vec<Polygon<f64>>> = HashMap::new();
    for f in &full.features {
        let keys = [
            Some(f.id.clone()),
            f.properties.group.clone(),
            f.properties.part_of.clone(),
        ];
        for key in keys.into_iter().flatten() {
            by_island.entry(key).or_default().extend(multipolygon(f).0);
        }
    }
    for required in [
        "kurilsk",
        "yuzhno-kurilsk",
        "malokurilskoye",
        "cape-nosappu",
        "kaigara-lighthouse",
        "habomai-centroid",
    ] {
        assert!(places.find(required).is_some(), "no place {required}");
    }
    // Centroids anchor markers for a whole island; they are not places to name.
    let named: Vec<&str> = places.on_the_ground().map(|p| p.id.as_str()).collect();
    assert!(named.contains(&"yuzhno-kurilsk"));
    assert!(!named.contains(&"habomai-centroid"));
    for p in &places.features {
        let props = &p.properties;
        assert_eq!(p.id, props.id);
        assert!(ids.insert(p.id.clone()), "duplicate place {}", p.id);
        for value in [
            &props.name_en,
            &props.name_ja,
            &props.name_ja_romaji,
            &props.name_ru,
            &props.name_ru_romaji,
        ] {
            assert!(!value.trim().is_empty(), "{}: empty name", p.id);
        }
        assert!(
            props.source.starts_with("http"),
            "{}: source must be a URL",
            p.id
        );
        if props.kind == PlaceKind::Centroid {
            assert!(props.centroid, "{}: a centroid must be flagged", p.id);
        }
        if props.centroid && props.kind != PlaceKind::Centroid {
            assert!(
                props.coordinate_note.is_some(),
                "{}: say why it sits at a centroid",
                p.id
            );
        }
        let at = p.geometry.position();
        assert!(in_area(at), "{}: {at:?} outside the map area", p.id);
        let island = by_island
            .get(&props.island)
            .unwrap_or_else(|| panic!("{}: unknown island {}", p.id, props.island));
        // A bay's coordinate is its middle, on water by nature: it must be
        // enclosed by its island's coast, so it gets a wider margin.
        let limit = if props.kind == PlaceKind::Bay {
            5.0
        } else {
            2.0
        };
        let d = distance_km(at, &MultiPolygon::new(island.clone()));
        assert!(d <= limit, "{}: {d:.2} km from {}", p.id, props.island);
    }
}

#[test]
fn lines_are_dated_schematic_and_at_sea() {
    let lines = LineCollection::from_json(&read("lines.geojson")).expect("lines.geojson parses");
    let full = land("land-2.geojson");
    let land_mp: Vec<MultiPolygon<f64>> = full.features.iter().map(multipolygon).collect();
    let is_date = |s: &str| {
        s.len() == 10
            && s.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    for id in [
        "shimoda-1855",
        "japan-claim-limit",
        "de-facto-1945",
        "saint-petersburg-1875",
    ] {
        assert!(lines.find(id).is_some(), "no line {id}");
    }
    for l in &lines.features {
        let p = &l.properties;
        assert_eq!(l.id, p.id);
        assert!(is_date(&p.date), "{}: date {}", l.id, p.date);
        if let Some(until) = &p.until {
            assert!(
                is_date(until) && until.as_str() > p.date.as_str(),
                "{}: until {until}",
                l.id
            );
        }
        assert!(p.schematic, "{}: no published course, so schematic", l.id);
        assert!(p.source.starts_with("https://"), "{}: source", l.id);
        for value in [&p.name_en, &p.name_ja, &p.name_ru, &p.description] {
            assert!(!value.trim().is_empty(), "{}: empty text", l.id);
        }
        let pts = l.geometry.positions();
        assert!(pts.len() >= 2, "{}: too short", l.id);
        for w in pts.windows(2) {
            assert!(
                in_area(w[0]) && in_area(w[1]),
                "{}: outside the map area",
                l.id
            );
            let seg = Line::new(
                Coord {
                    x: w[0][0],
                    y: w[0][1],
                },
                Coord {
                    x: w[1][0],
                    y: w[1][1],
                },
            );
            for (f, mp) in full.features.iter().zip(&land_mp) {
                assert!(!seg.intersects(mp), "{}: crosses {}", l.id, f.id);
            }
        }
    }
    // The 1945 line runs between Hokkaido and the islands, near Cape Nosappu.
    let de_facto = lines.find("de-facto-1945").expect("de-facto line");
    let nosappu = [145.817, 43.385];
    let near = de_facto
        .geometry
        .positions()
        .iter()
        .map(|&p| {
            distance_km(
                nosappu,
                &MultiPolygon::new(vec![Polygon::new(ring(&[p, p, p, p]), vec![])]),
            )
        })
        .fold(f64::MAX, f64::min);
    assert!(
        near < 5.0,
        "the 1945 line passes {near:.1} km from Cape Nosappu"
    );
}

#[test]
fn the_geometry_checks_catch_broken_rings() {
    let bowtie = Polygon::new(
        ring(&[[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]),
        vec![],
    );
    assert!(rings_cross(&bowtie).is_some(), "a bow-tie must be caught");
    let square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
    assert!(rings_cross(&Polygon::new(ring(&square), vec![])).is_none());
    assert!(signed_area2(&square) > 0.0);
    let clockwise: Vec<Position> = square.iter().rev().copied().collect();
    assert!(
        signed_area2(&clockwise) < 0.0,
        "a clockwise ring must be caught"
    );
}

/// Every place cites a page of its own: no content farm, mirror or
/// republisher from `events/denylist.toml` (where the known Wikipedia mirrors
/// are listed), and no host with a trailing dot.
#[test]
fn place_sources_are_not_denied() {
    use model::events::{Dataset, Known};
    let denylist = read("events/denylist.toml");
    let dataset = Dataset::load(&[("denylist.toml", denylist.as_str())], &Known::default())
        .unwrap_or_else(|e| panic!("denylist.toml: {e:?}"));
    let places =
        PlaceCollection::from_json(&read("places.geojson")).expect("places.geojson parses");
    let mut bad = Vec::new();
    for p in &places.features {
        let url = p.properties.source.as_str();
        if let Some((domain, reason)) = dataset.denylist.denying(url) {
            bad.push(format!("{}: {url} is denied ({domain}: {reason})", p.id));
        }
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        let host = host.split(':').next().unwrap_or(host);
        if host.is_empty() || host.ends_with('.') {
            bad.push(format!("{}: {url} has no usable host", p.id));
        }
    }
    assert!(bad.is_empty(), "place sources:\n{}", bad.join("\n"));
}

/// The Kuril Islands north of the dispute, Urup to Shumshu, south-west to
/// north-east, with the point English Wikipedia's article on each gives.
const CHAIN: &[(&str, [f64; 2])] = &[
    ("Urup", [149.933, 45.883]),
    ("Broutona", [150.733, 46.717]),
    ("Chirpoi", [150.867, 46.517]),
    ("Brat Chirpoyev", [150.817, 46.467]),
    ("Simushir", [152.017, 46.967]),
    ("Ketoy", [152.467, 47.333]),
    ("Ushishir", [152.817, 47.517]),
    ("Rasshua", [153.017, 47.75]),
    ("Matua", [153.217, 48.083]),
    ("Raikoke", [153.25, 48.283]),
    ("Shiashkotan", [154.1, 48.817]),
    ("Ekarma", [153.95, 48.95]),
    ("Chirinkotan", [153.483, 48.983]),
    ("Kharimkotan", [154.533, 49.117]),
    ("Onekotan", [154.767, 49.45]),
    ("Makanrushi", [154.433, 49.767]),
    ("Antsiferov", [154.983, 50.2]),
    ("Paramushir", [155.683, 50.383]),
    ("Atlasov", [155.567, 50.867]),
    ("Shumshu", [156.35, 50.75]),
];

#[test]
fn the_whole_chain_from_urup_to_shumshu_is_context_land_where_sources_put_it() {
    for name in LODS {
        let land = land(name);
        for &(island, at) in CHAIN {
            let f = land
                .features
                .iter()
                .find(|f| f.properties.name_en == island)
                .unwrap_or_else(|| panic!("{name}: no island named {island}"));
            let p = &f.properties;
            assert_eq!(p.role, LandRole::Context, "{name} {island}");
            assert_eq!(p.administered_by, "Russia", "{name} {island}");
            assert_eq!(p.claimed_by, None, "{name} {island}: not disputed");
            assert!(
                !p.name_ja.is_empty() && !p.name_ru.is_empty(),
                "{name} {island}"
            );
            let d = distance_km(at, &multipolygon(f));
            assert!(d <= 3.0, "{name} {island}: {d:.1} km from {at:?}");
        }
        // The coasts beside the chain: Kamchatka's southern tip, Cape
        // Lopatka (50°52′N 156°40′E), is on the map.
        let kamchatka = land.find("kamchatka").expect("Kamchatka");
        let d = distance_km([156.667, 50.867], &multipolygon(kamchatka));
        assert!(d <= 2.0, "{name}: Cape Lopatka {d:.1} km from Kamchatka");
    }
}

#[test]
fn context_land_is_not_disputed_and_disputed_land_is_only_the_claimed_islands() {
    for name in LODS {
        for f in &land(name).features {
            let p = &f.properties;
            match p.role {
                LandRole::Context => {
                    assert_eq!(p.claimed_by, None, "{name} {}: context is claimed", f.id);
                    assert_eq!(p.group, None, "{name} {}: context in a group", f.id);
                    assert_eq!(p.official_area_km2, None, "{name} {}", f.id);
                }
                LandRole::Disputed => {
                    let own = ISLANDS.iter().any(|(id, _, _)| *id == f.id);
                    let islets = p
                        .part_of
                        .as_deref()
                        .is_some_and(|parent| ISLANDS.iter().any(|(id, _, _)| *id == parent));
                    assert!(own || islets, "{name} {}: disputed but not claimed", f.id);
                }
            }
        }
    }
}

/// Which side of the line from `a` to `b` a point lies on.
fn side(a: Position, b: Position, p: Position) -> f64 {
    (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
}

#[test]
fn the_1855_and_1875_lines_run_through_their_straits() {
    let lines = LineCollection::from_json(&read("lines.geojson")).expect("lines.geojson parses");
    let full = land("land-2.geojson");
    let feature = |id: &str| full.find(id).unwrap_or_else(|| panic!("no {id}"));
    // The Shimoda line between Etorofu and Urup (the Vries Strait, about
    // 40 km wide); the 1875 line between Shumshu and Cape Lopatka (the First
    // Kuril Strait, about 11 km wide).
    for (line, south, north, width_km) in [
        ("shimoda-1855", "etorofu", "urup", 40.0),
        ("saint-petersburg-1875", "shumshu", "kamchatka", 11.0),
    ] {
        let l = lines.find(line).unwrap_or_else(|| panic!("no line {line}"));
        let pts = l.geometry.positions();
        let (a, b) = (pts[0], pts[pts.len() - 1]);
        let (s, n) = (feature(south), feature(north));
        let at = |f: &LandFeature| f.properties.label_at.expect("label_at");
        assert!(
            side(a, b, at(s)) * side(a, b, at(n)) < 0.0,
            "{line}: {south} and {north} are on the same side"
        );
        for f in [s, n] {
            let nearest = pts
                .iter()
                .map(|&p| distance_km(p, &multipolygon(f)))
                .fold(f64::MAX, f64::min);
            assert!(
                nearest <= width_km,
                "{line} passes {nearest:.1} km from {}",
                f.id
            );
        }
    }
    let exchange = lines.find("saint-petersburg-1875").expect("1875 line");
    assert_eq!(exchange.properties.date, "1875-05-07");
    assert!(exchange.properties.schematic);
}

mod overview {
    use super::*;
    use model::overview::{EAST, NORTH, OverviewCollection, SOUTH, WEST};
    use model::projection::{AREA_EAST, AREA_NORTH, AREA_SOUTH, AREA_WEST};

    fn in_frame(p: Position) -> bool {
        (WEST..=EAST).contains(&p[0]) && (SOUTH..=NORTH).contains(&p[1])
    }

    fn overview() -> (String, MultiPolygon<f64>) {
        let text = read("overview.geojson");
        let collection = OverviewCollection::from_json(&text).expect("overview.geojson parses");
        assert_eq!(collection.features.len(), 1);
        let f = &collection.features[0];
        assert_eq!(f.properties.source, "GSHHG 2.3.6 full");
        let mp = MultiPolygon::new(
            f.geometry
                .polygons()
                .iter()
                .map(|rings| {
                    for r in rings {
                        assert!(r.len() >= 4 && r.first() == r.last(), "ring not closed");
                        assert!(r.iter().all(|&p| in_frame(p)), "outside the frame");
                    }
                    assert!(
                        signed_area2(&rings[0]) > 0.0,
                        "exterior not counter-clockwise"
                    );
                    Polygon::new(
                        ring(&rings[0]),
                        rings[1..].iter().map(|r| ring(r)).collect(),
                    )
                })
                .collect(),
        );
        for (i, p) in mp.0.iter().enumerate() {
            assert_eq!(rings_cross(p), None, "overview polygon {i}");
        }
        (text, mp)
    }

    #[test]
    fn the_overview_is_light_and_covers_the_map_area_and_every_land_feature() {
        let (text, mp) = overview();
        assert!(
            text.len() < 32_000,
            "overview.geojson is {} bytes",
            text.len()
        );
        for corner in [
            [AREA_WEST, AREA_SOUTH],
            [AREA_EAST, AREA_NORTH],
            [AREA_WEST, AREA_NORTH],
            [AREA_EAST, AREA_SOUTH],
        ] {
            assert!(
                in_frame(corner),
                "the map area's corner {corner:?} is off the overview"
            );
        }
        for f in &land("land-0.geojson").features {
            for rings in f.geometry.polygons() {
                assert!(
                    rings.iter().flatten().all(|&p| in_frame(p)),
                    "{} lies outside the overview",
                    f.id
                );
            }
            // Everything the overview keeps (20 km² and more) is drawn on it.
            if area_km2(f) >= 20.0 {
                let at = f.properties.label_at.expect("label_at");
                let d = distance_km(at, &mp);
                assert!(d <= 8.0, "{}: overview land is {d:.1} km away", f.id);
            }
        }
    }

    #[test]
    fn the_overview_shows_the_coasts_round_the_sea_of_okhotsk() {
        let (_, mp) = overview();
        let on_land = |p: [f64; 2]| mp.contains(&Point::new(p[0], p[1]));
        for (what, p) in [
            ("Hokkaido", [142.8, 43.5]),
            ("Sakhalin", [142.8, 50.0]),
            ("Kamchatka", [159.0, 55.0]),
            ("the mainland at Magadan", [150.8, 60.0]),
            ("Paramushir", [155.7, 50.4]),
        ] {
            assert!(on_land(p), "{what} {p:?} is not land on the overview");
        }
        for (what, p) in [
            ("the Sea of Okhotsk", [150.0, 55.0]),
            ("the Pacific", [155.0, 45.0]),
        ] {
            assert!(!on_land(p), "{what} {p:?} is land on the overview");
        }
    }
}
