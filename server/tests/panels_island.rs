//! `GET /fragments/panel?island=…`: an island's or a group's panel drawn by
//! the server, through the real router over the committed data (and over
//! the hostile-data fixture): names in both scripts, status on the map's
//! date in the link's language, the period holding the date open, the entry
//! the panel was left for marked, an unknown id a notice, hostile text inert.

#[path = "fixtures/hostile_plant.rs"]
mod hostile_plant;
mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use model::islands::{Island, Islands};
use model::names::{NameStyle, Naming};
use std::path::PathBuf;
use support::{Answer, get};

fn islands() -> Islands {
    let path = support::workspace().join("geodata/islands.toml");
    let text = std::fs::read_to_string(&path).expect("islands.toml");
    Islands::parse("geodata/islands.toml", &text).expect("the islands data parses")
}

/// The first island the data dates Soviet control for, and the first group.
fn an_island_and_a_group() -> (Island, Island) {
    let all = islands();
    let island = all
        .islands
        .iter()
        .find(|i| i.soviet_control.is_some() && all.group_of(&i.id).is_none())
        .expect("an island of its own")
        .clone();
    let group = all.groups.first().expect("a group").clone();
    (island, group)
}

async fn panel(query: &str) -> Answer {
    let a = get(&format!("/fragments/panel?{query}")).await;
    assert_eq!(a.status, StatusCode::OK, "{query}: {}", a.text());
    assert_eq!(a.header("content-type"), "text/html; charset=utf-8");
    a
}

/// The story's periods, each as its HTML (`<li class="story-group">…`).
fn periods(html: &str) -> Vec<&str> {
    html.split("<li class=\"story-group\">").skip(1).collect()
}

/// A period's label as a reader sees it with "All" chosen.
fn label(period: &str) -> &str {
    let start = period
        .find("<span data-kind=\"all\">")
        .map(|i| i + "<span data-kind=\"all\">".len())
        .expect("a label");
    let len = period[start..].find("</span>").expect("label ends");
    &period[start..start + len]
}

fn open(period: &str) -> bool {
    period.starts_with("<details open>")
}

/// The link a folded period holds to its entries (`data-fill` and the
/// link's `href`, which must agree), unescaped.
fn fill_url(period: &str) -> Option<String> {
    let start = period.strip_prefix("<details data-fill=\"")?;
    let url = &start[..start.find('"')?];
    assert!(
        period.contains(&format!("<p class=\"story-later\"><a href=\"{url}\">")),
        "the fallback link: {period}"
    );
    Some(url.replace("&amp;", "&"))
}

/// The panel with each folded period's entries asked for through its link
/// and put in place of the link, as the app's host does when it is opened.
async fn whole(html: &str, app: Option<axum::Router>) -> String {
    let mut out = html.to_owned();
    for period in periods(html) {
        let Some(url) = fill_url(period) else {
            continue;
        };
        let request = Request::get(url.as_str())
            .body(Body::empty())
            .expect("request");
        let a = support::send(app.clone().unwrap_or_else(support::app), request).await;
        assert_eq!(a.status, StatusCode::OK, "{url}");
        let link_at = period.find("<p class=\"story-later\">").expect("the link");
        let link_len = period[link_at..].find("</p>").expect("its end") + 4;
        let link = &period[link_at..link_at + link_len];
        out = out.replacen(
            &format!("{}{link}", &period[..link_at]),
            &format!("{}{}", &period[..link_at], a.text()),
            1,
        );
    }
    out
}

/// The one `<dd>` after the `<dt>` `term`.
fn row<'a>(html: &'a str, term: &str) -> Option<&'a str> {
    let at = html.find(&format!("<dt>{term}</dt><dd>"))? + term.len() + 13;
    let len = html[at..].find("</dd>")?;
    Some(&html[at..at + len])
}

/// The official area's source reads in the panel's language: the
/// publisher named in it (the project's translation), not the English note.
#[tokio::test]
async fn the_areas_source_is_in_the_panels_language() {
    let (island, _) = an_island_and_a_group();
    let year = island.official_area_as_of.clone().expect("an area's year");
    for (lang, term, publisher) in [
        (
            "en",
            "Area (official, Japan)",
            island.official_area_publisher.clone(),
        ),
        (
            "ja",
            "面積（日本政府公表）",
            island.official_area_publisher_ja.clone(),
        ),
        (
            "ru",
            "Площадь (официальные данные Японии)",
            island.official_area_publisher_ru.clone(),
        ),
    ] {
        let publisher = publisher.expect("the publisher in each language");
        let html = panel(&format!("island={}&lang={lang}", island.id))
            .await
            .text();
        let area = row(&html, term).unwrap_or_else(|| panic!("{lang}: no area row in {html}"));
        assert!(
            area.contains(&format!("<span class=\"source\">{publisher}")),
            "{lang}: {area}"
        );
        assert!(area.contains(&year), "{lang}: {area}");
        assert!(!area.contains("lang=\"en\""), "{lang}: {area}");
    }
}

