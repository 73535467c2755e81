//! The real files in `geodata/events/`: they load with zero errors, hold what
//! the issue asks for, and a broken copy of each is refused with the right
//! file, line and field.

use std::collections::BTreeSet;

use model::events::*;
use model::i18n::Lang;
use model::islands::Islands;

mod support;
use support::{data_files, dataset, known, read_geodata};

fn load_with(files: &[(String, String)]) -> Result<Dataset, Vec<DataError>> {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Dataset::load(&refs, &known())
}

#[test]
fn the_real_data_loads_with_zero_errors() {
    let d = dataset();
    let high = d
        .events
        .iter()
        .filter(|e| e.confidence == Confidence::High)
        .count();
    let medium = d.events.len() - high;
    println!(
        "events {} (high {high}, medium {medium}), deployments {}, excerpts {}, annotations {}",
        d.events.len(),
        d.deployments.len(),
        d.excerpts.len(),
        d.annotations.len()
    );
    assert!(d.events.len() >= 90, "{} events", d.events.len());
    assert!(
        d.deployments.len() >= 25,
        "{} deployments",
        d.deployments.len()
    );
    assert!(d.excerpts.len() >= 12, "{} excerpts", d.excerpts.len());
    assert!(high >= 70, "{high} high-confidence events");
}

/// The evidence targets of issue 16: a journalist can cite most events to
/// two outlets, and few rest only on encyclopedias, blogs or mirrors.
/// `cargo test -p model --test event_files evidence -- --nocapture` prints the counts.
#[test]
fn most_events_have_two_outlets_and_few_rest_on_weak_sources() {
    let d = dataset();
    let counts = evidence::EvidenceCounts::of(&d.events);
    println!("{counts:#?}");
    let weak = counts.percent(counts.weak_only);
    let two = counts.percent(counts.two_or_more);
    println!(
        "events {}; single-source {}%; weak-only {weak}%; two or more outlets {two}%",
        counts.events,
        counts.percent(counts.single_source)
    );
    assert!(
        weak <= 10,
        "{weak}% of events rest only on weak sources (at most 10%)"
    );
    assert!(
        two >= 60,
        "{two}% of events have two or more outlets (at least 60%)"
    );
}

#[test]
fn the_known_place_ids_include_every_id_the_issue_lists() {
    let places = known().places;
    let listed = [
        "kurilsk",
        "goryachiye-klyuchi",
        "yasny-airport",
        "burevestnik",
        "kasatka-bay",
        "yuzhno-kurilsk",
        "mendeleyevo-airport",
        "malokurilskoye",
        "cape-nosappu",
        "kaigara-lighthouse",
        "etorofu-centroid",
        "kunashiri-centroid",
        "shikotan-centroid",
        "habomai-centroid",
        "krabozavodskoye",
        "lagunnoye",
        "goryachiy-plyazh",
        "reidovo",
    ];
    for id in &listed {
        assert!(places.contains_key(*id), "places.geojson lacks {id}");
    }
}

#[test]
fn every_row_of_sections_a_to_d_is_an_event() {
    let d = dataset();
    let covered: BTreeSet<&str> = d
        .events
        .iter()
        .flat_map(|e| e.research.iter().map(String::as_str))
        .collect();
    let rows = (1..=13)
        .map(|i| format!("A{i}"))
        .chain((1..=42).map(|i| format!("B{i}")))
        .chain((1..=8).map(|i| format!("C{i}")))
        .chain((1..=45).map(|i| format!("D{i}")));
    let missing: Vec<String> = rows.filter(|r| !covered.contains(r.as_str())).collect();
    assert!(missing.is_empty(), "rows without an event: {missing:?}");
}

#[test]
fn every_excerpt_range_is_its_quote() {
    let d = dataset();
    for x in &d.excerpts {
        let Some(text) = &d.article(&x.article).expect("article").text else {
            assert!(x.start.is_none() && x.end.is_none(), "{}", x.id);
            continue;
        };
        let (start, end) = (x.start.expect("start"), x.end.expect("end"));
        let slice: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(slice, x.quote, "{}", x.id);
    }
    // The text has multi-byte characters before the later excerpts, so char
    // and byte offsets differ: the check above is not vacuous.
    let seed = d.article("seed-2017-03-20").expect("seed article");
    let text = seed.text.as_deref().expect("shipped text");
    assert!(text.contains('“') && text.contains('’'));
    assert_ne!(text.len(), text.chars().count());
}

