use super::*;
use crate::i18n::Lang;
use crate::names::Naming;
use proptest::prelude::*;

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid test date")
}

#[test]
fn an_openstreetmap_style_link_restores_every_part() {
    let (state, ignored) = parse(
        "?map=8.25/44.100/146.700&island=kunashiri&date=2017-01-01&event=d16-bastion-bal\
         &deployment=bastion-etorofu&article=seed-2017-03-20&excerpt=3&layers=islands,lines&names=ru&embed=1",
    );
    assert!(ignored.is_empty(), "{ignored:?}");
    let view = state.view.expect("view parsed");
    assert_eq!((view.zoom, view.lat, view.lon), (8.25, 44.1, 146.7));
    assert_eq!(state.island.as_deref(), Some("kunashiri"));
    assert_eq!(state.date, Some(date(2017, 1, 1)));
    assert_eq!(state.event.as_deref(), Some("d16-bastion-bal"));
    assert_eq!(state.deployment.as_deref(), Some("bastion-etorofu"));
    assert_eq!(state.article.as_deref(), Some("seed-2017-03-20"));
    assert_eq!(state.excerpt, Some(3));
    assert_eq!(
        state.layers.iter().collect::<Vec<_>>(),
        [Layer::Islands, Layer::Lines]
    );
    assert_eq!(state.names, Some(NameStyle::Russian));
    assert!(state.embed);
}

#[test]
fn format_is_canonical_order_with_defaults_omitted() {
    let state = MapState {
        view: Some(canonical_view(View {
            zoom: 8.25,
            lat: 44.123456,
            lon: 146.654321,
        })),
        island: Some("shikotan".into()),
        names: Some(NameStyle::Japanese),
        layers: Layers::all().with(Layer::Events, false),
        date: Some(date(2016, 11, 22)),
        ..MapState::default()
    };
    assert_eq!(
        format(&state),
        "map=8.25/44.123/146.654&island=shikotan&date=2016-11-22\
         &layers=islands,deployments,places,lines&names=ja"
    );
    assert_eq!(format(&MapState::default()), "");
    assert_eq!(href(&MapState::default()), "/");
}

#[test]
fn a_comparison_comes_right_after_the_date_and_a_bad_one_is_dropped() {
    let (state, ignored) = parse("compare=2015-01-01&island=etorofu&date=2017-01-01");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(state.compare, Some(date(2015, 1, 1)));
    assert_eq!(
        format(&state),
        "island=etorofu&date=2017-01-01&compare=2015-01-01"
    );
    // Alone, it compares with today: no date is needed beside it.
    let (state, ignored) = parse("compare=2015-01-01");
    assert!(ignored.is_empty() && state.date.is_none());
    assert_eq!(format(&state), "compare=2015-01-01");
    for (bad, reason) in [
        ("2015-02-30", Reason::InvalidDate),
        ("2015-1-1", Reason::ExpectedDate),
        ("1800-01-01", Reason::OutsideTimeline),
    ] {
        let (state, ignored) = parse(&format!("date=2017-01-01&compare={bad}"));
        assert_eq!(state.compare, None, "{bad}");
        assert_eq!(state.date, Some(date(2017, 1, 1)), "the rest applies");
        assert_eq!(
            ignored,
            [Ignored {
                parameter: "compare".into(),
                reason
            }],
            "{bad}"
        );
    }
}

#[test]
fn a_deployment_link_is_canonical_and_a_malformed_one_says_why() {
    let (state, ignored) = parse("deployment=bastion-etorofu&date=2017-01-01&event=x");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(
        format(&state),
        "date=2017-01-01&event=x&deployment=bastion-etorofu"
    );
    let (state, ignored) = parse("deployment=Bastion%20Etorofu&island=etorofu");
    assert_eq!(state.deployment, None);
    assert_eq!(state.island.as_deref(), Some("etorofu"));
    assert_eq!(
        ignored,
        [Ignored {
            parameter: "deployment".into(),
            reason: Reason::InvalidId
        }]
    );
}

