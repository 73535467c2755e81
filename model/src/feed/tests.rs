//! The feed over a small made-up data set on the committed islands.

use super::*;
use crate::events::Known;

fn event(id: &str, added: &str, updated: &str, islands: &str, summary: &str) -> String {
    format!(
        r#"[[events]]
id = "{id}"
added = "{added}"
updated = "{updated}"
date = "2016-11-22"
kind = "deployment"
title = "Missiles on {{etorofu}} ({id})"
summary = "{summary}"
islands = [{islands}]
sources = [{{ url = "https://example.org/{id}", outlet = "Example", language = "en", kind = "official" }}]
confidence = "high"
"#
    )
}

fn known() -> Known {
    let land = include_str!("../../../geodata/land-0.geojson");
    let places = include_str!("../../../geodata/places.geojson");
    crate::islands::committed().known(
        &crate::geodata::LandCollection::from_json(land).expect("land parses"),
        &crate::geodata::PlaceCollection::from_json(places).expect("places parse"),
    )
}

fn dataset() -> Dataset {
    let text = [
        event("older", "2026-01-02", "2026-01-03", "\"etorofu\"", "Plain."),
        event(
            "newest",
            "2026-01-01",
            "2026-03-01",
            "\"shikotan\"",
            "Fish & <chips> \\\"quoted\\\".",
        ),
        event(
            "tie-b",
            "2026-01-01",
            "2026-02-01",
            "\"suisho\"",
            "On an islet.",
        ),
        event(
            "tie-a",
            "2026-01-01",
            "2026-02-01",
            "\"etorofu\", \"kunashiri\"",
            "Two islands.",
        ),
    ]
    .concat();
    Dataset::load_any_language(&[("ev/events.toml", text.as_str())], &known())
        .unwrap_or_else(|e| panic!("{e:#?}"))
}

fn feed(dataset: &Dataset, lang: Lang, island: Option<&str>) -> String {
    let catalogue = crate::i18n::committed(lang);
    FeedSource {
        origin: "http://example.test",
        dataset: &dataset.in_language(lang),
        catalogue: &catalogue,
        island,
    }
    .atom()
}

fn ids(atom: &str) -> Vec<&str> {
    atom.split("<entry>\n<id>http://example.test/events/")
        .skip(1)
        .map(|s| s.split(['<', '?']).next().unwrap_or(""))
        .collect()
}

#[test]
fn entries_are_newest_change_first_ties_by_id() {
    let atom = feed(&dataset(), Lang::En, None);
    assert_eq!(ids(&atom), ["newest", "tie-a", "tie-b", "older"]);
    // The feed is as new as its newest entry.
    let head = atom.split("<entry>").next().unwrap_or("");
    assert!(
        head.contains("<updated>2026-03-01T00:00:00Z</updated>"),
        "{head}"
    );
    assert!(atom.contains(
        "<published>2026-01-02T00:00:00Z</published>\n<updated>2026-01-03T00:00:00Z</updated>"
    ));
}

#[test]
fn text_is_escaped_and_names_follow_the_language() {
    let d = dataset();
    let atom = feed(&d, Lang::En, None);
    assert!(
        atom.contains("Fish &amp; &lt;chips&gt; &quot;quoted&quot;."),
        "{atom}"
    );
    assert!(!atom.contains("<chips>"));
    assert!(atom.contains("<title type=\"text\">Missiles on Etorofu / Iturup (newest)</title>"));
    assert!(atom.contains("<summary type=\"text\">22 November 2016. Plain.</summary>"));
    assert!(atom.contains("<category term=\"kunashiri\" label=\"Kunashiri / Kunashir\"/>"));
    let ja = feed(&d, Lang::Ja, None);
    assert!(ja.contains("xml:lang=\"ja\""));
    assert!(ja.contains("<id>http://example.test/events/older?lang=ja</id>"));
    assert!(
        ja.contains("択捉島"),
        "the Japanese feed names islands in Japanese"
    );
    assert!(ja.contains("2016年11月22日"));
    assert!(ja.contains("href=\"http://example.test/feed.atom?lang=ja\""));
}

#[test]
fn an_island_feed_has_its_events_and_a_group_its_members() {
    let d = dataset();
    let etorofu = feed(&d, Lang::En, Some("etorofu"));
    assert_eq!(ids(&etorofu), ["tie-a", "older"]);
    assert!(
        etorofu.contains("<title type=\"text\">Kuril Atlas: events on Etorofu / Iturup</title>")
    );
    assert!(etorofu.contains("href=\"http://example.test/feed.atom?island=etorofu\""));
    assert_eq!(ids(&feed(&d, Lang::En, Some("habomai"))), ["tie-b"]);
    // A feed without entries still says when the data last changed.
    let none = feed(&d, Lang::En, Some("harukaru"));
    assert!(ids(&none).is_empty());
    assert!(none.contains("<updated>2026-03-01T00:00:00Z</updated>"));
}

#[test]
fn an_unknown_island_is_refused() {
    let known = |i: &str| i == "etorofu";
    assert_eq!(check_island(Some("etorofu"), known), Ok(Some("etorofu")));
    assert_eq!(check_island(None, known), Ok(None));
    assert_eq!(
        check_island(Some("atlantis"), known),
        Err(FeedError::UnknownIsland("atlantis".into()))
    );
}
