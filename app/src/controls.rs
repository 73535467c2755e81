//! Page controls: the server's layers control (names convention, layers,
//! legend, sharing) or embed footer, bound here; the notice for bad links;
//! the island list.

use crate::data::AtlasData;
use crate::i18n::{self, t, tf};
use crate::url_state::UrlState;
use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use model::api::CitationSet;
use model::names::NameStyle;
use model::permalink::{self, Layer};
use model::share;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

/// Shown when a link had parts that could not be applied (malformed, or
/// refuted by the loaded data: a future date, an unknown article, an excerpt
/// past the last); dismissable.
#[component]
pub fn IgnoredNotice() -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let dismissed = RwSignal::new(false);
    let ignored = Memo::new(move |_| {
        let state = url.state.get();
        // The previous article's answer while the new one loads says nothing.
        let answer = state.article.as_ref().and_then(|id| {
            data.article_answer
                .get()
                .filter(|(answered, _)| answered == id)
                .map(|(_, answer)| answer)
        });
        let mut all = url.ignored.get();
        all.extend(permalink::refuted(&state, data.today, answer));
        all
    });
    // A new navigation with new problems shows the notice again.
    Effect::new(move |_| {
        ignored.track();
        dismissed.set(false);
    });
    move || {
        let ignored = ignored.get();
        (!ignored.is_empty() && !dismissed.get()).then(|| {
            let c = i18n::catalogue();
            let items = ignored
                .into_iter()
                .map(|i| view! { <li>{i.words(c)}</li> })
                .collect_view();
            view! {
                <div class="notice" role="status">
                    <p>{t("shell-ignored-intro")}</p>
                    <ul>{items}</ul>
                    <button type="button" aria-label=t("shell-dismiss")
                        on:click=move |_| dismissed.set(true)>"×"</button>
                </div>
            }
        })
    }
}

/// The page controls, drawn by the server (`/fragments/controls`, see
/// `server/src/panels/controls.rs` for what its markup means): the layers
/// control with the share area, or an embed's footer. Asked for once,
/// inserted, then bound here: one delegated listener per kind of event,
/// and effects that write the URL's state into it (checked names and
/// layers after Back and Forward, the embed's date and link).
///
/// Why: drawn here they cost about 44 KB of wasm (bench/README "Page
/// controls drawn by the server").
#[component]
pub fn Controls() -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let c = Bound {
        url,
        wrapper: NodeRef::new(),
        bound: RwSignal::new(false),
        open: StoredValue::new(false),
        citing: RwSignal::new(false),
        embedding: RwSignal::new(false),
        blocked: RwSignal::new(false),
        cited: StoredValue::new(None),
    };
    Effect::new(move |_| {
        if c.wrapper.get().is_some() {
            c.ask();
        }
    });
    // Leaflet's layers control: open by default on a wide screen with no
    // panel, folded on a narrow one and whenever a panel opens or closes.
    let panel = Memo::new(move |_| {
        url.state.with(|s| {
            s.island.is_some() || s.event.is_some() || s.deployment.is_some() || s.article.is_some()
        })
    });
    Effect::new(move |_| {
        if c.bound.get() {
            c.set_open(wide() && !panel.get(), true);
        }
    });
    Effect::new(move |_| {
        if c.bound.get() {
            c.show_state(url.names.get(), url.layers.get());
        }
    });
    Effect::new(move |_| {
        if c.bound.get() && url.embed.get() {
            let day = i18n::catalogue().day_words(data.date.get());
            c.set_text(
                ".embed-date",
                &tf("shell-embed-date", &[("date", day.into())]),
            );
            if let Some(a) = c.find("a.open-full") {
                let _ = a.set_attribute("href", &share::link("", &url.state.get()));
            }
        }
    });
    c.share_effects();
    view! {
        <div class="fragment" node_ref=c.wrapper
            on:click=move |e| c.clicked(e)
            on:change=move |e| c.changed(e)
            on:keydown=move |e| c.key_down(e)
            on:focusin=move |e| c.reached(e.target())
            on:pointerover=move |e| c.reached(e.target())></div>
    }
}

