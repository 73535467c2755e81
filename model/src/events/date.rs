//! Calendar dates with a precision: `"1978"`, `"2016-11"`, `"2017-03-20"`,
//! and upper bounds, `"by 2023-08"`: on or before the end of that period,
//! when the sources say only that something had happened by then.
//!
//! Proleptic Gregorian calendar, years 1000–9999 (four digits in the file
//! format). Old-style (Julian) dates in the sources are converted before
//! they are written into the data files.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A valid calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Why a date is refused; the data validator shows the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("year {0} is outside 1000–9999")]
    Year(u16),
    #[error("month {0} does not exist")]
    Month(u8),
    #[error("{year:04}-{month:02}-{day:02} is not a valid date")]
    Day { year: u16, month: u8, day: u8 },
    /// A `YYYY-MM-DD` text that names no day, as written.
    #[error("{0} is not a valid date")]
    NoSuchDay(String),
    #[error("\"{0}\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
    Malformed(String),
    #[error("{0} is not a full date (YYYY-MM-DD)")]
    NotFullDate(String),
}

impl Date {
    /// A checked date: `Date::new(2017, 2, 30)` is an error.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        if !(1000..=9999).contains(&year) {
            return Err(DateError::Year(year));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError::Day { year, month, day });
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;
    /// Only `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, DateError> {
        let d = PartialDate::from_str(s)?;
        if d.precision != Precision::Day || d.by {
            return Err(DateError::NotFullDate(s.to_string()));
        }
        Ok(d.start)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How much of a date the sources give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
pub enum Precision {
    // One rename per variant: miniserde reads `rename`, not `rename_all`.
    #[serde(rename = "day")]
    Day,
    #[serde(rename = "month")]
    Month,
    #[serde(rename = "year")]
    Year,
}

/// A day, a month or a year: the period a source dates something to; or,
/// with `by`, an upper bound: it happened on or before the period's last day
/// (`"by 2023-08"`: "by August 2023"), when is otherwise unknown.
///
/// Serialized as the string it was written as. Ordered by first day, then
/// finer precision first, a bound after the period itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// The first day of the period.
    pub start: Date,
    pub precision: Precision,
    /// Only known to be on or before the last day of the period.
    pub by: bool,
}

impl PartialDate {
    pub fn day(date: Date) -> Self {
        PartialDate {
            start: date,
            precision: Precision::Day,
            by: false,
        }
    }

    pub fn first_day(&self) -> Date {
        self.start
    }

    pub fn last_day(&self) -> Date {
        let Date { year, month, .. } = self.start;
        match self.precision {
            Precision::Day => self.start,
            Precision::Month => Date {
                year,
                month,
                day: days_in_month(year, month),
            },
            Precision::Year => Date {
                year,
                month: 12,
                day: 31,
            },
        }
    }

    /// The first day on which what is dated is known to have happened: the
    /// last day of its period. A source that dates something "1945" only
    /// guarantees it by 31 December 1945, one that says "November 2016" by
    /// the 30th; a day is its own last day, and a `by` bound means the same
    /// thing in so many words ("by August 2023": on 31 August 2023).
    ///
    /// This is the one rule for every change a record goes through, a start
    /// or an end alike: the map never shows a change before the sources
    /// guarantee it. A start dated by year or month is not in place before
    /// its period's last day; an end dated by year or month keeps the record
    /// in place until its period's last day. The other choice for ends
    /// (gone from the period's first day) would empty the map for a whole
    /// year where the sources say something was there: the 1945 landing
    /// force on Shikotan ends in "1978", when the ground forces of "1978"
    /// succeed it; under one rule the one hands over to the other on the
    /// same day, 31 December 1978.
    pub fn known_from(&self) -> Date {
        self.last_day()
    }

    /// True if it is known to have happened by `date`: the period has ended
    /// on or before it ([`PartialDate::known_from`]).
    pub fn started_by(&self, date: Date) -> bool {
        self.known_from() <= date
    }

    /// The date in words, with its preposition, as precise as the sources:
    /// "in 1945", "in November 2016", "on 22 November 2016", "by August
    /// 2023". English for now.
    pub fn in_words(&self) -> String {
        let preposition = match (self.by, self.precision) {
            (true, _) => "by",
            (false, Precision::Day) => "on",
            (false, _) => "in",
        };
        format!("{preposition} {}", self.words())
    }

