//! Honest places over the committed data: a deployment whose site was not
//! published is marked approximate and drawn in its island's cluster, a
//! published one on its site, and no symbol covers another at any zoom.

mod support;

use model::api::DeploymentFeatureCollection;
use model::events::{Dataset, Date, recent_events};
use model::geodata::LineCollection;
use model::labels::{Kind, bounds};
use model::marks::Overlays;
use model::names::NameStyle;
use model::permalink::Layers;
use model::projection::project;
use model::scene::{
    Frame, LandShapes, MAP_FONTS, Scene, Symbol, event_point, event_symbol, group_names, obstacles,
    placement, resolve, site_symbols,
};
use model::viewport::{DISPUTE_BOUNDS, MAX_ZOOM, MIN_ZOOM, View};

fn scene() -> Scene {
    let islands = support::islands();
    let land = LandShapes::from_land(&support::land(), &islands);
    Scene::from_shapes(&land, &group_names(&islands), model::i18n::Lang::En)
}

fn overlays() -> Overlays {
    let lines = LineCollection::from_json(&support::read_geodata("lines.geojson")).expect("lines");
    Overlays::from_collections(&support::places(), &lines)
}

/// What the app's map draws over the land on `date`, before layout: the
/// sites (published first), then the event markers.
fn wanted(data: &Dataset, scene: &Scene, overlays: &Overlays, date: Date) -> Vec<Symbol> {
    let sites = DeploymentFeatureCollection::from_dataset(data, Some(date)).features;
    let mut out: Vec<Symbol> = site_symbols(&sites, scene)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    out.extend(
        recent_events(&data.events, date)
            .filter_map(|e| event_point(e, Some(overlays), scene))
            .map(event_symbol),
    );
    out
}

fn dates() -> Vec<Date> {
    [
        "1945-09-10",
        "1979-06-01",
        "2016-12-01",
        "2021-01-01",
        "2026-12-01",
    ]
    .iter()
    .map(|d| d.parse().expect("a date"))
    .collect()
}

#[test]
fn a_site_is_approximate_exactly_when_its_place_stands_for_its_whole_island() {
    let data = support::dataset();
    let places = support::places();
    let sites = DeploymentFeatureCollection::from_dataset(&data, None).features;
    assert_eq!(sites.len(), data.deployments.len());
    for site in &sites {
        let p = &site.properties;
        let centroid = places
            .features
            .iter()
            .find(|f| Some(&f.id) == p.place.as_ref())
            .is_none_or(|f| f.properties.centroid);
        assert_eq!(p.approximate, centroid, "{}", p.id);
    }
    let count = |approximate: bool| {
        sites
            .iter()
            .filter(|s| s.properties.approximate == approximate)
            .count()
    };
    assert!(
        count(true) >= 5 && count(false) >= 5,
        "both kinds in the data"
    );
}

#[test]
fn unpublished_sites_cluster_at_their_islands_anchor_and_published_ones_keep_their_site() {
    let (data, scene) = (support::dataset(), scene());
    let date = "2016-12-01".parse().expect("date");
    let sites = DeploymentFeatureCollection::from_dataset(&data, Some(date)).features;
    let laid = site_symbols(&sites, &scene);
    assert_eq!(laid.len(), sites.len());
    let first_approximate = laid
        .iter()
        .position(|(i, _)| sites[*i].properties.approximate);
    for (k, (i, symbol)) in laid.iter().enumerate() {
        let p = &sites[*i].properties;
        if p.approximate {
            assert_eq!(Some(symbol.at), scene.anchor(&p.island), "{}", p.id);
        } else {
            let [lon, lat] = sites[*i].position();
            assert_eq!(symbol.at, project(lon, lat), "{}", p.id);
            assert!(
                first_approximate.is_none_or(|f| k < f),
                "published first: {}",
                p.id
            );
        }
    }
}

