//! Data the page shares between components: loaded once or per date, and the
//! date the map shows.

use crate::api;
use crate::fetched::Fetched;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::api::{DeploymentChanges, DeploymentFeature};
use model::events::Date;
use model::marks::EventMark;
use model::marks::Overlays;
use model::names::{NameStyle, Naming};
use model::permalink::ArticleAnswer;
use model::scene::LandShapes;
use std::sync::Arc;

/// The article the masthead's button opens: the seed, the only one shipped.
pub const DEFAULT_ARTICLE: &str = "seed-2017-03-20";

#[derive(Clone, Copy)]
pub struct AtlasData {
    /// The date being previewed while the timeline is dragged.
    pub live_date: RwSignal<Option<Date>>,
    /// The date the map shows: the one being dragged, else the URL's, else today.
    pub date: Memo<Date>,
    pub today: Date,
    pub events: Fetched<Arc<Vec<EventMark>>>,
    /// Places and treaty lines.
    pub overlays: Fetched<Arc<Overlays>>,
    pub sites: Fetched<Vec<DeploymentFeature>>,
    /// While comparing (`compare=`): what changed from that date to the
    /// URL's date (not the one being dragged), as the server works it out.
    pub changes: Fetched<Option<Arc<DeploymentChanges>>>,
    /// What the reader's answer says of the link's article (its id, and
    /// whether the server has it and how many excerpts it has), for the
    /// bad-link notice; set by the reader's host (`panel_host.rs`).
    pub article_answer: RwSignal<Option<(String, ArticleAnswer)>>,
    /// The deployment whose site is highlighted (chosen in the island history).
    pub focus_site: RwSignal<Option<String>>,
    /// Pixels at the bottom of the map that the timeline bar covers: names
    /// are placed above them.
    pub covered_bottom: RwSignal<f64>,
    /// The islands and groups, for names in text (set once the land loads).
    pub land: StoredValue<Option<Arc<LandShapes>>>,
}

impl AtlasData {
    pub fn new(url: UrlState) -> Self {
        let today = today();
        let live_date = RwSignal::new(None);
        let date = Memo::new(move |_| {
            live_date
                .get()
                .or(url.date.get())
                .unwrap_or(today)
                .min(today)
        });
        AtlasData {
            live_date,
            date,
            today,
            events: Fetched::new(api::events),
            overlays: Fetched::new(api::overlays),
            sites: Fetched::new(move || {
                let at = date.get().to_string();
                async move { api::sites(&at).await }
            }),
            changes: Fetched::new(move || {
                let compared = url.compare.get().map(|from| {
                    let to = url.date.get().unwrap_or(today).min(today);
                    (from.min(today), to)
                });
                async move {
                    match compared {
                        Some((from, to)) => api::changes(from, to).await.map(Some),
                        None => Ok(None),
                    }
                }
            }),
            article_answer: RwSignal::new(None),
            focus_site: RwSignal::new(None),
            covered_bottom: RwSignal::new(0.0),
            land: StoredValue::new(None),
        }
    }

    /// A text field in the reader's names convention, in the page's script
    /// (Japanese on a Japanese page, Cyrillic on a Russian one): its
    /// template (the API's `*_template`) rendered by `Naming::render`, else
    /// the text as served. Tracks the places, so names appear once they load.
    pub fn named(self, style: NameStyle, text: &str, template: &Option<String>) -> String {
        let Some(template) = template else {
            return text.to_owned();
        };
        let naming = Naming::new(crate::i18n::lang(), style);
        let land = self.land.get_value();
        let overlays = self.overlays.get().and_then(Result::ok);
        render_named(naming, template, |id| {
            match land.as_ref()?.islands.find(id) {
                Some(i) => Some(i.forms()),
                None => overlays.as_ref()?.find_place(id).map(|p| p.forms()),
            }
        })
    }

    /// An island's or group's name in the reader's naming; its id while the
    /// land is not in (never shown: the land comes first).
    pub fn island_name(self, naming: Naming, id: &str) -> String {
        self.land
            .get_value()
            .and_then(|land| land.islands.find(id).map(|i| naming.label(&i.forms())))
            .unwrap_or_else(|| id.to_owned())
    }
}

/// `template` with each `{id}` in `naming`, from the forms `forms(id)` gives.
fn render_named(
    naming: Naming,
    template: &str,
    forms: impl Fn(&str) -> Option<model::names::Forms>,
) -> String {
    // `Naming::render` borrows the forms; these are made per id.
    let found: Vec<(String, model::names::Forms)> = references(template)
        .filter_map(|id| Some((id.to_owned(), forms(id)?)))
        .collect();
    naming.render(template, |id| {
        found.iter().find(|(i, _)| i == id).map(|(_, f)| f)
    })
}

/// The `{id}` references of a template.
fn references(template: &str) -> impl Iterator<Item = &str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(id, _)| id))
}

/// Today's date from the browser's clock (UTC).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        u16::try_from(now.get_utc_full_year()).unwrap_or(2026),
        u8::try_from(now.get_utc_month() + 1).unwrap_or(1),
        u8::try_from(now.get_utc_date()).unwrap_or(1),
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}
