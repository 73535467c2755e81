//! Loading and validating the human-edited TOML files of `geodata/events/`.
//!
//! [`Dataset::load`] is pure: the caller reads the files and passes their
//! names and text. Every problem found becomes a [`DataError`] that names the
//! file, the line and the field, so a reviewer can jump straight to it; all
//! problems are reported at once, not only the first.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::date::{PartialDate, Precision};
use super::types::*;

/// Island ids the map knows: the four disputed islands/groups, the Habomai
/// islets, and context land.
pub const ISLAND_IDS: &[&str] = &[
    "etorofu",
    "kunashiri",
    "shikotan",
    "habomai",
    "suisho",
    "yuri",
    "akiyuri",
    "shibotsu",
    "taraku",
    "kaigara",
    "harukaru",
    "hokkaido",
    "urup",
];

/// Map place ids with the fact base's gazetteer coordinates (section F),
/// used when `geodata/places.geojson` is not available. `None`: no sourced
/// coordinate.
pub const FALLBACK_PLACES: &[(&str, Option<Point>)] = &[
    ("kurilsk", Some([147.883, 45.217])),
    ("goryachiye-klyuchi", Some([147.761, 45.033])),
    ("yasny-airport", Some([147.956, 45.256])),
    ("burevestnik", Some([147.622, 44.920])),
    ("kasatka-bay", Some([147.672, 44.965])),
    ("yuzhno-kurilsk", Some([145.850, 44.033])),
    ("mendeleyevo-airport", Some([145.683, 43.958])),
    ("malokurilskoye", Some([146.832, 43.871])),
    ("cape-nosappu", Some([145.817, 43.385])),
    ("kaigara-lighthouse", Some([145.858, 43.397])),
    ("etorofu-centroid", Some([147.617, 45.033])),
    ("kunashiri-centroid", Some([145.850, 44.117])),
    ("shikotan-centroid", Some([146.750, 43.800])),
    ("habomai-centroid", Some([146.133, 43.500])),
    ("krabozavodskoye", None),
    ("lagunnoye", None),
    ("goryachiy-plyazh", None),
    ("reidovo", None),
];

/// Ids the data may refer to, supplied by the caller.
#[derive(Debug, Clone, Default)]
pub struct Known {
    pub islands: BTreeSet<String>,
    /// Place id → `[lon, lat]` where known.
    pub places: BTreeMap<String, Option<Point>>,
}

impl Known {
    /// [`ISLAND_IDS`] and [`FALLBACK_PLACES`].
    pub fn builtin() -> Self {
        Known {
            islands: ISLAND_IDS.iter().map(|s| s.to_string()).collect(),
            places: FALLBACK_PLACES
                .iter()
                .map(|(id, p)| (id.to_string(), *p))
                .collect(),
        }
    }

    /// [`ISLAND_IDS`] and the places of a GeoJSON FeatureCollection (the
    /// feature `id`, or `properties.id`; a Point geometry gives the position).
    pub fn with_places_geojson(text: &str) -> Result<Self, String> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        let features = value
            .get("features")
            .and_then(|f| f.as_array())
            .ok_or("not a FeatureCollection: no `features` array")?;
        let mut places = BTreeMap::new();
        for (i, f) in features.iter().enumerate() {
            let id = f
                .get("id")
                .and_then(|v| v.as_str())
                .or_else(|| f.pointer("/properties/id").and_then(|v| v.as_str()))
                .ok_or(format!("features[{i}] has no id"))?;
            let point = match (
                f.pointer("/geometry/type").and_then(|t| t.as_str()),
                f.pointer("/geometry/coordinates")
                    .and_then(|c| c.as_array()),
            ) {
                (Some("Point"), Some(c)) if c.len() >= 2 => match (c[0].as_f64(), c[1].as_f64()) {
                    (Some(lon), Some(lat)) => Some([lon, lat]),
                    _ => None,
                },
                _ => None,
            };
            places.insert(id.to_string(), point);
        }
        Ok(Known {
            islands: ISLAND_IDS.iter().map(|s| s.to_string()).collect(),
            places,
        })
    }
}

/// One problem in one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// Path of the offending field, e.g. `events[37].date`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.field, self.message
        )
    }
}

impl std::error::Error for DataError {}

