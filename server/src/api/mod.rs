//! The data API: islands, events, deployments and articles from
//! `geodata/events/`, validated at start-up, plus the OpenAPI description.
//!
//! The data is loaded and validated once by [`crate::data`]; a single problem
//! in any file stops the server with every error listed (file, line, field),
//! so nothing invalid is ever served. Handlers are thin: parse, call a
//! `model::events` query, serialize a `model::api` answer with an entity tag.

mod downloads;
mod handlers;
mod params;

pub use params::{MAX_LIMIT, parse_event_query};
pub(crate) use params::{RawQuery as QueryPairs, pairs};

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use model::events::Dataset;
use model::geodata::LandCollection;
use model::i18n::{Catalogue, Lang};
use model::islands::Islands;
use model::positions::Positions;
use utoipa::OpenApi;

use crate::data::Revision;
use crate::error::StartupError;
use crate::http_cache::Served;
use crate::i18n::{Catalogues, PerLang};
use model::api::IslandSummary;
use model::downloads::{DataPackage, PackageMeta};
use model::marks::EventMark;

/// Media types of the API's answers (`/api/geo` too).
pub const JSON: &str = "application/json";
pub const GEOJSON: &str = "application/geo+json";

/// The API's data, shared by its handlers.
#[derive(Clone)]
pub struct Api {
    inner: Arc<Inner>,
}

struct Inner {
    /// The data in each language, prepared once.
    langs: PerLang<Localized>,
    /// `/api/positions` per language.
    positions: PerLang<Served>,
    /// `/api/event-marks` per language.
    event_marks: PerLang<Served>,
    openapi: Served,
    /// The data revision answers are tagged with.
    revision: Revision,
    /// `/api/datapackage.json`, written once.
    datapackage: Served,
}

/// The API's data in one language (`Dataset::in_language`,
/// `Islands::in_language`).
pub struct Localized {
    pub data: Dataset,
    pub islands: Vec<IslandSummary>,
    /// The islands data: the eras an island's story is grouped by.
    pub islands_data: Islands,
    /// The words of the story's periods and statuses.
    pub catalogue: Catalogue,
}

impl Api {
    /// The API over the events data (validated by [`crate::data`]), with
    /// islands listed from the coarsest land level.
    pub fn new(
        revision: &Revision,
        data: Dataset,
        positions: Positions,
        package: &PackageMeta,
        land: &LandCollection,
        islands: &Islands,
        catalogues: &Catalogues,
    ) -> Result<Api, StartupError> {
        let summaries = IslandSummary::list(land, islands, &data);
        let openapi = serde_json::to_vec(&openapi_document(&data)).map_err(|source| {
            StartupError::Prepare {
                what: "cannot render the OpenAPI document".into(),
                source,
            }
        })?;
        let positions = PerLang::try_new(|lang| {
            let json = serde_json::to_vec(&positions.in_language(lang)).map_err(|source| {
                StartupError::Prepare {
                    what: "cannot serialise the positions".into(),
                    source,
                }
            })?;
            Ok::<_, StartupError>(Served::of_data(revision, json))
        })?;
        let datapackage =
            serde_json::to_vec_pretty(&DataPackage::new(package)).map_err(|source| {
                StartupError::Prepare {
                    what: "cannot serialise the data package".into(),
                    source,
                }
            })?;
        let event_marks = PerLang::try_new(|lang| {
            let marks: Vec<EventMark> = data
                .in_language(lang)
                .events
                .iter()
                .map(EventMark::from)
                .collect();
            let json = serde_json::to_vec(&marks).map_err(|source| StartupError::Prepare {
                what: "cannot serialise the event marks".into(),
                source,
            })?;
            Ok::<_, StartupError>(Served::of_data(revision, json))
        })?;
        let langs = PerLang::new(|lang| Localized {
            data: data.in_language(lang),
            islands: summaries.clone(),
            islands_data: islands.in_language(lang),
            catalogue: catalogues.get(lang).clone(),
        });
        Ok(Api {
            inner: Arc::new(Inner {
                langs,
                positions,
                event_marks,
                openapi: Served::of_data(revision, openapi),
                revision: revision.clone(),
                datapackage: Served::of_data(revision, datapackage),
            }),
        })
    }

