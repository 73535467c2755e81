//! Read-only queries over a loaded [`Dataset`], shared by the API and the app.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use super::date::{Date, PartialDate};
#[cfg(feature = "loader")]
use super::load::Dataset;
use super::types::*;

/// Filters for [`Dataset::query_events`]. All given filters must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventQuery {
    /// Island id; `habomai` also matches its islets.
    pub island: Option<String>,
    pub kind: Option<EventKind>,
    /// Events that end on or after the first day of `from`.
    pub from: Option<PartialDate>,
    /// Events that start on or before the last day of `to`.
    pub to: Option<PartialDate>,
    /// Case-insensitive words that must all occur in the id, title,
    /// summary, location or places.
    pub q: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

impl EventQuery {
    /// A `to` before `from`: a period with no days, so nothing matches (an
    /// event spanning both dates included). Not an error: the request is
    /// well formed, its answer is empty.
    pub fn is_empty_period(&self) -> bool {
        matches!((self.from, self.to), (Some(f), Some(t)) if t.last_day() < f.first_day())
    }
}

/// One page of results and the number of matches before paging.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub total: usize,
    pub items: Vec<T>,
}

/// An event in brief, for link lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct EventRef {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub date: PartialDate,
    pub kind: EventKind,
    pub title: String,
    /// `title` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub title_template: Option<String>,
}

impl From<&Event> for EventRef {
    fn from(e: &Event) -> Self {
        EventRef {
            id: e.id.clone(),
            date: e.date,
            kind: e.kind,
            title: e.title.clone(),
            title_template: e.title_template.clone(),
        }
    }
}

/// One change in an island's deployment history, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct HistoryEntry {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub date: PartialDate,
    pub deployment: String,
    pub island: String,
    pub unit: String,
    /// `unit` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    // Not in the app's decoder (wasm budget): the app shows this text in both conventions.
    #[cfg(feature = "loader")]
    pub unit_template: Option<String>,
    pub category: DeploymentCategory,
    pub status: DeploymentStatus,
    pub note: Option<String>,
    /// `note` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub note_template: Option<String>,
    pub events: Vec<EventRef>,
    /// Sources of those events, each URL once.
    pub sources: Vec<Source>,
    /// Article excerpts that report those events.
    pub excerpts: Vec<Excerpt>,
}

/// An excerpt with its notes and the events it supports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ExcerptView {
    pub excerpt: Excerpt,
    pub annotations: Vec<Annotation>,
    pub events: Vec<EventRef>,
}

/// An article with everything linked to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ArticleView {
    pub article: Article,
    pub excerpts: Vec<ExcerptView>,
}

/// What the map needs of an event: when it happened and where. The full
/// record ([`Event`]) and its digest for the app
/// ([`crate::marks::EventMark`]) both answer, so the map, the export and
/// the app place events the same way.
pub trait Marked {
    fn date(&self) -> PartialDate;
    /// Extra map points, `[lon, lat]`.
    fn points(&self) -> &[Point];
    /// Place ids.
    fn places(&self) -> &[String];
    /// Island ids.
    fn islands(&self) -> &[String];
}

impl Marked for Event {
    fn date(&self) -> PartialDate {
        self.date
    }
    fn points(&self) -> &[Point] {
        &self.points
    }
    fn places(&self) -> &[String] {
        &self.places
    }
    fn islands(&self) -> &[String] {
        &self.islands
    }
}

/// Events of the twelve months up to `date`: the ones a map of that date
/// marks. An event counts from the day the sources guarantee it, its
/// period's last day ([`PartialDate::known_from`]): "1945" from 31 December.
pub fn recent_events<E: Marked>(events: &[E], date: Date) -> impl Iterator<Item = &E> {
    let year_before = Date {
        year: date.year.saturating_sub(1),
        ..date
    };
    events.iter().filter(move |e| {
        let known = e.date().known_from();
        known <= date && known > year_before
    })
}

#[cfg(feature = "loader")]
impl Event {
    fn last_day(&self) -> Date {
        self.end.unwrap_or(self.date).last_day()
    }

    fn matches_text(&self, words: &[String]) -> bool {
        let hay = format!(
            "{} {} {} {} {}",
            self.id,
            self.title,
            self.summary,
            self.location.as_deref().unwrap_or(""),
            self.places.join(" ")
        )
        .to_lowercase();
        words.iter().all(|w| hay.contains(w.as_str()))
    }
}

#[cfg(feature = "loader")]
impl Dataset {
    /// Whether data tagged with `tagged` concerns `island`: a group is
    /// concerned by what concerns any of its members.
    pub fn concerns(&self, tagged: &[String], island: &str) -> bool {
        let members = self.groups.get(island).map_or(&[][..], Vec::as_slice);
        tagged.iter().any(|t| t == island || members.contains(t))
    }