#[test]
fn the_land_to_air_claim_carries_a_fact_check() {
    let d = dataset();
    let view = d.article_view("seed-2017-03-20").expect("seed article");
    assert!(view.excerpts.len() >= 12);
    let x = view
        .excerpts
        .iter()
        .find(|x| x.excerpt.quote.contains("land-to-air"))
        .expect("land-to-air excerpt");
    let fc = x
        .annotations
        .iter()
        .find(|a| a.kind == AnnotationKind::FactCheck)
        .expect("fact-check");
    assert!(
        fc.note.contains("Bastion") && fc.note.contains("Bal"),
        "{}",
        fc.note
    );
    assert!(!fc.sources.is_empty());
    assert!(x.events.iter().any(|e| e.id == "bastion-bal-deployed-2016"));
    // Every excerpt supports an event or a place.
    for x in &view.excerpts {
        assert!(
            !x.events.is_empty() || !x.excerpt.islands.is_empty() || !x.excerpt.places.is_empty(),
            "{}",
            x.excerpt.id
        );
    }
}

/// The ids of the deployments in place on `date` (`YYYY-MM-DD`).
fn in_place(d: &Dataset, date: &str) -> BTreeSet<String> {
    d.deployments_at(date.parse().expect("date"))
        .into_iter()
        .map(|x| x.id.clone())
        .collect()
}

#[test]
fn coastal_missiles_are_in_place_from_november_2016() {
    let d = dataset();
    let at = |s: &str| in_place(&d, s);
    let before = at("2015-01-01");
    let after = at("2017-01-01");
    for id in ["bastion-etorofu", "bal-kunashiri"] {
        assert!(!before.contains(id), "{id} at 2015-01-01");
        assert!(after.contains(id), "{id} missing at 2017-01-01");
    }
    assert!(after.contains("mgad-18-hq"));
    assert!(at("1990-01-01").contains("iap-387-burevestnik"));
    assert!(!at("1995-01-01").contains("iap-387-burevestnik"));
    assert!(at("2021-06-01").contains("s-300v4-etorofu"));
    assert!(!at("2024-01-01").contains("s-300v4-etorofu"));
}

#[test]
fn each_island_has_a_dated_deployment_history() {
    let d = dataset();
    for island in ["etorofu", "kunashiri", "shikotan", "habomai"] {
        let h = d.island_history(island);
        assert!(!h.is_empty(), "{island}");
        assert!(
            h.windows(2).all(|w| w[0].date <= w[1].date),
            "{island} out of order"
        );
        assert!(
            h.iter()
                .all(|e| !e.events.is_empty() && !e.sources.is_empty())
        );
        assert_eq!(
            h[0].date.start.year, 1945,
            "{island} history starts with 1945"
        );
    }
    let etorofu = d.island_history("etorofu");
    let bastion = etorofu
        .iter()
        .find(|e| e.deployment == "bastion-etorofu" && e.status == DeploymentStatus::Active)
        .expect("bastion change");
    assert!(
        bastion
            .excerpts
            .iter()
            .any(|x| x.id == "seed-land-to-air-missiles")
    );
    // Deployments agree with their events (the loader checks it; spot-check).
    let b = d.deployment("bastion-etorofu").expect("bastion");
    let ev = d.event("bastion-bal-deployed-2016").expect("event");
    assert_eq!(b.period.from, ev.date);
}

// --- broken copies ----------------------------------------------------------

/// Replaces the `nth` (0-based) occurrence of `from` in file `name`, loads,
/// and returns the errors plus the 1-based line of the replacement.
fn break_file(name: &str, from: &str, to: &str, nth: usize) -> (Vec<DataError>, usize) {
    let mut files = data_files();
    let file = files
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} not found"));
    let at = file
        .1
        .match_indices(from)
        .nth(nth)
        .unwrap_or_else(|| panic!("{from:?} #{nth} not in {name}"))
        .0;
    file.1.replace_range(at..at + from.len(), to);
    let line = file.1[..at].matches('\n').count() + 1;
    let errors = load_with(&files).expect_err("a broken copy must be refused");
    (errors, line)
}

fn index_of(name: &str, header: &str, needle: &str) -> usize {
    let files = data_files();
    let text = &files.iter().find(|(n, _)| n == name).expect("file").1;
    let at = text.find(needle).expect("needle");
    text[..at].matches(header).count() - 1
}

