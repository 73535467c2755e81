# The measure tool (model/src/measure.rs).
measure-distance = { $km } км ({ $nmi } мор. мили)
measure-known = Известные расстояния
measure-nearest = { $name } (ближайшая точка)
measure-published = опубликовано: { $km } км
