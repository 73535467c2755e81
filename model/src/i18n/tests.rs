use super::*;
use crate::events::PartialDate;

fn catalogue(lang: Lang, text: &str) -> Catalogue {
    match Catalogue::parse(lang, &[("test.ftl", text)]) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

const SAMPLE: &str = r#"
# a comment
title = Kuril Atlas
greeting = Hello, { $name }!
events = { $count ->
    [0] no events
    [one] { $count } event
   *[other] { $count } events
}
wrapped =
    Long text
    on two lines.
quoted = { "[" }brackets{ "]" }
nested = Before { title } after
"#;

#[test]
fn text_variables_references_and_literals_format() {
    let c = catalogue(Lang::En, SAMPLE);
    assert_eq!(c.text("title"), "Kuril Atlas");
    assert_eq!(
        c.format("greeting", &[("name", "Ana".into())]),
        "Hello, Ana!"
    );
    assert_eq!(c.text("wrapped"), "Long text on two lines.");
    assert_eq!(c.text("quoted"), "[brackets]");
    assert_eq!(c.text("nested"), "Before Kuril Atlas after");
}

#[test]
fn selectors_take_exact_values_then_plural_categories() {
    let c = catalogue(Lang::En, SAMPLE);
    let events = |n: i64| c.format("events", &[("count", n.into())]);
    assert_eq!(events(0), "no events");
    assert_eq!(events(1), "1 event");
    assert_eq!(events(2), "2 events");
    let ru = catalogue(
        Lang::Ru,
        "n = { $count ->\n  [one] { $count } событие\n  [few] { $count } события\n *[many] { $count } событий\n}\n",
    );
    let n = |k: i64| ru.format("n", &[("count", k.into())]);
    assert_eq!(
        [n(1), n(3), n(5), n(11), n(21), n(102)],
        [
            "1 событие",
            "3 события",
            "5 событий",
            "11 событий",
            "21 событие",
            "102 события"
        ]
    );
}

#[test]
fn gaps_show_as_themselves() {
    let c = catalogue(Lang::En, SAMPLE);
    assert_eq!(c.text("no-such-key"), "no-such-key");
    assert_eq!(c.text("greeting"), "Hello, {$name}!");
    assert_eq!(
        c.variables("events").into_iter().collect::<Vec<_>>(),
        ["count"]
    );
}

#[test]
fn what_the_subset_lacks_is_refused_with_its_line() {
    for (text, line) in [
        ("a = ok\nb = { -term }\n", 2),
        ("a = ok\n\nb = { $n ->\n [one] x\n}\n", 3),
        ("bad key = x\n", 1),
        ("a = \n", 1),
        ("a = x\na = y\n", 2),
        ("  indented = x\n", 1),
    ] {
        let e = Catalogue::parse(Lang::En, &[("f.ftl", text)]).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("f.ftl", line), "{text:?}: {e}");
    }
}

fn real(lang: Lang) -> Catalogue {
    let dir = format!(
        "{}/../assets/i18n/{}",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let text = std::fs::read_to_string(format!("{dir}/dates.ftl")).expect("dates.ftl");
    match Catalogue::parse(lang, &[("dates.ftl", &text)]) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn dates_read_naturally_in_each_language() {
    let d = |s: &str| s.parse::<PartialDate>().expect(s);
    let cases = [
        (
            "2016-11-22",
            ["on 22 November 2016", "2016年11月22日", "22 ноября 2016 г."],
        ),
        (
            "2016-11",
            ["in November 2016", "2016年11月", "в ноябре 2016 г."],
        ),
        ("1945", ["in 1945", "1945年", "в 1945 г."]),
        (
            "by 2023-08",
            ["by August 2023", "2023年8月までに", "к августу 2023 г."],
        ),
    ];
    for (date, [en, ja, ru]) in cases {
        assert_eq!(real(Lang::En).date_in_words(&d(date)), en);
        assert_eq!(real(Lang::Ja).date_in_words(&d(date)), ja);
        assert_eq!(real(Lang::Ru).date_in_words(&d(date)), ru);
    }
    assert_eq!(real(Lang::Ru).date_words(&d("2016-11")), "ноябрь 2016 г.");
    // The English catalogue says what the English code always said.
    for date in ["1945", "2016-11", "2016-11-22", "by 2023-08"] {
        assert_eq!(real(Lang::En).date_in_words(&d(date)), d(date).in_words());
    }
}

#[test]
fn the_browser_s_first_language_the_app_has_wins() {
    assert_eq!(Lang::negotiate(["de-DE", "ru-RU", "ja"]), Lang::Ru);
    assert_eq!(Lang::negotiate(["ja-JP"]), Lang::Ja);
    assert_eq!(Lang::negotiate(["fr"]), Lang::En);
    assert_eq!(Lang::from_accept_language("ja;q=0.1, en;q=0.9"), Lang::En);
    assert_eq!(Lang::from_accept_language("ja;q=0, ru"), Lang::Ru);
    assert_eq!(Lang::from_accept_language(""), Lang::En);
    assert_eq!("ja".parse::<Lang>(), Ok(Lang::Ja));
    assert!("JA".parse::<Lang>().is_err());
}
