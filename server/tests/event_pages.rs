//! `/feed.atom` (parsed as XML) and the event pages `/events/{id}`,
//! through the real router over the committed data.

mod support;

use axum::body::Body;
use axum::http::Request;
use serde_json::Value;
use support::{Answer, app, get, send};

const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

async fn json(uri: &str) -> Value {
    let answer = get(uri).await;
    assert_eq!(answer.status, 200, "{uri}");
    serde_json::from_slice(&answer.body).expect("JSON")
}

async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(app(), request.body(Body::empty()).expect("request")).await
}

/// The text of `node`'s first child element named `name` in the Atom namespace.
fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children()
        .find(|c| c.is_element() && c.has_tag_name((ATOM_NS, name)))
}

fn text_of(node: roxmltree::Node, name: &str) -> String {
    child(node, name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("<{name}> in <{}>", node.tag_name().name()))
        .to_string()
}

fn entries<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.root_element()
        .children()
        .filter(|c| c.has_tag_name((ATOM_NS, "entry")))
        .collect()
}

#[tokio::test]
async fn the_feed_is_atom_with_every_event_newest_change_first() {
    let answer = get("/feed.atom").await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("content-type"),
        "application/atom+xml; charset=utf-8"
    );
    assert!(answer.header("etag").starts_with('"'));
    let text = answer.text();
    let doc = roxmltree::Document::parse(&text).expect("the feed is well-formed XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM_NS, "feed")));
    for required in ["id", "title", "subtitle", "updated"] {
        assert!(!text_of(feed, required).is_empty(), "{required}");
    }
    let author = child(feed, "author").expect("author");
    assert_eq!(text_of(author, "name"), "Kuril Atlas");
    let rels: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM_NS, "link")))
        .filter_map(|l| l.attribute("rel"))
        .collect();
    assert!(
        rels.contains(&"self") && rels.contains(&"alternate"),
        "{rels:?}"
    );

    let total = json("/api/events?limit=1").await["total"]
        .as_u64()
        .expect("total");
    let entries = entries(&doc);
    assert_eq!(entries.len() as u64, total);
    let mut previous: Option<(String, String)> = None;
    for entry in &entries {
        let id = text_of(*entry, "id");
        let link = child(*entry, "link")
            .and_then(|l| l.attribute("href"))
            .expect("link");
        assert_eq!(id, link);
        assert!(link.contains("/events/"), "{link}");
        assert!(!text_of(*entry, "title").is_empty());
        assert!(!text_of(*entry, "summary").is_empty());
        let (published, updated) = (text_of(*entry, "published"), text_of(*entry, "updated"));
        assert!(published <= updated, "{id}: {published} > {updated}");
        assert!(
            updated.ends_with("T00:00:00Z") && updated.len() == 20,
            "{updated}"
        );
        // Newest change first; the same day, by id.
        if let Some((prev_updated, prev_id)) = &previous {
            assert!(
                (prev_updated > &updated) || (prev_updated == &updated && prev_id < &id),
                "{prev_id} ({prev_updated}) before {id} ({updated})"
            );
        }
        previous = Some((updated, id));
    }
    let first_updated = text_of(entries[0], "updated");
    assert_eq!(text_of(feed, "updated"), first_updated);
}

#[tokio::test]
async fn an_islands_feed_has_its_events_and_an_unknown_island_is_a_400() {
    for island in ["etorofu", "habomai"] {
        let answer = get(&format!("/feed.atom?island={island}")).await;
        assert_eq!(answer.status, 200);
        let text = answer.text();
        let doc = roxmltree::Document::parse(&text).expect("XML");
        let total = json(&format!("/api/events?island={island}&limit=1")).await["total"]
            .as_u64()
            .expect("total");
        assert!(total > 0);
        assert_eq!(entries(&doc).len() as u64, total, "{island}");
    }
    let etorofu = get("/feed.atom?island=etorofu").await.text();
    let doc = roxmltree::Document::parse(&etorofu).expect("XML");
    for entry in entries(&doc) {
        assert!(
            entry
                .children()
                .filter(|c| c.has_tag_name((ATOM_NS, "category")))
                .any(|c| c.attribute("term") == Some("etorofu")),
            "every entry of Etorofu's feed is about Etorofu"
        );
    }
    for bad in ["island=atlantis", "lang=xx", "colour=red"] {
        let answer = get(&format!("/feed.atom?{bad}")).await;
        assert_eq!(answer.status, 400, "{bad}");
        let body: Value = serde_json::from_slice(&answer.body).expect("the usual JSON error");
        assert_eq!(body["error"], "bad_parameter");
        assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()));
    }
    let atlantis: Value =
        serde_json::from_slice(&get("/feed.atom?island=atlantis").await.body).expect("JSON");
    assert!(
        atlantis["detail"]
            .as_str()
            .is_some_and(|d| d.contains("unknown island id `atlantis`")),
        "{atlantis}"
    );
}

