//! `/export.svg` and `/export.png` through the real router.

use axum::body::Body;
use axum::http::Request;

mod support;

use support::{Answer, app, get, send};

/// The width and height in a PNG's header.
fn png_size(body: &[u8]) -> (u32, u32) {
    assert_eq!(&body[1..4], b"PNG", "a PNG");
    let word = |at: usize| u32::from_be_bytes([body[at], body[at + 1], body[at + 2], body[at + 3]]);
    (word(16), word(20))
}

fn svg_size(answer: &Answer) -> (f64, f64) {
    let text = answer.text();
    let attribute = |name: &str| -> f64 {
        let at = text.find(&format!(" {name}=\"")).expect("size attribute") + name.len() + 3;
        let end = at + text[at..].find('"').expect("closing quote");
        text[at..end].parse().expect("number")
    };
    (attribute("width"), attribute("height"))
}

#[tokio::test]
async fn the_png_is_the_svg_at_twice_its_size_saved_under_a_meaningful_name() {
    let svg = get("/export.svg?date=2016-11-22&island=etorofu&w=600&h=400").await;
    assert_eq!(svg.status, 200, "{}", svg.text());
    assert_eq!(svg.header("content-type"), "image/svg+xml");
    assert_eq!(
        svg.header("content-disposition"),
        "attachment; filename=\"kuril-atlas-etorofu-2016-11-22.svg\""
    );
    let (width, height) = svg_size(&svg);
    assert_eq!(width, 600.0);
    assert!(
        height > 400.0,
        "the map, a title above it and the legend below"
    );
    let png = get("/export.png?date=2016-11-22&island=etorofu&w=600&h=400").await;
    assert_eq!(png.status, 200);
    assert_eq!(png.header("content-type"), "image/png");
    assert!(!png.header("etag").is_empty());
    assert_eq!(png_size(&png.body), (1200, (height * 2.0) as u32));
    assert!(png.header("content-disposition").ends_with(".png\""));
    let again = get("/export.png?date=2016-11-22&island=etorofu&w=600&h=400").await;
    assert_eq!(again.body, png.body, "the same state gives the same bytes");
}

/// The PNG is drawn layer by layer (the map on a canvas of its own, for
/// speed); it must be the picture the SVG is when drawn whole.
#[tokio::test]
async fn the_png_drawn_in_layers_is_the_svg_drawn_whole() {
    use resvg::tiny_skia::Pixmap;
    let query = "date=2016-11-22&island=etorofu&w=480&h=320";
    let svg = get(&format!("/export.svg?{query}")).await.text();
    let png = get(&format!("/export.png?{query}")).await;
    assert_eq!(png.status, 200);
    let whole = server::page::Previews::default()
        .render_scaled(&svg, 2.0)
        .expect("the SVG is drawn");
    let (layered, whole) = (
        Pixmap::decode_png(&png.body).expect("a PNG"),
        Pixmap::decode_png(&whole).expect("a PNG"),
    );
    assert_eq!(
        (layered.width(), layered.height()),
        (whole.width(), whole.height())
    );
    let differ = |a: &Pixmap, b: &Pixmap| {
        a.pixels()
            .iter()
            .zip(b.pixels())
            .filter(|(p, q)| {
                let channels = |c: &resvg::tiny_skia::PremultipliedColorU8| {
                    [c.red(), c.green(), c.blue(), c.alpha()]
                };
                channels(p)
                    .iter()
                    .zip(channels(q))
                    .any(|(x, y)| x.abs_diff(y) > 8)
            })
            .count()
    };
    let pixels = whole.pixels().len();
    let changed = differ(&layered, &whole);
    assert!(
        changed * 1000 < pixels,
        "{changed} of {pixels} pixels differ from the SVG drawn whole"
    );
    // And the comparison can tell: a blank page differs in most of the map.
    let mut blank = Pixmap::new(whole.width(), whole.height()).expect("size");
    blank.fill(resvg::tiny_skia::Color::WHITE);
    assert!(differ(&blank, &whole) * 4 > pixels, "the figure is drawn");
}

