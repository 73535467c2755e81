//! What a screen reader says for a record on the map: a deployment site or
//! an event marker, in the reader's names convention, with its date or
//! period in words and no internal id.

use super::date::PartialDate;
use super::types::Period;
use crate::names::{NameStyle, label_of};

/// A deployment site's name: its unit, its island in the reader's names
/// (`island`: `[Japanese romaji, Russian Latin]`) and its period:
/// "Bastion coastal missile battalion, Etorofu / Iturup, since November
/// 2016"; "…, 1978 – 1993" for one that ended.
///
/// Suffixes about the site itself (", location not published" for a site
/// the sources do not give) are appended by the caller after this name.
pub fn deployment_name(unit: &str, island: [&str; 2], period: &Period, style: NameStyle) -> String {
    format!(
        "{unit}, {}, {}",
        label_of(island, style),
        period_words(period)
    )
}

/// An event marker's name: "Medvedev visits Kunashiri, 1 November 2010"
/// (`title` already in the reader's names).
pub fn event_name(title: &str, date: &PartialDate) -> String {
    format!("{title}, {}", date_words(date))
}

/// A period in words, as precisely as the data gives it: "since November
/// 2016", "1978 – 1993", "September 2022 – by August 2023"; a start known
/// only as a bound: "there by December 2020".
pub fn period_words(period: &Period) -> String {
    match (&period.from, &period.until) {
        (from, None) if from.by => format!("there {}", date_words(from)),
        (from, None) => format!("since {}", date_words(from)),
        (from, Some(until)) => format!("{} – {}", date_words(from), date_words(until)),
    }
}

/// A date in words without a preposition ("1945", "November 2016", "22
/// November 2016"), a bound with its "by" ("by August 2023").
pub fn date_words(date: &PartialDate) -> String {
    if date.by {
        format!("by {}", date.words())
    } else {
        date.words()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(s: &str) -> PartialDate {
        s.parse().expect("test date")
    }

    fn period(from: &str, until: Option<&str>) -> Period {
        Period {
            from: pd(from),
            until: until.map(pd),
        }
    }

    const ETOROFU: [&str; 2] = ["Etorofu-tō", "Iturup"];

    #[test]
    fn a_site_says_its_unit_island_in_the_chosen_names_and_since_when() {
        let bastion = period("2016-11", None);
        assert_eq!(
            deployment_name(
                "Bastion coastal missile battalion",
                ETOROFU,
                &bastion,
                NameStyle::Both
            ),
            "Bastion coastal missile battalion, Etorofu / Iturup, since November 2016"
        );
        assert_eq!(
            deployment_name(
                "Bastion coastal missile battalion",
                ETOROFU,
                &bastion,
                NameStyle::Russian
            ),
            "Bastion coastal missile battalion, Iturup, since November 2016"
        );
        assert_eq!(
            deployment_name(
                "Bastion coastal missile battalion",
                ETOROFU,
                &bastion,
                NameStyle::Japanese
            ),
            "Bastion coastal missile battalion, Etorofu, since November 2016"
        );
    }

    #[test]
    fn a_past_site_gives_its_period_as_precisely_as_the_data() {
        let name = |p: &Period| deployment_name("Division", ETOROFU, p, NameStyle::Both);
        assert_eq!(
            name(&period("1978", Some("1993"))),
            "Division, Etorofu / Iturup, 1978 – 1993"
        );
        assert_eq!(
            name(&period("2022-09", Some("by 2023-08"))),
            "Division, Etorofu / Iturup, September 2022 – by August 2023"
        );
        assert_eq!(
            name(&period("2018-08-03", None)),
            "Division, Etorofu / Iturup, since 3 August 2018"
        );
        assert_eq!(
            name(&period("by 2020-12", None)),
            "Division, Etorofu / Iturup, there by December 2020"
        );
    }

    #[test]
    fn no_internal_id_or_status_code_is_spoken() {
        let name = deployment_name(
            "S-300V4 battalion",
            ETOROFU,
            &period("2020-12-01", None),
            NameStyle::Both,
        );
        assert!(!name.contains("etorofu"), "{name}");
        assert!(!name.contains("active"), "{name}");
        assert!(!name.contains("2020-12"), "{name}");
    }

    #[test]
    fn an_event_marker_says_its_title_and_date_in_words() {
        assert_eq!(
            event_name("Medvedev visits Kunashiri", &pd("2010-11-01")),
            "Medvedev visits Kunashiri, 1 November 2010"
        );
        assert_eq!(
            event_name("Soviet landing", &pd("1945")),
            "Soviet landing, 1945"
        );
        assert_eq!(
            event_name("Gone", &pd("by 2023-08")),
            "Gone, by August 2023"
        );
    }
}
