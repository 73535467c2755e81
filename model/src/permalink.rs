//! The map state a URL carries, and its codec.
//!
//! Query-string form, following OpenStreetMap's `map=zoom/lat/lon`:
//! `?map=8.25/44.100/146.700&island=kunashiri&date=2017-01-01&layers=islands,lines&names=ru`;
//! a comparison of the map's date with another, `date=2017-01-01&compare=2015-01-01`
//! (`compare=` alone compares with today);
//! a record's card: `?deployment=bastion-etorofu` or `?event=…`; the
//! language, `lang=ja` or `lang=ru` (English is the default), and the names
//! convention only where it differs from the language's default.
//! [`format`] writes one canonical URL per state (fixed parameter order,
//! defaults omitted, coordinates rounded for the zoom). [`parse`] is total:
//! it never fails as a whole; each unknown, repeated or malformed parameter
//! is dropped and reported, and the rest applies.

use crate::decimal;
use crate::events::Date;
use crate::i18n::{Catalogue, Lang};
use crate::names::{NameStyle, Naming};
use crate::viewport::{MAX_ZOOM, MIN_ZOOM, View};
use std::fmt;

mod loaded;
pub use loaded::{ArticleAnswer, refuted};

/// Map layers the reader can switch, in URL order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    Islands,
    Deployments,
    Places,
    Lines,
    Events,
}

impl Layer {
    pub const ALL: [Layer; 5] = [
        Layer::Islands,
        Layer::Deployments,
        Layer::Places,
        Layer::Lines,
        Layer::Events,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Islands => "islands",
            Layer::Deployments => "deployments",
            Layer::Places => "places",
            Layer::Lines => "lines",
            Layer::Events => "events",
        }
    }

    pub fn parse(s: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.as_str() == s)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of layers; the default shows them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layers(u8);

impl Default for Layers {
    fn default() -> Self {
        Layers::all()
    }
}

impl Layers {
    pub fn all() -> Self {
        Layers(Layer::ALL.iter().fold(0, |bits, l| bits | l.bit()))
    }

    pub fn none() -> Self {
        Layers(0)
    }

    pub fn contains(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    pub fn with(self, layer: Layer, on: bool) -> Self {
        if on {
            Layers(self.0 | layer.bit())
        } else {
            Layers(self.0 & !layer.bit())
        }
    }

    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

/// Everything a permalink restores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapState {
    /// `None`: the default view that fits the disputed islands on screen.
    pub view: Option<View>,
    /// The island whose panel is open.
    pub island: Option<String>,
    /// The timeline's date; `None`: today.
    pub date: Option<Date>,
    /// The date the map's date is compared with (what changed from it to
    /// `date`); `None`: no comparison. Needs no `date`: alone, it compares
    /// with today.
    pub compare: Option<Date>,
    /// The event whose details are open.
    pub event: Option<String>,
    /// The deployment whose card is open (its symbol highlighted).
    pub deployment: Option<String>,
    /// The article open in the reader, and optionally one of its excerpts (1-based).
    pub article: Option<String>,
    pub excerpt: Option<u32>,
    pub layers: Layers,
    /// The names convention chosen; `None`: the language's default
    /// ([`NameStyle::default_for`]).
    pub names: Option<NameStyle>,
    /// The interface's language; `None`: the reader's browser decides
    /// (the app fills it in at start), English by default.
    pub lang: Option<Lang>,
    /// The map without page chrome, for `<iframe>` embedding.
    pub embed: bool,
}

impl MapState {
    /// The language shown: the link's, else English.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// How names are written: the chosen convention, else the language's
    /// default, in the language's script.
    pub fn naming(&self) -> Naming {
        let lang = self.lang();
        Naming::new(lang, self.names.unwrap_or(NameStyle::default_for(lang)))
    }

    /// Opens an island's panel (`None`: closes every panel): one selection
    /// at a time, so a record's card does not hide the island chosen.
    pub fn open_island(&mut self, island: Option<String>) {
        self.island = island;
        self.event = None;
        self.deployment = None;
    }

    /// Opens a deployment's card, from its symbol: the record alone.
    pub fn open_deployment(&mut self, id: String) {
        self.deployment = Some(id);
        self.event = None;
        self.island = None;
    }

    /// Opens an event's card over what is open (an island's panel, a
    /// deployment's card): closing it returns there.
    pub fn open_event(&mut self, id: String) {
        self.event = Some(id);
    }
}

/// A part of a URL that was ignored, and why; shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub parameter: String,
    pub reason: Reason,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.parameter, self.reason)
    }
}