#[test]
fn events_toml_with_an_impossible_date_is_refused() {
    let name = "geodata/events/events.toml";
    let i = index_of(name, "[[events]]", "date = \"2017-03-06\"");
    let (errors, line) = break_file(name, "date = \"2017-03-06\"", "date = \"2017-02-30\"", 0);
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{name}:{line}: events[{i}].date: 2017-02-30 is not a valid date"
        )]
    );
}

#[test]
fn events_toml_without_a_source_or_with_a_bad_url_is_refused() {
    let name = "geodata/events/events.toml";
    // The sources of the first talks on joint economic activity (2017-03-18).
    let needle = concat!(
        "sources = [\n",
        "  { url = \"http://tass.com/world/940833\", outlet = \"TASS\", language = \"en\", kind = \"wire\" },\n",
        "  { url = \"http://tass.com/economy/936264\", outlet = \"TASS\", language = \"en\", kind = \"wire\", title = \"Russia, Japan to hold first consultations on joint activities on southern Kuriles\", published = \"2017-03-18\" },\n",
        "  { url = \"http://en.chinagate.cn/2017-02/18/content_40310747.htm\", outlet = \"China.org.cn (Xinhua)\", language = \"en\", kind = \"wire\", title = \"Foreign, defense ministers of Russia, Japan to meet in Tokyo\", published = \"2017-02-18\" },\n",
        "]\n",
    );
    let i = index_of(name, "[[events]]", needle);
    let (errors, _) = break_file(name, needle, "", 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].field, format!("events[{i}].sources"));
    assert!(errors[0].message.contains("at least one source"));

    let (errors, line) = break_file(
        name,
        "http://tass.com/world/940833",
        "tass.com/world/940833",
        0,
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].line, errors[0].field.clone()),
        (line, format!("events[{i}].sources[0].url"))
    );
}

#[test]
fn events_toml_with_an_off_map_point_is_refused() {
    let name = "geodata/events/events.toml";
    let (errors, line) = break_file(
        name,
        "points = [[146.7, 44.1]]",
        "points = [[139.69, 35.69]]",
        0,
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].line, line);
    assert!(
        errors[0].field.ends_with(".points") && errors[0].message.contains("outside the map area")
    );
}

#[test]
fn deployments_toml_with_an_unknown_place_is_refused() {
    let name = "geodata/events/deployments.toml";
    let i = index_of(name, "[[deployments]]", "place = \"lagunnoye\"");
    let (errors, line) = break_file(name, "place = \"lagunnoye\"", "place = \"lagunoye\"", 0);
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{name}:{line}: deployments[{i}].place: unknown place id \"lagunoye\""
        )]
    );
}

#[test]
fn deployments_toml_whose_period_contradicts_its_events_is_refused() {
    let name = "geodata/events/deployments.toml";
    let i = index_of(name, "[[deployments]]", "id = \"bastion-etorofu\"");
    // Bastion "from" moved a year early: no event establishes it.
    let (errors, line) = break_file(name, "from = \"2016-11\"", "from = \"2015-11\"", 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].line, errors[0].field.clone()),
        (line, format!("deployments[{i}].from"))
    );
    assert!(errors[0].message.contains("contradicts its events"));
}

#[test]
fn the_article_toml_with_a_broken_excerpt_range_is_refused() {
    let name = "geodata/events/articles/seed-2017-03-20.toml";
    let files = data_files();
    let text = &files.iter().find(|(n, _)| n == name).expect("file").1;
    let id_at = text
        .find("id = \"seed-land-to-air-missiles\"")
        .expect("excerpt");
    let start_at = id_at + text[id_at..].find("start = ").expect("start");
    let start_line: String = text[start_at..].lines().next().expect("line").to_string();
    let start: usize = start_line["start = ".len()..].parse().expect("number");
    let i = index_of(name, "[[excerpts]]", "id = \"seed-land-to-air-missiles\"");
    let (errors, line) = break_file(name, &start_line, &format!("start = {}", start + 1), 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!((errors[0].file.as_str(), errors[0].line), (name, line));
    assert_eq!(errors[0].field, format!("excerpts[{i}].start"));
    assert!(
        errors[0]
            .message
            .contains(&format!("the quote is at {start}..")),
        "{}",
        errors[0]
    );
}

#[test]
fn the_article_text_changed_under_its_excerpts_is_refused() {
    let (errors, _) = break_file(
        "geodata/events/articles/seed-2017-03-20.txt",
        "land-to-air",
        "surface-to-air",
        0,
    );
    assert!(
        errors
            .iter()
            .all(|e| e.file == "geodata/events/articles/seed-2017-03-20.toml")
    );
    assert!(
        errors.iter().any(|e| e.message.contains("not the quote")),
        "{errors:#?}"
    );
}

#[test]
fn annotations_toml_with_an_unknown_excerpt_or_no_source_is_refused() {
    let name = "geodata/events/annotations.toml";
    let (errors, line) = break_file(
        name,
        "excerpt = \"seed-land-to-air-missiles\"",
        "excerpt = \"seed-land-to-sea\"",
        0,
    );
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{name}:{line}: annotations[0].excerpt: unknown excerpt id \"seed-land-to-sea\""
        )]
    );
    let (errors, line) = break_file(name, "kind = \"fact-check\"", "kind = \"fact check\"", 0);
    assert_eq!((errors.len(), errors[0].line), (1, line), "{errors:#?}");
    assert_eq!(errors[0].field, "annotations[0].kind");
}

