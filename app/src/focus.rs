//! Where keyboard focus goes as records open and close, and what the page
//! announces: the one polite live region (`#announcer`, static in
//! `index.html`) receives a panel's heading when the panel changes, never
//! the whole panel. The panels are the server's fragments, inserted by
//! `panel_host.rs`, which says when one is shown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Attributes that say what a focusable map element stands for: a symbol
/// drawn again since it was focused is found again by them.
const KEYS: [&str; 3] = ["data-site", "data-event", "data-island"];

/// The panels' roots: what had focus inside one did not open the next.
const PANELS: &str = ".panel, .reader";

#[derive(Clone, Copy)]
pub struct Focus {
    /// What had focus when the panel appeared: where closing it returns.
    outside: StoredValue<Option<Element>, LocalStorage>,
    /// That element's key attribute and value.
    outside_key: StoredValue<Option<(&'static str, String)>>,
    /// Set when a record is activated: its panel's heading takes focus when
    /// it appears (the element activated may be drawn again or go away).
    into_panel: StoredValue<bool>,
    /// Counts panels drawn: the map places the chosen symbol clear of the
    /// panel once the panel has its size.
    pub drawn: RwSignal<u32>,
}

impl Focus {
    pub fn new() -> Self {
        Focus {
            outside: StoredValue::new_local(None),
            outside_key: StoredValue::new(None),
            into_panel: StoredValue::new(false),
            drawn: RwSignal::new(0),
        }
    }

    /// The next panel to appear takes focus (on its heading).
    pub fn into_panel(self) {
        self.into_panel.set_value(true);
        // What has focus now opened the record: the map may draw it again
        // (a badge's sites open) before the panel appears.
        self.remember_outside();
    }

    /// Keeps the focused element (and its key) as where closing the next
    /// panel returns, unless nothing or a panel's control has focus.
    fn remember_outside(self) {
        if let Some(el) = document().active_element()
            && el.tag_name() != "BODY"
            && el.closest(PANELS).ok().flatten().is_none()
        {
            let key = KEYS.iter().find_map(|k| Some((*k, el.get_attribute(k)?)));
            self.outside.set_value(Some(el));
            self.outside_key.set_value(key);
        }
    }

    /// The control that was activated is still there: focus stays on it.
    pub fn cancel(self) {
        self.into_panel.set_value(false);
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
            // By its key first: a list drawn again may reuse the element
            // for another symbol.
            let target =
                again().or_else(|| self.outside.get_value().filter(|el| el.is_connected()));
            if let Some(el) = target {
                // SVG symbols have `focus` too; web-sys calls it by name.
                let _ = el.unchecked_into::<HtmlElement>().focus();
            }
        });
    }

    /// A panel was inserted (`root`: its `aside`); `new`: it shows another
    /// record than the one before it (its `data-key` changed). Another
    /// record's heading is announced, and takes focus if the reader
    /// activated the record ([`Self::into_panel`]).
    pub fn panel_shown(self, root: &Element, new: bool) {
        self.drawn.update(|n| *n = n.wrapping_add(1));
        // The heading (`tabindex="-1"` makes it focusable; an `h2` is given it).
        let heading = root.query_selector("[tabindex=\"-1\"], h2").ok().flatten();
        if new {
            // What had focus as the panel appeared opened it, unless that
            // is in a panel itself (a link from one card to another).
            self.remember_outside();
            if let (Some(h), Some(region)) = (&heading, document().get_element_by_id("announcer")) {
                region.set_text_content(h.text_content().as_deref());
            }
        }
        if new
            && self.into_panel.get_value()
            && let Some(h) = heading
        {
            self.into_panel.set_value(false);
            if !h.has_attribute("tabindex") {
                let _ = h.set_attribute("tabindex", "-1");
            }
            let _ = h.unchecked_into::<HtmlElement>().focus();
        }
    }
}
