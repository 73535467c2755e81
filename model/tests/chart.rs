//! The deployment timeline charts over the committed data: what the island
//! panel and `/deployments` draw.

mod support;

use model::chart::{CategoryCounts, DeploymentTimeline, RowText, WIDTH, name_lines};
use model::events::{Date, Deployment, DeploymentCategory, DeploymentStatus};
use model::i18n::{Catalogue, Lang};
use support::dataset;

fn day(text: &str) -> Date {
    text.parse().expect("a date")
}

fn catalogue(lang: Lang) -> Catalogue {
    let dir = support::repo().join("assets/i18n").join(lang.code());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("catalogue directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(p).expect("readable"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Catalogue::parse(lang, &refs).expect("catalogue parses")
}

fn on_island<'a>(all: &'a [Deployment], island: &str) -> Vec<&'a Deployment> {
    all.iter().filter(|d| d.island == island).collect()
}

fn texts(rows: &[&Deployment]) -> Vec<RowText> {
    rows.iter()
        .map(|d| RowText {
            name: d.unit.clone(),
            href: format!("/?deployment={}", d.id),
        })
        .collect()
}

#[test]
fn bastion_is_planned_then_active_until_today() {
    let data = dataset();
    let today = day("2026-12-03");
    let rows = on_island(&data.deployments, "etorofu");
    let chart = DeploymentTimeline::layout(&rows, today, day("2017-01-01"));
    assert_eq!(chart.rows.len(), rows.len(), "one row per deployment");
    let bastion = chart
        .rows
        .iter()
        .find(|r| r.id == "bastion-etorofu")
        .expect("Bastion on Etorofu");
    let statuses: Vec<DeploymentStatus> = bastion.segments.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [DeploymentStatus::Planned, DeploymentStatus::Active]
    );
    assert_eq!(
        bastion.segments[0].until, bastion.segments[1].from,
        "no gap"
    );
    assert_eq!(bastion.segments[1].until, today, "still there");
    assert!(bastion.segments[1].from.year == 2016);
}

#[test]
fn a_withdrawal_ends_the_bar() {
    let data = dataset();
    let today = day("2026-12-03");
    let withdrawn: Vec<&Deployment> = data
        .deployments
        .iter()
        .filter(|d| d.status == DeploymentStatus::Withdrawn)
        .collect();
    assert!(!withdrawn.is_empty());
    let chart = DeploymentTimeline::layout(&withdrawn, today, today);
    for (row, d) in chart.rows.iter().zip(&withdrawn) {
        let last = row.segments.last().expect("a bar before the withdrawal");
        let gone = d.changes.last().expect("changes").date.known_from();
        assert_eq!(
            last.until,
            gone.max(chart.start),
            "{} ends when withdrawn",
            d.id
        );
        assert!(
            row.segments
                .iter()
                .all(|s| s.status != DeploymentStatus::Withdrawn)
        );
    }
}

#[test]
fn the_svg_is_an_image_with_one_link_per_bar_and_the_cursor_at_the_date() {
    let data = dataset();
    let rows = on_island(&data.deployments, "kunashiri");
    let date = day("2016-11-22");
    let chart = DeploymentTimeline::layout(&rows, day("2026-12-03"), date);
    let svg = chart.svg(&catalogue(Lang::En), &texts(&rows));
    assert!(svg.contains("role=\"img\" aria-label=\"Deployment timeline, 1945 to 2026:"));
    assert_eq!(svg.matches("<a href=").count(), rows.len());
    assert_eq!(svg.matches(" data-nav ").count(), rows.len());
    let x = chart.x(date);
    assert!(
        x > WIDTH * 0.8 && x < WIDTH * 0.95,
        "2016 is late in 1945–2026: {x}"
    );
    assert!(svg.contains(&format!(
        "class=\"cursor\" x1=\"{}\"",
        model::decimal::fixed(x, 1)
    )));
    assert_eq!(
        svg,
        chart.svg(&catalogue(Lang::En), &texts(&rows)),
        "same input, same bytes"
    );
    let ja = chart.svg(&catalogue(Lang::Ja), &texts(&rows));
    assert!(ja.contains("aria-label=\"配備年表"));
}

#[test]
fn names_are_escaped() {
    let data = dataset();
    let rows = on_island(&data.deployments, "shikotan");
    let chart = DeploymentTimeline::layout(&rows, day("2026-12-03"), day("2000-01-01"));
    let hostile: Vec<RowText> = rows
        .iter()
        .map(|_| RowText {
            name: "<img src=x onerror=alert(1)>".into(),
            href: "/?a=\"><script>".into(),
        })
        .collect();
    let svg = chart.svg(&catalogue(Lang::En), &hostile);
    assert!(!svg.contains("<img") && !svg.contains("<script"));
}

