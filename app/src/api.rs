//! Requests to the server's JSON API, decoded into the answers' shared types
//! (`model::api`, the server's very own). Decoding
//! is miniserde's (`model::wire`): much less wasm than serde_json, and a
//! failure names the request but not the line and column.

use crate::i18n::tf;
use gloo_net::http::{Request, Response};
use miniserde::Deserialize;
use model::api::{DeploymentChanges, DeploymentFeature, DeploymentFeatureCollection};
use model::events::Date;
use model::marks::EventMark;
use model::marks::Overlays;
use model::scene::LandShapes;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task of the event loop. Answers that arrive together
/// would otherwise all be decoded and drawn in one long task, and a long task
/// is a page that does not respond to input.
async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// A failed request in the browser's words. Formatting `gloo_net::Error`
/// itself would link serde_json's messages into the wasm (it has a variant
/// for them when another crate enables gloo-net's `json`), though only the
/// browser's own errors can happen here.
fn browser_error(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message,
        gloo_net::Error::GlooError(message) => message,
        #[allow(unreachable_patterns)]
        _ => "an unexpected error".to_owned(),
    }
}

/// The answer the page's loader script (`Trunk.toml`) already asked for,
/// while the app itself was still downloading: taken once, so that a retry
/// asks the server again.
async fn prefetched(url: &str) -> Option<Response> {
    let table = js_sys::Reflect::get(&web_sys::window()?.into(), &PREFETCH_TABLE.into()).ok()?;
    if !table.is_object() {
        return None;
    }
    let key = JsValue::from_str(url);
    let promise: js_sys::Promise = js_sys::Reflect::get(&table, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(table.unchecked_ref::<js_sys::Object>(), &key);
    // A failed prefetch is not an answer: the caller then asks itself.
    let response: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(Response::from(response))
}

/// The global the loader script keeps its requests in, by URL.
const PREFETCH_TABLE: &str = "__kurilPrefetch";

/// Asks for `url` now, before the app needs it: the next request for the
/// same URL takes this answer (`prefetched`) instead of asking again.
pub fn prefetch(url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(url);
    let table = match js_sys::Reflect::get(&window, &PREFETCH_TABLE.into()) {
        Ok(table) if table.is_object() => table,
        _ => {
            let table: JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &PREFETCH_TABLE.into(), &table);
            table
        }
    };
    if js_sys::Reflect::has(&table, &key) != Ok(true) {
        let _ = js_sys::Reflect::set(&table, &key, &window.fetch_with_str(url));
    }
}

/// The answer's text, in a later task than the one it arrived in (its
/// caller decodes it: see [`next_task`]).
pub(crate) async fn get_text(url: &str) -> Result<String, String> {
    let text = get_text_unless_empty(url)
        .await?
        .ok_or_else(|| status_error(204, url))?;
    next_task().await;
    Ok(text)
}

/// "the server answered 404 for /api/…", in the page's language.
fn status_error(status: u16, url: &str) -> String {
    tf(
        "shell-error-status",
        &[("status", status.to_string().into()), ("url", url.into())],
    )
}

/// "the answer for /api/… is malformed: …", in the page's language.
fn malformed(url: &str, detail: impl std::fmt::Display) -> String {
    tf(
        "shell-error-malformed",
        &[("url", url.into()), ("detail", detail.to_string().into())],
    )
}

/// The answer's text, or `None` when the server says there is nothing
/// (204: no panel is open in that state).
async fn get_text_unless_empty(url: &str) -> Result<Option<String>, String> {
    let response = match prefetched(url).await {
        Some(response) => response,
        None => Request::get(url).send().await.map_err(|e| {
            tf(
                "shell-error-unreachable",
                &[("detail", browser_error(e).into())],
            )
        })?,
    };
    if response.status() == 204 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(status_error(response.status(), url));
    }
    let text = response.text().await.map_err(|e| {
        tf(
            "shell-error-incomplete",
            &[("url", url.into()), ("detail", browser_error(e).into())],
        )
    })?;
    Ok(Some(text))
}

async fn get_json<T: Deserialize>(url: &str) -> Result<T, String> {
    let text = get_text(url).await?;
    model::wire::decode(&text).map_err(|e| malformed(url, e))
}

/// The catalogue of a language (`assets/i18n/<lang>/*.ftl`, joined by the
/// server), as text. Asked for before any message is known: a failure is
/// said in English, in the start-up notice's English line (`main.rs`).
pub async fn catalogue(lang: model::i18n::Lang) -> Result<String, String> {
    let url = format!("/i18n/{lang}.ftl");
    // `get_text`'s own messages are in the catalogue not yet loaded.
    get_text(&url)
        .await
        .map_err(|_| format!("could not load {url} from the server"))
}

/// `url` asking for text in the page's language (`lang=`, English by default).
pub(crate) fn localized(url: &str) -> String {
    match crate::i18n::lang() {
        model::i18n::Lang::En => url.to_owned(),
        lang if url.contains('?') => format!("{url}&lang={lang}"),
        lang => format!("{url}?lang={lang}"),
    }
}

/// Land outlines at a level of detail, already projected to path data.
pub async fn land(level: usize) -> Result<Arc<LandShapes>, String> {
    let text = get_text(&format!("/api/geo/shapes/{level}")).await?;
    model::wire::land_shapes(&text)
        .map(Arc::new)
        .map_err(|e| tf("shell-error-map-data", &[("detail", e.to_string().into())]))
}

/// Places and treaty lines, ready to draw.
pub async fn overlays() -> Result<Arc<Overlays>, String> {
    let text = get_text("/api/geo/overlays").await?;
    model::wire::decode::<Overlays>(&text)
        .map(Arc::new)
        .map_err(|e| tf("shell-error-overlays", &[("detail", e.to_string().into())]))
}

/// Every event, in date order, as the map and the timeline use it (the
/// full records are drawn by the server in the cards).
pub async fn events() -> Result<Arc<Vec<EventMark>>, String> {
    get_json(&localized("/api/event-marks")).await.map(Arc::new)
}

/// The deployment sites in place on a day, as the map draws them.
pub async fn sites(at: &str) -> Result<Vec<DeploymentFeature>, String> {
    let collection: DeploymentFeatureCollection =
        get_json(&localized(&format!("/api/deployments.geojson?at={at}"))).await?;
    Ok(collection.features)
}

/// The deployments added, withdrawn and changed from `from` to `to`
/// (the server works out the difference: no copy of it in the wasm).
pub async fn changes(from: Date, to: Date) -> Result<Arc<DeploymentChanges>, String> {
    let url = format!("/api/deployments/changes?from={from}&to={to}");
    get_json(&localized(&url)).await.map(Arc::new)
}

/// A panel the server draws (`path`: `/fragments/panel` or
/// `/fragments/reader`) for `query`, as HTML; `None` when that state opens
/// none there. Nothing to decode, so it is shown in the task it arrives in
/// (a later one waited behind the start-up's tasks: bench/README "Click →
/// panel").
pub async fn fragment(path: &str, query: &str) -> Result<Option<String>, String> {
    get_text_unless_empty(&format!("{path}?{query}")).await
}

/// The view `query` (a permalink's parameters) cited in four formats, in
/// the language the query names.
pub async fn citation(query: &str) -> Result<model::api::CitationSet, String> {
    get_json(&format!("/api/citation?{query}")).await
}
