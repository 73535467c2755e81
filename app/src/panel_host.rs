//! The panels, drawn by the server (`server/src/panels/`): the side panel
//! (an island's or group's panel with its story, an event's card, a
//! deployment's card, the changes while comparing) and the article reader.
//! [`FragmentHost`] asks for the fragment of the URL's state, inserts it and
//! gives it its behaviour: the attributes of the contract in
//! `server/src/panels/mod.rs`, with one delegated listener per kind of
//! event on the wrapper, whatever the panel.
//!
//! Why: each panel drawn here cost its view code and the decoders of its
//! answers in the wasm, together about a third of the module
//! (bench/README "Panels drawn by the server").

use crate::data::AtlasData;
use crate::focus::Focus;
use crate::i18n::{self, t, tf};
use crate::url_state::UrlState;
use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use model::permalink::{self, ArticleAnswer, MapState};
use model::viewport::{View, parse_points};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Where a host sits, and what it asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The side panel (a bottom sheet on phones).
    Panel,
    /// The article reader.
    Reader,
}

impl Place {
    fn path(self) -> &'static str {
        match self {
            Place::Panel => "/fragments/panel",
            Place::Reader => "/fragments/reader",
        }
    }

    /// Whether `state` may open something here; when not, the answer is
    /// known without asking (nothing).
    fn may_open(self, s: &MapState) -> bool {
        match self {
            Place::Panel => {
                s.island.is_some()
                    || s.event.is_some()
                    || s.deployment.is_some()
                    || s.compare.is_some()
            }
            Place::Reader => s.article.is_some(),
        }
    }

    /// The host's own words while nothing is in yet, or after a failure,
    /// in a root the stylesheet places as it places the fragments'.
    fn shell(self, body: AnyView) -> AnyView {
        match self {
            Place::Panel => view! { <aside class="panel" id="panel">{body}</aside> }.into_any(),
            Place::Reader => {
                view! { <aside class="reader" aria-label=t("reader-label")>{body}</aside> }
                    .into_any()
            }
        }
    }

    fn loading(self) -> String {
        t(match self {
            Place::Panel => "panel-loading",
            Place::Reader => "reader-loading",
        })
    }

    fn failed(self, error: String) -> String {
        let key = match self {
            Place::Panel => "panel-failed",
            Place::Reader => "reader-failed",
        };
        tf(key, &[("error", error.into())])
    }
}

/// What the host shows besides the fragment itself.
#[derive(Clone, PartialEq)]
enum Status {
    /// The fragment (or nothing) is in, or a newer one loads over it.
    Shown,
    /// The first fragment is on its way: a status line.
    Loading,
    /// The last request failed: why, and a button to ask again.
    Failed(String),
}

/// The query a fragment is asked for: the permalink without the view (a
/// pan asks for nothing) and without `embed`, always with `lang=`, and for
/// the side panel the record the island's story was left from.
fn fragment_query(state: &MapState, from: Option<&str>) -> String {
    let mut s = state.clone();
    s.view = None;
    s.embed = false;
    s.lang = None;
    let mut query = permalink::format(&s);
    for (key, value) in [("from", from), ("lang", Some(i18n::lang().code()))] {
        if let Some(value) = value {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("{key}={value}"));
        }
    }
    query
}

/// The panel that opening `island` from `state` shows, if it is known here
/// (no card open, so no `from=`).
fn island_panel_url(state: &MapState, island: &str) -> Option<String> {
    if state.island.as_deref() == Some(island)
        || state.event.is_some()
        || state.deployment.is_some()
    {
        return None;
    }
    let mut next = state.clone();
    next.open_island(Some(island.to_owned()));
    Some(format!(
        "{}?{}",
        Place::Panel.path(),
        fragment_query(&next, None)
    ))
}

/// Asks for the panel that opening `island` shows, as a pointer goes down
/// on it: the answer is on its way while the click is handled (the host
/// then takes it, `api::fragment`).
pub fn prefetch_island(url: UrlState, island: &str) {
    if let Some(panel) = island_panel_url(&url.state.get_untracked(), island) {
        crate::api::prefetch_fragment(panel);
    }
}

