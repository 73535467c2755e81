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
use std::cell::RefCell;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task of the event loop, one the browser runs when
/// nothing more urgent waits (`scheduler.postTask`'s background priority;
/// a timer where there is none). Answers that arrive together would
/// otherwise all be decoded and drawn in one long task, and a long task is
/// a page that does not respond to input; and a reader's click, its answer
/// and the frame showing it go first (bench/README "Click → panel").
pub(crate) async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        if !post_background(&resolve) {
            let _ = web_sys::window()
                .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        }
    });
    let _ = JsFuture::from(later).await;
}

/// `scheduler.postTask(task, { priority: "background" })`; whether it was
/// posted.
fn post_background(task: &js_sys::Function) -> bool {
    let global = js_sys::global();
    let Ok(scheduler) = js_sys::Reflect::get(&global, &"scheduler".into()) else {
        return false;
    };
    let Ok(post) = js_sys::Reflect::get(&scheduler, &"postTask".into()) else {
        return false;
    };
    let Some(post) = post.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"priority".into(), &"background".into());
    post.call2(&scheduler, task, &options).is_ok()
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

/// A fragment's answer asked for before it is needed, by URL: the text
/// once it is in (read at once, so that taking it costs no task), or the
/// wakers of those waiting for it.
enum Early {
    Waiting(Vec<Waker>),
    Arrived(Result<Option<String>, String>),
}

thread_local! {
    /// A few entries (one per disputed island for one state): a list.
    static EARLY: RefCell<Vec<(String, Early)>> = const { RefCell::new(Vec::new()) };
}

/// Asks for the fragment at `url` now, before the app needs it, and reads
/// its text as it arrives: [`fragment`] for the same URL then takes it
/// without waiting for the network or for another task.
pub fn prefetch_fragment(url: String) {
    let known = EARLY.with_borrow_mut(|early| {
        let known = early.iter().any(|(u, _)| *u == url);
        if !known {
            early.push((url.clone(), Early::Waiting(Vec::new())));
        }
        known
    });
    if known {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let answer = get_text_unless_empty(&url).await;
        let waiting = EARLY.with_borrow_mut(|early| {
            let entry = early.iter_mut().find(|(u, _)| *u == url)?;
            match std::mem::replace(&mut entry.1, Early::Arrived(answer)) {
                Early::Waiting(wakers) => Some(wakers),
                Early::Arrived(_) => None,
            }
        });
        waiting.into_iter().flatten().for_each(Waker::wake);
    });
}

/// Forgets the fragments asked for early except those at `keep` (the
/// state moved on: their URLs will not be asked for again).
pub fn keep_fragments(keep: &[String]) {
    EARLY.with_borrow_mut(|early| early.retain(|(u, _)| keep.contains(u)));
}

/// The early answer for `url`, once in; `None` if none was asked for or it
/// failed (the caller then asks itself).
struct EarlyAnswer<'a>(&'a str);

impl Future for EarlyAnswer<'_> {
    type Output = Option<Option<String>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        EARLY.with_borrow_mut(|early| {
            let Some(at) = early.iter().position(|(u, _)| u == self.0) else {
                return Poll::Ready(None);
            };
            match &mut early[at].1 {
                Early::Waiting(wakers) => {
                    wakers.push(cx.waker().clone());
                    Poll::Pending
                }
                Early::Arrived(Ok(text)) => Poll::Ready(Some(text.clone())),
                Early::Arrived(Err(_)) => {
                    early.remove(at);
                    Poll::Ready(None)
                }
            }
        })
    }
}

thread_local! {
    /// The reader is leaving the page: the requests the browser aborts
    /// then ("Failed to fetch") are not the server's failures.
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Follows the page being left (`pagehide`) and shown again from the
/// back/forward cache (`pageshow`); call once, at start.
pub fn watch_leaving() {
    for (name, leaving) in [("pagehide", true), ("pageshow", false)] {
        let _ = leptos::prelude::window_event_listener_untyped(name, move |_| {
            LEAVING.set(leaving);
        });
    }
}

/// Whether a failed request may just be the page being left (nothing to
/// report then).
pub fn leaving() -> bool {
    LEAVING.get()
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
    let land = model::wire::land_shapes(&text)
        .map(Arc::new)
        .map_err(|e| tf("shell-error-map-data", &[("detail", e.to_string().into())]));
    // The map is drawn from it in a task of its own: decoding and drawing
    // in one were the start-up's longest task.
    next_task().await;
    land
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
/// none there: the answer asked for early ([`prefetch_fragment`]) if there
/// is one, else asked for now. Nothing to decode, so it is shown in the
/// task it arrives in (a later one waited behind the start-up's tasks:
/// bench/README "Click → panel").
pub async fn fragment(path: &str, query: &str) -> Result<Option<String>, String> {
    let url = format!("{path}?{query}");
    match EarlyAnswer(&url).await {
        Some(text) => Ok(text),
        None => get_text_unless_empty(&url).await,
    }
}

/// The view `query` (a permalink's parameters) cited in four formats, in
/// the language the query names.
pub async fn citation(query: &str) -> Result<model::api::CitationSet, String> {
    get_json(&format!("/api/citation?{query}")).await
}
