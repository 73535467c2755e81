//! Page controls: names convention, layers, sharing, the notice for bad
//! links, and the embed's footer.

use crate::data::AtlasData;
use crate::i18n::{self, t, tf};
use crate::overlays::{category_name, category_symbol};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::CitationSet;
use model::events::DeploymentCategory;
use model::i18n::Lang;
use model::islands::{Island, Islands};
use model::names::{NameStyle, Naming};
use model::permalink::{self, Layer};
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

#[component]
pub fn Controls() -> impl IntoView {
    let url: UrlState = expect_context();
    let names = move || url.names.get();
    let name_option = move |style: NameStyle| {
        view! {
            <label>
                <input type="radio" name="names" prop:checked=move || names() == style
                    on:change=move |_| url.push(|s| s.names = Some(style))/>
                {style.choice(i18n::catalogue())}
            </label>
        }
    };
    let layer_option = move |layer: Layer, key: &'static str| {
        view! {
            <label>
                <input type="checkbox" prop:checked=move || url.layers.get().contains(layer)
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        url.push(|s| s.layers = s.layers.with(layer, on));
                    }/>
                {t(key)}
            </label>
        }
    };
    // Leaflet's layers control: open by default on a wide screen with no
    // panel, folded on a narrow one and whenever a panel opens or closes.
    let open = RwSignal::new(false);
    let panel = Memo::new(move |_| {
        url.state.with(|s| {
            s.island.is_some() || s.event.is_some() || s.deployment.is_some() || s.article.is_some()
        })
    });
    Effect::new(move |_| {
        open.set(wide() && !panel.get());
        crate::map::covers_changed();
    });
    let toggle = NodeRef::<leptos::html::Button>::new();
    // Opened by the reader on a narrow screen it floats over the map, as
    // Leaflet's does: fitting the view beside it left a strip 126 px wide
    // on a 390 px phone.
    let set_open = move |on: bool| {
        open.set(on);
        if wide() {
            crate::map::covers_changed();
        }
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            e.stop_propagation();
            set_open(false);
            if let Some(b) = toggle.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    view! {
        <nav class="controls" class:open=open aria-label=t("shell-options") on:keydown=on_key>
            <button type="button" class="controls-toggle" node_ref=toggle
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="controls-body" aria-label=t("shell-layers-toggle")
                title=t("shell-layers-toggle")
                on:click=move |_| set_open(!open.get_untracked())>
                <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true"><path d="M11 3 2 8l9 5 9-5zM2 12l9 5 9-5M2 16l9 5 9-5"/></svg>
            </button>
            <div id="controls-body" class="controls-body" hidden=move || !open.get()>
            <fieldset>
                <legend>{t("shell-names")}</legend>
                {name_option(NameStyle::Both)}
                {name_option(NameStyle::Japanese)}
                {name_option(NameStyle::Russian)}
            </fieldset>
            <fieldset>
                <legend>{t("shell-layers")}</legend>
                {layer_option(Layer::Islands, "shell-layer-islands")}
                {layer_option(Layer::Lines, "shell-layer-lines")}
                {layer_option(Layer::Places, "shell-layer-places")}
                {layer_option(Layer::Deployments, "shell-layer-deployments")}
                {layer_option(Layer::Events, "shell-layer-events")}
                {legend_box("legend-box controls-legend")}
            </fieldset>
            <Share/>
            </div>
        </nav>
    }
}

/// From this width (CSS pixels) the controls start open.
const WIDE_PX: f64 = 1024.0;

/// Whether the window is at least [`WIDE_PX`] wide.
fn wide() -> bool {
    window().inner_width().ok().and_then(|w| w.as_f64()) >= Some(WIDE_PX)
}

/// The deployment symbols' key: the categories, and the mark of a site
/// that was never published.
fn legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label=t("shell-symbols")>
            {DeploymentCategory::ALL.iter().map(|c| {
                let (letter, class, _) = category_symbol(*c);
                view! { <li><span class=format!("badge {class}") aria-hidden="true">{letter}</span>" "{category_name(*c)}</li> }
            }).collect_view()}
            <li class="wide"><span class="badge approximate" aria-hidden="true"></span>" "{t("shell-legend-approximate")}</li>
            <li class="wide"><svg class="legend-event" width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true"><rect x="-5" y="-5" width="10" height="10" transform="rotate(45)"/></svg>" "{t("shell-legend-event")}</li>
        </ul>
    }
}

