//! The app's page and link previews.
//!
//! `GET /?<permalink>` returns Trunk's `index.html` with a title, description
//! and Open Graph / Twitter card tags for that map state, so a pasted link
//! previews what it opens. `GET /og.png?<permalink>` draws that state as a
//! 1200×630 PNG with the same outlines and names as the app (SVG from
//! `model::og`, rasterised by resvg with fonts we ship), cached per state.
//!
//! Both speak the link's language (`lang=`); the page without `lang=`
//! speaks the first of the reader's `Accept-Language` it has (and says
//! `Vary: Accept-Language`), as the app will. The words are the
//! catalogues' (`server-…` in `assets/i18n/<lang>/server.ftl`).

use crate::http_cache::budget::ByteCache;
use crate::http_cache::{NO_CACHE, PREVIEW};
use crate::i18n::{Catalogues, PerLang};
use crate::linked::Linked;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use model::events::{Dataset, PartialDate};
use model::geodata::LandCollection;
use model::i18n::{Catalogue, Lang};
use model::islands::{Administration, Islands};
use model::names::{NameStyle, Naming};
use model::og::{self, Records, Subject};
use model::permalink::{self, MapState};
use model::scene::{Scene, group_names};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The font previews are drawn with (DejaVu Sans Bold: Latin and Cyrillic;
/// licence in assets/fonts/).
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Japanese text's font: the app's subset of Noto Sans CJK JP, which holds
/// every Japanese character of the catalogues and the data
/// (`cargo xtask fonts`; licence in assets/fonts/).
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansCJKjp-subset.otf");
/// Rendered previews kept in memory; beyond this the cache starts over.
/// A typical rendered image (an og.png is ~100 KB, an export PNG up to a
/// few MB), to size the image cache's tables.
const TYPICAL_IMAGE: u64 = 256 * 1024;

/// What the page and preview handlers need: the built app, the outlines
/// they draw and the previews drawn so far.
#[derive(Clone)]
pub struct Pages {
    inner: Arc<PagesInner>,
}

struct PagesInner {
    dist: PathBuf,
    /// Outlines used for link-preview images (the medium level of detail).
    preview_land: LandCollection,
    /// The coarsest outlines, drawn into `index.html` so the map paints before the app runs.
    overview_land: LandCollection,
    /// The islands and groups, for headlines and descriptions.
    islands: Islands,
    /// Per language: the words, the names and the records.
    langs: PerLang<PageLang>,
    previews: Previews,
    /// The footer, citation tags and JSON-LD.
    linked: Arc<Linked>,
    /// The events' dates, marked on the timeline bar.
    event_dates: Vec<PartialDate>,
}

/// What the page and its previews say in one language.
struct PageLang {
    catalogue: Catalogue,
    /// What previews name and where: the overview's scene, as the app
    /// names from it, in the language's script.
    scene: Scene,
    /// The deployments and events a link can open, for headlines and marks.
    records: Records,
}

impl Pages {
    /// The pages over the data (`events`, in English) and the catalogues,
    /// prepared for every language once.
    /// `config` gives the built app's folder and the image cache's budget.
    pub fn new(
        config: &crate::config::Config,
        preview_land: LandCollection,
        overview_land: LandCollection,
        islands: Islands,
        events: &Dataset,
        catalogues: &Catalogues,
        linked: Arc<Linked>,
    ) -> Self {
        let scene = Scene::from_land(&overview_land, &group_names(&islands));
        let langs = PerLang::new(|lang| PageLang {
            catalogue: catalogues.get(lang).clone(),
            scene: og::scene_in(&scene, &overview_land, &islands, lang),
            records: Records::from_dataset(&events.in_language(lang)),
        });
        Pages {
            inner: Arc::new(PagesInner {
                dist: config.dist.clone(),
                preview_land,
                overview_land,
                islands,
                langs,
                previews: Previews::new(config.caches.image_bytes()),
                linked,
                event_dates: events.events.iter().map(|e| e.date).collect(),
            }),
        }
    }

    fn lang(&self, lang: Lang) -> &PageLang {
        self.inner.langs.get(lang)
    }

    /// The words of `lang`.
    pub fn catalogue(&self, lang: Lang) -> &Catalogue {
        &self.lang(lang).catalogue
    }

    pub fn dist(&self) -> &Path {
        &self.inner.dist
    }

    pub fn preview_land(&self) -> &LandCollection {
        &self.inner.preview_land
    }

    pub fn overview_land(&self) -> &LandCollection {
        &self.inner.overview_land
    }

    pub fn previews(&self) -> &Previews {
        &self.inner.previews
    }

    pub fn islands(&self) -> &Islands {
        &self.inner.islands
    }

    pub fn linked(&self) -> &Linked {
        &self.inner.linked
    }

    /// The title of `map_state` (as previewed: unknown records dropped),
    /// as the page's `<title>` and citations word it.
    pub fn headline(&self, map_state: &MapState, subject: Option<&Subject>) -> String {
        og::title(
            self.preview_land(),
            self.islands(),
            subject,
            map_state,
            self.catalogue(map_state.lang()),
        )
    }

    /// The overview's scene, named in `lang`'s script.
    pub fn scene(&self, lang: Lang) -> &Scene {
        &self.lang(lang).scene
    }

    /// `map_state` as previews show it, with the record it opens (named in
    /// the link's language): a deployment or event this data does not know
    /// is dropped (the plain preview, one cache entry), not an error.
    pub fn previewed(&self, mut map_state: MapState) -> (MapState, Option<Subject>) {
        let lang = self.lang(map_state.lang());
        let subject =
            lang.records
                .subject(self.islands(), &lang.scene, &map_state, &lang.catalogue);
        if subject.is_none() {
            map_state.deployment = None;
            map_state.event = None;
        }
        (map_state, subject)
    }

    /// The PNG cached under `key`, else `svg()` drawn at `scale` pixels per
    /// unit and remembered (`/og.png`; `/export.png` still draws its own,
    /// being reworked on the bench20 branch).
    /// At most one render per core at a time: when all are busy, a 503
    /// asking to retry (so drawing cannot starve the API); our own SVG
    /// failing to draw is a 500 (a server bug, not the reader's input).
    pub async fn png(
        &self,
        key: String,
        scale: f32,
        svg: impl FnOnce() -> String,
    ) -> Result<Bytes, Response> {
        if let Some(png) = self.previews().cached(&key) {
            return Ok(png);
        }
        let Ok(_permit) = self.previews().rendering.try_acquire() else {
            return Err((
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "2")],
                "busy drawing other images; try again shortly",
            )
                .into_response());
        };
        let svg = svg();
        let renderer = self.clone();
        let rendered =
            tokio::task::spawn_blocking(move || renderer.previews().render_scaled(&svg, scale))
                .await;
        match rendered.map_err(RenderError::from).and_then(|drawn| drawn) {
            Ok(png) => {
                let png = Bytes::from(png);
                self.previews().remember(key, png.clone());
                Ok(png)
            }
            Err(detail) => {
                tracing::error!("image rendering failed: {detail}");
                Err((StatusCode::INTERNAL_SERVER_ERROR, "image rendering failed").into_response())
            }
        }
    }
}

