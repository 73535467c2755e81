//! Map layers over the land: treaty and claim lines (in map units, strokes
//! not scaled), and places, deployment sites and events (in screen space, so
//! symbols keep a touch-friendly size at every zoom), drawn where
//! `model::scene` puts them.

use crate::data::AtlasData;
use crate::focus::Focus;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::DeploymentFeature;
use model::decimal::fixed;
use model::events::accessible::{deployment_name, event_name};
use model::events::{DeploymentCategory, recent_events};
use model::geometry::Position;
use model::names;
use model::permalink::Layer;
use model::projection::{MapPoint, project};
use model::scene::{EVENT_OFFSET_PX, SITE_RADIUS_PX, Scene, Spread, event_point, spread};
use model::viewport::Transform;
use std::sync::Arc;

/// Treaty of Shimoda and claim lines in force on the map's date.
#[component]
pub fn LinesLayer() -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Lines) {
            return None;
        }
        let date = data.date.get();
        let overlays = data.overlays.get()?.ok()?;
        Some(
            overlays
                .lines_on(date)
                .map(|l| {
                    view! {
                        <path class="treaty-line" class:schematic=l.schematic
                            data-line=l.id.clone() d=l.d.clone()><title>{l.title()}</title></path>
                    }
                })
                .collect_view(),
        )
    }
}

/// An SVG `transform` that keeps a screen-space symbol on its map point,
/// `offset` pixels away. Symbols are built once per data change; while the
/// map moves only this attribute changes.
fn follow(transform: Memo<Transform>, at: MapPoint, offset: (f64, f64)) -> impl Fn() -> String {
    move || {
        let (x, y) = transform.get().apply(at);
        format!(
            "translate({} {})",
            fixed(x + offset.0, 1),
            fixed(y + offset.1, 1)
        )
    }
}

/// Settlements, airfields and bases as dots; their names are placed with
/// the island labels (`map.rs`), clear of each other and of the symbols.
#[component]
pub fn PlacesLayer(transform: Memo<Transform>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Places) {
            return None;
        }
        let overlays = data.overlays.get()?.ok()?;
        let style = url.names.get();
        Some(
            overlays
                .on_the_ground()
                .map(|p| {
                    let [lon, lat] = p.at;
                    let title = format!("{} ({}, {})", names::place_label(p, style), p.name_ja, p.name_ru);
                    view! {
                        <g class="place" data-place=p.id.clone() transform=follow(transform, project(lon, lat), (0.0, 0.0))>
                            <circle r="3.5"><title>{title}</title></circle>
                        </g>
                    }
                })
                .collect_view(),
        )
    }
}

/// Letter, colour class and name for each category: colour is never the only signal.
pub fn category_symbol(category: DeploymentCategory) -> (&'static str, &'static str, &'static str) {
    match category {
        DeploymentCategory::CoastalMissile => ("M", "cat-missile", "Coastal missiles"),
        DeploymentCategory::AirDefence => ("A", "cat-air-defence", "Air defence"),
        DeploymentCategory::Aircraft => ("J", "cat-aircraft", "Aircraft"),
        DeploymentCategory::GroundForces => ("G", "cat-ground", "Ground forces"),
        DeploymentCategory::BorderGuard => ("B", "cat-border", "Border guard"),
        DeploymentCategory::Infrastructure => ("I", "cat-infrastructure", "Infrastructure"),
    }
}

/// Deployment sites in place on the map's date, spread around shared points.
/// Activating one opens its card (`deployment=`) and moves focus into it;
/// the URL's deployment is highlighted (`aria-pressed`, not colour alone).
#[component]
pub fn SitesLayer(transform: Memo<Transform>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Deployments) {
            return None;
        }
        let sites = data.sites.get()?.ok()?;
        let style = url.names.get();
        let land = data.land.get_value();
        Some(
            site_spread(&sites)
                .into_iter()
                .map(|(feature, Spread { at, offset, .. })| {
                    let site = &feature.properties;
                    let (letter, class, _) = category_symbol(site.category);
                    let island = land.as_ref().and_then(|l| l.islands.find(&site.island));
                    let island = island.map_or([site.island.as_str(); 2], |i| i.romaji());
                    let label = deployment_name(&site.unit, island, &site.period, style);
                    // Suffixes about the site itself (", location not published") go here.
                    let id = site.id.clone();
                    let chosen = {
                        let id = id.clone();
                        move || {
                            url.deployment.with(|d| d.as_deref() == Some(id.as_str()))
                                || data.focus_site.with(|f| f.as_deref() == Some(id.as_str()))
                        }
                    };
                    let open = {
                        let id = id.clone();
                        move || {
                            let id = id.clone();
                            data.focus_site.set(None);
                            focus.into_panel();
                            url.push(move |s| s.open_deployment(id));
                        }
                    };
                    let open_key = open.clone();
                    view! {
                        <g class=format!("site {class}") class:focused=chosen.clone()
                            data-site=id transform=follow(transform, at, offset)
                            tabindex="0" role="button" aria-label=label.clone()
                            aria-pressed=move || if chosen() { "true" } else { "false" }
                            on:click=move |_| open()
                            on:keydown=move |e| if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                e.stop_propagation();
                                open_key()
                            }>
                            <title>{label.clone()}</title>
                            <circle class="hit" r="16"/>
                            <circle class="symbol" r=SITE_RADIUS_PX/>
                            <text y="4">{letter}</text>
                        </g>
                    }
                })
                .collect_view(),
        )
    }
}

/// The sites with where each is drawn (see [`model::scene::spread`]).
pub fn site_spread(sites: &[DeploymentFeature]) -> Vec<(&DeploymentFeature, Spread)> {
    let points: Vec<Position> = sites.iter().map(DeploymentFeature::position).collect();
    spread(&points)
        .into_iter()
        .filter_map(|at| Some((sites.get(at.index)?, at)))
        .collect()
}

/// Events of the twelve months up to the map's date, at their places;
/// activating one opens its card (`event=`) and moves focus into it.
#[component]
pub fn EventsLayer(transform: Memo<Transform>, scene: Arc<Scene>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Events) {
            return None;
        }
        let events = data.events.get()?.ok()?;
        let places = data.overlays.get().and_then(Result::ok);
        let date = data.date.get();
        let style = url.names.get();
        Some(
            recent_events(&events, date)
                .filter_map(|e| {
                    let point = event_point(e, places.as_deref(), &scene)?;
                    let id = e.id.clone();
                    let label =
                        event_name(&data.named(style, &e.title, &e.title_template), &e.date);
                    let open = move || {
                        let id = id.clone();
                        focus.into_panel();
                        url.push(move |s| s.open_event(id));
                    };
                    let open_key = open.clone();
                    let chosen = {
                        let id = e.id.clone();
                        move || {
                            if url.event.with(|x| x.as_deref() == Some(id.as_str())) {
                                "true"
                            } else {
                                "false"
                            }
                        }
                    };
                    Some(view! {
                        <g class="event-marker" transform=follow(transform, point, EVENT_OFFSET_PX)
                            tabindex="0" role="button" aria-label=label.clone() aria-pressed=chosen
                            data-event=e.id.clone()
                            on:click=move |_| open()
                            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                ev.stop_propagation();
                                open_key()
                            }>
                            <title>{label.clone()}</title>
                            <circle class="hit" r="14"/>
                            <rect x="-6" y="-6" width="12" height="12" transform="rotate(45)"/>
                        </g>
                    })
                })
                .collect_view(),
        )
    }
}
