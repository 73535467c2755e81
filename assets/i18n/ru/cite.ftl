# Цитирование (model/src/citation.rs, /api/citation), «Цитировать этот вид»
# в блоке «Поделиться» (app/src/controls.rs), подвал страниц с ревизией
# данных и связанные данные страниц (server/src/cite.rs).

## Форматы ссылок: APA 7 и Чикагский стиль 17-го издания (примечания и библиография: запись в библиографии)
cite-apa = { $author }. ({ $year }). { $title } (ревизия данных { $revision }) [Набор данных]. { $url } (дата обращения: { $accessed })
cite-apa-date = { date-day }
cite-chicago = { $author }. «{ $title }». Набор данных, ревизия данных { $revision }. { $author }, { $year }. { $url } (дата обращения: { $accessed }).
cite-chicago-date = { date-day }
cite-note = Ревизия данных { $revision }
cite-medium = Интерактивная карта и набор данных

## «Цитировать этот вид»
cite-format = Формат ссылки
cite-format-apa = APA
cite-format-chicago = Чикагский стиль
cite-format-bibtex = BibTeX
cite-format-csl = CSL-JSON
cite-text = Ссылка в формате { $format }
cite-loading = Готовим ссылку…
cite-failed = Не удалось подготовить ссылку: { $detail }
cite-copy = Копировать { $format }

## Подвал страниц и связанные данные
cite-footer = Ревизия данных { $revision }
cite-footer-link = Что входит в эту ревизию (JSON)
cite-keywords = Курильские острова, Южные Курилы, «Северные территории», Япония, Россия, территориальный спор, военные объекты, карта
cite-map-name = Карта спора о Курильских островах / «Северных территориях»

## Оценки проверки фактов (ClaimReview)
cite-rating-false = Неверно
cite-rating-mostly-false = В основном неверно
cite-rating-mixed = Отчасти верно
cite-rating-mostly-true = В основном верно
cite-rating-true = Верно
