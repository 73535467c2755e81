//! An island's story: its events (treaties, visits, incidents, statements,
//! military events) and its deployment changes in one list, in time order,
//! grouped by period. The server builds it ([`Story::build`], feature
//! `loader`) and serves it in `/api/islands/{id}`; the app only renders it,
//! asking this module which group holds a date, where the map's date falls
//! and which entry a record opens.
//!
//! # Periods
//!
//! The periods come from the islands data and the density of the story, not
//! from any island's facts written in code:
//!
//! - the eras of administration, from `geodata/islands.toml`: before the day
//!   the island passed to Soviet control, the Soviet administration until the
//!   end of the Soviet Union, then Russia's;
//! - inside an era, a new period starts at each decade with at least
//!   [`DENSE_DECADE`] entries (a screenful of its own), and at each half of
//!   a decade with twice as many; quieter decades join the period before
//!   them. So the sparse centuries before 1945 stay one group, the dense
//!   2010s and 2020s of the largest islands get one per half (the period
//!   holding today, open when the panel opens, stays short), and a small
//!   island's recent decades stay together.
//!
//! An era without entries is still a (empty) group, so the periods cover
//! every day: the map's date always falls in exactly one.

use serde::{Deserialize, Serialize};

use crate::i18n::Catalogue;
use crate::islands::Administration;

#[cfg(feature = "loader")]
use crate::events::{Dataset, Event, EventQuery, HistoryEntry};
use crate::events::{Date, DeploymentCategory, EventKind, EventRef, Excerpt, PartialDate, Source};
#[cfg(feature = "loader")]
use crate::islands::Islands;
#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A decade with at least this many entries starts a period of its own.
pub const DENSE_DECADE: usize = 10;

/// What kind of entry, as the story's filter groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub enum Strand {
    /// Treaties, diplomacy and statements.
    #[serde(rename = "diplomacy")]
    Diplomacy,
    #[serde(rename = "visit")]
    Visit,
    #[serde(rename = "incident")]
    Incident,
    /// Military events: deployments, withdrawals, drills, construction, occupation.
    #[serde(rename = "military")]
    Military,
    /// A change in a deployment's status (not an event of its own).
    #[serde(rename = "deployment-change")]
    DeploymentChange,
}

impl Strand {
    pub const ALL: [Strand; 5] = [
        Strand::Diplomacy,
        Strand::Visit,
        Strand::Incident,
        Strand::Military,
        Strand::DeploymentChange,
    ];

    /// Its place in [`Strand::ALL`], and its bit in a set of [`Strands`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn bit(self) -> Strands {
        1 << self.index()
    }

    /// The filter's label in the catalogue's language (`strand-…`).
    pub fn label(self, catalogue: &Catalogue) -> String {
        let key = match self {
            Strand::Diplomacy => "strand-diplomacy",
            Strand::Visit => "strand-visit",
            Strand::Incident => "strand-incident",
            Strand::Military => "strand-military",
            Strand::DeploymentChange => "strand-deployment-change",
        };
        catalogue.text(key)
    }

    /// The strand an event of `kind` belongs to.
    pub fn of(kind: EventKind) -> Strand {
        match kind {
            EventKind::Treaty | EventKind::Diplomacy | EventKind::Statement => Strand::Diplomacy,
            EventKind::Visit => Strand::Visit,
            EventKind::Incident => Strand::Incident,
            EventKind::Deployment
            | EventKind::Withdrawal
            | EventKind::Exercise
            | EventKind::Construction
            | EventKind::Occupation => Strand::Military,
        }
    }
}

/// One entry: an event, or a change in a deployment's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StoryEntry {
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
    /// A deployment change's place in the island's history
    /// (`Dataset::island_history`, as `/api/islands/{id}` lists it); null
    /// for an event.
    pub history: Option<usize>,
    /// The deployment's category; null for an event.
    pub category: Option<DeploymentCategory>,
    /// The deployment's status after the change; null for an event.
    pub status: Option<crate::events::DeploymentStatus>,
    /// The change's note (deployment changes only).
    pub note: Option<String>,
    pub note_template: Option<String>,
    /// The events that establish a deployment change; empty for an event.
    pub events: Vec<EventRef>,
    /// The event's sources, or those of the events behind the change, each URL once.
    pub sources: Vec<Source>,
    /// Article excerpts that report it.
    pub excerpts: Vec<Excerpt>,
}

/// Entries of one period, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StoryGroup {
    /// "1945–1991 · administered by the Soviet Union".
    pub label: String,
    /// The period's first day; null for the first period (from the beginning).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub from: Option<Date>,
    /// The day after the period's last; null for the last period (to today).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub until: Option<Date>,
    /// Number of entries.
    pub count: usize,
    pub entries: Vec<StoryEntry>,
}

/// An island's story: periods in time order, covering every day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Story {
    pub groups: Vec<StoryGroup>,
}

/// A set of strands, one bit each ([`Strand::bit`]): what the filter hides.
pub type Strands = usize;

/// Where an entry is: `(group, entry)` indexes.
pub type At = (usize, usize);

