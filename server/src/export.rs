//! `GET /export.svg?<permalink>&w=&h=` and `/export.png?…`: the link's map
//! state as a print figure (`model::export`), its words in the link's
//! language, the map `w`×`h` CSS pixels (the PNG at twice that), saved
//! under a name that says what it shows. The PNG is drawn as og.png is
//! (`page::Previews`: resvg with the fonts we ship, a render per core,
//! cached by state, size, date and host).

use crate::error::ApiError;
use crate::http_cache::{Served, cached};
use crate::page::{RenderError, origin};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::api::{DeploymentChanges, DeploymentFeatureCollection};
use model::events::Date;
use model::export::{self, Comparison, Figure, Layers, PNG_SCALE};
use model::i18n::Lang;
use model::permalink::{self, MapState};
use resvg::tiny_skia::{Pixmap, PixmapPaint, Transform};
use resvg::usvg::{Options, Tree};

/// What a request asks to be drawn: the map state (unknown records
/// dropped) and the record it shows, its language, date, size and link,
/// what its file is called (without extension) and the key its picture is
/// cached under. Cheap: a cached picture is found without drawing it.
struct Asked {
    map_state: MapState,
    subject: Option<model::og::Subject>,
    lang: Lang,
    date: Date,
    size: (u32, u32),
    link: String,
    name: String,
    key: String,
}

/// Today, by the server's clock (the map's date when the link has none).
fn today() -> Option<Date> {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    model::timeline::from_day_number(days)
}

/// `kuril-atlas[-island][-record]-date[-compared-with-date][-lang]`: letters, digits and dashes.
fn file_name(state: &MapState, date: Date) -> String {
    let mut name = String::from("kuril-atlas");
    let parts = [
        state.island.clone(),
        state.deployment.clone().or_else(|| state.event.clone()),
        Some(date.to_string()),
        state.compare.map(|d| format!("compared-with-{d}")),
        state.lang.map(|l| l.code().to_owned()),
    ];
    for part in parts.into_iter().flatten() {
        name.push('-');
        name.extend(
            part.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-'),
        );
    }
    name
}

/// The figure `query` asks for: a bad `w` or `h` is a 400 naming it; the
/// rest of the query is the permalink (parsed totally, as `/`'s).
fn ask(state: &AppState, query: &str, headers: &HeaderMap) -> Result<Asked, ApiError> {
    let size = export::size(query).map_err(|e| ApiError::bad_parameter(e.name(), &e))?;
    let (map_state, _) = permalink::parse(query);
    let pages = state.pages();
    let (map_state, subject) = pages.previewed(map_state);
    // A clock before 1970 or after 2100: the last day the data's eras know.
    let date = map_state
        .date
        .or_else(today)
        .unwrap_or(pages.islands().soviet_union_ended);
    let link = format!("{}{}", origin(headers), permalink::href(&map_state));
    Ok(Asked {
        lang: map_state.lang(),
        name: file_name(&map_state, date),
        key: format!("export {}x{} {date} {link}", size.0, size.1),
        map_state,
        subject,
        date,
        size,
        link,
    })
}

/// The figure's layers (`model::export`).
fn draw(state: &AppState, asked: &Asked) -> Layers {
    let pages = state.pages();
    let lang = asked.lang;
    let data = &state.api().in_language(lang).data;
    let sites = DeploymentFeatureCollection::from_dataset(data, Some(asked.date)).features;
    // Compared as the app's list compares: neither day after today.
    let compared = asked.map_state.compare.map(|compare| {
        let today = today().unwrap_or(asked.date);
        let (from, to) = (compare.min(today), asked.date.min(today));
        (from, to, DeploymentChanges::between(data, from, to))
    });
    export::render_layers(&Figure {
        land: pages.preview_land(),
        islands: pages.islands(),
        scene: pages.scene(lang),
        sites: &sites,
        overlays: state.marks(),
        events: &data.events,
        subject: asked.subject.as_ref(),
        comparison: compared.as_ref().map(|(from, to, changes)| Comparison {
            from: *from,
            to: *to,
            changes,
        }),
        state: &asked.map_state,
        catalogue: pages.catalogue(lang),
        date: asked.date,
        link: &asked.link,
        revision: state.api().revision().as_str(),
        size: asked.size,
    })
}

