use super::*;
use crate::events::DataError;
use crate::geodata::LandCollection;

const FILE: &str = "geodata/islands.toml";
const TEXT: &str = include_str!("../../../geodata/islands.toml");

fn committed() -> Islands {
    Islands::parse(FILE, TEXT).unwrap_or_else(|errors| panic!("{errors:?}"))
}

fn day(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid date")
}

#[test]
fn the_committed_file_agrees_with_every_level_of_the_land() {
    let islands = committed();
    for (name, land) in [
        ("land-0", include_str!("../../../geodata/land-0.geojson")),
        ("land-1", include_str!("../../../geodata/land-1.geojson")),
        ("land-2", include_str!("../../../geodata/land-2.geojson")),
    ] {
        let land = LandCollection::from_json(land).expect("land parses");
        let problems = islands.check_land(FILE, TEXT, &land);
        assert!(problems.is_empty(), "{name}: {problems:?}");
    }
}

#[test]
fn each_island_changes_hands_on_its_own_landing_day_and_again_in_1991() {
    let islands = committed();
    let on = |id, date| islands.administration(id, date);
    assert_eq!(on("etorofu", day(1945, 8, 27)), Some(Administration::Japan));
    assert_eq!(
        on("etorofu", day(1945, 8, 28)),
        Some(Administration::SovietUnion)
    );
    assert_eq!(
        on("kunashiri", day(1945, 8, 31)),
        Some(Administration::Japan)
    );
    assert_eq!(
        on("kunashiri", day(1945, 9, 1)),
        Some(Administration::SovietUnion)
    );
    // Islets take their group's day; the group answers for itself.
    assert_eq!(on("suisho", day(1945, 9, 2)), Some(Administration::Japan));
    assert_eq!(
        on("suisho", day(1945, 9, 3)),
        Some(Administration::SovietUnion)
    );
    assert_eq!(on("habomai", day(1945, 9, 2)), Some(Administration::Japan));
    assert_eq!(
        on("shikotan", day(1991, 12, 25)),
        Some(Administration::SovietUnion)
    );
    assert_eq!(
        on("shikotan", day(1991, 12, 26)),
        Some(Administration::Russia)
    );
    assert_eq!(on("hokkaido", day(2000, 1, 1)), None);
    assert_eq!(islands.first_soviet_control(), Some(day(1945, 8, 28)));
    assert_eq!(Administration::SovietUnion.name(), "Soviet Union");
    assert_eq!(
        Administration::SovietUnion.in_sentence(),
        "the Soviet Union"
    );
    assert_eq!(Administration::Russia.in_sentence(), "Russia");
}

#[test]
fn populations_are_the_latest_count_and_islets_take_their_groups() {
    let islands = committed();
    let kunashiri = islands.population("kunashiri").expect("counted");
    assert_eq!(
        (kunashiri.people, kunashiri.as_of),
        (7_715, day(2023, 1, 1))
    );
    let taraku = islands.population("taraku").expect("the group's count");
    assert_eq!(taraku.people, 0);
    assert_eq!(taraku.note.as_deref(), Some("border guards only"));
    assert_eq!(islands.population("urup"), None);
}

#[test]
fn groups_are_entries_with_members_and_islets_tell_their_groups_story() {
    let islands = committed();
    let habomai = islands.find("habomai").expect("listed");
    assert_eq!(islands.group("habomai"), Some(habomai), "a group");
    assert_eq!(habomai.members().len(), 7);
    assert!(
        habomai
            .members()
            .iter()
            .all(|m| islands.island(m).is_some())
    );
    assert!(
        islands
            .find("etorofu")
            .is_some_and(|i| i.members().is_empty())
    );
    assert_eq!(islands.story_of("yuri"), "habomai");
    assert_eq!(islands.story_of("etorofu"), "etorofu");
    assert_eq!(islands.ids().filter(|id| *id == "habomai").count(), 1);
}

/// A copy of the committed file with one edit, which must be refused.
fn broken(from: &str, to: &str) -> Vec<DataError> {
    assert!(TEXT.contains(from), "the fixture edit must apply: {from}");
    let text = TEXT.replacen(from, to, 1);
    match Islands::parse(FILE, &text) {
        Ok(_) => panic!("accepted a copy with {to:?}"),
        Err(errors) => errors,
    }
}

fn line_of(needle: &str) -> usize {
    let byte = TEXT.find(needle).expect("in the file");
    TEXT[..byte].matches('\n').count() + 1
}

#[test]
fn a_group_member_that_is_not_an_island_is_refused_at_the_group() {
    let errors = broken("\"harukaru\"]", "\"harukaru\", \"atlantis\"]");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, line_of("id = \"habomai\""));
    assert_eq!(errors[0].field, "members");
    assert!(errors[0].message.contains("atlantis"), "{}", errors[0]);
}

#[test]
fn an_island_without_a_soviet_control_date_or_group_is_refused() {
    let from = "soviet_control = \"1945-08-28\"\nsoviet_control_source = \"https://kuril.info/occupation/\"\n";
    let errors = broken(from, "");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        (errors[0].line, errors[0].field.as_str()),
        (line_of("id = \"etorofu\""), "soviet_control")
    );
}

