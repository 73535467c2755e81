//! The app's page and link previews.
//!
//! `GET /?<permalink>` returns Trunk's `index.html` with a title, description
//! and Open Graph / Twitter card tags for that map state, so a pasted link
//! previews what it opens. `GET /og.png?<permalink>` draws that state as a
//! 1200×630 PNG with the same outlines and names as the app (SVG from
//! `model::og`, rasterised by resvg with a font we ship), cached per state.

use crate::http_cache::{NO_CACHE, PREVIEW};
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use model::geodata::LandCollection;
use model::islands::{Administration, Islands};
use model::names::NameStyle;
use model::og::{self, Records, Subject};
use model::permalink::{self, MapState};
use model::scene::{Scene, group_names};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The font previews are drawn with (DejaVu Sans Bold; licence in assets/fonts/).
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// Rendered previews kept in memory; beyond this the cache starts over.
const CACHE_ENTRIES: usize = 256;

/// What the page and preview handlers need: the built app, the outlines
/// they draw and the previews drawn so far.
#[derive(Clone)]
pub struct Pages {
    inner: Arc<PagesInner>,
}

static EMPTY_CATALOGUE: std::sync::LazyLock<model::i18n::Catalogue> =
    std::sync::LazyLock::new(model::i18n::Catalogue::default);

struct PagesInner {
    dist: PathBuf,
    /// Outlines used for link-preview images (the medium level of detail).
    preview_land: LandCollection,
    /// The coarsest outlines, drawn into `index.html` so the map paints before the app runs.
    overview_land: LandCollection,
    /// The islands and groups, for headlines and descriptions.
    islands: Islands,
    /// What previews name and where: the overview's scene, as the app names from it.
    scene: Scene,
    /// The deployments and events a link can open, for headlines and marks.
    records: Records,
    /// Every language's messages (the first paint's masthead note).
    catalogues: Vec<model::i18n::Catalogue>,
    previews: Previews,
}

impl Pages {
    pub fn new(
        dist: PathBuf,
        preview_land: LandCollection,
        overview_land: LandCollection,
        islands: Islands,
        records: Records,
        catalogues: Vec<model::i18n::Catalogue>,
    ) -> Self {
        let scene = Scene::from_land(&overview_land, &group_names(&islands));
        Pages {
            inner: Arc::new(PagesInner {
                dist,
                preview_land,
                overview_land,
                islands,
                scene,
                records,
                catalogues,
                previews: Previews::new(),
            }),
        }
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

    /// The messages of `lang` (English if it were missing).
    pub fn catalogue(&self, lang: model::i18n::Lang) -> &model::i18n::Catalogue {
        let all = &self.inner.catalogues;
        all.iter()
            .find(|c| c.lang() == lang)
            .or(all.first())
            .unwrap_or(&EMPTY_CATALOGUE)
    }

    pub fn scene(&self) -> &Scene {
        &self.inner.scene
    }

    /// `map_state` as previews show it, with the record it opens: a
    /// deployment or event this data does not know is dropped (the plain
    /// preview, one cache entry), not an error.
    pub fn previewed(&self, mut map_state: MapState) -> (MapState, Option<Subject>) {
        let subject = self
            .inner
            .records
            .subject(self.islands(), self.scene(), &map_state);
        if subject.is_none() {
            map_state.deployment = None;
            map_state.event = None;
        }
        (map_state, subject)
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
    rendering: tokio::sync::Semaphore,
    cache: Mutex<HashMap<String, Bytes>>,
    /// The default view's inline SVG for `index.html`, drawn once per names
    /// convention and count of pieces still Japan's on the link's date
    /// (`og::japanese_pieces`): a few dozen entries at most.
    prerender: Mutex<HashMap<(NameStyle, usize), Arc<str>>>,
}

impl Default for Previews {
    fn default() -> Self {
        Self::new()
    }
}

impl Previews {
    pub fn new() -> Self {
        let mut options = resvg::usvg::Options::default();
        options.fontdb_mut().load_font_data(FONT.to_vec());
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Previews {
            options,
            rendering: tokio::sync::Semaphore::new(cores),
            cache: Mutex::new(HashMap::new()),
            prerender: Mutex::new(HashMap::new()),
        }
    }

    fn cached(&self, key: &str) -> Option<Bytes> {
        self.cache.lock().ok()?.get(key).cloned()
    }

    fn remember(&self, key: String, png: Bytes) {
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_ENTRIES {
                cache.clear();
            }
            cache.insert(key, png);
        }
    }

    /// Rasterises an SVG document to PNG.
    pub fn render(&self, svg: &str) -> Result<Vec<u8>, RenderError> {
        let tree = resvg::usvg::Tree::from_str(svg, &self.options)?;
        let size = tree.size().to_int_size();
        let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
            .ok_or(RenderError::EmptySize)?;
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::identity(),
            &mut pixmap.as_mut(),
        );
        pixmap
            .encode_png()
            .map_err(|e| RenderError::Png(Box::new(e)))
    }
}

