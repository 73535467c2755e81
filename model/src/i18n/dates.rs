//! Dates in words in the reader's language, from the catalogue's patterns:
//! "on 22 November 2016", "2016年11月22日", "22 ноября 2016 г.".

use super::Catalogue;
use crate::events::{Date, PartialDate, Precision};

impl Catalogue {
    /// A date as precise as its sources, with its preposition where the
    /// language has one: "in 1945", "by August 2023" (`date-on-day`,
    /// `date-in-month`, `date-in-year`, `date-by-…`).
    pub fn date_in_words(&self, date: &PartialDate) -> String {
        let how = if date.by { "by" } else { "in" };
        let key = match (how, date.precision) {
            ("in", Precision::Day) => "date-on-day".to_owned(),
            (how, p) => format!("date-{how}-{}", precision_word(p)),
        };
        self.date_message(&key, date.start)
    }

    /// The period alone, as a label: "1945", "November 2016", "22 November
    /// 2016" (`date-day`, `date-month`, `date-year`).
    pub fn date_words(&self, date: &PartialDate) -> String {
        self.date_message(
            &format!("date-{}", precision_word(date.precision)),
            date.start,
        )
    }

    /// A day: "22 November 2016", "2016年11月22日".
    pub fn day_words(&self, date: Date) -> String {
        self.date_message("date-day", date)
    }

    fn date_message(&self, key: &str, date: Date) -> String {
        self.format(
            key,
            &[
                ("year", date.year.into()),
                ("month", date.month.into()),
                ("day", date.day.into()),
            ],
        )
    }
}

fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}
