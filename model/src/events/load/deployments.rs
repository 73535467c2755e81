//! `[[deployments]]`: where, what, the period and status, and the dated
//! changes that must agree with them and with the events they cite.

use std::collections::HashMap;

use toml::Spanned;

use super::fields::Check;
use super::ids::{Ids, Target};
use super::raw::{Parsed, RawChange, RawDeployment};
use super::report::{DataError, Report};
use crate::events::date::{PartialDate, Precision};
use crate::events::types::{
    Deployment, DeploymentCategory, DeploymentChange, DeploymentStatus, Event, EventKind, Period,
};

/// An event's date and end, which a change citing it must match.
type EventDates<'a> = HashMap<&'a str, (PartialDate, Option<PartialDate>)>;

/// What a deployment's rules need to know of the events its changes cite.
struct EventFacts<'a> {
    dates: EventDates<'a>,
    events: HashMap<&'a str, &'a Event>,
}

/// Kinds of event that are a moment, not a stay: a landing, a visit, a
/// drill. A deployment put in place only by such events must say when it
/// ended (see [`ends_if_one_off`]).
const ONE_OFF: [EventKind; 3] = [EventKind::Occupation, EventKind::Visit, EventKind::Exercise];

/// The valid deployments of all `files`; `events` are the valid events.
pub(super) fn validate(
    files: &[Parsed],
    ids: &Ids,
    events: &[Event],
    errors: &mut Vec<DataError>,
) -> Vec<Deployment> {
    let facts = EventFacts {
        dates: events
            .iter()
            .map(|e| (e.id.as_str(), (e.date, e.end)))
            .collect(),
        events: events.iter().map(|e| (e.id.as_str(), e)).collect(),
    };
    let mut deployments = Vec::new();
    for file in files {
        let mut report = Report::new(&file.src, errors);
        for (i, spanned) in file.raw.deployments.iter().enumerate() {
            let span = file.src.item(spanned.span());
            let mut check = Check::new(&mut report, span, format!("deployments[{i}]"));
            deployments.extend(deployment(&mut check, spanned.get_ref(), ids, &facts));
        }
    }
    deployments
}

fn deployment(
    check: &mut Check,
    r: &RawDeployment,
    ids: &Ids,
    facts: &EventFacts,
) -> Option<Deployment> {
    check.refer(ids, Target::Island, "island", &r.island);
    if let Some(place) = &r.place {
        check.refer(ids, Target::Place, "place", place);
    }
    check.non_empty("unit", &r.unit);
    check.non_empty("summary", &r.summary);
    check.text(ids, "unit", &r.unit);
    check.text(ids, "summary", &r.summary);
    check.text_opt(ids, "confidence_note", &r.confidence_note);
    let category = check.choice::<DeploymentCategory>("category", &r.category);
    let status = check.choice::<DeploymentStatus>("status", &r.status);
    let from = check.date("from", &r.from);
    let until = r.until.as_deref().and_then(|u| check.date("until", u));
    let confidence = check.confidence(&r.confidence, &r.confidence_note);
    if r.changes.is_empty() {
        check.error(
            "changes",
            "a deployment needs at least one change with the events that establish it",
        );
    }
    let (changes, all_ok) = changes(check, &r.changes, ids, &facts.dates);
    if all_ok {
        in_order(check, &r.changes, &changes);
        let period = (from, until);
        agrees_with_changes(check, period, status, &changes);
        ends_if_one_off(check, &changes, &facts.events);
        if let Some(system) = &r.system {
            events_name_the_system(check, &r.changes, &changes, system, &facts.events);
        }
    }
    Some(Deployment {
        id: r.id.clone(),
        island: r.island.clone(),
        place: r.place.clone(),
        unit: r.unit.clone(),
        unit_template: None,
        system: r.system.clone(),
        category: category?,
        period: Period { from: from?, until },
        status: status?,
        changes,
        confidence,
        confidence_note: r.confidence_note.clone(),
        confidence_note_template: None,
        summary: r.summary.clone(),
        summary_template: None,
        text_lang: "en".into(),
    })
}

