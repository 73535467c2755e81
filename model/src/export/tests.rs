use super::*;
use crate::events::Event;
use crate::geodata::LandCollection;
use crate::i18n::Lang;
use crate::scene::group_names;

fn land() -> LandCollection {
    LandCollection::from_json(include_str!("../../../geodata/land-0.geojson")).expect("parses")
}

/// Two sites on Etorofu: a published coastal-missile site and a
/// ground-forces unit whose site was not published.
fn sites() -> Vec<DeploymentFeature> {
    let site = |id: &str, category: &str, approximate: bool, lon: f64| {
        serde_json::json!({
            "type": "Feature", "id": id,
            "geometry": {"type": "Point", "coordinates": [lon, 45.0]},
            "properties": {
                "id": id, "island": "etorofu", "place": null, "unit": "A unit",
                "unit_template": null, "system": null, "category": category,
                "period": {"from": "2016-11", "until": null}, "status": "active",
                "confidence": "high", "approximate": approximate, "sources": []
            }
        })
    };
    let list = serde_json::json!([
        site("m", "coastal-missile", false, 147.9),
        site("g", "ground-forces", true, 148.0),
    ]);
    serde_json::from_value(list).expect("features")
}

fn overlays() -> Overlays {
    let places =
        crate::geodata::PlaceCollection::from_json(include_str!("../../../geodata/places.geojson"))
            .expect("places");
    let lines =
        crate::geodata::LineCollection::from_json(include_str!("../../../geodata/lines.geojson"))
            .expect("lines");
    Overlays::from_collections(&places, &lines)
}

struct Drawn {
    svg: String,
    layers: Layers,
}

fn draw(
    state: &MapState,
    sites: &[DeploymentFeature],
    lang: Lang,
    subject: Option<&Subject>,
) -> Drawn {
    draw_with(state, sites, &[], lang, subject, None)
}

fn draw_with(
    state: &MapState,
    sites: &[DeploymentFeature],
    events: &[Event],
    lang: Lang,
    subject: Option<&Subject>,
    comparison: Option<Comparison>,
) -> Drawn {
    let land = land();
    let islands = crate::islands::committed();
    let scene = og::scene_in(
        &Scene::from_land(&land, &group_names(&islands)),
        &land,
        &islands,
        lang,
    );
    let catalogue = crate::i18n::committed(lang);
    let overlays = overlays();
    let layers = render_layers(&Figure {
        land: &land,
        islands: &islands,
        scene: &scene,
        sites,
        overlays: &overlays,
        events,
        subject,
        comparison,
        state,
        catalogue: &catalogue,
        date: state
            .date
            .unwrap_or_else(|| "2026-01-01".parse().expect("date")),
        link: "https://atlas.example/?date=2016-11-22&island=etorofu&x=<b>",
        revision: "0123abcd4567",
        size: DEFAULT_SIZE,
    });
    Drawn {
        svg: layers.svg(),
        layers,
    }
}

