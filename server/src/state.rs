//! State shared by all handlers: the data loaded and validated once at
//! start-up ([`crate::data`]), as prepared bodies with entity tags and as
//! the states of the API and the page handlers.

use crate::about::About;
use crate::api::Api;
use crate::config::Config;
use crate::data::{Data, LAND_LEVELS, Parsed, Revision};
use crate::error::StartupError;
use crate::event_page::EventPages;
use crate::http_cache::Served;
use crate::i18n::{Catalogues, PerLang};
use crate::linked::Linked;
use crate::page::Pages;
use crate::panels::PanelData;
use axum::extract::FromRef;
use model::api::{Meta, MetaCounts};
use model::events::evidence::EvidenceCounts;
use model::geodata::LandCollection;
use model::i18n::Lang;
use model::marks::Overlays;
use model::measure::Resolved;
use model::overview::Overview;
use model::scene::LandShapes;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// The level link previews are drawn from: detailed enough at 1200 px, quick to draw.
const PREVIEW_LEVEL: usize = 1;
/// The level drawn into `index.html` for the first paint, and the islands list's source.
const OVERVIEW_LEVEL: usize = 0;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    /// Land GeoJSON per level of detail, as served (validated, bytes ready).
    land: Vec<Served>,
    /// The same levels projected to SVG path data, as the app draws them.
    shapes: Vec<Served>,
    /// Treaty and claim lines, and places (settlements, bases), as served.
    lines: Served,
    places: Served,
    /// Places and lines digested for the app (`model::marks`).
    overlays: Served,
    /// The overview map's coastlines ready to draw (`model::overview`).
    overview: Served,
    /// The same, as an SVG picture (`/api/geo/overview.svg`).
    overview_svg: Served,
    /// `/api/meta`: the data revision and counts.
    meta: Served,
    /// The same places and lines, for exported figures.
    marks: Overlays,
    /// The page and its link previews.
    pages: Pages,
    /// Events, deployments and articles (`geodata/events/`), validated.
    api: Api,
    /// `/about` and `/methodology`, drawn from the positions once.
    about: About,
    /// The interface's words in every language.
    catalogues: Catalogues,
    /// `/events/{id}` in every language, drawn once.
    event_pages: EventPages,
    /// Bytes the router's cache of whole answers may hold.
    response_budget: u64,
    /// The coarsest land level as the app reads it, for the panels'
    /// outline facts and positions line (`panels`).
    panel_land: LandShapes,
    /// The data revision, for the panels' ETags.
    revision: Revision,
    /// The measure tool's well-known distances, their ends found.
    distances: Vec<Resolved>,
    /// The panel's one line of both positions, per language.
    positions_lines: PerLang<String>,
}

impl AppState {
    /// Loads and validates every data file; any problem stops start-up with a
    /// message naming the file.
    pub fn load(config: &Config) -> Result<Self, StartupError> {
        let data = Data::load(&config.data)?;
        Self::new(config, data)
    }

    fn new(config: &Config, data: Data) -> Result<Self, StartupError> {
        let Data {
            islands,
            land: levels,
            lines,
            places,
            overview,
            events,
            positions,
            distances,
            revision,
            modified,
            package,
        } = data;
        let line = positions.panel_line();
        let catalogues = Catalogues::load(&config.i18n)?;
        let positions_lines = PerLang::new(|l| positions.panel_line_in(catalogues.get(l)));
        let mut land = Vec::with_capacity(LAND_LEVELS);
        let mut shapes = Vec::with_capacity(LAND_LEVELS);
        let mut collections = Vec::with_capacity(LAND_LEVELS);
        let mut panel_land = None;
        for (level, Parsed { text, value }) in levels.into_iter().enumerate() {
            let what = || {
                let path = config.data.join(format!("land-{level}.geojson"));
                path.display().to_string()
            };
            let drawn = LandShapes::from_land(&value, &islands.value).with_positions(line.clone());
            shapes.push(prepare(&revision, &drawn, what)?);
            if level == OVERVIEW_LEVEL {
                panel_land = Some(drawn);
            }
            land.push(Served::of_data(&revision, text));
            collections.push(value);
        }
        let marks = Overlays::from_collections(&places.value, &lines.value);
        let finest = level(&collections, LAND_LEVELS - 1)?;
        let distances = distances.resolve(&places.value, finest);
        let overlays = prepare(&revision, &marks, || data_pair(&config.data))?;
        let drawn = Overview::from_collection(&overview.value);
        let overview_svg = Served::of_data(&revision, drawn.svg().into_bytes());
        let overview = prepare(&revision, &drawn, || {
            config.data.join("overview.geojson").display().to_string()
        })?;
        let evidence = EvidenceCounts::of(&events.events);
        let meta = prepare(
            &revision,
            &Meta {
                revision: revision.to_string(),
                modified,
                version: env!("CARGO_PKG_VERSION").to_owned(),
                counts: MetaCounts::of(&events, &islands.value),
            },
            || "the data's counts".to_owned(),
        )?;
        let linked = Arc::new(Linked::new(
            revision.clone(),
            modified,
            &events,
            &catalogues,
        ));
        let about = About::new(
            &crate::about::Sources {
                positions: &positions,
                names: &events.names,
                evidence: &evidence,
                catalogues: &catalogues,
            },
            linked.clone(),
        );
        let pages = Pages::new(
            config,
            level(&collections, PREVIEW_LEVEL)?.clone(),
            level(&collections, OVERVIEW_LEVEL)?.clone(),
            islands.value.clone(),
            &events,
            &catalogues,
            linked,
        );
        let api = Api::new(
            &revision,
            events,
            positions,
            &package,
            level(&collections, OVERVIEW_LEVEL)?,
            &islands.value,
            &catalogues,
        )?;
        let event_pages = EventPages::new(|l| &api.in_language(l).data, |l| catalogues.get(l));
        Ok(AppState {
            inner: Arc::new(Inner {
                land,
                shapes,
                lines: Served::of_data(&revision, lines.text),
                places: Served::of_data(&revision, places.text),
                overlays,
                overview,
                overview_svg,
                meta,
                marks,
                pages,
                api,
                about,
                catalogues,
                event_pages,
                response_budget: config.caches.response_bytes(),
                distances,
                positions_lines,
                panel_land: panel_land.ok_or(StartupError::NoLevel {
                    level: OVERVIEW_LEVEL,
                })?,
                revision,
            }),
        })
    }