// ---------------------------------------------------------------------------
// The file format.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    events: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    deployments: Vec<Spanned<RawDeployment>>,
    #[serde(default)]
    article: Option<Spanned<RawArticle>>,
    #[serde(default)]
    excerpts: Vec<Spanned<RawExcerpt>>,
    #[serde(default)]
    annotations: Vec<Spanned<RawAnnotation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    url: String,
    outlet: String,
    language: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    date: String,
    end: Option<String>,
    kind: String,
    title: String,
    summary: String,
    #[serde(default)]
    islands: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    points: Vec<Vec<f64>>,
    location: Option<String>,
    #[serde(default)]
    sources: Vec<Spanned<RawSource>>,
    confidence: String,
    confidence_note: Option<String>,
    #[serde(default)]
    research: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    date: String,
    status: String,
    #[serde(default)]
    events: Vec<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeployment {
    id: String,
    island: String,
    place: Option<String>,
    unit: String,
    system: Option<String>,
    category: String,
    from: String,
    until: Option<String>,
    status: String,
    #[serde(default)]
    changes: Vec<Spanned<RawChange>>,
    confidence: String,
    confidence_note: Option<String>,
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    id: String,
    title: String,
    outlet: String,
    published: String,
    url: Option<String>,
    provenance: Option<String>,
    language: String,
    /// Path of the UTF-8 text, relative to this file.
    text_file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExcerpt {
    id: String,
    article: String,
    start: usize,
    end: usize,
    quote: String,
    #[serde(default)]
    events: Vec<String>,
    #[serde(default)]
    islands: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnnotation {
    id: String,
    excerpt: String,
    kind: String,
    note: String,
    #[serde(default)]
    sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    events: Vec<String>,
}

// ---------------------------------------------------------------------------
// Finding lines.

struct SourceFile<'a> {
    name: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceFile<'a> {
    fn new(name: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name,
            text,
            line_starts,
        }
    }

    /// 1-based line of a byte offset.
    fn line(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte).max(1)
    }

    /// The extent of a parsed item. `toml` spans a `[[table]]` item by its
    /// header only; such an item runs to the next header (or the end).
    fn item(&self, span: Range<usize>) -> Range<usize> {
        if !self
            .text
            .get(span.start..)
            .is_some_and(|s| s.starts_with('['))
        {
            return span;
        }
        let mut at = span.end.min(self.text.len());
        for line in self.text[at..].split_inclusive('\n') {
            if is_header(line) {
                return span.start..at;
            }
            at += line.len();
        }
        span.start..self.text.len()
    }

    /// Byte offset of `key = ` inside `span`, if written there.
    fn find_key(&self, span: &Range<usize>, key: &str) -> Option<usize> {
        let end = span.end.min(self.text.len());
        let slice = self.text.get(span.start..end)?;
        let bytes = slice.as_bytes();
        let mut from = 0;
        while let Some(i) = slice.get(from..).and_then(|s| s.find(key)) {
            let at = from + i;
            let before_ok =
                at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r' | b'{' | b',');
            let after = slice[at + key.len()..].trim_start_matches([' ', '\t']);
            if before_ok && after.starts_with('=') {
                return Some(span.start + at);
            }
            from = at + key.len();
        }
        None
    }

    /// Line of `key = ...` inside `span`; if the key is absent, the line of
    /// the item's `id`, or else its first line.
    fn key_line(&self, span: &Range<usize>, key: &str) -> usize {
        let at = self
            .find_key(span, key)
            .or_else(|| self.find_key(span, "id"))
            .unwrap_or(span.start);
        self.line(at)
    }

    /// Line of the string `"value"` written after `key` inside `span`, for
    /// one element of a (possibly multi-line) array.
    fn value_line(&self, span: &Range<usize>, key: &str, value: &str) -> usize {
        let Some(key_at) = self.find_key(span, key) else {
            return self.line(span.start);
        };
        let end = span.end.min(self.text.len());
        let needle = format!("\"{value}\"");
        self.text
            .get(key_at..end)
            .and_then(|s| s.find(&needle))
            .map(|i| self.line(key_at + i))
            .unwrap_or_else(|| self.line(key_at))
    }
}

/// A `[table]` or `[[array.of.tables]]` header line.
fn is_header(line: &str) -> bool {
    let line = line.split('#').next().unwrap_or("").trim();
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    inner.is_some_and(|k| {
        !k.trim().is_empty()
            && k.trim()
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b' '))
    })
}