#[tokio::test]
async fn the_feed_speaks_the_links_language() {
    let text = get("/feed.atom?lang=ja").await.text();
    let doc = roxmltree::Document::parse(&text).expect("XML");
    let feed = doc.root_element();
    assert_eq!(
        feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("ja")
    );
    assert!(text_of(feed, "title").contains("出来事"));
    let first = entries(&doc)[0];
    assert!(text_of(first, "id").ends_with("?lang=ja"));
}

#[tokio::test]
async fn an_event_page_has_its_sources_and_citation_tags_without_script() {
    let id = "bastion-bal-deployed-2016";
    let event = json(&format!("/api/events/{id}")).await["event"].clone();
    let page = get(&format!("/events/{id}?lang=en")).await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert_eq!(page.header("content-language"), "en");
    let html = page.text();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    let sources = event["sources"].as_array().expect("sources");
    assert!(!sources.is_empty());
    for source in sources {
        let url = source["url"].as_str().expect("url").replace('&', "&amp;");
        assert!(html.contains(&format!("<a href=\"{url}\"")), "{url}");
    }
    let title = event["title"].as_str().expect("title");
    assert!(html.contains(&format!("<h1>{title}</h1>")), "{title}");
    assert!(html.contains("<meta name=\"citation_title\""));
    assert!(html.contains("<meta name=\"citation_date\""));
    assert!(html.contains("<meta name=\"citation_publisher\" content=\"Kuril Atlas\">"));
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"http://127.0.0.1:8080/events/{id}\">"
    )));
    assert!(
        html.contains(&format!("href=\"/?event={id}\"")),
        "opens on the map"
    );
    assert!(html.contains("rel=\"prev\"") && html.contains("rel=\"next\""));
    assert!(html.contains("Deployments this event establishes"));
    assert!(!html.contains("<script") && !html.contains("style="));
    assert!(
        !html.contains('{'),
        "no unrendered reference or placeholder"
    );
    // Revalidation: the same page, 304.
    let etag = page.header("etag").to_string();
    let again = get_with(
        &format!("/events/{id}?lang=en"),
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status, 304);
}

#[tokio::test]
async fn an_event_page_speaks_the_links_or_the_readers_language() {
    let id = "bastion-bal-deployed-2016";
    let ja = get(&format!("/events/{id}?lang=ja")).await;
    let html = ja.text();
    assert!(html.contains("<html lang=\"ja\">"));
    let event = json(&format!("/api/events/{id}?lang=ja")).await["event"].clone();
    assert_eq!(event["text_lang"], "ja");
    let h1 = html
        .split("<h1>")
        .nth(1)
        .and_then(|s| s.split("</h1>").next())
        .expect("a heading");
    assert!(h1.chars().any(model::names::is_cjk), "{h1}");
    assert!(h1.contains("択捉島") && !h1.contains("Iturup"), "{h1}");
    assert!(html.contains("情報源"));
    // Quotes' translations and every text name islands in Japanese, no braces left.
    assert!(!html.contains('{'), "an unrendered reference");
    assert!(html.contains("当プロジェクトによる翻訳：「"));
    // Without lang=, the reader's languages decide, and the answer says it varies.
    let ru = get_with(
        &format!("/events/{id}"),
        &[("accept-language", "ru-RU,ru;q=0.9")],
    )
    .await;
    assert!(ru.text().contains("<html lang=\"ru\">"));
    assert!(
        ru.header("vary")
            .to_ascii_lowercase()
            .contains("accept-language")
    );
}

#[tokio::test]
async fn an_unknown_event_is_a_404_page_in_the_same_style() {
    let page = get("/events/no-such-event?lang=ru").await;
    assert_eq!(page.status, 404);
    assert!(page.header("content-type").starts_with("text/html"));
    let html = page.text();
    assert!(html.contains("<html lang=\"ru\">") && html.contains("/pages.css"));
    assert!(html.contains("no-such-event"));
    let hostile = get("/events/%3Cscript%3E").await.text();
    assert!(!hostile.contains("<script>") && hostile.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn the_page_head_links_the_feed_and_the_open_islands() {
    let html = get("/?island=etorofu").await.text();
    assert!(html.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"http://127.0.0.1:8080/feed.atom\" title=\"Kuril Atlas: new and changed events (Atom)\">"
    ));
    assert!(html.contains("href=\"http://127.0.0.1:8080/feed.atom?island=etorofu\" title=\"Kuril Atlas: new and changed events on Etorofu / Iturup (Atom)\""));
}
