//! The event card, the deployment card and the list of changes, as the
//! server draws them (`/fragments/panel`): what a reader sees in each, in
//! three languages, with links the app's host follows, and hostile text
//! shown as text.

// Shared with xtask (the browser tests' hostile server).
#[path = "fixtures/hostile_plant.rs"]
mod hostile_plant;
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use std::path::PathBuf;
use support::{Answer, get, send};

const EVENT: &str = "bastion-bal-deployed-2016";

/// The panel of a permalink's query, which must be there.
async fn panel(query: &str) -> String {
    let a = get(&format!("/fragments/panel?{query}")).await;
    assert_eq!(a.status, StatusCode::OK, "{query}");
    assert_eq!(a.header("content-type"), "text/html; charset=utf-8");
    a.text()
}

/// The first element opened by `start` (e.g. `<li class="change added"`),
/// up to its matching end tag.
fn element<'a>(html: &'a str, start: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let tag: String = start[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0usize;
    let mut i = at;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with(&close) {
            depth -= 1;
            if depth == 0 {
                return &html[at..i + close.len()];
            }
            i += close.len();
        } else if rest.starts_with(&open) && rest[open.len()..].starts_with([' ', '>']) {
            depth += 1;
            i += open.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    panic!("{start} is not closed in {html}")
}

/// Every element opened by `start`, in order.
fn elements<'a>(html: &'a str, start: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find(start) {
        let e = element(&html[from + at..], start);
        out.push(e);
        from += at + e.len();
    }
    out
}

/// The text of an element: its tags dropped, the five escapes read back.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn an_event_card_has_its_date_sources_page_and_quotes() {
    let html = panel(&format!("event={EVENT}")).await;
    let card = element(&html, "<aside");
    assert!(
        card.starts_with(&format!(
            "<aside class=\"panel event-card\" id=\"panel\" aria-labelledby=\"event-title\" data-key=\"event {EVENT}\">"
        )),
        "{card}"
    );
    assert_eq!(
        text(element(card, "<h2 id=\"event-title\" tabindex=\"-1\">")),
        "Bastion on Etorofu / Iturup and Bal on Kunashiri / Kunashir go on duty"
    );
    assert_eq!(
        text(element(card, "<p class=\"when\"")),
        "deployment · November 2016"
    );
    assert_eq!(
        text(element(card, "<p class=\"confidence\"")),
        "Confidence: high"
    );
    // Its own page, and the way back to the map without it.
    assert!(card.contains(&format!(
        "<a href=\"/events/{EVENT}\">Event page (to cite and share)</a>"
    )));
    assert!(
        card.contains("class=\"close\" data-close data-href=\"/\" aria-label=\"Close the event\"")
    );
    // Sources open without passing a referrer, each with its kind.
    let sources = element(card, "<ul class=\"sources\"");
    assert!(sources.contains(
        "<a href=\"http://english.kyodonews.jp/news/2016/11/445517.html\" rel=\"noopener noreferrer\">Kyodo News</a> (wire, en)"
    ), "{sources}");
    assert_eq!(elements(sources, "<li").len(), 3);
    // Quotes, each opening the reader at it inside the app.
    let quotes = element(card, "<ul class=\"excerpts\"");
    assert!(card.contains("<h3>Quotes</h3>"));
    let reads = elements(quotes, "<a class=\"link\"");
    assert!(!reads.is_empty(), "{quotes}");
    for read in reads {
        assert!(
            read.contains("href=\"/?event=")
                && read.contains("&amp;article=")
                && read.contains(" data-nav>Read in "),
            "{read}"
        );
    }
    assert!(quotes.contains("<blockquote lang=\"ru\">“"), "{quotes}");
}

#[tokio::test]
async fn an_event_card_speaks_the_links_language_and_names() {
    let ja = panel(&format!("event={EVENT}&lang=ja")).await;
    assert!(
        text(element(&ja, "<p class=\"when\"")).ends_with(" · 2016年11月"),
        "{ja}"
    );
    // Translated by the project: no `lang` of its own, and said so.
    let title = element(&ja, "<h2 id=\"event-title\" tabindex=\"-1\">");
    assert!(text(title).contains("択捉島"), "{title}");
    assert!(ja.contains("<p class=\"translation-note\">"), "{ja}");
    assert!(
        title.ends_with("</h2>") && ja.contains("</h2><p>"),
        "every record is translated: {ja}"
    );
    assert!(ja.contains(&format!("<a href=\"/events/{EVENT}?lang=ja\">")));

    let ru = panel(&format!("event={EVENT}&lang=ru")).await;
    assert!(
        text(element(&ru, "<p class=\"when\"")).ends_with(" · ноябрь 2016 г."),
        "{ru}"
    );
    assert!(ru.contains(&format!("<a href=\"/events/{EVENT}?lang=ru\">")));
    assert!(text(element(&ru, "<h2")).contains("Итуруп"));
    // The close button keeps the link's language.
    assert!(ru.contains("data-close data-href=\"/?lang=ru\""), "{ru}");

    // The reader's convention: Russian names only, in English text.
    let russian = panel(&format!("event={EVENT}&names=ru")).await;
    let title = text(element(&russian, "<h2"));
    assert!(
        title.contains("Iturup") && !title.contains("Etorofu"),
        "{title}"
    );
}

