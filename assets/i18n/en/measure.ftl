# The measure tool (model/src/measure.rs).
measure-distance = { $km } km ({ $nmi } nmi)
measure-known = Well-known distances
measure-nearest = { $name } (nearest point)
measure-published = published: { $km } km