/// The inserted controls and what they show.
#[derive(Clone, Copy)]
struct Bound {
    url: UrlState,
    wrapper: NodeRef<leptos::html::Div>,
    /// The fragment is in.
    bound: RwSignal<bool>,
    /// The layers control is unfolded.
    open: StoredValue<bool>,
    citing: RwSignal<bool>,
    embedding: RwSignal<bool>,
    /// The browser refused to copy: the text is shown to copy by hand.
    blocked: RwSignal<bool>,
    /// The view's citations (`None`: on their way).
    cited: StoredValue<Option<Result<CitationSet, String>>>,
}

impl Bound {
    /// Asks for the controls of the URL's state (its view left out).
    fn ask(self) {
        let mut s = self.url.state.get_untracked();
        s.view = None;
        s.lang = None;
        let query = permalink::format(&s);
        let path = crate::api::localized(&if query.is_empty() {
            "/fragments/controls".to_owned()
        } else {
            format!("/fragments/controls?{query}")
        });
        leptos::task::spawn_local(async move {
            match crate::api::get_text(&path).await {
                Ok(html) => {
                    if let Some(w) = self.wrapper.get_untracked() {
                        w.set_inner_html(&html);
                        place_list();
                        self.bound.set(true);
                    }
                }
                Err(_) if crate::api::leaving() => {}
                Err(error) => leptos::logging::error!("{error}"),
            }
        });
    }

    fn find(self, selector: &str) -> Option<Element> {
        self.wrapper
            .get_untracked()?
            .query_selector(selector)
            .ok()
            .flatten()
    }

    fn all(self, selector: &str) -> Vec<Element> {
        self.wrapper
            .get_untracked()
            .map(|w| crate::panel_host::elements(&w, selector))
            .unwrap_or_default()
    }

    fn set_text(self, selector: &str, text: &str) {
        if let Some(el) = self.find(selector) {
            el.set_text_content(Some(text));
        }
    }

    /// Folds or unfolds the layers control; `measure`: the map's default
    /// view moves clear of it. (Opened by the reader on a narrow screen it
    /// floats over the map, as Leaflet's does: fitting the view beside it
    /// left a strip 126 px wide on a 390 px phone.)
    fn set_open(self, on: bool, measure: bool) {
        self.open.set_value(on);
        if let Some(nav) = self.find(".controls") {
            let _ = nav.set_attribute("class", if on { "controls open" } else { "controls" });
        }
        if let Some(toggle) = self.find(".controls-toggle") {
            let _ = toggle.set_attribute("aria-expanded", if on { "true" } else { "false" });
        }
        if let Some(body) = self.find("#controls-body") {
            let _ = body.toggle_attribute_with_force("hidden", !on);
        }
        if measure {
            crate::map::covers_changed();
        }
    }

    /// The names and layers of the URL, checked; the island list's names
    /// in that convention.
    fn show_state(self, names: NameStyle, layers: model::permalink::Layers) {
        let code = share::NAME_CHOICES.iter().find(|(_, s)| *s == names);
        if let (Ok(Some(list)), Some((code, _))) = (document().query_selector(".island-list"), code)
        {
            let _ = list.set_attribute("data-names", code);
        }
        for input in self.all("input[name=names],input[name=layers]") {
            let Some(input) = input.dyn_ref::<HtmlInputElement>() else {
                continue;
            };
            let value = input.value();
            input.set_checked(if input.name() == share::NAMES {
                share::NAME_CHOICES
                    .iter()
                    .any(|(v, s)| *v == value && *s == names)
            } else {
                Layer::parse(&value).is_some_and(|l| layers.contains(l))
            });
        }
    }

