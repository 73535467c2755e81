//! The SVG map: view state, pointer/wheel/keyboard input and rendering.
//! What to draw and where (land classes, anchors, names and their
//! placement, symbols) comes from `model::scene`, shared with the previews.
//! Geometry is projected to map units once; panning and zooming only change
//! the transform of one group, and strokes do not scale.

use crate::compare::ChangesLayer;
use crate::data::AtlasData;
use crate::focus::Focus;
use crate::i18n::{self, t, tf};
use crate::measure::{MeasureTool, Measuring, OverviewInset};
use crate::overlays::{EventsLayer, LinesLayer, PlacesLayer, SitesLayer, Symbols};
use crate::url_state::UrlState;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use model::decimal::fixed;
use model::gesture::Gesture;
use model::labels::Placed;
use model::og::prerender_view;
use model::permalink::canonical_view;
use model::projection::MapPoint;
use model::scene::LandShapes;
use model::scene::{EVENT_OFFSET_PX, event_point};
use model::scene::{
    Frame, Label, LandPiece, MAP_FONTS, Scene, group_names_in, land_pieces, place_names, placement,
};
use model::viewport::{
    DISPUTE_BOUNDS, Rect, Transform, View, padding, parse_numbers, parse_rect, uncovered,
};
use std::sync::Arc;

/// Pixels an arrow key pans, as in Leaflet.
const KEY_PAN_PX: f64 = 80.0;
/// A pointer that moved less than this between down and up made a click, not a drag.
const CLICK_SLOP_PX: f64 = 4.0;

/// The map's state and input handling, shared by its parts (all `Copy`).
#[derive(Clone, Copy)]
pub(crate) struct MapCtx {
    url: UrlState,
    data: AtlasData,
    pub container: NodeRef<html::Div>,
    /// The map's size in pixels.
    pub size: RwSignal<(f64, f64)>,
    /// The view set by the reader or the URL; `None`: fit the dispute.
    view_state: RwSignal<Option<View>>,
    /// What the controls, timeline and panel cover at the map's edges
    /// (`model::viewport::padding`): the default view fits beside it.
    padding: RwSignal<Rect>,
    /// The view actually drawn.
    pub current: Memo<View>,
    pub transform: Memo<Transform>,
    gesture: StoredValue<Gesture>,
    /// Whether the pointer moved far enough since going down to make a drag.
    pub dragged: StoredValue<bool>,
    /// Shown a moment when an embedded map gets a wheel without Ctrl.
    ctrl_hint: RwSignal<bool>,
    on_select: Callback<Option<String>>,
    pub measuring: Measuring,
}

impl MapCtx {
    fn new(on_zoom: Callback<f64>) -> Self {
        let url: UrlState = expect_context();
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
        let padding = RwSignal::new([0.0; 4]);
        let current = Memo::new(move |_| {
            let (w, h) = size.get();
            view_state
                .get()
                .unwrap_or_else(|| View::fit_padded(DISPUTE_BOUNDS, w, h, padding.get()))
        });
        let transform = Memo::new(move |_| {
            let (w, h) = size.get();
            current.get().transform(w, h)
        });
        let ctx = MapCtx {
            url,
            data: expect_context(),
            container: NodeRef::new(),
            size,
            view_state,
            padding,
            current,
            transform,
            gesture: StoredValue::new(Gesture::default()),
            dragged: StoredValue::new(false),
            ctrl_hint: RwSignal::new(false),
            measuring: Measuring::default(),
            on_select: Callback::new(move |island: Option<String>| {
                url.push(|s| s.open_island(island));
            }),
        };
        Effect::new(move |_| {
            if ctx.container.get().is_some() {
                ctx.measure();
                ctx.take_over_first_paint();
            }
        });
        let resize = window_event_listener(ev::resize, move |_| ctx.measure());
        // Told that a control, the timeline or a panel changed: measured
        // once drawn, and again once a panel's content is in.
        let covers = window_event_listener_untyped(COVERS_CHANGED, move |_| {
            request_animation_frame(move || ctx.measure());
            for ms in [400, 1200] {
                set_timeout(move || ctx.measure(), std::time::Duration::from_millis(ms));
            }
        });
        on_cleanup(move || {
            resize.remove();
            covers.remove();
        });
        Effect::new(move |_| on_zoom.run(current.get().zoom));
        ctx
    }