#[tokio::test]
async fn an_event_off_the_map_says_where() {
    let html = panel("event=yalta-conference-1945&lang=ru").await;
    assert_eq!(
        text(element(&html, "<p class=\"location\"")),
        "Где: Ялта, Крым"
    );
    assert!(text(element(&html, "<p class=\"when\"")).contains("1945"));
}

#[tokio::test]
async fn a_deployment_card_links_each_change_to_its_events() {
    let html = panel("deployment=bastion-etorofu&date=2017-01-01").await;
    let card = element(&html, "<aside");
    assert!(card.starts_with(
        "<aside class=\"panel deployment-card\" id=\"panel\" aria-labelledby=\"deployment-title\" data-key=\"deployment bastion-etorofu\">"
    ));
    assert!(text(element(card, "<h2")).contains("Bastion"));
    assert!(
        text(element(card, "<p class=\"when\"")).contains("Coastal missiles · Bastion (K-300P)")
    );
    let facts = element(card, "<dl class=\"names\"");
    assert!(text(facts).contains("Etorofu / Iturup"), "{facts}");
    assert!(text(facts).contains("since November 2016"), "{facts}");
    let entries = elements(card, "<li class=\"history-entry\"");
    assert_eq!(entries.len(), 2, "{card}");
    assert_eq!(
        text(element(entries[0], "<p class=\"when\"")),
        "March 2016 · planned"
    );
    assert!(text(element(entries[1], "<p class=\"when\"")).starts_with("November 2016 · "));
    for entry in &entries {
        let events = elements(element(entry, "<ul class=\"evidence\""), "<a ");
        assert!(!events.is_empty(), "{entry}");
        for event in events {
            // Opens the event's card over this one, keeping the date.
            assert!(
                event.starts_with("<a class=\"link\" href=\"/?date=2017-01-01&amp;event=")
                    && event.contains("&amp;deployment=bastion-etorofu\" data-nav>"),
                "{event}"
            );
        }
        assert!(element(entry, "<ul class=\"sources\"").contains("rel=\"noopener noreferrer\""));
    }
    assert!(
        entries[1].contains(&format!("event={EVENT}&amp;")),
        "{}",
        entries[1]
    );
    let story = element(card, "<button type=\"button\" class=\"link\"");
    assert_eq!(
        story,
        "<button type=\"button\" class=\"link\" data-href=\"/?island=etorofu&amp;date=2017-01-01\">The whole story of Etorofu / Iturup</button>"
    );
}

#[tokio::test]
async fn a_deployment_card_in_russian_and_japanese() {
    let ru = panel("deployment=bastion-etorofu&lang=ru").await;
    let facts = element(&ru, "<dl class=\"names\"");
    assert!(facts.contains("<dt>Где</dt>") && facts.contains("<dt>Когда</dt>"));
    assert!(
        facts.contains("<dd>ноябрь 2016 г. — по настоящее время</dd>"),
        "{facts}"
    );
    let whens: Vec<String> = elements(&ru, "<li class=\"history-entry\"")
        .iter()
        .map(|e| text(element(e, "<p class=\"when\"")))
        .collect();
    assert!(
        whens.contains(&"март 2016 г. · запланировано".to_owned()),
        "{whens:?}"
    );
    assert!(ru.contains("aria-label=\"Закрыть размещение\""));
    assert!(ru.contains(">Вся история: Итуруп</button>"), "{ru}");

    let ja = panel("deployment=bastion-etorofu&lang=ja").await;
    assert!(
        element(&ja, "<dl class=\"names\"").contains("<dd>2016年11月から</dd>"),
        "{ja}"
    );
}

/// `{id}` references the text holds, as a reader would see them unnamed.
fn unnamed_references(html: &str) -> Vec<&str> {
    html.match_indices('{')
        .filter_map(|(at, _)| {
            let rest = &html[at + 1..];
            let end = rest.find('}')?;
            let id = &rest[..end];
            let is_id = !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            is_id.then_some(&html[at..at + end + 2])
        })
        .collect()
}

