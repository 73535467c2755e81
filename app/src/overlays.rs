//! Map layers over the land: treaty and claim lines (in map units, strokes
//! not scaled), and places, deployment sites and events (in screen space, so
//! symbols keep a touch-friendly size at every zoom), drawn where
//! `model::scene` puts them.

use crate::data::AtlasData;
use crate::focus::Focus;
use crate::i18n::{self, t, tf};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::decimal::fixed;
use model::events::accessible::{deployment_name_in, event_name_in};
use model::events::{DeploymentCategory, recent_events};
use model::i18n::Lang;
use model::names::{self, NameStyle, Naming};
use model::permalink::Layer;
use model::projection::{MapPoint, project};
use model::scene::{
    BADGE_RADIUS_PX, GATHER_ZOOM, Mark, SITE_RADIUS_PX, Scene, Symbol, event_point, event_symbol,
    gather, resolve, site_symbols,
};
use model::viewport::Transform;
use std::sync::Arc;
use wasm_bindgen::JsCast;

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
                            data-line=l.id.clone() d=l.d.clone()><title>{l.title(i18n::catalogue())}</title></path>
                    }
                })
                .collect_view(),
        )
    }
}

/// An SVG `transform` that keeps a screen-space symbol on its map point,
/// `offset` pixels away. Symbols are built once per data change; while the
/// map moves only this attribute changes.
pub(crate) fn follow(
    transform: Memo<Transform>,
    at: MapPoint,
    offset: (f64, f64),
) -> impl Fn() -> String {
    move || {
        let (x, y) = transform.get().apply(at);
        format!(
            "translate({} {})",
            fixed(x + offset.0, 1),
            fixed(y + offset.1, 1)
        )
    }
}

/// The symbols over the map: where the sites and event markers want to
/// be, and where they go at the current zoom so that none covers another
/// (`model::scene::resolve`). Names keep clear of the laid-out ones.
#[derive(Clone, Copy)]
pub struct Symbols {
    pub wanted: Memo<Wanted>,
    pub laid: Memo<Vec<Symbol>>,
    /// Islands whose badges the reader opened (until the date changes).
    pub opened: RwSignal<Vec<String>>,
}

/// A badge: an island's sites of one category, gathered at low zoom.
#[derive(Clone, PartialEq)]
pub struct Badge {
    pub island: String,
    pub category: DeploymentCategory,
    pub count: usize,
    /// The id of its first site, which takes focus when it opens.
    pub first: String,
}

#[derive(Clone, PartialEq, Default)]
pub struct Wanted {
    /// Each site symbol's index in the day's sites, in layout order
    /// (published sites first); a badge's is `usize::MAX`.
    pub sites: Vec<usize>,
    /// The badge of each entry of `sites` that is one.
    pub badges: Vec<Option<Badge>>,
    /// The sites' symbols, then the event markers', then (while comparing)
    /// the withdrawn deployments' at their old sites.
    pub symbols: Vec<Symbol>,
    /// Each withdrawn deployment's index in the comparison's `withdrawn`,
    /// in layout order: the last symbols.
    pub withdrawn: Vec<usize>,
}

