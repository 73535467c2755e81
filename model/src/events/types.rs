//! The validated data types the server serves and the app shows.

use serde::{Deserialize, Serialize};

use super::date::{Date, PartialDate, Precision};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// `[longitude, latitude]` in degrees (WGS84), as GeoJSON writes it.
pub type Point = [f64; 2];

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $s:tt),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(ToSchema))]
        #[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)+ }
            }

            /// Parses the file/URL spelling; `None` for anything else.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$variant),)+ _ => None }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                [$($s),+].join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// Readers' names for an enum's values, from the catalogue
/// (`assets/i18n/*/app-panels.ftl`): `<prefix>-<value>`, e.g. `kind-treaty`.
macro_rules! labelled {
    ($($name:ident => $prefix:literal),+ $(,)?) => {$(
        impl $name {
            /// The catalogue key of this value's name.
            pub fn key(self) -> String {
                format!("{}-{}", $prefix, self.as_str())
            }

            /// This value's name in the catalogue's language.
            pub fn label(self, catalogue: &crate::i18n::Catalogue) -> String {
                catalogue.text(&self.key())
            }
        }
    )+};
}

labelled!(
    EventKind => "kind",
    Confidence => "confidence",
    SourceKind => "source-kind",
    DeploymentCategory => "category",
    DeploymentStatus => "status",
    AnnotationKind => "annotation",
);

string_enum!(
    /// What kind of thing happened.
    EventKind {
        Deployment = "deployment",
        Withdrawal = "withdrawal",
        Exercise = "exercise",
        Construction = "construction",
        Diplomacy = "diplomacy",
        Treaty = "treaty",
        Visit = "visit",
        Occupation = "occupation",
        Incident = "incident",
        Statement = "statement",
    }
);

string_enum!(
    /// `high`: a cited page states it plainly. `medium`: inferred; the
    /// reason is in `confidence_note`.
    Confidence {
        High = "high",
        Medium = "medium",
    }
);

string_enum!(
    /// What kind of publisher a source is; the validator weighs events by it.
    SourceKind {
        /// Government, ministry, parliament, armed forces.
        Official = "official",
        Intergovernmental = "intergovernmental",
        /// News agency (Kyodo, Jiji, TASS, RIA Novosti, Reuters, AP, AFP, Interfax).
        Wire = "wire",
        Newspaper = "newspaper",
        Broadcaster = "broadcaster",
        /// Think tank, university, research institute.
        Research = "research",
        /// Encyclopedia.
        Reference = "reference",
        Blog = "blog",
        /// Mirror or republisher of others' content.
        Aggregator = "aggregator",
    }
);

string_enum!(
    DeploymentCategory {
        CoastalMissile = "coastal-missile",
        AirDefence = "air-defence",
        Aircraft = "aircraft",
        GroundForces = "ground-forces",
        BorderGuard = "border-guard",
        Infrastructure = "infrastructure",
    }
);

string_enum!(
    /// `planned`: announced, not yet there. `reported`: sources say it is
    /// there but nothing dates its arrival or confirms it is still there.
    /// `active`: there, dated. `withdrawn`: gone.
    DeploymentStatus {
        Reported = "reported",
        Active = "active",
        Withdrawn = "withdrawn",
        Planned = "planned",
    }
);

impl DeploymentCategory {
    /// The CSS class of the category's colour (`assets/style.css`'s and
    /// `assets/chart.css`'s `.cat-…`), wherever a symbol, badge or bar is drawn.
    pub fn class(self) -> &'static str {
        match self {
            DeploymentCategory::CoastalMissile => "cat-missile",
            DeploymentCategory::AirDefence => "cat-air-defence",
            DeploymentCategory::Aircraft => "cat-aircraft",
            DeploymentCategory::GroundForces => "cat-ground",
            DeploymentCategory::BorderGuard => "cat-border",
            DeploymentCategory::Infrastructure => "cat-infrastructure",
        }
    }

    /// The letter on the category's map symbol (colour is never the only signal).
    pub fn letter(self) -> &'static str {
        match self {
            DeploymentCategory::CoastalMissile => "M",
            DeploymentCategory::AirDefence => "A",
            DeploymentCategory::Aircraft => "J",
            DeploymentCategory::GroundForces => "G",
            DeploymentCategory::BorderGuard => "B",
            DeploymentCategory::Infrastructure => "I",
        }
    }

    /// The catalogue key of the category's name (`shell-category-…`), for
    /// the legend the server draws and the symbols the app names.
    pub fn name_key(self) -> &'static str {
        match self {
            DeploymentCategory::CoastalMissile => "shell-category-missile",
            DeploymentCategory::AirDefence => "shell-category-air-defence",
            DeploymentCategory::Aircraft => "shell-category-aircraft",
            DeploymentCategory::GroundForces => "shell-category-ground",
            DeploymentCategory::BorderGuard => "shell-category-border",
            DeploymentCategory::Infrastructure => "shell-category-infrastructure",
        }
    }
}

