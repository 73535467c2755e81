# Citations (model/src/citation.rs, /api/citation), "Cite this view" in the
# share area (app/src/controls.rs), the pages' footer with the data revision
# and their linked data (server/src/cite.rs). Arguments: $author, $year,
# $title, $revision, $accessed (worded by the -date message), $url;
# dates: $year, $month (1-12), $day.

## Reference formats. APA 7 and Chicago 17 (notes and bibliography: the bibliography entry).
cite-apa = { $author }. ({ $year }). { $title } (Data revision { $revision }) [Data set]. Retrieved { $accessed }, from { $url }
cite-apa-date = { month-name } { $day }, { $year }
cite-chicago = { $author }. “{ $title }.” Data set, data revision { $revision }. { $author }, { $year }. Accessed { $accessed }. { $url }.
cite-chicago-date = { month-name } { $day }, { $year }
cite-note = Data revision { $revision }
cite-medium = Interactive map and data set

## "Cite this view"
cite-format = Citation format
cite-format-apa = APA
cite-format-chicago = Chicago
cite-format-bibtex = BibTeX
cite-format-csl = CSL-JSON
cite-text = Citation in { $format }
cite-loading = Preparing the citation…
cite-failed = The citation could not be prepared: { $detail }
cite-copy = Copy { $format }

## The pages' footer and linked data
cite-footer = Data revision { $revision }
cite-footer-link = What this revision holds (JSON)
cite-keywords = Kuril Islands, Northern Territories, Japan, Russia, territorial dispute, military deployments, map
cite-map-name = Map of the Kuril Islands / Northern Territories dispute

## Fact-check ratings (ClaimReview)
cite-rating-false = False
cite-rating-mostly-false = Mostly false
cite-rating-mixed = Mixed
cite-rating-mostly-true = Mostly true
cite-rating-true = True
