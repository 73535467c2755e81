//! Comparing the map's date with another (`compare=`): the timeline's
//! "Compare with…" control, the deployments added, withdrawn and changed
//! drawn on the map, and the list "Changes between … and …" in the panel
//! area, the screen reader's way in. The server works out the difference
//! (`/api/deployments/changes`, fetched by [`AtlasData::changes`]); this
//! only renders it.

use crate::data::AtlasData;
use crate::deployment_card::change_view;
use crate::focus::Focus;
use crate::i18n::{self, t, tf};
use crate::overlays::{Symbols, category_symbol};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::{ChangedDeployment, DeploymentChanges};
use model::events::{DeploymentStatus, HistoryEntry};
use model::names::Naming;
use model::permalink::Layer;
use model::timeline::typed_date;
use model::viewport::Transform;
use std::sync::Arc;

/// The three lists, in the order the list shows them, with the class that
/// draws them.
const KINDS: [&str; 3] = ["added", "withdrawn", "changed"];

fn lists(c: &DeploymentChanges) -> [(&'static str, &Vec<ChangedDeployment>); 3] {
    [
        (KINDS[0], &c.added),
        (KINDS[1], &c.withdrawn),
        (KINDS[2], &c.changed),
    ]
}

/// The timeline's "Compare with…": a button that opens a labelled date
/// field (typed as the "go to" field is, `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`); while comparing, the date compared with and a button to
/// stop.
#[component]
pub fn CompareControl() -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let field = NodeRef::<leptos::html::Input>::new();
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        if open.get_untracked() {
            request_animation_frame(move || {
                if let Some(input) = field.get_untracked() {
                    let _ = input.focus();
                }
            });
        }
    };
    let typed = move |text: String| match typed_date(&text, data.today) {
        Ok(date) => {
            error.set(None);
            open.set(false);
            // The list shows (and takes focus) only where no other panel is open.
            let s = url.state.get_untracked();
            if s.island.is_none() && s.event.is_none() && s.deployment.is_none() {
                focus.into_panel();
            }
            url.push(move |s| s.compare = Some(date));
        }
        Err(why) => error.set(Some(why.words(i18n::catalogue()))),
    };
    let stop = move |_| url.push(|s| s.compare = None);
    let c = i18n::catalogue();
    view! {
        <div class="compare">
            <button type="button" class="compare-open" aria-expanded=move || open.get().to_string()
                aria-controls="compare-field" on:click=toggle>
                {move || match url.compare.get() {
                    Some(d) => tf("compare-comparing", &[("date", c.day_words(d).into())]),
                    None => t("compare-with"),
                }}
            </button>
            <Show when=move || url.compare.get().is_some()>
                <button type="button" class="compare-stop" on:click=stop>{t("compare-stop")}</button>
            </Show>
            <div class="compare-field" id="compare-field" hidden=move || !open.get()>
                <label>{t("compare-field")}" "
                    <input type="text" node_ref=field placeholder=t("shell-goto-placeholder")
                        aria-invalid=move || error.get().is_some().to_string()
                        aria-describedby="compare-error"
                        on:keydown=move |e| {
                            e.stop_propagation();
                            if e.key() == "Escape" { open.set(false) }
                        }
                        on:change=move |e| typed(event_target_value(&e))/>
                </label>
                <p id="compare-error" class="compare-error" aria-live="polite">{move || error.get()}</p>
            </div>
        </div>
    }
}

/// One mark's shape, on the map and in the key: added, a solid ring with a
/// plus; withdrawn, a hollow dashed symbol struck through (at its old
/// site); changed, a dashed ring with a dot. Colour is never the only
/// signal.
fn mark(kind: &'static str, letter: &'static str) -> impl IntoView {
    view! {
        <g class=format!("change-mark {kind}") aria-hidden="true">
            <circle class="ring" r="14"/>
            <text class="ghost-letter" y="4">{letter}</text>
            <line class="strike" x1="-9" y1="9" x2="9" y2="-9"/>
            <circle class="badge" cx="11" cy="-11" r="6"/>
            <path class="sign" d="M7.5 -11H14.5M11 -14.5V-7.5"/>
            <circle class="dot" cx="11" cy="-11" r="2"/>
        </g>
    }
}

/// The changes on the map: each added or changed deployment ringed where
/// its symbol is laid out, each withdrawn one at its old site, laid out
/// with the other symbols ([`Symbols`]).
#[component]
pub fn ChangesLayer(transform: Memo<Transform>, symbols: Symbols) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    move || {
        // The URL first: stopping takes the marks away at once, whatever
        // the answer in hand.
        if url.compare.get().is_none() || !url.layers.get().contains(Layer::Deployments) {
            return None;
        }
        let changes = data.changes.get()?.ok()??;
        let sites = data.sites.get().and_then(Result::ok).unwrap_or_default();
        let (order, gone, total) = symbols
            .wanted
            .with(|w| (w.sites.clone(), w.withdrawn.clone(), w.symbols.len()));
        let marks = lists(&changes)
            .into_iter()
            .flat_map(|(kind, list)| list.iter().enumerate().map(move |(i, d)| (kind, i, d)))
            .filter_map(|(kind, i, d)| {
                // Where the layout put its symbol: the day's site, or the
                // withdrawn one's at its old site (the last symbols).
                let k = match kind {
                    "withdrawn" => total - gone.len() + gone.iter().position(|x| *x == i)?,
                    _ => {
                        let site = sites.iter().position(|s| s.id == d.id)?;
                        order.iter().position(|x| *x == site)?
                    }
                };
                let (letter, class, _) = category_symbol(d.site.properties.category);
                Some(view! {
                    <g class=class data-change=d.id.clone() data-kind=kind
                        transform=symbols.place(transform, move || k)>{mark(kind, letter)}</g>
                })
            })
            .collect_view();
        Some(marks)
    }
}

