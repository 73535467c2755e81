//! The data revision (`/api/meta`, ETags, the pages' footer), citations
//! (`/api/citation`) and what the pages say to machines: `citation_*` tags
//! and schema.org JSON-LD (`Dataset`, `Map`, `ClaimReview`).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use std::path::{Path, PathBuf};

mod support;
use support::{Answer, get};

#[path = "fixtures/hostile_plant.rs"]
#[allow(dead_code)]
mod hostile_plant;

fn json(a: &Answer) -> Value {
    serde_json::from_slice(&a.body).unwrap_or_else(|e| panic!("{e}: {}", a.text()))
}

/// Every JSON-LD item of a page: each `application/ld+json` script parsed,
/// its `@graph` flattened.
fn linked_data(html: &str) -> Vec<Value> {
    let open = "<script type=\"application/ld+json\">";
    let mut items = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        let start = at + open.len();
        let end = rest[start..].find("</script>").expect("closed") + start;
        let doc: Value = serde_json::from_str(&rest[start..end]).expect("JSON-LD parses");
        assert_eq!(doc["@context"], "https://schema.org");
        items.extend(doc["@graph"].as_array().expect("@graph").iter().cloned());
        rest = &rest[end..];
    }
    items
}

fn of_type<'a>(items: &'a [Value], kind: &str) -> Vec<&'a Value> {
    items.iter().filter(|i| i["@type"] == kind).collect()
}

async fn revision() -> String {
    let meta = json(&get("/api/meta").await);
    meta["revision"].as_str().expect("revision").to_owned()
}

#[tokio::test]
async fn meta_gives_the_revision_version_and_counts_the_api_agrees_with() {
    let a = get("/api/meta").await;
    assert_eq!(a.status, StatusCode::OK);
    let meta = json(&a);
    let revision = meta["revision"].as_str().expect("revision");
    assert_eq!(revision.len(), 12);
    assert!(
        revision
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_eq!(meta["version"], env!("CARGO_PKG_VERSION"));
    let events = json(&get("/api/events?limit=1").await);
    assert_eq!(meta["counts"]["events"], events["total"]);
    let deployments = json(&get("/api/deployments").await);
    assert_eq!(
        meta["counts"]["deployments"].as_u64(),
        deployments["items"].as_array().map(|a| a.len() as u64)
    );
    let articles = json(&get("/api/articles").await);
    assert_eq!(
        meta["counts"]["articles"].as_u64(),
        articles["items"].as_array().map(|a| a.len() as u64)
    );
    assert!(meta["counts"]["fact_checks"].as_u64() >= Some(1));
    assert!(meta["counts"]["sources"].as_u64() > meta["counts"]["events"].as_u64());
}

#[tokio::test]
async fn data_answers_are_tagged_with_the_revision_and_still_revalidate() {
    let revision = revision().await;
    for uri in [
        "/api/islands",
        "/api/events?island=etorofu",
        "/api/geo/shapes/0",
        "/api/meta",
        "/about",
    ] {
        let a = get(uri).await;
        let etag = a.header("etag").to_owned();
        assert!(etag.starts_with(&format!("\"{revision}-")), "{uri}: {etag}");
        let again = Request::get(uri)
            .header("if-none-match", &etag)
            .body(Body::empty())
            .expect("request");
        let b = support::send(support::app(), again).await;
        assert_eq!(b.status, StatusCode::NOT_MODIFIED, "{uri}");
    }
    // A file not drawn from the data keeps a tag of its content alone.
    let css = get("/pages.css").await;
    assert!(!css.header("etag").contains('-'), "{}", css.header("etag"));
}

/// A copy of the committed data in the test's own folder.
fn data_copy(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    hostile_plant::copy_dir(&support::workspace().join("geodata"), &dir).expect("copy");
    dir
}

async fn meta_over(dist: &str, data: &Path) -> Value {
    let app = support::app_with(support::fake_dist(dist), data.to_owned());
    let request = Request::get("/api/meta")
        .body(Body::empty())
        .expect("request");
    json(&support::send(app, request).await)
}

#[tokio::test]
async fn the_revision_follows_the_bytes_of_the_data_not_where_they_are() {
    let committed = revision().await;
    let same = data_copy("kuril-revision-same");
    assert_eq!(
        meta_over("kuril-revision-dist-a", &same).await["revision"],
        committed.as_str(),
        "the same files elsewhere are the same revision"
    );
    let changed = data_copy("kuril-revision-changed");
    let events = changed.join("events/events.toml");
    let mut text = std::fs::read_to_string(&events).expect("events");
    text.push_str("\n# one more comment: the records are the same, the file is not\n");
    std::fs::write(&events, text).expect("write");
    let meta = meta_over("kuril-revision-dist-b", &changed).await;
    assert_ne!(meta["revision"], committed.as_str());
    assert_eq!(meta["counts"], json(&get("/api/meta").await)["counts"]);
    let _ = std::fs::remove_dir_all(same);
    let _ = std::fs::remove_dir_all(changed);
}

#[tokio::test]
async fn a_view_is_cited_in_four_formats_with_its_permalink_revision_and_access_date() {
    let revision = revision().await;
    let a = get("/api/citation?island=etorofu&date=2017-01-01&bogus=1&layers=nonsense").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text());
    assert_eq!(a.header("content-type"), "application/json");
    assert_eq!(a.header("cache-control"), "no-cache");
    let c = json(&a);
    let permalink = "http://127.0.0.1:8080/?island=etorofu&date=2017-01-01";
    assert_eq!(c["permalink"], permalink);
    assert_eq!(c["revision"], revision.as_str());
    assert_eq!(c["title"], "Etorofu / Iturup, as of 1 January 2017");
    let accessed = c["accessed"].as_str().expect("accessed");
    let day: model::events::Date = accessed.parse().expect("a day");
    assert_eq!(day, server::data::today());
    let apa = c["apa"].as_str().expect("apa");
    assert!(
        apa.starts_with("Kuril Atlas. (")
            && apa.contains("). Etorofu / Iturup, as of 1 January 2017 (Data revision ")
            && apa.contains(&revision)
            && apa.ends_with(&format!(", from {permalink}")),
        "{apa}"
    );
    let chicago = c["chicago"].as_str().expect("chicago");
    assert!(
        chicago.contains("“Etorofu / Iturup, as of 1 January 2017.”"),
        "{chicago}"
    );
    assert!(chicago.contains("Accessed ") && chicago.ends_with(&format!("{permalink}.")));
    let bibtex = c["bibtex"].as_str().expect("bibtex");
    assert!(
        bibtex.starts_with(&format!("@misc{{kurilatlas-{revision},")),
        "{bibtex}"
    );
    assert!(
        bibtex.contains(&format!("urldate = {{{accessed}}}")),
        "{bibtex}"
    );
    let csl: Value = serde_json::from_str(c["csl_json"].as_str().expect("csl")).expect("CSL-JSON");
    assert_eq!(csl[0]["type"], "dataset");
    assert_eq!(csl[0]["URL"], permalink);
    assert_eq!(csl[0]["version"], revision.as_str());
}