/// Once the page has been still for a moment, asks for the panel each
/// disputed island would open from the URL's state, so that a click on
/// one shows it in the frame after the click; asked again when the state
/// (not the view) changes, and the answers for earlier states forgotten.
pub fn prefetch_islands(url: UrlState, data: AtlasData) {
    let state = Memo::new(move |_| {
        let mut s = url.state.get();
        s.view = None;
        s
    });
    let round = StoredValue::new(0u32);
    Effect::new(move |_| {
        state.track();
        let n = round.get_value().wrapping_add(1);
        round.set_value(n);
        set_timeout(
            move || {
                if round.get_value() != n {
                    return;
                }
                let Some(land) = data.land.get_value() else {
                    return;
                };
                if saves_data() {
                    return;
                }
                let s = state.get_untracked();
                let urls: Vec<String> = land
                    .features
                    .iter()
                    // Islands, not their islets' outlines (a press on one
                    // of those asks as it goes down).
                    .filter(|f| {
                        f.properties.role == model::geodata::LandRole::Disputed
                            && f.properties.part_of.is_none()
                    })
                    .filter_map(|f| island_panel_url(&s, &f.id))
                    .collect();
                crate::api::keep_fragments(&urls);
                // One request per task: starting a fetch costs the page
                // 1-2 ms, sixteen of them a long task.
                leptos::task::spawn_local(async move {
                    for url in urls {
                        crate::api::next_task().await;
                        if round.get_value() != n {
                            return;
                        }
                        crate::api::prefetch_fragment(url);
                    }
                });
            },
            PREFETCH_AFTER,
        );
    });
}

/// The reader's browser asks pages to save data (`navigator.connection.
/// saveData`, a phone's data saver): then an island's panel is asked for
/// only as a pointer goes down on it, not all ten ahead (58 KB per state).
fn saves_data() -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// How long the state must be still before the islands' panels are asked
/// for: after the start-up's tasks, and not on every step while the
/// timeline plays.
const PREFETCH_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

/// One place on the page where the server's panels are shown.
#[component]
pub fn FragmentHost(place: Place) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    let from = match place {
        Place::Panel => story_return(url, data),
        Place::Reader => Memo::new(|_| None),
    };
    // `None`: nothing can open here, no request.
    let query = Memo::new(move |_| {
        let state = url.state.get();
        place
            .may_open(&state)
            .then(|| fragment_query(&state, from.get().as_deref()))
    });
    let host = Host {
        place,
        url,
        data,
        focus,
        wrapper: NodeRef::new(),
        status: RwSignal::new(Status::Shown),
        key: StoredValue::new(None),
        asked: StoredValue::new(0),
        from_inside: StoredValue::new(false),
    };
    // Once the wrapper is on the page, and again whenever the query changes.
    Effect::new(move |_| {
        if host.wrapper.get().is_some() {
            host.ask(query.get());
        }
    });
    let retry = move |_| host.ask(query.get_untracked());
    let status = move || match host.status.get() {
        Status::Shown => None,
        Status::Loading => Some(
            place.shell(view! { <p class="status" role="status">{place.loading()}</p> }.into_any()),
        ),
        Status::Failed(error) => Some(
            place.shell(
                view! {
                    <div role="alert"><p>{place.failed(error)}</p>
                    <button type="button" on:click=retry>{t("panel-try-again")}</button></div>
                }
                .into_any(),
            ),
        ),
    };
    view! {
        <div class="fragment" node_ref=host.wrapper
            on:click=move |e| host.clicked(e)
            on:keydown=move |e| host.key_down(e)
            on:change=move |e| host.changed(e)></div>
        {status}
    }
}

/// The record an island's story was left from, for `from=`: the deployment
/// whose card led to the story (its symbol stays highlighted), else the
/// event last opened over that island's panel.
fn story_return(url: UrlState, data: AtlasData) -> Memo<Option<String>> {
    // The event last opened over an island's panel, with that island.
    let last_event = StoredValue::new(None::<(Option<String>, String)>);
    let before = StoredValue::new(MapState::default());
    Effect::new(move |_| {
        let now = url.state.get();
        let was = before.get_value();
        if now.island.is_none() {
            data.focus_site.set(None);
        } else if now.deployment.is_none()
            && let Some(site) = was.deployment
        {
            data.focus_site.set(Some(site));
        }
        if let Some(event) = &now.event {
            last_event.set_value(Some((now.island.clone(), event.clone())));
        }
        before.set_value(now);
    });
    Memo::new(move |_| {
        let s = url.state.get();
        let island = s.island.clone()?;
        if s.event.is_some() || s.deployment.is_some() {
            return None;
        }
        if let Some(site) = data.focus_site.get() {
            return Some(site);
        }
        last_event
            .get_value()
            .filter(|(on, _)| on.as_ref() == Some(&island))
            .map(|(_, event)| event)
    })
}

