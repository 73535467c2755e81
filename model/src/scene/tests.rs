use super::*;
use crate::geodata::{LineCollection, PlaceCollection};
use crate::viewport::{DISPUTE_BOUNDS, View};
use geo::Contains;

const LAND: &str = include_str!("../../../geodata/land-0.geojson");
const PLACES: &str = include_str!("../../../geodata/places.geojson");
const LINES: &str = include_str!("../../../geodata/lines.geojson");

fn land() -> LandCollection {
    LandCollection::from_json(LAND).expect("committed land parses")
}

fn overlays() -> Overlays {
    let places = PlaceCollection::from_json(PLACES).expect("places parse");
    let lines = LineCollection::from_json(LINES).expect("lines parse");
    Overlays::from_collections(&places, &lines)
}

/// Made-up names, so a test sees the scene takes them from its input.
fn group_names(land: &LandCollection) -> Vec<GroupName> {
    let mut ids: Vec<String> = land
        .features
        .iter()
        .filter_map(|f| f.properties.group.clone())
        .collect();
    ids.dedup();
    ids.into_iter()
        .map(|id| GroupName {
            label: [format!("{id} both"), format!("{id} ja"), format!("{id} ru")],
            id,
        })
        .collect()
}

fn app_scene(land: &LandCollection) -> Scene {
    Scene::from_shapes(
        &LandShapes::from_land(land, &crate::islands::committed()),
        &group_names(land),
        Lang::En,
    )
}

