//! The URL as the single source of truth for shareable state.
//!
//! Discrete actions (open an island, change names or layers) push a history
//! entry; continuous panning and zooming replace the current one, throttled,
//! because browsers limit history changes (Safari: about 100 in 30 s).

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use model::events::Date;
use model::names::NameStyle;
use model::permalink::{self, Ignored, Layers, MapState};
use model::viewport::View;
use std::time::Duration;

/// Shortest interval between two URL replacements while the map moves.
const REPLACE_INTERVAL: Duration = Duration::from_millis(400);

/// The router's navigate function, kept so callbacks can use it later.
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

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
    pub event: Memo<Option<String>>,
    pub article: Memo<Option<String>>,
    pub excerpt: Memo<Option<u32>>,
    pub layers: Memo<Layers>,
    pub names: Memo<NameStyle>,
    pub embed: Memo<bool>,
    navigate: StoredValue<Navigate, LocalStorage>,
    pending_view: StoredValue<Option<View>>,
}

impl UrlState {
    pub fn new() -> Self {
        let location = use_location();
        let parsed = Memo::new(move |_| permalink::parse(&location.search.get()));
        let navigate = use_navigate();
        let state = Memo::new(move |_| parsed.get().0);
        UrlState {
            state,
            ignored: Memo::new(move |_| parsed.get().1),
            view: Memo::new(move |_| state.with(|s| s.view)),
            island: Memo::new(move |_| state.with(|s| s.island.clone())),
            date: Memo::new(move |_| state.with(|s| s.date)),
            event: Memo::new(move |_| state.with(|s| s.event.clone())),
            article: Memo::new(move |_| state.with(|s| s.article.clone())),
            excerpt: Memo::new(move |_| state.with(|s| s.excerpt)),
            layers: Memo::new(move |_| state.with(|s| s.layers)),
            names: Memo::new(move |_| state.with(|s| s.names)),
            embed: Memo::new(move |_| state.with(|s| s.embed)),
            navigate: StoredValue::new_local(Box::new(navigate)),
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
        self.navigate.with_value(|navigate| {
            navigate(
                &url,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
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
