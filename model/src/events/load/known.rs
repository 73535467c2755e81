//! The ids the data may refer to beyond its own records: the islands and
//! groups of `geodata/islands.toml`, the land the map draws, and the places
//! of `geodata/places.geojson`. Built from those files
//! ([`crate::islands::Islands::known`]), never spelt here.

use std::collections::{BTreeMap, BTreeSet};

use crate::events::Point;

/// Ids the data may refer to, supplied by the caller.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Islands, groups and every land the map draws.
    pub islands: BTreeSet<String>,
    /// Group id → its member islands: data tagged with a member concerns the group.
    pub groups: BTreeMap<String, Vec<String>>,
    /// Place id → `[lon, lat]` where known.
    pub places: BTreeMap<String, Option<Point>>,
    /// The places that stand for an island as a whole (its centroid), not a
    /// site on it: a record there has no published site.
    pub centroids: BTreeSet<String>,
    /// Id → its names in every form: what a `{id}` reference
    /// in text may name (the islands and groups, and the places: what the app
    /// has names for)
    /// and how it is rendered ([`crate::names::render`]).
    pub names: BTreeMap<String, crate::names::Forms>,
    /// The disputed islands' and groups' names in every convention, which
    /// text must not spell out (it writes `{id}`, rendered in the reader's
    /// convention).
    pub spellings: Vec<Spelling>,
    /// The caller's today (UTC): no record may be `added` or `updated` after
    /// it. `None` leaves that one check out (the library has no clock).
    pub today: Option<crate::events::Date>,
}

/// A name of a disputed island or group that text may not spell out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    /// As written: `Etorofu`, `Iturup`, `Итуруп`, `択捉`, ...
    pub text: String,
    /// The id to write instead.
    pub id: String,
    /// Only as a whole word, and not before a capitalised word: an islet's
    /// name that is also a given name or a common word (`Yuri`, `Yuriy`,
    /// `Zelyony`), so that "Yuri Trutnev" stays writable. Otherwise a word
    /// that begins with the name is refused too, catching inflections and
    /// derived words ("Итурупе", "Kunashirsky").
    pub whole_word: bool,
}