/// Why a preview was not drawn: our own SVG or its drawing failed, a server bug.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{0}")]
    Svg(#[from] resvg::usvg::Error),
    #[error("empty image size")]
    EmptySize,
    #[error("{0}")]
    Png(Box<dyn std::error::Error + Send + Sync>),
    #[error("{0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Draws previews and remembers them by canonical permalink.
pub struct Previews {
    options: resvg::usvg::Options<'static>,
    /// Renders allowed at once: one per core, so previews cannot starve the API.
    pub(crate) rendering: tokio::sync::Semaphore,
    /// Rendered PNGs by canonical request, at most `--image-cache-mib`.
    cache: ByteCache<String, Bytes>,
    /// The default view's inline SVG for `index.html`, drawn once per
    /// language, names convention and count of pieces still Japan's on the
    /// link's date (`og::japanese_pieces`): a hundred entries at most.
    prerender: Mutex<HashMap<(Lang, NameStyle, usize), Arc<str>>>,
}

impl Default for Previews {
    fn default() -> Self {
        Self::new(crate::config::CacheBudgets::default().image_bytes())
    }
}

impl Previews {
    /// Previews and exports, keeping at most `image_budget` bytes of PNG.
    pub fn new(image_budget: u64) -> Self {
        let mut options = resvg::usvg::Options::default();
        options.fontdb_mut().load_font_data(FONT.to_vec());
        options.fontdb_mut().load_font_data(CJK_FONT.to_vec());
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Previews {
            options,
            rendering: tokio::sync::Semaphore::new(cores),
            cache: ByteCache::new(image_budget, TYPICAL_IMAGE),
            prerender: Mutex::new(HashMap::new()),
        }
    }

    /// The fonts and settings every picture is drawn with.
    pub(crate) fn options(&self) -> &resvg::usvg::Options<'static> {
        &self.options
    }

    pub(crate) fn cached(&self, key: &str) -> Option<Bytes> {
        self.cache.get(key).map(|png| Bytes::clone(&png))
    }

    pub(crate) fn remember(&self, key: String, png: Bytes) {
        self.cache.insert(key, Arc::new(png));
    }

    /// Rasterises an SVG document to PNG.
    pub fn render(&self, svg: &str) -> Result<Vec<u8>, RenderError> {
        self.render_scaled(svg, 1.0)
    }

    /// Rasterises an SVG document to PNG at `scale` pixels per CSS pixel.
    pub fn render_scaled(&self, svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
        let tree = resvg::usvg::Tree::from_str(svg, &self.options)?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .ok_or(RenderError::EmptySize)?;
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
            .ok_or(RenderError::EmptySize)?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| RenderError::Png(Box::new(e)))
    }
}

