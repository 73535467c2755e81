# The Atom feed (model/src/feed.rs) and the event pages, /events/{id}
# (server/src/event_page/): server-rendered, readable without JavaScript.

## The feed
feed-title = Kuril Atlas: events
# $island: the island's or group's name in the language's convention.
feed-title-island = Kuril Atlas: events on { $island }
feed-subtitle = Events in the Kuril Islands / Northern Territories dispute, the newest change first, each with its sources
# $date: the event's date ("22 November 2016", "1945"); $summary: its summary.
feed-summary = { $date }. { $summary }
# The title of the page head's link to the feed; $island as in feed-title-island.
feed-link = Kuril Atlas: new and changed events (Atom)
feed-link-island = Kuril Atlas: new and changed events on { $island } (Atom)

## The event page
# The event card's link to it (app/src/panel.rs).
event-page-link = Event page (to cite and share)
event-page-site = Site
event-page-map = ← Back to the map
event-page-kind = Kind
event-page-when = When
# $from and $until: dates in words.
event-page-span = { $from } – { $until }
event-page-where = Where
event-page-islands = Islands
event-page-confidence = Confidence
# Between the items of a list (places, islands).
event-page-list-separator = { ", " }
# $text: our translation of a quote.
event-page-translation = { record-quote-translation }: “{ $text }”
event-page-sources = Sources
# $outlet: who published it; $kind: the kind of source; $language: the page's language code.
event-page-source-about = { $outlet }, { $kind }, in { $language }
# $date: a date in words.
event-page-source-published = published { $date }
event-page-excerpts = Quoted in the sources
# $source: the article or outlet a quote is from.
event-page-quoted-from = From { $source }
event-page-deployments = Deployments this event establishes
# $unit: the unit; $island: where; $status: its status from this event on.
event-page-deployment = { $unit }, { $island }: { $status }
event-page-open-map = Open on the map
event-page-nearby = Earlier and later events
# $title: the other event's title.
event-page-previous = Previous event: { $title }
event-page-next = Next event: { $title }
# $added and $updated: days in words.
event-page-record = In the data since { $added }; last changed { $updated }.
event-page-feed = Follow new and changed events (Atom feed)
event-page-json = This record as JSON
# $date: the event's date in words; $summary: its summary.
event-page-description = { $date }: { $summary }
event-page-not-found-title = No such event
# $id: the id the link names.
event-page-not-found = This address names an event the atlas does not have (“{ $id }”).
event-page-not-found-map = See every event on the map