impl Ignored {
    /// The notice's line in the catalogue's language: "date: …"
    /// (`shell-ignored-item`).
    pub fn words(&self, c: &Catalogue) -> String {
        c.format(
            "shell-ignored-item",
            &[
                ("parameter", self.parameter.as_str().into()),
                ("reason", self.reason.words(c).into()),
            ],
        )
    }
}

/// Why a part of a link was ignored: in English by `Display` (tests, logs),
/// in the reader's language by [`Reason::words`] (a `shell-reason-…` key
/// per reason).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    UnknownParameter,
    Repeated,
    ExpectedView,
    NotANumber,
    ZoomOutOfRange,
    OutsideMapArea,
    InvalidId,
    ExpectedDate,
    InvalidDate,
    OutsideTimeline,
    ExpectedExcerpt,
    UnknownLayer,
    NoKnownLayer,
    ExpectedNames,
    ExpectedLang,
    ExpectedEmbed,
    NeedsArticle,
    /// A date after today: the map shows today.
    Future {
        date: Date,
        today: Date,
    },
    /// An article the server does not have.
    NoArticle(String),
    /// An excerpt past the article's last: the article has `count`.
    NoExcerpt {
        number: u32,
        count: usize,
    },
}

impl Reason {
    /// The catalogue key of a reason without values.
    fn key(&self) -> &'static str {
        match self {
            Reason::UnknownParameter => "shell-reason-unknown-parameter",
            Reason::Repeated => "shell-reason-repeated",
            Reason::ExpectedView => "shell-reason-expected-view",
            Reason::NotANumber => "shell-reason-not-a-number",
            Reason::ZoomOutOfRange => "shell-reason-zoom-out-of-range",
            Reason::OutsideMapArea => "shell-reason-outside-map-area",
            Reason::InvalidId => "shell-reason-invalid-id",
            Reason::ExpectedDate => "shell-reason-expected-date",
            Reason::InvalidDate => "shell-reason-invalid-date",
            Reason::OutsideTimeline => "shell-reason-outside-timeline",
            Reason::ExpectedExcerpt => "shell-reason-expected-excerpt",
            Reason::UnknownLayer => "shell-reason-unknown-layer",
            Reason::NoKnownLayer => "shell-reason-no-known-layer",
            Reason::ExpectedNames => "shell-reason-expected-names",
            Reason::ExpectedLang => "shell-reason-expected-lang",
            Reason::ExpectedEmbed => "shell-reason-expected-embed",
            Reason::NeedsArticle => "shell-reason-needs-article",
            Reason::Future { .. } => "shell-reason-future",
            Reason::NoArticle(_) => "shell-reason-no-article",
            Reason::NoExcerpt { .. } => "shell-reason-no-excerpt",
        }
    }

    /// The reason in the catalogue's language, dates in words.
    pub fn words(&self, c: &Catalogue) -> String {
        match self {
            Reason::Future { date, today } => c.format(
                self.key(),
                &[
                    ("date", c.day_words(*date).into()),
                    ("today", c.day_words(*today).into()),
                ],
            ),
            Reason::NoArticle(id) => c.format(self.key(), &[("id", id.as_str().into())]),
            Reason::NoExcerpt { number, count } => c.format(
                self.key(),
                &[("number", (*number).into()), ("count", (*count).into())],
            ),
            other => c.text(other.key()),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Reason::UnknownParameter => "unknown parameter",
            Reason::Repeated => "repeated parameter; the first one applies",
            Reason::ExpectedView => "expected zoom/latitude/longitude",
            Reason::NotANumber => "not a number",
            Reason::ZoomOutOfRange => "zoom out of range",
            Reason::OutsideMapArea => "outside the map area",
            Reason::InvalidId => "not a valid id",
            Reason::ExpectedDate => "expected a date as YYYY-MM-DD",
            Reason::InvalidDate => "not a valid date",
            Reason::OutsideTimeline => "outside the timeline (1855 onwards)",
            Reason::ExpectedExcerpt => "expected an excerpt number from 1",
            Reason::UnknownLayer => "unknown layer",
            Reason::NoKnownLayer => "no known layer",
            Reason::ExpectedNames => "expected ja, ru or both",
            Reason::ExpectedLang => "expected en, ja or ru",
            Reason::ExpectedEmbed => "expected 1 or 0",
            Reason::NeedsArticle => "needs an article",
            Reason::Future { date, today } => {
                return write!(f, "{date} is in the future; the map shows today, {today}");
            }
            Reason::NoArticle(id) => {
                return write!(f, "Kuril Atlas has no article “{id}”");
            }
            Reason::NoExcerpt { number, count } => {
                return match count {
                    0 => write!(f, "there is no excerpt {number}: this article has none"),
                    1 => write!(f, "there is no excerpt {number}: this article has one"),
                    _ => write!(f, "there is no excerpt {number}: this article has {count}"),
                };
            }
        };
        f.write_str(text)
    }
}