    fn clicked(self, e: MouseEvent) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let closest = |selector: &str| target.closest(selector).ok().flatten();
        if closest(".controls-toggle").is_some() {
            self.set_open(!self.open.get_value(), wide());
        } else if let Some(b) = closest("[data-show]") {
            let part = if b.get_attribute("data-show").as_deref() == Some("cite") {
                self.citing
            } else {
                self.embedding
            };
            part.update(|on| *on = !*on);
        } else if let Some(b) = closest("[data-copy]") {
            match b.get_attribute("data-copy").as_deref() {
                Some("link") => {
                    let link = share::link(&origin(), &self.url.state.get_untracked());
                    self.copy(link, "shell-link-copied");
                }
                Some("citation") => {
                    if let Some(text) = self.citation() {
                        self.copy(text, "shell-citation-copied");
                    }
                }
                _ => self.copy(self.embed_code(), "shell-embed-copied"),
            }
        }
    }

    fn changed(self, e: Event) {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let (name, value, checked) = (input.name(), input.value(), input.checked());
        if name == "cite-format" {
            self.show_citation();
            return;
        }
        self.url.push(move |s| {
            if let Some(next) = share::changed(s, &name, &value, checked) {
                *s = next;
            }
        });
    }

    /// Escape folds the open control and returns focus to its button.
    fn key_down(self, e: KeyboardEvent) {
        if e.key() == "Escape" && self.open.get_value() {
            e.stop_propagation();
            self.set_open(false, wide());
            if let Some(toggle) = self.find(".controls-toggle") {
                let _ = toggle.unchecked_into::<HtmlElement>().focus();
            }
        }
    }

    /// The pointer or the keyboard reached `target`: a text box's text is
    /// selected, ready to copy; the image links take the state and the
    /// map's size as they are now.
    fn reached(self, target: Option<web_sys::EventTarget>) {
        let Some(target) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
            area.select();
        }
        if target.closest(".download-image").ok().flatten().is_none() {
            return;
        }
        let state = self.url.state.get_untracked();
        let map = document().get_element_by_id("map");
        let (w, h) = map.map_or((0, 0), |m| (m.client_width(), m.client_height()));
        for a in self.all("a[data-export]") {
            let ext = a.get_attribute("data-export").unwrap_or_default();
            let href = share::export_href(&state, &ext, w.into(), h.into());
            let _ = a.set_attribute("href", &href);
        }
    }

    fn copy(self, text: String, what: &'static str) {
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            self.set_text(".copied", &t(if done { what } else { BLOCKED }));
            if !done {
                self.blocked.set(true);
            }
        });
    }

    fn embed_code(self) -> String {
        share::embed_code(
            &origin(),
            &self.url.state.get_untracked(),
            &t("shell-iframe-title"),
        )
    }
}

/// The message when the browser refused to copy.
const BLOCKED: &str = "shell-copy-blocked";

fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// "Cite this view" (the formats from `/api/citation`, asked for when
/// opened: no formatting in the wasm) and "Embed".
impl Bound {
    fn share_effects(self) {
        // Asked for when the box opens, and again for each new view while open.
        Effect::new(move |_| {
            if !self.citing.get() {
                return;
            }
            let query = permalink::format(&self.url.state.get());
            self.cited.set_value(None);
            self.show_citation();
            let url = self.url;
            leptos::task::spawn_local(async move {
                let answer = crate::api::citation(&query).await;
                // A later view's answer may already be in: keep the latest.
                if self.citing.get_untracked()
                    && permalink::format(&url.state.get_untracked()) == query
                {
                    self.cited.set_value(Some(answer));
                    self.show_citation();
                }
            });
        });
        Effect::new(move |_| {
            let embedding = self.embedding.get();
            if embedding {
                self.url.state.track();
                if let Some(area) = self.find("[data-part=embed] textarea") {
                    area.unchecked_into::<HtmlTextAreaElement>()
                        .set_value(&self.embed_code());
                }
            }
            let citing = self.citing.get() || self.blocked.get();
            for (selector, on) in [
                ("[data-show=cite]", Some(self.citing.get())),
                ("[data-show=embed]", Some(embedding)),
                ("[data-part=cite]", None),
                ("[data-part=embed]", None),
                (".share-code", None),
            ] {
                let Some(el) = self.find(selector) else {
                    continue;
                };
                let _ = match on {
                    Some(on) => {
                        el.set_attribute("aria-expanded", if on { "true" } else { "false" })
                    }
                    None => {
                        let shown = match selector {
                            "[data-part=cite]" => citing,
                            "[data-part=embed]" => embedding,
                            _ => citing || embedding,
                        };
                        el.toggle_attribute_with_force("hidden", !shown).map(|_| ())
                    }
                };
            }
        });
    }

