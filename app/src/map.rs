//! The SVG map. Geometry is projected to map units once; panning and zooming
//! only change the transform of one group, and strokes do not scale.

use crate::data::AtlasData;
use crate::overlays::{
    EVENT_OFFSET_PX, EVENT_RADIUS_PX, EventsLayer, LinesLayer, PlacesLayer, SITE_RADIUS_PX,
    SitesLayer, event_point, spread,
};
use crate::url_state::UrlState;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use model::decimal::{fixed, trimmed};
use model::events::recent_events;
use model::geodata::{LandRole, LandShapes, PlaceKind};
use model::gesture::Gesture;
use model::labels::{Candidate, Kind, Obstacle, Placed, symbol_box};
use model::marks::Overlays;
use model::names::{self, NameStyle};
use model::permalink::{Layer, canonical_view};
use model::projection::{MapPoint, project};
use model::viewport::{DISPUTE_BOUNDS, View};
use std::sync::Arc;

/// Pixels an arrow key pans, as in Leaflet.
const KEY_PAN_PX: f64 = 80.0;
/// A pointer that moved less than this between down and up made a click, not a drag.
const CLICK_SLOP_PX: f64 = 4.0;
/// Island label size; must match `.label` in style.css.
const LABEL_FONT_PX: f64 = 14.0;
/// Place label size; must match `.place-label` in style.css.
const PLACE_FONT_PX: f64 = 12.0;
/// Zoom level from which places are named.
const PLACE_LABEL_ZOOM: f64 = 9.0;
/// Zoom level from which single Habomai islets get their own labels.
const ISLET_LABEL_ZOOM: f64 = 10.0;

#[derive(Clone, PartialEq)]
struct Shape {
    id: String,
    d: String,
    disputed: bool,
    accessible_name: String,
    /// Island group (`habomai`), for the date each island changed hands.
    group: Option<String>,
}

#[derive(Clone, PartialEq)]
struct Label {
    /// Label text per name style: both, Japanese, Russian.
    text: [String; 3],
    at: MapPoint,
    /// Other places for an island's name when symbols cover `at`.
    slots: Vec<MapPoint>,
    /// Shown only from this zoom on, so small islets do not crowd the overview.
    min_zoom: f64,
    max_zoom: f64,
    /// Bigger islands keep their label when labels collide; places come last.
    priority: f64,
    kind: Kind,
}

impl Label {
    /// The layer that shows this label.
    fn layer(&self) -> Layer {
        match self.kind {
            Kind::Area => Layer::Islands,
            Kind::Point => Layer::Places,
        }
    }

    fn font_px(&self) -> f64 {
        match self.kind {
            Kind::Area => LABEL_FONT_PX,
            Kind::Point => PLACE_FONT_PX,
        }
    }
}

fn shapes(land: &LandShapes) -> Vec<Shape> {
    land.features
        .iter()
        .map(|f| Shape {
            id: f.id.clone(),
            d: f.d.clone(),
            disputed: f.properties.role == LandRole::Disputed,
            accessible_name: names::accessible(&f.properties),
            group: f.properties.group.clone(),
        })
        .collect()
}

fn labels(land: &LandShapes) -> Vec<Label> {
    let mut labels = Vec::new();
    let mut habomai = Vec::new();
    for f in land.disputed() {
        let p = &f.properties;
        let Some([lon, lat]) = f.anchor else {
            continue;
        };
        let at = project(lon, lat);
        let in_group = p.group.is_some() || p.part_of.is_some();
        if p.part_of.is_some() {
            continue; // unnamed islets carry their parent's name
        }
        if in_group {
            habomai.push(at);
        }
        labels.push(Label {
            text: [
                names::label(p, NameStyle::Both),
                names::label(p, NameStyle::Japanese),
                names::label(p, NameStyle::Russian),
            ],
            at,
            slots: f
                .label_slots
                .iter()
                .map(|&[lon, lat]| project(lon, lat))
                .collect(),
            min_zoom: if in_group { ISLET_LABEL_ZOOM } else { 0.0 },
            max_zoom: f64::INFINITY,
            priority: p.official_area_km2.unwrap_or(1.0),
            kind: Kind::Area,
        });
    }
    if !habomai.is_empty() {
        let n = habomai.len() as f64;
        let centre = MapPoint {
            x: habomai.iter().map(|p| p.x).sum::<f64>() / n,
            y: habomai.iter().map(|p| p.y).sum::<f64>() / n,
        };
        // The group's name may also go on any of its islets.
        labels.push(Label {
            text: [
                "Habomai / Khabomai".into(),
                "Habomai".into(),
                "Khabomai".into(),
            ],
            at: centre,
            slots: habomai,
            min_zoom: 0.0,
            max_zoom: ISLET_LABEL_ZOOM,
            priority: 100.0,
            kind: Kind::Area,
        });
    }
    labels
}