#[tokio::test]
async fn an_islands_panel_has_its_names_in_both_scripts_and_its_status() {
    let (island, _) = an_island_and_a_group();
    let id = &island.id;
    let a = panel(&format!("island={id}&date=2017-01-01")).await;
    assert_eq!(a.header("content-language"), "en");
    let html = a.text();
    assert!(html.starts_with(&format!(
        "<aside class=\"panel\" id=\"panel\" aria-labelledby=\"panel-title\" data-key=\"island {id}\">"
    )));
    let title = Naming::new(model::i18n::Lang::En, NameStyle::Both).label(&island.forms());
    assert!(
        html.contains(&format!(
            "<h2 id=\"panel-title\" tabindex=\"-1\">{title}</h2>"
        )),
        "{html}"
    );
    assert!(html.contains(&format!("<span lang=\"ja\">{}</span>", island.name_ja)));
    assert!(html.contains(&format!("<span lang=\"ru\">{}</span>", island.name_ru)));
    assert!(html.contains(&format!(
        "<span lang=\"ja-Latn\">{}</span>",
        island.name_ja_romaji
    )));
    assert_eq!(
        row(&html, "Administered by (on 1 January 2017)"),
        Some("Russia")
    );
    assert_eq!(row(&html, "Claimed by"), Some("Japan"));
    // Closing keeps the date and drops the island; Escape does the same.
    assert!(html.contains(
        "<button type=\"button\" class=\"close\" data-close data-href=\"/?date=2017-01-01\" aria-label=\"Close the island panel\">×</button>"
    ));
    // Its data as files, in the link's language.
    assert!(html.contains(&format!(
        "<a href=\"/api/events.csv?island={id}\" download>Events (CSV)</a>"
    )));
    // The story: heading, the kind filter, periods.
    assert!(html.contains("<h3 id=\"story-title\">History</h3>"));
    assert!(html.contains("<legend>Show</legend>"));
    assert!(periods(&html).len() >= 3, "{html}");
    assert!(!html.contains('{'), "an unrendered reference or placeable");
}

#[tokio::test]
async fn a_groups_panel_lists_its_islands_and_an_islet_opens_the_group() {
    let (_, group) = an_island_and_a_group();
    let all = islands();
    let naming = Naming::new(model::i18n::Lang::En, NameStyle::Both);
    let html = panel(&format!("island={}", group.id)).await.text();
    assert!(html.contains(&format!(
        "<h2 id=\"panel-title\" tabindex=\"-1\">{}</h2>",
        naming.label(&group.forms())
    )));
    assert!(html.contains(&format!("<span lang=\"ja\">{}</span>", group.name_ja)));
    let members = row(&html, "Islands").expect("the members' row");
    for m in group.members() {
        let member = all.island(m).expect("a member is an island");
        assert!(members.contains(&naming.label(&member.forms())), "{m}");
    }
    assert!(
        row(&html, "Group").is_none(),
        "a group is no group's member"
    );
    // An islet: its own names, its group named, the group's story and files.
    let islet = all.island(&group.members()[0]).expect("an islet");
    let html = panel(&format!("island={}", islet.id)).await.text();
    assert!(html.contains(&format!("data-key=\"island {}\"", islet.id)));
    assert!(html.contains(&format!("<span lang=\"ru\">{}</span>", islet.name_ru)));
    assert_eq!(
        row(&html, "Group"),
        Some(naming.label(&group.forms()).as_str())
    );
    assert!(html.contains(&format!("/api/deployments.csv?island={}\"", group.id)));
    assert!(html.contains("class=\"story-entry"), "the group's story");
}