    fn measure(self) {
        if let Some(el) = self.container.get_untracked() {
            let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
            if w > 0.0 && h > 0.0 {
                self.size.set((w, h));
                let pad = padding(w, h, &covers(&el));
                if pad != self.padding.get_untracked() {
                    self.padding.set(pad);
                }
            }
        }
    }

    /// Takes the server's first paint's place: a reader who dragged it
    /// keeps the view it shows (set as any pan sets it, so the URL follows)
    /// and a drag still going on goes on here; then it leaves the page (a
    /// large SVG nobody sees, else in every style recalculation).
    fn take_over_first_paint(self) {
        let Some(paint) = document().query_selector(".prerender").ok().flatten() else {
            return;
        };
        let moved = paint
            .get_attribute("data-at")
            .and_then(|at| parse_rect(&at));
        let pointer = paint.get_attribute("data-pointer");
        paint.remove();
        let (Some(moved), Some(el)) = (moved, self.container.get_untracked()) else {
            return;
        };
        let r = el.get_bounding_client_rect();
        let Some(view) = prerender_view(moved, [r.left(), r.top(), r.right(), r.bottom()]) else {
            return;
        };
        self.set_view(view);
        if let Some([id, x, y]) = pointer.as_deref().and_then(parse_numbers) {
            let at = (x - r.left(), y - r.top());
            self.gesture.update_value(|g| g.down(id as i32, at, view));
            self.dragged.set_value(true);
        }
    }

    pub fn set_view(self, v: View) {
        let v = v.clamped();
        self.view_state.set(Some(v));
        self.url.view_changed(v);
    }

    /// Pans so that the symbol at `at` (`offset` pixels away) is in view
    /// and clear of the panel (a side panel, or a phone's bottom sheet) and
    /// of the timeline bar; a symbol already in view does not move the map.
    fn reveal(self, at: MapPoint, offset: (f64, f64)) {
        let Some(map) = self.container.get_untracked() else {
            return;
        };
        let (w, h) = self.size.get_untracked();
        let bottom = (h - self.data.covered_bottom.get_untracked()).max(0.0);
        let mut free = [0.0, 0.0, w, bottom];
        if let Some(panel) = document().get_element_by_id("panel") {
            let (m, p) = (
                map.get_bounding_client_rect(),
                panel.get_bounding_client_rect(),
            );
            let cover = [
                p.left() - m.left(),
                p.top() - m.top(),
                p.right() - m.left(),
                p.bottom() - m.top(),
            ];
            free = uncovered(free, cover);
        }
        let (x, y) = self.transform.get_untracked().apply(at);
        let point = (x + offset.0, y + offset.1);
        if let Some(view) = self.current.get_untracked().revealing(point, free) {
            self.set_view(view);
        }
    }

    fn zoom_by(self, delta: f64, sx: f64, sy: f64) {
        let (w, h) = self.size.get_untracked();
        self.set_view(
            self.current
                .get_untracked()
                .zoomed_about(delta, sx, sy, w, h),
        );
    }

    fn zoom_centre(self, delta: f64) {
        let (w, h) = self.size.get_untracked();
        self.zoom_by(delta, w / 2.0, h / 2.0);
    }

    /// A mouse or pointer event's position in the map, in pixels.
    pub fn local(self, e: &ev::MouseEvent) -> (f64, f64) {
        let rect = self
            .container
            .get_untracked()
            .map(|el| el.get_bounding_client_rect());
        let (left, top) = rect.map(|r| (r.left(), r.top())).unwrap_or((0.0, 0.0));
        (
            f64::from(e.client_x()) - left,
            f64::from(e.client_y()) - top,
        )
    }

    // Drag with one pointer, pinch with two (model::gesture does the maths).
    fn pointer_down(self, e: ev::PointerEvent) {
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        let at = self.local(&e);
        let view = self.current.get_untracked();
        self.gesture
            .update_value(|g| g.down(e.pointer_id(), at, view));
        self.dragged.set_value(false);
    }

    fn pointer_move(self, e: ev::PointerEvent) {
        if !self.gesture.with_value(Gesture::active) {
            return;
        }
        let at = self.local(&e);
        let (w, h) = self.size.get_untracked();
        let mut next = None;
        self.gesture
            .update_value(|g| next = g.moved(e.pointer_id(), at, w, h));
        if self.gesture.with_value(Gesture::travel) >= CLICK_SLOP_PX {
            self.dragged.set_value(true);
        }
        if let (Some(v), true) = (next, self.dragged.get_value()) {
            self.set_view(v);
        }
    }

