//! The story builder on a small made-up data set over the committed islands
//! (Shikotan: Soviet control from 1945-09-01, the Soviet Union ended
//! 1991-12-26); `model/tests/event_files.rs` covers the real data.

use super::*;
use crate::events::{Dataset, Precision};

fn event(id: &str, date: &str, kind: &str, title: &str) -> String {
    format!(
        r#"[[events]]
id = "{id}"
added = "2026-01-05"
updated = "2026-02-01"
date = "{date}"
kind = "{kind}"
title = "{title}"
summary = "Made up for the test, on {{shikotan}}."
islands = ["shikotan"]
sources = [{{ url = "https://example.org/{id}", outlet = "Example", language = "en", kind = "official" }}]
confidence = "high"
"#
    )
}

const DEPLOYMENTS: &str = r#"[[deployments]]
id = "border-post"
island = "shikotan"
unit = "Border post on {shikotan}"
category = "border-guard"
from = "1993-05"
status = "active"
confidence = "high"
summary = "Made up for the test."
changes = [
  { date = "1993-05", status = "active", events = ["border-1993"], note = "Made up." },
]
"#;

/// A treaty in 1855, a landing dated only "1945", nothing in the Soviet
/// years, a border post in 1993 (an event and the change it establishes),
/// then a dense 2010s (13 entries) and two entries in the 2020s.
fn dataset() -> Dataset {
    dataset_with(0)
}

/// [`dataset`] with `more` statements in the 2020s, the first half first.
fn dataset_with(more: usize) -> Dataset {
    let mut events = vec![
        event(
            "treaty-1855",
            "1855-02-07",
            "treaty",
            "A treaty naming {shikotan}",
        ),
        event(
            "landing-1945",
            "1945",
            "occupation",
            "Landing on {shikotan}",
        ),
        event(
            "border-1993",
            "1993-05",
            "deployment",
            "Border post on {shikotan}",
        ),
        event("statement-1995", "1995-06-01", "statement", "A statement"),
        event("visit-2010", "2010-11-01", "visit", "A visit to {shikotan}"),
        event("incident-2021", "2021-03", "incident", "An incident"),
        event("drill-2022", "2022-08-10", "exercise", "A drill"),
    ];
    for i in 0..12 {
        let date = format!("201{}-{:02}-15", i % 10, i + 1);
        events.push(event(
            &format!("statement-{i}"),
            &date,
            "statement",
            "A statement",
        ));
    }
    for i in 0..more {
        let date = format!("202{}-01-15", i * 8 / more.max(1));
        events.push(event(
            &format!("more-{i}"),
            &date,
            "statement",
            "A statement",
        ));
    }
    let events = events.join("\n");
    let files = [
        ("ev/events.toml", events.as_str()),
        ("ev/deployments.toml", DEPLOYMENTS),
    ];
    let land = include_str!("../../../geodata/land-0.geojson");
    let places = include_str!("../../../geodata/places.geojson");
    let known = crate::islands::committed().known(
        &crate::geodata::LandCollection::from_json(land).expect("land parses"),
        &crate::geodata::PlaceCollection::from_json(places).expect("places parse"),
    );
    Dataset::load_any_language(&files, &known).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn story() -> Story {
    Story::build("shikotan", &crate::islands::committed(), &dataset())
}

fn day(s: &str) -> Date {
    s.parse().expect("a day")
}

fn ids(g: &StoryGroup) -> Vec<&str> {
    g.entries
        .iter()
        .map(|e| e.event.as_deref().or(e.deployment.as_deref()).unwrap_or(""))
        .collect()
}

#[test]
fn periods_follow_the_eras_then_the_dense_decades() {
    let s = story();
    let labels: Vec<&str> = s.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Until 1945",
            "1945–1991 · administered by the Soviet Union",
            "1991–2009 · administered by Russia",
            "2010 onward · administered by Russia",
        ]
    );
    let counts: Vec<usize> = s.groups.iter().map(|g| g.count).collect();
    assert_eq!(counts, [2, 0, 3, 15]);
    assert!(s.groups.iter().all(|g| g.count == g.entries.len()));
    // The periods meet: every day is in exactly one.
    assert_eq!(s.groups[0].from, None);
    for pair in s.groups.windows(2) {
        assert_eq!(pair[0].until, pair[1].from);
    }
    assert_eq!(s.groups[1].from, Some(day("1945-09-01")));
    assert_eq!(s.groups[2].from, Some(day("1991-12-26")));
    assert_eq!(s.groups[3].from, Some(day("2010-01-01")));
    assert_eq!(s.groups[3].until, None);
}

#[test]
fn a_quiet_decade_joins_the_period_before_it_and_a_dense_one_starts_its_own() {
    let s = story();
    // The 2020s (two entries) stay with the dense 2010s.
    assert_eq!(ids(&s.groups[3]).last(), Some(&"drill-2022"));
    assert_eq!(ids(&s.groups[3]).first(), Some(&"statement-0"));
    assert!(ids(&s.groups[3]).contains(&"visit-2010"));
}