fn legend(svg: &str) -> Vec<String> {
    let start = svg.find(r#"<g class="legend">"#).expect("a legend");
    let end = start + svg[start..].find("</g></g>").expect("its end") + 4;
    svg[start..end]
        .split(r#"<g class="legend-entry">"#)
        .skip(1)
        .filter_map(|entry| {
            // The entry's words are its last text (a site's symbol has its letter first).
            let entry = entry.split(r#"<g class="legend-entry">"#).next()?;
            let text = entry.rsplit("</text>").nth(1)?;
            Some(text.rsplit('>').next()?.to_owned())
        })
        .collect()
}

fn etorofu_2016() -> MapState {
    MapState {
        island: Some("etorofu".into()),
        date: "2016-11-22".parse().ok(),
        ..MapState::default()
    }
}

#[test]
fn the_legend_lists_exactly_the_symbols_drawn() {
    let en = crate::i18n::committed(Lang::En);
    let drawn = draw(&etorofu_2016(), &sites(), Lang::En, None);
    assert_eq!(
        drawn.svg.matches(r#"<g class="site">"#).count(),
        2 + 2,
        "two sites and their two legend symbols"
    );
    let words = legend(&drawn.svg);
    let date = "2016-11-22".parse().expect("date");
    let lines: Vec<String> = overlays()
        .lines_on(date)
        .map(|l| l.name_en.clone())
        .collect();
    assert!(!lines.is_empty());
    assert_eq!(
        drawn.svg.matches(r#"<path class="line""#).count(),
        lines.len()
    );
    // The default view is too far out for places' names, not their dots.
    assert!(drawn.svg.contains(r#"<circle class="place""#));
    let mut expected = vec![
        en.text("export-legend-disputed"),
        en.text("export-legend-selected"),
        en.text("export-legend-context"),
    ];
    expected.extend(lines);
    expected.extend([
        en.text("export-legend-place"),
        DeploymentCategory::CoastalMissile.label(&en),
        DeploymentCategory::GroundForces.label(&en),
        en.text("export-legend-approximate"),
    ]);
    let expected: Vec<String> = expected.iter().map(|e| escape(e)).collect();
    assert_eq!(words, expected, "as the SVG writes them");
    // Without the deployments, lines and places layers: none drawn, none in the legend.
    let hidden = MapState {
        layers: crate::permalink::Layers::all()
            .with(Layer::Deployments, false)
            .with(Layer::Lines, false)
            .with(Layer::Places, false),
        ..etorofu_2016()
    };
    let drawn = draw(&hidden, &sites(), Lang::En, None);
    assert!(!drawn.svg.contains(r#"<g class="site">"#));
    assert!(!drawn.svg.contains(r#"class="line""#) && !drawn.svg.contains(r#"class="place""#));
    assert_eq!(legend(&drawn.svg).len(), 3, "only the land");
    // Before 1945 the disputed islands were Japan's, drawn pale, and said so.
    let old = MapState {
        date: "1930-01-01".parse().ok(),
        island: None,
        ..MapState::default()
    };
    let words = legend(&draw(&old, &[], Lang::En, None).svg);
    assert!(
        words.contains(&en.text("export-legend-japanese")),
        "{words:?}"
    );
    assert!(!words.contains(&en.text("export-legend-selected")));
}

#[test]
fn the_figure_has_its_title_date_scale_attribution_and_permalink_escaped() {
    let drawn = draw(&etorofu_2016(), &sites(), Lang::En, None);
    let svg = &drawn.svg;
    assert!(
        svg.contains(">Etorofu / Iturup, as of 22 November 2016</text>"),
        "{svg}"
    );
    assert!(svg.contains(">As of 22 November 2016 · "));
    assert!(svg.contains(r#"<g class="scale-bar">"#) && svg.contains(" km</text>"));
    assert!(svg.contains("GSHHG (LGPL)") && svg.contains("OpenStreetMap contributors (ODbL)"));
    assert!(svg.contains(">Interactive map: https://atlas.example/?date=2016-11-22&amp;island=etorofu&amp;x=&lt;b&gt; · Data revision 0123abcd4567</text>"));
    assert!(!svg.contains("<b>"), "text is escaped");
    let subject = Subject {
        headline: "<script>alert(1)</script>".into(),
        mark: None,
    };
    let drawn = draw(&etorofu_2016(), &[], Lang::En, Some(&subject));
    assert!(drawn.svg.contains("&lt;script&gt;") && !drawn.svg.contains("<script>"));
}

#[test]
fn an_open_deployment_is_marked_and_named_in_the_legend() {
    let state = MapState {
        deployment: Some("m".into()),
        ..etorofu_2016()
    };
    let subject = Subject {
        headline: "A unit".into(),
        mark: Some(og::Mark {
            at: crate::projection::project(147.9, 45.0),
            letter: "M",
        }),
    };
    let en = crate::i18n::committed(Lang::En);
    let svg = draw(&state, &sites(), Lang::En, Some(&subject)).svg;
    assert_eq!(svg.matches(r#"<g class="site chosen">"#).count(), 1);
    assert!(svg.contains(r#"<g class="site chosen"><circle"#) && svg.contains(">M</text></g>"));
    let words = legend(&svg);
    assert!(words.contains(&en.text("export-legend-chosen")));
    assert!(
        words.contains(&DeploymentCategory::CoastalMissile.label(&en)),
        "{words:?}"
    );
    // A link to a deployment the data does not know outlines nothing.
    let plain = draw(&state, &sites(), Lang::En, None).svg;
    assert!(!plain.contains("site chosen"));
    assert!(!legend(&plain).contains(&en.text("export-legend-chosen")));
}

#[test]
fn the_same_state_gives_the_same_bytes() {
    let a = draw(&etorofu_2016(), &sites(), Lang::En, None).svg;
    let b = draw(&etorofu_2016(), &sites(), Lang::En, None).svg;
    assert_eq!(a, b);
    assert_ne!(a, draw(&MapState::default(), &sites(), Lang::En, None).svg);
}

#[test]
fn a_japanese_link_exports_in_japanese() {
    let state = MapState {
        lang: Some(Lang::Ja),
        ..etorofu_2016()
    };
    let svg = draw(&state, &sites(), Lang::Ja, None).svg;
    assert!(
        svg.contains(">択捉島（2016年11月22日時点）</text>"),
        "{svg}"
    );
    assert!(svg.contains(">2016年11月22日時点 · "));
    assert!(svg.contains(">係争中の島々</text>"));
    assert!(
        svg.contains(">国後島</text>"),
        "the map's names in Japanese"
    );
}

#[test]
fn the_size_is_bounded_and_bad_sizes_are_named() {
    assert_eq!(size(""), Ok(DEFAULT_SIZE));
    assert_eq!(size("date=2016-11-22&w=800&h=450"), Ok((800, 450)));
    assert_eq!(size("w=1600"), Ok((1600, DEFAULT_SIZE.1)));
    for bad in ["w=0", "w=99999", "h=12.5", "h=-3", "w=abc", "w=", "h=+500"] {
        assert!(size(bad).is_err(), "{bad}");
    }
    assert_eq!(size("h=2").map_err(|e| e.name()), Err("h"));
    assert_eq!(size("w=800&w=900"), Err(SizeError::Repeated { name: "w" }));
}

#[test]
fn long_text_wraps_within_the_width() {
    let lines = wrap("one two three four five six seven", 10.0, 60.0);
    assert!(lines.len() > 1);
    assert!(
        lines.iter().all(|l| text_width(l, 10.0) <= 60.0),
        "{lines:?}"
    );
    assert_eq!(lines.join(" "), "one two three four five six seven");
    let link = "https://example.org/?".to_owned() + &"a".repeat(100);
    assert_eq!(
        wrap(&link, 10.0, 120.0).concat(),
        link,
        "a long address breaks anywhere, nothing lost"
    );
}

/// An event on Etorofu on `date`, at a point in the default view.
fn event_on(date: &str) -> Event {
    serde_json::from_value(serde_json::json!({
        "id": "e", "date": date, "precision": "day", "end": null, "kind": "exercise",
        "title": "An exercise", "title_template": null, "summary": "", "summary_template": null,
        "islands": ["etorofu"], "places": [], "points": [[147.9, 45.0]], "location": null,
        "location_template": null, "sources": [], "confidence": "high",
        "confidence_note": null, "confidence_note_template": null, "research": [],
        "excerpts": [], "text_lang": "en", "added": "2026-11-26", "updated": "2026-12-02"
    }))
    .expect("event")
}

#[test]
fn events_of_the_year_up_to_the_date_are_marked_and_in_the_legend() {
    let en = crate::i18n::committed(Lang::En);
    let marked = |date: &str| {
        let svg = draw_with(
            &etorofu_2016(),
            &[],
            &[event_on(date)],
            Lang::En,
            None,
            None,
        )
        .svg;
        let listed = legend(&svg).contains(&escape(&en.text("shell-legend-event")));
        (svg.matches(r#"<rect class="event""#).count(), listed)
    };
    // Its diamond on the map and one in the legend.
    assert_eq!(marked("2016-06-01"), (2, true));
    assert_eq!(marked("2014-06-01"), (0, false), "more than a year before");
    assert_eq!(marked("2017-01-01"), (0, false), "after the date");
}

#[test]
fn the_layers_are_the_page_under_the_map_the_map_and_the_page_over_it() {
    let Drawn { svg, layers } = draw(&etorofu_2016(), &[], Lang::En, None);
    let (w, h) = (f64::from(DEFAULT_SIZE.0), f64::from(DEFAULT_SIZE.1));
    assert_eq!((layers.map_size, layers.map_at.0), ((w, h), 0.0));
    assert!(
        layers.size.1 > layers.map_at.1 + h,
        "a footer under the map"
    );
    // The title is under the map's layer, the legend and the frame over it,
    // and the land only in the map.
    assert!(layers.before.contains("<text") && !layers.before.contains("<path"));
    assert!(layers.map.contains("<path") && !layers.map.contains("class=\"legend\""));
    assert!(layers.after.contains(r#"<g class="legend">"#));
    assert!(
        layers.after.starts_with(r#"<rect x="0.5""#),
        "the frame first"
    );
    // Joined, the map is nested once where it belongs, clipped by its <svg>.
    let nested = format!(
        r#"<svg x="0" y="{}" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
        layers.map_at.1
    );
    assert_eq!(svg.matches(&nested).count(), 1, "{svg}");
    let at = svg.find(&nested).expect("nested");
    assert!(svg[..at].ends_with(&layers.before) && svg[at..].contains(&layers.map));
    assert!(svg.ends_with(&format!("{}</svg>", layers.after)));
    // Each layer as its own document.
    let map = Layers::document(layers.map_size, &layers.map);
    assert!(map.starts_with(&format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}""#
    )));
}

/// `sites()` compared with an earlier day: the missile site added, the
/// ground-forces unit changed, and an air-defence site withdrawn from
/// where it was.
fn compared_sites() -> crate::api::DeploymentChanges {
    let mut gone = sites().remove(0);
    gone.id = "w".into();
    gone.properties.id = "w".into();
    gone.properties.category = DeploymentCategory::AirDefence;
    gone.geometry.coordinates = [147.6, 44.9];
    let changed = |site: DeploymentFeature| crate::api::ChangedDeployment {
        id: site.id.clone(),
        status_from: None,
        status_to: None,
        site,
        #[cfg(feature = "loader")]
        changes: vec![],
    };
    let [m, g]: [DeploymentFeature; 2] = sites().try_into().expect("two sites");
    crate::api::DeploymentChanges {
        from: "2015-01-01".into(),
        to: "2016-11-22".into(),
        added: vec![changed(m)],
        withdrawn: vec![changed(gone)],
        changed: vec![changed(g)],
    }
}

#[test]
fn a_comparison_is_marked_as_the_app_marks_it_titled_and_keyed() {
    let en = crate::i18n::committed(Lang::En);
    let changes = compared_sites();
    let comparison = Comparison {
        from: "2015-01-01".parse().expect("date"),
        to: "2016-11-22".parse().expect("date"),
        changes: &changes,
    };
    let state = MapState {
        compare: comparison.from.into(),
        ..etorofu_2016()
    };
    let drawn = draw_with(&state, &sites(), &[], Lang::En, None, Some(comparison));
    let map = &drawn.layers.map;
    for kind in ChangeKind::ALL {
        let class = format!(r#"<g class="change-mark {}""#, kind.name());
        assert_eq!(map.matches(&class).count(), 1, "{kind:?} on the map");
    }
    assert!(
        drawn
            .svg
            .contains(">Changes between 1 January 2015 and 22 November 2016</text>"),
        "{}",
        drawn.svg
    );
    // The withdrawn site is drawn struck through with its letter, and only so.
    assert_eq!(map.matches(r#"<g class="site">"#).count(), 2);
    let withdrawn = map.split(r#"change-mark withdrawn"#).nth(1).expect("drawn");
    assert!(
        withdrawn
            .split("</g>")
            .next()
            .is_some_and(|m| m.contains(">A</text>"))
    );
    let words = legend(&drawn.svg);
    for kind in ChangeKind::ALL {
        assert!(
            words.contains(&escape(&comparison.key_words(kind, &en))),
            "{words:?}"
        );
    }
    assert!(words.contains(&escape(
        "Added: there on 22 November 2016, not on 1 January 2015"
    )));
    // The same link without the deployments layer: no marks, no key.
    let hidden = MapState {
        layers: crate::permalink::Layers::all().with(Layer::Deployments, false),
        ..state
    };
    let drawn = draw_with(&hidden, &sites(), &[], Lang::En, None, Some(comparison));
    assert!(!drawn.svg.contains("change-mark"));
}

#[test]
fn a_withdrawn_mark_covers_no_symbol() {
    let changes = compared_sites();
    let comparison = Comparison {
        from: "2015-01-01".parse().expect("date"),
        to: "2016-11-22".parse().expect("date"),
        changes: &changes,
    };
    // Its old site under the missile site's: laid out beside it.
    let mut on_top = changes.clone();
    on_top.withdrawn[0].site.geometry.coordinates = [147.9, 45.0];
    let comparison = Comparison {
        changes: &on_top,
        ..comparison
    };
    let drawn = draw_with(
        &etorofu_2016(),
        &sites(),
        &[],
        Lang::En,
        None,
        Some(comparison),
    );
    let centres = |svg: &str, start: &str| -> Vec<(f64, f64)> {
        svg.split(start)
            .skip(1)
            .filter_map(|rest| {
                let x = rest
                    .split("cx=\"")
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()?;
                let y = rest
                    .split("cy=\"")
                    .nth(1)?
                    .split('"')
                    .next()?
                    .parse()
                    .ok()?;
                Some((x, y))
            })
            .collect()
    };
    let sites = centres(&drawn.layers.map, r#"<g class="site">"#);
    let gone = drawn
        .layers
        .map
        .split("change-mark withdrawn\" transform=\"translate(")
        .nth(1);
    let gone: Vec<f64> = gone
        .and_then(|t| t.split(')').next())
        .map(|t| t.split(' ').filter_map(|n| n.parse().ok()).collect())
        .expect("a withdrawn mark");
    assert_eq!(sites.len(), 2);
    for (x, y) in sites {
        let apart = ((x - gone[0]).powi(2) + (y - gone[1]).powi(2)).sqrt();
        assert!(apart >= f64::from(SITE_RADIUS_PX), "{apart} px from a site");
    }
}
