//! Unit tests on small inline files; `model/tests/event_files.rs` covers the real data.

use super::*;

const EVENTS: &str = r#"# test events
[[events]]
id = "bastion-bal"
added = "2026-01-05"
updated = "2026-02-01"
date = "2016-11"
kind = "deployment"
title = "Coastal missiles"
summary = "Bastion on {etorofu}, Bal on {kunashiri}."
islands = ["etorofu", "kunashiri"]
places = ["etorofu-centroid"]
sources = [
  { url = "https://example.org/a", outlet = "Example", language = "en", kind = "newspaper" },
]
confidence = "high"

[[events]]
id = "drill"
added = "2026-01-05"
updated = "2026-02-01"
date = "2014-08-12"
end = "2014-08-20"
kind = "exercise"
title = "Drill"
summary = "A drill on {kunashiri}."
islands = ["kunashiri"]
points = [[145.9, 44.1]]
sources = [{ url = "http://example.org/b", outlet = "Example", language = "en", kind = "newspaper" }]
confidence = "medium"
confidence_note = "Year inferred."

[[events]]
id = "talks"
added = "2026-01-05"
updated = "2026-02-01"
date = "2017-03-20"
kind = "diplomacy"
title = "Talks in Tokyo"
summary = "Ministers met."
location = "Tokyo"
sources = [{ url = "https://example.org/c", outlet = "Example", language = "en", kind = "newspaper" }]
confidence = "high"
"#;

const DEPLOYMENTS: &str = r#"[[deployments]]
id = "bastion-etorofu"
island = "etorofu"
place = "etorofu-centroid"
unit = "Bastion division"
category = "coastal-missile"
from = "2016-11"
status = "active"
confidence = "high"
summary = "Coastal missiles."
changes = [
  { date = "2016-11", status = "active", events = ["bastion-bal"] },
]

[[deployments]]
id = "s300"
island = "etorofu"
unit = "S-300V4"
category = "air-defence"
from = "2014-08-12"
until = "2017-03-20"
status = "withdrawn"
confidence = "high"
summary = "Made up for the test."
changes = [
  { date = "2014-08-12", status = "active", events = ["drill"] },
  { date = "2017-03-20", status = "withdrawn", events = ["talks"] },
]
"#;

const ARTICLE: &str = "[article]
id = \"seed\"
title = \"Talks\"
outlet = \"Wire report\"
published = \"2017-03-20\"
provenance = \"Outlet unknown.\"
language = \"en\"
text_file = \"seed.txt\"

