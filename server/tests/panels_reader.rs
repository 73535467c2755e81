//! `GET /fragments/reader`: the article reader drawn by the server, as the
//! app inserts it: the text with its excerpts marked in reading order, the
//! chosen one pressed and followed by its notes, the controls' links (the
//! state with that excerpt and its date, the points the map fits), the
//! quotes of every source with filters that cover what the items carry, in
//! the link's language, with hostile data shown as text.

#[path = "fixtures/hostile_plant.rs"]
mod hostile_plant;
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use model::events::PartialDate;
use model::permalink::{self, MapState};
use model::projection::in_map_area;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use support::{Answer, get, send};

const SEED: &str = "seed-2017-03-20";

async fn json(uri: &str) -> Value {
    let a = get(uri).await;
    assert_eq!(a.status, StatusCode::OK, "{uri}");
    serde_json::from_slice(&a.body).unwrap_or_else(|e| panic!("{uri}: {e}"))
}

/// The fragment at `uri`, checked to be an HTML reader.
async fn reader(uri: &str) -> String {
    let a = get(uri).await;
    assert_eq!(a.status, StatusCode::OK, "{uri}");
    assert!(a.header("content-type").starts_with("text/html"), "{uri}");
    let html = a.text();
    assert!(
        html.starts_with("<aside class=\"reader\""),
        "{uri}: {html:.200}"
    );
    assert!(html.ends_with("</aside>"), "{uri}");
    html
}

/// The start tags of `name` elements in document order: each tag's text
/// (`<name …>`) and where the element's content begins.
fn tags<'a>(html: &'a str, name: &str) -> Vec<(&'a str, usize)> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = html[at..].find(&open) {
        let start = at + found;
        let after = &html[start + open.len()..];
        let end = start + html[start..].find('>').expect("a closed tag") + 1;
        if after.starts_with([' ', '>']) {
            out.push((&html[start..end], end));
        }
        at = end;
    }
    out
}

/// An attribute's value (escaped, as written); `Some("")` for a bare one.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let quoted = format!(" {name}=\"");
    if let Some(i) = tag.find(&quoted) {
        let rest = &tag[i + quoted.len()..];
        return Some(&rest[..rest.find('"')?]);
    }
    let bare = format!(" {name}");
    let i = tag.find(&bare)?;
    tag[i + bare.len()..].starts_with([' ', '>']).then_some("")
}

/// The content of the element whose content begins at `from`, up to the
/// next closing tag of `name` (no nesting of the same element inside).
fn content<'a>(html: &'a str, from: usize, name: &str) -> &'a str {
    let close = format!("</{name}>");
    &html[from..from + html[from..].find(&close).expect("a closing tag")]
}

