//! Facts about the islands that change with time: who administered them on a
//! given date, and their latest counted population. Sources are cited inline
//! because the panel shows them.

use crate::events::Date;

/// The day each island group passed to Soviet control in 1945 (research rows C3–C6).
/// Before it, Japan administered them (from 1855 for the southern four, Shimoda
/// treaty, row B1).
const OCCUPIED: [(&str, (u16, u8, u8)); 4] = [
    ("etorofu", (1945, 8, 28)),
    ("kunashiri", (1945, 9, 1)),
    ("shikotan", (1945, 9, 1)),
    ("habomai", (1945, 9, 3)),
];

/// Where the occupation dates come from.
pub const OCCUPATION_SOURCE: &str = "https://kuril.info/occupation/";

/// Who administered an island on `date`, for the disputed islands and the
/// Habomai islets (group `habomai`). `None` for ids this table does not cover.
pub fn administered_by(island: &str, group: Option<&str>, date: Date) -> Option<&'static str> {
    let key = if group == Some("habomai") {
        "habomai"
    } else {
        island
    };
    let (_, (y, m, d)) = OCCUPIED.iter().find(|(id, _)| *id == key)?;
    let occupied = Date {
        year: *y,
        month: *m,
        day: *d,
    };
    Some(if date < occupied {
        "Japan"
    } else {
        "Russia (USSR until 1991)"
    })
}

/// A population count with its year and source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Population {
    pub people: u32,
    pub as_of: &'static str,
    pub source: &'static str,
}

/// Latest population found in the research (Rosstat via Hokkaido Shimbun, rows E2.3 and E2.5).
pub fn population(island: &str, group: Option<&str>) -> Option<Population> {
    let key = if group == Some("habomai") {
        "habomai"
    } else {
        island
    };
    let (people, as_of, source) = match key {
        "etorofu" => (6_916, "1 January 2023", "https://hoppou.blog/?p=3251"),
        "kunashiri" => (7_715, "1 January 2023", "https://hoppou.blog/?p=3251"),
        "shikotan" => (3_772, "1 January 2023", "https://hoppou.blog/?p=3251"),
        // No residents: only a border-guard post (row D2).
        "habomai" => (0, "1 January 2023", "https://hoppou.blog/?p=3251"),
        _ => return None,
    };
    Some(Population {
        people,
        as_of,
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).expect("valid date")
    }

    #[test]
    fn each_island_changes_hands_on_its_own_landing_day() {
        assert_eq!(
            administered_by("etorofu", None, day(1945, 8, 27)),
            Some("Japan")
        );
        assert_eq!(
            administered_by("etorofu", None, day(1945, 8, 28)),
            Some("Russia (USSR until 1991)")
        );
        assert_eq!(
            administered_by("kunashiri", None, day(1945, 8, 31)),
            Some("Japan")
        );
        assert_eq!(
            administered_by("suisho", Some("habomai"), day(1945, 9, 2)),
            Some("Japan")
        );
        assert_eq!(
            administered_by("suisho", Some("habomai"), day(1945, 9, 3)),
            Some("Russia (USSR until 1991)")
        );
        assert_eq!(administered_by("hokkaido", None, day(2000, 1, 1)), None);
    }

    #[test]
    fn populations_are_the_latest_counted_with_their_year() {
        let kunashiri = population("kunashiri", None).expect("known");
        assert_eq!(kunashiri.people, 7_715);
        assert_eq!(
            population("taraku", Some("habomai")).map(|p| p.people),
            Some(0)
        );
        assert_eq!(population("urup", None), None);
    }
}
