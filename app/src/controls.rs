//! Page controls: names convention, layers, sharing, the notice for bad
//! links, and the embed's footer.

use crate::data::AtlasData;
use crate::overlays::category_symbol;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::events::DeploymentCategory;
use model::islands::{Island, Islands};
use model::names::{self, NameStyle};
use model::permalink::{self, ArticleAnswer, Layer};
use model::scene::LandShapes;
use std::sync::Arc;

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
        let answer = state
            .article
            .as_ref()
            .and_then(|id| match data.article.get()? {
                Ok(None) => Some(ArticleAnswer::Missing),
                // The previous article's answer while the new one loads says nothing.
                Ok(Some(a)) => {
                    (&a.article.id == id).then(|| ArticleAnswer::Excerpts(a.excerpts.len()))
                }
                Err(_) => None,
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
            let items = ignored
                .into_iter()
                .map(|i| view! { <li>{i.to_string()}</li> })
                .collect_view();
            view! {
                <div class="notice" role="status">
                    <p>"Parts of this link were ignored; the rest is shown:"</p>
                    <ul>{items}</ul>
                    <button type="button" aria-label="Dismiss this notice"
                        on:click=move |_| dismissed.set(true)>"×"</button>
                </div>
            }
        })
    }
}

#[component]
pub fn Controls() -> impl IntoView {
    let url: UrlState = expect_context();
    let names = move || url.names.get();
    let name_option = move |style: NameStyle, label: &'static str| {
        view! {
            <label>
                <input type="radio" name="names" prop:checked=move || names() == style
                    on:change=move |_| url.push(|s| s.names = Some(style))/>
                {label}
            </label>
        }
    };
    let layer_option = move |layer: Layer, label: &'static str| {
        view! {
            <label>
                <input type="checkbox" prop:checked=move || url.layers.get().contains(layer)
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        url.push(|s| s.layers = s.layers.with(layer, on));
                    }/>
                {label}
            </label>
        }
    };
    view! {
        <nav class="controls" aria-label="Map options">
            <fieldset>
                <legend>"Names"</legend>
                {name_option(NameStyle::Both, "Both")}
                {name_option(NameStyle::Japanese, "Japanese")}
                {name_option(NameStyle::Russian, "Russian")}
            </fieldset>
            <fieldset>
                <legend>"Layers"</legend>
                {layer_option(Layer::Islands, "Island labels")}
                {layer_option(Layer::Lines, "Treaty and claim lines")}
                {layer_option(Layer::Places, "Places")}
                {layer_option(Layer::Deployments, "Deployments")}
                {layer_option(Layer::Events, "Events")}
                {legend_box("legend-box controls-legend")}
            </fieldset>
            <Share/>
        </nav>
    }
}

const JAPANESE_ADMINISTERED: &str =
    "Pale, dashed islands: administered by Japan on the map's date (before the 1945 landings).";

/// The deployment symbols' key: the categories, and the mark of a site
/// that was never published.
fn legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Map symbols">
            {DeploymentCategory::ALL.iter().map(|c| {
                let (letter, class, name) = category_symbol(*c);
                view! { <li><span class=format!("badge {class}") aria-hidden="true">{letter}</span>" "{name}</li> }
            }).collect_view()}
            <li class="wide"><span class="badge approximate" aria-hidden="true"></span>" Dashed: location not published, shown on its island"</li>
            <li class="wide"><svg class="legend-event" width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true"><rect x="-5" y="-5" width="10" height="10" transform="rotate(45)"/></svg>" Diamond: an event of the year up to the map's date"</li>
        </ul>
    }
}

/// The legend behind a "Legend" button, collapsed: in the controls (which
/// then fit under the island list), an embed's footer, and on a phone's
/// map (where the controls are hidden). `class` includes `legend-box`.
pub fn legend_box(class: &'static str) -> impl IntoView {
    view! {
        <details class=class>
            <summary>"Legend"</summary>
            <div class="legend-body">{legend()}<p class="legend-note">{JAPANESE_ADMINISTERED}</p></div>
        </details>
    }
}

/// An embedded map's slim footer: the map's date, the legend (collapsed)
/// and the same view in the full atlas.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let full = move || {
        let mut s = url.state.get();
        s.embed = false;
        permalink::href(&s)
    };
    view! {
        <footer class="embed-footer">
            <span class="embed-date">{move || format!("Map date: {}", data.date.get())}</span>
            {legend_box("legend-box embed-legend")}
            <a href=full target="_blank" rel="noopener">"Open in Kuril Atlas"</a>
        </footer>
    }
}