    pub fn catalogues(&self) -> &Catalogues {
        &self.inner.catalogues
    }

    pub fn dist(&self) -> &Path {
        self.inner.pages.dist()
    }

    pub fn land(&self, level: usize) -> Option<&Served> {
        self.inner.land.get(level)
    }

    pub fn shapes(&self, level: usize) -> Option<&Served> {
        self.inner.shapes.get(level)
    }

    pub fn lines(&self) -> &Served {
        &self.inner.lines
    }

    pub fn places(&self) -> &Served {
        &self.inner.places
    }

    pub fn overlays(&self) -> &Served {
        &self.inner.overlays
    }

    pub fn overview(&self) -> &Served {
        &self.inner.overview
    }

    pub fn overview_svg(&self) -> &Served {
        &self.inner.overview_svg
    }

    pub fn meta(&self) -> &Served {
        &self.inner.meta
    }

    /// The places and lines (`/api/geo/overlays` before serialising).
    pub fn marks(&self) -> &Overlays {
        &self.inner.marks
    }

    pub fn pages(&self) -> &Pages {
        &self.inner.pages
    }

    pub fn api(&self) -> &Api {
        &self.inner.api
    }

    pub fn event_pages(&self) -> &EventPages {
        &self.inner.event_pages
    }

    /// Bytes the router's cache of whole answers may hold.
    pub fn response_budget(&self) -> u64 {
        self.inner.response_budget
    }

    /// What the panels are drawn from, in `lang`.
    pub fn panel_data(&self, lang: Lang) -> PanelData<'_> {
        let localized = self.inner.api.in_language(lang);
        PanelData {
            data: &localized.data,
            islands: &localized.islands_data,
            land: &self.inner.panel_land,
            marks: &self.inner.marks,
            distances: &self.inner.distances,
            positions_line: self.inner.positions_lines.get(lang),
            c: self.inner.catalogues.get(lang),
        }
    }

    pub fn revision(&self) -> &Revision {
        &self.inner.revision
    }
}

/// The page handlers take only what they need.
impl FromRef<AppState> for Pages {
    fn from_ref(state: &AppState) -> Pages {
        state.inner.pages.clone()
    }
}

impl FromRef<AppState> for About {
    fn from_ref(state: &AppState) -> About {
        state.inner.about.clone()
    }
}

/// A body serialised once, named by what it was made from when that fails.
fn prepare<T: Serialize>(
    revision: &Revision,
    value: &T,
    made_from: impl FnOnce() -> String,
) -> Result<Served, StartupError> {
    serde_json::to_vec(value)
        .map(|body| Served::of_data(revision, body))
        .map_err(|source| StartupError::Prepare {
            what: made_from(),
            source,
        })
}

fn data_pair(dir: &Path) -> String {
    format!(
        "{} and {}",
        dir.join("places.geojson").display(),
        dir.join("lines.geojson").display()
    )
}

fn level(collections: &[LandCollection], level: usize) -> Result<&LandCollection, StartupError> {
    collections
        .get(level)
        .ok_or(StartupError::NoLevel { level })
}