#[test]
fn no_symbol_covers_another_at_any_zoom_on_any_date() {
    let (data, scene, overlays) = (support::dataset(), scene(), overlays());
    for date in dates() {
        let wanted = wanted(&data, &scene, &overlays, date);
        assert!(!wanted.is_empty(), "symbols on {date}");
        let mut zoom = MIN_ZOOM;
        while zoom <= MAX_ZOOM {
            let scale = View {
                zoom,
                lat: 44.0,
                lon: 147.0,
            }
            .scale();
            let laid = resolve(&wanted, scale);
            let centre = |s: &Symbol| (s.at.x * scale + s.offset.0, s.at.y * scale + s.offset.1);
            for (i, a) in laid.iter().enumerate() {
                for b in &laid[i + 1..] {
                    let ((ax, ay), (bx, by)) = (centre(a), centre(b));
                    let d = (ax - bx).hypot(ay - by);
                    assert!(
                        d >= a.radius + b.radius,
                        "{date} at zoom {zoom}: {a:?} covers {b:?}"
                    );
                }
            }
            // Compact: nothing is pushed further than a few symbols away,
            // and a cluster (symbols sharing a point) keeps its shape.
            for s in &laid {
                let moved = s.offset.0.hypot(s.offset.1);
                assert!(moved <= 200.0, "{date} at zoom {zoom}: moved {moved} px");
            }
            let mut start = 0;
            for cluster in wanted.chunk_by(|a, b| a == b) {
                let alone = resolve(cluster, scale);
                let laid = &laid[start..start + cluster.len()];
                let (origin, free_origin) = (laid[0].offset, alone[0].offset);
                for (s, free) in laid.iter().zip(&alone) {
                    let shape = (s.offset.0 - origin.0, s.offset.1 - origin.1);
                    let free = (free.offset.0 - free_origin.0, free.offset.1 - free_origin.1);
                    let drift = (shape.0 - free.0).hypot(shape.1 - free.1);
                    assert!(
                        drift < 1e-6,
                        "{date} at zoom {zoom}: a cluster split: {cluster:?}"
                    );
                }
                start += cluster.len();
            }
            zoom += 0.25;
        }
    }
}

