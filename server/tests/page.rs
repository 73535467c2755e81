//! The page's per-link meta tags and the preview images, through the real router.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

mod support;

/// The router over the committed data and a Trunk-like index.html in a
/// temporary dist folder (removed when the folder guard is dropped).
fn app() -> (axum::Router, tempdir::Dist) {
    let dist = tempdir::Dist::new();
    let app = support::app_with(dist.path.clone(), support::workspace().join("geodata"));
    (app, dist)
}

mod tempdir {
    use std::path::PathBuf;

    pub struct Dist {
        pub path: PathBuf,
    }

    impl Dist {
        pub fn new() -> Self {
            let path = std::env::temp_dir().join(format!(
                "kuril-page-test-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            ));
            std::fs::create_dir_all(&path).expect("temp dir");
            std::fs::write(
                path.join("index.html"),
                "<!doctype html><html><head><title>Kuril Atlas</title>\
                 <meta name=\"description\" content=\"generic\">\
                 <script type=\"module\">import init from '/app.js'; await init();</script>\
                 </head><body></body></html>",
            )
            .expect("index.html");
            Dist { path }
        }
    }

    impl Drop for Dist {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

async fn get(uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let (app, _dist) = app();
    let response = app
        .oneshot(
            Request::get(uri)
                .header(header::HOST, "atlas.example")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

fn meta<'a>(html: &'a str, property: &str) -> Option<&'a str> {
    let key = format!("property=\"{property}\" content=\"");
    let key = if html.contains(&key) {
        key
    } else {
        format!("name=\"{property}\" content=\"")
    };
    let start = html.find(&key)? + key.len();
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

#[tokio::test]
async fn a_group_page_names_the_group_and_who_held_it_on_the_date() {
    let (_, _, body) = get("/?island=habomai&date=1960-01-01").await;
    let html = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        meta(&html, "og:title"),
        Some("Habomai / Khabomai, as of 1 January 1960 · Kuril Atlas")
    );
    let description = meta(&html, "og:description").expect("description");
    assert!(
        description.contains("歯舞群島")
            && description.contains("administered by the Soviet Union, claimed by Japan"),
        "{description}"
    );
    // Before its landing day it was Japan's: no claim.
    let (_, _, body) = get("/?island=habomai&date=1945-09-02").await;
    let html = String::from_utf8(body).expect("utf-8");
    let description = meta(&html, "og:description").expect("description");
    assert!(
        description.contains("administered by Japan;"),
        "{description}"
    );
}

#[tokio::test]
async fn a_permalink_page_carries_its_own_title_description_and_image() {
    let (status, _, body) = get("/?island=kunashiri&date=2017-01-01&names=both").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        meta(&html, "og:title"),
        Some("Kunashiri / Kunashir, as of 1 January 2017 · Kuril Atlas")
    );
    let description = meta(&html, "og:description").expect("description");
    assert!(
        description.contains("国後島") && description.contains("as of 1 January 2017"),
        "{description}"
    );
    assert_eq!(
        meta(&html, "og:image"),
        Some("http://atlas.example/og.png?island=kunashiri&amp;date=2017-01-01")
    );
    assert_eq!(meta(&html, "twitter:card"), Some("summary_large_image"));
    assert_eq!(html.matches("<title>").count(), 1, "one title");
    assert!(
        !html.contains("generic"),
        "Trunk's generic description is replaced"
    );
    assert!(
        html.contains("import init from '/app.js'"),
        "the app loader is untouched"
    );
}

#[tokio::test]
async fn the_bare_page_describes_the_whole_dispute() {
    let (_, _, body) = get("/").await;
    let html = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        meta(&html, "og:title"),
        Some("The Kuril Islands / Northern Territories dispute · Kuril Atlas")
    );
    assert_eq!(meta(&html, "og:image"), Some("http://atlas.example/og.png"));
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[tokio::test]
async fn previews_are_1200_by_630_pngs_that_differ_between_states() {
    let (status, headers, kunashiri) = get("/og.png?island=kunashiri").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(png_size(&kunashiri), (1200, 630));
    let (_, _, habomai) = get("/og.png?map=11/43.450/146.000&island=shibotsu").await;
    assert_eq!(png_size(&habomai), (1200, 630));
    assert_ne!(kunashiri, habomai);
    // A link with bad parts still gets the preview of its valid part.
    let (status, _, bad) = get("/og.png?island=kunashiri&map=nonsense&x=%00").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bad, kunashiri);
}

#[tokio::test]
async fn the_page_carries_a_ready_map_that_paints_before_the_app_runs() {
    let (_, _, body) = get("/").await;
    let html = String::from_utf8(body).expect("utf-8");
    let start = html
        .find("<div class=\"prerender\"")
        .expect("prerendered map");
    let block = &html[start..];
    assert!(block.contains("<svg") && block.matches("<path d=\"M").count() > 10);
    assert!(block.contains("Etorofu / Iturup"), "labels are drawn");
    assert!(
        !block.contains("style="),
        "no inline styles: the CSP forbids them"
    );
    let (_, _, embed) = get("/?embed=1").await;
    assert!(
        !String::from_utf8(embed)
            .expect("utf-8")
            .contains("class=\"prerender\"")
    );
}

/// The text of the first paint's masthead note.
fn first_paint_note(html: &str) -> &str {
    let key = "<p class=\"convention\">";
    let start = html.find(key).expect("masthead note") + key.len();
    let len = html[start..].find("</p>").expect("closed");
    &html[start..start + len]
}

#[tokio::test]
async fn the_first_paint_says_who_held_the_islands_on_the_links_date() {
    let (_, _, body) = get("/?date=1855-03-01").await;
    let html = String::from_utf8(body).expect("utf-8");
    let note = first_paint_note(&html);
    assert!(!note.contains("administered by Russia"), "{note}");
    assert!(note.contains("administered by Japan"), "{note}");
    let (_, _, body) = get("/?date=1960-01-01&names=ru").await;
    let html = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        first_paint_note(&html),
        "Names: Russian only. On this date the islands were administered by the Soviet Union and claimed by Japan."
    );
    // In 1855 the islands are drawn as Japan's, as the app draws them then; today not.
    let (_, _, body) = get("/?date=1855-03-01").await;
    let html = String::from_utf8(body).expect("utf-8");
    assert!(html.contains(r##"fill="#f6e3b4" stroke="#7a4b00" stroke-dasharray="3 2""##));
    let (_, _, body) = get("/?date=1960-01-01&names=ru").await;
    let html = String::from_utf8(body).expect("utf-8");
    assert!(!html.contains("stroke-dasharray"));
    // The map under it names the islands as the link asks.
    let block = &html[html.find("<div class=\"prerender\"").expect("prerender")..];
    assert!(block.contains(">Iturup</text>") && !block.contains("Etorofu"));
    let (_, _, body) = get("/").await;
    let html = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        first_paint_note(&html),
        "Names: Japanese / Russian. The islands are administered by Russia and claimed by Japan."
    );
}

#[tokio::test]
async fn a_deployment_link_previews_the_unit_its_island_and_its_period() {
    let (_, _, body) = get("/?deployment=bastion-etorofu").await;
    let html = String::from_utf8(body).expect("utf-8");
    let title = meta(&html, "og:title").expect("title");
    assert!(
        title.starts_with("Bastion coastal missile battalion")
            && title.contains("Etorofu / Iturup, since November 2016"),
        "{title}"
    );
    assert!(html.contains(&format!("<title>{title}</title>")));
    let description = meta(&html, "description").expect("description");
    assert!(
        description.contains("Bastion coastal missile battalion")
            && description.contains("a military deployment"),
        "{description}"
    );
    assert_eq!(
        meta(&html, "og:image"),
        Some("http://atlas.example/og.png?deployment=bastion-etorofu")
    );
    // In the link's names convention.
    let (_, _, body) = get("/?deployment=bastion-etorofu&names=ja").await;
    let html = String::from_utf8(body).expect("utf-8");
    let title = meta(&html, "og:title").expect("title");
    assert!(
        title.contains(", Etorofu, since") && !title.contains("Iturup"),
        "{title}"
    );
    // Its picture differs from the plain one: the symbol is marked, the banner names it.
    let (status, _, marked) = get("/og.png?deployment=bastion-etorofu").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(png_size(&marked), (1200, 630));
    let (_, _, plain) = get("/og.png").await;
    assert_ne!(marked, plain);
}

#[tokio::test]
async fn an_unknown_deployment_or_event_gets_the_plain_preview() {
    let (status, _, body) = get("/?deployment=no-such-unit").await;
    assert_eq!(status, StatusCode::OK);
    let html = String::from_utf8(body).expect("utf-8");
    assert_eq!(
        meta(&html, "og:title"),
        Some("The Kuril Islands / Northern Territories dispute · Kuril Atlas")
    );
    assert_eq!(meta(&html, "og:image"), Some("http://atlas.example/og.png"));
    let (status, _, unknown) = get("/og.png?event=no-such-event").await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, plain) = get("/og.png").await;
    assert_eq!(unknown, plain);
}

#[tokio::test]
async fn an_event_link_previews_its_title_and_date_in_words() {
    let (_, _, body) = get("/?event=bastion-bal-deployed-2016").await;
    let html = String::from_utf8(body).expect("utf-8");
    let title = meta(&html, "og:title").expect("title");
    assert!(
        title.contains("November 2016") && !title.contains("2016-11"),
        "{title}"
    );
    let description = meta(&html, "og:description").expect("description");
    assert!(description.contains("an event"), "{description}");
}

#[tokio::test]
async fn an_event_preview_names_its_islands_in_the_links_convention() {
    let (_, _, body) = get("/?event=bastion-bal-deployed-2016&names=ru").await;
    let html = String::from_utf8(body).expect("utf-8");
    let title = meta(&html, "og:title").expect("title");
    assert!(
        title.starts_with("Bastion on Iturup and Bal on Kunashir go on duty, November 2016"),
        "{title}"
    );
}
