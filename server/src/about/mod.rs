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
use std::fmt::Write;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use model::events::evidence::EvidenceCounts;
use model::i18n::{Arg, Catalogue, Lang};
use model::names::Forms;
use model::og::escape;
use model::permalink::{self, MapState};
use model::positions::Positions;

use crate::http_cache::{Served, cached};
use crate::i18n::Catalogues;
use crate::linked::Linked;

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

    fn path(self) -> &'static str {
        match self {
            Which::About => "/about",
            Which::Methodology => "/methodology",
        }
    }

    /// Its title, also the site's link to it (`shell-about`, `shell-methodology`).
    fn title(self, c: &Catalogue) -> String {
        c.text(match self {
            Which::About => "shell-about",
            Which::Methodology => "shell-methodology",
        })
    }
}

/// Both pages in every language and their stylesheet, drawn once; the
/// pages' heads (canonical and language links, citation tags and JSON-LD,
/// whose addresses are absolute) are added per request for its host.
#[derive(Clone)]
pub struct About {
    /// Per language, in [`Lang::ALL`]'s order, per page in [`Which::ALL`]'s.
    pages: Arc<Vec<Vec<Written>>>,
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
        let pages = Lang::ALL
            .into_iter()
            .map(|lang| {
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
            })
            .collect();
        About {
            pages: Arc::new(pages),
            css: Served::new(format!("{STYLE}{CHART_STYLE}")),
            icon: Served::new(ICON),
            linked,
        }
    }

    /// `which` in the request's language, as served to its host, tagged
    /// with the data revision; `Content-Language` says the language, and
    /// `Vary` that `Accept-Language` chose it when the link did not.
    fn serve(&self, which: Which, query: Option<&str>, headers: &HeaderMap) -> Response {
        let asked = crate::event_page::query_lang(query);
        let lang = asked.unwrap_or_else(|| crate::page::reader_lang(headers));
        let written = &self.pages[index(lang)][which as usize];
        let origin = crate::page::origin(headers);
        let url = format!("{origin}{}", localised(which.path(), lang));
        let mut head = self.linked.page_head(lang, &written.title, &url, &origin);
        head.push_str(&alternates(&origin, which.path(), &url));
        let html = written.html.replacen(HEAD, &head, 1);
        let served = Served::of_data(&self.linked.revision, html);
        let mut response = cached(&served, HTML, headers);
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        );
        if asked.is_none() {
            // Appended: the compression layer adds its own `Vary` after this.
            h.append(header::VARY, HeaderValue::from_static("accept-language"));
        }
        response
    }
}

fn index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// `path` (`/about`, `/methodology`) in `lang`: English without `lang=`.
pub(crate) fn localised(path: &str, lang: Lang) -> String {
    match lang {
        Lang::En => path.to_owned(),
        other => format!("{path}?lang={}", other.code()),
    }
}

/// The page's canonical address and the same page in each language.
fn alternates(origin: &str, path: &str, url: &str) -> String {
    let mut h = format!("<link rel=\"canonical\" href=\"{}\">\n", escape(url));
    for other in Lang::ALL {
        let _ = writeln!(
            h,
            "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\">",
            escape(&format!("{origin}{}", localised(path, other)))
        );
    }
    h
}

/// The document around `body`: title, the masthead with the site's links
/// in the page's language, the footer; [`HEAD`] where the head goes.
fn document(c: &Catalogue, which: Which, body: &str, footer: &str) -> String {
    let lang = c.lang();
    let map = permalink::href(&MapState {
        lang: Some(lang),
        ..MapState::default()
    });
    let mut nav = format!(
        "<a href=\"{}\">{}</a>",
        escape(&map),
        escape(&c.text("event-page-map"))
    );
    for page in Which::ALL {
        let here = if page == which {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            nav,
            "<a href=\"{}\"{here}>{}</a>",
            escape(&localised(page.path(), lang)),
            escape(&page.title(c))
        );
    }
    let title = c.format("server-page-title", &[("headline", which.title(c).into())]);
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n\
         <link rel=\"icon\" href=\"/pages-icon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"/pages.css\">\n{HEAD}</head>\n<body>\n\
         <header class=\"masthead\"><p class=\"brand\">{}</p>\
         <nav aria-label=\"{}\">{nav}</nav></header>\n<main>\n{body}</main>\n{footer}\n</body>\n</html>\n",
        lang.code(),
        escape(&title),
        escape(&c.text("server-site-name")),
        escape(&c.text("event-page-site")),
    )
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
