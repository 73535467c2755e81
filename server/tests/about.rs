//! `/about`, `/methodology` and `/api/positions`, through the real router.

mod support;

use axum::body::Body;
use axum::http::Request;
use support::{Answer, app, get, send};

async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(app(), request.body(Body::empty()).expect("request")).await
}

/// The text of the first `<tag …>…</tag>` of `html`.
fn first<'a>(html: &'a str, tag: &str) -> &'a str {
    let open = format!("<{tag}");
    html.split(&open)
        .nth(1)
        .and_then(|s| s.split_once('>'))
        .and_then(|(_, s)| s.split(&format!("</{tag}>")).next())
        .unwrap_or_else(|| panic!("no <{tag}> in {html}"))
}

fn japanese(s: &str) -> bool {
    s.chars().any(model::names::is_cjk)
}

fn cyrillic(s: &str) -> bool {
    s.chars()
        .any(|c| ('а'..='я').contains(&c) || ('А'..='Я').contains(&c))
}

#[tokio::test]
async fn about_shows_both_positions_side_by_side_with_sources_and_statements() {
    let page = get("/about").await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page.header("etag").starts_with('"'));
    assert!(page.header("cache-control").contains("must-revalidate"));
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = page.text();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains("<title>About the dispute · Kuril Atlas</title>"));
    assert!(
        html.contains(">Japan&#39;s position</h2>") && html.contains(">Russia&#39;s position</h2>")
    );
    let japan = html.find("id=\"japan\"").expect("Japan's side");
    let russia = html.find("id=\"russia\"").expect("Russia's side");
    assert!(japan < russia);
    // References are named in both conventions, never left as braces.
    assert!(
        html.contains("Etorofu / Iturup") && !html.contains("{etorofu}"),
        "{html}"
    );
    assert!(html.contains("https://www.mofa.go.jp/region/europe/russia/territory/index.html"));
    assert!(html.contains("<p lang=\"ru\">") && html.contains("Our translation"));
    assert!(html.contains("href=\"/\"") && html.contains("href=\"/methodology\""));
    // No script but JSON-LD data blocks, and no inline style: the CSP allows neither.
    assert_eq!(
        html.matches("<script").count(),
        html.matches("<script type=\"application/ld+json\">")
            .count()
    );
    assert!(!html.contains("style="));
    let css = get("/pages.css").await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    // Every link of the page's head resolves (the app's icon is hashed by Trunk).
    let icon = get("/pages-icon.svg").await;
    assert_eq!(icon.status, 200);
    assert!(html.contains("href=\"/pages-icon.svg\""));
}

#[tokio::test]
async fn methodology_explains_confidence_kinds_checks_reporting_and_licences() {
    let page = get("/methodology").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert!(html.contains("<title>How we source · Kuril Atlas</title>"));
    for needle in [
        "<code>high</code>",
        "<code>medium</code>",
        "<code>aggregator</code>",
        "How records are checked",
        "How to report an error",
        "ODbL",
        "LGPL-3.0-or-later",
        "MIT OR Apache-2.0",
        "The evidence today",
    ] {
        assert!(html.contains(needle), "no {needle:?}");
    }
    // The counts are the loaded data's, not written into the page.
    let events = support::get("/api/events?limit=1").await;
    let json: serde_json::Value = serde_json::from_str(&events.text()).expect("json");
    let total = json["total"].as_u64().expect("total");
    assert!(html.contains(&format!("<p>{total} events.")), "{html}");
}

#[tokio::test]
async fn api_positions_answers_both_governments_as_json() {
    let answer = get("/api/positions").await;
    assert_eq!(answer.status, 200);
    assert!(
        answer
            .header("content-type")
            .starts_with("application/json")
    );
    let json: serde_json::Value = serde_json::from_slice(&answer.body).expect("json");
    let positions = json["positions"].as_array().expect("positions");
    let governments: Vec<_> = positions.iter().map(|p| p["government"].clone()).collect();
    assert_eq!(governments, ["japan", "russia"]);
    for p in positions {
        assert!(!p["points"].as_array().expect("points").is_empty());
        assert!(p["points"][0]["sources"][0]["kind"].is_string());
        assert!(p["statements"][0]["quote"].is_string());
    }
    // In Japanese: our words, and Russian statements verbatim with a Japanese
    // translation; a Japanese statement needs none.
    let ja = get("/api/positions?lang=ja").await;
    assert_eq!(ja.status, 200);
    assert_eq!(ja.header("content-language"), "ja");
    let ja: serde_json::Value = serde_json::from_slice(&ja.body).expect("json");
    assert_eq!(ja["positions"][0]["name"], "日本国政府");
    let statements = ja["positions"][1]["statements"]
        .as_array()
        .expect("statements");
    let zakharova = &statements[0];
    assert!(
        zakharova["quote"]
            .as_str()
            .is_some_and(|q| q.starts_with("Южные Курилы"))
    );
    assert!(
        zakharova["translation"]
            .as_str()
            .is_some_and(|t| t.starts_with("南クリル諸島"))
    );
    let cabinet = &ja["positions"][0]["statements"][1];
    assert_eq!(cabinet["source"]["language"], "ja");
    assert!(cabinet["translation"].is_null());
    assert_eq!(get("/api/positions?lang=xx").await.status, 400);
    let doc = get("/api/openapi.json").await;
    let doc: serde_json::Value = serde_json::from_slice(&doc.body).expect("openapi");
    assert!(doc["paths"]["/api/positions"]["get"].is_object());
    assert!(
        doc["components"]["schemas"]["Positions"].is_object(),
        "schemas"
    );
}