[[excerpts]]
id = \"x-quote\"
article = \"seed\"
start = 0
end = 18
quote = \"“Russia” — Japan’s\"
events = [\"talks\"]

[[excerpts]]
id = \"x-missiles\"
article = \"seed\"
start = 19
end = 27
quote = \"missiles\"
events = [\"bastion-bal\"]
islands = [\"etorofu\"]

[[annotations]]
id = \"fc\"
excerpt = \"x-missiles\"
kind = \"fact-check\"
rating = \"mostly-false\"
reviewed = \"2026-11-26\"
note = \"They were anti-ship missiles.\"
sources = [{ url = \"https://example.org/a\", outlet = \"Example\", language = \"en\", kind = \"newspaper\" }]
events = [\"bastion-bal\"]
";

const TEXT: &str = "“Russia” — Japan’s missiles here.";

fn files<'a>(
    events: &'a str,
    deployments: &'a str,
    article: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("ev/events.toml", events),
        ("ev/deployments.toml", deployments),
        ("ev/articles/seed.toml", article),
        ("ev/articles/seed.txt", TEXT),
    ]
}

/// The ids of the committed islands, land and places, as the server builds them.
fn committed_known() -> Known {
    let land = include_str!("../../../geodata/land-0.geojson");
    let places = include_str!("../../../geodata/places.geojson");
    crate::islands::committed().known(
        &crate::geodata::LandCollection::from_json(land).expect("land parses"),
        &crate::geodata::PlaceCollection::from_json(places).expect("places parse"),
    )
}

fn load(events: &str, deployments: &str, article: &str) -> Result<Dataset, Vec<DataError>> {
    Dataset::load_any_language(&files(events, deployments, article), &committed_known())
}

fn ok() -> Dataset {
    load(EVENTS, DEPLOYMENTS, ARTICLE).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// The single error of a broken copy.
fn one_error(events: &str, deployments: &str, article: &str) -> DataError {
    let errors = load(events, deployments, article).expect_err("must be refused");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].clone()
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    text[..at].matches('\n').count() + 1
}

#[test]
fn valid_files_load_and_link() {
    let d = ok();
    assert_eq!(d.events.len(), 3);
    assert_eq!(d.events[0].id, "drill", "events are in date order");
    assert_eq!(
        d.event("bastion-bal").map(|e| e.excerpts.clone()),
        Some(vec!["x-missiles".to_string()])
    );
    assert_eq!(d.event("drill").map(|e| e.precision), Some(Precision::Day));
    let view = d.article_view("seed").expect("article");
    assert_eq!(view.excerpts.len(), 2);
    assert_eq!(
        view.excerpts[1].annotations[0].kind,
        AnnotationKind::FactCheck
    );
    assert_eq!(view.excerpts[1].events[0].id, "bastion-bal");
}

#[test]
fn syntax_errors_name_the_line() {
    let broken = EVENTS.replace("kind = \"exercise\"", "kind = exercise");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.file, "ev/events.toml");
    assert_eq!(e.line, line_of(&broken, "kind = exercise"));
}

#[test]
fn impossible_dates_are_refused_with_file_line_field() {
    let broken = EVENTS.replace("date = \"2014-08-12\"", "date = \"2017-02-30\"");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(
        e.to_string(),
        format!(
            "ev/events.toml:{}: events[1].date: 2017-02-30 is not a valid date",
            line_of(&broken, "2017-02-30")
        )
    );
}

#[test]
fn unknown_ids_point_at_the_value() {
    let broken = EVENTS.replace("islands = [\"kunashiri\"]", "islands = [\"kunashir\"]");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        ("events[1].islands[0]", line_of(&broken, "\"kunashir\""))
    );
    assert!(e.message.contains("unknown island id \"kunashir\""), "{e}");

    let broken = EVENTS.replace("\"etorofu-centroid\"", "\"atlantis\"");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[0].places[0]");

    let broken = DEPLOYMENTS.replace("events = [\"talks\"]", "events = [\"nope\"]");
    let e = one_error(EVENTS, &broken, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        (
            "deployments[1].changes[1].events[0]",
            line_of(&broken, "\"nope\"")
        )
    );
}

#[test]
fn loaded_text_has_both_names_and_keeps_its_template() {
    let data = ok();
    let e = data.event("bastion-bal").expect("loaded");
    assert_eq!(
        e.summary,
        "Bastion on Etorofu / Iturup, Bal on Kunashiri / Kunashir."
    );
    assert_eq!(
        e.summary_template.as_deref(),
        Some("Bastion on {etorofu}, Bal on {kunashiri}.")
    );
    // No references: no template.
    assert_eq!(
        (e.title.as_str(), e.title_template.as_deref()),
        ("Coastal missiles", None)
    );
}

#[test]
fn text_refers_to_islands_by_id_and_never_spells_their_names() {
    // Any convention of a disputed island's or group's name, inflected too.
    for literal in [
        "Etorofu",
        "Iturup",
        "Итуруп",
        "Итурупе",
        "択捉島",
        "択捉",
        "Etorofu-tō",
        "Habomai",
        "Khabomai",
        "Kunashirsky",
        "歯舞",
    ] {
        let broken = EVENTS.replace("Bastion on {etorofu}", &format!("Bastion on {literal}"));
        let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
        assert_eq!(
            (e.field.as_str(), e.line),
            ("events[0].summary", line_of(&broken, "summary ="))
        );
        assert!(e.message.contains("spells out"), "{literal}: {e}");
    }
    // The title, a deployment's unit and a change's note too.
    let broken = EVENTS.replace("title = \"Drill\"", "title = \"Drill on Shikotan\"");
    assert_eq!(
        one_error(&broken, DEPLOYMENTS, ARTICLE).field,
        "events[1].title"
    );
    let broken = DEPLOYMENTS.replace("unit = \"S-300V4\"", "unit = \"S-300V4 on Iturup\"");
    assert_eq!(
        one_error(EVENTS, &broken, ARTICLE).field,
        "deployments[1].unit"
    );
    // An unknown reference, and an unclosed one.
    let broken = EVENTS.replace("{etorofu}, Bal", "{atlantis}, Bal");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert!(e.message.contains("{atlantis} is not a known"), "{e}");
    let broken = EVENTS.replace("{etorofu}, Bal", "{etorofu, Bal");
    assert!(load(&broken, DEPLOYMENTS, ARTICLE).is_err());
    // Fine: the Kurils, an islet's name that is also a given name before a
    // surname, places and references.
    let fine = EVENTS.replace(
        "Bastion on {etorofu}",
        "Yuri Trutnev visits the Kurils, {yuzhno-kurilsk} and {habomai}; Bastion on {etorofu}",
    );
    assert!(load(&fine, DEPLOYMENTS, ARTICLE).is_ok());
    // An islet's name on its own is refused.
    let broken = EVENTS.replace("Bastion on {etorofu}", "Bastion on Yuri");
    assert!(
        one_error(&broken, DEPLOYMENTS, ARTICLE)
            .message
            .contains("{yuri}")
    );
}

#[test]
fn points_off_the_map_are_refused() {
    let broken = EVENTS.replace("[[145.9, 44.1]]", "[[139.7, 35.7]]");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        ("events[1].points", line_of(&broken, "points ="))
    );
    assert!(e.message.contains("outside the map area"), "{e}");
}

#[test]
fn sources_are_required_and_must_be_http() {
    let broken = EVENTS.replace(
        "sources = [{ url = \"https://example.org/c\", outlet = \"Example\", language = \"en\", kind = \"newspaper\" }]\n",
        "",
    );
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[2].sources");
    assert_eq!(
        e.line,
        line_of(&broken, "id = \"talks\""),
        "missing key: the item's first line"
    );

    let broken = EVENTS.replace("http://example.org/b", "ftp://example.org/b");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        ("events[1].sources[0].url", line_of(&broken, "ftp://"))
    );
}

