//! The data API's answers, written once: the server builds and serialises
//! them (serde), the OpenAPI document describes them (feature `openapi`) and
//! the app decodes the ones it reads (feature `mini`, see `model::wire`:
//! so those carry no serde attribute but `rename`).

use serde::{Deserialize, Serialize};

use crate::events::{
    ArticleView, Confidence, Deployment, DeploymentCategory, DeploymentStatus, Event, EventRef,
    ExcerptView, HistoryEntry, Period, Point,
};

use crate::story::outline::StoryOutline;

#[cfg(feature = "loader")]
use crate::events::{ChangeKind, Dataset, Date, EventQuery};
#[cfg(feature = "loader")]
use crate::geodata::{LandCollection, LandProperties, LandRole};
#[cfg(feature = "loader")]
use crate::islands::{Island, Islands};
#[cfg(feature = "loader")]
use crate::story::Story;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// An island, islet or island group, with both names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct IslandSummary {
    pub id: String,
    /// One of the islands Japan claims and Russia administers.
    pub disputed: bool,
    pub name_en: String,
    pub name_ja: String,
    pub name_ja_romaji: String,
    pub name_ru: String,
    pub name_ru_romaji: String,
    /// Group the island belongs to, e.g. `habomai`.
    pub group: Option<String>,
    pub administered_by: String,
    pub claimed_by: Option<String>,
    pub official_area_km2: Option<f64>,
    /// Number of events concerning it.
    pub events: usize,
    /// Number of deployments recorded on it (all periods).
    pub deployments: usize,
}

#[cfg(feature = "loader")]
impl IslandSummary {
    /// Named islands from the land file (unnamed islet clusters left out),
    /// then the groups of the islands data, with how much data concerns each.
    pub fn list(land: &LandCollection, islands: &Islands, data: &Dataset) -> Vec<IslandSummary> {
        let mut out: Vec<IslandSummary> = land
            .features
            .iter()
            .filter(|f| f.properties.part_of.is_none())
            .map(|f| IslandSummary::of_land(&f.properties, islands))
            .collect();
        for group in &islands.groups {
            let summary = IslandSummary::of_group(group, &out);
            out.push(summary);
        }
        for island in &mut out {
            island.events = data
                .query_events(&EventQuery {
                    island: Some(island.id.clone()),
                    ..Default::default()
                })
                .total;
            island.deployments = data
                .deployments
                .iter()
                .filter(|d| data.concerns(std::slice::from_ref(&d.island), &island.id))
                .count();
        }
        out
    }

    /// An island of the land file, before counting its data.
    fn of_land(p: &LandProperties, islands: &Islands) -> IslandSummary {
        IslandSummary {
            id: p.id.clone(),
            disputed: p.role == LandRole::Disputed,
            name_en: p.name_en.clone(),
            name_ja: p.name_ja.clone(),
            name_ja_romaji: p.name_ja_romaji.clone(),
            name_ru: p.name_ru.clone(),
            name_ru_romaji: p.name_ru_romaji.clone(),
            group: islands.group_of(&p.id).map(|g| g.id.clone()),
            administered_by: p.administered_by.clone(),
            claimed_by: p.claimed_by.clone(),
            official_area_km2: p.official_area_km2,
            events: 0,
            deployments: 0,
        }
    }

