//! `/about` (both governments' positions side by side) and `/methodology`
//! (how we source): plain HTML drawn on the server from the data, once at
//! start-up. No script, no inline style: the CSP's `style-src 'self'` is
//! met by `/pages.css`; the pages work without JavaScript and print.

use std::collections::HashMap;
use std::fmt::Write;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use model::events::evidence::EvidenceCounts;
use model::events::{Source, SourceKind};
use model::geodata::PlaceCollection;
use model::islands::Islands;
use model::names::{NameStyle, label_of};
use model::og::escape;
use model::positions::{Government, Position, Positions, references};

use crate::http_cache::{Served, cached};
use crate::linked::Linked;
use model::i18n::Lang;
use std::sync::Arc;

const HTML: &str = "text/html; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const STYLE: &str = include_str!("pages.css");
/// The deployment charts' styles, shared with the app (`/deployments`).
const CHART_STYLE: &str = include_str!("../../../assets/chart.css");
const SVG: &str = "image/svg+xml";
/// The app's icon under a fixed name (Trunk hashes the app's copy).
const ICON: &str = include_str!("../../../assets/favicon.svg");

/// The two pages and their stylesheet, rendered once; the pages' heads
/// (citation tags and JSON-LD, whose addresses are absolute) are added per
/// request for the request's host.
#[derive(Clone)]
pub struct About {
    about: Arc<Written>,
    methodology: Arc<Written>,
    css: Served,
    icon: Served,
    linked: Arc<Linked>,
}

/// A page's title, path and body, written once.
struct Written {
    title: &'static str,
    path: &'static str,
    body: String,
}

impl About {
    pub fn new(
        positions: &Positions,
        islands: &Islands,
        places: &PlaceCollection,
        evidence: &EvidenceCounts,
        linked: Arc<Linked>,
    ) -> About {
        let names = Names::new(islands, places);
        About {
            about: Arc::new(Written {
                title: ABOUT_TITLE,
                path: "/about",
                body: about_body(positions, &names),
            }),
            methodology: Arc::new(Written {
                title: METHODOLOGY_TITLE,
                path: "/methodology",
                body: methodology_body(evidence),
            }),
            css: Served::new(format!("{STYLE}{CHART_STYLE}")),
            icon: Served::new(ICON),
            linked,
        }
    }

    /// `written` as served to `headers`' host, tagged with the data revision.
    fn serve(&self, written: &Written, headers: &HeaderMap) -> Response {
        let origin = crate::page::origin(headers);
        let head = self.linked.page_head(
            Lang::En,
            written.title,
            &format!("{origin}{}", written.path),
            &origin,
        );
        let footer = self.linked.footer(Lang::En);
        let html = page(written.title, written.path, &written.body, &head, footer);
        let served = Served::of_data(&self.linked.revision, html);
        in_english(cached(&served, HTML, headers))
    }
}

const ABOUT_TITLE: &str = "About the dispute";
const METHODOLOGY_TITLE: &str = "How we source";

pub async fn about(State(pages): State<About>, headers: HeaderMap) -> Response {
    pages.serve(&pages.about, &headers)
}

pub async fn methodology(State(pages): State<About>, headers: HeaderMap) -> Response {
    pages.serve(&pages.methodology, &headers)
}

/// The pages are written in English only, for now: said by `Content-Language`.
fn in_english(mut response: Response) -> Response {
    response.headers_mut().insert(
        axum::http::header::CONTENT_LANGUAGE,
        axum::http::HeaderValue::from_static("en"),
    );
    response
}

pub async fn stylesheet(State(pages): State<About>, headers: HeaderMap) -> Response {
    cached(&pages.css, CSS, &headers)
}

pub async fn icon(State(pages): State<About>, headers: HeaderMap) -> Response {
    cached(&pages.icon, SVG, &headers)
}

/// `{id}` references as both conventions write them ("Etorofu / Iturup").
struct Names(HashMap<String, String>);

impl Names {
    fn new(islands: &Islands, places: &PlaceCollection) -> Names {
        let mut map = HashMap::new();
        for p in &places.features {
            let p = &p.properties;
            let label = label_of([&p.name_ja_romaji, &p.name_ru_romaji], NameStyle::Both);
            map.insert(p.id.clone(), label);
        }
        for i in islands.islands.iter().chain(&islands.groups) {
            map.insert(i.id.clone(), label_of(i.romaji(), NameStyle::Both));
        }
        Names(map)
    }

    /// `text` escaped, its references named.
    fn text(&self, text: &str) -> String {
        references(text)
            .into_iter()
            .map(|(t, is_ref)| match (is_ref, self.0.get(t)) {
                (true, Some(name)) => escape(name),
                _ => escape(t),
            })
            .collect()
    }
}