#[test]
fn medium_confidence_needs_a_reason() {
    let broken = EVENTS.replace("confidence_note = \"Year inferred.\"\n", "");
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[1].confidence");
}

#[test]
fn duplicate_ids_are_refused() {
    let broken = EVENTS.replace("id = \"talks\"", "id = \"drill\"");
    let errors = load(&broken, DEPLOYMENTS, ARTICLE).expect_err("refused");
    let e = errors
        .iter()
        .find(|e| e.message.contains("duplicate"))
        .expect("duplicate error");
    assert_eq!(
        (e.field.as_str(), e.line),
        (
            "events[2].id",
            line_of(
                &broken,
                "id = \"drill\"\nadded = \"2026-01-05\"\nupdated = \"2026-02-01\"\ndate = \"2017"
            )
        )
    );
}

#[test]
fn excerpt_ranges_must_match_the_quote_in_chars() {
    let broken = ARTICLE.replace("start = 19\nend = 27", "start = 20\nend = 28");
    let e = one_error(EVENTS, DEPLOYMENTS, &broken);
    assert_eq!(
        (e.file.as_str(), e.field.as_str()),
        ("ev/articles/seed.toml", "excerpts[1].start")
    );
    assert_eq!(e.line, line_of(&broken, "start = 20"));
    assert!(
        e.message.contains("not the quote (the quote is at 19..27)"),
        "{e}"
    );

    let broken = ARTICLE.replace("end = 27", "end = 99");
    let e = one_error(EVENTS, DEPLOYMENTS, &broken);
    assert_eq!(e.field, "excerpts[1].end");
}

#[test]
fn deployments_must_agree_with_their_events() {
    let broken = DEPLOYMENTS.replace("from = \"2016-11\"", "from = \"2016-10\"");
    let e = one_error(EVENTS, &broken, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        (
            "deployments[0].from",
            line_of(&broken, "from = \"2016-10\"")
        )
    );

    let broken = DEPLOYMENTS.replace(
        "{ date = \"2016-11\", status",
        "{ date = \"2016-12\", status",
    );
    let errors = load(EVENTS, &broken, ARTICLE).expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|e| e.field == "deployments[0].changes[0].date"
                && e.message.contains("not the date")),
        "{errors:#?}"
    );

    let broken = DEPLOYMENTS.replace("until = \"2017-03-20\"\n", "");
    let e = one_error(EVENTS, &broken, ARTICLE);
    assert_eq!(e.field, "deployments[1].until");

    let broken = DEPLOYMENTS.replace(
        "status = \"withdrawn\"\nconfidence",
        "status = \"active\"\nconfidence",
    );
    let e = one_error(EVENTS, &broken, ARTICLE);
    assert_eq!(e.field, "deployments[1].status");
}

