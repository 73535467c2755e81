# Лента Atom (model/src/feed.rs) и страницы событий /events/{id}
# (server/src/event_page/): формируются на сервере, читаются без JavaScript.

## Лента
feed-title = Kuril Atlas: события
feed-title-island = Kuril Atlas: события — { $island }
feed-subtitle = События спора о Курильских островах / «Северных территориях», сначала последние изменения, все со ссылками на источники
feed-summary = { $date }. { $summary }
feed-link = Kuril Atlas: новые и изменённые события (Atom)
feed-link-island = Kuril Atlas: новые и изменённые события — { $island } (Atom)

## Страница события
event-page-link = Страница события (для цитирования и ссылок)
event-page-site = Сайт
event-page-map = ← Вернуться к карте
event-page-kind = Тип
event-page-when = Когда
event-page-span = { $from } – { $until }
event-page-where = Где
event-page-islands = Острова
event-page-confidence = Достоверность
event-page-list-separator = { ", " }
event-page-translation = { record-quote-translation }: «{ $text }»
event-page-sources = Источники
event-page-source-about = { $outlet }, { $kind }, язык: { $language }
event-page-source-published = опубликовано { $date }
event-page-excerpts = Цитаты из источников
event-page-quoted-from = Источник: { $source }
event-page-deployments = Размещения, которые подтверждает это событие
event-page-deployment = { $unit }, { $island }: { $status }
event-page-open-map = Открыть на карте
event-page-nearby = Предыдущее и следующее события
event-page-previous = Предыдущее событие: { $title }
event-page-next = Следующее событие: { $title }
event-page-record = В данных с { $added }; последнее изменение — { $updated }.
event-page-feed = Подписаться на новые и изменённые события (лента Atom)
event-page-json = Эта запись в формате JSON
event-page-description = { $date }: { $summary }
event-page-not-found-title = Такого события нет
event-page-not-found = По этому адресу нет события («{ $id }»): в атласе его нет.
event-page-not-found-map = Все события на карте
