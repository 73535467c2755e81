//! `[[events]]`: dates, kind, text, where (islands, places, points, location),
//! sources and confidence.

use super::fields::Check;
use super::ids::{Ids, Target};
use super::raw::{Parsed, RawEvent};
use super::report::{DataError, Report};
use crate::events::date::Date;
use crate::events::evidence;
use crate::events::types::{Confidence, Event, EventKind, Point, Source};

/// The valid events of all `files`.
pub(super) fn validate(
    files: &[Parsed],
    ids: &Ids,
    today: Option<Date>,
    errors: &mut Vec<DataError>,
) -> Vec<Event> {
    let mut events = Vec::new();
    for file in files {
        let mut report = Report::new(&file.src, errors);
        for (i, spanned) in file.raw.events.iter().enumerate() {
            let span = file.src.item(spanned.span());
            let mut check = Check::new(&mut report, span, format!("events[{i}]"));
            events.extend(event(&mut check, spanned.get_ref(), ids, today));
        }
    }
    events
}

fn event(check: &mut Check, r: &RawEvent, ids: &Ids, today: Option<Date>) -> Option<Event> {
    let days = check.record_days(&r.added, &r.updated, today);
    let date = check.date("date", &r.date);
    let end = r.end.as_deref().and_then(|e| check.plain_date("end", e));
    if let (Some(d), Some(e)) = (date, end)
        && e.last_day() < d.first_day()
    {
        check.error("end", format!("{e} is before the date {d}"));
    }
    if let (Some(d), Some(_)) = (date, end)
        && d.by
    {
        check.error("end", format!("a \"by\" date ({d}) has no end"));
    }
    let kind = check.choice::<EventKind>("kind", &r.kind);
    check.non_empty("title", &r.title);
    check.non_empty("summary", &r.summary);
    check.text(ids, "title", &r.title);
    check.text(ids, "summary", &r.summary);
    check.text_opt(ids, "location", &r.location);
    check.text_opt(ids, "confidence_note", &r.confidence_note);
    check.refer_all(ids, Target::Island, "islands", &r.islands);
    check.refer_all(ids, Target::Place, "places", &r.places);
    let points = points(check, &r.points);
    if let Some(loc) = &r.location {
        check.non_empty("location", loc);
    }
    let sources = check.sources(&r.sources, true);
    let confidence = check.confidence(&r.confidence, &r.confidence_note);
    weigh(check, &sources, r.sources.len(), confidence);
    let (date, kind, (added, updated)) = (date?, kind?, days?);
    Some(Event {
        id: r.id.clone(),
        added,
        updated,
        date,
        precision: date.precision,
        end,
        kind,
        title: r.title.clone(),
        title_template: None,
        summary: r.summary.clone(),
        summary_template: None,
        islands: r.islands.clone(),
        places: r.places.clone(),
        points,
        location: r.location.clone(),
        location_template: None,
        sources,
        confidence,
        confidence_note: r.confidence_note.clone(),
        confidence_note_template: None,
        research: r.research.clone(),
        excerpts: Vec::new(),
        text_lang: "en".into(),
    })
}

/// The evidence rules: no event rests only on mirrors, and a `high` one
/// needs a strong source or two independent outlets.
fn weigh(check: &mut Check, sources: &[Source], raw_count: usize, confidence: Confidence) {
    if sources.len() < raw_count || sources.is_empty() {
        return; // a source without a valid kind, or none: already reported
    }
    if evidence::only_aggregators(sources) {
        check.error(
            "sources",
            "every source is a mirror or republisher (kind aggregator); cite the original outlet",
        );
    }
    if confidence == Confidence::High && !evidence::carries_high(sources) {
        check.error(
            "confidence",
            "high needs a source of kind official, intergovernmental, wire, newspaper, broadcaster or research, or two independent outlets; otherwise use medium with a confidence_note",
        );
    }
}

/// `points`, each `[longitude, latitude]` inside the map area.
fn points(check: &mut Check, raw: &[Vec<f64>]) -> Vec<Point> {
    let mut points = Vec::new();
    for (j, pt) in raw.iter().enumerate() {
        match pt.as_slice() {
            [lon, lat] if crate::projection::in_map_area([*lon, *lat]) => {
                points.push([*lon, *lat])
            }
            [lon, lat] => check.error(
                "points",
                format!(
                    "points[{j}] [{lon}, {lat}] is outside the map area (139–151°E, 41–47°N); put off-map places in `location`"
                ),
            ),
            _ => check.error("points", format!("points[{j}] must be [longitude, latitude]")),
        }
    }
    points
}
