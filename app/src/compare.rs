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
use crate::timeline::{part, set_attr, set_hidden, set_text};
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

/// The timeline's "Compare with…" (drawn by the server with the bar,
/// `server/src/timeline.rs`): a button that opens a labelled date field
/// (typed as the "go to" field is, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`);
/// while comparing, the date compared with and a button to stop. The
/// timeline's listeners call it.
#[derive(Clone, Copy)]
pub struct CompareField {
    url: UrlState,
    data: AtlasData,
    focus: Focus,
    /// The field is open.
    pub open: RwSignal<bool>,
    /// Why the typed date was refused.
    error: RwSignal<Option<String>>,
}

impl CompareField {
    pub fn new() -> Self {
        CompareField {
            url: expect_context(),
            data: expect_context(),
            focus: expect_context(),
            open: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Opens or closes the field; opened, it takes focus.
    pub fn toggle(self) {
        self.open.update(|o| *o = !*o);
        if self.open.get_untracked() {
            request_animation_frame(|| {
                if let Some(input) = part(".compare-field input") {
                    let _ = input.focus();
                }
            });
        }
    }

    /// A typed date: compared with, or the field says why not.
    pub fn typed(self, text: &str) {
        match typed_date(text, self.data.today) {
            Ok(date) => {
                self.error.set(None);
                self.open.set(false);
                // The list shows (and takes focus) only where no other panel is open.
                let s = self.url.state.get_untracked();
                if s.island.is_none() && s.event.is_none() && s.deployment.is_none() {
                    self.focus.into_panel();
                }
                self.url.push(move |s| s.compare = Some(date));
            }
            Err(why) => self.error.set(Some(why.words(i18n::catalogue()))),
        }
    }

    /// The control's state on the page.
    pub fn show(self) {
        let text = match self.url.compare.get() {
            Some(d) => tf(
                "compare-comparing",
                &[("date", i18n::catalogue().day_words(d).into())],
            ),
            None => t("compare-with"),
        };
        set_text(part(".compare-open"), &text);
        set_hidden(part(".compare-stop"), self.url.compare.get().is_none());
        let open = self.open.get();
        set_attr(&part(".compare-open"), "aria-expanded", &open.to_string());
        set_hidden(part(".compare-field"), !open);
        let error = self.error.get();
        let field = part(".compare-field input");
        set_attr(&field, "aria-invalid", &error.is_some().to_string());
        set_text(part("#compare-error"), error.as_deref().unwrap_or(""));
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