    fn pointer_up(self, e: ev::PointerEvent) {
        let view = self.current.get_untracked();
        self.gesture.update_value(|g| g.up(e.pointer_id(), view));
    }

    // Embedded maps zoom by wheel only with Ctrl, so the host page still scrolls.
    fn wheel(self, e: ev::WheelEvent) {
        if self.url.state.get_untracked().embed && !e.ctrl_key() {
            let hint = self.ctrl_hint;
            hint.set(true);
            set_timeout(
                move || hint.set(false),
                std::time::Duration::from_millis(1500),
            );
            return;
        }
        e.prevent_default();
        let Some(el) = self.container.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        // Trackpads send many small deltas, mice a few of about 100.
        let delta = (-e.delta_y() / 300.0).clamp(-1.0, 1.0);
        self.zoom_by(
            delta,
            f64::from(e.client_x()) - rect.left(),
            f64::from(e.client_y()) - rect.top(),
        );
    }

    fn dblclick(self, e: ev::MouseEvent) {
        let Some(el) = self.container.get_untracked() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let delta = if e.shift_key() { -1.0 } else { 1.0 };
        self.zoom_by(
            delta,
            f64::from(e.client_x()) - rect.left(),
            f64::from(e.client_y()) - rect.top(),
        );
    }

    fn keydown(self, e: ev::KeyboardEvent) {
        let v = self.current.get_untracked();
        if self.measuring.key(&e, v) {
            return;
        }
        let handled = match e.key().as_str() {
            "ArrowLeft" => Some(v.panned(KEY_PAN_PX, 0.0)),
            "ArrowRight" => Some(v.panned(-KEY_PAN_PX, 0.0)),
            "ArrowUp" => Some(v.panned(0.0, KEY_PAN_PX)),
            "ArrowDown" => Some(v.panned(0.0, -KEY_PAN_PX)),
            "+" | "=" => {
                self.zoom_centre(1.0);
                None
            }
            "-" | "_" => {
                self.zoom_centre(-1.0);
                None
            }
            "Escape" => {
                self.on_select.run(None);
                None
            }
            _ => return,
        };
        e.prevent_default();
        if let Some(v) = handled {
            self.set_view(v);
        }
    }
}

#[component]
pub fn MapView(
    land: Arc<LandShapes>,
    /// Finer outlines, once loaded for the current zoom.
    detail: Signal<Option<Arc<LandShapes>>>,
    on_zoom: Callback<f64>,
) -> impl IntoView {
    let ctx = MapCtx::new(on_zoom);
    let lang = i18n::lang();
    let scene = Arc::new(Scene::from_shapes(
        &land,
        &group_names_in(&land.islands, lang),
        lang,
    ));
    let transform = ctx.transform;
    let geometry = land_layer(ctx, &land, detail);
    let symbols = Symbols::new(scene.clone(), transform);
    let labels = labels_layer(ctx, scene.clone(), symbols);
    reveal_chosen(ctx, scene.clone(), symbols);
    view! {
        <div class="map" id="map" node_ref=ctx.container tabindex="0" role="region"
            aria-label=t("shell-map-label")
            on:pointerdown=move |e| ctx.pointer_down(e) on:pointermove=move |e| ctx.pointer_move(e)
            on:pointerup=move |e| ctx.pointer_up(e) on:pointercancel=move |e| ctx.pointer_up(e)
            on:pointerleave=move |e| ctx.pointer_up(e)
            on:wheel=move |e| ctx.wheel(e) on:dblclick=move |e| ctx.dblclick(e)
            on:keydown=move |e| ctx.keydown(e)>
            <svg class="map-svg" width="100%" height="100%" role="presentation">
                <rect class="sea" width="100%" height="100%"/>
                <g class="geometry" transform=move || transform.get().to_svg()>
                    {geometry}
                    <g class="lines"><LinesLayer/></g>
                </g>
                <g class="places"><PlacesLayer transform=transform/></g>
                <g class="labels" aria-hidden="true">{labels}</g>
                <g class="events"><EventsLayer transform=transform scene=scene symbols=symbols/></g>
                <g class="changes"><ChangesLayer transform=transform symbols=symbols/></g>
                <g class="sites"><SitesLayer transform=transform symbols=symbols/></g>
            </svg>
            <div class="zoom-controls">
                <button type="button" aria-label=t("shell-zoom-in") on:click=move |_| ctx.zoom_centre(1.0)>"+"</button>
                <button type="button" aria-label=t("shell-zoom-out") on:click=move |_| ctx.zoom_centre(-1.0)>"−"</button>
            </div>
            <MeasureTool ctx=ctx/>
            <OverviewInset ctx=ctx/>
            <ScaleBar current=ctx.current/>
            <Show when=move || ctx.ctrl_hint.get()>
                <p class="ctrl-hint" role="status">{t("shell-ctrl-hint")}</p>
            </Show>
            <p class="attribution">{t("shell-attribution")}</p>
        </div>
    }
}