#[tokio::test]
async fn japanese_and_russian_links_get_their_words_and_dates() {
    let (island, _) = an_island_and_a_group();
    let id = &island.id;
    let ja = panel(&format!("island={id}&date=2017-01-01&lang=ja")).await;
    assert_eq!(ja.header("content-language"), "ja");
    let html = ja.text();
    assert_eq!(row(&html, "管轄（2017年1月1日時点）"), Some("ロシア"));
    assert_eq!(row(&html, "領有権を主張"), Some("日本"));
    assert!(html.contains(&format!(
        "<h2 id=\"panel-title\" tabindex=\"-1\">{}</h2>",
        island.name_ja
    )));
    // The positions' line in Japanese, linking to the Japanese /about.
    let positions = row(&html, "両国の立場").expect("the positions' row");
    assert!(positions.starts_with("<span>日本："), "{positions}");
    assert!(positions.contains("href=\"/about?lang=ja\""), "{positions}");
    assert!(html.contains(&format!("/api/events.csv?island={id}&amp;lang=ja\"")));
    assert!(html.contains("<h3 id=\"story-title\">歴史</h3>"));
    let labels: Vec<&str> = periods(&html).into_iter().map(label).collect();
    assert!(
        labels.iter().any(|l| l.contains("ソ連が管轄")),
        "{labels:?}"
    );
    assert!(
        !html.contains("administered"),
        "English left on a Japanese page"
    );

    let ru = panel(&format!("island={id}&date=2017-01-01&lang=ru")).await;
    let html = ru.text();
    assert_eq!(
        row(&html, "Под управлением (на 1 января 2017 г.)"),
        Some("Россия")
    );
    assert_eq!(row(&html, "Притязания"), Some("Япония"));
    let labels: Vec<&str> = periods(&html).into_iter().map(label).collect();
    assert!(
        labels.iter().any(|l| l.contains("под управлением СССР")),
        "{labels:?}"
    );
}

#[tokio::test]
async fn before_soviet_control_japan_administers_and_nothing_is_claimed() {
    let (island, _) = an_island_and_a_group();
    let soviet = island.soviet_control.expect("dated");
    let before = format!("{}-01-01", soviet.year);
    let html = panel(&format!("island={}&date={before}", island.id))
        .await
        .text();
    let on = format!("Administered by (on 1 January {})", soviet.year);
    assert_eq!(row(&html, &on), Some("Japan"), "{html}");
    assert!(row(&html, "Claimed by").is_none());
    // The first period (before Soviet control) is the one open.
    let periods = periods(&html);
    assert!(open(periods[0]), "{}", label(periods[0]));
    assert!(label(periods[0]).ends_with(" · map date"));
    assert_eq!(periods.iter().filter(|p| open(p)).count(), 1);
}

#[tokio::test]
async fn the_period_holding_the_date_is_open_and_the_date_is_marked_once() {
    let (island, _) = an_island_and_a_group();
    for date in ["1950-06-01", "2017-01-01"] {
        let html = panel(&format!("island={}&date={date}", island.id))
            .await
            .text();
        let periods = periods(&html);
        let opened: Vec<&str> = periods
            .iter()
            .filter(|p| open(p))
            .map(|p| label(p))
            .collect();
        assert_eq!(opened.len(), 1, "{date}: {opened:?}");
        assert!(opened[0].ends_with(" · map date"), "{date}: {opened:?}");
        let year: i32 = date[..4].parse().expect("year");
        // "1945–1991 · …", "2015–2019 · …", "2025 onward · …": the date's year is in it.
        let years: Vec<i32> = opened[0]
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|y| y.parse().ok())
            .filter(|y| *y > 1000)
            .collect();
        assert!(
            years[0] <= year && years.get(1).is_none_or(|end| year <= *end),
            "{date}: {opened:?}"
        );
        let marks = html.matches(" marked\"").count() + html.matches(" marked-end\"").count();
        assert_eq!(marks, 1, "{date}");
    }
}

#[tokio::test]
async fn opened_from_an_event_or_a_deployment_its_entry_is_marked_and_scrolled_to() {
    let event = "treaty-of-shimoda-1855";
    let html = panel(&format!("island=etorofu&from={event}")).await.text();
    let focused: Vec<&str> = html
        .split("<li class=\"story-entry")
        .filter(|e| e.contains(" focused\""))
        .collect();
    assert_eq!(focused.len(), 1, "one entry is marked");
    assert!(focused[0].contains(" data-scroll>"));
    assert!(focused[0].contains(&format!("event={event}\"")));
    // Its period (the first) is open as well as today's.
    let periods = periods(&html);
    assert!(open(periods[0]) && open(periods[periods.len() - 1]));
    // Without `from`, nothing is marked.
    let html = panel("island=etorofu").await.text();
    assert!(!html.contains("focused") && !html.contains("data-scroll"));
    // A deployment's card left for the story: its change on the map's date.
    let html = panel("island=etorofu&date=2017-01-01&from=bastion-etorofu")
        .await
        .text();
    let focused: Vec<&str> = html
        .split("<li class=\"story-entry")
        .filter(|e| e.contains(" focused\""))
        .collect();
    assert_eq!(focused.len(), 1);
    assert!(
        focused[0].contains("deployment=bastion-etorofu\""),
        "{}",
        focused[0]
    );
}

