//! Where keyboard focus goes as records open and close, and what the page
//! announces: the one polite live region (`#announcer`, static in
//! `index.html`) receives a panel's heading when the panel changes, never
//! the whole panel.

use crate::url_state::UrlState;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Attributes that say what a focusable map element stands for: a symbol
/// drawn again since it was focused is found again by them.
const KEYS: [&str; 3] = ["data-site", "data-event", "data-island"];

#[derive(Clone, Copy)]
pub struct Focus {
    /// What had focus when the panel appeared: where closing it returns.
    outside: StoredValue<Option<Element>, LocalStorage>,
    /// That element's key attribute and value.
    outside_key: StoredValue<Option<(&'static str, String)>>,
    /// Set when a record is activated: its panel's heading takes focus when
    /// it appears (the element activated may be drawn again or go away).
    into_panel: StoredValue<bool>,
    /// The panel whose heading was announced last (`None`: none is open).
    announced: StoredValue<Option<String>>,
    /// Counts panels drawn: the map places the chosen symbol clear of the
    /// panel once the panel has its size.
    pub drawn: RwSignal<u32>,
}

impl Focus {
    pub fn new() -> Self {
        let url: UrlState = expect_context();
        let focus = Focus {
            outside: StoredValue::new_local(None),
            outside_key: StoredValue::new(None),
            into_panel: StoredValue::new(false),
            announced: StoredValue::new(None),
            drawn: RwSignal::new(0),
        };
        // Nothing open: the next panel is announced, even the same one again.
        Effect::new(move |_| {
            if url.island.get().is_none()
                && url.event.get().is_none()
                && url.deployment.get().is_none()
            {
                focus.announced.set_value(None);
            }
        });
        focus
    }

    /// The next panel to appear takes focus (on its heading).
    pub fn into_panel(self) {
        self.into_panel.set_value(true);
    }

    /// After a panel closed: focus where the reader was before it, if that
    /// is still on the page (a symbol drawn again is found by its id).
    pub fn restore(self) {
        request_animation_frame(move || {
            let again = || {
                let (key, value) = self.outside_key.get_value()?;
                document()
                    .query_selector(&format!("[{key}=\"{value}\"]"))
                    .ok()
                    .flatten()
            };
            let target = self
                .outside
                .get_value()
                .filter(|el| el.is_connected())
                .or_else(again);
            if let Some(el) = target {
                // SVG symbols have `focus` too; web-sys calls it by name.
                let _ = el.unchecked_into::<HtmlElement>().focus();
            }
        });
    }

    /// A panel (`key`: which record) was drawn: announce its heading if it
    /// is another panel, and focus the heading if the reader activated it.
    pub fn panel_shown(self, panel: NodeRef<html::Aside>, key: String) {
        Effect::new(move |_| {
            let Some(aside) = panel.get() else {
                return;
            };
            self.drawn.update(|n| *n = n.wrapping_add(1));
            // What had focus as the panel appeared opened it, unless that
            // is in a panel itself (a link from one card to another).
            if let Some(el) = document().active_element()
                && el.tag_name() != "BODY"
                && el.closest(".panel").ok().flatten().is_none()
            {
                let key = KEYS.iter().find_map(|k| Some((*k, el.get_attribute(k)?)));
                self.outside.set_value(Some(el));
                self.outside_key.set_value(key);
            }
            let heading = aside.query_selector("h2").ok().flatten();
            if self.announced.get_value().as_deref() != Some(key.as_str()) {
                self.announced.set_value(Some(key.clone()));
                if let (Some(h), Some(region)) =
                    (&heading, document().get_element_by_id("announcer"))
                {
                    region.set_text_content(h.text_content().as_deref());
                }
            }
            if self.into_panel.get_value()
                && let Some(h) = heading
            {
                self.into_panel.set_value(false);
                let _ = h.unchecked_into::<HtmlElement>().focus();
            }
        });
    }
}
