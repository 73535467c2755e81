//! Deployment timeline charts, drawn as SVG: one island's deployments as
//! rows of bars (`DeploymentTimeline`), and every island's deployments in
//! place per category, year by year (`CategoryCounts`). The server puts
//! them in the island panel and on `/deployments`; the same data gives the
//! same bytes.
//!
//! Layout and drawing are apart: the layout (rows, segments, ticks, the
//! cursor) is plain numbers with tests; the drawing only writes them out.

use crate::decimal::fixed;
use crate::events::{Date, Deployment, DeploymentCategory, DeploymentStatus};
use crate::i18n::Catalogue;
use crate::og::escape;
use crate::timeline::day_number;

/// The first year a chart shows: the Soviet landings of August 1945.
pub const FIRST_YEAR: u16 = 1945;
/// The drawing's width in SVG units (it scales to its box).
pub const WIDTH: f64 = 320.0;
/// Space for the axis labels under the rows.
const AXIS: f64 = 16.0;
/// One row: a name line over a bar.
const ROW: f64 = 26.0;
const BAR: f64 = 9.0;
const NAME_FONT: f64 = 10.0;
/// Each further line of a long name.
const NAME_LINE: f64 = 12.0;
/// A name takes at most this many lines; the rest is cut with "…" (the
/// row's link still says the whole name).
const NAME_LINES: usize = 2;

/// A stretch of one deployment's history with one status.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub from: Date,
    /// Exclusive: the next change's day, or today for the last.
    pub until: Date,
    pub status: DeploymentStatus,
}

/// One deployment's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub category: DeploymentCategory,
    /// Nothing drawn while withdrawn: a withdrawn stretch ends the bar.
    pub segments: Vec<Segment>,
}

/// An island's deployments as rows of bars from 1945 to today.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentTimeline {
    pub rows: Vec<Row>,
    pub start: Date,
    pub today: Date,
    /// The map's date, drawn as a cursor (clamped to the chart).
    pub cursor: Date,
}

impl DeploymentTimeline {
    /// The rows of `deployments` in the order given, each change starting a
    /// segment on the day it is known to have happened
    /// (`PartialDate::known_from`, the map's rule).
    pub fn layout(deployments: &[&Deployment], today: Date, cursor: Date) -> Self {
        let start = first_day();
        let rows = deployments
            .iter()
            .map(|d| Row {
                id: d.id.clone(),
                category: d.category,
                segments: segments(d, start, today),
            })
            .collect();
        DeploymentTimeline {
            rows,
            start,
            today,
            cursor: cursor.clamp(start, today),
        }
    }

    /// Where `date` falls across the drawing, in SVG units.
    pub fn x(&self, date: Date) -> f64 {
        x_of(date, self.start, self.today)
    }

    /// The drawing's height in SVG units, with `lines` lines of name in each
    /// row (`name_lines`).
    fn height(&self, lines: &[Vec<String>]) -> f64 {
        row_tops(lines).last().copied().unwrap_or(0.0) + AXIS + 4.0
    }
}

/// Where each row starts, and after the last, where the rows end: a row is
/// one line taller for each line its name takes beyond the first.
fn row_tops(lines: &[Vec<String>]) -> Vec<f64> {
    let mut tops = vec![0.0];
    for name in lines {
        let extra = name.len().saturating_sub(1) as f64 * NAME_LINE;
        tops.push(tops.last().copied().unwrap_or(0.0) + ROW + extra);
    }
    tops
}

/// About how wide `text` is at `NAME_FONT`, in SVG units: the server has
/// no font metrics, so [`crate::names::width`]'s count (a Japanese
/// character two) at a generous 0.6 em each (Noto Sans' Latin and Cyrillic
/// letters average about 0.55 em).
fn text_width(text: &str) -> f64 {
    crate::names::width(text) as f64 * 0.6 * NAME_FONT
}

/// A row's name as lines that fit the chart's width: broken at spaces, or
/// between any two characters of a word wider than a line (Japanese has no
/// spaces); at most `NAME_LINES`, the last cut with "…" if the name goes on.
pub fn name_lines(name: &str) -> Vec<String> {
    let width = text_width;
    let mut lines: Vec<String> = vec![String::new()];
    for word in name.split(' ').filter(|w| !w.is_empty()) {
        let line = lines.last_mut().expect("never empty");
        let joined = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&joined) <= WIDTH {
            *line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(String::new());
        }
        for c in word.chars() {
            let line = lines.last_mut().expect("never empty");
            if width(line) + width(c.encode_utf8(&mut [0; 4])) > WIDTH {
                lines.push(String::new());
            }
            lines.last_mut().expect("never empty").push(c);
        }
    }
    if lines.len() > NAME_LINES {
        lines.truncate(NAME_LINES);
        let last = &mut lines[NAME_LINES - 1];
        while !last.is_empty() && width(last) + width("…") > WIDTH {
            last.pop();
        }
        last.push('…');
    }
    lines
}

fn first_day() -> Date {
    Date {
        year: FIRST_YEAR,
        month: 1,
        day: 1,
    }
}

