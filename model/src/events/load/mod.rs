//! Loading and validating the human-edited TOML files of `geodata/events/`.
//!
//! [`Dataset::load`] is pure: the caller reads the files and passes their
//! names and text. Every problem found becomes a [`DataError`] that names the
//! file, the line and the field, so a reviewer can jump straight to it; all
//! problems are reported at once, not only the first.
//!
//! The phases, in order: parse (`raw`), ids and duplicates (`ids`), the
//! source denylist (`denylist`), then one
//! validator per kind of record (`events`, `deployments`, `articles`,
//! `excerpts`, `annotations`; later kinds refer to earlier ones), and last
//! `link`. Shared field checks are in `fields`; lines and the error report
//! in `source` and `report`.

mod annotations;
mod articles;
mod denylist;
pub use denylist::Denylist;
mod deployments;
pub(crate) mod distances;
mod events;
mod excerpts;
mod fields;
mod ids;
mod known;
mod link;
mod localize;
pub(crate) mod positions;
mod raw;
mod report;
mod source;
mod translations;
pub use translations::Translations;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::types::*;
use ids::Ids;
pub use known::{Known, Spelling};
use link::Records;
pub use report::DataError;

/// Everything in `geodata/events/`, validated and cross-linked.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// In date order (then id).
    pub events: Vec<Event>,
    /// In `from` order (then id).
    pub deployments: Vec<Deployment>,
    /// Shipped articles first, then quoted ones by date, undated last.
    pub articles: Vec<Article>,
    /// In article order (shipped, then quoted by date), then start order.
    pub excerpts: Vec<Excerpt>,
    pub annotations: Vec<Annotation>,
    /// The known places the data was checked against, with positions.
    pub places: BTreeMap<String, Option<Point>>,
    /// Places that stand for a whole island (`Known::centroids`).
    pub centroids: BTreeSet<String>,
    pub islands: BTreeSet<String>,
    /// Group id → member islands (`Known::groups`).
    pub groups: BTreeMap<String, Vec<String>>,
    /// Domains no source may cite (`denylist.toml`); other files' sources
    /// (the positions) are checked against it too.
    pub denylist: Denylist,
    /// The records' Japanese and Russian text ([`Dataset::in_language`]).
    pub translations: translations::Translations,
    /// Id → every form of its name, to render `{id}` in any language.
    pub names: BTreeMap<String, crate::names::Forms>,
    event_index: HashMap<String, usize>,
    deployment_index: HashMap<String, usize>,
    article_index: HashMap<String, usize>,
    excerpt_index: HashMap<String, usize>,
}

impl Dataset {
    /// Parses and validates `files` (`(name, text)`; names such as
    /// `geodata/events/events.toml`). `.toml` files hold any of `[[events]]`,
    /// `[[deployments]]`, `[article]`, `[[excerpts]]`, `[[annotations]]`,
    /// `[[denied]]`;
    /// other files are article texts, found through `article.text_file`
    /// relative to the TOML file that names them.
    pub fn load(files: &[(&str, &str)], known: &Known) -> Result<Dataset, Vec<DataError>> {
        Dataset::load_checking(files, known, true)
    }

    /// [`Dataset::load`] without the rule that every record is in all
    /// three languages: for the unit tests' small files, which test the
    /// other rules.
    #[cfg(test)]
    pub(crate) fn load_any_language(
        files: &[(&str, &str)],
        known: &Known,
    ) -> Result<Dataset, Vec<DataError>> {
        Dataset::load_checking(files, known, false)
    }

    fn load_checking(
        files: &[(&str, &str)],
        known: &Known,
        every_language: bool,
    ) -> Result<Dataset, Vec<DataError>> {
        let parsed = raw::parse(files)?;
        let texts: HashMap<&str, &str> = files.iter().copied().collect();
        let mut errors = Vec::new();
        let ids = Ids::collect(&parsed, known, &mut errors);
        let denied = denylist::validate(&parsed, &mut errors);
        denylist::check_sources(&parsed, &denied, &mut errors);
        let events = events::validate(&parsed, &ids, known.today, &mut errors);
        let deployments = deployments::validate(&parsed, &ids, &events, &mut errors);
        let articles = articles::validate(&parsed, &texts, &mut errors);
        let excerpts = excerpts::validate(&parsed, &ids, &articles, &mut errors);
        let annotations = annotations::validate(&parsed, &ids, &mut errors);
        let found = translations::collect(&parsed, &ids, &mut errors);
        // Every record is in all three languages: a gap is refused like
        // any other error, by file, line and field.
        if every_language {
            errors.extend(found.missing);
        }
        if !errors.is_empty() {
            errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            return Err(errors);
        }
        let records = Records {
            events,
            deployments,
            articles,
            excerpts,
            annotations,
        };
        let mut dataset = link::link(records, known);
        dataset.denylist = denied;
        dataset.translations = found.translations;
        Ok(dataset)
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

    /// Whether a place stands for a whole island rather than a site on it.
    pub fn is_centroid(&self, id: &str) -> bool {
        self.centroids.contains(id)
    }
}
