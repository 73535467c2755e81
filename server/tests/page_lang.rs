//! Which language an answer is in, and whether the reader's browser chose
//! it, through the real router (`page::ServedLang`): every page for people
//! speaks the link's `lang=`, else the reader's `Accept-Language`, and then
//! says `Vary: Accept-Language`; every other answer in a language (the
//! API, downloads, the feed, previews, exports, the panels' fragments, the
//! catalogues) speaks only what the request names, English by default,
//! and never varies with the browser's.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;

mod support;

use support::{Answer, app, get, send};

async fn get_with(uri: &str, accept_language: &str) -> Answer {
    let request = Request::get(uri)
        .header("host", "atlas.example")
        .header("accept-language", accept_language)
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{uri}: {e}"));
    send(app(), request).await
}

/// Whether a cache must key the answer on the reader's `Accept-Language`.
fn varies_with_language(answer: &Answer) -> bool {
    answer.vary_names().iter().any(|v| v == "accept-language")
}

/// `path` with `lang=` added to its query.
fn in_lang(path: &str, lang: &str) -> String {
    let joint = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joint}lang={lang}")
}

/// The first id of `list`'s `items` (from the data: no id is spelled here).
async fn first_id(list: &str) -> String {
    let answer = get(list).await;
    let value: Value = serde_json::from_slice(&answer.body).expect("json");
    let items = value.get("items").unwrap_or(&value);
    items[0]["id"].as_str().expect("an id").to_owned()
}

#[tokio::test]
async fn every_page_speaks_the_link_s_language_else_the_reader_s() {
    let event = first_id("/api/events?limit=1").await;
    let pages = [
        ("/".to_owned(), StatusCode::OK),
        ("/about".to_owned(), StatusCode::OK),
        ("/methodology".to_owned(), StatusCode::OK),
        (format!("/events/{event}"), StatusCode::OK),
        ("/events/no-such-event".to_owned(), StatusCode::NOT_FOUND),
        ("/deployments".to_owned(), StatusCode::OK),
    ];
    for (path, status) in pages {
        // A Japanese link opened by a Russian browser: the link wins. No
        // `lang=`: the browser's language, and a cache told so (a shared
        // cache must not give a Russian page to a Japanese reader).
        for (uri, lang, negotiated) in [(in_lang(&path, "ja"), "ja", false), (path, "ru", true)] {
            let page = get_with(&uri, "ru-RU,ru;q=0.9,en;q=0.5").await;
            assert_eq!(page.status, status, "{uri}");
            assert_eq!(page.header("content-language"), lang, "{uri}");
            assert!(
                page.text().contains(&format!("<html lang=\"{lang}\"")),
                "{uri}: the page itself is in {lang}"
            );
            assert_eq!(varies_with_language(&page), negotiated, "{uri}");
        }
    }
}

#[tokio::test]
async fn answers_for_programs_speak_only_the_language_named() {
    let island = first_id("/api/islands").await;
    let answers = [
        "/feed.atom".to_owned(),
        "/og.png".to_owned(),
        "/export.svg".to_owned(),
        "/api/events?limit=1".to_owned(),
        "/api/events.csv".to_owned(),
        "/api/deployments.csv".to_owned(),
        "/api/positions".to_owned(),
        "/api/citation".to_owned(),
        format!("/fragments/panel?island={island}"),
        "/fragments/measure".to_owned(),
    ];
    for path in answers {
        // A Russian browser, no `lang=`: English, whatever it accepts.
        for (uri, lang) in [(path.clone(), "en"), (in_lang(&path, "ja"), "ja")] {
            let answer = get_with(&uri, "ru-RU,ru;q=0.9").await;
            assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text());
            assert_eq!(answer.header("content-language"), lang, "{uri}");
            assert!(!varies_with_language(&answer), "{uri}");
        }
    }
    // A catalogue's language is its name.
    let catalogue = get_with("/i18n/ja.ftl", "ru").await;
    assert_eq!(catalogue.header("content-language"), "ja");
    assert!(!varies_with_language(&catalogue));
}