fn page(title: &str, current: &str, body: &str, head: &str, footer: &str) -> String {
    let link = |href: &str, text: &str| {
        let here = if href == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<a href=\"{href}\"{here}>{text}</a>")
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · Kuril Atlas</title>\n\
         <link rel=\"icon\" href=\"/pages-icon.svg\" type=\"image/svg+xml\">\n\
         <link rel=\"stylesheet\" href=\"/pages.css\">\n{head}</head>\n<body>\n\
         <header class=\"masthead\"><p class=\"brand\">Kuril Atlas</p>\
         <nav aria-label=\"Site\">{}{}{}</nav></header>\n<main>\n{body}</main>\n{footer}\n</body>\n</html>\n",
        link("/", "← Back to the map"),
        link("/about", "About the dispute"),
        link("/methodology", "How we source"),
    )
}

fn about_body(positions: &Positions, names: &Names) -> String {
    let mut body = String::new();
    body.push_str(
        "<h1>About the dispute</h1>\n<p class=\"lede\">The islands the map shows as disputed are \
         administered by Russia and claimed by Japan. Below, each government's position in our \
         own neutral words, with the sources behind every point and short statements quoted \
         verbatim. Russia's statements here are quoted as news agencies, newspapers and \
         broadcasters reported them.</p>\n<div class=\"sides\">\n",
    );
    for government in Government::ALL {
        if let Some(p) = positions.of(government) {
            body.push_str(&side(p, names));
        }
    }
    body.push_str("</div>\n<p><a href=\"/methodology\">How we source</a> · the same data as JSON: <a href=\"/api/positions\">/api/positions</a></p>\n");
    body
}

fn side(p: &Position, names: &Names) -> String {
    let g = p.government.as_str();
    let mut s = String::new();
    let _ = write!(
        s,
        "<section class=\"side {g}\" aria-labelledby=\"{g}\" lang=\"en\">\n<h2 id=\"{g}\">{}'s position</h2>\n<p>{}</p>\n<h3>The arguments</h3>\n<ul>\n",
        p.government.country(),
        names.text(&p.summary),
    );
    for point in &p.points {
        let _ = writeln!(
            s,
            "<li>{}<span class=\"sources\">Sources: {}</span></li>",
            names.text(&point.text),
            sources(&point.sources)
        );
    }
    s.push_str("</ul>\n<h3>In their words</h3>\n");
    for st in &p.statements {
        let lang = escape(&st.source.language);
        let _ = write!(
            s,
            "<blockquote>\n<p lang=\"{lang}\">“{}”</p>\n",
            escape(&st.quote)
        );
        if let Some(t) = &st.translation {
            let _ = writeln!(
                s,
                "<p class=\"translation\">Our translation: “{}”</p>",
                escape(t)
            );
        }
        let said = st.said.map(|d| format!(", {d}")).unwrap_or_default();
        let _ = write!(
            s,
            "<p class=\"cite\">— {}{said}. {}</p>\n</blockquote>\n",
            escape(&st.speaker),
            sources(std::slice::from_ref(&st.source))
        );
    }
    let _ = write!(
        s,
        "<p class=\"cite\">Stated by: {}</p>\n</section>\n",
        escape(&p.name)
    );
    s
}

fn sources(list: &[Source]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|src| {
            let text = src.title.as_deref().unwrap_or(&src.outlet);
            let mut about = vec![src.outlet.clone(), kind_name(src.kind).to_owned()];
            about.push(src.language.clone());
            if let Some(d) = src.published {
                about.push(d.to_string());
            }
            format!(
                "<a href=\"{}\" hreflang=\"{}\" rel=\"noopener\">{}</a> ({})",
                escape(&src.url),
                escape(&src.language),
                escape(text),
                escape(&about.join(", "))
            )
        })
        .collect();
    items.join("; ")
}

fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Official => "official",
        SourceKind::Intergovernmental => "intergovernmental",
        SourceKind::Wire => "news agency",
        SourceKind::Newspaper => "newspaper",
        SourceKind::Broadcaster => "broadcaster",
        SourceKind::Research => "research",
        SourceKind::Reference => "encyclopedia",
        SourceKind::Blog => "blog",
        SourceKind::Aggregator => "republisher",
    }
}