impl Story {
    /// The group whose period holds `date`.
    pub fn group_at(&self, date: Date) -> Option<usize> {
        self.groups
            .iter()
            .rposition(|g| g.from.is_none_or(|from| from <= date))
    }

    /// Where the map's date falls: in the group holding it, just before
    /// the entry at the returned index, the first one shown (not `hidden`)
    /// that begins after `date`; the group's length when none does. In the
    /// entries' own order, so the mark never splits entries out of order.
    pub fn marker(&self, date: Date, hidden: Strands) -> Option<At> {
        let g = self.group_at(date)?;
        let group = &self.groups[g];
        let after = group
            .shown(hidden)
            .find(|(_, e)| e.date.first_day() > date)
            .map_or(group.entries.len(), |(i, _)| i);
        Some((g, after))
    }

    /// The entry of the event `event`, else the entry of the deployment
    /// `deployment` the map shows on `date`: its latest change begun by
    /// then, else its first.
    pub fn locate(&self, event: Option<&str>, deployment: Option<&str>, date: Date) -> Option<At> {
        let all = || {
            self.groups.iter().enumerate().flat_map(|(g, group)| {
                group
                    .entries
                    .iter()
                    .enumerate()
                    .map(move |(i, e)| ((g, i), e))
            })
        };
        if let Some(id) = event
            && let Some((at, _)) = all().find(|(_, e)| e.event.as_deref() == Some(id))
        {
            return Some(at);
        }
        let id = deployment?;
        let changes = || all().filter(|(_, e)| e.deployment.as_deref() == Some(id));
        changes()
            .rfind(|(_, e)| e.date.first_day() <= date)
            .or_else(|| changes().next())
            .map(|(at, _)| at)
    }
}

impl StoryGroup {
    /// The entries shown when the strands in `hidden` are filtered out,
    /// with their indexes in the group.
    pub fn shown(&self, hidden: Strands) -> impl Iterator<Item = (usize, &StoryEntry)> {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, e)| hidden & e.strand.bit() == 0)
    }
}

#[cfg(feature = "loader")]
impl StoryEntry {
    fn of_event(e: &Event, data: &Dataset) -> StoryEntry {
        StoryEntry {
            date: e.date,
            strand: Strand::of(e.kind),
            kind: Some(e.kind),
            title: e.title.clone(),
            title_template: e.title_template.clone(),
            event: Some(e.id.clone()),
            deployment: None,
            history: None,
            category: None,
            status: None,
            note: None,
            note_template: None,
            events: Vec::new(),
            sources: e.sources.clone(),
            excerpts: e
                .excerpts
                .iter()
                .filter_map(|x| data.excerpt(x))
                .cloned()
                .collect(),
        }
    }

    fn of_change(index: usize, h: HistoryEntry, catalogue: &Catalogue) -> StoryEntry {
        let status = h.status;
        let said = status.label(catalogue);
        StoryEntry {
            date: h.date,
            strand: Strand::DeploymentChange,
            kind: None,
            title: format!("{} — {said}", h.unit),
            title_template: h.unit_template.map(|t| format!("{t} — {said}")),
            event: None,
            deployment: Some(h.deployment),
            history: Some(index),
            category: Some(h.category),
            status: Some(status),
            note: h.note,
            note_template: h.note_template,
            events: h.events,
            sources: h.sources,
            excerpts: h.excerpts,
        }
    }

    /// Oldest first; on one date, events before the changes they establish.
    fn order_key(&self) -> (PartialDate, bool, &str) {
        let id = self.event.as_deref().or(self.deployment.as_deref());
        (self.date, self.event.is_none(), id.unwrap_or(""))
    }
}

/// An era of administration: `[from, until)` and what its periods' labels
/// add to their years.
#[cfg(feature = "loader")]
struct Era {
    from: Option<Date>,
    until: Option<Date>,
    held: Option<Administration>,
}

#[cfg(feature = "loader")]
impl Story {
    /// The story of `id` (an island or a group, with its members' records),
    /// grouped by period (see the module's documentation), worded in English.
    pub fn build(id: &str, islands: &Islands, data: &Dataset) -> Story {
        Story::build_in(id, islands, data, english())
    }

    /// [`Story::build`] worded from `catalogue` (periods, statuses): pass
    /// `data.in_language(lang)` and that language's catalogue.
    pub fn build_in(id: &str, islands: &Islands, data: &Dataset, catalogue: &Catalogue) -> Story {
        let query = EventQuery {
            island: Some(id.to_owned()),
            ..Default::default()
        };
        let mut entries: Vec<StoryEntry> = data
            .query_events(&query)
            .items
            .into_iter()
            .map(|e| StoryEntry::of_event(e, data))
            .chain(
                data.island_history(id)
                    .into_iter()
                    .enumerate()
                    .map(|(i, h)| StoryEntry::of_change(i, h, catalogue)),
            )
            .collect();
        entries.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
        let mut periods = Vec::new();
        let mut rest = entries.into_iter().peekable();
        for era in eras(id, islands) {
            let mut inside = Vec::new();
            while let Some(e) = rest.next_if(|e| era.until.is_none_or(|u| e.date.first_day() < u)) {
                inside.push(e);
            }
            periods.extend(split(&era, inside).into_iter().map(|g| (g, era.held)));
        }
        let last = periods.len();
        let groups = periods
            .into_iter()
            .enumerate()
            .map(|(i, (mut g, held))| {
                g.label = period_label(catalogue, g.from, g.until, held, i == 0, i + 1 == last);
                g
            })
            .collect();
        Story { groups }
    }
}

