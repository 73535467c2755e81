//! The "Measure distance" tool and the overview inset, both drawn over the
//! map. Measuring: two points by click, or by keyboard (Enter or Space at
//! the crosshair, the map's centre), a line between them and the
//! great-circle distance (`model::measure`) in a live region; Escape clears
//! and leaves. The well-known distances are the server's fragment
//! (`/fragments/measure`), inserted as it comes; its `data-measure` buttons
//! place both ends and fit the map to them. The overview is the server's
//! picture (`/api/geo/overview.svg`); only the view's extent is drawn here.

use crate::i18n::{self, t, tf};
use crate::map::MapCtx;
use leptos::ev;
use leptos::prelude::*;
use model::decimal::fixed;
use model::overview;
use model::projection::{project, unproject};
use model::viewport::View;
use wasm_bindgen::JsCast;

/// Overview units an arrow key moves the view on the inset.
const INSET_STEP: f64 = 6.0;

/// Whether the tool is on, and the points placed (`[lon, lat]`).
#[derive(Clone, Copy, Default)]
pub struct Measuring {
    pub on: RwSignal<bool>,
    points: RwSignal<Vec<[f64; 2]>>,
    known: RwSignal<Option<String>>,
}

impl Measuring {
    fn place(self, at: [f64; 2]) {
        self.points.update(|p| {
            if p.len() >= 2 {
                p.clear();
            }
            p.push(at);
        });
    }

    fn stop(self) {
        self.points.set(Vec::new());
        self.on.set(false);
    }

    /// The map's keys while measuring: Enter or Space place a point at the
    /// centre, Escape clears and leaves. `true` when the key was used.
    pub fn key(self, e: &ev::KeyboardEvent, view: View) -> bool {
        if !self.on.get_untracked() {
            return false;
        }
        // Enter and Space place a point only on the map itself, not on its buttons.
        let on_map = e.target() == e.current_target();
        match e.key().as_str() {
            "Enter" | " " if on_map => self.place([view.lon, view.lat]),
            "Escape" => self.stop(),
            _ => return false,
        }
        e.prevent_default();
        true
    }

    fn toggle(self, ctx: MapCtx) {
        if self.on.get_untracked() {
            return self.stop();
        }
        self.on.set(true);
        if let Some(map) = ctx.container.get_untracked() {
            let _ = map.focus();
        }
        if self.known.get_untracked().is_none() {
            let known = self.known;
            leptos::task::spawn_local(async move {
                let url = crate::api::localized("/fragments/measure");
                known.set(Some(crate::api::get_text(&url).await.unwrap_or_default()));
            });
        }
    }

    /// A `data-measure` button of the fragment: both ends, the map fitted to them.
    fn known_click(self, ctx: MapCtx, e: ev::MouseEvent) {
        let button = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-measure]").ok().flatten());
        let ends = button.and_then(|b| b.get_attribute("data-measure"));
        let Some([a, b]) = ends
            .map(|e| model::viewport::parse_points(&e))
            .and_then(|p| <[[f64; 2]; 2]>::try_from(p).ok())
        else {
            return;
        };
        self.points.set(vec![a, b]);
        let (w, h) = ctx.size.get_untracked();
        let bounds = [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[0].max(b[0]),
            a[1].max(b[1]),
        ];
        let fitted = View::fit(bounds, w, h);
        let mut v = View {
            zoom: fitted.zoom - 1.0,
            ..fitted
        };
        // Both ends clear of the box: moved by half of what it covers
        // (its width beside the map, or its height on a phone).
        let boxed = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let (Some(map), Some(boxed)) = (ctx.container.get_untracked(), boxed) {
            let (m, b) = (
                map.get_bounding_client_rect(),
                boxed.get_bounding_client_rect(),
            );
            v = if b.width() < w / 2.0 {
                v.panned((b.right() - m.left()) / 2.0, 0.0)
            } else {
                v.panned(0.0, -(m.bottom() - b.top()) / 2.0)
            };
        }
        ctx.set_view(v);
    }
}