#[derive(Clone, Copy)]
struct Host {
    place: Place,
    url: UrlState,
    data: AtlasData,
    focus: Focus,
    wrapper: NodeRef<leptos::html::Div>,
    status: RwSignal<Status>,
    /// The `data-key` of the fragment shown (`None`: nothing shown).
    key: StoredValue<Option<String>>,
    /// Counts requests: only the latest one's answer is shown.
    asked: StoredValue<u32>,
    /// The navigation came from inside the fragment (its control is gone
    /// with it: focus goes into the next one, or back where it came from).
    from_inside: StoredValue<bool>,
}

impl Host {
    /// The current fragment's root element.
    fn root(self) -> Option<Element> {
        self.wrapper.get_untracked()?.first_element_child()
    }

    /// Asks for the fragment of `query` (`None`: nothing is open here).
    fn ask(self, query: Option<String>) {
        let n = self.asked.get_value().wrapping_add(1);
        self.asked.set_value(n);
        let Some(query) = query else {
            self.show(None);
            return;
        };
        // The old fragment stays while the new one loads, marked busy.
        match self.root() {
            Some(root) => {
                let _ = root.set_attribute("aria-busy", "true");
            }
            None => self.status.set(Status::Loading),
        }
        let path = self.place.path();
        leptos::task::spawn_local(async move {
            let answer = crate::api::fragment(path, &query).await;
            if self.asked.get_value() != n {
                return;
            }
            match answer {
                Ok(html) => self.show(html),
                Err(error) => {
                    self.clear();
                    self.status.set(Status::Failed(error));
                }
            }
        });
    }

    fn clear(self) {
        if let Some(wrapper) = self.wrapper.get_untracked() {
            wrapper.set_inner_html("");
        }
        self.key.set_value(None);
    }

    /// Inserts a fragment (`None`: no panel), then does what its
    /// attributes ask: focus, announcement, scroll, filters kept.
    fn show(self, html: Option<String>) {
        let inside = self.from_inside.get_value();
        self.from_inside.set_value(false);
        self.status.set(Status::Shown);
        let root = html.and_then(|html| self.insert(&html));
        if self.place == Place::Reader {
            self.answer_article(root.as_ref());
        }
        let Some((root, new, kept)) = root else {
            // Closed from inside: focus goes back where the reader was.
            let was_open = self.key.get_value().is_some();
            self.clear();
            if inside && was_open {
                self.focus.cancel();
                self.focus.restore();
            }
            return;
        };
        // The same panel drawn again keeps its scroll, its filters and the
        // control that had focus (found by its id).
        if !new {
            if kept.restore(&root) {
                self.focus.cancel();
            } else if kept.had_focus {
                focus_heading(&root);
            }
        }
        self.focus.panel_shown(&root, new);
        if new || inside {
            reveal(&root);
        }
    }

    /// Replaces the fragment; its root, whether it shows another record
    /// (a new `data-key`), and what the one it replaced kept.
    fn insert(self, html: &str) -> Option<(Element, bool, Kept)> {
        let wrapper = self.wrapper.get_untracked()?;
        let kept = Kept::of(self.root());
        wrapper.set_inner_html(html);
        let root = self.root()?;
        let key = root.get_attribute("data-key");
        let new = key.is_none() || key != self.key.get_value();
        self.key.set_value(key);
        Some((root, new, kept))
    }

    /// What the reader's answer says of the link's article, for the
    /// bad-link notice: none (no reader) or how many excerpts it marks.
    fn answer_article(self, root: Option<&(Element, bool, Kept)>) {
        let Some(article) = self.url.state.get_untracked().article else {
            return;
        };
        let answer = match root {
            None => ArticleAnswer::Missing,
            Some((root, _, _)) => {
                ArticleAnswer::Excerpts(elements(root, ".article-text mark.excerpt").len())
            }
        };
        self.data.article_answer.set(Some((article, answer)));
    }
}

