//! The URL as the single source of truth for shareable state.
//!
//! Discrete actions (open an island, change names or layers) push a history
//! entry; continuous panning and zooming replace the current one, throttled,
//! because browsers limit history changes (Safari: about 100 in 30 s).

use leptos::ev;
use leptos::prelude::*;
use model::events::Date;
use model::names::{NameStyle, Naming};
use model::permalink::{self, Ignored, Layers, MapState};
use model::viewport::View;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// Shortest interval between two URL replacements while the map moves.
const REPLACE_INTERVAL: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct UrlState {
    /// The state the URL describes now.
    pub state: Memo<MapState>,
    /// What the URL contained that could not be applied.
    pub ignored: Memo<Vec<Ignored>>,
    // One memo per part of the state, so that a component re-renders only
    // when its part changes: the view is replaced in the URL while the map
    // moves, and that must not rebuild the panel or the overlays.
    pub view: Memo<Option<View>>,
    pub island: Memo<Option<String>>,
    pub date: Memo<Option<Date>>,
    /// The date the map's date is compared with (`compare=`).
    pub compare: Memo<Option<Date>>,
    pub event: Memo<Option<String>>,
    pub deployment: Memo<Option<String>>,
    pub layers: Memo<Layers>,
    pub names: Memo<NameStyle>,
    /// The names convention in the page's language and script.
    pub naming: Memo<Naming>,
    pub embed: Memo<bool>,
    /// The query string in the address bar, `?` included.
    search: RwSignal<String>,
    pending_view: StoredValue<Option<View>>,
}

impl UrlState {
    pub fn new() -> Self {
        // The page has one route, so the History API is all the routing it
        // needs; leptos_router cost about 30 KB of brotli-compressed wasm.
        let search = RwSignal::new(address_bar_query());
        // Back and Forward change the address without us: read it again.
        let popstate = window_event_listener(ev::popstate, move |_| {
            let query = address_bar_query();
            crate::i18n::follow(&permalink::parse(&query).0);
            search.set(query);
        });
        on_cleanup(move || popstate.remove());
        let parsed = Memo::new(move |_| permalink::parse(&search.get()));
        let state = Memo::new(move |_| parsed.get().0);
        UrlState {
            state,
            ignored: Memo::new(move |_| parsed.get().1),
            view: Memo::new(move |_| state.with(|s| s.view)),
            island: Memo::new(move |_| state.with(|s| s.island.clone())),
            date: Memo::new(move |_| state.with(|s| s.date)),
            compare: Memo::new(move |_| state.with(|s| s.compare)),
            event: Memo::new(move |_| state.with(|s| s.event.clone())),
            deployment: Memo::new(move |_| state.with(|s| s.deployment.clone())),
            layers: Memo::new(move |_| state.with(|s| s.layers)),
            names: Memo::new(move |_| state.with(|s| s.naming().style)),
            naming: Memo::new(move |_| state.with(|s| s.naming())),
            embed: Memo::new(move |_| state.with(|s| s.embed)),
            search,
            pending_view: StoredValue::new(None),
        }
    }

    /// Applies a discrete change as a new history entry.
    pub fn push(&self, change: impl FnOnce(&mut MapState)) {
        self.go(change, false);
    }

    /// Applies a change in place (no new history entry).
    pub fn replace(&self, change: impl FnOnce(&mut MapState)) {
        self.go(change, true);
    }

    fn go(&self, change: impl FnOnce(&mut MapState), replace: bool) {
        let mut next = self.state.get_untracked();
        // A pending throttled view belongs to the entry being left.
        if let Some(view) = self.pending_view.get_value() {
            next.view = Some(permalink::canonical_view(view));
        }
        let before = next.clone();
        change(&mut next);
        if next == before && !replace && self.pending_view.get_value().is_none() {
            return;
        }
        self.pending_view.set_value(None);
        let url = permalink::href(&next);
        let written = window().history().and_then(|history| {
            if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            }
        });
        if let Err(error) = written {
            // Browsers refuse history changes that come too fast (Safari:
            // about 100 in 30 s); the map still follows, the link catches up
            // with the next change.
            leptos::logging::warn!("the address bar was not updated: {error:?}");
        }
        self.search.set(url.trim_start_matches('/').to_owned());
        crate::i18n::follow(&next);
    }

    /// Records the map view; writes it to the URL at most every 400 ms.
    pub fn view_changed(&self, view: View) {
        let first = self.pending_view.get_value().is_none();
        self.pending_view.set_value(Some(view));
        if first {
            let this = *self;
            set_timeout(
                move || {
                    if let Some(view) = this.pending_view.get_value() {
                        this.pending_view.set_value(None);
                        let view = permalink::canonical_view(view);
                        if this.state.get_untracked().view != Some(view) {
                            this.replace(|s| s.view = Some(view));
                        }
                    }
                },
                REPLACE_INTERVAL,
            );
        }
    }
}

/// The query string of the address bar, `?` included; empty when there is none.
fn address_bar_query() -> String {
    window().location().search().unwrap_or_default()
}