/// The land outlines: the overview's, or the finer level's once loaded.
/// Projected once per level of detail; a level switch rebuilds the paths, a pan does not.
fn land_layer(
    ctx: MapCtx,
    land: &LandShapes,
    detail: Signal<Option<Arc<LandShapes>>>,
) -> impl IntoView + use<> {
    let lang = i18n::lang();
    let overview = Arc::new(land_pieces(land, lang));
    let detail = Memo::new(move |_| detail.get().map(|land| Arc::new(land_pieces(&land, lang))));
    move || {
        let pieces = detail.get().unwrap_or_else(|| overview.clone());
        pieces
            .iter()
            .cloned()
            .map(|piece| land_path(ctx, piece))
            .collect_view()
    }
}

/// One outline: context land is only drawn; disputed land is a button.
fn land_path(ctx: MapCtx, piece: LandPiece) -> AnyView {
    let LandPiece {
        id,
        d,
        disputed,
        accessible_name,
        soviet_control,
        group,
    } = piece;
    if !disputed {
        return view! { <path class="land context" d=d aria-hidden="true"/> }.into_any();
    }
    let (selected, date, dragged) = (ctx.url.island, ctx.data.date, ctx.dragged);
    // An islet is selected with its group (`island=habomai`).
    let is_selected = {
        let id = id.clone();
        move || {
            let chosen = selected.get();
            chosen.as_deref() == Some(id.as_str())
                || chosen.is_some_and(|c| group.as_deref() == Some(c.as_str()))
        }
    };
    let activate = {
        let id = id.clone();
        move || ctx.on_select.run(Some(id.clone()))
    };
    let activate_key = activate.clone();
    let prefetch_id = id.clone();
    // Before the 1945 landings the islands were Japan's: drawn differently on those dates.
    let japanese_then = move || soviet_control.is_some_and(|day| date.get() < day);
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
            on:pointerdown=move |_| crate::panel_host::prefetch_island(ctx.url, &prefetch_id)
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
}

/// Keeps the chosen record's symbol (the URL's event, else its deployment)
/// in view: when it is chosen, when its panel is drawn, when the symbols load.
fn reveal_chosen(ctx: MapCtx, scene: Arc<Scene>, symbols: Symbols) {
    let (url, data) = (ctx.url, ctx.data);
    let focus: Focus = expect_context();
    Effect::new(move |_| {
        focus.drawn.track();
        let symbol = if let Some(id) = url.event.get() {
            let events = data.events.get().and_then(Result::ok);
            let places = data.overlays.get().and_then(Result::ok);
            events
                .and_then(|all| all.iter().find(|e| e.id == id).cloned())
                .and_then(|e| event_point(&e, places.as_deref(), &scene))
                .map(|at| (at, EVENT_OFFSET_PX))
        } else if let Some(id) = url.deployment.get() {
            let sites = data.sites.get().and_then(Result::ok).unwrap_or_default();
            let index = sites.iter().position(|f| f.id == id);
            // Where the layout put it (`Symbols`: published sites first).
            let k = index.and_then(|i| {
                symbols
                    .wanted
                    .with(|w| w.sites.iter().position(|&s| s == i))
            });
            k.and_then(|k| symbols.laid.with(|l| l.get(k).map(|s| (s.at, s.offset))))
        } else {
            None
        };
        if let Some((at, offset)) = symbol {
            request_animation_frame(move || ctx.reveal(at, offset));
        }
    });
}

/// The window event that says what covers the map's edges changed.
const COVERS_CHANGED: &str = "kuril-covers";