#[test]
fn a_fact_check_needs_a_known_rating_and_its_day_and_only_a_fact_check_has_them() {
    let name = "geodata/events/annotations.toml";
    let rating = "rating = \"mostly-false\"";
    let (errors, line) = break_file(name, rating, "rating = \"dubious\"", 0);
    assert_eq!((errors.len(), errors[0].line), (1, line), "{errors:#?}");
    assert_eq!(errors[0].field, "annotations[0].rating");
    assert!(
        errors[0].to_string().contains("mostly-false"),
        "{}",
        errors[0]
    );
    let (errors, _) = break_file(name, rating, "", 0);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].field, "annotations[0].rating");
    let (errors, _) = break_file(
        name,
        "reviewed = \"2026-11-26\"",
        "reviewed = \"2026-11\"",
        0,
    );
    assert_eq!(errors[0].field, "annotations[0].reviewed", "{errors:#?}");
    let (errors, _) = break_file(
        name,
        "kind = \"context\"",
        "kind = \"context\"\nrating = \"true\"",
        0,
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].field.ends_with(".rating"), "{errors:#?}");
}

#[test]
fn duplicate_ids_across_files_are_refused() {
    let name = "geodata/events/deployments.toml";
    let (errors, line) = break_file(
        name,
        "id = \"bal-kunashiri\"",
        "id = \"bastion-etorofu\"",
        0,
    );
    let dup = errors
        .iter()
        .find(|e| e.message.contains("duplicate deployment id"))
        .expect("duplicate reported");
    assert_eq!((dup.file.as_str(), dup.line), (name, line));
}

/// The app decodes answers with miniserde (`model::wire`): every event as
/// the map marks it (`/api/event-marks`) and the changes while comparing
/// the server sends come back unchanged.
#[cfg(feature = "mini")]
#[test]
fn the_apps_decoders_read_back_every_event_mark_and_the_changes() {
    use model::api::DeploymentChanges;
    use model::marks::EventMark;
    use model::wire::decode;
    let data = dataset();
    let marks: Vec<EventMark> = data.events.iter().map(EventMark::from).collect();
    let sent = serde_json::to_string(&marks).expect("serialises");
    assert_eq!(decode::<Vec<EventMark>>(&sent), Ok(marks));
    let [a, b] = ["1991-12-26", "2024-01-01"].map(|d| d.parse::<Date>().expect("a day"));
    for (from, to) in [(a, b), (b, a)] {
        let changes = DeploymentChanges::between(&data, from, to);
        assert!(!changes.added.is_empty(), "{from} -> {to}");
        let sent = serde_json::to_string(&changes).expect("serialises");
        assert_eq!(decode::<DeploymentChanges>(&sent), Ok(changes));
    }
}

/// The API's answers the app decodes (`model::api`), as the server
/// serialises them, come back unchanged: the deployment sites on several
/// days and without a date.
#[cfg(feature = "mini")]
#[test]
fn the_apps_decoders_read_back_the_api_answers() {
    use model::api::DeploymentFeatureCollection;
    use model::wire::decode;
    let data = dataset();
    let days = ["1991-12-26", "2016-11-22", "2024-01-01"].map(|d| d.parse::<Date>().ok());
    for at in days.into_iter().chain([None]) {
        let sites = DeploymentFeatureCollection::from_dataset(&data, at);
        assert!(!sites.features.is_empty(), "sites on {at:?}");
        let sent = serde_json::to_string(&sites).expect("serialises");
        assert_eq!(decode::<DeploymentFeatureCollection>(&sent), Ok(sites));
    }
}