#[tokio::test]
async fn a_citation_speaks_the_links_language_and_drops_what_the_page_drops() {
    let c = json(&get("/api/citation?island=etorofu&lang=ja&embed=1&event=no-such-event").await);
    let apa = c["apa"].as_str().expect("apa");
    assert!(
        apa.contains("［データセット］") && apa.contains("閲覧"),
        "{apa}"
    );
    assert_eq!(
        c["permalink"],
        "http://127.0.0.1:8080/?island=etorofu&lang=ja"
    );
    let ru = json(&get("/api/citation?lang=ru").await);
    assert!(
        ru["chicago"]
            .as_str()
            .expect("chicago")
            .contains("дата обращения")
    );
    assert_eq!(
        ru["title"],
        "Спор о Курильских островах / «Северных территориях»"
    );
}

#[tokio::test]
async fn the_map_page_carries_citation_tags_linked_data_and_the_revision_footer() {
    let revision = revision().await;
    let html = get("/?island=etorofu&date=2017-01-01").await.text();
    assert!(html.contains(
        "<meta name=\"citation_title\" content=\"Etorofu / Iturup, as of 1 January 2017\">"
    ));
    assert!(html.contains("<meta name=\"citation_author\" content=\"Kuril Atlas\">"));
    assert!(html.contains("<meta name=\"citation_language\" content=\"en\">"));
    assert!(html.contains(
        "<meta name=\"citation_public_url\" content=\"http://127.0.0.1:8080/?island=etorofu&amp;date=2017-01-01\">"
    ));
    let items = linked_data(&html);
    let dataset = of_type(&items, "Dataset");
    assert_eq!(dataset.len(), 1, "{items:#?}");
    assert_eq!(dataset[0]["version"], revision.as_str());
    assert_eq!(dataset[0]["spatialCoverage"]["geo"]["box"], "41 139 52 158");
    assert!(
        dataset[0]["license"][0]
            .as_str()
            .is_some_and(|l| l.starts_with("https://spdx.org/licenses/"))
    );
    assert_eq!(of_type(&items, "Map").len(), 1);
    assert!(of_type(&items, "ClaimReview").is_empty(), "no article open");
    let footer = html
        .find("<footer class=\"data-revision\">")
        .expect("footer");
    assert!(html[footer..].contains(&format!("Data revision {revision}")));
    assert!(footer < html.rfind("</body>").expect("body"));
    // In Japanese, the tags and the footer are too.
    let ja = get("/?lang=ja").await.text();
    assert!(ja.contains("<meta name=\"citation_language\" content=\"ja\">"));
    assert!(ja.contains(&format!("データ版 {revision}")));
}