/// The project's translations of quotes name islands by `{id}`, like the
/// records: the cards show them named, in the link's convention.
#[tokio::test]
async fn quote_translations_name_islands_in_the_links_convention() {
    for lang in ["ja", "ru"] {
        let card = panel(&format!("deployment=bastion-etorofu&lang={lang}")).await;
        let translations = elements(&card, "<p class=\"translation\"");
        assert!(!translations.is_empty(), "{lang}: no translated quote");
        assert_eq!(unnamed_references(&card), Vec::<&str>::new(), "{lang}");
        let island = if lang == "ja" {
            "択捉島"
        } else {
            "Итуруп"
        };
        assert!(
            translations.iter().any(|t| t.contains(island)),
            "{lang}: {translations:?}"
        );
    }
}

#[tokio::test]
async fn the_changes_list_names_bastion_and_bal_as_added() {
    let html = panel("date=2017-01-01&compare=2015-01-01").await;
    let list = element(&html, "<aside");
    assert!(list.starts_with(
        "<aside class=\"panel changes\" id=\"panel\" aria-labelledby=\"changes-title\" data-key=\"changes\">"
    ));
    assert_eq!(
        text(element(list, "<h2")),
        "Changes between 1 January 2015 and 1 January 2017"
    );
    assert_eq!(
        elements(element(list, "<ul class=\"change-key\""), "<li>").len(),
        3
    );
    let added = element(list, "<ul class=\"change-list added\">");
    for (id, unit) in [("bastion-etorofu", "Bastion"), ("bal-kunashiri", "Bal")] {
        let entry = element(
            added,
            &format!("<li class=\"change added\" data-deployment=\"{id}\">"),
        );
        let name = element(entry, "<a class=\"link change-name\"");
        assert!(
            name.starts_with(&format!(
                "<a class=\"link change-name\" href=\"/?date=2017-01-01&amp;compare=2015-01-01&amp;deployment={id}\" data-nav>"
            )),
            "{name}"
        );
        assert!(text(name).contains(unit), "{name}");
        assert_eq!(
            text(element(entry, "<p class=\"when\"")),
            "not there → active"
        );
        assert!(element(entry, "<ul class=\"evidence\"").contains(" data-nav>"));
        assert!(element(entry, "<ul class=\"sources\"").contains("<a href=\"http"));
    }
    // Stopping comparing keeps the date.
    assert!(
        list.contains("data-close data-href=\"/?date=2017-01-01\" aria-label=\"Stop comparing\"")
    );
}

#[tokio::test]
async fn the_changes_list_says_when_nothing_changed() {
    let html = panel("date=2018-01-02&compare=2018-01-01").await;
    assert!(
        html.contains("<p>No deployment was added, withdrawn or changed between these dates.</p>")
    );
    assert!(!html.contains("change-list"));
}

#[tokio::test]
async fn unknown_records_give_notices() {
    let html = panel("event=no-such-event").await;
    assert!(
        html.starts_with("<div class=\"notice\" role=\"status\""),
        "{html}"
    );
    assert!(text(&html).contains("no-such-event"));
    let html = panel("deployment=no-such-unit&lang=en").await;
    assert!(
        text(&html).contains("This link names a deployment the map does not have (“no-such-unit”)"),
        "{html}"
    );
    assert!(html.contains("data-close data-href=\"/\""), "{html}");
}

/// The router over `geodata/` with the hostile fixture's payloads planted.
fn hostile_app() -> axum::Router {
    static STATE: std::sync::OnceLock<server::state::AppState> = std::sync::OnceLock::new();
    support::app_once(&STATE, || {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kuril-hostile-cards");
        let geodata = support::workspace().join("geodata");
        hostile_plant::plant(&geodata, &dir)
            .unwrap_or_else(|e| panic!("planting hostile data: {e}"));
        (support::fake_dist("kuril-hostile-cards-dist"), dir)
    })
}

async fn hostile(query: &str) -> Answer {
    let uri = format!("/fragments/panel?{query}");
    send(
        hostile_app(),
        Request::get(uri).body(Body::empty()).expect("request"),
    )
    .await
}

#[tokio::test]
async fn hostile_text_in_the_cards_is_text() {
    let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<svg onload=alert(3)>",
        "<img src=x onerror=alert(6)>",
        "</text><script>alert(8)</script>",
        "<b onmouseover=alert(7)>",
        "<img src=x onerror=alert(9)>",
    ];
    for query in [
        "event=treaty-of-shimoda-1855",
        "event=bastion-bal-deployed-2016&names=ru",
        "deployment=bastion-etorofu",
        "deployment=bastion-etorofu&names=ja",
        "date=2017-01-01&compare=2015-01-01",
    ] {
        let a = hostile(query).await;
        assert_eq!(a.status, StatusCode::OK, "{query}");
        let html = a.text();
        for payload in payloads {
            assert!(!html.contains(payload), "{query}: {payload} as markup");
        }
        // The payloads are there, as text: the test proves something.
        assert!(
            payloads.iter().any(|p| text(&html).contains(p)),
            "{query}: no payload shown: {html}"
        );
    }
}