/// Every island and group as the server lists them (from the coarsest
/// land) has its detail, read back unchanged; a group's names its members.
#[test]
fn every_listed_island_has_its_detail() {
    use model::api::{IslandDetail, IslandSummary};
    let data = dataset();
    let islands = Islands::parse("islands.toml", &read_geodata("islands.toml")).expect("islands");
    let land = support::land();
    let listed = IslandSummary::list(&land, &islands, &data);
    assert!(listed.iter().any(|i| i.official_area_km2.is_some()));
    for island in &listed {
        let detail = IslandDetail::of(&island.id, &listed, &islands, &data).expect("listed");
        let sent = serde_json::to_string(&detail).expect("serialises");
        let read: IslandDetail = serde_json::from_str(&sent).expect("reads back");
        assert_eq!(read, detail);
    }
    let group = islands.groups.first().expect("a group");
    let detail =
        IslandDetail::of(&group.id, &listed, &islands, &data).expect("the group is listed");
    let members: BTreeSet<&String> = detail.members.iter().collect();
    assert_eq!(members, group.members().iter().collect(), "{}", group.id);
    assert!(!detail.history.is_empty(), "{} has a history", group.id);
    assert_eq!(
        IslandDetail::of("no-such-island", &listed, &islands, &data),
        None
    );
}

/// An island's story sends each deployment change once: its entry points
/// at the history entry of the same deployment, date and status (which has
/// the evidence), and carries none of its own; an event keeps its sources.
#[test]
fn the_story_points_changes_at_their_history_entry() {
    use model::api::{IslandDetail, IslandSummary};
    let data = dataset();
    let islands = Islands::parse("islands.toml", &read_geodata("islands.toml")).expect("islands");
    let listed = IslandSummary::list(&support::land(), &islands, &data);
    for island in &listed {
        let detail = IslandDetail::of(&island.id, &listed, &islands, &data).expect("listed");
        let entries = detail.story.groups.iter().flat_map(|g| &g.entries);
        let mut pointed = BTreeSet::new();
        for e in entries {
            let Some(at) = e.history else {
                assert!(
                    !e.sources.is_empty(),
                    "{}: event {:?} has sources",
                    island.id,
                    e.event
                );
                continue;
            };
            let h = &detail.history[at];
            assert_eq!(
                (e.deployment.as_deref(), e.date, e.status),
                (Some(h.deployment.as_str()), h.date, Some(h.status)),
                "{}: story entry {at}",
                island.id
            );
            assert!(
                e.sources.is_empty() && e.excerpts.is_empty(),
                "{}: evidence sent twice",
                island.id
            );
            pointed.insert(at);
        }
        assert_eq!(
            pointed.len(),
            detail.history.len(),
            "{}: every change told once",
            island.id
        );
    }
}

/// A deployment's answer carries its card: each change with its evidence,
/// the Bastion battalion's announcement and arrival with their sources.
#[test]
fn a_deployment_detail_has_each_change_with_its_evidence() {
    use model::api::DeploymentDetail;
    let data = dataset();
    let bastion = DeploymentDetail::of("bastion-etorofu", &data).expect("known deployment");
    let changes: Vec<(String, DeploymentStatus)> = bastion
        .history
        .iter()
        .map(|h| (h.date.to_string(), h.status))
        .collect();
    assert_eq!(
        changes,
        [
            ("2016-03".to_owned(), DeploymentStatus::Planned),
            ("2016-11".to_owned(), DeploymentStatus::Active)
        ]
    );
    for h in &bastion.history {
        assert_eq!(h.deployment, "bastion-etorofu");
        assert!(!h.sources.is_empty(), "{} has sources", h.date);
        assert!(!h.events.is_empty(), "{} has events", h.date);
    }
    assert_eq!(DeploymentDetail::of("no-such-deployment", &data), None);
    // Every deployment's card has one entry per change.
    for d in &data.deployments {
        let detail = DeploymentDetail::of(&d.id, &data).expect("listed");
        assert_eq!(detail.history.len(), d.changes.len(), "{}", d.id);
    }
}

/// The site's spoken name over the real data: the unit, the island in the
/// reader's names and the period, never the id.
#[test]
fn the_bastion_site_is_named_with_its_island_and_period() {
    use model::events::accessible::deployment_name;
    use model::names::NameStyle;
    let data = dataset();
    let islands = Islands::parse("islands.toml", &read_geodata("islands.toml")).expect("islands");
    let d = data.deployment("bastion-etorofu").expect("bastion");
    let island = islands.find(&d.island).expect("its island").romaji();
    assert_eq!(
        deployment_name(&d.unit, island, &d.period, NameStyle::Both),
        "Bastion coastal missile battalion, 72nd Coastal Missile Brigade, Etorofu / Iturup, \
         since November 2016"
    );
}