/// Collects errors for one file.
struct Report<'a, 'e> {
    src: &'a SourceFile<'a>,
    errors: &'e mut Vec<DataError>,
}

impl Report<'_, '_> {
    fn at(&mut self, line: usize, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.src.name.to_string(),
            line,
            field: field.into(),
            message: message.into(),
        });
    }

    fn key(&mut self, span: &Range<usize>, path: &str, key: &str, message: impl Into<String>) {
        let line = self.src.key_line(span, key);
        self.at(line, format!("{path}.{key}"), message);
    }
}

// ---------------------------------------------------------------------------
// Checks on single values.

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("{url:?} is not an http(s) URL"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') || url.chars().any(char::is_whitespace) {
        return Err(format!("{url:?} is not a valid http(s) URL"));
    }
    Ok(())
}

fn check_language(s: &str) -> Result<(), String> {
    if (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not an ISO 639 language code (e.g. en, ja, ru)"
        ))
    }
}

fn parse_enum<T>(
    report: &mut Report,
    span: &Range<usize>,
    path: &str,
    key: &str,
    value: &str,
    parse: fn(&str) -> Option<T>,
    expected: String,
) -> Option<T> {
    let parsed = parse(value);
    if parsed.is_none() {
        report.key(
            span,
            path,
            key,
            format!("{value:?} is not one of: {expected}"),
        );
    }
    parsed
}

fn parse_date(
    report: &mut Report,
    span: &Range<usize>,
    path: &str,
    key: &str,
    value: &str,
) -> Option<PartialDate> {
    match value.parse::<PartialDate>() {
        Ok(d) => Some(d),
        Err(e) => {
            report.key(span, path, key, e);
            None
        }
    }
}

fn non_empty(report: &mut Report, span: &Range<usize>, path: &str, key: &str, value: &str) {
    if value.trim().is_empty() {
        report.key(span, path, key, "must not be empty");
    }
}

fn check_sources(
    report: &mut Report,
    span: &Range<usize>,
    path: &str,
    sources: &[Spanned<RawSource>],
    required: bool,
) -> Vec<Source> {
    if required && sources.is_empty() {
        report.key(span, path, "sources", "at least one source is required");
    }
    let mut out = Vec::new();
    for (j, s) in sources.iter().enumerate() {
        let sspan = s.span();
        let spath = format!("{path}.sources[{j}]");
        let raw = s.get_ref();
        if let Err(e) = check_url(&raw.url) {
            report.key(&sspan, &spath, "url", e);
        }
        non_empty(report, &sspan, &spath, "outlet", &raw.outlet);
        if let Err(e) = check_language(&raw.language) {
            report.key(&sspan, &spath, "language", e);
        }
        out.push(Source {
            url: raw.url.clone(),
            outlet: raw.outlet.clone(),
            language: raw.language.clone(),
        });
    }
    out
}

fn check_confidence(
    report: &mut Report,
    span: &Range<usize>,
    path: &str,
    confidence: &str,
    note: &Option<String>,
) -> Confidence {
    let c = parse_enum(
        report,
        span,
        path,
        "confidence",
        confidence,
        Confidence::parse,
        Confidence::expected(),
    )
    .unwrap_or(Confidence::Medium);
    if c == Confidence::Medium && note.as_deref().is_none_or(|n| n.trim().is_empty()) {
        report.key(
            span,
            path,
            "confidence",
            "medium confidence needs a confidence_note saying why",
        );
    }
    c
}

