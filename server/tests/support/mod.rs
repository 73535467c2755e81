//! Shared by the server's tests: the one place they build the real router
//! (over the committed data, or data and a `dist/` of their own), and a
//! throwaway `dist/` with a secret file next to it (outside it).

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use server::config::Config;
use server::error::StartupError;
use server::state::AppState;
use std::path::PathBuf;
use std::sync::OnceLock;
use tower::ServiceExt;

/// Text of a file that sits beside `dist/`; no response may ever contain it.
pub const SECRET: &str = "TOP-SECRET-never-served";

/// The inline loader Trunk writes, trimmed.
pub const INLINE_SCRIPT: &str =
    "\nimport init from '/app-0123.js';\nawait init({ module_or_path: '/app-0123_bg.wasm' });\n";

/// An inline style element of the page (what Trunk inlines, trimmed).
pub const INLINE_STYLE: &str = ".prerender { position: fixed; inset: 0 }";

pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `<tmp>/<name>/dist` with `index.html` (one inline module script, one
/// inline style element),
/// `app-0123.js` and `style.css`, and `<tmp>/<name>/secret.txt`.
pub fn fake_dist(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).expect("tmp dist");
    std::fs::write(root.join("secret.txt"), SECRET).expect("secret");
    std::fs::write(
        dist.join("index.html"),
        format!(
            "<!doctype html><html><head><script type=\"module\">{INLINE_SCRIPT}</script>\
             <style>{INLINE_STYLE}</style>\
             <link rel=\"modulepreload\" href=\"/app-0123.js\"></head><body></body></html>"
        ),
    )
    .expect("index");
    std::fs::write(
        dist.join("app-0123.js"),
        "export default function init() {}",
    )
    .expect("js");
    std::fs::write(dist.join("style.css"), "body { margin: 0 }").expect("css");
    dist
}

pub fn state_with(dist: PathBuf, data: PathBuf) -> Result<AppState, StartupError> {
    AppState::load(&Config {
        addr: "127.0.0.1:0".parse().expect("literal address"),
        dist,
        data,
        i18n: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/i18n")),
        caches: Default::default(),
    })
}

/// The router over `dist` and `data`, loaded now.
pub fn app_with(dist: PathBuf, data: PathBuf) -> axum::Router {
    let state = state_with(dist, data).unwrap_or_else(|e| panic!("the data loads: {e}"));
    server::routes::router(state)
}

/// A router over the state in `slot`, loaded the first time from the
/// `(dist, data)` folders `folders` gives; each call gets a fresh router
/// (with an empty response cache) over the same state.
pub fn app_once(
    slot: &'static OnceLock<AppState>,
    folders: impl FnOnce() -> (PathBuf, PathBuf),
) -> axum::Router {
    let state = slot.get_or_init(|| {
        let (dist, data) = folders();
        state_with(dist, data).unwrap_or_else(|e| panic!("the data loads: {e}"))
    });
    server::routes::router(state.clone())
}

/// The router over the committed data and [`fake_dist`].
pub fn app() -> axum::Router {
    static STATE: OnceLock<AppState> = OnceLock::new();
    app_once(&STATE, || {
        (fake_dist("kuril-hardening"), workspace().join("geodata"))
    })
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The header names every `Vary` lists, in lower case.
    pub fn vary_names(&self) -> Vec<String> {
        self.headers
            .get_all("vary")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|v| v.trim().to_ascii_lowercase())
            .collect()
    }
}

pub async fn send(app: axum::Router, request: Request<Body>) -> Answer {
    let response = app.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

pub async fn get(uri: &str) -> Answer {
    let request = Request::get(uri)
        .body(Body::empty())
        .unwrap_or_else(|e| panic!("{uri}: {e}"));
    send(app(), request).await
}