#[test]
fn no_1945_landing_force_is_in_place_today_and_bounds_wait_for_their_last_day() {
    let d = dataset();
    let at = |s: &str| in_place(&d, s);
    let today = at("2026-01-01");
    assert!(
        !today
            .iter()
            .any(|id| id.starts_with("soviet-landing-force")),
        "{today:?}"
    );
    assert!(at("1950-01-01").contains("soviet-landing-force-kunashiri"));
    assert!(at("1980-01-01").contains("garrison-shikotan"));
    // "by 2023-08": still shown on 30 August 2023, gone on the 31st.
    assert!(at("2023-08-30").contains("s-300v4-etorofu"));
    assert!(!at("2023-08-31").contains("s-300v4-etorofu"));
    assert!(!at("2023-08-31").contains("s-300v4-kunashiri"));
}

#[test]
fn records_dated_by_year_or_month_take_effect_on_their_last_day() {
    let d = dataset();
    let at = |s: &str| in_place(&d, s);
    let on_shikotan = |s: &str| -> Vec<String> {
        d.deployments_at(s.parse().expect("date"))
            .into_iter()
            .filter(|x| x.island == "shikotan")
            .map(|x| x.id.clone())
            .collect()
    };
    // Shikotan was Japanese until 1 September 1945: the border guards dated
    // "1945" are not there in March, nor in September; from 31 December.
    assert_eq!(on_shikotan("1945-03-01"), Vec::<String>::new());
    assert!(!at("1945-12-30").contains("border-guards-shikotan"));
    assert!(at("1945-12-31").contains("border-guards-shikotan"));
    // The landing force, ended in "1978" by the ground forces of "1978":
    // kept through 1978, handing over to them on its last day.
    assert!(at("1978-06-01").contains("soviet-landing-force-shikotan"));
    assert!(!at("1978-06-01").contains("garrison-shikotan"));
    assert!(!at("1978-12-31").contains("soviet-landing-force-shikotan"));
    assert!(at("1978-12-31").contains("garrison-shikotan"));
    // November 2016's coastal missiles: from the 30th.
    assert!(!at("2016-11-29").contains("bastion-etorofu"));
    assert!(at("2016-11-30").contains("bastion-etorofu"));
}

/// Each island's story (`model::story`) on the committed data: its events
/// and deployment changes together, in time order, in periods that meet,
/// with the famous records where a reader looks for them. Prints the
/// periods and their counts (`-- --nocapture`).
#[test]
fn every_island_tells_its_whole_story_in_periods() {
    use model::story::{Story, Strand};
    let data = dataset();
    let islands = Islands::parse("islands.toml", &read_geodata("islands.toml")).expect("islands");
    // Islets tell their group's story (the panel opens the group's).
    for island in islands.ids().filter(|id| islands.story_of(id) == *id) {
        let story = Story::build(island, &islands, &data);
        let entries: Vec<_> = story.groups.iter().flat_map(|g| &g.entries).collect();
        let counts: Vec<String> = story
            .groups
            .iter()
            .map(|g| format!("{} ({})", g.label, g.count))
            .collect();
        println!("{island}: {}", counts.join(", "));
        assert!(
            entries.windows(2).all(|w| w[0].date <= w[1].date),
            "{island}: in time order"
        );
        assert!(
            story.groups.windows(2).all(|w| w[0].until == w[1].from),
            "{island}: periods meet"
        );
        assert!(story.groups.len() >= 3, "{island}: at least the three eras");
        let events = data
            .query_events(&EventQuery {
                island: Some(island.to_owned()),
                ..Default::default()
            })
            .total;
        let changes = data.island_history(island).len();
        assert_eq!(
            entries.len(),
            events + changes,
            "{island}: every event and change, once"
        );
        assert!(
            entries.iter().any(|e| e.strand == Strand::DeploymentChange),
            "{island}: changes"
        );
        assert!(
            entries.iter().any(|e| e.event.is_some()),
            "{island}: events"
        );
    }
    let etorofu = Story::build("etorofu", &islands, &data);
    let find = |id: &str| etorofu.locate(Some(id), None, "2026-01-01".parse().expect("a day"));
    let (g, i) = find("treaty-of-shimoda-1855").expect("the 1855 treaty is in Etorofu's story");
    assert_eq!(etorofu.groups[g].entries[i].date.to_string(), "1855-02-07");
    assert_eq!(g, 0, "before Soviet control");
    let (g, _) = find("medvedev-visits-etorofu-2015").expect("Medvedev's 2015 visit");
    assert!(
        etorofu.groups[g].label.starts_with("2015–2019"),
        "{}",
        etorofu.groups[g].label
    );
    // Today's period, open when the panel opens, is short.
    let today = etorofu.groups.last().expect("a period");
    assert!(today.count <= 15, "{}: {}", today.label, today.count);
    let kunashiri = Story::build("kunashiri", &islands, &data);
    let date = "2026-01-01".parse().expect("a day");
    assert!(
        kunashiri
            .locate(Some("medvedev-visits-kunashiri-2010"), None, date)
            .is_some()
    );
}

