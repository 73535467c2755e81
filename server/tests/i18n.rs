//! The server in three languages, through the real router: the API's
//! `lang=`, `Content-Language` and `Vary`, the page's meta tags and first
//! paint in the link's (or the reader's) language, and link previews
//! drawn in Japanese.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

mod support;

use support::{Answer, app, get, send};

fn is_japanese(text: &str) -> bool {
    text.chars().any(model::names::is_cjk)
}

fn is_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

async fn json(uri: &str) -> (Answer, Value) {
    let answer = get(uri).await;
    assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text());
    let value = serde_json::from_slice(&answer.body).expect("json");
    (answer, value)
}

async fn get_with(uri: &str, accept_language: &str) -> Answer {
    let request = Request::get(uri)
        .header("host", "atlas.example")
        .header("accept-language", accept_language)
        .body(Body::empty())
        .expect("request");
    send(app(), request).await
}

#[tokio::test]
async fn events_come_in_the_language_asked_for() {
    let (answer, ja) = json("/api/events?lang=ja&limit=1000").await;
    assert_eq!(answer.header("content-language"), "ja");
    assert!(
        !answer.vary_names().contains(&"accept-language".to_owned()),
        "the API does not negotiate"
    );
    let items = ja["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for e in items {
        assert_eq!(e["text_lang"], "ja", "{}", e["id"]);
        assert!(
            is_japanese(e["title"].as_str().unwrap_or("")),
            "{}",
            e["title"]
        );
    }
    let (answer, en) = json("/api/events?limit=1000").await;
    assert_eq!(answer.header("content-language"), "en");
    assert_eq!(en["items"][0]["text_lang"], "en");
    assert_eq!(en["total"], ja["total"]);
    assert_ne!(en["items"][0]["title"], ja["items"][0]["title"]);
    // One event, in Russian.
    let id = ja["items"][0]["id"].as_str().expect("id");
    let (answer, ru) = json(&format!("/api/events/{id}?lang=ru")).await;
    assert_eq!(answer.header("content-language"), "ru");
    assert_eq!(ru["event"]["text_lang"], "ru");
    assert!(is_cyrillic(ru["event"]["title"].as_str().unwrap_or("")));
}

#[tokio::test]
async fn deployments_islands_and_articles_come_in_the_language_asked_for() {
    let (answer, list) = json("/api/deployments?lang=ru").await;
    assert_eq!(answer.header("content-language"), "ru");
    for d in list["items"].as_array().expect("items") {
        assert_eq!(d["text_lang"], "ru", "{}", d["id"]);
        assert!(
            is_cyrillic(d["unit"].as_str().unwrap_or("")),
            "{}",
            d["unit"]
        );
    }
    let (_, geo) = json("/api/deployments.geojson?lang=ja&at=2020-01-01").await;
    let unit = geo["features"][0]["properties"]["unit"]
        .as_str()
        .unwrap_or("");
    assert!(is_japanese(unit), "{unit}");
    let id = list["items"][0]["id"].as_str().expect("id");
    let (answer, one) = json(&format!("/api/deployments/{id}?lang=ja")).await;
    assert_eq!(answer.header("content-language"), "ja");
    assert!(is_japanese(
        one["deployment"]["unit"].as_str().unwrap_or("")
    ));

    let (answer, island) = json("/api/islands/etorofu?lang=ja").await;
    assert_eq!(answer.header("content-language"), "ja");
    let titles: Vec<&str> = island["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["title"].as_str())
        .collect();
    assert!(
        !titles.is_empty() && titles.iter().all(|t| is_japanese(t)),
        "{titles:?}"
    );

    let (answer, articles) = json("/api/articles?lang=ja").await;
    assert_eq!(answer.header("content-language"), "ja");
    let text = articles.to_string();
    assert!(
        text.contains("\"translation_lang\":\"ja\""),
        "excerpts translated into Japanese"
    );
    // Translations name islands (no raw `{id}`); the template keeps them.
    let mut fields = Vec::new();
    strings_named(&articles, "translation", &mut fields);
    assert!(
        !fields.is_empty() && fields.iter().all(|t| !t.contains('{')),
        "{fields:?}"
    );
    let mut templates = Vec::new();
    strings_named(&articles, "translation_template", &mut templates);
    assert!(
        templates.iter().any(|t| t.contains("{etorofu}")),
        "{templates:?}"
    );
    let id = articles["items"][0]["article"]["id"].as_str().expect("id");
    let (answer, _) = json(&format!("/api/articles/{id}?lang=ru")).await;
    assert_eq!(answer.header("content-language"), "ru");
}

#[tokio::test]
async fn an_unknown_language_is_a_400_that_names_lang() {
    for uri in [
        "/api/events?lang=fr",
        "/api/events/x?lang=fr",
        "/api/deployments?lang=fr",
        "/api/deployments.geojson?lang=JA",
        "/api/deployments/x?lang=fr",
        "/api/islands/etorofu?lang=fr",
        "/api/articles?lang=",
        "/api/articles/x?lang=fr",
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{uri}");
        let body: Value = serde_json::from_slice(&answer.body).expect("json error");
        assert!(
            body["detail"].as_str().unwrap_or("").contains("lang"),
            "{uri}: {body}"
        );
    }
    // Given twice: refused like any other parameter.
    let twice = get("/api/events?lang=ja&lang=ru").await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_openapi_document_describes_lang_wherever_it_applies() {
    let (_, doc) = json("/api/openapi.json").await;
    let paths = doc["paths"].as_object().expect("paths");
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/deployments",
        "/api/deployments.geojson",
        "/api/deployments/{id}",
        "/api/islands/{id}",
        "/api/articles",
        "/api/articles/{id}",
    ] {
        let parameters = paths[path]["get"]["parameters"].as_array().expect(path);
        let lang = parameters
            .iter()
            .find(|p| p["name"] == "lang")
            .unwrap_or_else(|| panic!("{path} documents no lang"));
        assert_eq!(lang["in"], "query");
        assert_eq!(
            lang["schema"]["enum"],
            serde_json::json!(["en", "ja", "ru"]),
            "{path}"
        );
    }
}

fn meta<'a>(html: &'a str, property: &str) -> Vec<&'a str> {
    let keys = [
        format!("property=\"{property}\" content=\""),
        format!("name=\"{property}\" content=\""),
    ];
    keys.iter()
        .flat_map(|key| html.match_indices(key.as_str()).map(|(i, _)| i + key.len()))
        .filter_map(|start| {
            let end = html[start..].find('"')?;
            Some(&html[start..start + end])
        })
        .collect()
}

