# Слова сервера: заголовки и описания страниц (server/src/page.rs),
# картинки предпросмотра ссылок и первая отрисовка (model/src/og.rs),
# примечание под заголовком (Islands::masthead_note, общее с приложением).
server-site-name = Kuril Atlas
server-page-title = { $headline } · Kuril Atlas
server-headline-dispute = Спор о Курильских островах / «Северных территориях»
server-headline-date = Спорные острова на { $date }
server-headline-island-date = { $island } на { $date }
server-headline-event = { $title }, { $date }
server-headline-deployment = { $unit }, { $island }, { $period }
# $precision — day, month или year; $year, $month и $day — дата.
server-period-since = с { $precision ->
    [day] { date-day }
    [month] { grammar-month-genitive } { $year } г.
   *[year] { $year } г.
}
# $from — срок словами («к декабрю 2020 г.»).
server-period-there-by = { $from }
server-period-span = { $from } – { $until }
server-description-default = Спор Японии и России о Курильских островах / «Северных территориях» на интерактивной карте: острова под двумя названиями, военные объекты и договорные линии, всё со ссылками на источники
server-description-deployment = { $headline }: военный объект в споре о Курильских островах / «Северных территориях», на интерактивной карте с историей и источниками
server-description-event = { $headline }: событие в споре о Курильских островах / «Северных территориях», на интерактивной карте с историей и источниками
# $island — название острова так, как его показывает ссылка; $names — японское и русское названия в своём письме.
server-description-island-japan = { $island } ({ $names }): под управлением Японии; история размещения войск со ссылками на источники
server-description-island-soviet = { $island } ({ $names }): под управлением Советского Союза, Япония считала эту территорию своей; история размещения войск со ссылками на источники
server-description-island-russia = { $island } ({ $names }): под управлением России, Япония считает эту территорию своей; история размещения войск со ссылками на источники
server-description-as-of = { $text } (по состоянию на { $date }).
server-description-end = { $text }.
server-map-loading = Карта спорных островов (загружается)