/// The list "Changes between … and …" in the panel area while comparing
/// and no other panel is open: the key to the map's marks, then each list
/// with every deployment's changes between the dates, their events
/// (opening their cards) and sources. Closing it stops comparing.
#[component]
pub fn ChangesPanel() -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let focus: Focus = expect_context();
    let stop = move || {
        url.push(|s| s.compare = None);
        focus.restore();
    };
    move || {
        let body = match data.changes.get() {
            None => view! { <p role="status">{t("compare-loading")}</p> }.into_any(),
            Some(Err(e)) => view! {
                <div role="alert"><p>{tf("compare-failed", &[("error", e.into())])}</p>
                <button type="button" on:click=move |_| data.changes.refetch()>{t("panel-try-again")}</button></div>
            }
            .into_any(),
            Some(Ok(None)) => return None,
            Some(Ok(Some(changes))) => changes_view(changes).into_any(),
        };
        let panel = NodeRef::new();
        focus.panel_shown(panel, "changes".into());
        Some(view! {
            <aside class="panel changes" id="panel" node_ref=panel aria-labelledby="changes-title"
                on:keydown=move |e| if e.key() == "Escape" { stop() }>
                <button type="button" class="close" aria-label=t("compare-stop") on:click=move |_| stop()>"×"</button>
                {body}
            </aside>
        })
    }
}

fn changes_view(changes: Arc<DeploymentChanges>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let c = i18n::catalogue();
    let dates = |d: &str| d.parse().map(|d| c.day_words(d)).unwrap_or_default();
    let (from, to) = (dates(&changes.from), dates(&changes.to));
    let naming = url.naming.get_untracked();
    let key = KINDS
        .map(|kind| {
            let words = tf(
                &format!("compare-key-{kind}"),
                &[("from", from.clone().into()), ("to", to.clone().into())],
            );
            view! { <li><svg width="34" height="34" viewBox="-17 -17 34 34" aria-hidden="true">{mark(kind, "")}</svg>" "{words}</li> }
        })
        .collect_view();
    let empty =
        changes.added.is_empty() && changes.withdrawn.is_empty() && changes.changed.is_empty();
    let sections = lists(&changes)
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(kind, list)| {
            let heading = tf(&format!("compare-{kind}"), &[("count", list.len().into())]);
            let items = list
                .iter()
                .map(|d| entry(data, naming, kind, d))
                .collect_view();
            view! { <h3>{heading}</h3><ul class=format!("change-list {kind}")>{items}</ul> }
        })
        .collect_view();
    view! {
        <h2 id="changes-title" tabindex="-1">{tf("compare-title", &[("from", from.clone().into()), ("to", to.clone().into())])}</h2>
        <ul class="change-key" aria-label=t("compare-key")>{key}</ul>
        {empty.then(|| view! { <p>{t("compare-none")}</p> })}
        {sections}
    }
}

/// One deployment in a list: its name (opening its card), its status on
/// each date, and the changes between them with their evidence.
fn entry(
    data: AtlasData,
    naming: Naming,
    kind: &'static str,
    d: &ChangedDeployment,
) -> impl IntoView + use<> {
    let url: UrlState = expect_context();
    let focus: Focus = expect_context();
    let c = i18n::catalogue();
    let site = &d.site.properties;
    let name = format!("{} — {}", site.unit, data.island_name(naming, &site.island));
    let status = |s: Option<DeploymentStatus>| {
        s.filter(|s| s.in_place())
            .map_or_else(|| t("compare-status-none"), |s| s.label(c))
    };
    let statuses = tf(
        "compare-status",
        &[
            ("from", status(d.status_from).into()),
            ("to", status(d.status_to).into()),
        ],
    );
    let id = d.id.clone();
    let open = move |_| {
        let id = id.clone();
        focus.into_panel();
        url.push(move |s| s.open_deployment(id));
    };
    let history: Vec<&HistoryEntry> = d.changes.iter().collect();
    let changes = history
        .into_iter()
        .map(|h| change_view(data, naming, h))
        .collect_view();
    view! {
        <li class=format!("change {kind}") data-deployment=d.id.clone()>
            <button type="button" class="link change-name" on:click=open>{name}</button>
            <p class="when">{statuses}</p>
            <ol class="history">{changes}</ol>
        </li>
    }
}