#[test]
fn events_and_deployment_changes_are_one_list_in_time_order() {
    let s = story();
    // On the same date, the event comes before the change it establishes.
    assert_eq!(
        ids(&s.groups[2]),
        ["border-1993", "border-post", "statement-1995"]
    );
    let change = &s.groups[2].entries[1];
    assert_eq!(change.strand, Strand::DeploymentChange);
    assert_eq!(change.kind, None);
    assert_eq!(change.category, Some(DeploymentCategory::BorderGuard));
    assert_eq!(
        change.events.first().map(|e| e.id.as_str()),
        Some("border-1993")
    );
    assert_eq!(
        change.sources.len(),
        1,
        "the sources of the events behind it"
    );
    assert_eq!(change.note.as_deref(), Some("Made up."));
    // Its title names the island through the template, with the new status.
    assert_eq!(
        change.title_template.as_deref(),
        Some("Border post on {shikotan} — active")
    );
    assert!(change.title.ends_with(" — active"), "{}", change.title);
    let all: Vec<&StoryEntry> = s.groups.iter().flat_map(|g| &g.entries).collect();
    assert_eq!(all.len(), 20);
    assert!(all.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn dates_keep_their_precision_and_kinds_their_strand() {
    let s = story();
    let landing = &s.groups[0].entries[1];
    assert_eq!(landing.event.as_deref(), Some("landing-1945"));
    assert_eq!(landing.date.precision, Precision::Year);
    assert_eq!(landing.date.to_string(), "1945");
    assert_eq!(landing.strand, Strand::Military);
    let treaty = &s.groups[0].entries[0];
    assert_eq!(treaty.date.to_string(), "1855-02-07");
    assert_eq!(treaty.kind, Some(EventKind::Treaty));
    assert_eq!(treaty.strand, Strand::Diplomacy);
    let json = serde_json::to_string(&s).expect("serialises");
    assert!(
        json.contains(r#""date":"2021-03""#),
        "month precision is sent as written"
    );
}

#[test]
fn the_map_date_falls_in_one_group_between_the_entries_around_it() {
    let s = story();
    let marker = |d| s.marker(day(d), 0);
    // Before any record: the first group, before its first entry.
    assert_eq!(marker("1800-01-01"), Some((0, 0)));
    assert_eq!(marker("1900-01-01"), Some((0, 1)));
    // The Soviet years hold no entry: the mark is alone in their group.
    assert_eq!(marker("1960-01-01"), Some((1, 0)));
    // A month-dated record counts from its first day.
    assert_eq!(marker("1993-05-01"), Some((2, 2)));
    assert_eq!(marker("1993-04-30"), Some((2, 0)));
    // After the last entry: the group's end.
    assert_eq!(marker("2026-01-01"), Some((3, 15)));
    // An entry the filter hides does not carry the mark: the next shown one does.
    assert_eq!(
        s.marker(day("1993-04-30"), Strand::Military.bit()),
        Some((2, 1))
    );
    let all = Strand::ALL.iter().fold(0, |set, s| set | s.bit());
    assert_eq!(s.marker(day("1993-04-30"), all), Some((2, 3)));
    assert_eq!(s.group_at(day("1991-12-25")), Some(1));
    assert_eq!(s.group_at(day("1991-12-26")), Some(2));
}

#[test]
fn a_record_locates_its_entry() {
    let s = story();
    assert_eq!(
        s.locate(Some("visit-2010"), None, day("2026-01-01")),
        Some((3, 1))
    );
    assert_eq!(
        s.locate(None, Some("border-post"), day("2026-01-01")),
        Some((2, 1))
    );
    // Before its first change, a deployment opens at that change.
    assert_eq!(
        s.locate(None, Some("border-post"), day("1960-01-01")),
        Some((2, 1))
    );
    assert_eq!(
        s.locate(Some("no-such-event"), None, day("2026-01-01")),
        None
    );
}

#[test]
fn the_filter_hides_only_the_strands_it_names() {
    let s = story();
    let group = &s.groups[2];
    let shown = |hidden: &[Strand]| {
        let set = hidden.iter().fold(0, |set, s| set | s.bit());
        group.shown(set).map(|(i, _)| i).collect::<Vec<_>>()
    };
    assert_eq!(shown(&[]), [0, 1, 2]);
    assert_eq!(shown(&[Strand::DeploymentChange]), [0, 2]);
    assert_eq!(shown(&[Strand::Diplomacy, Strand::Military]), [1]);
    assert_eq!(shown(&Strand::ALL), Vec::<usize>::new());
    // Each strand its own bit, at its place in the list the filter shows.
    let bits = Strand::ALL.iter().fold(0, |set, s| set | s.bit());
    assert_eq!(bits.count_ones() as usize, Strand::ALL.len());
    assert!(Strand::ALL.iter().enumerate().all(|(i, s)| s.index() == i));
}

#[test]
fn an_island_without_a_dated_soviet_control_is_one_era() {
    let s = Story::build("no-such-island", &crate::islands::committed(), &dataset());
    assert_eq!(s.groups.len(), 1);
    assert_eq!(s.groups[0].label, "All years");
    assert_eq!(s.groups[0].count, 0);
}

#[test]
fn a_decade_with_twice_a_dense_one_is_told_in_halves() {
    // The 2020s: the two entries of the data set and 20 more, from 2020 to 2027.
    let s = Story::build("shikotan", &crate::islands::committed(), &dataset_with(20));
    let labels: Vec<&str> = s.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        &labels[3..],
        [
            "2010–2019 · administered by Russia",
            "2020–2024 · administered by Russia",
            "2025 onward · administered by Russia",
        ]
    );
    assert_eq!(s.groups[5].from, Some(day("2025-01-01")));
    assert!(
        s.groups[5]
            .entries
            .iter()
            .all(|e| e.date.first_day().year >= 2025)
    );
}

/// A language's panel messages and dates, as the server serves them.
fn catalogue(lang: crate::i18n::Lang) -> Catalogue {
    let (panels, dates) = match lang {
        crate::i18n::Lang::En => (
            include_str!("../../../assets/i18n/en/app-panels.ftl"),
            include_str!("../../../assets/i18n/en/dates.ftl"),
        ),
        crate::i18n::Lang::Ja => (
            include_str!("../../../assets/i18n/ja/app-panels.ftl"),
            include_str!("../../../assets/i18n/ja/dates.ftl"),
        ),
        crate::i18n::Lang::Ru => (
            include_str!("../../../assets/i18n/ru/app-panels.ftl"),
            include_str!("../../../assets/i18n/ru/dates.ftl"),
        ),
    };
    Catalogue::parse(lang, &[("app-panels.ftl", panels), ("dates.ftl", dates)])
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn periods_are_worded_in_each_language() {
    use crate::i18n::Lang;
    let day = |y| Date::new(y, 1, 1).ok();
    let soviet = Some(Administration::SovietUnion);
    let russia = Some(Administration::Russia);
    let cases = [
        (
            Lang::En,
            [
                "Until 1945",
                "1945–1991 · administered by the Soviet Union",
                "2020 onward · administered by Russia",
                "2013",
            ],
        ),
        (
            Lang::Ja,
            [
                "1945年まで",
                "1945〜1991年・ソ連が管轄",
                "2020年以降・ロシアが管轄",
                "2013年",
            ],
        ),
        (
            Lang::Ru,
            [
                "До 1945 г.",
                "1945–1991 гг. · под управлением СССР",
                "С 2020 г. · под управлением России",
                "2013 г.",
            ],
        ),
    ];
    for (lang, [until, soviet_years, onward, year]) in cases {
        let c = catalogue(lang);
        let until_1946 = Date::new(1945, 8, 28).ok();
        assert_eq!(period_label(&c, None, until_1946, None, true, false), until);
        assert_eq!(
            period_label(&c, day(1945), day(1992), soviet, false, false),
            soviet_years
        );
        assert_eq!(
            period_label(&c, day(2020), None, russia, false, true),
            onward
        );
        assert_eq!(
            period_label(&c, day(2013), day(2014), None, false, false),
            year
        );
    }
}

#[test]
fn every_kind_status_and_state_has_a_name_in_every_language() {
    use crate::events::{AnnotationKind, Confidence, DeploymentStatus, SourceKind};
    use crate::i18n::Lang;
    for lang in Lang::ALL {
        let c = catalogue(lang);
        let keys = EventKind::ALL
            .iter()
            .map(|k| k.key())
            .chain(DeploymentCategory::ALL.iter().map(|k| k.key()))
            .chain(DeploymentStatus::ALL.iter().map(|k| k.key()))
            .chain(Confidence::ALL.iter().map(|k| k.key()))
            .chain(SourceKind::ALL.iter().map(|k| k.key()))
            .chain(AnnotationKind::ALL.iter().map(|k| k.key()));
        for key in keys {
            assert!(c.has(&key), "{lang}: no `{key}`");
        }
        for a in [
            Administration::Japan,
            Administration::SovietUnion,
            Administration::Russia,
        ] {
            assert!(!a.label(&c).starts_with("admin-"), "{lang}: {a:?}");
            assert!(!a.held_by(&c).starts_with("admin-"), "{lang}: {a:?}");
        }
        for s in Strand::ALL {
            assert!(!s.label(&c).starts_with("strand-"), "{lang}: {s:?}");
        }
    }
    let ja = catalogue(Lang::Ja);
    assert_eq!(EventKind::Treaty.label(&ja), "条約");
    assert_eq!(
        Administration::Russia.held_by(&catalogue(Lang::Ru)),
        "под управлением России"
    );
}

#[test]
fn a_story_built_in_japanese_words_its_periods_and_changes_in_japanese() {
    let c = catalogue(crate::i18n::Lang::Ja);
    let s = Story::build_in("shikotan", &crate::islands::committed(), &dataset(), &c);
    assert_eq!(s.groups[0].label, "1945年まで");
    let change = s
        .groups
        .iter()
        .flat_map(|g| &g.entries)
        .find(|e| e.deployment.is_some());
    assert!(change.expect("a change").title.ends_with("— 配備中"));
}