/// The SVG document `/og.png` rasterises for `map_state` (in its
/// language), and the canonical permalink it is cached under.
pub fn preview_svg(state: &Pages, map_state: MapState) -> (String, String) {
    let (map_state, subject) = state.previewed(map_state);
    let lang = map_state.lang();
    let svg = og::render_svg(
        state.preview_land(),
        state.islands(),
        state.scene(lang),
        subject.as_ref(),
        &map_state,
        state.catalogue(lang),
    );
    (svg, permalink::format(&map_state))
}

/// `GET /og.png?<permalink>`: the map state as a 1200×630 PNG, its text in
/// the link's language (English without `lang=`: a preview is fetched by
/// a link's unfurler, whose languages are not the reader's).
pub async fn preview(State(state): State<Pages>, RawQuery(query): RawQuery) -> Response {
    let (map_state, _) = permalink::parse(query.as_deref().unwrap_or(""));
    let lang = map_state.lang();
    let (map_state, _) = state.previewed(map_state);
    let key = permalink::format(&map_state);
    let png = match state
        .png(key, 1.0, || preview_svg(&state, map_state).0)
        .await
    {
        Ok(png) => png,
        Err(refused) => return refused,
    };
    let response = (
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, PREVIEW),
        ],
        png,
    )
        .into_response();
    ServedLang::named(lang).label(response)
}

/// `GET /` (any query): the app page with meta tags for the linked state,
/// in the link's language, else the reader's (`Accept-Language`).
pub async fn index(
    State(state): State<Pages>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let path = state.dist().join("index.html");
    let Ok(template) = tokio::fs::read_to_string(&path).await else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Html("<!doctype html><title>Kuril Atlas</title><p>The app has not been built yet: run <code>cargo xtask build</code>.</p>"),
        )
            .into_response();
    };
    let (mut map_state, _) = permalink::parse(query.as_deref().unwrap_or(""));
    let served = ServedLang::negotiate(map_state.lang, &headers);
    map_state.lang = Some(served.lang);
    let origin = origin(&headers);
    let mut html = with_meta(&template, &state, &map_state, &origin);
    if !map_state.embed {
        insert_prerender(&mut html, &state, &map_state);
        insert_timeline(&mut html, &state, &map_state);
    }
    let mut response = Html(html).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    served.label(response)
}

