# Deployment timeline charts (model/src/chart.rs): the island panel's and /deployments'.
chart-name = Deployment timeline, { $from } to { $to }: { $count ->
    [one] one deployment
   *[other] { $count } deployments
}
chart-today = today
chart-cursor = The map's date: { $date }
chart-period = { $status } from { $from } until { $until }
chart-bar = { $name } ({ $category }): { $periods }. Opens its card with its sources.
chart-overview-name = Deployments in place on the four islands at the end of each year, { $from } to { $to }, stacked by category; at most { $peak } at once.
