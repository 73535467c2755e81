//! Ids: each record's own, checked for form and duplicates across files, and
//! the ids records refer to, resolved against them and the caller's map.

use std::collections::HashMap;
use std::ops::Range;

use super::fields::Check;
use super::known::Known;
use super::raw::Parsed;
use super::report::{DataError, Report};

/// The kinds of record a data file holds, each with its own id space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum RecordKind {
    Event,
    Deployment,
    Article,
    Excerpt,
    Annotation,
}

impl RecordKind {
    /// The word error messages use.
    fn name(self) -> &'static str {
        match self {
            RecordKind::Event => "event",
            RecordKind::Deployment => "deployment",
            RecordKind::Article => "article",
            RecordKind::Excerpt => "excerpt",
            RecordKind::Annotation => "annotation",
        }
    }
}

/// What an id in a record may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// An island of the map ([`Known::islands`]).
    Island,
    /// A place of the map ([`Known::places`]).
    Place,
    /// A record of the data.
    Record(RecordKind),
}

impl Target {
    pub(super) const EVENT: Target = Target::Record(RecordKind::Event);
    pub(super) const ARTICLE: Target = Target::Record(RecordKind::Article);
    pub(super) const EXCERPT: Target = Target::Record(RecordKind::Excerpt);

    /// The word error messages use.
    pub(super) fn name(self) -> &'static str {
        match self {
            Target::Island => "island",
            Target::Place => "place",
            Target::Record(kind) => kind.name(),
        }
    }
}

/// Where an id was first defined, for duplicate reports.
struct Defined {
    file: String,
    line: usize,
}

/// Every id the data defines, by kind, and the map ids the caller knows.
pub(super) struct Ids<'k> {
    defined: HashMap<RecordKind, HashMap<String, Defined>>,
    known: &'k Known,
}

impl<'k> Ids<'k> {
    /// The ids of all `files`, reporting malformed and duplicate ones.
    pub(super) fn collect(files: &[Parsed], known: &'k Known, errors: &mut Vec<DataError>) -> Self {
        let mut ids = Ids {
            defined: Default::default(),
            known,
        };
        for file in files {
            let mut report = Report::new(&file.src, errors);
            for (kind, id, span, path) in records(file) {
                let mut check = Check::new(&mut report, span, path);
                ids.define(&mut check, kind, id);
            }
        }
        ids
    }

    /// Records `id` as defined by the record under `check`; reports an id
    /// that is not a slug, or that its kind already defines.
    fn define(&mut self, check: &mut Check, kind: RecordKind, id: &str) {
        if !is_slug(id) {
            check.error(
                "id",
                format!("{id:?} is not a valid id (lowercase letters, digits and single hyphens)"),
            );
        }
        let defined = self.defined.entry(kind).or_default();
        if let Some(first) = defined.get(id) {
            check.error(
                "id",
                format!(
                    "duplicate {} id {id:?} (first defined at {}:{})",
                    kind.name(),
                    first.file,
                    first.line
                ),
            );
        } else {
            let at = Defined {
                file: check.file().to_string(),
                line: check.line_of("id"),
            };
            defined.insert(id.to_string(), at);
        }
    }

    /// The map's ids and names, as the caller gave them.
    pub(super) fn known(&self) -> &'k Known {
        self.known
    }

    /// Whether `id` names something of the `target` kind.
    pub(super) fn knows(&self, target: Target, id: &str) -> bool {
        match target {
            Target::Island => self.known.islands.contains(id),
            Target::Place => self.known.places.contains_key(id),
            Target::Record(kind) => self.defined.get(&kind).is_some_and(|d| d.contains_key(id)),
        }
    }
}

/// Each record of a file with its kind, id, extent and field path, in the
/// order the file format lists the kinds.
fn records<'p>(
    file: &'p Parsed,
) -> impl Iterator<Item = (RecordKind, &'p str, Range<usize>, String)> + 'p {
    let raw = &file.raw;
    let item = |span| file.src.item(span);
    let events = raw.events.iter().enumerate().map(move |(i, e)| {
        let path = format!("events[{i}]");
        (
            RecordKind::Event,
            e.get_ref().id.as_str(),
            item(e.span()),
            path,
        )
    });
    let deployments = raw.deployments.iter().enumerate().map(move |(i, d)| {
        let path = format!("deployments[{i}]");
        (
            RecordKind::Deployment,
            d.get_ref().id.as_str(),
            item(d.span()),
            path,
        )
    });
    let article = raw.article.iter().map(move |a| {
        let path = "article".to_string();
        (
            RecordKind::Article,
            a.get_ref().id.as_str(),
            item(a.span()),
            path,
        )
    });
    let excerpts = raw.excerpts.iter().enumerate().map(move |(i, x)| {
        let path = format!("excerpts[{i}]");
        (
            RecordKind::Excerpt,
            x.get_ref().id.as_str(),
            item(x.span()),
            path,
        )
    });
    let annotations = raw.annotations.iter().enumerate().map(move |(i, a)| {
        let path = format!("annotations[{i}]");
        (
            RecordKind::Annotation,
            a.get_ref().id.as_str(),
            item(a.span()),
            path,
        )
    });
    events
        .chain(deployments)
        .chain(article)
        .chain(excerpts)
        .chain(annotations)
}

/// Lowercase letters, digits and single inner hyphens.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