fn check_ids(
    report: &mut Report,
    span: &Range<usize>,
    path: &str,
    key: &str,
    ids: &[String],
    known: &dyn Fn(&str) -> bool,
    what: &str,
) {
    for (j, id) in ids.iter().enumerate() {
        if !known(id) {
            let line = report.src.value_line(span, key, id);
            report.at(
                line,
                format!("{path}.{key}[{j}]"),
                format!("unknown {what} id {id:?}"),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The dataset.

/// Everything in `geodata/events/`, validated and cross-linked.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// In date order (then id).
    pub events: Vec<Event>,
    /// In `from` order (then id).
    pub deployments: Vec<Deployment>,
    pub articles: Vec<Article>,
    /// In article, then start order.
    pub excerpts: Vec<Excerpt>,
    pub annotations: Vec<Annotation>,
    /// The known places the data was checked against, with positions.
    pub places: BTreeMap<String, Option<Point>>,
    pub islands: BTreeSet<String>,
    event_index: HashMap<String, usize>,
    deployment_index: HashMap<String, usize>,
    article_index: HashMap<String, usize>,
    excerpt_index: HashMap<String, usize>,
}

/// Where an id was first defined, for duplicate reports.
struct Defined {
    file: String,
    line: usize,
}

struct Pending<'a> {
    src: SourceFile<'a>,
    raw: RawFile,
}

impl Dataset {
    /// Parses and validates `files` (`(name, text)`; names such as
    /// `geodata/events/events.toml`). `.toml` files hold any of `[[events]]`,
    /// `[[deployments]]`, `[article]`, `[[excerpts]]`, `[[annotations]]`;
    /// other files are article texts, found through `article.text_file`
    /// relative to the TOML file that names them.
    pub fn load(files: &[(&str, &str)], known: &Known) -> Result<Dataset, Vec<DataError>> {
        let mut errors = Vec::new();
        let texts: HashMap<&str, &str> = files.iter().copied().collect();

        // 1. Parse.
        let mut pending = Vec::new();
        for &(name, text) in files.iter().filter(|(n, _)| n.ends_with(".toml")) {
            let src = SourceFile::new(name, text);
            match toml::from_str::<RawFile>(text) {
                Ok(raw) => pending.push(Pending { src, raw }),
                Err(e) => {
                    let line = e.span().map(|s| src.line(s.start)).unwrap_or(1);
                    let message = e.message().trim().to_string();
                    let field = message
                        .split('`')
                        .nth(1)
                        .filter(|_| message.contains("field"))
                        .unwrap_or("(syntax)")
                        .to_string();
                    errors.push(DataError {
                        file: name.to_string(),
                        line,
                        field,
                        message,
                    });
                }
            }
        }

        // A file that does not parse hides its items; cross-reference errors
        // would only be noise, so report the syntax first.
        if !errors.is_empty() {
            return Err(errors);
        }

        // 2. Ids, and duplicates.
        let mut defined: [HashMap<String, Defined>; 5] = Default::default();
        let kinds = ["event", "deployment", "article", "excerpt", "annotation"];
        for p in &pending {
            let mut report = Report {
                src: &p.src,
                errors: &mut errors,
            };
            let mut ids: Vec<(usize, String, Range<usize>, String)> = Vec::new();
            for (i, e) in p.raw.events.iter().enumerate() {
                ids.push((
                    0,
                    e.get_ref().id.clone(),
                    p.src.item(e.span()),
                    format!("events[{i}]"),
                ));
            }
            for (i, d) in p.raw.deployments.iter().enumerate() {
                ids.push((
                    1,
                    d.get_ref().id.clone(),
                    p.src.item(d.span()),
                    format!("deployments[{i}]"),
                ));
            }
            if let Some(a) = &p.raw.article {
                ids.push((
                    2,
                    a.get_ref().id.clone(),
                    p.src.item(a.span()),
                    "article".to_string(),
                ));
            }
            for (i, x) in p.raw.excerpts.iter().enumerate() {
                ids.push((
                    3,
                    x.get_ref().id.clone(),
                    p.src.item(x.span()),
                    format!("excerpts[{i}]"),
                ));
            }
            for (i, a) in p.raw.annotations.iter().enumerate() {
                ids.push((
                    4,
                    a.get_ref().id.clone(),
                    p.src.item(a.span()),
                    format!("annotations[{i}]"),
                ));
            }
            for (kind, id, span, path) in ids {
                let line = report.src.key_line(&span, "id");
                if !is_slug(&id) {
                    report.at(
                        line,
                        format!("{path}.id"),
                        format!("{id:?} is not a valid id (lowercase letters, digits and single hyphens)"),
                    );
                }
                if let Some(first) = defined[kind].get(&id) {
                    report.at(
                        line,
                        format!("{path}.id"),
                        format!(
                            "duplicate {} id {id:?} (first defined at {}:{})",
                            kinds[kind], first.file, first.line
                        ),
                    );
                } else {
                    defined[kind].insert(
                        id,
                        Defined {
                            file: p.src.name.to_string(),
                            line,
                        },
                    );
                }
            }
        }

        let island_ok = |id: &str| known.islands.contains(id);
        let place_ok = |id: &str| known.places.contains_key(id);

        // 3. Events.
        let mut events: Vec<Event> = Vec::new();
        for p in &pending {
            let mut report = Report {
                src: &p.src,
                errors: &mut errors,
            };
            for (i, spanned) in p.raw.events.iter().enumerate() {
                let span = p.src.item(spanned.span());
                let path = format!("events[{i}]");
                let r = spanned.get_ref();
                let date = parse_date(&mut report, &span, &path, "date", &r.date);
                let end = r
                    .end
                    .as_deref()
                    .and_then(|e| parse_date(&mut report, &span, &path, "end", e));
                if let (Some(d), Some(e)) = (date, end)
                    && e.last_day() < d.first_day()
                {
                    report.key(&span, &path, "end", format!("{e} is before the date {d}"));
                }
                let kind = parse_enum(
                    &mut report,
                    &span,
                    &path,
                    "kind",
                    &r.kind,
                    EventKind::parse,
                    EventKind::expected(),
                );
                non_empty(&mut report, &span, &path, "title", &r.title);
                non_empty(&mut report, &span, &path, "summary", &r.summary);
                check_ids(
                    &mut report,
                    &span,
                    &path,
                    "islands",
                    &r.islands,
                    &island_ok,
                    "island",
                );
                check_ids(
                    &mut report,
                    &span,
                    &path,
                    "places",
                    &r.places,
                    &place_ok,
                    "place",
                );
                let mut points = Vec::new();
                for (j, pt) in r.points.iter().enumerate() {
                    match pt.as_slice() {
                        [lon, lat] if crate::projection::in_map_area([*lon, *lat]) => points.push([*lon, *lat]),
                        [lon, lat] => report.key(
                            &span,
                            &path,
                            "points",
                            format!(
                                "points[{j}] [{lon}, {lat}] is outside the map area (139–151°E, 41–47°N); put off-map places in `location`"
                            ),
                        ),
                        _ => report.key(
                            &span,
                            &path,
                            "points",
                            format!("points[{j}] must be [longitude, latitude]"),
                        ),
                    }
                }
                if let Some(loc) = &r.location {
                    non_empty(&mut report, &span, &path, "location", loc);
                }
                let sources = check_sources(&mut report, &span, &path, &r.sources, true);
                let confidence =
                    check_confidence(&mut report, &span, &path, &r.confidence, &r.confidence_note);
                if let (Some(date), Some(kind)) = (date, kind) {
                    events.push(Event {
                        id: r.id.clone(),
                        date,
                        precision: date.precision,
                        end,
                        kind,
                        title: r.title.clone(),
                        summary: r.summary.clone(),
                        islands: r.islands.clone(),
                        places: r.places.clone(),
                        points,
                        location: r.location.clone(),
                        sources,
                        confidence,
                        confidence_note: r.confidence_note.clone(),
                        research: r.research.clone(),
                        excerpts: Vec::new(),
                    });
                }
            }
        }
        let event_dates: HashMap<&str, (PartialDate, Option<PartialDate>)> = events
            .iter()
            .map(|e| (e.id.as_str(), (e.date, e.end)))
            .collect();
        let event_ok = |id: &str| defined[0].contains_key(id);

        // 4. Deployments.
        let mut deployments = Vec::new();
        for p in &pending {
            let mut report = Report {
                src: &p.src,
                errors: &mut errors,
            };
            for (i, spanned) in p.raw.deployments.iter().enumerate() {
                let span = p.src.item(spanned.span());
                let path = format!("deployments[{i}]");
                let r = spanned.get_ref();
                if !island_ok(&r.island) {
                    report.key(
                        &span,
                        &path,
                        "island",
                        format!("unknown island id {:?}", r.island),
                    );
                }
                if let Some(place) = &r.place
                    && !place_ok(place)
                {
                    report.key(&span, &path, "place", format!("unknown place id {place:?}"));
                }
                non_empty(&mut report, &span, &path, "unit", &r.unit);
                non_empty(&mut report, &span, &path, "summary", &r.summary);
                let category = parse_enum(
                    &mut report,
                    &span,
                    &path,
                    "category",
                    &r.category,
                    DeploymentCategory::parse,
                    DeploymentCategory::expected(),
                );
                let status = parse_enum(
                    &mut report,
                    &span,
                    &path,
                    "status",
                    &r.status,
                    DeploymentStatus::parse,
                    DeploymentStatus::expected(),
                );
                let from = parse_date(&mut report, &span, &path, "from", &r.from);
                let until = r
                    .until
                    .as_deref()
                    .and_then(|u| parse_date(&mut report, &span, &path, "until", u));
                let confidence =
                    check_confidence(&mut report, &span, &path, &r.confidence, &r.confidence_note);

                let mut changes = Vec::new();
                if r.changes.is_empty() {
                    report.key(
                        &span,
                        &path,
                        "changes",
                        "a deployment needs at least one change with the events that establish it",
                    );
                }
                let mut all_ok = true;
                for (j, c) in r.changes.iter().enumerate() {
                    let cspan = c.span();
                    let cpath = format!("{path}.changes[{j}]");
                    let rc = c.get_ref();
                    let date = parse_date(&mut report, &cspan, &cpath, "date", &rc.date);
                    let st = parse_enum(
                        &mut report,
                        &cspan,
                        &cpath,
                        "status",
                        &rc.status,
                        DeploymentStatus::parse,
                        DeploymentStatus::expected(),
                    );
                    if rc.events.is_empty() {
                        report.key(
                            &cspan,
                            &cpath,
                            "events",
                            "name the event(s) that establish this change",
                        );
                    }
                    check_ids(
                        &mut report,
                        &cspan,
                        &cpath,
                        "events",
                        &rc.events,
                        &event_ok,
                        "event",
                    );
                    if let Some(d) = date {
                        let dates: Vec<_> = rc
                            .events
                            .iter()
                            .filter_map(|e| event_dates.get(e.as_str()))
                            .collect();
                        let matches = dates.iter().any(|(ed, ee)| *ed == d || *ee == Some(d));
                        if !dates.is_empty() && !matches {
                            let listed: Vec<String> =
                                dates.iter().map(|(ed, _)| ed.to_string()).collect();
                            report.key(
                                &cspan,
                                &cpath,
                                "date",
                                format!(
                                    "{d} is not the date (or end) of any of its events ({})",
                                    listed.join(", ")
                                ),
                            );
                        }
                    }
                    match (date, st) {
                        (Some(date), Some(status)) => changes.push(DeploymentChange {
                            date,
                            status,
                            events: rc.events.clone(),
                            note: rc.note.clone(),
                        }),
                        _ => all_ok = false,
                    }
                }
                if all_ok {
                    for (j, w) in changes.windows(2).enumerate() {
                        if w[1].date < w[0].date {
                            let cspan = r.changes[j + 1].span();
                            report.key(
                                &cspan,
                                &format!("{path}.changes[{}]", j + 1),
                                "date",
                                format!(
                                    "{} is before the previous change ({})",
                                    w[1].date, w[0].date
                                ),
                            );
                        }
                    }
                    let first_in_place = changes.iter().find(|c| c.status.in_place());
                    match (from, first_in_place) {
                        (Some(f), Some(c)) if f != c.date => report.key(
                            &span,
                            &path,
                            "from",
                            format!(
                                "{f} contradicts its events: the first change that puts it in place is dated {}",
                                c.date
                            ),
                        ),
                        (Some(_), None) if !changes.is_empty() => report.key(
                            &span,
                            &path,
                            "from",
                            "no change has status active or reported, so nothing establishes `from`",
                        ),
                        _ => {}
                    }
                    let withdrawn = changes
                        .iter()
                        .find(|c| c.status == DeploymentStatus::Withdrawn);
                    match (until, withdrawn) {
                        (Some(u), Some(c)) if u != c.date => report.key(
                            &span,
                            &path,
                            "until",
                            format!(
                                "{u} contradicts its events: the withdrawal is dated {}",
                                c.date
                            ),
                        ),
                        (Some(u), None) => report.key(
                            &span,
                            &path,
                            "until",
                            format!("{u} is set but no change has status withdrawn"),
                        ),
                        (None, Some(c)) => report.key(
                            &span,
                            &path,
                            "until",
                            format!("missing: a change withdraws it on {}", c.date),
                        ),
                        _ => {}
                    }
                    if let (Some(f), Some(u)) = (from, until)
                        && u < f
                    {
                        report.key(&span, &path, "until", format!("{u} is before from ({f})"));
                    }
                    if let (Some(s), Some(last)) = (status, changes.last())
                        && s != last.status
                    {
                        report.key(
                            &span,
                            &path,
                            "status",
                            format!(
                                "{s} contradicts the latest change ({} on {})",
                                last.status, last.date
                            ),
                        );
                    }
                }
                if let (Some(from), Some(category), Some(status)) = (from, category, status) {
                    deployments.push(Deployment {
                        id: r.id.clone(),
                        island: r.island.clone(),
                        place: r.place.clone(),
                        unit: r.unit.clone(),
                        system: r.system.clone(),
                        category,
                        period: Period { from, until },
                        status,
                        changes,
                        confidence,
                        confidence_note: r.confidence_note.clone(),
                        summary: r.summary.clone(),
                    });
                }
            }
        }

        // 5. Articles.
        let mut articles = Vec::new();
        for p in &pending {
            let Some(spanned) = &p.raw.article else {
                continue;
            };
            let mut report = Report {
                src: &p.src,
                errors: &mut errors,
            };
            let span = p.src.item(spanned.span());
            let path = "article";
            let r = spanned.get_ref();
            non_empty(&mut report, &span, path, "title", &r.title);
            non_empty(&mut report, &span, path, "outlet", &r.outlet);
            let published = parse_date(&mut report, &span, path, "published", &r.published);
            if published.is_some_and(|d| d.precision != Precision::Day) {
                report.key(&span, path, "published", "must be a full date (YYYY-MM-DD)");
            }
            match &r.url {
                Some(url) => {
                    if let Err(e) = check_url(url) {
                        report.key(&span, path, "url", e);
                    }
                }
                None if r.provenance.as_deref().is_none_or(|p| p.trim().is_empty()) => {
                    report.key(
                        &span,
                        path,
                        "provenance",
                        "an article without a url must say why in provenance",
                    );
                }
                None => {}
            }
            if let Err(e) = check_language(&r.language) {
                report.key(&span, path, "language", e);
            }
            let dir = p.src.name.rsplit_once('/').map(|(d, _)| d);
            let text_name = match dir {
                Some(d) => format!("{d}/{}", r.text_file),
                None => r.text_file.clone(),
            };
            let text = texts.get(text_name.as_str()).copied();
            if text.is_none() {
                report.key(
                    &span,
                    path,
                    "text_file",
                    format!("{text_name} was not supplied"),
                );
            }
            if let (Some(published), Some(text)) = (published, text) {
                articles.push(Article {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    outlet: r.outlet.clone(),
                    published: published.first_day(),
                    url: r.url.clone(),
                    provenance: r.provenance.clone(),
                    language: r.language.clone(),
                    text: text.to_string(),
                });
            }
        }
        let article_text: HashMap<&str, &str> = articles
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();

        // 6. Excerpts.
        let mut excerpts = Vec::new();
        for p in &pending {
            let mut report = Report {
                src: &p.src,
                errors: &mut errors,
            };
            for (i, spanned) in p.raw.excerpts.iter().enumerate() {
                let span = p.src.item(spanned.span());
                let path = format!("excerpts[{i}]");
                let r = spanned.get_ref();
                if !defined[2].contains_key(&r.article) {
                    report.key(
                        &span,
                        &path,
                        "article",
                        format!("unknown article id {:?}", r.article),
                    );
                }
                if let Some(text) = article_text.get(r.article.as_str()) {
                    let len = text.chars().count();
                    if r.start >= r.end {
                        report.key(
                            &span,
                            &path,
                            "end",
                            format!("{} must be after start ({})", r.end, r.start),
                        );
                    } else if r.end > len {
                        report.key(
                            &span,
                            &path,
                            "end",
                            format!(
                                "{} is past the end of the article text ({len} characters)",
                                r.end
                            ),
                        );
                    } else {
                        let actual: String =
                            text.chars().skip(r.start).take(r.end - r.start).collect();
                        if actual != r.quote {
                            let hint = text
                                .find(&r.quote)
                                .filter(|_| !r.quote.is_empty())
                                .map(|b| {
                                    let s = text[..b].chars().count();
                                    format!(
                                        " (the quote is at {s}..{})",
                                        s + r.quote.chars().count()
                                    )
                                })
                                .unwrap_or_else(|| " (the quote is not in the text)".to_string());
                            report.key(
                                &span,
                                &path,
                                "start",
                                format!(
                                    "characters {}..{} are {actual:?}, not the quote{hint}",
                                    r.start, r.end
                                ),
                            );
                        }
                    }
                }
                if r.events.is_empty() && r.places.is_empty() && r.islands.is_empty() {
                    report.key(
                        &span,
                        &path,
                        "events",
                        "an excerpt must support at least one event or place",
                    );
                }
                check_ids(
                    &mut report,
                    &span,
                    &path,
                    "events",
                    &r.events,
                    &event_ok,
                    "event",
                );
                check_ids(
                    &mut report,
                    &span,
                    &path,
                    "islands",
                    &r.islands,
                    &island_ok,
                    "island",
                );
                check_ids(
                    &mut report,
                    &span,
                    &path,
                    "places",
                    &r.places,
                    &place_ok,
                    "place",
                );
                excerpts.push(Excerpt {
                    id: r.id.clone(),
                    article: r.article.clone(),
                    start: r.start,
                    end: r.end,
                    quote: r.quote.clone(),
                    events: r.events.clone(),
                    islands: r.islands.clone(),
                    places: r.places.clone(),
                });
            }
        }

        // 7. Annotations.
        let mut annotations = Vec::new();
        for p in &pending {
            let mut report = Report {
                src: &p.src,
                errors: &mut errors,
            };
            for (i, spanned) in p.raw.annotations.iter().enumerate() {
                let span = p.src.item(spanned.span());
                let path = format!("annotations[{i}]");
                let r = spanned.get_ref();
                if !defined[3].contains_key(&r.excerpt) {
                    report.key(
                        &span,
                        &path,
                        "excerpt",
                        format!("unknown excerpt id {:?}", r.excerpt),
                    );
                }
                let kind = parse_enum(
                    &mut report,
                    &span,
                    &path,
                    "kind",
                    &r.kind,
                    AnnotationKind::parse,
                    AnnotationKind::expected(),
                );
                non_empty(&mut report, &span, &path, "note", &r.note);
                let needs_source = kind != Some(AnnotationKind::Translation);
                let sources = check_sources(&mut report, &span, &path, &r.sources, needs_source);
                check_ids(
                    &mut report,
                    &span,
                    &path,
                    "events",
                    &r.events,
                    &event_ok,
                    "event",
                );
                if let Some(kind) = kind {
                    annotations.push(Annotation {
                        id: r.id.clone(),
                        excerpt: r.excerpt.clone(),
                        kind,
                        note: r.note.clone(),
                        sources,
                        events: r.events.clone(),
                    });
                }
            }
        }

        if !errors.is_empty() {
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Err(errors);
        }

        // 8. Link and index.
        events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        deployments.sort_by(|a, b| (a.period.from, &a.id).cmp(&(b.period.from, &b.id)));
        articles.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
        excerpts.sort_by(|a, b| (&a.article, a.start, &a.id).cmp(&(&b.article, b.start, &b.id)));
        annotations.sort_by(|a, b| a.id.cmp(&b.id));
        let event_index: HashMap<String, usize> = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for x in &excerpts {
            for e in &x.events {
                if let Some(&i) = event_index.get(e) {
                    events[i].excerpts.push(x.id.clone());
                }
            }
        }
        let index = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Ok(Dataset {
            deployment_index: index(deployments.iter().map(|d| &d.id).collect()),
            article_index: index(articles.iter().map(|a| &a.id).collect()),
            excerpt_index: index(excerpts.iter().map(|x| &x.id).collect()),
            event_index,
            events,
            deployments,
            articles,
            excerpts,
            annotations,
            places: known.places.clone(),
            islands: known.islands.clone(),
        })
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    pub fn deployment(&self, id: &str) -> Option<&Deployment> {
        self.deployment_index.get(id).map(|&i| &self.deployments[i])
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index.get(id).map(|&i| &self.articles[i])
    }

    pub fn excerpt(&self, id: &str) -> Option<&Excerpt> {
        self.excerpt_index.get(id).map(|&i| &self.excerpts[i])
    }

    /// Position of a place id, if it has one.
    pub fn place_position(&self, id: &str) -> Option<Point> {
        self.places.get(id).copied().flatten()
    }
}
