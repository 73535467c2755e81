//! Unit tests on small inline files; `model/tests/event_files.rs` covers the real data.

use super::*;

const EVENTS: &str = r#"# test events
[[events]]
id = "bastion-bal"
date = "2016-11"
kind = "deployment"
title = "Coastal missiles"
summary = "Bastion on Etorofu, Bal on Kunashiri."
islands = ["etorofu", "kunashiri"]
places = ["etorofu-centroid"]
sources = [
  { url = "https://example.org/a", outlet = "Example", language = "en", kind = "newspaper" },
]
confidence = "high"

[[events]]
id = "drill"
date = "2014-08-12"
end = "2014-08-20"
kind = "exercise"
title = "Drill"
summary = "A drill on Kunashiri."
islands = ["kunashiri"]
points = [[145.9, 44.1]]
sources = [{ url = "http://example.org/b", outlet = "Example", language = "en", kind = "newspaper" }]
confidence = "medium"
confidence_note = "Year inferred."

[[events]]
id = "talks"
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
    Dataset::load(&files(events, deployments, article), &committed_known())
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
            line_of(&broken, "id = \"drill\"\ndate = \"2017")
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
    assert_eq!(at("2016-11-01"), ["s300", "bastion-etorofu"]);
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
    // A month (2016-11) counts from its first day, for a year.
    assert_eq!(marked(2017, 11, 1), ["talks"]);
    assert_eq!(marked(2016, 10, 31), Vec::<String>::new());
    // The 2014 drill is long past by 2016.
    assert_eq!(marked(2014, 8, 12), ["drill"]);
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
    let errors = Dataset::load(&with_list, &committed_known()).expect_err("denied");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].field.as_str(), errors[0].line),
        ("events[1].sources[0].url", line_of(&denied, "news-pravda"))
    );
    assert!(errors[0].message.contains("republishing network"));

    let bad_list = DENYLIST.replace("news-pravda.com", "https://news-pravda.com/");
    let mut with_bad_list = files(EVENTS, DEPLOYMENTS, ARTICLE);
    with_bad_list.push(("ev/denylist.toml", &bad_list));
    let errors = Dataset::load(&with_bad_list, &committed_known()).expect_err("bad list");
    assert_eq!(
        (errors[0].file.as_str(), errors[0].line),
        ("ev/denylist.toml", 2)
    );

    let dotted = EVENTS.replace("http://example.org/b", "http://example.org./b");
    let e = one_error(&dotted, DEPLOYMENTS, ARTICLE);
    assert_eq!(e.field, "events[1].sources[0].url");
}