#[tokio::test]
async fn about_and_methodology_describe_the_dataset_with_no_script_to_run() {
    let revision = revision().await;
    for (path, title) in [
        ("/about", "About the dispute"),
        ("/methodology", "How we source"),
    ] {
        let html = get(path).await.text();
        assert!(
            html.contains(&format!(
                "<meta name=\"citation_title\" content=\"{title}\">"
            )),
            "{path}"
        );
        let items = linked_data(&html);
        assert_eq!(of_type(&items, "Dataset").len(), 1, "{path}");
        assert_eq!(items[0]["version"], revision.as_str());
        assert!(
            html.contains(&format!("Data revision {revision}")),
            "{path}"
        );
        // Data blocks only: the CSP runs no inline script on these pages.
        assert_eq!(
            html.matches("<script").count(),
            html.matches("<script type=\"application/ld+json\">")
                .count(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_fact_check_is_a_claim_review_on_its_articles_page() {
    let article = json(&get("/api/articles/seed-2017-03-20").await);
    let html = get("/?article=seed-2017-03-20").await.text();
    let items = linked_data(&html);
    let reviews = of_type(&items, "ClaimReview");
    assert_eq!(
        reviews.len(),
        1,
        "one fact-check on this article: {items:#?}"
    );
    let review = reviews[0];
    let excerpts = article["excerpts"].as_array().expect("excerpts");
    let (number, checked) = excerpts
        .iter()
        .enumerate()
        .find(|(_, x)| {
            x["annotations"]
                .as_array()
                .is_some_and(|a| a.iter().any(|n| n["kind"] == "fact-check"))
        })
        .expect("the fact-checked excerpt");
    assert_eq!(review["claimReviewed"], checked["excerpt"]["quote"]);
    assert_eq!(
        review["claimReviewed"],
        "In November, land-to-air missile systems were deployed on Etorofu and Kunashiri"
    );
    assert_eq!(
        review["itemReviewed"]["author"]["name"],
        article["article"]["outlet"]
    );
    assert_eq!(review["itemReviewed"]["datePublished"], "2017-03-20");
    assert_eq!(review["reviewRating"]["alternateName"], "Mostly false");
    assert_eq!(review["reviewRating"]["ratingValue"], 2);
    assert_eq!(review["author"]["name"], "Kuril Atlas");
    assert!(
        review["reviewBody"]
            .as_str()
            .is_some_and(|b| b.starts_with("Wrong type of weapon."))
    );
    assert_eq!(
        review["url"],
        format!(
            "http://127.0.0.1:8080/?article=seed-2017-03-20&excerpt={}",
            number + 1
        )
    );
    // In Russian, our review and its rating are Russian; the claim stays verbatim.
    let ru = linked_data(&get("/?article=seed-2017-03-20&lang=ru").await.text());
    let ru = of_type(&ru, "ClaimReview")[0].clone();
    assert_eq!(ru["claimReviewed"], review["claimReviewed"]);
    assert_eq!(ru["reviewRating"]["alternateName"], "В основном неверно");
}

#[test]
fn the_openapi_document_describes_meta_and_citation_exactly() {
    let state = support::state_with(
        support::fake_dist("kuril-cite-openapi"),
        support::workspace().join("geodata"),
    )
    .expect("the committed data loads");
    let doc: Value = serde_json::from_slice(&state.api().openapi_json().body).expect("json");
    let schema = |path: &str| {
        doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            ["$ref"]
            .clone()
    };
    assert_eq!(schema("/api/meta"), "#/components/schemas/Meta");
    assert_eq!(schema("/api/citation"), "#/components/schemas/CitationSet");
    let params = doc["paths"]["/api/citation"]["get"]["parameters"]
        .as_array()
        .expect("parameters");
    let names: Vec<&str> = params.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(
        names,
        [
            "map",
            "island",
            "date",
            "event",
            "deployment",
            "article",
            "excerpt",
            "layers",
            "names",
            "lang"
        ]
    );
    // Any text: the route ignores what the page would, so nothing is invalid.
    for p in params {
        assert!(p["schema"].get("enum").is_none(), "{p}");
        assert_eq!(p["required"], false, "{p}");
    }
    let required = |name: &str| doc["components"]["schemas"][name]["required"].clone();
    for field in [
        "apa",
        "chicago",
        "bibtex",
        "csl_json",
        "accessed",
        "revision",
        "permalink",
    ] {
        assert!(
            required("CitationSet")
                .as_array()
                .is_some_and(|r| r.contains(&field.into())),
            "{field}"
        );
    }
    assert!(
        required("Meta")
            .as_array()
            .is_some_and(|r| r.contains(&"counts".into()))
    );
    // A fact-check's rating is listed as the data spells it.
    let ratings: Vec<&str> = model::events::ClaimRating::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(
        doc["components"]["schemas"]["ClaimRating"]["enum"],
        serde_json::json!(ratings)
    );
}