#[test]
fn a_record_without_its_russian_text_is_refused_by_line() {
    let name = "geodata/events/events.toml";
    let mut files = data_files();
    let text = &mut files
        .iter_mut()
        .find(|(n, _)| n == name)
        .expect("events.toml")
        .1;
    // Cut the first event's `[events.ru]` table, up to the next record.
    let start = text.find("\n[events.ru]\n").expect("a Russian table");
    let end = start + text[start..].find("\n[[events]]").expect("a next record");
    text.replace_range(start..end, "\n");
    let errors = load_with(&files).expect_err("an untranslated record must be refused");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(&format!("{name}:"))
            && messages[0].contains("events[0].ru: no ru text"),
        "{messages:?}"
    );
}

#[test]
fn translated_text_is_served_in_its_language_with_names_in_its_script() {
    let d = dataset();
    let ja = d.in_language(model::i18n::Lang::Ja);
    let ru = d.in_language(model::i18n::Lang::Ru);
    for (lang, data) in [("ja", &ja), ("ru", &ru)] {
        assert!(data.events.iter().all(|e| e.text_lang == lang));
        assert!(data.deployments.iter().all(|x| x.text_lang == lang));
        assert!(data.annotations.iter().all(|x| x.text_lang == lang));
    }
    let bastion = |d: &Dataset| {
        d.deployment("bastion-etorofu")
            .expect("Bastion")
            .summary
            .clone()
    };
    // Names in the reader's script, both conventions (as the API's text).
    assert!(
        bastion(&ja).contains("択捉島 / イトゥルップ島"),
        "{}",
        bastion(&ja)
    );
    assert!(
        bastion(&ru).contains("Эторофу / Итуруп"),
        "{}",
        bastion(&ru)
    );
    // A Russian quote needs no Russian translation; an English one gets one.
    let rbc = ru
        .excerpt("rbc-2016-11-22-bastion-bal-1")
        .expect("RBC excerpt");
    assert_eq!(rbc.translation, None);
    let seed = ru
        .excerpts
        .iter()
        .find(|x| x.article == "seed-2017-03-20")
        .expect("seed");
    assert_eq!(seed.translation_lang.as_deref(), Some("ru"));
    assert!(
        seed.translation
            .as_deref()
            .is_some_and(|t| t.chars().any(|c| ('а'..='я').contains(&c)))
    );
}

/// The API's excerpt translations name islands as its other text fields do:
/// both conventions in the language's script, the `{id}` template beside.
#[test]
fn excerpt_translations_name_islands_and_keep_their_template() {
    let d = dataset();
    let id = "seed-land-to-air-missiles";
    for (lang, named) in [
        (Lang::Ja, "択捉島 / イトゥルップ島"),
        (Lang::Ru, "Эторофу / Итуруп"),
    ] {
        let view = d.in_language(lang);
        let x = view.excerpt(id).expect("the seed's November excerpt");
        let text = x.translation.as_deref().expect("a translation");
        assert!(
            text.contains(named) && !text.contains('{'),
            "{lang:?}: {text}"
        );
        let template = x.translation_template.as_deref().expect("a template");
        assert!(template.contains("{etorofu}"), "{lang:?}: {template}");
    }
    // No translation anywhere in any language keeps a raw reference.
    for lang in [Lang::En, Lang::Ja, Lang::Ru] {
        for x in &d.in_language(lang).excerpts {
            let text = x.translation.as_deref().unwrap_or("");
            assert!(!text.contains('{'), "{lang:?} {}: {text}", x.id);
        }
    }
}