fn title(html: &str) -> &str {
    let start = html.find("<title>").map_or(0, |i| i + "<title>".len());
    let end = html[start..].find("</title>").map_or(start, |e| start + e);
    &html[start..end]
}

#[tokio::test]
async fn the_page_speaks_the_readers_language_and_says_it_varies() {
    let page = get_with("/", "ja-JP,ja;q=0.9,en;q=0.5").await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("<html lang=\"ja\""), "{}", &html[..200]);
    assert_eq!(page.header("content-language"), "ja");
    assert!(page.vary_names().contains(&"accept-language".to_owned()));
    assert!(is_japanese(title(&html)), "{}", title(&html));
    assert_eq!(meta(&html, "og:locale"), ["ja_JP"]);
    let mut alternates = meta(&html, "og:locale:alternate");
    alternates.sort_unstable();
    assert_eq!(alternates, ["en_GB", "ru_RU"]);
    assert!(is_japanese(meta(&html, "description")[0]));
    assert!(is_japanese(meta(&html, "og:title")[0]));
    assert!(is_japanese(meta(&html, "og:description")[0]));
    // The image and the canonical address keep the language.
    assert!(meta(&html, "og:image")[0].ends_with("/og.png?lang=ja"));
    assert!(html.contains("<link rel=\"canonical\" href=\"http://atlas.example/?lang=ja\">"));
    for (lang, href) in [
        ("en", "/?lang=en"),
        ("ja", "/?lang=ja"),
        ("ru", "/?lang=ru"),
        ("x-default", "/"),
    ] {
        let link = format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"http://atlas.example{href}\">"
        );
        assert!(html.contains(&link), "{link}");
    }
    // The first paint: masthead and map names in Japanese.
    assert!(
        html.contains("<p class=\"convention\">地名：日本の呼称のみ。"),
        "the masthead"
    );
    assert!(
        html.contains(">国後島</text>"),
        "map names in Japanese script"
    );
    assert!(html.contains("aria-label=\"係争中の島々の地図（読み込み中）\""));

    // Without Accept-Language: English, still varying on it.
    let plain = get_with("/", "").await;
    assert_eq!(plain.header("content-language"), "en");
    assert!(plain.text().contains("<html lang=\"en\""));
    assert!(plain.vary_names().contains(&"accept-language".to_owned()));
}