/// Names of places, from zoom 9: towns before airfields and bases, and
/// every place after every island.
fn place_labels(overlays: &Overlays) -> Vec<Label> {
    overlays
        .on_the_ground()
        .map(|p| {
            let [lon, lat] = p.at;
            Label {
                text: [
                    names::place_label(p, NameStyle::Both),
                    names::place_label(p, NameStyle::Japanese),
                    names::place_label(p, NameStyle::Russian),
                ],
                at: project(lon, lat),
                slots: Vec::new(),
                min_zoom: PLACE_LABEL_ZOOM,
                max_zoom: f64::INFINITY,
                priority: match p.kind {
                    PlaceKind::Settlement => -1.0,
                    PlaceKind::Airfield | PlaceKind::Base => -2.0,
                    _ => -3.0,
                },
                kind: Kind::Point,
            }
        })
        .collect()
}

/// Where to attach markers for an island id (its label point); `habomai` gets the group's centre.
fn island_points(land: &LandShapes) -> Vec<(String, MapPoint)> {
    let mut points: Vec<(String, MapPoint)> = land
        .disputed()
        .filter(|f| f.properties.part_of.is_none())
        .filter_map(|f| {
            let [lon, lat] = f.anchor?;
            Some((f.id.clone(), project(lon, lat)))
        })
        .collect();
    let habomai: Vec<MapPoint> = land
        .disputed()
        .filter(|f| {
            f.properties.group.as_deref() == Some("habomai") && f.properties.part_of.is_none()
        })
        .filter_map(|f| points.iter().find(|(id, _)| *id == f.id).map(|(_, p)| *p))
        .collect();
    if !habomai.is_empty() {
        let n = habomai.len() as f64;
        points.push((
            "habomai".into(),
            MapPoint {
                x: habomai.iter().map(|p| p.x).sum::<f64>() / n,
                y: habomai.iter().map(|p| p.y).sum::<f64>() / n,
            },
        ));
    }
    points
}