    /// Events matching `q`, in date order, paged.
    pub fn query_events(&self, q: &EventQuery) -> Page<&Event> {
        let words: Vec<String> =
            q.q.as_deref()
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
        let matching: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| {
                q.island
                    .as_deref()
                    .is_none_or(|i| self.concerns(&e.islands, i))
            })
            .filter(|e| q.kind.is_none_or(|k| e.kind == k))
            .filter(|_| !q.is_empty_period())
            .filter(|e| q.from.is_none_or(|f| e.last_day() >= f.first_day()))
            .filter(|e| q.to.is_none_or(|t| e.date.first_day() <= t.last_day()))
            .filter(|e| e.matches_text(&words))
            .collect();
        let total = matching.len();
        let items = matching
            .into_iter()
            .skip(q.offset)
            .take(q.limit.unwrap_or(usize::MAX))
            .collect();
        Page { total, items }
    }

    /// The sources of the events behind `deployment`'s changes, in the
    /// order its changes cite them, each page (url) once.
    pub fn deployment_sources(&self, deployment: &Deployment) -> Vec<Source> {
        let mut out: Vec<Source> = Vec::new();
        let events = deployment.changes.iter().flat_map(|c| &c.events);
        for source in events
            .filter_map(|e| self.event(e))
            .flat_map(|e| &e.sources)
        {
            if !out.iter().any(|s| s.url == source.url) {
                out.push(source.clone());
            }
        }
        out
    }

    /// Deployments physically in place on `date` (status active or reported
    /// after the latest change up to that day).
    pub fn deployments_at(&self, date: Date) -> Vec<&Deployment> {
        self.deployments
            .iter()
            .filter(|d| d.in_place_at(date))
            .collect()
    }

    /// Every change to the deployments on `island`, oldest first, with the
    /// events, sources and excerpts that establish it.
    pub fn island_history(&self, island: &str) -> Vec<HistoryEntry> {
        let mut out = Vec::new();
        for d in self
            .deployments
            .iter()
            .filter(|d| self.concerns(std::slice::from_ref(&d.island), island))
        {
            for c in &d.changes {
                out.push(self.history_entry(d, c));
            }
        }
        out.sort_by(|a, b| (a.date, &a.deployment).cmp(&(b.date, &b.deployment)));
        out
    }

    /// One change of a deployment with the events, sources (each URL once)
    /// and excerpts that establish it.
    pub fn history_entry(&self, d: &Deployment, c: &DeploymentChange) -> HistoryEntry {
        let events: Vec<&Event> = c.events.iter().filter_map(|e| self.event(e)).collect();
        let mut sources: Vec<Source> = Vec::new();
        let mut excerpts: Vec<Excerpt> = Vec::new();
        for e in &events {
            for s in &e.sources {
                if !sources.iter().any(|x| x.url == s.url) {
                    sources.push(s.clone());
                }
            }
            for x in e.excerpts.iter().filter_map(|x| self.excerpt(x)) {
                if !excerpts.iter().any(|y| y.id == x.id) {
                    excerpts.push(x.clone());
                }
            }
        }
        HistoryEntry {
            date: c.date,
            deployment: d.id.clone(),
            island: d.island.clone(),
            unit: d.unit.clone(),
            unit_template: d.unit_template.clone(),
            category: d.category,
            status: c.status,
            note: c.note.clone(),
            note_template: c.note_template.clone(),
            events: events.into_iter().map(EventRef::from).collect(),
            sources,
            excerpts,
        }
    }

    /// Every article (shipped or quoted) without its text, with its
    /// excerpts (the list answer: the one-article type, so the app decodes
    /// one type for both).
    pub fn article_summaries(&self) -> Vec<ArticleView> {
        self.articles
            .iter()
            .filter_map(|a| self.article_view(&a.id))
            .map(|v| ArticleView {
                article: Article {
                    text: None,
                    ..v.article
                },
                excerpts: v.excerpts,
            })
            .collect()
    }

    /// An excerpt with its annotations and the events it supports.
    pub fn excerpt_view(&self, id: &str) -> Option<ExcerptView> {
        let x = self.excerpt(id)?;
        Some(ExcerptView {
            excerpt: x.clone(),
            annotations: self
                .annotations
                .iter()
                .filter(|n| n.excerpt == x.id)
                .cloned()
                .collect(),
            events: x
                .events
                .iter()
                .filter_map(|e| self.event(e))
                .map(EventRef::from)
                .collect(),
        })
    }

    /// An article with its excerpts (in text order), their annotations and events.
    pub fn article_view(&self, id: &str) -> Option<ArticleView> {
        let article = self.article(id)?.clone();
        let excerpts = self
            .excerpts
            .iter()
            .filter(|x| x.article == id)
            .filter_map(|x| self.excerpt_view(&x.id))
            .collect();
        Some(ArticleView { article, excerpts })
    }
}
