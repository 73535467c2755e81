//! `/fragments/controls`: the page controls drawn by the server, through
//! the real router: the link's language, the link's names and layers
//! checked, the share area's parts, and an embed's footer.

mod support;

use support::get;

async fn controls(query: &str) -> String {
    let answer = get(&format!("/fragments/controls?{query}")).await;
    assert_eq!(answer.status, 200, "{query}");
    assert_eq!(answer.header("content-type"), "text/html; charset=utf-8");
    answer.text()
}

/// Whether the input `name`=`value` is drawn checked.
fn is_checked(html: &str, name: &str, value: &str) -> bool {
    let at = html
        .find(&format!("name=\"{name}\" value=\"{value}\""))
        .unwrap_or_else(|| panic!("no {name}={value} in {html}"));
    let end = html[at..].find('>').expect("the tag ends");
    html[at..at + end].contains(" checked")
}

#[tokio::test]
async fn the_control_offers_names_layers_legend_and_sharing_in_english() {
    let html = controls("").await;
    assert!(html.starts_with("<nav class=\"controls\" aria-label=\"Map options\">"));
    assert!(html.contains("aria-label=\"Map layers and legend\""));
    for words in [
        ">Both</label>",
        ">Island labels</label>",
        ">Treaty and claim lines</label>",
        "<summary>Legend</summary>",
        "Coastal missiles",
        "location not published",
        ">Copy link</button>",
        ">Cite this view</button>",
        ">Embed</button>",
        ">Copy embed code</button>",
        "PNG (print size)",
        "href=\"/api/events.csv\"",
    ] {
        assert!(html.contains(words), "{words}");
    }
    // Each citation format names the text box and the copy button.
    assert!(html.contains(
        "value=\"bibtex\" data-label=\"Citation in BibTeX\" data-copy-label=\"Copy BibTeX\""
    ));
    // The default link: both names, every layer.
    assert!(is_checked(&html, "names", "both"));
    for layer in ["islands", "lines", "places", "deployments", "events"] {
        assert!(is_checked(&html, "layers", layer), "{layer}");
    }
}

#[tokio::test]
async fn the_links_choices_are_checked() {
    let html = controls("names=ja&layers=islands,deployments").await;
    assert!(is_checked(&html, "names", "ja"));
    assert!(!is_checked(&html, "names", "both"));
    assert!(is_checked(&html, "layers", "islands"));
    assert!(is_checked(&html, "layers", "deployments"));
    assert!(!is_checked(&html, "layers", "events"));
    assert!(!is_checked(&html, "layers", "places"));
}

#[tokio::test]
async fn the_control_speaks_the_links_language_with_its_default_names() {
    let ja = controls("lang=ja").await;
    assert!(ja.contains("aria-label=\"地図の表示項目と凡例\""));
    assert!(ja.contains(">リンクをコピー</button>"));
    assert!(is_checked(&ja, "names", "ja"), "Japanese names by default");
    assert!(ja.contains("href=\"/api/events.csv?lang=ja\""));
    let ru = controls("lang=ru&names=both").await;
    assert!(ru.contains(">Копировать ссылку</button>"));
    assert!(is_checked(&ru, "names", "both"));
}

#[tokio::test]
async fn an_embed_gets_its_footer_with_the_date_and_a_link_out() {
    let html = controls("embed=1&date=2017-01-01&island=etorofu&lang=ru").await;
    assert!(
        html.starts_with("<footer class=\"embed-footer\">"),
        "{html}"
    );
    assert!(html.contains("Дата карты: 1 января 2017"), "{html}");
    assert!(
        html.contains("href=\"/?island=etorofu&amp;date=2017-01-01&amp;lang=ru\""),
        "{html}"
    );
    assert!(html.contains("Открыть в Курильском атласе"));
    assert!(html.contains("legend-box embed-legend"));
    assert!(!html.contains("class=\"controls\""));
}
