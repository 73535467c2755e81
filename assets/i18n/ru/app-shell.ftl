# Страница вокруг карты: заголовок, настройки, легенда, ссылки, предупреждение о ссылке,
# карта, её значки, шкала времени, ошибки.

## Заголовок
shell-title = Курильский атлас
shell-language = Язык
shell-read-article = Читать статью
shell-loading-map = Карта загружается…
shell-map-failed = Не удалось загрузить карту: { $error }
shell-try-again = Повторить
shell-skip-links = Быстрые ссылки
shell-skip-map = Перейти к карте
shell-skip-timeline = Перейти к шкале времени
shell-skip-panel = Перейти к панели
shell-skip-list = Перейти к списку островов
shell-site-links = Об этой карте
shell-about = О споре
shell-methodology = Как мы работаем с источниками

## Примечание в заголовке: какие названия показаны и кто управлял островами на дату карты
shell-names-note-both = Названия: японские / русские.
shell-names-note-ja = Названия: только японские.
shell-names-note-ru = Названия: только русские.
shell-held-japan = На эту дату острова находились под управлением Японии.
shell-held-occupying = На эту дату советские войска занимали острова один за другим.
shell-held-soviet = На эту дату острова находились под управлением Советского Союза, Япония считала их своими.
shell-held-russia = Острова находятся под управлением России, Япония считает их своими.
shell-masthead-note = { $names } { $held }

## Предупреждение о ссылке
shell-ignored-intro = Часть этой ссылки не учтена; остальное показано:
shell-ignored-item = { $parameter }: { $reason }
shell-dismiss = Закрыть это предупреждение
shell-reason-unknown-parameter = неизвестный параметр
shell-reason-repeated = параметр повторяется; действует первый
shell-reason-expected-view = ожидается масштаб/широта/долгота
shell-reason-not-a-number = не число
shell-reason-zoom-out-of-range = масштаб вне допустимого диапазона
shell-reason-outside-map-area = за пределами карты
shell-reason-invalid-id = недопустимый идентификатор
shell-reason-expected-date = ожидается дата в виде ГГГГ-ММ-ДД
shell-reason-invalid-date = недопустимая дата
shell-reason-outside-timeline = за пределами шкалы времени (с 1855 года)
shell-reason-expected-excerpt = ожидается номер выдержки, начиная с 1
shell-reason-unknown-layer = неизвестный слой
shell-reason-no-known-layer = нет ни одного известного слоя
shell-reason-expected-names = ожидается ja, ru или both
shell-reason-expected-lang = ожидается en, ja или ru
shell-reason-expected-embed = ожидается 1 или 0
shell-reason-needs-article = нужна статья
shell-reason-future = { $date } ещё не наступило; карта показывает сегодняшний день, { $today }
shell-reason-no-article = в Курильском атласе нет статьи «{ $id }»
shell-reason-no-excerpt = выдержки { $number } нет: в этой статье { $count ->
    [0] выдержек нет
    [1] одна выдержка
   *[other] их { $count }
}

## Настройки
shell-options = Настройки карты
shell-layers-toggle = Слои карты и легенда
shell-names = Названия
shell-names-both = Оба варианта
shell-names-ja = Японские
shell-names-ru = Русские
shell-layers = Слои
shell-layer-islands = Названия островов
shell-layer-lines = Договорные линии и линии притязаний
shell-layer-places = Населённые пункты и объекты
shell-layer-deployments = Размещение сил
shell-layer-events = События
shell-island-list = Список островов

## Легенда
shell-legend = Легенда
shell-symbols = Условные обозначения
shell-category-missile = Береговые ракетные комплексы
shell-category-air-defence = ПВО
shell-category-aircraft = Авиация
shell-category-ground = Сухопутные войска
shell-category-border = Пограничная служба
shell-category-infrastructure = Инфраструктура
shell-legend-approximate = Пунктир: место не опубликовано, показано на острове
shell-legend-event = Ромб: событие за год до даты карты
shell-legend-japanese = Бледные острова с пунктирным контуром: на дату карты находились под управлением Японии (до высадки 1945 года).