#[component]
pub fn MapView(
    land: Arc<LandShapes>,
    /// Finer outlines, once loaded for the current zoom.
    detail: Signal<Option<Arc<LandShapes>>>,
    on_zoom: Callback<f64>,
) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let selected = url.island;
    let on_select = Callback::new(move |island: Option<String>| {
        url.push(|s| s.island = island);
    });
    let container = NodeRef::<html::Div>::new();
    let size = RwSignal::new((1024.0_f64, 700.0_f64));
    let view_state = RwSignal::new(url.state.get_untracked().view);
    // Back/Forward or a new link: follow the URL's view unless it is ours.
    Effect::new(move |_| {
        let from_url = url.view.get();
        let ours = view_state.get_untracked().map(canonical_view);
        if from_url.is_some() && from_url != ours {
            view_state.set(from_url);
        }
    });
    // The view actually drawn: the permalink's, or one that fits the dispute.
    let current = Memo::new(move |_| {
        let (w, h) = size.get();
        view_state
            .get()
            .unwrap_or_else(|| View::fit(DISPUTE_BOUNDS, w, h))
    });
    let transform = Memo::new(move |_| {
        let (w, h) = size.get();
        current.get().transform(w, h)
    });

    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
            if w > 0.0 && h > 0.0 {
                size.set((w, h));
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let set_view = move |v: View| {
        let v = v.clamped();
        view_state.set(Some(v));
        url.view_changed(v);
    };
    Effect::new(move |_| on_zoom.run(current.get().zoom));
    let zoom_by = move |delta: f64, sx: f64, sy: f64| {
        let (w, h) = size.get_untracked();
        set_view(current.get_untracked().zoomed_about(delta, sx, sy, w, h));
    };
    let zoom_centre = move |delta: f64| {
        let (w, h) = size.get_untracked();
        zoom_by(delta, w / 2.0, h / 2.0);
    };

    // Drag with one pointer, pinch with two (model::gesture does the maths).
    let gesture = StoredValue::new(Gesture::default());
    let dragged = StoredValue::new(false);
    let local = move |e: &ev::PointerEvent| -> (f64, f64) {
        let rect = container
            .get_untracked()
            .map(|el| el.get_bounding_client_rect());
        let (left, top) = rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0));
        (
            f64::from(e.client_x()) - left,
            f64::from(e.client_y()) - top,
        )
    };
    let on_pointerdown = move |e: ev::PointerEvent| {
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        let at = local(&e);
        let view = current.get_untracked();
        gesture.update_value(|g| g.down(e.pointer_id(), at, view));
        dragged.set_value(false);
    };
    let on_pointermove = move |e: ev::PointerEvent| {
        if !gesture.with_value(Gesture::active) {
            return;
        }
        let at = local(&e);
        let (w, h) = size.get_untracked();
        let mut next = None;
        gesture.update_value(|g| next = g.moved(e.pointer_id(), at, w, h));
        if gesture.with_value(Gesture::travel) >= CLICK_SLOP_PX {
            dragged.set_value(true);
        }
        if let (Some(v), true) = (next, dragged.get_value()) {
            set_view(v);
        }
    };
    let end_drag = move |e: ev::PointerEvent| {
        let view = current.get_untracked();
        gesture.update_value(|g| g.up(e.pointer_id(), view));
    };
    // Embedded maps zoom by wheel only with Ctrl, so the host page still scrolls.
    let ctrl_hint = RwSignal::new(false);
    let on_wheel = move |e: ev::WheelEvent| {
        if url.state.get_untracked().embed && !e.ctrl_key() {
            ctrl_hint.set(true);
            set_timeout(
                move || ctrl_hint.set(false),
                std::time::Duration::from_millis(1500),
            );
            return;
        }
        e.prevent_default();
        let Some(el) = container.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        // Trackpads send many small deltas, mice a few of about 100.
        let delta = (-e.delta_y() / 300.0).clamp(-1.0, 1.0);
        zoom_by(
            delta,
            f64::from(e.client_x()) - rect.left(),
            f64::from(e.client_y()) - rect.top(),
        );
    };
    let on_dblclick = move |e: ev::MouseEvent| {
        let Some(el) = container.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let delta = if e.shift_key() { -1.0 } else { 1.0 };
        zoom_by(
            delta,
            f64::from(e.client_x()) - rect.left(),
            f64::from(e.client_y()) - rect.top(),
        );
    };
    let on_keydown = move |e: ev::KeyboardEvent| {
        let v = current.get_untracked();
        let handled = match e.key().as_str() {
            "ArrowLeft" => Some(v.panned(KEY_PAN_PX, 0.0)),
            "ArrowRight" => Some(v.panned(-KEY_PAN_PX, 0.0)),
            "ArrowUp" => Some(v.panned(0.0, KEY_PAN_PX)),
            "ArrowDown" => Some(v.panned(0.0, -KEY_PAN_PX)),
            "+" | "=" => {
                zoom_centre(1.0);
                None
            }
            "-" | "_" => {
                zoom_centre(-1.0);
                None
            }
            "Escape" => {
                on_select.run(None);
                None
            }
            _ => return,
        };
        e.prevent_default();
        if let Some(v) = handled {
            set_view(v);
        }
    };

    let island_labels = Arc::new(labels(&land));
    let island_points = Arc::new(island_points(&land));
    let overview_shapes = Arc::new(shapes(&land));
    // Projected once per level of detail; a level switch rebuilds the paths, a pan does not.
    let detail_shapes = Memo::new(move |_| detail.get().map(|land| Arc::new(shapes(&land))));
    let render = move |shapes: &[Shape]| {
        shapes
            .iter()
            .cloned()
            .map(|shape| {
                let Shape {
                    id,
                    d,
                    disputed,
                    accessible_name,
                    group,
                } = shape;
                if !disputed {
                    return view! { <path class="land context" d=d aria-hidden="true"/> }
                        .into_any();
                }
                let is_selected = {
                    let id = id.clone();
                    move || selected.get().as_deref() == Some(id.as_str())
                };
                let activate = {
                    let id = id.clone();
                    move || on_select.run(Some(id.clone()))
                };
                let activate_key = activate.clone();
                // Before the 1945 landings the islands were Japan's: drawn differently on those dates.
                let japanese_then = {
                    let (id, group) = (id.clone(), group.clone());
                    move || {
                        model::status::administered_by(&id, group.as_deref(), data.date.get())
                            == Some("Japan")
                    }
                };
                view! {
                    <path
                        class="land disputed"
                        class:selected=is_selected.clone()
                        class:japanese-administered=japanese_then
                        d=d
                        data-island=id
                        tabindex="0"
                        role="button"
                        aria-label=accessible_name
                        aria-pressed=move || if is_selected() { "true" } else { "false" }
                        on:click=move |_| if !dragged.get_value() { activate() }
                        on:keydown=move |e: ev::KeyboardEvent| {
                            if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                e.stop_propagation();
                                activate_key();
                            }
                        }
                    />
                }
                .into_any()
            })
            .collect_view()
    };
    let geometry = move || match detail_shapes.get() {
        Some(detail) => render(&detail),
        None => render(&overview_shapes),
    };

    // Island names, then place names once the places have loaded.
    let labels = Memo::new(move |_| -> Arc<Vec<Label>> {
        match data.overlays.get().and_then(Result::ok) {
            Some(places) => {
                let mut all = island_labels.to_vec();
                all.extend(place_labels(&places));
                Arc::new(all)
            }
            None => island_labels.clone(),
        }
    });
    // The symbols drawn over the map, in map units plus a pixel offset:
    // place names keep clear of them.
    let symbols = {
        let island_points = island_points.clone();
        Memo::new(move |_| -> Vec<(MapPoint, (f64, f64), f64)> {
            let layers = url.layers.get();
            let mut out = Vec::new();
            if layers.contains(Layer::Deployments)
                && let Some(Ok(sites)) = data.sites.get()
            {
                out.extend(
                    spread(&sites)
                        .into_iter()
                        .map(|(_, at, offset)| (at, offset, f64::from(SITE_RADIUS_PX))),
                );
            }
            if layers.contains(Layer::Events)
                && let Some(Ok(events)) = data.events.get()
            {
                let places = data.overlays.get().and_then(Result::ok);
                out.extend(
                    recent_events(&events, data.date.get())
                        .filter_map(|e| event_point(e, places.as_deref(), &island_points))
                        .map(|at| (at, EVENT_OFFSET_PX, EVENT_RADIUS_PX)),
                );
            }
            out
        })
    };
    // Which labels show, and where: placed again as the map moves, while the
    // text elements themselves are only rebuilt when the names change.
    let placement = Memo::new(move |_| -> Vec<Option<Placed>> {
        let labels = labels.get();
        let layers = url.layers.get();
        let style = style_index(url.names.get());
        let t = transform.get();
        let zoom = current.get().zoom;
        let shown: Vec<usize> = (0..labels.len())
            .filter(|&i| {
                let l = &labels[i];
                layers.contains(l.layer()) && zoom >= l.min_zoom && zoom < l.max_zoom
            })
            .collect();
        let candidates: Vec<Candidate> = shown
            .iter()
            .map(|&i| {
                let l = &labels[i];
                let (x, y) = t.apply(l.at);
                Candidate {
                    x,
                    y,
                    slots: l.slots.iter().map(|p| t.apply(*p)).collect(),
                    chars: l.text[style].chars().count(),
                    priority: l.priority,
                    font_px: l.font_px(),
                    kind: l.kind,
                }
            })
            .collect();
        let obstacles: Vec<Obstacle> = symbols.with(|symbols| {
            symbols
                .iter()
                .map(|(at, (dx, dy), radius)| {
                    let (x, y) = t.apply(*at);
                    symbol_box(x + dx, y + dy, *radius)
                })
                .collect()
        });
        let (w, h) = size.get();
        let visible_h = (h - data.covered_bottom.get()).max(0.0);
        let mut placed = vec![None; labels.len()];
        for (i, at) in shown.into_iter().zip(model::labels::place(
            &candidates,
            &obstacles,
            [0.0, 0.0, w, visible_h],
        )) {
            placed[i] = at;
        }
        placed
    });
    let placed_at = move |i: usize| placement.with(|p| p.get(i).copied().flatten());
    let label_views = move || {
        view! {
            <For
                each=move || placement.with(|p| (0..p.len()).filter(|&i| p[i].is_some()).collect::<Vec<_>>())
                key=|i| *i
                let:i
            >
                <text class=move || labels.with(|l| match l.get(i).map(|l| l.kind) { Some(Kind::Point) => "place-label", _ => "label" })
                    x=move || placed_at(i).map(|p| fixed(p.x, 1))
                    y=move || placed_at(i).map(|p| fixed(p.y, 1))
                    text-anchor=move || placed_at(i).map(|p| p.align.text_anchor())>
                    {move || labels.with(|l| l.get(i).map(|l| l.text[style_index(url.names.get())].clone()))}
                </text>
            </For>
        }
    };

    view! {
        <div class="map" node_ref=container tabindex="0" role="region"
            aria-label="Map of the disputed islands. Arrow keys pan, plus and minus zoom, Tab moves between islands."
            on:pointerdown=on_pointerdown on:pointermove=on_pointermove
            on:pointerup=end_drag on:pointercancel=end_drag on:pointerleave=end_drag
            on:wheel=on_wheel on:dblclick=on_dblclick on:keydown=on_keydown>
            <svg class="map-svg" width="100%" height="100%" role="presentation">
                <rect class="sea" width="100%" height="100%"/>
                <g class="geometry" transform=move || transform.get().to_svg()>
                    {geometry}
                    <g class="lines"><LinesLayer/></g>
                </g>
                <g class="places"><PlacesLayer transform=transform/></g>
                <g class="labels" aria-hidden="true">{label_views}</g>
                <g class="events"><EventsLayer transform=transform island_points=island_points.to_vec()/></g>
                <g class="sites"><SitesLayer transform=transform/></g>
            </svg>
            <div class="zoom-controls">
                <button type="button" aria-label="Zoom in" on:click=move |_| zoom_centre(1.0)>"+"</button>
                <button type="button" aria-label="Zoom out" on:click=move |_| zoom_centre(-1.0)>"−"</button>
            </div>
            <ScaleBar current=current/>
            <Show when=move || ctrl_hint.get()>
                <p class="ctrl-hint" role="status">"Use Ctrl + scroll to zoom the map"</p>
            </Show>
            <p class="attribution">"Coastlines: GSHHG (LGPL) · © OpenStreetMap contributors (ODbL)"</p>
        </div>
    }
}

fn style_index(names: NameStyle) -> usize {
    match names {
        NameStyle::Both => 0,
        NameStyle::Japanese => 1,
        NameStyle::Russian => 2,
    }
}

/// A scale bar with a round distance, as Leaflet shows, plus the centre's coordinates.
#[component]
fn ScaleBar(current: Memo<View>) -> impl IntoView {
    let bar = move || {
        let v = current.get();
        let metres_per_px = model::projection::metres_per_unit(v.lat) / v.scale();
        let (metres, px) = model::viewport::scale_bar(metres_per_px, 120.0);
        let text = if metres >= 1000.0 {
            format!("{} km", trimmed(metres / 1000.0, 3))
        } else {
            format!("{} m", trimmed(metres, 1))
        };
        (text, px)
    };
    let coords = move || {
        let v = current.get();
        format!(
            "{}°N {}°E · zoom {}",
            fixed(v.lat, 3),
            fixed(v.lon, 3),
            fixed(v.zoom, 2)
        )
    };
    view! {
        <div class="scale" aria-hidden="true">
            <div class="scale-bar" style:width=move || format!("{}px", fixed(bar().1, 0))>{move || bar().0}</div>
            <div class="coords">{coords}</div>
        </div>
    }
}