fn methodology_body(evidence: &EvidenceCounts) -> String {
    let kinds = [
        (
            SourceKind::Official,
            "a government, ministry, parliament or armed forces",
        ),
        (
            SourceKind::Intergovernmental,
            "an international organisation",
        ),
        (
            SourceKind::Wire,
            "a news agency (Kyodo, Jiji, TASS, RIA Novosti, Interfax, Reuters, AP, AFP)",
        ),
        (SourceKind::Newspaper, "a newspaper"),
        (SourceKind::Broadcaster, "a radio or television broadcaster"),
        (
            SourceKind::Research,
            "a think tank, university or research institute",
        ),
        (
            SourceKind::Reference,
            "an encyclopedia: cited beside the kinds above; a figure resting on one says so in a caveat",
        ),
        (
            SourceKind::Blog,
            "a blog: cited beside the kinds above; a figure resting on one says so in a caveat",
        ),
        (
            SourceKind::Aggregator,
            "a mirror or republisher of others' reporting: no record rests on these alone",
        ),
    ];
    let mut terms = String::new();
    for (kind, what) in kinds {
        let _ = writeln!(
            terms,
            "<dt><code>{}</code></dt><dd>{}</dd>",
            kind.as_str(),
            escape(what)
        );
    }
    let counts = evidence_section(evidence);
    let body = format!(
        "<h1>How we source</h1>\n\
<p class=\"lede\">Every event, deployment, island fact and position on this map cites the pages it rests on. \
Summaries are in our own words; quotations are short and verbatim, with our translation beside any that is not in English.</p>\n\
<h2>Confidence</h2>\n<dl class=\"terms\">\n\
<dt><code>high</code></dt><dd>A cited page states the fact plainly. A high-confidence record has at least one source from a government, \
an international organisation, a news agency, a newspaper, a broadcaster or a research institute, or two independent outlets.</dd>\n\
<dt><code>medium</code></dt><dd>The fact is inferred, or rests on weaker sources; the record says why in its confidence note.</dd>\n</dl>\n\
<h2>Kinds of source</h2>\n<p>Each source carries its kind, so a reader can weigh it:</p>\n<dl class=\"terms\">\n{terms}</dl>\n\
<p>Island areas and population counts give their publisher, date and the kind of source; a figure taken from a secondary source says so.</p>\n\
<h2>How records are checked</h2>\n\
<p>The data are plain text files (TOML and GeoJSON) in the project's <code>geodata/</code> folder, edited by hand and reviewed like code. \
The server reads and validates every file once when it starts and refuses to start if anything is wrong: each problem is reported with \
its file, line and field. The validator checks, among other things, that every date is a real date given only as precisely as the source allows, \
that every source is an http(s) link with its outlet, language and kind, that a medium-confidence record says why, that records name only \
known islands and places, that known mirrors and content farms are refused, and that each island's names and official area agree \
with the drawn coastlines. Both governments' positions must each be stated once, every argument with a source that is not only a blog, \
an encyclopedia or a mirror, and every non-English statement with its translation.</p>\n\
{counts}\
<h2>How to report an error</h2>\n\
<p>Tell the project's maintainers through its repository's issue tracker; the project has not yet published a separate contact address. \
Please name the record (its id, shown in the map's links and in the <a href=\"/api/openapi.json\">JSON API</a>), what is wrong, \
and a source that shows it. Corrections are made in the data files and checked by the same validator.</p>\n\
<h2>Data licences</h2>\n<ul>\n\
<li>Coastlines: GSHHG (LGPL-3.0-or-later) and © OpenStreetMap contributors (ODbL 1.0), per feature.</li>\n\
<li>The 1855 treaty border, the limit of Japan's claim and the 1945 line of control: LGPL-3.0-or-later (the 1945 line is computed from the GSHHG coastline).</li>\n\
<li>Places, islands facts, events, positions and our summaries: MIT OR Apache-2.0 (our compilation; every fact cites its source, whose own terms apply to the quoted text).</li>\n\
</ul>\n<p>Details per file are in the project's <code>geodata/README.md</code> and <code>geodata/LICENSE</code>.</p>\n\
<p><a href=\"/about\">About the dispute</a></p>\n"
    );
    body
}

/// The evidence as it stands, counted from the data the server loaded.
fn evidence_section(c: &EvidenceCounts) -> String {
    let mut kinds = String::new();
    for (kind, n) in &c.sources_by_kind {
        let _ = write!(kinds, "<li><code>{}</code>: {n}</li>", kind.as_str());
    }
    format!(
        "<h2>The evidence today</h2>\n<p>{} events. {} ({}%) cite two or more independent outlets; \
{} ({}%) rest on a single outlet; {} ({}%) rest only on encyclopedias, blogs or mirrors. \
Their sources by kind:</p>\n<ul class=\"counts\">{kinds}</ul>\n",
        c.events,
        c.two_or_more,
        c.percent(c.two_or_more),
        c.single_source,
        c.percent(c.single_source),
        c.weak_only,
        c.percent(c.weak_only),
    )
}