#[test]
fn queries_filter_and_page() {
    let d = ok();
    let ids = |q: EventQuery| -> Vec<String> {
        d.query_events(&q)
            .items
            .iter()
            .map(|e| e.id.clone())
            .collect()
    };
    assert_eq!(
        ids(EventQuery {
            island: Some("kunashiri".into()),
            ..Default::default()
        }),
        ["drill", "bastion-bal"]
    );
    assert_eq!(
        ids(EventQuery {
            kind: Some(EventKind::Diplomacy),
            ..Default::default()
        }),
        ["talks"]
    );
    assert_eq!(
        ids(EventQuery {
            from: "2016".parse().ok(),
            ..Default::default()
        }),
        ["bastion-bal", "talks"]
    );
    assert_eq!(
        ids(EventQuery {
            to: "2016-10".parse().ok(),
            ..Default::default()
        }),
        ["drill"]
    );
    // A `to` before `from` is an empty period, even for the drill, which
    // ran from 12 to 20 August 2014 and so touches both dates.
    let reversed = |from: &str, to: &str| EventQuery {
        from: from.parse().ok(),
        to: to.parse().ok(),
        ..Default::default()
    };
    assert_eq!(ids(reversed("2014-08-14", "2014-08-18")), ["drill"]);
    assert!(ids(reversed("2014-08-18", "2014-08-14")).is_empty());
    assert_eq!(
        ids(EventQuery {
            q: Some("BAL kunashiri".into()),
            ..Default::default()
        }),
        ["bastion-bal"]
    );
    assert!(
        ids(EventQuery {
            q: Some("nothing-like-this".into()),
            ..Default::default()
        })
        .is_empty()
    );
    let page = d.query_events(&EventQuery {
        limit: Some(1),
        offset: 1,
        ..Default::default()
    });
    assert_eq!((page.total, page.items[0].id.as_str()), (3, "bastion-bal"));

    let at = |s: &str| -> Vec<String> {
        d.deployments_at(s.parse().expect("date"))
            .iter()
            .map(|x| x.id.clone())
            .collect()
    };
    assert_eq!(at("2014-01-01"), Vec::<String>::new());
    assert_eq!(at("2015-01-01"), ["s300"]);
    // Dated "2016-11": in place from the month's last day, not its first.
    assert_eq!(at("2016-11-01"), ["s300"]);
    assert_eq!(at("2016-11-29"), ["s300"]);
    assert_eq!(at("2016-11-30"), ["s300", "bastion-etorofu"]);
    assert_eq!(at("2017-03-20"), ["bastion-etorofu"]);

    let h = d.island_history("etorofu");
    let seq: Vec<(String, DeploymentStatus)> =
        h.iter().map(|e| (e.date.to_string(), e.status)).collect();
    assert_eq!(
        seq,
        [
            ("2014-08-12".to_string(), DeploymentStatus::Active),
            ("2016-11".to_string(), DeploymentStatus::Active),
            ("2017-03-20".to_string(), DeploymentStatus::Withdrawn),
        ]
    );
    assert_eq!(h[1].excerpts[0].id, "x-missiles");
    assert_eq!(h[1].sources[0].url, "https://example.org/a");
}

#[test]
fn the_map_marks_the_events_of_the_twelve_months_up_to_its_date() {
    let d = ok();
    let marked = |y, m, day| -> Vec<String> {
        let date = Date::new(y, m, day).expect("valid date");
        recent_events(&d.events, date)
            .map(|e| e.id.clone())
            .collect()
    };
    // The talks are on 2017-03-20: marked from that day, not the day before.
    assert_eq!(marked(2017, 3, 20), ["bastion-bal", "talks"]);
    assert_eq!(marked(2017, 3, 19), ["bastion-bal"]);
    // A month (2016-11) counts from its last day, for a year: the sources
    // guarantee it only by the 30th.
    assert_eq!(marked(2016, 11, 29), Vec::<String>::new());
    assert_eq!(marked(2016, 11, 30), ["bastion-bal"]);
    assert_eq!(marked(2017, 11, 29), ["bastion-bal", "talks"]);
    assert_eq!(marked(2017, 11, 30), ["talks"]);
    // The 2014 drill is long past by 2016.
    assert_eq!(marked(2014, 8, 12), ["drill"]);
}

