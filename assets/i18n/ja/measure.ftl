# The measure tool (model/src/measure.rs).
measure-distance = { $km } km（{ $nmi } 海里）
measure-known = よく知られた距離
measure-nearest = { $name }（最も近い地点）
measure-published = 公表値：{ $km } km
