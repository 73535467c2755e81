//! The story as `/api/islands/{id}` sends it: [`Story`]'s periods and
//! entries, but a deployment change points at its entry in the answer's
//! `history` instead of repeating that entry's note, events, sources and
//! excerpts. Etorofu's answer went from 193,518 to 155,252 bytes (measured
//! 2026-12-04): a fifth of it was the story's second copy of its 31
//! changes' evidence. The panels, drawn by the server, read the full
//! [`Story`].

use serde::{Deserialize, Serialize};

use super::{Story, StoryEntry, StoryGroup, Strand};
use crate::events::{
    Date, DeploymentCategory, DeploymentStatus, EventKind, Excerpt, PartialDate, Source,
};
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// An island's story: periods in time order, covering every day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StoryOutline {
    pub groups: Vec<OutlinePeriod>,
}

/// Entries of one period, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OutlinePeriod {
    /// "1945–1991 · administered by the Soviet Union", in the answer's language.
    pub label: String,
    /// The period's first day; null for the first period (from the beginning).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub from: Option<Date>,
    /// The day after the period's last; null for the last period (to today).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub until: Option<Date>,
    /// Number of entries.
    pub count: usize,
    pub entries: Vec<OutlineEntry>,
}

/// One entry: an event with its evidence, or a deployment change pointing
/// at its entry in `history`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OutlineEntry {
    /// As precise as the data: `1855-02-07`, `2016-11`, `1945`, `by 2023-08`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub date: PartialDate,
    pub strand: Strand,
    /// The event's kind; null for a deployment change.
    pub kind: Option<EventKind>,
    /// The event's title, or the deployment's unit and its new status
    /// ("… — active"), in both names conventions.
    pub title: String,
    /// `title` with `{id}` references; null when it names nothing.
    pub title_template: Option<String>,
    /// The event's id (`event=` opens it); null for a deployment change.
    pub event: Option<String>,
    /// The deployment's id; null for an event.
    pub deployment: Option<String>,
    /// The deployment's category; null for an event.
    pub category: Option<DeploymentCategory>,
    /// The deployment's status after the change; null for an event.
    pub status: Option<DeploymentStatus>,
    /// A deployment change's index in the answer's `history`, whose entry
    /// has the change's note, events, sources and excerpts; null for an event.
    pub history: Option<usize>,
    /// The event's sources; empty for a deployment change (see `history`).
    pub sources: Vec<Source>,
    /// Article excerpts that report the event; empty for a deployment
    /// change (see `history`).
    pub excerpts: Vec<Excerpt>,
}

impl From<Story> for StoryOutline {
    fn from(story: Story) -> StoryOutline {
        StoryOutline {
            groups: story.groups.into_iter().map(OutlinePeriod::from).collect(),
        }
    }
}

impl From<StoryGroup> for OutlinePeriod {
    fn from(g: StoryGroup) -> OutlinePeriod {
        OutlinePeriod {
            label: g.label,
            from: g.from,
            until: g.until,
            count: g.count,
            entries: g.entries.into_iter().map(OutlineEntry::from).collect(),
        }
    }
}

impl From<StoryEntry> for OutlineEntry {
    fn from(e: StoryEntry) -> OutlineEntry {
        // A change's evidence is its history entry's; an event's is its own.
        let (sources, excerpts) = match e.history {
            Some(_) => (Vec::new(), Vec::new()),
            None => (e.sources, e.excerpts),
        };
        OutlineEntry {
            date: e.date,
            strand: e.strand,
            kind: e.kind,
            title: e.title,
            title_template: e.title_template,
            event: e.event,
            deployment: e.deployment,
            category: e.category,
            status: e.status,
            history: e.history,
            sources,
            excerpts,
        }
    }
}
