//! The timeline's arithmetic: dates as day numbers for a slider, where a
//! dated record sits on the track, the stops of the play control and their
//! captions, and dates typed by the reader.

use crate::decimal::fixed;
use crate::events::{Date, PartialDate, Precision};
use crate::i18n::{Catalogue, Lang};

/// The timeline starts with the Treaty of Shimoda's year.
pub const START: Date = Date {
    year: 1855,
    month: 1,
    day: 1,
};

/// Days since 1970-01-01 (negative before), proleptic Gregorian
/// (Howard Hinnant's `days_from_civil`).
pub fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day (UTC) `seconds` after 1970-01-01T00:00:00Z, e.g. a clock's
/// reading; `None` outside the years [`Date`] allows.
pub fn date_of_unix_seconds(seconds: u64) -> Option<Date> {
    from_day_number(i64::try_from(seconds / 86_400).ok()?)
}

/// Inverse of [`day_number`]; `None` outside the years [`Date`] allows.
pub fn from_day_number(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()
}

/// One stop of the play control: the day the map moves to and the events
/// that take effect on it (indexes into the list given to [`steps`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub date: Date,
    pub events: Vec<usize>,
}

/// The play control's stops: every event on the day it takes effect (the
/// last day of its period, [`PartialDate::known_from`], so the map shows
/// what the event did), from [`START`] to `today`, in date order; events of
/// one day share a stop, in the order given.
pub fn steps(dates: &[PartialDate], today: Date) -> Vec<Step> {
    // Inserted in place rather than sorted: the events come nearly in
    // order, and a sort is kilobytes of the app's wasm.
    let mut out: Vec<Step> = Vec::new();
    for (i, d) in dates.iter().enumerate() {
        let date = d.known_from();
        if !(START..=today).contains(&date) {
            continue;
        }
        let at = out.partition_point(|s| s.date < date);
        match out.get_mut(at) {
            Some(same) if same.date == date => same.events.push(i),
            _ => out.insert(
                at,
                Step {
                    date,
                    events: vec![i],
                },
            ),
        }
    }
    out
}

/// Where ▶ starts from the map's date `current`: from the first stop after
/// it; at today or after the last stop, from the first stop (the story from
/// its beginning). `None` only without stops.
pub fn play_from(steps: &[Step], current: Date, today: Date) -> Option<usize> {
    let next = if current >= today {
        None
    } else {
        next_after(steps, current)
    };
    next.or((!steps.is_empty()).then_some(0))
}

/// The first stop after `current`: play's next step and the "Next event" key.
pub fn next_after(steps: &[Step], current: Date) -> Option<usize> {
    steps.iter().position(|s| s.date > current)
}

/// The last stop before `current`: the "Previous event" key.
pub fn previous_before(steps: &[Step], current: Date) -> Option<usize> {
    steps.iter().rposition(|s| s.date < current)
}

/// The stop on `current`, whose events the caption names.
pub fn stop_on(steps: &[Step], current: Date) -> Option<&Step> {
    steps.iter().find(|s| s.date == current)
}

/// The caption of a stop: its first event's date in words and title, and
/// how many more events take effect that day, in the catalogue's language
/// (`shell-caption`, `shell-caption-more`). "In 1945: Soviet border guards on Shikotan", "On 28
/// August 1945: … (and 2 more events)", "2016年11月22日：…".
pub fn caption(c: &Catalogue, date: PartialDate, title: &str, more: usize) -> String {
    let when = c.date_in_words(&date);
    // A sentence starts with a capital ("In 1945", "В 1945 г.").
    let mut chars = when.chars();
    let when: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let args = [
        ("when", when.into()),
        ("title", title.into()),
        ("more", more.into()),
    ];
    match more {
        0 => c.format("shell-caption", &args[..2]),
        _ => c.format("shell-caption-more", &args),
    }
}

/// The pause between two stops at normal speed (1×), in milliseconds.
pub const PLAY_PAUSE: u32 = 1200;

/// The play control's speeds: a label and the pause between two stops.
pub const SPEEDS: [(&str, u32); 4] = [
    ("0.5×", PLAY_PAUSE * 2),
    ("1×", PLAY_PAUSE),
    ("2×", PLAY_PAUSE / 2),
    ("4×", PLAY_PAUSE / 4),
];