#[test]
fn counts_by_year_show_the_2016_missiles() {
    let data = dataset();
    let counts = CategoryCounts::of(&data.deployments, day("2026-12-03"));
    assert_eq!(counts.years.first().map(|(y, _)| *y), Some(1945));
    assert_eq!(counts.years.last().map(|(y, _)| *y), Some(2026));
    let missiles = |year: u16| {
        let at = DeploymentCategory::ALL
            .iter()
            .position(|c| *c == DeploymentCategory::CoastalMissile)
            .expect("a category");
        counts
            .years
            .iter()
            .find(|(y, _)| *y == year)
            .expect("year")
            .1[at]
    };
    assert!(
        missiles(2017) >= missiles(2015) + 2,
        "Bal and Bastion arrived in 2016"
    );
    let ground = counts.years[0].1.iter().sum::<u32>();
    assert!(ground > 0, "the 1945 landing forces are counted");
    let svg = counts.svg(&catalogue(Lang::Ru));
    assert!(svg.contains("role=\"img\" aria-label=\"Размещения"));
    assert_eq!(
        svg.matches("<text class=\"tick\"").count(),
        8,
        "1950 … 2020"
    );
}

#[test]
fn tick_labels_leave_room_for_1945_and_today() {
    let ticks = model::chart::ticks(day("2026-12-03"));
    assert_eq!(ticks, [1960, 1980, 2000]);
}

/// Within the chart's width, as `name_lines` estimates it (0.6 em a
/// character, a Japanese one two, at the 10-unit font).
fn fits(line: &str) -> bool {
    model::names::width(line) as f64 * 6.0 <= WIDTH
}

#[test]
fn a_long_name_wraps_under_itself_instead_of_running_past_the_chart() {
    let long = "Bastion coastal missile battalion, 72nd Coastal Missile Brigade";
    let lines = name_lines(long);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines.iter().all(|l| fits(l)), "{lines:?}");
    assert_eq!(lines.join(" "), long, "broken at a space, nothing lost");
    assert_eq!(name_lines("Border post"), ["Border post"]);
    // Japanese has no spaces: broken between characters.
    let ja = "第18機関銃砲兵師団の第46機関銃砲兵連隊と第49機関銃砲兵連隊の司令部";
    let lines = name_lines(ja);
    assert!(
        lines.len() == 2 && lines.iter().all(|l| fits(l)),
        "{lines:?}"
    );
    assert_eq!(lines.concat(), ja);
    // Longer than two lines: cut, said with "…".
    let lines = name_lines(&long.repeat(3));
    assert!(lines.len() == 2 && lines[1].ends_with('…'), "{lines:?}");
    assert!(lines.iter().all(|l| fits(l)), "{lines:?}");
}

#[test]
fn a_wrapped_name_gives_its_row_a_second_line_and_a_taller_link() {
    let data = dataset();
    let rows = on_island(&data.deployments, "etorofu");
    let chart = DeploymentTimeline::layout(&rows, day("2026-12-03"), day("2017-01-01"));
    let short = chart.svg(&catalogue(Lang::En), &texts(&rows));
    let mut long = texts(&rows);
    assert_eq!(
        name_lines(&long[0].name).len(),
        2,
        "Etorofu's first row wraps already"
    );
    let one_line = long.iter().position(|t| name_lines(&t.name).len() == 1);
    let i = one_line.expect("a row whose name takes one line");
    long[i].name = "Bastion coastal missile battalion, 72nd Coastal Missile Brigade".into();
    let wrapped = chart.svg(&catalogue(Lang::En), &long);
    let names = |svg: &str| svg.matches("class=\"chart-name\"").count();
    assert_eq!(names(&wrapped), names(&short) + 1);
    let height = |svg: &str| {
        let view = svg.split("viewBox=\"0 0 320 ").nth(1).expect("a viewBox");
        view.split('"')
            .next()
            .and_then(|h| h.parse::<f64>().ok())
            .expect("a height")
    };
    assert_eq!(height(&wrapped), height(&short) + 12.0);
    // A wrapped row's link covers both lines and its bar: the first row
    // (wrapped in the data already), and now the one made long here.
    assert!(
        wrapped.contains("<rect x=\"0\" y=\"0.0\" width=\"320\" height=\"36\"/>"),
        "{wrapped}"
    );
    let tall = |svg: &str| svg.matches("height=\"36\"/></a>").count();
    assert_eq!(tall(&wrapped), tall(&short) + 1);
}