#[test]
fn an_events_added_and_updated_days_are_checked() {
    let name = "geodata/events/events.toml";
    let id = "id = \"treaty-of-saint-petersburg-1875\"\n";
    let i = index_of(name, "[[events]]", id);
    let dataset = dataset();
    let event = dataset
        .event("treaty-of-saint-petersburg-1875")
        .expect("the event");
    let (added, updated) = (event.added, event.updated);
    assert!(added <= updated);
    let block = format!("{id}added = \"{added}\"\nupdated = \"{updated}\"\n");
    let cases = [
        (
            format!("{id}added = \"{added}\"\nupdated = \"2000-01-01\"\n"),
            2,
            format!(
                "events[{i}].updated: 2000-01-01 is before the day the record was added ({added})"
            ),
        ),
        (
            format!("{id}added = \"2026-02-30\"\nupdated = \"{updated}\"\n"),
            1,
            format!("events[{i}].added: 2026-02-30 is not a valid date"),
        ),
        (
            format!("{id}added = \"{added}\"\nupdated = \"2026-12\"\n"),
            2,
            format!("events[{i}].updated: 2026-12 is not a full date (YYYY-MM-DD)"),
        ),
        (
            format!("{id}added = \"{added}\"\nupdated = \"9999-12-31\"\n"),
            2,
            "after today".to_string(),
        ),
    ];
    for (broken, offset, expected) in cases {
        let (errors, line) = break_file(name, &block, &broken, 0);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        let message = errors[0].to_string();
        assert!(
            message.starts_with(&format!("{name}:{}: ", line + offset))
                && message.contains(&expected),
            "{message} (expected line {} and {expected:?})",
            line + offset
        );
    }
    // Both are required.
    let (errors, _) = break_file(name, &block, id, 0);
    assert!(
        errors
            .iter()
            .any(|e| e.field == "added" && e.message.contains("missing field")),
        "{errors:#?}"
    );
}

#[test]
fn a_record_without_its_translated_location_or_confidence_note_is_refused_by_line_and_field() {
    let name = "geodata/events/events.toml";
    let original = data_files();
    let text = &original
        .iter()
        .find(|(n, _)| n == name)
        .expect("events.toml")
        .1;
    let id_line = text[..text
        .find("id = \"battle-of-shumshu-1945\"")
        .expect("the event")]
        .matches('\n')
        .count()
        + 1;
    for (cut, field) in [
        ("location = \"Шумшу (северные Курилы)\"\n", "ru.location"),
        (
            "confidence_note = \"上陸日ははっきり記されているが",
            "ja.confidence_note",
        ),
    ] {
        let mut files = original.clone();
        let text = &mut files
            .iter_mut()
            .find(|(n, _)| n == name)
            .expect("events.toml")
            .1;
        let at = text.find(cut).expect("the translated field");
        let end = at + text[at..].find('\n').expect("its line") + 1;
        text.replace_range(at..end, "");
        let errors = load_with(&files).expect_err("an untranslated field must be refused");
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        let lang = &field[..2];
        let expected = format!("{name}:{id_line}: ");
        assert!(
            messages[0].starts_with(&expected)
                && messages[0].contains(&format!("{field}: no {lang} text for")),
            "{messages:?}"
        );
    }
}

#[test]
fn locations_and_confidence_notes_are_served_in_each_language() {
    let d = dataset();
    for (lang, in_script) in [
        (
            model::i18n::Lang::Ja,
            (|s: &str| s.chars().any(model::names::is_cjk)) as fn(&str) -> bool,
        ),
        (model::i18n::Lang::Ru, |s: &str| {
            s.chars().any(|c| ('а'..='я').contains(&c))
        }),
    ] {
        let view = d.in_language(lang);
        for (e, english) in view.events.iter().zip(&d.events) {
            assert_eq!(e.location.is_some(), english.location.is_some(), "{}", e.id);
            for text in [&e.location, &e.confidence_note].into_iter().flatten() {
                assert!(in_script(text), "{lang}: {}: {text}", e.id);
                assert!(!text.contains('{'), "{}: {text}", e.id);
            }
        }
        for x in &view.deployments {
            if let Some(note) = &x.confidence_note {
                assert!(in_script(note), "{lang}: {}: {note}", x.id);
            }
        }
    }
    let ru = d.in_language(model::i18n::Lang::Ru);
    let shumshu = ru.event("battle-of-shumshu-1945").expect("Shumshu");
    assert_eq!(shumshu.location.as_deref(), Some("Шумшу (северные Курилы)"));
}
