# Даты словами (model/src/i18n/dates.rs). Аргументы: $year, $month (1–12), $day.
month-name = { $month ->
    [1] январь
    [2] февраль
    [3] март
    [4] апрель
    [5] май
    [6] июнь
    [7] июль
    [8] август
    [9] сентябрь
    [10] октябрь
    [11] ноябрь
   *[12] декабрь
}
grammar-month-genitive = { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}
grammar-month-prepositional = { $month ->
    [1] январе
    [2] феврале
    [3] марте
    [4] апреле
    [5] мае
    [6] июне
    [7] июле
    [8] августе
    [9] сентябре
    [10] октябре
    [11] ноябре
   *[12] декабре
}
grammar-month-dative = { $month ->
    [1] январю
    [2] февралю
    [3] марту
    [4] апрелю
    [5] маю
    [6] июню
    [7] июлю
    [8] августу
    [9] сентябрю
    [10] октябрю
    [11] ноябрю
   *[12] декабрю
}
date-day = { $day } { grammar-month-genitive } { $year } г.
date-month = { month-name } { $year } г.
date-year = { $year } г.
date-on-day = { date-day }
date-in-month = в { grammar-month-prepositional } { $year } г.
date-in-year = в { $year } г.
date-by-day = к { date-day }
date-by-month = к { grammar-month-dative } { $year } г.
date-by-year = к { $year } г.