/// A speed's label in `lang`: "0.5×" reads "0,5×" in Russian.
pub fn speed_label(label: &str, lang: Lang) -> String {
    if lang == Lang::Ru {
        label.replace('.', ",")
    } else {
        label.to_owned()
    }
}

/// The caption's element id (what the date field's error points to).
pub const CAPTION_ID: &str = "timeline-caption";

/// Why a typed date is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TypedDateError {
    #[error("Type a date as YYYY, YYYY-MM or YYYY-MM-DD, such as 1956-10-19.")]
    Malformed,
    #[error("The timeline starts in 1855.")]
    TooEarly,
    #[error("The timeline ends today, {0}.")]
    Future(Date),
}

impl TypedDateError {
    /// Why, in words for the reader, in the catalogue's language.
    pub fn words(&self, c: &Catalogue) -> String {
        match self {
            TypedDateError::Malformed => c.text("shell-date-malformed"),
            TypedDateError::TooEarly => c.format(
                "shell-date-too-early",
                &[("start", c.day_words(START).into())],
            ),
            TypedDateError::Future(today) => c.format(
                "shell-date-future",
                &[("today", c.day_words(*today).into())],
            ),
        }
    }
}

/// A date the reader typed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (around
/// spaces ignored), the first day of that period, from [`START`] to `today`.
pub fn typed_date(text: &str, today: Date) -> Result<Date, TypedDateError> {
    // The quiet parser: the validator's messages would cost the app's wasm.
    let date = match PartialDate::parse_quiet(text.trim()) {
        Some(d) if !d.by => d.first_day(),
        _ => return Err(TypedDateError::Malformed),
    };
    if date < START {
        Err(TypedDateError::TooEarly)
    } else if date > today {
        Err(TypedDateError::Future(today))
    } else {
        Ok(date)
    }
}

/// Where a dated record sits on the track ending on `end`: the left edge
/// and the width as fractions; an exact day has no width, a month or a year
/// spans its period (a `by` bound the period it bounds).
pub fn span(date: PartialDate, end: Date) -> (f64, f64) {
    let left = fraction(date.first_day(), end);
    if date.precision == Precision::Day {
        return (left, 0.0);
    }
    let after = from_day_number(day_number(date.last_day()) + 1).unwrap_or(end);
    (left, fraction(after, end) - left)
}

/// One mark on the track: its left edge and width in percent of the
/// track, each with three decimals (an exact day's width is `"0.000"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub left: String,
    pub width: String,
}

impl Mark {
    /// An exact day: a tick, no span.
    pub fn is_tick(&self) -> bool {
        self.width == "0.000"
    }
}

/// The events' marks on the track ending on `today`: an exact day a tick,
/// a year or a month a span across it, each position once, in the order
/// given; what lies outside [`START`]..=`today` is left out.
pub fn marks(dates: &[PartialDate], today: Date) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for date in dates {
        if !(START..=today).contains(&date.first_day()) {
            continue;
        }
        let (left, width) = span(*date, today);
        let mark = Mark {
            left: fixed(left * 100.0, 3),
            width: fixed(width * 100.0, 3),
        };
        if !out.contains(&mark) {
            out.push(mark);
        }
    }
    out
}

/// The years written under the track: the start's, the first Soviet
/// landing's (`landing`, if known and on the track) and today's, each with
/// its position in percent (two decimals).
pub fn year_labels(landing: Option<Date>, today: Date) -> Vec<(u16, String)> {
    let mut out = vec![(START.year, "0".to_owned())];
    if let Some(d) = landing.filter(|d| (START..=today).contains(d)) {
        out.push((d.year, fixed(fraction(d, today) * 100.0, 2)));
    }
    out.push((today.year, "100".to_owned()));
    out
}

