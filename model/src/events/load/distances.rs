//! `geodata/distances.toml`: the well-known distances the measure tool
//! offers, strictly parsed and checked, every problem on its line and field.

use serde::Deserialize;
use toml::Spanned;

use super::denylist::Denylist;
use super::fields::Check;
use super::known::Known;
use super::raw::{RawSource, syntax_error};
use super::report::{DataError, Report};
use super::source::SourceFile;
use crate::measure::{Distances, KnownDistance};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistances {
    distance: Vec<Spanned<RawDistance>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistance {
    id: String,
    from: String,
    to: String,
    published_km: f64,
    sources: Vec<Spanned<RawSource>>,
}

/// Parses and checks the distances file `name`.
pub fn parse(
    name: &str,
    text: &str,
    known: &Known,
    denylist: &Denylist,
) -> Result<Distances, Vec<DataError>> {
    let src = SourceFile::new(name, text);
    let raw: RawDistances = toml::from_str(text).map_err(|e| vec![syntax_error(&src, &e)])?;
    let mut errors = Vec::new();
    let mut report = Report::new(&src, &mut errors);
    let mut distances = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for (i, spanned) in raw.distance.iter().enumerate() {
        let span = src.item(spanned.span());
        let mut check = Check::new(&mut report, span, format!("distance[{i}]"));
        let r = spanned.get_ref();
        if !ids.insert(r.id.clone()) {
            check.error("id", format!("{:?} is used twice", r.id));
        }
        distances.extend(distance(&mut check, r, known, denylist));
    }
    if errors.is_empty() {
        Ok(Distances { distances })
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

fn distance(
    check: &mut Check,
    r: &RawDistance,
    known: &Known,
    denylist: &Denylist,
) -> Option<KnownDistance> {
    check.non_empty("id", &r.id);
    if !matches!(known.places.get(&r.from), Some(Some(_))) {
        check.error(
            "from",
            format!("{:?} is not a place with a position", r.from),
        );
    }
    let to_place = matches!(known.places.get(&r.to), Some(Some(_)));
    if !to_place && !known.islands.contains(&r.to) {
        check.error("to", format!("{:?} is neither a place nor an island", r.to));
    }
    if !(r.published_km.is_finite() && r.published_km > 0.0) {
        check.error("published_km", "a distance in kilometres, above 0");
    }
    let sources = check.sources(&r.sources, true);
    let path = check.path().to_owned();
    for (j, s) in r.sources.iter().enumerate() {
        let mut part = check.part(s.span(), format!("{path}.sources[{j}]"));
        if s.get_ref().kind.is_none() {
            part.error("kind", "missing: what kind of publisher is it?");
        }
        if let Some((domain, reason)) = denylist.denying(&s.get_ref().url) {
            part.error("url", format!("{domain} is on the denylist ({reason})"));
        }
    }
    Some(KnownDistance {
        id: r.id.clone(),
        from: r.from.clone(),
        to: r.to.clone(),
        published_km: r.published_km,
        sources,
    })
}