#[tokio::test]
async fn a_link_s_language_wins_over_the_reader_s_and_needs_no_vary() {
    let page = get_with("/?island=kunashiri&date=1960-01-01&lang=ru", "ja").await;
    let html = page.text();
    assert_eq!(page.header("content-language"), "ru");
    assert!(!page.vary_names().contains(&"accept-language".to_owned()));
    assert!(html.contains("<html lang=\"ru\""));
    assert_eq!(title(&html), "Кунашир на 1 января 1960 г. · Kuril Atlas");
    let description = meta(&html, "description")[0];
    assert!(
        description.contains("под управлением Советского Союза")
            && description.ends_with("(по состоянию на 1 января 1960 г.)."),
        "{description}"
    );
    assert_eq!(meta(&html, "og:locale"), ["ru_RU"]);
    assert!(html.contains("<p class=\"convention\">Названия: только русские. На эту дату острова находились под управлением Советского Союза"));
    assert!(html.contains(">Итуруп</text>"), "map names in Cyrillic");
    // A Japanese link, asked for by a Russian browser.
    let page = get_with("/?lang=ja&island=etorofu", "ru").await;
    assert!(
        title(&page.text()).starts_with("択捉島"),
        "{}",
        title(&page.text())
    );
    assert_eq!(page.header("content-language"), "ja");
}

#[tokio::test]
async fn responses_in_a_language_say_which() {
    for (uri, lang) in [
        ("/i18n/ja.ftl", "ja"),
        ("/i18n/ru.ftl", "ru"),
        ("/about", "en"),
        ("/methodology", "en"),
        ("/og.png?lang=ja", "ja"),
        ("/og.png", "en"),
    ] {
        let answer = get(uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert_eq!(answer.header("content-language"), lang, "{uri}");
    }
}

fn state() -> server::state::AppState {
    support::state_with(
        support::fake_dist("kuril-i18n-preview"),
        support::workspace().join("geodata"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_japanese_link_previews_in_japanese() {
    let state = state();
    let pages = state.pages();
    let (map_state, _) = model::permalink::parse("lang=ja&island=etorofu&date=2016-11-22");
    let (svg, key) = server::page::preview_svg(pages, map_state);
    assert_eq!(key, "island=etorofu&date=2016-11-22&lang=ja");
    assert!(
        svg.contains(">択捉島（2016年11月22日時点）</text>"),
        "the headline"
    );
    assert!(svg.contains(">国後島</text>"), "the map's names");
    // Every Japanese character is drawn by the bundled font: rendered on
    // its own, the headline leaves ink.
    let headline = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"60\">\
        <text x=\"10\" y=\"40\" font-family=\"Noto Sans CJK JP\" font-size=\"30\">択捉島（2016年11月22日時点）</text></svg>";
    let png = pages.previews().render(headline).expect("renders");
    let blank = pages
        .previews()
        .render("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"60\"></svg>")
        .expect("renders");
    assert!(
        png.len() > blank.len() + 500,
        "{} vs {}",
        png.len(),
        blank.len()
    );

    // Russian: Cyrillic names and words.
    let (map_state, _) = model::permalink::parse("lang=ru&date=1855-03-01");
    let (svg, _) = server::page::preview_svg(pages, map_state);
    assert!(
        svg.contains(">Спорные острова на 1 марта 1855 г.</text>"),
        "the headline"
    );

    // Through the router: a PNG, not the English one.
    let ja = get("/og.png?lang=ja&island=etorofu").await;
    let en = get("/og.png?island=etorofu").await;
    assert_eq!(ja.header("content-type"), "image/png");
    assert_ne!(ja.body, en.body);
}

#[tokio::test]
async fn an_events_location_and_confidence_note_come_in_the_asked_language() {
    let id = "battle-of-shumshu-1945";
    let (_, en) = json(&format!("/api/events/{id}")).await;
    let (answer, ja) = json(&format!("/api/events/{id}?lang=ja")).await;
    let (_, ru) = json(&format!("/api/events/{id}?lang=ru")).await;
    assert_eq!(answer.header("content-language"), "ja");
    assert_eq!(en["event"]["location"], "Shumshu (northern Kurils)");
    assert_eq!(ja["event"]["location"], "シュムシュ島（北千島）");
    assert_eq!(ru["event"]["location"], "Шумшу (северные Курилы)");
    let note = |v: &Value| {
        v["event"]["confidence_note"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    };
    assert!(note(&en).starts_with("The landing date"), "{}", note(&en));
    assert!(note(&ja).starts_with("上陸日は"), "{}", note(&ja));
    assert!(note(&ru).starts_with("Дата высадки"), "{}", note(&ru));
}

/// Every string value of a field called `name`, anywhere in `v`.
fn strings_named(v: &serde_json::Value, name: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                match child.as_str() {
                    Some(s) if k == name => out.push(s.to_owned()),
                    _ => strings_named(child, name, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|c| strings_named(c, name, out)),
        _ => {}
    }
}