/// The language an answer is in, and whether the reader's browser chose
/// it: the one place `Content-Language` and `Vary: Accept-Language` are
/// written. A page for people (`/`, `/about`, `/methodology`,
/// `/events/{id}`, `/deployments`) speaks the link's `lang=`, else the
/// reader's `Accept-Language` ([`ServedLang::negotiate`]); everything
/// else (the API, downloads, the feed, previews, exports, the panels'
/// fragments, the catalogues) speaks only what the request names, English
/// by default, and never reads `Accept-Language` ([`ServedLang::named`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServedLang {
    pub lang: Lang,
    /// `Accept-Language` chose it: a cache must key on that header.
    negotiated: bool,
}

impl ServedLang {
    /// A page's language: `asked` (the link's `lang=`), else the reader's.
    pub fn negotiate(asked: Option<Lang>, headers: &HeaderMap) -> Self {
        ServedLang {
            lang: asked.unwrap_or_else(|| reader_lang(headers)),
            negotiated: asked.is_none(),
        }
    }

    /// A page's language from its raw query's `lang=`, else the reader's.
    pub fn of_page(query: Option<&str>, headers: &HeaderMap) -> Self {
        Self::negotiate(query_lang(query), headers)
    }

    /// A language the request named (or the default): no negotiation.
    pub fn named(lang: Lang) -> Self {
        ServedLang {
            lang,
            negotiated: false,
        }
    }

    /// `response` saying its language, and, when the reader's
    /// `Accept-Language` chose it, that it varies with that header.
    pub fn label(self, mut response: Response) -> Response {
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(self.lang.code()),
        );
        if self.negotiated {
            // Appended: the compression layer adds its own `Vary` after this.
            h.append(header::VARY, HeaderValue::from_static("accept-language"));
        }
        response
    }
}

/// `lang=` of a raw query, if it names one of the languages.
pub(crate) fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(|code| code.parse::<Lang>().ok())
}

/// The reader's language by `Accept-Language` (English without one).
pub(crate) fn reader_lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::En, Lang::from_accept_language)
}

/// `http://host` from the request's Host header, if it looks like a host name.
pub fn origin(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("127.0.0.1:8080");
    format!("http://{host}")
}

/// The page in `map_state`'s language: `<html lang>`, its `<title>`
/// replaced, and preview tags (with `og:locale`) and the other languages'
/// addresses (`hreflang`), the `citation_*` tags and the JSON-LD
/// ([`Linked::map_head`]) added to `<head>`, and the footer with the data
/// revision at the end of `<body>`.
pub fn with_meta(html: &str, state: &Pages, map_state: &MapState, origin: &str) -> String {
    let lang = map_state.lang();
    let catalogue = state.catalogue(lang);
    let page_url = format!("{origin}{}", permalink::href(map_state));
    let (map_state, subject) = state.previewed(map_state.clone());
    let map_state = &map_state;
    let headline = state.headline(map_state, subject.as_ref());
    let title = catalogue.format(
        "server-page-title",
        &[("headline", headline.as_str().into())],
    );
    let description = description(state, subject.as_ref(), map_state, catalogue);
    let query = permalink::format(map_state);
    let image = if query.is_empty() {
        format!("{origin}/og.png")
    } else {
        format!("{origin}/og.png?{query}")
    };
    let e = og::escape;
    let mut tags = format!(
        concat!(
            "<meta name=\"description\" content=\"{d}\">\n",
            "<meta property=\"og:type\" content=\"website\">\n",
            "<meta property=\"og:site_name\" content=\"{s}\">\n",
            "<meta property=\"og:title\" content=\"{t}\">\n",
            "<meta property=\"og:description\" content=\"{d}\">\n",
            "<meta property=\"og:url\" content=\"{u}\">\n",
            "<meta property=\"og:image\" content=\"{i}\">\n",
            "<meta property=\"og:image:width\" content=\"1200\">\n",
            "<meta property=\"og:image:height\" content=\"630\">\n",
            "<meta property=\"og:locale\" content=\"{l}\">\n",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
            "<meta name=\"twitter:title\" content=\"{t}\">\n",
            "<meta name=\"twitter:description\" content=\"{d}\">\n",
            "<meta name=\"twitter:image\" content=\"{i}\">\n",
            "<link rel=\"canonical\" href=\"{u}\">\n"
        ),
        d = e(&description),
        s = e(&catalogue.text("server-site-name")),
        t = e(&title),
        u = e(&page_url),
        i = e(&image),
        l = lang.og_locale(),
    );
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        tags.push_str(&format!(
            "<meta property=\"og:locale:alternate\" content=\"{}\">\n",
            other.og_locale()
        ));
    }
    // The same state in each language, and without one (the reader's).
    for other in Lang::ALL {
        tags.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\">\n",
            e(&format!("{origin}{}", href_in(map_state, Some(other))))
        ));
    }
    tags.push_str(&format!(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
        e(&format!("{origin}{}", href_in(map_state, None)))
    ));
    tags.push_str(&feed_links(state, map_state, origin));
    tags.push_str(
        &state
            .linked()
            .map_head(map_state, &headline, &page_url, origin),
    );
    // Drop Trunk's generic title and description; ours describe this state.
    let mut page = remove_element(html, "<title>", "</title>");
    page = remove_tag(&page, "<meta name=\"description\"");
    page = with_html_lang(&page, lang);
    let head = format!("<title>{}</title>\n{tags}", e(&title));
    let mut page = match page.find("</head>") {
        Some(at) => {
            page.insert_str(at, &head);
            page
        }
        None => format!("{head}{page}"),
    };
    if let Some(at) = page.rfind("</body>") {
        page.insert_str(at, state.linked().footer(lang));
    }
    page
}