    /// A group, administered and claimed as its members (among `listed`) are.
    fn of_group(group: &Island, listed: &[IslandSummary]) -> IslandSummary {
        let member = listed.iter().find(|i| group.members().contains(&i.id));
        IslandSummary {
            id: group.id.clone(),
            disputed: true,
            name_en: group.name_en.clone(),
            name_ja: group.name_ja.clone(),
            name_ja_romaji: group.name_ja_romaji.clone(),
            name_ru: group.name_ru.clone(),
            name_ru_romaji: group.name_ru_romaji.clone(),
            group: None,
            administered_by: member
                .map(|m| m.administered_by.clone())
                .unwrap_or_default(),
            claimed_by: member.and_then(|m| m.claimed_by.clone()),
            official_area_km2: None,
            events: 0,
            deployments: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct IslandList {
    pub items: Vec<IslandSummary>,
}

/// An island with its deployment history and events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct IslandDetail {
    pub island: IslandSummary,
    /// Members of a group (`habomai`), else empty.
    pub members: Vec<String>,
    /// Every deployment change on the island, oldest first, with evidence.
    pub history: Vec<HistoryEntry>,
    pub events: Vec<EventRef>,
    /// Its events and deployment changes in one list, in time order,
    /// grouped by period (see `model::story`); a change points at its
    /// entry in `history` rather than repeating its evidence.
    pub story: StoryOutline,
}

#[cfg(feature = "loader")]
impl IslandDetail {
    /// The island `id` of `listed` (see [`IslandSummary::list`]) with its
    /// members, history, events and story, worded in English; `None` for an
    /// id not listed.
    pub fn of(
        id: &str,
        listed: &[IslandSummary],
        islands: &Islands,
        data: &Dataset,
    ) -> Option<IslandDetail> {
        IslandDetail::of_in(id, listed, islands, data, crate::story::english())
    }

    /// [`IslandDetail::of`] with the story worded from `catalogue` (pass
    /// `data.in_language(lang)` and that language's catalogue).
    pub fn of_in(
        id: &str,
        listed: &[IslandSummary],
        islands: &Islands,
        data: &Dataset,
        catalogue: &crate::i18n::Catalogue,
    ) -> Option<IslandDetail> {
        let island = listed.iter().find(|i| i.id == id)?.clone();
        let members = listed
            .iter()
            .filter(|i| i.group.as_deref() == Some(id))
            .map(|i| i.id.clone())
            .collect();
        let events = data
            .query_events(&EventQuery {
                island: Some(id.to_owned()),
                ..Default::default()
            })
            .items
            .into_iter()
            .map(EventRef::from)
            .collect();
        Some(IslandDetail {
            island,
            members,
            // The story's `history` indexes point into this same list.
            history: data.island_history(id),
            events,
            story: Story::build_in(id, islands, data, catalogue).into(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EventPage {
    /// Matches before paging.
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<Event>,
}

/// A deployment in brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct EventDetail {
    pub event: Event,
    pub deployments: Vec<DeploymentRef>,
    pub excerpts: Vec<ExcerptView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DeploymentList {
    /// The date asked for (`at`), if any: then only deployments in place that day.
    pub at: Option<String>,
    pub items: Vec<Deployment>,
}

/// A deployment with the events behind its changes, and each change with
/// its evidence (as in its island's history).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DeploymentDetail {
    pub deployment: Deployment,
    pub events: Vec<EventRef>,
    /// Every change of this deployment, oldest first, with the events,
    /// sources and excerpts that establish it.
    pub history: Vec<HistoryEntry>,
}

#[cfg(feature = "loader")]
impl DeploymentDetail {
    /// The deployment `id` with its events (each once, in the order its
    /// changes cite them) and its changes' evidence; `None` for an unknown id.
    pub fn of(id: &str, data: &Dataset) -> Option<DeploymentDetail> {
        let deployment = data.deployment(id)?.clone();
        let mut events: Vec<EventRef> = Vec::new();
        for e in deployment.changes.iter().flat_map(|c| c.events.iter()) {
            if let Some(event) = data.event(e)
                && !events.iter().any(|x| x.id == event.id)
            {
                events.push(EventRef::from(event));
            }
        }
        let history = data
            .island_history(&deployment.island)
            .into_iter()
            .filter(|h| h.deployment == deployment.id)
            .collect();
        Some(DeploymentDetail {
            deployment,
            events,
            history,
        })
    }
}

/// Every source with excerpts: the shipped article and the ones quoted by
/// excerpt only, each with its outlet, kind, link, date, language and
/// excerpts (with notes and events), without texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleList {
    pub items: Vec<ArticleView>,
}

/// GeoJSON `Point` geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct PointGeometry {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "Point"))]
    pub kind: String,
    /// `[longitude, latitude]`.
    // Spelled out, not `Point`: utoipa knows an array only by its syntax.
    pub coordinates: [f64; 2],
}

// What the map shows of a deployment on a day (a doc comment would change
// the OpenAPI document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct DeploymentProperties {
    pub id: String,
    pub island: String,
    pub place: Option<String>,
    /// In both names conventions ("Etorofu / Iturup").
    pub unit: String,
    /// `unit` with `{id}` references to islands, groups and places; null
    /// when it names none.
    // Not in the app's decoder (wasm budget): the app shows this text in both conventions.
    #[cfg(feature = "loader")]
    pub unit_template: Option<String>,
    pub system: Option<String>,
    pub category: DeploymentCategory,
    pub period: Period,
    /// Status on the `at` date, or the latest status without one.
    pub status: DeploymentStatus,
    pub confidence: Confidence,
    /// True when the site was not published: the point is its island's
    /// centroid, not where the unit is.
    pub approximate: bool,
    /// The sources of the events behind its changes, each page once.
    // Not in the app's decoder (wasm budget): the card fetches its evidence.
    #[cfg(feature = "loader")]
    pub sources: Vec<crate::events::Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct DeploymentFeature {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "Feature"))]
    pub kind: String,
    pub id: String,
    pub geometry: PointGeometry,
    pub properties: DeploymentProperties,
}

impl DeploymentFeature {
    /// `deployment` drawn at `coordinates` (`approximate`: its island's
    /// centroid, the site not being published) with the status it has on
    /// the day asked for.
    pub fn new(
        deployment: &Deployment,
        coordinates: Point,
        approximate: bool,
        status: DeploymentStatus,
    ) -> Self {
        let d = deployment;
        DeploymentFeature {
            kind: "Feature".into(),
            id: d.id.clone(),
            geometry: PointGeometry {
                kind: "Point".into(),
                coordinates,
            },
            properties: DeploymentProperties {
                id: d.id.clone(),
                island: d.island.clone(),
                place: d.place.clone(),
                unit: d.unit.clone(),
                #[cfg(feature = "loader")]
                unit_template: d.unit_template.clone(),
                system: d.system.clone(),
                category: d.category,
                period: d.period.clone(),
                status,
                confidence: d.confidence,
                approximate,
                #[cfg(feature = "loader")]
                sources: Vec::new(),
            },
        }
    }