## Ссылки и встраивание
shell-copy-link = Копировать ссылку
shell-cite = Цитировать этот вид
shell-embed = Встроить
shell-link-copied = Ссылка скопирована
shell-citation-copied = Цитата скопирована
shell-embed-copied = Код для встраивания скопирован
shell-copy-blocked = Здесь копирование заблокировано: выделите текст ниже и скопируйте его.
shell-embed-code = Код для встраивания
shell-copy-embed = Копировать код
shell-iframe-title = Курильский атлас: карта спора о Курильских островах / «Северных территориях»
shell-embed-date = Дата карты: { $date }
shell-open-full = Открыть в Курильском атласе

## Карта
shell-map-label = Карта спорных островов. Стрелки перемещают карту, плюс и минус меняют масштаб, Tab переходит от острова к острову.
shell-zoom-in = Увеличить
shell-zoom-out = Уменьшить
shell-ctrl-hint = Чтобы изменить масштаб, прокручивайте с нажатой клавишей Ctrl
shell-attribution = Береговая линия: GSHHG (LGPL) · © участники OpenStreetMap (ODbL)
shell-scale-km = { $distance } км
shell-scale-m = { $distance } м
shell-coords = { $lat }° с. ш. { $lon }° в. д. · масштаб { $zoom }

## Значки и линии (что слышит читатель экрана, и подсказки)
shell-line-title = { $name } ({ $ended ->
    [yes] с { $since } по { $until }
   *[no] с { $since }
}){ $schematic ->
    [yes] , линия показана схематично
   *[no] { "" }
}
shell-site-name = { $unit }, { $island }, { $period }
shell-badge-name = { $category }: { $count ->
    [one] { $count } объект
    [few] { $count } объекта
   *[other] { $count } объектов
 }, { $island }. Показать по отдельности
shell-site-unpublished = { $name }, место не опубликовано
shell-event-name = { $title }, { $date }
shell-period-since = с { $precision ->
    [year] { $year } г.
    [month] { grammar-month-genitive } { $year } г.
   *[day] { date-day }
}
shell-period-there-by = { $date }
shell-period-range = { $from } – { $until }

## Шкала времени
shell-timeline = Шкала времени
shell-play = Воспроизвести события по порядку
shell-pause = Приостановить воспроизведение
shell-date-slider = Дата, показанная на карте
shell-today-date = Сегодня, { $date }
shell-previous = Предыдущее событие
shell-previous-key = Предыдущее событие (клавиша «,»)
shell-next = Следующее событие
shell-next-key = Следующее событие (клавиша «.»)
shell-speed = Скорость
shell-goto = Перейти к дате (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)
shell-goto-placeholder = ГГГГ-ММ-ДД
shell-today = Сегодня
shell-caption = { $when }: { $title }
shell-caption-more = { $when }: { $title } (и ещё { $more } { $more ->
    [one] событие
    [few] события
   *[many] событий
})
shell-played-to-end = Воспроизведение завершено: карта показывает сегодняшний день.
shell-date-malformed = Введите дату в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД, например 1956-10-19.
shell-date-too-early = Шкала времени начинается { $start }
shell-date-future = Шкала времени заканчивается сегодняшним днём, { $today }

## Ошибки
shell-error-unreachable = не удалось связаться с сервером ({ $detail })
shell-error-status = сервер ответил { $status } на запрос { $url }
shell-error-incomplete = ответ на запрос { $url } получен не полностью ({ $detail })
shell-error-malformed = ответ на запрос { $url } имеет неверный формат: { $detail }
shell-error-map-data = данные карты имеют неверный формат: { $detail }
shell-error-overlays = данные о населённых пунктах и линиях имеют неверный формат: { $detail }
shell-error-mixed = приложение перепутало два ответа
