use super::*;
use crate::i18n::Lang;
use std::collections::BTreeMap;

fn catalogue(lang: Lang) -> Catalogue {
    let files: [(&str, &str); 2] = match lang {
        Lang::En => [
            (
                "dates.ftl",
                include_str!("../../../assets/i18n/en/dates.ftl"),
            ),
            ("cite.ftl", include_str!("../../../assets/i18n/en/cite.ftl")),
        ],
        Lang::Ja => [
            (
                "dates.ftl",
                include_str!("../../../assets/i18n/ja/dates.ftl"),
            ),
            ("cite.ftl", include_str!("../../../assets/i18n/ja/cite.ftl")),
        ],
        Lang::Ru => [
            (
                "dates.ftl",
                include_str!("../../../assets/i18n/ru/dates.ftl"),
            ),
            ("cite.ftl", include_str!("../../../assets/i18n/ru/cite.ftl")),
        ],
    };
    Catalogue::parse(lang, &files).expect("the committed catalogues parse")
}

const URL: &str = "https://atlas.example/?island=etorofu&date=2017-01-01";

fn work(title: &str) -> Work<'_> {
    Work {
        title,
        author: "Kuril Atlas",
        url: URL,
        revision: "0123456789ab",
        issued: Date::new(2026, 11, 30).expect("date"),
        accessed: Date::new(2026, 12, 3).expect("date"),
    }
}

#[test]
fn one_view_in_every_format_in_english() {
    let c = work("Etorofu / Iturup, as of 1 January 2017").cite(&catalogue(Lang::En));
    assert_eq!(
        c.apa,
        "Kuril Atlas. (2026). Etorofu / Iturup, as of 1 January 2017 (Data revision 0123456789ab) \
         [Data set]. Retrieved December 3, 2026, from https://atlas.example/?island=etorofu&date=2017-01-01"
    );
    assert_eq!(
        c.chicago,
        "Kuril Atlas. “Etorofu / Iturup, as of 1 January 2017.” Data set, data revision 0123456789ab. \
         Kuril Atlas, 2026. Accessed December 3, 2026. https://atlas.example/?island=etorofu&date=2017-01-01."
    );
    assert_eq!(
        c.bibtex,
        "@misc{kurilatlas-0123456789ab,\n\
         \x20 author = {{Kuril Atlas}},\n\
         \x20 title = {{Etorofu / Iturup, as of 1 January 2017}},\n\
         \x20 year = {2026},\n\
         \x20 publisher = {Kuril Atlas},\n\
         \x20 version = {0123456789ab},\n\
         \x20 howpublished = {\\url{https://atlas.example/?island=etorofu&date=2017-01-01}},\n\
         \x20 url = {https://atlas.example/?island=etorofu&date=2017-01-01},\n\
         \x20 urldate = {2026-12-03},\n\
         \x20 note = {Data revision 0123456789ab},\n\
         \x20 language = {en},\n\
         }"
    );
    assert_eq!(
        c.csl_json,
        r#"[
  {
    "URL": "https://atlas.example/?island=etorofu&date=2017-01-01",
    "accessed": {
      "date-parts": [
        [
          2026,
          12,
          3
        ]
      ]
    },
    "author": [
      {
        "literal": "Kuril Atlas"
      }
    ],
    "id": "kurilatlas-0123456789ab",
    "issued": {
      "date-parts": [
        [
          2026,
          11,
          30
        ]
      ]
    },
    "language": "en",
    "medium": "Interactive map and data set",
    "publisher": "Kuril Atlas",
    "title": "Etorofu / Iturup, as of 1 January 2017",
    "type": "dataset",
    "version": "0123456789ab"
  }
]"#
    );
}