#[tokio::test]
async fn entries_open_their_record_and_a_change_moves_the_map_to_its_day() {
    let html = whole(&panel("island=etorofu&date=2017-01-01").await.text(), None).await;
    assert!(html.contains(
        "<button type=\"button\" class=\"story-open\" data-href=\"/?island=etorofu&amp;date=2017-01-01&amp;event=treaty-of-shimoda-1855\">"
    ));
    // A change: its category's badge; the card on the last day of its date.
    // Entries only: the chart above the story names the same deployment.
    let change = html
        .split("<li class=\"story-entry")
        .skip(1)
        .find(|e| e.contains("deployment=bastion-etorofu\"") && e.contains("November 2016"))
        .expect("the Bastion's change of November 2016");
    assert!(change.contains(
        "data-href=\"/?island=etorofu&amp;date=2016-11-30&amp;deployment=bastion-etorofu\""
    ));
    assert!(change.contains("<span class=\"badge cat-missile\" aria-hidden=\"true\">M</span>"));
    assert!(change.contains("<ul class=\"sources\" aria-label=\"Sources\"><li><a href=\"http"));
}

#[tokio::test]
async fn the_kind_filter_keeps_each_entry_and_each_count_by_kind() {
    let html = whole(&panel("island=etorofu&date=2017-01-01").await.text(), None).await;
    assert!(html.contains("<input type=\"radio\" name=\"story-kind\" value=\"all\" data-filter=\"kind\" checked> All</label>"));
    assert!(html.contains("value=\"visit\" data-filter=\"kind\"> Visits</label>"));
    let mut visits = 0;
    for period in periods(&html) {
        let entries = period.matches("data-kind=\"all visit\"").count();
        visits += entries;
        // The visits' label counts the visits, and is hidden until chosen.
        let shown = label(period);
        let name = shown.rsplit_once(" (").map(|(n, _)| n).expect("a count");
        assert!(
            period.contains(&format!(
                "<span data-kind=\"visit\" hidden>{name} ({entries})"
            )),
            "{period}"
        );
        let all = period.matches("<li class=\"story-entry").count();
        assert!(shown.starts_with(&format!("{name} ({all})")), "{shown}");
    }
    assert!(visits > 0, "the island has visits to filter");
}

#[tokio::test]
async fn an_unknown_island_is_a_notice() {
    let html = panel("island=atlantis&date=2017-01-01").await.text();
    assert!(html.starts_with("<div class=\"notice\" role=\"status\""));
    assert!(html.contains("This link names an island the map does not have (“atlantis”)."));
    assert!(html.contains("data-href=\"/?date=2017-01-01\""));
    assert!(!html.contains("<aside"));
}

/// The committed data with the hostile fixture's payloads planted.
fn hostile_app() -> axum::Router {
    static STATE: std::sync::OnceLock<server::state::AppState> = std::sync::OnceLock::new();
    support::app_once(&STATE, || {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kuril-hostile-island-panel");
        let geodata = support::workspace().join("geodata");
        hostile_plant::plant(&geodata, &dir).unwrap_or_else(|e| panic!("planting: {e}"));
        (support::fake_dist("kuril-hostile-island-dist"), dir)
    })
}

#[tokio::test]
async fn hostile_names_and_links_show_as_text() {
    for query in [
        "island=etorofu&date=2017-01-01",
        "island=habomai&lang=ru",
        "island=etorofu&from=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    ] {
        let request = Request::get(format!("/fragments/panel?{query}"))
            .body(Body::empty())
            .expect("request");
        let a = support::send(hostile_app(), request).await;
        assert_eq!(a.status, StatusCode::OK, "{query}");
        // Every period's entries, the folded ones through their links.
        let html = whole(&a.text(), Some(hostile_app())).await;
        // The payloads are there, as text.
        assert!(
            html.contains("&lt;img src=x onerror=alert("),
            "{query}: {html}"
        );
        for raw in [
            "<script",
            "<img",
            "<svg onload",
            "<iframe",
            "<b ",
            "<a href='javascript",
        ] {
            assert!(!html.contains(raw), "{query}: {raw:?} unescaped");
        }
    }
    // An id with markup in the link is refused by the permalink or escaped.
    let request = Request::get("/fragments/panel?island=%3Cimg%20src=x%3E")
        .body(Body::empty())
        .expect("request");
    let a = support::send(hostile_app(), request).await;
    assert!(!a.text().contains("<img"));
}

