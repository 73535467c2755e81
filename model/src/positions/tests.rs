use super::*;
use crate::events::{DataError, Known};
use crate::geodata::PlaceCollection;

const COMMITTED: &str = include_str!("../../../geodata/positions.toml");

fn known() -> Known {
    let islands = crate::islands::committed();
    let land = include_str!("../../../geodata/land-0.geojson");
    let land = crate::geodata::LandCollection::from_json(land).expect("land parses");
    let places = include_str!("../../../geodata/places.geojson");
    islands.known(
        &land,
        &PlaceCollection::from_json(places).expect("places parse"),
    )
}

/// The committed list of denied domains, as the events data loads it.
fn denylist() -> crate::events::Denylist {
    let file = include_str!("../../../geodata/events/denylist.toml");
    crate::events::Dataset::load_any_language(&[("denylist.toml", file)], &Known::default())
        .expect("the denylist loads")
        .denylist
}

fn parse(text: &str) -> Result<Positions, Vec<DataError>> {
    Positions::parse("positions.toml", text, &known(), &denylist())
}

/// The errors of `text` with `from` replaced by `to` (once), which must fail.
fn broken(from: &str, to: &str) -> Vec<DataError> {
    assert!(COMMITTED.contains(from), "{from:?} is not in the file");
    let text = COMMITTED.replacen(from, to, 1);
    match parse(&text) {
        Ok(_) => panic!("accepted with {from:?} -> {to:?}"),
        Err(errors) => errors,
    }
}

fn line_of(needle: &str) -> usize {
    let at = COMMITTED.find(needle).expect("in the file");
    COMMITTED[..at].matches('\n').count() + 1
}

fn has(errors: &[DataError], line: usize, field: &str) -> bool {
    errors
        .iter()
        .any(|e| e.line == line && e.field.ends_with(field))
}

#[test]
fn the_committed_positions_state_both_governments_with_sources_and_statements() {
    let positions = parse(COMMITTED).unwrap_or_else(|e| panic!("{e:#?}"));
    let governments: Vec<_> = positions.positions.iter().map(|p| p.government).collect();
    assert_eq!(governments, Government::ALL);
    for p in &positions.positions {
        assert!(p.points.len() >= 3, "{:?}: too few points", p.government);
        assert!(
            p.statements.len() >= 2,
            "{:?}: too few statements",
            p.government
        );
        let official = p
            .points
            .iter()
            .flat_map(|pt| &pt.sources)
            .filter(|s| s.kind == crate::events::SourceKind::Official)
            .count();
        if p.government == Government::Japan {
            assert!(official > 0, "Japan's position cites no official page");
        }
    }
    let line = positions.panel_line();
    assert!(
        line.starts_with("Japan: ") && line.contains(" · Russia: "),
        "{line}"
    );
}

#[test]
fn the_panel_line_and_the_summaries_name_no_island_literally() {
    let positions = parse(COMMITTED).expect("parses");
    let islands = crate::islands::committed();
    for p in &positions.positions {
        for island in islands.islands.iter().chain(&islands.groups) {
            for name in island.romaji() {
                let name = crate::names::bare_japanese(name);
                for text in [&p.line, &p.summary] {
                    let plain: String = references(text)
                        .into_iter()
                        .filter(|(_, r)| !r)
                        .map(|(t, _)| t)
                        .collect();
                    assert!(!plain.contains(name), "{name:?} spelled in {text:?}");
                }
            }
        }
    }
}

#[test]
fn an_unknown_government_is_refused_on_its_line() {
    let errors = broken("government = \"russia\"", "government = \"ussr\"");
    let line = line_of("government = \"russia\"");
    assert!(has(&errors, line, "government"), "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("\"russia\" is stated 0 times"))
    );
}

#[test]
fn a_statement_not_in_english_needs_its_translation() {
    let from = "translation = \"The southern Kurils belong";
    let errors = broken(from, "translator = \"The southern Kurils belong");
    assert!(errors[0].message.contains("translator"), "{errors:#?}");
    let text = COMMITTED.replacen(
        "translation = \"The southern Kurils belong to the Russian Federation as a result of the Second World War; Russian sovereignty over them is not open to doubt.\"\n",
        "",
        1,
    );
    let errors = parse(&text).expect_err("no translation accepted");
    assert!(
        errors
            .iter()
            .any(|e| e.field.ends_with("statements[0].translation")),
        "{errors:#?}"
    );
}

#[test]
fn an_unknown_island_reference_is_refused() {
    let errors = broken("{kunashiri}, {shikotan}", "{kunasiri}, {shikotan}");
    let line = line_of("{kunashiri}, {shikotan}");
    assert!(has(&errors, line, "summary"), "{errors:#?}");
    assert!(errors[0].message.contains("{kunasiri}"), "{errors:#?}");
}

#[test]
fn a_source_without_kind_or_from_a_denied_host_is_refused() {
    let from =
        "outlet = \"Rossiyskaya Gazeta\", language = \"ru\", kind = \"newspaper\", published";
    let errors = broken(
        from,
        "outlet = \"Rossiyskaya Gazeta\", language = \"ru\", published",
    );
    assert!(
        errors.iter().any(|e| e.field.ends_with("sources[0].kind")),
        "{errors:#?}"
    );
    let errors = broken(
        "http://tass.com/russia/719649",
        "https://www.piglix.com/russia/719649",
    );
    let line = line_of("http://tass.com/russia/719649");
    assert!(has(&errors, line, "url"), "{errors:#?}");
}

#[test]
fn a_point_resting_only_on_a_blog_is_refused() {
    let at = COMMITTED.find("text = \"Moscow treats").expect("the point");
    let kind = at + COMMITTED[at..].find("broadcaster").expect("its source");
    let text = format!(
        "{}blog{}",
        &COMMITTED[..kind],
        &COMMITTED[kind + "broadcaster".len()..]
    );
    let errors = parse(&text).expect_err("a point on a blog alone was accepted");
    assert!(
        errors
            .iter()
            .any(|e| e.field == "positions[1].points[3].sources"),
        "{errors:#?}"
    );
}

#[test]
fn the_panel_line_may_not_name_islands_and_syntax_errors_have_lines() {
    let from = "line = \"inherent Japanese territory";
    let errors = broken(from, "line = \"{etorofu}: inherent Japanese territory");
    assert!(has(&errors, line_of(from), "line"), "{errors:#?}");
    let errors = broken("said = \"2019-01-16\"", "said = 2019-01-16x");
    assert_eq!(
        errors[0].line,
        line_of("said = \"2019-01-16\""),
        "{errors:#?}"
    );
}

#[test]
fn references_split_text_and_ids() {
    assert_eq!(
        references("a {b} c{d}"),
        vec![("a ", false), ("b", true), (" c", false), ("d", true)]
    );
    assert_eq!(references("plain"), vec![("plain", false)]);
}
