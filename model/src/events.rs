//! Events, deployments and articles about the islands: the data of
//! `geodata/events/`, its validation, and queries over it.
//!
//! The files are TOML, edited by hand and reviewed like code. The server
//! reads them and calls [`Dataset::load`], which refuses the whole set with
//! one [`DataError`] per problem (file, line, field) if anything is wrong,
//! so nothing invalid is ever served. No I/O happens here.

pub mod accessible;
mod changes;
mod date;
pub mod evidence;
// Reading the TOML files needs the `toml` crate; the app only needs the types.
#[cfg(feature = "loader")]
mod load;
mod query;
mod types;

pub use changes::{ChangeKind, DeploymentDiff, falls_between};
pub use date::{Date, DateError, PartialDate, Precision, days_in_month, is_leap_year};
#[cfg(feature = "loader")]
pub(crate) use load::distances::parse as parse_distances;
#[cfg(feature = "loader")]
#[cfg(feature = "loader")]
pub(crate) use load::positions::parse as parse_positions;
#[cfg(feature = "loader")]
pub use load::{DataError, Dataset, Denylist, Known, Spelling, Translations};
pub use query::{
    ArticleView, EventQuery, EventRef, ExcerptView, HistoryEntry, Marked, Page, recent_events,
};
pub use types::*;

#[cfg(all(test, feature = "loader"))]
mod tests;