/// Longest id accepted; real ids are much shorter.
const MAX_ID_LEN: usize = 64;
/// The timeline's range: from the Treaty of Shimoda's year to well past today.
pub const FIRST_YEAR: u16 = 1855;
pub const LAST_YEAR: u16 = 2100;
/// Parameters in canonical order.
pub const PARAMETERS: [&str; 12] = [
    "map",
    "island",
    "date",
    "compare",
    "event",
    "deployment",
    "article",
    "excerpt",
    "layers",
    "names",
    "lang",
    "embed",
];

/// Parses a query string (with or without the leading `?`).
pub fn parse(query: &str) -> (MapState, Vec<Ignored>) {
    let mut state = MapState::default();
    let mut ignored = Vec::new();
    let mut seen: Vec<&'static str> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        let mut reject = |reason: Reason| {
            ignored.push(Ignored {
                parameter: shorten(&key),
                reason,
            })
        };
        let Some(name) = PARAMETERS.iter().copied().find(|p| *p == key) else {
            reject(Reason::UnknownParameter);
            continue;
        };
        if seen.contains(&name) {
            reject(Reason::Repeated);
            continue;
        }
        seen.push(name);
        let applied = match name {
            "map" => parse_view(&value).map(|v| state.view = Some(v)),
            "island" => parse_id(&value).map(|v| state.island = Some(v)),
            "date" => parse_date(&value).map(|d| state.date = Some(d)),
            "compare" => parse_date(&value).map(|d| state.compare = Some(d)),
            "event" => parse_id(&value).map(|v| state.event = Some(v)),
            "deployment" => parse_id(&value).map(|v| state.deployment = Some(v)),
            "article" => parse_id(&value).map(|v| state.article = Some(v)),
            "excerpt" => parse_excerpt(&value).map(|n| state.excerpt = Some(n)),
            "layers" => parse_layers(&value, &mut ignored).map(|l| state.layers = l),
            "names" => parse_names(&value).map(|n| state.names = Some(n)),
            "lang" => value
                .parse::<Lang>()
                .map(|l| state.lang = Some(l))
                .map_err(|_| Reason::ExpectedLang),
            "embed" => match value.as_str() {
                "1" => {
                    state.embed = true;
                    Ok(())
                }
                "0" => Ok(()),
                _ => Err(Reason::ExpectedEmbed),
            },
            _ => Err(Reason::UnknownParameter),
        };
        if let Err(reason) = applied {
            ignored.push(Ignored {
                parameter: name.to_owned(),
                reason,
            });
        }
    }
    if state.excerpt.is_some() && state.article.is_none() {
        state.excerpt = None;
        ignored.push(Ignored {
            parameter: "excerpt".into(),
            reason: Reason::NeedsArticle,
        });
    }
    (state, ignored)
}

/// The canonical query string (without `?`) for a state.
pub fn format(state: &MapState) -> String {
    let mut parts = Vec::new();
    if let Some(view) = state.view {
        parts.push(format!("map={}", format_view(view)));
    }
    if let Some(island) = &state.island {
        parts.push(format!("island={island}"));
    }
    if let Some(date) = state.date {
        parts.push(format!("date={date}"));
    }
    if let Some(compare) = state.compare {
        parts.push(format!("compare={compare}"));
    }
    if let Some(event) = &state.event {
        parts.push(format!("event={event}"));
    }
    if let Some(deployment) = &state.deployment {
        parts.push(format!("deployment={deployment}"));
    }
    if let Some(article) = &state.article {
        parts.push(format!("article={article}"));
        if let Some(n) = state.excerpt {
            parts.push(format!("excerpt={n}"));
        }
    }
    if state.layers != Layers::all() {
        let names: Vec<_> = state.layers.iter().map(Layer::as_str).collect();
        parts.push(format!("layers={}", names.join(",")));
    }
    // Only a choice that differs from the language's default.
    match state
        .names
        .filter(|n| *n != NameStyle::default_for(state.lang()))
    {
        None => {}
        Some(NameStyle::Both) => parts.push("names=both".into()),
        Some(NameStyle::Japanese) => parts.push("names=ja".into()),
        Some(NameStyle::Russian) => parts.push("names=ru".into()),
    }
    if let Some(lang) = state.lang.filter(|l| *l != Lang::En) {
        parts.push(format!("lang={lang}"));
    }
    if state.embed {
        parts.push("embed=1".into());
    }
    parts.join("&")
}

