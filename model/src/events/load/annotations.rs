//! `[[annotations]]`: notes (fact-checks, context, translations) on an
//! excerpt, with their sources.

use super::fields::Check;
use super::ids::{Ids, Target};
use super::raw::{Parsed, RawAnnotation};
use super::report::{DataError, Report};
use crate::events::types::{Annotation, AnnotationKind, ClaimRating};
use crate::events::{Date, Precision};

/// The valid annotations of all `files`.
pub(super) fn validate(
    files: &[Parsed],
    ids: &Ids,
    errors: &mut Vec<DataError>,
) -> Vec<Annotation> {
    let mut annotations = Vec::new();
    for file in files {
        let mut report = Report::new(&file.src, errors);
        for (i, spanned) in file.raw.annotations.iter().enumerate() {
            let span = file.src.item(spanned.span());
            let mut check = Check::new(&mut report, span, format!("annotations[{i}]"));
            annotations.extend(annotation(&mut check, spanned.get_ref(), ids));
        }
    }
    annotations
}

fn annotation(check: &mut Check, r: &RawAnnotation, ids: &Ids) -> Option<Annotation> {
    check.refer(ids, Target::EXCERPT, "excerpt", &r.excerpt);
    let kind = check.choice::<AnnotationKind>("kind", &r.kind);
    check.non_empty("note", &r.note);
    check.text(ids, "note", &r.note);
    let needs_source = kind != Some(AnnotationKind::Translation);
    let sources = check.sources(&r.sources, needs_source);
    check.refer_all(ids, Target::EVENT, "events", &r.events);
    let (rating, reviewed) = verdict(check, kind, r);
    Some(Annotation {
        id: r.id.clone(),
        excerpt: r.excerpt.clone(),
        kind: kind?,
        note: r.note.clone(),
        note_template: None,
        sources,
        events: r.events.clone(),
        text_lang: "en".into(),
        rating,
        reviewed,
    })
}

/// A fact-check's `rating` and `reviewed` day, both required; other kinds
/// have neither.
fn verdict(
    check: &mut Check,
    kind: Option<AnnotationKind>,
    r: &RawAnnotation,
) -> (Option<ClaimRating>, Option<Date>) {
    if kind.is_none() {
        return (None, None);
    }
    if kind != Some(AnnotationKind::FactCheck) {
        for (key, value) in [("rating", &r.rating), ("reviewed", &r.reviewed)] {
            if value.is_some() {
                check.error(key, "only a fact-check has one");
            }
        }
        return (None, None);
    }
    let rating = match &r.rating {
        Some(value) => check.choice::<ClaimRating>("rating", value),
        None => {
            check.error("rating", "a fact-check needs its verdict");
            None
        }
    };
    let reviewed = match &r.reviewed {
        Some(value) => check.plain_date("reviewed", value).and_then(|d| {
            if d.precision != Precision::Day {
                check.error("reviewed", format!("{d}: give the day"));
                return None;
            }
            Some(d.start)
        }),
        None => {
            check.error("reviewed", "a fact-check needs the day it was published");
            None
        }
    };
    (rating, reviewed)
}
