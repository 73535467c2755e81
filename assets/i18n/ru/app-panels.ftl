# Панель острова, его история, карточка размещения и читалка статей
# (app/src/panel.rs, story.rs, deployment_card.rs, reader.rs), а также
# названия видов записей (model/src/events/types.rs, model/src/islands.rs,
# model/src/story.rs).

## Виды событий (EventKind)
kind-deployment = Размещение
kind-withdrawal = Вывод
kind-exercise = Учения
kind-construction = Строительство
kind-diplomacy = Дипломатия
kind-treaty = Договор
kind-visit = Визит
kind-occupation = Занятие островов
kind-incident = Инцидент
kind-statement = Заявление

## Категории и статусы размещений; достоверность
category-coastal-missile = Береговые ракеты
category-air-defence = ПВО
category-aircraft = Авиация
category-ground-forces = Сухопутные войска
category-border-guard = Пограничная служба
category-infrastructure = Инфраструктура
status-reported = сообщается
status-active = размещено
status-withdrawn = выведено
status-planned = запланировано
confidence-high = высокая
confidence-medium = средняя

## Виды источников (SourceKind)
source-kind-official = официальный
source-kind-intergovernmental = межправительственный
source-kind-wire = информагентство
source-kind-newspaper = газета
source-kind-broadcaster = телерадиокомпания
source-kind-research = исследовательский
source-kind-reference = энциклопедия
source-kind-blog = блог
source-kind-aggregator = перепечатка

## Примечания к цитатам (AnnotationKind)
annotation-fact-check = Проверка фактов
annotation-context = Контекст
annotation-translation = О переводе

## Кто управлял островами (Administration)
admin-japan = Япония
admin-soviet-union = Советский Союз
admin-russia = Россия
admin-by-japan = под управлением Японии
admin-by-soviet-union = под управлением СССР
admin-by-russia = под управлением России

## Записи на языке читателя
record-translation-note = Перевод проекта Kuril Atlas
record-quote-translation = Перевод проекта

## Панель острова
panel-unknown-island = В этой ссылке указан остров, которого нет на карте («{ $id }»).
panel-unknown-event = В этой ссылке указано событие, которого нет на карте («{ $id }»).
panel-dismiss = Закрыть уведомление
panel-close-island = Закрыть панель острова
panel-close-event = Закрыть событие
panel-loading = Загрузка…
panel-failed = Не удалось загрузить панель: { $error }
panel-try-again = Повторить
panel-sources = Источники
panel-read-in = Читать в источнике «{ $outlet }» (цитата { $n })
panel-japanese = По-японски
panel-russian = По-русски
panel-group = Группа
panel-islands = Острова
panel-administered-on = Под управлением (на { $date })
panel-claimed-by = Притязания
panel-positions = Позиции сторон
panel-positions-link = Позиции обеих сторон с источниками
panel-positions-line = Япония: { $japan } · Россия: { $russia }
panel-area = Площадь (официальные данные Японии)
panel-area-value = { $area } км²
panel-area-source = { $publisher }, площади на { $year } г., по данным { $url }
panel-population = Население
panel-population-as-of = на { $date }
panel-outline = Контур
panel-where = Где: { $place }
panel-confidence = Достоверность: { $level }
panel-quotes = Цитаты

## История острова
story-title = История
story-show = Показывать
story-all = Все
strand-diplomacy = Договоры, дипломатия, заявления
strand-visit = Визиты
strand-incident = Инциденты
strand-military = Военные события
strand-deployment-change = Изменения в размещении
story-period-until = До { $end } г.
story-period-onward = С { $from } г.
story-period-year = { $year } г.
story-period-years = { $from }–{ $to } гг.
story-period-all = Все годы
story-period-held = { $years } · { $held }
story-count = { $period } ({ $count })
story-map-date = дата на карте
story-none = В наших источниках нет записей за этот период.
story-period-entries = Показать записи этого периода
story-sources = { $count ->
    [one] { $count } источник
    [few] { $count } источника
   *[many] { $count } источников
}
story-excerpts = цитаты

## Карточка размещения
card-unknown = В этой ссылке указано размещение, которого нет на карте («{ $id }»).
card-close = Закрыть размещение
card-site-unpublished = { $island } (точное место не опубликовано)
card-where = Где
card-when = Когда
card-confidence = Достоверность
card-status-over-time = Статус по времени
card-events = События
card-whole-story = Вся история: { $island }
card-since = { $from } — по настоящее время
card-there-by = { $from } — уже на месте
card-range = { $from } – { $until }

## Читалка статей
reader-label = Просмотр статьи
reader-close = Закрыть статью
reader-loading = Статья загружается…
reader-failed = Не удалось загрузить статью: { $error }
reader-source-page = Исходная страница
reader-hint = Выделенные места — цитаты: выберите цитату, чтобы увидеть примечания к ней и показать её на карте.
reader-notes-title = Примечания к цитате { $n } из { $total }
reader-linked-events = Связанные события
reader-quotes-title = Цитаты из всех источников
reader-filter-island = Остров
reader-filter-event = Событие
reader-all = Все
reader-quote-count = { $count ->
    [one] { $count } цитата
    [few] { $count } цитаты
   *[many] { $count } цитат
}