#[tokio::test]
async fn about_in_japanese_is_japanese_with_the_statements_verbatim() {
    let page = get("/about?lang=ja").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-language"), "ja");
    let html = page.text();
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"ja\">"),
        "{html}"
    );
    assert!(html.contains("<title>領土問題について · Kuril Atlas</title>"));
    assert_eq!(first(&html, "h1"), "領土問題について");
    assert!(html.contains(">日本の立場</h2>") && html.contains(">ロシアの立場</h2>"));
    assert!(html.contains("<h3>論拠</h3>"));
    // Our words in Japanese, marked as our translation; names in Japanese script.
    let lede = first(&html, "p class=\"lede\"");
    assert!(japanese(lede) && !lede.contains("administered"), "{lede}");
    assert!(html.contains("<p class=\"translated\">") && html.contains("当プロジェクトによる翻訳"));
    assert!(html.contains("択捉島 / イトゥルップ島") && !html.contains("{etorofu}"));
    assert!(!html.contains("Japan holds that") && !html.contains("The arguments"));
    // A Japanese statement stands alone; a Russian one is quoted verbatim with
    // our Japanese translation.
    assert!(html.contains("<p lang=\"ja\">“北方四島は、歴史的にみても"));
    let russian = html
        .split("<p lang=\"ru\">“Южные Курилы принадлежат")
        .nth(1)
        .expect("Zakharova's statement in Russian");
    let translation = first(russian, "p class=\"translation\"");
    assert!(
        translation.starts_with("当プロジェクトによる翻訳：「南クリル諸島"),
        "{translation}"
    );
    // Links keep the language; the head names the other languages' pages.
    assert!(html.contains("href=\"/methodology?lang=ja\""));
    assert!(html.contains("href=\"/about?lang=ja\" aria-current=\"page\""));
    assert!(html.contains("href=\"/?lang=ja\""));
    assert!(html.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:8080/about?lang=ja\">"));
    for (code, path) in [
        ("en", "/about"),
        ("ja", "/about?lang=ja"),
        ("ru", "/about?lang=ru"),
    ] {
        let alternate = format!("hreflang=\"{code}\" href=\"http://127.0.0.1:8080{path}\"");
        assert!(html.contains(&alternate), "no {alternate}");
    }
    // The link chose the language: the answer does not vary with the browser's.
    assert!(!page.header("vary").contains("accept-language"));
}

#[tokio::test]
async fn methodology_in_russian_is_russian_with_the_loaded_counts() {
    let page = get("/methodology?lang=ru").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-language"), "ru");
    let html = page.text();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"ru\">"));
    assert!(html.contains("<title>Как мы работаем с источниками · Kuril Atlas</title>"));
    assert_eq!(first(&html, "h1"), "Как мы работаем с источниками");
    for heading in [
        "Достоверность",
        "Типы источников",
        "Как проверяются записи",
        "Как сообщить об ошибке",
        "Лицензии на данные",
    ] {
        assert!(
            html.contains(&format!("<h2>{heading}</h2>")),
            "no {heading:?}"
        );
    }
    assert!(cyrillic(first(&html, "p class=\"lede\"")));
    assert!(!html.contains("How records are checked") && !html.contains("Every event"));
    // Markup the words surround: the data folder and the API link.
    assert!(html.contains("в папке <code>geodata/</code> проекта"));
    assert!(html.contains("<a href=\"/api/openapi.json\">JSON API</a>"));
    // Kinds keep the data's names beside the Russian ones.
    assert!(html.contains("<dt><code>wire</code> информагентство</dt>"));
    let events = get("/api/events?limit=1").await;
    let json: serde_json::Value = serde_json::from_str(&events.text()).expect("json");
    let total = json["total"].as_u64().expect("total");
    assert!(html.contains(&format!("<p>{total} событ")), "{html}");
}

#[tokio::test]
async fn the_browsers_language_chooses_when_the_link_does_not() {
    let page = get_with("/about", &[("accept-language", "ru-RU,ru;q=0.9,en;q=0.5")]).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-language"), "ru");
    assert!(
        page.header("vary")
            .to_ascii_lowercase()
            .contains("accept-language")
    );
    let html = page.text();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("<title>О споре · Kuril Atlas</title>"));
    assert!(html.contains(">Позиция Японии</h2>"));
    assert!(html.contains("Эторофу / Итуруп"), "names in Cyrillic");
    let methodology = get_with("/methodology", &[("accept-language", "ja")]).await;
    assert_eq!(methodology.header("content-language"), "ja");
    assert!(methodology.text().contains("<h2>記録の検証方法</h2>"));
    // The masthead marks the page the reader is on, and only that one.
    assert!(
        methodology
            .text()
            .contains("href=\"/methodology?lang=ja\" aria-current=\"page\"")
    );
    assert_eq!(methodology.text().matches("aria-current").count(), 1);
    // English without either, and lang= wins over the browser.
    let english = get("/about").await;
    assert_eq!(english.header("content-language"), "en");
    let asked = get_with("/about?lang=en", &[("accept-language", "ja")]).await;
    assert!(asked.text().contains("<html lang=\"en\">"));
}