/// The head's links to the Atom feed in the page's language, and to the
/// open island's or group's own feed.
fn feed_links(state: &Pages, map_state: &MapState, origin: &str) -> String {
    let lang = map_state.lang();
    let c = state.catalogue(lang);
    let query = |island: Option<&str>| {
        let mut q: Vec<String> = island.map(|i| format!("island={i}")).into_iter().collect();
        if lang != Lang::En {
            q.push(format!("lang={}", lang.code()));
        }
        if q.is_empty() {
            String::new()
        } else {
            format!("?{}", q.join("&"))
        }
    };
    let link = |title: String, island: Option<&str>| {
        format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\">\n",
            og::escape(&format!("{origin}/feed.atom{}", query(island))),
            og::escape(&title)
        )
    };
    let mut links = link(c.text("feed-link"), None);
    let open = map_state
        .island
        .as_deref()
        .and_then(|id| state.islands().find(id));
    if let Some(island) = open {
        let name = Naming::new(lang, NameStyle::default_for(lang)).label(&island.forms());
        let title = c.format("feed-link-island", &[("island", name.into())]);
        links.push_str(&link(title, Some(&island.id)));
    }
    links
}

/// `state`'s address in `lang` (`None`: the reader's); English, the
/// permalink's default, said explicitly.
fn href_in(state: &MapState, lang: Option<Lang>) -> String {
    let state = MapState {
        lang,
        ..state.clone()
    };
    let href = permalink::href(&state);
    match lang {
        Some(Lang::En) if href == "/" => "/?lang=en".to_owned(),
        Some(Lang::En) => format!("{href}&lang=en"),
        _ => href,
    }
}

/// `html` with its `<html>` tag's `lang` set to `lang`.
fn with_html_lang(html: &str, lang: Lang) -> String {
    let Some(start) = html.find("<html") else {
        return html.to_owned();
    };
    let Some(len) = html[start..].find('>') else {
        return html.to_owned();
    };
    let tag = &html[start..start + len];
    let mut attributes = tag["<html".len()..].to_owned();
    if let Some(at) = attributes.find(" lang=\"")
        && let Some(close) = attributes[at + 7..].find('"')
    {
        attributes.replace_range(at..at + 7 + close + 1, "");
    }
    format!(
        "{}<html lang=\"{lang}\"{attributes}{}",
        &html[..start],
        &html[start + len..]
    )
}