    /// The API routes, relative to `/api`, with their state applied.
    pub fn router<S: Clone + Send + Sync + 'static>(&self) -> Router<S> {
        Router::new()
            .route("/islands", get(handlers::list_islands))
            .route("/islands/{id}", get(handlers::get_island))
            .route("/events", get(handlers::list_events))
            .route("/events.csv", get(downloads::events_csv))
            .route("/events.geojson", get(downloads::events_geojson))
            .route("/events/{id}", get(handlers::get_event))
            .route("/event-marks", get(handlers::event_marks))
            .route("/deployments", get(handlers::list_deployments))
            .route("/deployments.geojson", get(handlers::deployments_geojson))
            .route("/deployments.csv", get(downloads::deployments_csv))
            .route("/deployments/changes", get(handlers::deployment_changes))
            .route("/deployments/{id}", get(handlers::get_deployment))
            .route("/datapackage.json", get(downloads::datapackage))
            .route("/articles", get(handlers::list_articles))
            .route("/articles/{id}", get(handlers::get_article))
            .route("/positions", get(handlers::positions))
            .route("/openapi.json", get(handlers::openapi))
            .with_state(self.clone())
    }

    /// The data in `lang`.
    pub fn in_language(&self, lang: Lang) -> &Localized {
        self.inner.langs.get(lang)
    }

    /// The data in English.
    pub fn data(&self) -> &Dataset {
        &self.in_language(Lang::En).data
    }

    pub fn islands(&self) -> &[IslandSummary] {
        &self.in_language(Lang::En).islands
    }

    pub fn revision(&self) -> &Revision {
        &self.inner.revision
    }

    /// `/api/positions` in `lang`.
    pub fn positions_json(&self, lang: Lang) -> &Served {
        self.inner.positions.get(lang)
    }

    pub fn event_marks_json(&self, lang: Lang) -> &Served {
        self.inner.event_marks.get(lang)
    }

    pub fn openapi_json(&self) -> &Served {
        &self.inner.openapi
    }

    pub fn datapackage_json(&self) -> &Served {
        &self.inner.datapackage
    }
}

/// Routes that take a page's permalink, whose `island` is any text (an
/// unknown id is left out, as the page does), not one of the data's ids.
const PERMALINK_ROUTES: [&str; 1] = ["/api/citation"];

/// The OpenAPI document, with the island ids the data knows as the `island`
/// filter's values (they come from the data files, not from code).
fn openapi_document(data: &Dataset) -> serde_json::Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    let ids: Vec<serde_json::Value> = data.islands.iter().map(|id| id.as_str().into()).collect();
    if let Some(paths) = doc.get_mut("paths").and_then(|p| p.as_object_mut()) {
        let operations = paths
            .iter_mut()
            .filter(|(path, _)| !PERMALINK_ROUTES.contains(&path.as_str()))
            .filter_map(|(_, p)| p.as_object_mut());
        for parameters in operations.flat_map(|o| o.values_mut()) {
            let list = parameters
                .get_mut("parameters")
                .and_then(|p| p.as_array_mut());
            for parameter in list.into_iter().flatten() {
                if parameter.get("name").and_then(|n| n.as_str()) == Some("island") {
                    parameter["schema"]["enum"] = ids.clone().into();
                }
            }
        }
    }
    doc
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kuril Atlas API",
        description = "Both governments' positions, events, military deployments and annotated articles about the Kuril Islands / Northern Territories dispute. Every event cites its sources; medium confidence says why. Names in text: every text field (`title`, `summary`, `unit`, `note`, `location`, `confidence_note`) names islands, groups and places in both conventions, Japanese / Russian (\"Etorofu / Iturup\"), never with braces. Beside each, `<field>_template` (null when the text names none) is the same text as the data writes it, with `{id}` references (ids of `/api/islands` and `/api/geo/places`) for a client that shows one convention: replace each `{id}` with that id's name.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        handlers::list_islands,
        handlers::get_island,
        handlers::list_events,
        downloads::events_csv,
        downloads::events_geojson,
        handlers::get_event,
        handlers::event_marks,
        handlers::list_deployments,
        handlers::deployments_geojson,
        downloads::deployments_csv,
        handlers::deployment_changes,
        handlers::get_deployment,
        handlers::list_articles,
        handlers::get_article,
        handlers::positions,
        handlers::openapi,
        crate::cite::meta,
        crate::cite::citation,
        downloads::datapackage,
        crate::geo::overview,
    ),
    tags((name = "atlas", description = "Kuril Atlas data"))
)]
pub struct ApiDoc;
