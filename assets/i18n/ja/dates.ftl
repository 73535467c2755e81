# 日付（model/src/i18n/dates.rs）。引数：$year、$month（1〜12）、$day。
month-name = { $month }月
date-day = { $year }年{ $month }月{ $day }日
date-month = { $year }年{ $month }月
date-year = { $year }年
date-on-day = { date-day }
date-in-month = { date-month }
date-in-year = { $year }年
date-by-day = { date-day }までに
date-by-month = { date-month }までに
date-by-year = { $year }年までに