/// `a[data-nav]`, `[data-href]`: the state the control leads to, pushed.
impl Host {
    fn clicked(self, e: MouseEvent) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Ok(Some(summary)) = target.closest("details[data-fill]:not([open]) > summary") {
            if let Some(details) = summary.parent_element() {
                e.prevent_default();
                self.fill(details);
            }
            return;
        }
        if let Ok(Some(link)) = target.closest("a[data-nav]") {
            let plain =
                e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key());
            if plain && let Some(href) = link.get_attribute("href") {
                e.prevent_default();
                self.go(&href, None);
            }
            return;
        }
        if let Ok(Some(control)) = target.closest("[data-href]")
            && let Some(href) = control.get_attribute("data-href")
        {
            e.prevent_default();
            self.go(&href, control.get_attribute("data-fit"));
        }
    }

    /// Opens a `<details data-fill>` with its content: asked for, put in
    /// place of the link after its `<summary>`, filtered as the rest of the
    /// panel; `aria-busy` meanwhile. A failure opens it on the link.
    fn fill(self, details: Element) {
        if details.has_attribute("aria-busy") {
            return;
        }
        let Some(url) = details.get_attribute("data-fill") else {
            return;
        };
        let _ = details.set_attribute("aria-busy", "true");
        leptos::task::spawn_local(async move {
            let (path, query) = url.split_once('?').unwrap_or((&url, ""));
            let answer = crate::api::fragment(path, query).await;
            let slot = details
                .query_selector(":scope > summary + *")
                .ok()
                .flatten();
            if let (Ok(Some(html)), Some(slot)) = (answer, slot) {
                slot.set_outer_html(&html);
                let _ = details.remove_attribute("data-fill");
                if let Some(root) = self.root() {
                    apply_filters(&root);
                }
            }
            let _ = details.remove_attribute("aria-busy");
            let _ = details.set_attribute("open", "");
        });
    }

    /// Escape closes (`data-close`); Enter and Space activate a
    /// `data-href` that is not a button (an excerpt marked in the text).
    fn key_down(self, e: KeyboardEvent) {
        let key = e.key();
        if key == "Escape" {
            if let Some(close) = self
                .root()
                .and_then(|r| r.query_selector("[data-close]").ok().flatten())
            {
                e.prevent_default();
                close.unchecked_into::<HtmlElement>().click();
            }
            return;
        }
        if key != "Enter" && key != " " {
            return;
        }
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if target.tag_name() != "BUTTON"
            && target.tag_name() != "A"
            && target.has_attribute("data-href")
        {
            e.prevent_default();
            target.unchecked_into::<HtmlElement>().click();
        }
    }

    /// A link's state, pushed: the current view kept when the link has
    /// none (or the view fitting `fit`'s points), the page's language and
    /// embedding kept.
    fn go(self, href: &str, fit: Option<String>) {
        let Some(query) = href.strip_prefix('/').map(|q| q.trim_start_matches('?')) else {
            return;
        };
        let (mut next, _) = permalink::parse(query);
        let view = fit.and_then(|points| {
            let (w, h) = map_size();
            View::fitting(&parse_points(&points), w, h)
        });
        // The control is redrawn or gone: focus goes into what opens.
        self.focus.into_panel();
        self.from_inside.set_value(true);
        self.url.push(move |s| {
            next.view = view.or(next.view).or(s.view);
            next.lang = s.lang;
            next.embed = s.embed;
            *s = next;
        });
    }

    /// `<select data-filter="NAME">` or checkboxes `data-filter="NAME"`.
    fn changed(self, e: Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if target.has_attribute("data-filter")
            && let Some(root) = self.root()
        {
            apply_filters(&root);
        }
    }
}

/// The map's size in CSS pixels (what a fitted view must fit in).
fn map_size() -> (f64, f64) {
    document()
        .get_element_by_id("map")
        .map(|m| (f64::from(m.client_width()), f64::from(m.client_height())))
        .filter(|(w, h)| *w > 0.0 && *h > 0.0)
        .unwrap_or((800.0, 600.0))
}

/// Applies every filter of the panel: an item marked `data-NAME="v1 v2"`
/// stays shown when, for each filter NAME it is marked for, the
/// `<select>`'s value is one of its values or empty (radios and checkboxes:
/// one of its values is checked); the rest are `hidden`. Then each
/// `data-count` counts what is shown.
fn apply_filters(root: &Element) {
    // Each filter's name and the values it lets through (`None`: all).
    let mut filters: Vec<(String, Option<Vec<String>>)> = Vec::new();
    for control in elements(root, "[data-filter]") {
        let Some(name) = control.get_attribute("data-filter") else {
            continue;
        };
        let at = match filters.iter().position(|(n, _)| *n == name) {
            Some(at) => at,
            None => {
                filters.push((name, Some(Vec::new())));
                filters.len() - 1
            }
        };
        let value = if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
            Some(select.value())
        } else {
            control
                .dyn_ref::<HtmlInputElement>()
                .filter(|input| input.checked())
                .map(HtmlInputElement::value)
        };
        match (&mut filters[at].1, value) {
            (_, Some(v)) if v.is_empty() => filters[at].1 = None,
            (Some(values), Some(v)) => values.push(v),
            _ => {}
        }
    }
    let selector: Vec<String> = filters.iter().map(|(n, _)| format!("[data-{n}]")).collect();
    if selector.is_empty() {
        return;
    }
    for item in elements(root, &selector.join(",")) {
        let shown = filters.iter().all(|(name, allowed)| {
            match (item.get_attribute(&format!("data-{name}")), allowed) {
                (Some(values), Some(allowed)) => values
                    .split_whitespace()
                    .any(|v| allowed.iter().any(|a| a == v)),
                _ => true,
            }
        });
        let _ = item.toggle_attribute_with_force("hidden", !shown);
    }
    count_shown(root);
}