/// The legend behind a "Legend" button, collapsed: in the controls (which
/// then fit under the island list), an embed's footer, and on a phone's
/// map (where the controls are hidden). `class` includes `legend-box`.
pub fn legend_box(class: &'static str) -> impl IntoView {
    view! {
        <details class=class>
            <summary>{t("shell-legend")}</summary>
            <div class="legend-body">{legend()}<p class="legend-note">{t("shell-legend-japanese")}</p></div>
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
            <span class="embed-date">{move || tf("shell-embed-date", &[("date", i18n::catalogue().day_words(data.date.get()).into())])}</span>
            {legend_box("legend-box embed-legend")}
            <a href=full target="_blank" rel="noopener">{t("shell-open-full")}</a>
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

/// The message when the browser refused to copy.
const BLOCKED: &str = "shell-copy-blocked";

/// The citation formats `/api/citation` gives, in its answer's order:
/// the radio's value and the catalogue key of its name.
const CITATION_FORMATS: [(&str, &str); 4] = [
    ("apa", "cite-format-apa"),
    ("chicago", "cite-format-chicago"),
    ("bibtex", "cite-format-bibtex"),
    ("csl-json", "cite-format-csl"),
];

/// "Copy link", "Cite this view" (the formats from `/api/citation`,
/// asked for when opened: no formatting in the wasm) and "Embed".
#[component]
fn Share() -> impl IntoView {
    let url: UrlState = expect_context();
    let copied = RwSignal::new(None::<&'static str>);
    let citing = RwSignal::new(false);
    let cited = RwSignal::new(None::<Result<CitationSet, String>>);
    let format = RwSignal::new(0usize);
    // Asked for when the box opens, and again for each new view while open.
    Effect::new(move |_| {
        if !citing.get() {
            return;
        }
        let query = permalink::format(&url.state.get());
        cited.set(None);
        leptos::task::spawn_local(async move {
            let answer = crate::api::citation(&query).await;
            // A later view's answer may already be in: keep the latest.
            if untrack(|| citing.get() && permalink::format(&url.state.get()) == query) {
                cited.set(Some(answer));
            }
        });
    });
    let citation = move || match cited.get() {
        Some(Ok(c)) => [c.apa, c.chicago, c.bibtex, c.csl_json]
            .into_iter()
            .nth(format.get())
            .unwrap_or_default(),
        Some(Err(e)) => tf("cite-failed", &[("detail", e.into())]),
        None => t("cite-loading"),
    };
    let format_name = move || t(CITATION_FORMATS[format.get()].1);
    let embedding = RwSignal::new(false);
    let origin = move || window().location().origin().unwrap_or_default();
    let link = move || format!("{}{}", origin(), permalink::href(&url.state.get()));
    let embed_code = move || {
        let mut s = url.state.get();
        s.embed = true;
        let src = permalink::href(&s).replace('&', "&amp;");
        format!(
            "<iframe src=\"{}{src}\" width=\"800\" height=\"450\" title=\"{}\" loading=\"lazy\"></iframe>",
            origin(),
            model::og::escape(&t("shell-iframe-title"))
        )
    };
    let copy = move |text: String, what: &'static str| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(if done { what } else { BLOCKED }));
        });
    };
    view! {
        <div class="share">
            <button type="button" on:click=move |_| copy(link(), "shell-link-copied")>{t("shell-copy-link")}</button>
            <button type="button" aria-expanded=move || citing.get().to_string()
                on:click=move |_| citing.update(|c| *c = !*c)>{t("shell-cite")}</button>
            <button type="button" aria-expanded=move || embedding.get().to_string()
                on:click=move |_| embedding.update(|c| *c = !*c)>{t("shell-embed")}</button>
            <crate::downloads::DownloadImage/>
            {crate::downloads::data_links()}
            <p class="copied" role="status">{move || copied.get().map(t).unwrap_or_default()}</p>
            <div class="share-code">
            <Show when=move || citing.get() || copied.get() == Some(BLOCKED)>
                <fieldset class="cite-formats">
                    <legend>{t("cite-format")}</legend>
                    {CITATION_FORMATS.iter().enumerate().map(|(i, (value, key))| view! {
                        <label><input type="radio" name="cite-format" value=*value
                            prop:checked=move || format.get() == i
                            on:change=move |_| format.set(i)/>{t(key)}</label>
                    }).collect_view()}
                </fieldset>
                <label class="citation">
                    {move || tf("cite-text", &[("format", format_name().into())])}
                    <textarea readonly rows="6" aria-busy=move || cited.with(Option::is_none).to_string()
                        on:focus=select_all prop:value=citation></textarea>
                </label>
                <button type="button" disabled=move || !matches!(cited.get(), Some(Ok(_)))
                    on:click=move |_| copy(citation(), "shell-citation-copied")>
                    {move || tf("cite-copy", &[("format", format_name().into())])}</button>
            </Show>
            <Show when=move || embedding.get()>
                <label class="citation">
                    {t("shell-embed-code")}
                    <textarea readonly rows="4" on:focus=select_all prop:value=embed_code></textarea>
                </label>
                <button type="button" on:click=move |_| copy(embed_code(), "shell-embed-copied")>{t("shell-copy-embed")}</button>
            </Show>
            </div>
        </div>
    }
}

/// A text list of the islands that mirrors the map, for screen readers and keyboards.
#[component]
pub fn IslandList(land: Arc<LandShapes>) -> impl IntoView {
    let url: UrlState = expect_context();
    // The map keeps its default view clear of it.
    Effect::new(|_| crate::map::covers_changed());
    let items = move || {
        let naming = url.naming.get();
        list_order(&land.islands)
            .into_iter()
            .map(|(entry, member)| {
                let id = entry.id.clone();
                let forms = entry.forms();
                let label = naming.label(&forms);
                // Both names in their own scripts, unless the label is just that.
                let [ja, ru] = entry.native();
                let scripts = match naming.lang {
                    Lang::En => format!("{ja} / {ru}"),
                    _ => {
                        let both = Naming::new(naming.lang, NameStyle::Both).label(&forms);
                        if both == label { String::new() } else { both }
                    }
                };
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
            <summary>{t("shell-island-list")}</summary>
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