/// `GET /og.png?<permalink>`: the map state as a 1200×630 PNG.
pub async fn preview(State(state): State<Pages>, RawQuery(query): RawQuery) -> Response {
    let (map_state, _) = permalink::parse(query.as_deref().unwrap_or(""));
    let (map_state, subject) = state.previewed(map_state);
    let key = permalink::format(&map_state);
    let png = match state.previews().cached(&key) {
        Some(png) => png,
        None => {
            let Ok(_permit) = state.previews().rendering.try_acquire() else {
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::RETRY_AFTER, "2")],
                    "busy drawing other previews; try again shortly",
                )
                    .into_response();
            };
            let svg = og::render_svg(
                state.preview_land(),
                state.islands(),
                state.scene(),
                subject.as_ref(),
                &map_state,
            );
            let renderer = state.clone();
            let rendered =
                tokio::task::spawn_blocking(move || renderer.previews().render(&svg)).await;
            let rendered = rendered.map_err(RenderError::from).and_then(|drawn| drawn);
            match rendered {
                Ok(png) => {
                    let png = Bytes::from(png);
                    state.previews().remember(key, png.clone());
                    png
                }
                Err(detail) => {
                    // Our own SVG failed to draw: a server bug, not the reader's input.
                    tracing::error!("preview rendering failed: {detail}");
                    return (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "preview rendering failed",
                    )
                        .into_response();
                }
            }
        }
    };
    (
        [
            (header::CONTENT_TYPE, "image/png"),
            (header::CACHE_CONTROL, PREVIEW),
        ],
        png,
    )
        .into_response()
}

/// `GET /` (any query): the app page with meta tags for the linked state.
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
    let (map_state, _) = permalink::parse(query.as_deref().unwrap_or(""));
    let origin = origin(&headers);
    let mut html = with_meta(&template, &state, &map_state, &origin);
    if !map_state.embed {
        insert_prerender(&mut html, &state, &map_state);
    }
    let mut response = Html(html).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}