impl Symbols {
    pub fn new(scene: Arc<Scene>, transform: Memo<Transform>) -> Self {
        let url: UrlState = expect_context();
        let data: AtlasData = expect_context();
        let opened = RwSignal::new(Vec::<String>::new());
        Effect::new(move |_| {
            data.date.track();
            opened.set(Vec::new());
        });
        // Gathered below the zoom, never while comparing (its marks point
        // at single sites).
        let gathered = Memo::new(move |_| {
            transform.get().scale
                < model::projection::zoom_scale(GATHER_ZOOM - model::projection::REFERENCE_ZOOM)
                && url.compare.get().is_none()
        });
        // A deployment's card opens its island's badges (the card points at
        // its symbol), and they stay open once it closes: nothing is drawn
        // again, so focus goes back to the symbol the card was opened from.
        let card_island = Memo::new(move |_| {
            let id = url.deployment.get()?;
            let sites = data.sites.get()?.ok()?;
            let site = sites.iter().find(|f| f.id == id)?;
            Some(site.properties.island.clone())
        });
        Effect::new(move |_| {
            if let Some(island) = card_island.get()
                && !opened.with_untracked(|o| o.contains(&island))
            {
                opened.update(|o| o.push(island));
            }
        });
        // The withdrawn deployments' old sites while comparing, copied by an
        // effect: a memo that reads the answer itself kept the resource from
        // asking again when the dates changed.
        let gone = RwSignal::new(Vec::new());
        Effect::new(move |_| {
            let answer = data.changes.get().and_then(Result::ok).flatten();
            let sites = match (url.compare.get(), answer) {
                (Some(_), Some(c)) => c.withdrawn.iter().map(|d| d.site.clone()).collect(),
                _ => Vec::new(),
            };
            gone.set(sites);
        });
        let wanted = Memo::new(move |_| {
            let layers = url.layers.get();
            let mut out = Wanted::default();
            if layers.contains(Layer::Deployments)
                && let Some(Ok(sites)) = data.sites.get()
            {
                let zoom = if gathered.get() { 0.0 } else { GATHER_ZOOM };
                let mut open = opened.get();
                open.extend(card_island.get());
                for (mark, symbol) in gather(&sites, &scene, zoom, &open) {
                    match mark {
                        Mark::Site(i) => {
                            out.sites.push(i);
                            out.badges.push(None);
                        }
                        Mark::Badge {
                            island,
                            category,
                            sites: of,
                        } => {
                            out.sites.push(usize::MAX);
                            let first = of.first().and_then(|&i| sites.get(i));
                            out.badges.push(Some(Badge {
                                island,
                                category,
                                count: of.len(),
                                first: first.map(|f| f.id.clone()).unwrap_or_default(),
                            }));
                        }
                    }
                    out.symbols.push(symbol);
                }
            }
            if layers.contains(Layer::Events)
                && let Some(Ok(events)) = data.events.get()
            {
                let places = data.overlays.get().and_then(Result::ok);
                out.symbols.extend(
                    recent_events(&events, data.date.get())
                        .filter_map(|e| event_point(e, places.as_deref(), &scene))
                        .map(event_symbol),
                );
            }
            // Laid out with the rest, so a withdrawn mark covers no symbol.
            if layers.contains(Layer::Deployments) {
                for (i, symbol) in gone.with(|g| site_symbols(g, &scene)) {
                    out.withdrawn.push(i);
                    out.symbols.push(symbol);
                }
            }
            out
        });
        let scale = Memo::new(move |_| transform.get().scale);
        let laid = Memo::new(move |_| wanted.with(|w| resolve(&w.symbols, scale.get())));
        Symbols {
            wanted,
            laid,
            opened,
        }
    }