/// Selects a read-only text box's text when it gets focus, ready to copy.
fn select_all(e: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(t) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        t.select();
    }
}

/// "Copy link", "Cite this view" and "Embed".
#[component]
fn Share() -> impl IntoView {
    let url: UrlState = expect_context();
    let copied = RwSignal::new(None::<&'static str>);
    let citing = RwSignal::new(false);
    let embedding = RwSignal::new(false);
    let origin = move || window().location().origin().unwrap_or_default();
    let link = move || format!("{}{}", origin(), permalink::href(&url.state.get()));
    let embed_code = move || {
        let mut s = url.state.get();
        s.embed = true;
        let src = permalink::href(&s).replace('&', "&amp;");
        format!(
            "<iframe src=\"{}{src}\" width=\"800\" height=\"450\" title=\"Kuril Atlas: map of the Kuril Islands / Northern Territories dispute\" loading=\"lazy\"></iframe>",
            origin()
        )
    };
    let copy = move |text: String, what: &'static str| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(if done { what } else { "select-and-copy" }));
        });
    };
    let citation = move || {
        let today = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        let today = today.get(..10).unwrap_or_default().to_owned();
        format!(
            "Kuril Atlas, interactive map of the Kuril Islands / Northern Territories dispute (data version {}). Accessed {today}. {}",
            env!("CARGO_PKG_VERSION"),
            link()
        )
    };
    view! {
        <div class="share">
            <button type="button" on:click=move |_| copy(link(), "Link copied")>"Copy link"</button>
            <button type="button" aria-expanded=move || citing.get().to_string()
                on:click=move |_| citing.update(|c| *c = !*c)>"Cite this view"</button>
            <button type="button" aria-expanded=move || embedding.get().to_string()
                on:click=move |_| embedding.update(|c| *c = !*c)>"Embed"</button>
            <p class="copied" role="status">{move || match copied.get() {
                Some("select-and-copy") => "Copying is blocked here: select the text below and copy it.".to_owned(),
                Some(done) => done.to_owned(),
                None => String::new(),
            }}</p>
            <div class="share-code">
            <Show when=move || citing.get() || copied.get() == Some("select-and-copy")>
                <label class="citation">
                    "Citation"
                    <textarea readonly rows="4" on:focus=select_all>{citation}</textarea>
                </label>
                <button type="button" on:click=move |_| copy(citation(), "Citation copied")>"Copy citation"</button>
            </Show>
            <Show when=move || embedding.get()>
                <label class="citation">
                    "Embed code"
                    <textarea readonly rows="4" on:focus=select_all prop:value=embed_code></textarea>
                </label>
                <button type="button" on:click=move |_| copy(embed_code(), "Embed code copied")>"Copy embed code"</button>
            </Show>
            </div>
        </div>
    }
}

/// A text list of the islands that mirrors the map, for screen readers and keyboards.
#[component]
pub fn IslandList(land: Arc<LandShapes>) -> impl IntoView {
    let url: UrlState = expect_context();
    let items = move || {
        let style = url.names.get();
        list_order(&land.islands)
            .into_iter()
            .map(|(entry, member)| {
                let id = entry.id.clone();
                let label = names::label_of(entry.romaji(), style);
                let [ja, ru] = entry.native();
                let scripts = format!("{ja} / {ru}");
                view! {
                    <li class:member=member><button type="button" class="link"
                        on:click=move |_| { let id = id.clone(); url.push(move |s| s.open_island(Some(id))) }>
                        {label}</button>" "<span class="scripts">{scripts}</span></li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="island-list" id="island-list">
            <summary>"List of islands"</summary>
            <ul>{items}</ul>
        </details>
    }
}

/// The islands not in a group, then each group followed by its members
/// (`true`: a member, listed under its group).
fn list_order(islands: &Islands) -> Vec<(&Island, bool)> {
    let mut out = Vec::new();
    for island in &islands.islands {
        if islands.group_of(&island.id).is_none() {
            out.push((island, false));
        }
    }
    for group in &islands.groups {
        out.push((group, false));
        for member in group.members().iter().filter_map(|m| islands.island(m)) {
            out.push((member, true));
        }
    }
    out
}