fn x_of(date: Date, start: Date, end: Date) -> f64 {
    let span = (day_number(end) - day_number(start)).max(1) as f64;
    let at = (day_number(date) - day_number(start)) as f64;
    (at / span).clamp(0.0, 1.0) * WIDTH
}

/// A deployment's stretches from its first known change to today; what
/// came before 1945 starts the chart.
fn segments(d: &Deployment, start: Date, today: Date) -> Vec<Segment> {
    let days: Vec<(Date, DeploymentStatus)> = d
        .changes
        .iter()
        .map(|c| (c.date.known_from().max(start), c.status))
        .filter(|(day, _)| *day <= today)
        .collect();
    days.iter()
        .enumerate()
        .filter(|(_, (_, status))| *status != DeploymentStatus::Withdrawn)
        .map(|(i, (from, status))| Segment {
            from: *from,
            until: days.get(i + 1).map_or(today, |(next, _)| *next),
            status: *status,
        })
        .filter(|s| s.from < s.until || s.until == today)
        .collect()
}

/// The years that get a tick and a label: every 20 years from 1960 (1950
/// would touch the 1945 label at the chart's width), the last only when it
/// leaves room before today's label.
pub fn ticks(today: Date) -> Vec<u16> {
    (1960..=today.year)
        .step_by(20)
        .filter(|y| today.year.saturating_sub(*y) >= 8)
        .collect()
}

/// What a row says in words: its name, and its link's target and label.
pub struct RowText {
    /// The deployment's name as the panel writes it (already in the
    /// reader's names convention).
    pub name: String,
    /// Where activating the bar goes (the deployment's card), unescaped.
    pub href: String,
}

impl DeploymentTimeline {
    /// The chart as SVG: a picture (`role="img"`, named "Deployment
    /// timeline, …") under a layer of one link per bar, so every bar is
    /// focusable and opens the deployment's card, where its sources are.
    /// `text` gives each row's words, in `rows`' order.
    pub fn svg(&self, c: &Catalogue, text: &[RowText]) -> String {
        let lines: Vec<Vec<String>> = text.iter().map(|t| name_lines(&t.name)).collect();
        let tops = row_tops(&lines);
        let h = self.height(&lines);
        let view = format!("0 0 {} {}", fixed(WIDTH, 0), fixed(h, 0));
        let name = c.format(
            "chart-name",
            &[
                ("from", FIRST_YEAR.into()),
                ("to", self.today.year.into()),
                ("count", self.rows.len().into()),
            ],
        );
        let mut picture = String::new();
        picture.push_str(&self.axis(c, h));
        for ((row, name), top) in self.rows.iter().zip(&lines).zip(&tops) {
            for (n, line) in name.iter().enumerate() {
                picture.push_str(&format!(
                    "<text class=\"chart-name\" x=\"0\" y=\"{}\">{}</text>",
                    fixed(top + NAME_FONT + n as f64 * NAME_LINE, 1),
                    escape(line)
                ));
            }
            let bar_top = top + 12.0 + name.len().saturating_sub(1) as f64 * NAME_LINE;
            for s in &row.segments {
                picture.push_str(&self.bar(row.category, s, bar_top));
            }
        }
        picture.push_str(&self.cursor_mark(c, h));
        let links: String = self
            .rows
            .iter()
            .zip(text)
            .zip(tops.windows(2))
            .map(|((row, words), span)| self.link(c, row, words, span[0], span[1] - span[0]))
            .collect();
        format!(
            "<div class=\"deployment-chart\">\
             <svg class=\"chart-picture\" viewBox=\"{view}\" role=\"img\" aria-label=\"{}\">{picture}</svg>\
             <svg class=\"chart-links\" viewBox=\"{view}\">{links}</svg>\
             </div>",
            escape(&name)
        )
    }

    fn bar(&self, category: DeploymentCategory, s: &Segment, y: f64) -> String {
        let left = self.x(s.from);
        let width = (self.x(s.until) - left).max(2.0);
        format!(
            "<rect class=\"bar {} status-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            category.class(),
            s.status.as_str(),
            fixed(left, 1),
            fixed(y, 1),
            fixed(width, 1),
            fixed(BAR, 0),
        )
    }

    fn axis(&self, c: &Catalogue, h: f64) -> String {
        let base = h - AXIS;
        let mut out = format!(
            "<line class=\"axis\" x1=\"0\" x2=\"{}\" y1=\"{b}\" y2=\"{b}\"/>",
            fixed(WIDTH, 0),
            b = fixed(base, 1)
        );
        let label = |x: f64, text: String, anchor: &str| {
            format!(
                "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                fixed(x, 1),
                fixed(base + 12.0, 1),
                escape(&text)
            )
        };
        out.push_str(&label(0.0, FIRST_YEAR.to_string(), "start"));
        for year in ticks(self.today) {
            let x = self.x(Date {
                year,
                month: 1,
                day: 1,
            });
            out.push_str(&format!(
                "<line class=\"grid\" x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{}\"/>",
                fixed(base, 1),
                x = fixed(x, 1)
            ));
            out.push_str(&label(x, year.to_string(), "middle"));
        }
        out.push_str(&label(WIDTH, c.text("chart-today"), "end"));
        out
    }

