//! The timeline bar's markup (`server/src/timeline.rs`): every word from
//! the catalogue and escaped, the link's date on the slider and in words.

use model::events::{Date, PartialDate};
use model::i18n::{Catalogue, Lang};
use model::permalink;
use model::timeline::{START, day_number};
use server::timeline::Bar;
use std::path::PathBuf;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_path_buf()
}

/// `lang`'s committed catalogue, each message `key` replaced by its text.
fn catalogue(lang: Lang, replace: &[(&str, &str)]) -> Catalogue {
    let dir = workspace().join("assets/i18n").join(lang.code());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("catalogue folder")
        .map(|f| f.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("catalogue file");
            let text = text
                .lines()
                .map(|line| {
                    match replace
                        .iter()
                        .find(|(key, _)| line.starts_with(&format!("{key} =")))
                    {
                        Some((key, value)) => format!("{key} = {value}"),
                        None => line.to_owned(),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            (p.display().to_string(), text)
        })
        .collect();
    files.sort();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Catalogue::parse(lang, &files).expect("catalogue parses")
}

fn day(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid date")
}

fn draw(c: &Catalogue, query: &str) -> String {
    let (state, _) = permalink::parse(query);
    let dates: Vec<PartialDate> = ["1855-02-07", "1945", "2016-11-22", "2016-11"]
        .iter()
        .map(|d| d.parse().expect("date"))
        .collect();
    Bar {
        c,
        lang: c.lang(),
        state: &state,
        today: day(2026, 12, 3),
        dates: &dates,
        landing: Some(day(1945, 8, 18)),
    }
    .draw()
}

/// The value of `attribute` on the first tag that `tag` starts.
fn attribute(html: &str, tag: &str, attribute: &str) -> String {
    let start = html.find(tag).unwrap_or_else(|| panic!("{tag} in {html}"));
    let end = start + html[start..].find('>').expect("tag closed");
    let key = format!(" {attribute}=\"");
    let at = start
        + html[start..end]
            .find(&key)
            .unwrap_or_else(|| panic!("{attribute}"))
        + key.len();
    html[at..at + html[at..].find('"').expect("quoted")].to_owned()
}

/// The text of the first element that `tag` starts.
fn text(html: &str, tag: &str) -> String {
    let start = html.find(tag).unwrap_or_else(|| panic!("{tag}"));
    let open = start + html[start..].find('>').expect("tag closed") + 1;
    html[open..open + html[open..].find('<').expect("text ends")].to_owned()
}

#[test]
fn the_links_date_is_on_the_slider_and_in_words_and_today_is_offered() {
    let en = catalogue(Lang::En, &[]);
    let html = draw(&en, "date=2016-11-22");
    assert_eq!(
        attribute(&html, "<input type=\"range\"", "value"),
        day_number(day(2016, 11, 22)).to_string()
    );
    assert_eq!(
        attribute(&html, "<input type=\"range\"", "min"),
        day_number(START).to_string()
    );
    assert_eq!(
        attribute(&html, "<input type=\"range\"", "aria-valuetext"),
        "22 November 2016"
    );
    assert_eq!(text(&html, "<output class=\"date\""), "22 November 2016");
    assert!(html.contains("<button type=\"button\" class=\"to-today\">Today</button>"));
    // Without a date: today, said so, and no "Today" button to press.
    let html = draw(&en, "");
    assert_eq!(
        text(&html, "<output class=\"date\""),
        "Today, 3 December 2026"
    );
    assert!(html.contains("class=\"to-today\" hidden>"));
    assert_eq!(
        attribute(&html, "<input type=\"range\"", "value"),
        day_number(day(2026, 12, 3)).to_string()
    );
    // Hidden until the app binds it: before, nothing in it works.
    assert!(html.starts_with(
        "<section class=\"timeline\" id=\"timeline\" aria-label=\"Timeline\" hidden>"
    ));
    // A year as a span, an exact day as a tick; the years under the track.
    assert_eq!(html.matches("class=\"tick span\"").count(), 2);
    assert_eq!(html.matches("class=\"tick\"").count(), 2);
    assert!(
        html.contains(">1855</span>")
            && html.contains(">1945</span>")
            && html.contains(">2026</span>")
    );
    assert!(
        !html.contains("style="),
        "no inline styles: the CSP forbids them"
    );
}

#[test]
fn the_bar_speaks_the_links_language() {
    let ja = draw(
        &catalogue(Lang::Ja, &[]),
        "date=2017-01-01&compare=2015-01-01",
    );
    assert_eq!(attribute(&ja, "<section", "aria-label"), "年表");
    assert_eq!(
        attribute(&ja, "<button type=\"button\" class=\"play\"", "aria-label"),
        "出来事を順に再生"
    );
    assert_eq!(text(&ja, "<output class=\"date\""), "2017年1月1日");
    assert!(ja.contains(">1855年</span>"));
    assert_eq!(
        text(&ja, "<button type=\"button\" class=\"compare-open\""),
        "2015年1月1日との違いを表示中"
    );
    let ru = draw(&catalogue(Lang::Ru, &[]), "date=2016-11-22");
    assert_eq!(text(&ru, "<output class=\"date\""), "22 ноября 2016 г.");
    assert!(ru.contains(">0,5×</option>"), "a decimal comma in Russian");
    assert!(ru.contains("<option value=\"1200\" selected>1×</option>"));
    // Not comparing: the stop button is hidden, the field closed.
    assert!(ru.contains("class=\"compare-stop\" hidden>"));
    assert!(ru.contains("id=\"compare-field\" hidden>"));
}

#[test]
fn catalogue_words_are_escaped() {
    let hostile = "<img src=x onerror=alert(1)> \"quoted\"";
    let c = catalogue(
        Lang::En,
        &[
            ("shell-timeline", hostile),
            ("compare-with", hostile),
            ("shell-speed", hostile),
        ],
    );
    let html = draw(&c, "");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("aria-label=\"&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;\""));
    assert!(html.contains(">&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;</button>"));
}