impl DeploymentStatus {
    /// Whether a deployment with this status is physically there.
    pub fn in_place(self) -> bool {
        matches!(self, DeploymentStatus::Reported | DeploymentStatus::Active)
    }
}

string_enum!(
    AnnotationKind {
        FactCheck = "fact-check",
        Context = "context",
        Translation = "translation",
    }
);

string_enum!(
    /// A fact-check's verdict on the claim it checks, from false to true
    /// (published as a ClaimReview's `reviewRating`, `ratingValue` 1–5).
    ClaimRating {
        False = "false",
        MostlyFalse = "mostly-false",
        Mixed = "mixed",
        MostlyTrue = "mostly-true",
        True = "true",
    }
);

impl ClaimRating {
    /// 1 (false) to 5 (true): the place on the scale, [`ClaimRating::ALL`]'s order.
    pub fn value(self) -> u8 {
        let at = ClaimRating::ALL
            .iter()
            .position(|r| *r == self)
            .unwrap_or(0);
        u8::try_from(at + 1).unwrap_or(1)
    }
}

/// A page that supports a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct Source {
    /// http(s) URL.
    pub url: String,
    /// Who published it, e.g. `Kyodo News`.
    pub outlet: String,
    /// Language of the page, ISO 639-1 (`en`, `ja`, `ru`, ...).
    pub language: String,
    /// What kind of publisher `outlet` is.
    pub kind: SourceKind,
    /// The page's own title, where known.
    pub title: Option<String>,
    /// The page's publication date, where known.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub published: Option<PartialDate>,
}

/// Something that happened, dated as precisely as the sources allow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Event {
    pub id: String,
    /// The day the event entered the data (`YYYY-MM-DD`, from the data's
    /// history).
    // Not in the app's decoder (wasm budget): the feed and the event pages use it.
    #[cfg(feature = "loader")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2026-11-26"))]
    pub added: Date,
    /// The day the event's record last changed (`YYYY-MM-DD`; not before `added`).
    #[cfg(feature = "loader")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "2026-12-02"))]
    pub updated: Date,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; or a bound, `by YYYY-MM` (any of
    /// the three forms after `by `): on or before the end of that period.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2016-11"))]
    pub date: PartialDate,
    /// How precise `date` is (implied by its form, given for convenience).
    pub precision: Precision,
    /// Last day, month or year for events that span a period.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub end: Option<PartialDate>,
    pub kind: EventKind,
    /// With the names of islands, groups and places in both conventions
    /// ("Etorofu / Iturup"), as in every text field of this API.
    pub title: String,
    /// `title` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub title_template: Option<String>,
    /// In both names conventions, like `title`.
    pub summary: String,
    /// `summary` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub summary_template: Option<String>,
    /// Island ids (`etorofu`, `habomai`, `suisho`, ...).
    pub islands: Vec<String>,
    /// Map place ids (`goryachiye-klyuchi`, ...).
    pub places: Vec<String>,
    /// Extra map points, `[lon, lat]`, inside the map area.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<f64>>))]
    pub points: Vec<Point>,
    /// Free-text location for places off the map (`Tokyo`, `Matua`).
    pub location: Option<String>,
    /// `location` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    // Not in the app's decoder (wasm budget): the app shows this text in both conventions.
    #[cfg(feature = "loader")]
    pub location_template: Option<String>,
    pub sources: Vec<Source>,
    pub confidence: Confidence,
    /// Why the confidence is medium.
    pub confidence_note: Option<String>,
    /// `confidence_note` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    // Not in the app's decoder (wasm budget): the app shows this text in both conventions.
    #[cfg(feature = "loader")]
    pub confidence_note_template: Option<String>,
    /// Row(s) of the project fact base this event comes from, e.g. `A9`.
    pub research: Vec<String>,
    /// Excerpts of shipped articles that report this event (filled in at load).
    pub excerpts: Vec<String>,
    /// The language of the text fields: the one asked for (`?lang=`), or
    /// `en` where the project has no translation yet. Japanese and Russian
    /// text is the project's translation.
    pub text_lang: String,
}

