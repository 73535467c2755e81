//! Response bodies of the data API (the model's types are reused inside).

use model::events::{
    ArticleSummary, Deployment, DeploymentCategory, DeploymentStatus, Event, EventRef, ExcerptView,
    HistoryEntry,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// An island, islet or island group, with both names.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IslandSummary {
    pub id: String,
    /// One of the islands Japan claims and Russia administers.
    pub disputed: bool,
    pub name_en: String,
    pub name_ja: String,
    pub name_ja_romaji: String,
    pub name_ru: String,
    pub name_ru_romaji: String,
    /// The group the island belongs to (a group listed by `/api/islands`).
    pub group: Option<String>,
    pub administered_by: String,
    pub claimed_by: Option<String>,
    pub official_area_km2: Option<f64>,
    /// Number of events concerning it.
    pub events: usize,
    /// Number of deployments recorded on it (all periods).
    pub deployments: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IslandList {
    pub items: Vec<IslandSummary>,
}

/// An island with its deployment history and events.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct IslandDetail {
    pub island: IslandSummary,
    /// The member islands of a group, else empty.
    pub members: Vec<String>,
    /// Every deployment change on the island, oldest first, with evidence.
    pub history: Vec<HistoryEntry>,
    pub events: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventPage {
    /// Matches before paging.
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<Event>,
}

/// A deployment in brief.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentRef {
    pub id: String,
    pub island: String,
    pub unit: String,
    pub category: DeploymentCategory,
    pub status: DeploymentStatus,
}

impl From<&Deployment> for DeploymentRef {
    fn from(d: &Deployment) -> Self {
        DeploymentRef {
            id: d.id.clone(),
            island: d.island.clone(),
            unit: d.unit.clone(),
            category: d.category,
            status: d.status,
        }
    }
}

/// An event with the deployments it establishes and the excerpts that report it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EventDetail {
    pub event: Event,
    pub deployments: Vec<DeploymentRef>,
    pub excerpts: Vec<ExcerptView>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentList {
    /// The date asked for (`at`), if any: then only deployments in place that day.
    pub at: Option<String>,
    pub items: Vec<Deployment>,
}

/// A deployment with the events behind its changes.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentDetail {
    pub deployment: Deployment,
    pub events: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ArticleList {
    pub items: Vec<ArticleSummary>,
}

/// GeoJSON `Point` geometry.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PointGeometry {
    #[serde(rename = "type")]
    #[schema(example = "Point")]
    pub kind: String,
    /// `[longitude, latitude]`.
    pub coordinates: [f64; 2],
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentPeriod {
    pub from: String,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentProperties {
    pub id: String,
    pub island: String,
    pub place: Option<String>,
    pub unit: String,
    pub system: Option<String>,
    pub category: DeploymentCategory,
    pub period: DeploymentPeriod,
    /// Status on the `at` date, or the latest status without one.
    pub status: DeploymentStatus,
    pub confidence: model::events::Confidence,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentFeature {
    #[serde(rename = "type")]
    #[schema(example = "Feature")]
    pub kind: String,
    pub id: String,
    pub geometry: PointGeometry,
    pub properties: DeploymentProperties,
}

/// `application/geo+json` FeatureCollection of deployments.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeploymentFeatureCollection {
    #[serde(rename = "type")]
    #[schema(example = "FeatureCollection")]
    pub kind: String,
    pub features: Vec<DeploymentFeature>,
}

/// Every error: `{ "error": kind, "detail": explanation }`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ErrorBody {
    #[schema(example = "bad_parameter")]
    pub error: String,
    #[schema(example = "from: 2017-02-30 is not a valid date")]
    pub detail: String,
}