/// Each `data-count="KEY"` element: its text becomes the message KEY with
/// `count`, the `[data-counted]` items shown in its scope (its closest
/// `[data-count-scope]`, else the panel), and its `data-arg-*` attributes.
fn count_shown(root: &Element) {
    for counter in elements(root, "[data-count]") {
        let scope = counter
            .closest("[data-count-scope]")
            .ok()
            .flatten()
            .unwrap_or_else(|| root.clone());
        let shown = elements(&scope, "[data-counted]:not([hidden])").len();
        let Some(key) = counter.get_attribute("data-count") else {
            continue;
        };
        let names = counter.get_attribute_names();
        let args: Vec<(String, String)> = (0..names.length())
            .filter_map(|i| names.get(i).as_string())
            .filter_map(|n| {
                let arg = n.strip_prefix("data-arg-")?.to_owned();
                Some((arg, counter.get_attribute(&n)?))
            })
            .collect();
        let mut all: Vec<(&str, model::i18n::Arg)> = args
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str().into()))
            .collect();
        all.push(("count", shown.into()));
        counter.set_text_content(Some(&tf(&key, &all)));
    }
}

pub(crate) fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// Scrolls `data-scroll` into its panel's view if it is not in it.
fn reveal(root: &Element) {
    let Some(el) = root.query_selector("[data-scroll]").ok().flatten() else {
        return;
    };
    let (r, p) = (
        el.get_bounding_client_rect(),
        root.get_bounding_client_rect(),
    );
    if r.top() < p.top() || r.bottom() > p.bottom() {
        el.scroll_into_view();
    }
}

/// Focuses a panel's heading (`tabindex="-1"`).
fn focus_heading(root: &Element) {
    if let Ok(Some(h)) = root.query_selector("[tabindex=\"-1\"]") {
        let _ = h.unchecked_into::<HtmlElement>().focus();
    }
}

/// What a panel drawn again keeps from its previous drawing.
struct Kept {
    scroll: i32,
    /// Each filter control's name, value and, for a checkbox, whether checked.
    filters: Vec<(String, String, bool)>,
    /// The `id` of the element that had focus in it.
    focused: Option<String>,
    /// Whether focus was in it.
    had_focus: bool,
}

impl Kept {
    fn of(root: Option<Element>) -> Kept {
        let Some(root) = root else {
            return Kept {
                scroll: 0,
                filters: Vec::new(),
                focused: None,
                had_focus: false,
            };
        };
        let filters = elements(&root, "[data-filter]")
            .into_iter()
            .filter_map(|c| {
                let name = c.get_attribute("data-filter")?;
                if let Some(select) = c.dyn_ref::<HtmlSelectElement>() {
                    return Some((name, select.value(), false));
                }
                let input = c.dyn_ref::<HtmlInputElement>()?;
                Some((name, input.value(), input.checked()))
            })
            .collect();
        let active = document()
            .active_element()
            .filter(|el| root.contains(Some(el.as_ref())));
        Kept {
            scroll: root.scroll_top(),
            filters,
            had_focus: active.is_some(),
            focused: active.map(|el| el.id()).filter(|id| !id.is_empty()),
        }
    }

    /// Puts it back; whether the focused control was found again.
    fn restore(&self, root: &Element) -> bool {
        for (name, value, checked) in &self.filters {
            for c in elements(root, &format!("[data-filter=\"{name}\"]")) {
                if let Some(select) = c.dyn_ref::<HtmlSelectElement>() {
                    select.set_value(value);
                } else if let Some(input) = c.dyn_ref::<HtmlInputElement>()
                    && input.value() == *value
                {
                    input.set_checked(*checked);
                }
            }
        }
        if !self.filters.is_empty() {
            apply_filters(root);
        }
        root.set_scroll_top(self.scroll);
        let again = self.focused.as_ref().and_then(|id| {
            root.query_selector(&format!("[id=\"{id}\"]"))
                .ok()
                .flatten()
        });
        again.is_some_and(|el| el.unchecked_into::<HtmlElement>().focus().is_ok())
    }
}
