# Comparing the map's date with another (app/src/compare.rs): the
# timeline's control, the list of changes, the key to the map's marks.

## The timeline's control
compare-with = Compare with…
compare-comparing = Compared with { $date }
compare-stop = Stop comparing
compare-field = Compare the map's date with (YYYY, YYYY-MM or YYYY-MM-DD)

## The list of changes
compare-title = Changes between { $from } and { $to }
compare-none = No deployment was added, withdrawn or changed between these dates.
compare-added = Added ({ $count })
compare-withdrawn = Withdrawn ({ $count })
compare-changed = Status changed ({ $count })
compare-status = { $from } → { $to }
compare-status-none = not there

## The key to the map's marks
compare-key = Key to the changes on the map
compare-key-added = Added: there on { $to }, not on { $from }
compare-key-withdrawn = Withdrawn: there on { $from }, not on { $to } (at its old site)
compare-key-changed = Changed: there on both dates, with another status
