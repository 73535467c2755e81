//! "Download image": the current state as `/export.png` (print size) and
//! `/export.svg`, at the map's size; "Download data": events and
//! deployments as CSV and GeoJSON, all of them, with the Data Package. The
//! server draws and writes them all; the app only links.

use crate::i18n::{self, t};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::export::{HEIGHTS, WIDTHS};
use model::i18n::Lang;
use model::permalink;

/// The map's size in CSS pixels, within what the server exports.
fn map_size() -> (i32, i32) {
    let map = document().get_element_by_id("map");
    let (w, h) = map.map_or((0, 0), |m| (m.client_width(), m.client_height()));
    let within = |v: i32, range: &std::ops::RangeInclusive<u32>| {
        let (lo, hi) = (*range.start() as i32, *range.end() as i32);
        v.clamp(lo, hi)
    };
    (within(w, &WIDTHS), within(h, &HEIGHTS))
}

/// PNG and SVG links to the current state at the map's current size
/// (measured again when the pointer or the keyboard reaches them).
#[component]
pub fn DownloadImage() -> impl IntoView {
    let url: UrlState = expect_context();
    let reached = RwSignal::new(0_u8);
    let href = move |ext: &str| {
        reached.track();
        let query = permalink::format(&url.state.get());
        let (w, h) = map_size();
        let and = if query.is_empty() { "" } else { "&" };
        format!("/export.{ext}?{query}{and}w={w}&h={h}")
    };
    let reach = move || reached.update(|n| *n = n.wrapping_add(1));
    view! {
        <p class="downloads download-image" on:pointerenter=move |_| reach() on:focusin=move |_| reach()>
            {t("export-download-image")}": "
            <a href=move || href("png") download>{t("export-image-png")}</a>" · "
            <a href=move || href("svg") download>{t("export-image-svg")}</a>
        </p>
    }
}

/// "Download data" in the share area: every event and deployment as CSV
/// and GeoJSON, and the Data Package, in the page's language. (An island's
/// panel links its own, drawn by the server: `server/src/panels/`.)
pub fn data_links() -> impl IntoView {
    let query = match i18n::lang() {
        Lang::En => String::new(),
        lang => format!("?lang={}", lang.code()),
    };
    let files = [
        ("events.csv", "export-events-csv"),
        ("events.geojson", "export-events-geojson"),
        ("deployments.csv", "export-deployments-csv"),
        ("deployments.geojson", "export-deployments-geojson"),
        ("datapackage.json", "export-datapackage"),
    ];
    let links = files
        .into_iter()
        .map(|(file, key)| {
            let href = format!("/api/{file}{query}");
            view! { <li><a href=href download>{t(key)}</a></li> }
        })
        .collect_view();
    view! {
        <details class="downloads download-data">
            <summary>{t("export-download-data")}</summary>
            <ul>{links}</ul>
        </details>
    }
}