    /// The `transform` of the `k`-th symbol, laid out, as the map moves.
    pub(crate) fn place(
        self,
        transform: Memo<Transform>,
        k: impl Fn() -> usize,
    ) -> impl Fn() -> String {
        move || {
            self.laid
                .with(|l| l.get(k()).map(|s| follow(transform, s.at, s.offset)()))
                .unwrap_or_default()
        }
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
        let naming = url.naming.get();
        Some(
            overlays
                .on_the_ground()
                .map(|p| {
                    let [lon, lat] = p.at;
                    let title = match naming.lang {
                        Lang::En => format!("{} ({}, {})", names::place_label(p, naming.style), p.name_ja, p.name_ru),
                        lang => Naming::new(lang, NameStyle::Both).label(&p.forms()),
                    };
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

/// A category's name in the page's language (`shell-category-…`).
pub fn category_name(category: DeploymentCategory) -> String {
    t(category.name_key())
}

/// Letter, colour class and name for each category: colour is never the
/// only signal. The name is English: [`category_name`] is the page's.
pub fn category_symbol(category: DeploymentCategory) -> (&'static str, &'static str, &'static str) {
    let (class, name) = match category {
        DeploymentCategory::CoastalMissile => ("cat-missile", "Coastal missiles"),
        DeploymentCategory::AirDefence => ("cat-air-defence", "Air defence"),
        DeploymentCategory::Aircraft => ("cat-aircraft", "Aircraft"),
        DeploymentCategory::GroundForces => ("cat-ground", "Ground forces"),
        DeploymentCategory::BorderGuard => ("cat-border", "Border guard"),
        DeploymentCategory::Infrastructure => ("cat-infrastructure", "Infrastructure"),
    };
    (category.letter(), class, name)
}

/// Deployment sites in place on the map's date: on their published site,
/// or clustered at their island's anchor and marked as approximate.
/// Activating one opens its card (`deployment=`) and moves focus into it;
/// the URL's deployment is highlighted (`aria-pressed`, not colour alone).
#[component]
pub fn SitesLayer(transform: Memo<Transform>, symbols: Symbols) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    move || {
        if !url.layers.get().contains(Layer::Deployments) {
            return None;
        }
        let sites = data.sites.get()?.ok()?;
        let (order, badges) = symbols.wanted.with(|w| (w.sites.clone(), w.badges.clone()));
        let naming = url.naming.get();
        let c = i18n::catalogue();
        Some(
            order
                .into_iter()
                .enumerate()
                .filter_map(|(k, i)| {
                    if let Some(Some(b)) = badges.get(k) {
                        let island = data.island_name(naming, &b.island);
                        return Some(badge_view(b, &island, k, transform, symbols).into_any());
                    }
                    let site = &sites.get(i)?.properties;
                    let (letter, class, _) = category_symbol(site.category);
                    let island = data.island_name(naming, &site.island);
                    let label = deployment_name_in(c, &site.unit, &island, &site.period);
                    // Honest places: a site never published says so.
                    let label = if site.approximate {
                        tf("shell-site-unpublished", &[("name", label.into())])
                    } else {
                        label
                    };
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
                    Some(
                        view! {
                            <g class=format!("site {class}") class:focused=chosen.clone()
                                class:approximate=site.approximate
                                data-site=id transform=symbols.place(transform, move || k)
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
                        .into_any(),
                    )
                })
                .collect_view(),
        )
    }
}

/// A badge: a category's letter and count ("M 3") where an island's sites
/// of that category are gathered; activating it opens them.
fn badge_view(
    b: &Badge,
    island: &str,
    k: usize,
    transform: Memo<Transform>,
    symbols: Symbols,
) -> impl IntoView + use<> {
    let (letter, class, _) = category_symbol(b.category);
    let count = i18n::lang().number(b.count as f64, 0);
    let label = tf(
        "shell-badge-name",
        &[
            ("category", category_name(b.category).into()),
            ("count", b.count.into()),
            ("island", island.into()),
        ],
    );
    let (id, first) = (b.island.clone(), b.first.clone());
    // The badge goes; focus goes to its first site, drawn in its place.
    let open = move || {
        let id = id.clone();
        symbols.opened.update(|o| o.push(id));
        let first = first.clone();
        request_animation_frame(move || {
            if let Ok(Some(site)) = document().query_selector(&format!("[data-site=\"{first}\"]")) {
                let _ = site.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };
    let open_key = open.clone();
    view! {
        <g class=format!("site badge-group {class}") transform=symbols.place(transform, move || k)
            tabindex="0" role="button" aria-label=label.clone()
            on:click=move |_| open()
            on:keydown=move |e| if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                e.stop_propagation();
                open_key()
            }>
            <title>{label.clone()}</title>
            <circle class="hit" r="16"/>
            <circle class="symbol" r=BADGE_RADIUS_PX/>
            <text y="4">{format!("{letter}\u{2009}{count}")}</text>
        </g>
    }
}

/// Events of the twelve months up to the map's date, at their places;
/// activating one opens its card (`event=`) and moves focus into it.
#[component]
pub fn EventsLayer(
    transform: Memo<Transform>,
    scene: Arc<Scene>,
    symbols: Symbols,
) -> impl IntoView {
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
                .filter(|e| event_point(*e, places.as_deref(), &scene).is_some())
                .enumerate()
                .map(|(k, e)| {
                    // Laid out after the sites.
                    let at = move || symbols.wanted.with(|w| w.sites.len()) + k;
                    let id = e.id.clone();
                    let label = event_name_in(
                        i18n::catalogue(),
                        &data.named(style, &e.title, &e.title_template),
                        &e.date,
                    );
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
                    view! {
                        <g class="event-marker" transform=symbols.place(transform, at)
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
                    }
                })
                .collect_view(),
        )
    }
}