/// `body` as a download named `name`, with an entity tag.
fn attachment(
    body: impl Into<Bytes>,
    media: &'static str,
    name: &str,
    lang: Lang,
    headers: &HeaderMap,
) -> Response {
    let mut response = cached(&Served::new(body), media, headers);
    let h = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    crate::page::ServedLang::named(lang).label(response)
}

/// `GET /export.svg?<permalink>[&w=][&h=]`: the figure as SVG, kept in
/// the image cache beside the PNGs (drawing it took 30-60 ms of a loaded
/// core, which at 64 connections made 29 answers a second: bench/README.md).
pub async fn svg(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = match ask(&state, query.as_deref().unwrap_or(""), &headers) {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let previews = state.pages().previews();
    let key = format!("svg {}", asked.key);
    let svg = previews.cached(&key).unwrap_or_else(|| {
        let svg = Bytes::from(draw(&state, &asked).svg());
        previews.remember(key, svg.clone());
        svg
    });
    attachment(
        svg,
        "image/svg+xml",
        &format!("{}.svg", asked.name),
        asked.lang,
        &headers,
    )
}

/// `GET /export.png?<permalink>[&w=][&h=]`: the figure as PNG at twice its size.
pub async fn png(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = match ask(&state, query.as_deref().unwrap_or(""), &headers) {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let previews = state.pages().previews();
    // Looked up before anything is drawn: a cached image costs no drawing.
    let png = match previews.cached(&asked.key) {
        Some(png) => png,
        None => {
            let Ok(_permit) = previews.rendering.try_acquire() else {
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::RETRY_AFTER, "2")],
                    "busy drawing other images; try again shortly",
                )
                    .into_response();
            };
            let layers = draw(&state, &asked);
            let renderer = state.clone();
            let rendered = tokio::task::spawn_blocking(move || {
                rasterise(renderer.pages().previews().options(), &layers, PNG_SCALE)
            })
            .await;
            match rendered.map_err(RenderError::from).and_then(|r| r) {
                Ok(png) => {
                    let png = Bytes::from(png);
                    previews.remember(asked.key.clone(), png.clone());
                    png
                }
                Err(detail) => {
                    tracing::error!("export rendering failed: {detail}");
                    return (StatusCode::INTERNAL_SERVER_ERROR, "export rendering failed")
                        .into_response();
                }
            }
        }
    };
    attachment(
        png,
        "image/png",
        &format!("{}.png", asked.name),
        asked.lang,
        &headers,
    )
}

/// The figure as PNG at `scale` pixels per CSS pixel, drawn layer by layer:
/// the page under the map, the map on a canvas of its own (which clips it),
/// then the page over it. The same picture as the one document, drawn about
/// seven times faster (bench/README.md, "Export PNG").
pub fn rasterise(options: &Options, layers: &Layers, scale: f32) -> Result<Vec<u8>, RenderError> {
    let draw = |pixmap: &mut Pixmap, size: (f64, f64), inside: &str| -> Result<(), RenderError> {
        let tree = Tree::from_str(&Layers::document(size, inside), options)?;
        resvg::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        Ok(())
    };
    let pixels = |(w, h): (f64, f64)| -> Result<Pixmap, RenderError> {
        let px = |v: f64| (v * f64::from(scale)).round() as u32;
        Pixmap::new(px(w), px(h)).ok_or(RenderError::EmptySize)
    };
    let mut page = pixels(layers.size)?;
    draw(&mut page, layers.size, &layers.before)?;
    let mut map = pixels(layers.map_size)?;
    draw(&mut map, layers.map_size, &layers.map)?;
    let at = |v: f64| (v * f64::from(scale)).round() as i32;
    page.draw_pixmap(
        at(layers.map_at.0),
        at(layers.map_at.1),
        map.as_ref(),
        &PixmapPaint::default(),
        Transform::identity(),
        None,
    );
    draw(&mut page, layers.size, &layers.after)?;
    page.encode_png().map_err(|e| RenderError::Png(Box::new(e)))
}