/// Asks the map to measure what covers it again (a control opened or
/// closed, a panel came or went).
pub fn covers_changed() {
    if let Ok(e) = web_sys::Event::new(COVERS_CHANGED) {
        let _ = window().dispatch_event(&e);
    }
}

/// The boxes over `map` that the default view keeps clear of, in the
/// map's pixels: the zoom buttons, the island list, the controls, the
/// timeline and the open panel.
fn covers(map: &web_sys::HtmlDivElement) -> Vec<Rect> {
    let m = map.get_bounding_client_rect();
    [
        ".zoom-controls",
        ".island-list",
        ".controls",
        "#timeline",
        "#panel",
    ]
    .into_iter()
    .filter_map(|sel| document().query_selector(sel).ok().flatten())
    .filter(|el| !el.class_name().contains("warmup"))
    .map(|el| {
        let r = el.get_bounding_client_rect();
        [
            r.left() - m.left(),
            r.top() - m.top(),
            r.right() - m.left(),
            r.bottom() - m.top(),
        ]
    })
    .collect()
}

/// Island, group and place names: placed again as the map moves, while the
/// text elements themselves are only rebuilt when the names change.
fn labels_layer(ctx: MapCtx, scene: Arc<Scene>, symbols: Symbols) -> impl IntoView + use<> {
    let (url, data) = (ctx.url, ctx.data);
    let symbols = symbols.laid;
    // Island names, then place names once the places have loaded.
    let island_labels = Arc::new(scene.labels.clone());
    let labels = Memo::new(move |_| -> Arc<Vec<Label>> {
        match data.overlays.get().and_then(Result::ok) {
            Some(places) => {
                let mut all = island_labels.to_vec();
                all.extend(place_names(&places, i18n::lang(), &island_labels));
                Arc::new(all)
            }
            None => island_labels.clone(),
        }
    });
    let placement = Memo::new(move |_| -> Vec<Option<Placed>> {
        let (w, h) = ctx.size.get();
        let frame = Frame {
            transform: ctx.transform.get(),
            zoom: ctx.current.get().zoom,
            layers: url.layers.get(),
            names: url.names.get(),
            fonts: MAP_FONTS,
            visible: [0.0, 0.0, w, (h - data.covered_bottom.get()).max(0.0)],
        };
        labels.with(|labels| symbols.with(|symbols| placement(labels, symbols, &frame)))
    });
    let placed_at = move |i: usize| placement.with(|p| p.get(i).copied().flatten());
    view! {
        <For
            each=move || placement.with(|p| (0..p.len()).filter(|&i| p[i].is_some()).collect::<Vec<_>>())
            key=|i| *i
            let:i
        >
            <text class=move || labels.with(|l| l.get(i).map_or("label", Label::class))
                x=move || placed_at(i).map(|p| fixed(p.x, 1))
                y=move || placed_at(i).map(|p| fixed(p.y, 1))
                text-anchor=move || placed_at(i).map(|p| p.align.text_anchor())>
                {move || labels.with(|l| l.get(i).map(|l| l.text(url.names.get()).to_string()))}
            </text>
        </For>
    }
}

/// A scale bar with a round distance, as Leaflet shows, plus the centre's coordinates.
#[component]
fn ScaleBar(current: Memo<View>) -> impl IntoView {
    let bar = move || {
        let v = current.get();
        let metres_per_px = model::projection::metres_per_unit(v.lat) / v.scale();
        let (metres, px) = model::viewport::scale_bar(metres_per_px, 120.0);
        let lang = i18n::lang();
        let text = if metres >= 1000.0 {
            tf(
                "shell-scale-km",
                &[("distance", lang.number(metres / 1000.0, 0).into())],
            )
        } else {
            tf(
                "shell-scale-m",
                &[("distance", lang.number(metres, 0).into())],
            )
        };
        (text, px)
    };
    let coords = move || {
        let v = current.get();
        let lang = i18n::lang();
        tf(
            "shell-coords",
            &[
                ("lat", lang.number(v.lat, 3).into()),
                ("lon", lang.number(v.lon, 3).into()),
                ("zoom", lang.number(v.zoom, 2).into()),
            ],
        )
    };
    view! {
        <div class="scale" aria-hidden="true">
            <div class="scale-bar" style:width=move || format!("{}px", fixed(bar().1, 0))>{move || bar().0}</div>
            <div class="coords">{coords}</div>
        </div>
    }
}
