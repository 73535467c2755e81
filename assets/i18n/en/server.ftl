# The server's words: page titles and descriptions (server/src/page.rs),
# link-preview images and the first paint (model/src/og.rs), and the
# masthead's note (Islands::masthead_note, shared with the app).
server-site-name = Kuril Atlas
server-page-title = { $headline } · Kuril Atlas
server-headline-dispute = The Kuril Islands / Northern Territories dispute
server-headline-date = The disputed islands, as of { $date }
server-headline-island-date = { $island }, as of { $date }
server-headline-event = { $title }, { $date }
server-headline-deployment = { $unit }, { $island }, { $period }
# $precision is day, month or year; $year, $month and $day the date.
server-period-since = since { $precision ->
    [day] { date-day }
    [month] { date-month }
   *[year] { $year }
}
# $from: a bound in words ("by December 2020").
server-period-there-by = there { $from }
server-period-span = { $from } – { $until }
server-description-default = The Kuril Islands / Northern Territories dispute between Japan and Russia on an interactive map: islands with both names, military deployments and treaty lines, each with sources
server-description-deployment = { $headline }: a military deployment in the Kuril Islands / Northern Territories dispute, on an interactive map with its history and sources
server-description-event = { $headline }: an event in the Kuril Islands / Northern Territories dispute, on an interactive map with its history and sources
# $island: the island's name as the link shows it; $names: its Japanese and Russian names in their scripts.
server-description-island-japan = { $island } ({ $names }): administered by Japan; its deployment history with sources
server-description-island-soviet = { $island } ({ $names }): administered by the Soviet Union, claimed by Japan; its deployment history with sources
server-description-island-russia = { $island } ({ $names }): administered by Russia, claimed by Japan; its deployment history with sources
server-description-as-of = { $text }, as of { $date }.
server-description-end = { $text }.
server-map-loading = Map of the disputed islands (loading)