#[test]
fn japanese_and_russian_word_the_dates_their_own_way() {
    let ja = work("択捉島（2017年1月1日時点）").cite(&catalogue(Lang::Ja));
    assert_eq!(
        ja.apa,
        "Kuril Atlas（2026）『択捉島（2017年1月1日時点）』（データ版 0123456789ab）［データセット］。\
         2026年12月3日閲覧、https://atlas.example/?island=etorofu&date=2017-01-01"
    );
    let ru = work("Итуруп на 1 января 2017 г.").cite(&catalogue(Lang::Ru));
    assert_eq!(
        ru.chicago,
        "Kuril Atlas. «Итуруп на 1 января 2017 г.». Набор данных, ревизия данных 0123456789ab. \
         Kuril Atlas, 2026. https://atlas.example/?island=etorofu&date=2017-01-01 (дата обращения: 3 декабря 2026 г.)."
    );
}

/// A minimal BibTeX reader: the entry type, the key, and each field's
/// value with TeX's escapes undone, refusing unbalanced braces.
fn parse_bibtex(text: &str) -> (String, String, BTreeMap<String, String>) {
    let text = text.trim();
    let body = text.strip_prefix('@').expect("@type");
    let open = body.find('{').expect("{");
    let kind = body[..open].to_owned();
    let inner = body[open + 1..].strip_suffix('}').expect("closing brace");
    let comma = inner.find(',').expect("key,");
    let key = inner[..comma].to_owned();
    let mut fields = BTreeMap::new();
    let mut rest = &inner[comma + 1..];
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().to_owned();
        let value = rest[eq + 1..].trim_start();
        assert!(value.starts_with('{'), "{name} is braced");
        let (mut depth, mut end, mut escaped) = (0, None, false);
        for (i, c) in value.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let end = end.expect("balanced braces");
        let raw = &value[1..end];
        let unescaped = raw
            .replace("\\textbackslash{}", "\\")
            .replace("\\textasciicircum{}", "^")
            .replace("\\textasciitilde{}", "~");
        let mut plain = String::new();
        let mut chars = unescaped.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('\\', Some(n)) if "{}%&_#$".contains(*n) => {
                    plain.push(*n);
                    chars.next();
                }
                _ => plain.push(c),
            }
        }
        fields.insert(name, plain);
        rest = value[end + 1..].trim_start().trim_start_matches(',');
    }
    (kind, key, fields)
}

#[test]
fn bibtex_escapes_what_tex_reads_and_keeps_unicode() {
    let title = "50% of {Habomai} & Shikotan_1 #2 $3 ^~\\ 歯舞 Шикотан";
    let c = work(title).cite(&catalogue(Lang::En));
    let (kind, key, fields) = parse_bibtex(&c.bibtex);
    assert_eq!(
        (kind.as_str(), key.as_str()),
        ("misc", "kurilatlas-0123456789ab")
    );
    // The title is wrapped once more to keep its capitals.
    assert_eq!(
        fields["title"],
        format!("{{{title}}}").replace("{{", "{").replace("}}", "}")
    );
    assert!(
        c.bibtex
            .contains("50\\% of \\{Habomai\\} \\& Shikotan\\_1 \\#2 \\$3")
    );
    assert!(c.bibtex.contains("歯舞 Шикотан"), "UTF-8 left as it is");
    assert_eq!(fields["urldate"], "2026-12-03");
    assert_eq!(fields["url"], URL);
    assert_eq!(fields["version"], "0123456789ab");
}

#[test]
fn csl_json_is_one_dataset_item_a_reference_manager_reads() {
    let title = "A \"quoted\" </script> title";
    let c = work(title).cite(&catalogue(Lang::En));
    let items: serde_json::Value = serde_json::from_str(&c.csl_json).expect("valid JSON");
    let item = &items[0];
    assert_eq!(items.as_array().map(Vec::len), Some(1));
    assert_eq!(item["type"], "dataset");
    assert_eq!(item["title"], title);
    assert_eq!(item["URL"], URL);
    assert_eq!(item["version"], "0123456789ab");
    assert_eq!(
        item["accessed"]["date-parts"][0],
        serde_json::json!([2026, 12, 3])
    );
    assert_eq!(item["issued"]["date-parts"][0][0], 2026);
}