    /// The period in words, without a preposition: "1945", "November
    /// 2016", "22 November 2016" (a `by` bound as its period).
    pub fn words(&self) -> String {
        let Date { year, month, day } = self.start;
        let name = MONTHS[usize::from(month - 1) % 12];
        match self.precision {
            Precision::Year => year.to_string(),
            Precision::Month => format!("{name} {year}"),
            Precision::Day => format!("{day} {name} {year}"),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.start, self.precision, self.by).cmp(&(other.start, other.precision, other.by))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Date { year, month, .. } = self.start;
        if self.by {
            f.write_str("by ")?;
        }
        match self.precision {
            Precision::Day => write!(f, "{}", self.start),
            Precision::Month => write!(f, "{year:04}-{month:02}"),
            Precision::Year => write!(f, "{year:04}"),
        }
    }
}

/// Why a text is not a date, without the text: the app's decoders drop it,
/// and [`PartialDate::from_str`] adds it for the data validator.
enum Fault {
    Malformed,
    NoSuchDay,
    Range(DateError),
}

/// `part` of a date: exactly `digits` ASCII digits.
fn number(part: Option<&str>, digits: usize) -> Result<u16, Fault> {
    match part {
        Some(p) if p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()) => {
            p.parse().map_err(|_| Fault::Malformed)
        }
        _ => Err(Fault::Malformed),
    }
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each with an optional `by `
    /// before it.
    fn parse(text: &str) -> Result<Self, Fault> {
        let rest = text.strip_prefix("by ");
        let by = rest.is_some();
        let mut parts = rest.unwrap_or(text).split('-');
        let year = number(parts.next(), 4)?;
        let (month, day, precision) = match (parts.next(), parts.next()) {
            (None, _) => (1, 1, Precision::Year),
            (m, None) => (number(m, 2)?, 1, Precision::Month),
            (m, d) => (number(m, 2)?, number(d, 2)?, Precision::Day),
        };
        if parts.next().is_some() {
            return Err(Fault::Malformed);
        }
        // Two digits: a month or a day fits in a u8.
        let start = Date::new(year, month as u8, day as u8).map_err(|e| {
            if precision == Precision::Day {
                Fault::NoSuchDay
            } else {
                Fault::Range(e)
            }
        })?;
        Ok(PartialDate {
            start,
            precision,
            by,
        })
    }
}