/// Puts a ready SVG of the default view at the top of `<body>`, so the islands
/// paint before the app's WebAssembly runs; CSS hides it once the app's map exists.
/// Its masthead says what the app's will for the link's language, names and date.
fn insert_prerender(html: &mut String, state: &Pages, map_state: &MapState) {
    let lang = map_state.lang();
    let catalogue = state.catalogue(lang);
    let (names, date) = (map_state.naming().style, map_state.date);
    let key = (
        lang,
        names,
        og::japanese_pieces(state.overview_land(), state.islands(), date),
    );
    let cached = |cache: &HashMap<_, Arc<str>>| cache.get(&key).cloned();
    let drawn = state
        .previews()
        .prerender
        .lock()
        .ok()
        .and_then(|c| cached(&c));
    let svg = drawn.unwrap_or_else(|| {
        let svg: Arc<str> = og::prerender_svg(
            state.overview_land(),
            state.islands(),
            state.scene(lang),
            names,
            date,
            og::PRERENDER_SIZE,
            catalogue,
        )
        .into();
        if let Ok(mut cache) = state.previews().prerender.lock() {
            cache.insert(key, svg.clone());
        }
        svg
    });
    let note = og::escape(&state.islands().masthead_note(names, date, catalogue));
    let site = og::escape(&catalogue.text("server-site-name"));
    let block = format!(
        "<div class=\"prerender\" aria-hidden=\"true\"><header class=\"masthead\"><p class=\"prerender-title\">{site}</p>\
         <p class=\"convention\">{note}</p></header>{svg}</div>"
    );
    if let Some(at) = html.find("<body>") {
        html.insert_str(at + "<body>".len(), &block);
    }
}

/// The timeline bar ([`crate::timeline`]) in the link's language, at its date.
fn insert_timeline(html: &mut String, state: &Pages, map_state: &MapState) {
    let lang = map_state.lang();
    let bar = crate::timeline::Bar {
        c: state.catalogue(lang),
        lang,
        state: map_state,
        today: crate::data::today(),
        dates: &state.inner.event_dates,
        landing: state.islands().first_soviet_control(),
    };
    crate::timeline::insert(html, &bar);
}

/// The page's description in `catalogue`'s language: the open record, the
/// open island and who held it, or the whole dispute; as of the link's date.
fn description(
    state: &Pages,
    subject: Option<&Subject>,
    map_state: &MapState,
    catalogue: &Catalogue,
) -> String {
    let islands = state.islands();
    let entry = map_state.island.as_deref().and_then(|id| islands.find(id));
    let text = match (subject, entry) {
        (Some(subject), _) => {
            let key = if subject.mark.is_some() {
                "server-description-deployment"
            } else {
                "server-description-event"
            };
            catalogue.format(key, &[("headline", subject.headline.as_str().into())])
        }
        (None, Some(entry)) => {
            let date = map_state.date.unwrap_or(islands.soviet_union_ended);
            let key = match islands.administration(&entry.id, date) {
                Some(Administration::Japan) => "server-description-island-japan",
                Some(Administration::SovietUnion) => "server-description-island-soviet",
                Some(Administration::Russia) | None => "server-description-island-russia",
            };
            let island =
                og::island_label(state.preview_land(), islands, &entry.id, map_state.naming())
                    .unwrap_or_else(|| entry.id.clone());
            let [ja, ru] = entry.native();
            catalogue.format(
                key,
                &[
                    ("island", island.into()),
                    ("names", format!("{ja} / {ru}").into()),
                ],
            )
        }
        (None, None) => catalogue.text("server-description-default"),
    };
    match map_state.date {
        Some(date) => catalogue.format(
            "server-description-as-of",
            &[
                ("text", text.into()),
                ("date", catalogue.day_words(date).into()),
            ],
        ),
        None => catalogue.format("server-description-end", &[("text", text.into())]),
    }
}

fn remove_element(html: &str, open: &str, close: &str) -> String {
    match (html.find(open), html.find(close)) {
        (Some(start), Some(end)) if end > start => {
            format!("{}{}", &html[..start], &html[end + close.len()..])
        }
        _ => html.to_owned(),
    }
}

fn remove_tag(html: &str, open: &str) -> String {
    match html.find(open) {
        Some(start) => match html[start..].find('>') {
            Some(len) => format!("{}{}", &html[..start], &html[start + len + 1..]),
            None => html.to_owned(),
        },
        None => html.to_owned(),
    }
}