const QUOTED: &str = "[article]
id = \"q\"
title = \"A quoted page\"
outlet = \"TASS\"
kind = \"wire\"
published = \"2016-11\"
url = \"https://example.org/q\"
language = \"ru\"

[[excerpts]]
id = \"q-1\"
article = \"q\"
quote = \"Бастион на Итурупе.\"
translation = \"Bastion on Iturup.\"
events = [\"bastion-bal\"]
";

fn with_quoted(quoted: &str) -> Result<Dataset, Vec<DataError>> {
    let mut all = files(EVENTS, DEPLOYMENTS, ARTICLE);
    all.push(("ev/articles/quoted/q.toml", quoted));
    Dataset::load_any_language(&all, &committed_known())
}

/// The single error of a broken quoted article: (field, message).
fn quoted_error(quoted: &str) -> (String, String) {
    let errors = with_quoted(quoted).expect_err("must be refused");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].file, "ev/articles/quoted/q.toml");
    (errors[0].field.clone(), errors[0].message.clone())
}

#[test]
fn articles_quoted_by_excerpt_only_need_a_link_a_kind_short_quotes_and_translations() {
    let d = with_quoted(QUOTED).expect("loads");
    let a = d.article("q").expect("article");
    assert!(a.text.is_none() && a.kind == Some(SourceKind::Wire));
    let x = d.excerpt("q-1").expect("excerpt");
    assert!(x.start.is_none() && x.translation.as_deref() == Some("Bastion on Iturup."));
    // The shipped article is listed first; each excerpt keeps its number.
    let list = d.article_summaries();
    assert_eq!(
        (list[0].article.id.as_str(), list[1].article.id.as_str()),
        ("seed", "q")
    );
    assert!(list.iter().all(|s| s.article.text.is_none()));

    let long = format!("quote = \"{}\"", ["слово"; 61].join(" "));
    let (field, message) = quoted_error(&QUOTED.replace("quote = \"Бастион на Итурупе.\"", &long));
    assert_eq!(field, "excerpts[0].quote");
    assert!(message.contains("61 words is too long"), "{message}");
    // Japanese counts two characters a word: 122 characters are 61 words.
    let japanese = QUOTED.replace("Бастион на Итурупе.", &"島".repeat(122));
    assert_eq!(quoted_error(&japanese).0, "excerpts[0].quote");
    let japanese = QUOTED.replace("Бастион на Итурупе.", &"島".repeat(120));
    assert!(with_quoted(&japanese).is_ok());

    let untranslated = QUOTED.replace("translation = \"Bastion on Iturup.\"\n", "");
    assert_eq!(quoted_error(&untranslated).0, "excerpts[0].translation");
    let unlinked = QUOTED.replace("url = \"https://example.org/q\"\n", "");
    assert_eq!(quoted_error(&unlinked).0, "article.url");
    let unkinded = QUOTED.replace("kind = \"wire\"\n", "");
    assert_eq!(quoted_error(&unkinded).0, "article.kind");
    let ranged = QUOTED.replace("quote = \"Бастион", "start = 0\nquote = \"Бастион");
    assert_eq!(quoted_error(&ranged).0, "excerpts[0].start");
}

#[test]
fn a_page_is_quoted_by_one_article() {
    let twin = QUOTED.replace("id = \"q\"", "id = \"q2\"").replace(
        "id = \"q-1\"\narticle = \"q\"",
        "id = \"q2-1\"\narticle = \"q2\"",
    );
    let mut all = files(EVENTS, DEPLOYMENTS, ARTICLE);
    all.push(("ev/articles/quoted/q.toml", QUOTED));
    all.push(("ev/articles/quoted/q2.toml", &twin));
    let errors = Dataset::load_any_language(&all, &committed_known()).expect_err("twin refused");
    assert!(
        errors
            .iter()
            .any(|e| e.file.ends_with("q2.toml") && e.field == "article.url"),
        "{errors:#?}"
    );
}