/// The eras of `id`'s administration; one era without a name when the
/// islands data does not date its Soviet control.
#[cfg(feature = "loader")]
fn eras(id: &str, islands: &Islands) -> Vec<Era> {
    let Some(soviet) = islands.soviet_control(id) else {
        return vec![Era {
            from: None,
            until: None,
            held: None,
        }];
    };
    let ended = islands.soviet_union_ended;
    let held = |date| islands.administration(id, date);
    vec![
        // Not "administered by Japan": the earliest records predate any
        // administration of the islands.
        Era {
            from: None,
            until: Some(soviet),
            held: None,
        },
        Era {
            from: Some(soviet),
            until: Some(ended),
            held: held(soviet),
        },
        Era {
            from: Some(ended),
            until: None,
            held: held(ended),
        },
    ]
}

/// An era's entries split into periods: a new one at each dense decade, at
/// each half of a very dense one; one empty period for an era without
/// entries.
#[cfg(feature = "loader")]
fn split(era: &Era, entries: Vec<StoryEntry>) -> Vec<StoryGroup> {
    let decade = |e: &StoryEntry| e.date.first_day().year / 10;
    let mut per_decade = std::collections::BTreeMap::new();
    for e in &entries {
        *per_decade.entry(decade(e)).or_insert(0usize) += 1;
    }
    let dense = |d| per_decade.get(&d).copied().unwrap_or(0) >= DENSE_DECADE;
    // The first year of the entry's bucket: its decade, or the half of it
    // when the decade has twice as many entries as a dense one.
    let bucket = |e: &StoryEntry| {
        let year = e.date.first_day().year;
        let halves = per_decade.get(&(year / 10)).copied().unwrap_or(0) >= 2 * DENSE_DECADE;
        year / 10 * 10 + if halves && year % 10 >= 5 { 5 } else { 0 }
    };
    let mut groups = vec![group(era.from, era.until)];
    for e in entries {
        let start = Date {
            year: bucket(&e),
            month: 1,
            day: 1,
        };
        if let Some(current) = groups.last_mut()
            && dense(decade(&e))
            && current.count > 0
            && current.from.is_none_or(|f| start > f)
        {
            current.until = Some(start);
            groups.push(group(Some(start), era.until));
        }
        if let Some(g) = groups.last_mut() {
            g.entries.push(e);
            g.count += 1;
        }
    }
    groups
}

#[cfg(feature = "loader")]
fn group(from: Option<Date>, until: Option<Date>) -> StoryGroup {
    StoryGroup {
        label: String::new(),
        from,
        until,
        count: 0,
        entries: Vec::new(),
    }
}

/// A period's label: its years, and who administered the island then
/// (`held`; none before Soviet control): "Until 1945", "1945–1991 ·
/// administered by the Soviet Union", "2020 onward · administered by
/// Russia"; "1945～1991年・ソ連が管轄", "С 2020 г. · под управлением России".
/// `until` is the day after the period's last (the next period's `from`).
pub fn period_label(
    catalogue: &Catalogue,
    from: Option<Date>,
    until: Option<Date>,
    held: Option<Administration>,
    first: bool,
    last: bool,
) -> String {
    // The year of the period's last day.
    let end = until.map(|u| {
        if (u.month, u.day) == (1, 1) {
            u.year - 1
        } else {
            u.year
        }
    });
    let years = match (from, end) {
        (Some(from), _) if last => {
            catalogue.format("story-period-onward", &[("from", from.year.into())])
        }
        (Some(from), Some(end)) if from.year == end => {
            catalogue.format("story-period-year", &[("year", end.into())])
        }
        (Some(from), Some(end)) => catalogue.format(
            "story-period-years",
            &[("from", from.year.into()), ("to", end.into())],
        ),
        (None, Some(end)) if first => {
            catalogue.format("story-period-until", &[("end", end.into())])
        }
        _ => catalogue.text("story-period-all"),
    };
    match held {
        None => years,
        Some(held) => catalogue.format(
            "story-period-held",
            &[
                ("years", years.into()),
                ("held", held.held_by(catalogue).into()),
            ],
        ),
    }
}

/// The English words of the story, for [`Story::build`].
#[cfg(feature = "loader")]
pub(crate) fn english() -> &'static Catalogue {
    static ENGLISH: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(|| {
        let file = include_str!("../../assets/i18n/en/app-panels.ftl");
        // Checked by the catalogue tests; a broken file shows its keys.
        Catalogue::parse(crate::i18n::Lang::En, &[("en/app-panels.ftl", file)]).unwrap_or_default()
    })
}

pub mod outline;

#[cfg(all(test, feature = "loader"))]
mod tests;
