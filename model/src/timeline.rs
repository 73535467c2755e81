//! The timeline's arithmetic: dates as day numbers for a slider, and the
//! steps of the play control.

use crate::events::Date;

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

/// The first date in `dates` after `current`, for the play control; `None` at the end.
pub fn next_step(dates: &[Date], current: Date) -> Option<Date> {
    dates.iter().copied().filter(|d| *d > current).min()
}

/// Where a date sits on the timeline, from 0.0 (start) to 1.0 (`end`).
pub fn fraction(date: Date, end: Date) -> f64 {
    let span = (day_number(end) - day_number(START)).max(1) as f64;
    ((day_number(date) - day_number(START)) as f64 / span).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn play_steps_to_the_next_event_date_and_stops_at_the_end() {
        let dates = [day(2016, 11, 22), day(1978, 5, 19), day(2018, 8, 3)];
        assert_eq!(next_step(&dates, day(2000, 1, 1)), Some(day(2016, 11, 22)));
        assert_eq!(next_step(&dates, day(2016, 11, 22)), Some(day(2018, 8, 3)));
        assert_eq!(next_step(&dates, day(2020, 1, 1)), None);
    }

    #[test]
    fn fractions_place_dates_along_the_track() {
        let end = day(2026, 1, 1);
        assert_eq!(fraction(START, end), 0.0);
        assert_eq!(fraction(end, end), 1.0);
        let mid = fraction(day(1945, 8, 28), end);
        assert!(mid > 0.5 && mid < 0.6, "{mid}");
    }
}
