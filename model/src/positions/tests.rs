use super::*;
use crate::events::{DataError, Known};
use crate::geodata::PlaceCollection;
use crate::i18n::{Catalogue, Lang};

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

/// The committed catalogue of `lang` (every file, as the server joins them).
fn catalogue(lang: Lang) -> Catalogue {
    let dir = format!(
        "{}/../assets/i18n/{}",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the catalogue's folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("a readable catalogue");
            (p.display().to_string(), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Catalogue::parse(lang, &refs).expect("the catalogue parses")
}

fn japanese(s: &str) -> bool {
    s.chars().any(crate::names::is_cjk)
}

fn cyrillic(s: &str) -> bool {
    s.chars()
        .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c)))
}

#[test]
fn the_panel_line_reads_in_each_language() {
    let positions = parse(COMMITTED).expect("parses");
    let en = positions.panel_line_in(&catalogue(Lang::En));
    assert_eq!(en, positions.panel_line());
    let ja = positions.panel_line_in(&catalogue(Lang::Ja));
    assert!(ja.starts_with("日本："), "{ja}");
    assert!(ja.contains(" · ロシア："), "{ja}");
    assert!(
        ja.contains("日本固有の領土") && !ja.contains("territory"),
        "{ja}"
    );
    let ru = positions.panel_line_in(&catalogue(Lang::Ru));
    assert!(
        ru.starts_with("Япония: ") && ru.contains(" · Россия: "),
        "{ru}"
    );
    assert!(ru.contains("исконная территория Японии"), "{ru}");
    assert!(!ru.chars().any(|c| c.is_ascii_alphabetic()), "{ru}");
}

#[test]
fn each_language_has_our_words_and_the_statements_verbatim() {
    let positions = parse(COMMITTED).expect("parses");
    for (lang, in_script) in [
        (Lang::Ja, japanese as fn(&str) -> bool),
        (Lang::Ru, cyrillic),
    ] {
        let view = positions.in_language(lang);
        for (p, original) in view.positions.iter().zip(&positions.positions) {
            assert!(in_script(&p.name) && in_script(&p.summary) && in_script(&p.line));
            // The same references, rendered later in the reader's script.
            let ids = |t: &str| -> Vec<String> {
                references(t)
                    .into_iter()
                    .filter(|(_, r)| *r)
                    .map(|(id, _)| id.to_owned())
                    .collect()
            };
            assert_eq!(
                ids(&p.summary),
                ids(&original.summary),
                "{lang}: {}",
                p.summary
            );
            assert_eq!(p.points.len(), original.points.len());
            for (point, was) in p.points.iter().zip(&original.points) {
                assert!(in_script(&point.text), "{lang}: {}", point.text);
                assert_eq!(point.sources, was.sources);
            }
            for (st, was) in p.statements.iter().zip(&original.statements) {
                assert_eq!(st.quote, was.quote, "quotes stay verbatim");
                assert!(in_script(&st.speaker), "{lang}: {}", st.speaker);
                if st.source.language == lang.code() {
                    assert_eq!(st.translation, None, "{lang}: {}", st.quote);
                } else {
                    let t = st.translation.as_deref().unwrap_or_default();
                    assert!(in_script(t), "{lang}: no translation of {}", st.quote);
                }
            }
        }
    }
    // English is the data as loaded.
    assert_eq!(positions.in_language(Lang::En), positions);
}

#[test]
fn a_point_without_its_russian_or_a_misnamed_table_is_refused_by_line_and_field() {
    let from = "\n[positions.points.ru]\ntext = \"Договор 1855 года";
    let at = COMMITTED.find(from).expect("the first point's Russian");
    let end = at + 1 + COMMITTED[at + 1..].find("\n\n").expect("its end");
    let mut text = COMMITTED.to_owned();
    text.replace_range(at..end, "");
    let errors = parse(&text).expect_err("a point without Russian was accepted");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let point = line_of("text = \"The 1855 treaty between Japan and Russia");
    assert_eq!(errors[0].line, point - 1, "{errors:#?}");
    assert_eq!(errors[0].field, "positions[0].points[0].ru");
    assert!(
        errors[0].to_string().starts_with("positions.toml:"),
        "{}",
        errors[0]
    );
    assert!(errors[0].message.contains("no ru text"), "{errors:#?}");
    let errors = broken(
        "[positions.ja]\nname = \"日本国政府\"",
        "[positions.jp]\nname = \"日本国政府\"",
    );
    assert!(errors[0].message.contains("jp"), "{errors:#?}");
}

#[test]
fn translated_words_are_checked_like_the_english() {
    // A statement in Japanese needs no Japanese translation.
    let errors = broken(
        "[positions.statements.ja]\nspeaker = \"日本国内閣府\"",
        "[positions.statements.ja]\nspeaker = \"日本国内閣府\"\ntranslation = \"同じ文\"",
    );
    let header = line_of("[positions.statements.ja]\nspeaker = \"日本国内閣府\"");
    assert!(has(&errors, header, "ja.translation"), "{errors:#?}");
    // A Russian statement needs a Japanese one.
    let errors = broken(
        "translation = \"南クリル諸島は第二次世界大戦の結果として",
        "note = \"南クリル諸島は第二次世界大戦の結果として",
    );
    assert!(errors[0].message.contains("note"), "{errors:#?}");
    // No island spelt out, no unknown reference, nothing empty.
    let errors = broken("日本は、{etorofu}、", "日本は、択捉島、");
    assert!(
        errors
            .iter()
            .any(|e| e.field == "positions[0].ja.summary" && e.message.contains("spells out")),
        "{errors:#?}"
    );
    let errors = broken(
        "line = \"исконная территория Японии",
        "line = \"{kunashiri} исконная территория Японии",
    );
    assert!(
        errors.iter().any(|e| e.field == "positions[0].ru.line"),
        "{errors:#?}"
    );
    let errors = broken(
        "speaker = \"Сергей Лавров, министр иностранных дел России, на ежегодной пресс-конференции\"",
        "speaker = \" \"",
    );
    assert!(
        errors
            .iter()
            .any(|e| e.field.ends_with("statements[1].ru.speaker")),
        "{errors:#?}"
    );
}
