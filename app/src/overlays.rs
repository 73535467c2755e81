//! Map layers over the land: treaty and claim lines (in map units, strokes
//! not scaled), and places, deployment sites and events (in screen space, so
//! symbols keep a touch-friendly size at every zoom).

use crate::api::Site;
use crate::data::AtlasData;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::decimal::fixed;
use model::events::{DeploymentCategory, Event, recent_events};
use model::marks::Overlays;
use model::names;
use model::permalink::Layer;
use model::projection::{MapPoint, project};
use model::viewport::Transform;
use std::collections::BTreeMap;

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
#[component]
pub fn SitesLayer(transform: Memo<Transform>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Deployments) {
            return None;
        }
        let sites = data.sites.get()?.ok()?;
        let focused = data.focus_site.get();
        Some(
            spread(&sites)
                .into_iter()
                .map(|(site, at, offset)| {
                    let (letter, class, category) = category_symbol(site.category);
                    let label = format!("{category}: {}, on {} ({})", site.unit, site.island, site.status);
                    let island = site.island.clone();
                    let id = site.id.clone();
                    let id_key = site.id.clone();
                    let open = move || {
                        data.focus_site.set(Some(id.clone()));
                        let island = island.clone();
                        url.push(move |s| s.island = Some(island));
                    };
                    let open_key = open.clone();
                    view! {
                        <g class=format!("site {class}") class:focused=focused.as_deref() == Some(site.id.as_str())
                            data-site=id_key transform=follow(transform, at, offset)
                            tabindex="0" role="button" aria-label=label.clone()
                            on:click=move |_| open()
                            on:keydown=move |e| if e.key() == "Enter" || e.key() == " " { e.prevent_default(); open_key() }>
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

/// Where each site is drawn: its map point, and a screen offset that puts
/// sites sharing a point (island centroids) on a small ring around it.
pub fn spread(sites: &[Site]) -> Vec<(&Site, MapPoint, (f64, f64))> {
    let mut groups: BTreeMap<(i64, i64), Vec<&Site>> = BTreeMap::new();
    for s in sites {
        let key = ((s.lon * 1e4).round() as i64, (s.lat * 1e4).round() as i64);
        groups.entry(key).or_default().push(s);
    }
    let mut out = Vec::new();
    for group in groups.values() {
        let Some(first) = group.first() else { continue };
        let at = project(first.lon, first.lat);
        let n = group.len();
        let radius = if n > 1 { 12.0 + 3.0 * n as f64 } else { 0.0 };
        for (i, site) in group.iter().enumerate() {
            let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
            out.push((*site, at, (radius * angle.cos(), radius * angle.sin())));
        }
    }
    out
}

/// Events of the twelve months up to the map's date, at their places.
#[component]
pub fn EventsLayer(
    transform: Memo<Transform>,
    island_points: Vec<(String, MapPoint)>,
) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Events) {
            return None;
        }
        let events = data.events.get()?.ok()?;
        let places = data.overlays.get().and_then(Result::ok);
        let date = data.date.get();
        Some(
            recent_events(&events, date)
                .filter_map(|e| {
                    let point = event_point(e, places.as_deref(), &island_points)?;
                    let id = e.id.clone();
                    let label = format!("Event {}: {}", e.date, e.title);
                    Some(view! {
                        <g class="event-marker" transform=follow(transform, point, EVENT_OFFSET_PX)
                            tabindex="0" role="button" aria-label=label.clone() data-event=e.id.clone()
                            on:click={ let id = id.clone(); move |_| { let id = id.clone(); url.push(move |s| s.event = Some(id)) } }
                            on:keydown=move |ev| if ev.key() == "Enter" { let id = id.clone(); url.push(move |s| s.event = Some(id)) }>
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

/// Radius of a deployment site's symbol, in pixels.
/// (An integer: written into the SVG without float formatting.)
pub const SITE_RADIUS_PX: u8 = 10;
/// Where an event's diamond sits from its point, in pixels.
pub const EVENT_OFFSET_PX: (f64, f64) = (14.0, -14.0);
/// Half the diagonal of an event's diamond (a 12 px square turned 45°).
pub const EVENT_RADIUS_PX: f64 = 8.5;

/// Where an event is marked: its own point, else its first known place,
/// else its island's label point.
pub fn event_point(
    event: &Event,
    places: Option<&Overlays>,
    island_points: &[(String, MapPoint)],
) -> Option<MapPoint> {
    event
        .points
        .first()
        .map(|[lon, lat]| project(*lon, *lat))
        .or_else(|| {
            event
                .places
                .iter()
                .find_map(|id| places?.find_place(id))
                .map(|p| project(p.at[0], p.at[1]))
        })
        .or_else(|| {
            event
                .islands
                .iter()
                .find_map(|id| island_points.iter().find(|(i, _)| i == id).map(|(_, p)| *p))
        })
}
