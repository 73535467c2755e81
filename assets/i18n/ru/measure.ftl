# The measure tool (model/src/measure.rs).
measure-distance = { $km } км ({ $nmi } мор. мили)
measure-known = Известные расстояния
measure-nearest = { $name } (ближайшая точка)
measure-published = опубликовано: { $km } км
measure-button = Измерить расстояние
measure-hint = Щёлкните две точки на карте или сдвиньте карту клавишами со стрелками и нажмите Enter, чтобы поставить точку в перекрестье. Escape сбрасывает.
measure-second = Первая точка поставлена, теперь вторая.
measure-result = Расстояние: { $distance }
overview-label = Обзорная карта: область атласа между Хоккайдо, Сахалином и Камчаткой, текущий вид обведён. Щёлкните точку или используйте клавиши со стрелками, чтобы переместить туда карту.
overview-toggle = Обзорная карта