/// One change in a deployment's life, and the events that establish it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct DeploymentChange {
    /// As an event's date; a `by` bound takes effect on its last day.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub date: PartialDate,
    pub status: DeploymentStatus,
    pub events: Vec<String>,
    pub note: Option<String>,
    /// `note` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub note_template: Option<String>,
}

/// When a deployment was in place; either may be a `by` bound
/// (`"by 2023-08"`), in effect from the bound's last day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct Period {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub from: PartialDate,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub until: Option<PartialDate>,
}

/// A unit, weapon system or installation on one island.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Deployment {
    pub id: String,
    pub island: String,
    /// Map place id; when the site is unknown, the island's centroid place.
    pub place: Option<String>,
    pub unit: String,
    /// `unit` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub unit_template: Option<String>,
    pub system: Option<String>,
    pub category: DeploymentCategory,
    pub period: Period,
    /// Status after the latest change.
    pub status: DeploymentStatus,
    pub changes: Vec<DeploymentChange>,
    pub confidence: Confidence,
    pub confidence_note: Option<String>,
    /// `confidence_note` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub confidence_note_template: Option<String>,
    pub summary: String,
    /// `summary` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub summary_template: Option<String>,
    /// The language of the text fields, as an event's `text_lang`.
    pub text_lang: String,
}

impl Deployment {
    /// The status on `date`, or `None` before the first change takes
    /// effect. Every change takes effect on the last day of its period
    /// ([`PartialDate::known_from`]: "1945" on 31 December 1945, "by
    /// 2023-08" on 31 August 2023): a start dated by year or month is not
    /// in place before it, an end dated so keeps the record until then.
    pub fn status_at(&self, date: Date) -> Option<DeploymentStatus> {
        self.changes
            .iter()
            .take_while(|c| c.date.started_by(date))
            .last()
            .map(|c| c.status)
    }

    /// Physically there on `date`.
    pub fn in_place_at(&self, date: Date) -> bool {
        self.status_at(date).is_some_and(DeploymentStatus::in_place)
    }
}

/// A source with excerpts: a shipped article (its full text is ours to
/// quote) or a quoted one (short excerpts only, each linked to its page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Article {
    pub id: String,
    pub title: String,
    pub outlet: String,
    /// What kind of publisher `outlet` is (every quoted article says).
    pub kind: Option<SourceKind>,
    /// As precise as the page says; absent when the page is undated.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub published: Option<PartialDate>,
    /// http(s) URL; every quoted article has one.
    pub url: Option<String>,
    /// Why there is no URL, or what is known of the provenance.
    pub provenance: Option<String>,
    pub language: String,
    /// The full text of a shipped article; absent for a quoted one (and in
    /// the article list).
    pub text: Option<String>,
}

/// A quoted passage: a span of a shipped article's text, or a short
/// verbatim quote (at most 60 words) of a quoted article's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub struct Excerpt {
    pub id: String,
    pub article: String,
    /// Start, in Unicode scalar values (chars) from the start of the text;
    /// shipped articles only.
    pub start: Option<usize>,
    /// End (exclusive), in chars; shipped articles only.
    pub end: Option<usize>,
    /// The text of `start..end` (checked at load), or the quote as on the page.
    pub quote: String,
    /// Our translation of a quote in another language, into the language
    /// asked for (`?lang=`; English by default); null when the quote is in
    /// that language.
    pub translation: Option<String>,
    /// `translation` as the data writes it: `{id}` references to islands,
    /// groups and places, for a client that shows names in one convention;
    /// null when it names none (as the records' `*_template` fields).
    pub translation_template: Option<String>,
    /// The language of `translation`: the one asked for, or `en` where the
    /// project has no translation into it yet.
    pub translation_lang: Option<String>,
    pub events: Vec<String>,
    pub islands: Vec<String>,
    pub places: Vec<String>,
}

/// A note on an excerpt: a fact-check, context or a translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Annotation {
    pub id: String,
    pub excerpt: String,
    pub kind: AnnotationKind,
    pub note: String,
    /// `note` as the data writes it: `{id}` references to islands, groups
    /// and places (ids of `/api/islands` and `/api/geo/places`) for a client
    /// that shows names in one convention; null when it names none.
    pub note_template: Option<String>,
    pub sources: Vec<Source>,
    /// Events the note relies on.
    pub events: Vec<String>,
    /// The language of `note`, as an event's `text_lang`.
    pub text_lang: String,
    /// A fact-check's verdict on the excerpt's claim; null for other kinds.
    pub rating: Option<ClaimRating>,
    /// The day a fact-check was first published; null for other kinds.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub reviewed: Option<Date>,
}
