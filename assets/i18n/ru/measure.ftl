# The measure tool (model/src/measure.rs).
measure-distance = { $km } км ({ $nmi } мор. мили)