#[tokio::test]
async fn the_panel_charts_the_islands_deployments_with_the_maps_date() {
    let html = panel("island=etorofu&date=2017-01-01").await.text();
    let chart = html
        .split("<section class=\"deployments-chart\"")
        .nth(1)
        .expect("the chart section")
        .split("</section>")
        .next()
        .expect("its end");
    assert!(chart.contains("role=\"img\" aria-label=\"Deployment timeline, 1945 to"));
    // One link per deployment on the island, each to its card at the map's date.
    let on_island = chart
        .matches("<a href=\"/?date=2017-01-01&amp;deployment=")
        .count();
    assert!(on_island >= 5, "{on_island}");
    assert!(chart.contains("deployment=bastion-etorofu\" data-nav"));
    assert!(chart.contains("href=\"/deployments\""));
    let ja = panel("island=etorofu&lang=ja").await.text();
    assert!(ja.contains("aria-label=\"配備年表") && ja.contains("href=\"/deployments?lang=ja\""));
}

#[tokio::test]
async fn only_the_open_periods_carry_their_entries_the_others_link_to_them() {
    let html = panel("island=etorofu&date=2017-01-01").await.text();
    let periods = periods(&html);
    let (opened, folded): (Vec<&str>, Vec<&str>) = periods.iter().partition(|p| open(p));
    assert_eq!(opened.len(), 1);
    assert!(folded.len() >= 3);
    for period in &folded {
        let url = fill_url(period).expect("a folded period links to its entries");
        assert!(url.starts_with("/fragments/story?island=etorofu&date=2017-01-01&period="));
        assert!(!period.contains("class=\"story-entry"), "{period}");
        // Its label counts the entries the link gives.
        let count: usize = label(period)
            .rsplit_once(" (")
            .and_then(|(_, n)| n.trim_end_matches(')').parse().ok())
            .expect("a count");
        let a = get(&url).await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(a.header("content-type"), "text/html; charset=utf-8");
        assert_eq!(
            a.text().matches("<li class=\"story-entry").count(),
            count,
            "{url}"
        );
    }
    // The entries of a folded period are those its panel draws open: the
    // 1945–1991 period asked for on 2017's link, and the panel of a 1950
    // link, where it is the open one, draw the same entries but the mark.
    let soviet = folded
        .iter()
        .find(|p| label(p).starts_with("1945–1991"))
        .expect("the Soviet period");
    let later = get(&fill_url(soviet).expect("its link")).await.text();
    let at_1950 = panel("island=etorofu&date=1950-06-01").await.text();
    let drawn_open = open_period(&at_1950, "1945–1991");
    // Their entries' dates and titles, in order.
    let items = |h: &str| -> Vec<String> {
        h.split("<span class=\"when\">")
            .skip(1)
            .map(|e| e.split("</span></button>").next().unwrap_or("").to_owned())
            .collect()
    };
    assert!(!items(&later).is_empty());
    assert_eq!(items(&later), items(drawn_open));
}

/// The open period whose label starts with `name`: its HTML.
fn open_period<'a>(html: &'a str, name: &str) -> &'a str {
    periods(html)
        .into_iter()
        .find(|p| label(p).starts_with(name) && open(p))
        .expect("the period, open")
}

#[tokio::test]
async fn a_periods_entries_are_in_the_links_language_and_a_bad_period_is_nothing() {
    let html = panel("island=etorofu&date=2017-01-01&lang=ja").await.text();
    let url = periods(&html)
        .into_iter()
        .find_map(fill_url)
        .expect("a folded period");
    assert!(url.contains("lang=ja"), "{url}");
    let a = get(&url).await;
    assert_eq!(a.header("content-language"), "ja");
    let entries = a.text();
    assert!(entries.contains("<span class=\"when\">"), "{entries}");
    assert!(entries.contains("年"), "dates in Japanese: {entries}");
    for query in [
        "island=etorofu&period=99",
        "island=etorofu&period=x",
        "island=etorofu",
        "period=0",
        "island=atlantis&period=0",
    ] {
        let a = get(&format!("/fragments/story?{query}")).await;
        assert_eq!(a.status, StatusCode::NO_CONTENT, "{query}");
    }
}