/// The button beside zoom, the layer that takes clicks and draws the line,
/// and the box with the readout and the well-known distances.
#[component]
pub fn MeasureTool(ctx: MapCtx) -> impl IntoView {
    let m = ctx.measuring;
    let screen = move |p: [f64; 2]| ctx.transform.get().apply(project(p[0], p[1]));
    let click = move |e: ev::MouseEvent| {
        if !ctx.dragged.get_value() {
            let (x, y) = ctx.local(&e);
            let (lon, lat) = unproject(ctx.transform.get_untracked().invert(x, y));
            m.place([lon, lat]);
        }
    };
    let readout = move || match m.points.get().as_slice() {
        [a, b] => tf(
            "measure-result",
            &[(
                "distance",
                model::measure::words(model::measure::great_circle_km(*a, *b), i18n::catalogue())
                    .into(),
            )],
        ),
        [_] => t("measure-second"),
        _ => t("measure-hint"),
    };
    let line = move || {
        let pts = m.points.get();
        let (a, b) = (screen(*pts.first()?), screen(*pts.last()?));
        Some(view! {
            <line class="measure-line" x1=fixed(a.0, 1) y1=fixed(a.1, 1) x2=fixed(b.0, 1) y2=fixed(b.1, 1)/>
            {pts.into_iter().map(|p| { let (x, y) = screen(p); view! { <circle class="measure-end" cx=fixed(x, 1) cy=fixed(y, 1) r="5"/> } }).collect_view()}
        })
    };
    let centre = move || {
        let (w, h) = ctx.size.get();
        format!("translate({} {})", fixed(w / 2.0, 1), fixed(h / 2.0, 1))
    };
    view! {
        <button type="button" class="measure-toggle" aria-pressed=move || m.on.get().to_string()
            aria-label=t("measure-button") title=t("measure-button") on:click=move |_| m.toggle(ctx)>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                <path d="M3 16 16 3l5 5L8 21zM7 12l2 2M10 9l2 2M13 6l2 2" fill="none" stroke="currentColor" stroke-width="1.6"/>
            </svg>
        </button>
        <svg class="measure-layer" class:on=move || m.on.get() aria-hidden="true" on:click=click>
            <Show when=move || m.on.get()>
                {line}
                <path class="crosshair" transform=centre d="M-12 0h24M0-12v24"/>
            </Show>
        </svg>
        <Show when=move || m.on.get()>
            <div class="measure-box" on:click=move |e| m.known_click(ctx, e)
                on:pointerdown=|e| e.stop_propagation() on:wheel=|e| e.stop_propagation()>
                <h2 class="measure-title">{t("measure-button")}</h2>
                <p class="measure-readout" aria-live="polite">{readout}</p>
                <div inner_html=move || m.known.get().unwrap_or_default()></div>
            </div>
        </Show>
    }
}

/// The overview inset: the server's picture, the view's extent over it;
/// a click or an arrow key moves the map. Collapsed on phones.
#[component]
pub fn OverviewInset(ctx: MapCtx) -> impl IntoView {
    let open = RwSignal::new(
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(1024.0)
            >= 600.0,
    );
    let (width, height) = (overview::WIDTH, overview::height());
    let extent = move || {
        let (w, h) = ctx.size.get();
        let tr = ctx.transform.get();
        let corner = |x, y| {
            let (lon, lat) = unproject(tr.invert(x, y));
            overview::project(lon, lat)
        };
        let ((x0, y0), (x1, y1)) = (corner(0.0, 0.0), corner(w, h));
        // Never smaller than a few units, so a zoomed-in view still shows.
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let (rw, rh) = ((x1 - x0).max(4.0), (y1 - y0).max(4.0));
        (cx - rw / 2.0, cy - rh / 2.0, rw, rh)
    };
    let go = move |x: f64, y: f64| {
        let (lon, lat) = overview::unproject(x, y);
        let v = ctx.current.get_untracked();
        ctx.set_view(View { lon, lat, ..v });
    };
    let click = move |e: ev::MouseEvent| {
        let target = e
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        if let Some(r) = target.map(|t| t.get_bounding_client_rect()) {
            let x = (f64::from(e.client_x()) - r.left()) / r.width().max(1.0) * width;
            let y = (f64::from(e.client_y()) - r.top()) / r.height().max(1.0) * height;
            go(x, y);
        }
    };
    let key = move |e: ev::KeyboardEvent| {
        let (dx, dy) = match e.key().as_str() {
            "ArrowLeft" => (-INSET_STEP, 0.0),
            "ArrowRight" => (INSET_STEP, 0.0),
            "ArrowUp" => (0.0, -INSET_STEP),
            "ArrowDown" => (0.0, INSET_STEP),
            _ => return,
        };
        e.prevent_default();
        e.stop_propagation();
        let (x, y, w, h) = extent();
        go(x + w / 2.0 + dx, y + h / 2.0 + dy);
    };
    let view_box = format!("0 0 {} {}", fixed(width, 1), fixed(height, 1));
    view! {
        <div class="overview" class:open=move || open.get()>
            <button type="button" class="overview-toggle" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>{t("overview-toggle")}</button>
            <div class="overview-map" role="group" tabindex="0" aria-label=t("overview-label")
                on:click=click on:keydown=key on:pointerdown=|e| e.stop_propagation()
                on:dblclick=|e| e.stop_propagation() on:wheel=|e| e.stop_propagation()>
                <img src="/api/geo/overview.svg" alt="" width=fixed(width, 0) height=fixed(height, 0)/>
                <svg viewBox=view_box aria-hidden="true">
                    <rect class="overview-extent" x=move || fixed(extent().0, 1) y=move || fixed(extent().1, 1)
                        width=move || fixed(extent().2, 1) height=move || fixed(extent().3, 1)/>
                </svg>
            </div>
        </div>
    }
}