    /// `deployment` at its place or, when the site is unknown, its
    /// island's centroid place (`approximate`); `None` when the data has
    /// neither position.
    #[cfg(feature = "loader")]
    pub fn sited(
        deployment: &Deployment,
        data: &Dataset,
        status: DeploymentStatus,
    ) -> Option<Self> {
        let d = deployment;
        let site = d
            .place
            .as_deref()
            .and_then(|p| Some((data.place_position(p)?, data.is_centroid(p))));
        let (position, approximate) = match site {
            Some(site) => site,
            None => (
                data.place_position(&format!("{}-centroid", d.island))?,
                true,
            ),
        };
        Some(DeploymentFeature::new(d, position, approximate, status))
    }

    /// `[longitude, latitude]` of the site.
    pub fn position(&self) -> Point {
        self.geometry.coordinates
    }
}

/// `application/geo+json` FeatureCollection of deployments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct DeploymentFeatureCollection {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "FeatureCollection"))]
    pub kind: String,
    pub features: Vec<DeploymentFeature>,
}

impl DeploymentFeatureCollection {
    pub fn new(features: Vec<DeploymentFeature>) -> Self {
        DeploymentFeatureCollection {
            kind: "FeatureCollection".into(),
            features,
        }
    }

    /// The deployments in place on `at` (every one without a date), each at
    /// its place or, when the site is unknown, its island's centroid place,
    /// with its status that day (the latest without a date).
    #[cfg(feature = "loader")]
    pub fn from_dataset(data: &Dataset, at: Option<Date>) -> Self {
        let deployments = match at {
            Some(date) => data.deployments_at(date),
            None => data.deployments.iter().collect(),
        };
        let features = deployments
            .into_iter()
            .filter_map(|d| {
                let status = at.and_then(|date| d.status_at(date)).unwrap_or(d.status);
                DeploymentFeature::sited(d, data, status).map(|mut feature| {
                    feature.properties.sources = data.deployment_sources(d);
                    feature
                })
            })
            .collect();
        DeploymentFeatureCollection::new(features)
    }

    /// Only the deployments on island (or group) `island`.
    #[cfg(feature = "loader")]
    pub fn on_island(mut self, data: &Dataset, island: &str) -> Self {
        self.features
            .retain(|f| data.concerns(std::slice::from_ref(&f.properties.island), island));
        self
    }
}

/// The deployments whose place on the map differs between two days
/// (`GET /api/deployments/changes`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct DeploymentChanges {
    /// The day compared from (`YYYY-MM-DD`).
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2015-01-01"))]
    pub from: String,
    /// The day compared with it; it may come before `from`, and the lists
    /// then read backwards (what was put in place between the two days is
    /// withdrawn).
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2017-01-01"))]
    pub to: String,
    /// In place on `to`, not on `from`.
    pub added: Vec<ChangedDeployment>,
    /// In place on `from`, not on `to`.
    pub withdrawn: Vec<ChangedDeployment>,
    /// In place on both days, with another status.
    pub changed: Vec<ChangedDeployment>,
}

/// A deployment whose place on the map differs between two days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct ChangedDeployment {
    pub id: String,
    /// Its status on `from`; null before its first recorded change.
    pub status_from: Option<DeploymentStatus>,
    /// Its status on `to`; null before its first recorded change.
    pub status_to: Option<DeploymentStatus>,
    /// Where the map draws it (as in `/api/deployments.geojson`), with
    /// its status on the day it is in place (`to`, or `from` when withdrawn).
    pub site: DeploymentFeature,
    /// Its changes that take effect after the earlier day and on or
    /// before the later one, oldest first, with the events, sources and
    /// excerpts that establish each.
    // Not in the app's decoder (wasm budget): the map rings the sites, the
    // list of changes with their evidence is drawn by the server.
    #[cfg(feature = "loader")]
    pub changes: Vec<HistoryEntry>,
}

