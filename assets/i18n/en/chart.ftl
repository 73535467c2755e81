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
chart-page-title = Deployments on the disputed islands, 1945 to today
chart-page-lede = What the armed forces and border guards kept on the four disputed islands, as our sources date it: above, how many deployments were in place at the end of each year, by category; below, each island's deployments one by one. Each bar opens the deployment on the map, with its sources.
chart-page-islands = Island by island
chart-page-table = The numbers, year by year
chart-page-year = Year
chart-key-status = Bars: solid, active; pale, reported; outlined, planned.
chart-heading = Deployments over time
chart-page-link = Every island's deployments
