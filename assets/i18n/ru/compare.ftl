# Сравнение даты карты с другой датой (app/src/compare.rs): элемент шкалы
# времени, список изменений, легенда отметок на карте.

## Элемент шкалы времени
compare-with = Сравнить с…
compare-comparing = Сравнение с датой { $date }
compare-stop = Прекратить сравнение
compare-field = Сравнить дату карты с датой (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)

## Список изменений
compare-title = Изменения с { $from } по { $to }
compare-none = За этот период ничего не было размещено, выведено или изменено.
compare-added = Размещено ({ $count })
compare-withdrawn = Выведено ({ $count })
compare-changed = Изменился статус ({ $count })
compare-status = { $from } → { $to }
compare-status-none = нет

## Легенда отметок на карте
compare-key = Легенда изменений на карте
compare-key-added = Размещено: есть на { $to }, нет на { $from }
compare-key-withdrawn = Выведено: есть на { $from }, нет на { $to } (на прежнем месте)
compare-key-changed = Изменилось: есть на обе даты, статус другой
