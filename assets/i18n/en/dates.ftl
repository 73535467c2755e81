# Dates in words (model/src/i18n/dates.rs). Arguments: $year, $month (1-12), $day.
month-name = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
date-day = { $day } { month-name } { $year }
date-month = { month-name } { $year }
date-year = { $year }
date-on-day = on { date-day }
date-in-month = in { date-month }
date-in-year = in { $year }
date-by-day = by { date-day }
date-by-month = by { date-month }
date-by-year = by { $year }
