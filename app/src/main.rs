//! Kuril Atlas frontend. Components render state; the logic they rely on
//! (projection, permalinks, viewports, names) lives in the `model` crate.

mod api;
mod atlas;
mod controls;
mod data;
mod deployment_card;
mod fetched;
mod focus;
mod map;
mod overlays;
mod panel;
mod reader;
mod story;
mod timeline;
mod url_state;

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // Mount in a task of its own, apart from compiling and instantiating the
    // module: two shorter tasks keep the page responsive on slow phones.
    set_timeout(
        || leptos::mount::mount_to_body(atlas::Atlas),
        std::time::Duration::ZERO,
    );
}