#[cfg(feature = "loader")]
impl DeploymentChanges {
    /// The difference between the deployments in place on `from` and on
    /// `to` ([`Dataset::deployment_changes`]); `to` may come before `from`.
    pub fn between(data: &Dataset, from: Date, to: Date) -> DeploymentChanges {
        let mut out = DeploymentChanges {
            from: from.to_string(),
            to: to.to_string(),
            added: Vec::new(),
            withdrawn: Vec::new(),
            changed: Vec::new(),
        };
        for diff in data.deployment_changes(from, to) {
            let shown = match diff.kind {
                ChangeKind::Withdrawn => diff.status_from,
                _ => diff.status_to,
            };
            let d = diff.deployment;
            let Some(site) = DeploymentFeature::sited(d, data, shown.unwrap_or(d.status)) else {
                continue;
            };
            let entry = ChangedDeployment {
                id: d.id.clone(),
                status_from: diff.status_from,
                status_to: diff.status_to,
                site,
                changes: diff.changes,
            };
            match diff.kind {
                ChangeKind::Added => out.added.push(entry),
                ChangeKind::Withdrawn => out.withdrawn.push(entry),
                ChangeKind::Changed => out.changed.push(entry),
            }
        }
        out
    }
}

/// Every error: `{ "error": kind, "detail": explanation }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ErrorBody {
    #[cfg_attr(feature = "openapi", schema(example = "bad_parameter"))]
    pub error: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "from: 2017-02-30 is not a valid date")
    )]
    pub detail: String,
}

/// `/api/meta`: which data the server loaded and how much of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Meta {
    /// The data revision: the first 12 hex digits of a SHA-256 over every
    /// data file as the server read it; also the first part of every data
    /// answer's `ETag`, in the pages' footers and in citations.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "3f2a9c01b7e4", pattern = "^[0-9a-f]{12}$")
    )]
    pub revision: String,
    /// The day (UTC) the newest data file was last written.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub modified: crate::events::Date,
    /// The server's version (its crate version).
    pub version: String,
    pub counts: MetaCounts,
}

/// Records in the loaded data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MetaCounts {
    pub events: usize,
    pub deployments: usize,
    /// Articles with excerpts: shipped and quoted by excerpt only.
    pub articles: usize,
    pub excerpts: usize,
    /// Notes on excerpts, of which `fact_checks` are fact-checks.
    pub annotations: usize,
    pub fact_checks: usize,
    /// Disputed islands and islets (not groups).
    pub islands: usize,
    pub groups: usize,
    /// Places of the gazetteer the records may name.
    pub places: usize,
    /// Distinct source addresses cited by events and annotations.
    pub sources: usize,
}

#[cfg(feature = "loader")]
impl MetaCounts {
    pub fn of(data: &Dataset, islands: &Islands) -> MetaCounts {
        let urls: std::collections::BTreeSet<&str> = data
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .chain(data.annotations.iter().flat_map(|a| &a.sources))
            .map(|s| s.url.as_str())
            .collect();
        MetaCounts {
            events: data.events.len(),
            deployments: data.deployments.len(),
            articles: data.articles.len(),
            excerpts: data.excerpts.len(),
            annotations: data.annotations.len(),
            fact_checks: data
                .annotations
                .iter()
                .filter(|a| a.kind == crate::events::AnnotationKind::FactCheck)
                .count(),
            islands: islands.islands.len(),
            groups: islands.groups.len(),
            places: data.places.len(),
            sources: urls.len(),
        }
    }
}

/// `/api/citation`: one view cited in four formats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct CitationSet {
    /// APA 7 (reference list entry).
    pub apa: String,
    /// Chicago 17, notes and bibliography (bibliography entry).
    pub chicago: String,
    /// A BibTeX `@misc` entry (with biblatex's `url`, `urldate`, `version`).
    pub bibtex: String,
    /// A CSL-JSON array of one `dataset` item, as text.
    pub csl_json: String,
    /// The access date the citations give: the server's today (UTC).
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub accessed: String,
    /// The data revision cited (as `/api/meta`).
    pub revision: String,
    /// The view's canonical permalink, absolute.
    pub permalink: String,
    /// The view's title, as the page's title words it.
    pub title: String,
}