/// Where a date sits on the timeline, from 0.0 (start) to 1.0 (`end`).
pub fn fraction(date: Date, end: Date) -> f64 {
    let span = (day_number(end) - day_number(START)).max(1) as f64;
    ((day_number(date) - day_number(START)) as f64 / span).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, committed};

    fn day(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).expect("valid date")
    }

    #[test]
    fn day_numbers_match_the_unix_epoch_and_round_trip() {
        assert_eq!(day_number(day(1970, 1, 1)), 0);
        assert_eq!(day_number(day(2000, 3, 1)), 11_017);
        for date in [START, day(1945, 8, 28), day(2016, 2, 29), day(2026, 11, 26)] {
            assert_eq!(from_day_number(day_number(date)), Some(date));
        }
        assert_eq!(
            day_number(day(2017, 1, 1)) - day_number(day(2016, 12, 31)),
            1
        );
    }

    fn pd(s: &str) -> PartialDate {
        s.parse().expect("valid date")
    }

    #[test]
    fn stops_are_the_days_events_take_effect_in_order() {
        let today = day(2026, 12, 2);
        let dates = [
            pd("2016-11-22"),
            pd("1945"),
            pd("2016-11"),
            pd("1945-12-31"),
            pd("2030"),
            pd("1800"),
        ];
        let s = steps(&dates, today);
        let dates: Vec<String> = s.iter().map(|s| s.date.to_string()).collect();
        // "1945" stops on 31 December with the day-dated event of that day;
        // "2016-11" after the 22nd, on the 30th; the future and the past
        // before the timeline are left out.
        assert_eq!(dates, ["1945-12-31", "2016-11-22", "2016-11-30"]);
        assert_eq!(s[0].events, [1, 3]);
        assert_eq!(s[2].events, [2]);
    }

    #[test]
    fn play_starts_from_the_beginning_at_today_and_after_an_earlier_date() {
        let today = day(2026, 12, 2);
        let s = steps(&[pd("1855-02-07"), pd("1945"), pd("2016-11-22")], today);
        // From today: from the beginning.
        assert_eq!(play_from(&s, today, today), Some(0));
        // From an earlier date: the first stop after it.
        assert_eq!(play_from(&s, day(1900, 1, 1), today), Some(1));
        assert_eq!(play_from(&s, day(1945, 12, 31), today), Some(2));
        // After the last stop: from the beginning again.
        assert_eq!(play_from(&s, day(2020, 1, 1), today), Some(0));
        assert_eq!(play_from(&[], today, today), None);
    }

    #[test]
    fn next_and_previous_move_to_the_adjacent_stops() {
        let today = day(2026, 12, 2);
        let s = steps(&[pd("1855-02-07"), pd("1945"), pd("2016-11-22")], today);
        assert_eq!(next_after(&s, day(1855, 2, 7)), Some(1));
        assert_eq!(next_after(&s, day(1855, 1, 1)), Some(0));
        assert_eq!(next_after(&s, day(2016, 11, 22)), None);
        assert_eq!(previous_before(&s, day(2016, 11, 22)), Some(1));
        assert_eq!(previous_before(&s, today), Some(2));
        assert_eq!(previous_before(&s, day(1855, 2, 7)), None);
        assert_eq!(
            stop_on(&s, day(1945, 12, 31)).map(|s| s.date),
            Some(day(1945, 12, 31))
        );
        assert_eq!(stop_on(&s, day(1945, 3, 1)), None);
    }

    #[test]
    fn captions_give_the_date_as_precisely_as_the_sources() {
        let en = committed(Lang::En);
        assert_eq!(
            caption(&en, pd("1945"), "Border guards on Shikotan", 0),
            "In 1945: Border guards on Shikotan"
        );
        assert_eq!(
            caption(&en, pd("2016-11-22"), "Bastion", 1),
            "On 22 November 2016: Bastion (and 1 more event)"
        );
        assert_eq!(
            caption(&en, pd("by 2023-08"), "Withdrawn", 2),
            "By August 2023: Withdrawn (and 2 more events)"
        );
        assert_eq!(caption(&en, pd("2016-11"), "X", 0), "In November 2016: X");
    }

    #[test]
    fn captions_read_naturally_in_japanese_and_russian() {
        let (ja, ru) = (committed(Lang::Ja), committed(Lang::Ru));
        assert_eq!(
            caption(&ja, pd("2016-11-22"), "バスチオン配備", 0),
            "2016年11月22日：バスチオン配備"
        );
        assert_eq!(
            caption(&ja, pd("by 2023-08"), "撤収", 2),
            "2023年8月までに：撤収（ほか2件）"
        );
        assert_eq!(
            caption(&ru, pd("2016-11-22"), "Бастион", 0),
            "22 ноября 2016 г.: Бастион"
        );
        assert_eq!(
            caption(&ru, pd("1945"), "Высадка", 1),
            "В 1945 г.: Высадка (и ещё 1 событие)"
        );
        assert_eq!(
            caption(&ru, pd("2016-11"), "X", 5),
            "В ноябре 2016 г.: X (и ещё 5 событий)"
        );
        assert_eq!(
            caption(&ru, pd("2016-11"), "X", 3),
            "В ноябре 2016 г.: X (и ещё 3 события)"
        );
    }

    #[test]
    fn typed_dates_are_bounded_and_refused_in_words() {
        let today = day(2026, 12, 2);
        assert_eq!(typed_date("1945", today), Ok(day(1945, 1, 1)));
        assert_eq!(typed_date(" 2016-11 ", today), Ok(day(2016, 11, 1)));
        assert_eq!(typed_date("1956-10-19", today), Ok(day(1956, 10, 19)));
        assert_eq!(typed_date("1855", today), Ok(START));
        assert_eq!(typed_date("2026-12-02", today), Ok(today));
        for bad in [
            "",
            "19",
            "1945/03/01",
            "2017-02-30",
            "by 1945",
            "soon",
            "1945-3",
        ] {
            assert_eq!(
                typed_date(bad, today),
                Err(TypedDateError::Malformed),
                "{bad}"
            );
        }
        assert_eq!(
            typed_date("1854-12-31", today),
            Err(TypedDateError::TooEarly)
        );
        assert_eq!(
            typed_date("2026-12-03", today),
            Err(TypedDateError::Future(today))
        );
        assert_eq!(
            TypedDateError::Future(today).to_string(),
            "The timeline ends today, 2026-12-02."
        );
        let words = |lang| TypedDateError::Future(today).words(&committed(lang));
        assert_eq!(words(Lang::En), "The timeline ends today, 2 December 2026.");
        assert_eq!(words(Lang::Ja), "年表は本日2026年12月2日までです。");
        assert_eq!(
            words(Lang::Ru),
            "Шкала времени заканчивается сегодняшним днём, 2 декабря 2026 г."
        );
    }

    #[test]
    fn imprecise_dates_span_their_period_on_the_track() {
        let end = day(2026, 1, 1);
        let (left, width) = span(pd("2016-11-22"), end);
        assert_eq!(width, 0.0);
        assert_eq!(left, fraction(day(2016, 11, 22), end));
        let (left, year) = span(pd("1945"), end);
        assert_eq!(left, fraction(day(1945, 1, 1), end));
        assert!((year - (fraction(day(1946, 1, 1), end) - left)).abs() < 1e-12);
        let (_, month) = span(pd("2016-11"), end);
        assert!(month > 0.0 && month < year / 10.0, "{month} {year}");
        assert_eq!(span(pd("by 2023-08"), end).1, span(pd("2023-08"), end).1);
    }

    #[test]
    fn fractions_place_dates_along_the_track() {
        let end = day(2026, 1, 1);
        assert_eq!(fraction(START, end), 0.0);
        assert_eq!(fraction(end, end), 1.0);
        let mid = fraction(day(1945, 8, 28), end);
        assert!(mid > 0.5 && mid < 0.6, "{mid}");
    }

    #[test]
    fn marks_are_ticks_and_spans_each_position_once() {
        let today = day(2026, 1, 1);
        let dates = [
            pd("2016-11-22"),
            pd("1945"),
            pd("2016-11-22"),
            pd("1800"),
            pd("2030"),
        ];
        let m = marks(&dates, today);
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].is_tick());
        assert!(!m[1].is_tick());
        assert_eq!(
            m[1].left,
            fixed(fraction(day(1945, 1, 1), today) * 100.0, 3)
        );
    }

    #[test]
    fn year_labels_mark_the_start_the_landing_and_today() {
        let today = day(2026, 1, 1);
        let labels = year_labels(Some(day(1945, 8, 18)), today);
        let years: Vec<u16> = labels.iter().map(|l| l.0).collect();
        assert_eq!(years, [1855, 1945, 2026]);
        assert_eq!(labels[0].1, "0");
        assert_eq!(labels[2].1, "100");
        let mid: f64 = labels[1].1.parse().expect("a number");
        assert!(mid > 50.0 && mid < 60.0, "{mid}");
        assert_eq!(year_labels(None, today).len(), 2);
    }
}