fn frame(zoom: f64, width: f64, height: f64) -> Frame {
    let view = View {
        zoom,
        ..View::fit(DISPUTE_BOUNDS, width, height)
    };
    Frame {
        transform: view.transform(width, height),
        zoom,
        layers: Layers::default(),
        names: NameStyle::Both,
        fonts: MAP_FONTS,
        visible: [0.0, 0.0, width, height],
    }
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

#[test]
fn every_named_disputed_island_is_anchored_on_its_land() {
    let land = land();
    let scene = app_scene(&land);
    let named: Vec<_> = land
        .disputed()
        .filter(|f| f.properties.part_of.is_none())
        .collect();
    assert!(named.len() >= 8, "the four islands and the Habomai islets");
    for f in named {
        let [lon, lat] = f.anchor().expect("anchored");
        let outline: Vec<geo::Polygon> = f
            .geometry
            .polygons()
            .iter()
            .map(|rings| {
                let ring = rings.first().expect("exterior ring").clone();
                geo::Polygon::new(geo::LineString::from(ring), Vec::new())
            })
            .collect();
        let point = geo::Point::new(lon, lat);
        assert!(
            outline.iter().any(|p| p.contains(&point)),
            "{}: its anchor {lon} {lat} is on land",
            f.id
        );
        assert_eq!(scene.anchor(&f.id), Some(project(lon, lat)), "{}", f.id);
    }
    // Islets under a parent are not anchors of their own; context land is never named.
    assert_eq!(scene.anchor("etorofu-islets"), None);
    assert_eq!(scene.anchor("hokkaido"), None);
}

#[test]
fn a_group_is_anchored_at_the_mean_of_its_members_and_named_below_islet_zoom_only() {
    let land = land();
    let scene = app_scene(&land);
    let members: Vec<MapPoint> = land
        .disputed()
        .filter(|f| f.properties.group.as_deref() == Some("habomai"))
        .filter(|f| f.properties.part_of.is_none())
        .filter_map(|f| f.anchor())
        .map(|[lon, lat]| project(lon, lat))
        .collect();
    assert!(members.len() >= 5);
    let n = members.len() as f64;
    let mean = (
        members.iter().map(|p| p.x).sum::<f64>() / n,
        members.iter().map(|p| p.y).sum::<f64>() / n,
    );
    let at = scene.anchor("habomai").expect("the group has an anchor");
    assert!(distance((at.x, at.y), mean) < 1e-9, "{at:?} vs {mean:?}");

    let group = scene
        .labels
        .iter()
        .find(|l| l.text(NameStyle::Both) == "habomai both")
        .expect("the group is named from the input");
    assert_eq!(group.text(NameStyle::Japanese), "habomai ja");
    assert_eq!(group.text(NameStyle::Russian), "habomai ru");
    assert_eq!(group.at, at);
    assert_eq!(group.slots, members, "its name may go on any islet");
    let layers = Layers::default();
    assert!(group.shown(layers, 0.0) && group.shown(layers, ISLET_LABEL_ZOOM - 0.01));
    assert!(!group.shown(layers, ISLET_LABEL_ZOOM));
    // Its islets are named the other way round.
    let suisho = scene
        .labels
        .iter()
        .find(|l| l.at == scene.anchor("suisho").expect("suisho"))
        .expect("suisho is named");
    assert!(!suisho.shown(layers, ISLET_LABEL_ZOOM - 0.01));
    assert!(suisho.shown(layers, ISLET_LABEL_ZOOM));
    // A big island is named at every zoom.
    let etorofu = scene.anchor("etorofu").expect("etorofu");
    let etorofu = scene
        .labels
        .iter()
        .find(|l| l.at == etorofu)
        .expect("named");
    assert!(etorofu.shown(layers, 0.0) && etorofu.shown(layers, 20.0));
}

#[test]
fn without_its_names_a_group_is_anchored_but_not_named() {
    let land = land();
    let scene = Scene::from_shapes(
        &LandShapes::from_land(&land, &crate::islands::committed()),
        &[],
        Lang::En,
    );
    assert!(scene.anchor("habomai").is_some(), "markers still attach");
    let named = land
        .disputed()
        .filter(|f| f.properties.part_of.is_none())
        .count();
    assert_eq!(
        scene.labels.len(),
        named,
        "one label per island, none for the group"
    );
}

#[test]
fn the_app_and_the_preview_images_get_the_same_scene_and_candidates() {
    let land = land();
    let from_shapes = app_scene(&land);
    let from_land = Scene::from_land(&land, &group_names(&land));
    assert_eq!(from_shapes, from_land);
    for (zoom, width, height) in [
        (7.5, 1200.0, 630.0),
        (10.5, 1200.0, 630.0),
        (8.0, 420.0, 800.0),
    ] {
        let frame = frame(zoom, width, height);
        let (shown, app) = candidates(&from_shapes.labels, &frame);
        assert!(!shown.is_empty());
        assert_eq!((shown, app), candidates(&from_land.labels, &frame));
    }
}

#[test]
fn placement_names_the_group_below_islet_zoom_and_its_islets_from_it() {
    let land = land();
    let scene = app_scene(&land);
    let group = scene
        .labels
        .iter()
        .position(|l| l.text(NameStyle::Both) == "habomai both")
        .expect("group label");
    let shibotsu = scene.anchor("shibotsu").expect("shibotsu");
    let islet = scene
        .labels
        .iter()
        .position(|l| l.at == shibotsu)
        .expect("islet label");
    let overview = placement(&scene.labels, &[], &frame(8.0, 1280.0, 740.0));
    assert_eq!(overview.len(), scene.labels.len());
    assert!(overview[group].is_some() && overview[islet].is_none());
    let close = placement(&scene.labels, &[], &frame(10.5, 1280.0, 740.0));
    assert!(close[group].is_none());
    // Without the islands layer, no island is named at all.
    let mut hidden = frame(8.0, 1280.0, 740.0);
    hidden.layers = Layers::all().with(Layer::Islands, false);
    assert!(
        placement(&scene.labels, &[], &hidden)
            .iter()
            .all(Option::is_none)
    );
}

#[test]
fn place_names_come_after_every_island_and_from_place_zoom_on() {
    let names = place_names(&overlays(), Lang::En, &[]);
    assert!(!names.is_empty());
    let layers = Layers::all();
    for l in &names {
        assert_eq!(l.kind, Kind::Point);
        assert_eq!(l.class(), "place-label");
        assert!(l.priority < 0.0, "after every island (priority >= 1)");
        assert!(!l.shown(layers, PLACE_LABEL_ZOOM - 0.01));
        assert!(l.shown(layers, PLACE_LABEL_ZOOM));
        assert!(!l.shown(layers.with(Layer::Places, false), 12.0));
    }
    let town = names.iter().find(|l| l.priority == -1.0).expect("a town");
    assert!(
        names.iter().any(|l| l.priority < town.priority),
        "bases after towns"
    );
}

#[test]
fn a_place_named_like_an_islet_leaves_the_name_to_the_islet() {
    // The Kaigara lighthouse is "Signalny" to the Russian side, as is the
    // islet it stands on: the map names the islet once, not both.
    let land = land();
    let scene = app_scene(&land);
    let all = place_names(&overlays(), Lang::En, &[]);
    let shown = place_names(&overlays(), Lang::En, &scene.labels);
    let signalny = |labels: &[Label]| {
        labels
            .iter()
            .filter(|l| l.text(NameStyle::Russian) == "Signalny")
            .count()
    };
    assert_eq!(signalny(&scene.labels), 1, "the islet is named");
    assert_eq!(signalny(&all), 1, "the lighthouse bears the same name");
    assert_eq!(signalny(&shown), 0, "so the lighthouse is not named");
    // In every convention no place repeats an island's or islet's name,
    // and only such places lose theirs.
    for style in [NameStyle::Both, NameStyle::Japanese, NameStyle::Russian] {
        for l in &shown {
            assert!(
                scene.labels.iter().all(|i| i.text(style) != l.text(style)),
                "{} twice",
                l.text(style)
            );
        }
    }
    assert_eq!(shown.len(), all.len() - 1, "one place gave way");
    let names = |ls: &[Label]| ls.iter().map(|l| l.text[0].clone()).collect::<Vec<_>>();
    let gone: Vec<String> = names(&all)
        .into_iter()
        .filter(|n| !names(&shown).contains(n))
        .collect();
    assert_eq!(gone.len(), 1, "{gone:?}");
}

#[test]
fn an_event_marker_sits_beside_its_site_not_on_it() {
    let land = land();
    let scene = app_scene(&land);
    let overlays = overlays();
    let island = vec!["etorofu".to_string()];
    let at = marker_point(&[], &[], &island, Some(&overlays), &scene).expect("on its island");
    assert_eq!(Some(at), scene.anchor("etorofu"));
    let site = Symbol {
        at,
        offset: (0.0, 0.0),
        radius: f64::from(SITE_RADIUS_PX),
    };
    let event = event_symbol(at);
    let d = distance(event.offset, site.offset);
    assert!(d > event.radius + site.radius, "clear of the site: {d}");
    assert!(d < 2.0 * (event.radius + site.radius), "but beside it: {d}");
    // A group's events go to the group's anchor; an own point or a place wins.
    let group = vec!["habomai".to_string()];
    assert_eq!(
        marker_point(&[], &[], &group, None, &scene),
        scene.anchor("habomai")
    );
    let place = overlays.on_the_ground().next().expect("a place");
    let at_place = marker_point(
        &[],
        std::slice::from_ref(&place.id),
        &island,
        Some(&overlays),
        &scene,
    );
    assert_eq!(at_place, Some(project(place.at[0], place.at[1])));
    let own = marker_point(
        &[[146.5, 44.5]],
        std::slice::from_ref(&place.id),
        &island,
        None,
        &scene,
    );
    assert_eq!(own, Some(project(146.5, 44.5)));
}

#[test]
fn names_keep_clear_of_symbols_where_they_can() {
    let land = land();
    let scene = app_scene(&land);
    let frame = frame(9.0, 1280.0, 740.0);
    let etorofu = scene.anchor("etorofu").expect("etorofu");
    let index = scene
        .labels
        .iter()
        .position(|l| l.at == etorofu)
        .expect("named");
    let free = placement(&scene.labels, &[], &frame)[index].expect("placed");
    let symbol = Symbol {
        at: etorofu,
        offset: (0.0, -5.0),
        radius: 10.0,
    };
    let moved = placement(&scene.labels, &[symbol], &frame)[index].expect("still named");
    assert_ne!((free.x, free.y), (moved.x, moved.y), "moved off the symbol");
    assert_eq!(obstacles(&[symbol], frame.transform).len(), 1);
}

#[test]
fn land_pieces_are_disputed_or_context_with_names_in_both_scripts() {
    let land = land();
    let pieces = land_pieces(
        &LandShapes::from_land(&land, &crate::islands::committed()),
        Lang::En,
    );
    assert_eq!(pieces.len(), land.features.len());
    let etorofu = pieces.iter().find(|p| p.id == "etorofu").expect("etorofu");
    assert!(etorofu.disputed);
    assert!(
        etorofu.accessible_name.contains("択捉島"),
        "{}",
        etorofu.accessible_name
    );
    assert!(
        !pieces
            .iter()
            .find(|p| p.id == "hokkaido")
            .expect("hokkaido")
            .disputed
    );
    assert_eq!(LandClass::of(LandRole::Disputed, true), LandClass::Selected);
    assert_eq!(LandClass::of(LandRole::Context, true), LandClass::Context);
}

#[test]
fn group_names_come_from_the_islands_data_as_the_map_labels_them() {
    let names = crate::scene::group_names(&crate::islands::committed());
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(names[0].id, "habomai");
    assert_eq!(
        names[0].label,
        ["Habomai / Khabomai", "Habomai", "Khabomai"]
    );
}

#[test]
fn land_pieces_know_their_landing_day_and_group() {
    let land = LandCollection::from_json(include_str!("../../../geodata/land-0.geojson"))
        .expect("land parses");
    let pieces = land_pieces(
        &LandShapes::from_land(&land, &crate::islands::committed()),
        Lang::En,
    );
    let piece = |id: &str| pieces.iter().find(|p| p.id == id).expect("drawn");
    let day = |y, m, d| Date::new(y, m, d).ok();
    assert_eq!(piece("taraku").group.as_deref(), Some("habomai"));
    assert_eq!(piece("taraku").soviet_control, day(1945, 9, 3));
    // Unnamed islets take their island's day; context land has none.
    assert_eq!(piece("etorofu-islets").soviet_control, day(1945, 8, 28));
    assert_eq!(piece("etorofu").group, None);
    assert_eq!(piece("hokkaido").soviet_control, None);
}

#[test]
fn a_japanese_or_russian_page_names_the_land_in_its_script() {
    let land = land();
    let islands = crate::islands::committed();
    let shapes = LandShapes::from_land(&land, &islands);
    let label = |lang: Lang, style: NameStyle| {
        let scene =
            Scene::from_shapes(&shapes, &crate::scene::group_names_in(&islands, lang), lang);
        let etorofu = scene
            .labels
            .iter()
            .find(|l| {
                l.text[1].contains("Etorofu")
                    || l.text[1].contains("択捉")
                    || l.text[1].contains("Эторофу")
            })
            .expect("etorofu named")
            .clone();
        let habomai = scene.labels.last().expect("group").clone();
        (
            etorofu.text(style).to_owned(),
            habomai.text(style).to_owned(),
        )
    };
    assert_eq!(label(Lang::Ja, NameStyle::Japanese).0, "択捉島");
    assert_eq!(label(Lang::Ja, NameStyle::Russian).0, "イトゥルップ島");
    assert_eq!(label(Lang::Ru, NameStyle::Russian).0, "Итуруп");
    assert_eq!(label(Lang::Ru, NameStyle::Japanese).0, "Эторофу");
    assert_eq!(label(Lang::En, NameStyle::Both).0, "Etorofu / Iturup");
    assert!(label(Lang::Ja, NameStyle::Japanese).1.contains("歯舞"));
    let pieces = land_pieces(&shapes, Lang::Ru);
    let etorofu = pieces.iter().find(|p| p.id == "etorofu").expect("etorofu");
    assert_eq!(etorofu.accessible_name, "Эторофу / Итуруп");
}