    /// The chosen format's radio.
    fn format(self) -> Option<HtmlInputElement> {
        self.find("input[name=cite-format]:checked")?
            .dyn_into()
            .ok()
    }

    /// The citation in the chosen format, once it is in.
    fn citation(self) -> Option<String> {
        let value = self.format()?.value();
        let at = share::CITATION_FORMATS
            .iter()
            .position(|(v, _)| *v == value)?;
        self.cited.with_value(|cited| match cited {
            Some(Ok(c)) => [&c.apa, &c.chicago, &c.bibtex, &c.csl_json]
                .get(at)
                .map(|s| (*s).clone()),
            _ => None,
        })
    }

    /// The citation's box as things are: the text in the chosen format
    /// (or "loading", or why it failed), named after the format.
    fn show_citation(self) {
        let Some(format) = self.format() else {
            return;
        };
        let text = self.citation();
        let shown = text.clone().unwrap_or_else(|| {
            self.cited.with_value(|cited| match cited {
                Some(Err(e)) => tf("cite-failed", &[("detail", e.clone().into())]),
                _ => t("cite-loading"),
            })
        });
        if let Some(area) = self.find("[data-part=cite] textarea") {
            let busy = self.cited.with_value(Option::is_none);
            let _ = area.set_attribute("aria-busy", if busy { "true" } else { "false" });
            area.unchecked_into::<HtmlTextAreaElement>()
                .set_value(&shown);
        }
        let label = |name: &str| format.get_attribute(name).unwrap_or_default();
        self.set_text(".citation-label", &label("data-label"));
        if let Some(button) = self.find("[data-copy=citation]") {
            button.set_text_content(Some(&label("data-copy-label")));
            let _ = button.toggle_attribute_with_force("disabled", text.is_none());
        }
    }
}

/// From this width (CSS pixels) the controls start open.
const WIDE_PX: f64 = 1024.0;

/// Whether the window is at least [`WIDE_PX`] wide.
fn wide() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()) >= Some(WIDE_PX)
}

/// Where the server's island list goes (`/fragments/controls` brings it
/// with the layers control; [`Bound::place_list`] moves it here, after the
/// timeline, in the reading order it always had): its buttons open their
/// island's or group's panel.
#[component]
pub fn IslandList() -> impl IntoView {
    let url: UrlState = expect_context();
    let open = move |e: MouseEvent| {
        let id = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-open-island]").ok().flatten())
            .and_then(|b| b.get_attribute("data-open-island"));
        if let Some(id) = id {
            url.push(move |s| s.open_island(Some(id)));
        }
    };
    // Escape, as on the map: closes the open panel, else folds the list
    // (focus stays on the list, where the reader was choosing).
    let escape = move |e: KeyboardEvent| {
        if e.key() != "Escape" {
            return;
        }
        let open_panel = url
            .state
            .with_untracked(|s| s.island.is_some() || s.event.is_some() || s.deployment.is_some());
        if open_panel {
            url.push(|s| s.open_island(None));
        } else if let Some(list) = document().get_element_by_id("island-list") {
            let _ = list.remove_attribute("open");
            if let Ok(Some(summary)) = list.query_selector("summary") {
                let _ = summary.unchecked_into::<HtmlElement>().focus();
            }
        }
        e.prevent_default();
    };
    Effect::new(|_| place_list());
    view! { <div class="fragment" id="island-list-host" on:click=open on:keydown=escape></div> }
}

/// Moves the island list from the controls' answer to its host, once both
/// are on the page; the map then keeps its default view clear of it.
fn place_list() {
    let doc = document();
    let list = doc
        .query_selector("nav.controls ~ .island-list")
        .ok()
        .flatten();
    if let (Some(host), Some(list)) = (doc.get_element_by_id("island-list-host"), list) {
        let _ = host.append_child(&list);
        crate::map::covers_changed();
    }
}
