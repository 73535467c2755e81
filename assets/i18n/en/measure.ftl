# The measure tool (model/src/measure.rs).
measure-distance = { $km } km ({ $nmi } nmi)
measure-known = Well-known distances
measure-nearest = { $name } (nearest point)
measure-published = published: { $km } km
measure-button = Measure distance
measure-hint = Click two points on the map, or move the map with the arrow keys and press Enter to place a point at the crosshair. Escape clears.
measure-second = First point placed: now the second.
measure-result = Distance: { $distance }
overview-label = Overview map: the atlas's area between Hokkaido, Sakhalin and Kamchatka, the current view outlined. Click a point, or use the arrow keys, to move the map there.
overview-toggle = Overview map