#[test]
fn a_deployment_put_in_place_only_by_a_landing_visit_or_drill_must_end() {
    // "s300" rests on the drill alone and ends; without its end it is refused.
    let open_ended = DEPLOYMENTS
        .replace("until = \"2017-03-20\"\n", "")
        .replace(
            "status = \"withdrawn\"\nconfidence",
            "status = \"active\"\nconfidence",
        )
        .replace(
            "  { date = \"2017-03-20\", status = \"withdrawn\", events = [\"talks\"] },\n",
            "",
        );
    let e = one_error(EVENTS, &open_ended, ARTICLE);
    assert_eq!(e.field, "deployments[1].status");
    assert!(e.message.contains("is not a garrison"), "{}", e.message);
    // A deployment event that shows it stayed is enough.
    let stayed = open_ended.replace(
        "{ date = \"2014-08-12\", status = \"active\", events = [\"drill\"] }",
        "{ date = \"2014-08-12\", status = \"active\", events = [\"drill\"] },\n  { date = \"2016-11\", status = \"active\", events = [\"bastion-bal\"] }",
    );
    assert!(load(EVENTS, &stayed, ARTICLE).is_ok());
}

#[test]
fn a_change_to_a_weapon_system_cites_an_event_that_names_it() {
    let with_system = DEPLOYMENTS.replace(
        "unit = \"Bastion division\"",
        "unit = \"Bastion division\"\nsystem = \"Bastion (K-300P)\"",
    );
    assert!(load(EVENTS, &with_system, ARTICLE).is_ok());
    let other = DEPLOYMENTS.replace(
        "unit = \"Bastion division\"",
        "unit = \"Bastion division\"\nsystem = \"Buk-M1\"",
    );
    let e = one_error(EVENTS, &other, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        (
            "deployments[0].changes[0].events",
            line_of(&other, "{ date = \"2016-11\", status")
        )
    );
    assert!(e.message.contains("buk-m1"), "{}", e.message);
    // A word inside another does not count ("Bal" is not "global").
    let global = EVENTS.replace(
        "Bastion on {etorofu}, Bal on {kunashiri}.",
        "A global build-up.",
    );
    let bal = DEPLOYMENTS.replace(
        "unit = \"Bastion division\"",
        "unit = \"Bastion division\"\nsystem = \"Bal\"",
    );
    assert!(load(&global, &bal, ARTICLE).is_err());
    // A withdrawal may be the unit's, without naming the weapon.
    let s300 = DEPLOYMENTS.replace(
        "unit = \"S-300V4\"",
        "unit = \"S-300V4\"\nsystem = \"Drill\"",
    );
    assert!(load(EVENTS, &s300, ARTICLE).is_ok());
}

#[test]
fn a_by_date_takes_effect_on_the_last_day_of_its_period() {
    let events = EVENTS.replace("date = \"2017-03-20\"", "date = \"by 2017-03\"");
    let deployments = DEPLOYMENTS
        .replace("until = \"2017-03-20\"", "until = \"by 2017-03\"")
        .replace(
            "{ date = \"2017-03-20\", status = \"withdrawn\"",
            "{ date = \"by 2017-03\", status = \"withdrawn\"",
        );
    let d = load(&events, &deployments, ARTICLE).unwrap_or_else(|e| panic!("{e:#?}"));
    let s300 = d.deployments.iter().find(|x| x.id == "s300").unwrap();
    let day = |s: &str| s.parse::<Date>().unwrap();
    assert_eq!(s300.period.until.unwrap().to_string(), "by 2017-03");
    assert_eq!(
        s300.status_at(day("2017-03-30")),
        Some(DeploymentStatus::Active)
    );
    assert_eq!(
        s300.status_at(day("2017-03-31")),
        Some(DeploymentStatus::Withdrawn)
    );
    let json = serde_json::to_string(&s300.period).unwrap();
    assert!(json.contains("\"until\":\"by 2017-03\""), "{json}");

    // An event's end and a source's publication are periods, not bounds.
    let end = EVENTS.replace("end = \"2014-08-20\"", "end = \"by 2014-08-20\"");
    let e = one_error(&end, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[1].end");
    // A change may not fall inside the previous change's bound.
    let early = deployments.replace(
        "{ date = \"2014-08-12\", status = \"active\", events = [\"drill\"] },",
        "{ date = \"2014-08-12\", status = \"active\", events = [\"drill\"] },\n  { date = \"by 2017-03\", status = \"active\", events = [\"talks\"] },",
    );
    let errors = load(&events, &early, ARTICLE).expect_err("refused");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("within the previous change's period")),
        "{errors:#?}"
    );
    // So may a change inside the year or month of the previous one: the
    // earlier change takes effect on its period's last day.
    let inside = DEPLOYMENTS.replace(
        "  { date = \"2016-11\", status = \"active\", events = [\"bastion-bal\"] },\n",
        "  { date = \"2016-11\", status = \"active\", events = [\"bastion-bal\"] },\n  { date = \"2016-11-20\", status = \"withdrawn\", events = [\"bastion-bal\"] },\n",
    );
    assert_ne!(inside, DEPLOYMENTS);
    let errors = load(EVENTS, &inside, ARTICLE).expect_err("refused");
    assert!(
        errors.iter().any(|e| e
            .message
            .contains("2016-11-20 falls within the previous change's period (2016-11)")),
        "{errors:#?}"
    );
}

