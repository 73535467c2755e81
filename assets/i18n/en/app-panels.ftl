# The island panel, its story, the deployment card and the article reader
# (app/src/panel.rs, story.rs, deployment_card.rs, reader.rs), and the
# records' kinds as readers see them (model/src/events/types.rs,
# model/src/islands.rs, model/src/story.rs).

## What happened: event kinds (EventKind)
kind-deployment = deployment
kind-withdrawal = withdrawal
kind-exercise = exercise
kind-construction = construction
kind-diplomacy = diplomacy
kind-treaty = treaty
kind-visit = visit
kind-occupation = occupation
kind-incident = incident
kind-statement = statement

## Deployment categories, statuses; confidence
category-coastal-missile = Coastal missiles
category-air-defence = Air defence
category-aircraft = Aircraft
category-ground-forces = Ground forces
category-border-guard = Border guard
category-infrastructure = Infrastructure
status-reported = reported
status-active = active
status-withdrawn = withdrawn
status-planned = planned
confidence-high = high
confidence-medium = medium

## Kinds of source (SourceKind)
source-kind-official = official
source-kind-intergovernmental = intergovernmental
source-kind-wire = wire
source-kind-newspaper = newspaper
source-kind-broadcaster = broadcaster
source-kind-research = research
source-kind-reference = reference
source-kind-blog = blog
source-kind-aggregator = aggregator

## Notes on excerpts (AnnotationKind)
annotation-fact-check = Fact-check
annotation-context = Context
annotation-translation = Translation note

## Who administered the islands (Administration)
admin-japan = Japan
admin-soviet-union = Soviet Union
admin-russia = Russia
admin-by-japan = administered by Japan
admin-by-soviet-union = administered by the Soviet Union
admin-by-russia = administered by Russia

## Records in the reader's language
record-translation-note = Translation: Kuril Atlas
record-quote-translation = Our translation

## The island panel
panel-unknown-island = This link names an island the map does not have (“{ $id }”).
panel-unknown-event = This link names an event the map does not have (“{ $id }”).
panel-dismiss = Dismiss this notice
panel-close-island = Close the island panel
panel-close-event = Close the event
panel-loading = Loading…
panel-failed = This panel could not be loaded: { $error }
panel-try-again = Try again
panel-sources = Sources
panel-read-in = Read in { $outlet } (excerpt { $n })
panel-japanese = Japanese
panel-russian = Russian
panel-group = Group
panel-islands = Islands
panel-administered-on = Administered by (on { $date })
panel-claimed-by = Claimed by
panel-positions = Positions
panel-positions-link = Both positions, sourced
# Both governments' positions in one line (model::positions::Positions::panel_line_in);
# $japan and $russia: each position's line in our words.
panel-positions-line = Japan: { $japan } · Russia: { $russia }
panel-area = Area (official, Japan)
panel-area-value = { $area } km²
panel-area-source = { $publisher }, areas as of { $year }, via { $url }
panel-population = Population
panel-population-as-of = as of { $date }
panel-outline = Outline
panel-where = Where: { $place }
panel-confidence = Confidence: { $level }
panel-quotes = Quotes

## The island's story
story-title = History
story-show = Show
story-all = All
strand-diplomacy = Treaties, diplomacy, statements
strand-visit = Visits
strand-incident = Incidents
strand-military = Military events
strand-deployment-change = Deployment changes
story-period-until = Until { $end }
story-period-onward = { $from } onward
story-period-year = { $year }
story-period-years = { $from }–{ $to }
story-period-all = All years
story-period-held = { $years } · { $held }
story-count = { $period } ({ $count })
story-map-date = map date
story-none = No record in this period in our sources.
story-period-entries = Show the entries of this period
story-sources = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
story-excerpts = excerpts

## The deployment card
card-unknown = This link names a deployment the map does not have (“{ $id }”).
card-close = Close the deployment
card-site-unpublished = { $island } (the exact site is not published)
card-where = Where
card-when = When
card-confidence = Confidence
card-status-over-time = Status over time
card-events = Events
card-whole-story = The whole story of { $island }
card-since = since { $from }
card-there-by = there { $from }
card-range = { $from } – { $until }

## The article reader
reader-label = Article reader
reader-close = Close the article
reader-loading = Loading the article…
reader-failed = The article could not be loaded: { $error }
reader-source-page = Source page
reader-hint = Marked passages are excerpts: choose one for its notes and to show it on the map.
reader-notes-title = Notes on excerpt { $n } of { $total }
reader-linked-events = Linked events
reader-quotes-title = Quotes from every source
reader-filter-island = Island
reader-filter-event = Event
reader-all = All
reader-quote-count = { $count ->
    [one] { $count } quote
   *[other] { $count } quotes
}
