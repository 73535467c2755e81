# The page around the map: header, controls, legend, sharing, the bad-link
# notice, the map, its symbols, the timeline, errors (app/src/atlas.rs,
# controls.rs, map.rs, overlays.rs, timeline.rs, api.rs; model's captions,
# symbol names, names notes, line titles, link reasons).

## Header
shell-title = Kuril Atlas
shell-language = Language
shell-read-article = Read the article
shell-loading-map = Loading the map…
shell-map-failed = The map could not be loaded: { $error }
shell-try-again = Try again
shell-skip-links = Skip links
shell-skip-map = Skip to the map
shell-skip-timeline = Skip to the timeline
shell-skip-panel = Skip to the panel
shell-skip-list = Skip to the island list
shell-site-links = About this map
shell-about = About the dispute
shell-methodology = How we source

## The masthead's note: names shown, who held the islands on the map's date
shell-names-note-both = Names: Japanese / Russian.
shell-names-note-ja = Names: Japanese only.
shell-names-note-ru = Names: Russian only.
shell-held-japan = On this date the islands were administered by Japan.
shell-held-occupying = On this date Soviet forces were occupying the islands, one by one.
shell-held-soviet = On this date the islands were administered by the Soviet Union and claimed by Japan.
shell-held-russia = The islands are administered by Russia and claimed by Japan.
shell-masthead-note = { $names } { $held }

## Bad-link notice
shell-ignored-intro = Parts of this link were ignored; the rest is shown:
shell-ignored-item = { $parameter }: { $reason }
shell-dismiss = Dismiss this notice
shell-reason-unknown-parameter = unknown parameter
shell-reason-repeated = repeated parameter; the first one applies
shell-reason-expected-view = expected zoom/latitude/longitude
shell-reason-not-a-number = not a number
shell-reason-zoom-out-of-range = zoom out of range
shell-reason-outside-map-area = outside the map area
shell-reason-invalid-id = not a valid id
shell-reason-expected-date = expected a date as YYYY-MM-DD
shell-reason-invalid-date = not a valid date
shell-reason-outside-timeline = outside the timeline (1855 onwards)
shell-reason-expected-excerpt = expected an excerpt number from 1
shell-reason-unknown-layer = unknown layer
shell-reason-no-known-layer = no known layer
shell-reason-expected-names = expected ja, ru or both
shell-reason-expected-lang = expected en, ja or ru
shell-reason-expected-embed = expected 1 or 0
shell-reason-needs-article = needs an article
shell-reason-future = { $date } is in the future; the map shows today, { $today }
shell-reason-no-article = Kuril Atlas has no article “{ $id }”
shell-reason-no-excerpt = there is no excerpt { $number }: this article has { $count ->
    [0] none
    [one] one
   *[other] { $count }
}

## Controls
shell-options = Map options
shell-layers-toggle = Map layers and legend
shell-names = Names
shell-names-both = Both
shell-names-ja = Japanese
shell-names-ru = Russian
shell-layers = Layers
shell-layer-islands = Island labels
shell-layer-lines = Treaty and claim lines
shell-layer-places = Places
shell-layer-deployments = Deployments
shell-layer-events = Events
shell-island-list = List of islands

## Legend
shell-legend = Legend
shell-symbols = Map symbols
shell-category-missile = Coastal missiles
shell-category-air-defence = Air defence
shell-category-aircraft = Aircraft
shell-category-ground = Ground forces
shell-category-border = Border guard
shell-category-infrastructure = Infrastructure
shell-legend-approximate = Dashed: location not published, shown on its island
shell-legend-event = Diamond: an event of the year up to the map's date
shell-legend-japanese = Pale, dashed islands: administered by Japan on the map's date (before the 1945 landings).

## Sharing and the embed
shell-copy-link = Copy link
shell-cite = Cite this view
shell-embed = Embed
shell-link-copied = Link copied
shell-citation-copied = Citation copied
shell-embed-copied = Embed code copied
shell-copy-blocked = Copying is blocked here: select the text below and copy it.
shell-embed-code = Embed code
shell-copy-embed = Copy embed code
shell-iframe-title = Kuril Atlas: map of the Kuril Islands / Northern Territories dispute
shell-embed-date = Map date: { $date }
shell-open-full = Open in Kuril Atlas

## The map
shell-map-label = Map of the disputed islands. Arrow keys pan, plus and minus zoom, Tab moves between islands.
shell-zoom-in = Zoom in
shell-zoom-out = Zoom out
shell-ctrl-hint = Use Ctrl + scroll to zoom the map
shell-attribution = Coastlines: GSHHG (LGPL) · © OpenStreetMap contributors (ODbL)
shell-scale-km = { $distance } km
shell-scale-m = { $distance } m
shell-coords = { $lat }°N { $lon }°E · zoom { $zoom }

## Symbols and lines (what a screen reader hears, and tooltips)
shell-line-title = { $name } (since { $since }{ $ended ->
    [yes] , until { $until }
   *[no] { "" }
}){ $schematic ->
    [yes] , schematic course
   *[no] { "" }
}
shell-site-name = { $unit }, { $island }, { $period }
shell-badge-name = { $category }: { $count ->
    [one] one site
   *[other] { $count } sites
 } on { $island }. Show them
shell-site-unpublished = { $name }, location not published
shell-event-name = { $title }, { $date }
shell-period-since = since { $precision ->
    [year] { $year }
    [month] { date-month }
   *[day] { date-day }
}
shell-period-there-by = there { $date }
shell-period-range = { $from } – { $until }

## Timeline
shell-timeline = Timeline
shell-play = Play through the events
shell-pause = Pause the timeline
shell-date-slider = Date shown on the map
shell-today-date = Today, { $date }
shell-previous = Previous event
shell-previous-key = Previous event (key: ,)
shell-next = Next event
shell-next-key = Next event (key: .)
shell-speed = Speed
shell-goto = Go to date (YYYY, YYYY-MM or YYYY-MM-DD)
shell-goto-placeholder = YYYY-MM-DD
shell-today = Today
shell-caption = { $when }: { $title }
shell-caption-more = { $when }: { $title } (and { $more ->
    [one] 1 more event
   *[other] { $more } more events
})
shell-played-to-end = Played to the end: the map shows today.
shell-date-malformed = Type a date as YYYY, YYYY-MM or YYYY-MM-DD, such as 1956-10-19.
shell-date-too-early = The timeline starts on { $start }.
shell-date-future = The timeline ends today, { $today }.

## Errors
shell-error-unreachable = could not reach the server ({ $detail })
shell-error-status = the server answered { $status } for { $url }
shell-error-incomplete = the answer for { $url } did not arrive completely ({ $detail })
shell-error-malformed = the answer for { $url } is malformed: { $detail }
shell-error-map-data = the map data is malformed: { $detail }
shell-error-overlays = the places and lines are malformed: { $detail }
shell-error-mixed = the app mixed up two answers
