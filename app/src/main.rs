//! Kuril Atlas frontend. Components render state; the logic they rely on
//! (projection, permalinks, viewports, names) lives in the `model` crate.

mod api;
mod atlas;
mod compare;
mod controls;
mod data;
mod fetched;
mod focus;
mod i18n;
mod map;
mod measure;
mod overlays;
mod panel_host;
mod timeline;
mod url_state;

use leptos::prelude::*;

fn main() {
    // The release build (`cargo xtask build`) aborts at once on a panic
    // (`-Cpanic=immediate-abort`), so no hook would ever run; elsewhere (a
    // plain `trunk serve`) the hook says in the console why.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    // Mount in a task of its own, apart from compiling and instantiating the
    // module: two shorter tasks keep the page responsive on slow phones.
    // The catalogue comes first: every word of the interface is in it.
    // wasm-bindgen's executor: leptos's is set up only when the page mounts.
    api::watch_leaving();
    wasm_bindgen_futures::spawn_local(async {
        if let Err(error) = i18n::start().await {
            if api::leaving() {
                return;
            }
            // No catalogue, no words: say so in the three languages.
            leptos::logging::error!("{error}");
            show_start_failure(&error);
            return;
        }
        set_timeout(
            || after_drag(|| leptos::mount::mount_to_body(atlas::Atlas)),
            std::time::Duration::ZERO,
        );
    });
}

/// Runs `then` now, or, while the reader drags the server's first paint
/// (its script marks it `data-pointer`, `index.html`), once the pointer is
/// up: mounting the page is the start-up's longest work, and a drag would
/// stall behind it.
fn after_drag(then: impl FnOnce() + 'static) {
    let dragging = leptos::prelude::document()
        .query_selector(".prerender[data-pointer]")
        .ok()
        .flatten()
        .is_some();
    if !dragging {
        then();
        return;
    }
    let then = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
    // The first paint captures the pointer: its release always comes (after
    // an up or a cancel).
    for name in ["pointerup", "lostpointercapture"] {
        let then = then.clone();
        let _ = window_event_listener_untyped(name, move |_| {
            if let Some(then) = then.take() {
                then();
            }
        });
    }
}

/// A start that failed before any message could be read: a plain notice,
/// in each language, over the server's ready-drawn map.
fn show_start_failure(error: &str) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let notice = format!(
        "<div class=\"notice\" role=\"alert\"><p lang=\"en\">The map could not start: {error}. Reload the page to try again.</p>\
         <p lang=\"ja\">地図を開始できませんでした。ページを再読み込みしてください。</p>\
         <p lang=\"ru\">Карту не удалось запустить. Перезагрузите страницу.</p></div>",
        error = model::og::escape(error)
    );
    let _ = body.insert_adjacent_html("afterbegin", &notice);
}
