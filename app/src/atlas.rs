//! The page: map, controls, island panel, all driven by the URL.

use crate::api;
use crate::controls::{Controls, EmbedFooter, IgnoredNotice, IslandList, legend_box};
use crate::data::{AtlasData, DEFAULT_ARTICLE};
use crate::map::MapView;
use crate::panel::{IslandPanel, PanelWarmup};
use crate::reader::Reader;
use crate::timeline::Timeline;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::scene::LandShapes;
use std::sync::Arc;

/// Zoom levels from which the finer land outlines are used.
pub const LEVEL_ZOOMS: [f64; 2] = [9.0, 11.0];

#[component]
pub fn Atlas() -> impl IntoView {
    let url = UrlState::new();
    provide_context(url);
    let data = AtlasData::new(url);
    provide_context(data);
    provide_context(crate::focus::Focus::new());
    let overview = crate::fetched::Fetched::new(|| api::land(0));
    // Finer levels load on demand when the reader zooms in.
    let wanted_level = RwSignal::new(0usize);
    let detail = crate::fetched::Fetched::new(move || {
        let level = wanted_level.get();
        async move {
            if level == 0 {
                Ok(None)
            } else {
                api::land(level).await.map(Some)
            }
        }
    });
    let on_zoom = Callback::new(move |zoom: f64| {
        let level = LEVEL_ZOOMS.iter().filter(|z| zoom >= **z).count();
        if wanted_level.get_untracked() != level {
            wanted_level.set(level);
        }
    });
    // The most detailed outline loaded so far for the current zoom.
    let detail_land = Signal::derive(move || match detail.get() {
        Some(Ok(Some(land))) => Some(land),
        _ => None,
    });

    let embed = move || url.embed.get();
    view! {
        <main class="atlas" class:embed=embed>
            <Show when=move || !embed() fallback=|| view! { <h1 class="sr-only">"Kuril Atlas"</h1> }>
                <header class="masthead">
                    <h1>"Kuril Atlas"</h1>
                    <p class="convention">{move || url.names.get().convention_note()}" "{move || {
                        let date = data.date.get();
                        overview.get().and_then(Result::ok).map(|land| land.islands.held_on(date))
                    }}</p>
                    <button type="button" class="open-article"
                        on:click=move |_| url.push(|s| s.article = Some(DEFAULT_ARTICLE.to_owned()))>
                        "Read the article"
                    </button>
                </header>
            </Show>
            <IgnoredNotice/>
            {move || match overview.get() {
                None => view! { <p class="status" role="status">"Loading the map…"</p> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="status error" role="alert">
                        <p>{format!("The map could not be loaded: {message}")}</p>
                        <button type="button" on:click=move |_| overview.refetch()>"Try again"</button>
                    </div>
                }.into_any(),
                Some(Ok(land)) => loaded(land, detail_land, on_zoom).into_any(),
            }}
        </main>
    }
}

fn loaded(
    land: Arc<LandShapes>,
    detail: Signal<Option<Arc<LandShapes>>>,
    on_zoom: Callback<f64>,
) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    data.land.set_value(Some(land.clone()));
    // The map first, in its own task; then the rest of the page, one part
    // per task, so that no task keeps a click waiting for long (one task for
    // all of it took 60-90 ms in Chromium here). The panel comes first: it
    // answers clicks on the map.
    let stage = RwSignal::new(Stage::Map);
    mount_in_stages(stage);
    let from = move |part: Stage| move || stage.get() >= part;
    let first_landing = land.islands.first_soviet_control();
    let for_list = land.clone();
    let for_panel = land.clone();
    let for_warmup = land.clone();
    view! {
        <MapView land=land detail=detail on_zoom=on_zoom/>
        <Show when=move || !url.embed.get() fallback=EmbedFooter>
            <Show when=from(Stage::Controls)><Controls/>{legend_box("legend-box phone-legend")}</Show>
            <Show when=from(Stage::Timeline)><Timeline first_landing=first_landing/></Show>
            {
                let land = for_list.clone();
                view! { <Show when=from(Stage::IslandList)><IslandList land=land.clone()/></Show> }
            }
        </Show>
        <Show when=from(Stage::Panel)>
            <IslandPanel land=for_panel.clone()/>
            <Reader land=for_panel.clone()/>
        </Show>
        <Show when=from(Stage::PanelWarmup)><PanelWarmup land=for_warmup.clone()/></Show>
    }
}

/// The parts of the page after the map, in the order they are mounted.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Map,
    Panel,
    Timeline,
    Controls,
    IslandList,
    PanelWarmup,
}

/// Mounts the next part of the page in a task of its own, until the last.
fn mount_in_stages(stage: RwSignal<Stage>) {
    set_timeout(
        move || {
            let next = match stage.get_untracked() {
                Stage::Map => Stage::Panel,
                Stage::Panel => Stage::Timeline,
                Stage::Timeline => Stage::Controls,
                Stage::Controls => Stage::IslandList,
                Stage::IslandList => Stage::PanelWarmup,
                Stage::PanelWarmup => return,
            };
            stage.set(next);
            mount_in_stages(stage);
        },
        std::time::Duration::ZERO,
    );
}
