//! Comparing the map's date with another (`compare=`): the timeline's
//! "Compare with…" control and the deployments added, withdrawn and
//! changed drawn on the map. The server works out the difference
//! (`/api/deployments/changes`, fetched by [`AtlasData::changes`]); this
//! only draws it. The list "Changes between … and …", the screen reader's
//! way in, is a panel the server draws (`server/src/panels/changes.rs`).

use crate::data::AtlasData;
use crate::focus::Focus;
use crate::i18n::{self, t, tf};
use crate::overlays::{Symbols, category_symbol};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::{ChangedDeployment, DeploymentChanges};
use model::permalink::Layer;
use model::timeline::typed_date;
use model::viewport::Transform;

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