    fn cursor_mark(&self, c: &Catalogue, h: f64) -> String {
        let x = fixed(self.x(self.cursor), 1);
        format!(
            "<line class=\"cursor\" x1=\"{x}\" x2=\"{x}\" y1=\"0\" y2=\"{}\"><title>{}</title></line>",
            fixed(h - AXIS, 1),
            escape(&c.format("chart-cursor", &[("date", c.day_words(self.cursor).into())]))
        )
    }

    /// A row's link: a transparent box over its name and bar, named with
    /// the deployment's name, category and periods.
    fn link(&self, c: &Catalogue, row: &Row, words: &RowText, top: f64, height: f64) -> String {
        let periods: Vec<String> = row
            .segments
            .iter()
            .map(|s| {
                let until = if s.until == self.today {
                    c.text("chart-today")
                } else {
                    c.day_words(s.until)
                };
                c.format(
                    "chart-period",
                    &[
                        ("status", s.status.label(c).into()),
                        ("from", c.day_words(s.from).into()),
                        ("until", until.into()),
                    ],
                )
            })
            .collect();
        let label = c.format(
            "chart-bar",
            &[
                ("name", words.name.as_str().into()),
                ("category", row.category.label(c).into()),
                ("periods", periods.join("; ").into()),
            ],
        );
        format!(
            "<a href=\"{}\" data-nav aria-label=\"{}\"><rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/></a>",
            escape(&words.href),
            escape(&label),
            fixed(top, 1),
            fixed(WIDTH, 0),
            fixed(height - 2.0, 0),
        )
    }
}

/// Every island's deployments in place at the end of each year (today for
/// this year), per category: the militarization of the islands at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryCounts {
    /// From [`FIRST_YEAR`] to today's year: each year's count per category,
    /// in [`DeploymentCategory::ALL`]'s order.
    pub years: Vec<(u16, Vec<u32>)>,
}

/// The overview's drawing size in SVG units.
const OVERVIEW_WIDTH: f64 = 640.0;
const OVERVIEW_HEIGHT: f64 = 220.0;

impl CategoryCounts {
    pub fn of(deployments: &[Deployment], today: Date) -> Self {
        let years = (FIRST_YEAR..=today.year)
            .map(|year| {
                let day = Date {
                    year,
                    month: 12,
                    day: 31,
                }
                .min(today);
                let mut counts = vec![0u32; DeploymentCategory::ALL.len()];
                for d in deployments {
                    if d.status_at(day).is_some_and(DeploymentStatus::in_place) {
                        let at = DeploymentCategory::ALL
                            .iter()
                            .position(|c| *c == d.category)
                            .unwrap_or(0);
                        counts[at] += 1;
                    }
                }
                (year, counts)
            })
            .collect();
        CategoryCounts { years }
    }

    /// The most deployments in place in any one year.
    pub fn peak(&self) -> u32 {
        self.years
            .iter()
            .map(|(_, c)| c.iter().sum::<u32>())
            .max()
            .unwrap_or(0)
    }

    /// Stacked bars, one per year, coloured by category (`role="img"`,
    /// named "Deployments in place, …"); the page gives the same numbers as
    /// a table.
    pub fn svg(&self, c: &Catalogue) -> String {
        let base = OVERVIEW_HEIGHT - AXIS;
        let peak = f64::from(self.peak().max(1));
        let step = OVERVIEW_WIDTH / self.years.len().max(1) as f64;
        let mut out = String::new();
        for (i, (year, counts)) in self.years.iter().enumerate() {
            let x = i as f64 * step;
            let mut top = base;
            for (category, n) in DeploymentCategory::ALL.iter().zip(counts) {
                if *n == 0 {
                    continue;
                }
                let h = f64::from(*n) / peak * (base - 8.0);
                top -= h;
                out.push_str(&format!(
                    "<rect class=\"bar {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    category.class(),
                    fixed(x + 0.5, 1),
                    fixed(top, 1),
                    fixed((step - 1.0).max(1.0), 1),
                    fixed(h, 1)
                ));
            }
            if year % 10 == 0 {
                out.push_str(&format!(
                    "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
                    fixed(x + step / 2.0, 1),
                    fixed(base + 12.0, 1)
                ));
            }
        }
        let first = self.years.first().map_or(FIRST_YEAR, |(y, _)| *y);
        let last = self.years.last().map_or(FIRST_YEAR, |(y, _)| *y);
        let name = c.format(
            "chart-overview-name",
            &[
                ("from", first.into()),
                ("to", last.into()),
                ("peak", self.peak().into()),
            ],
        );
        format!(
            "<svg class=\"chart-overview\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\
             <line class=\"axis\" x1=\"0\" x2=\"{}\" y1=\"{b}\" y2=\"{b}\"/>{out}</svg>",
            fixed(OVERVIEW_WIDTH, 0),
            fixed(OVERVIEW_HEIGHT, 0),
            escape(&name),
            fixed(OVERVIEW_WIDTH, 0),
            b = fixed(base, 1)
        )
    }
}
