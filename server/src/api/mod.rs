//! The data API: islands, events, deployments and articles from
//! `geodata/events/`, validated at start-up, plus the OpenAPI description.
//!
//! The data is loaded and validated once by [`crate::data`]; a single problem
//! in any file stops the server with every error listed (file, line, field),
//! so nothing invalid is ever served. Handlers are thin: parse, call a
//! `model::events` query, serialize with an entity tag.

mod handlers;
mod params;
pub mod schema;

pub use params::{MAX_LIMIT, parse_event_query};

use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use model::events::Dataset;
use model::geodata::{LandCollection, LandRole};
use utoipa::OpenApi;

use crate::error::StartupError;
use crate::http_cache::Served;
use schema::IslandSummary;

/// Media types of the API's answers (`/api/geo` too).
pub const JSON: &str = "application/json";
pub const GEOJSON: &str = "application/geo+json";

/// The API's data, shared by its handlers.
#[derive(Clone)]
pub struct Api {
    inner: Arc<Inner>,
}

struct Inner {
    data: Dataset,
    islands: Vec<IslandSummary>,
    openapi: Served,
}

impl Api {
    /// The API over the events data (validated by [`crate::data`]), with
    /// islands listed from the coarsest land level.
    pub fn new(data: Dataset, land: &LandCollection) -> Result<Api, StartupError> {
        let islands = islands(land, &data);
        let openapi =
            serde_json::to_vec(&ApiDoc::openapi()).map_err(|source| StartupError::Prepare {
                what: "cannot render the OpenAPI document".into(),
                source,
            })?;
        Ok(Api {
            inner: Arc::new(Inner {
                data,
                islands,
                openapi: Served::new(openapi),
            }),
        })
    }

    /// The API routes, relative to `/api`, with their state applied.
    pub fn router<S: Clone + Send + Sync + 'static>(&self) -> Router<S> {
        Router::new()
            .route("/islands", get(handlers::list_islands))
            .route("/islands/{id}", get(handlers::get_island))
            .route("/events", get(handlers::list_events))
            .route("/events/{id}", get(handlers::get_event))
            .route("/deployments", get(handlers::list_deployments))
            .route("/deployments.geojson", get(handlers::deployments_geojson))
            .route("/deployments/{id}", get(handlers::get_deployment))
            .route("/articles", get(handlers::list_articles))
            .route("/articles/{id}", get(handlers::get_article))
            .route("/openapi.json", get(handlers::openapi))
            .with_state(self.clone())
    }

    pub fn data(&self) -> &Dataset {
        &self.inner.data
    }

    pub fn islands(&self) -> &[IslandSummary] {
        &self.inner.islands
    }

    fn openapi_json(&self) -> &Served {
        &self.inner.openapi
    }
}

/// Named islands from the land file (unnamed islet clusters left out), plus
/// the Habomai group, with how much data concerns each.
fn islands(land: &LandCollection, data: &Dataset) -> Vec<IslandSummary> {
    let mut out: Vec<IslandSummary> = land
        .features
        .iter()
        .filter(|f| f.properties.part_of.is_none())
        .map(|f| {
            let p = &f.properties;
            IslandSummary {
                id: p.id.clone(),
                disputed: p.role == LandRole::Disputed,
                name_en: p.name_en.clone(),
                name_ja: p.name_ja.clone(),
                name_ja_romaji: p.name_ja_romaji.clone(),
                name_ru: p.name_ru.clone(),
                name_ru_romaji: p.name_ru_romaji.clone(),
                group: p.group.clone(),
                administered_by: p.administered_by.clone(),
                claimed_by: p.claimed_by.clone(),
                official_area_km2: p.official_area_km2,
                events: 0,
                deployments: 0,
            }
        })
        .collect();
    if !out.iter().any(|i| i.id == "habomai") {
        out.push(IslandSummary {
            id: "habomai".into(),
            disputed: true,
            name_en: "Habomai Islands".into(),
            name_ja: "歯舞群島".into(),
            name_ja_romaji: "Habomai guntō".into(),
            name_ru: "Хабомаи".into(),
            name_ru_romaji: "Khabomai".into(),
            group: None,
            administered_by: "Russia".into(),
            claimed_by: Some("Japan".into()),
            official_area_km2: None,
            events: 0,
            deployments: 0,
        });
    }
    for island in &mut out {
        island.events = data
            .query_events(&model::events::EventQuery {
                island: Some(island.id.clone()),
                ..Default::default()
            })
            .total;
        island.deployments = data
            .deployments
            .iter()
            .filter(|d| model::events::concerns_island(std::slice::from_ref(&d.island), &island.id))
            .count();
    }
    out
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kuril Atlas API",
        description = "Events, military deployments and annotated articles about the Kuril Islands / Northern Territories dispute. Every event cites its sources; medium confidence says why.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        handlers::list_islands,
        handlers::get_island,
        handlers::list_events,
        handlers::get_event,
        handlers::list_deployments,
        handlers::deployments_geojson,
        handlers::get_deployment,
        handlers::list_articles,
        handlers::get_article,
        handlers::openapi,
    ),
    tags((name = "atlas", description = "Kuril Atlas data"))
)]
pub struct ApiDoc;