#[test]
fn every_source_says_what_kind_of_publisher_it_is() {
    let broken = EVENTS.replacen(", kind = \"newspaper\" }", " }", 1);
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[0].sources[0].kind");
    assert!(e.message.contains("official"), "{}", e.message);

    let broken = EVENTS.replacen("kind = \"newspaper\" }", "kind = \"tabloid\" }", 1);
    let e = one_error(&broken, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[0].sources[0].kind");
}

#[test]
fn high_confidence_needs_a_strong_source_or_two_outlets() {
    let weak = EVENTS.replacen("kind = \"newspaper\" }", "kind = \"blog\" }", 1);
    let e = one_error(&weak, DEPLOYMENTS, ARTICLE);
    assert_eq!(
        (e.field.as_str(), e.line),
        (
            "events[0].confidence",
            line_of(&weak, "confidence = \"high\"")
        )
    );

    let two_outlets = weak.replacen(
        "sources = [\n",
        "sources = [\n  { url = \"https://en.wikipedia.org/wiki/X\", outlet = \"Wikipedia\", language = \"en\", kind = \"reference\" },\n",
        1,
    );
    assert!(load(&two_outlets, DEPLOYMENTS, ARTICLE).is_ok());

    let same_outlet_twice = weak.replacen(
        "sources = [\n",
        "sources = [\n  { url = \"https://example.org/z\", outlet = \"Another name\", language = \"en\", kind = \"blog\" },\n",
        1,
    );
    let e = one_error(&same_outlet_twice, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[0].confidence", "one host is one outlet");
}

#[test]
fn no_event_rests_only_on_mirrors() {
    let mirrored = EVENTS.replace(
        "{ url = \"http://example.org/b\", outlet = \"Example\", language = \"en\", kind = \"newspaper\" }",
        "{ url = \"http://mirror.example/b\", outlet = \"Mirror\", language = \"en\", kind = \"aggregator\" }",
    );
    let e = one_error(&mirrored, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[1].sources");
}

#[test]
fn denied_domains_and_trailing_dots_are_refused_at_the_url() {
    const DENYLIST: &str =
        "[[denied]]\ndomain = \"news-pravda.com\"\nreason = \"republishing network\"\n";
    let denied = EVENTS.replace("http://example.org/b", "https://germany.news-pravda.com/b");
    let mut with_list = files(&denied, DEPLOYMENTS, ARTICLE);
    with_list.push(("ev/denylist.toml", DENYLIST));
    let errors = Dataset::load_any_language(&with_list, &committed_known()).expect_err("denied");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].field.as_str(), errors[0].line),
        ("events[1].sources[0].url", line_of(&denied, "news-pravda"))
    );
    assert!(errors[0].message.contains("republishing network"));

    let bad_list = DENYLIST.replace("news-pravda.com", "https://news-pravda.com/");
    let mut with_bad_list = files(EVENTS, DEPLOYMENTS, ARTICLE);
    with_bad_list.push(("ev/denylist.toml", &bad_list));
    let errors =
        Dataset::load_any_language(&with_bad_list, &committed_known()).expect_err("bad list");
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("ev/denylist.toml", 2)
    );

    let dotted = EVENTS.replace("http://example.org/b", "http://example.org./b");
    let e = one_error(&dotted, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[1].sources[0].url");
}
