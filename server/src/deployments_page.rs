//! `GET /deployments`: the islands' militarization over time. Every
//! island's deployments in place per year by category (`model::chart`'s
//! `CategoryCounts`, with the same numbers as a table), then each island's
//! deployment timeline, each bar linking to its deployment on the map.
//! Drawn on the first request of the day (today ends every chart; the
//! response cache keys on the day, the host and the reader's language), in
//! the link's language (`lang=`, else `Accept-Language` with `Vary`), no
//! script.

use crate::http_cache::{Served, cached};
use crate::page::ServedLang;
use crate::page_frame::{Frame, document};
use crate::state::AppState;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use model::chart::{CategoryCounts, DeploymentTimeline, RowText};
use model::events::{Dataset, Date, DeploymentCategory};
use model::i18n::{Catalogue, Lang};
use model::islands::Islands;
use model::names::Naming;
use model::og::escape as e;
use model::permalink::{self, MapState};
use std::fmt::Write;

const HTML: &str = "text/html; charset=utf-8";

pub async fn deployments(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let served = ServedLang::of_page(query.as_deref(), &headers);
    let lang = served.lang;
    let localized = state.api().in_language(lang);
    let c = state.catalogues().get(lang);
    let page = Page {
        c,
        data: &localized.data,
        islands: &localized.islands_data,
        naming: MapState {
            lang: Some(lang),
            ..MapState::default()
        }
        .naming(),
        today: crate::data::today(),
    };
    let head = format!(
        "<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n",
        e(&c.format(
            "server-page-title",
            &[("headline", c.text("chart-page-title").into())]
        )),
        e(&c.text("chart-page-lede")),
    );
    // One column, as an event's page: the charts keep their drawn size.
    let frame = Frame {
        narrow: true,
        ..Frame::default()
    };
    let html = document(c, &head, &page.body(), frame);
    served.label(cached(
        &Served::of_data(state.revision(), html),
        HTML,
        &headers,
    ))
}

struct Page<'a> {
    c: &'a Catalogue,
    data: &'a Dataset,
    islands: &'a Islands,
    naming: Naming,
    today: Date,
}

impl Page<'_> {
    fn body(&self) -> String {
        let c = self.c;
        let counts = CategoryCounts::of(&self.data.deployments, self.today);
        let mut out = format!(
            "<h1>{}</h1>\n<p class=\"lede\">{}</p>\n<figure class=\"chart\">{}<figcaption>{}</figcaption></figure>\n",
            e(&c.text("chart-page-title")),
            e(&c.text("chart-page-lede")),
            counts.svg(c),
            self.key(),
        );
        out.push_str(&self.table(&counts));
        let _ = writeln!(out, "<h2>{}</h2>", e(&c.text("chart-page-islands")));
        for id in self.islands.ids() {
            out.push_str(&self.island(id));
        }
        out
    }

    /// The categories' colours and letters, as on the map's legend.
    fn key(&self) -> String {
        let items: String = DeploymentCategory::ALL
            .iter()
            .map(|cat| {
                format!(
                    "<li><span class=\"swatch {}\" aria-hidden=\"true\">{}</span>{}</li>",
                    cat.class(),
                    cat.letter(),
                    e(&cat.label(self.c))
                )
            })
            .collect();
        format!("<ul class=\"chart-key\">{items}</ul>")
    }

    /// The overview's numbers, year by year, for reading and for screen readers.
    fn table(&self, counts: &CategoryCounts) -> String {
        let c = self.c;
        let head: String = DeploymentCategory::ALL
            .iter()
            .map(|cat| format!("<th scope=\"col\">{}</th>", e(&cat.label(c))))
            .collect();
        let rows: String = counts
            .years
            .iter()
            .map(|(year, n)| {
                let cells: String = n.iter().map(|v| format!("<td>{v}</td>")).collect();
                format!("<tr><th scope=\"row\">{year}</th>{cells}</tr>")
            })
            .collect();
        format!(
            "<details class=\"chart-table\"><summary>{}</summary><table><thead><tr><th scope=\"col\">{}</th>{head}</tr></thead><tbody>{rows}</tbody></table></details>\n",
            e(&c.text("chart-page-table")),
            e(&c.text("chart-page-year")),
        )
    }

    /// One island's (or group's) timeline, if it has deployments.
    fn island(&self, id: &str) -> String {
        let rows: Vec<_> = self
            .data
            .deployments
            .iter()
            .filter(|d| d.island == id)
            .collect();
        if rows.is_empty() {
            return String::new();
        }
        let text: Vec<RowText> = rows
            .iter()
            .map(|d| RowText {
                name: self.naming.text(&d.unit, d.unit_template.as_deref(), |i| {
                    self.data.names.get(i)
                }),
                href: permalink::href(&MapState {
                    deployment: Some(d.id.clone()),
                    lang: Some(self.c.lang()).filter(|l| *l != Lang::En),
                    ..MapState::default()
                }),
            })
            .collect();
        let chart = DeploymentTimeline::layout(&rows, self.today, self.today);
        let name = self
            .data
            .names
            .get(id)
            .map_or_else(|| id.to_owned(), |f| self.naming.label(f));
        format!("<h3>{}</h3>\n{}\n", e(&name), chart.svg(self.c, &text))
    }
}
