//! `/about` (both governments' positions side by side) and `/methodology`
//! (how we source): plain HTML drawn on the server from the data, once at
//! start-up in every language (`render`, `methodology`), every word from
//! the catalogues (`about-…`, `methodology-…` of
//! `assets/i18n/<lang>/about.ftl`), served in the link's language (`lang=`,
//! else `Accept-Language`, then `Vary`) as the event pages are. No script,
//! no inline style: the CSP's `style-src 'self'` is met by `/pages.css`;
//! the pages work without JavaScript and print.

mod methodology;
mod render;

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use model::events::evidence::EvidenceCounts;
use model::i18n::{Arg, Catalogue};
use model::names::Forms;
use model::og::escape;
use model::positions::Positions;

use crate::http_cache::{Served, cached};
use crate::i18n::{Catalogues, PerLang};
use crate::linked::Linked;
use crate::page::ServedLang;
/// Where the panels find it (`panels/island.rs`); its home is `page_frame`.
pub(crate) use crate::page_frame::localised;
use crate::page_frame::{self, Frame, alternates};

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const STYLE: &str = include_str!("pages.css");
/// The deployment charts' styles, shared with the app (`/deployments`).
const CHART_STYLE: &str = include_str!("../../../assets/chart.css");
const SVG: &str = "image/svg+xml";
/// The app's icon under a fixed name (Trunk hashes the app's copy).
const ICON: &str = include_str!("../../../assets/favicon.svg");
/// Where each request's head goes in a page drawn before any request.
const HEAD: &str = "\u{e000}head\u{e000}";

/// The two pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    About,
    Methodology,
}

impl Which {
    const ALL: [Which; 2] = [Which::About, Which::Methodology];

    /// Its path, among the masthead's links ([`page_frame::SITE`]).
    fn path(self) -> &'static str {
        page_frame::SITE[self as usize].0
    }

    /// Its title, also the masthead's link to it.
    fn title(self, c: &Catalogue) -> String {
        c.text(page_frame::SITE[self as usize].1)
    }
}

/// Both pages in every language and their stylesheet, drawn once; the
/// pages' heads (canonical and language links, citation tags and JSON-LD,
/// whose addresses are absolute) are added per request for its host.
#[derive(Clone)]
pub struct About {
    /// Per language, per page in [`Which::ALL`]'s order.
    pages: Arc<PerLang<Vec<Written>>>,
    css: Served,
    icon: Served,
    linked: Arc<Linked>,
}

/// What the pages are drawn from.
pub struct Sources<'a> {
    pub positions: &'a Positions,
    /// Every `{id}`'s names in every form (the events data's).
    pub names: &'a BTreeMap<String, Forms>,
    pub evidence: &'a EvidenceCounts,
    pub catalogues: &'a Catalogues,
}

/// A page's title and its document, with [`HEAD`] for the request's head.
struct Written {
    title: String,
    html: String,
}

impl About {
    pub fn new(from: &Sources, linked: Arc<Linked>) -> About {
        let pages = PerLang::new(|lang| {
            let c = from.catalogues.get(lang);
            let positions = from.positions.in_language(lang);
            Which::ALL
                .into_iter()
                .map(|which| {
                    let body = match which {
                        Which::About => render::body(c, &positions, from.names),
                        Which::Methodology => methodology::body(c, from.evidence),
                    };
                    Written {
                        title: which.title(c),
                        html: document(c, which, &body, linked.footer(lang)),
                    }
                })
                .collect()
        });
        About {
            pages: Arc::new(pages),
            css: Served::new(format!("{STYLE}{CHART_STYLE}")),
            icon: Served::new(ICON),
            linked,
        }
    }

    /// `which` in the request's language, as served to its host, tagged
    /// with the data revision, saying its language ([`ServedLang`]).
    fn serve(&self, which: Which, query: Option<&str>, headers: &HeaderMap) -> Response {
        let served = ServedLang::of_page(query, headers);
        let lang = served.lang;
        let written = &self.pages.get(lang)[which as usize];
        let origin = crate::page::origin(headers);
        let url = format!("{origin}{}", localised(which.path(), lang));
        let mut head = self.linked.page_head(lang, &written.title, &url, &origin);
        head.push_str(&alternates(&origin, which.path(), lang));
        let html = written.html.replacen(HEAD, &head, 1);
        let served_html = Served::of_data(&self.linked.revision, html);
        served.label(cached(&served_html, HTML, headers))
    }
}

/// The document around `body`: title, the site's frame with this page
/// current, the footer; [`HEAD`] where the request's head goes.
fn document(c: &Catalogue, which: Which, body: &str, footer: &str) -> String {
    let title = c.format("server-page-title", &[("headline", which.title(c).into())]);
    let head = format!("<title>{}</title>\n{HEAD}", escape(&title));
    let frame = Frame {
        current: Some(which.path()),
        narrow: false,
        footer,
    };
    page_frame::document(c, &head, body, frame)
}

/// Message `key` escaped, with each of `markup`'s variables replaced by its
/// markup (a link, a code name) after escaping.
fn marked(c: &Catalogue, key: &str, args: &[(&str, Arg)], markup: &[(&str, String)]) -> String {
    let marker = |i: usize| format!("\u{e001}{i}\u{e001}");
    let mut all: Vec<(&str, Arg)> = args.to_vec();
    all.extend(
        markup
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (*name, marker(i).into())),
    );
    let mut out = escape(&c.format(key, &all));
    for (i, (_, html)) in markup.iter().enumerate() {
        out = out.replace(&marker(i), html);
    }
    out
}

pub async fn about(
    State(pages): State<About>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    pages.serve(Which::About, query.as_deref(), &headers)
}

pub async fn methodology(
    State(pages): State<About>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    pages.serve(Which::Methodology, query.as_deref(), &headers)
}

pub async fn stylesheet(State(pages): State<About>, headers: HeaderMap) -> Response {
    cached(&pages.css, CSS, &headers)
}

pub async fn icon(State(pages): State<About>, headers: HeaderMap) -> Response {
    cached(&pages.icon, SVG, &headers)
}