/// The valid changes, and whether all were valid.
fn changes(
    check: &mut Check,
    raw: &[Spanned<RawChange>],
    ids: &Ids,
    event_dates: &EventDates,
) -> (Vec<DeploymentChange>, bool) {
    let mut changes = Vec::new();
    let mut all_ok = true;
    for (j, c) in raw.iter().enumerate() {
        let path = format!("{}.changes[{j}]", check.path());
        let mut check = check.part(c.span(), path);
        let rc = c.get_ref();
        let date = check.date("date", &rc.date);
        let status = check.choice::<DeploymentStatus>("status", &rc.status);
        if rc.events.is_empty() {
            check.error("events", "name the event(s) that establish this change");
        }
        check.refer_all(ids, Target::EVENT, "events", &rc.events);
        check.text_opt(ids, "note", &rc.note);
        if let Some(d) = date {
            matches_its_events(&mut check, d, &rc.events, event_dates);
        }
        match (date, status) {
            (Some(date), Some(status)) => changes.push(DeploymentChange {
                date,
                status,
                events: rc.events.clone(),
                note: rc.note.clone(),
                note_template: None,
            }),
            _ => all_ok = false,
        }
    }
    (changes, all_ok)
}

/// A change is dated as (the date or end of) one of the events it cites.
fn matches_its_events(check: &mut Check, d: PartialDate, events: &[String], dates: &EventDates) {
    let dates: Vec<_> = events
        .iter()
        .filter_map(|e| dates.get(e.as_str()))
        .collect();
    let matches = dates.iter().any(|(ed, ee)| *ed == d || *ee == Some(d));
    if !dates.is_empty() && !matches {
        let listed: Vec<String> = dates.iter().map(|(ed, _)| ed.to_string()).collect();
        check.error(
            "date",
            format!(
                "{d} is not the date (or end) of any of its events ({})",
                listed.join(", ")
            ),
        );
    }
}

/// Changes are in date order; after a change dated by a year, a month or a
/// `by` bound, the next change starts after that period's last day: a
/// change takes effect on its period's last day
/// ([`PartialDate::known_from`]), and before it the earlier change may not
/// have happened yet.
fn in_order(check: &mut Check, raw: &[Spanned<RawChange>], changes: &[DeploymentChange]) {
    for (j, w) in changes.windows(2).enumerate() {
        let path = format!("{}.changes[{}]", check.path(), j + 1);
        if w[1].date < w[0].date {
            check.part(raw[j + 1].span(), path).error(
                "date",
                format!(
                    "{} is before the previous change ({})",
                    w[1].date, w[0].date
                ),
            );
        } else if (w[0].date.by || w[0].date.precision != Precision::Day)
            && w[1].date.first_day() <= w[0].date.known_from()
        {
            check.part(raw[j + 1].span(), path).error(
                "date",
                format!(
                    "{} falls within the previous change's period ({}), which takes effect on its last day: it may come first",
                    w[1].date, w[0].date
                ),
            );
        }
    }
}

/// A landing, a visit or a drill puts troops somewhere for a moment: a
/// deployment whose every change that puts it in place cites only such
/// events may not stay in place for ever; a later change must end it
/// (withdrawn, with the event that shows it gone or replaced).
fn ends_if_one_off(
    check: &mut Check,
    changes: &[DeploymentChange],
    events: &HashMap<&str, &Event>,
) {
    let Some(last) = changes.last() else { return };
    if !last.status.in_place() {
        return;
    }
    let one_off = changes.iter().filter(|c| c.status.in_place()).all(|c| {
        c.events
            .iter()
            .filter_map(|e| events.get(e.as_str()))
            .all(|e| ONE_OFF.contains(&e.kind))
    });
    if one_off {
        check.error(
            "status",
            format!(
                "{} since {}, on the strength of {} event(s) only: a landing, visit or drill is not a \
                 garrison; add the change that ends it (withdrawn, citing the event that shows it \
                 gone or replaced), or cite an event that shows it stayed",
                last.status,
                changes
                    .iter()
                    .find(|c| c.status.in_place())
                    .map_or(last.date, |c| c.date),
                ONE_OFF.map(EventKind::as_str).join(", ")
            ),
        );
    }
}