#[test]
fn a_group_without_members_or_an_island_with_them_is_refused() {
    let empty = broken(
        "members = [\"suisho\", \"yuri\", \"akiyuri\", \"shibotsu\", \"taraku\", \"kaigara\", \"harukaru\"]",
        "members = []",
    );
    assert!(
        empty
            .iter()
            .any(|e| e.field == "members" && e.line == line_of("id = \"habomai\"")),
        "{empty:?}"
    );
    let island = broken(
        "id = \"shikotan\"\n",
        "id = \"shikotan\"\nmembers = [\"yuri\"]\n",
    );
    assert!(
        island.iter().any(|e| e.message.contains("only groups")),
        "{island:?}"
    );
}

#[test]
fn an_area_without_its_source_is_refused() {
    let from =
        "official_area_source = \"https://www.hoppou.go.jp/archives/basics/islands1.html\"\n";
    let errors = broken(from, "");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "official_area_km2_source");
    assert_eq!(errors[0].line, line_of("id = \"etorofu\""));
}

#[test]
fn an_area_publisher_without_its_japanese_name_is_refused() {
    let errors = broken("official_area_publisher_ja = \"国土地理院\"\n", "");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "official_area_publisher_ja");
    assert_eq!(errors[0].line, line_of("id = \"etorofu\""));
}

#[test]
fn duplicate_ids_unknown_fields_and_bad_sources_are_refused() {
    let twice = broken("id = \"harukaru\"", "id = \"kaigara\"");
    assert!(
        twice.iter().any(|e| e.message.contains("listed twice")),
        "{twice:?}"
    );
    let unknown = broken(
        "name_en = \"Etorofu\"",
        "name_en = \"Etorofu\"\nname_fr = \"Itouroup\"",
    );
    assert_eq!(
        unknown[0].line,
        line_of("name_en = \"Etorofu\"") + 1,
        "{unknown:?}"
    );
    let url = broken("\"https://hoppou.blog/?p=3251\"", "\"hoppou.blog/?p=3251\"");
    assert!(
        url.iter().any(|e| e.field == "population.source"),
        "{url:?}"
    );
}

#[test]
fn a_name_that_differs_from_the_land_outlines_is_reported() {
    let islands = Islands::parse(FILE, &TEXT.replacen("\"Кунашир\"", "\"Кунаширь\"", 1))
        .expect("valid on its own");
    let land = LandCollection::from_json(include_str!("../../../geodata/land-0.geojson"))
        .expect("land parses");
    let problems = islands.check_land(FILE, TEXT, &land);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "name_ru");
    assert_eq!(problems[0].line, line_of("id = \"kunashiri\""));
}

#[test]
fn choosing_a_group_selects_its_members_and_an_island_only_itself() {
    let islands = committed();
    assert!(islands.selects("habomai", "taraku", None));
    assert!(islands.selects("habomai", "taraku-islets", Some("taraku")));
    assert!(islands.selects("etorofu", "etorofu", None));
    assert!(!islands.selects("etorofu", "etorofu-islets", Some("etorofu")));
    assert!(!islands.selects("habomai", "shikotan", None));
    assert!(!islands.selects("taraku", "yuri", None));
}

#[test]
fn a_count_needs_its_source_kind_and_a_secondary_count_its_caveat() {
    let errors = broken("kind = \"blog\", caveat", "caveat");
    assert_eq!(errors[0].field, "population.kind", "{errors:?}");
    let caveat = ", caveat = \"secondary source (a blog) summarising Hokkaido Shimbun's report of Rosstat figures\"";
    let errors = broken(caveat, "");
    assert_eq!(errors[0].field, "population.caveat", "{errors:?}");
    assert!(errors[0].message.contains("blog"), "{errors:?}");
    assert_eq!(errors[0].line, line_of("id = \"etorofu\""));
}

#[test]
fn the_masthead_note_names_the_convention_and_who_held_the_islands_that_day() {
    use crate::i18n::{Lang, committed as catalogue};
    let islands = committed();
    let en = catalogue(Lang::En);
    assert_eq!(
        islands.masthead_note(NameStyle::Both, None, &en),
        "Names: Japanese / Russian. The islands are administered by Russia and claimed by Japan."
    );
    let shimoda = islands.masthead_note(NameStyle::Russian, Some(day(1855, 3, 1)), &en);
    assert_eq!(
        shimoda,
        "Names: Russian only. On this date the islands were administered by Japan."
    );
    let cold_war = islands.masthead_note(NameStyle::Japanese, Some(day(1960, 1, 1)), &en);
    assert!(cold_war.contains("the Soviet Union"), "{cold_war}");
    let ja = islands.masthead_note(NameStyle::Japanese, None, &catalogue(Lang::Ja));
    assert!(
        ja.contains("ロシアが管轄し、日本が領有権を主張している"),
        "{ja}"
    );
    let ru = islands.masthead_note(NameStyle::Russian, None, &catalogue(Lang::Ru));
    assert!(
        ru.contains("находятся под управлением России, Япония считает их своими"),
        "{ru}"
    );
}

#[test]
fn the_list_gives_every_island_and_group_once_members_under_their_group() {
    let islands = committed();
    let list = islands.list_order();
    assert_eq!(list.len(), islands.islands.len() + islands.groups.len());
    for (at, (entry, member)) in list.iter().enumerate() {
        assert_eq!(list.iter().filter(|(e, _)| e.id == entry.id).count(), 1);
        if *member {
            let group = islands.group_of(&entry.id).expect("a member's group");
            let above = list[..at]
                .iter()
                .rev()
                .find(|(_, m)| !m)
                .expect("its group");
            assert_eq!(above.0.id, group.id, "{} under its group", entry.id);
        }
    }
}