#[test]
fn one_selection_at_a_time_and_an_event_over_what_is_open() {
    let mut state = parse("island=etorofu&event=x&date=2017-01-01").0;
    state.open_deployment("bastion-etorofu".into());
    assert_eq!(format(&state), "date=2017-01-01&deployment=bastion-etorofu");
    state.open_event("bastion-bal-deployed-2016".into());
    assert_eq!(
        format(&state),
        "date=2017-01-01&event=bastion-bal-deployed-2016&deployment=bastion-etorofu"
    );
    state.open_island(Some("kunashiri".into()));
    assert_eq!(format(&state), "island=kunashiri&date=2017-01-01");
    state.open_island(None);
    assert_eq!(format(&state), "date=2017-01-01");
}

#[test]
fn the_same_state_written_in_another_order_gives_the_same_url() {
    let a = parse("names=ru&island=etorofu&map=9/45.0/147.6").0;
    let b = parse("map=9.00/45.000/147.600&island=etorofu&names=ru").0;
    assert_eq!(format(&a), format(&b));
    assert_eq!(format(&a), "map=9/45.000/147.600&island=etorofu&names=ru");
}

#[test]
fn coordinates_get_more_decimals_as_the_zoom_grows() {
    let view = |zoom| View {
        zoom,
        lat: 43.4123456,
        lon: 145.8123456,
    };
    assert_eq!(format_view(view(5.0)), "5/43.41/145.81");
    assert_eq!(format_view(view(8.0)), "8/43.412/145.812");
    assert_eq!(format_view(view(14.0)), "14/43.41235/145.81235");
}

#[test]
fn every_bad_value_is_dropped_individually_and_reported() {
    let cases = [
        ("map=99/44/146", "map"),
        ("map=8/44", "map"),
        ("map=8/10/146", "map"),
        ("map=nan/44/146", "map"),
        ("map=8/44/146/3", "map"),
        ("island=Robert'); DROP", "island"),
        ("island=", "island"),
        ("date=2017-02-30", "date"),
        ("date=1600-01-01", "date"),
        ("date=2017-1-1", "date"),
        ("date=yesterday", "date"),
        ("event=%3Cscript%3E", "event"),
        ("deployment=Bastion", "deployment"),
        ("deployment=", "deployment"),
        ("deployment=a%2Fb", "deployment"),
        ("article=a/../b", "article"),
        ("article=seed&excerpt=0", "excerpt"),
        ("article=seed&excerpt=-1", "excerpt"),
        ("article=seed&excerpt=99999999999999999999", "excerpt"),
        ("excerpt=2", "excerpt"),
        ("layers=tanks", "layers"),
        ("names=fr", "names"),
        ("embed=yes", "embed"),
        ("colour=red", "colour"),
    ];
    for (query, parameter) in cases {
        let (state, ignored) = parse(&format!("island=etorofu&{query}"));
        assert_eq!(
            state.island.as_deref(),
            Some("etorofu"),
            "{query}: the valid part still applies"
        );
        assert!(
            ignored.iter().any(|i| i.parameter == parameter),
            "{query}: expected `{parameter}` reported, got {ignored:?}"
        );
    }
}

#[test]
fn unknown_layers_are_reported_and_known_ones_kept() {
    let (state, ignored) = parse("layers=islands,tanks,lines");
    assert_eq!(
        state.layers.iter().collect::<Vec<_>>(),
        [Layer::Islands, Layer::Lines]
    );
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0].parameter, "layers: tanks");
}

#[test]
fn a_repeated_parameter_keeps_the_first_value() {
    let (state, ignored) = parse("island=etorofu&island=shikotan");
    assert_eq!(state.island.as_deref(), Some("etorofu"));
    assert_eq!(ignored.len(), 1);
}

#[test]
fn decoding_never_panics_on_broken_escapes() {
    for q in [
        "%",
        "%4",
        "%zz",
        "a=%E3%81",
        "%%%",
        "=&&=",
        "map=%2F%2F",
        "\u{202e}=1",
    ] {
        let _ = parse(q);
    }
    assert_eq!(percent_decode("a%20b+c%"), "a b c%");
    assert_eq!(percent_decode("%E5%9B%BD"), "国");
}

