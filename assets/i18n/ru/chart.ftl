# Хронология размещений (model/src/chart.rs): в панели острова и на /deployments.
chart-name = Хронология размещений, { $from }–{ $to }: { $count ->
    [one] { $count } размещение
    [few] { $count } размещения
   *[other] { $count } размещений
}
chart-today = сегодня
chart-cursor = Дата карты: { $date }
chart-period = { $status } с { $from } по { $until }
chart-bar = { $name } ({ $category }): { $periods }. Открывает карточку с источниками.
chart-overview-name = Размещения на четырёх островах на конец каждого года, { $from }–{ $to }, по категориям; не более { $peak } одновременно.