/// `/` or `/?…`: the path and query of a state's permalink.
pub fn href(state: &MapState) -> String {
    let query = format(state);
    if query.is_empty() {
        "/".into()
    } else {
        format!("/?{query}")
    }
}

/// Rounds a view the way its URL does, so a state equals its own round trip.
pub fn canonical_view(view: View) -> View {
    let text = format_view(view);
    parse_view(&text).unwrap_or(view)
}

/// Decimals for coordinates at a zoom: one step is under a screen pixel.
pub fn coordinate_decimals(zoom: f64) -> usize {
    ((zoom * std::f64::consts::LN_2 / std::f64::consts::LN_10).ceil() as usize).clamp(2, 6)
}

fn format_view(view: View) -> String {
    let view = view.clamped();
    let zoom = (view.zoom * 100.0).round() / 100.0;
    let decimals = coordinate_decimals(zoom);
    let decimals = decimals as u32;
    format!(
        "{}/{}/{}",
        decimal::trimmed(zoom, 2),
        decimal::fixed(view.lat, decimals),
        decimal::fixed(view.lon, decimals)
    )
}

fn parse_view(value: &str) -> Result<View, Reason> {
    let mut parts = value.split('/');
    let (Some(z), Some(lat), Some(lon), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Reason::ExpectedView);
    };
    let number = |s: &str| -> Option<f64> {
        // Bound the length so a megabyte of digits is rejected cheaply.
        (s.len() <= 24).then(|| decimal::parse(s)).flatten()
    };
    let (Some(zoom), Some(lat), Some(lon)) = (number(z), number(lat), number(lon)) else {
        return Err(Reason::NotANumber);
    };
    if !(MIN_ZOOM..=MAX_ZOOM).contains(&zoom) {
        return Err(Reason::ZoomOutOfRange);
    }
    let view = View { zoom, lat, lon };
    if view.clamped() != view {
        return Err(Reason::OutsideMapArea);
    }
    // Round as `format` does, so any accepted URL is already canonical in value.
    let zoom = (zoom * 100.0).round() / 100.0;
    let decimals = coordinate_decimals(zoom) as i32;
    let round = |v: f64| {
        let f = 10f64.powi(decimals);
        (v * f).round() / f
    };
    Ok(View {
        zoom,
        lat: round(lat),
        lon: round(lon),
    })
}

fn parse_id(value: &str) -> Result<String, Reason> {
    let valid = !value.is_empty()
        && value.len() <= MAX_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(value.to_owned())
    } else {
        Err(Reason::InvalidId)
    }
}

fn parse_date(value: &str) -> Result<Date, Reason> {
    if value.len() != 10 {
        return Err(Reason::ExpectedDate);
    }
    let date: Date = value.parse().map_err(|_| Reason::InvalidDate)?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year) {
        return Err(Reason::OutsideTimeline);
    }
    Ok(date)
}

fn parse_excerpt(value: &str) -> Result<u32, Reason> {
    match value.parse::<u32>() {
        Ok(n) if (1..=10_000).contains(&n) && !value.starts_with('0') => Ok(n),
        _ => Err(Reason::ExpectedExcerpt),
    }
}

fn parse_layers(value: &str, ignored: &mut Vec<Ignored>) -> Result<Layers, Reason> {
    if value.is_empty() {
        return Ok(Layers::none());
    }
    let mut layers = Layers::none();
    let mut any_valid = false;
    for name in value.split(',') {
        match Layer::parse(name) {
            Some(layer) => {
                layers = layers.with(layer, true);
                any_valid = true;
            }
            None => ignored.push(Ignored {
                parameter: format!("layers: {}", shorten(name)),
                reason: Reason::UnknownLayer,
            }),
        }
    }
    if any_valid {
        Ok(layers)
    } else {
        Err(Reason::NoKnownLayer)
    }
}

fn parse_names(value: &str) -> Result<NameStyle, Reason> {
    match value {
        "ja" => Ok(NameStyle::Japanese),
        "ru" => Ok(NameStyle::Russian),
        "both" => Ok(NameStyle::Both),
        _ => Err(Reason::ExpectedNames),
    }
}

/// Keeps reported parameter names short and printable.
fn shorten(key: &str) -> String {
    let clean: String = key.chars().filter(|c| !c.is_control()).take(32).collect();
    if clean.is_empty() {
        "(empty)".into()
    } else {
        clean
    }
}

/// Decodes `%XX` escapes and `+`; invalid escapes and invalid UTF-8 are kept
/// or replaced rather than failing, so decoding is total.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