/// The state a `data-href` (escaped, as written) leads to.
fn state(href: &str) -> MapState {
    let href = unescape(href);
    let query = href
        .strip_prefix("/?")
        .unwrap_or_else(|| panic!("a permalink: {href}"));
    let (state, ignored) = permalink::parse(query);
    assert!(ignored.is_empty(), "{href}: {ignored:?}");
    state
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `(id number, text)` of every excerpt mark, in document order.
fn marks(html: &str) -> Vec<(String, String)> {
    tags(html, "mark")
        .into_iter()
        .map(|(tag, from)| {
            let id = attr(tag, "id").expect("a mark's id").to_owned();
            (id, unescape(content(html, from, "mark")))
        })
        .collect()
}

#[tokio::test]
async fn the_seed_article_shows_its_excerpts_marked_in_reading_order() {
    let api = json(&format!("/api/articles/{SEED}")).await;
    let excerpts = api["excerpts"].as_array().expect("excerpts");
    assert!(excerpts.len() >= 3, "the seed article has excerpts");
    let html = reader(&format!("/fragments/reader?article={SEED}")).await;

    let (root, _) = tags(&html, "aside")[0];
    assert_eq!(attr(root, "aria-label"), Some("Article reader"));
    assert_eq!(attr(root, "data-key"), Some("reader seed-2017-03-20"));
    let (h2, from) = tags(&html, "h2")[0];
    assert_eq!(attr(h2, "lang"), Some("en"));
    assert_eq!(
        unescape(content(&html, from, "h2")),
        api["article"]["title"].as_str().expect("title")
    );
    // The seed has no link: its provenance says why.
    assert!(html.contains("<p class=\"provenance\">Received as the project"));
    assert!(html.contains("<p class=\"hint\">Marked passages are excerpts"));

    // Every excerpt, numbered as `excerpt=` counts, in the order of the text.
    let marks = marks(&html);
    let expected: Vec<(String, String)> = (excerpts.iter().zip(1..))
        .map(|(x, n)| {
            (
                format!("excerpt-{n}"),
                x["excerpt"]["quote"].as_str().expect("quote").to_owned(),
            )
        })
        .collect();
    assert_eq!(marks, expected);
    let starts: Vec<u64> = excerpts
        .iter()
        .map(|x| {
            x["excerpt"]["start"]
                .as_u64()
                .expect("a shipped excerpt's start")
        })
        .collect();
    assert!(
        starts.is_sorted(),
        "the API lists them in text order: {starts:?}"
    );
    // The text between the marks is there, line breaks kept.
    let text = api_text(SEED).await;
    let shown: String = tags(&html, "span")
        .into_iter()
        .filter(|(tag, _)| *tag == "<span>")
        .map(|(_, from)| unescape(content(&html, from, "span")))
        .chain(marks.iter().map(|(_, t)| t.clone()))
        .collect();
    assert_eq!(
        shown.chars().count(),
        text.chars().count(),
        "every character of the text is shown once"
    );
    assert!(html.contains('\n'), "paragraphs keep their breaks");

    // Nothing chosen: no notes, no mark pressed.
    assert!(!html.contains("excerpt-notes"));
    assert!(
        tags(&html, "mark")
            .iter()
            .all(|(t, _)| attr(t, "aria-pressed") == Some("false"))
    );
    // Closing drops the article from the link.
    let (close, _) = tags(&html, "button")[0];
    assert_eq!(attr(close, "data-close"), Some(""));
    assert_eq!(attr(close, "data-href"), Some("/"));
    assert_eq!(attr(close, "aria-label"), Some("Close the article"));
}

/// The shipped article's text, from the file the data names.
async fn api_text(id: &str) -> String {
    let path = support::workspace().join(format!("geodata/events/articles/{id}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[tokio::test]
async fn the_second_excerpt_is_pressed_with_its_notes_date_and_places() {
    let api = json(&format!("/api/articles/{SEED}")).await;
    let second = &api["excerpts"][1];
    let html = reader(&format!(
        "/fragments/reader?article={SEED}&excerpt=2&layers=islands,lines"
    ))
    .await;

    let all = tags(&html, "mark");
    let pressed: Vec<&str> = all
        .iter()
        .filter(|(t, _)| attr(t, "aria-pressed") == Some("true"))
        .map(|(t, _)| attr(t, "id").expect("id"))
        .collect();
    assert_eq!(pressed, ["excerpt-2"]);
    let (mark, from) = all[1];
    assert_eq!(attr(mark, "class"), Some("excerpt selected"));
    assert_eq!(attr(mark, "role"), Some("button"));
    assert_eq!(attr(mark, "data-scroll"), Some(""));
    assert_eq!(attr(all[0].0, "data-scroll"), None);
    // Its notes come right after it.
    let after = &html[from + content(&html, from, "mark").len()..];
    assert!(
        after.starts_with("</mark><section class=\"excerpt-notes\""),
        "{after:.80}"
    );
    let n = api["excerpts"].as_array().expect("excerpts").len();
    assert!(after.contains(&format!("Notes on excerpt 2 of {n}")));
    assert!(after.contains(&format!(
        "<blockquote lang=\"en\">“{}”</blockquote>",
        second["excerpt"]["quote"].as_str().expect("quote")
    )));

    // Choosing it: excerpt 2, the day its latest event is known (else the
    // article's), the other parts of the link kept; the view left to the map.
    let chosen = state(attr(mark, "data-href").expect("data-href"));
    let href = unescape(attr(mark, "data-href").expect("data-href"));
    let day = second["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            e["date"]
                .as_str()
                .expect("date")
                .parse::<PartialDate>()
                .expect("a date")
                .last_day()
        })
        .max()
        .unwrap_or_else(|| {
            let published = api["article"]["published"].as_str().expect("published");
            published.parse::<PartialDate>().expect("a date").last_day()
        });
    assert_eq!(chosen.date, Some(day), "{href}");
    assert_eq!(
        (chosen.article.as_deref(), chosen.excerpt),
        (Some(SEED), Some(2)),
        "{href}"
    );
    assert!(href.contains("layers=islands,lines"), "{href}");
    assert_eq!(chosen.view, None, "{href}");

    // The map fits its places: points, each inside the map's area.
    let fit = attr(mark, "data-fit").expect("the second excerpt names places or islands");
    let points: Vec<[f64; 2]> = fit
        .split(' ')
        .map(|p| {
            let (lon, lat) = p.split_once(',').expect("lon,lat");
            [lon.parse().expect("lon"), lat.parse().expect("lat")]
        })
        .collect();
    let named = second["excerpt"]["places"]
        .as_array()
        .expect("places")
        .len()
        + second["excerpt"]["islands"]
            .as_array()
            .expect("islands")
            .len();
    assert!(!points.is_empty() && points.len() <= named, "{fit}");
    assert!(points.iter().all(|p| in_map_area(*p)), "{fit}");

    // Each linked event opens its card, the reader staying open.
    let notes = content(after, 0, "section");
    let opened: Vec<MapState> = tags(notes, "button")
        .into_iter()
        .map(|(t, _)| state(attr(t, "data-href").expect("data-href")))
        .collect();
    let ids: Vec<&str> = second["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    assert_eq!(opened.len(), ids.len());
    for (state, id) in opened.iter().zip(&ids) {
        assert_eq!(state.event.as_deref(), Some(*id));
        assert_eq!(
            (state.article.as_deref(), state.excerpt),
            (Some(SEED), Some(2))
        );
    }
}

#[tokio::test]
async fn an_excerpt_past_the_last_marks_none() {
    let html = reader(&format!("/fragments/reader?article={SEED}&excerpt=999")).await;
    assert!(!html.contains("excerpt-notes"));
    assert!(!html.contains("aria-pressed=\"true\""));
}

#[tokio::test]
async fn a_quoted_article_shows_its_quotes_in_their_language_and_translations_in_the_pages() {
    let list = json("/api/articles").await;
    // A source quoted by excerpt only, in English, with a Japanese translation.
    let quoted = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|a| a["article"]["id"] != SEED && a["article"]["language"] == "en")
        .expect("an English quoted source");
    let id = quoted["article"]["id"].as_str().expect("id");
    let ja = json(&format!("/api/articles/{id}?lang=ja")).await;
    let first = &ja["excerpts"][0]["excerpt"];
    let translation = first["translation"]
        .as_str()
        .expect("a Japanese translation");

    let html = reader(&format!("/fragments/reader?lang=ja&article={id}&excerpt=1")).await;
    let (root, _) = tags(&html, "aside")[0];
    assert_eq!(attr(root, "aria-label"), Some("記事リーダー"));
    assert!(html.contains("<div class=\"article-text quotes\" lang=\"en\">"));
    let quotes: Vec<String> = marks(&html).into_iter().map(|(_, t)| t).collect();
    let expected: Vec<&str> = ja["excerpts"]
        .as_array()
        .expect("excerpts")
        .iter()
        .map(|x| x["excerpt"]["quote"].as_str().expect("quote"))
        .collect();
    assert_eq!(quotes, expected, "the quotes, verbatim, one after another");
    // The notes speak the page's language; the quote keeps its own, its
    // translation is marked as ours, in Japanese.
    assert!(html.contains("<section class=\"excerpt-notes\" lang=\"ja\""));
    assert!(html.contains(&format!(
        "<blockquote lang=\"en\">“{}”</blockquote>",
        expected[0]
    )));
    assert!(html.contains(&format!(
        "<p class=\"translation\"><strong>当プロジェクトによる翻訳: </strong><span lang=\"ja\">{translation}</span></p>"
    )));
    assert!(html.contains("<h4>関連する出来事</h4>"));
    // Its source page opens outside the map.
    let url = quoted["article"]["url"].as_str().expect("url");
    assert!(html.contains(&format!(
        "<a href=\"{url}\" rel=\"noopener\" target=\"_blank\">"
    )));
}

#[tokio::test]
async fn the_quote_lists_filters_cover_every_island_and_event_its_items_carry() {
    let list = json("/api/articles").await;
    let total: usize = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|a| a["excerpts"].as_array().expect("excerpts").len())
        .sum();
    let html = reader(&format!("/fragments/reader?article={SEED}")).await;
    let at = html
        .find("<section class=\"quote-list\"")
        .expect("the quote list");
    let section = &html[at..];

    let options = |name: &str| -> BTreeSet<String> {
        let open = format!("<select data-filter=\"{name}\">");
        let from = section
            .find(&open)
            .unwrap_or_else(|| panic!("a {name} filter"))
            + open.len();
        tags(content(section, from, "select"), "option")
            .into_iter()
            .map(|(t, _)| attr(t, "value").expect("value").to_owned())
            .collect()
    };
    let (islands, events) = (options("island"), options("event"));
    assert!(
        islands.contains("") && events.contains(""),
        "\"All\" shows everything"
    );
    let items: Vec<&str> = tags(section, "li")
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| attr(t, "data-counted").is_some())
        .collect();
    assert_eq!(items.len(), total, "every source's every quote");
    assert!(section.contains(&format!(
        "<p role=\"status\" data-count=\"reader-quote-count\">{total} quotes</p>"
    )));
    let mut carried = (BTreeSet::new(), BTreeSet::new());
    for item in &items {
        carried.0.extend(
            attr(item, "data-island")
                .expect("data-island")
                .split_whitespace()
                .map(str::to_owned),
        );
        carried.1.extend(
            attr(item, "data-event")
                .expect("data-event")
                .split_whitespace()
                .map(str::to_owned),
        );
    }
    assert!(carried.0.len() >= 4 && carried.1.len() >= 10, "{carried:?}");
    assert!(
        carried.0.is_subset(&islands),
        "{:?}",
        carried.0.difference(&islands)
    );
    assert!(
        carried.1.is_subset(&events),
        "{:?}",
        carried.1.difference(&events)
    );
    // Choosing a group shows its members' quotes: an item about an islet
    // carries its group too.
    let islands_api = json("/api/islands").await;
    let in_groups: Vec<(&str, &str)> = islands_api["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| Some((i["id"].as_str()?, i["group"].as_str()?)))
        .collect();
    let mut grouped = 0;
    for item in &items {
        let carried: Vec<&str> = attr(item, "data-island")
            .expect("data-island")
            .split_whitespace()
            .collect();
        for (islet, group) in &in_groups {
            if carried.contains(islet) {
                assert!(carried.contains(group), "{item}");
                grouped += 1;
            }
        }
    }
    assert!(grouped > 0, "some quote is about an islet of a group");

    // Each quote opens its article at that excerpt.
    let first = &list["items"][1];
    let href = format!(
        "data-href=\"/?article={}&amp;excerpt=1\"",
        first["article"]["id"].as_str().expect("id")
    );
    assert!(section.contains(&href), "{href}");
}

#[tokio::test]
async fn no_article_or_an_unknown_one_gives_no_reader() {
    for uri in [
        "/fragments/reader",
        "/fragments/reader?island=etorofu",
        "/fragments/reader?article=no-such-article&excerpt=1",
    ] {
        let a = get(uri).await;
        assert_eq!(a.status, StatusCode::NO_CONTENT, "{uri}");
        assert!(a.body.is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn the_reader_speaks_russian_with_names_in_the_links_convention() {
    let html = reader(&format!(
        "/fragments/reader?lang=ru&article={SEED}&excerpt=1"
    ))
    .await;
    assert!(html.contains("<h4>Связанные события</h4>"), "{html:.300}");
    // The island filter names the islands in Cyrillic only.
    let from = html
        .find("<select data-filter=\"island\">")
        .expect("island filter");
    let select = content(&html, from, "select");
    assert!(select.contains(">Итуруп<"), "{select}");
    assert!(
        !select.contains("Iturup") && !select.contains("Etorofu"),
        "{select}"
    );
    let both = reader(&format!(
        "/fragments/reader?lang=ru&names=both&article={SEED}"
    ))
    .await;
    assert!(both.contains(">Эторофу / Итуруп<"));
    // The seed's outlet is our description, not a name: it is translated.
    let outlet = |v: &Value| v["article"]["outlet"].as_str().map(str::to_owned);
    let en = outlet(&json(&format!("/api/articles/{SEED}")).await).expect("an outlet");
    let ru = outlet(&json(&format!("/api/articles/{SEED}?lang=ru")).await).expect("an outlet");
    assert_ne!(en, ru);
    assert!(
        html.contains(&format!("<p class=\"byline\">{ru} · ")),
        "{html:.600}"
    );
    assert!(!html.contains(&en));
}

/// The router over the committed data with the hostile fixture's payloads.
fn hostile_app() -> axum::Router {
    static STATE: std::sync::OnceLock<server::state::AppState> = std::sync::OnceLock::new();
    support::app_once(&STATE, || {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kuril-hostile-reader");
        let geodata = support::workspace().join("geodata");
        hostile_plant::plant(&geodata, &dir)
            .unwrap_or_else(|e| panic!("planting hostile data: {e}"));
        (support::fake_dist("kuril-hostile-reader-dist"), dir)
    })
}

#[tokio::test]
async fn hostile_text_shows_as_text() {
    let uri = format!("/fragments/reader?article={SEED}&excerpt=12");
    let request = Request::get(&uri).body(Body::empty()).expect("request");
    let a: Answer = send(hostile_app(), request).await;
    assert_eq!(a.status, StatusCode::OK);
    let html = a.text();
    assert!(
        html.contains("&lt;iframe src=javascript:alert(5)&gt;&lt;/iframe&gt;"),
        "the title's payload, as text"
    );
    assert!(
        html.contains("&lt;a href=&#39;javascript:alert(4)&#39;&gt;click&lt;/a&gt;"),
        "the note's payload, as text"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "an event title's payload, as text"
    );
    for markup in [
        "<iframe",
        "<script",
        "<img",
        "<svg",
        "<b ",
        "javascript:alert(4)'>",
    ] {
        assert!(!html.contains(markup), "{markup} went through");
    }
}
