# The measure tool (model/src/measure.rs).
measure-distance = { $km } km ({ $nmi } nmi)
