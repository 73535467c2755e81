//! Events, deployments and articles about the islands: the data of
//! `geodata/events/`, its validation, and queries over it.
//!
//! The files are TOML, edited by hand and reviewed like code. The server
//! reads them and calls [`Dataset::load`], which refuses the whole set with
//! one [`DataError`] per problem (file, line, field) if anything is wrong,
//! so nothing invalid is ever served. No I/O happens here.

mod date;
mod load;
mod query;
mod types;

pub use date::{Date, PartialDate, Precision, days_in_month, is_leap_year};
pub use load::{
    DataError, Dataset, FALLBACK_PLACES, HABOMAI_ISLETS, ISLAND_IDS, Known, MAP_LAT, MAP_LON,
    in_map_area,
};
pub use query::{
    ArticleSummary, ArticleView, EventQuery, EventRef, ExcerptView, HistoryEntry, Page,
    concerns_island,
};
pub use types::*;

#[cfg(test)]
mod tests;