#[tokio::test]
async fn the_svg_has_the_title_and_the_permalink_without_the_size() {
    let svg = get("/export.svg?date=2016-11-22&island=etorofu&lang=ja").await;
    let text = svg.text();
    assert!(
        text.contains(">択捉島（2016年11月22日時点）</text>"),
        "{text}"
    );
    assert!(
        text.contains("/?island=etorofu&amp;date=2016-11-22&amp;lang=ja · データ版 "),
        "the permalink printed, then the data revision: {text}"
    );
    assert_eq!(svg.header("content-language"), "ja");
    let (width, _) = svg_size(&svg);
    assert_eq!(width, 1200.0, "the default width");
}

#[tokio::test]
async fn a_bad_size_is_a_400_naming_it() {
    for (query, name) in [
        ("w=5", "w"),
        ("h=abc", "h"),
        ("w=100000", "w"),
        ("w=800&w=900", "w"),
    ] {
        for route in ["/export.svg", "/export.png"] {
            let answer = get(&format!("{route}?{query}")).await;
            assert_eq!(answer.status, 400, "{route}?{query}");
            let body: serde_json::Value = serde_json::from_slice(&answer.body).expect("JSON");
            assert_eq!(body["error"], "bad_parameter");
            let detail = body["detail"].as_str().expect("detail");
            assert!(detail.starts_with(&format!("{name}: ")), "{detail}");
        }
    }
}

#[tokio::test]
async fn an_unchanged_export_is_not_sent_again() {
    let first = get("/export.svg?date=2000-01-01").await;
    let etag = first.header("etag").to_owned();
    let request = Request::get("/export.svg?date=2000-01-01")
        .header("if-none-match", &etag)
        .body(Body::empty())
        .expect("request");
    assert_eq!(send(app(), request).await.status, 304);
}

/// The SVG is kept once drawn: asked again, the same bytes; but a kept
/// figure is only ever the one drawn for that state, size and host.
#[tokio::test]
async fn a_kept_svg_is_the_one_drawn_for_its_state_size_and_host() {
    let ask = |uri: &'static str, host: &'static str| async move {
        let request = Request::get(uri)
            .header("host", host)
            .body(Body::empty())
            .expect("request");
        send(app(), request).await.text()
    };
    let first = ask("/export.svg?date=1999-09-09", "a.example").await;
    assert!(
        first.contains("http://a.example/?date=1999-09-09"),
        "{first}"
    );
    assert_eq!(ask("/export.svg?date=1999-09-09", "a.example").await, first);
    let other_host = ask("/export.svg?date=1999-09-09", "b.example").await;
    assert!(other_host.contains("http://b.example/") && !other_host.contains("a.example"));
    let other_day = ask("/export.svg?date=1999-09-10", "a.example").await;
    assert!(other_day.contains("date=1999-09-10") && !other_day.contains("date=1999-09-09"));
    let other_size = ask("/export.svg?date=1999-09-09&w=600&h=400", "a.example").await;
    assert!(other_size.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="600""#));
}

/// A compared link's figure says what it compares and marks each change
/// the API lists (all of them in view at the default extent), as the map does.
#[tokio::test]
async fn a_compared_link_exports_the_comparison() {
    let query = "date=2017-01-01&compare=2015-01-01";
    let svg = get(&format!("/export.svg?{query}")).await;
    assert_eq!(svg.status, 200, "{}", svg.text());
    assert_eq!(
        svg.header("content-disposition"),
        "attachment; filename=\"kuril-atlas-2017-01-01-compared-with-2015-01-01.svg\""
    );
    let text = svg.text();
    assert!(
        text.contains(">Changes between 1 January 2015 and 1 January 2017</text>"),
        "{text}"
    );
    let api = get("/api/deployments/changes?from=2015-01-01&to=2017-01-01").await;
    let changes: serde_json::Value = serde_json::from_slice(&api.body).expect("json");
    for kind in ["added", "withdrawn", "changed"] {
        let listed = changes[kind].as_array().map_or(0, Vec::len);
        let marked = text
            .matches(&format!("<g class=\"change-mark {kind}\""))
            .count();
        // The map's marks, and the legend's key when there are any.
        let keyed = usize::from(listed > 0);
        assert_eq!(marked, listed + keyed, "{kind}");
    }
    assert!(changes["added"].as_array().is_some_and(|a| !a.is_empty()));
    let plain = get("/export.svg?date=2017-01-01").await.text();
    assert!(!plain.contains("change-mark"));
}