/// `http://host` from the request's Host header, if it looks like a host name.
fn origin(headers: &HeaderMap) -> String {
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

/// The page with its `<title>` replaced and preview tags added to `<head>`.
pub fn with_meta(html: &str, state: &Pages, map_state: &MapState, origin: &str) -> String {
    let land = state.preview_land();
    let page_url = format!("{origin}{}", permalink::href(map_state));
    let (map_state, subject) = state.previewed(map_state.clone());
    let map_state = &map_state;
    let headline = og::title(land, state.islands(), subject.as_ref(), map_state);
    let title = format!("{headline} · Kuril Atlas");
    let description = description(state, subject.as_ref(), map_state);
    let query = permalink::format(map_state);
    let image = if query.is_empty() {
        format!("{origin}/og.png")
    } else {
        format!("{origin}/og.png?{query}")
    };
    let e = og::escape;
    let tags = format!(
        concat!(
            "<meta name=\"description\" content=\"{d}\">\n",
            "<meta property=\"og:type\" content=\"website\">\n",
            "<meta property=\"og:site_name\" content=\"Kuril Atlas\">\n",
            "<meta property=\"og:title\" content=\"{t}\">\n",
            "<meta property=\"og:description\" content=\"{d}\">\n",
            "<meta property=\"og:url\" content=\"{u}\">\n",
            "<meta property=\"og:image\" content=\"{i}\">\n",
            "<meta property=\"og:image:width\" content=\"1200\">\n",
            "<meta property=\"og:image:height\" content=\"630\">\n",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
            "<meta name=\"twitter:title\" content=\"{t}\">\n",
            "<meta name=\"twitter:description\" content=\"{d}\">\n",
            "<meta name=\"twitter:image\" content=\"{i}\">\n",
            "<link rel=\"canonical\" href=\"{u}\">\n"
        ),
        d = e(&description),
        t = e(&title),
        u = e(&page_url),
        i = e(&image),
    );
    // Drop Trunk's generic title and description; ours describe this state.
    let mut page = remove_element(html, "<title>", "</title>");
    page = remove_tag(&page, "<meta name=\"description\"");
    let head = format!("<title>{}</title>\n{tags}", e(&title));
    match page.find("</head>") {
        Some(at) => {
            page.insert_str(at, &head);
            page
        }
        None => format!("{head}{page}"),
    }
}

/// Puts a ready SVG of the default view at the top of `<body>`, so the islands
/// paint before the app's WebAssembly runs; CSS hides it once the app's map exists.
/// Its masthead says what the app's will for the link's names and date.
fn insert_prerender(html: &mut String, state: &Pages, map_state: &MapState) {
    let (names, date) = (map_state.naming().style, map_state.date);
    let key = (
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
            state.scene(),
            names,
            date,
            (1280.0, 740.0),
        )
        .into();
        if let Ok(mut cache) = state.previews().prerender.lock() {
            cache.insert(key, svg.clone());
        }
        svg
    });
    let catalogue = state.catalogue(map_state.lang());
    let note = og::escape(
        &state
            .islands()
            .masthead_note(names, map_state.date, catalogue),
    );
    let block = format!(
        "<div class=\"prerender\" aria-hidden=\"true\"><header class=\"masthead\"><p class=\"prerender-title\">Kuril Atlas</p>\
         <p class=\"convention\">{note}</p></header>{svg}</div>"
    );
    if let Some(at) = html.find("<body>") {
        html.insert_str(at + "<body>".len(), &block);
    }
}

fn description(state: &Pages, subject: Option<&Subject>, map_state: &MapState) -> String {
    let islands = state.islands();
    let entry = map_state.island.as_deref().and_then(|id| islands.find(id));
    let mut text = match (subject, entry) {
        (Some(subject), _) => {
            let what = if subject.mark.is_some() {
                "a military deployment"
            } else {
                "an event"
            };
            format!(
                "{}: {what} in the Kuril Islands / Northern Territories dispute, on an interactive map with its history and sources",
                subject.headline
            )
        }
        (None, Some(entry)) => {
            let date = map_state.date.unwrap_or(islands.soviet_union_ended);
            let admin = islands.administration(&entry.id, date);
            let claim = admin
                .filter(|a| !a.is_japan())
                .map(|_| format!(", claimed by {}", Administration::Japan.name()))
                .unwrap_or_default();
            let [ja, ru] = entry.native();
            format!(
                "{} ({ja} / {ru}): administered by {}{claim}; its deployment history with sources",
                model::names::label_of(entry.romaji(), model::names::NameStyle::Both),
                admin.map_or("", Administration::in_sentence),
            )
        }
        (None, None) => "The Kuril Islands / Northern Territories dispute between Japan and Russia on an interactive map: islands with both names, military deployments and treaty lines, each with sources".to_owned(),
    };
    if let Some(date) = map_state.date {
        text.push_str(&format!(", as of {}", og::day_words(date)));
    }
    text.push('.');
    text
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
