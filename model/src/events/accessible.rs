//! What a screen reader says for a record on the map: a deployment site or
//! an event marker, in the reader's names convention, with its date or
//! period in words and no internal id. The `*_in` functions say it in the
//! catalogue's language (the app's); the others in English (the English
//! catalogue says the same).

use super::date::{Date, PartialDate, Precision};
use super::types::Period;
use crate::i18n::Catalogue;
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

/// [`deployment_name`] in the catalogue's language, the island in the
/// reader's naming: "Bastion coastal missile battalion, Etorofu / Iturup,
/// since November 2016"; "…, 択捉島, 2016年11月から" (`shell-site-name`).
pub fn deployment_name_in(c: &Catalogue, unit: &str, island: &str, period: &Period) -> String {
    c.format(
        "shell-site-name",
        &[
            ("unit", unit.into()),
            ("island", island.into()),
            ("period", period_words_in(c, period).into()),
        ],
    )
}

/// [`event_name`] in the catalogue's language (`shell-event-name`).
pub fn event_name_in(c: &Catalogue, title: &str, date: &PartialDate) -> String {
    c.format(
        "shell-event-name",
        &[
            ("title", title.into()),
            ("date", date_words_in(c, date).into()),
        ],
    )
}

/// [`period_words`] in the catalogue's language: "since November 2016" /
/// "2016年11月から" / "с ноября 2016 г." (`shell-period-since`, which gets
/// the date's parts and precision, as Russian declines the month),
/// "there by December 2020" (`shell-period-there-by`), or a range
/// (`shell-period-range`).
pub fn period_words_in(c: &Catalogue, period: &Period) -> String {
    match (&period.from, &period.until) {
        (from, None) if from.by => c.format(
            "shell-period-there-by",
            &[("date", c.date_in_words(from).into())],
        ),
        (from, None) => {
            let Date { year, month, day } = from.start;
            let precision = match from.precision {
                Precision::Day => "day",
                Precision::Month => "month",
                Precision::Year => "year",
            };
            c.format(
                "shell-period-since",
                &[
                    ("precision", precision.into()),
                    ("year", year.into()),
                    ("month", month.into()),
                    ("day", day.into()),
                ],
            )
        }
        (from, Some(until)) => c.format(
            "shell-period-range",
            &[
                ("from", date_words_in(c, from).into()),
                ("until", date_words_in(c, until).into()),
            ],
        ),
    }
}

/// [`date_words`] in the catalogue's language: the period alone ("1945",
/// "2016年11月"), a bound with its "by" ("by August 2023", "2023年8月までに").
pub fn date_words_in(c: &Catalogue, date: &PartialDate) -> String {
    if date.by {
        c.date_in_words(date)
    } else {
        c.date_words(date)
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

    #[test]
    fn names_read_in_the_page_s_language() {
        use crate::i18n::{Lang, committed};
        let (en, ja, ru) = (
            committed(Lang::En),
            committed(Lang::Ja),
            committed(Lang::Ru),
        );
        let bastion = period("2016-11", None);
        assert_eq!(
            deployment_name_in(&en, "Bastion", "Etorofu / Iturup", &bastion),
            deployment_name("Bastion", ETOROFU, &bastion, NameStyle::Both)
        );
        assert_eq!(
            deployment_name_in(&ja, "地対艦ミサイル「バスチオン」", "択捉島", &bastion),
            "地対艦ミサイル「バスチオン」、択捉島、2016年11月から"
        );
        assert_eq!(
            deployment_name_in(&ru, "«Бастион»", "Итуруп", &bastion),
            "«Бастион», Итуруп, с ноября 2016 г."
        );
        let since = |c, p: &str| period_words_in(c, &period(p, None));
        assert_eq!(since(&ru, "1978"), "с 1978 г.");
        assert_eq!(since(&ru, "2018-08-03"), "с 3 августа 2018 г.");
        assert_eq!(since(&en, "2018-08-03"), "since 3 August 2018");
        assert_eq!(since(&ja, "2018-08-03"), "2018年8月3日から");
        assert_eq!(since(&ru, "by 2020-12"), "к декабрю 2020 г.");
        assert_eq!(since(&en, "by 2020-12"), "there by December 2020");
        for (from, until) in [("1978", Some("1993")), ("2022-09", Some("by 2023-08"))] {
            let p = period(from, until);
            assert_eq!(period_words_in(&en, &p), period_words(&p));
        }
        assert_eq!(
            period_words_in(&ja, &period("2022-09", Some("by 2023-08"))),
            "2022年9月～2023年8月までに"
        );
        assert_eq!(
            event_name_in(&ja, "メドベージェフ大統領が国後島を訪問", &pd("2010-11-01")),
            "メドベージェフ大統領が国後島を訪問（2010年11月1日）"
        );
        assert_eq!(
            event_name_in(&en, "Gone", &pd("by 2023-08")),
            event_name("Gone", &pd("by 2023-08"))
        );
        assert_eq!(
            event_name_in(&ru, "Визит", &pd("2010-11-01")),
            "Визит, 1 ноября 2010 г."
        );
    }
}