#[test]
fn island_names_stay_clear_of_the_clusters_in_the_default_view() {
    // On a phone the overview is too small for both: an island keeps its
    // name there, over a symbol if it must (`model::labels`).
    let (data, scene, overlays) = (support::dataset(), scene(), overlays());
    for (width, height) in [(1280.0, 800.0), (1024.0, 768.0), (390.0, 600.0)] {
        let view = View::fit(DISPUTE_BOUNDS, width, height);
        let frame = Frame {
            transform: view.transform(width, height),
            zoom: view.zoom,
            layers: Layers::default(),
            names: NameStyle::Both,
            fonts: MAP_FONTS,
            visible: [0.0, 0.0, width, height],
        };
        for date in dates() {
            let laid = resolve(&wanted(&data, &scene, &overlays, date), view.scale());
            let boxes = obstacles(&laid, frame.transform);
            let placed = placement(&scene.labels, &laid, &frame);
            for (label, at) in scene.labels.iter().zip(&placed) {
                if !label.shown(frame.layers, frame.zoom) || label.kind != Kind::Area {
                    continue;
                }
                let name = label.text(NameStyle::Both);
                let at = at.unwrap_or_else(|| panic!("{name} is named on {date} at {width}"));
                let b = bounds(at, name.chars().count(), MAP_FONTS.area_px);
                for o in boxes.iter().filter(|_| width >= 1024.0) {
                    let clear = b[2] <= o[0] || o[2] <= b[0] || b[3] <= o[1] || o[3] <= b[1];
                    assert!(
                        clear,
                        "{name} covers a symbol on {date} at {width}×{height}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_default_views_bounds_hold_every_disputed_island_and_cape_nosappu() {
    // The default view fits `DISPUTE_BOUNDS` into the part of the map no
    // control covers (`viewport::padding`); what it must show is inside.
    let [west, south, east, north] = DISPUTE_BOUNDS;
    let within =
        |[lon, lat]: [f64; 2]| (west..=east).contains(&lon) && (south..=north).contains(&lat);
    let land = support::land();
    let mut islands = 0;
    for f in land.disputed() {
        for polygon in f.geometry.polygons() {
            for p in polygon.iter().flatten() {
                assert!(within(*p), "{} reaches {p:?}", f.id);
            }
        }
        islands += 1;
    }
    assert!(islands >= 4, "the four islands and the Habomai islets");
    let cape = support::places();
    let cape = cape.find("cape-nosappu").expect("Cape Nosappu is a place");
    assert!(
        within(cape.geometry.position()),
        "Cape Nosappu at {:?}",
        cape.geometry.position()
    );
}

#[test]
fn below_the_gather_zoom_an_islands_sites_gather_by_category_and_no_symbol_covers_another() {
    use model::scene::{GATHER_ZOOM, Mark, gather};
    let (data, scene) = (support::dataset(), scene());
    for date in dates() {
        let sites = DeploymentFeatureCollection::from_dataset(&data, Some(date)).features;
        for zoom in [7.0, 8.5, GATHER_ZOOM, 11.0] {
            let marks = gather(&sites, &scene, zoom, &[]);
            // Every site is counted exactly once.
            let mut counted: Vec<usize> = marks
                .iter()
                .flat_map(|(m, _)| match m {
                    Mark::Site(i) => vec![*i],
                    Mark::Badge { sites, .. } => sites.clone(),
                })
                .collect();
            counted.sort_unstable();
            assert_eq!(
                counted,
                (0..sites.len()).collect::<Vec<_>>(),
                "{date} at {zoom}"
            );
            let badges: Vec<_> = marks
                .iter()
                .filter_map(|(m, _)| match m {
                    Mark::Badge {
                        island,
                        category,
                        sites: of,
                    } => Some((island, category, of)),
                    Mark::Site(_) => None,
                })
                .collect();
            if zoom >= GATHER_ZOOM {
                assert!(badges.is_empty(), "{date} at {zoom}: every site its own");
            } else {
                // One badge per island and category, of two sites or more, all of them.
                for (island, category, of) in &badges {
                    assert!(of.len() >= 2);
                    let all = sites
                        .iter()
                        .filter(|s| {
                            &&s.properties.island == island && s.properties.category == **category
                        })
                        .count();
                    assert_eq!(of.len(), all, "{date}: {island} {category:?}");
                }
                let mut keys: Vec<_> = badges.iter().map(|(i, c, _)| (*i, **c)).collect();
                let n = keys.len();
                keys.dedup();
                assert_eq!(keys.len(), n, "one badge per island and category");
                if date == dates()[3] {
                    assert!(
                        !badges.is_empty(),
                        "{date}: the data has islands with several sites of a kind"
                    );
                    assert!(marks.len() < sites.len(), "fewer symbols at {zoom}");
                }
            }
            // Laid out, no two overlap.
            let scale = View {
                zoom,
                lat: 44.0,
                lon: 147.0,
            }
            .scale();
            let symbols: Vec<Symbol> = marks.iter().map(|(_, s)| *s).collect();
            let laid = resolve(&symbols, scale);
            let centre = |s: &Symbol| (s.at.x * scale + s.offset.0, s.at.y * scale + s.offset.1);
            for (i, a) in laid.iter().enumerate() {
                for b in &laid[i + 1..] {
                    let ((ax, ay), (bx, by)) = (centre(a), centre(b));
                    assert!(
                        (ax - bx).hypot(ay - by) >= a.radius + b.radius,
                        "{date} at {zoom}"
                    );
                }
            }
        }
        // An opened island shows its sites one by one even at low zoom.
        let some = sites.first().map(|s| s.properties.island.clone());
        if let Some(island) = some {
            let opened = gather(&sites, &scene, 7.0, std::slice::from_ref(&island));
            assert!(
                opened
                    .iter()
                    .all(|(m, _)| !matches!(m, Mark::Badge { island: i, .. } if *i == island))
            );
        }
    }
}