impl PartialDate {
    /// [`PartialDate::from_str`] without the reason for a refusal (the app
    /// has no use for the validator's messages).
    pub fn parse_quiet(text: &str) -> Option<Self> {
        PartialDate::parse(text).ok()
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, each with an optional `by `
    /// before it; anything else, or a day that does not exist
    /// (`2017-02-30`), is an error.
    fn from_str(s: &str) -> Result<Self, DateError> {
        let written = || s.strip_prefix("by ").unwrap_or(s).to_string();
        PartialDate::parse(s).map_err(|f| match f {
            Fault::Malformed => DateError::Malformed(written()),
            Fault::NoSuchDay => DateError::NoSuchDay(written()),
            Fault::Range(e) => e,
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The app's decoders read dates as the strings they are written as.
#[cfg(feature = "mini")]
mod mini {
    use super::{Date, PartialDate};
    use miniserde::de::{Deserialize, Visitor};
    use miniserde::make_place;

    make_place!(Place);

    /// Parsed without building the validator's error messages.
    trait Quiet: Sized {
        fn quiet(s: &str) -> Option<Self>;
    }

    impl Quiet for PartialDate {
        fn quiet(s: &str) -> Option<Self> {
            PartialDate::parse_quiet(s)
        }
    }

    impl Quiet for Date {
        fn quiet(s: &str) -> Option<Self> {
            PartialDate::parse(s)
                .ok()
                .filter(|d| d.precision == super::Precision::Day && !d.by)
                .map(|d| d.start)
        }
    }

    impl<T: Quiet> Visitor for Place<T> {
        fn string(&mut self, s: &str) -> miniserde::Result<()> {
            self.out = Some(T::quiet(s).ok_or(miniserde::Error)?);
            Ok(())
        }
    }

    impl Deserialize for Date {
        fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
            Place::new(out)
        }
    }

    impl Deserialize for PartialDate {
        fn begin(out: &mut Option<Self>) -> &mut dyn Visitor {
            Place::new(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_three_precisions_and_round_trips() {
        for s in ["1978", "2016-11", "2017-03-20", "2000-02-29"] {
            assert_eq!(pd(s).to_string(), s);
        }
        assert_eq!(pd("1978").precision, Precision::Year);
        assert_eq!(pd("2016-11").precision, Precision::Month);
        assert_eq!(pd("2016-11").last_day().to_string(), "2016-11-30");
        assert_eq!(pd("2016-02").last_day().to_string(), "2016-02-29");
        assert_eq!(pd("1978").last_day().to_string(), "1978-12-31");
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for bad in [
            "2017-02-30",
            "2019-02-29",
            "1900-02-29",
            "2017-13",
            "2017-00-10",
            "2017-1-5",
            "17-01-01",
            "2017/01/01",
            "",
            "2017-01-01-01",
            "+2017",
            "by",
            "by ",
            "by  2017",
            "By 2017",
            "2017 by",
            "by by 2017",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad} accepted");
        }
        assert_eq!(
            "2017-02-30".parse::<PartialDate>().unwrap_err().to_string(),
            "2017-02-30 is not a valid date"
        );
        assert!("2016".parse::<Date>().is_err());
        assert!("by 2016-01-01".parse::<Date>().is_err());
    }

    #[test]
    fn each_refusal_says_why() {
        let why = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
        assert_eq!(why("0999"), "year 999 is outside 1000–9999");
        assert_eq!(why("2017-13"), "month 13 does not exist");
        assert_eq!(why("2017-02-30"), "2017-02-30 is not a valid date");
        assert_eq!(
            why("2017/01/01"),
            "\"2017/01/01\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert_eq!(
            "2016".parse::<Date>().unwrap_err().to_string(),
            "2016 is not a full date (YYYY-MM-DD)"
        );
        assert_eq!(
            Date::new(2019, 2, 29).unwrap_err().to_string(),
            "2019-02-29 is not a valid date"
        );
    }

    #[test]
    fn orders_by_first_day_then_precision() {
        let mut v = [pd("2017"), pd("2016-11-18"), pd("2016-11"), pd("2016")];
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["2016", "2016-11", "2016-11-18", "2017"]);
    }

    #[test]
    fn a_date_is_known_from_the_last_day_of_its_period() {
        let on = |y, m, d| Date::new(y, m, d).unwrap();
        // Year precision: "1945" is not guaranteed before 31 December.
        assert!(!pd("1945").started_by(on(1945, 3, 1)));
        assert!(!pd("1945").started_by(on(1945, 12, 30)));
        assert!(pd("1945").started_by(on(1945, 12, 31)));
        // Month precision: "November 2016" from the 30th.
        assert!(!pd("2016-11").started_by(on(2016, 11, 1)));
        assert!(!pd("2016-11").started_by(on(2016, 11, 29)));
        assert!(pd("2016-11").started_by(on(2016, 11, 30)));
        assert_eq!(pd("2016-02").known_from(), on(2016, 2, 29));
        // Day precision: the day itself.
        assert!(!pd("2016-11-22").started_by(on(2016, 11, 21)));
        assert!(pd("2016-11-22").started_by(on(2016, 11, 22)));
        // A bound says the same in words.
        assert_eq!(pd("by 2023-08").known_from(), pd("2023-08").known_from());
    }

    #[test]
    fn dates_read_as_precisely_as_the_sources_give_them() {
        assert_eq!(pd("1945").in_words(), "in 1945");
        assert_eq!(pd("2016-11").in_words(), "in November 2016");
        assert_eq!(pd("2016-11-22").in_words(), "on 22 November 2016");
        assert_eq!(pd("2017-03-05").in_words(), "on 5 March 2017");
        assert_eq!(pd("by 2023-08").in_words(), "by August 2023");
        assert_eq!(pd("by 1978").in_words(), "by 1978");
        assert_eq!(pd("by 2023-01-01").in_words(), "by 1 January 2023");
        assert_eq!(pd("2016-12").words(), "December 2016");
    }

    #[test]
    fn a_by_bound_is_known_only_from_the_last_day_of_its_period() {
        let by = pd("by 2023-08");
        assert!(by.by);
        assert_eq!(by.to_string(), "by 2023-08");
        assert_eq!(by.first_day().to_string(), "2023-08-01");
        assert_eq!(by.known_from().to_string(), "2023-08-31");
        assert!(!by.started_by(Date::new(2023, 8, 30).unwrap()));
        assert!(by.started_by(Date::new(2023, 8, 31).unwrap()));
        assert_ne!(by, pd("2023-08"));
        assert!(pd("2023-08") < by && by < pd("2023-08-01").max(pd("2023-09")));
        assert_eq!(pd("by 1978").known_from().to_string(), "1978-12-31");
        assert_eq!(pd("by 2024-08-01").known_from().to_string(), "2024-08-01");
        let json = serde_json::to_string(&by).unwrap();
        assert_eq!(json, "\"by 2023-08\"");
        assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), by);
    }

    #[test]
    fn serde_uses_the_written_form() {
        let json = serde_json::to_string(&pd("2016-11")).unwrap();
        assert_eq!(json, "\"2016-11\"");
        let back: PartialDate = serde_json::from_str(&json).unwrap();
        assert_eq!(back, pd("2016-11"));
        assert!(serde_json::from_str::<PartialDate>("\"2017-02-30\"").is_err());
    }
}