fn arb_id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,30}"
}

fn arb_date() -> impl Strategy<Value = Date> {
    (FIRST_YEAR..=LAST_YEAR, 1u8..=12, 1u8..=31)
        .prop_filter_map("valid day", |(y, m, d)| Date::new(y, m, d).ok())
}

fn arb_state() -> impl Strategy<Value = MapState> {
    let view = (MIN_ZOOM..=MAX_ZOOM, 41.0f64..=47.0, 139.0f64..=151.0)
        .prop_map(|(zoom, lat, lon)| canonical_view(View { zoom, lat, lon }));
    (
        proptest::option::of(view),
        proptest::option::of(arb_id()),
        (
            proptest::option::of(arb_date()),
            proptest::option::of(arb_date()),
        ),
        proptest::option::of(arb_id()),
        proptest::option::of(arb_id()),
        proptest::option::of((arb_id(), proptest::option::of(1u32..=10_000))),
        0u8..32,
        (
            prop_oneof![
                Just(NameStyle::Both),
                Just(NameStyle::Japanese),
                Just(NameStyle::Russian)
            ],
            prop_oneof![Just(None), Just(Some(Lang::Ja)), Just(Some(Lang::Ru))],
        ),
        any::<bool>(),
    )
        .prop_map(
            |(
                view,
                island,
                (date, compare),
                event,
                deployment,
                article,
                layer_bits,
                (names, lang),
                embed,
            )| {
                // A link holds a names choice only when it is not the language's default.
                let default = NameStyle::default_for(lang.unwrap_or_default());
                let names = (names != default).then_some(names);
                let layers = Layer::ALL.into_iter().fold(Layers::none(), |ls, l| {
                    ls.with(l, layer_bits & l.bit() != 0)
                });
                MapState {
                    view,
                    island,
                    date,
                    compare,
                    event,
                    deployment,
                    excerpt: article.as_ref().and_then(|(_, n)| *n),
                    article: article.map(|(a, _)| a),
                    layers,
                    names,
                    lang,
                    embed,
                }
            },
        )
}

proptest! {
    #[test]
    fn every_valid_state_round_trips(state in arb_state()) {
        let text = format(&state);
        prop_assert_eq!(parse(&text), (state, vec![]));
    }

    #[test]
    fn parsing_any_input_is_total_and_its_result_is_canonical(query in ".{0,200}") {
        let (state, _) = parse(&query);
        let text = format(&state);
        let (again, ignored) = parse(&text);
        prop_assert!(ignored.is_empty(), "{:?}", ignored);
        prop_assert_eq!(format(&again), text);
    }

    #[test]
    fn parsing_url_like_input_never_panics(
        parts in proptest::collection::vec(("[a-z%=&.,/0-9-]{0,12}", "[a-zA-Z0-9%./,=-]{0,24}"), 0..8)
    ) {
        let query: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = parse(&query.join("&"));
    }
}

#[test]
fn the_language_is_kept_and_names_follow_it_unless_chosen() {
    let (ja, ignored) = parse("lang=ja");
    assert!(ignored.is_empty());
    assert_eq!(ja.naming(), Naming::new(Lang::Ja, NameStyle::Japanese));
    assert_eq!(format(&ja), "lang=ja");
    // Both names for a Japanese reader is a choice the link must record.
    let (both, _) = parse("names=both&lang=ja");
    assert_eq!(both.naming(), Naming::new(Lang::Ja, NameStyle::Both));
    assert_eq!(format(&both), "names=both&lang=ja");
    // The language's own default is not written.
    let (ru, _) = parse("lang=ru&names=ru");
    assert_eq!(format(&ru), "lang=ru");
    // English is the default language, and both names its default.
    let (en, _) = parse("lang=en&names=both");
    assert_eq!(format(&en), "");
    assert_eq!(
        MapState::default().naming(),
        Naming::new(Lang::En, NameStyle::Both)
    );
    let (_, ignored) = parse("lang=fr");
    assert_eq!(ignored[0].to_string(), "lang: expected en, ja or ru");
}