/// The names in a `system`: its words but for lower-case ones and numbers
/// (`"Bal (3K60)"`: `bal`, `3k60`; `"MiG-21bis, MiG-23 from 1983"`:
/// `mig-21bis`, `mig-23`), lower-cased.
fn designations(system: &str) -> Vec<String> {
    system
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';'))
        .filter(|w| w.chars().any(|c| c.is_uppercase()))
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` names one of `names` as a word (or its plural in `s`).
fn names_one_of(text: &str, names: &[String]) -> bool {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| {
            names
                .iter()
                .any(|n| w == n || w.strip_suffix('s') == Some(n.as_str()))
        })
}

/// A change that plans a weapon system or puts it in place cites at least
/// one event whose title or summary names the system (one of its names): an
/// event about other weapons does not plan, deliver or confirm it. (A
/// withdrawal may be the unit's, without naming its weapons.)
fn events_name_the_system(
    check: &mut Check,
    raw: &[Spanned<RawChange>],
    changes: &[DeploymentChange],
    system: &str,
    events: &HashMap<&str, &Event>,
) {
    let names = designations(system);
    for (j, c) in changes.iter().enumerate() {
        if c.status == DeploymentStatus::Withdrawn {
            continue;
        }
        let cited: Vec<&&Event> = c
            .events
            .iter()
            .filter_map(|e| events.get(e.as_str()))
            .collect();
        let named = cited
            .iter()
            .any(|e| names_one_of(&format!("{} {}", e.title, e.summary), &names));
        if !cited.is_empty() && !named {
            let path = format!("{}.changes[{j}]", check.path());
            check.part(raw[j].span(), path).error(
                "events",
                format!(
                    "none of {} names the system ({}): cite an event that does",
                    c.events.join(", "),
                    names.join(" or ")
                ),
            );
        }
    }
}

/// `from`, `until` and `status` say what the changes say.
fn agrees_with_changes(
    check: &mut Check,
    (from, until): (Option<PartialDate>, Option<PartialDate>),
    status: Option<DeploymentStatus>,
    changes: &[DeploymentChange],
) {
    let first_in_place = changes.iter().find(|c| c.status.in_place());
    match (from, first_in_place) {
        (Some(f), Some(c)) if f != c.date => check.error(
            "from",
            format!(
                "{f} contradicts its events: the first change that puts it in place is dated {}",
                c.date
            ),
        ),
        (Some(_), None) if !changes.is_empty() => check.error(
            "from",
            "no change has status active or reported, so nothing establishes `from`",
        ),
        _ => {}
    }
    let withdrawn = changes
        .iter()
        .find(|c| c.status == DeploymentStatus::Withdrawn);
    match (until, withdrawn) {
        (Some(u), Some(c)) if u != c.date => check.error(
            "until",
            format!(
                "{u} contradicts its events: the withdrawal is dated {}",
                c.date
            ),
        ),
        (Some(u), None) => check.error(
            "until",
            format!("{u} is set but no change has status withdrawn"),
        ),
        (None, Some(c)) => check.error(
            "until",
            format!("missing: a change withdraws it on {}", c.date),
        ),
        _ => {}
    }
    if let (Some(f), Some(u)) = (from, until)
        && u < f
    {
        check.error("until", format!("{u} is before from ({f})"));
    }
    if let (Some(s), Some(last)) = (status, changes.last())
        && s != last.status
    {
        check.error(
            "status",
            format!(
                "{s} contradicts the latest change ({} on {})",
                last.status, last.date
            ),
        );
    }
}
